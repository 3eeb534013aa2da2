"""Rule 29t (helper spentsense29, round 29, read from the spent r29 blind splits; not blind): camps in another sense
read as facilities. A camp named after a person the text names is a political camp; a camp whose name holds
"Annual" or a year, or stands in apposition to a summer, youth or scout camp, is an event; after an Arabic head, `ب`
glued to a direction is where the camp is, no name. Own wording; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_candidates_camp_is_political() -> None:
    # the surname after a title, with or without a given name between
    _none("Cruz camp accused of dirty tricks in Nevada. An aide to Sen. Marco Rubio said Sen. Ted Cruz's team had "
          "spread false rumours before the caucuses.")
    _none("Trump hit by Rubio camp over a TV advert. A spokesman for the campaign of Sen. Marco Rubio said the "
          "ad was false.")
    _none("Erdogan camp upbeat before the runoff. President Recep Tayyip Erdogan faces Kemal Kilicdaroglu on Sunday.")
    # a possessive of the person's campaign; a given name in a text with no displaced or detained people
    _none("Sunak camp fumes at leaks. Rishi Sunak's supporters blamed the other side.")
    _none("Lopez camp questions the poll. Maria Lopez leads the race by four points.")
    # a surname the gazetteer would read as a known camp's spelling
    _none("Trump attacked by Haley camp over a TV advert. A spokesman for former Gov. Nikki Haley said it lied.")


def test_camps_of_the_displaced_keep_their_names_beside_people() -> None:
    assert _facs("Thousands of refugees live in the Kakuma camp in northern Kenya.") == [
        ("Kakuma camp", "open:camp:kakuma")]
    # a person's name in a text about refugees: the camp's sentence speaks of the displaced
    got = _facs("Fire destroyed shelters in the Balukhali camp on Sunday, the refugees said. Mr. Balukhali, a "
                "volunteer, helped.")
    assert ("Balukhali camp", "open:camp:balukhali") in got
    # a title before another person's name
    assert _facs("Refugees at the Kakuma camp met President Ruto. President Ruto toured the camp.") == [
        ("Kakuma camp", "open:camp:kakuma")]
    # a one-word name seen only as the camp's (no second mention): unchanged
    assert _facs("Families in the Dagahaley camp queued for water, aid workers said.")


def test_an_annual_or_dated_camp_is_an_event() -> None:
    _none("Registration is open for the NSW Scouts Annual Camp 2024, 12 to 14 April, at the scout park.")
    _none("The club's Annual Camp returns this spring to the lakeside.")
    _none("The Riverside Camp 2023 moves to a new site in the hills, organisers said.")
    # a displacement camp and a year in a sentence about refugees keeps the camp
    assert _facs("The Kakuma camp 2019 census counted 190,000 refugees.") == [("Kakuma camp", "open:camp:kakuma")]


def test_a_name_in_apposition_to_a_summer_camp_is_an_event() -> None:
    _none('انطلقت في مدينة الخليل فعاليات المخيم الصيفي "مخيم القدس" للأطفال ويستمر أسبوعاً.')
    _none('افتتحت الجمعية مخيماً صيفياً بعنوان "مخيم الأمل" للأطفال.')
    _none("نظم النادي المخيم الشبابي «مخيم الوحدة» لطلاب المدارس.")
    _none("يشارك 200 طفل في المخيم الصيفي مخيم الفرسان هذا الأسبوع.")
    _none("انطلق مخيم الأمل السنوي للأطفال هذا الأسبوع.")
    _none('The charity ran a youth camp called "Hope Camp" for pupils this summer.')
    # a displacement camp named after the summer camp, with a preposition between: the site
    assert _facs("أقيم المخيم الصيفي في مخيم عين الحلوة بمشاركة 300 طفل.") == [
        ("مخيم عين الحلوة", "fac:lb-ain-al-hilweh-camp")]
    assert ("مخيم القدس", "open:camp:القدس") in _facs("يعاني سكان مخيم القدس من انقطاع المياه منذ أيام.")


def test_a_direction_glued_to_b_after_a_head_is_no_name() -> None:
    _none("في وسط مخيم بشمالي سوريا يقفز الأطفال في أحواض سباحة جلبها متطوعون.")
    _none("احترقت خيام في مخيم بشرقي حلب أمس.")
    _none("احترقت خيام في مخيم بجنوبي لبنان أمس.")
    _none("يعيش النازحون في مخيم بأقصى شمال سوريا منذ سنوات.")
    assert _facs("احترقت خيام في مخيم بشمالي سوريا يسمى مخيم الأمل للنازحين.") == [
        ("مخيم الأمل", "open:camp:الامل")]
