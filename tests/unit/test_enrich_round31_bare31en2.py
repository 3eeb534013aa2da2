"""Rule 31f (helper bare31en2, round 31): a known site's bare name after an active verb of jailing with its object
between ("locked his predecessor up in Mezzeh", "jailed his rivals in Mezzeh") or after a verb of taking with its
person between ("drove her to Evin", "sent them back to Ofer", "taking him to Evin") where the sentence speaks of
custody; "be taken to" joins the passive frame. A district's or a town's name after the same verbs with no custody
word, and every city's name, stay places. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


MEZZEH = "fac:sy-mezzeh-airport-prison"
OFER = "fac:il-ofer-prison"
EVIN = "open:prison:evin"


def test_active_jailing_verb_with_its_object() -> None:
    assert _ids("Military police locked the ousted president up in Mezzeh the same night.") == [MEZZEH]
    assert _ids("Coup leader Husni az-Zaim locked his predecessor up in Mezzeh in 1949.") == [MEZZEH]
    assert _ids("Within a week Za'im had jailed his rivals in Mezzeh.") == [MEZZEH]
    assert _ids("Officers shut him up in Mezzeh for three years without a trial.") == [MEZZEH]
    assert _ids("Prosecutors imprisoned her husband in Evin on spying charges.") == [EVIN]


def test_taking_verb_with_its_person_in_custody() -> None:
    assert _ids("Intelligence agents pulled her off a bus and drove her to Evin.") == [EVIN]
    assert _ids("After two days of questioning, soldiers sent them back to Ofer.") == [OFER]
    assert _ids("Plainclothes men bundled the reporters into a car and drove them to Evin after the raid.") == [EVIN]
    assert _ids("An officer read out the warrant and said they were taking him to Evin.") == [EVIN]


def test_passive_after_be() -> None:
    assert _ids("Anyone arrested at the vigil will be taken to Evin, the prosecutor warned.") == [EVIN]


def test_district_or_town_after_taking_verb_without_custody_is_no_facility() -> None:
    _none("A taxi took us to Mezzeh, where my aunt has a flat near the old highway.")
    _none("A cousin drove me to Mezzeh to pick up my passport from the office there.")
    _none("My uncle drove me to Evin to see the new apartments going up in the hills.")
    _none("The minibus drove the guests to Mezzeh for the wedding.")


def test_cities_keep_the_inmates_frame_only() -> None:
    _none("His parents took him to Kilis to enrol at the new school.")
    _none("The team's coach drove them to Silivri for a training camp by the sea.")
    _none("We travelled to Tadmor to see the temple of Bel before the war.")
    _none("The family moved to Silivri to live by the sea after he retired.")
