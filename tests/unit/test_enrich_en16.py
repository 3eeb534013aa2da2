"""Round-16 English classes (en16 survey of real English reporting; data/README.md rule 23 (en16)): courts, judges
and the judiciary name no actor; another state's adjective before a state's alias or a bare ministry; a direction
between a preposition and a country; the ministry of the state a body's adjective names in the sentence; a weapon's
trade; "Israel" opening a person's or a newspaper's name; a Title Case superlative before a head; a GeoNames town
described as "a prison". Every passage is written for this file, each class with its near miss."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer(), lang="en")


def _actors(text: str) -> set[str]:
    return {a.id for a in _ann(text).actors}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


def _facs(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


@pytest.mark.parametrize("text", [
    "An Iraqi court in Baghdad sentenced a Russian woman to life in prison on Sunday.",
    "A Jordanian court handed three smugglers ten-year terms; the judges said they had crossed twice.",
    "Iran's judiciary said 71 people had been killed in the strike, among them guards and visitors.",
    "Iraqi courts have sentenced hundreds of foreign women for membership of IS.",
])
def test_courts_and_judges_name_no_actor(text: str) -> None:
    assert not _actors(text) - {"actor:isis"}


def test_the_state_beside_a_court_still_acts() -> None:
    # (near miss: the government named beside the court is still the actor)
    assert "actor:iraq-gov" in _actors("An Iraqi court jailed the man, and the Iraqi government welcomed the verdict.")


@pytest.mark.parametrize(("text", "absent"), [
    ("The German foreign office said a woman and her children had been flown home from Roj camp.", "actor:uk-gov"),
    ("The Lebanese Red Cross carried the wounded to hospitals in Sidon.", "actor:icrc"),
    ("The Dutch foreign ministry confirmed the flight from Erbil on Tuesday.", "actor:iraq-gov"),
])
def test_another_states_adjective_makes_another_states_body(text: str, absent: str) -> None:
    assert absent not in _actors(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Foreign Office said it was aware of the reports.", "actor:uk-gov"),
    ("The British Foreign Office said it was aware of the reports.", "actor:uk-gov"),
    ("The American State Department said so.", "actor:us"),
    ("The International Committee of the Red Cross visited the camp.", "actor:icrc"),
])
def test_the_aliases_own_or_no_adjective_keeps_it(text: str, expected: str) -> None:
    assert expected in _actors(text)


def test_a_direction_between_a_preposition_and_a_country_keeps_it_a_place_of_movement() -> None:
    text = ("Tunisia brought back 14 women and 20 children from camps in north-east Syria, the foreign ministry in "
            "Tunis said.")
    assert "actor:syria-transitional-gov" not in _actors(text)


def test_a_bare_ministry_is_that_of_the_state_a_body_names_in_its_sentence() -> None:
    text = ("An Iraqi delegation led by the migration minister visited the camp and asked for 500 more families "
            "from al-Hol.")
    got = _actors(text)
    assert "actor:iraq-migration-ministry" in got and "actor:syria-transitional-gov" not in got


def test_coordinated_delegations_name_each_state() -> None:
    got = _actors("Syrian, Iraqi and Turkish delegations met in Amman on Monday.")
    assert {"actor:syria-transitional-gov", "actor:iraq-gov", "actor:turkey-gov"} <= got


def test_a_caretaker_government_is_the_state() -> None:
    assert "actor:lebanon-gov" in _actors("The Lebanese caretaker government said the prison would be emptied.")


@pytest.mark.parametrize("text", [
    "An Iranian drone maker supplied engines used in the attacks, a panel of experts said.",
    "Turkish drone makers showed their latest models at the fair.",
])
def test_a_weapons_trade_is_no_force(text: str) -> None:
    assert not _actors(text)


def test_a_states_drones_still_act() -> None:
    assert "actor:turkey-gov" in _actors("Turkish drones struck a car near Qamishli on Monday.")


@pytest.mark.parametrize("text", [
    "Israeli Defense Minister Israel Katz called the prison a symbol of oppression.",
    "Israel Hayom reported that the strike had been planned for weeks.",
])
def test_israel_opening_a_persons_or_a_papers_name_is_no_place(text: str) -> None:
    assert "country:IL" not in _places(text)


def test_israel_acting_is_still_the_place() -> None:
    assert "country:IL" in _places("Israel struck the prison on Monday, killing dozens.")


def test_the_kurdish_regions_ministry_is_no_iraqi_ministry() -> None:
    text = "The Iraqi Kurdish region's interior ministry said an ISIS suspect had been arrested in Erbil."
    assert "actor:iraq-interior-ministry" not in _actors(text)


def test_a_title_case_superlative_before_a_head_is_no_name() -> None:
    assert not any(f.startswith("open:") for f in _facs("Inside Syria's Most Dangerous Camp"))


def test_a_title_case_name_before_a_head_is_still_one() -> None:
    assert "fac:iq-sharya-camp" in _facs("Fire Tears Through Tents At Shariya Camp In Duhok")


def test_a_town_described_as_a_prison_is_the_prison_there_and_later() -> None:
    a = _ann("Dozens of women held at Qarchak, a prison on the southern edge of Tehran, began a hunger strike. "
             "Conditions at Qarchak are among the worst in Iran.")
    assert {f.id for f in a.facilities} == {"open:prison:qarchak"} and len(a.facilities) == 2
    assert "geonames:32767" not in {p.id for p in a.places}


@pytest.mark.parametrize("text", [
    "Gaza, an open-air prison, has been under blockade for years.",
    "He said Baghdad, a prison for him, had become unbearable.",
    "Hasakah, a city of 200,000, hosts a prison.",
])
def test_a_curated_place_or_a_metaphor_stays_the_place(text: str) -> None:
    assert not _facs(text)
