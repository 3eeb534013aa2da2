"""Round 22, the lead's English lists and appositions (data/README.md rule 26t) — our own sentences."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2025 = date(2025, 6, 1)


def _open(text: str) -> set[str]:
    return {p.surface for p in real_ann(text, _2025).places if p.id.startswith("open:")}


def test_unknown_villages_listed_with_two_known_towns() -> None:
    got = _open("Regime artillery shelled Kafr Nabl, Hass, Maarat al-Numan and Kansafra in southern Idlib.")
    assert got == {"Hass", "Kansafra"}
    assert _open("Strikes hit Saraqib, Binnish and Taftanaz on Tuesday.") == set()  # all known: nothing new


def test_one_known_town_after_a_place_word() -> None:
    got = _open("Clashes erupted in Tal Tamr, Abu Rasin and Zirgan as the factions advanced.")
    assert got == {"Abu Rasin", "Zirgan"}
    assert _open("In Tal Tamr, Abu Rasin and Zirgan, the clashes went on.") == {"Abu Rasin", "Zirgan"}
    assert _open("Strikes hit Saraqib, Hass and Kansafra.") == {"Hass", "Kansafra"}


def test_lists_that_name_no_village() -> None:
    # people, a possessive, an address with a date, organisations and acronyms
    assert _open("In Damascus, Ahmed al-Sharaa, Mazloum Abdi and Hakan Fidan met.") == set()
    assert _open("Refugees from Aleppo, Homs, Hama and Assad's stronghold Latakia arrived.") == set()
    assert _open("Suspects were flown to a prison in Baghdad, Iraq, Feb. 12, 2026.") == set()
    assert _open("Talks in Ankara, Geneva and Astana failed.") == set()
    assert _open("Delegates from Raqqa, Hasakah, the SDF and Manbij Military Council met in Qamishli.") == set()
    assert _open("Raqqa, Kobani and Tuesday's talks were on the agenda.") == set()  # (a weekday, a possessive)


def test_a_village_described_by_an_apposition() -> None:
    assert "Tuba" in _open("Settlers walked into Tuba, a Palestinian hamlet south of Hebron, on Saturday.")
    assert "Barja" in _open("A strike on Barja, a town of the Shouf district below Beirut, killed four.")
    # guards: a person described ("a village elder"), a phrase with a preposition, a place out of scope (rule 4)
    assert _open("Ahmed, a village elder from Hebron, said the road was closed.") == set()
    assert _open("Abu Hussein, a notable from the village of Al-Zar near Deir Ezzor, spoke.") == {"Al-Zar"}
    assert _open("Dadaab, a dusty town in Garissa County, lies near the border of Kenya.") == set()


def test_the_towns_of_a_list_end_at_and() -> None:
    got = _open("Before the army moved on the outskirts of the towns of Arsal and Al-Qaa, Hezbollah fired rockets.")
    assert "Hezbollah" not in got and "Al-Qaa" in got


def test_a_list_of_city_quarters_names_no_village() -> None:
    # rule 4: a city's districts are places only where places.yaml lists them
    assert _open("Detainees were held in branches in the Kafr Sousa, Mezzeh and Qaboun neighbourhoods.") == set()


def test_a_list_of_three_before_in_and_a_known_place() -> None:
    got = _open("Government forces raked al-Ruwaiha, Deir Sunbul and Kafr Owaid in Idlib's southern countryside.")
    assert got == {"al-Ruwaiha", "Deir Sunbul", "Kafr Owaid"}
    assert _open("Strikes hit Yater, Shebaa and Taybeh in southern Lebanon.") == {"Yater", "Shebaa", "Taybeh"}
    # guards: organisations (actor candidates), people (given names), two members only
    assert _open("Hamas, Islamic Jihad and Fatah in Gaza agreed.") == set()
    assert _open("Ahmed, Mahmoud and Khaled in Hasakah said.") == set()
    assert _open("Families went home to Karzark and Dugure in Sinjar.") == set()
