"""Round 24, rule 27h: a facility whose bare name news uses far more often than its small town's (al-Hol, Roj,
Ghwayran; Zaatari in English) is the facility when no town word, road, distance, person's origin or pre-war time
makes it the town. Our own sentences, reproducing forms outlets print."""

from tests.unit.enrich_support import real_ann

HOL, ROJ, GHWAYRAN, ZAATARI = ("fac:sy-al-hol-camp", "fac:sy-roj-camp", "fac:sy-ghwayran-prison",
                               "fac:jo-zaatari-camp")
HOL_TOWN = "geonames:173797"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_bare_name_with_weak_context_is_the_facility() -> None:
    assert _fac("The teenager was found in al-Hol in February 2019, heavily pregnant.") == {HOL}
    assert _fac("Baghdad says the last Iraqi family will leave al-Hol by 2027.") == {HOL}
    assert _fac("Government forces entered al-Hol on Tuesday, hours after the SDF pulled out.") == {HOL}
    assert _fac("دخلت قوات الأمن العام إلى الهول بعد ساعات من انسحاب قسد.") == {HOL}
    assert _fac("sdf says ghwayran calm again after the night's riot") == {GHWAYRAN}
    assert _fac("Hasakah: calm returns to Ghweiran after dozens of inmates surrender") == {GHWAYRAN}
    assert _fac("Life along the main street of Zaatari has slowed since many Syrians went home.") == {ZAATARI}
    assert HOL_TOWN not in _places("The teenager was found in al-Hol in February 2019.")


def test_the_town_where_the_text_makes_it_one() -> None:
    assert _fac("Al-Hol itself is a little town close to the Iraqi border.") == set()
    assert _fac("Farmers near al-Hol say the wheat failed this year.") == set()
    assert _fac("The road from Hasakah to al-Hol was shut for a day.") == set()
    assert _fac("أُغلق الطريق المؤدي إلى الهول ساعات بعد الانفجار.") == set()
    assert _fac("مزارعو الهول يخسرون موسمهم بسبب الجفاف") == set()
    assert _fac("رحلت العائلة من الموصل إلى الهول لتعمل في الزراعة قبل الحرب بسنوات.") == set()
    assert _fac("Water ran out in the Ghweiran and Nashwa neighbourhoods of Hasakah.") == set()
    assert _fac("An al-Hol native, he moved to Hasakah as a boy to study.") == set()
    assert HOL_TOWN in _places("Al-Hol itself is a little town close to the Iraqi border.")


def test_the_arabic_word_and_other_senses_stay_words() -> None:
    assert _fac("يا للهول! قال المتابعون عن صور الدمار.") == set()
    assert _fac("لم يفق أهالي الحي من الهول الذي عاشوه ليلة القصف.") == set()
    assert _fac("Roj means \"day\" in Kurdish and names several newspapers.") == set()
    assert _fac("تشهد مناطق روج آفا أزمة مياه خانقة.") == set()


def test_a_way_through_the_town() -> None:
    assert _fac("Fuel tankers drove through al-Hol before dawn on their way to Iraq.") == set()
