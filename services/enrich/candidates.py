"""A token's candidates, built once per distinct token (scanner.py caches them in `trie.raw`).

A one-token match's surface is the token itself unless an English article precedes it, so its entity
and event candidates, English capitalisation included, can be worked out in advance. `add` splits any
match (walks, article-extended names) into entity candidates (resolve.Raw) and event/date candidates.
"""

from __future__ import annotations

from typing import Any

from services.enrich.matcher import PAYLOAD, _Start
from services.enrich.resolve import ROLE_PRIORITY as _PRIO
from services.enrich.resolve import Cand, Raw, capitalised

_CACHE_MAX = 100_000

# Per raw token (trie.raw, bounded): None if it starts no key, else its Template — Latin?, then for a
# non-Latin token (no English article can precede it) its one-token candidates flattened over its
# starts — (proclitic length, cut, priority, role, payloads) and (proclitic length, cut, role,
# payloads) — and the starts whose key may go on (node, proclitic length, article added, cut, node has
# payloads); for a Latin token, its starts with their candidates precomputed (StartX).
StartX = tuple[dict, int, bool, Any, int, tuple[tuple, tuple] | None]  # _Start + precomputed candidates
Template = tuple[bool, tuple, tuple, tuple, tuple[StartX, ...]]


def template(raw: str, starts: tuple[_Start, ...]) -> Template | None:
    if not starts:
        return None
    if raw[0] < "\u0250":
        return True, (), (), (), tuple((*st, one_token(raw, st)) for st in starts)
    # Flattening keeps the order of one-token candidates; those of walks (two tokens or more) never tie
    # with them in longest() or _events(), so emitting walks after them changes nothing.
    one_ents: list[tuple] = []
    one_events: list[tuple] = []
    walkers: list[tuple] = []
    for start in starts:
        node, plen, art, leaf, cut = start
        pl = leaf if leaf is not None else node.get(PAYLOAD)
        if pl is not None:
            if raw[len(raw) - cut - 1] < "\u0250":  # ends Latin (a digit…): capitalisation rules apply
                fast = one_token(raw, start)
                if fast is not None:
                    one_ents += [(plen, cut, *x) for x in fast[0]]
                    one_events += [(plen, cut, *x) for x in fast[1]]
            else:
                for role, pls in pl:
                    if role == "event" or role == "date":
                        one_events.append((plen, cut, role, pls))
                    elif not (art and role == "head"):  # السجن / المخيم: the generic noun
                        one_ents.append((plen, cut, _PRIO[role], role, pls))
        if leaf is None:
            walkers.append((node, plen, art, cut, pl is not None))
    return False, tuple(one_ents), tuple(one_events), tuple(walkers), ()


def one_token(raw: str, start: _Start) -> tuple[tuple, tuple] | None:
    """The candidates of the one-token match this start gives when no English article precedes it: its
    surface is the token, so capitalisation is known in advance. (priority, role, payloads) for entities,
    (role, payloads) for events and dates; None if the node has no payloads."""
    node, plen, art, leaf, cut = start
    pl = leaf if leaf is not None else node.get(PAYLOAD)
    if pl is None:
        return None
    ents: list[Raw] = []
    events: list[Cand] = []
    surface = raw[: len(raw) - cut]
    add(surface, plen, len(surface), pl, 1, art, ents, events)
    return tuple([(x[2], x[6], x[7]) for x in ents]), tuple([(c.role, c.payloads) for c in events])


_CAPS: dict[str, bool] = {}  # surface -> capitalised(surface); bounded like the token caches


def clear_caches() -> None:
    _CAPS.clear()


def add(
    text: str, start: int, end: int, groups: Any, ntok: int, art: bool, ents: list[Raw], events: list[Cand]
) -> None:
    """Split one match into entity and event/date candidates (English names must be capitalised)."""
    latin = text[end - 1] < "\u0250"
    for role, pls in groups:
        if art and role == "head":
            continue  # السجن / المخيم: the generic noun, not the construct head of a name
        if role == "event" or role == "date":
            events.append(Cand(start, end, role, pls, ntok))
            continue
        if latin:
            if role == "place" or role == "core":
                surface = text[start:end]
                cap = _CAPS.get(surface)
                if cap is None:
                    if len(_CAPS) > _CACHE_MAX:
                        _CAPS.clear()
                    cap = _CAPS[surface] = capitalised(surface)
                if not cap:
                    continue
            if (role == "actor" or role == "place") and any(p[2] == "upper" for p in pls) \
                    and not text[start:end].isupper():
                pls = tuple(p for p in pls if p[2] != "upper")
                if not pls:
                    continue
        ents.append((start - end, -ntok, _PRIO[role], start, len(ents), end, role, pls, ntok))
