"""Rule 29i (helper egypt29, round 29): prison complexes and their numbered sites in Egypt and the Gulf. Own wording
after the forms outlets print (tests/data/realworld-egypt29.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_the_mabahith_before_a_known_prison_is_that_prison() -> None:
    assert _facs("توفي سجين في سجن المباحث في الحائر بعد إهمال طبي.") == [
        ("سجن المباحث في الحائر", "open:prison:hair")]
    assert _facs("نُقل الشيخ إلى سجن المباحث العامة بالحائر.") == [("سجن المباحث العامة بالحائر", "open:prison:hair")]
    assert _facs("أودع سجن المباحث العامة بذهبان.") == [("سجن المباحث العامة بذهبان", "open:prison:dhahban")]
    text = "نشرت صحيفة تقريراً عن سجن المباحث في الحائر، ثم أعيد الداعية إلى سجن الحائر نفسه."
    assert {i for _, i in _facs(text)} == {"open:prison:hair"}


def test_the_agency_prison_with_its_own_name_stays() -> None:
    assert [s for s, _ in _facs("وفي سجن المباحث الجنائية 230 محتجزاً.")] == ["سجن المباحث الجنائية"]


def test_an_indefinite_prisoner_of_opinion_is_no_prison() -> None:
    assert [s for s, _ in _facs("توفي معتقل رأي في سجن المباحث في الحائر.")] == ["سجن المباحث في الحائر"]
    assert _facs("أفرج عن معتقلي رأي بارزين.") == []


def test_razeen_and_jau_are_gazetteer_prisons() -> None:
    assert _facs("يقبع في سجن الرزين الصحراوي عشرات من معتقلي الرأي.") == [("سجن الرزين", "open:prison:razeen")]
    assert _facs("Prisoners of conscience held in Abu Dhabi's al-Razeen Prison face worse conditions.") == [
        ("al-Razeen Prison", "open:prison:razeen")]
    assert [i for _, i in _facs("اقتحمت قوات الأمن المبنى رقم 5 في سجن جو المركزي.")] == ["open:prison:jau"]
    assert [i for _, i in _facs("Detainees in Jau Prison's Building 7 went on hunger strike.")] == ["open:prison:jau"]


def test_a_list_of_the_gulfs_prisons_reads_razeen() -> None:
    text = "دعا ناشط إلى فتح ملفات سجناء الرأي في سجون مثل الحاير في الرياض والرزين في أبوظبي."
    assert {i for _, i in _facs(text)} == {"open:prison:hair", "open:prison:razeen"}
    text = "He urged a review of prisoners held in prisons such as Al-Hayer in Riyadh and Al-Razeen in Abu Dhabi."
    assert {i for _, i in _facs(text)} == {"open:prison:hair", "open:prison:razeen"}


def test_spellings_of_dhahban_and_al_hair() -> None:
    assert [i for _, i in _facs("تركز الإضراب في سجن ذاهبان شمال جدة.")] == ["open:prison:dhahban"]


def test_a_numbered_centre_with_its_number_glued() -> None:
    text = "يضم المجمع ثلاثة مراكز إصلاح من بينها مركز بدر3 الذي نُقل إليه المعتقلون السياسيون."
    assert [s for s, _ in _facs(text)] == ["مركز بدر3"]
    assert _facs("يقع مركز الشرطة12 في المدينة.") == []


def test_towns_roads_and_the_badr_organization_are_no_prisons() -> None:
    assert _facs("تفقد رئيس جهاز مدينة بدر أعمال تطوير الطرق في المدينة.") == []
    assert _facs("يبعد طريق الحائر نحو ثلاثين كيلومتراً عن وسط الرياض.") == []
    assert _facs("ازدحم شاطئ مدينة جمصة في محافظة الدقهلية بالمصطافين.") == []
    assert _facs("The Badr Organization's leader met the Iraqi prime minister in Baghdad.") == []
    assert _facs("The weather (الجو) was hot; Jaw muscles ache after dental work.") == []
