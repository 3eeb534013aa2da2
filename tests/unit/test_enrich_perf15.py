"""Round-15 speed work (perf15): the checks of enrichment._place that a place candidate's surface alone rules out are
not called (places.surface_gates), and the compiled place_gates rules out most characters of its kunya scan by a
64-bit mask. Both are superset tests: where they say "no", the check they skip answers False. The output is the same
(make check-pure; the whole corpus compared with the branch point)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from services.enrich import backend
from services.enrich.context import _KUNYA, person_before
from services.enrich.enrichment import enrich
from services.enrich.places import (
    MAY_AGENCY,
    MAY_COMMON,
    MAY_NOUN,
    agency_or_outlet,
    common_word,
    noun_phrase,
    surface_gates,
)
from services.enrich.scanner import scan_select
from tests.unit.enrich_support import real_gazetteer
from tests.unit.test_enrich_scanner import _passages


def _spans_around(rules: object) -> list[tuple[str, int, int]]:
    """(text, start, end) of every place candidate of the passages, and of the rule words (common words, nouns,
    agencies) written in made-up contexts: before an adjective, after "of ", in quotes, before `العربي`."""
    gaz = real_gazetteer()
    out = []
    for text in _passages():
        accepted, _trig = scan_select(text, gaz.trie)
        out += [(text, c.start, c.end) for c in accepted if c.role == "place"]
    words = sorted(rules.agencies)[:40] + sorted(rules.nouns)[:40] + sorted(rules.words)[:60]  # type: ignore[attr-defined]
    frames = ["{} الحديدي", "في {} ", "The Times of {} said", "«{} العربي»", "حديثة و{} وراوة", "told {}'s", "{}",
              "قضاء {} ", "الباب {} الخلفي"]
    rng = random.Random(15)
    for w in words:
        for f in rng.sample(frames, 4):
            text = f.format(w)
            s = text.index(w)
            out.append((text, s, s + len(w)))
    return out


def test_surface_gates_rule_out_only_checks_that_answer_false() -> None:
    """Where surface_gates leaves a bit clear, that check is False for the candidate, whatever its context."""
    gaz = real_gazetteer()
    rules = gaz.place_rules
    assert rules is not None
    spans = _spans_around(rules)
    cleared = 0
    for text, s, e in spans:
        c = SimpleNamespace(start=s, end=e)
        may = surface_gates(text[s:e], rules)
        if not may & MAY_COMMON:
            cleared += 1
            assert not common_word(text, c, [], rules), (text, s, e)  # type: ignore[arg-type]
        if not may & MAY_NOUN:
            assert not noun_phrase(text, s, e, rules), (text, s, e)
        if not may & MAY_AGENCY and text[s - 3 : s] != "of " and text[e : e + 7] != " العربي":
            assert not agency_or_outlet(text, s, e, rules), (text, s, e)
    assert cleared > len(spans) // 2  # (most candidates need none of the three: else it saves nothing)


def test_surface_gates_set_the_bits_of_the_rule_words() -> None:
    rules = real_gazetteer().place_rules
    assert rules is not None
    noun = next(iter(rules.nouns))
    assert surface_gates(noun, rules) & MAY_NOUN or not noun.startswith("ال")
    agency = next(iter(rules.agencies))
    assert surface_gates(agency, rules) & MAY_AGENCY
    assert surface_gates("Qamishlo", rules) & MAY_AGENCY == 0


@pytest.mark.parametrize(("text", "place"), [
    # one sentence per check the gates guard: each still drops the candidate
    ("قال أحمد إن الباب الحديدي كان مغلقاً طوال الليل.", "الباب"),  # a definite noun and its adjective
    ("The Times of Israel reported the raid on Thursday.", "Israel"),  # an outlet's name
    ("وكتبت «القدس العربي» أن المفاوضات توقفت.", "القدس"),  # an outlet's name in quotes
    ("A spokesman told SANA that the road had reopened.", "SANA"),  # a news agency
])
def test_the_gated_checks_still_drop_their_candidates(text: str, place: str) -> None:
    assert place not in {p.surface for p in enrich(text, real_gazetteer()).places}


def test_place_gates_kunya_mask_keeps_every_kunya() -> None:
    """place_gates answers True where a kunya is the word before the candidate's (person_before's words[-2]), also
    among characters whose low six bits are those of a kunya's first letter; a no is a no of person_before (round
    16, perfP: the word before last is read, no longer any kunya written in the 24 characters)."""
    native = backend.NATIVE
    if native is None:
        pytest.skip("no compiled part")
    firsts = {w[0] for w in _KUNYA}
    twins = [chr(ord(ch) ^ 64) for ch in firsts] + [chr(ord(ch) + 64) for ch in firsts]
    rng = random.Random(7)
    for k in sorted(_KUNYA):
        for _ in range(20):
            noise = "".join(rng.choice([*twins, " "]) for _ in range(rng.randint(0, 8)))
            text = f"{noise} {k} Bakr Raqqa" if k.isascii() else f"{noise} {k} بكر الرقة"
            s = len(text) - 5  # ("Raqqa", `الرقة`: five letters each)
            assert native.place_gates(text, s, len(text)), text
    for _ in range(2000):  # mask collisions and no kunya: a "no" is a no of person_before too
        text = "".join(rng.choice([*twins, " ", "a", "ب"]) for _ in range(rng.randint(2, 30))) + " Raqqa"
        s = len(text) - 5
        if not native.place_gates(text, s, len(text)):
            assert not person_before(text, s), text
