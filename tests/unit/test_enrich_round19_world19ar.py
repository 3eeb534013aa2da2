"""Round 19, world19ar survey (data/README.md rule 25j): Arabic reporting on named prisons beyond Syria and Iraq.

Sentences are written for the tests (no copied text); each class has positives and near-miss negatives.
"""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str]]:
    return [(f.id, f.surface) for f in real_ann(text).facilities]


# --- `مركز X التأهيلي`: a centre's name before its "rehabilitative" adjective -------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ('بدأت إدارة السجون تشغيل مركز "فجر" التأهيلي لمن يدخل السجن أول مرة.', "فجر"),
    ("يقضي النزلاء أيامهم في مركز باستوي التأهيلي على جزيرة قرب أوسلو.", "باستوي"),
    ("نُقل السجين إلى مركز «إشراقة» التأهيلي لعلاج الإدمان.", "إشراقة"),
])
def test_rehab_centre_named_before_its_adjective(text: str, name: str) -> None:
    facs = _facs(text)
    assert len(facs) == 1 and facs[0][0].startswith("open:prison:") and name in facs[0][1]


@pytest.mark.parametrize("text", [
    "افتُتح مركز العلاج التأهيلي للمدمنين في العاصمة.",
    "عاد النزلاء إلى مركز التأهيل الشامل في تبوك بعد ترميم المبنى.",
    "زارت الوزيرة مركز الشباب الإصلاحي في المدينة.",
])
def test_service_centres_are_no_prison(text: str) -> None:
    assert _facs(text) == []
    assert not real_ann(text).alert


# --- numbered sites --------------------------------------------------------------------------------------------------

def test_numbered_detention_sites() -> None:
    facs = _facs("كشفت المعارضة عن المعتقل رقم 59 شرق طهران، وقالت إنه بني على غرار السجن 66.")
    assert [f[0] for f in facs] == ["open:prison:59", "open:prison:66"]
    facs = _facs("ويُدار السجن المعروف برقم 66 من أقبية معسكر للحرس الثوري.")
    assert [f[0] for f in facs] == ["open:prison:66"]


@pytest.mark.parametrize("text", [
    "قضت المحكمة بالسجن 15 عاماً على المتهم.",
    "يقضي السجن 25 عاماً بحق قادة الاحتجاجات.",
    "كشف التقرير عن سجن سري يحمل الرقم 59 فقط.",
    "حكم عليه بالسجن المؤبد.",
    "تضاعف عدد نزلاء السجن 12 مرة خلال عقد.",
])
def test_sentences_counts_and_descriptions_are_no_numbered_site(text: str) -> None:
    assert _facs(text) == []


def test_numbered_centres_of_a_complex_among_detainees() -> None:
    # (rule 29u: the Arabic cores `بدر 1`/`بدر 3` are read now, so the centres take their gazetteer entries' open-world
    # ids, as `سجن بدر 3` does)
    facs = _facs("نُقل السجناء ليلاً إلى مركز بدر 3 بعد إضرابهم.")
    assert [f[0] for f in facs] == ["open:prison:badr-3"]
    facs = _facs("تتواصل إضرابات المعتقلين داخل مركزي بدر 1 وبدر 3.")
    assert [f[0] for f in facs] == ["open:prison:badr-1", "open:prison:badr-3"]


def test_numbered_polling_centre_is_no_prison() -> None:
    assert _facs("أدلى الناخبون بأصواتهم في مركز اقتراع 12 وسط المدينة.") == []


# --- a city's central prison and its own name in brackets ----------------------------------------------------------

def test_bracketed_name_after_a_citys_central_prison() -> None:
    ann = real_ann("أضرب مئات النزلاء في السجن المركزي بطهران (فشافويه) احتجاجاً على الحر.")
    assert [f.id for f in ann.facilities] == ["open:prison:greater-tehran"]
    assert "geonames:112931" in {p.id for p in ann.places}  # Tehran stays the place


def test_city_in_brackets_is_no_name() -> None:
    ann = real_ann("أضرب مئات النزلاء في السجن المركزي بطهران (العاصمة) احتجاجاً على الحر.")
    assert ann.facilities == []


# --- Persian names in -ويه and a town's word after a name ----------------------------------------------------------

def test_persian_name_in_wayh_is_a_name() -> None:
    assert [f[0] for f in _facs("وصف معتقلون سجن فشافويه بطهران بالجحيم.")] == ["open:prison:greater-tehran"]


@pytest.mark.parametrize("text", ["زار السجين ذويه في المعتقل أمس.", "نُقل إلى معتقل أبويه."])
def test_short_pronoun_words_stay_words(text: str) -> None:
    assert _facs(text) == []


def test_particle_with_pronoun_is_no_part_of_a_name() -> None:
    facs = _facs("وصف اللواء مركز الإصلاح والتأهيل بدر بأنه نموذج للسجون الحديثة.")
    assert facs == [("open:prison:بدر", "مركز الإصلاح والتأهيل بدر")]


# --- bywords: a notorious prison's name qualified by another country -----------------------------------------------

@pytest.mark.parametrize("text", [
    'تلقب وسائل الإعلام سجن الرزين "غوانتنامو الإمارات" لقسوة ظروفه.',
    "صار المعتقل يعرف بغوانتانامو الإمارات.",
    'يصف معارضون سجن كوبر بأنه "غوانتانامو السودان".',
])
def test_guantanamo_of_another_country_is_a_byword(text: str) -> None:
    assert "fac:cu-guantanamo" not in {f.id for f in real_ann(text).facilities}


def test_guantanamo_itself_stays_the_facility() -> None:
    assert "fac:cu-guantanamo" in {f.id for f in real_ann("نُقل المعتقل اليمني من غوانتانامو إلى عُمان.").facilities}


# --- a prison's parts and US immigration bodies --------------------------------------------------------------------

def test_transit_room_is_no_prison_name() -> None:
    ids = [f.id for f in real_ann('يشكو الأسرى من "معبار" سجن مجدو الضيق.').facilities]
    assert ids == ["fac:il-megiddo-prison"]


@pytest.mark.parametrize("text", [
    "تسرع وكالة الهجرة والجمارك بناء مراكز احتجاز جديدة.",
    "كشفت وثيقة خطط وزارة الأمن الداخلي الأمريكية لمراكز احتجاز ضخمة.",
])
def test_us_immigration_bodies_are_the_us(text: str) -> None:
    assert "actor:us" in {a.id for a in real_ann(text).actors}


def test_other_ministry_of_homeland_security_is_not_the_us() -> None:
    assert "actor:us" not in {a.id for a in real_ann("قالت وزارة الأمن الداخلي إن الحدود آمنة.").actors}
