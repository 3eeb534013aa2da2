"""Round 21, hand21en survey (data/README.md rule 26h): English reporting on twelve named prisons and camps, labelled
by hand before the engine was run — our own sentences, not the survey's passages."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2025 = date(2025, 6, 1)


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text, _2025).facilities}


def _pla(text: str) -> set[str]:
    return {p.id for p in real_ann(text, _2025).places}


def _act(text: str) -> set[str]:
    return {a.id for a in real_ann(text, _2025).actors}


def test_nisba_after_a_name_with_its_article_is_a_surname() -> None:
    assert "place:iq-al-baghdadi" not in _pla("The cell answered to Abu Omar al-Rashid al-Baghdadi until 2010.")
    assert "place:iq-al-baghdadi" not in _pla("A commander, Rasheed al-Baghdadi, was killed in the raid.")
    # guard: the town itself after a preposition and after another town
    assert "place:iq-al-baghdadi" in _pla("Families were sent back from al-Qaim to al-Baghdadi last week.")


def test_state_executing_acts() -> None:
    assert "actor:iraq-gov" in _act("Iraq executes nine men convicted of belonging to ISIS")
    assert "actor:iran" in _act("Iran hangs a protester arrested during the unrest")
    # guard: a country's prisons described, no act
    assert "actor:iraq-gov" not in _act("Conditions in Iraq jails are grim, lawyers say.")


def test_clause_comma_before_country_subject() -> None:
    assert "actor:iraq-gov" in _act("Since it retook Mosul in 2017, Iraq has sentenced thousands of suspects.")
    # guard: a list the preposition governs stays located
    assert "actor:iraq-gov" not in _act("Refugees live in Turkey, Iraq and Lebanon in large numbers.")


def test_feature_word_after_a_bare_camp_name() -> None:
    assert "fac:lb-ain-al-hilweh-camp" not in _fac("The Ain al-Hilweh spring once watered the orchards of the valley.")
    # guard: the camp read bare
    assert "fac:lb-ain-al-hilweh-camp" in _fac("Fighting broke out again in Ain al-Hilweh on Monday night.")


def test_double_genitive_is_no_name() -> None:
    assert not any(f.startswith("open:") for f in _fac("It was a prison of Hafez al-Assad's, later a museum."))
    # guard: "the camp of X" names X
    assert any(f.startswith("open:") for f in _fac("Aid finally reached the camp of Kara Tepe on Lesbos."))


def test_faith_adjective_before_village_is_no_name() -> None:
    assert not any(p.startswith("open:place:") for p in _pla("Its ruins lie beside a Jewish village of Roman times."))
    assert not any(p.startswith("open:place:") for p in _pla("Soldiers searched a Muslim village near the border."))
    # guard: a named village
    assert any(p.startswith("open:place:") for p in _pla("Shelling hit the village of Umm Batna again."))


def test_lead_name_with_a_distance_is_no_dateline() -> None:
    assert "fac:jo-zaatari-camp" in _fac("Zaatari, 12 km from Mafraq, first opened in 2012 for Syrians fleeing "
                                         "the fighting.")
    # guard: a dateline with its day stays the town
    assert "fac:jo-zaatari-camp" not in _fac("MAFRAQ, 12 (Petra) - The governor opened a new road.")


def test_headline_colon_apposition_names_the_kind() -> None:
    assert "fac:jo-zaatari-camp" in _fac("Zaatari: a camp that became a city of caravans")
    # guard: a city's dateline colon
    assert "fac:jo-zaatari-camp" not in _fac("Mafraq: a school opened near the road to Zaatari village.")


def test_possessive_camp_head_over_the_city_in_the_sentence() -> None:
    assert "fac:ps-jenin-camp" in _fac("Jenin's \"refugee camp\" is now a quarter of the city, with concrete houses.")
    # guard: the city's own news
    assert "fac:ps-jenin-camp" not in _fac("Jenin's mayor said the city had lost water for three days.")


def test_central_jail_head() -> None:
    assert any(f.startswith("open:prison:") for f in _fac("Inmates at Mpimba central jail went without food for days."))
    # guard: "central" alone after a name is no head
    assert not any(f.startswith("open:prison:") for f in _fac("The Mpimba central market reopened on Monday."))


def test_name_read_again_as_a_clause_subject_after_a_country() -> None:
    text = ("Zaatari: a camp that outgrew its fences\n"
            "Built for Syrians fleeing into Jordan, Zaatari lies an hour from Amman.")
    assert "place:jo-zaatari" not in _pla(text)
    # guard: an item of a list of towns stays the village
    assert "place:jo-zaatari" in _pla("Zaatari: a camp of caravans\nBuses went to Mafraq, Zaatari and Sama al-Sirhan.")
