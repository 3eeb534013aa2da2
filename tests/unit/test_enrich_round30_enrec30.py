"""Round 30, helper enrec30: English facility recall on wide real reporting (rule 30c; passages in
tests/data/realworld-enrec30.jsonl, own wording of real forms). A quoted sentence whose subject is a country names the
camp it speaks of; a possessive after a head-first name is no letter of it; a size of people or a count before a head
is no name; "Women Prison" without the possessive is a head; the Tripoli centre al-Mabani is a gazetteer fact; "also
goes by" gives a facility's other name. Near-misses stay unread."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann

MAKHMOUR, HOL, RUKBAN = "fac:iq-makhmour-camp", "fac:sy-al-hol-camp", "fac:sy-rukban-camp"
SHATILA = "fac:lb-shatila-camp"
BEDDAWI, BARED, GTMO = "fac:lb-baddawi-camp", "fac:lb-nahr-al-bared-camp", "fac:cu-guantanamo"


def _ids(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


@pytest.mark.parametrize(("text", "want"), [
    # a quoted sentence with another country as its subject names the camp (before: read as a byword, dropped)
    ('The president said on air that "Turkey will clear out the Makhmour camp" unless Baghdad acts.', {MAKHMOUR}),
    ('A minister vowed that "Iraq will empty al-Hol camp of its citizens by spring" in a short speech.', {HOL}),
    # the owner's ending after a head-first name
    ("Only a hilltop view of Camp X-Ray’s empty cellblocks is allowed; Camp X-Ray shut in 2002.",
     {"open:prison:x-ray"}),
    ("Camp Delta's guards checked every van before the hearing at Guantanamo.", {"open:prison:delta", GTMO}),
    # a size of people before the head is no name; the name after "called" still is
    ("Trucks reached the 45,000-person desert camp called Rukban after a long wait.", {RUKBAN}),
    ("Strikes hit the suburbs next to the 20,000-person Shatila camp in Beirut.", {SHATILA}),
    # a count before "refugee camps" is none; the named camps after it are read
    ("Of Lebanon's 12 refugee camps, Beddawi took in most of the families who fled Nahr al-Bared.", {BEDDAWI, BARED}),
    # "Women Prison" without the possessive, after a city's name: an open-world prison, as "Women's Prison" is
    ("Hundreds of inmates left the Omdurman Women Prison after shells struck it.", {"open:prison:omdurman"}),
    # al-Mabani (Tripoli), with "facility" as its head and bare in a text about its detainees
    ("Guards fired on migrants at the Al-Mabani facility in the capital, the agency said.", {"open:prison:mabani"}),
    ("Mabani held 1,500 migrants, up from 300 in February, when shots were fired into the cells.",
     {"open:prison:mabani"}),
])
def test_read(text: str, want: set[str]) -> None:
    assert _ids(text) == want


@pytest.mark.parametrize("text", [
    # bywords by analogy stay no facility of their own country
    'Rights groups call the militia jail in Tripoli "Libya\'s Sednaya" after the Syrian prison.',
    'Former inmates called the desert lockup "the Guantanamo of Iraq" before the inquiry.',
    # sizes and counts before a head
    "Heavy rain flooded the 5,000-person camp outside the town overnight.",
    "Officials said the 1,200-inmate prison had been built for half that number.",
    "All of Lebanon's 12 refugee camps stayed on high alert after the fighting.",
    "Soldiers have raided several of the West Bank's 19 refugee camps since January.",
    # a women's prison with no name, and migrant sites left unnamed
    "A women prison in the capital was also emptied, police said, without naming it.",
    "Guards shot six migrants at a detention facility in Libya's capital, the agency said.",
    "The Mabani street market reopened in Benghazi after the holiday.",
])
def test_near_miss(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and not ann.facilities


def test_goes_by_other_name() -> None:
    # "also goes by" gives the prison's other names, one prison (before: "Rey Women Prison" read as a second one)
    text = ("Qarchak, the women's prison near Varamin south of Tehran, also goes by Rey Women Prison and "
            '"Gharchak Women\'s Prison".')
    assert _ids(text) == {"open:prison:qarchak"}
