"""Rules 33a-33d (helper en33rec, round 33): English alert and facility-mention recall on wider-world reporting read
through a flagger (326 sentences of 130 pages, 27 `pages` searches). 33a: immigration detention sites named by their
kind's acronym ("Brook House IRC", "Villawood IDC", "Woomera IRPC", "the Nauru RPC"; "the Harmondsworth and
Colnbrook IRCs"), the acronym no actor there; 33b: refugee settlements named by "settlement" alone ("Kyaka II
settlement", "the Nakivale settlement"), not Israel's settlements nor a dispute's; 33c: a name in apposition to or said
to be an immigration removal centre ("Brook House, the removal centre (IRC) by Gatwick", "Yarl's Wood is the ...
removal centre"); 33d: Uganda's outlets' heads "refugees camp", "refugees' settlement camp", "resettlement camp".
Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


# 33a ------------------------------------------------------------------------------------------------------------------

def test_acronym_heads_name_detention_sites() -> None:
    assert _facs("Inspectors found that men held at Brook House IRC waited weeks for a mental health check.") == [
        ("Brook House IRC", "open:prison:brook-house")]
    assert _facs("The family spent eleven months in Woomera IRPC and six more in Villawood IDC.") == [
        ("Woomera IRPC", "open:prison:woomera"), ("Villawood IDC", "open:prison:villawood")]
    assert _facs("Asylum seekers flown out of the Nauru RPC for treatment are held in a Darwin hotel.") == [
        ("Nauru RPC", "open:prison:nauru")]
    assert _facs("Women at the Yarl's Wood IRC refused meals for a fourth day in protest at their detention.") == [
        ("Yarl's Wood IRC", "open:prison:yarls-wood")]


def test_acronym_heads_over_coordinations() -> None:
    assert [i for _, i in _facs("Detainees in the Harmondsworth and Colnbrook IRCs began a hunger strike.")] == [
        "open:prison:harmondsworth", "open:prison:colnbrook"]
    assert [i for _, i in _facs("One firm now runs both Harmondsworth and the neighbouring Colnbrook IRC, "
                                "the Home Office said.")] == ["open:prison:harmondsworth", "open:prison:colnbrook"]


def test_acronym_head_is_no_actor() -> None:
    ann = real_ann("Inspectors found that men held at Brook House IRC waited weeks for a mental health check.")
    assert "actor:irc" not in {a.id for a in ann.actors}
    ann = real_ann("Cameras were hidden in Brook House, the immigration removal centre (IRC) by Gatwick.")
    assert "actor:irc" not in {a.id for a in ann.actors}
    # the NGO stays the NGO
    ann = real_ann("The International Rescue Committee (IRC) opened two clinics for refugees arriving in Kenya.")
    assert "actor:irc" in {a.id for a in ann.actors} and not ann.alert


def test_acronym_near_misses() -> None:
    # (the positive that pairs them: a detention word in the text lets IRC be a head)
    assert _facs("Detainees at Morton Hall IRC said they felt unsafe.") == [
        ("Morton Hall IRC", "open:prison:morton-hall")]
    _none("An aid worker with the IRC said the clinic near the refugee camp had run out of water.")
    _none("Volunteers answer questions on the Libera IRC channel every evening.")
    _none("The Ethereum RPC endpoint was down for an hour, developers said.")
    _none("The International Rescue Committee (IRC) said Kenya IRC clinics treated refugees from Somalia.")


# 33b ------------------------------------------------------------------------------------------------------------------

def test_refugee_settlements_by_settlement_alone() -> None:
    assert _facs("Busloads of Congolese refugees were driven overnight to Kyaka II settlement.") == [
        ("Kyaka II settlement", "open:camp:kyaka-ii")]
    assert _facs("New arrivals in the Nakivale settlement get only biscuits since a food programme for refugees "
                 "closed.") == [("Nakivale settlement", "open:camp:nakivale")]
    assert _facs("Congo Refugee Influx Swamps Kyangwali Settlement as Aid Shrinks") == [
        ("Kyangwali Settlement", "open:camp:kyangwali")]


def test_settlement_near_misses() -> None:
    assert _facs("Refugees were moved to Rwamwanja settlement last week.") == [
        ("Rwamwanja settlement", "open:camp:rwamwanja")]
    _none("Settlers from the Betar Illit settlement put up caravans on the village's land.")
    _none("Archaeologists dated the Bronze Age settlement to 1500 BC; the refugee camp nearby was not affected.")
    _none("The Serco settlement paid to former detainees and refugees was confirmed in court.")
    _none("Uganda's settlement model gives refugees land to farm.")
    _none("Another settlement of Syrian refugees lies further up the valley.")


# 33c ------------------------------------------------------------------------------------------------------------------

def test_removal_centre_apposition_and_copula() -> None:
    assert _facs("Secret filming went on for months in Brook House, the immigration removal centre (IRC) by "
                 "Gatwick airport.") == [("Brook House", "open:prison:brook-house")]
    assert _facs("Ministers want Campsfield House, one of the removal centres run for the Home Office, shut.") \
        == [("Campsfield House", "open:prison:campsfield-house")]
    assert _facs("Yarl's Wood is the removal centre where most women awaiting deportation are held.") == [
        ("Yarl's Wood", "open:prison:yarls-wood")]
    assert _facs("In 2001 Dungavel House opened as a removal centre for people facing deportation.") == [
        ("Dungavel House", "open:prison:dungavel-house")]


def test_removal_centre_near_misses() -> None:
    assert _facs("The Verne, a removal centre in Dorset, held 580 men.") == [("Verne", "open:prison:verne")]
    _none("Campsfield House, a former immigration removal centre near Oxford, now stands empty.")
    _none("Jerry Petherick, the removal centre manager, said inspectors had praised his staff.")
    _none("Mark Smith is the removal centre's director.")


# 33d ------------------------------------------------------------------------------------------------------------------

def test_ugandan_outlets_heads() -> None:
    assert _facs("UNHCR bussed a thousand Congolese refugees to Nakivale refugees camp on Thursday.") == [
        ("Nakivale refugees camp", "open:camp:nakivale")]
    assert _facs("Hundreds of Congolese were settled in Rwamwanja refugees' settlement camp on Tuesday night.") == [
        ("Rwamwanja refugees' settlement camp", "open:camp:rwamwanja")]
    assert _facs("Families in Nakivale resettlement camp say the maize ration cannot feed anyone.") == [
        ("Nakivale resettlement camp", "open:camp:nakivale")]


def test_heads_near_misses() -> None:
    assert _facs("Refugees in Kyaka II refugees camp waited for food.") == [
        ("Kyaka II refugees camp", "open:camp:kyaka-ii")]
    _none("Ugandan refugees camp outside the embassy every Friday.")
    _none("The Soviet resettlement camp closed in 1950.")
