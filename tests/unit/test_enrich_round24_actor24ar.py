"""Round 24, actor24ar survey: actors in Arabic reporting on detention and displacement beyond north-east Syria
(Israel's prisons, Lebanon's camps, Iraq and the Kurdistan Region, Jordan; data/README.md rule 27o).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids

TODAY = date(2025, 11, 1)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


# ---- bare `الأمن العام` in a Lebanon or Jordan text, also after ل (`للأمن العام`)

@pytest.mark.parametrize("text", [
    "سلّم أحد المطلوبين نفسه عند مدخل مخيم عين الحلوة لدورية تابعة للأمن العام في صيدا.",
    "أوقف الأمن العام عند حاجز المخيم في صيدا فلسطينياً مطلوباً بمذكرة توقيف.",
])
def test_bare_general_security_in_lebanon_is_lebanon(text: str) -> None:
    got = _ids(text)
    assert "actor:lebanon-gov" in got
    assert "actor:general-security" not in got


def test_bare_general_security_in_jordan_is_jordan() -> None:
    got = _ids("قالت مصادر إن الأمن العام أغلق الطرق المؤدية إلى مخيم الزعتري في المفرق بعد مشاجرة.")
    assert "actor:jordan-gov" in got
    assert "actor:general-security" not in got


@pytest.mark.parametrize("text", [
    "اعتقلت دورية للأمن العام شابين في بلدة الشحيل بريف دير الزور.",
    "انتشرت عناصر الأمن العام في محيط سجن حمص المركزي.",
])
def test_general_security_in_syria_stays(text: str) -> None:
    assert "actor:general-security" in _ids(text)


# ---- Iraq's Counter-Terrorism Service by name before a town of the Kurdistan Region: the KRG's directorate

@pytest.mark.parametrize("text", [
    "اعتقل جهاز مكافحة الإرهاب في السليمانية صحفيين على طريق كركوك.",
    "أوقف جهاز مكافحة الإرهاب بأربيل ناشطاً بعد منشور على فيسبوك.",
])
def test_ctc_of_kurdistan_town_is_krg(text: str) -> None:
    got = _ids(text)
    assert "actor:krg" in got
    assert "actor:ctc" not in got


@pytest.mark.parametrize("text", [
    "نفذ جهاز مكافحة الإرهاب عملية في صحراء الأنبار قتل فيها ثلاثة من عناصر داعش.",
    "قال جهاز مكافحة الإرهاب في بيان إن قواته اعتقلت مطلوباً في كركوك.",
])
def test_ctc_elsewhere_stays(text: str) -> None:
    assert "actor:ctc" in _ids(text)


# ---- the dual `الحكومتان` over coordinated nisbas names both governments

def test_dual_governments_by_nisbas() -> None:
    got = _ids("وقّعت الحكومتان اللبنانية والسورية في بيروت اتفاقاً لنقل المحكومين.", date(2026, 2, 6))
    assert {"actor:lebanon-gov", "actor:syria-transitional-gov"} <= got


def test_one_government_one_actor() -> None:
    got = _ids("قالت الحكومة اللبنانية إنها ستبحث ملف الموقوفين في جلستها المقبلة في بيروت.")
    assert "actor:lebanon-gov" in got
    assert "actor:syria-transitional-gov" not in got


# ---- portfolio ministries: human rights (Iraq's), the treasury

@pytest.mark.parametrize("text,actor", [
    ("قالت وزارة حقوق الإنسان إن المقبرة الجماعية المكتشفة قرب السماوة تضم رفات عشرات الضحايا في العراق.",
     "actor:iraq-gov"),
    ("فرضت وزارة الخزانة الأميركية عقوبات على ضابطين في الشرطة العسكرية.", "actor:us"),
])
def test_portfolio_ministries(text: str, actor: str) -> None:
    assert actor in _ids(text)


def test_human_rights_group_is_no_ministry() -> None:
    got = _ids("قالت منظمة حقوق الإنسان في العراق إن المعتقلين يعانون الاكتظاظ.")
    assert "actor:iraq-gov" not in got


# ---- Fatah's members and officers by its nisba

@pytest.mark.parametrize("text", [
    "تغيب اللواء الفتحاوي منير المقدح عن اجتماع هيئة العمل الفلسطيني المشترك في بيروت.",
    "قال القيادي الفتحاوي إن الاشتباكات في مخيم عين الحلوة توقفت عند الفجر.",
])
def test_fatah_nisba_is_fatah(text: str) -> None:
    assert "actor:fatah" in _ids(text)


@pytest.mark.parametrize("text", [
    "اتهمت حركة حماس السلطة بملاحقة أنصارها في نابلس.",
    "قال اللواء العراقي المتقاعد إن الحدود مؤمنة.",  # a rank with a state's nisba: a person, no movement
])
def test_no_fatah_without_its_name(text: str) -> None:
    assert "actor:fatah" not in _ids(text)
