"""Facility names as outlets print them (issue 7, classes 1–6): quotes and marks between head and name,
lists under dual/plural heads, bare names that refer to a facility, whole multi-word names, generic
words after a head, spelling variants. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from services.enrich.variants import skeleton
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def fac_ids(text: str) -> list[str]:
    return [f.id for f in ann(text).facilities]


@pytest.mark.parametrize(("text", "fid"), [
    ('نُقلت عشرات العائلات صباح اليوم من مخيم "الهول" بحافلات', "fac:sy-al-hol-camp"),
    ("شددت القوات الحراسة حول سجن «غويران» في الحسكة", "fac:sy-ghwayran-prison"),
    ("وصلت قافلة الأدوية إلى مخيم “روج” قرب المالكية", "fac:sy-roj-camp"),
    ("زار الوفد مخيم « الزعتري » في المفرق", "fac:jo-zaatari-camp"),
    ("تعيش العائلات في مخيم ”روج” منذ سنوات", "fac:sy-roj-camp"),
    ("عاد الهدوء إلى مخيّمِ “الركبان” بعد وصول المياه", "fac:sy-rukban-camp"),
    ("Survivors of Tadmor “Palmyra ” Prison gave evidence", "fac:sy-tadmur-prison"),
    ("أُفرج عن معتقلين من سجنِ ‹صيدنايا›", "fac:sy-sednaya-prison"),
])
def test_quoted_name_after_head(text: str, fid: str) -> None:
    a = ann(text)
    assert a.alert and fid in {f.id for f in a.facilities}


@pytest.mark.parametrize(("text", "want"), [
    ("جرى تسليم سجنا أبو غريب والتاجي إلى وزارة العدل", {"fac:iq-abu-ghraib-prison", "fac:iq-taji-prison"}),
    ("تضم مخيمي الهول وروج آلاف الأجانب", {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}),
    ("Guards at the al-Hol and Roj camps were reinforced.", {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}),
    ("Aid reached the Hol, Roj and Ain Issa camps this week.",
     {"fac:sy-al-hol-camp", "fac:sy-roj-camp", "fac:sy-ain-issa-camp"}),
])
def test_coordinated_names_under_one_head(text: str, want: set[str]) -> None:
    assert set(fac_ids(text)) == want


def test_plural_head_list_gives_open_world_names() -> None:
    a = ann("وثّق التقرير الانتهاكات في سجون عدرا وحماة وحارم خلال العقد الماضي")
    # Hama's prison is the known Hama Central Prison (named after its town); Harem's is known since gaz26 (rule 28i)
    assert [f.id for f in a.facilities] == ["fac:sy-adra-prison", "fac:sy-hama-central-prison", "fac:sy-harem-prison"]
    assert a.places == []  # the towns inside the prisons' names are not places (rule 3)
    assert not ann("تعاني مخيمات الشمال من نقص الوقود").alert  # one name under a plural head: generic


@pytest.mark.parametrize(("text", "fid"), [
    ("من غويران لـ«الهول».. رحلة العائلات الأخيرة", "fac:sy-al-hol-camp"),
    ("وصلت الحافلات إلى مخيم الهول ظهراً. وقالت الإدارة إن الهول سيُغلق قريباً", "fac:sy-al-hol-camp"),
    ("Detainees held in Ghwayran were moved overnight.", "fac:sy-ghwayran-prison"),
])
def test_bare_name_meaning_the_facility(text: str, fid: str) -> None:
    a = ann(text)
    assert fid in {f.id for f in a.facilities}
    assert "geonames:173797" not in {p.id for p in a.places}  # al-Hol read as the camp is not the town


def test_bare_names_listed_together_or_as_a_place() -> None:
    assert set(fac_ids("تسلمت بغداد محتجزين من غويران وبانوراما عبر معبر ربيعة")) == {"fac:sy-ghwayran-prison"}
    a = ann("Other detention centres in Qamishli and Malikiyah stay under guard.")
    assert not a.alert and {p.surface for p in a.places} == {"Qamishli", "Malikiyah"}
    a = ann("نُقل المعتقلون من غزة إلى معسكر سديه تيمان في النقب")
    assert [f.id for f in a.facilities] == ["fac:il-sde-teiman"]  # where the named facility is


def test_town_and_city_stay_places() -> None:
    a = ann("أغلقت السلطات مخيم الهول، وتقع بلدة الهول على طريق الحسكة")
    assert "geonames:173797" in {p.id for p in a.places}  # a town cue keeps the town
    a = ann("Tadmur prison was blown up days after ISIS seized Palmyra.")
    assert [p.surface for p in a.places] == ["Palmyra"]  # a city's name needs words about the facility
    assert ann("قصفت المدفعية محيط بريف ديريك ومخيم نوروز").places[0].surface == "ديريك"


@pytest.mark.parametrize(("text", "fid", "surface"), [
    ("قضى سنوات في سجن مدينة تدمر العسكري", "fac:sy-tadmur-prison", "سجن مدينة تدمر العسكري"),
    ("وصل النازحون إلى مخيّم الشيخ إدريس قرب المدينة", "open:camp:الشيخ-ادريس", "مخيّم الشيخ إدريس"),
    ("اندلع حريق في مخيم الشهيد رستم جودي في الحسكة", "open:camp:الشهيد-رستم-جودي", "مخيم الشهيد رستم جودي"),
    ('تعيش 300 عائلة في مخيم "الشهيد رستم جودي" منذ سنوات', "open:camp:الشهيد-رستم-جودي",
     'مخيم "الشهيد رستم جودي"'),  # the closing quote belongs to the surface too
    ("Lawyers visited the Central Prison of Adra on Monday.", "fac:sy-adra-prison", None),
])
def test_whole_multiword_name(text: str, fid: str, surface: str | None) -> None:
    f = ann(text).facilities
    assert [x.id for x in f] == [fid]
    if surface:
        assert f[0].surface == surface


@pytest.mark.parametrize("text", [
    "خُصص سجن مخصص للنساء في المبنى الجديد",
    "نُقل إلى معتقل بريطاني سري",
    "احتُجز في سجن قياديا في التنظيم",
    "بقي المعتقل الذي انتهت صلاحيته مغلقاً، وهو معتقل انتهت صلاحيته منذ سنوات",
    "ظل مخيم كغيره من المخيمات بلا كهرباء",
    "وقّعت اتفاقية مخيم داود عام 1978",
    "The design copied a Y-shaped prison from the 1930s.",
    "The International Camp of Greater Amman hosted scouts.",
    "The US-run prison closed years ago.",
])
def test_generic_words_after_a_head_are_no_name(text: str) -> None:
    a = ann(text)
    assert not a.alert, a.facilities


@pytest.mark.parametrize(("text", "fid"), [
    ("Families in the Hull camp waited for water.", "fac:sy-al-hol-camp"),
    ("Aid reached the makeshift Rubkan camp.", "fac:sy-rukban-camp"),
    ("نقلت السلطات العائلات من مخيم الهوول", "fac:sy-al-hol-camp"),
    ("Rioters seized Hama prison on Friday.", "fac:sy-hama-central-prison"),
    ("Riot police entered Gweiran prison at dawn.", "fac:sy-ghwayran-prison"),
    ("هرب سجناء من سجن بانورما في الحسكة", "fac:sy-ghwayran-prison"),
    ("نُقل المدانون إلى سجن بادوشأ غرب الموصل", "fac:iq-badush-prison"),
])
def test_spelling_variants_next_to_a_head(text: str, fid: str) -> None:
    assert fac_ids(text) == [fid]


def test_variants_need_enough_letters() -> None:
    assert skeleton("Hull") == skeleton("Hol") == skeleton("Hawl") == skeleton("al-Holl")
    assert skeleton("بانورما") == skeleton("بانوراما")
    # a long name with two consonants and a short Arabic skeleton identify nothing
    assert fac_ids("Residents of Dashisha camp complained of heat.") == ["open:camp:dashisha"]
    assert not ann("وقّعت اتفاقية مخيم داود").alert


def test_hashtag_words_joined_by_underscores() -> None:
    text = "#مخيم_الهول: وصول دفعة جديدة من العائلات إلى #الموصل"
    a = ann(text)
    assert [(f.surface, f.id) for f in a.facilities] == [("مخيم_الهول", "fac:sy-al-hol-camp")]
    assert all(text[m.start : m.end] == m.surface for m in [*a.facilities, *a.places])


def test_where_an_unnamed_facility_is_stays_a_place() -> None:
    a = ann("نُقل المحتجزون إلى غويران بعد إغلاق مركز الاحتجاز المؤقت في الشدادي.")
    assert [f.id for f in a.facilities] == ["fac:sy-ghwayran-prison"]
    assert [p.surface for p in a.places] == ["الشدادي"]
    a = ann("غمرت مياه الأمطار خياماً في مخيمات الكرامة والسلام والنور والأمل قرب سرمدا.")
    assert [p.surface for p in a.places] == ["سرمدا"]  # a list of camps ends where their place begins
    a = ann("أعلنت تركيا ترحيل 40 سورياً ونقل 40 عائلة سورية إلى سوريا")
    assert [p.surface for p in a.places] == ["تركيا", "سوريا"]  # "Syrians", "Syrian families" are no country


@pytest.mark.parametrize(("text", "want"), [
    ("سيطر المعتقلون على السجن المركزي في حماة وأسروا حراساً", ["fac:sy-hama-central-prison"]),
    ("تجولت الكاميرا داخل السجن المركزي في منطقة عفرين", ["fac:sy-afrin-central-prison"]),
    ("Inmates rioted at Aleppo’s central prison on Sunday.", ["fac:sy-aleppo-central-prison"]),
    ("يُعتبر سجن حماة المدني تحت إشراف وزارة العدل", ["fac:sy-hama-central-prison"]),
    ("هاجم التنظيم سجن الحسكة المعروف بسجن \"غويران\" لتحرير عناصره", ["fac:sy-ghwayran-prison"]),
    ("استجابت الفرق لمخيمات الأماني والغرباء والتكافل في منطقة أطمة",
     ["open:camp:الاماني", "open:camp:الغرباء", "open:camp:التكافل"]),
    ("وتقيم العوائل في مخيم خانك التابع لمحافظة دهوك", ["fac:iq-khanke-camp"]),
])
def test_town_prisons_and_lists_as_printed(text: str, want: list[str]) -> None:
    assert fac_ids(text) == want


@pytest.mark.parametrize("text", [
    "طولكرم: أنذر الجيش السكان بإخلاء المنازل قبل الفجر",  # a city's dateline
    "هُدمت مئات المباني في نابلس وطولكرم ونزح الآلاف",  # a list of cities
    "وأفادت كتيبة جنين بأن مقاتليها اشتبكوا مع قوة خاصة",  # a brigade named after the town
    "المخيمات العشوائية بين معبر باب السلامة الحدودي وبلدة اعزاز",  # a crossing
    "اشتباكات في حي حطين غرب المدينة",  # a neighbourhood
    "صور من الداخل: ”بلاطة” واحدة لكل سجين",  # one tile
])
def test_town_words_before_a_bare_name(text: str) -> None:
    assert not ann(text).alert, ann(text).facilities


@pytest.mark.parametrize(("text", "want"), [
    ("AIN AL-HILWEH (Lebanon) - Two people were killed in clashes at the country's largest refugee camp.",
     ["fac:lb-ain-al-hilweh-camp"]),  # a camp's own dateline
    ("As Syrian refugees leave Zaatari, some bring their caravans with them", ["fac:jo-zaatari-camp"]),
    ("A blast hit the Falluja neighbourhood of the Jabalya refugee camps.", ["fac:ps-jabalia-camp"]),
    ("211 IDPs left the Dawdya, Chamashko, Bersev camps.",
     ["fac:iq-dawodiya-camp", "fac:iq-chamishku-camp", "fac:iq-berseve-camp"]),  # Dawdya: a listed spelling
    ("ISIS fighters escaped from the Raqqah Detention Facility.", ["fac:sy-raqqa-central-prison"]),
    ("A strike hit a school within a central Gaza refugee camp.", []),  # one of a kind, not a name
])
def test_english_real_world_forms(text: str, want: list[str]) -> None:
    assert fac_ids(text) == want


@pytest.mark.parametrize(("text", "places"), [
    ("عرضت قناة القاهرة الإخبارية خبرا عاجلا عن المخيم", []),  # an outlet's name
    ("وقال المصدر في حديث لـ (بغداد اليوم)، إن الوزارة نفذت الحكم", []),
    ("قال مصدر مسؤول في محافظة نينوى اليوم الثلاثاء إن القرار صدر", ["محافظة نينوى"]),  # "today"
    ("Sources told Syria Direct that the camp was emptied.", []),
    ("يا بياخذوهم على السجن أو ما بعرف وين", []),  # "where", not Vienna
])
def test_names_that_hold_a_place_name(text: str, places: list[str]) -> None:
    assert [p.surface for p in ann(text).places] == places


@pytest.mark.parametrize(("text", "fid", "surface"), [
    ('نُقل السجناء إلى سجن "كسب 1004" وفق المرصد.', "open:prison:كسب-1004", 'سجن "كسب 1004"'),
    ("Families left the 'Roj' camp on Sunday.", "fac:sy-roj-camp", "'Roj' camp"),
    ("Inmates rioted at the “Al-Sinaah” prison in Hasakah.", "fac:sy-ghwayran-prison", "“Al-Sinaah” prison"),
    ("Refugees held in the “Village 5” camp cannot leave.", "open:camp:village-5", "“Village 5” camp"),
    ("He was held for months in a camp known as ‘Village 5’.", "open:camp:village-5", "‘Village 5’"),
    ('نقلوا إلى مخيم يعرف باسم "القرية 5" داخل الأزرق.', "open:camp:القريه-5", '"القرية 5"'),
])
def test_quoted_names_keep_both_quotes(text: str, fid: str, surface: str) -> None:
    f = ann(text).facilities
    assert [(x.id, x.surface) for x in f] == [(fid, surface)]


@pytest.mark.parametrize("text", ["The “summer” camp closed early.", "They trained at a boot camp in Texas.",
                                  "Sina'a is a word for industry."])
def test_quoted_common_words_are_no_facility(text: str) -> None:
    assert ann(text).facilities == []


@pytest.mark.parametrize(("text", "fid"), [
    ("Clashes erupted again in Ain al-Hilweh on Monday between Fatah and Islamist militants.",
     "fac:lb-ain-al-hilweh-camp"),
    ("Israeli forces imposed a siege around Nour Shams overnight.", "fac:ps-nur-shams-camp"),
    ("تجددت الاشتباكات في عين الحلوة بين حركة فتح ومجموعات متشددة.", "fac:lb-ain-al-hilweh-camp"),
])
def test_a_camp_no_town_shares_its_name_with_is_the_camp_bare(text: str, fid: str) -> None:
    assert [x.id for x in ann(text).facilities] == [fid]


def test_a_bare_camp_name_before_a_river_or_crossing_is_not_the_camp() -> None:
    assert ann("Fishermen cast nets in the Nahr al-Bared river at dawn.").facilities == []
    assert ann("Trucks waited at the Rukban crossing for a week.").facilities == []


def test_a_bare_camp_keeps_its_name_where_geonames_lists_the_camp_as_a_town() -> None:
    # GeoNames' Balāţah is the camp itself: the catalogue's `bare` flag says no town bears the name
    assert [x.id for x in ann("Residents of Balata staged a general strike on Monday.").facilities] == \
        ["fac:ps-balata-camp"]
    assert ann("لم تعد بلاطة واحدة سليمة في ساحة البلدة.").facilities == []  # Arabic بلاطة: a tile


def test_known_names_listed_after_a_plural_head_and_at() -> None:
    f = ann("Dozens of families have left the ISIS camps at Al Hol and Al Roj this year.").facilities
    assert [x.id for x in f] == ["fac:sy-al-hol-camp", "fac:sy-roj-camp"]
    assert ann("The prisons in Abu Ghraib and Taji were emptied.").facilities == []  # the towns' prisons


@pytest.mark.parametrize("text", [
    "Critics called it a “Guantanamo-style” prison in the desert.",
    "وصف ناشطون المعتقل بأنه سجن على غرار غوانتانامو في الصحراء.",
    "تحول المخيم إلى ما يشبه غوانتانامو جديداً.",
])
def test_a_facility_named_for_a_comparison_is_not_named(text: str) -> None:
    assert [f.id for f in ann(text).facilities if f.id == "fac:cu-guantanamo"] == []


def test_a_quoted_name_of_generic_words_is_a_name_when_one_word_is_not_generic() -> None:
    assert [f.id for f in ann("The “New Life” camp for orphans opened in Idlib.").facilities] == ["open:camp:new-life"]
    assert ann("He described the 'Syrian' camp as overcrowded.").facilities == []
    assert [f.id for f in ann("Detainees were flown to Guantanamo in 2002.").facilities] == ["fac:cu-guantanamo"]
