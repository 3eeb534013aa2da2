"""Round 20, open20en (data/README.md rule 26b): the English surveys' open failures, fixed by class."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def places(gaz, text: str) -> set[str]:
    return {p.id for p in enrich(text, gaz, lang="en").places}


def actors(gaz, text: str) -> set[str]:
    return {a.id for a in enrich(text, gaz, lang="en").actors}


def facilities(gaz, text: str) -> set[str | None]:
    return {f.id for f in enrich(text, gaz, lang="en").facilities}


def test_group_named_for_something_in_a_country(gaz) -> None:
    assert "country:IL" not in places(gaz, "The Association for Civil Rights in Israel petitioned the court.")
    assert "country:IL" not in places(gaz, "The Public Committee Against Torture in Israel filed a complaint.")
    got = enrich("Physicians for Human Rights-Israel said two detainees died at Ofer.", gaz, lang="en")
    assert "country:IL" not in {p.id for p in got.places} and "actor:israel-gov" not in {a.id for a in got.actors}
    # the country outside a group's name stays
    assert "country:IL" in places(gaz, "Rights groups working in Israel, ACRI among them, wrote to the court.")
    assert "country:IL" in places(gaz, "Doctors who fled to Israel spoke to Physicians for Human Rights.")
    assert "country:LB" in places(gaz, "The minister asked for calm in Lebanon after the clashes.")


def test_quarter_named_after_a_city(gaz) -> None:
    got = places(gaz, "A drone struck a car in the Sana'a neighbourhood of Qamishli on Saturday.")
    assert "geonames:71137" not in got and "geonames:173377" in got
    assert "geonames:281184" not in places(gaz, "Gunmen clashed in the Bustan al-Quds district of the camp.")
    # a city before "neighbourhood of" its own quarter stays the city; a nationality before a district is no name
    got = places(gaz, "Troops moved through the Damascus neighbourhood of Mezzeh.")
    assert "geonames:170654" in got and "place:sy-mezzeh" in got
    assert "geonames:170063" in places(gaz, "Clashes hit the Aleppo neighbourhood of Sheikh Maqsoud.")
    assert "geonames:71137" in places(gaz, "Jets struck a crowded district of Sanaa overnight.")


def test_countryside_after_two_names(gaz) -> None:
    got = places(gaz, "Floods hit tent camps in the Idlib and Aleppo countryside.")
    assert {"adm1:SY-idlib", "adm1:SY-aleppo"} <= got and "geonames:169389" not in got
    got = places(gaz, "Gunmen raided villages of the Latakia and Tartus countryside.")
    assert "adm1:SY-latakia" in got and "geonames:173576" not in got
    got = places(gaz, "Fighting raged between Saraqeb and Aleppo, while the countryside around Idlib emptied.")
    assert "geonames:170063" in got and "adm1:SY-aleppo" not in got


def test_south_lebanon_towns_and_qardaha(gaz) -> None:
    got = places(gaz, "Jets struck Kfarshuba, Bint Jbeil and Khiam on Sunday.")
    assert {"geonames:272816", "geonames:276592", "place:lb-khiam"} <= got
    assert "geonames:173364" in places(gaz, "A mass grave was found near Qardaha.")
    assert "place:lb-mays-al-jabal" in places(gaz, "A strike on Mays al-Jabal killed four.")
    # the town inside a former site's name is no place; `الخيام` stays "the tents"
    assert "place:lb-khiam" not in places(gaz, "The former Khiam prison was bombed flat in 2006.")
    assert not places(gaz, "غرقت الخيام في مخيمات الشمال")


def test_body_run_by_a_movement(gaz) -> None:
    got = actors(gaz, "Strikes near Sanaa were blamed on the United States, the Houthi-run health ministry said.")
    assert "actor:houthis" in got and "actor:us" not in got
    got = actors(gaz, "Israel says it hits militants; the Hamas-run Health Ministry does not count fighters apart.")
    assert "actor:hamas" in got
    assert not actors(gaz, "The Taliban-run interior ministry said the prisoners were freed.")
    # a ministry with no owner before it is still its sentence's country's
    assert "actor:israel-gov" in actors(gaz, "Israel's health ministry said 20 people were hurt.")


def test_jail_building_named_with_center(gaz) -> None:
    got = {
        f.surface
        for f in enrich(
            "He died inside the Eric M. Taylor Center on Rikers Island on Monday.", gaz, lang="en"
        ).facilities
    }
    assert "Eric M. Taylor Center" in got and "Rikers Island" in got
    assert {
        f.surface for f in enrich("He was treated at the Medical Center on Rikers Island.", gaz, lang="en").facilities
    } == {"Rikers Island"}
    assert not facilities(gaz, "The Javits Center on Eleventh Avenue hosted the fair.")


def test_camp_in_superlative_apposition(gaz) -> None:
    got = enrich("Hagadera, the biggest of the camps around Dadaab, held 75,000 refugees.", gaz, lang="en")
    assert [f.surface for f in got.facilities] == ["Hagadera"]
    assert not facilities(gaz, "Raqqa, the largest of the cities on the Euphrates, was hit.")


def test_arrivals_at_the_camp_from_a_town(gaz) -> None:
    got = enrich(
        "About 20 families reach the camp each day from Serêkaniyê, an official at Washokani said.", gaz, lang="en"
    )
    assert "fac:sy-serekaniye-camp" not in {f.id for f in got.facilities}
    assert "geonames:165509" in {p.id for p in got.places}
    assert "fac:sy-serekaniye-camp" in facilities(gaz, "Families were moved from Serêkaniyê camp to Washokani.")
