"""Round 23, place23en: English place precision and recall on camp, prison, detention, strike and displacement
reporting across the region (data/README.md rule 27m) — our own sentences after the real forms."""

from datetime import date

from tests.unit.enrich_support import real_ann

_WHEN = date(2024, 6, 1)


def _places(text: str, when: date = _WHEN) -> set[str]:
    return {p.id for p in real_ann(text, when).places}


def _open(text: str, when: date = _WHEN) -> set[str]:
    return {p.surface for p in real_ann(text, when).places if p.id.startswith("open:")}


def test_a_neighbours_village_after_an_english_cue_is_its_geonames_village() -> None:
    # Palestinian villages under 15,000 are read by their Arabic names only (rule 26l); after an English cue, in a
    # text that names a place of Palestine, the village is the GeoNames one, not an open-world name
    got = _places("Soldiers raided Nablus overnight and entered the town of Tell, detaining two men.")
    assert "geonames:281674" in got and _open("Soldiers raided Nablus overnight and entered the town of Tell.") == set()
    got = _places("A unit stormed the village of Kafr Ein, north-west of Ramallah, and arrested a youth.")
    assert "geonames:283379" in got
    assert "geonames:284976" in _places("In Tulkarm troops went into Anabta town and detained two.")
    # guards: no place of that country in the text keeps the open-world reading; a name two villages share
    # (Burqin: Jenin's and Salfit's) stays open-world
    assert "geonames:281674" not in _places("Fighters took the town of Tell after a week of shelling near Aleppo.")
    got = _places("Arrests were also made in the nearby village of Burqin, west of Ramallah.")
    assert not {"geonames:284187", "geonames:284194"} & got


def test_an_open_world_village_beyond_the_scope_is_no_place() -> None:
    # rule 4: the region only; "the town of Zawya" west of Libya's capital is not labelled
    text = "CAIRO — Libya's coast guard landed 400 migrants in Tripoli; they were taken to the town of Zawya."
    assert _open(text) == set()
    assert {"country:LY", "geonames:2210247"} <= _places(text)
    # a village with a cue in the region keeps its open-world reading
    assert _open("Jets struck the village of Umm Madfa near Daraa.") == {"Umm Madfa"}


def test_an_apposition_that_calls_the_name_a_province() -> None:
    text = "He was left at the Bab al-Hawa crossing into Idlib, a rebel-held province in the north-west."
    got = _places(text)
    assert "adm1:SY-idlib" in got and "geonames:169389" not in got
    assert "adm1:SY-idlib" in _places("They fled to Idlib, a north-western Syrian province, last year.")
    # guards: a town "in the province" stays the town, and a city called a city stays the city
    got = _places("Saraqib, a town in the province of Idlib, was shelled again.")
    assert "geonames:164816" in got and "adm1:SY-saraqib" not in got
    assert "geonames:169389" in _places("Idlib, a city of a million people, was shelled again.")


def test_compound_flag_and_owner_adjectives_are_no_place() -> None:
    # rule 21: a country joined by a hyphen to a participle is an adjective
    got = _places("Ambrey said the ship off Yanbu was Israeli-owned and Liberia-flagged.")
    assert "country:LR" not in got and "geonames:100425" in got
    assert "country:IR" not in _places("An Iran-owned tanker was seized off the coast.")
    assert "country:LR" in _places("The crew were flown home to Liberia on Monday.")


def test_a_news_agency_named_after_a_town_holds_no_place() -> None:
    text = "Troops stormed al-Bireh and detained two men, the Palestinian Safa news agency reported."
    got = _places(text)
    assert "geonames:250267" not in got and "geonames:285108" in got
    # the town itself, as a place, stays
    assert "geonames:250267" in _places("Floods hit homes in Safi, in Jordan's south, on Monday.")


def test_place_facts() -> None:
    assert "geonames:285108" in _places("Clashes broke out in the al-Sina'a neighbourhood of al-Bireh.")
    assert "geonames:168886" in _places("The refugees entered through the Jdeidet Yabous post opposite Masnaa.")
    assert "geonames:272816" in _places("Missiles fell near the Kefr Shuba area, NNA said.")
    got = _places("Sixteen were arrested in the occupied West Bank, occupied East Jerusalem included.")
    assert "geonames:281184" in got and "geonames:7303419" not in got


def test_a_photo_credit_ends_at_its_line() -> None:
    # "AFP/Getty" ending a credit's line: the next line's first word is no photographer's name
    assert "country:LY" in _places("© Angelos Tzortzinis/AFP/Getty\nLibya, in turmoil since 2011, is a main route.")
    # the photographer on the credit's own line is still no place
    assert _places("© Sam Tarling Raqqa residents queue for bread.") == set()
    assert _places("Photo: Delil Souleiman/AFP") == set()
