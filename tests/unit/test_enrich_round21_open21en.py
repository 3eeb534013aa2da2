"""Round 21, open21en (data/README.md rule 26k): English reporting on named prisons and camps beyond the
gazetteer's core, fixed by class. Sentences are new, not the survey's passages."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def places(gaz, text: str) -> set[str]:
    return {p.id for p in enrich(text, gaz, lang="en").places}


def facilities(gaz, text: str) -> list[tuple[str, str]]:
    return [(f.id, f.surface) for f in enrich(text, gaz, lang="en").facilities]


def test_country_inside_a_groups_name_of_it(gaz) -> None:
    assert "country:IR" not in places(gaz, "Members of the People's Mujahedin of Iran rallied in Paris on Saturday.")
    assert "country:IR" not in places(gaz, "The National Council of Resistance of Iran held a news conference.")
    assert "country:IQ" not in places(gaz, "A veteran of the Communist Party of Iraq was buried in Baghdad.")
    # guard: a state's own words, or the country after a plain "of", keep the place
    assert "country:IR" in places(gaz, "Dissidents fled the Islamic Republic of Iran in the 1980s.")
    assert "country:IQ" in places(gaz, "The south of Iraq saw fresh protests over power cuts.")
    assert "country:IR" in places(gaz, "The party's leaders returned to the north of Iran last year.")


def test_city_inside_a_treatys_name(gaz) -> None:
    assert "geonames:2660646" not in places(gaz, "Lawyers said the raids breached the Fourth Geneva Convention.")
    assert "geonames:2660646" not in places(gaz, "Both sides cited the Geneva Conventions in their statements.")
    # guard: the city where talks are held stays the city
    assert "geonames:2660646" in places(gaz, "Envoys met in Geneva on Monday to discuss detainee releases.")


def test_sentence_opening_verb_is_no_iranian_town(gaz) -> None:
    assert "geonames:401118" not in places(gaz, "Shut for a decade, the old jail near Palmyra reopened in 2011.")
    assert "geonames:401118" not in places(gaz, "Shot at close range, the guard died before reaching hospital.")


def test_one_prison_named_two_ways_across_an_appositive(gaz) -> None:
    got = facilities(gaz, "Bayrampasa Prison, the crumbling compound in Istanbul that went by the name Sagmalcilar "
                          "Prison for decades, closed in 2008.")
    assert len(got) == 1 and got[0][1].startswith("Bayrampasa")
    got = facilities(gaz, "The court sent him to Evin Prison, which rights groups also list as Tehran Prison.")
    assert [i for i, _ in got] == ["open:prison:evin"]
    # guard: a second prison the appositive only relates to is its own facility
    got = facilities(gaz, "Kartal Prison, the crowded jail on the Asian shore that replaced Bayrampasa Prison, "
                          "opened in 2008.")
    assert len(got) == 2


def test_dadaab_and_kutupalong_are_open_world_sites(gaz) -> None:
    got = facilities(gaz, "Dadaab, once the world's biggest refugee camp, faces fresh ration cuts, the WFP said.")
    assert [i for i, _ in got] == ["open:camp:dadaab"]
    got = facilities(gaz, "The Dadaab refugee camps brace for ration cuts.")  # (round 15's unknown-name guard)
    assert [i for i, _ in got] == ["open:camp:dadaab"]
    got = facilities(gaz, "Fire tore through shelters in the Kutupalong makeshift camp overnight.")
    assert [i for i, _ in got] == ["open:camp:kutupalong"]
    got = facilities(gaz, "The journalist has spent eight months in Silivri prison awaiting trial.")
    assert [i for i, _ in got] == ["fac:tr-silivri-prison"]  # (a gazetteer entry since rule 27d)
    # guards: the towns named as towns
    assert facilities(gaz, "Dadaab is a dusty market town where traders sell camels and fuel.") == []
    ann = enrich("Silivri is a seaside town west of Istanbul known for its yoghurt.", gaz, lang="en")
    assert not ann.facilities and "geonames:739634" in {p.id for p in ann.places}


def test_town_listed_after_prisons_such_as(gaz) -> None:
    got = facilities(gaz, "After the coup, jails such as Mardin and Diyarbakir held thousands without trial.")
    assert [i for i, _ in got] == ["open:prison:mardin", "fac:tr-diyarbakir-prison"]  # Diyarbakir: gaz26
    ann = enrich("Overcrowding is worst in prisons such as Diyarbakir, lawyers said.", gaz, lang="en")
    assert [f.id for f in ann.facilities] == ["fac:tr-diyarbakir-prison"]
    assert "geonames:316541" not in {p.id for p in ann.places}
    # guards: a town the clause places the head in, a country, and a name that goes on are no prison
    ann = enrich("Syrians live in camps in towns such as Arsal, aid workers said.", gaz, lang="en")
    assert not ann.facilities and "geonames:282457" not in {f.id for f in ann.facilities}
    assert facilities(gaz, "Activists compared prisons in countries such as Turkey and Iran.") == []


def test_capital_inside_an_airports_name_is_no_agent(gaz) -> None:
    ann = enrich("In 2013 the residents were moved to Camp Liberty by Baghdad International Airport.", gaz, lang="en")
    assert "actor:iraq-gov" not in {a.id for a in ann.actors} and "geonames:98182" in {p.id for p in ann.places}
    # guard: the capital as the passive's agent stays the state
    ann = enrich("The deal was signed by Baghdad and Erbil on Sunday.", gaz, lang="en")
    assert "actor:iraq-gov" in {a.id for a in ann.actors}


def test_regression_guards_of_round21(gaz) -> None:
    # the town the camps are around stays the town
    got = facilities(gaz, "Ifo, one of the camps around Dadaab, flooded in April.")
    assert "open:camp:dadaab" not in [i for i, _ in got]
    # a known camp's core after "camps such as" is that camp
    got = facilities(gaz, "Foreign women remain in camps such as al-Hol and Roj in Syria's north-east.")
    assert {"fac:sy-al-hol-camp", "fac:sy-roj-camp"} <= {i for i, _ in got}
    # a state's force after "by" still makes the state act
    ann = enrich("Two men were detained by the Israel Defense Force on Sunday.", gaz, lang="en")
    assert "actor:israel-gov" in {a.id for a in ann.actors}


def test_headline_glosses_its_opening_name_as_a_countrys_prison(gaz) -> None:
    got = facilities(gaz, "Tadmor: Why Syria's Desert Prison Became a Byword for Terror")
    assert [i for i, _ in got] == ["fac:sy-tadmur-prison"]
    got = facilities(gaz, "Qarchak: inside Iran's women's prison, where the water runs brown")
    assert [i for i, _ in got] == ["open:prison:qarchak"]
    # guards: the gloss is no prison, or the name is not the headline's opening one
    ann = enrich("Qarchak: Iran's fast-growing town counts its new residents", gaz, lang="en")
    assert not ann.facilities and "geonames:32767" in {p.id for p in ann.places}
    ann = enrich("Tourists return to Palmyra: Syria's ancient city reopens its museum", gaz, lang="en")
    assert not ann.facilities
