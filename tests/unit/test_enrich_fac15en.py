"""Round-15 English facility classes (fac15en survey of real news pages, README rule 22c): "such as Susa" (the
English word before a name is no spaced article), a possessive head, a bare name in apposition to a camp's or a
prison's head, a camp's residents at a name, a distance from a town, numbered prisons of a complex in a detention
frame, a closed list after a plural head and a dash, Kurdistan's correctional facilities. Every passage is written
for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_fac_ids as fac_ids
from tests.unit.enrich_support import real_gazetteer

SUSA, BUCCA, ROJ = "fac:iq-susa-prison", "fac:iq-camp-bucca", "fac:sy-roj-camp"
QAYYARAH_CAMP, JEDDAH_1 = "fac:iq-qayyarah-camp", "fac:iq-jeddah-1-camp"


def open_names(text: str) -> list[str]:
    return [f.surface for f in enrich(text, real_gazetteer()).facilities if f.id.startswith("open:")]


# 1. "as Susa" was read as the Syrian town As Susah (a spaced article): the English word before the name is not
# part of it, and the plural head's example is the prison
@pytest.mark.parametrize("text", [
    "Foreign fighters were held in Kurdish prisons such as Susa, a former inmate told us.",
    "Lawyers say the jails of the Kurdistan Region, such as Susa near Sulaymaniyah, hold hundreds of Arabs.",
])
def test_such_as_names_the_prison(text: str) -> None:
    assert SUSA in fac_ids(text)


def test_english_word_before_a_town_is_no_article() -> None:
    # the town's own reading is kept where nothing speaks of a prison
    ann = enrich("The convoy passed as Susa's market was opening, residents said.", real_gazetteer())
    assert SUSA not in {f.id for f in ann.facilities}


# 2. a possessive head is one facility ("camp's" folded to "camps", the plural, and named nothing)
@pytest.mark.parametrize(("text", "name"), [
    ("Tawila swells as Zamzam camp's survivors keep arriving", "Zamzam camp"),
    ("Mitiga prison's guards were replaced overnight, a security source said.", "Mitiga prison"),
])
def test_possessive_head(text: str, name: str) -> None:
    assert open_names(text) == [name]


def test_plural_possessive_names_nothing() -> None:
    assert open_names("The camps' residents queued for water on Monday.") == []


# 3. a bare name in apposition to a camp's or a prison's head is the facility; a town's word makes it the town
@pytest.mark.parametrize(("text", "fid"), [
    ("Several future IS leaders met at Bucca, the vast US-run detention camp near Umm Qasr.", BUCCA),
    ("Three families left Roj, the smaller camp near the Iraqi border, on Sunday.", ROJ),
])
def test_apposition_head(text: str, fid: str) -> None:
    assert fid in fac_ids(text)


def test_apposition_with_a_town_word_is_the_town() -> None:
    text = "Shelling hit Sednaya, a Christian town that is also home to a military prison, on Friday."
    assert "fac:sy-sednaya-prison" not in fac_ids(text)


# 4. a camp's residents at the name
def test_camp_residents_at() -> None:
    assert ROJ in fac_ids("Camp residents at Roj said they had not been told where they would go.")


# 5. a distance is measured from a town, even beside a named camp
def test_distance_from_a_town() -> None:
    ids = fac_ids("Returnees stay at Jad'ah camp, some 7 km from Qayyarah, for three months of vetting.")
    assert JEDDAH_1 in ids and QAYYARAH_CAMP not in ids


# 6. numbered prisons of a complex in a detention frame, no head word
@pytest.mark.parametrize(("text", "name"), [
    ("Dozens of prisoners in Egypt's Badr 3 have refused food since June, relatives said.", "Badr 3"),
    ("The Brotherhood leader was moved to Badr 3 last year after a decade in isolation.", "Badr 3"),
    ("Prisoners in Wadi al-Natrun 2 began a partial hunger strike over winter clothing.", "Wadi al-Natrun 2"),
])
def test_numbered_prison_in_frame(text: str, name: str) -> None:
    assert name in open_names(text)


@pytest.mark.parametrize("text", [
    "The men were held in Ward 4 for months before their trial.",
    "He was released from Gaza 10 days ago and reached Cairo on Monday.",
    "Prisoners in Block 3 of the jail rioted on Sunday.",
    "She was taken to June 12 hearings in handcuffs.",
])
def test_number_that_names_no_prison(text: str) -> None:
    assert open_names(text) == []


# 7. a plural head, a dash or a colon, and a closed list of names
def test_dash_list_after_plural_head() -> None:
    text = "Hundreds marched from the four camps — Dagahaley, Hagadera, Ifo and Ifo 2 — to the UN compound."
    assert {"Dagahaley", "Hagadera", "Ifo", "Ifo 2"} <= set(open_names(text))


@pytest.mark.parametrize("text", [
    "Aid reached families in three camps: Idlib, Aleppo and Hama received the most.",
    "The camps — which house about 400,000 people — are running out of water.",
])
def test_dash_list_of_cities_or_no_list(text: str) -> None:
    assert open_names(text) == []


# 8. Kurdistan's correctional facilities and reformatories by whom they hold
@pytest.mark.parametrize(("text", "name"), [
    ("A girl of 17 slipped out of the Sulaimani Women's Correctional Facility, the minister said.",
     "Sulaimani Women's Correctional Facility"),
    ("Monitors inspected the Duhok Youth Reformatory on Wednesday.", "Duhok Youth Reformatory"),
])
def test_correctional_facility_heads(text: str, name: str) -> None:
    assert open_names(text) == [name]


# 9. a death in custody names no facility
def test_died_in_custody_is_no_facility() -> None:
    assert fac_ids("A detainee from Hebron died in Israeli custody on Saturday, a prisoners' group said.") == set()


def test_dash_list_of_peoples_is_no_list() -> None:
    assert open_names("Residents of the camps — Syrians, Iraqis and Afghans — lined up for bread.") == []


# 10. a facility's old and new names joined by "now renamed", "also known as": both are the facility
@pytest.mark.parametrize("text", [
    "Outside Hasakah stands Gweiran, now renamed Panorama, holding thousands of men never tried.",
    "Reporters were shown Sinaa, also known as Panorama, on a guided visit.",
])
def test_renamed_bare_names(text: str) -> None:
    assert "fac:sy-ghwayran-prison" in fac_ids(text)


# 11. "X, one of the largest refugee settlements": a plural head after "one of the" is an apposition too; a plural
# head without it is none
def test_one_of_the_largest_settlements() -> None:
    text = "A blaze swept through Kutupalong, one of the largest refugee settlements on earth, on Sunday."
    assert open_names(text) == ["Kutupalong"]


def test_plural_apposition_without_one_of() -> None:
    assert open_names("Aid reached Tawila, the camps of the newly displaced, by truck.") == []


def test_apposition_of_a_prison_town() -> None:
    assert "fac:iq-taji-prison" not in fac_ids("Rockets hit Taji, the prison town north of Baghdad, at dawn.")
