"""Round 32, helper en32prec: English facility-mention precision on real reporting (rules 32d, 32e, 32f).

32d: a person named like a site: an honorific or rank before a core ("Mr. Shatila", "Gen. Taji"), a full name a
person's word makes ("director Tawfik Sabouni", "Nujin Derik, a leader of", "Ahmed Taji, 34,", "Ronald P. Bucca")
and that family name read again alone in the same text; the place readings follow. 32e: camps of another sense: an
army's ("the Yarmouk military camp", any camp not in Libya's gazetteer in a Libyan text with no displaced people)
and a party's ("Zionist Camp 24 seats"). 32f: a prison's airport ("Mitiga airport", "Mitiga, a former air base")
and a prison's district first in a list under a plural head ("Ghwairan and al-Zohour neighborhoods").
Own wording; the near-misses keep their facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def _places(text: str) -> list[str]:
    return [p.surface for p in real_ann(text).places]


# 32d ----------------------------------------------------------------------------------------------------------------

def test_honorific_or_rank_before_a_core_is_a_person() -> None:
    _none("Mr. Shatila was questioned by military intelligence for twelve hours before his release.")
    _none("Dr. Rukban told reporters that the detainees had been beaten in custody.")
    _none("Gen. Taji said the army would reopen the highway north of Baghdad.")
    assert "Rukban" not in _places("Dr. Rukban told reporters that the detainees had been beaten in custody.")


def test_a_full_name_and_its_family_name_read_again_are_the_person() -> None:
    _none("Militia commander Nujin Derik was reported captured by rebels near Aleppo. Derik was later swapped for "
          "prisoners.")
    _none("Director Tawfik Sabouni presents his first feature at the Berlinale, and Sabouni says the film is about "
          "memory.")
    _none("Ahmed Taji, 34, was arrested at a checkpoint in Baghdad; Taji's brother said he was tortured.")
    _none("Lebanese journalist Rania Zaatari was stopped at Beirut airport. Zaatari said officers questioned her.")
    _none("Fire Marshal Ronald P. Bucca died on 9/11. Bucca had served in the Army reserve for years.")
    assert "Zaatari" not in _places("Lebanese journalist Rania Zaatari was stopped at Beirut airport. Zaatari said "
                                    "officers questioned her.")


def test_the_site_itself_stays_beside_a_person_of_its_name() -> None:
    facs = _facs("Syrian filmmaker Tawfik Sabouni returned to Saidnaya prison last winter; Sabouni had been held "
                 "there for two years after 2011.")
    assert facs == [("Saidnaya prison", "fac:sy-sednaya-prison")], facs
    assert ("Shatila camp", "fac:lb-shatila-camp") in _facs(
        "Kamal Shatila, head of the Popular Nasserist Organization, visited Shatila camp to meet families.")
    assert ("Zaatari", "fac:jo-zaatari-camp") in _facs("Refugees in Zaatari said the water had been cut for days.")
    assert ("Rukban", "fac:sy-rukban-camp") in _facs("Families left Rukban in January, and Rukban now holds fewer "
                                                     "than 2,000 people.")


# 32e ----------------------------------------------------------------------------------------------------------------

def test_libyan_military_camps_are_bases() -> None:
    _none("Forces loyal to the unity government took the Yarmouk military camp south of Tripoli, a Libyan army "
          "source said.")
    _none("Haftar's forces shelled the Hamza and Yarmouk camps in the project axis south of Tripoli overnight.")
    _none("Clashes broke out near the Takbali camp in Tripoli's Salah al-Din district between the 444 Brigade and "
          "Rada fighters, Libyan media said.")
    _none("The 51 Infantry Brigade took over Naam Camp in Tajoura from a rival Libyan armed group on Sunday.")
    _none("Syrian troops withdrew to the Tabqa military camp after the clashes, a commander said.")


def test_camps_of_the_displaced_stay_in_libya_and_elsewhere() -> None:
    assert ("Sidi al-Sayeh camp", "open:camp:sidi-sayeh") in _facs(
        "Displaced families from Tawergha in the Sidi al-Sayeh camp near Tripoli said aid had stopped, Libyan "
        "officials said.")
    assert ("Yarmouk camp", "fac:sy-yarmouk-camp") in _facs(
        "Residents of the Yarmouk camp in southern Damascus said the rubble had still not been cleared.")
    # "Jabal al-Zawiya" is Idlib's, no Libyan town
    assert _facs("Monitors found no latrines at the random camp of Serjela, in the Jabal al-Zawiya hills.") != []


def test_party_named_camp_is_no_camp() -> None:
    _none("The Zionist Camp would win 24 seats against 20 for Likud, the final poll showed.")
    _none("The State Camp leader said his party would not join the government, even with 20 seats in the polls.")
    _none("Final polls show Zionist Camp ahead. The big news is the continued weakness of Zionist Camp.")
    assert ("Kalma camp", "open:camp:kalma") in _facs(
        "Voters in the Kalma camp, most of them displaced families, queued at polling stations for hours.")


# 32f ----------------------------------------------------------------------------------------------------------------

def test_a_prisons_airport_is_the_airport() -> None:
    _none("Flights were suspended at Mitiga airport after armed groups clashed near the runway.")
    _none("Mitiga, a former military air base, has served as the capital's only civilian airport since 2014.")
    _none("Militiamen attacked Mitiga international airport, which is home to a prison where 2,500 people are held.")


def test_detention_at_the_site_and_the_airbase_prisons_stay() -> None:
    assert ("Mitiga", "open:prison:mitiga") in _facs("Detainees held at Mitiga described beatings by Rada guards.")
    assert ("Hama military airport", "fac:sy-hama-airport-prison") in _facs(
        "Thousands were detained at Hama military airport after 2011, survivors told investigators.")


def test_listed_districts_are_no_prison() -> None:
    _none("The SDF kept up its siege of the Ghwairan and al-Zohour neighborhoods in Hasakah after the prison break.")
    _none("Families of detainees gathered in the Mezzeh and Kafr Sousa districts of Damascus to wait for news.")
    assert ("Ghwayran prison", "fac:sy-ghwayran-prison") in _facs("Inmates rioted inside Ghwayran prison in Hasakah "
                                                                  "on Sunday night.")


def test_the_person_reading_of_a_place_is_the_same_compiled_and_pure() -> None:
    """place_mask (compiled) does not know rule 32d's check: _place's short paths fall back to the reference there."""
    from services.enrich import backend

    texts = ("Spokesman Mahmoud Raqqa said the talks had failed. Raqqa added that more were detained.",
             "Lebanese journalist Rania Zaatari was stopped at Beirut airport. Zaatari said officers questioned her.",
             "Ahmed Taji, 34, was arrested at a checkpoint in Baghdad; Taji's brother said he was tortured.",
             "Spokesman Mahmoud Raqqa said the talks had failed in Raqqa.")
    was_pure = backend.compiled() is None
    try:
        got = {}
        for pure in (True, False):
            backend.select(pure=pure)
            got[pure] = [[(p.surface, p.start, p.id) for p in real_ann(t).places] for t in texts]
    finally:
        backend.select(pure=was_pure)
    assert got[True] == got[False]
    assert got[True][0] == []
    assert [s for s, _, _ in got[True][3]] == ["Raqqa"]  # "in Raqqa": the city
