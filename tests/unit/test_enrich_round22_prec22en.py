"""Round 22, prec22en survey (rule 26w): English facility precision beside generic camp and prison words — our own
sentences after the survey's real forms."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_a_known_name_in_a_far_town_is_another_site_of_that_name() -> None:
    # Kirkuk's Tasfirat is in the gazetteer; Tikrit's Tasfirat prison is another, open world
    assert _fac("Several inmates of the Tasfirat prison in the city of Tikrit seized weapons.") == {
        "open:prison:tasfirat"}
    assert _fac("Inmates rioted at the Tasfirat prison in Tikrit on Thursday night.") == {"open:prison:tasfirat"}
    # guards: the known site's own town, a town near it, the governorate's capital it lies in, no town at all
    assert _fac("Inmates rioted at the Tasfirat prison in Kirkuk on Thursday night.") == {"fac:iq-tasfirat-prison"}
    assert _fac("Women in the Roj camp in Hasakah said the water had stopped.") == {"fac:sy-roj-camp"}
    assert _fac("Riot police entered the Rusafa prison in Baghdad.") == {"fac:iq-rusafa-prison"}
    assert _fac("Inmates rioted at the Tasfirat prison on Thursday night.") == {"fac:iq-tasfirat-prison"}


def test_a_head_inside_a_title_of_another_thing() -> None:
    assert _fac("World Prison Brief data rank Lebanon's system among the most crowded.") == set()
    assert _fac("The Prison Reform Trust said numbers had doubled.") == set()
    assert _fac("According to the World Prison Brief, only Roumieh prison was built as one.") == {
        "fac:lb-roumieh-prison"}
    # a camp's own committee keeps the camp
    assert _fac("The Mae La camp committee asked for more rice.") == {"open:camp:mae-la"}


def test_a_base_or_a_training_camp_at_one_mention_is_one_at_every_mention() -> None:
    assert _fac("Two rockets hit the Basmaya camp south of Baghdad on Tuesday. US troops have trained Iraqi "
                "soldiers at the Basmaya camp since 2015.") == set()
    assert _fac("Displaced families reached the Basmaya camp south of Baghdad on Tuesday.") == {"open:camp:basmaya"}


def test_an_ordinal_before_a_known_name_is_a_unit_of_it() -> None:
    assert _fac("Sadrist inmates at the 4th Risafa Detention Facility were told they would be moved.") == {
        "fac:iq-rusafa-prison"}
    assert _fac("Inmates of the 2nd Zeitoun Prison went on hunger strike.") == {"open:prison:zeitoun"}


def test_a_city_airport_prison_in_a_headline_over_the_named_airport_prison() -> None:
    text = ("Report: Damascus Airport Prison Saw Over a Thousand Syrians Killed\n"
            "The study says the Mezzeh military airport held at least 29,000 detainees from 2011 to 2017.")
    assert _fac(text) == {"fac:sy-mezzeh-airport-prison"}


def test_transliterated_common_nouns_after_a_head_name_nothing() -> None:
    assert _fac("The list also has Al Ahdath prison, holding 400 men.") == set()
    assert _fac("Boys were moved to the al-Ahdath prison in the city.") == set()
