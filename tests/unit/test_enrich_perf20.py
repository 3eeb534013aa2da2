"""Round 20, perf20 (speed): two regexes read at every position of a text are tried only where a match can start,
and the seat reading of rule 24o (bare._seat_of_another) finds its match end in C (native/seat.c's seat_end).

_NUMBERED_BRANCH_RE and _NUMBERED_PRISON_RE open with a lookbehind and optional proclitics, so `re` tried them at
every character of every text (-13 % of the bench's instructions): facilities._scouted_matches tries them only
where the literal each match holds (`فرع`, "ranch"; `السجن`, `المعتقل`) allows a start, and must give finditer's
matches. seat_end must give _SEAT_AFTER_RE.match's end (-1 for none) at every position, in each string width, with
re's case-blind letters (İ and ı for i, ſ for s), its lazy words tried in re's order and its optional groups.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from services.enrich import backend
from services.enrich import facilities as F
from services.enrich.bare import seat_end_ref

_ROOT = Path(__file__).resolve().parents[2]
_WIDEN = ["", "\u0628", "\U0001f600"]  # Latin-1, UCS-2, UCS-4 storage
_PIECES = [
    " ",
    "  ",
    "\u00a0",
    ",",
    "،",
    "؛",
    ".",
    "\n",
    "\t",
    "(",
    ")",
    "في",
    "فى",
    "ب",
    "in",
    "IN",
    "ın",
    "İn",
    "near",
    "NEAR",
    "at",
    "AT",
    "قرب",
    "الواقع",
    "الواقعة",
    "الواقعه",
    "located",
    "ſituated",
    "situated",
    "ناحية",
    "ناحيه",
    "بلدة",
    "بلده",
    "قضاء",
    "مدينة",
    "مدينه",
    "منطقة",
    "منطقه",
    "the",
    "THE",
    "town",
    "district",
    "sub-district",
    "ſub-diſtrict",
    "city",
    "cıty",
    "of",
    "OF",
    "مركز",
    "الجدعة",
    "Main",
    "word",
    "\u2003",
    "\u200b",
    "ة",
    "K",
    "a",
    "t",
    "n",
    "فرع",
    "الفرع",
    "وال",
    "255",
    "٢٥٥",
    "2555",
    "Branch",
    "branch",
    "No.",
    " 261",
    "رقم",
    "السجن",
    "المعتقل",
    "66",
    "5",
    "عاماً",
    "ranch",
    "ألف",
    "السري",
]


def _texts(n: int) -> list[str]:
    rng = random.Random(20)
    out = [
        json.loads(x)["text"]
        for x in (_ROOT / "tests/data/devset.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    for _ in range(n):
        out.append(rng.choice(_WIDEN) + "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))))
    return out


def _sig(ms: list) -> list:
    return [(m.span(), m.groups()) for m in ms]


def test_scouted_matches_are_finditer() -> None:
    hits = 0
    for t in _texts(20000):
        for pat, lits in (
            (F._NUMBERED_BRANCH_RE, (("فرع", 3), ("ranch", 1))),
            (F._NUMBERED_PRISON_RE, (("السجن", 1), ("المعتقل", 1))),
        ):
            want = _sig(list(pat.finditer(t)))
            assert _sig(F._scouted_matches(pat, t, lits)) == want, t[:80]
            hits += len(want)
    assert hits > 50


@pytest.mark.skipif(backend.NATIVE is None, reason="no compiled part")
def test_seat_end_is_the_regex_in_each_width() -> None:
    native = backend.NATIVE
    assert native is not None
    found = 0
    for t in _texts(20000):
        for p in (*range(len(t) + 2), -3):
            got = native.seat_end(t, p)
            assert got == seat_end_ref(t, p), (t[:80], p)
            found += got > p
    assert found > 1000
    # a word's letters before a preposition, re's case-blind letters, the optional groups after the preposition
    for case, pos, end in (
        (" الجدعة للتأهيل في ناحية القيارة", 0, 25),
        (" Main camp", 0, 6),
        (" ın", 0, 3),
        (", located near the town of Qayyarah", 0, 27),
        (" x", 0, -1),
        ("", 0, -1),
    ):
        assert seat_end_ref(case, pos) == native.seat_end(case, pos) == end, case
    for bad in [("x",), (None, 0), ("x", "0"), (b"x", 0)]:
        with pytest.raises(TypeError):
            native.seat_end(*bad)
