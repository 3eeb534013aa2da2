"""Longest match of gazetteer keys over the tokens of the original text.

Keys are sequences of folded tokens stored in a token trie (nested dicts). A text is scanned once with
one C-level `findall`; the set of its distinct tokens is intersected with the set of first tokens the
gazetteer knows (with Arabic proclitic variants pre-expanded, so والهول / بمخيم / للسجن hit directly);
only those tokens are located (`str.find`) and walked down the trie. No regex alternation over names.

English articles (al-, el-, Al , ad-, as-, ash- …) are not part of keys: they are skipped between
tokens and added back to the surface span, so al-Hol / Al Hol / Hol / el-Hol are one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from services.enrich.normalize import _A, _HYPHENS, _W, TOKEN_RE, fold, is_arabic_token, proclitic_variants

_H = "\\-" + _HYPHENS
_QUOTES = _A + "\u02bf\u02be"
# Qa' camp: a trailing ayn mark ends the token; U.S. forces: dots join acronym letters.
_SEP = f"[{_QUOTES}]?[ \u00a0{_H}.]+"
_TOK = f"[{_W}]+(?:[{_A}][{_W}]+)*"
# An English article: al/el as a word (Al Hol, al-Hol), the assimilated ones only with a hyphen (ash-).
_ART = f"(?:(?i:al|el)[ \u00a0{_H}]+|(?i:ad|an|ar|as|ash|at|az|adh|ath|ed|en|es|ez|ul|ag|ed|et)[{_H}])"
NEXT_RE = re.compile(f"{_SEP}{_ART}?[{_QUOTES}]?({_TOK})")
_LEAD_ART_RE = re.compile(f"^{_ART}")
_ART_BEFORE_RE = re.compile(f"(?:^|[^{_W}{_A}]){_ART}$")

_APOS_SET = frozenset(_A)
PAYLOAD = "\0"  # trie key under which a node's payloads live (never a token)

Payload = tuple[str, str, str]  # (role, id, extra)


@dataclass(slots=True)
class Trie:
    root: dict = field(default_factory=dict)
    # folded surface first token -> [(trie first token, proclitic length, article added)]
    first: dict[str, list[tuple[str, int, bool]]] = field(default_factory=dict)
    # raw token as written -> the starts it gives (see _starts); filled lazily while scanning
    raw: dict[str, tuple] = field(default_factory=dict)

    def add(self, tokens: list[str], payload: Payload) -> None:
        self.raw.clear()
        node = self.root
        for t in tokens:
            node = node.setdefault(t, {})
        lst = node.setdefault(PAYLOAD, [])
        if isinstance(lst, tuple):
            raise RuntimeError("trie already finalized")
        if payload not in lst:
            lst.append(payload)
        head = tokens[0]
        self._first(head, head, 0, False)
        if is_arabic_token(head):
            for variant, plen, art in proclitic_variants(head):
                self._first(variant, head, plen, art)

    def finalize(self) -> None:
        """Group each node's payloads by role once, so matching never regroups them."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            for k, v in node.items():
                if k == PAYLOAD:
                    groups: dict[str, list[Payload]] = {}
                    for p in v:
                        groups.setdefault(p[0], []).append(p)
                    node[k] = tuple((r, tuple(pl)) for r, pl in groups.items())
                else:
                    stack.append(v)

    def _first(self, surface: str, head: str, plen: int, art: bool) -> None:
        lst = self.first.setdefault(surface, [])
        if (head, plen, art) not in lst:
            lst.append((head, plen, art))


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


# A raw match: (start, end, ((role, payloads), ...), ntokens, article added to the first token).
Match = tuple[int, int, tuple[tuple[str, tuple[Payload, ...]], ...], int, bool]


# Per raw token (as written): the trie entries it starts, resolved once — (node, proclitic length, article
# added, payloads if the node is a leaf, characters to cut for a possessive 's). Bounded like the fold cache.
_Start = tuple[dict, int, bool, Any, int]
_RAW_MAX = 200_000


def _starts(trie: Trie, raw: str) -> tuple[_Start, ...]:
    out: list[_Start] = []
    forms = [(fold(raw), 0)]
    if raw[-2:-1] in _APOS_SET and raw[-1] == "s":  # Iraq's -> Iraq
        forms.append((fold(raw[:-2]), 2))
    for f, cut in forms:
        for head, plen, art in trie.first.get(f, ()):
            node = trie.root[head]
            pl = node.get(PAYLOAD)
            out.append((node, plen, art, pl if len(node) == 1 else None, cut))
    return tuple(out)


def scan(text: str, trie: Trie) -> list[Match]:
    """Every trie match in `text` that ends on a token with payloads (all lengths, all starts).

    One pass over the tokens; a token costs one dict lookup unless it starts a key.
    """
    raw_cache = trie.raw
    if len(raw_cache) > _RAW_MAX:
        raw_cache.clear()
    out: list[Match] = []
    for m in TOKEN_RE.finditer(text):
        raw = m.group()
        starts = raw_cache.get(raw)
        if starts is None:
            starts = raw_cache[raw] = _starts(trie, raw)
        if not starts:
            continue
        s, e = m.span()
        for node, plen, art, leaf, cut in starts:
            if leaf is not None and (plen or s < 3 or text[s] >= "\u0250" or not _maybe_article(text, s)):
                out.append((s + plen, e - cut, leaf, 1, art))  # a leaf, no article before it
            else:
                _walk(text, node, s, e - cut, plen, art, out)
    return out


_NON_ALNUM_WORD = frozenset("_'\u2019\u2018\u02bc`\u00b4\u2032\u02bb\u200c\u200d\u00ad")


def _is_word(c: str) -> bool:
    return c.isalnum() or c in _NON_ALNUM_WORD or "\u064b" <= c <= "\u065f" or "\u0300" <= c <= "\u036f"


_HYPHEN_SET = frozenset("-" + _HYPHENS)


def _maybe_article(text: str, s: int) -> bool:
    """Cheap pre-check before the article regex: 'al ' / 'el ' or any hyphen right before the name."""
    c = text[s - 1]
    return c in _HYPHEN_SET or (c in " \u00a0" and text[s - 3 : s - 1].lower() in ("al", "el"))


def _walk(text: str, node: dict, start: int, end: int, plen: int, art: bool, out: list[Match]) -> None:
    s = start + plen
    if plen == 0 and s >= 2 and text[s] < "\u0250" and _maybe_article(text, s):
        am = _ART_BEFORE_RE.search(text, max(0, s - 6), s)
        if am is not None:
            s = am.start() + (0 if text[am.start()] in "AaEe" else 1)
    ntok = 1
    pl = node.get(PAYLOAD)
    if pl is not None:
        out.append((s, end, pl, ntok, art))
    while len(node) > (pl is not None):  # leaf nodes (most) need no look-ahead
        m = NEXT_RE.match(text, end)
        if m is None:
            return
        raw = m.group(1)
        f = fold(raw)
        child = node.get(f)
        tok_end = m.end()
        if child is None:
            if f[:2] == "ال":  # key without ال: the text may add it
                child = node.get(f[2:])
            elif raw[-2:-1] in _APOS_SET and raw[-1] == "s":  # Kurdistan Region's
                child = node.get(fold(raw[:-2]))
                tok_end -= 2
            if child is None:
                return
        node = child
        end = tok_end
        ntok += 1
        pl = node.get(PAYLOAD)
        if pl is not None:
            out.append((s, end, pl, ntok, art))
