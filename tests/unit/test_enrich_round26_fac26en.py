"""Rule 28l (fac26en survey): facility forms mined from English reporting on prisons, detention centres and camps across
the region. Our own sentences; each positive test fails on the round-26 base engine."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids


def test_desert_between_a_known_name_and_its_head() -> None:
    assert real_fac_ids("He was put in a punishment cell at the Negev desert prison last winter.") \
        == {"fac:il-ktziot-prison"}
    assert real_fac_ids("Eighty men at Nafha desert jail refused their meals on Sunday.") == {"fac:il-nafha-prison"}
    # the desert alone, and an unknown name, stay no known site
    assert not real_ann("Temperatures in the Negev desert reached 45C on Sunday.").alert


def test_desert_before_the_head_of_an_apposition() -> None:
    assert "fac:jo-jafr-prison" in real_fac_ids("Hundreds were sent to Jafr, a remote desert jail, in the 1990s.")
    assert "fac:iq-camp-bucca" in real_fac_ids("He spent two years in Bucca, a sprawling desert prison near Umm Qasr.")
    # a stretch of desert in apposition is still the area
    text = "Rukban, a barren stretch of desert by the border, once sheltered 40,000 people."
    assert "place:sy-rukban" in real_place_ids(text)
    assert "fac:sy-rukban-camp" not in real_fac_ids(text)


def test_fort_suse_is_the_susa_prison() -> None:
    ann = real_ann("Inside Fort Suse, where foreign inmates wait for their extradition")
    assert {f.id for f in ann.facilities} == {"fac:iq-susa-prison"}
    assert not ann.places  # no Iranian Susa
    assert real_fac_ids("Fort Suse, an old army barracks near Sulaymaniyah, now holds 1,600 men.") \
        == {"fac:iq-susa-prison"}


def test_the_detention_centre_at_a_known_name() -> None:
    text = "Commanders moved the last inmates out before they shut the detention centre at Abu Ghraib."
    assert "fac:iq-abu-ghraib-prison" in real_fac_ids(text)
    assert "geonames:100077" not in real_place_ids(text)
    assert "fac:jo-jafr-prison" in real_fac_ids("The report welcomed the closure of the detention facility at Jafr.")
    # the detention centre in a town no facility is named after stays a town
    assert not real_ann("Migrants were held at the detention centre in Zawiya for weeks.").alert


def test_known_prison_heads_of_its_site() -> None:
    assert real_fac_ids("Police took the mayor to the Silivri compound before dawn.") == {"fac:tr-silivri-prison"}
    assert real_fac_ids("The hearing was held at Silivri court and prison on Friday.") == {"fac:tr-silivri-prison"}
    assert real_fac_ids("An air strike hit the Tajoura accommodation center, killing dozens of migrants.") \
        == {"open:prison:tajoura"}
    # a courthouse alone is no prison
    assert not real_ann("Crowds gathered outside the Silivri courthouse on Monday.").alert


def test_spellings_of_known_prisons() -> None:
    assert real_fac_ids("Lawyers asked for the girls to be moved to Sharon prison.") == {"fac:il-hasharon-prison"}
    assert not real_ann("Ariel Sharon visited the border on Tuesday.").alert
    ann = real_ann("A ceremony at Tripoli's Abu Selim prison was called off over security fears.")
    assert {f.id for f in ann.facilities} == {"open:prison:abu-salim"}
    assert "geonames:2210247" in {p.id for p in ann.places}  # Libya's Tripoli, not Lebanon's


def test_a_compass_word_before_a_city_and_a_head_is_no_name() -> None:
    ann = real_ann("Families of men killed in 1996 inside the south Tripoli prison marched in Benghazi.")
    assert not ann.alert
    # the city's prison named without a compass word keeps its open name
    assert real_fac_ids("He was held in the Tripoli prison for years.") == {"open:prison:tripoli"}


def test_a_title_case_common_noun_after_camp_is_no_name() -> None:
    assert not real_ann("Karaj: Death Camp Home to 500 Prisoners Awaiting Execution").alert
    assert real_fac_ids("Ghezelhesar: Death Camp Home to 2,500 Prisoners") == {"open:prison:ghezel-hesar"}
