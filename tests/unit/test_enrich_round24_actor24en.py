"""Round 24, actor24en survey: actors in English reporting on detention and displacement beyond north-east Syria,
labelled by hand before the engine ran (data/README.md rule 27i).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids, real_place_ids

TODAY = date(2025, 11, 1)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


def _places(text: str, when: date = TODAY) -> set[str]:
    return real_place_ids(text, when)


# ---- a force's word before a court's: the court, which names no actor (rule 23b)

@pytest.mark.parametrize("text", [
    "Dozens of detainees have refused to appear before Israel's military courts since January.",
    "The men will be indicted before an Israeli military court next month, lawyers said.",
    "An Iraqi military tribunal sentenced the officer in absentia.",
    "Israel’s military appeals court upheld the order on Sunday.",
])
def test_military_court_names_no_forces(text: str) -> None:
    assert not _ids(text) & {"actor:israel-gov", "actor:iraqi-security-forces", "actor:iraq-gov"}


def test_military_court_keeps_the_place() -> None:
    assert "country:IL" in _places("Dozens of detainees have refused to appear before Israel's military courts.")


@pytest.mark.parametrize(("text", "actor"), [
    ("Israel's military said it had detained 40 people overnight in Jenin.", "actor:israel-gov"),
    ("An Israeli military spokesman denied the claim on Tuesday.", "actor:israel-gov"),
    ("The Israeli army courted local leaders before the raid, residents said.", "actor:israel-gov"),
    ("Iraqi military commanders met in Mosul on Monday.", "actor:iraqi-security-forces"),
])
def test_military_still_acts(text: str, actor: str) -> None:
    assert actor in _ids(text)


# ---- Syria's "interim authorities" after December 2024: the caretaker government in Damascus

@pytest.mark.parametrize("text", [
    "Syrian interim authorities freed dozens of former soldiers in Homs on Tuesday.",
    "Some 300 people were detained by Syria's new interim authorities in the crackdown.",
    "Syria’s interim authorities said the curfew in Latakia would be lifted.",
])
def test_syrian_interim_authorities_are_damascus(text: str) -> None:
    assert "actor:syria-transitional-gov" in _ids(text, date(2025, 1, 3))


def test_interim_authorities_before_the_fall_name_no_damascus() -> None:
    ids = _ids("Syrian interim authorities in Gaziantep named new ministers.", date(2019, 5, 1))
    assert "actor:syria-transitional-gov" not in ids and "actor:assad-regime" not in ids


def test_other_countries_interim_authorities_are_not_syrias() -> None:
    assert "actor:syria-transitional-gov" not in _ids("Mali's interim authorities extended the curfew in Bamako.")


# ---- the UN as a wire's dateline

@pytest.mark.parametrize("text", [
    "UNITED NATIONS (AP) — Israel has stopped Red Cross visits to Palestinian detainees, the ICRC said.",
    "United Nations, Nov 17 (EFE) – Red Cross officials said visits to prisoners had stopped.",
])
def test_un_dateline_is_no_un(text: str) -> None:
    assert "actor:un" not in _ids(text)


@pytest.mark.parametrize("text", [
    "United Nations agencies warned of famine in Gaza on Friday.",
    "United Nations (UN) officials visited Zaatari camp.",
    "UNITED NATIONS (AP) — The United Nations said on Wednesday that aid convoys had reached Idlib.",
    "The United Nations said the convoy reached Rukban on Sunday.",
])
def test_un_acting_stays(text: str) -> None:
    assert "actor:un" in _ids(text)


# ---- UNHCR by its head's title

@pytest.mark.parametrize("text", [
    "UN High Commissioner for Refugees Filippo Grandi visited Azraq camp on Monday.",
    "The U.N. refugee chief said returns to Syria must be voluntary.",
])
def test_unhcr_by_title_is_no_un(text: str) -> None:
    ids = _ids(text)
    assert "actor:unhcr" in ids and "actor:un" not in ids


# ---- Israel's prison service by "authority"

@pytest.mark.parametrize("text", [
    "The Israeli prison authority said thousands of security prisoners had been admitted since October.",
    "The family rejected the Israel Prison Authority's account of his death.",
])
def test_prison_authority_is_israel(text: str) -> None:
    assert "actor:israel-gov" in _ids(text)


def test_country_name_before_prison_authority_is_no_place() -> None:
    assert "country:IL" not in _places("The family rejected the Israel Prison Authority's account of his death.")


def test_prison_authority_alone_names_no_state() -> None:
    assert "actor:israel-gov" not in _ids("The prison authority in Sweida said two inmates escaped.")


# ---- the PLO's name holds no place

def test_plo_name_holds_no_palestine() -> None:
    assert "country:PS" not in _places(
        "Abdel Hadi al-Asadi of the Palestine Liberation Organisation (PLO) said weapons were handed over.")


def test_palestine_as_a_place_stays() -> None:
    assert "country:PS" in _places("The delegation travelled from Palestine to Amman on Monday.")
