"""Which gazetteer entry a name denotes, and the facility mentions built from entries.

A name several entries share (Tripoli, a GeoNames town and a curated city) resolves to one entry: curated first,
the governorate after a governorate cue, the region's, the most populous (`best_entry`). Shared by the facility
stage (facilities.py) and the place stage (enrichment.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from services.enrich.context import ADMIN_CUES, cue_before
from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.matcher import PAYLOAD
from services.enrich.openworld import OpenFacility, slug
from services.enrich.output import facility
from services.enrich.resolve import Cand
from shared.annotation import FacilityMention

# Region prior for names shared across countries (Tripoli: Lebanon before Libya)
_REGION_RANK = {"SY": 0, "IQ": 0, "TR": 1, "JO": 1, "LB": 1, "IR": 1, "SA": 1, "KW": 1, "IL": 1, "PS": 1}


def fac(text: str, s: int, e: int, ent: Entry, conf: float) -> FacilityMention:
    if QUOTE_RE.search(text, s, e) is not None:  # (one C-level look: most mentions hold no quotation mark)
        s, e = with_quotes(text, s, e)
        if text[e - 2 : e] in _POSSESSIVE and e - s > 4:
            e -= 2  # "the al-Hawl camp's annex": the facility is "al-Hawl camp"
    return facility(text[s:e], s, e, ent.id, ent.canonical, conf, ent.country, ent.lat, ent.lon, ent.admin1,
                    ent.kind or "camp")


# The place candidates' indices sorted by (start, index) and their starts, for the last list asked about (one tuple
# swapped whole, as openworld._first_at): open_fac finds a name's inner and nearest places by bisection, not by a walk
# of every place for every open-world name (a text of thousands of both was quadratic)
_BY_START: tuple[list[Cand] | None, int, list[int], list[int]] = (None, 0, [], [])


def _by_start(places: list[Cand]) -> tuple[list[int], list[int]]:
    global _BY_START
    memo = _BY_START
    if memo[0] is places and memo[1] == len(places):
        return memo[2], memo[3]
    order = sorted(range(len(places)), key=lambda i: (places[i].start, i))
    starts = [places[i].start for i in order]
    _BY_START = (places, len(places), order, starts)
    return order, starts


def _nearest(places: list[Cand], of: OpenFacility) -> Iterator[int]:
    """The indices of the places that do not start inside the mention, in (distance of their start to the
    mention's start, index) order: outward from the mention, both sides, one distance at a time."""
    order, starts = _by_start(places)
    x = of.start
    left = bisect_left(starts, x) - 1  # (the last place starting before the mention)
    right = bisect_left(starts, of.end, lo=left + 1)  # (the first starting at or after its end)
    n = len(starts)
    while left >= 0 or right < n:
        d = min(x - starts[left] if left >= 0 else 1 << 62, starts[right] - x if right < n else 1 << 62)
        group: list[int] = []
        while left >= 0 and x - starts[left] == d:
            group.append(order[left])
            left -= 1
        while right < n and starts[right] - x == d:
            group.append(order[right])
            right += 1
        yield from sorted(group)


def open_fac(text: str, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> FacilityMention:
    loc: Entry | None = None
    conf = 0.6
    order, starts = _by_start(places) if places else ([], [])
    # the first place (list order) inside the name: starts in [name_start, name_end], ends by name_end
    inner = min((i for i in order[bisect_left(starts, of.name_start) : bisect_right(starts, of.name_end)]
                 if places[i].end <= of.name_end), default=None)
    if inner is not None:
        loc = best_entry(text, places[inner], gaz)
        conf = 0.7
    elif places:
        # nearest place (first in text order on a tie), preferring any that is not a country: the
        # first non-country in distance order, else the nearest
        near = _nearest(places, of)
        first = next(near, None)
        if first is not None:
            # (the nearest is most often no country: the walk goes on only when it is one)
            loc = best_entry(text, places[first], gaz)
            if loc.kind == "country":
                for i in near:
                    e = best_entry(text, places[i], gaz)
                    if e.kind != "country":
                        loc = e
                        break
    start, end = with_quotes(text, of.start, of.end) if QUOTE_RE.search(text, of.start, of.end) else (of.start, of.end)
    canonical = f"{text[start:end]}"
    return facility(
        text[start:end], start, end, f"open:{of.kind}:{slug(of.name)}", canonical, conf,
        loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.admin1 if loc else None, of.kind,
    )


_POSSESSIVE = frozenset(("'s", "’s"))
QUOTE_RE = re.compile("[\"«“„‘‹'”»‟’›]")
_OPENING = "\"«“„‘‹'”"  # (a reversed ”روج” opens with the closing sign)
_CLOSING = "\"»”‟’›'“"


def with_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """A mention's span with both quotation marks of a quoted name when it holds one of them: `سجن "كسب 1004"`
    (not `سجن "كسب 1004`), “Roj” camp (not `Roj” camp`). A mark counts as opening at a word's start and as
    closing at a word's end (the apostrophe inside Sina'a is neither); the missing one is taken when only
    spaces separate it from the span."""
    if s >= e:
        return s, e
    opened = closed = False
    for i in range(s, e):
        ch = text[i]
        if ch in _OPENING and (i == s or text[i - 1].isspace()) and i + 1 < e and not text[i + 1].isspace():
            opened = True
        elif ch in _CLOSING and (i + 1 == len(text) or not text[i + 1].isalnum()) and i > s \
                and not text[i - 1].isspace():
            if opened:
                opened = False
            else:
                closed = True
    if opened:
        j = e
        while j < len(text) and j - e < 2 and text[j] == " ":
            j += 1
        if j < len(text) and text[j] in _CLOSING and j > e - 1:
            e = j + 1
    if closed:
        j = s
        while j > 0 and s - j < 2 and text[j - 1] == " ":
            j -= 1
        if j > 0 and text[j - 1] in _OPENING:
            s = j - 1
    return s, e


# gaz.best: payloads -> (entry, entry after a governorate cue or None, their place confidences)
Best = tuple[Entry, Entry | None, float, float]


def best_entry(text: str, c: Cand, gaz: Gazetteer) -> Entry:
    """The entry a shared name denotes: curated first, the city unless a governorate cue precedes
    ("محافظة", "province"), the region (Syria/Iraq, then neighbours), then population."""
    hit: Best | None = gaz.best.get(c.payloads)
    if hit is None:
        ents = [gaz.entries[i] for i in dict.fromkeys(c.ids)]

        def rank(e: Entry, admin: bool) -> tuple:
            return (not e.curated, (e.kind != "admin1") if admin else (e.kind == "admin1"),
                    _REGION_RANK.get(e.country or "", 2), -e.population)

        plain = min(ents, key=lambda e: rank(e, False))
        cued = min(ents, key=lambda e: rank(e, True))
        hit = (plain, cued if cued is not plain else None, _conf(plain, len(ents)), _conf(cued, len(ents)))
        if len(gaz.best) > 100_000:
            gaz.best.clear()
        gaz.best[c.payloads] = hit
    if hit[1] is not None and cue_before(text, c.start, ADMIN_CUES):
        return hit[1]
    return hit[0]


def _conf(e: Entry, n: int) -> float:
    """Confidence of a place mention: curated or by population, lower when n entries share the name."""
    if e.curated:
        conf = 0.9 if n == 1 else 0.8
    else:
        conf = 0.85 if e.population >= 100000 else 0.7 if e.population >= 10000 else 0.55
        if n > 1:
            conf -= 0.15
    return round(conf, 2)


# the cue words that make a governorate's alias out of its name: ريف إدلب, محافظة إدلب, rural Idlib, Idlib province
_ADMIN_WORDS = frozenset(("ريف", "محافظه", "rural", "countryside", "province", "governorate"))


def admin_of(gaz: Gazetteer) -> dict[str, str]:
    """Folded governorate name -> its admin1 id, read from the governorates' aliases (`محافظة إدلب` -> إدلب)."""
    got = _ADMIN.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out: dict[str, str] = {}
    stack: list[tuple[dict, tuple[str, ...]]] = [(gaz.trie.root, ())]
    while stack:
        node, key = stack.pop()
        for k, v in node.items():
            if k != PAYLOAD:
                if len(key) < 4:
                    stack.append((v, (*key, k)))
                continue
            for role, pls in v:
                for p in pls if role == "place" else ():
                    if gaz.entries[p[1]].kind == "admin1" and len(key) >= 2:
                        if key[0] in _ADMIN_WORDS:
                            out.setdefault(" ".join(key[1:]), p[1])
                        elif key[-1] in _ADMIN_WORDS:
                            out.setdefault(" ".join(key[:-1]), p[1])
    _ADMIN.clear()
    _ADMIN[id(gaz)] = (gaz, out)
    return out


_ADMIN: dict[int, tuple[Gazetteer, dict[str, str]]] = {}
