"""perf19's rewrite of bare._seat_of_another's seat reading (one slice, C-level `in` tests, the town's words joined as
they grow), held to the loop it replaces, copied below, on every word end of the dev passages and their perturbed
copies, on random positions (mid-word too) and on crafted edge cases (empty, NUL, a lone surrogate, a newline, upper
case, no-break spaces); and the rule the seats serve (24o) end to end through real_ann. The rewrite has no compiled
twin: the engine's output is the same with and without the extension (test_enrich_pure), and byte-identical to the
base's."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace
from typing import Any

from services.enrich.bare import _SEAT_AFTER_RE, _seat_of_another
from services.enrich.normalize import fold
from tests.unit.enrich_support import real_ann
from tests.unit.test_enrich_scanner import _passages, _perturbed


def _seats_ref(text: str, ends: list[int]) -> dict[str, list[int]]:
    """The seat reading as it was before perf19 (bare._seat_of_another's loop), for the spans ending at `ends`."""
    seats: dict[str, list[int]] = {}
    for e in ends:
        m = _SEAT_AFTER_RE.match(text, e)
        if m is None or m.end() == e or "\n" in text[e : m.end()]:
            continue
        if not any(w in text[e : m.end()] for w in ("في", "فى", "ب", "in", "near", "at", "قرب")):
            continue
        words = text[m.end() : m.end() + 40].split()[:3]
        for k in range(1, len(words) + 1):
            key = fold(" ".join(words[:k]).strip(".,،؛:;()\"«»“”")).removeprefix("ال")
            seats.setdefault(key, []).append(m.end())
    return seats


def _seats(text: str, ends: list[int]) -> dict[str, list[int]]:
    ar: Any = SimpleNamespace(accepted=[(0, e) for e in ends], seats={}, seats_read=0)
    c: Any = SimpleNamespace(start=0, end=0)
    _seat_of_another(text, c, ar)
    assert ar.seats_read == len(ends)
    return ar.seats


def test_seats_are_read_as_before() -> None:
    rng = random.Random(7)
    checked = 0
    for text in [t for passage in _passages()[:120] for t in _perturbed(passage)[:6]]:
        ends = [m.end() for m in re.finditer(r"\w+", text)]
        assert _seats(text, ends) == _seats_ref(text, ends), text[:80]
        checked += len(ends)
        pick = sorted(rng.sample(range(len(text) + 1), min(40, len(text) + 1)))  # any position, mid-word too
        assert _seats(text, pick) == _seats_ref(text, pick), text[:80]
    assert checked > 10_000
    for text in ["", "x", "Roj camp IN Hasakah", "Roj camp in\nHasakah", "مخيم الجدعة في ناحية القيارة",
                 "مخيم الجدعة، الواقع في بلدة حمام العليل.", "the camp near the town of Qayyarah",
                 "camp at" + " y" * 30,
                 "مخيم كتاب\u00a0\u00a0الهول", "camp \x00 in \ud800 Hol"]:
        ends = list(range(len(text) + 1))
        assert _seats(text, ends) == _seats_ref(text, ends), text


def test_town_another_camp_stands_in() -> None:
    # rule 24o: the town a named camp is said to stand in, read again bare, is that town, no second camp
    ann = real_ann("وصلت العائلات إلى مخيم الجدعة في ناحية القيارة جنوب الموصل. وقال مسؤول إن القيارة تستقبل النازحين.")
    assert [f.id for f in ann.facilities if f.surface == "القيارة"] == []
    assert any(f.surface.endswith("الجدعة") for f in ann.facilities)
