"""Round 23, alt23en survey (rule 27b): English facility names written with alternate names, glosses, nicknames and
in possessive or quoted forms — our own sentences after the survey's real forms."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_other_names_after_commonly_known_as_nicknamed_dubbed() -> None:
    assert _fac("Talbieh camp (commonly known as Zyzia Camp) lies south of the airport.") == {"fac:jo-talbieh-camp"}
    assert _fac("Talbieh Camp, nicknamed Student Camp, lies south of Amman.") == {"fac:jo-talbieh-camp"}
    assert _fac("The Kobar Prison, popularly known as Cooper Prison, was emptied.") == {"open:prison:kobar"}
    # guards: two camps with a sequence between them stay two
    assert _fac("Families moved from Talbieh camp to the Qadisiya camp.") == {"fac:jo-talbieh-camp",
                                                                             "open:camp:qadisiya"}
    assert _fac("Talbieh camp (2,000 families), then Baqaa camp.") == {"fac:jo-talbieh-camp", "fac:jo-baqaa-camp"}


def test_an_arabic_gloss_in_brackets_is_the_same_facility() -> None:
    assert _fac("Talbieh Camp (مخيم الطالبية), nicknamed Student Camp, lies south of Amman.") == {
        "fac:jo-talbieh-camp"}
    assert _fac("Residents of Yarmouk camp (مخيم اليرموك) returned.") == {"fac:sy-yarmouk-camp"}


def test_a_curly_apostrophe_inside_a_quoted_name_before_its_head() -> None:
    assert _fac("Detainees are sent on to the faction's main jail, known as “Al-Ma’asra” prison, near Azaz.") == {
        "open:prison:maasra"}
    assert _fac("They were moved to “Al-Zira’a” Prison in Manbij.") == {"open:prison:ziraa"}
    # a quoted common word is still no name
    assert _fac("Children went to the 'summer' camp.") == set()


def test_a_quoted_nickname_labelling_a_line_that_names_another_site() -> None:
    assert _fac("'Human slaughterhouse': a man from Afrin recounts 65 days inside Al-Rai Prison") == {
        "fac:sy-al-rai-prison"}
    # the nickname alone, or a label over a line naming no other site, is Saydnaya (rule 25a)
    assert _fac("'Human slaughterhouse': inside Syria's most feared jail") == {"fac:sy-sednaya-prison"}
    assert _fac("Amnesty called it the 'human slaughterhouse': 13,000 were hanged there.") == {
        "fac:sy-sednaya-prison"}


def test_a_demonym_between_a_name_and_a_capitalised_head() -> None:
    assert _fac("Flooded streets greet visitors to Bourj al-Barajneh Palestinian Camp in south Beirut.") == {
        "fac:lb-burj-al-barajneh-camp"}
    assert _fac("Flooded streets greet visitors to Talbieh Palestinian Camp.") == {"fac:jo-talbieh-camp"}
    assert _fac("This is Ein El Hilweh Palestinian refugee camp, the capital of the diaspora.") == {
        "fac:lb-ain-al-hilweh-camp"}
    # guards: a number or a demonym alone before the head names nothing
    assert _fac("Half of Lebanon's 12 Palestinian refugee camps lack sewage networks.") == set()
    assert _fac("Families sheltered in a Syrian camp.") == set()


def test_a_lower_case_article_inside_a_latin_name() -> None:
    assert _fac("Latin: Tall as Sultan Camp.") == {"open:camp:tall-as-sultan"}
    assert _fac("Displaced families reached Ras al Ain camp.") == {"open:camp:ras-ain"}
    # a preposition is no article: "at" before the name
    assert _fac("Streets at Talbieh Palestinian Camp flooded.") == {"fac:jo-talbieh-camp"}


def test_a_camp_with_no_detention_word_is_no_detention_centre_by_spelling() -> None:
    assert _fac("Israeli missiles hit the al-Mawasi tent camp in Khan Younis.") == {"open:camp:mawasi"}
    assert _fac("Panic after strikes on Al-Mawasi refugee camp.") == {"open:camp:mawasi"}
    # a detention centre called a camp by its exact name stays the centre
    assert _fac("Detainees were held at the Sde Teman camp.") == {"fac:il-sde-teiman"}


def test_a_slash_spelling_before_a_facility_is_no_place() -> None:
    text = "In the countryside lies the “Derik/Al-Malikiyah” prison, which villagers call “Dark”."
    assert _fac(text) == {"fac:sy-derik-prison"}
    assert _places(text) == set()
    assert _places("Fighting was reported in Derik/Al-Malikiyah town.") == {"geonames:173530"}
