"""From candidates to accepted ones: capitalisation, longest-match overlap (candidates come from scanner).

`longest_ref` is the selection's specification; `longest` runs the same in C (native/select.c) when the compiled
part is in use (backend.py), else `longest_ref` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.enrich import backend
from services.enrich.matcher import _LEAD_ART_RE, Payload

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


# lower-case English words that are also an Arabic article's spelling when a space follows (as, at, an)
_EN_WORD_ARTICLES = frozenset(("as", "at", "an"))


def capitalised(surface: str) -> bool:
    """English names are capitalised: some word after any article starts upper-case or with a digit
    (al-Hol, rural Hasakah, Deir ez-Zor countryside; not "hasakah", "the camps"). An Arabic name that ends in a
    digit (`بدر 3`, `جدعة 5`: the scanner asks names ending in a Latin code point) has no case: it passes (rule 29u)."""
    if surface[:1] >= "\u0600":
        return True
    if surface[2:3] == " " and surface[:2] in _EN_WORD_ARTICLES:
        return False  # "such as Susa", "held at Tanf": the English word before a name, not the article of a
        # gazetteer name spelled with a spaced one ("As Susah" is written capitalised or hyphenated: as-Susah)
    m = _LEAD_ART_RE.match(surface)
    rest = surface[m.end() :] if m else surface
    if rest[:1].isupper() or rest[:1].isdigit():
        return True
    return any(w[:1].isupper() for w in rest.split()[1:])


# An entity candidate before selection, sort key first: (start - end, -ntokens, role priority, start,
# arrival index, end, role, payloads, ntokens). The arrival index makes tuple order the stable order.
Raw = tuple[int, int, int, int, int, int, str, tuple[Payload, ...], int]


_NONFAC = ROLE_PRIORITY["nonfac"]
_FAC_PRIOS = frozenset(ROLE_PRIORITY[r] for r in ("fac", "head", "core"))


_FAC_MASK = sum(1 << p for p in _FAC_PRIOS)


def longest(cands: list[Raw], size: int) -> list[Cand]:
    """longest_ref(cands, size), compiled (native/select.c); the tests hold the two to identical output."""
    native = backend.compiled()
    if native is None:
        return longest_ref(cands, size)
    return native.longest(cands, size, _NONFAC, _FAC_MASK, Cand)


def longest_ref(cands: list[Raw], size: int) -> list[Cand]:
    """Greedy longest-first selection; identical spans of different roles may coexist.

    `size` is the text length: occupancy is a bytearray, so an overlap test is one C-level find().
    A generic non-facility phrase ("training camp") only competes with facility readings (fac, head,
    core): it takes the span from them but leaves places and actors inside it alone. A named one (a
    military base, "قاعدة التنف") takes the whole span: the names inside it are not mentions either.
    """
    occ = bytearray(size)  # accepted spans (all roles but nonfac)
    occ_fac = bytearray(size)  # accepted facility readings
    occ_nf = bytearray(size)  # accepted non-facility phrases
    any_nf = False
    spans: dict[tuple[int, int], set[str]] = {}
    taken: list[tuple[int, int, int, int, str, tuple[Payload, ...], int]] = []
    for _len, _ntok, prio, s, _i, e, role, pls, ntok in sorted(cands):
        if prio == _NONFAC:
            if occ_fac.find(1, s, e) == -1:
                occ_nf[s:e] = b"\x01" * (e - s)
                any_nf = True
                if pls[0][1] == "name" and occ.find(1, s, e) == -1:  # a named base: nothing inside counts
                    occ[s:e] = b"\x01" * (e - s)
            continue
        is_fac = prio in _FAC_PRIOS
        if is_fac and any_nf and occ_nf.find(1, s, e) != -1:
            continue
        if occ.find(1, s, e) == -1:  # a free span (so no identical span was taken before)
            occ[s:e] = b"\x01" * (e - s)
            spans[(s, e)] = {role}
        else:  # only the identical span with another role may still be taken
            roles = spans.get((s, e))
            if roles is None or role in roles:
                continue
            roles.add(role)
        if is_fac:
            occ_fac[s:e] = b"\x01" * (e - s)
        taken.append((s, prio, len(taken), e, role, pls, ntok))
    taken.sort()  # by start, then role priority, then acceptance order (a stable sort on the first two)
    return [Cand(s, e, role, pls, ntok) for s, _p, _i, e, role, pls, ntok in taken]
