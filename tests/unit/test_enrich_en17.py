"""en17 survey (English reporting of 2025-2026 on Syria's and Iraq's camps and prisons; data/README.md rule 24j):
"ALSO READ" link lists, a camp's annex by its possessive, likeness compounds of a camp's name, a town's two names
joined by "also known as", a prison's two names (a bare one and a full one), the government in Damascus by its
president's name, by "interim government" from 2025, by "new rulers", delegates from a capital, "Syrian Arab Army",
Syria's emergencies ministry, and men who "slipped out of" a camp. Every passage is written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str, when: date | None = None) -> Annotation:
    return enrich(text, real_gazetteer(), published_at=when)


def _fac(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.surface if p.id.startswith("open:") else p.id for p in _ann(text).places}


def _actors(text: str, when: date | None = date(2026, 2, 1)) -> set[str]:
    return {a.id for a in _ann(text, when).actors}


def test_also_read_in_capitals_heads_a_list_of_links() -> None:
    text = ("ALSO READ\nSyrian troops enter al-Hol camp as Kurdish guards leave\nDamascus accuses SDF of freeing "
            "detainees\n\nTurkey's foreign minister said Ankara expected the SDF to leave the prisons to the state.")
    assert _fac(text) == set()
    # near miss: the same story told in the article's own sentence names the camp
    assert _fac(text.replace("ALSO READ\n", "")) == {"fac:sy-al-hol-camp"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Guards searched tents in al-Hawl's annex after a stabbing on Friday.", {"fac:sy-al-hol-annex"}),
    ("Foreign women were moved out of the Hol’s annex last week.", {"fac:sy-al-hol-annex"}),
    # near misses: the camp's other parts are the camp; "the al-Hol camp annex" was read already
    ("Women in al-Hol's Phase 5 section were moved first.", {"fac:sy-al-hol-camp"}),
    ("The al-Hol camp annex was emptied first.", {"fac:sy-al-hol-annex"}),
])
def test_annex_by_its_camps_possessive(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize("text", [
    "Iraq does not want another al-Hol-style camp on its soil, an adviser said.",
    "A Damascus-appointed manager now runs the camp, the agency said.",
])
def test_likeness_and_appointed_compounds_name_no_place(text: str) -> None:
    assert not {"geonames:173797", "geonames:170654"} & _places(text)
    assert _fac(text) == set()


def test_a_town_known_by_two_names_is_no_prison() -> None:
    text = "Shelling hit the outskirts of Derik, also known as al-Malikiyah, near the Iraqi border on Sunday."
    assert _fac(text) == set()
    assert "geonames:173530" in _places(text)
    # near misses: a prison's two names stay the prison, bare or with a full name
    assert _fac("Men were moved to Gweiran, now renamed Panorama, on Sunday.") == {"fac:sy-ghwayran-prison"}
    got = _ann("Abu Ghraib, now called Baghdad Central Prison, will take some of the men flown in from Syria.")
    assert {f.id for f in got.facilities} == {"fac:iq-abu-ghraib-prison"}
    assert "geonames:100077" not in {p.id for p in got.places}
    # and a town is still a town beside its prison's other name when nothing joins them
    assert "geonames:100077" in _places("Families fled Abu Ghraib, a town west of Baghdad, on Monday.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Al-Sharaa's government has pledged to shut the camps by the end of the year.", "actor:syria-transitional-gov"),
    ("Kurdish negotiators said the Sharaa government had named nobody yet.", "actor:syria-transitional-gov"),
    ("Syria's new rulers say they will try the men at home.", "actor:syria-transitional-gov"),
    ("Syrian Arab Army units massed near Hasakah overnight.", "actor:syria-transitional-gov"),
    ("Buses left the camp, the first of several convoys the emergencies ministry plans in Syria.",
     "actor:syria-transitional-gov"),
    ("Delegates from Damascus and the SDF met in Erbil on Tuesday.", "actor:syria-transitional-gov"),
    ("A delegation from Baghdad toured the camp on Sunday.", "actor:iraq-gov"),
    ("Kurdish negotiators said the talks would resume in Hasakah.", "actor:aanes"),
    ("The UN's children's agency said 7,000 children were left in the camp.", "actor:unicef"),
])
def test_state_and_agency_forms(text: str, expected: str) -> None:
    assert expected in _actors(text)


@pytest.mark.parametrize("text", [
    "Refugees from Syria arrived in Amman on Monday.",  # people from a country are no delegates
    "UN officials from Iraq briefed the council.",  # another owner's officials
])
def test_from_a_place_near_misses(text: str) -> None:
    assert not {"actor:syria-transitional-gov", "actor:iraq-gov", "actor:jordan-gov"} & _actors(text)


def test_syrian_interim_government_by_its_date() -> None:
    text = "The SDF will hand al-Hol camp to the Syrian interim government, the ministry said."
    assert "actor:syria-transitional-gov" in _actors(text, date(2025, 3, 11))
    assert "actor:syrian-interim-government" in _actors(text, date(2024, 6, 1))
    # the opposition's government by its own name before 2025, and its acronym whenever
    assert "actor:syrian-interim-government" in _actors("The Syrian Interim Government in Azaz said.", date(2024, 6, 1))
    assert "actor:syrian-interim-government" in _actors("The SIG in Azaz said on Monday.", date(2025, 6, 1))
    assert "actor:syria-transitional-gov" not in _actors("The SIG in Azaz said on Monday.", date(2025, 6, 1))


def test_slipped_out_of_a_camp() -> None:
    text = "Iraqi forces detained four men who had slipped out of al-Hawl and crossed the border near al-Qaim."
    assert _fac(text) == {"fac:sy-al-hol-camp"}
    # near miss: people who left a town that shares a camp's name are the town's
    assert _fac("Families displaced from Ras al-Ain in 2019 still live near Hasakah.") == set()


def test_a_plural_village_cue_lists_each_village() -> None:
    got = _places("Shelling hit the villages of Umm Harmala, Tal Jamaa and Bab al-Khair on Sunday.")
    assert {"Umm Harmala", "Tal Jamaa", "Bab al-Khair"} <= got
    # near misses: a singular cue names one village; a known place in the list stays itself
    got = _places("The village of Umm Harmala and Hasakah city were hit.")
    assert "Umm Harmala" in got and "geonames:173811" in got and len(got) == 2
