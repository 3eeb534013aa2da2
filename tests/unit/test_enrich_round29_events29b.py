"""Round 29, events29b survey: event types, second pass (data/README.md rule 29o).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports
(tests/data/realworld-events29b.jsonl, tests/data/events29b.notes.md).
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_ann

TODAY = date(2026, 3, 1)


def _types(text: str) -> set[str]:
    return {e.type for e in real_ann(text, TODAY).event_types}


# ---- English transfer forms: passives, phrasal verbs, "left" + a camp or prison

@pytest.mark.parametrize("text", [
    "The first 150 ISIS suspects were flown out of Hasakah province by US aircraft on Wednesday night.",
    "Detainees flown in from Syria were led into Al-Karkh prison.",
    "More than 500 Syrians left al-Hol camp on Monday on trucks bound for Deir Ezzor.",
    "Buses carrying 96 freed prisoners pulled out of Ofer before dawn.",
    "Most of the residents went back to their villages before the camp closed.",
    "On December 28 the Lebanese authorities sent back some 70 Syrian soldiers.",
    "The families were bussed to Al-Jadaa camp late that night.",
    "Men held in Ward 209 were taken out of Evin and loaded into vans.",
])
def test_english_transfer_forms(text: str) -> None:
    assert "transfer_repatriation" in _types(text)


@pytest.mark.parametrize("text", [
    "A riot on 2 May left two inmates injured.",          # "left" with no camp or prison after it
    "Funding cuts would leave the families short of water.",
])
def test_left_without_a_site_is_no_transfer(text: str) -> None:
    assert "transfer_repatriation" not in _types(text)


# ---- wanted, planned, refused, denied: no event (rule 6)

@pytest.mark.parametrize("text", [
    "The State Department called on governments to repatriate their citizens from the al-Hol and Roj camps.",
    "Iraq has asked some sixty governments to take back their nationals from al-Hol.",
    "UNICEF called for their urgent repatriation from el-Hol camp.",
    "Baghdad said it would take back another 2,000 Iraqi nationals from al-Hol.",
    "Kurdish leaders warn that dozens of governments still refuse to take back their citizens.",
    "Families in Jeddah 5 camp say they cannot return to Hawija.",
    "طالبت مديرة مخيم الهول جيهان حنان الدول بإعادة رعاياها إلى بلدانهم.",
    "دعا العراق نحو ستين دولة إلى استعادة مواطنيها من مخيم الهول.",
    "وأكد الوزير أن الحكومة لن تسمح بعودة المخيمات إلى محيط المدينة.",
    "يقول إنه لا يفكر بالعودة قبل أن يُعمَّر بيته.",
    "نفذ السجناء إضراباً عن الطعام مطالبين بترحيلهم إلى سوريا.",
])
def test_unreal_transfer_is_none(text: str) -> None:
    assert "transfer_repatriation" not in _types(text)


@pytest.mark.parametrize("text", [
    "Iraqi forces arrested three suspects who were planning to attack a checkpoint.",
    "قال القيادي إن الخلية كانت تخطط لهجوم على سجن غويران.",
])
def test_planned_attack_is_none(text: str) -> None:
    types = _types(text)
    assert "attack" not in types


def test_denied_escape_is_none() -> None:
    types = _types("نفت وزارة الداخلية السورية فرار أي سجين من سجن الأقطان.")
    assert "prison_break_riot" not in types and "statement_threat" in types


def test_real_transfer_stays() -> None:
    assert "transfer_repatriation" in _types("استعادت قرابة 30 دولة نحو 400 امرأة من مخيمات شمال شرقي سوريا.")
    assert "transfer_repatriation" in _types("Lebanon and Syria moved 300 inmates from Roumieh to Syrian jails.")


# ---- a hospital for the wounded or the dead is care, no transfer; a detainee moved there under guard stays one

@pytest.mark.parametrize("text", [
    "أصيب شاب بطلق ناري في رجله داخل مخيم البداوي، ونُقل إلى مستشفى صفد لتلقي العلاج.",
    "توفي نزيل في سجن الحوت بعد نقله إلى المستشفى بسبب فشل كلوي.",
    "Two men shot in Beddawi camp on Friday were taken to Safad hospital for treatment.",
])
def test_hospital_care_is_no_transfer(text: str) -> None:
    assert "transfer_repatriation" not in _types(text)


def test_detainee_to_hospital_stays_transfer() -> None:
    assert "transfer_repatriation" in _types("نُقل الرئيس المعتقل إلى مستشفى المزة العسكري حيث بقي تحت الحراسة.")


# ---- the bare noun "strike" is an attack; a hunger, labour or prison strike is none

@pytest.mark.parametrize("text", [
    "An Israeli strike on a tent camp in Rafah killed dozens on Sunday.",
    "Israeli strikes on Nuseirat refugee camp killed 12 people.",
])
def test_strike_is_attack(text: str) -> None:
    assert "attack" in _types(text)


@pytest.mark.parametrize("text", [
    "Prison guards in several provinces went on strike over unpaid salaries.",
    "Inmates at Ghezel Hesar kept up a hunger strike for a third day.",
    "Every inmate in Qarchak had joined a strike against the conditions there.",
    "Prison strikes can also take the form of hunger strikes.",
    "The Senate cut the three-strikes penalty from life in prison to 25 years.",
])
def test_labour_strike_is_no_attack(text: str) -> None:
    assert "attack" not in _types(text)


# ---- Arabic forms: the curfew's other noun, the call's participle, the buses

def test_arabic_forms() -> None:
    assert "security_operation" in _types("فرض جيش الاحتلال حظر تجوال على مخيم جنين.")
    assert "statement_threat" in _types("رحبت الوزارة بالقرار، داعيةً الدول إلى تحمل مسؤولياتها.")
    assert "transfer_repatriation" in _types("خرجت الحافلات من مخيم الهول وعلى متنها 500 سوري.")
