"""From raw trie matches to accepted candidates: layer split, capitalisation, longest-match overlap."""

from __future__ import annotations

from dataclasses import dataclass

from services.enrich.matcher import _LEAD_ART_RE, Match, Payload

# Lower is stronger when two candidates of equal length overlap.
ROLE_PRIORITY = {"fac": 0, "nonfac": 1, "actor": 2, "place": 3, "core": 4, "ctx": 5, "head": 6}


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


# An entity candidate before selection, sort key first: (start - end, -ntokens, role priority, start,
# arrival index, end, role, payloads, ntokens). The arrival index makes tuple order the stable order.
_Raw = tuple[int, int, int, int, int, int, str, tuple[Payload, ...], int]
_PRIO = ROLE_PRIORITY
_CAPS: dict[str, bool] = {}  # surface -> capitalised(surface); bounded like the token caches


def split_layers(text: str, matches: list[Match]) -> tuple[list[_Raw], list[Cand]]:
    """Entity candidates (raw, for `longest`) and event/date candidates."""
    ents: list[_Raw] = []
    events: list[Cand] = []
    caps = _CAPS
    if len(caps) > 200_000:
        caps.clear()
    for start, end, groups, ntok, art in matches:
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
                    cap = caps.get(surface)
                    if cap is None:
                        cap = caps[surface] = capitalised(surface)
                    if not cap:
                        continue
                if (role == "actor" or role == "place") and any(p[2] == "upper" for p in pls) \
                        and not text[start:end].isupper():
                    pls = tuple(p for p in pls if p[2] != "upper")
                    if not pls:
                        continue
            ents.append((start - end, -ntok, _PRIO[role], start, len(ents), end, role, pls, ntok))
    return ents, events


_FAC_ROLES = frozenset(("fac", "head", "core"))


def longest(cands: list[_Raw], size: int) -> list[Cand]:
    """Greedy longest-first selection; identical spans of different roles may coexist.

    `size` is the text length: occupancy is a bytearray, so an overlap test is one C-level find().
    A non-facility phrase ("training camp", "قاعدة التنف") only competes with facility readings (fac,
    head, core): it takes the span from them but leaves places and actors inside it alone.
    """
    occ = bytearray(size)  # accepted spans (all roles but nonfac)
    occ_fac = bytearray(size)  # accepted facility readings
    occ_nf = bytearray(size)  # accepted non-facility phrases
    spans: dict[tuple[int, int], set[str]] = {}
    taken: list[tuple[int, int, int, int, str, tuple[Payload, ...], int]] = []
    fac_roles = _FAC_ROLES
    for _len, _ntok, prio, s, _i, e, role, pls, ntok in sorted(cands):
        if role == "nonfac":
            if occ_fac.find(1, s, e) == -1:
                occ_nf[s:e] = b"\x01" * (e - s)
            continue
        is_fac = role in fac_roles
        if is_fac and occ_nf.find(1, s, e) != -1:
            continue
        key = (s, e)
        roles = spans.get(key)
        if roles is not None:
            if role in roles:
                continue
            roles.add(role)
        elif occ.find(1, s, e) == -1:
            occ[s:e] = b"\x01" * (e - s)
            spans[key] = {role}
        else:
            continue
        if is_fac:
            occ_fac[s:e] = b"\x01" * (e - s)
        taken.append((s, prio, len(taken), e, role, pls, ntok))
    taken.sort()  # by start, then role priority, then acceptance order (a stable sort on the first two)
    return [Cand(s, e, role, pls, ntok) for s, _p, _i, e, role, pls, ntok in taken]
