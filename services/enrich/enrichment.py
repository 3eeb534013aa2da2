"""The enrichment domain: `load_gazetteer()` once, then the pure `enrich(text, gazetteer) -> Annotation`.

Pipeline (all in memory, no I/O): scan the original text against the token trie → split layers →
longest-match selection → facilities (gazetteer names with a head word or a standalone alias, then
open-world "head + name") → bare facility names (town vs camp) → places (best of the entries sharing
the name) → actors (+ context-only references) → event types → event date → alert.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime
from operator import attrgetter

from services.enrich.actors import state_mentions
from services.enrich.attach import (
    coordinated,
    kind_payload,
    list_heads,
    quoted_attachments,
    same_as_known,
)
from services.enrich.bare import Around, Spans, bare_reading, lowercase_cores
from services.enrich.context import (
    ADMIN_CUES,
    context_stopped,
    cue_before,
    cue_list,
    english_non_place,
    heads_and_facilities,
    inside,
    person_before,
    prev_word,
)
from services.enrich.dates import extract_event_date
from services.enrich.gazetteer import Entry, Gazetteer, load_gazetteer
from services.enrich.normalize import clear_caches as normalize_caches
from services.enrich.normalize import detect_lang
from services.enrich.openworld import OpenFacility, find_open, slug
from services.enrich.output import actor, annotation, event_type, facility, place
from services.enrich.places import common_word, open_place_mentions
from services.enrich.resolve import Cand
from services.enrich.scanner import scan_select
from services.enrich.variants import named_after, variant_of
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

__all__ = ["Gazetteer", "clear_caches", "enrich", "load_gazetteer"]

# Region prior for names shared across countries (Tripoli: Lebanon before Libya)
_REGION_RANK = {"SY": 0, "IQ": 0, "TR": 1, "JO": 1, "LB": 1, "IR": 1, "SA": 1, "KW": 1, "IL": 1, "PS": 1}


def enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    if "_" in text:
        # hashtags join words with underscores (#مخيم_الهول, #سجن_صيدنايا): read them as spaces (one character
        # for one, so every offset still indexes `text`), then give each mention its surface as written
        ann = _enrich(text.replace("_", " "), gazetteer, lang=lang or detect_lang(text), published_at=published_at)
        return ann.model_copy(update={
            k: [m.model_copy(update={"surface": text[m.start : m.end]}) for m in getattr(ann, k)]
            for k in ("places", "facilities", "actors", "event_types")})
    return _enrich(text, gazetteer, lang=lang, published_at=published_at)


def _enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    gaz = gazetteer
    lang = lang or detect_lang(text)
    accepted, trig = scan_select(text, gaz.trie)  # the longest-match selection of every trie match
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

    if "al-" in text or "al " in text:  # "in al-hol": a lower-case bare name the scanner does not read
        extra = lowercase_cores(text, gaz.trie.root, {(c.start, c.end) for c in cores})
        if extra:
            cores = sorted(cores + extra, key=_by_start)
    facilities, covered, core_spans = _facilities(text, facs, heads, cores, people, places_c, gaz)

    places: list[PlaceMention] = []
    for c in places_c:
        if covered.find(1, c.start, c.end) != -1 or (c.start, c.end) in core_spans:
            continue
        pm = _place(text, c, gaz, places_c)
        if pm is not None:
            places.append(pm)
    # the cue words (role "cue": the words the rule modules read around) tell them where to look
    cues = [t for t in trig if t.role == "cue"]
    if gaz.place_rules is not None:  # villages and districts the gazetteer lacks, after a cue (places.py)
        places += open_place_mentions(text, places, covered, gaz.place_rules, cues)

    actors, places = _actors(text, people, gaz, places, facilities, published_at, cues)
    # engine-built values: the output models are made without validating them again (output.py)
    return annotation(
        lang, places, facilities, actors, _events(text, trig),
        extract_event_date(text, published_at, [t.start for t in trig if t.role == "date"]), bool(facilities),
    )


_by_start = _start = attrgetter("start")
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


def _facilities(
    text: str, facs: list[Cand], heads: list[Cand], cores: list[Cand], people: list[Cand], places_c: list[Cand],
    gaz: Gazetteer,
) -> tuple[list[FacilityMention], bytearray, set[tuple[int, int]]]:
    """Facility mentions: names with their head (trie), then across quotes and in lists under dual/plural
    heads (attach.py), unknown names next to a head (openworld.py), then bare known names (attach.py)."""
    entries = gaz.entries
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
    covered = bytearray(len(text))
    for f in facilities:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    core_spans: set[tuple[int, int]] = set()
    used_heads: set[int] = set()
    free = [h for h in heads if not inside(h.start, h.end, covered)]
    for k in quoted_attachments(text, free, cores, gaz, used_heads):
        facilities.append(_fac(text, k.start, k.end, k.entry, k.conf))
        covered[k.start : k.end] = b"\x01" * (k.end - k.start)
    for h in list_heads(text, heads, facs, gaz) if heads or facs else ():  # a list may start in a trie match
        names = coordinated(text, h, cores, places_c, gaz)
        if names:
            used_heads.add(h.start)
        for n in names:
            if inside(n.start, n.end, covered):
                continue
            if n.entry is not None:
                facilities.append(_fac(text, n.start, n.end, n.entry, 0.85))
            else:
                of = OpenFacility(n.start, n.end, h.payloads[0][1], text[n.start : n.end], n.start, n.end)
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
            covered[n.start : n.end] = b"\x01" * (n.end - n.start)
    rest = [h for h in free if h.start not in used_heads and not inside(h.start, h.end, covered)]
    for of in find_open(text, rest, facs, people, places_c, gaz) if rest else ():
        if not inside(of.name_start, of.name_end, covered):
            facilities.append(_open_or_known(text, of, cores, places_c, gaz))
            covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    for f in facilities:
        fac_ids.add(f.id)
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    # bare known names: the facility when the text says so (attach.bare_reading), else the town
    around: Around | None = None
    accepted = [(f.start, f.end) for f in facilities]
    for c in cores:
        if inside(c.start, c.end, covered):
            continue
        ce = kind_payload(c, gaz, None)
        if ce is None or (c.payloads[0][2] == "noart" and _has_article(text, c.start)):
            continue
        if around is None:
            around = _around(text, heads, facs, cores, places_c, fac_ids, accepted, gaz)
        conf = bare_reading(text, c, ce, around, gaz)
        if conf is None:
            continue
        around.accepted_ix.add(c.start, c.end)
        facilities.append(_fac(text, c.start, c.end, ce, conf))
        accepted.append((c.start, c.end))
        core_spans.add((c.start, c.end))
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    facilities.sort(key=_by_start)
    known = [(f.start, f.end) for f in facilities if not f.id.startswith("open:")]
    facilities = [f for f in facilities
                  if not f.id.startswith("open:") or not same_as_known(text, f.start, f.end, known)]
    return _one_per_span(facilities), covered, core_spans


def _around(text: str, heads: list[Cand], facs: list[Cand], cores: list[Cand], places: list[Cand],
            fac_ids: set[str], accepted: list[tuple[int, int]], gaz: Gazetteer) -> Around:
    core_spans = {(o.start, o.end) for o in cores}
    # only a place reading that shares a bare name's span can make it a city (Palmyra)
    cities = {(p.start, p.end) for p in places if (p.start, p.end) in core_spans and _city(text, p, gaz)}
    return Around(heads_and_facilities(heads, facs, gaz), fac_ids, accepted, Spans(accepted),
                  Spans([sp for sp in core_spans if sp not in cities]),
                  Spans([(p.start, p.end) for p in places if (p.start, p.end) not in core_spans]), cities, cores)


def _city(text: str, c: Cand, gaz: Gazetteer) -> bool:
    e = _best_entry(text, c, gaz)
    return e.kind in ("city", "admin1", "country") or e.population >= 20000


def _one_per_span(facilities: list[FacilityMention]) -> list[FacilityMention]:
    out: list[FacilityMention] = []
    for f in facilities:
        if out and out[-1].start == f.start and out[-1].end == f.end:
            continue
        out.append(f)
    return out


def _open_or_known(
    text: str, of: OpenFacility, cores: list[Cand], places: list[Cand], gaz: Gazetteer
) -> FacilityMention:
    """An open-world name that is a known facility after all: a known name of the kind inside it (`سجن مدينة
    تدمر العسكري`) or a spelling variant of one (Gweiran, Hull, `بانورما`); else the open-world facility."""
    i = bisect_left(cores, of.name_start, key=_start)  # cores are in text order
    while i < len(cores) and cores[i].start < of.name_end:
        c = cores[i]
        i += 1
        if c.end <= of.name_end:
            e = kind_payload(c, gaz, of.kind)
            if e is not None:
                return _fac(text, of.start, of.end, e, 0.8)
    # a name that is a known town names a camp or prison after it (مورك), it is no misspelling; the one
    # known facility named after that town with a descriptor is it (`سجن حماة`: Hama Central Prison)
    place = next((p for p in places if p.start == of.name_start), None) if places else None
    if place is not None:
        e = named_after(of.name, of.kind, gaz) if place.end == of.name_end else None
    else:
        e = variant_of(of.name, of.kind, gaz)
    if e is not None:
        return _fac(text, of.start, of.end, e, 0.7)
    return _open_fac(text, of, places, gaz)


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


def _place(text: str, c: Cand, gaz: Gazetteer, others: list[Cand]) -> PlaceMention | None:
    s, end = c.start, c.end
    if english_non_place(text, c) if text[s] < "\u0250" else person_before(text, s):
        return None
    if gaz.place_rules is not None and common_word(text, c, others, gaz.place_rules):
        return None  # عنه "about it", not Anah (places.py)
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


def _actors(text: str, people: list[Cand], gaz: Gazetteer, places: list[PlaceMention],
            facilities: list[FacilityMention], published_at: datetime | date | None, cues: list[Cand] | None = None
            ) -> tuple[list[ActorMention], list[PlaceMention]]:
    """The actors, and the places without those that were a nationality adjective ("U.S." in "U.S. guards")."""
    entries = gaz.entries
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
    if gaz.state is not None:  # institution + nationality, countries acting, disguised names (actors.py)
        more, places = state_mentions(text, out, places, facilities, gaz, published_at, cues)
        out += more
    return out, places


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
