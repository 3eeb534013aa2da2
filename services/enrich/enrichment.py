"""The enrichment domain: `load_gazetteer()` once, then the pure `enrich(text, gazetteer) -> Annotation`.

Pipeline (all in memory, no I/O): scan the original text against the token trie → split layers →
longest-match selection → facilities (gazetteer names with a head word or a standalone alias, then
open-world "head + name") → bare facility names (town vs camp) → places (best of the entries sharing
the name) → actors (+ context-only references) → event types → event date → alert.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from operator import attrgetter

from services.enrich.context import (
    ADMIN_CUES,
    PLACE_CUES,
    context_stopped,
    cue_before,
    cue_list,
    english_non_place,
    facility_context,
    head_near,
    heads_and_facilities,
    inside,
    prev_word,
)
from services.enrich.dates import extract_event_date
from services.enrich.gazetteer import Entry, Gazetteer, load_gazetteer
from services.enrich.normalize import clear_caches as normalize_caches
from services.enrich.normalize import detect_lang
from services.enrich.openworld import OpenFacility, find_open, slug
from services.enrich.output import actor, annotation, event_type, facility, place
from services.enrich.resolve import Cand
from services.enrich.scanner import scan_select
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

__all__ = ["Gazetteer", "clear_caches", "enrich", "load_gazetteer"]

# Region prior for names shared across countries (Tripoli: Lebanon before Libya)
_REGION_RANK = {"SY": 0, "IQ": 0, "TR": 1, "JO": 1, "LB": 1, "IR": 1, "SA": 1, "KW": 1, "IL": 1, "PS": 1}


def enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    gaz = gazetteer
    lang = lang or detect_lang(text)
    accepted, trig = scan_select(text, gaz.trie)  # the longest-match selection of every trie match
    entries = gaz.entries
    # one pass sorts the accepted candidates by role (each list keeps the text order)
    facs: list[Cand] = []
    places_c: list[Cand] = []
    heads: list[Cand] = []
    cores: list[Cand] = []
    people: list[Cand] = []  # actors and context-only references
    for c in accepted:
        r = c.role
        if r == "place":
            places_c.append(c)
        elif r == "actor" or r == "ctx":
            people.append(c)
        elif r == "fac":
            facs.append(c)
        elif r == "head":
            heads.append(c)
        elif r == "core":
            cores.append(c)

    facilities: list[FacilityMention] = []
    fac_ids: set[str] = set()
    place_spans = {(c.start, c.end) for c in places_c} if facs else set()
    for c in facs:
        p0 = c.payloads[0]
        if p0[2] == "former" and (c.start, c.end) in place_spans:
            continue  # "Abu Ghraib" the town; the old prison name needs a head word (core)
        e = entries[p0[1]]
        facilities.append(_fac(text, c.start, c.end, e, 0.97 if p0[2] == "alias" else 0.95))
        fac_ids.add(e.id)
    if heads:
        for of in find_open(text, heads, facs, people, places_c, gaz):
            facilities.append(_open_fac(text, of, places_c, gaz))
    covered = bytearray(len(text))
    for f in facilities:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)

    # bare facility names: the camp if that facility is named elsewhere or a head word is near
    core_spans: set[tuple[int, int]] = set()
    near_heads: list[tuple[int, int, str]] | None = None
    for c in cores:
        fid = c.payloads[0][1]
        e = entries[fid]
        if inside(c.start, c.end, covered) or cue_before(text, c.start, PLACE_CUES):
            continue
        if c.payloads[0][2] == "noart" and _has_article(text, c.start):
            continue
        if near_heads is None:
            near_heads = heads_and_facilities(heads, facs, gaz)
        # named alone it is the town, unless coordinated with a head ("al-Hol and Roj camps") or the
        # sentence speaks of the camp/prison ("returnees from al-Hol", "tents in al-Hol")
        if head_near(text, c, near_heads, e.kind):
            conf = 0.75 if fid in fac_ids else 0.6
        elif fid not in fac_ids and facility_context(text, c, e.kind or "camp", gaz):
            conf = 0.5  # once the facility is named with its head, its bare name is the town
        else:
            continue
        facilities.append(_fac(text, c.start, c.end, e, conf))
        core_spans.add((c.start, c.end))
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    places: list[PlaceMention] = []
    for c in places_c:
        if covered.find(1, c.start, c.end) != -1 or (c.start, c.end) in core_spans:
            continue
        pm = _place(text, c, gaz)
        if pm is not None:
            places.append(pm)

    facilities.sort(key=_by_start)
    # engine-built values: the output models are made without validating them again (output.py)
    return annotation(
        lang, places, facilities, _actors(text, people, entries), _events(text, trig),
        extract_event_date(text, published_at, [t.start for t in trig if t.role == "date"]), bool(facilities),
    )


_by_start = attrgetter("start")
_NO_SKIP: frozenset[str] = frozenset()
_ARTICLE = re.compile(r"[وفبك]{0,2}(?:ال|لل)")


def _has_article(text: str, start: int) -> bool:
    """The Arabic word at `start` carries the definite article (after up to two proclitics)."""
    return _ARTICLE.match(text, start) is not None


def clear_caches(gazetteer: Gazetteer) -> None:
    """Empty every bounded per-token cache the engine fills while it runs (cold-cache benchmarks)."""
    normalize_caches()
    if gazetteer.trie.compiled is not None:
        gazetteer.trie.compiled.clear_caches()
    gazetteer.stop_rules.clear()
    gazetteer.best.clear()


def _fac(text: str, s: int, e: int, ent: Entry, conf: float) -> FacilityMention:
    return facility(text[s:e], s, e, ent.id, ent.canonical, conf, ent.country, ent.lat, ent.lon, ent.admin1,
                    ent.kind or "camp")


def _open_fac(text: str, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> FacilityMention:
    inner = [c for c in places if of.name_start <= c.start and c.end <= of.name_end]
    loc: Entry | None = None
    conf = 0.6
    if inner:
        loc = _best_entry(text, inner[0], gaz)
        conf = 0.7
    else:
        # nearest place (first in text order on a tie), preferring any that is not a country: the
        # first non-country in distance order, else the nearest (min over (country?, distance))
        near = sorted(
            (abs(c.start - of.start), i) for i, c in enumerate(places) if not (of.start <= c.start < of.end)
        )
        for _d, i in near:
            e = _best_entry(text, places[i], gaz)
            if e.kind != "country":
                loc = e
                break
        else:
            if near:
                loc = _best_entry(text, places[near[0][1]], gaz)
    canonical = f"{text[of.start:of.end]}"
    return facility(
        text[of.start : of.end], of.start, of.end, f"open:{of.kind}:{slug(of.name)}", canonical, conf,
        loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        loc.admin1 if loc else None, of.kind,
    )


# gaz.best: payloads -> (entry, entry after a governorate cue or None, their place confidences)
_Best = tuple[Entry, Entry | None, float, float]


def _best_entry(text: str, c: Cand, gaz: Gazetteer) -> Entry:
    """The entry a shared name denotes: curated first, the city unless a governorate cue precedes
    ("محافظة", "province"), the region (Syria/Iraq, then neighbours), then population."""
    hit: _Best | None = gaz.best.get(c.payloads)
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


def _place(text: str, c: Cand, gaz: Gazetteer) -> PlaceMention | None:
    s, end = c.start, c.end
    if text[s] < "\u0250" and english_non_place(text, c):
        return None
    hit = gaz.best.get(c.payloads)
    if hit is None:
        _best_entry(text, c, gaz)
        hit = gaz.best[c.payloads]
    if hit[1] is not None and cue_before(text, s, ADMIN_CUES):
        e, conf = hit[1], hit[3]
    else:
        e, conf = hit[0], hit[2]
    if not e.curated and prev_word(text, s, _NO_SKIP) in cue_list(gaz.rules.geonames_not_after):
        return None
    surface = text[s:end]
    # context_stopped() only when the surface has a stop rule, or its rule is not looked up yet
    if gaz.stop_rules.get(surface, False) is not None and context_stopped(text, c, gaz):
        return None
    return place(surface, s, end, e.id, e.canonical, conf, e.country, e.lat, e.lon, e.admin1)


def _actors(text: str, people: list[Cand], entries: dict[str, Entry]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for c in people:
        if c.role == "actor":
            e = entries[c.payloads[0][1]]
            out.append(actor(text[c.start : c.end], c.start, c.end, e.id, e.canonical, 0.9))
        elif c.role == "ctx":
            # the most recently named actor that claims this reference wins
            refs = set(c.ids)
            for a in reversed(out):
                if a.id in refs:
                    e = entries[a.id]
                    out.append(actor(text[c.start : c.end], c.start, c.end, e.id, e.canonical, 0.7))
                    break
    return out


def _events(text: str, trig: list[Cand]) -> list[EventTypeMention]:
    seen: dict[str, EventTypeMention] = {}
    # the longest trigger at each start wins; one evidence span (the first) per type
    best: dict[int, Cand] = {}
    for c in trig:
        if c.role == "event":
            b = best.get(c.start)
            if b is None or c.end > b.end:
                best[c.start] = c
    # a not-evidence phrase (a payload with no type) hides the triggers inside it ("ظروف الاحتجاز")
    # (compile.py adds not-evidence payloads after every typed one, so a group of only that is (("event", "", ""),))
    hidden = [(c.start, c.end) for c in best.values() if len(c.payloads) == 1 and not c.payloads[0][1]]
    for _start, c in sorted(best.items()):
        if hidden and _inside_any(c, hidden):
            continue
        for p in c.payloads:
            if p[1] and p[1] not in seen:
                seen[p[1]] = event_type(p[1], text[c.start : c.end], c.start, c.end, 0.8 if c.ntokens > 1 else 0.7)
    return sorted(seen.values(), key=_by_start)


def _inside_any(c: Cand, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= c.start and c.end <= e:
            return True
    return False
