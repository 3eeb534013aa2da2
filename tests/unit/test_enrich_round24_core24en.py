"""Round 24, core24en survey (rule 27g): English reporting of 2025-2026 on north-east Syria's camps and prisons, the
hand-over to Damascus, the transfers to Iraq and the US drawdown — our own sentences after the survey's real forms."""

from datetime import date

from tests.unit.enrich_support import real_ann

LATE = date(2026, 2, 1)


def _fac(text: str, when: date = LATE) -> set[str]:
    return {f.id for f in real_ann(text, when).facilities}


def _places(text: str, when: date = LATE) -> set[str]:
    return {p.id for p in real_ann(text, when).places}


def _actors(text: str, when: date = LATE) -> set[str]:
    return {a.id for a in real_ann(text, when).actors}


def test_the_venue_of_a_meeting_is_the_town_not_a_camp_of_its_name() -> None:
    text = ("Kurdish officials said the women and children leaving the camp were Syrians, and that their release "
            "followed a meeting with tribal elders in Ain Issa.")
    assert _fac(text) == set()
    assert "geonames:172134" in _places(text)
    assert _fac("Families left the camp on Sunday. Clan leaders met in Ain Issa on Monday.") == set()
    assert _fac("The camp's residents said talks were held in Ain Issa last week.") == set()
    # guards: a camp named with its head, a visit to its people, a camp named before, stay the camp
    assert _fac("A meeting was held in al-Hol camp with the camp's residents.") == {"fac:sy-al-hol-camp"}
    assert _fac("The women met their sons in al-Hol after the camp reopened.") == {"fac:sy-al-hol-camp"}
    assert _fac("Ain Issa camp was emptied in 2019; aid workers held a meeting in Ain Issa about the camp.") == {
        "fac:sy-ain-issa-camp"}


def test_kurmanji_and_other_spellings_of_north_east_syrian_places() -> None:
    assert "place:sy-ghwayran" in _places("Guards ringed the Sina’a prison in the city’s Xiwêran district.")
    assert _places("Convoys reached Şedadê and Tebqa, then Minbic.") == {
        "geonames:172837", "geonames:172374", "geonames:167357"}
    assert "geonames:172134" in _places("AINISSA, Syria — The old school is now a prison for ISIS suspects.")
    assert "geonames:172134" in _places("Delegates gathered in Eyn Îsa on Monday.")


def test_a_name_that_opens_with_an_accented_capital_before_a_head_word() -> None:
    assert _fac("Guards at Şedadê prison were reinforced overnight.") == {"fac:sy-shaddadi-prison"}
    assert _fac("She was held for a year at Şakran prison near Izmir.") == {"open:prison:sakran"}
    assert _fac("Families sheltered in the Çilaxa camp all winter.") == {"open:camp:cilaxa"}
    # guards: a lower-case accented word is no name; a plain capital still reads
    assert _fac("The prisoners were moved to the çok prison.") == set()
    assert _fac("Guards at Amuda prison were reinforced.") == {"open:prison:amuda"}


def test_kurdish_fighters_in_a_syria_text_are_the_sdf_from_its_founding() -> None:
    text = "Families waited outside al-Aqtan prison in Raqqa after the army took the jail from Kurdish fighters."
    assert "actor:sdf" in _actors(text)
    # guards: before the SDF existed; in an Iraq text (the Peshmerga's words are forces, not fighters)
    assert "actor:sdf" not in _actors("In Syria, ISIS freed 30 Kurdish fighters from a jail in al-Bab.",
                                      date(2015, 3, 10))
    assert "actor:sdf" not in _actors("In Iraq, Kurdish fighters left the camp near Makhmour.")
    assert "actor:iraq-gov" not in _actors("Iraqi fighters crossed into Syria in 2014.", date(2014, 6, 1))


def test_a_capital_that_estimates_acts_for_its_state() -> None:
    text = "ERBIL (Kurdistan24) – Washington estimates that about 200 ISIS detainees fled Shaddadi prison."
    assert "actor:us" in _actors(text)
    assert "actor:us" not in _actors("The estimates from Washington are rough.")


def test_syrias_interim_government_by_date() -> None:
    text = "The convoy left under a deal between the Kurdish-led administration and Syria's interim government."
    assert "actor:syria-transitional-gov" in _actors(text, date(2025, 6, 16))
    assert "country:SY" not in _places(text, date(2025, 6, 16))
    assert "actor:syrian-interim-government" in _actors(text, date(2023, 6, 16))


def test_internal_security_forces_beside_the_sdf_before_the_2026_agreements() -> None:
    text = "In Hasakah, Syria, the SDF, Internal Security Forces and counter-terrorism units besieged the prison."
    assert "actor:asayish" in _actors(text, date(2022, 1, 23))
    assert "actor:asayish" not in _actors("Lebanon's Internal Security Forces arrested two men in Beirut.",
                                          date(2022, 1, 23))


def test_the_administration_in_north_and_east_syria_holds_no_place() -> None:
    text = "Families live in Roj camp in the Democratic Autonomous Administration in North and East Syria (DAANES)."
    assert "actor:aanes" in _actors(text)
    assert "place:sy-rojava" not in _places(text)


def test_a_prevailing_camp_name_between_a_city_and_it_is_the_town() -> None:
    assert _fac("Between Raqqa and al-Hawl the road crosses mile after mile of desert.") == set()
    assert "geonames:173797" in _places("Trucks shuttle between Hasakah and al-Hol every day.")
    # guards: two camps, and the bare name alone, stay the camps
    assert _fac("Transfers between al-Hol and Roj went on this week.") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}
    assert _fac("A British woman was found in al-Hol.") == {"fac:sy-al-hol-camp"}


def test_escape_transfer_and_siege_words_of_the_hand_over() -> None:
    def ev(text: str) -> set[str]:
        return {e.type for e in real_ann(text, LATE).event_types}
    assert "prison_break_riot" in ev("About 200 detainees fled Shaddadi prison after the attack.")
    assert "transfer_repatriation" in ev("Iraq has asked to take back 36 families from Roj camp.")
    assert "security_operation" in ev("Troops rolled into the al-Hol camp on Wednesday.")
    assert "attack" in ev("Government forces pounded al-Aqtan prison with heavy weapons.")
