"""Round 23, bare23 survey (rule 27c): known facilities named bare, without their head word, where the text makes the
facility clear, and the same names meaning the town or the district — our own sentences after the survey's real forms
(Tadmur and Saydnaya in detainees' transfers, Mezzeh, Iraq's Tasfirat prisons by city, Camp Ashraf's residents)."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


TADMUR, SEDNAYA, MEZZEH = "fac:sy-tadmur-prison", "fac:sy-sednaya-prison", "fac:sy-mezzeh-airport-prison"
TASFIRAT, RUSAFA, ASHRAF = "fac:iq-tasfirat-prison", "fac:iq-rusafa-prison", "fac:iq-camp-ashraf"


def test_a_transfer_between_two_known_prisons_that_towns_share() -> None:
    # time served in one, then moved to the other: both prisons, though both names are towns'
    assert _fac("قضى أبو المجد سبع سنوات في تدمر قبل أن يُنقل إلى صيدنايا عام 1994.") == {TADMUR, SEDNAYA}
    assert _fac("أمضى والدي ثلاث سنوات في المزة، ثم حُوِّل إلى تدمر حيث انقطعت أخباره.") == {MEZZEH, TADMUR}
    assert _fac("Most of the young men seized in the town were first taken to Mezzeh, and from there many were "
                "moved on to Saydnaya.") == {MEZZEH, SEDNAYA}


def test_towns_that_share_a_prison_name_stay_towns_without_a_detainee_transfer() -> None:
    assert _fac("Families displaced from Palmyra were moved to Homs last year.") == set()
    assert _fac("نزح آلاف من أهالي تدمر نحو حمص خشية تقدم عناصر التنظيم.") == set()
    assert "geonames:163808" in _places("استعادت القوات الحكومية مدينة تدمر الأثرية بعد معارك استمرت ثلاثة أسابيع.")
    # two cities with no time served before the first: families move between towns
    assert _fac("عاشت العائلة في تدمر قبل أن تنتقل إلى صيدنايا.") == set()


def test_mezze_is_a_spelling_of_the_mezzeh_prison_and_of_the_district() -> None:
    assert _fac("He was held in Mezze for three years before his trial.") == {MEZZEH}
    assert _fac("Shells fell on Mezze, a district of Damascus.") == set()
    assert "place:sy-mezzeh" in _places("Shells fell on Mezze, a district of Damascus.")


def test_a_known_name_in_a_far_town_in_arabic_is_another_site() -> None:
    assert _fac("سيطر مسلحون على سجن التسفيرات في تكريت بعد تفجير سيارة مفخخة عند بوابته.") == {
        "open:prison:التسفيرات"}
    assert _fac("نُقل الموقوفون إلى سجن التسفيرات بتكريت.") == {"open:prison:التسفيرات"}
    # the known site's own city, and a possessive word that only looks like a town ("in his speech", rule 14)
    assert _fac("نُقل الموقوفون إلى سجن التسفيرات في كركوك بانتظار محاكمتهم.") == {TASFIRAT}
    assert _fac("وقال مدير مخيم الخازر في حديثه لوكالتنا إن المخيم استقبل أربعين عائلة.") == {"fac:iq-khazir-camp"}


def test_a_far_town_before_the_english_name_is_another_site() -> None:
    ann = real_ann("He is held at the Mosul Tasfirat prison.")
    assert {f.id for f in ann.facilities} == {"open:prison:mosul-tasfirat"}
    assert not ann.places  # (the town inside the name, rule 4)
    assert _fac("He was held in Kirkuk's Tasfirat prison.") == {TASFIRAT}


def test_iraqs_transit_prisons_by_their_city_with_no_other_head() -> None:
    assert _fac("وأشار المحامي إلى أن سجيناً سعودياً يقبع بتسفيرات الموصل منذ أشهر.") == {"open:prison:الموصل"}
    assert _fac("أعلنت وزارة العدل خطة لتصفية تسفيرات الرصافة ونقل نزلائها إلى سجون أخرى.") == {RUSAFA}
    assert _fac("نقل إلى سجن تسفيرات الرصافة.") == {RUSAFA}
    # the known site's own city after the head-like word: Kirkuk's Tasfirat, the town inside the name
    ann = real_ann("يقبع في تسفيرات كركوك منذ أشهر.")
    assert {f.id for f in ann.facilities} == {TASFIRAT}
    assert not ann.places


def test_baghdads_tasfirat_by_its_district_is_the_rusafa_complex() -> None:
    assert _fac("أعادت قوات الداخلية بسط سيطرتها على سجن (التسفيرات) بمنطقة الرصافة في بغداد إثر شغب.") == {RUSAFA}
    assert RUSAFA in _fac("Interior Ministry forces regained control of the Tasfirat prison in Baghdad's Rusafa "
                          "district after a riot.")
    assert _fac("Inmates rioted at the Tasfirat prison in Mosul on Thursday night.") == {"open:prison:tasfirat"}


def test_a_word_like_camp_name_where_the_sentence_speaks_of_its_residents() -> None:
    assert _fac("Many residents had not set foot outside Ashraf in years and resisted swapping it for a disused "
                "army base on the edge of Baghdad.") == {ASHRAF}
    assert _fac("Six years on, survivors of Ashraf still gather every September to read the names of the 52 "
                "residents killed inside the camp.") == {ASHRAF}
    assert _fac("وكان النظام قد نفذ المؤامرة ذاتها في أشرف حين قُتل 52 من السكان العزل.") == {ASHRAF}
    # a given name, a person with a surname, the holy city's epithet: no camp
    assert _fac("قال أشرف عبد الله، مدير المدرسة، إن السكان عادوا إلى المخيم.") == set()
    assert _fac("Residents of Ashraf Ghani's home district said the camp was empty.") == set()
    assert _fac("توافد مئات آلاف الزوار إلى النجف الأشرف لإحياء الزيارة الأربعينية.") == set()


def test_the_sentence_going_on_to_the_ancient_city_keeps_the_town() -> None:
    text = ("The militants, who overran Palmyra last month, blew up the jail that stood east of the ancient "
            "city's ruins.")
    ann = real_ann(text)
    assert not ann.facilities
    assert "geonames:163808" in {p.id for p in ann.places}


def test_a_settlement_of_refugees_in_apposition_is_the_camp() -> None:
    assert _fac("Burj el-Barajneh, a Beirut settlement now crowded with Palestinians and Syrians, was laid out in "
                "1948.") == {"fac:lb-burj-al-barajneh-camp"}
    assert _fac("Fighting broke out in Burj el-Barajneh, a Beirut settlement of Palestinian refugees.") == {
        "fac:lb-burj-al-barajneh-camp"}
    # a town in apposition stays the town
    assert _fac("Sednaya, a Christian town north of Damascus, celebrated Easter.") == set()
