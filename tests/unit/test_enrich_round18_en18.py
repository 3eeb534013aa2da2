"""Round-18 en18 survey (English reporting on detention and displacement, natural sample): one test per mechanism,
the positive and the near-miss. Every sentence is written for this file (data/README.md rule 25d)."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


@pytest.mark.parametrize("text", [
    "Five Migrants Shot Dead at Libyan Detention Centre Amid Escape",
    "Guards fired on men held in an Eritrean camp near the border.",
    "Greek Camp Burns as Winds Spread Fire",
])
def test_another_nations_adjective_is_no_name(text: str) -> None:
    assert not _fac(text)


def test_a_name_before_a_head_is_still_read_after_the_adjectives_stop() -> None:
    assert _fac("Five migrants were shot dead at the Tajoura Detention Centre on Friday.") == {"open:prison:tajoura"}


def test_a_town_of_another_country_is_no_spelling_of_a_known_facility() -> None:
    text = "The Gharyan detention centre, south of Tripoli, was emptied as the fighting reached the town."
    assert _fac(text) == {"open:prison:gharyan"}
    assert "geonames:2210247" in _places(text)  # Libya's Tripoli: Gharyan votes for Libya
    # a real spelling variant of Ghwayran beside a head is still the prison
    assert _fac("Men held in Ghuwayran prison were flown out on Monday.") == {"fac:sy-ghwayran-prison"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Guards opened fire inside the al-Mabani Collection and Return Centre on Friday.", {"open:prison:mabani"}),
    ("The Tajoura holding centre was hit again by a drone.", {"open:prison:tajoura"}),
    ("Migrants at the Zuwara detention site were moved to the capital.", {"open:prison:zuwara"}),
    ("All residents of Perry Town returnee camp have gone home.", {"open:camp:perry-town"}),
    ("Asylum seekers wait at the Pournara reception centre outside Nicosia.", {"open:camp:pournara"}),
])
def test_migrant_and_camp_heads(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize("text", [
    "Migrants are first kept at a holding site in the port.",
    "The hotel's reception centre was closed for the holiday.",
])
def test_heads_without_a_name_name_nothing(text: str) -> None:
    assert not _fac(text)


def test_an_unquoted_name_after_named_or_called() -> None:
    assert _fac("One camp, named Bab-e-Neelum, is now formally closed.") == {"open:camp:bab-e-neelum"}
    # "named after", "called for" and a name that runs on into the clause are not read
    assert not _fac("The prison, named after a local saint, was closed.")
    assert not _fac("The camp was called for by aid groups last year.")


def test_a_courthouse_in_the_town_is_the_town() -> None:
    text = "Relatives camped out outside the courthouse in Nasiriyah, waiting for word of the executions."
    assert not _fac(text)
    assert "geonames:98854" in _places(text)
    assert _fac("Five more men were executed in Nasiriyah prison on Monday.") == {"fac:iq-nasiriyah-central-prison"}


def test_centres_listed_after_including_are_facilities() -> None:
    text = "Other centres in the capital, including Abu Salim and Tariq al-Sikka, have also filled up."
    # (Abu Salim is an open-world entry since rule 27d: listed with Tariq al-Sikka it is a centre too, as the labels
    # of en-eg067 have it)
    assert _fac(text) == {"open:prison:abu-salim", "open:prison:tariq-sikka"}
    assert _fac("Detainees were spread over prisons such as Sednaya, Adra and Tadmur.") == {
        "fac:sy-sednaya-prison", "fac:sy-adra-prison", "fac:sy-tadmur-prison"}
    # a list of towns after "such as" under a plural head of towns is no list of facilities
    assert not _fac("Cities in the capital's region, such as Tajoura and Zawiya, were shelled.")


def test_and_in_after_a_named_facility_opens_another_place() -> None:
    # "in al-Hol camp and in Roj": the bare name after "and in" is no place where a head stands
    text = "thousands remain in the al-hol camp and in roj, aid workers say, with water trucked in."
    assert _fac(text) == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}
    # a head and its own words before "in" still say where it is: the town
    assert not _fac("They set up a makeshift prison in Shaddadi last year.")
