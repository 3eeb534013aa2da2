"""Round 23, prec23en survey (rule 27l): English alert and facility precision on camp, prison, jail, detention and
shelter words in every sense — our own sentences after the survey's real forms."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_an_ordinal_right_before_the_head_counts_it() -> None:
    assert _fac("Egypt Builds 2nd Camp in Gaza’s Khan Yunis for Displaced Palestinians\n"
                "Cairo has begun a second camp in Khan Younis with room for 400 tents.") == set()
    assert _fac("Egypt Opens Third Camp For Gazans\nThe new camp holds 400 tents.") == set()
    # an ordinal before the name is a unit of the named site (rule 26w), and a cardinal is part of a camp's name
    assert _fac("Inmates of the 2nd Zeitoun Prison went on hunger strike.") == {"open:prison:zeitoun"}
    assert _fac("Families were moved to the Jeddah 5 camp near Qayyarah.") == {"fac:iq-jeddah-5-camp"}


def test_a_summer_or_youth_camp_text_names_no_site() -> None:
    text = ("Summer camp brings hope to Iraqi children\nThe Red Crescent's Summer Camp for Kids runs until July 31 for "
            "orphans. Soldiers brought footballs for the youngsters at the Baqubah camp.")
    assert _fac(text) == set()
    assert _fac("The Erbil football camp ended with a final. Kids from the city's summer camps took part.") == set()
    # words of the displaced keep the site: a summer camp held for displaced children inside a camp
    assert _fac("A summer camp for displaced children opened at the Hasansham camp, run with UNICEF.") == {
        "fac:iq-hasansham-camp"}
    assert _fac("A youth camp was held for refugees in the Baharka camp outside Erbil.") == {"open:camp:baharka"}


def test_a_headline_site_named_by_the_town_the_body_places_it_in() -> None:
    assert _fac("First Stage Of Khan Younis Refugee Camp Finished By Egyptian Red Crescent\n"
                "The Egyptian Red Crescent has pitched 300 tents, the first stage of a new camp it is building in "
                "Khan Younis.") == set()
    assert _fac("Fire Hits Duhok Camp\nFire tore through tents at the Sharya camp south of Duhok on Monday.") == {
        "fac:iq-sharya-camp"}
    # the body names the camp by the town, or never places a site in the town: the headline's name stands
    assert _fac("Khan Younis Refugee Camp Shelled\nShells fell on the Khan Younis refugee camp at dawn.") == {
        "fac:ps-khan-younis-camp"}  # (gazetteer entries since rule 27d)
    assert _fac("Makhmoor Refugee Camp\nAfter a drive through the dusty town of Makhmoor we reached the barriers at "
                "the gate.") == {"fac:iq-makhmour-camp"}


def test_the_long_form_of_idp_camp_is_a_head() -> None:
    assert _fac("Volunteers teach children at the UN-run Baharka Internally Displaced Persons Camp outside Erbil. "
                "The Baharka camp opened in July 2014.") == {"open:camp:baharka"}


def test_a_camp_in_a_possessive_region_s_town_is_the_town() -> None:
    assert _fac("Egypt Opens Third Camp in Gaza's Deir al-Balah\n"
                "Cairo set up another camp in Deir al-Balah on Sunday.") == set()
    assert _fac("Shells hit tents in the Deir al-Balah camp on Sunday.") == {"fac:ps-deir-al-balah-camp"}


def test_other_senses_from_the_survey_stay_read() -> None:
    # political camps, training camps, sentences, metaphors and donors' camps (already read right)
    assert _fac("Two Christian leaders, one from Hezbollah's camp and a foe in the March 14 camp, struck a pact that "
                "might end the vacancy in the presidency.") == set()
    assert _fac("The Lions of Mesopotamia left Baghdad for a training camp before the Asian Cup.") == set()
    assert _fac("A court handed him a prison term of one month for defamation.") == set()
    assert _fac("Families in the Emirati camp west of the city thanked the UAE.") == set()
    assert _fac("Women said al-Hol is in effect an open-air prison.") == {"fac:sy-al-hol-camp"}
    # and the survey's true names
    assert _fac("Prisoners walked out of the Ofer Prison, near Ramallah, and the Ktzi’ot Prison in the south of "
                "Israel.") == {"fac:il-ofer-prison", "fac:il-ktziot-prison"}
    assert _fac("He spoke to CPJ from Al-Salam prison in Sulaymaniyah.") == {"open:prison:salam"}
