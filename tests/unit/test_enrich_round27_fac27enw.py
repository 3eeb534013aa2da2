"""Rule 28w (fac27enw survey): facility forms mined from English reporting on prisons, detention centres and camps
across the region. Our own sentences; each positive test fails on the round-27 base engine (3c455d3)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids


def test_albanias_ashraf_3_is_not_iraqs_camp_ashraf() -> None:
    for text in ("Officers searched the Ashraf 3 camp outside Tirana and carried away laptops.",
                 "Albania keeps Camp Ashraf 3 under watch",
                 "Exiles at Ashraf-3 say the police broke doors and cupboards."):
        ann = real_ann(text)
        assert ann.alert
        assert "fac:iq-camp-ashraf" not in {f.id for f in ann.facilities}
    # Iraq's camp keeps its own names
    assert real_fac_ids("The last families left Camp Ashraf in Diyala for Camp Liberty.") == {"fac:iq-camp-ashraf"}


def test_a_four_letter_slip_keeps_its_consonants() -> None:
    ids = real_fac_ids("A family in Idlib's Ataa camp burned plastic to keep warm.")
    assert "fac:sy-atmeh-camp" not in ids and len(ids) == 1
    # a known spelling and a consonant slip near the known site are still read
    assert real_fac_ids("Aid trucks reached the Atma camp in Idlib.") == {"fac:sy-atmeh-camp"}
    assert real_fac_ids("Families in the al-Hob camp near Hasakah received blankets.") == {"fac:sy-al-hol-camp"}


def test_a_pronoun_or_an_age_is_no_camps_name() -> None:
    assert not real_ann("They camp on the verges of the road, waiting for tents.").alert
    assert not real_ann("We camp wherever the trucks stop.").alert
    assert not real_ann("Elders call the 60-year-old refugee camp their last link to home.").alert
    assert not real_ann("A 9-year-old camp resident was hurt by a stray bullet.").alert
    # a hyphenated name still opens a camp's name
    assert real_ann("Police raided the Ashraf-3 camp.").alert


def test_desert_between_a_known_camps_name_and_its_head() -> None:
    assert real_fac_ids("A convoy of trucks reached the Rukban desert camp on Tuesday.") == {"fac:sy-rukban-camp"}
    # the desert alone names no camp
    assert not real_ann("Sandstorms swept the Rukban desert on Tuesday.").alert


def test_spellings_outlets_print() -> None:
    assert real_fac_ids("After the storm, anger boiled over in Zata'ari and aid staff were stoned.") \
        == {"fac:jo-zaatari-camp"}
    assert "fac:lb-nahr-al-bared-camp" in real_fac_ids("Most who fled Nahr al-Barid now live in Baddawi camp.")


def test_a_deportation_centre_is_a_prison_head() -> None:
    ann = real_ann("Her brother was taken to the Uzili deportation centre in Gaziantep after a raid.")
    assert ann.alert and [f.surface for f in ann.facilities] == ["Uzili deportation centre"]
    assert not real_ann("The deportation center was full, officials said.").alert


def test_an_american_namesake_town() -> None:
    assert not real_ann("Residents of Palmyra, Missouri, still argue about the executions of 1862.").alert
    assert not real_ann("Lebanon, Pennsylvania, held its fair on Saturday.").alert
    # a known site's apposition with a state's city stays the site
    assert real_ann("Rikers Island, New York City's main jail complex, will close a jail.").alert


def test_a_quoted_name_after_a_place_and_known_as() -> None:
    ann = real_ann('A fire in the camp near Armanaz known as "Shahranaz" left one family without a tent.')
    assert ann.alert and [f.surface for f in ann.facilities] == ['"Shahranaz"']
    # an unquoted description after the place is no name
    assert not real_ann("The camp near Armanaz, known for its olive groves, flooded.").alert
