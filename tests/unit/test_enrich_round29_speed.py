"""Round 29's speed repairs of the event-sense checks (rules 29j, 29o), output unchanged.

- `events._words_before` looks for the sentence's start in the 160 characters before the trigger first; it must give
  what its specification (`_words_before_ref`, a search back to the text's start) gives, at every offset.
- `enrichment._events` asks the sense checks only about a trigger that could still be its type's first evidence: a
  trigger dropped as only wanted must leave the type to a later, real one.
"""

from __future__ import annotations

import random

import pytest

from services.enrich.enrichment import enrich
from services.enrich.events import _words_before, _words_before_ref
from services.enrich.gazetteer import Gazetteer
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return real_gazetteer()


def test_words_before_equals_its_specification() -> None:
    rng = random.Random(2929)
    words = ["would", "be", "to", "the", "urged", "طالبت", "بإعادة", "لن", "الدول", "camp", "Hol", "ـ", "É", "İ",
             "نفت", "x" * 30, "مخيّمِ", "’s", "«الهول»"]
    seps = [" ", " ", " ", "  ", "\n", ". ", "، ", ", ", "; ", "? ", "؟ ", "! ", "\u00a0"]
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 120)))
        for s in range(0, len(text) + 1, rng.randint(1, 7)):
            for n in (3, 7, 9):
                assert _words_before(text, s, n) == _words_before_ref(text, s, n), (text, s, n)


@pytest.mark.parametrize(("text", "evidence"), [
    ("The UN urged governments to repatriate their citizens from al-Hol camp. On Monday, 120 women and children "
     "were repatriated to Iraq.", "repatriated"),
    ("طالبت الإدارة الذاتية الدول باستعادة رعاياها من مخيم الهول. وأعلنت بغداد إعادة 150 عائلة من المخيم أمس.",
     "إعادة"),
])
def test_a_wanted_event_leaves_its_type_to_the_real_one(gaz: Gazetteer, text: str, evidence: str) -> None:
    got = {e.type: e.surface for e in enrich(text, gaz).event_types}
    assert got["transfer_repatriation"] == evidence
