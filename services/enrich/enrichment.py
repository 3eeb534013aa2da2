"""The enrichment domain: `load_gazetteer()` once, then the pure `enrich(text, gazetteer) -> Annotation`.

Pipeline (all in memory, no I/O): scan the original text against the token trie → split layers →
longest-match selection → facilities (gazetteer names with a head word or a standalone alias, then
open-world "head + name") → bare facility names (town vs camp) → places (best of the entries sharing
the name) → actors (+ context-only references) → event types → event date → alert.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from services.enrich.dates import extract_event_date
from services.enrich.gazetteer import Entry, Gazetteer, load_gazetteer
from services.enrich.matcher import scan
from services.enrich.normalize import TOKEN_RE, detect_lang, fold, fold_text
from services.enrich.openworld import OpenFacility, find_open, slug
from services.enrich.resolve import Cand, longest, split_layers
from shared.annotation import Annotation

__all__ = ["Gazetteer", "enrich", "load_gazetteer"]

_PLACE_CUES = {"town", "village", "city", "بلده", "مدينه", "ناحيه", "قريه", "بلدة", "مدينة"}
_ADMIN_CUES = {"محافظه", "governorate", "province", "ولايه", "محافظات"}
# Region prior for names shared across countries (Tripoli: Lebanon before Libya)
_REGION_RANK = {"SY": 0, "IQ": 0, "TR": 1, "JO": 1, "LB": 1, "IR": 1, "SA": 1, "KW": 1, "IL": 1, "PS": 1}


def enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    gaz = gazetteer
    lang = lang or detect_lang(text)
    ents, trig = split_layers(text, scan(text, gaz.trie))
    taken = longest(ents, len(text))

    facilities: list[dict[str, Any]] = []
    fac_ids: set[str] = set()
    place_spans = {(c.start, c.end) for c in taken if c.role == "place"}
    for c in taken:
        if c.role == "fac":
            if c.payloads[0][2] == "former" and (c.start, c.end) in place_spans:
                continue  # "Abu Ghraib" the town; the old prison name needs a head word (core)
            e = gaz.entries[c.payloads[0][1]]
            conf = 0.97 if c.payloads[0][2] == "alias" else 0.95
            facilities.append(_fac(text, c.start, c.end, e, conf))
            fac_ids.add(e.id)
    places_c = [c for c in taken if c.role == "place"]
    heads = [c for c in taken if c.role == "head"]
    opens = find_open(text, heads, taken, gaz)
    for of in opens:
        facilities.append(_open_fac(text, of, places_c, gaz))
    covered = bytearray(len(text))
    for f in facilities:
        covered[f["start"] : f["end"]] = b"\x01" * (f["end"] - f["start"])

    # bare facility names: the camp if that facility is named elsewhere or a head word is near
    core_spans: set[tuple[int, int]] = set()
    near_heads = _heads_and_facilities(taken, gaz)
    for c in taken:
        if c.role != "core":
            continue
        fid = c.payloads[0][1]
        e = gaz.entries[fid]
        if _inside(c.start, c.end, covered) or _cue_before(text, c.start, _PLACE_CUES):
            continue
        # named alone it is the town, unless coordinated with a head ("al-Hol and Roj camps") or the
        # sentence speaks of the camp/prison ("returnees from al-Hol", "tents in al-Hol")
        if _head_near(text, c, near_heads, e.kind):
            conf = 0.75 if fid in fac_ids else 0.6
        elif fid not in fac_ids and _facility_context(text, c, e.kind or "camp", gaz):
            conf = 0.5  # once the facility is named with its head, its bare name is the town
        else:
            continue
        facilities.append(_fac(text, c.start, c.end, e, conf))
        core_spans.add((c.start, c.end))
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    places: list[dict[str, Any]] = []
    for c in places_c:
        if _inside(c.start, c.end, covered) or (c.start, c.end) in core_spans:
            continue
        pm = _place(text, c, gaz)
        if pm is not None:
            places.append(pm)

    actors = _actors(text, taken, gaz)
    events = _events(text, trig)
    facilities.sort(key=lambda f: f["start"])
    # one validation call for the whole annotation (pydantic-core validates nested dicts natively)
    return Annotation.model_validate({
        "lang": lang,
        "places": places,
        "facilities": facilities,
        "actors": actors,
        "event_types": events,
        "event_date": extract_event_date(text, published_at, [t.start for t in trig if t.role == "date"]),
        "alert": bool(facilities),
    })


def _fac(text: str, s: int, e: int, ent: Entry, conf: float) -> dict[str, Any]:
    return dict(
        surface=text[s:e], start=s, end=e, id=ent.id, canonical=ent.canonical, confidence=conf,
        country=ent.country, lat=ent.lat, lon=ent.lon, admin1=ent.admin1, kind=ent.kind or "camp",
    )


def _open_fac(text: str, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> dict[str, Any]:
    inner = [c for c in places if of.name_start <= c.start and c.end <= of.name_end]
    loc: Entry | None = None
    conf = 0.6
    if inner:
        loc = _best_entry(text, inner[0], gaz)
        conf = 0.7
    else:
        near = sorted(
            (c for c in places if not (of.start <= c.start < of.end)),
            key=lambda c: (_best_entry(text, c, gaz).kind == "country", abs(c.start - of.start)),
        )
        if near:
            loc = _best_entry(text, near[0], gaz)
    canonical = f"{text[of.start:of.end]}"
    return dict(
        surface=text[of.start : of.end], start=of.start, end=of.end, id=f"open:{of.kind}:{slug(of.name)}",
        canonical=canonical, confidence=conf, kind=of.kind,
        country=loc.country if loc else None, lat=loc.lat if loc else None,
        lon=loc.lon if loc else None, admin1=loc.admin1 if loc else None,
    )


def _inside(s: int, e: int, occ: bytearray) -> bool:
    return occ.find(1, s, e) != -1


def _cue_before(text: str, s: int, cues: set[str]) -> bool:
    words = text[max(0, s - 25) : s].split()
    return bool(words) and (fold(words[-1]) in cues or (len(words) > 1 and fold(words[-2]) in cues
                                                         and fold(words[-1]) in ("of", "the")))


_JOIN_RE = re.compile(r"\s*(?:,|and|or|&|و|او|\(|\)|/)?\s*(?:the\s+)?\s*$", re.IGNORECASE)


def _facility_context(text: str, c: Cand, kind: str, gaz: Gazetteer) -> bool:
    cc = gaz.rules.core_context
    if _prev_word(text, c.start, {"of", "من"}) in _cue_list(cc.locative):
        return False
    words = {fold(w) for w in TOKEN_RE.findall(_sentence(text, c, cc.window))}
    words |= {w[1:] for w in words if w[:1] in "وفبل"}
    fac = cc.camp if kind == "camp" else cc.prison
    fac_words = _cue_set(fac)
    town_words = _cue_set(cc.town)
    return bool(words & fac_words) and not (words & town_words)


def _prev_word(text: str, start: int, skip: set[str]) -> str:
    """The folded word before `start` (skipping words in `skip`, e.g. "north *of* Hasakah")."""
    words = text[max(0, start - 40) : start].split()
    if words and start > 0 and not text[start - 1].isspace():
        words = words[:-1]  # a stripped proclitic is not a word
    while words and fold(words[-1].strip(",.;:()")) in skip:
        words = words[:-1]
    return fold(words[-1].strip(",.;:()")) if words else ""


def _cue_list(words: list[str]) -> frozenset[str]:
    got = _CUES.get(id(words))
    if got is None:
        got = _CUES[id(words)] = frozenset(fold_text(w) for w in words)
    return got


_CUES: dict[int, frozenset[str]] = {}


def _cue_set(names: Any) -> frozenset[str]:
    got = _CUES.get(id(names))
    if got is None:
        got = _CUES[id(names)] = frozenset(fold_text(w) for w in names.en + names.ar)
    return got


def _sentence(text: str, c: Cand, window: int) -> str:
    """The text around a mention, cut at sentence ends."""
    lo, hi = max(0, c.start - window), min(len(text), c.end + window)
    left = max(text.rfind(".", lo, c.start), text.rfind("\n", lo, c.start))
    right = [i for i in (text.find(".", c.end, hi), text.find("\n", c.end, hi)) if i != -1]
    return text[(left + 1 if left != -1 else lo) : (min(right) if right else hi)].replace(text[c.start : c.end], " ")


def _head_near(text: str, c: Cand, heads: list[Cand], kind: str | None) -> bool:
    """A head of the kind coordinated with the bare name: "al-Hol and Roj camps", "مخيمي الهول وروج",
    "Ghwayran (Sina'a) prison". A head merely somewhere nearby is not enough (the town al-Hol)."""
    for h in heads:
        if h.payloads[0][1] != kind:
            continue
        if 0 <= h.start - c.end <= 12 and _JOIN_RE.match(text, c.end, h.start):
            return True
        if 0 <= c.start - h.end <= 12 and _JOIN_RE.match(text, h.end, c.start):
            return True
    return False


def _heads_and_facilities(taken: list[Cand], gaz: Gazetteer) -> list[Cand]:
    out = [c for c in taken if c.role == "head"]
    for c in taken:
        if c.role == "fac" and c.payloads[0][2] == "head":
            kind = gaz.entries[c.payloads[0][1]].kind or ""
            out.append(Cand(c.start, c.end, "head", (("head", kind, ""),), c.ntokens))
    return out


_BEST: dict[tuple[int, tuple], tuple[Entry, Entry | None]] = {}  # per gazetteer and payloads


def _best_entry(text: str, c: Cand, gaz: Gazetteer) -> Entry:
    """The entry a shared name denotes: curated first, the city unless a governorate cue precedes
    ("محافظة", "province"), the region (Syria/Iraq, then neighbours), then population."""
    key = (id(gaz), c.payloads)
    hit = _BEST.get(key)
    if hit is None:
        ents = [gaz.entries[i] for i in dict.fromkeys(c.ids)]

        def rank(e: Entry, admin: bool) -> tuple:
            return (not e.curated, (e.kind != "admin1") if admin else (e.kind == "admin1"),
                    _REGION_RANK.get(e.country or "", 2), -e.population)

        plain = min(ents, key=lambda e: rank(e, False))
        cued = min(ents, key=lambda e: rank(e, True))
        hit = (plain, cued if cued is not plain else None)
        if len(_BEST) > 100_000:
            _BEST.clear()
        _BEST[key] = hit
    if hit[1] is not None and _cue_before(text, c.start, _ADMIN_CUES):
        return hit[1]
    return hit[0]


_NOT_PLACE_BEFORE_RE = re.compile(r"(?:\bCamp|\b[Pp]ro|\b[Aa]nti)[ \-\u2010\u2011]$")
_LOWER_WORD_RE = re.compile(r"[ \u00a0]+[a-z]")


def _english_non_place(text: str, c: Cand) -> bool:
    """Camp Taji (a base name), pro-Iran / anti-ISIS (adjectives), "the US detention facility"."""
    if _NOT_PLACE_BEFORE_RE.search(text, max(0, c.start - 6), c.start):
        return True
    surface = text[c.start : c.end]
    return surface.isupper() and len(surface) <= 4 and _LOWER_WORD_RE.match(text, c.end) is not None


def _place(text: str, c: Cand, gaz: Gazetteer) -> dict[str, Any] | None:
    if text[c.start] < "\u0250" and _english_non_place(text, c):
        return None
    e = _best_entry(text, c, gaz)
    if not e.curated and _prev_word(text, c.start, set()) in _cue_list(gaz.rules.geonames_not_after):
        return None
    if _context_stopped(text, c, gaz):
        return None
    n = len(set(c.ids))
    if e.curated:
        conf = 0.9 if n == 1 else 0.8
    else:
        conf = 0.85 if e.population >= 100000 else 0.7 if e.population >= 10000 else 0.55
        if n > 1:
            conf -= 0.15
    return dict(
        surface=text[c.start : c.end], start=c.start, end=c.end, id=e.id, canonical=e.canonical,
        confidence=round(conf, 2), country=e.country, lat=e.lat, lon=e.lon, admin1=e.admin1,
    )


def _context_stopped(text: str, c: Cand, gaz: Gazetteer) -> bool:
    key = fold(text[c.start : c.end])
    rule = gaz.rules.geonames_context_stop.get(key)
    if rule is None and key[:1] == "ل":  # للصور: the ل of the article was contracted away
        rule = gaz.rules.geonames_context_stop.get("ا" + key)
    if rule is None:
        return False
    before = text[max(0, c.start - 30) : c.start].split()
    if before and c.start > 0 and not text[c.start - 1].isspace():
        before = before[:-1]  # a stripped proclitic (للصور) is not the previous word
    after = text[c.end : c.end + 30].split()
    prev = fold(before[-1]) if before else ""
    if rule.only_after and prev not in rule.only_after:
        return True
    return prev in rule.after or bool(after and fold(after[0]) in rule.before)


def _actors(text: str, taken: list[Cand], gaz: Gazetteer) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in taken:
        if c.role == "actor":
            e = gaz.entries[c.payloads[0][1]]
            out.append(dict(surface=text[c.start : c.end], start=c.start, end=c.end, id=e.id,
                                    canonical=e.canonical, confidence=0.9))
        elif c.role == "ctx":
            # the most recently named actor that claims this reference wins
            refs = set(c.ids)
            prior = [a["id"] for a in out if a["id"] in refs]
            if prior:
                e = gaz.entries[prior[-1]]
                out.append(dict(surface=text[c.start : c.end], start=c.start, end=c.end, id=e.id,
                                        canonical=e.canonical, confidence=0.7))
    return out


def _events(text: str, trig: list[Cand]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    # the longest trigger at each start wins; one evidence span (the first) per type
    best: dict[int, Cand] = {}
    for c in trig:
        if c.role == "event":
            b = best.get(c.start)
            if b is None or c.end > b.end:
                best[c.start] = c
    for _start, c in sorted(best.items()):
        for p in c.payloads:
            if p[1] not in seen:
                seen[p[1]] = dict(type=p[1], surface=text[c.start : c.end], start=c.start,
                                              end=c.end, confidence=0.8 if c.ntokens > 1 else 0.7)
    return sorted(seen.values(), key=lambda m: m["start"])
