"""Round 22, stream22en: the English general news stream (data/README.md rule 26u) — our own sentences."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2020 = date(2020, 6, 1)
_2025 = date(2025, 7, 15)


def _places(text: str, when: date = _2020) -> set[str]:
    return {p.id for p in real_ann(text, when).places}


def _open(text: str, when: date = _2020) -> set[str]:
    return {p.surface for p in real_ann(text, when).places if p.id.startswith("open:")}


def _actors(text: str, when: date = _2020) -> set[str]:
    return {a.id for a in real_ann(text, when).actors}


def test_a_town_named_before_its_word() -> None:
    # SOHR's "X town" as its "X village" (common_words.yaml en_after)
    assert _open("Jets hit Jarjnaz town and a hospital east of Maarat al-Numan.") == {"Jarjnaz"}
    assert "Thubyan" in _open("Two tribesmen died in a feud in Thubyan town, Deir ez-Zor province.")
    # guards: a stop word or a compound adjective before the word is no name
    assert _open("Shells fell on the Syrian town near the border.") == set()
    assert _open("Fighters entered a Kurdish-majority town in the north.") == set()
    assert _open("Robben Island Prison, off the coast of Cape Town, held Nelson Mandela.") == set()


def test_a_plural_village_word_after_a_list() -> None:
    assert _open("Helicopters dropped barrels on Sarman and Qatrah villages near Maarat al-Numan.") == {"Sarman",
                                                                                                          "Qatrah"}
    got = _open("Regime forces seized Masqan, Duwayr and Kafr Tuna villages after a week of fighting.")
    assert got == {"Masqan", "Duwayr", "Kafr Tuna"}
    # guards: peoples before the plural word, a known town in the list stays known, a sentence's first word
    assert _open("Kurdish and Arab villages were emptied by the fighting.") == set()
    got = _open("In Sarman and Qatrah villages the shelling went on.")
    assert got == {"Sarman", "Qatrah"}
    assert "open:" not in str(_places("Strikes hit Saraqib and Binnish towns overnight."))


def test_rural_before_a_list_of_three_names_each_governorate() -> None:
    got = _places("Government forces and the opposition traded fire across rural Idlib, Hama and Aleppo.")
    assert {"adm1:SY-idlib", "adm1:SY-hama", "adm1:SY-aleppo"} <= got
    assert "geonames:170017" not in got and "geonames:170063" not in got
    # a city after a comma that no list goes on from stays the city
    got = _places("Shelling hit rural Idlib, Damascus said on Monday.")
    assert "geonames:170654" in got and "adm1:SY-damascus" not in got


def test_a_listed_crossing_before_border_crossing_is_the_place() -> None:
    assert "place:sy-bab-al-hawa" in _places("The WFP sent 20 trucks over the Bab al-Hawa border crossing.")
    # a crossing named after a town still names no place (rule 22a)
    assert not {"geonames:169138"} & _places("Trucks crossed at the al-Rai border crossing on Monday.")


def test_a_passive_participle_after_a_list_of_countries_is_no_act() -> None:
    got = _actors("A sweep ran along the borders of Saudi Arabia, Jordan and Syria, led by the PMF's command.")
    assert "actor:jordan-gov" not in got and "actor:pmf" in got
    assert "actor:turkey-gov" in _actors("Turkey led the talks with the opposition in Ankara.")


def test_a_state_objects_and_its_rulers_in_the_capital() -> None:
    assert "actor:assad-regime" in _actors("Damascus objects to the cross-border deliveries over the Turkish border.")
    got = _actors("The KNC said the new rulers in Damascus had not consulted it.", _2025)
    assert "actor:syria-transitional-gov" in got
    got = _actors("The new administration in Damascus named a cabinet on Saturday.", _2025)
    assert "actor:syria-transitional-gov" in got


def test_aliases_of_the_stream() -> None:
    assert "actor:sna" in _actors("Government troops and Turkish mercenaries fought along the front.")
    assert "actor:us" in _actors("Insurgents attacked a joint patrol of Iraqi troops and U.S. Marines in Hit.")
    got = _places("Jets hit Khan Sheikoun and Bosra while the SDF took Tall Refaat and the Nobol sub-district.")
    assert {"geonames:168325", "geonames:171126", "geonames:163476", "geonames:166331"} <= got
    assert "place:sy-jabal-al-zawiya" in _places("Raids hit the edges of villages in Zawiya Mountain, south of Idlib.")
