"""World17 survey (rule 24m): camps and prisons beyond Syria and Iraq as Arabic and English outlets name them.
Facilities the labels keep open-world (Evin, Qarchak, Zamzam, Mitiga, Pul-e-Charkhi ...) are gazetteer entries marked
`open_world`: read as known names (bare, with a head, the word guard), reported as `open:<kind>:<slug>`.
Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.gazetteer import facility_records
from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _surfaces(text: str) -> set[str]:
    return {f.surface for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


def _place_surfaces(text: str) -> set[str]:
    return {p.surface for p in _ann(text).places}


def test_open_world_entries_are_reported_open() -> None:
    # every entry marked open_world comes out with an open id, never its gazetteer id
    marked = [r for r in facility_records() if r.open_world]
    assert {r.id for r in marked} >= {"fac:ir-evin-prison", "fac:sd-zamzam-camp", "fac:ly-mitiga-prison"}
    ann = _ann("Rights groups said conditions in Evin prison had worsened since the strike.")
    assert [f.id for f in ann.facilities] == ["open:prison:evin"]
    assert ann.facilities[0].country == "IR"
    # a facility of the region keeps its id
    assert _fac("Detainees at Ofer prison reported beatings.") == {"fac:il-ofer-prison"}


@pytest.mark.parametrize(("text", "surface"), [
    # bare names of well-known sites, no head anywhere in the text
    ("Men held in Ward 209 were taken out of Evin and loaded into vans after the strike.", "Evin"),
    ("The French academic, who spent more than a year in Evin, described months of interrogation.", "Evin"),
    ("Journalist Narges Mohammadi was returned to Evin after her medical leave ended.", "Evin"),
    ("أُطلق سراح المدوّنة بعد ثلاثة أعوام قضتها في إيفين، بحسب محاميها.", "إيفين"),
    ("قالت منظمة حقوقية إن 18 سجيناً في قزل حصار نُقلوا إلى الانفرادي.", "قزل حصار"),
    ("Thousands of families fled Zamzam on foot, walking towards Tawila for four days.", "Zamzam"),
    ("His lawyer said he had been held in Mitiga for five months without charge.", "Mitiga"),
    ("The Taliban freed thousands of inmates from Pul-e-Charkhi after entering Kabul.", "Pul-e-Charkhi"),
])
def test_bare_names_beyond_the_region(text: str, surface: str) -> None:
    assert surface in _surfaces(text)
    assert all(i.startswith("open:") for i in _fac(text))


@pytest.mark.parametrize("text", [
    # the same words in other senses: a person, a district, a court, an airport, water, a well, a film
    "Evin Ahmad, a Kurdish singer based in Stockholm, released a new album on Friday.",
    "Swedish MEP Evin Incir called for sanctions after the executions.",
    "Property prices in the Evin neighbourhood of northern Tehran have doubled in a year.",
    "He was sentenced by a court in Evin to five years.",
    "Flights resumed at Mitiga International Airport on Monday after the shelling.",
    "علّقت سلطات الطيران الرحلات في مطار معيتيقة بطرابلس بعد سقوط قذائف.",
    "Pilgrims brought bottles of Zamzam water home from Mecca.",
    "وزّعت جمعية خيرية عبوات من ماء زمزم على الحجاج العائدين.",
    "The Fellowship passed through the Mines of Moria in the film.",
    "Heavy clashes erupted in Ain Zara in southern Tripoli on Monday.",
    "Traffic was blocked on Tariq al-Sikka road after the shooting.",
    "تقع منطقة إيفين في شمال طهران عند سفوح جبال ألبرز.",
])
def test_other_senses_name_no_facility(text: str) -> None:
    assert _fac(text) == set()


def test_qarchak_read_bare_stays_the_prison() -> None:
    # a GeoNames town read as the prison in apposition stays the prison when named again after a preposition
    text = ("Dozens of women held at Qarchak, a prison on the southern edge of Tehran, began a hunger strike. "
            "Conditions at Qarchak have long been described as among the worst in Iran.")
    assert "geonames:32767" not in _places(text)
    assert len([f for f in _ann(text).facilities if f.surface == "Qarchak"]) == 2
    # near miss: after the prison named with its head, the town's name after "in" stays the town
    assert "geonames:32767" in _places("Women were taken to Qarchak prison. Protests were held in Qarchak on Friday.")


def test_idp_camp_long_head_and_numbered_camp() -> None:
    assert _surfaces("The RSF shelled the Zamzam Internally Displaced Persons (IDP) camp, killing eight.") == {"Zamzam"}
    # `مخيم 5` among the displaced is a camp named by its number; a count or a duration is not
    assert _fac("قصفت الطائرات خيام النازحين في أطراف مخيم 5 شمال النصيرات.") == {"open:camp:5"}
    assert _fac("نصبت المنظمة مخيم 5 آلاف خيمة للنازحين.") == set()
    assert _fac("أقام المتطوعون مخيم 3 أيام لتدريب النازحين.") == set()


def test_town_with_a_prison_core_after_its_cue() -> None:
    # `بلدة رومية`: the town in the Metn, a nisba-shaped name that is no adjective (an open-world place)
    assert "رومية" in _place_surfaces("زار وفد من الصليب الأحمر بلدة رومية في المتن وتفقّد مستوصفها.")
    assert _fac("زار وفد من الصليب الأحمر بلدة رومية في المتن وتفقّد مستوصفها.") == set()
    # near miss: an indefinite nisba adjective after the cue is still no name
    assert _places("قصفت المدفعية قرية حدودية في الجنوب.") == set()


def test_camp_of_two_words() -> None:
    text = "Five years on, the camp of Kara Tepe has also closed, aid groups said."
    assert _surfaces(text) == {"camp of Kara Tepe"}
    assert _places(text) == set()


def test_libya_centres_locate_tripoli() -> None:
    # a Libyan centre's country makes the shared name Tripoli Libya's capital
    text = "Migrants held at the Tariq al-Sikka detention centre in Tripoli said guards beat them."
    assert _places(text) == {"geonames:2210247"}
    assert _fac("قال مهاجرون إنهم نُقلوا من مركز احتجاز عين زارة إلى طريق السكة.") == {
        "open:prison:ain-zara", "open:prison:tariq-sikka"}


def test_a_prisons_gate_and_what_the_text_says_the_name_is() -> None:
    # "Evin's main gate": the prison's gate, as its walls (rule 24m)
    assert _surfaces("The strike on Evin's main gate killed 80, including visitors and staff.") == {"Evin"}
    # "Evin is a district of Tehran": the text says what the name is; the prison named after it is the facility
    assert _surfaces("Evin is a district of Tehran. Families visited Evin prison on Friday.") == {"Evin prison"}
    # "Mitiga, the Tripoli prison": one facility, not a second "Tripoli prison"
    assert _fac("He was held at Mitiga, the Tripoli prison run by the Radaa force.") == {"open:prison:mitiga"}
    # a complex's numbered prison past its open-world name
    assert _surfaces("Prisoners in Wadi al-Natrun 2 began a partial hunger strike.") == {"Wadi al-Natrun 2"}


def test_moria_bare_among_asylum_seekers() -> None:
    # "Moria" is kept from GeoNames (Jerusalem's alternate name) by geonames_stop; that list does not stop the camp
    assert _fac("Asylum seekers in Moria lived in summer tents through the winter, aid groups said.") == {
        "open:camp:moria"}
    assert _fac("عاش طالبو اللجوء في موريا سنوات في خيام صيفية.") == {"open:camp:moria"}
    # near misses: the village the text says it was, and Tolkien's mines
    assert _fac("Long before the camp, Moria was just a village of olive groves on Lesbos.") == set()
    assert _fac("The Fellowship passed through the Mines of Moria in the film.") == set()
