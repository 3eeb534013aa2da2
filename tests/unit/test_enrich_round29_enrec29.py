"""Round 29, helper enrec29: English names of north-east Syria's and Iraq's prisons and camps as outlets print them
(tests/data/realworld-enrec29.jsonl, own wording of real forms). Recall guards: every form below is read today and must
stay read; near-misses stay unread. No engine change in this round's branch (see tests/data/enrec29.notes.md)."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann

HOL, ROJ, SINAA = "fac:sy-al-hol-camp", "fac:sy-roj-camp", "fac:sy-ghwayran-prison"
ANNEX, ALAYA, BUCCA = "fac:sy-al-hol-annex", "fac:sy-alaya-prison", "fac:iq-camp-bucca"


def _ids(text: str) -> set[str | None]:
    return {f.id for f in real_ann(text).facilities}


def _place_ids(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


@pytest.mark.parametrize(("text", "want"), [
    ("An expert said all 6,279 foreign detainees had left Camp al-Hol, while women in al-Roj camp stayed.", {HOL, ROJ}),
    ("In eastern Syria there is a camp called Al-Hol, sometimes spelled al-Hawl, where ISIS families live.", {HOL}),
    ("Two of these camps – Al-Hol and Roj – hold most of the foreign women and children.", {HOL, ROJ}),
    ("Captured members were taken to several detention centers, including Al-Hol.", {HOL}),
    ("(Al-Hol, Northeast Syria) – The authorities keep 11,000 foreign women and children in a locked desert camp.",
     {HOL}),
    ("Women wait in line for fuel at al-Hol displacement camp in al-Hasaka governorate, Syria.", {HOL}),
    ("Most attacks happened in Al-Hol's main camp, while Al-Hol annex houses women from 60 countries.", {HOL, ANNEX}),
    ("Women in Al Hawl refugee camp raise an index finger for the camera.", {HOL}),
    ("Today Al-Hol's fifty thousand residents are split into sectors divided by barbed wire.", {HOL}),
    ("Sina'a prison is the largest facility in which the SDF keeps thousands of detainees.", {SINAA}),
    ("Its forces caught 89 inmates who fled the al-Sinaa Prison in the neighborhood of Ghweiran.", {SINAA}),
    ("More than 100 jihadists attacked Ghwayran prison in Hasaka last week.", {SINAA}),
    ("All of the transferred detainees had been held at Ghuwayran prison in Hasaka.", {SINAA}),
    ("Roj Camp, near Derik city, took in 58 families who came from Hol camp east of Hasakah city.", {HOL, ROJ}),
    ("Syrians in the 42nd section of Hol Camp keep leaving; 2,268 families have left Camp Hol.", {HOL}),
    ("A man is met by his family after leaving the Kurdish-run Alaya prison in Qamishli.", {ALAYA}),
    ("AFP reporters outside the Alaya detention facility on the edge of Qamishli watched detainees leave.", {ALAYA}),
    ("Detainees live behind the wire at the Camp Bucca Theater Internment Facility in Iraq.", {BUCCA}),
    ("An Islamic State cell tried a suicide attack on the al-Hawl displaced persons camp.", {HOL}),
    ("Al Hol is a detention camp for people displaced by the war, and guards keep residents in.", {HOL}),
    ("Escape from Hell: Surviving the Horrors of Al-Hawl Camp", {HOL}),
    ("About 60,000 women and children are held captive in al-Hawl and Roj camps in northeast Syria.", {HOL, ROJ}),
    ("Some 10 miles west of the Iraqi border lies the sprawling camp called al-Hol, named after a nearby town.", {HOL}),
    ("UN hands over management of “Al-Hol” camp in Syria to Damascus authorities", {HOL}),
])
def test_real_english_forms_name_the_facility(text: str, want: set[str]) -> None:
    assert _ids(text) == want


@pytest.mark.parametrize("text", [
    "Kurdish-led forces say they have regained control of prison in Syria's Hasaka",
    "Kurdish forces said they had fully retaken a prison in the northeastern city of Hasaka that IS had attacked.",
    "The government settled Palestinian families on scrubland near the Iraqi border, south of the town of Al-Hol.",
    "AL HOL, Syria — Seen from a helicopter, the vast camp holding the families was a sea of white tents.",
    "Men accused of links to the Islamic State sit on the floor of a prison in Hasaka city, northeast Syria.",
    "Other camps and prisons across Syria and Iraq hold an estimated 10,000 foreigners.",
    "The SDF runs the camps and residents are barred from leaving, which in effect turns them into prison camps.",
    "When the caliphate fell, the camp was suddenly turned into one of the largest prisons in the world.",
])
def test_near_misses_name_no_facility(text: str) -> None:
    assert _ids(text) == set()


def test_town_readings_stay_places() -> None:
    assert "geonames:173797" in _place_ids("Families were settled south of the town of Al-Hol, near the border.")
    assert "geonames:173797" in _place_ids("AL HOL, Syria — The vast camp was a sea of white tents.")
