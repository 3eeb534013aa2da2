"""Scan a text against the gazetteer trie: every key match, all lengths, all starts.

Speed matters here (every article, every token), so the text is never tokenised character by character
in Python. `str.split(" ")` (C speed) cuts it into space-separated pieces; a bounded per-piece cache
says, for each distinct piece, which of its tokens start a trie key (tokens never contain a space, so
the tokens of a piece are exactly the text's tokens there). Piece offsets come from one C-level
`accumulate`, and only pieces with hits are visited.

New pieces (a news stream is mostly text not seen before) are sorted out per article in batch
(_new_pieces): their tokens are folded together in a few C-level passes (normalize.fold_many) and tested
against the trie's first tokens as a frozenset, so a piece none of whose tokens can start a key (most of
them) is cached as () without a per-piece Python call; only the others are built by _piece.

A token's candidates are built once per distinct token (candidates.py). Walking a key to its next
token: when the current token ends its piece and the next piece starts with a plain token, the
separator is exactly one space and that token is what `NEXT_RE` would read (no English article, no
leading ayn mark: checked once per token, _lead_keys); otherwise `NEXT_RE` reads the text.
"""

from __future__ import annotations

import re
from itertools import accumulate, chain, compress, repeat
from operator import is_, not_
from typing import Any

from services.enrich.candidates import StartX, add, template
from services.enrich.candidates import clear_caches as candidates_caches
from services.enrich.matcher import (
    _APOS_SET,
    _ART_BEFORE_RE,
    _ART_HYPHENED,
    _ART_SPACED,
    _HYPHEN_SET,
    _QUOTES,
    NEXT_RE,
    PAYLOAD,
    Trie,
    _starts,
)
from services.enrich.normalize import _A, TOKEN_RE, fold, fold_many
from services.enrich.normalize import _CACHE as _FOLDED
from services.enrich.normalize import _CACHE_MAX as _FOLD_MAX
from services.enrich.resolve import Cand, Raw

_CACHE_MAX = 100_000  # per cache; with all of them full, peak RSS stays well under 200 MB
# a token that NEXT_RE may read as an English article before the next token ("al", "ash" …; at most 3
# characters: case-insensitive matching maps one character to one)
_ART_TOKEN_RE = re.compile(f"{_ART_SPACED}|{_ART_HYPHENED}")
_QUOTE_SET = frozenset(_QUOTES)
_AL_EL = frozenset(("al", "Al", "aL", "AL", "el", "El", "eL", "EL"))  # == .lower() in ("al", "el")
# the characters NEXT_RE can start with (its separator's): after any other, a key cannot go on
_SEP_START = frozenset(f"{_QUOTES} \u00a0.") | _HYPHEN_SET

# A token that starts keys in a piece: (start, end) + its Template (candidates.py)
Hit = tuple[int, int, bool, tuple, tuple, tuple, tuple[StartX, ...]]
# Per piece with hits (trie.pieces, bounded; a piece with none is cached as (), so the cached list is its
# own hit mask): its tokens that start keys; its first token if that starts the piece; whether that token
# is the whole piece; and, when the piece is one token whose only start is a key's first token with no
# payloads of its own (the, a, to, على …), that start's trie node: such a piece matters only if the next
# token continues the key, tested before anything else.
Piece = tuple[tuple[Hit, ...], str | None, bool, dict | None]
_MISSING: Any = object()
_TOKEN_FULL = TOKEN_RE.fullmatch
_TOKEN_ALL = TOKEN_RE.findall
# an apostrophe/ayn mark then s at the end of a token: the pieces may hold a possessive (Iraq's)
_POSSESSIVE_RE = re.compile(f"[{_A}]s")


def _raw_template(trie: Trie, raw_cache: dict[str, Any], raw: str) -> Any:
    """A token's hit template (None if it starts no key), built once and cached in `raw_cache`."""
    got = raw_cache.get(raw, _MISSING)
    if got is _MISSING:
        starts = _starts(trie, raw)
        got = raw_cache[raw] = template(raw, starts) if starts else None
    return got


def _piece(trie: Trie, piece: str, toks: list[str] | None = None, starters: set[str] | None = None) -> Piece:
    """A piece's entry. `toks`, when given, are its tokens (TOKEN_RE.findall), and a token outside
    `starters` is known to start no key."""
    raw_cache = trie.raw
    if len(raw_cache) > _CACHE_MAX:
        raw_cache.clear()
    # most pieces are one token (a maximal match of the whole piece); isalnum() is \w without "_" (C speed)
    if (piece.isalnum() or _TOKEN_FULL(piece) is not None) if toks is None else (len(toks) == 1 and toks[0] == piece):
        tpl = _raw_template(trie, raw_cache, piece)
        if tpl is None:
            return (), piece, True, None
        return ((0, len(piece), *tpl),), piece, True, _walk_only(tpl)
    hits: list[Hit] = []
    lead: str | None = None
    whole = False
    if toks is not None and starters is not None:
        # the tokens in order: only non-token characters lie between two, and a token starts with a
        # token character, so find() from the previous token's end lands on the token itself
        pos = 0
        for raw in toks:
            s = piece.find(raw, pos)
            e = pos = s + len(raw)
            if s == 0:
                lead, whole = raw, e == len(piece)
            if raw not in starters:
                continue
            got = _raw_template(trie, raw_cache, raw)
            if got is not None:
                hits.append((s, e, *got))
        return tuple(hits), lead, whole, None
    for m in TOKEN_RE.finditer(piece):
        raw = m.group()
        s, e = m.span()
        if s == 0:
            lead, whole = raw, e == len(piece)
        got = _raw_template(trie, raw_cache, raw)
        if got is not None:
            hits.append((s, e, *got))
    return tuple(hits), lead, whole, None


def _new_pieces(trie: Trie, pieces: list[str]) -> list[Piece]:
    """The cached entry of every piece of `pieces`, the new ones built and cached. Most new pieces start no
    key: they are found in C-level passes over the batch (every new token folded in one str.translate, one
    set lookup each) and cached as () without a per-piece Python call; only a piece with a token that may
    start a key (its fold is a first token of the trie, or a possessive 's) is built by _piece. The large
    cache is read once per piece and written once per new piece; the new pieces' entries are read back
    from a small dict."""
    cache = trie.pieces
    plead = _PLEAD
    if len(plead) > _CACHE_MAX:
        plead.clear()
    got: list[Any] = list(map(cache.get, pieces))  # a cached entry is never None
    fresh: dict[str, Any] = dict.fromkeys(compress(pieces, map(is_, got, repeat(None))), ())
    new = list(fresh)
    alnum = list(map(str.isalnum, new))
    one = list(compress(new, alnum))  # one token each (isalnum() is \w without "_")
    rest = list(compress(new, map(not_, alnum)))
    toklists = list(map(_TOKEN_ALL, rest))
    toks = one + list(chain.from_iterable(toklists))
    folded = fold_many(toks)
    keys = trie.first_keys
    if keys is None:
        keys = trie.first_keys = frozenset(trie.first)
    starts = list(map(keys.__contains__, folded))
    found = list(compress(zip(toks, folded, strict=True), starts))
    if found:  # their fold, for _starts and _lead_keys
        if len(_FOLDED) >= _FOLD_MAX - len(found):
            _FOLDED.clear()
        _FOLDED.update(found)
    n1 = len(one)
    for p in compress(one, starts):
        full = _piece(trie, p)
        plead[p] = full[1], full[2]
        if full[0]:
            fresh[p] = full
    if rest:
        starters = set(compress(toks[n1:], starts[n1:]))
        if _POSSESSIVE_RE.search("\0".join(rest)) is not None:  # Iraq's: _starts also tries Iraq
            starters.update([t for t in toks[n1:] if t[-2:-1] in _APOS_SET and t[-1] == "s"])
        if starters:
            for p, tl in compress(zip(rest, toklists, strict=True), map(not_, map(starters.isdisjoint, toklists))):
                full = _piece(trie, p, tl, starters)
                plead[p] = full[1], full[2]
                if full[0]:
                    fresh[p] = full
    cache.update(fresh)
    return list(map(fresh.get, pieces, got))


def _walk_only(tpl: tuple) -> dict | None:
    """The trie node of a one-token piece's only start when it has no payloads and no possessive cut."""
    latin, one_ents, one_events, walkers, starts = tpl
    if latin:
        if len(starts) == 1 and starts[0][5] is None and not starts[0][4]:
            return starts[0][0]
    elif not one_ents and not one_events and len(walkers) == 1 and not walkers[0][3] and not walkers[0][4]:
        return walkers[0][0]
    return None


_LEADS: dict[str, tuple[str, ...] | None] = {}
# Per piece (bounded, filled with trie.pieces): its first token if that starts the piece, and whether that
# token is the whole piece (Piece[1:3], kept for every piece: trie.pieces holds () for a piece with no hits)
_PLEAD: dict[str, tuple[str | None, bool]] = {}


def _lead_of(piece: str) -> tuple[str | None, bool]:
    """_PLEAD's entry when it is missing (that cache was emptied on its own)."""
    m = TOKEN_RE.match(piece)
    got = _PLEAD[piece] = (m.group(), m.end() == len(piece)) if m is not None else (None, False)
    return got


def _lead_keys(raw: str) -> tuple[str, ...] | None:
    """The trie keys a piece's first token is looked up with when NEXT_RE would read it as is after a
    single space (folded, then without ال or without a possessive 's); None when it would not (a leading
    ayn mark, or an English article that NEXT_RE skips). Cached, bounded."""
    keys = _LEADS.get(raw, _MISSING)
    if keys is _MISSING:
        if raw[0] in _QUOTE_SET or (len(raw) <= 3 and _ART_TOKEN_RE.fullmatch(raw) is not None):
            keys = None
        else:
            f = fold(raw)
            if f[:2] == "ال":
                keys = (f, f[2:])
            elif raw[-2:-1] in _APOS_SET and raw[-1] == "s":
                keys = (f, fold(raw[:-2]))
            else:
                keys = (f,)
        if len(_LEADS) > _CACHE_MAX:
            _LEADS.clear()
        _LEADS[raw] = keys
    return keys


def scan(text: str, trie: Trie) -> tuple[list[Raw], list[Cand]]:
    """Entity candidates (unselected, see resolve.longest) and event/date candidates of every trie match
    in `text` (all lengths, all starts)."""
    cache = trie.pieces
    if len(cache) > _CACHE_MAX:
        cache.clear()
    pieces = text.split(" ")
    try:  # a piece with no hits is cached as () (falsy): compress() below reads the list as is
        info: list[Piece] = list(map(cache.__getitem__, pieces))
    except KeyError:  # a piece not seen before
        info = _new_pieces(trie, pieces)
    # offset of piece k = (lengths of the pieces before it) + k separating spaces
    cum = list(accumulate(map(len, pieces), initial=0))
    n = len(pieces)
    ents: list[Raw] = []
    events: list[Cand] = []
    last = n - 1
    leads = _LEADS
    plead = _PLEAD
    for k in compress(range(n), info):
        inf = info[k]
        wo = inf[3]
        if wo is not None and k < last and (nxt := (plead.get(pk := pieces[k + 1]) or _lead_of(pk))[0]) is not None:
            keys = leads.get(nxt, _MISSING)  # the next token is known: does the key go on?
            if keys is _MISSING:
                keys = _lead_keys(nxt)
            if keys is not None and keys[0] not in wo and (len(keys) == 1 or keys[1] not in wo):
                continue
        base = cum[k] + k
        plen_k = cum[k + 1] - cum[k]
        for ts, te, latin, one_ents, one_events, walkers, starts in inf[0]:
            s = base + ts
            e = base + te
            if not latin:
                for plen, cut, prio, role, pls in one_ents:
                    st, en = s + plen, e - cut
                    ents.append((st - en, -1, prio, st, len(ents), en, role, pls, 1))
                for plen, cut, role, pls in one_events:
                    events.append(Cand(s + plen, e - cut, role, pls, 1))
                for node, plen, art, cut, has_pl in walkers:
                    kk = k if (not cut and te == plen_k) else -1
                    if 0 <= kk < last and (nxt := (plead.get(pk := pieces[kk + 1]) or _lead_of(pk))[0]) is not None:
                        keys = leads.get(nxt, _MISSING)  # the next token is known: does the key go on?
                        if keys is _MISSING:
                            keys = _lead_keys(nxt)
                        if keys is not None and keys[0] not in node and (len(keys) == 1 or keys[1] not in node):
                            continue
                    if len(node) > has_pl and (kk >= 0 or text[e - cut : e - cut + 1] in _SEP_START):
                        _walk(text, node, s + plen, e - cut, art, kk, pieces, cum, ents, events)
                continue
            for node, plen, art, leaf, cut, fast in starts:
                if fast is None:  # the node has no payloads (so it is no leaf): only a walk can match
                    kk = k if (not cut and te == plen_k) else -1
                    if 0 <= kk < last and (nxt := (plead.get(pk := pieces[kk + 1]) or _lead_of(pk))[0]) is not None:
                        keys = leads.get(nxt, _MISSING)  # the next token is known: does the key go on?
                        if keys is _MISSING:
                            keys = _lead_keys(nxt)
                        if keys is not None and keys[0] not in node and (len(keys) == 1 or keys[1] not in node):
                            continue
                    if kk >= 0 or text[e - cut : e - cut + 1] in _SEP_START:
                        st = s + plen
                        if not plen and s >= 3:  # an English article before the name joins the span
                            c = text[s - 1]
                            if c in _HYPHEN_SET or (c in " \u00a0" and text[s - 3 : s - 1] in _AL_EL):
                                am = _ART_BEFORE_RE.search(text, max(0, s - 6), s)
                                if am is not None:
                                    st = am.start() + (0 if text[am.start()] in "AaEe" else 1)
                        _walk(text, node, st, e - cut, art, kk, pieces, cum, ents, events)
                    continue
                st = s + plen
                # an English article before the name joins the span (al-Hol, Al Hol): cheap check first
                if not plen and s >= 3:
                    c = text[s - 1]
                    if c in _HYPHEN_SET or (c in " \u00a0" and text[s - 3 : s - 1] in _AL_EL):
                        am = _ART_BEFORE_RE.search(text, max(0, s - 6), s)
                        if am is not None:
                            st = am.start() + (0 if text[am.start()] in "AaEe" else 1)
                if st == s + plen:  # the surface is the token: candidates known in advance
                    en = e - cut
                    for prio, role, pls in fast[0]:
                        ents.append((st - en, -1, prio, st, len(ents), en, role, pls, 1))
                    for role, pls in fast[1]:
                        events.append(Cand(st, en, role, pls, 1))
                else:
                    add(text, st, e - cut, leaf if leaf is not None else node[PAYLOAD], 1, art, ents, events)
                if leaf is not None:
                    continue
                kk = k if (not cut and te == plen_k) else -1
                if 0 <= kk < last and (nxt := (plead.get(pk := pieces[kk + 1]) or _lead_of(pk))[0]) is not None:
                    keys = leads.get(nxt, _MISSING)  # the next token is known: does the key go on?
                    if keys is _MISSING:
                        keys = _lead_keys(nxt)
                    if keys is not None and keys[0] not in node and (len(keys) == 1 or keys[1] not in node):
                        continue
                if len(node) > 1 and (kk >= 0 or text[e - cut : e - cut + 1] in _SEP_START):
                    _walk(text, node, st, e - cut, art, kk, pieces, cum, ents, events)
    return ents, events


def clear_caches() -> None:
    _LEADS.clear()
    _PLEAD.clear()
    candidates_caches()


def _walk(
    text: str, node: dict, st: int, end: int, art: bool, kk: int, pieces: list[str], cum: list[int],
    ents: list[Raw], events: list[Cand],
) -> None:
    """Follow `node` down the tokens after `end`; `kk` >= 0 says `end` is the end of piece kk."""
    ntok = 1
    last = len(pieces) - 1
    leads = _LEADS
    plead = _PLEAD
    while True:
        keys = None
        if 0 <= kk < last:
            lead, whole = plead.get(pk := pieces[kk + 1]) or _lead_of(pk)
        else:
            lead = None
        if lead is not None:
            keys = leads.get(lead, _MISSING)
            if keys is _MISSING:
                keys = _lead_keys(lead)
        if lead is not None and keys is not None:  # the next piece starts with a plain token: NEXT_RE would read it
            raw: str = lead
            f = keys[0]
            kk += 1
            tok_end = cum[kk] + kk + len(raw)
            if not whole:
                kk = -1
        else:
            m = NEXT_RE.match(text, end)
            if m is None:
                return
            raw = m.group(1)
            tok_end = m.end()
            kk = -1
            f = _FOLDED.get(raw)
            if f is None:
                f = fold(raw)
        child = node.get(f)
        if child is None:
            if f[:2] == "ال":  # key without ال: the text may add it
                child = node.get(f[2:])
            elif raw[-2:-1] in _APOS_SET and raw[-1] == "s":  # Kurdistan Region's
                child = node.get(fold(raw[:-2]))
                tok_end -= 2
                kk = -1
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
