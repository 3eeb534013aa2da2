"""Round-19 survey world19en (naturally sampled English reporting on named prisons, jails, detention centres and
camps worldwide): the mechanisms of data/README.md rule 25k, each with its positive and its near-miss. Every sentence
is written for this file."""

from __future__ import annotations

from datetime import date

from shared.annotation import Annotation
from tests.unit.enrich_support import real_ann

WHEN = date(2025, 6, 1)


def _enrich(text: str) -> Annotation:
    return real_ann(text, WHEN)


def _surfaces(text: str) -> set[str]:
    return {f.surface for f in _enrich(text).facilities}


def _facilities(text: str) -> set[str]:
    return {f.id for f in _enrich(text).facilities}


# --- a prison by the level of government that runs it, after its place's name ---------------------------------------

def test_provincial_and_district_prisons_after_a_name() -> None:
    assert _surfaces("Gunmen overran the Ghazni provincial prison overnight and inmates fled.") \
        == {"Ghazni provincial prison"}
    assert _surfaces("He spent a year in the Nangarhar district prison before his trial.") \
        == {"Nangarhar district prison"}


def test_state_penitentiary_and_federal_prison_after_a_name() -> None:
    assert _surfaces("Inmates at the Colorado State Penitentiary refused their meals.") \
        == {"Colorado State Penitentiary"}
    assert _surfaces("He was later moved to the Florence federal prison.") == {"Florence federal prison"}
    assert _surfaces("The Indiana State Prison in Michigan City locked down its wings.") == {"Indiana State Prison"}


def test_government_level_alone_or_indefinite_names_none() -> None:
    for text in ("Someone convicted of a federal crime goes to a federal prison, not a Colorado state prison.",
                 "Every province runs a provincial jail of its own.",
                 "He served eight years in state prison for the robbery.",
                 "The Federal Prison Reform Act would let low-risk prisoners earn credits."):
        assert _enrich(text).facilities == [], text


def test_us_state_with_lower_case_state_prison_is_no_name() -> None:
    assert _enrich("He was sent to the California state prison in Corcoran last spring.").facilities == []
    assert _enrich("He was held at the New York state prison in Attica.").facilities == []


# --- heads by regime: supermax, confinement centre, penal colony, remand centre, family residential center ----------

def test_regime_heads_after_a_name() -> None:
    assert _surfaces("Prisoners at the Florence supermax spend most days alone.") == {"Florence supermax"}
    assert _surfaces("Guards led reporters through the Terrorism Confinement Center in Tecoluca.") \
        == {"Terrorism Confinement Center"}
    assert _surfaces("He was sent on to the Kharp penal colony beyond the Arctic Circle.") == {"Kharp penal colony"}
    assert _surfaces("Edmonton Remand Centre is the largest in the province.") == {"Edmonton Remand Centre"}
    assert _surfaces("A boy fell ill at the South Texas Family Residential Center in Dilley.") \
        == {"South Texas Family Residential Center"}


def test_regime_words_alone_name_none() -> None:
    for text in ("More than forty states run supermax prisons of their own.",
                 "He was sent to a penal colony in the far north.",
                 "A man was found dead at a Texas immigration detention facility."):
        assert _enrich(text).facilities == [], text


# --- official prefixes before a prison's name, and Russia's numbered colonies ---------------------------------------

def test_official_prefixes_before_a_name() -> None:
    assert _surfaces("Officers at HMP Belmarsh were assaulted on Sunday.") == {"HMP Belmarsh"}
    assert _surfaces("He was remanded to HM Prison Wandsworth.") == {"HM Prison Wandsworth"}
    assert _surfaces("FCI Englewood, outside Denver, holds about 900 men.") == {"FCI Englewood"}
    assert _surfaces("ADX Florence holds fewer than 400 men.") == {"ADX Florence"}


def test_prefix_without_a_capitalised_name_is_none() -> None:
    assert _enrich("The usp of the product is its low price.").facilities == []


def test_numbered_colony() -> None:
    assert _surfaces("He was taken to penal colony No. 2 in the town of Pokrov.") == {"penal colony No. 2"}
    assert _surfaces("The lawyer reached Penitentiary Colony No. 6 on Friday.") == {"Penitentiary Colony No. 6"}
    assert not any("colony" in s for s in _surfaces("Navalny was moved to a penal colony, officials said."))


# --- acronym names in apposition to a prison's head -------------------------------------------------------------------

def test_acronym_in_apposition_is_the_prison() -> None:
    assert _surfaces("Bukele offered to hold them in CECOT, the mega-prison he built in 2023.") == {"CECOT"}
    assert _surfaces("He is inside IK-2, a general-regime penal colony east of Moscow.") == {"IK-2"}
    assert _surfaces("Men sent to ADX, the federal supermax in Colorado, see almost no one.") == {"ADX"}


def test_acronym_in_other_appositions_is_none() -> None:
    for text in ("Hong Kong, a former British colony, marked the handover.",
                 "He joined ISIS, the group that ran the prison, in 2014.",
                 "She called ICE, the agency that runs the detention centers."):
        assert _enrich(text).facilities == [], text


# --- a named complex's plural prisons ------------------------------------------------------------------------------

def test_one_name_before_plural_prisons_is_the_complex() -> None:
    assert _surfaces("Letters smuggled out of the Badr prisons describe constant light in the cells.") \
        == {"Badr prisons"}
    assert _surfaces("Hunger strikes spread in Egypt's Badr prisons last winter.") == {"Badr prisons"}


def test_a_place_an_agency_a_body_or_a_count_before_plural_prisons_is_none() -> None:
    for text in ("Inmates in the Cairo prisons were moved at night.",
                 "Detainees in the CIA prisons were never charged.",
                 "Overcrowding in the Texas prisons worsened in the heat.",
                 "A report on the Air Force Intelligence prisons at the airport was leaked.",
                 "Iraq's 31 prisons hold twice their capacity.",
                 "Conditions in the Xinjiang prisons are hidden from view."):
        assert _enrich(text).facilities == [], text


def test_work_named_for_a_prison_is_no_site() -> None:
    assert _enrich("HMP Belmarsh: Maximum Security, a television series, returns next week.").facilities == []


# --- a possessive glued into another name by folding -----------------------------------------------------------------

def test_city_possessive_is_not_hamas() -> None:
    ann = _enrich("Some 850 detainees in Hama's Central Prison rose up and took guards hostage.")
    assert {a.id for a in ann.actors} == set()
    assert _facilities("Some 850 detainees in Hama's Central Prison rose up and took guards hostage.") \
        == {"fac:sy-hama-central-prison"}
    ann = _enrich("Hama’s governor toured the market on Sunday.")
    assert {a.id for a in ann.actors} == set() and {p.id for p in ann.places} == {"geonames:170017"}


def test_hamas_possessive_stays_hamas() -> None:
    assert {a.id for a in _enrich("Hamas's leaders met in Doha on Monday.").actors} == {"actor:hamas"}


# --- the US immigration agency is the United States ------------------------------------------------------------------

def test_ice_acting_is_the_united_states() -> None:
    assert {a.id for a in _enrich("ICE said the man had been ordered removed in August.").actors} == {"actor:us"}
    assert {a.id for a in _enrich("Immigration and Customs Enforcement opened an inquiry.").actors} == {"actor:us"}


def test_ice_in_a_site_name_or_the_word_ice_is_no_actor() -> None:
    for text in ("The women were flown to an ICE facility in Louisiana.",
                 "Detainees at the Northwest ICE Processing Center refused food.",
                 "Snow And Ice Cut Roads To The Camps",
                 "Ice covered the tents on Tuesday morning."):
        assert _enrich(text).actors == [], text


# --- inmates holding guards, and a "violent disturbance", are unrest among detainees ---------------------------------

def test_guards_taken_hostage_and_disturbance_are_prison_unrest() -> None:
    for text in ("Inmates in Hama central prison took guards hostage on Sunday.",
                 "Four officers were hurt in a violent disturbance at the jail."):
        assert "prison_break_riot" in {e.type for e in _enrich(text).event_types}, text


def test_hostage_and_disturbance_elsewhere_are_no_prison_unrest() -> None:
    for text in ("Gunmen took two aid workers hostage near the border.",
                 "The storm caused a disturbance to flights on Monday."):
        assert "prison_break_riot" not in {e.type for e in _enrich(text).event_types}, text
