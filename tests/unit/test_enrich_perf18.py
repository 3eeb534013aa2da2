"""Round 18, perf18 (speed): a text of thousands of open-world camps and prisons with towns read in linear time.

Four questions were answered by a walk over the whole text or the whole place-candidate list once per open-world
name (quadratic in a long page of them): whether the name is exactly a country's or region's candidate
(openworld._country_named), whether a town candidate starts one letter into a `ب`-prefixed name (openworld._arabic),
whether the same camp speaks elsewhere in the text (openworld._political: a `str.find` chain over the whole text
per camp), and where a name no catalogue holds is named again (facilities._open_named_again: one scan of the text
per name). Each is now one dict or one pass per text or list; these tests hold each to the walk it replaced.
"""

from __future__ import annotations

import random

import pytest

from services.enrich.enrichment import enrich
from services.enrich.facilities import _finds, _grams
from services.enrich.gazetteer import Gazetteer
from services.enrich.openworld import _SPEAKING_FROM, _SPEAKS_AFTER_RE, _spans_at, _speaking_at
from services.enrich.resolve import Cand
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return real_gazetteer()


def _find_chain(text: str, name: str, start: int) -> list[int]:
    out = []
    s = text.find(name, start)
    while s >= 0:
        out.append(s)
        s = text.find(name, s + len(name))
    return out


def test_finds_with_grams_is_the_find_chain() -> None:
    rng = random.Random(18)
    for _ in range(300):
        text = "".join(rng.choice("ab ةبل") for _ in range(rng.randint(0, 200)))
        names = {"".join(rng.choice("ab ةبل") for _ in range(rng.randint(4, 7))) for _ in range(6)}
        names |= {"abab", "aaaa", "abaab"}  # names that overlap themselves
        grams = _grams(text, {n[:4] for n in names})
        for name in names:
            for start in (0, 1, rng.randint(0, 200), len(text), len(text) + 5):
                want = _find_chain(text, name, start)
                assert list(_finds(text, name, start, None)) == want
                assert list(_finds(text, name, start, grams)) == want, (text, name, start)


def test_speaking_positions_are_where_the_pattern_matches() -> None:
    rng = random.Random(7)
    words = ["the", "Trump", "camp", "said", "in", "parliament", "Framework", "Coordination", "hit", "back",
             "signalled", "criticized", "sayss", "\u00a0", " ", "  ", "x"]
    for _ in range(200):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\u00a0", "  "]) for _ in range(rng.randint(0, 30)))
        want = [p for p in range(len(text) + 1) if _SPEAKS_AFTER_RE.match(text, p) is not None]
        asked = [_speaking_at(text) for _ in range(_SPEAKING_FROM + 1)]
        assert asked[: _SPEAKING_FROM - 1] == [None] * (_SPEAKING_FROM - 1)  # a few: str.find per camp
        assert asked[-2] == want
        assert asked[-1] is asked[-2]  # one pass per text


def test_span_dicts_are_the_list_walks() -> None:
    rng = random.Random(3)
    for _ in range(100):
        places = [Cand(s, s + rng.randint(1, 6), "place", (("place", f"p{k}", "name"),), 1)
                  for k, s in enumerate(rng.randint(0, 30) for _ in range(rng.randint(0, 12)))]
        spans, ends = _spans_at(places)
        for s in range(-1, 40):
            for e in range(s, s + 8):
                first = next((c for c in places if c.start == s and c.end == e), None)
                assert spans.get((s, e)) is first
                walk = any(c.start == s and c.end >= e for c in places)
                assert ((far := ends.get(s)) is not None and far >= e) == walk


def test_a_page_of_open_world_sites_with_towns(gaz: Gazetteer) -> None:
    # more names than _GRAMS_FROM: the gram index path, named again and all
    names = [f"Kar{a}{b}" for a in "aeiou" for b in "lmnrst"] * 3
    text = ". ".join(f"Detainees were moved to {n} prison in Raqqa, and later back to {n}" for n in names) + "."
    ann = enrich(text, gaz, lang="en")
    again = [f for f in ann.facilities if f.surface in names and f.confidence == 0.6]
    assert len({f.surface for f in ann.facilities if f.id.startswith("open:")}) >= 30
    assert again
