"""Round 24, mine24en survey (rule 27n): the general classes the mined English excerpts showed — a capital's or Gaza's
name before "camp" names no camp, a count before an open name is no word of it, given names before a surname that
is a town, a bare ministry described as another body's patron — our own sentences after the real forms."""

from datetime import date

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def test_gaza_or_a_capital_before_camp_names_no_camp() -> None:
    # headlines without an article: one of the Strip's (or the capital's) camps, no camp's name
    ann = real_ann("Israeli missile strike on Gaza refugee camp leaves ten of one family dead")
    assert not ann.alert and ann.facilities == []
    assert {p.id for p in ann.places} == {"geonames:281133"}
    ann = real_ann("Israeli Air Raid On Gaza Refugee Camp Leaves Eight Children Dead")
    assert not ann.alert and {p.id for p in ann.places} == {"geonames:281133"}
    assert _fac("Its name is still tied to the 1982 killings in the Beirut camp and the nearby Sabra quarter.") == set()
    assert _fac("Families who fled the Damascus camp slept in a mosque.") == set()
    # a Title Case headline's word for who the camp holds is no name
    assert not real_ann("Rockets Strike Iranian Dissident Camp; 135 Killed in Iraq").alert
    # ... the named camp beside it is still read
    assert _fac("Dozens dead as Israel pounds Gaza refugee camp; homes in the Nuseirat refugee camp were hit.") == {
        "fac:ps-nuseirat-camp"}


def test_camps_named_by_towns_or_gazetteer_names_stay() -> None:
    # (rule 27d added both camps to the gazetteer)
    assert _fac("A drone struck near a kindergarten in the Makhmour camp on Saturday.") == {"fac:iq-makhmour-camp"}
    assert _fac("Families in the Khan Younis camp fled south.") == {"fac:ps-khan-younis-camp"}
    assert _fac("Wehdat, also called Amman New Camp, is among Jordan's oldest camps.") == {"fac:jo-wehdat-camp"}
    # a camp placed elsewhere is named after where its people came from: the name stays a name
    assert "geonames:281133" not in _places("Women from the Gaza camp in Jerash stitch for a start-up.")
    assert _fac("Kilis refugee camp hugs the border with Syria.") == {"fac:tr-kilis-oncupinar-camp"}
    # a capital's prison keeps its name (the rule is the camp's)
    assert real_ann("He was held in the Erbil prison for a year.").alert


def test_a_count_before_an_open_name_is_no_word_of_it() -> None:
    ann = real_ann("Syria regime agrees to release 200 Hama jail inmates to end two-day riot", date(2016, 5, 4))
    assert {f.id for f in ann.facilities} == {"fac:sy-hama-central-prison"}
    assert _fac("Police freed 30 Tora prison inmates on Sunday.") == {"fac:eg-tora-prison"}
    # a number alone before the head is still a name ("1391 prison" is Israel's secret site)
    assert _fac("He was taken to the secret 1391 prison.") == {"open:prison:1391"}


def test_given_names_before_a_town_named_surname() -> None:
    assert "geonames:285839" not in _places("Madi Ahmadi, a journalist from Sanandaj, sewed his lips together.")
    assert "geonames:281184" not in _places("Al-Hasakah – Majd al-Salem\n\nThousands live in the Washokani camp.")
    assert "geonames:145459" not in _places("Three are held without charge, including Shuruq Badan, from Bethlehem.")
    # the town itself stays
    assert "geonames:285839" in _places("Families fled Ahmadi in Kuwait after the flood.")


def test_a_ministry_described_as_a_patron_names_no_actor() -> None:
    assert _actors("Col. al-Talaa leads Maghawir al-Thawra, a Pentagon-backed faction in Syria near Rukban camp.") \
        == set()
    # the bare ministry and the Pentagon acting are still read
    assert _actors("The Pentagon said Rukban camp in Syria was safe.") == {"actor:us"}
    assert _actors("A Defense Ministry spokesman in Syria said Rukban camp would close.") == {
        "actor:syrian-defence-ministry"}
