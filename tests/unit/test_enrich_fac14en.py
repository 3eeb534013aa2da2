"""Round-14 English facility classes on real text (issue 7): bare names after more movement verbs, "the facility at
X", courts that sit at a prison, all-capital datelines of a base, a city's camp by the city's name, and open-world
names in apposition to a country's head ("Zamzam, Sudan's largest camp"). Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_fac_ids as fac_ids
from tests.unit.enrich_support import real_gazetteer


def open_names(text: str) -> list[str]:
    return [f.surface for f in enrich(text, real_gazetteer()).facilities if f.id.startswith("open:")]


# 1. a bare name after a movement verb of detention is the facility ("being moved to Ofer"); "out of" after a
# vehicle's verb too
@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Her lawyer says the teenager is being moved to Ofer after a month in isolation.", "fac:il-ofer-prison"),
        ("Two of the men were relocated to Ktziot in 2019, a former guard testified.", "fac:il-ktziot-prison"),
        ("The first bus with freed detainees has pulled out of Ofer, our reporter says.", "fac:il-ofer-prison"),
    ],
)
def test_bare_name_after_move(text: str, fid: str) -> None:
    assert fid in fac_ids(text)


# ... but a town of the name is where families are moved and forces pull out of
@pytest.mark.parametrize(
    "text",
    [
        "Displaced families were moved to Shaddadi last year, local officials said.",
        "Kurdish forces pulled out of Shaddadi on Sunday as government troops advanced.",
    ],
)
def test_moved_to_town(text: str) -> None:
    assert fac_ids(text) == set()


# 2. "the facility at X", also with adjectives between: the known facility there, whichever its kind
@pytest.mark.parametrize(
    "text",
    [
        "Guards at the facility at al-Hol say the annex is out of control.",
        "The SDF still runs the overcrowded facility at al-Hol, where most residents are children.",
        "Aid groups described the sprawling site at al-Hol as a ticking bomb.",
    ],
)
def test_the_facility_at(text: str) -> None:
    assert "fac:sy-al-hol-camp" in fac_ids(text)


# ... but not a new or other prison in a city, nor a town's word before "at"
@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the new prison in Nasiriyah would open next year to ease overcrowding.",
        "The ministry said the overcrowded prison in Nasiriyah would be replaced by 2030.",
        "Fighters regrouped in the town at al-Hol before dawn.",
    ],
)
def test_the_facility_at_not(text: str) -> None:
    assert fac_ids(text) == set()


# 3. a court that sits at the prison is the court (rule 15), before or after the name
@pytest.mark.parametrize(
    "text",
    [
        "The military court at Ofer extended her administrative detention by four months.",
        "His appeal was heard at the Ofer military court on Sunday.",
    ],
)
def test_court_at_prison(text: str) -> None:
    assert fac_ids(text) == set()


# 4. an all-capital dateline naming a base is where the reporter files from (rule 21b)
def test_caps_dateline_of_a_base() -> None:
    assert fac_ids("GUANTANAMO BAY NAVAL BASE, Cuba (AP) — The judge again delayed the pretrial hearings.") == set()
    assert "fac:cu-guantanamo" in fac_ids("The judge said the men held at Guantanamo Bay would be tried next year.")


# 5. a city's camp by the city's name (rule 18b): "Kilis camp" is the container camp there, the city alone is none
def test_city_camp_alias() -> None:
    assert fac_ids("Kilis camp, which once sheltered 30,000 Syrians, has been shut.") == {"fac:tr-kilis-oncupinar-camp"}
    assert fac_ids("Kilis, a border city, hosted more Syrians than locals at the height of the war.") == set()


# 6. an unknown name in apposition to a country's possessive and a head is an open-world facility; a longer known
# name whose last part looks like one is not cut ("Burj al-Barajneh")
def test_apposition_with_country_possessive() -> None:
    assert open_names("Shelling hit Zamzam, Sudan's largest camp for displaced people, on Friday.") == ["Zamzam"]
    assert open_names("She grew up in Baghdad, Iraq's capital, and studied law.") == []
    text = "In Burj al-Barajneh, Beirut's densest camp, loose cables kill residents every winter."
    assert fac_ids(text) == {"fac:lb-burj-al-barajneh-camp"}


# 7. an example after a plural head of the kind ("jails ..., including X")
@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Ministers toured jails in the north-east, including Derik, on Sunday.", "fac:sy-derik-prison"),
    ],
)
def test_example_after_plural_head(text: str, fid: str) -> None:
    assert fid in fac_ids(text)


def test_city_head_in_apposition() -> None:
    text = "The UN is alarmed by deaths in custody at Mitiga, the Tripoli prison run by the Radaa force."
    assert open_names(text) == ["Mitiga"]
    assert open_names("Ali, the Iraqi prison guard, was arrested on Monday.") == []


# 8. two towns' prisons joined by "or" are two prisons, not one prison's two names; a bare name before a plural
# area word is the area
def test_or_and_plural_area() -> None:
    text = "The convicts will not be sent to Chamchamal prison or Susa prison, the minister said."
    # (Chamchamal prison is a gazetteer entry since rule 27d: two known prisons joined by "or" stay two)
    assert open_names(text) == [] and fac_ids(text) == {"fac:iq-chamchamal-prison", "fac:iq-susa-prison"}
    assert fac_ids("The envoy visited detention sites in Qamishli and in the al-Hol districts.") == set()
