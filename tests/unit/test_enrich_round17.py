"""Round-17 fixes made by the lead outside the surveys: input that crashed the engine (an English state adjective
whose words are separated by more than one space, a no-break space or a line break: the regex accepts any run of
white space, the look-up table keyed on one space). Every passage is written for this file."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


@pytest.mark.parametrize("sep", ["  ", "\u00a0", "\n", "\t", " \n  "])
def test_state_adjective_with_any_white_space_names_its_state(sep: str) -> None:
    ann = _ann(f"The United{sep}States forces met the convoy near the camp.")
    assert {a.id for a in ann.actors} == {"actor:us"}


@pytest.mark.parametrize("sep", ["  ", "\u00a0", "\n"])
def test_coordinated_state_adjectives_with_any_white_space(sep: str) -> None:
    ann = _ann(f"The United{sep}States and French forces left the base; US,{sep}British and French forces stayed.")
    assert {"actor:us", "actor:france-gov", "actor:uk-gov"} <= {a.id for a in ann.actors}


def test_another_named_town_in_the_sentence_leaves_a_bare_camp_the_camp() -> None:
    # "the town of X" names another town: the sentence's own "the town" is not the bare name's (merge of bare17/en17)
    text = ("The agency said the people moved to a new site outside the town of Akhtarin, and stressed that "
            "foreigners who had left al-Hol must be identified so they could be repatriated.")
    assert {f.id for f in _ann(text).facilities} == {"fac:sy-al-hol-camp"}
    # the sentence's own word for the bare name still makes it the town
    town = "Shops reopened in al-Hol on Sunday, and the town council said water was back."
    assert not _ann(town).facilities


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


@pytest.mark.parametrize(("text", "expected"), [
    # a verb opening a relative clause after an indefinite head is no name (read from the spent split r17)
    ("نُقلت العائلات من مخيم الهول إلى مخيم جرى تجهيزه قرب أخترين.", {"fac:sy-al-hol-camp"}),
    ("وصف التقرير المكان بأنه سجن انتهى دوره منذ سنوات.", set()),
    # an adjective of repute ends an unknown name; urgency in quotes is no name (r17b)
    ("نُقل نزلاء سجن كارون السيئ الصيت إلى سجن آخر.", {"open:prison:كارون"}),
    ('مخيم جرش مخيم "طارئ" أقيم عام 1968 للاجئين.', {"fac:jo-jerash-camp"}),
    # a spelling of Abu Ghraib that English outlets print
    ("Critics called the secret jail worse than Abu Ghreib prison.", {"fac:iq-abu-ghraib-prison"}),
])
def test_round17_spent_split_forms(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_first_place_at_each_start_is_the_first_in_list_order_and_follows_the_list() -> None:
    from services.enrich.openworld import _first_at
    from services.enrich.resolve import Cand

    a, b, c = Cand(5, 9, "place", (), 1), Cand(5, 12, "place", (), 2), Cand(20, 25, "place", (), 1)
    places = [a, b, c]
    d = _first_at(places)
    assert d == {5: a, 20: c} and d[5] is a  # the first at a start, as `next(c for c in places if ...)` gave
    places.append(Cand(30, 33, "place", (), 1))  # a grown list is read again, not answered from the memo
    assert 30 in _first_at(places)
    other = [Cand(7, 9, "place", (), 1)]
    assert set(_first_at(other)) == {7} and set(_first_at(places)) == {5, 20, 30}


def test_nearest_places_by_bisection_match_the_walk_of_every_place() -> None:
    # open_fac's nearest places (entries._nearest) against the scan it replaced: every place not starting inside the
    # mention, in (distance of starts, index) order; random lists, unsorted, with repeated starts
    import random

    from services.enrich.entries import _nearest
    from services.enrich.openworld import OpenFacility
    from services.enrich.resolve import Cand

    rng = random.Random(17)
    for _ in range(400):
        places = [Cand(s, s + rng.randint(1, 9), "place", (), 1)
                  for s in (rng.randint(0, 120) for _ in range(rng.randint(1, 30)))]
        start = rng.randint(0, 120)
        of = OpenFacility(start, start + rng.randint(0, 15), "camp", "x", start, start + 3)
        walk = [i for _d, i in sorted((abs(c.start - of.start), i) for i, c in enumerate(places)
                                      if not (of.start <= c.start < of.end))]
        assert list(_nearest(places, of)) == walk
