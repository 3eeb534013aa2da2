"""Round 20, place20en survey (data/README.md rule 25u): English place precision on wire copy."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def places(gaz, text: str) -> set[str]:
    return {p.id for p in enrich(text, gaz, lang="en").places}


def test_ethnic_village_is_no_name(gaz) -> None:
    assert places(gaz, "Gunmen attacked an Alawite village near Hama.") == {"geonames:170017"}
    got = places(gaz, "Sharanish, an Assyrian village in Duhok Province, emptied.")
    # the ethnic adjective is no name; the name the apposition calls a village is one (rule 26t)
    assert not any(i.startswith("open:") and i != "open:place:sharanish" for i in got)
    assert "open:place:sharanish" in got
    assert "open:place:kojo" in places(gaz, "Fighters reached Kojo village south of Sinjar.")  # a name still is


def test_place_before_village_of_is_the_place(gaz) -> None:
    got = places(gaz, "Tents flooded near the Idlib village of Jarjanaz.")
    assert "geonames:169389" in got and "open:place:jarjanaz" in got and "open:place:idlib" not in got
    assert "geonames:173811" in places(gaz, "Strikes hit the Hasakah village of Tal Tamr.")


def test_names_holding_a_country(gaz) -> None:
    assert "country:IQ" not in places(gaz, "Officials blamed al-Qaeda in Iraq for the bombing in Baghdad.")
    assert "country:LB" not in places(gaz, "A peacekeeper of the UN Interim Force in Lebanon was wounded in Naqoura.")
    assert "country:IQ" in places(gaz, "Al-Qaeda fighters crossed into Iraq from Syria.")  # the place stays


def test_alternate_names_of_other_senses(gaz) -> None:
    assert "geonames:250441" not in places(gaz, "Residents near the Philadelphia corridor in Rafah were told to leave.")
    assert "geonames:108410" not in places(gaz, "Co-chair Riad Darar said the talks in Damascus went well.")
    assert "geonames:108410" in places(gaz, "Talks were held in Riyadh on Monday.")


def test_spellings(gaz) -> None:
    assert "geonames:448149" in places(gaz, "SHIGUR, Iraq — Families went back this year.")
    assert "place:sy-sheikh-maqsoud" in places(gaz, "Officials in Sheikh Maqsood warned of a siege.")
    assert "place:iq-amiriyat-al-fallujah" in places(gaz, "IDPs left camps in Ameriyat Fallujah on Sunday.")
