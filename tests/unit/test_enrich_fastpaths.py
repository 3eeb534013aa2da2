"""The facility path's literal-first shortcuts give what the plain scan gives (hypothesis, over texts built
from the pieces each shortcut reacts to): a shortcut that skipped a match, or found one the scan does not,
fails here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.enrich.attach import _all_at, _one_within
from services.enrich.bare import Spans
from services.enrich.facilities import _NUMBERED_CAMP_RE, _numbered_camp_matches

_PIECES = ["معسكر", "و", "ب", "ال", "ا", " ", "  ", "\n", "7", "12", "٧", "١٢", "345", "x", "معسكرمعسكر", "ـ"]


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_numbered_camps_found_as_finditer_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    want = [(m.start(), m.end(), m.group(1)) for m in _NUMBERED_CAMP_RE.finditer(text)]
    assert [(m.start(), m.end(), m.group(1)) for m in _numbered_camp_matches(text)] == want


def test_numbered_camp_after_its_prefixes() -> None:
    text = "نقل إلى المعسكر 7 ثم بمعسكر 5 ومعسكر"
    got = [(text[m.start() : m.end()], m.group(1)) for m in _numbered_camp_matches(text)]
    assert got == [("المعسكر 7", "7"), ("بمعسكر 5", "5")]


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4),
       st.integers(0, 70), st.integers(0, 40))
def test_spans_within_reach_as_a_scan_of_the_reach(spans: list[tuple[int, int]], added: list[tuple[int, int]],
                                                   pos: int, reach: int) -> None:
    ix = Spans(spans)
    for s, e in added:
        ix.add(s, e)
    ends = {e for _s, e in spans + added}
    starts = {s for s, _e in spans + added}
    assert ix.ending_before(pos, reach) == [t for t in range(max(0, pos - reach), pos + 1) if t in ends]
    assert ix.starting_after(pos, reach) == [t for t in range(pos, pos + reach + 1) if t in starts]


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(["مركزي", "مركز", "ي", "entral", "central", "entr", " ", "x"]), max_size=14),
       st.integers(0, 80), st.integers(0, 80))
def test_word_in_window_by_positions_as_in_on_the_slice(pieces: list[str], lo: int, hi: int) -> None:
    text = "".join(pieces)
    for word in ("مركزي", "entral"):
        assert _one_within(_all_at(text, word), lo, hi - len(word)) == (word in text[lo:hi])
