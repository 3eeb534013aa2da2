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
    payloads: tuple[Payload, ...]
    ntokens: int

    @property
    def ids(self) -> list[str]:
        return [p[1] for p in self.payloads]


def capitalised(surface: str) -> bool:
    """English names are capitalised: some word after any article starts upper-case or with a digit
    (al-Hol, rural Hasakah, Deir ez-Zor countryside; not "hasakah", "the camps")."""
    m = _LEAD_ART_RE.match(surface)
    rest = surface[m.end() :] if m else surface
    if rest[:1].isupper() or rest[:1].isdigit():
        return True
    return any(w[:1].isupper() for w in rest.split()[1:])


def split_layers(text: str, matches: list[Match]) -> tuple[list[Cand], list[Cand]]:
    """Entity candidates and event/date candidates."""
    ents: list[Cand] = []
    events: list[Cand] = []
    for start, end, groups, ntok, art in matches:
        latin = text[end - 1] < "\u0250"
        for role, pls in groups:
            if art and role == "head":
                continue  # السجن / المخيم: the generic noun, not the construct head of a name
            if role == "event" or role == "date":
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
            ents.append(Cand(start, end, role, pls, ntok))
    return ents, events


def longest(cands: list[Cand], size: int) -> list[Cand]:
    """Greedy longest-first selection; identical spans of different roles may coexist.

    `size` is the text length: occupancy is a bytearray, so an overlap test is one C-level find().
    """
    order = sorted(cands, key=lambda c: (c.start - c.end, -c.ntokens, ROLE_PRIORITY.get(c.role, 9), c.start))
    occ = bytearray(size)
    spans: dict[tuple[int, int], set[str]] = {}
    taken: list[Cand] = []
    for c in order:
        key = (c.start, c.end)
        roles = spans.get(key)
        if roles is not None:
            if c.role in roles:
                continue
            roles.add(c.role)
        elif occ.find(1, c.start, c.end) == -1:
            occ[c.start : c.end] = b"\x01" * (c.end - c.start)
            spans[key] = {c.role}
        else:
            continue
        taken.append(c)
    taken.sort(key=lambda c: (c.start, ROLE_PRIORITY.get(c.role, 9)))
    return taken
