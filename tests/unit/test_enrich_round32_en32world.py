"""Rules 32o-32q (helper en32world, round 32): English facility recall on real reporting of the wider world.
32o: Cox's Bazar's camps named by their number in lower case or with a hyphen ("camp 17", "Camp-17", "camp-3",
"Camp no-9"); 32p: Russia's penal acronyms read bare ("SIZO-2 in Taganrog", "the IK-6 colony") and an agency's
acronym before an open-world name ("the ICE Delaney Hall Detention Center"); 32q: a sentence's first name said to be
a camp or prison ("Mae La is a refugee camp in Thailand"), an apposition opened by "an", South Sudan's PoC sites and
a detention centre named by its island. Own wording; the near-misses keep no facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


# 32o
def test_numbered_camp_lower_case_and_hyphen() -> None:
    assert _facs("Police said two Rohingya volunteers were stabbed near the H block of camp 18 in Ukhiya.") \
        == [("camp 18", "open:camp:18")]
    assert _facs("Gunmen came from the direction of Camp-15 and fired on refugees queuing for rations.") \
        == [("Camp-15", "open:camp:15")]
    assert ("camp-9", "open:camp:9") in _facs("The blaze spread from camp-9 to neighbouring shelters, leaving "
                                                "Rohingya families homeless.")
    assert _facs("A Rohingya community leader of Camp no-12 said armed men had threatened his family.") \
        == [("Camp no-12", "open:camp:12")]
    assert _facs("The victim, a young refugee, lived in block D of camp number 26 in Teknaf, police said.") \
        == [("camp number 26", "open:camp:26")]


def test_numbered_camp_near_misses() -> None:
    _none("The camp 5 kilometres from the border now hosts more refugees than the town itself.")
    _none("Scouts sang around the fire at camp 3 on the last night of the jamboree.")
    _none("Refugees said the camp 20 families share has run out of water.")
    got = _facs("A child was killed in camp 5 of the Kutupalong refugee camp, a Rohingya leader said.")
    assert [s for s, _ in got] == ["Kutupalong refugee camp"]


# 32p
def test_penal_acronyms_read_bare() -> None:
    assert _facs("Relatives of Ukrainian prisoners of war say several men died in the Taganrog SIZO-2.") \
        == [("SIZO-2", "open:prison:sizo-2")]
    assert _facs("The activist was later sent to IK-7, where prisoners say beatings are routine.") \
        == [("IK-7", "open:prison:ik-7")]
    assert _facs("Navalny was transferred to the IK-6 colony in Melekhovo.") == [("IK-6", "open:prison:ik-6")]


def test_penal_acronym_near_misses() -> None:
    _none("The IK-2 engine was tested on a stand outside the city last year, the company said.")
    got = _facs("Correctional colony No.9 (IK-9) holds men convicted of murder. Prisoner IK-9 inmates told the "
                "lawyer about it.")
    assert {i for _, i in got} == {"open:prison:no-9"}  # the bracket's acronym is the colony read before


def test_agency_acronym_before_an_open_name() -> None:
    assert _facs("A hunger strike began at the ICE Delaney Hall Detention Center after meals arrived late.") \
        == [("Delaney Hall Detention Center", "open:prison:delaney-hall")]
    assert _facs("Detainees were brought to the ICE Otay Mesa Detention Center overnight, lawyers said.") \
        == [("Otay Mesa Detention Center", "open:prison:otay-mesa")]
    _none("ICE agents took the man to a detention center, his lawyer said.")


# 32q
def test_a_sentences_first_name_said_to_be_a_site() -> None:
    assert _facs("Mae La is the largest refugee camp on the Thai side of the border.") \
        == [("Mae La", "open:camp:mae-la")]
    assert _facs("Mae La (alternatively spelled Maela) is a refugee camp in Thailand.") \
        == [("Mae La", "open:camp:mae-la")]
    assert _facs("Delaney Hall is a privately run immigration detention facility near the port.") \
        == [("Delaney Hall", "open:prison:delaney-hall")]
    assert _facs("Although Nakivale is a refugee settlement, local families also farm inside it.") \
        == [("Nakivale", "open:camp:nakivale")]


def test_copula_near_misses() -> None:
    _none("Gaza is an open-air prison, the speaker told the crowd.")
    _none("Smith is the camp's longest-serving cook, the volunteers said.")
    _none("Jena is a small town that now hosts one of the busiest immigration jails in the country.")
    _none("Peterson is the front-runner, his aides said, as the rival camp regrouped.")
    _none("Sarah was a camp counselor for six summers.")


def test_apposition_opened_by_an() -> None:
    assert _facs("Delaney Hall, an immigrant detention facility run by a private company, reopened.") \
        == [("Delaney Hall", "open:prison:delaney-hall")]


def test_protection_of_civilians_sites() -> None:
    assert _facs("Those sheltering at the Bentiu PoC say floodwater reached their tents.") \
        == [("Bentiu PoC", "open:camp:bentiu")]
    assert [i for _, i in _facs("Shooting broke out inside the UN Protection of Civilians (PoC) site in Malakal.")] \
        == ["open:camp:malakal"]
    assert [i for _, i in _facs("Peacekeepers searched the Malakal UN Protection of Civilians (PoC) site.")] \
        == ["open:camp:malakal"]
    _none("The startup showed a PoC to the bank's engineers before the pilot began.")


def test_a_detention_centre_named_by_its_island() -> None:
    assert [i for _, i in _facs("Guards withdrew from the detention centre on Christmas Island, the department "
                                "said.")] == ["open:prison:christmas-island"]
    _none("Tourists visited the research centre on Christmas Island to watch the red crab migration.")


def test_numbered_camp_before_a_known_camps_name_is_its_section() -> None:
    got = _facs("At least 20 houses were gutted in a fire that broke out at extended mega camp-20 at Kutupalong, "
                "refugees said.")
    assert [i for _, i in got] == ["open:camp:kutupalong"]
