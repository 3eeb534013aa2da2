"""The facility stage's window shortcuts (perf round 12) give what the plain regex gives: the scouted searches of
bare.py, the capitalised word before a head (openworld.cap_before) and the sentence ends facility_context cuts at
(context.sentence_end_before/after). Each is compared with the regex it replaces, on texts built from the pieces
it reacts to (hypothesis) and on every window of the dev set's passages."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.enrich import bare
from services.enrich.context import _END_RE, sentence_end_after, sentence_end_before
from services.enrich.openworld import _CAP_BEFORE_RE, cap_before

_SCOUTED = [(bare._HEAD_STAFF_AT_RE, bare._HEAD_STAFF_SCOUT, 50), (bare._SECTION_IN_RE, bare._SECTION_IN_SCOUT, 40),
            (bare._HEAD_IN_RE, bare._HEAD_IN_SCOUT, 24), (bare._ORIGIN_RE, bare._ORIGIN_SCOUT, 30)]

# the words the patterns open with, in cases re's IGNORECASE pairs (ı/İ with i, ſ with s, the Kelvin sign with k)
_PIECES = ["camp", "CAMP", "Prison", "prıson", "PRİSON", "jaıl", "facility", "facilities", "guards", "director",
           "at", "in", "of", "nearby", "women's", "juvenile", "youth", "wing", "displaced", "hail", "from",
           "سجن", "سجون", "مخيم", "معتقل", "مبنى", "جناح", "قسم", "النساء", "الأحداث", "في", "ب", "قرب", "نزحت",
           "نازحين", "هجّر", "من", "آخر", "another", " ", "  ", "\n", ".", "ـ", "ً", "al-", "Al ", "Roj", "'s", "’",
           "U.S.", "Mr.", "..", "x", "A", "9"]

_DEV = Path(__file__).resolve().parents[1] / "data" / "devset.jsonl"


def _dev_texts() -> list[str]:
    return [json.loads(line)["text"] for line in _DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.groups()) == (b.span(), b.groups())  # type: ignore[attr-defined]


def _check_window(text: str, hi: int) -> None:
    for pattern, scout, reach in _SCOUTED:
        lo = max(0, hi - reach)
        assert _same(bare.search_scouted(pattern, scout, text, lo, hi), pattern.search(text, lo, hi)), \
            (pattern.pattern[:30], text[lo:hi])
    for reach in (40, 60):
        lo = max(0, hi - reach)
        assert _same(cap_before(text, lo, hi), _CAP_BEFORE_RE.search(text, lo, hi)), text[lo:hi]
    lo, top = max(0, hi - 90), min(len(text), hi + 90)
    ends = [m.end() for m in _END_RE.finditer(text, lo, hi)]
    assert sentence_end_before(text, lo, hi) == (ends[-1] if ends else lo)
    right = _END_RE.search(text, hi, top)
    assert sentence_end_after(text, hi, top) == (right.start() if right else top)


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_window_shortcuts_match_the_regexes(pieces: list[str]) -> None:
    text = "".join(pieces)
    for hi in range(len(text) + 1):
        _check_window(text, hi)


@pytest.mark.parametrize("part", range(4))
def test_window_shortcuts_on_the_dev_set(part: int) -> None:
    texts = _dev_texts()[part::4]
    assert texts
    for text in texts:
        for hi in range(0, len(text) + 1, 2):
            _check_window(text, hi)


# short strings over a few characters and words reach the corners (a line break ending the window, a no-break space,
# a word run into the window's start) that real text seldom shows
_SMALL = ["A", "b", "Al-", "al ", "x", "Z9", " ", "  ", "\u00a0", "\n", "'", "-", "(", ",", "é", "ب", "\t", "1", "’s",
          ".", "..", "U.S", "camp ", "Prison ", "JAİL ", "guards at ", "in ", "سجن ", "النساء في ", "نزحت من ",
          "prıson ",
          "hails from ", "displaced from ", "uprooted from ", "juvenile prison in ", "youth wing at ", "officials at ",
          "Facilities in ", "مبنى الأحداث في ", "هُجّر من ", "مخيم آخر في ", "المهجرين من "]


def test_window_shortcuts_on_short_random_strings() -> None:
    rnd = random.Random(12)
    for _ in range(4000):
        text = "".join(rnd.choice(_SMALL) for _ in range(rnd.randint(0, 10)))
        for hi in range(len(text) + 1):
            _check_window(text, hi)


@pytest.mark.parametrize("text", ["Roj \n", "Roj\u00a0 \n", "x Roj  \n", "Roj \n\n", "Roj.\n", "U.S. \n"])
def test_window_shortcuts_at_a_line_break(text: str) -> None:
    for hi in range(len(text) + 1):
        _check_window(text, hi)


def test_scouted_search_finds_what_the_rules_read() -> None:
    text = "the camp director at nearby Roj; families displaced from Hol; سجن النساء في رومية"
    hi = text.index("Roj")
    got = bare.search_scouted(bare._HEAD_STAFF_AT_RE, bare._HEAD_STAFF_SCOUT, text, max(0, hi - 50), hi)
    assert got is not None and got.group(1) == "camp"
    hi = text.index("Hol")
    assert bare.search_scouted(bare._ORIGIN_RE, bare._ORIGIN_SCOUT, text, max(0, hi - 30), hi) is not None
    hi = text.index("رومية")
    assert bare.search_scouted(bare._SECTION_IN_RE, bare._SECTION_IN_SCOUT, text, max(0, hi - 40), hi) is not None
    assert bare.search_scouted(bare._HEAD_IN_RE, bare._HEAD_IN_SCOUT, text, max(0, hi - 24), hi) is None


def test_cue_word_windows_as_str_find_answers() -> None:
    from services.enrich.attach import _occurrences, _within

    rnd = random.Random(4)
    for _ in range(1500):
        text = "".join(rnd.choice(["مركزي", "مركز", "ي", "entral", "central", "ent", "x", " "])
                       for _ in range(rnd.randint(0, 10)))
        for word in ("مركزي", "entral"):
            starts = _occurrences(text, word)
            for hi in range(len(text) + 1):
                for lo in range(max(0, hi - 45), hi + 1):
                    assert _within(starts, len(word), lo, hi) == (text.find(word, lo, hi) != -1)


def test_names_given_as_the_word_list_answers() -> None:
    from services.enrich.facilities import _CALLED_WORDS, _CALLED_WORDS_AR, _names_given
    from services.enrich.normalize import has_latin

    words = [*_CALLED_WORDS, "سمى", "لقب", "مسمى", "known", "as", "x", " ", "ي", "ت", "ال", "Named", "KNOWN AS"]
    rnd = random.Random(9)
    texts = _dev_texts() + ["".join(rnd.choice(words) for _ in range(rnd.randint(0, 6))) for _ in range(5000)]
    for text in texts:
        want = any(w in text for w in (_CALLED_WORDS if has_latin(text) else _CALLED_WORDS_AR))
        assert _names_given(text) == want, text
