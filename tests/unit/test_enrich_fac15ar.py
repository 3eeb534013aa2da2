"""Round fac15ar: Arabic prisons under institutional heads (rule 22b), read in a survey of Arabic reporting on prisons
and camps: reform and rehabilitation centres named after a preposition of place (Bahrain's Jau, Egypt's Wadi
al-Natrun and Badr), Libya's institutions, Saudi reformatories, Egypt's penitentiaries and prison complexes named
by their region, Tunis's prison named by a date. Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _open_names(text: str) -> list[str]:
    return [f.surface for f in _ann(text).facilities if f.id.startswith("open:")]


@pytest.mark.parametrize(("text", "surface"), [
    # a name after a preposition of place, past "of the inmates"
    ("نُقل عشرات الموقوفين إلى مركز الإصلاح والتأهيل في جو جنوب المنامة.", "مركز الإصلاح والتأهيل في جو"),
    ("زارت لجنة حقوقية مركز إصلاح وتأهيل النزلاء بجو أمس دون إعلان مسبق.", "مركز إصلاح وتأهيل النزلاء بجو"),
    ("وصل المتهمون إلى مركز الإصلاح والتأهيل بوادي النطرون تحت حراسة مشددة.",
     "مركز الإصلاح والتأهيل بوادي النطرون"),
    ("أُعيد السجين من المستشفى إلى مركز الإصلاح والتأهيل في بدر مساء الأحد.", "مركز الإصلاح والتأهيل في بدر"),
    # other institutional heads
    ("قالت الشرطة القضائية إن مؤسسة الإصلاح والتأهيل معيتيقة لم تُسلَّم لأي قوة أخرى.",
     "مؤسسة الإصلاح والتأهيل معيتيقة"),
    ("أمضى الداعية سنوات في إصلاحية الحائر قبل الإفراج عنه.", "إصلاحية الحائر"),
    ("نُقل الصحفي إلى ليمان المنيا بعد صدور الحكم.", "ليمان المنيا"),
    ("قالت الداخلية إن مجمع سجون وادي النطرون سيستوعب نزلاء اثني عشر سجناً قديماً.", "مجمع سجون وادي النطرون"),
    ("تفقد الوفد منطقة سجون المنيا واستمع إلى شكاوى النزلاء.", "منطقة سجون المنيا"),
    # the Maghreb's definite official designations, the name in quotes or after ب/ل
    ("أضرب سجناء الجناح الخامس في السجن المدني \"عكاشة\" عن الطعام.", 'السجن المدني "عكاشة"'),
    ("فرّ ثلاثة موقوفين من السجن المدني بالمرناقية فجر الثلاثاء.", "السجن المدني بالمرناقية"),
    ("نظمت المؤسسة العقابية للحراش مسابقة لحفظ القرآن بين نزلائها.", "المؤسسة العقابية للحراش"),
    # a prison named by a day and a month
    ("أُغلق سجن 9 أفريل في قلب العاصمة التونسية وتوزع نزلاؤه على سجون أخرى.", "سجن 9 أفريل"),
])
def test_an_institutional_head_names_its_prison(text: str, surface: str) -> None:
    ann = _ann(text)
    assert ann.alert
    assert surface in _open_names(text)


@pytest.mark.parametrize("text", [
    "قالت الوزارة إن مراكز الإصلاح والتأهيل ستحل محل السجون العمومية القديمة.",  # a plural: no site
    "تحدث المدير عن دور مركز الإصلاح والتأهيل في المدينة وأثره على الأسر.",  # a generic noun after في
    "تطرق اللقاء إلى دور مؤسسة الإصلاح والتأهيل في إعادة دمج النزلاء.",  # a verbal noun after في
    "أودعت المحكمة الفتى إصلاحية الأحداث لستة أشهر.",  # the juveniles' reformatory
    "قضت المحكمة بالسجن 9 سنوات على المتهم.",  # a sentence: years, no month
    "حكم القاضي بسجن 3 أشهر مع وقف التنفيذ.",
    "يقع مجمع المحاكم الجديد قرب مجمع الوزارات في العاصمة.",
    "قال المحامي إن السجن المدني مكتظ بثلاثة أضعاف طاقته.",
])
def test_generic_institutions_and_sentences_name_none(text: str) -> None:
    ann = _ann(text)
    assert not ann.facilities and not ann.alert


@pytest.mark.parametrize(("text", "place"), [
    # a centre in a known town or governorate is the place (rule 19b), and a plain detention centre takes no name
    # after a preposition at all
    ("نُقل الموقوف إلى مركز الإصلاح والتأهيل بحلب لاستكمال محاكمته.", "geonames:170063"),
    ("نُقل الموقوف إلى مركز الإصلاح والتأهيل في الحسكة لاستكمال محاكمته.", "geonames:173811"),
    ("احتُجز اللاجئ في مركز توقيف في غازي عنتاب قبل ترحيله.", "geonames:314830"),
    ("قالت الوزارة إن العائلات نُقلت إلى مركز تأهيل في نينوى.", "adm1:IQ-nineveh"),
    ("أودع المتهم السجن المدني بحلب بانتظار محاكمته.", "geonames:170063"),
])
def test_a_centre_in_a_known_place_is_no_name(text: str, place: str) -> None:
    ann = _ann(text)
    assert not ann.facilities and not ann.alert
    assert place in {p.id for p in ann.places}


def test_a_known_core_under_a_complex_head_is_the_known_prison() -> None:
    ids = {f.id for f in _ann("بعد إغلاق مجمع سجون طرة نُقل نزلاؤه إلى بدر.").facilities}
    assert "fac:eg-tora-prison" in ids


def test_the_turkish_camp_keeps_its_name_after_a_camp_head() -> None:
    ids = {f.id for f in _ann("نقلت السلطات التركية لاجئين من مخيم إصلاحية إلى مدن أخرى.").facilities}
    assert ids == {"fac:tr-islahiye-camp"}


@pytest.mark.parametrize(("text", "surface"), [
    # (Jau a gazetteer fact since rule 29i: a known name's surface is its head and name, as for every listed prison)
    ("أعلن سجناء في سجن جو المركزي إضراباً عن الطعام.", "سجن جو"),
    ("نُقل الموقوفون إلى مركز الإصلاح والتأهيل في جو شرق البلاد.", "مركز الإصلاح والتأهيل في جو"),
])
def test_a_two_letter_name_takes_no_direction_or_time_word(text: str, surface: str) -> None:
    assert _open_names(text) == [surface]


@pytest.mark.parametrize(("text", "expected"), [
    # "a high-security prison" is a description; its name, if any, follows ب or في
    ("قال محامٍ إن موكله احتُجز أشهراً في سجن شديد الحراسة قرب العاصمة.", set()),
    ("أُودع المتهمون سجناً مشدد الحراسة في حلب.", set()),
    ("نُقل نزلاء سجن شديد الحراسة بطرة إلى مراكز الإصلاح الجديدة.", {"fac:eg-tora-prison"}),
])
def test_a_high_security_prison_is_no_name(text: str, expected: set[str]) -> None:
    assert {f.id for f in _ann(text).facilities} == expected


def test_a_high_security_prison_named_after_its_town() -> None:
    assert _open_names("افتُتح سجن شديد الحراسة بالمنيا قبل عقد.") == ["سجن شديد الحراسة بالمنيا"]


@pytest.mark.parametrize(("text", "expected"), [
    # a military camp of another country that bears a known camp's name (rule 16)
    ("استعادت قوة حكومية السيطرة على معسكر اليرموك جنوب طرابلس بعد اشتباكات.", set()),
    # the known camps keep their head, in their own country
    ("اقتحمت قوات الاحتلال معسكر جباليا شمال غزة فجر اليوم.", {"fac:ps-jabalia-camp"}),
    ("عادت مئات الأسر إلى مخيم اليرموك جنوب دمشق.", {"fac:sy-yarmouk-camp"}),
])
def test_a_military_camp_elsewhere_is_not_the_known_camp(text: str, expected: set[str]) -> None:
    assert {f.id for f in _ann(text).facilities} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quoted name that is also a common word, after the facility's own staff or inmates (rule 9)
    ("قالت مصادر حقوقية إن إدارة «الحوت» نفذت إعدامات لم تُعلن.", {"fac:iq-nasiriyah-central-prison"}),
    ("شكا نزلاء \"العقرب\" من منع الزيارات منذ أشهر.", {"fac:eg-tora-prison"}),
    # a common word in quotes after another construct stays the word
    ("تحدث الفقيه عن أشد «العقاب» في كتب التراث.", set()),
])
def test_a_quoted_word_name_after_the_facilitys_own_people(text: str, expected: set[str]) -> None:
    assert {f.id for f in _ann(text).facilities} == expected
