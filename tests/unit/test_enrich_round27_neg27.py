"""Round 27, neg27 survey: alert precision on camp, prison and detention words of other senses in Arabic and English
(works' titles at every mention, seasonal and academy camps, a region as "the great prison", disused prisons, a
place's oilfield and liaison office, a police station's district, the people held between a work's word and a real
prison; data/README.md rule 28z).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_ann

TODAY = date(2026, 3, 10)


def _alert(text: str) -> bool:
    return real_ann(text, TODAY).alert


def _fac_ids(text: str) -> set[str]:
    return {f.id for f in real_ann(text, TODAY).facilities}


# ---- a work's title: a plural head's list after the work's word, the title's later mentions, a plot word with a
# pronoun suffix, the damma's verb before a quoted name

@pytest.mark.parametrize("text", [
    "يعرض مسلسل سجون العتمة، وهو عمل درامي من عشر حلقات، حكايات معتقلين سابقين.",
    "بدأ تصوير مسلسل «سجن الغيم» في الربيع. ويقول الكاتب إن سجن الغيم في العمل رمز لا مكان حقيقي.",
    "أبرز ما في الموسم سجن سليم العطار، الذي أدى دوره الممثل ماهر حسن في مسلسل أيام المدينة.",
    "وفي آخر حلقة من المسلسل سُجن «الباشا» بعد أن انكشفت صفقاته.",
])
def test_work_titles_name_no_prison(text: str) -> None:
    assert not _alert(text)


def test_known_prison_in_a_series_is_still_named() -> None:
    text = "يروي مسلسل جديد عصيان سجن صيدنايا عام 2008، وصُوّرت مشاهده في مصنع قديم قرب بيروت."
    assert "fac:sy-sednaya-prison" in _fac_ids(text)


def test_film_screened_for_inmates_of_a_real_prison() -> None:
    text = "The festival screened the film for inmates of the Mornag prison south of Tunis."
    assert _alert(text)


# ---- leisure camps: a season's or a feast's camp, the apposition of a scouts' camp, an academy's youth camp

@pytest.mark.parametrize("text", [
    "Our Easter camp took place in the hills above Byblos, the first camp for the troop's new scouts.",
    "The church youth group held its winter camp at a guesthouse near Zahle.",
    "اختتم مخيم الحربية الصيفي لطلاب المدارس نشاطاته بعد أسبوع من التدريبات.",
    "انطلق مخيم الكلية السنوي للطلاب الجدد في الجبل.",
])
def test_leisure_and_academy_camps(text: str) -> None:
    assert not _alert(text)


def test_winter_camp_of_the_displaced_keeps_its_name() -> None:
    text = "Displaced families in the Salam camp received winter kits as rain flooded tents."
    assert _alert(text)


# ---- a region called "the great prison"; a disused prison

@pytest.mark.parametrize("text", [
    "يعيش أكثر من مليوني إنسان في سجن قطاع غزة الكبير منذ سنوات الحصار.",
    "لجأت عائلات نازحة إلى سجن “الواحة” المهجور شرق المدينة.",
    "Families sheltered in the abandoned Wadi prison after the evacuation order.",
])
def test_metaphor_and_disused(text: str) -> None:
    assert not _alert(text)


# ---- a camp's place named as another thing's: an oilfield, a liaison office, a police station's district

@pytest.mark.parametrize("text", [
    "The Roj oilfield resumed pumping after repairs, the operator said.",
    "ارتفع إنتاج حقل روج النفطي هذا الشهر.",
    "He waited a week for a permit from the Qalandiya DCO.",
    "Relatives of the detainees gathered outside the Helou police station in Mar Elias.",
])
def test_places_of_other_things(text: str) -> None:
    assert not _alert(text)


@pytest.mark.parametrize("text, fac", [
    ("Clashes broke out in Mar Elias camp in Beirut overnight.", "fac:lb-mar-elias-camp"),
    ("Women at the Roj camp were questioned by the police.", "fac:sy-roj-camp"),
])
def test_camps_still_named(text: str, fac: str) -> None:
    assert fac in _fac_ids(text)


# ---- a gazetteer fact: Jabal el-Hussein camp as Jordanian outlets name it

def test_hussein_camp_alias() -> None:
    assert "fac:jo-jabal-el-hussein-camp" in _fac_ids("ارتفعت الأسعار في سوق مخيم الحسين بعمّان هذا الأسبوع.")
    assert not _alert("تمتد أسواق جبل الحسين على طول الشارع الرئيسي في عمّان.")
