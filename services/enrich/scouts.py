"""Exact regex matches at a fraction of the cost, for patterns that open with a lookbehind or a case-blind word.

Speed (issue 7: a dense 3 KB article in well under a millisecond): a pattern opening with a lookbehind ("a
word starts here") or an IGNORECASE word makes `re` try the whole pattern at every character of the text.
Such a pattern is paired with scouts — patterns opening with a literal or a character class, which `re` skips
to at C speed — that find every position where the pattern can match; the pattern itself, tried at those
positions only, decides as before (`match_starts`): the same matches as `finditer`.
"""

from __future__ import annotations

import re

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
