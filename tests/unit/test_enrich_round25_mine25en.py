"""Rule 28b (mine25en survey): forms mined from English reporting on prisons, camps and detention in north-east Syria
and the region. Our own sentences; each test fails on the round-25 base engine."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids


def test_a_pseudonym_after_a_camp_name_is_a_person() -> None:
    text = "AMMAN -- Aida (a pseudonym) says her brother is still held in al-Hol camp with his two sons."
    assert "fac:ps-aida-camp" not in real_fac_ids(text)
    assert "fac:sy-al-hol-camp" in real_fac_ids(text)
    assert real_fac_ids("Aida (not her real name) lost her home; Aida camp in Bethlehem was raided.") \
        == {"fac:ps-aida-camp"}


def test_a_bare_name_said_to_be_a_corner_of_desert_is_the_area() -> None:
    text = "Before the war, Rukban was only a barren corner of the Syrian desert near the Jordanian border."
    ann = real_ann(text)
    assert not ann.alert
    assert "place:sy-rukban" in {p.id for p in ann.places}


def test_a_bare_prison_name_known_for_holding_people_is_the_prison() -> None:
    assert real_fac_ids("Evin is widely known for holding political prisoners and dual nationals.") \
        == {"open:prison:evin"}
    assert "fac:sy-ghwayran-prison" in real_fac_ids(
        "For years Al-Sina'a has been infamous for holding both fighters and their teenage sons.")


def test_a_prisons_clinic_and_visiting_rooms_after_its_possessive() -> None:
    assert real_fac_ids("The missile damaged Evin's infirmary and its visiting rooms, the judiciary said.") \
        == {"open:prison:evin"}
    assert not real_ann("Raqqa's clinic reopened on Monday after repairs.").alert  # a city's clinic is its own


def test_a_persons_cell_in_a_name_no_city_bears() -> None:
    text = "Speaking by phone from his cell in Roumieh, he said Damascus would act."
    assert "fac:lb-roumieh-prison" in real_fac_ids(text)
    assert not real_ann("Police said an ISIS cell in Roumieh had been planning attacks.").alert


def test_people_who_vanished_inside_a_prison_name() -> None:
    text = "Her husband and two of his brothers vanished inside Saydnaya in 2013."
    assert "fac:sy-sednaya-prison" in real_fac_ids(text)


def test_a_capitalised_common_word_and_an_honorific_are_no_places() -> None:
    assert "geonames:750605" not in real_place_ids("Big changes are coming for families in Zaatari camp.")
    assert "geonames:6861211" not in real_place_ids("'They searched every tent,' said Haji Kachan, a camp official.")


def test_spelling_variants_added_as_facts() -> None:
    assert "fac:lb-burj-shemali-camp" in real_fac_ids("Rockets were handed over in Burj al-Shamali camp near Tyre.")
    text = "US vehicles headed for a prison east of Shdadi city in Hasaka province."
    assert "geonames:172837" in real_place_ids(text)
    assert "place:sy-ghwayran" in real_place_ids("The jail stands in Hasaka's neighborhood of Ghweiran.")
