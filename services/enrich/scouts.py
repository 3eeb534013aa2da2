"""Exact regex matches at a fraction of the cost, for patterns that open with a lookbehind or a case-blind word.

Speed (issue 7: a dense 3 KB article in well under a millisecond): a pattern opening with a lookbehind ("a
word starts here") or an IGNORECASE word makes `re` try the whole pattern at every character of the text.
Such a pattern is paired with scouts — patterns opening with a literal or a character class, which `re` skips
to at C speed — that find every position where the pattern can match; the pattern itself, tried at those
positions only, decides as before (`match_starts`): the same matches as `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from services.enrich import backend

Scout = tuple[re.Pattern[str], int]  # a pattern and the offset from its match's start to the spot it finds


def match_starts(pattern: re.Pattern[str], scouts: tuple[Scout, ...], text: str) -> list[re.Match[str]]:
    """list(pattern.finditer(text)), the pattern tried only where a scout found it may match. Exact when the
    scouts' spots include every position where pattern.match succeeds (scout_after, scout_literals): finditer
    takes the first such position at or after the previous match's end, and so does this loop."""
    cands = sorted({0, *(m.start() + off for s, off in scouts for m in s.finditer(text))})  # 0: no scout sees it
    out: list[re.Match[str]] = []
    pos = 0
    for p in cands:
        if p < pos:
            continue  # inside the previous match, where finditer does not look
        m = pattern.match(text, p)  # a lookbehind still sees the text before p
        if m is not None:
            out.append(m)
            pos = max(m.end(), p + 1)
    return out


def needle_starts_ref(text: str, needles: tuple[str, ...]) -> list[int]:
    """The distinct positions where some needle occurs in text, ascending (at most 64 needles, none empty): the
    Python twin of the compiled needle_starts (native/fac.c), which reads the text once for them all."""
    if len(needles) > 64 or not all(needles):
        raise ValueError("needle_starts: at most 64 needles, none empty")
    out: set[int] = set()
    for w in needles:
        i = text.find(w)
        while i != -1:
            out.add(i)
            i = text.find(w, i + 1)
    return sorted(out)


def needle_starts(text: str, needles: tuple[str, ...]) -> list[int]:
    """needle_starts_ref's answer; compiled, one pass over the text (a regex scout of literals opening with
    different letters tests each character against them: ~15 ns a character)."""
    native = backend.PATH.native
    return native.needle_starts(text, needles) if native is not None else needle_starts_ref(text, needles)


def words_in_ref(text: str, needles: tuple[str, ...]) -> int:
    """Bit i set when needles[i] is in text (`needles[i] in text` for each): the Python twin of words_in."""
    m = 0
    for i, w in enumerate(needles):
        if w in text:
            m |= 1 << i
    return m


def words_in(text: str, needles: tuple[str, ...]) -> int:
    """words_in_ref's answer; compiled, one pass over the text for them all (native/fac.c's lits, as
    facilities.lits: a pass for each 64 needles)."""
    native = backend.PATH.native
    if native is None:
        return words_in_ref(text, needles)
    if len(needles) <= 64:
        return int(native.lits(text, needles))
    m = 0
    for i in range(0, len(needles), 64):
        m |= int(native.lits(text, needles[i : i + 64])) << i
    return m


# The words the stages ask the whole text for (`w in text`, each of three code points or more, so that the compiled
# pass finds it itself), answered together: one compiled pass a text (words_in), kept for the text last asked about.
# A bit each (TEXT_GATE); `text_gates(text) & TEXT_GATE[w]` is `w in text`. At most 64 (one table, built once).
TEXT_GATES = (
    # places.listed_quarters, open_place_mentions
    "حيي", "حياء", "neighbourhoods", "neighborhoods", "districts", "quarters", ", a ", ", an ",
    # actors.state_mentions, name_collisions
    "هجم", "هجو", "تفجير", "اعتداء", "حكومت", "eterrence", "ETERRENCE", "eporters",
    # facilities.find_facilities
    "السياحي", "Center ", "Centre ", " such as ", " including ", " like ", "فرع", "ranch", "مخيم", "المخيمات",
    "السجون", "المعتقلات", "السجن المركزي ب", "السجن المركزي في ", "سجن مركزي", "قاعدة", "قاعده", "irport",
    "IRPORT", "annex", "Annex",
)
TEXT_GATE = {w: 1 << i for i, w in enumerate(TEXT_GATES)}


def cached_words_in(needles: tuple[str, ...]) -> Callable[[str], int]:
    """words_in for these needles, the answer for the text last asked about kept (the text itself kept with it, so
    the identity test cannot mistake another text for it): one pass a text however many stages ask."""
    last: tuple[str, int] = ("", 0)

    def ask(text: str) -> int:
        nonlocal last
        if last[0] is text:
            return last[1]
        got = words_in(text, needles)
        last = (text, got)
        return got

    return ask


# Bit i set when TEXT_GATES[i] is in the text (words_in), the answer for the text last asked about kept.
text_gates = cached_words_in(TEXT_GATES)


def scout_after(boundary_class: str, body: str) -> list[Scout]:
    """The scout of `(?<![boundary_class])(?:body)` past the text's start (match_starts tries 0 anyway): the
    body after a character outside the class, that character consumed (a pattern opening with a lookaround
    makes re try every position)."""
    return [(re.compile(rf"[^{boundary_class}](?=(?:{body}))"), 1)]


def scout_literals(words: list[str]) -> Scout:
    """The scout of an alternation of raw-text words (as raw_ar writes them): a branch per first character,
    each opening with that literal, which re skips to at C speed."""
    branches = []
    for w in words:
        first, rest = (w[1 : w.index("]")], w[w.index("]") + 1 :]) if w.startswith("[") else (w[0], w[1:])
        assert "\\" not in first, w  # raw_ar escapes no Arabic letter
        branches += [f"{re.escape(ch)}(?={rest})" for ch in first]
    return re.compile("|".join(branches) or "(?!)"), 0


def scout_caseless(words: list[str]) -> Scout:
    """The scout of a case-insensitive alternation of words: a branch per character the first letter matches
    in any case (re's IGNORECASE also pairs i/İ/ı, s/ſ, k/K), each opening with that literal."""
    branches = []
    for w in words:
        rest = re.escape(w[1:]).replace(r"\ ", r"\s+")
        same = re.compile(f"(?i:{re.escape(w[0])})")
        for ch in sorted({w[0], w[0].lower(), w[0].upper(), "İ", "ı", "ſ", "\u212a"}):
            if same.fullmatch(ch):
                branches.append(f"{re.escape(ch)}(?=(?i:{rest}))")
    return re.compile("|".join(branches) or "(?!)"), 0


# The trie's cue candidates (role "cue", compile.py) as scouts: the scanner already reads every token and looks
# it up folded, so the words a pattern needs come with the scan; the pattern is tried at those words only.
# Exact wherever the trie has the word as the text writes it (every form the pattern reads is a cue key).

_AR_LO, _AR_HI = "\u0621", "\u064a"  # the letters of the patterns' lookbehinds ([ء-ي])


def cue_spans(cues: list[Any], kind: str) -> list[tuple[int, int]]:
    """(start, end) of the cue candidates of one kind (their payloads are ("cue", kind, ""))."""
    out = []
    for c in cues:
        for p in c.payloads:  # mostly one
            if p[1] == kind:
                out.append((c.start, c.end))
                break
    return out


def arabic_cue_starts(text: str, spans: list[tuple[int, int]], firsts: frozenset[str] = frozenset()) -> list[int]:
    """arabic_cue_starts_ref, in one compiled pass when the engine runs the compiled path (spans within the text)."""
    native = _PATH.native
    if native is not None:
        chars = _FIRSTS.get(firsts)
        if chars is None:
            chars = _FIRSTS[firsts] = "".join(sorted(c for c in firsts if len(c) == 1))  # (a few sets, compiled)
        return native.cue_starts(text, spans, chars)
    return arabic_cue_starts_ref(text, spans, firsts)


_PATH = backend.PATH
_FIRSTS: dict[frozenset[str], str] = {}  # firsts -> its one-character members as one str (for cue_starts)


def arabic_cue_starts_ref(text: str, spans: list[tuple[int, int]], firsts: frozenset[str] = frozenset()) -> list[int]:
    """Where a pattern over an Arabic cue word can start, in the word a candidate ends: where a letter follows a
    character outside [ء-ي] (a lookbehind-first pattern's start, whatever proclitic or mark the word opens
    with), and at the characters in `firsts` (a pattern's branches with no lookbehind open with them). The
    specification of arabic_cue_starts (compiled: _scan.cue_starts)."""
    out: list[int] = []
    for s, e in spans:
        lo = s
        while lo > 0 and s - lo < 16 and not text[lo - 1].isspace():
            lo -= 1  # the token's start: the candidate leaves out its proclitics
        prev = text[lo - 1] if lo > 0 else " "
        for p in range(lo, e):
            ch = text[p]
            if (_AR_LO <= ch <= _AR_HI and not _AR_LO <= prev <= _AR_HI) or ch in firsts:
                out.append(p)
            prev = ch
    return out


def word_cue_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """word_cue_starts_ref, in one compiled pass when the engine runs the compiled path (ends within the text)."""
    native = _PATH.native
    if native is not None:
        return native.word_starts(text, spans)
    return word_cue_starts_ref(text, spans)


def word_cue_starts_ref(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The starts of the words (\\w runs) that end where a Latin cue candidate ends (its span may include an
    article before, "al-"; a possessive 's is cut from its end). The specification of word_cue_starts
    (compiled: _scan.word_starts)."""
    out = []
    for _s, e in spans:
        p = e
        while p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_"):
            p -= 1
        out.append(p)
    return out


def match_at(pattern: re.Pattern[str], starts: list[int], text: str) -> list[re.Match[str]]:
    """list(pattern.finditer(text)) when `starts` holds every position where pattern.match succeeds (as
    match_starts, the positions given)."""
    out: list[re.Match[str]] = []
    pos = 0
    for p in sorted({0, *starts}):
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:
            out.append(m)
            pos = max(m.end(), p + 1)
    return out
