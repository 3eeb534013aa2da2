"""Round 26, actor26ar survey: actors in Arabic reporting on detention, camps, raids, releases and conflict across the
region (Lebanon's General Security, UNHCR's head, duals, "the Israeli enemy", negated verbs, directions, Turkey's
occupation in Kurdish outlets; data/README.md rule 28m).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids, real_ann

TODAY = date(2025, 11, 1)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


# ---- Lebanon's General Security named in full, or its director's title, then the bare name

@pytest.mark.parametrize("text", [
    "بدأ الأمن العام اللبناني جمع أسماء المقيمين السوريين، وطلب الأمن العام من البلديات تزويده بالقوائم.",
    "سيّرت المديرية العامة للأمن العام قافلة عودة جديدة، وتولى عناصر الأمن العام تنظيم الصعود إلى الحافلات.",
    "استقبل المدير العام للأمن العام اللواء حسن شقير وفداً أممياً في مكتبه.",
])
def test_lebanese_general_security_named_then_bare(text: str) -> None:
    got = _ids(text)
    assert "actor:lebanon-gov" in got
    assert "actor:general-security" not in got


@pytest.mark.parametrize("text", [
    "انتشر عناصر الأمن العام في ساحات حمص، فيما أغلق الجيش اللبناني معبراً غير شرعي قرب الحدود.",
    "داهمت قوة من الأمن العام مستودعاً في ريف دمشق وصادرت أسلحة.",
])
def test_syrian_general_security_stays_syrian(text: str) -> None:
    assert "actor:general-security" in _ids(text)


# ---- UNHCR by its head's title: the agency, no UN of its own

@pytest.mark.parametrize("text", [
    "زار المفوض السامي للأمم المتحدة لشؤون اللاجئين بيروت والتقى رئيس الحكومة.",
    "قالت نائبة المفوض السامي لشؤون اللاجئين إن العودة يجب أن تبقى طوعية.",
])
def test_high_commissioner_is_unhcr(text: str) -> None:
    got = _ids(text)
    assert "actor:unhcr" in got
    assert "actor:un" not in got


def test_un_as_an_agencys_owner_is_no_un() -> None:
    got = _ids("خفض برنامج الأغذية العالمي التابع للأمم المتحدة حصص اللاجئين في الأردن.")
    assert got == {"actor:wfp"}
    assert "actor:un" in _ids("قال برنامج الأغذية العالمي إن الأمم المتحدة تواجه عجزاً في التمويل.")


# ---- duals: institution words, their modifiers and nisbas, and two bare ministries under one dual

def test_dual_presidents_name_both_states() -> None:
    got = _ids("التقى الرئيسان الأمريكي والروسي في قمة مغلقة.", date(2018, 7, 20))
    assert {"actor:us", "actor:russia"} <= got


def test_dual_warplanes_with_dual_nisba() -> None:
    assert "actor:israel-gov" in _ids("حلّقت طائرتان حربيتان إسرائيليتان فوق الجنوب قبل أن تغادرا.")


@pytest.mark.parametrize("text,when,expected", [
    ("جرت عمليات التمشيط في ريف اللاذقية بالتنسيق بين وزارتي الدفاع والداخلية.", date(2025, 3, 10),
     {"actor:syrian-defence-ministry", "actor:syrian-interior-ministry"}),
    ("قالت منظمة إن سجوناً سرية في العراق تديرها وزارتا الداخلية والدفاع.", date(2011, 2, 1),
     {"actor:iraq-interior-ministry", "actor:iraqi-security-forces"}),
])
def test_dual_bare_ministries(text: str, when: date, expected: set[str]) -> None:
    assert expected <= _ids(text, when)


# ---- "the Israeli enemy", reinforcements, a craft's type

@pytest.mark.parametrize("text", [
    "العدو الإسرائيلي يقصف أطراف بلدة حدودية",
    "عاد طيران العدو الإسرائيلي إلى التحليق فوق الجنوب.",
    "فجّر المقاومون عبوة بتعزيزات عسكرية إسرائيلية قرب البلدة.",
])
def test_israeli_enemy_and_reinforcements(text: str) -> None:
    assert "actor:israel-gov" in _ids(text)


@pytest.mark.parametrize("text", [
    "قال الخطيب إن العدو الحقيقي هو الفقر والجهل.",
    "يقبع مئات الأسرى في سجون العدو الصهيوني منذ سنوات.",
    "حلّقت طائرة استطلاع لقوات العدو فوق أطراف البلدة.",
])
def test_enemy_without_nisba_or_as_a_prisons_owner_is_none(text: str) -> None:
    assert "actor:israel-gov" not in _ids(text)


def test_helicopter_modifier() -> None:
    assert "actor:russia" in _ids("تزامن القصف مع تحليق الطيران المروحي الروسي فوق خطوط التماس.", date(2020, 6, 1))


def test_national_defence_militia_is_no_ministry() -> None:
    got = _ids("أفرجت الأسايش عن عشرات من عناصر الدفاع الوطني والأمن السوري.", date(2016, 3, 1))
    assert "actor:syrian-defence-ministry" not in got
    assert "actor:lebanon-gov" in _ids("أعلنت وزارة الدفاع الوطني اللبنانية إجراءات جديدة.")


# ---- a country acting: negation particles that only a verb follows, and verbs the list lacked

@pytest.mark.parametrize("text,expected", [
    ("وقال الوكيل إن بغداد لم تستجب لأي من المراسلات.", "actor:iraq-gov"),
    ("أعلن الحرس الثوري توقيف عملاء، ولم تحدد طهران أماكن احتجازهم.", "actor:iran"),
    ("قال مسؤول إن العراق لن يقبل بقاء القوات الأجنبية.", "actor:iraq-gov"),
    ("تمتنع بغداد عن تحويل الرواتب إلى الإقليم.", "actor:iraq-gov"),
])
def test_country_acting_after_negation_and_new_verbs(text: str, expected: str) -> None:
    assert expected in _ids(text)


@pytest.mark.parametrize("text,actor_id", [
    ("قال الرئيس إن البلاد لن تعود إلى تلك الحقبة وإن دمشق لن تعود إليها أبداً.", "actor:syria-transitional-gov"),
    ("نُقل السجين إلى سجن قرب بغداد ولم تره عائلته منذ ذلك اليوم.", "actor:iraq-gov"),
    ("في سوريا لم تُسجَّل أي إصابات جديدة.", "actor:syria-transitional-gov"),
])
def test_negation_that_is_no_act(text: str, actor_id: str) -> None:
    assert actor_id not in _ids(text)


# ---- a country after a preposition and words of direction is where something is

@pytest.mark.parametrize("text", [
    "نفذت طائرة مسيرة ضربة في شمال غربي سوريا استهدفت قيادياً في تنظيم متشدد.",
    "وفي شمال شرق سوريا نفذت الطائرات التركية عشرات الغارات.",
])
def test_direction_after_preposition_is_located(text: str) -> None:
    assert "actor:syria-transitional-gov" not in _ids(text)


def test_country_acting_after_a_located_clause() -> None:
    assert "actor:turkey-gov" in _ids("وفي شمال سوريا أعلنت تركيا بدء عملية جديدة.")


# ---- Turkey's occupation in Kurdish outlets: the bare army of the occupation is Turkey's

def test_bare_occupation_army_in_a_turkish_occupation_text() -> None:
    got = _ids("قصف جيش الاحتلال التركي قرى الريف الشمالي، وحاول جيش الاحتلال التوغل في قرية حدودية.",
               date(2022, 10, 1))
    assert "actor:turkey-gov" in got
    assert "actor:israel-gov" not in got


def test_bare_occupation_army_in_a_west_bank_text_stays_israel() -> None:
    got = _ids("اقتحم جيش الاحتلال مخيم بلاطة في نابلس واعتقل ثلاثة شبان.")
    assert "actor:israel-gov" in got


def test_both_occupations_named_keeps_israel() -> None:
    got = _ids("استهدف جيش الاحتلال التركي قرى زركان، فيما واصل جيش الاحتلال قصف غزة.", date(2024, 1, 10))
    assert {"actor:turkey-gov", "actor:israel-gov"} <= got


# ---- the Asayish by the double-ya spelling

@pytest.mark.parametrize("text", [
    "اعتقلت قوات الآساييش ناشطين في القامشلي.",
    "أفرجت الإدارة عن سجناء من سجون \"آساييش\" في منبج.",
])
def test_asayish_double_ya(text: str) -> None:
    assert "actor:asayish" in _ids(text, date(2019, 6, 1))


def test_located_country_stays_a_place() -> None:
    ann = real_ann("نفذت طائرة ضربة في شمال غربي سوريا استهدفت قيادياً.", TODAY)
    assert "country:SY" in {p.id for p in ann.places}
