"""The scanner's specification, in plain Python: every trie key match in a text, all lengths, all starts.

`services.enrich._scan` (C, built with the package when a compiler works) is what the engine runs; this module
says what it computes, is the reference the tests hold it to (identical candidates, in the same order, on the
dev and held-out sets, their perturbed copies and fuzzed text), and is what the engine runs without the
compiled part (backend.py: not built, or RAQIB_ENRICH_PURE=1). It is about 10x slower and has no caches.

Reading a text: every token (normalize.TOKEN_RE, the original text, so offsets never move) is looked up
folded among the trie's first tokens (Arabic proclitic variants pre-expanded, matcher.Trie.add), and as
"Iraq" for "Iraq's". Each start gives the one-token candidates of its node, then a walk follows the key
down the next tokens as matcher.NEXT_RE reads them (English articles skipped, ال optional, a possessive
's cut). A Latin start with no proclitic takes a preceding English article into its span (al-Hol, Al Hol).
A non-Latin token emits the one-token candidates of all its starts before any walk.
"""

from __future__ import annotations

from services.enrich.matcher import _APOS_SET, _ART_BEFORE_RE, _HYPHEN_SET, NEXT_RE, PAYLOAD, Trie
from services.enrich.normalize import TOKEN_RE, fold
from services.enrich.resolve import ROLE_PRIORITY, Cand, Raw, capitalised

# (node, proclitic length, article added, payload groups if the node is a leaf, characters cut)
Start = tuple[dict, int, bool, tuple | None, int]


def starts(trie: Trie, raw: str) -> list[Start]:
    """The trie entries the token `raw` (as written) starts."""
    forms = [(fold(raw), 0)]
    if raw[-2:-1] in _APOS_SET and raw[-1] == "s":  # Iraq's -> Iraq
        forms.append((fold(raw[:-2]), 2))
    out: list[Start] = []
    for f, cut in forms:
        for head, plen, art in trie.first.get(f, ()):
            node = trie.root[head]
            out.append((node, plen, art, node.get(PAYLOAD) if len(node) == 1 else None, cut))
    return out


def scan(text: str, trie: Trie) -> tuple[list[Raw], list[Cand]]:
    """Entity candidates (unselected, see resolve.longest) and event/date/cue candidates."""
    ents: list[Raw] = []
    events: list[Cand] = []
    for m in TOKEN_RE.finditer(text):
        raw = m.group()
        s, e = m.span()
        found = starts(trie, raw)
        if not found:
            continue
        if raw[0] >= "\u0250":  # no English article before it: every start's one-token candidates first
            for node, plen, art, leaf, cut in found:
                pl = leaf if leaf is not None else node.get(PAYLOAD)
                if pl is not None:
                    add(text, s + plen, e - cut, pl, 1, art, ents, events)
            for node, plen, art, leaf, cut in found:
                if leaf is None:
                    walk(text, node, s + plen, e - cut, art, ents, events)
            continue
        for node, plen, art, leaf, cut in found:
            st = s + plen
            if not plen:
                st = article_before(text, s)
            pl = leaf if leaf is not None else node.get(PAYLOAD)
            if pl is not None:
                add(text, st, e - cut, pl, 1, art, ents, events)
            if leaf is None:
                walk(text, node, st, e - cut, art, ents, events)
    return ents, events


def article_before(text: str, s: int) -> int:
    """Where the span of a Latin name starting at `s` starts: at an English article before it, if any."""
    if s >= 3:
        c = text[s - 1]
        if c in _HYPHEN_SET or (c in " \u00a0" and text[s - 3 : s - 1].lower() in ("al", "el")):
            am = _ART_BEFORE_RE.search(text, max(0, s - 6), s)
            if am is not None:
                return am.start() + (0 if text[am.start()] in "AaEe" else 1)
    return s


def walk(text: str, node: dict, st: int, end: int, art: bool, ents: list[Raw], events: list[Cand]) -> None:
    """Follow `node` down the tokens after `end`, adding the candidates of every node with payloads."""
    ntok = 1
    while True:
        m = NEXT_RE.match(text, end)
        if m is None:
            return
        raw = m.group(1)
        tok_end = m.end()
        f = fold(raw)
        child = node.get(f)
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
            add(text, st, end, pl, ntok, art, ents, events)
        if len(node) <= (pl is not None):
            return


def add(
    text: str, start: int, end: int, groups: tuple, ntok: int, art: bool, ents: list[Raw], events: list[Cand]
) -> None:
    """Split one match into entity candidates and pass-through ones: event/date triggers and the cue words the
    rule modules read the text around (English names must be capitalised)."""
    latin = text[end - 1] < "\u0250"
    for role, pls in groups:
        if art and role == "head":
            continue  # السجن / المخيم: the generic noun, not the construct head of a name
        if role == "event" or role == "date" or role == "cue":
            events.append(Cand(start, end, role, pls, ntok))
            continue
        if latin:
            if (role == "place" or role == "core") and not capitalised(text[start:end]):
                continue
            if (role == "actor" or role == "place") and any(p[2] == "upper" for p in pls) \
                    and not text[start:end].isupper():
                pls = tuple(p for p in pls if p[2] != "upper")
                if not pls:
                    continue
        ents.append((start - end, -ntok, ROLE_PRIORITY[role], start, len(ents), end, role, pls, ntok))
