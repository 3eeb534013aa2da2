"""Speed work on the actor stage and the other non-facility stages (perf21b): each change removes work and keeps the
output. Checked here against the code each replaces (its regex's finditer, the scout path, the per-place finds); the
whole corpus is compared with the branch point (the annotator's output byte-identical, compiled and pure)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from services.enrich import backend
from services.enrich import context_actors as CA
from services.enrich import places as P
from services.enrich import senses as S
from services.enrich.scouts import match_at, words_in, words_in_ref
from tests.unit.enrich_support import real_gazetteer

_ROOT = Path(__file__).resolve().parents[2]
_PIECES = ["حي", "ال", "و", "ب", "ل", " ", "\u00a0", '"', "«", "“", "»", "”", "غويران", "x", "ي", "ح", "\n", "د", "ا",
           "ع", "ش", "ق", "س", "م", ".", "-", "3", "*", "ـ", "_", "1", "أ", "neighbourhoods", "neighborhoods",
           "districts", "quarters", "\t", "Nashwa", "and", "\u2003", "لقب", "مكن", "الملقب ب", "المعروف بـ", "أبو",
           "كاريتاس", "Caritas", "الركبان", "ريف", "؟", "!"]


def _texts(n: int) -> list[str]:
    rng = random.Random(21)
    out = [
        json.loads(x)["text"]
        for x in (_ROOT / "tests/data/devset.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    for _ in range(n):
        out.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 16))))
    return out


def _sig(ms: list) -> list:
    return [(m.span(), m.groups()) for m in ms]


def test_quarter_patterns_at_their_cues_are_finditer() -> None:
    rng = random.Random(8)
    crafted = ["".join(rng.choice(["", "و", "ب", "ل", "x", " "]) + rng.choice(["", "ال"]) + "حي"
                       + rng.choice(["", " ", "\u00a0"]) + rng.choice(['"', "«", "“", ""])
                       + rng.choice(["غويران", "a b"])
                       + rng.choice(['"', "»", "”", ""]) for _ in range(rng.randint(1, 3))) for _ in range(3000)]
    crafted += [rng.choice(["Ghweiran", "the", ","]) + rng.choice([" ", "  ", "\n", "\u2003 "])
                + rng.choice(["neighbourhoods", "neighborhoods", "districts", "quarters", "quartersx"])
                for _ in range(500)]
    hits = [0, 0]
    for t in _texts(20000) + crafted:
        want = _sig(list(P._QUOTED_QUARTER_RE.finditer(t)))
        assert _sig(match_at(P._QUOTED_QUARTER_RE, P._quoted_quarter_starts(t), t)) == want, t
        hits[0] += bool(want)
        want = _sig(list(P._QUARTERS_EN_RE.finditer(t)))
        assert _sig(match_at(P._QUARTERS_EN_RE, P._quarters_en_starts(t), t)) == want, t
        hits[1] += bool(want)
    assert min(hits) > 20


def test_text_words_is_each_in() -> None:
    for t in _texts(5000):
        want = words_in_ref(t, S._TEXT_WORDS)
        assert words_in(t, S._TEXT_WORDS) == want
        assert S.text_words(t) == want
        assert S.text_words(t) == want  # (the kept answer)
        assert S.has_section_word(t) == any(w in t for w in S.SECTION_SCOUT)
    assert S.text_words("كاريتاس الأردن") & S._W_SECTION and not S.text_words("x") & S._W_SECTION


def test_byname_from_cue_spans_is_the_finds() -> None:
    rng = random.Random(5)
    for t in _texts(5000):
        cues = S._cue_spans(t, S._BYNAME_CUES)
        for _ in range(8):
            s = rng.randint(0, len(t))
            lo = max(0, s - 40)
            assert S._byname_at(t, lo, s, cues) == S._byname_before(t, lo, s), (t, s)
    t = "قتل الرجل الملقب بـ غريب"
    s = t.index("غريب")
    assert S._byname_before(t, max(0, s - 40), s)
    assert S._byname_at(t, max(0, s - 40), s, S._cue_spans(t, S._BYNAME_CUES))


@pytest.mark.skipif(backend.NATIVE is None, reason="no compiled part")
def test_words_in_compiled_and_python_agree_on_widths() -> None:
    for t in ("", "ab", "Caritas Jordan", "كاريتاس", "x\U0001f600كسفام", "ريف دمشق", "رياف"):
        assert words_in(t, S._TEXT_WORDS) == words_in_ref(t, S._TEXT_WORDS), t


def test_stems_all_at_are_the_finds() -> None:
    rules = real_gazetteer().state
    assert rules is not None
    stems_ar, stems_en = rules.by_context.firsts_ar, rules.by_context.firsts_en
    many = tuple(f"w{i}" for i in range(70))  # (more than one pass takes: the find loop)
    for t in [*_texts(3000), "المفوضية المفوضية مفوض", "the government, the governments", "w1 w12 w69 w7"]:
        for hay, stems in ((t, stems_ar), (t.lower(), stems_en), (t, ("aa", "a", "حي")), (t, many)):
            want: dict[str, list[int]] = {}
            for w in stems:
                i = hay.find(w)
                while i != -1:
                    want.setdefault(w, []).append(i)
                    i = hay.find(w, i + 1)
            got = CA._all_at(hay, stems)
            assert got == want and list(got) == list(want), (hay, stems)


def test_words_in_over_64_needles_is_each_in() -> None:
    needles = (*(f"w{i}x" for i in range(150)), "ليبي", "طرابلس", "حي")
    for t in [*_texts(500), "w3x w149x w64x w0x", "طرابلس الليبية w70x"]:
        assert words_in(t, needles) == words_in_ref(t, needles) == sum(1 << i for i, w in enumerate(needles) if w in t)
