"""Rules 33n-33q (helper en33us, round 33): English facility and alert recall on wider-world detention reporting.
33n: a prison's, a jail's or a detention centre's number after its head as outlets print it ("Detention Centre No. 2",
"penal colony no. 3", "pre-trial detention centre Nr 1", "penal colony №4", "Facility Number Two", "center-2");
33o: a penal colony named before the bare word "colony" ("the Novopolotsk colony", "Gomel women's colony", "the N9
colony") or by the number after it ("colony No. 17"), in a text about prisons; 33p: more words of detention around
"Camp X" (ICE, custody, deportation), ICE's "Immigration Processing Center" head, El Helicoide and El Chipote read
bare; 33q: a quoted nickname after a naming verb in a sentence that names the site ("a prison ..., dubbed "Deportation
Depot""), a quoted name before the head kept whole ("‘Polar Wolf’ prison"), a count or a sentence's opening word
before a head no name ("About 160 Camp 6 inmates", "1,000 prison beds", "Though Camp 57"). Own wording; the
near-misses keep no facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


# 33n
def test_numbered_sites_after_their_head() -> None:
    assert _facs("Lawyers said the activist was moved last week to Detention Centre No. 3 in Taganrog.") \
        == [("Detention Centre No. 3", "open:prison:no-3")]
    assert _facs("Her letters from pre-trial detention centre Nr 1 stopped arriving in March, her sister said.") \
        == [("pre-trial detention centre Nr 1", "open:prison:nr-1")]
    assert _facs("Monitors said the journalist spent the winter in penal colony no. 2 before her transfer.") \
        == [("penal colony no. 2", "open:prison:no-2")]
    assert [s for s, _ in _facs("An inmate of the women's penal colony №4 tried to climb the fence on Tuesday.")] \
        == ["penal colony №4"]
    assert _facs("Former captives described beatings in Pre-Trial Detention Facility Number Two, guards said.") \
        == [("Pre-Trial Detention Facility Number Two", "open:prison:number-two")]
    assert _facs("The priest was held for months in pre-trial detention center-2 outside the city, his lawyer said.") \
        == [("pre-trial detention center-2", "open:prison:2")]
    assert _facs("She is held in Prison No. 4 in Mogilev, where inmates sew uniforms.") \
        == [("Prison No. 4", "open:prison:no-4")]
    # near-misses
    _none("He was sentenced to six years in a penal colony, No. 1 on the list of critics jailed this year.")
    _none("The prison number rose to 5,000 inmates last year, the ministry said.")


# 33o
def test_colony_named_before_the_bare_word() -> None:
    assert _facs("The Novopolotsk colony has a bad name for its brutal treatment of prisoners.") \
        == [("Novopolotsk colony", "open:prison:novopolotsk")]
    assert _facs("The writer is serving her term in Gomel women’s colony, where political prisoners sew uniforms.") \
        == [("Gomel women’s colony", "open:prison:gomel")]
    assert _facs("Relatives learned he had been sent to the White Swan colony, one of the harshest prisons.") \
        == [("White Swan colony", "open:prison:white-swan")]
    assert _facs("The N5 colony for repeat offenders holds several well-known political prisoners.") \
        == [("N5 colony", "open:prison:n5")]
    assert _facs("He was moved from colony No. 17 in Shklov to a prison hospital, where inmates wait for care.") \
        == [("colony No. 17", "open:prison:no-17")]
    # near-misses
    _none("The island remained a British colony until 1997, and its prisons kept colonial rules afterwards.")
    _none("The ant colony in the prison garden became a project for inmates studying biology.")
    _none("The Plymouth Colony was founded by settlers, some of them fleeing debtors' prisons at home.")
    _none("The leper colony on the island closed decades ago; a prison later used some of its buildings.")
    _none("The Novopolotsk colony of artists sold paintings at the summer fair.")


# 33p
def test_camp_named_first_and_ice_heads() -> None:
    assert _facs("A second man died in his room at Camp East Montana last month, ICE said.") \
        == [("Camp East Montana", "open:prison:east-montana")]
    assert _facs("Families held at the Dilley Immigration Processing Center complained about the water.") \
        == [("Dilley Immigration Processing Center", "open:prison:dilley")]
    assert [s for s, _ in _facs("Relatives waited outside El Helicoide for news of the arrested students.")] \
        == ["El Helicoide"]
    assert [s for s, _ in _facs("The commander died after months in El Chipote, where detainees said care was "
                                "denied.")] == ["El Chipote"]
    # near-misses
    _none("Soldiers trained at Camp Blanding before their deployment, a National Guard spokesman said.")
    _none("The visa office runs an immigration processing center downtown for foreign students.")
    _none("Joggers climb El Chipote hill every morning for the view over the lagoon.")


# 33q
def test_nicknames_counts_and_openers() -> None:
    assert _facs("The state reopened a shuttered prison near Lake City and dubbed the site “Deportation Depot”.") \
        == [("Deportation Depot", "open:prison:deportation-depot")]
    assert _facs("Officials announced an immigration jail in a prairie town, dubbed 'Cornhusker Clink,' as the "
                 "third state-run site.") == [("Cornhusker Clink", "open:prison:cornhusker")]
    assert _facs("Supporters traced him to ‘Black Dolphin’ prison on the steppe, his lawyer said.") \
        == [("‘Black Dolphin’ prison", "open:prison:black-dolphin")]
    assert _facs("More than 160 Camp 5 detainees refused meals this week, according to their lawyers.") \
        == [("Camp 5", "open:prison:5")]
    assert _facs("Though Camp 7 held the detainees accused of planning the attacks, reporters never went in.") \
        == [("Camp 7", "open:prison:7")]
    assert _facs("Following Alligator Alcatraz, the state opened a second site for detainees in its north.") \
        == [("Alligator Alcatraz", "open:prison:alligator")]
    # near-misses
    assert [f.surface for f in real_ann("ICE agents carried out an operation dubbed “Midway Blitz” and filled "
                                        "detention centers across the state.").facilities] == []
    _none("The warden, named “Officer of the Year” by the union, toured the prison with reporters.")
    _none("The detention center's director, named \"John Smith\", spoke to reporters.")
    _none("Children at the summer camp, called \"Camp Sunshine\", swam in the lake.")
    _none("Workers installed 1,000 prison beds in the gym of the closed school, the county said.")
