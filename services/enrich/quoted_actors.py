"""Actor names whose distinctive part is in quotation marks: `حركة "فتح"`, `جماعة «الجهاد الإسلامي»`.

Outlets quote the name after its type word ("the movement", "the organisation"); the trie reads a multi-word
name only across spaces, so `حركة "فتح"` (alias `حركة فتح`) is missed while `حركة «حماس»` is found by its
one-word alias. Here, at each opening quote right after the first word of a multi-word actor name, that word
and the quoted words are read again with the marks as spaces (one character for one: offsets stay).
"""

from __future__ import annotations

import re
from typing import Any

from services.enrich.matcher import PAYLOAD
from services.enrich.names import QUOTES
from services.enrich.normalize import fold
from services.enrich.resolve import Cand
from services.enrich.scanner import scan_select

_MARKS_RE = re.compile(f"[{re.escape(QUOTES)}/]")
_CLOSE_RE = re.compile("[\"»”“/]")
_REACH = 40  # a quoted name closes within this many characters


def quoted_actors(text: str, gaz: Any, people: list[Cand]) -> list[Cand]:
    """Actor candidates spanning a type word and the quoted name after it, where no candidate of the trie
    overlaps them already (`حركة «حماس»` is Hamas by `حماس`)."""
    firsts = _firsts(gaz)
    out: list[Cand] = []
    for q in _opening_marks(text):
        j = q
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        k = j
        while k > 0 and not text[k - 1].isspace() and text[k - 1] not in QUOTES:
            k -= 1
        if k == j or not any(h in firsts for h, _p, _a in gaz.trie.first.get(fold(text[k:j]), ())):
            continue
        close = _CLOSE_RE.search(text, q + 2, q + 2 + _REACH)
        if close is None or "\n" in text[q : close.start()]:
            continue
        window = _MARKS_RE.sub(" ", text[k : close.start()])
        accepted, _trig = scan_select(window, gaz.trie)
        for c in accepted:
            if c.role == "actor" and c.start < j - k and q - k < c.end:  # (`لحركة "فتح"`: after its proclitic)
                s, e = k + c.start, k + c.end
                if not any(p.start < e and s < p.end for p in people):
                    out.append(Cand(s, e, "actor", c.payloads, c.ntokens))
                break
    if _CLOSING_AR_RE.search(text) is not None:
        out += _across_closing(text, gaz, people)
    return out


# a closing mark glued to the word before it, a space, then an Arabic word: the name may go on past the mark
# (the lookbehind after the mark: a pattern that opens with a character class is skipped to at C speed, one that opens
# with a lookbehind is tried at every character; the same matches as "(?<=[ARABIC])[MARKS][ \u00a0]+[ARABIC]")
_CLOSING_AR_RE = re.compile("[\"»”“](?<=[\u0621-\u064a\u064b-\u0652][\"»”“])[ \u00a0]+[\u0621-\u064a]")
_WORD_AFTER_RE = re.compile("[\u0621-\u064a\u064b-\u0652\u0640]+")


def _across_closing(text: str, gaz: Any, people: list[Cand]) -> list[Cand]:
    """Actor candidates whose name the closing mark cuts: `"فلول النظام" المخلوع`, `«فلول النظام» البائد` (the alias
    `النظام المخلوع`, its last word outside the quotes; actor26b, rule 28r): the word before the mark and the word
    after it are read again with the mark as a space, and a name that spans the mark is kept."""
    out: list[Cand] = []
    for m in _CLOSING_AR_RE.finditer(text):
        q = m.start()
        k = q
        while k > 0 and not text[k - 1].isspace() and text[k - 1] not in QUOTES:
            k -= 1
        w = _WORD_AFTER_RE.match(text, m.end() - 1)
        if w is None or k == q:
            continue
        window = _MARKS_RE.sub(" ", text[k : w.end()])
        accepted, _trig = scan_select(window, gaz.trie)
        for c in accepted:
            if c.role == "actor" and c.start < q - k and q - k + 1 < c.end:
                s, e = k + c.start, k + c.end
                if not any(p.start < e and s < p.end for p in people):
                    out.append(Cand(s, e, "actor", c.payloads, c.ntokens))
                break
    return out


def _opening_marks(text: str) -> list[int]:
    """Where a mark that may open a name stands, in text order (str.find per mark: C speed, no regex pass)."""
    out: list[int] = []
    for mark in _OPENING:
        i = text.find(mark)
        while i != -1:
            out.append(i)
            i = text.find(mark, i + 1)
    return sorted(out)


_OPENING = ("\"", "«", "“", "„", "/")


def _firsts(gaz: Any) -> frozenset[str]:
    """The trie's first tokens that open a multi-word actor name (حركه, جماعه, تنظيم ...)."""
    got = _FIRSTS.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out = set()
    for head, node in gaz.trie.root.items():
        if head != PAYLOAD and _has_actor_below(node):
            out.add(head)
    _FIRSTS.clear()  # one gazetteer at a time in practice; holding it keeps its id from being reused
    _FIRSTS[id(gaz)] = (gaz, frozenset(out))
    return _FIRSTS[id(gaz)][1]


def _has_actor_below(node: dict) -> bool:
    stack = [v for k, v in node.items() if k != PAYLOAD]
    while stack:
        n = stack.pop()
        for k, v in n.items():
            if k == PAYLOAD:
                if any(role == "actor" for role, _pls in v):
                    return True
            else:
                stack.append(v)
    return False


_FIRSTS: dict[int, tuple[Any, frozenset[str]]] = {}
