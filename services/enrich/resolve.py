"""From raw trie matches to accepted candidates: layer split, capitalisation, longest-match overlap."""

from __future__ import annotations

from dataclasses import dataclass

from services.enrich.matcher import _LEAD_ART_RE, Match, Payload

# Lower is stronger when two candidates of equal length overlap.
ROLE_PRIORITY = {"fac": 0, "actor": 1, "place": 2, "core": 3, "ctx": 4, "head": 5}


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    role: str
    payloads: list[Payload]
    ntokens: int

    @property
    def ids(self) -> list[str]:
        return [p[1] for p in self.payloads]


def capitalised(surface: str) -> bool:
    """English names are capitalised: check the first letter after any article (al-Hol → H)."""
    m = _LEAD_ART_RE.match(surface)
    rest = surface[m.end() :] if m else surface
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit())


def split_layers(text: str, matches: list[Match]) -> tuple[list[Cand], list[Cand]]:
    """Entity candidates and event-trigger candidates."""
    ents: list[Cand] = []
    events: list[Cand] = []
    for m in matches:
        by_role: dict[str, list[Payload]] = {}
        for p in m.payloads:
            by_role.setdefault(p[0], []).append(p)
        latin = "a" <= text[m.end - 1].lower() <= "z" or text[m.end - 1].isdigit()
        for role, pls in by_role.items():
            if role == "event":
                events.append(Cand(m.start, m.end, role, pls, m.ntokens))
                continue
            if role in ("place", "core") and latin and not capitalised(text[m.start : m.end]):
                continue
            ents.append(Cand(m.start, m.end, role, pls, m.ntokens))
    return ents, events


def longest(cands: list[Cand]) -> list[Cand]:
    """Greedy longest-first selection; identical spans of different roles may coexist."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.ntokens, ROLE_PRIORITY.get(c.role, 9), c.start))
    taken: list[Cand] = []
    spans: list[tuple[int, int]] = []
    for c in order:
        ok = True
        for s, e in spans:
            if c.start < e and s < c.end and not (s == c.start and e == c.end):
                ok = False
                break
        if ok:
            if any(t.start == c.start and t.end == c.end and t.role == c.role for t in taken):
                continue
            taken.append(c)
            spans.append((c.start, c.end))
    taken.sort(key=lambda c: (c.start, ROLE_PRIORITY.get(c.role, 9)))
    return taken
