"""Rule 30b (helper enprec30, round 30): English facility names and near-misses read from a survey of real reporting
on camps, prisons, jails and detention centres in every sense — Australia's offshore processing centres and a county's
main jail by their official heads, a place name with a possessive inside it before the head, a camp named by a day of
a month (Lebanon's political alliances), one site's two spellings across a slash, and a country's acronym before a
generic head — with the sites that must stay found (sentences of our own wording, as in
tests/data/realworld-enprec30.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str | None, str]]:
    return [(f.id, f.surface) for f in real_ann(text).facilities]


def _surfaces(text: str) -> set[str]:
    return {f.surface for f in real_ann(text).facilities}


def test_offshore_processing_centres_and_a_main_jail_are_named_by_their_heads() -> None:
    assert _surfaces("Men inside Manus Island Regional Processing Centre refused food for a week.") \
        == {"Manus Island Regional Processing Centre"}
    assert _surfaces("Guards left the Manus Regional Processing Centre on Tuesday.") \
        == {"Manus Regional Processing Centre"}
    assert _surfaces("An inmate was found dead in a holding cell at the Fresno County Main Jail.") \
        == {"Fresno County Main Jail"}


def test_the_heads_alone_name_nothing() -> None:
    for text in ("Visa files are handled at the regional processing centre in Manila.",
                 "The county's main jail is full again, the sheriff said.",
                 "The Main Jail downtown is full again."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_a_possessive_inside_a_place_name_stays_in_the_name() -> None:
    text = ("Women at Yarl's Wood Immigration Removal Centre refused meals; a judge later said holding children at "
            "Yarl's Wood was unlawful.")
    assert {f.surface for f in real_ann(text).facilities} == {"Yarl's Wood Immigration Removal Centre", "Yarl's Wood"}
    assert len({f.id for f in real_ann(text).facilities}) == 1
    assert _surfaces("A fire swept through huts at the Cox's Bazar camp overnight.") == {"Cox's Bazar camp"}


def test_an_owner_before_the_name_stays_apart() -> None:
    assert _surfaces("Kobani's Mashta Nour prison was shelled.") == {"Mashta Nour prison"}
    assert _facs("Riots broke out in Hama's Central Prison.") \
        == [("fac:sy-hama-central-prison", "Hama's Central Prison")]
    assert _surfaces("Governor DeSantis's Alligator Alcatraz opened in July.") == {"Alligator Alcatraz"}
    assert _surfaces("President Bukele's CECOT prison now holds the deported men.") == {"CECOT prison"}
    assert _surfaces("Trump praised the site. Trump's Everglades camp opened soon after.") == {"Everglades camp"}


def test_a_camp_named_by_a_day_of_a_month_is_a_political_alliance() -> None:
    for text in ("The March 14 camp will mark the anniversary of the assassination with a rally in Beirut.",
                 "The March 14 camp has been split since Geagea endorsed Aoun, and the March 8 camp said little."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_a_dated_camp_of_refugees_stays_a_camp() -> None:
    assert _surfaces("Sahrawi refugees in the February 27 camp near Tindouf say rations shrank again.") \
        == {"February 27 camp"}


def test_one_site_s_two_spellings_across_a_slash_are_no_list() -> None:
    for text in ("Soldiers drove the detainees to an army base in the Naqab/Negev for questioning.",
                 "The base lies in the Naqab/Negev desert."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_the_prison_read_bare_elsewhere_stays() -> None:
    assert {f.id for f in real_ann("Prisoners were moved from Ofer and Naqab to other jails.").facilities} \
        == {"fac:il-ofer-prison", "fac:il-ktziot-prison"}
    assert {f.id for f in real_ann("The men were moved to Naqab prison, which the Israel Prison Service calls "
                                   "Ketziot.").facilities} == {"fac:il-ktziot-prison"}


def test_a_country_s_acronym_before_a_generic_head_is_no_name() -> None:
    a = real_ann("Canberra paid for the PNG detention centre for five years before it was shut.")
    assert a.facilities == [] and not a.alert
    assert "country:PG" in {p.id for p in real_ann("Australia pays PNG to hold the men.").places}
    assert _surfaces("A court ruled that holding the men at the Manus Island detention centre was unlawful.") \
        == {"Manus Island detention centre"}


def test_other_senses_read_already() -> None:
    for text in ("Barcelona are back at Camp Nou after two seasons at the Olympic stadium.",
                 "Wardens towed cars from the side lanes along Jail Road.",
                 "Floodwaters swept through Camp Mystic, a girls' summer camp on the Guadalupe River.",
                 "Biden hosted the leaders of Japan and South Korea at Camp David, the presidential retreat.",
                 "Iran's reformist camp saw dozens of its candidates barred before the vote.",
                 "Volunteers cleared fallen trees so that Camp Camp, a summer programme for disabled campers, "
                 "could reopen."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text
