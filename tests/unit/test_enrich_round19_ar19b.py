"""Round 19, ar19b survey: a camp or prison named two ways, and a base's name vs its prison (README rule 25q)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


# --- another name after "and was named", "formerly known as", "known among the locals as"


def test_camp_then_was_named_is_one_camp() -> None:
    text = "ثم افتُتح مخيم أطمة وأُطلق عليه اسم مخيم الزيتون، قبل أن تكثر الخيام حوله."
    assert _facs(text) == {"fac:sy-atmeh-camp"}


def test_known_among_locals_as_is_one_camp() -> None:
    text = "مخيم جرش، المعروف بين الأهالي باسم مخيم غزة، أقيم بعد حرب 1967."
    assert _facs(text) == {"fac:jo-jerash-camp"}


def test_unknown_camp_formerly_known_as_is_one_camp() -> None:
    text = "مخيم الشهيد عزمي المفتي، المعروف سابقاً بمخيم الحصن، يقع جنوب إربد."
    facs = real_ann(text).facilities
    # a gazetteer camp since rule 27z (Husn camp, officially the Martyr Azmi al-Mufti camp): both names, one id
    assert {f.id for f in facs} == {"fac:jo-husn-camp"}
    assert facs[0].surface == "مخيم الشهيد عزمي المفتي"


def test_naming_verb_then_quoted_second_name_is_one_camp() -> None:
    text = "يسمي بعض الأهالي مخيم العريشة «مخيم السد» لأنه أقيم قرب البحيرة."
    assert _facs(text) == {"fac:sy-areesha-camp"}


def test_two_camps_joined_by_and_stay_two() -> None:
    # near miss: no naming word between them
    facs = real_ann("زار الوفد مخيم عطاء ومخيم الأمل في ريف إدلب.").facilities
    assert len(facs) == 2


def test_part_called_keeps_its_own_name() -> None:
    # near miss: a section of a camp known by a name is that section (rule 24o), not the camp's other name
    facs = real_ann('قسم من مخيم الأزرق يعرف باسم "القرية الخامسة" يضم السوريين.').facilities
    assert len(facs) == 2


def test_unknown_prison_then_called_verb_with_other_kind_stays() -> None:
    # near miss: a camp and a prison are not one facility even with "known as" between them
    text = "نُقل من مخيم الكرامة، المعروف بسجن الرعب، إلى التحقيق."
    kinds = {f.kind for f in real_ann(text).facilities}
    assert "camp" in kinds


# --- a base's name vs the prison at that base


def test_base_of_guantanamo_is_no_facility() -> None:
    ann = real_ann("في 23 فبراير 1903 أجّرت كوبا قاعدة جوانتانامو للولايات المتحدة مقابل ألفي دولار سنوياً.")
    assert ann.facilities == []
    assert "country:CU" in {p.id for p in ann.places}


def test_prison_of_the_base_is_the_prison_only() -> None:
    ann = real_ann("يبقى معتقل قاعدة غوانتانامو رمزاً لتجاوزات الحرب على الإرهاب.")
    assert {f.id for f in ann.facilities} == {"fac:cu-guantanamo"}


def test_guantanamo_prison_without_base_word_stays() -> None:
    assert _facs("نُقل ثلاثة معتقلين من معتقل غوانتانامو إلى بلدانهم.") == {"fac:cu-guantanamo"}
    assert _facs("أفرجت واشنطن عن سجين يمني من غوانتانامو.") == {"fac:cu-guantanamo"}
