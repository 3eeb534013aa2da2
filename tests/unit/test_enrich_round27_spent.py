"""Rule 29a (the lead, round 27): forms read from the spent round-27 blind splits after their end-of-round scoring
(not blind). Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids


def test_countries_listed_after_camps_are_no_camps() -> None:
    a = real_ann("استعادت دول عدة أطفالا من مخيمات شمال شرق سوريا، منها: روسيا وكوسوفو وفرنسا.")
    assert a.facilities == []
    assert {"country:RU", "country:FR"} <= {p.id for p in a.places}


def test_known_camps_listed_after_camps_are_still_camps() -> None:
    assert real_fac_ids("زار الوفد مخيمات منها: الهول وروج.") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}


def test_a_count_or_a_size_before_camp_is_no_name() -> None:
    assert real_ann("Cells of the group killed 31 camp residents this year.").facilities == []
    assert real_ann("Murders keep rising in the 700-acre camp, monitors say.").facilities == []
    assert real_ann("Officials opened a 2,000-bed prison outside the city.").facilities == []
    assert real_fac_ids("Families were moved to Jeddah 5 camp.") == {"fac:iq-jeddah-5-camp"}


def test_a_prevailing_camp_after_an_opening_phrase_of_place() -> None:
    text = "In Hasakah province, al-Hol is still described as a breeding ground for extremism by officials."
    assert real_fac_ids(text) == {"fac:sy-al-hol-camp"}
    assert real_fac_ids("In northeastern Syria, Al-Hol has held tens of thousands of people.") == {"fac:sy-al-hol-camp"}


def test_the_town_after_an_opening_phrase_stays_the_town() -> None:
    a = real_ann("In eastern Hasakah, al-Hol is a farming town on the road to the border.")
    assert a.facilities == []
    assert "geonames:173797" in {p.id for p in a.places}
    assert real_ann("In Hasakah, Qamishli and al-Hol, shops closed for the holiday.").facilities == []


def test_the_emirati_camp_and_the_khatib_branch_by_their_short_names() -> None:
    assert real_fac_ids("ستنقل المفوضية سكان المخيم الإماراتي إلى مخيم الأزرق الشهر المقبل.") \
        == {"fac:jo-emirati-jordanian-camp", "fac:jo-azraq-camp"}
    assert real_fac_ids("قال إنه أمضى أشهرا في معتقل الخطيب وسط دمشق.") == {"fac:sy-branch-251"}
    assert real_ann("أقام الهلال الأحمر الإماراتي مخيماً للنازحين في اليونان.").facilities == []


def test_camps_in_two_governorates_name_no_camp() -> None:
    assert real_ann("هجّرت العملية سكان مخيمات اللاجئين في محافظتي جنين وطولكرم بالكامل.").facilities == []
    assert real_fac_ids("نزح السكان من مخيمي جنين وطولكرم خلال العملية.") \
        == {"fac:ps-jenin-camp", "fac:ps-tulkarm-camp"}
