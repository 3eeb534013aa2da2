"""world16 survey (camps and prisons beyond Syria and Iraq, read in real Arabic and English reporting): the United
States' immigration-detention heads and jail nicknames, US towns and states that share a name with a country,
a road's name, a Turkish surname read as a town, Greater Tehran's prison, a security body's prison named whole
and an `al-` name in an English camp list. Every passage is written for this file (own words; real forms)."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _opens(text: str) -> list[str]:
    return [f.surface for f in _ann(text).facilities if f.id.startswith("open:")]


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


@pytest.mark.parametrize(("text", "name"), [
    ("Lawyers said detainees at the Krome North Service Processing Center in Miami slept on the floor.",
     "Krome North Service Processing Center"),
    ("Detainees at the Northwest ICE Processing Center in Tacoma refused meals for a week.",
     "Northwest ICE Processing Center"),
    ("Agents fired pepper balls at protesters outside the Broadview ICE facility.", "Broadview ICE facility"),
    ("The state moved immigration detainees into Baker Correctional Institution last month.",
     "Baker Correctional Institution"),
    ("The men were sent to the Greater Tehran Central Penitentiary south of the capital.",
     "Greater Tehran Central Penitentiary"),
    ("Lawmakers who toured \"Alligator Alcatraz\" described cages inside tents.", "Alligator Alcatraz"),
    ("Indiana opened the Speedway Slammer for federal detainees.", "Speedway Slammer"),
])
def test_us_detention_heads_and_nicknames_name_a_prison(text: str, name: str) -> None:
    ann = _ann(text)
    assert ann.alert and name in _opens(text)


@pytest.mark.parametrize("text", [
    "She was held for six weeks at an ICE facility in Jena before her release.",
    "The film Escape from Alcatraz was shot on the island.",
    "He spent a night in a police lockup after the march.",
    "The now-defunct Alcatraz Federal Penitentiary is a museum today.",
    "Alcatraz, the former island prison, draws a million visitors a year.",
    "A state penitentiary must publish its inspection reports.",
])
def test_generic_or_former_sites_of_those_heads_name_none(text: str) -> None:
    assert not _ann(text).alert


@pytest.mark.parametrize(("text", "absent"), [
    ("He spent two months at a detention center in Lumpkin, Georgia, before deportation.", "country:GE"),
    ("Protests spread to Lebanon, Pennsylvania, where a farmworker was detained.", "country:LB"),
    ("Marches were held in Albuquerque, New Mexico, on Saturday.", "country:MX"),
    ("Supporters of Imamoglu rallied for a sixth night.", "geonames:311453"),
    ("A strike hit the market near Salah al-Din Road in Nuseirat.", "adm1:IQ-salah-al-din"),
])
def test_us_towns_states_roads_and_a_surname_are_no_place(text: str, absent: str) -> None:
    assert absent not in _places(text)


@pytest.mark.parametrize(("text", "present"), [
    ("Leaders from Armenia, Georgia and Azerbaijan met in Tbilisi, Georgia.", "country:GE"),
    ("Talks between Russia and Georgia resumed in Moscow.", "country:GE"),
    ("Officials in Amman, Jordan, said the convoy had crossed.", "country:JO"),
    ("Protesters from Syria, Washington and London gathered.", "country:SY"),
    ("Trucks used the Baghdad-Kirkuk Road at night.", "geonames:94787"),
])
def test_a_country_in_a_list_or_after_its_capital_stays_a_place(text: str, present: str) -> None:
    assert present in _places(text)


def test_greater_tehran_prison_is_a_name_not_the_great_prison_figure() -> None:
    text = "نُقل السجناء السياسيون إلى سجن طهران الكبرى، حيث يشكون من الاكتظاظ."
    assert _opens(text) == ["سجن طهران الكبرى"] and "geonames:112931" not in _places(text)
    assert not _ann("تحولت غزة إلى سجن غزة الكبير منذ سنوات الحصار.").alert


@pytest.mark.parametrize(("text", "name"), [
    ("أفرج الحوثيون عن صحفيين من سجن الأمن السياسي بصنعاء.", "سجن الأمن السياسي"),
    ("نُقل المخفيون من سجن الأمن القومي في صنعاء إلى جهة مجهولة.", "سجن الأمن القومي"),
    ("قضى سنوات في سجن المخابرات الجوية قبل الإفراج عنه.", "سجن المخابرات الجوية"),
])
def test_a_security_bodys_prison_is_named_whole(text: str, name: str) -> None:
    assert _opens(text) == [name]


def test_an_article_joined_name_is_listed_under_an_english_plural_head() -> None:
    text = "The operation spread to the Tulkarem, Nur Shams and al-Far'a camps."
    ids = {f.id for f in _ann(text).facilities}
    # al-Far'a a gazetteer camp since rule 27z
    assert ids == {"fac:ps-tulkarm-camp", "fac:ps-nur-shams-camp", "fac:ps-fara-camp"}


@pytest.mark.parametrize(("text", "names"), [
    ("Officers were held in the Riyadh and Sports City detention centers before the transfer.",
     ["Riyadh", "Sports City"]),
    # Kober is an open-world gazetteer entry since rule 28e: read as an entry, it keeps the shared plural head
    ("Officers were held in the Sports City and Kober detention centers.", ["Sports City", "Kober detention centers"]),
    ("Inside Dagris and Kober prisons, inmates went hungry.", ["Dagris", "Kober prisons"]),
])
def test_a_two_word_item_in_an_english_list_under_a_plural_head(text: str, names: list[str]) -> None:
    assert _opens(text) == names and "geonames:108410" not in _places(text)


def test_a_city_before_a_venues_name_outside_a_list_stays_the_city() -> None:
    assert "geonames:108410" in _places("Riyadh's Sports City hosted the final on Friday.")


def test_an_apostrophe_in_a_two_consonant_name_is_no_spelling_of_a_known_one() -> None:
    ann = _ann("The cleric has been held at al-Ha'ir prison south of Riyadh since 2022.")
    assert {f.id for f in ann.facilities} == {"open:prison:hair"}
    assert {f.id for f in _ann("Boys were taken to the Hori centre near Qamishli.").facilities} == {
        "fac:sy-houri-centre"}
