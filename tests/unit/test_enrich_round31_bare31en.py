"""Rule 31b (helper bare31en, round 31): US prisons outlets name bare, with no head word (Alcatraz, ADX, Pelican Bay),
are facilities.yaml facts marked `open_world`; an `open_world` site the text says is no longer one (a museum, closed
in a year, "no longer a working jail", a former prison in apposition), a work's title or a film's plot is no site, as
an unknown one is; "adx" is no head prefix any more ("ADX Energy" is an oil firm). Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_alcatraz_reopened_or_working_is_the_prison() -> None:
    assert _facs("The administration wants Alcatraz rebuilt and reopened to hold the most dangerous federal "
                 "convicts.") == [("Alcatraz", "open:prison:alcatraz")]
    assert _facs("Frank Morris and two brothers crept out of their cells at Alcatraz one night in 1962 and were "
                 "never found.") == [("Alcatraz", "open:prison:alcatraz")]
    # reopening wins over the museum word in the same sentence
    assert _facs("Officials want to restore Alcatraz, now a museum, to a working maximum-security prison.") == [
        ("Alcatraz", "open:prison:alcatraz")]


def test_alcatraz_the_museum_the_island_and_the_film_are_none() -> None:
    _none("Alcatraz, a museum since the prison shut in 1963, sold out its ferry tickets for the whole summer.")
    _none("Alcatraz is no longer a working jail; the park service has looked after the island since 1972.")
    _none("Alcatraz, the former island prison in the bay, drew a record number of visitors last year.")
    _none("The long-defunct Alcatraz penitentiary now sells guided night tours.")
    # a former inmate is a person held there: the prison stays
    assert [i for _, i in _facs("A former Alcatraz inmate told the tour group how cold the cells were.")] == [
        "open:prison:alcatraz"]
    _none("The 1979 film Escape from Alcatraz starred Clint Eastwood as the bank robber Frank Morris.")
    _none("In the film, Frank Morris (Clint Eastwood) is sent to Alcatraz, and the warden (Patrick McGoohan) tells "
          "him nobody gets out.")
    _none("Ferries to Alcatraz leave Pier 33 every half hour, and visitors are told to book well ahead.")


def test_alligator_alcatraz_stays_its_own_site() -> None:
    facs = _facs('Detainees at "Alligator Alcatraz" told visiting lawmakers their tents flooded after every storm.')
    assert [s.strip('"') for s, _ in facs] == ["Alligator Alcatraz"]
    assert all(i != "open:prison:alcatraz" for _, i in facs)


def test_adx_needs_words_about_the_prison() -> None:
    assert _facs("Lawyers for a bomber held at ADX say he has spent most of the past decade alone in his cell.") == [
        ("ADX", "open:prison:adx")]
    assert _facs("Prisoners at ADX Florence get one hour outside their cells.") == [
        ("ADX Florence", "open:prison:adx")]
    _none("ADX Energy said it would resume drilling at its gas well after the court upheld its permits.")
    _none("Shares in ADX jumped a quarter on Monday after the explorer won its case against the environmental "
          "groups.")


def test_pelican_bay_the_prison_and_the_bay() -> None:
    assert _facs("More than 500 men have spent over ten years in solitary at Pelican Bay, state figures show.") == [
        ("Pelican Bay", "open:prison:pelican-bay")]
    assert [s for s, _ in _facs("A settlement ends the practice of keeping men for decades in the Pelican Bay SHU.")] \
        == ["Pelican Bay SHU"]
    _none("Pelican Bay, a gated beach community in southwest Florida, runs a tram to its private beach.")
    _none("Each spring hundreds of pelicans nest on the cliffs that ring Pelican Bay.")


def test_other_open_world_sites_keep_their_appositions_and_people() -> None:
    # "a former livestock farm" is another building; "the film director jailed at Evin" a person held there
    assert ("Qarchak prison", "open:prison:qarchak") in _facs(
        "Women prisoners were moved to Qarchak prison, a former livestock farm south of the capital.")
    assert ("Evin", "open:prison:evin") in _facs(
        "Jafar Panahi, the film director jailed at Evin, phoned his wife to say he was unhurt.")
