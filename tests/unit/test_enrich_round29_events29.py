"""Round 29, events29 survey: event-trigger senses and forms (data/README.md rule 29j).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports
(tests/data/realworld-events29.jsonl, tests/data/events29.notes.md).
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_ann

TODAY = date(2026, 3, 1)


def _types(text: str) -> set[str]:
    return {e.type for e in real_ann(text, TODAY).event_types}


# ---- a plain death word is a killing only when its sentence names violence

@pytest.mark.parametrize("text", [
    "توفي سجين في سجن شقراء بعد إصابته بأزمة قلبية.",
    "نوبة قلبية حادة عجّلت بوفاة سجين في السجن المحلي بطنجة.",
    "An inmate on death row at Nasiriyah Central Prison died of tuberculosis complications on Sunday.",
    "Investigators are examining prisoner deaths at Abu Ghraib so far ruled natural.",
    "توافد الزوار إلى الكاظمية لإحياء ذكرى وفاة الإمام موسى الكاظم.",
])
def test_plain_death_without_violence_is_no_killing(text: str) -> None:
    assert "killing" not in _types(text)


@pytest.mark.parametrize("text", [
    "وثّقت الشبكة السورية لحقوق الإنسان وفاة معتقل تحت التعذيب في سجن صيدنايا.",
    "Three people died when their car was hit by a Turkish drone near Qamishli.",
    "One refugee died when protests at Zaatari camp turned into clashes with police.",
])
def test_death_with_violence_is_a_killing(text: str) -> None:
    assert "killing" in _types(text)


# ---- forces raiding a camp: a security operation, no attack; gunmen storming a prison stay an attack

@pytest.mark.parametrize("text", [
    "اقتحمت قوات الاحتلال الإسرائيلي فجر السبت مدينة طولكرم ومخيم نور شمس.",
    "اقتحمت جيبات عسكرية إسرائيلية مخيم طولكرم فجر الجمعة وأطلقت قنابل الغاز نحو المنازل.",
])
def test_forces_incursion_is_security_operation(text: str) -> None:
    got = _types(text)
    assert "security_operation" in got and "attack" not in got


def test_gunmen_storming_is_an_attack() -> None:
    assert "attack" in _types("اقتحم مسلحون من داعش سجن غويران في الحسكة بعد تفجير سيارة مفخخة.")


# ---- a trigger inside a name is no event

@pytest.mark.parametrize(("text", "absent"), [
    ("Two rockets landed at Balad air base, Iraq's Joint Operations Command said.", "cooperation_agreement"),
    ("أرسلت قيادة العمليات المشتركة تعزيزات عسكرية إلى الشريط الحدودي قرب القائم.", "cooperation_agreement"),
])
def test_trigger_inside_a_name(text: str, absent: str) -> None:
    assert absent not in _types(text)


def test_event_word_heading_the_name_stays() -> None:
    # "Turkish shelling" reads the actor from the event word: the attack stays
    assert "attack" in _types("Turkish shelling hit a village near Tal Tamr on Monday.")


# ---- not_evidence phrases: attribution, ceasefire, search, a transfer's motive, fleeing war

@pytest.mark.parametrize(("text", "absent"), [
    ("قصفت طائرات التحالف مواقع لداعش جنوب كركوك، وفق بيان للتحالف.", "statement_threat"),
    ("Five rockets struck Ain al-Asad airbase on Tuesday, an Iraqi military statement said.", "statement_threat"),
    ("أعلنت هيئة العمل الفلسطيني المشترك التوصل إلى اتفاق على وقف فوري لإطلاق النار في مخيم عين الحلوة.", "attack"),
    ("اتفقت الفصائل على وقف لإطلاق النار في المخيم يبدأ منتصف الليل.", "attack"),
    ("تواصل فرق الدفاع المدني البحث عن زنازين سرية في سجن صيدنايا.", "cooperation_agreement"),
    ("نقلت الهيئة العامة للسجون مساجين من سجن المرناقية بهدف الحد من الاكتظاظ.", "humanitarian"),
    ("Camp Domiz is home to Syrian Kurds who fled the war, Al Jazeera reported.", "prison_break_riot"),
    ("Security forces returned fire, killing three militants near Qayyara.", "transfer_repatriation"),
])
def test_not_evidence(text: str, absent: str) -> None:
    assert absent not in _types(text)


# ---- trigger forms real reports print

@pytest.mark.parametrize(("text", "typ"), [
    ("أعلنت وزارة الدفاع التركية تحييد أربعة من عناصر بي كي كي شمالي العراق.", "killing"),
    ("قالت وزارة الداخلية إن 12 شخصاً أوقفوا في ريف حمص الشرقي بعد هجوم على حاجز.", "arrest"),
    ("تجدّدت الاشتباكات في عين الحلوة وسقط قتيلان.", "killing"),
    ("Four of the ten men who escaped from a jail in New Orleans have been recaptured.", "arrest"),
    ("The ministry said 81 of the fugitives had since been rearrested.", "arrest"),
    ("The Turkish Defence Ministry said its forces had neutralised 12 PKK militants in northern Iraq.", "killing"),
])
def test_trigger_forms(text: str, typ: str) -> None:
    assert typ in _types(text)


def test_present_tense_holding_is_no_arrest() -> None:
    # `يُحتجز` "is held": where people are, no arrest (no trigger added for it)
    assert "arrest" not in _types("يُحتجز آلاف الأطفال مع أمهاتهم في مخيم روج منذ سنوات.")
