"""Round 25, core25en survey (rule 28f): facility mentions in English reporting on north-east Syria's camps and
prisons — spellings, the centres for boys, a town beside its camp, heads behind a group's name — our own sentences
after the survey's real forms."""

from datetime import date

from tests.unit.enrich_support import real_ann

LATE = date(2026, 2, 1)


def _fac(text: str, when: date = LATE) -> set[str]:
    return {f.id for f in real_ann(text, when).facilities}


def _places(text: str, when: date = LATE) -> set[str]:
    return {p.id for p in real_ann(text, when).places}


def test_a_vowel_written_otherwise_in_a_long_two_consonant_name_is_the_known_camp() -> None:
    assert _fac("Hundreds of families ran from the Ein Issa camp when the shells fell.") == {"fac:sy-ain-issa-camp"}
    assert _fac("She had lived in Ein-Issa camp for two years.") == {"fac:sy-ain-issa-camp"}
    assert _fac("The convoy was heading for Arishah camp, home to 20,000 displaced.") == {"fac:sy-areesha-camp"}
    # guards: another name of two consonants and other sounds stays open-world; a known name stays itself
    assert "fac:sy-ain-issa-camp" not in _fac("Aid reached the Onassis camp on Friday.")
    assert _fac("Families left the Ain Issa camp.") == {"fac:sy-ain-issa-camp"}


def test_a_village_name_after_a_head_is_the_known_camp_beside_it_or_placed_in_its_country() -> None:
    assert _fac("Residents will be moved to al-Arishah camp south of al-Hasakah city.") == {"fac:sy-areesha-camp"}
    assert _fac("Cells dug tunnels near al-Sina prison in al-Hasakeh before the attack.") \
        == {"fac:sy-ghwayran-prison"}
    # guard: with no place of the site's country, the town of the other country's name keeps its own prison
    assert "fac:sy-ghwayran-prison" not in _fac("The al-Sina prison was attacked at night.")


def test_a_kurmanji_x_is_kh_in_a_known_prison_name() -> None:
    assert _fac("Shells hit the Chirkin and Navxure prisons on Friday.") \
        == {"fac:sy-chirkin-prison", "fac:sy-navkur-prison"}


def test_the_north_east_centres_for_boys_are_named_centres_after_every_spelling() -> None:
    assert _fac("Some 50 boys live at the Orkesh rehabilitation centre outside Qamishli.") == {"fac:sy-orkesh-centre"}
    assert _fac("Boys ran laps in the courtyard of the Hori Center.") == {"fac:sy-houri-centre"}
    assert _fac("Reporters were shown round the Urkesh centre.") == {"fac:sy-orkesh-centre"}
    # guard: a regional name that is no centre's keeps "centre" as another institution's word
    assert _fac("The Palestine Centre for Human Rights said on Monday.") == set()


def test_a_group_between_a_camp_name_and_its_head() -> None:
    assert _fac("A girl walks through the al-Hol Islamic State camp.") == {"fac:sy-al-hol-camp"}
    assert _fac("Women held in the Roj ISIS camp asked to go home.") == {"fac:sy-roj-camp"}


def test_the_tent_city_of_a_camp_name_is_the_camp() -> None:
    text = "Thousands more women and children live in the sprawling tent city of al-Hol."
    assert _fac(text) == {"fac:sy-al-hol-camp"}
    assert "geonames:173797" not in _places(text)
    # guard: "the city of" alone is the town
    assert _fac("Shops reopened in the city of al-Hol.") == set()


def test_a_town_beside_a_generic_camp_and_a_government_seated_in_it() -> None:
    text = "Most families are held in a crowded camp next to Al-Hol, once an Islamic State stronghold."
    assert _fac(text) == set()
    assert "geonames:173797" in _places(text)
    text = "The Kurdish-led administration in Ain Issa urged the UN to act against the offensive near the camp."
    assert _fac(text) == set()
    assert "geonames:172134" in _places(text)


def test_the_town_people_fled_for_which_a_camp_is_named() -> None:
    text = "Thousands who fled Serekaniye now live in tents at Washokani Camp near Hasakah."
    assert _fac(text) == {"fac:sy-washokani-camp"}
    assert "geonames:165509" in _places(text)


def test_forces_moving_into_the_town_the_sentence_names_after_its_prison() -> None:
    text = ("About 120 detainees broke out of Shaddadi prison, the ministry said. Army units then moved into Shaddadi "
            "and caught 81 of them in the town and the villages around it.")
    assert _fac(text) == {"fac:sy-shaddadi-prison"}
    assert "geonames:172837" in _places(text)


def test_a_side_or_quarter_of_a_city_after_its_possessive_is_the_city() -> None:
    text = ("The jail was set up in a school in the small town of Ayn Issa, to Raqqa's north, and holds hundreds of "
            "inmates.")
    assert _fac(text) == set()
    assert "geonames:172955" in _places(text)


def test_a_country_with_its_compass_word_before_a_camp_head_names_no_camp() -> None:
    assert _fac("IS Foreign Women Smuggled Out Of Northeastern Syria Camp") == set()
    assert _fac("Families flee North-East Syria camp as fighting nears") == set()
    # guard: a name that is no country's keeps its camp
    assert _fac("Refugees crowd the Bardarash camp") != set()
