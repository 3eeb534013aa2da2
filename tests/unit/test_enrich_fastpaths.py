"""The facility path's literal-first shortcuts give what the plain scan gives (hypothesis, over texts built
from the pieces each shortcut reacts to): a shortcut that skipped a match, or found one the scan does not,
fails here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.enrich.bare import Spans
from services.enrich.context import (
    _CLOSERS,
    _KUNYA,
    _OUTLET_AFTER,
    _OUTLET_BEFORE,
    _PERSON_BEFORE_RE,
    _derive,
    _derived,
    in_outlet_name,
    person_before,
)
from services.enrich.enrichment import clear_caches, enrich
from services.enrich.facilities import _NUMBERED_CAMP_RE, _numbered_camp_matches
from tests.unit.enrich_support import real_gazetteer

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
    ix = Spans(spans) if len(added) % 2 else Spans(make=lambda: spans)
    for s, e in added:
        ix.add(s, e)
    ends = {e for _s, e in spans + added}
    starts = {s for s, _e in spans + added}
    assert ix.ending_before(pos, reach) == [t for t in range(max(0, pos - reach), pos + 1) if t in ends]
    assert ix.starting_after(pos, reach) == [t for t in range(pos, pos + reach + 1) if t in starts]


def _outlet_by_words(text: str, s: int, e: int) -> bool:
    """in_outlet_name as it read before its first-letter tests: the words around the place, split and looked up."""
    if s > 1 and text[s - 1] == " ":
        i = text.rfind(" ", max(0, s - 17), s - 1)
        if text[i + 1 if i != -1 else max(0, s - 17) : s - 1].lstrip("(«\"“\n\t") in _OUTLET_BEFORE:
            return True
    if text[e : e + 1] != " ":
        return False
    j = text.find(" ", e + 1, e + 18)
    w = text[e + 1 : j if j != -1 else e + 17].rstrip("،,.:;\n")
    if w in _OUTLET_AFTER:
        return True
    if w.startswith("اليوم"):
        return w[5:6] in _CLOSERS or text[e + 6 : e + 9].lstrip()[:1] in _CLOSERS
    return False


_AROUND = ["قناة", "سرايا", "(", "«", " ", "  ", "\n", "الإخبارية", "News", "24", "اليوم", ")", "»", "،", "x", "ا"]


@settings(max_examples=600, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(_AROUND), max_size=6), st.lists(st.sampled_from(_AROUND), max_size=6))
def test_outlet_name_first_letter_tests_change_nothing(before: list[str], after: list[str]) -> None:
    left, right = "".join(before), "".join(after)
    text = left + "القاهرة" + right
    s, e = len(left), len(left) + len("القاهرة")
    assert in_outlet_name(text, s, e) == _outlet_by_words(text, s, e)


_STEMS = ["و", "ف", "ب", "ل", "لل", "ال", "سجن", "معتقل", "ته", "ها", "هم", "ه", "ا", "ون", "ين", "camp", "s"]


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(_STEMS), min_size=1, max_size=5).map("".join), max_size=8))
def test_cue_forms_of_a_sentence_are_the_union_of_each_words(words: list[str]) -> None:
    assert set().union(*[_derive(w) for w in words]) == _derived(set(words))


def test_list_heads_same_answers_from_its_cache_and_after_clearing_it() -> None:
    """A list hangs from the head inside a name the trie read with it, whether list_heads reads the surface
    afresh or from its cache (`سجون عدرا` in `سجون عدرا وحماة وحارم`, "Roj camps" in "the Hol and Roj camps")."""
    gaz = real_gazetteer()
    texts = ["نقلوا إلى سجون عدرا وحماة وحارم.", "families held in the Hol and Roj camps in Syria."]
    want = []
    for text in texts:
        clear_caches(gaz)
        want.append([(f.start, f.end) for f in enrich(text, gaz).facilities])
    assert [[(f.start, f.end) for f in enrich(t, gaz).facilities] for t in texts] == want  # (cached now)
    assert len(want[0]) == 3 and len(want[1]) == 2


def _person_by_words(text: str, s: int) -> bool:
    """person_before as it read before its letter test: the window split into words, always."""
    words = text[max(0, s - 24) : s].split()
    if len(words) < 2 or words[-2].split("-")[0] not in _KUNYA:
        return False
    return _PERSON_BEFORE_RE.search(text, max(0, s - 24), s) is not None


_NAMES = ["Abu", "Umm", "bin", "Ibn", "أبو", "ابن", "بن", "Bakr", "بكر", " ", "-", "al", "x", "محمد", "  "]


@settings(max_examples=600, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(_NAMES), max_size=10))
def test_person_before_letter_test_changes_nothing(pieces: list[str]) -> None:
    text = "".join(pieces) + " البغدادي"
    s = len(text) - len("البغدادي")
    assert person_before(text, s) == _person_by_words(text, s)
