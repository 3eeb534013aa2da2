"""Gazetteer keys as a token trie, and how a text's tokens are read (scanning is in scanner.py).

Keys are sequences of folded tokens stored in a token trie (nested dicts). The first tokens the gazetteer
knows are indexed with Arabic proclitic variants pre-expanded, so والهول / بمخيم / للسجن hit directly; a
raw token's starts are resolved when the scanner is compiled (scanner.py). No regex alternation over names.

English articles (al-, el-, Al , ad-, as-, ash- …) are not part of keys: they are skipped between
tokens and added back to the surface span, so al-Hol / Al Hol / Hol / el-Hol are one key.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

from services.enrich.normalize import _A, _HYPHENS, _JOIN, _W, TOKEN_RE, fold, is_arabic_token, proclitic_variants

_H = "\\-" + _HYPHENS
_QUOTES = _A + "\u02bf\u02be"
# Qa' camp: a trailing ayn mark ends the token; U.S. forces: dots join acronym letters.
_SEP = f"[{_QUOTES}]?[ \u00a0{_H}.]+"
_TOK = f"[{_W}]+(?:{_JOIN}[{_W}]+)*"  # (normalize.TOKEN_RE: no apostrophe between two Arabic letters)
# An English article: al/el as a word (Al Hol, al-Hol), the assimilated ones only with a hyphen (ash-).
_ART_SPACED = "(?i:al|el)"
_ART_HYPHENED = "(?i:ad|an|ar|as|ash|at|az|adh|ath|ed|en|es|ez|ul|ag|ed|et)"
_ART = f"(?:{_ART_SPACED}[ \u00a0{_H}]+|{_ART_HYPHENED}[{_H}])"
NEXT_RE = re.compile(f"{_SEP}{_ART}?[{_QUOTES}]?({_TOK})")
_LEAD_ART_RE = re.compile(f"^{_ART}")
_ART_BEFORE_RE = re.compile(f"(?:^|[^{_W}{_A}]){_ART}$")

_APOS_SET = frozenset(_A)
PAYLOAD = "\0"  # trie key under which a node's payloads live (never a token)

Payload = tuple[str, str, str]  # (role, id, extra)


@dataclass(slots=True)
class Trie:
    root: dict = field(default_factory=dict)
    # folded surface first token -> ((trie first token, proclitic length, article added), ...)
    first: dict[str, tuple[tuple[str, int, bool], ...]] = field(default_factory=dict)
    # the compiled scanner (scanner.compile_trie), built once the trie is finalized; add() drops it
    compiled: Any = None
    # Equal immutable parts are stored once (the trie lives as long as the process): a payload, a first-token
    # entry and a first-token tuple are kept here while the trie is built, finalize() adds the payload groups
    # and the leaves ({PAYLOAD: groups} nodes, one per distinct groups), then drops the table.
    shared: dict = field(default_factory=dict)

    def add(self, tokens: list[str], payload: Payload) -> None:
        self.compiled = None
        shared = self.shared
        node = self.root
        for t in tokens:
            node = node.setdefault(t, {})
        lst = node.setdefault(PAYLOAD, [])
        if isinstance(lst, tuple):
            raise RuntimeError("trie already finalized")
        if payload not in lst:
            lst.append(shared.setdefault(payload, payload))
        head = tokens[0]
        self._first(head, head, 0, False)
        if is_arabic_token(head):
            for variant, plen, art in proclitic_variants(head):
                self._first(variant, head, plen, art)

    def finalize(self) -> None:
        """Group each node's payloads by role once, so matching never regroups them. A leaf (its payloads only)
        is one dict for all the leaves of equal payloads: nothing changes a finalized trie."""
        shared = self.shared
        leaves: dict[tuple, dict] = {}
        stack = [self.root]
        while stack:
            node = stack.pop()
            for k, v in node.items():
                if k == PAYLOAD:
                    node[k] = self._groups(v)
                elif len(v) == 1 and PAYLOAD in v:
                    groups = self._groups(v[PAYLOAD])
                    leaf = leaves.get(groups)
                    if leaf is None:
                        v[PAYLOAD] = groups
                        leaf = leaves[groups] = v
                    node[k] = leaf  # (a value replaced, no key added: the iteration goes on)
                else:
                    stack.append(v)
        shared.clear()

    def _groups(self, pls: list[Payload]) -> tuple:
        groups: dict[str, list[Payload]] = {}
        for p in pls:
            groups.setdefault(p[0], []).append(p)
        # roles interned: the compiled scanner tells them apart by identity
        g = tuple((sys.intern(r), tuple(pl)) for r, pl in groups.items())
        return self.shared.setdefault(g, g)

    def _first(self, surface: str, head: str, plen: int, art: bool) -> None:
        e = (head, plen, art)
        got = self.first.get(surface, ())
        if e not in got:
            shared = self.shared
            new = (*got, shared.setdefault(e, e))
            self.first[surface] = shared.setdefault(new, new)


def key_tokens(alias: str) -> list[str]:
    """The folded token sequence of an alias, read exactly as the scanner reads text."""
    s = alias.strip().lstrip(_QUOTES)  # 'Adra: a leading ayn mark is not part of the token
    m = _LEAD_ART_RE.match(s)
    pos = m.end() if m else 0
    while pos < len(s) and s[pos] in _QUOTES:
        pos += 1
    first = TOKEN_RE.match(s, pos)
    if first is None:
        return []
    toks = [fold(first.group())]
    pos = first.end()
    while pos < len(s):
        nm = NEXT_RE.match(s, pos)
        if nm is None:
            break
        toks.append(fold(nm.group(1)))
        pos = nm.end()
    if TOKEN_RE.search(s, pos):  # an alias the scanner could not read to its end would never match
        return []
    return [t for t in toks if t]


_HYPHEN_SET = frozenset("-" + _HYPHENS)
