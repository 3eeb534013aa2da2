"""Rule 28t (the lead, round 27): Israel's prisons listed under "detention camps", Egypt's reform and rehabilitation
centres in their own name order and English renderings. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids


def test_known_prisons_listed_under_detention_camps() -> None:
    text = "Lawyers who visited the Ofer and Megiddo detention camps described overcrowded tents."
    assert real_fac_ids(text) == {"fac:il-ofer-prison", "fac:il-megiddo-prison"}
    text = "Hunger strikes spread across the Ofer, Megiddo and Ketziot detention camps last week."
    assert real_fac_ids(text) == {"fac:il-ofer-prison", "fac:il-megiddo-prison", "fac:il-ktziot-prison"}


def test_known_camps_listed_under_detention_camps_stay_camps() -> None:
    text = "Women held in the Hol and Roj detention camps wait for their governments."
    assert real_fac_ids(text) == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}


def test_prison_names_under_plain_camps_are_not_resolved_as_prisons() -> None:
    # without the detention word the kind is the head's: a plain "camps" head keeps the old reading
    ids = real_fac_ids("Inmates of the Ofer and Ketziot camps protested.")
    assert "fac:il-ofer-prison" not in ids and "fac:il-ktziot-prison" not in ids


def test_egypt_centre_name_before_reform_and_rehabilitation() -> None:
    a = real_ann("قالت أسرة المحامي إنه نُقل فجر اليوم إلى مركز بدر للإصلاح والتأهيل شرق القاهرة.")
    assert [f.surface for f in a.facilities] == ["مركز بدر للإصلاح والتأهيل"]
    assert a.facilities[0].kind == "prison"
    a = real_ann("أعلنت الداخلية افتتاح مركز \"أخميم\" للتأهيل والإصلاح في سوهاج.")
    assert [f.kind for f in a.facilities] == ["prison"]


def test_a_generic_centre_for_reform_and_rehabilitation_names_none() -> None:
    assert real_fac_ids("افتتح مركز الشرطة للإصلاح والتأهيل دورة تدريبية جديدة.") == set()
    assert real_ann("زار الوزير مركز الشباب للإصلاح والتأهيل في المدينة.").facilities == []


def test_egypt_centres_english_renderings() -> None:
    a = real_ann("The activist was moved to the Badr Correction and Rehabilitation Center after his arrest.")
    assert [f.surface for f in a.facilities] == ["Badr Correction and Rehabilitation Center"]
    a = real_ann("Relatives waited outside the Minya Rehabilitation and Correction Centre on Sunday.")
    assert [f.kind for f in a.facilities] == ["prison"]
    assert real_ann("A correction and rehabilitation centre for juveniles opened in the city.").facilities == []
