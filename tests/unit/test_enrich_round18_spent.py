"""Round 18, forms read from the spent blind splits r18a/r18e once their end-of-round figures were taken (README
rule 25y): a distance measured from a bare name is the place, a gloss in apposition names the bare name's kind of
site, Iraq's returnees' batch and the verbs of leaving weigh for a camp. Every sentence is written for this file;
each test holds the positive and its near-miss."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


HOL, RUKBAN, NAS = "fac:sy-al-hol-camp", "fac:sy-rukban-camp", "fac:iq-nasiriyah-central-prison"


@pytest.mark.parametrize(("text", "expected"), [
    # a distance is measured from the place, not from the camp
    ("أقيمت نقطة طبية جديدة على بعد خمسة كيلومترات من الركبان قرب الساتر الترابي.", set()),
    ("A new clinic stands about 4 km from Rukban, close to the berm.", set()),
    # near-miss: families leaving the bare camp in the same area still name it
    ("غادرت عشرات العائلات مخيم الركبان نحو حمص بعد توقف المساعدات.", {RUKBAN}),
])
def test_distance_from_a_bare_name_is_the_place(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_distance_gives_the_area_as_a_place() -> None:
    assert "place:sy-rukban" in _places("حفر الأهالي بئراً على بعد كيلومترين من الركبان.")


@pytest.mark.parametrize(("text", "expected"), [
    # a gloss between dashes, then an indefinite head: the text says what the bare name is
    ('Families across the south fear Al-Hut -- "the whale" -- a vast complex on the edge of the city.', {NAS}),
    ("Lawyers describe al-Hut, a prison that few leave alive, as overcrowded.", {NAS}),
    # near-miss: the same word in a gloss that names no site
    ('Fishermen talk of al-Hut -- "the whale" -- a creature of old stories.', set()),
])
def test_apposition_names_the_kind_of_site(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Iraq's word for a batch of returnees and a verb of leaving: the camp
    ("الوجبة الـ31.. 650 عراقياً يغادرون الهول باتجاه نينوى", {HOL}),
    # near-miss: people leaving the town, said so
    ("غادر عشرات الفلاحين بلدة الهول بعد موجة الجفاف.", set()),
])
def test_returnees_batch_and_leaving_weigh_for_the_camp(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


MEZZEH = "fac:sy-mezzeh-airport-prison"


@pytest.mark.parametrize(("text", "expected"), [
    # time spent at a name, in the passive or moved between sites: a detention site (r18f)
    ("Eight of those months were spent at the Mezzeh Military Airport, he told us.", {MEZZEH}),
    ("Khaled spent five months moved between Mazzeh Military Airport and an army base in the hills.", {MEZZEH}),
    # near-miss: time spent in a city is the city
    ("Eight of those months were spent in Raqqa with his cousins.", set()),
])
def test_time_spent_at_a_site(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a plural prison head "at" a known name (r18f)
    ("The report maps the intelligence prisons at al-Mezze military airport in detail.", {MEZZEH}),
    # near-miss: plural prisons "in" a city are where, not which
    ("The prisons in Hasakah are overcrowded, the monitor said.", set()),
])
def test_plural_prison_head_at_a_name(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected
