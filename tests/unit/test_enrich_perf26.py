"""perf26: two whole-text regex searches found by str.find instead, each the same answer as the search it replaces
(held here against it on random and adversarial texts, both sides of each precondition): openworld._camp_word_starts
(_CAMP_WORD_RE.finditer's starts, tried only before each "camp" of the lower-cased text; the whole-text search when
lower-casing changes the length) and facilities._base_core_starts (_BASE_CORE_RE.finditer's starts)."""

from __future__ import annotations

import random
import re

from services.enrich.facilities import _BASE_CORE_RE, _base_core_starts, _base_head_words
from services.enrich.openworld import _CAMP_WORD_RE, _camp_word_starts, _leisure_before, _leisure_text

_CAMP_PIECES = ["camp", "camps", "Camp", "CAMP", "cAmPs", "campsite", "camp_", "camp1", "campſ", "CAMPſ", "ſ",
                "camp\u0301", "kamp", "\u212a", "\u0130", "\u0131", "İstanbul", " ", "  ", "\u00a0", "\t", "\n", "x",
                "s", "S", "-", "'", "summer", "Summer ", "youth", "day", "football", "refugee", "displaced", "مخيم",
                "é", ".", "1"]
_BASE_PIECES = ["معسكر", "قاعدة", "قاعده", "معسكرمعسكر", "قاعدةقاعدة", "قاعد", "معسك", "عسكر", "ة", "ه", "ق", "م",
                "ال", "و", "ب", " ", "\n", "x", "غوانتانانمو", "المعسكر", "بقاعدة", "قاعدهقاعدة"]


def _texts(pieces: list[str], seed: int, n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["", "a", *pieces] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 18))) for _ in range(n)]


def _leisure_text_ref(text: str) -> bool:
    """main's _leisure_text (before perf26)."""
    if "camp" not in text.lower():
        return False
    leisure = any(_leisure_before(text, m.start()) for m in _CAMP_WORD_RE.finditer(text))
    return leisure and _leisure_text.__globals__["_SITE_WORDS_EN_RE"].search(text) is None


def test_camp_word_starts_equal_finditer() -> None:
    same_len = other_len = 0
    for text in _texts(_CAMP_PIECES, 26):
        low = text.lower()
        want = [m.start() for m in _CAMP_WORD_RE.finditer(text)]
        assert _camp_word_starts(text, low) == want, text
        assert _leisure_text(text) == _leisure_text_ref(text), text
        if len(low) == len(text):
            same_len += 1
        else:
            other_len += 1
    assert same_len > 1000 and other_len > 100  # (both sides of the length precondition were exercised)


def test_camp_word_starts_real_forms() -> None:
    for text in ["Children at the summer camp in Baqubah played football.", "the Baqubah  camp", "a camp",
                 "camp", " camp", "Camps\u00a0 CAMPS camps.", "the scouts' camp, and the day camp", "İ camp",
                 "at the campsite near the camp_ ground", "the youth \u00a0camp\n"]:
        assert _camp_word_starts(text, text.lower()) == [m.start() for m in _CAMP_WORD_RE.finditer(text)], text
        assert _leisure_text(text) == _leisure_text_ref(text), text


def test_case_blind_camp_letters_are_their_capitals_only() -> None:
    # the precondition _camp_word_starts rests on: only C, A, M, P (and the letters) read as c, a, m, p case-blind,
    # and each of those lower-cases to one character, the letter
    for letter in "camp":
        pat = re.compile(letter, re.IGNORECASE)
        hits = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and pat.fullmatch(chr(c))]
        assert sorted(hits) == sorted({letter, letter.upper()}), (letter, hits)
        assert all(h.lower() == letter for h in hits)


def test_base_core_starts_equal_finditer() -> None:
    hits = 0
    for text in _texts(_BASE_PIECES, 2026):
        want = [m.start() for m in _BASE_CORE_RE.finditer(text)]
        assert _base_core_starts(text) == want, text
        hits += bool(want)
    assert hits > 1000


def test_base_head_words_unchanged() -> None:
    def ref(text: str) -> list[tuple[int, int]]:
        last, out = 0, []
        pattern = _base_head_words.__globals__["_BASE_HEAD_WORD_RE"]
        for core in _BASE_CORE_RE.finditer(text):
            k = core.start()
            for p in range(max(last, k - 3), k + 1):
                m = pattern.match(text, p)
                if m is not None:
                    out.append(m.span())
                    last = m.end()
                    break
        return out

    for text in [*_texts(_BASE_PIECES, 7, 1500), "نقل إلى معسكر غوانتانانمو", "في قاعدة عين الأسد وبقاعده التنف"]:
        assert [m.span() for m in _base_head_words(text)] == ref(text), text
