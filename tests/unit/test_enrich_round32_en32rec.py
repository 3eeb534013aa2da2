"""Rules 32a-32c (helper en32rec, round 32): English alert and facility-mention recall on real reporting read through a
flagger (300 excerpts, 54 `pages` searches). 32a: numbered refugee camps written "camp number N", "Camp no. N",
"Camp No. 8-W" or "of Rohingya refugee camp", and Greece's island camps by their official head ("Closed Controlled
Access Centre", "CCAC"); 32b: names set apart by quotes or by a list word ("the successor camp “Kara Tepe”", "the
“Tuehina ” camp", "known as the “Polar Owl”", "detention centres including A, B and C", Kurmanji letters in a listed
name, the British "annexe"); 32c: detention sites beyond the region named bare (CECOT, Adelanto, Otay Mesa, Rajai
Shahr/Gohardasht) as facilities.yaml facts marked `open_world`. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


# 32a ------------------------------------------------------------------------------------------------------------------

def test_numbered_refugee_camp_spellings() -> None:
    assert _facs("Fire swept through camp number 14 in Kutupalong, and 3,000 Rohingya refugees lost their shelters.") \
        == [("camp number 14", "open:camp:14")]
    assert _facs("The blaze razed the shelters of Rohingya refugees in Camp No. 8-W and spread to Camp no. 9.") == [
        ("Camp No. 8-W", "open:camp:8-w"), ("Camp no. 9", "open:camp:9")]
    assert _facs("Shelters of Rohingya refugees burned at Camp No 16 on Sunday evening.") == [
        ("Camp No 16", "open:camp:16")]


def test_numbered_camp_of_a_generic_parent_is_the_numbered_camp() -> None:
    assert _facs("A fire broke out in Camp No. 22 of the Rohingya refugee camp at Unchiprang on Monday.") == [
        ("Camp No. 22", "open:camp:22")]
    # a named parent still wins (rule 29c)
    assert [i for _, i in _facs("Flames tore through Camp No. 5 of the Kutupalong refugee camp, burning the shelters "
                                "of Rohingya families.")] == ["open:camp:kutupalong"]


def test_numbered_camp_words_of_other_senses_stay_none() -> None:
    _none("Camp number 3 of the scouts' summer jamboree opened its gates to 200 children by the lake.")
    _none("The camp number 3 was a big deal for the team, the coach said.")


def test_greek_island_camps_by_their_official_head() -> None:
    assert _facs("Some 3,000 asylum seekers live in the Samos Closed Controlled Access Centre in a remote valley.") == [
        ("Samos Closed Controlled Access Centre", "open:camp:samos")]
    assert _facs("Fifty unaccompanied minors were housed in the safe zone of the CCAC of Leros.") == [
        ("CCAC of Leros", "open:camp:leros")]
    assert _facs("Some 400 migrants now live in the new Kos CCAC, which opened on Saturday.") == [
        ("Kos CCAC", "open:camp:kos")]
    _none("Athens wants closed controlled access centres on every island that receives boats.")


# 32b ------------------------------------------------------------------------------------------------------------------

def test_quoted_name_right_after_a_lower_case_head() -> None:
    assert _facs("Families slept on the road until the successor camp “Kara Tepe” opened its gates.") == [
        ("camp “Kara Tepe”", "open:camp:kara-tepe")]
    assert _facs("They were taken to the detention centre ‘Kroober’ near the airport.") == [
        ("detention centre ‘Kroober’", "open:prison:kroober")]
    assert _facs("The council will move the families to the camp “Mahmudli” next spring.") == [
        ("camp “Mahmudli”", "fac:sy-mahmoudli-camp")]


def test_a_quoted_sentence_after_the_head_is_no_name() -> None:
    _none("One mother inside the camp wrote “We are forgotten here” on a sheet of cardboard.")
    _none("Life inside the camp \"we are dying\" one woman wrote.")


def test_one_space_before_the_closing_quote() -> None:
    assert _facs("More than 300 families still live in the “Tuehina ” camp west of the city.") == [
        ("“Tuehina ” camp", "open:camp:tuehina")]
    _none('He said "we are dying here " camp residents told reporters.')


def test_known_as_the_quoted_name() -> None:
    assert _facs("The dissident is held in a penal colony known as the “Polar Owl”, north of the Arctic Circle.") == [
        ("“Polar Owl”", "open:prison:polar-owl")]


def test_a_plural_head_then_including_or_such_as_a_closed_list() -> None:
    assert _facs("Charities visit detention centres including Brook House, Colnbrook and Morton Hall every week.") == [
        ("Brook House", "open:prison:brook-house"), ("Colnbrook", "open:prison:colnbrook"),
        ("Morton Hall", "open:prison:morton-hall")]
    jau = _facs("Rights groups have documented abuse in prisons such as Jau and Dry Dock in Bahrain.")
    assert [s for s, _ in jau] == ["Jau", "Dry Dock"]
    assert [s for s, _ in _facs("He toured refugee camps, among them Kakuma and Dadaab, last year.")] == [
        "Kakuma", "Dadaab"]
    # a list longer than eight items is read whole
    many = _facs("The data covers detention centres including Brook House, Campsfield House, Colnbrook, Harmondsworth, "
                 "Dungavel House, Morton Hall, Tinsley House, Yarl’s Wood, Larne House and Pennine House.")
    assert len(many) == 10


def test_a_list_word_before_no_names_is_none() -> None:
    _none("The charity works in camps including those run by the UN and by local councils.")
    _none("Officials toured several prisons, including the one in Erbil, and promised to ease overcrowding.")


def test_kurmanji_letters_in_a_listed_name() -> None:
    assert [s for s, _ in _facs("The council will move families to the Ednaniyê, Selhebiye Şerqiye and Rehiyat camps "
                                "by the end of the year.")] == ["Ednaniyê", "Selhebiye Şerqiye", "Rehiyat"]


def test_the_british_annexe_is_the_annex() -> None:
    assert _facs("The foreigners’ annexe of al-Hol camp held about 6,000 women and children.") == [
        ("annexe of al-Hol camp", "fac:sy-al-hol-annex")]
    moved = _facs("Women held in al-Hol's foreign annexe were moved to Roj.")
    assert next(i for _, i in moved) == "fac:sy-al-hol-annex"


# 32c ------------------------------------------------------------------------------------------------------------------

def test_cecot_bare_with_words_about_prison() -> None:
    assert _facs("Salvadoran guards shaved the heads of the Venezuelans held at CECOT.") == [
        ("CECOT", "open:prison:cecot")]
    assert _facs("Hundreds of migrants were sent to the Terrorism Confinement Center in Tecoluca.") == [
        ("Terrorism Confinement Center", "open:prison:cecot")]
    _none("CECOT, the coffee growers' association, reported a record harvest this season.")


def test_us_immigration_detention_sites_bare() -> None:
    assert _facs("He spent eleven months detained at Adelanto before a judge granted him bond.") == [
        ("Adelanto", "open:prison:adelanto")]
    assert _facs("A Salvadoran asylum seeker held at Otay Mesa was denied bond in April.") == [
        ("Otay Mesa", "open:prison:otay-mesa")]
    _none("The city of Adelanto voted to expand its cannabis farms on the edge of the desert.")
    _none("Lorries waited for hours at the Otay Mesa crossing before the border reopened.")


def test_rajai_shahr_and_gohardasht_bare() -> None:
    assert _facs("The lawyer spent five years in Rajaee Shahr before his release in 2016.") == [
        ("Rajaee Shahr", "open:prison:rajai-shahr")]
    assert _facs("Political prisoners moved out of Gohardasht were scattered across other jails near Karaj.") == [
        ("Gohardasht", "open:prison:rajai-shahr")]
    _none("He rented a flat in Gohardasht, a quiet district of Karaj, after leaving Tehran.")


def test_a_head_with_of_or_in_and_no_name_after_reads_the_name_before() -> None:
    assert _facs("Some 3,000 asylum seekers live in the Samos Closed Controlled Access Centre in a remote valley.") == [
        ("Samos Closed Controlled Access Centre", "open:camp:samos")]
    assert _facs("Some 500 families live in the Hazimah camp of the northern countryside.") == [
        ("Hazimah camp", "open:camp:hazimah")]
    # a capitalised word after "of" is asked as before: no fallback
    _none("Youth took part in the International Camp of Greater Amman, a week of sport run by the municipality.")
    _none("Youth from across the region took part in the Summer Camp of the scouts' association.")
    _none("Rockets hit Baghdad camp of Iranian exiles")


def test_a_name_given_by_a_naming_verb_and_its_subject() -> None:
    assert _facs("Migrants queued for food in the camp known as the Jungle on the eastern edge of Calais.") == [
        ("Jungle", "open:camp:jungle")]
    assert _facs("Inmates rioted overnight at a jail that locals know as al-Qanat, police said.") == [
        ("al-Qanat", "open:prison:qanat")]
    assert [i for _, i in _facs("Behind a steel door lies a prison the guards call Panorama.")] == [
        "fac:sy-ghwayran-prison"]
    _none("The prison guards call Monday the hardest day of the week.")
