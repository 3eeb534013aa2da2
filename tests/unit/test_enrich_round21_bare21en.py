"""Round 21, bare21en survey (data/README.md rule 26q): known facilities named bare in English — our own sentences."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2025 = date(2025, 6, 1)


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text, _2025).facilities}


def _pla(text: str) -> set[str]:
    return {p.id for p in real_ann(text, _2025).places}


def _evin(text: str) -> bool:
    return any("evin" in f for f in _fac(text))


def test_let_out_of_a_word_core_is_a_release() -> None:
    assert "fac:il-ofer-prison" in _fac("Relatives gathered at dawn to see eleven teenagers let out of Ofer.")
    assert "fac:il-ofer-prison" in _fac("The families waited for hours before the women were set free from Ofer.")
    # guard: the given name is still a person
    assert "fac:il-ofer-prison" not in _fac("Lawmaker Ofer Cassif was let out of the chamber after the vote.")


def test_a_possessive_word_between_the_name_and_its_ward() -> None:
    assert _evin("Lawyers say Evin's women's ward has had no hot water for a month.")
    assert _evin("Guards moved the men out of Evin's political wing on Tuesday.")
    # guard: a name with no possessive and no part of a prison after it stays unread
    assert not _evin("Evin Ahmad, a Kurdish singer, performed in Erbil on Friday.")


def test_a_relative_clause_before_the_people_it_holds() -> None:
    assert _evin("Evin, which sits below the Alborz foothills, holds a large number of journalists and lawyers.")
    assert not _evin("Evin, which Kurdish parents often give as a name, means love.")


def test_a_district_camp_people_go_home_to() -> None:
    got = _fac("Displaced Palestinian families go home to Yarmouk after seven years away")
    assert "fac:sy-yarmouk-camp" in got
    # guard: a town's camp-less namesake people go home to stays the town (no district camp)
    assert "fac:sy-hol-camp" not in _fac("Freed after two years, he was driven home to al-Hol by his cousins.")


def test_a_count_before_a_camps_tents() -> None:
    assert "fac:jo-baqaa-camp" in _fac("Storms tore through Baqaa's 3,000 tents in the winter of 1969.")
    # guard: a town's possessive before a count of something else is the town
    assert "fac:jo-azraq-camp" not in _fac("Azraq's 2,000 date palms depend on the oasis springs.")


def test_a_name_measured_against_its_kind() -> None:
    assert "fac:jo-baqaa-camp" in _fac("Baqa\u2018a, in al-Balqa governorate some 15 km from Amman, holds more "
                                       "registered refugees than any other camp in Jordan, yet unemployment is rife.")
    assert "fac:jo-zaatari-camp" in _fac(
        "Zaatari opened in 2012 for 6,000 people and now holds more than 80,000, making it bigger than Mafraq.")
    # guards: a town compared with towns, and a town that grew
    assert "fac:jo-azraq-camp" not in _fac("Azraq gets more rain than any other town in the eastern desert.")
    assert "fac:jo-zaatari-camp" not in _fac("Zaatari village had 6,000 people when the road opened in 2012.")
