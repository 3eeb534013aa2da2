"""Round 25, actor25en survey: actors in English reporting on detention, camps and conflict across the region, mined
from 328 excerpts of stored pages and judged by hand against the labelling rules (data/README.md rule 28c).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids

TODAY = date(2025, 11, 1)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


# ---- the UN as an agency's owner, in its full name, or as a deal's go-between: no UN of its own

@pytest.mark.parametrize(("text", "agency"), [
    ("Aid convoys reached the camp on Friday, the U.N.'s World Food Program (WFP) said.", "actor:wfp"),
    ("Figures from the United Nations' humanitarian agency OCHA put the displaced at 40,000.", "actor:ocha"),
    ("The UN’s refugee office UNHCR registered 300 new arrivals last week.", "actor:unhcr"),
])
def test_un_as_owner_of_a_named_agency(text: str, agency: str) -> None:
    ids = _ids(text)
    assert agency in ids and "actor:un" not in ids


def test_full_name_of_the_childrens_fund() -> None:
    assert _ids("Gunmen stormed an office of the United Nations Children's Fund in the city.") == {"actor:unicef"}
    # UN staff and a UN spokesman still name the UN
    assert _ids("Gunmen stormed an office of the United Nations Children's Fund, a UN spokesman said.") \
        == {"actor:unicef", "actor:un"}


@pytest.mark.parametrize("text", [
    "The UN-brokered truce collapsed within a week.",
    "A UN-mediated prisoner exchange is due to take place on Thursday.",
])
def test_go_between_of_a_deal_is_no_actor(text: str) -> None:
    assert "actor:un" not in _ids(text)


# ---- names that hold another actor's: Kataib Hezbollah's spellings; the Houthis as AFP spells them

@pytest.mark.parametrize("text", [
    "Kata’eb Hezbollah claimed the drone attack on the base.",
    "Kataeb Hezbollah fighters were seen near the border crossing.",
    "A statement from the Hezbollah Brigades threatened American troops in Iraq.",
])
def test_kataib_hezbollah_spellings(text: str) -> None:
    ids = _ids(text)
    assert "actor:kataib-hezbollah" in ids and "actor:hezbollah" not in ids


@pytest.mark.parametrize("text", [
    "The Huthis released 100 detainees on Sunday.",
    "Huthi rebels seized two more aid workers in Hodeida.",
])
def test_huthi_spelling(text: str) -> None:
    assert "actor:houthis" in _ids(text)


# ---- a state's adjective before "Kurdish": the bodies of that state's Kurds

def test_iraqi_kurdish_authorities_are_the_krg() -> None:
    ids = _ids("Iraqi Kurdish authorities detained the reporter for two days.")
    assert "actor:krg" in ids and "actor:aanes" not in ids


def test_syrian_kurdish_fighters_are_the_sdf() -> None:
    ids = _ids("Syrian Kurdish fighters crossed into Iraq near Sinjar.", date(2025, 2, 1))
    assert "actor:sdf" in ids and "actor:kurdish-peshmerga" not in ids


# ---- an army's radio is an outlet

@pytest.mark.parametrize("text", [
    "The Israeli Army Radio reported that three men were held overnight.",
    "Two suspects were arrested, Israel's Army Radio said.",
])
def test_army_radio_is_an_outlet(text: str) -> None:
    assert "actor:israel-gov" not in _ids(text)


# ---- the regime's words after Assad's fall, in a text that names neither him nor a fall

@pytest.mark.parametrize(("text", "when"), [
    ("\"This is a warning to the Syrian regime,\" the defence minister said of the strikes near Sweida.",
     date(2025, 7, 16)),
    ("Regime troops took over the prison outside Hasakah on Thursday as SDF fighters pulled out.", date(2026, 1, 23)),
    ("Gunmen loyal to Assad ambushed a patrol of the new Syrian regime near Latakia.", date(2025, 3, 5)),
])
def test_regime_words_name_the_government_in_power(text: str, when: date) -> None:
    ids = _ids(text, when)
    assert "actor:syria-transitional-gov" in ids and "actor:assad-regime" not in ids


@pytest.mark.parametrize(("text", "when"), [
    ("Thousands died in the jails of the Syrian regime before its fall in December.", date(2025, 7, 16)),
    ("Survivors said Assad had filled Sednaya, where regime troops tortured inmates for decades.", date(2025, 3, 1)),
    ("Regime troops shelled the town again on Tuesday.", date(2019, 5, 1)),
])
def test_regime_words_of_the_fallen_regime_stay_assads(text: str, when: date) -> None:
    ids = _ids(text, when)
    assert "actor:assad-regime" in ids and "actor:syria-transitional-gov" not in ids
    # and the same words in a 2025 text that names no fall are the government in power
    assert "actor:syria-transitional-gov" in _ids("Regime troops shelled the town again on Tuesday.", date(2025, 7, 1))


# ---- a country acting after "further", "long"

@pytest.mark.parametrize(("text", "actor"), [
    ("Damascus further accused the group of holding civilians hostage.", "actor:syria-transitional-gov"),
    ("Washington long backed the Kurdish-led force.", "actor:us"),
])
def test_adverb_between_country_and_verb(text: str, actor: str) -> None:
    assert actor in _ids(text)


# ---- Iraq's National Security Adviser after a conjunction, and its Advisory

@pytest.mark.parametrize("text", [
    "Forty families reached Iraq from al-Hol, while National Security Adviser Qassem al-Araji said more would follow.",
    "Iraq's National Security Advisory said 90 families had completed rehabilitation.",
])
def test_iraq_national_security_adviser(text: str) -> None:
    assert "actor:iraq-gov" in _ids(text)

