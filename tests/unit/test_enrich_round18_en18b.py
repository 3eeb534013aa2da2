"""Round-18 survey en18b (naturally sampled English news on Syria's and Iraq's camps and prisons, 2025-2026): the
mechanisms of data/README.md rule 25i, each with its positive and its near-miss. Every sentence is written for this
file."""

from __future__ import annotations

from datetime import date
from functools import partial

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids

WHEN = date(2026, 2, 10)


_enrich = partial(real_ann, published_at=WHEN)
_facilities = partial(real_fac_ids, published_at=WHEN)
_places = partial(real_place_ids, published_at=WHEN)


def _actors(text: str) -> set[str]:
    return {a.id for a in _enrich(text).actors}


# --- a city after a named facility and a phrase of where it lies is the place, not the city's own prison ----------

def test_city_where_a_named_facility_lies_is_the_place() -> None:
    text = "Troops took over Al-Aqtan prison on the northern edge of Raqqa after the fighters left in buses."
    assert _facilities(text) == {"fac:sy-aqtan-prison"}
    assert "geonames:172955" in _places(text)


def test_city_prison_named_with_its_head_stays() -> None:
    text = "Troops took over Al-Aqtan prison and then Raqqa prison after the fighters left in buses."
    assert _facilities(text) == {"fac:sy-aqtan-prison", "fac:sy-raqqa-central-prison"}


# --- a bare name opening a longer proper name is no facility ----------------------------------------------------

def test_bare_name_before_a_capitalised_word_is_another_name() -> None:
    assert _facilities("Roj Women, a charity in London, hosted a talk on Kurdish rights on Friday.") == set()


def test_bare_name_before_a_site_word_or_a_weekday_stays_the_facility() -> None:
    assert _facilities("A Dutch mother was driven out of Roj Monday with her two sons.") == {"fac:sy-roj-camp"}
    assert _facilities("Women held in Roj Camp said nobody told them where they were going.") == {"fac:sy-roj-camp"}


def test_title_case_headline_keeps_the_bare_name() -> None:
    assert _facilities("Foreign Families Leave Roj For Iraq After Years Of Waiting") == {"fac:sy-roj-camp"}


# --- a Turkish given name before a GeoNames surname --------------------------------------------------------------

def test_given_name_before_a_town_name_is_a_person() -> None:
    assert "geonames:308024" not in _places("The panel heard the lawyer Eren Keskin speak on rights.")


def test_town_name_without_a_given_name_stays() -> None:
    assert "geonames:308024" in _places("The panel met in Keskin, a town east of Ankara.")


# --- a country acting past a discourse adverb between commas -----------------------------------------------------

def test_country_acts_past_meanwhile() -> None:
    text = "The last buses left the camp. Iraq, meanwhile, says it will keep bringing its citizens home."
    assert "actor:iraq-gov" in _actors(text)


def test_country_located_past_however_does_not_act() -> None:
    text = "The last buses left the camp. In Iraq, however, the camps remain open for now."
    assert "actor:iraq-gov" not in _actors(text)


# --- a site's own guards at a bare name ----------------------------------------------------------------------------

def test_guards_at_a_bare_name_are_the_sites() -> None:
    text = ("Detainees were flown out of the prison to Iraq, and the SDF's guards at al-Shaddadi, to the south, "
            "were replaced by ministry units.")
    assert "fac:sy-shaddadi-prison" in _facilities(text)


def test_guards_at_a_citys_name_are_not_read_so() -> None:
    text = "Police guards at Hasakah hospital checked visitors on Sunday."
    assert "fac:sy-ghwayran-prison" not in _facilities(text)


# --- a GeoNames town by its English spelling -----------------------------------------------------------------------

def test_maarat_misrin_spelling_is_the_town() -> None:
    assert "geonames:167605" in _places("Families in the Dana and Maarat Misrin areas had no heating fuel.")


# --- the people who came back from a camp ---------------------------------------------------------------------------

def test_came_back_from_a_camps_bare_name_is_the_camp() -> None:
    text = "Most had passed through Jeddah 1, a centre for Iraqis who came back from al-Hol."
    assert _facilities(text) == {"fac:iq-jeddah-1-camp", "fac:sy-al-hol-camp"}


def test_came_back_from_a_city_is_the_city() -> None:
    text = "The detainees had come back from Hasakah, a relative said."
    assert _facilities(text) == set() and "geonames:173811" in _places(text)
