"""The enrichment domain: `load_gazetteer()` once, then the pure `enrich(text, gazetteer) -> Annotation`.

Pipeline (all in memory, no I/O): scan the original text against the token trie → split layers →
longest-match selection → facilities (facilities.py: names with their head word or standalone aliases, across
quotes and in lists, unknown names next to a head, bare names that mean the facility) → places (the best of the
entries sharing a name, entries.py; common words and open-world villages, places.py) → actors (+ context-only
references, state actors and countries acting, actors.py) → event types → event date → alert.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from operator import attrgetter
from typing import Any, TypeVar

from services.enrich import backend
from services.enrich.actors import (
    compound_adjective,
    dated_and_retargeted,
    name_collisions,
    state_mentions,
    succeeded,
    turkish_occupation,
)
from services.enrich.bare import lowercase_acronyms, lowercase_cores, person_surname_en, spelled_cores, sports_report
from services.enrich.boilerplate import blank as boilerplate_blank
from services.enrich.context import (
    ADMIN_CUES,
    context_stopped,
    cue_before,
    cue_list,
    english_non_place,
    in_outlet_name,
    person_before,
    prev_word,
)
from services.enrich.dates import extract_event_date
from services.enrich.entries import QUOTE_RE, admin_of, best_entry, with_quotes
from services.enrich.events import SenseDrops
from services.enrich.facilities import find_facilities
from services.enrich.gazetteer import Entry, Gazetteer, load_gazetteer
from services.enrich.institutions import CAMPAIGN_AFTER_EN_RE, COURT_AFTER_EN_RE
from services.enrich.matcher import key_tokens
from services.enrich.normalize import APOS, IGN, TABLE, detect_lang, fold, has_latin
from services.enrich.normalize import clear_caches as normalize_caches
from services.enrich.openworld import site_gone, slug
from services.enrich.output import actor, annotation, event_type, place
from services.enrich.places import (
    MAY_AGENCY,
    MAY_COMMON,
    MAY_NOUN,
    QUARTER_LIST_MAX_POP,
    PlaceRules,
    abroad_namesakes,
    agency_or_outlet,
    common_word,
    countries_of,
    cued_namesakes_abroad,
    direction_of_name,
    foreign_namesakes,
    in_credit,
    in_landmark_name,
    in_named_valley,
    in_quarter_list,
    in_text_country,
    kaf_glued,
    listed_quarters,
    located_elsewhere,
    name_before_hit,
    natural_feature,
    noun_phrase,
    open_place_mentions,
    other_names,
    person_named,
    quoted_quarters,
    river_banks,
    surface_gates,
    voweled_other,
)
from services.enrich.quoted_actors import quoted_actors
from services.enrich.resolve import Cand
from services.enrich.scanner import scan_select
from services.enrich.senses import other_sense_places
from services.enrich.slipped_actors import slipped_actors
from services.enrich.variants import clear_cache as variants_cache
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

# the pupils' sex between a school's word and its name (UNRWA's `مدرسة ذكور/إناث X`; rule 25h)
_SCHOOL_SEX = frozenset(("ذكور", "اناث", "بنات", "بنين", "للبنين", "للبنات", "boys", "girls"))
__all__ = ["Gazetteer", "clear_caches", "enrich", "load_gazetteer"]

_by_start = attrgetter("start")
_NO_SKIP: frozenset[str] = frozenset()
_PATH = backend.PATH
_AGE_AFTER_RE = re.compile(r", \d{1,2}[,.]")  # a person's age after his name, between commas or ending the sentence
_TANWEEN = "\u064b"  # a fathatan at the end of (or just after) the name: in text[end - 1 : end + 1] (end >= 1)
_DIGITS = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
# a number of one to three digits right before the word (not a year: `عام 2011 سوريا`)
_COUNT_BEFORE_RE = re.compile(r"(?<![0-9\u0660-\u0669])[0-9\u0660-\u0669]{1,3} $")


def _count_of_people(text: str, s: int, end: int) -> bool:
    """A country's name that is also its nisba's accusative (سوريا = "Syrians" after a number, as ليبيا, تركيا,
    روسيا) right after a count of one to three digits: the people counted, not the country (rule 27j)."""
    word = fold(text[s:end])
    return word.endswith("يا") and not word.startswith("ال") \
        and _COUNT_BEFORE_RE.search(text, max(0, s - 5), s) is not None

# a dot with a tatweel on one side and a letter or tatweel on the other, inside one Arabic word (rule 29m)
_OBFUSCATING_DOT_RE = re.compile("(?<=\u0640)\\.+(?=[\u0621-\u064a\u0640])|(?<=[\u0621-\u064a])\\.+(?=\u0640)")


def enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    read = boilerplate_blank(text)
    if read is None:
        read = text
    else:
        # links to other stories, tags, menus (boilerplate.py) read as blanks of the same length: no mention falls
        # there, and every other surface is the text's as written
        lang = lang or detect_lang(text)
    dotted = "\u0640." in read or ".\u0640" in read
    if dotted:
        # a dot inside a word between tatweels (`سجـ.ـن غويران`, `مخيم الهـ.ـول`, `قـ.ـوات`) is a mark some outlets set
        # to slip past filters, no full stop: read as a tatweel (one character for one; arrec29, rule 29m)
        read = _OBFUSCATING_DOT_RE.sub("\u0640", read)
    if "_" in read or "#" in read or dotted:
        # hashtags join words with underscores (#مخيم_الهول, #سجن_صيدنايا) and mark a name after its head (`سجن
        # #الأقطان`, rule 23): read both as spaces (one character for one, so every offset still indexes `text`),
        # then give each mention its surface as written
        ann = _enrich(read.replace("_", " ").replace("#", " "), gazetteer, lang=lang or detect_lang(text),
                      published_at=published_at)
        ann = ann.model_copy(update={
            k: [m.model_copy(update={"surface": text[m.start : m.end]}) for m in getattr(ann, k)]
            for k in ("places", "facilities", "actors", "event_types")})
    else:
        ann = _enrich(read, gazetteer, lang=lang, published_at=published_at)
    if "\u0640" in text:  # (str `in`, C speed) `ولـسجن حماة`, `لـ"الهول"`: a tatweel after a proclitic opens no name
        ann = _past_tatweel(text, ann)
    return ann


_M = TypeVar("_M", PlaceMention, FacilityMention, ActorMention, EventTypeMention)


def _past_tatweel(text: str, ann: Annotation) -> Annotation:
    """Each mention that starts on a tatweel (the stroke that joins a proclitic to the word, `لـحلب`) starts after
    it: the surface is the name as written, without the clitic's stroke (data/README.md rule 3; rule 23)."""
    def moved(m: _M) -> _M:
        s = m.start
        while s < m.end - 1 and text[s] == "\u0640":
            s += 1
        return m if s == m.start else m.model_copy(update={"start": s, "surface": text[s : m.end]})
    parts = ("places", "facilities", "actors", "event_types")
    if not any(text[m.start : m.start + 1] == "\u0640" for k in parts for m in getattr(ann, k)):
        return ann
    return ann.model_copy(update={k: [moved(m) for m in getattr(ann, k)] for k in parts})


_POSSESSIVE_S = ("'s", "\u2019s")


def _enrich(
    text: str, gazetteer: Gazetteer, *, lang: str | None = None, published_at: datetime | date | None = None
) -> Annotation:
    gaz = gazetteer
    lang = lang or detect_lang(text)
    accepted, trig = scan_select(text, gaz.trie)  # the longest-match selection of every trie match
    if ("'s" in text or "\u2019s" in text) and any(c.role == "actor" and text[c.end - 2 : c.end] in _POSSESSIVE_S
                                                    for c in accepted):
        # "Hama's Central Prison": a name's possessive that folding glues into another name ("Hamas"): the text is
        # read again with that "'s" blanked (same length, the surfaces stay the text's; rule 25k)
        blanked = list(text)
        for c in accepted:
            if c.role == "actor" and text[c.end - 2 : c.end] in _POSSESSIVE_S:
                blanked[c.end - 2 : c.end] = "  "
        accepted, trig = scan_select("".join(blanked), gaz.trie)
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

    # (C speed) a Latin text written all in lower case: "the women held at roj say ..." (an Arabic text has no
    # case, and is none: alef and lam are in every Arabic text)
    lower = "\u0627" not in text and "\u0644" not in text and (text.islower() or _lower_typed(text))
    # (islower reads an Arabic text whole)
    # "in al-hol": a lower-case bare name the scanner does not read
    if lower or (has_latin(text) and ("al-" in text or "al " in text)):
        extra = lowercase_cores(text, gaz.trie.root, {(c.start, c.end) for c in cores}, every_word=lower)
        if extra:
            cores = sorted(cores + extra, key=_by_start)
        acronyms = lowercase_acronyms(text, gaz.trie.root) if lower else None
        if acronyms:
            taken = {c.start for c in people}
            people = sorted(people + [c for c in acronyms if c.start not in taken], key=_by_start)
    if has_latin(text) and not lower:
        # "Ghuwairan detainees", "freed from Seydnaya": a known facility's other spelling, bare (rule 28q)
        spelled = spelled_cores(text, gaz, [(c.start, c.end) for c in accepted])
        if spelled:
            cores = sorted(cores + [c for c in spelled if c.role == "core"], key=_by_start)
            places_c = sorted(places_c + [c for c in spelled if c.role == "place"], key=_by_start)
    if '"' in text or "«" in text or "“" in text or "„" in text or "/" in text or "»" in text or "”" in text:
        # (str.find: C speed, no regex; a closing mark alone may cut a name, `"فلول النظام" المخلوع`)
        # `حركة "فتح"`: a type word and the quoted name (quoted_actors.py)
        more = quoted_actors(text, gaz, people)
        if more:
            people = sorted(people + more, key=_by_start)
    if lang == "ar":
        slipped = slipped_actors(text, gaz, people)  # `هيومان رايتس وواتش`: an NGO's last word one letter off
        if slipped:
            people = sorted(people + slipped, key=_by_start)
    facilities, covered, core_spans = find_facilities(text, facs, heads, cores, people, places_c, gaz)

    # the cue words (role "cue": the words the rule modules read around) tell them where to look
    # one pass sorts the other candidates: cues, date anchors, and the longest event trigger at each start (_events)
    cues: list[Cand] = []
    dates: list[int] = []
    best: dict[int, Cand] = {}
    for t in trig:
        r = t.role
        if r == "event":
            b = best.get(t.start)
            if b is None or t.end > b.end:
                best[t.start] = t
        elif r == "cue":
            cues.append(t)
        elif r == "date":
            dates.append(t.start)
    cue_kinds = {p[1] for t in cues for p in t.payloads}
    gov = "gov" in cue_kinds  # ريفي, rural, countryside ... (_governorate_cued)
    places: list[PlaceMention] = []
    shared: dict[int, Cand] = {}  # start -> the candidate of a place whose name towns in several countries share
    name_countries = gaz.name_countries
    feats = "feature" in cue_kinds  # a river's or a mountain range's word anywhere (places.natural_feature)
    native = _PATH.native
    prules = gaz.place_rules
    if native is not None and prules is not None:  # (_place's compiled short path, its per-text values read once)
        memo = (prules.surface_gates, prules.name_before, prules.given_before, prules.word_flags)
        place_mask = native.place_mask
        flags = feats + 2 * gov
        fast = gaz.place_fast
        stops = gaz.stop_rules
    for c in places_c:
        s, end = c.start, c.end
        if covered.find(1, s, end) != -1 or (s, end) in core_spans:
            continue
        if native is not None and prules is not None:
            # = _place: where place_mask says that none of _place_full's checks can fire for a curated entry
            m = place_mask(text, s, end, flags, memo)
            if m & _PM_MISS:
                _fill_gates(text, s, end, gaz, prules)
                m = place_mask(text, s, end, flags, memo)
            pm = None
            if not m & 3:
                f = fast.get(c.payloads)
                if f is None:
                    f = _place_fast(gaz, c.payloads)
                if f and not m & f[0] and not person_surname_en(text, s, end, gaz):  # (rule 32d: _place_full)
                    surface = text[s:end]
                    if stops.get(surface, False) is None:
                        pm = place(surface, s, end, f[1], f[2], f[3], f[4], f[5], f[6], f[7])
            if pm is None:
                pm = _place_full(text, c, gaz, places_c, gov, feats)
        else:
            pm = _place(text, c, gaz, places_c, gov, feats)
        if pm is not None:
            places.append(pm)
            got = name_countries.get(c.payloads)
            if got is None:
                got = countries_of(c.payloads, gaz)
            if len(got) > 1:
                shared[c.start] = c
    if shared:  # a name towns in several countries share: the one in the text's country (places.py)
        was = {p.start: p for p in places}
        places = in_text_country(places, shared, facilities, gaz, text)
        moved = {(o.lat, o.lon): p for p in places if (o := was[p.start]) is not p and o.id != p.id}
        if moved:  # an unknown facility located at a place read again is there too (`سجن معيتيقة` ... طرابلس)
            facilities = [_moved(f, moved[(f.lat, f.lon)]) if f.id.startswith("open:") and (f.lat, f.lon) in moved
                          else f for f in facilities]
    kept = foreign_namesakes(places, facilities, gaz, text)  # Egypt's Alexandria, no Iskandariya (places.py)
    kept = abroad_namesakes(text, kept, gaz.place_rules)  # "the Egyptian city of Rafah", "Cham Wings" (rule 29q)
    kept = other_names(text, kept)  # `بتوقيت القدس`, `قناة "الميادين"`, `مؤسسة مهجة القدس` (rule 30e)
    if len(kept) < len(places):  # a town abroad is no open-world village after its cue either ("the town of Sur")
        covered = bytearray(covered)
        gone = {id(q) for q in places} - {id(q) for q in kept}
        for q in places:
            if id(q) in gone:
                covered[q.start : q.end] = b"\x01" * (q.end - q.start)
    places = kept
    if gaz.place_rules is not None:  # villages and districts the gazetteer lacks, after a cue (places.py)
        places += open_place_mentions(text, places, covered, gaz.place_rules, cues,
                                      {c.start for c in cores} if cores else frozenset(),
                                      _listed_stop(gaz), [(c.start, c.end) for c in people])
    places = located_elsewhere(text, places)  # "Al-Jada, in Nineveh province": not Jeddah (places.py)
    places = river_banks(text, places)  # `الضفة الغربية لنهر الفرات`: no Palestine (places.py, rule 33z-2)
    if len(places) > 2:  # `قرية العوجة` in a text about Hasakah: no Iraqi Awja (places.py, rule 33z-1)
        places = cued_namesakes_abroad(text, places, facilities, gaz)
    places = voweled_other(text, places, gaz)  # `عُمان` with its damma is Oman, not Amman (places.py, rule 26r)
    if places:
        places = _surnames_again(text, places, gaz)
        places = _names_within(text, places, gaz, cores, facilities)  # a group's, a church's name, a far namesake
    if gaz.place_rules is not None and gaz.place_rules.quarters:  # `بين حيي الليلية وغويران` (places.py)
        places += listed_quarters(text, places, gaz.place_rules, gaz)
        if "حي" in text and ('"' in text or "«" in text or "“" in text):  # `بحي "غويران"` (places.py, rule 26c)
            quarters = quoted_quarters(text, places, gaz.place_rules, gaz)
            if quarters:
                places = sorted(places + quarters, key=attrgetter("start"))
                facilities = [f for f in facilities if not any(q.start <= f.start < q.end for q in quarters)]
    if places:  # bynames, the riders' idiom, charities' sections, clubs, countryside lists (senses.py)
        places = other_sense_places(text, places, gaz, not text.isascii() and sports_report(text))

    if people and facilities and ("IRC" in text or "IDC" in text or "RPC" in text):
        people = _acronym_heads_dropped(text, people, facilities)  # "Brook House IRC": a head, no NGO (rule 33a)
    actors, places = _actors(text, people, gaz, places, facilities, published_at, cues, cue_kinds)
    if actors and places and lang == "en":
        places = _section_countries(text, places, actors)
    facilities = _reported(text, facilities, gaz)
    if len(facilities) > 1:
        facilities = _one_site(facilities)
    # engine-built values: the output models are made without validating them again (output.py)
    return annotation(
        lang, places, facilities, actors, _events(text, best, places, facilities, actors),
        extract_event_date(text, published_at, dates), bool(facilities),
        None,  # the headline's mentions: headline.py, when the title comes apart from the body
    )


# a headline typed in lower case that keeps an acronym or a proper adjective in capitals ("sdf says ghwayran back under
# control after riot by IS inmates", "roj: 12 French children flown home"; bare20 survey, rule 26e): its first word
# lower case (no article: "al-Hol camp ..." opens a normal sentence) and at most two capitalised words in its line
_LOWER_OPEN_RE = re.compile(r"[a-z]{2,}\b(?![-‐‑ ](?=[a-z]))")
_CAP_WORD_RE = re.compile(r"\b[A-Z]")


def _lower_typed(text: str) -> bool:
    if not text[:1].islower() or _LOWER_OPEN_RE.match(text) is None or text[:3] in ("al-", "el-", "al ", "el "):
        return False
    line = text[: i if (i := text.find("\n")) != -1 else len(text)]
    return len(line) <= 200 and len(_CAP_WORD_RE.findall(line)) <= 2


def _section_countries(text: str, places: list[PlaceMention], actors: list[ActorMention]) -> list[PlaceMention]:
    """A country's name right after an organisation's name of two words or more names its national section ("Doctors
    Without Borders Netherlands", "Save the Children Sweden"): no place (rule 25n)."""
    ends = {a.end for a in actors if " " in a.surface and a.surface[-1:].isalpha() and a.surface[-1:].islower()
            and a.surface.split()[-1][:1].isupper()}
    if not ends:
        return places
    return [p for p in places if not (p.id.startswith("country:") and p.start - 1 in ends and text[p.start - 1] == " "
                                      and (p.end == len(text) or not text[p.end].isalpha()))]


def _reported(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """A facility beyond the region that facilities.yaml marks `open_world` (Evin, Zamzam: rule 24m) is read as the
    gazetteer's and reported as an unknown one, `open:<kind>:<slug of its first English core>` ("open:prison:evin",
    the id its name with a head had as an unknown one), as its labels are."""
    entries = gaz.entries
    out = facilities
    for i, f in enumerate(facilities):
        e = entries.get(f.id)
        if e is not None and e.open_name:
            if out is facilities:
                out = list(facilities)
            out[i] = f.model_copy(update={"id": f"open:{e.kind or 'camp'}:{slug(e.open_name)}"})
    if out is not facilities:  # "Alcatraz, closed in 1963 and now a museum": no site now, as an unknown one (rule 31b)
        out = [f for f, g in zip(out, facilities, strict=True) if f is g or not site_gone(text, f.start, f.end)]
    return out


# a prison's "central" or "military" after its unknown name is the same prison's description (`سجن قرنادة` ... `سجن
# قرنادة العسكري`): the slug's last word, folded (rule 27t)
_SAME_SITE_ENDS = ("-المركزي", "-العسكري")


def _one_site(facilities: list[FacilityMention]) -> list[FacilityMention]:
    """An unknown prison named once bare and once with `المركزي` or `العسكري` after its name in one text is one
    prison: the longer name's id is the shorter's where the text names both (rule 27t)."""
    ids = {f.id for f in facilities if f.id[:5] == "open:"}
    if len(ids) < 2:
        return facilities
    out = facilities
    for i, f in enumerate(facilities):
        if f.id[:5] == "open:" and f.id.endswith(_SAME_SITE_ENDS) and (base := f.id.rsplit("-", 1)[0]) in ids:
            if out is facilities:
                out = list(facilities)
            out[i] = f.model_copy(update={"id": base})
    return out


def _surnames_again(text: str, places: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """A GeoNames name no curated entry claims, read before in the text as a person's family name after a given name
    (`فادي القاسم`, "Fadi al-Qasim": rule 19), is that person again when it stands alone later (`وأوضح القاسم أن`,
    "Qasim said"): no place (data/README.md rule 24h)."""
    given = None
    first: dict[str, int] = {}  # name -> where it first follows a given name (-1: nowhere); each name's text read once
    out: list[PlaceMention] = []
    for p in places:
        e = gaz.entries.get(p.id)
        if e is not None and not e.curated and p.start > 0:
            name = p.surface.removeprefix("al-").removeprefix("Al-") if p.surface[:1] < "\u0250" else p.surface
            at = first.get(name)
            if at is None:
                if given is None:
                    given = cue_list(gaz.rules.given_names)
                at = -1
                k = text.find(name)
                while k >= 0:
                    j = k - (3 if text[k - 3 : k] in ("al-", "Al-") else 0)
                    # (a comma between is no name's: "Smko Mohammad, Kirkuk's Asayish"; rule 30e)
                    if k > 0 and not text[k - 1].isalnum() and text[j - 2 : j - 1].isalpha() and \
                            prev_word(text, j, _NO_SKIP) in given:
                        at = k
                        break
                    k = text.find(name, k + 1)
                first[name] = at
            if 0 <= at < p.start:
                continue
        out.append(p)
    return out


# a group's word after "the X" ("the Bahar group": an organisation's name, no Iranian Bahar; rule 21c, 26v)
_GROUP_AFTER_EN = (" group", " Group", " organisation", " organization", " foundation", " Foundation", " association",
                   " network", " collective", " initiative")
_OLD_TOWN_EN = frozenset(("al-balad", "el-balad", "al balad"))
# a church's or monastery's word before `سيدة X` ("Our Lady of X": `دير سيدة صيدنايا` names the monastery, rule 4)
_SHRINE_BEFORE_AR = frozenset(("دير", "ودير", "بدير", "كنيسة", "وكنيسة", "بكنيسة", "كنيسه", "كاتدرائية", "مزار",
                               "رهبنة", "أيقونة", "ايقونة"))


def _names_within(text: str, places: list[PlaceMention], gaz: Gazetteer, cores: list[Cand],
                  facilities: list[FacilityMention]) -> list[PlaceMention]:
    """Places that are part of another name or a far namesake (data/README.md rule 26v), each asked only where its
    own literal is next to the name: a GeoNames name between "the" and "group" ("the Bahar group": an organisation,
    rule 21c); a name after `دير/كنيسة سيدة` ("Our Lady of Saydnaya", the monastery: rule 4); a GeoNames town of
    another country that bears the name of a known facility of the one country the text's other places and facilities
    are in (Saudi Arabia's Baq'a for `Baqaa` in a text of Jordanian places: rule 19's namesake in the text's
    country)."""
    drop: set[int] = set()
    entries = gaz.entries
    core_at = {c.start: c for c in cores} if cores else None
    for p in places:
        s = p.start
        if s < 4:
            if core_at is None or s not in core_at:
                continue
        elif p.surface[:1] < "\u0250":
            if text[s - 4 : s] in ("the ", "The ") and text.startswith(_GROUP_AFTER_EN, p.end):
                e = entries.get(p.id)
                if e is not None and not e.curated:
                    drop.add(s)
                    continue
            if p.surface.lower() in _OLD_TOWN_EN and text[s - 1] == " " and text[s - 2 : s - 1].isalpha() \
                    and (k := text.rfind(" ", 0, s - 1)) + 1 < s - 1 and text[k + 1].isupper():
                drop.add(s)  # "Daraa al-Balad": the town's old quarter (`درعا البلد`), no Iraqi Balad (rule 4)
                continue
        elif text[s - 5 : s] in ("سيدة ", "سيده "):
            j = text.rfind(" ", max(0, s - 20), s - 6)
            if text[s - 6 : s - 5] == " " and text[j + 1 : s - 6].lstrip("«\"“(") in _SHRINE_BEFORE_AR:
                drop.add(s)
                continue
        if core_at is not None and (c := core_at.get(s)) is not None and c.end == p.end \
                and _far_namesake(p, c, places, facilities, entries):
            drop.add(s)
    return [p for p in places if p.start not in drop] if drop else places


def _far_namesake(p: PlaceMention, core: Cand, places: list[PlaceMention], facilities: list[FacilityMention],
                  entries: dict[str, Any]) -> bool:
    e = entries.get(p.id)
    if e is None or e.curated or e.kind in ("country", "admin1") or not p.country:
        return False
    homes = {f.country for x in core.payloads if (f := entries.get(x[1])) is not None and f.country}
    if not homes or p.country in homes:
        return False
    votes: dict[str, int] = {}
    for q in places:
        if q.start != p.start and q.country:
            votes[q.country] = votes.get(q.country, 0) + 1
    for f in facilities:
        if f.country and not f.id.startswith("open:"):
            votes[f.country] = votes.get(f.country, 0) + 1
    if votes.get(p.country, 0):
        return False
    if not votes:
        return False
    home = max(votes, key=votes.__getitem__)
    return home in homes and votes[home] >= 2 and sum(votes.values()) == votes[home]


def _moved(f: FacilityMention, p: PlaceMention) -> FacilityMention:
    return f.model_copy(update={"country": p.country, "lat": p.lat, "lon": p.lon, "admin1": p.admin1})


def clear_caches(gazetteer: Gazetteer) -> None:
    """Empty every bounded per-token cache the engine fills while it runs (cold-cache benchmarks)."""
    normalize_caches()
    variants_cache()
    if gazetteer.trie.compiled is not None:
        gazetteer.trie.compiled.clear_caches()
    gazetteer.stop_rules.clear()
    gazetteer.best.clear()
    gazetteer.place_fast.clear()
    gazetteer.name_countries.clear()
    if gazetteer.place_rules is not None:
        gazetteer.place_rules.surface_gates.clear()
        gazetteer.place_rules.name_before.clear()
        gazetteer.place_rules.given_before.clear()
        gazetteer.place_rules.word_flags.clear()
        gazetteer.place_rules.waw_words.clear()


# place_mask's groups (native/place.c): a check that reads no entry, a memo without the word, and the checks asked
# of a city, of a country, of a city, town or village (a crossing), of any entry but a country
_PM_ANY, _PM_MISS, _PM_CITY, _PM_COUNTRY, _PM_CROSS, _PM_NOTCOUNTRY = 1, 2, 4, 8, 16, 32


def _place(text: str, c: Cand, gaz: Gazetteer, others: list[Cand], gov: bool = True, feats: bool = True
           ) -> PlaceMention | None:
    """The place a candidate names here, or None (_place_full). Compiled: where place_mask says that none of
    _place_full's checks can fire for a curated entry, the place is made at once (the same answer)."""
    native = _PATH.native
    rules = gaz.place_rules
    if native is not None and rules is not None:
        s, end = c.start, c.end
        memo = (rules.surface_gates, rules.name_before, rules.given_before, rules.word_flags)
        m = native.place_mask(text, s, end, feats + 2 * gov, memo)
        if m & _PM_MISS:
            _fill_gates(text, s, end, gaz, rules)
            m = native.place_mask(text, s, end, feats + 2 * gov, memo)
        if not m & 3:
            hit = gaz.best.get(c.payloads)
            if hit is not None and hit[1] is None:
                e = hit[0]
                k = e.kind
                if e.curated and not _shares_capital(gaz, e, c.payloads) \
                        and not ((m & _PM_CITY and k == "city") or (m & _PM_COUNTRY and k == "country")
                                      or (m & _PM_CROSS and k in _CROSSING_TOWN_KINDS)
                                      or (m & _PM_NOTCOUNTRY and k != "country")) \
                        and not person_surname_en(text, s, end, gaz):  # (a person's family name, rule 32d: _place_full)
                    surface = text[s:end]
                    if gaz.stop_rules.get(surface, False) is None:
                        return place(surface, s, end, e.id, e.canonical, hit[2], e.country, e.lat, e.lon, e.admin1)
    return _place_full(text, c, gaz, others, gov, feats)


# a wire agency in brackets after a line's first name: a dateline (`تونس (وات) -`, "KUWAIT (KUNA) -"), the city the
# report is filed from, not the country sharing its name (rule 21b; neg21ar, rule 26v)
_AGENCY_DATELINE_RE = re.compile(r"[ \u00a0]?\((?:[^()\n]{2,12})\)[ \u00a0]*[-–—:،,]")


# Jordan's and Israel's district word (`لواء`, "liwa") before a town of theirs names the district by its seat: the
# town (`لواء عين الباشا`, `لواء حيفا`; bare21ar, hand21ar, rule 26v); the names the region's militias bear stay a
# brigade's (`لواء القدس`, Liwa al-Quds in Syria)
_LIWA_COUNTRIES = frozenset(("JO", "IL"))
_LIWA_MILITIA_NAMES = frozenset(("القدس",))


def _district_seat(text: str, s: int, end: int, c: Cand, gaz: Gazetteer) -> bool:
    """The name is a town of Jordan or Israel right after the bare word `لواء` (their district's word): the place."""
    if text[s - 5 : s] != "لواء " or (s > 5 and text[s - 6].isalpha()) or text[s:end] in _LIWA_MILITIA_NAMES:
        return False
    entries = gaz.entries
    return any((e := entries.get(p[1])) is not None and e.country in _LIWA_COUNTRIES and e.kind != "country"
               and e.kind != "admin1" for p in c.payloads)


def _shares_capital(gaz: Gazetteer, e: Any, payloads: tuple) -> bool:
    """A country whose name its capital bears too (تونس: Tunisia and Tunis): `العاصمة تونس` is the city (rule 26g)."""
    return e.kind == "country" and any(
        (o := gaz.entries.get(x[1])) is not None and o.kind != "country" and o.country == e.country for x in payloads)


def _place_fast(gaz: Gazetteer, payloads: tuple) -> Any:
    """What _place's short path reads of the best entry of these payloads, kept in gaz.place_fast: (the place_mask
    groups whose checks that entry's kind is asked, id, canonical, confidence, country, lat, lon, admin1); False for
    an entry the short path never takes (not curated, or another entry after a governorate cue); None, not kept,
    while gaz.best has no answer yet (_place_full finds it)."""
    hit = gaz.best.get(payloads)
    if hit is None:
        return None
    e = hit[0]
    if hit[1] is not None or not e.curated or _shares_capital(gaz, e, payloads):
        got: Any = False  # (a country named as its capital is: `العاصمة تونس` is read by _place_full, rule 26g)
    else:
        k = e.kind
        block = (_PM_CITY if k == "city" else 0) | (_PM_COUNTRY if k == "country" else 0) \
            | (_PM_CROSS if k in _CROSSING_TOWN_KINDS else 0) | (_PM_NOTCOUNTRY if k != "country" else 0)
        got = (block, e.id, e.canonical, hit[2], e.country, e.lat, e.lon, e.admin1)
    if len(gaz.place_fast) > 100_000:
        gaz.place_fast.clear()
    gaz.place_fast[payloads] = got
    return got


def _fill_gates(text: str, s: int, end: int, gaz: Gazetteer, rules: PlaceRules) -> None:
    """place_mask's memos for the words around this candidate, cut as native/place.c cuts them."""
    surface_gates(text[s:end], rules)
    if s > 1 and text[s - 1] == " ":
        lo = s - 24 if s > 24 else 0
        i = text.rfind(" ", lo, s - 1)
        prev = text[i + 1 if i != -1 else lo : s - 1]
        if prev not in rules.name_before:
            name_before_hit(prev, rules)
        last = text[max(0, s - 40) : s].rsplit(None, 1)
        if last:
            if len(rules.word_flags) > 100_000:
                rules.word_flags.clear()
            rules.word_flags[last[-1]] = _word_flags(last[-1])
        if text[s : s + 2] == "ال":
            lo = max(0, s - 16)
            i = text.rfind(" ", lo, s - 1)
            prev = text[i + 1 if i != -1 else lo : s - 1]
            if prev:
                if len(rules.given_before) > 100_000:
                    rules.given_before.clear()
                rules.given_before[prev] = _given_before(prev, gaz)


def _word_flags(token: str) -> int:
    """What the word before a name (prev_word's token as written, text[s - 1] a space) is, for place_mask: the bits
    of native/place.c's WF_* (each the test of _place_full or its helper that reads prev_word there)."""
    w = fold(token.strip(",.;:()"))
    return ((1 if w in _KUNYA_AR or w in _TRIBE_AR or w in _PERSON_TITLE_AR else 0)
            | (2 if w in _VILLAGE_HEADS else 0) | (4 if w in _ADMIN_HEADS else 0) | (8 if w in _CROSSING_AR else 0)
            | (16 if w.startswith("ال") and w.endswith("ه") and w != "المملكه" else 0)
            | (32 if _indefinite_feminine(w) else 0))


def _given_before(prev: str, gaz: Gazetteer) -> bool:
    """_person_before's answer for an Arabic name with the article after the word `prev` (non-empty, as cut)."""
    return prev.isalpha() and prev not in ("على", "علي", "إلى", "الى") and fold(prev) in cue_list(gaz.rules.given_names)


def _place_full(text: str, c: Cand, gaz: Gazetteer, others: list[Cand], gov: bool = True, feats: bool = True
                ) -> PlaceMention | None:
    s, end = c.start, c.end
    native = _PATH.native
    # (compiled: one test of the few characters by which the three context gates can fire at all)
    gates = native is None or native.place_gates(text, s, end)
    if gates and in_outlet_name(text, s, end) and not _district_seat(text, s, end, c, gaz):
        return None  # `قناة القاهرة الإخبارية`, "Syria Direct": a name, not the place
    if s > 1 and text[s - 1] in _QUOTES and _BASE_BEFORE_RE.search(text, max(0, s - 14), s):
        return None  # `معسكر ”التاجي“`, `قاعدة" عين الأسد"`: a base's name, no place (data/README.md rule 4)
    if text[s] < "\u0250":
        if gates and english_non_place(text, c):
            return None
        if text[end : end + 2] == ", " and _AGE_AFTER_RE.match(text, end):
            return None  # "said Khalil, 41, who has lived ...": a person and his age, no place (rule 23 (long16))
    elif (gates and person_before(text, s)) or _TANWEEN in text[end - 2 if end > 1 else 0 : end + 1]:
        return None  # أبو بكر البغدادي (a person); `40 سورياً` ("forty Syrians": a noun with its case ending), also
        # with the tanween on the letter before the alef (`لاجئًا سوريًا`, rule 27j)
    elif s > 1 and text[s - 1] == " " and text[s - 2] in _DIGITS and _count_of_people(text, s, end):
        return None  # `49 سوريا وفلسطينيا`, `نحو 50 سوريًّا`: a count of Syrians, the nisba's accusative with its
        # tanween unwritten (or written before a shadda), no country (rule 27j)
    rules = gaz.place_rules
    latin = text[s] < "\u0250"
    if latin and ((text[end : end + 2] == ", " and _US_STATE_AFTER_RE.match(text, end) is not None)
                  or (text[s - 2 : s] == ", " and text[s:end] == "Georgia" and not any(o.end == s - 2 for o in others))
                  or text[s - 4 : s] == "New "):
        return None  # "Lebanon, Pennsylvania", "Lumpkin, Georgia" (a US state after a town no gazetteer names),
        # "New Mexico": the United States' towns and states, not Lebanon, Georgia or Mexico (world16 survey)
    if latin and _in_group_name(text, s, end):
        return None  # "the Association for Civil Rights in Israel", "Physicians for Human Rights-Israel" (rule 26b)
    if latin and ((text[s - 4 : s] == " of " and _GROUP_OF_RE.search(text, max(0, s - 40), s) is not None)
                  or (text[end : end + 1] == " " and _TREATY_AFTER_RE.match(text, end) is not None)):
        return None  # "the People's Mujahedin of Iran" (a group's name), "the Fourth Geneva Convention" (rule 26k)
    if latin and text[end : end + 1] == " " and _district_named(text, s, end):
        return None  # "the Bustan al-Quds district": a quarter's name that holds a city's, no Jerusalem (rule 26b)
    # (each check below is called only where its own first test can pass: most candidates need none of them)
    if rules is not None:
        # (the checks the surface alone rules out are not called: places.surface_gates, one look-up per candidate)
        may = surface_gates(text[s:end], rules)
        if (may & MAY_COMMON and common_word(text, c, others, rules)) \
                or (may & MAY_NOUN and not latin and text[end : end + 1] == " " and noun_phrase(text, s, end, rules)):
            return None  # عنه "about it", not Anah; `الباب الحديدي` "the iron door", not al-Bab (places.py)
        if person_named(text, c, others, rules) \
                or ((may & MAY_AGENCY or text[s - 3 : s] == "of " or text[end : end + 7] == " العربي")
                    and agency_or_outlet(text, s, end, rules)):
            return None  # "Hozan Qamishlo", "Maghawir al-Thawra" (a person's, a group's name), "told SANA" (an agency)
        if latin:
            if text[s + 2 : s + 3] == "-" and direction_of_name(text, s, end):
                return None  # "al-Nashwa al-Gharbiya": part of the name before it
        elif text[s - 5 : s] == "وادي " and in_named_valley(text, s, rules):
            return None  # `قرية وادي الخليل`: the village, not Hebron (places.py)
    if latin and in_credit(text, s, end):
        return None  # "(AP Photo/Baderkhan Ahmad)", "© Sam Tarling": a photographer (places.py)
    if (feats or text[s - 1 : s] == "ف") and natural_feature(text, s, end):
        return None  # "the Yarmouk River", `جبال قنديل` (places.py)
    if _named_after(text, s, end, latin):
        return None  # "Haifa Street", "Damascus University", "Mosul Dam", `جامعة دمشق`, `سد الموصل`: not the place
    hit = gaz.best.get(c.payloads)
    pw: str | None = None  # (the folded word before the name, prev_word(text, s, _NO_SKIP): read once, when asked)
    if hit is None:
        best_entry(text, c, gaz)
        hit = gaz.best[c.payloads]
    if hit[1] is not None and cue_before(text, s, ADMIN_CUES):
        e, conf = hit[1], hit[3]
    elif not latin and not hit[0].curated and hit[0].population < _VILLAGE_MAX_POP \
            and not (hit[0].country in _SEAT_COUNTRIES and hit[0].population >= _SEAT_MIN_POP) \
            and (pw := prev_word(text, s, _NO_SKIP)) in _PROVINCE_WORDS_AR:
        return None  # `بمحافظة الجيزة` (Egypt): no governorate bears a village's name (Syria's al-Jizah); a
        # governorate outside the gazetteer's scope is no place (README rule 18); a Palestinian, Jordanian or
        # Lebanese governorate is named by its seat, a town of 10,000 or more (`محافظة جنين`, `محافظة جرش`,
        # `محافظة طوباس`: the seat, rule 28j)
    else:
        e, conf = hit[0], hit[2]
        if e.kind == "city" and ((gov and _governorate_cued(text, s, end))
                                 or (text[s - 1 : s] in _OPEN_QUOTES
                                     and _QUOTED_ADMIN_RE.search(text, max(0, s - 12), s) is not None)):
            adm = admin_of(gaz).get(" ".join(key_tokens(text[s:end])))
            if adm is None and not latin and text[s - 1 : s + 1] == "لل":
                adm = admin_of(gaz).get(" ".join(key_tokens("ا" + text[s:end])))  # `الريف الغربي للرقة` (rule 26l)
            if adm is None and latin:
                # a spelling the governorate's aliases lack ("Deir e-Zor provinces", "Nohadra (Duhok) Governorate"):
                # the governorate of the city's canonical name (rule 25n)
                adm = admin_of(gaz).get(" ".join(key_tokens(e.canonical)))
            if adm == "adm1:SY-rif-dimashq" and "محافظات" in text[s - 60 if s > 60 else 0 : s]:
                adm = None  # `محافظات حلب ودمشق`: Damascus is a governorate of its own, the city's (not Rif Dimashq)
            if adm is not None:  # `ريفي إدلب وحلب`, "rural northern Idlib", "the countryside of Deir Ez-Zor"
                e = gaz.entries[adm]
        elif e.kind == "country" and len(c.ids) > 1 and (
                cue_before(text, s, _CAPITAL_CUES)
                or ((s == 0 or text[s - 1] == "\n") and _AGENCY_DATELINE_RE.match(text, end) is not None)):
            for i in dict.fromkeys(c.ids):  # `العاصمة تونس`, "the capital Kuwait": the capital the country shares its
                o = gaz.entries[i]  # name with, not the country (rule 26g)
                if o.kind != "country" and o.country == e.country and o.population >= 100000:
                    e, conf = o, 0.8
                    break
    if e.kind == "country" and (_admin_head_before(text, s, end) or _country_adjective(text, s, end)
                                or (latin and text[s - 5 : s] in ("Port ", "PORT "))):
        # `بقضاء المجر الكبير`, `محافظة أذربيجان الغربية`: a district's or province's name, not the country;
        # `وزارة الخارجية السعودية`: the adjective; "PORT SUDAN": a city's name
        return None
    # (a crossing's name: after `معبر`/`منفذ` (the word before, read once), before "(border) crossing")
    if e.kind in _CROSSING_TOWN_KINDS and not e.canonical.endswith("crossing)") and (
            (text[end : end + 1] == " " and text[end + 1 : end + 2] in _CROSSING_EN_FIRST
             and _CROSSING_EN_RE.match(text, end) is not None) if latin
            else text[s - 1 : s] == " " and s > 1 and (text[s - 2] in _CROSSING_LAST or text[s - 2].isspace())
            and (pw if pw is not None else (pw := prev_word(text, s, _NO_SKIP))) in _CROSSING_AR):
        return None  # `معبر اليعربية`, "the Rabia crossing": a crossing bears the town's name, no place (README
        # rule 4: crossings count only as places.yaml lists them, `معبر باب الهوى`; an area such as Tanf stays; a
        # listed crossing, "(border crossing)" in its canonical name, keeps its place: "the Bab al-Hawa border
        # crossing", rule 26u)
    if latin and not e.curated and e.kind in _CROSSING_TOWN_KINDS and text[end : end + 1] == " " \
            and _CHECKPOINT_EN_RE.match(text, end) is not None:
        return None  # "the Al-Hamra military checkpoint": a checkpoint's name (rule 25n)
    if latin and e.kind not in ("country", "admin1") and text[end : end + 1] == " " \
            and text[end + 1 : end + 2].isupper() \
            and (not e.curated or (e.country not in ("SY", "IQ") and e.population < _GOES_ON_MAX_POP
                                   and not e.canonical.lower().startswith(text[s:end].lower()))) \
            and text[end - 2 : end] not in _POSSESSIVE_ENDS \
            and _name_goes_on(text, s, end, others, e.country in ("SY", "IQ")):
        return None  # "Safa Msehli", "Ivan Faiq", "Bani Walid": a longer name's first word, no town (rule 25n)
    if latin and e.kind not in ("country", "admin1") and text[end : end + 1] == " " \
            and _quarter_of_far_town(text, end, e, others, gaz):
        return None  # "the Sana'a neighbourhood of Qamishli": a quarter named after a far city, no Yemen (rule 26b)
    if e.kind == "city" and e.population >= _VILLAGE_MAX_POP and _village_head(text, s, end):
        return None  # "the village of al-Zarka" near Khanaqin, not Zarqa (Jordan): a village is no big city
    if text[s - 1 : s] == "ك" and e.kind != "country" and kaf_glued(text, s):
        return None  # `كريم` read as ك + ريم "like Rome": only a country keeps the "like" reading (places.py)
    if e.kind == "country" and in_landmark_name(text, s):
        return None  # `باب اليمن`: a gate's name (places.py)
    if not e.curated or "شارع" in (lead := text[s - 7 if s > 7 else 0 : s]) or "بستان" in lead or "حار" in lead \
            or lead[-3:] == "تل " or "خربة " in lead:
        prev = pw if pw is not None else prev_word(text, s, _NO_SKIP)
        if prev in _SCHOOL_SEX:
            prev = prev_word(text, s, _SCHOOL_SEX)  # `مدرسة ذكور النصيرات`: a school's name past its pupils' sex
        if prev in (nots := cue_list(gaz.rules.geonames_not_after)) or (prev[:1] in "وفبل" and prev[1:] in nots):
            return None  # (`شارع صلاح الدين`: a street of any town, even after a curated name's; `وبستان القدس`,
            # `المجاور لملعب اليرموك`)
        if not e.curated and prev in cue_list(gaz.rules.given_names) \
                and not (prev == "علي" and text[s - 2 : s] == "\u0649 ") and text[s - 2 : s] not in (", ", "، "):
            return None  # `فادي القاسم`, `سارة جاسم`, "Ali Jasim": a person's family name, not the town (`على`
            # with its alef maqsura is the preposition: `الغارات على بعلبك`, rule 25o)
        if not e.curated and not latin and prev in _PERSON_TITLE_AR:
            return None  # `الطفل نوى الخطيب`: a person's given name after his title, not the town (rule 25o)
        if not e.curated and text[s - 3 : s] in _POSSESSIVE and not _country_before(text, s - 3, gaz) \
                and any(o.end == s - 3 for o in others):
            return None  # "Mosul's Old City": a quarter of the place before it (districts: data/README.md rule 4);
            # after a country's possessive it is a town of that country ("Turkey's Gaziantep", "Iraq's Kirkuk");
            # after an outlet's or a person's ("Rudaw's Halabja correspondent") it is the town
        if not e.curated and prev in _KUNYA_WORDS:
            return None  # "Umm Ahmad", `أم أحمد`: a kunya before the name makes a person
        if not e.curated and e.population < QUARTER_LIST_MAX_POP and in_quarter_list(text, s, end):
            return None  # `أحياء غويران والنشوة والعزيزية`: a city's quarters, not Iraq's al-Aziziyah (places.py)
    elif e.kind not in ("country", "admin1") and not latin and text[s - 1 : s] == " " \
            and ((pw := pw if pw is not None else prev_word(text, s, _NO_SKIP)) in _KUNYA_AR or pw in _TRIBE_AR
                 or pw in _PERSON_TITLE_AR):
        return None  # `ناحية أبي صيدا` (Diyala), `أبو حلب`: a kunya's name, not Sidon or Aleppo; `قبيلة ربيعة`: a
        # tribe's; `المواطنة ربيعة حسن`: a person's
    elif e.kind == "admin1" and not latin and text[s - 1 : s] == " " \
            and (pw := pw if pw is not None else prev_word(text, s, _NO_SKIP)) in _PERSON_TITLE_AR:
        return None  # `الأسير صلاح الدين أبو جلبوش`: a governorate's name that is a given name, after a person's title
        # (a prisoner, a citizen, a child), names the person (rule 28d)
    elif e.kind not in ("country", "admin1") and latin and text[s - 4 : s] in ("Abu ", "Abi "):
        return None  # "near Abu Saida" (Diyala): a kunya's name, not Sidon
    elif e.kind not in ("country", "admin1") and latin and text.startswith((" tribe", " clan"), end):
        return None  # "the Rabia tribe": a tribe's name
    elif e.kind not in ("country", "admin1") and text[s - 1 : s] == " " and (latin or text[s : s + 2] == "ال") \
            and _person_before(text, s, gaz):
        return None  # "Mahmoud Rukban", `عمر التاجي`: a given name before a town's name makes a family name
    elif e.kind not in ("country", "admin1") and latin and text[s - 1 : s] == " " \
            and person_surname_en(text, s, end, gaz):
        return None  # "Dr. Rukban", "Ahmed Taji, 34,", "... Rania Zaatari ... Zaatari said": a person's family name, an
        # honorific, a full name or the text's full name read again alone (rule 32d), no town
    surface = text[s:end]
    # context_stopped() only when the surface has a stop rule, or its rule is not looked up yet
    if gaz.stop_rules.get(surface, False) is not None and context_stopped(text, c, gaz):
        return None
    return place(surface, s, end, e.id, e.canonical, conf, e.country, e.lat, e.lon, e.admin1)


# a group named "for" or "against" something "in" a country, or with the country after a hyphen ("the Association for
# Civil Rights in Israel", "the Public Committee Against Torture in Israel", "Physicians for Human Rights-Israel"):
# the country is the name's (rule 26b, as rule 25u's "al-Qaeda in Iraq"); the group's word opens the name
_GROUP_IN_RE = re.compile(
    r"\b(?:Association|Committee|Coalition|Council|Campaign|Cent(?:er|re)|Alliance|League|Society|Union|Foundation|"
    r"Institute|Network|Movement|Physicians|Doctors|Lawyers|Rabbis|Women|Friends|Fund|Organi[sz]ation|Commission|"
    r"Forum|Initiative|Mothers|Families|Parents)s? (?:[Ff]or|[Aa]gainst) (?:the )?[A-Z][\w'’]*"
    r"(?: (?:of |and |the |for )?[A-Z][\w'’]*){0,4}(?: in |[-‐‑–] ?| )$")


# a group's word and "of" right before a country's or city's name: the name is the group's ("the People's Mujahedin of
# Iran", "the National Council of Resistance of Iran", "the Communist Party of Iraq"; rule 26k); the word is capitalised
# and is no state's ("the Government of Iraq", "the Republic of Iraq", "the Council of Representatives of Iraq" keep it)
_GROUP_OF_RE = re.compile(r"(?<![\w'’-])(?:Muj?ahedd?in|Mujahideen|Mojahedin|Mojahedeen|Party|Front|Movement|"
                          r"Organi[sz]ation|Brotherhood|Federation|Congress|Resistance|Alliance|League)"
                          r" of (?:the )?$")
# a treaty's, accord's or protocol's word right after a city's name: the name is the document's ("the Fourth Geneva
# Convention", "the Oslo Accords", "the Istanbul Protocol"; rule 26k)
_TREATY_AFTER_RE = re.compile(r" (?:Conventions?|Accords?|Protocols?)\b")


def _in_group_name(text: str, s: int, e: int) -> bool:
    """The country ends a group's name "for ... in" it (_GROUP_IN_RE); tried where " for " or "gainst " is in the
    90 characters before."""
    lo = max(0, s - 90)
    window = text[lo:s]
    return (" for " in window or " For " in window or "gainst " in window) \
        and _GROUP_IN_RE.search(text, lo, s) is not None


# a quarter's word after the name: "the Bustan al-Quds district", "the Sana'a neighbourhood of Qamishli"
_QUARTER_AFTER_RE = re.compile(r" (?:district|neighbou?rhood|quarter)\b")
_QUARTER_OF_RE = re.compile(r" (?:district|neighbou?rhood|quarter|suburb) of (?:the )?(?=[A-Z])")
_CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")
# a nationality's or people's adjective ("Kurdish", "Syrian", "Lebanese", "Iraqi"; not "Bustan", a word in -an)
_NATION_ADJ_RE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ch|i)|Afghan|Alawite|Druze|Arab|Turkmen")


def _district_named(text: str, s: int, e: int) -> bool:
    """A capitalised word right before the name and a quarter's word after it: the quarter's own name holds the
    city's ("the Bustan al-Quds district": no Jerusalem); not a direction, an age, a day or month, a nationality
    ("the Old Damascus quarter", "the Kurdish Afrin district") nor a title-case line's word."""
    if _QUARTER_AFTER_RE.match(text, e) is None:
        return False
    m = _CAP_WORD_BEFORE_RE.search(text, max(0, s - 24), s)
    if m is None or m.group(1) in _PLACE_GOES_ON or _NATION_ADJ_RE.fullmatch(m.group(1)) is not None:
        return False
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    words = _WORD_RE.findall(text[ls : le if le != -1 else len(text)])
    return not (len(words) >= 3 and not any(w[0].islower() and w not in _TITLE_SMALL for w in words))


_QUARTER_FAR_DEG = 0.5  # (about 50 km: no city's quarter lies this far from it)


def _quarter_of_far_town(text: str, e: int, x: Entry, others: list[Cand], gaz: Gazetteer) -> bool:
    """"the X neighbourhood of Y" with Y a town far from X: X names Y's quarter, no place ("the Sana'a neighbourhood
    of Qamishli"); a town near X, or a quarter Y, leaves X the city ("the Damascus neighbourhood of Mezzeh")."""
    m = _QUARTER_OF_RE.match(text, e)
    if m is None or x.lat is None or x.lon is None:
        return False
    o = next((o for o in others if o.start == m.end()), None)
    if o is None:
        return False
    hit = gaz.best.get(o.payloads)
    if hit is None:
        best_entry(text, o, gaz)
        hit = gaz.best[o.payloads]
    y = hit[0]
    if y.kind not in ("city", "town") or y.lat is None or y.lon is None or (not y.curated and y.population < 20_000):
        return False
    return abs(y.lat - x.lat) + abs(y.lon - x.lon) > _QUARTER_FAR_DEG


# capitalised words that go on a place's own name or follow a town in running text: the town stays
_PLACE_GOES_ON = frozenset((
    "Province", "Provinces", "Governorate", "Governorates", "District", "Subdistrict", "Sub-district", "City",
    "Town", "Village", "Camp", "Camps", "Prison", "Prisons", "Region", "Canton", "Airport", "Dam", "Street", "Road",
    "Highway", "University", "Hospital", "Council", "Mayor", "Governor", "Governor's", "Police", "Operations",
    "Command", "Court", "Crossing", "Checkpoint", "Refugee", "Detention", "Central", "Military", "Municipality",
    "Valley", "Plain", "Plains", "Mountain", "Mountains", "River", "Lake", "Bridge", "Gate", "Market", "Square",
    "Mosque", "Church", "Station", "Base", "Area", "Countryside", "Center", "Centre", "Directorate", "Port", "Hills",
    "Strip", "Security", "Health", "Education", "Old", "New", "East", "West", "North", "South", "Eastern", "Western",
    "Northern", "Southern", "Upper", "Lower", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "I", "The", "A", "An", "In", "On", "At", "And", "But", "Kurdistan", "Syria", "Iraq",
    "Turkey", "Lebanon", "Jordan", "Iran", "Israel", "Gaza", "Libya", "Sudan"))
_NEXT_WORD_RE = re.compile(r" ([A-Z][\w'’]*)")
# prepositions before a town of Syria or Iraq: the town is a place even where a name follows it unpunctuated
_PLACE_PREPS = frozenset(("of", "in", "from", "to", "near", "at", "around", "outside", "into"))
_TITLE_SMALL = frozenset(("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "from",
                          "with", "after", "over", "into", "near", "amid", "al", "el", "is", "are", "vs"))
# a curated town abroad under this size is read so too where the name as written is not its own canonical one (Iran's
# Baneh by the alternate name "Bani" in "Bani Walid"; "Sidon Governmental Hospital" keeps Sidon)
_GOES_ON_MAX_POP = 200_000
_POSSESSIVE_ENDS = frozenset(("'s", "’s"))  # "Tripoli's Mitiga prison": the place's own site, the place stays
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def _name_goes_on(text: str, s: int, e: int, others: list[Cand], home: bool) -> bool:
    """An uncurated GeoNames name followed right away by a capitalised word that is no place's, no site's, no day's
    and no month's, outside a title-case line, is the first word of a longer name: a person's ("Safa Msehli",
    "Ivan Faiq": Jordan's Safi and Iran's Eyvan) or a town's the gazetteer lacks ("Bani Walid"; rule 25n)."""
    m = _NEXT_WORD_RE.match(text, e)
    if m is None or m.group(1) in _PLACE_GOES_ON or any(o.start == e + 1 for o in others):
        return False
    if home and text[s - 1 : s] == " " and text[max(0, s - 6) : s - 1].rsplit(" ", 1)[-1] in _PLACE_PREPS:
        return False  # "the governor of Kirkuk Rakan al-Jiburi": a town of Syria or Iraq after "of", a name after it
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    words = _WORD_RE.findall(text[ls : le if le != -1 else len(text)])
    if len(words) >= 3 and not any(w[0].islower() and w not in _TITLE_SMALL for w in words):
        return False  # a title-case line: every word but the small ones is capitalised ("Families Leave Roj For Iraq")
    return True


def _person_before(text: str, s: int, gaz: Gazetteer) -> bool:
    """A given name (engine_rules given_names) right before a curated town's name: capitalised in English, written
    out in Arabic before a name with the article (not علي/على, which is also the preposition "on")."""
    latin = text[s] < "\u0250"
    if not latin and text[s : s + 2] != "ال":
        return False  # (an Arabic family name has the article: `عمر التاجي`)
    i = text.rfind(" ", max(0, s - 16), s - 1)
    a = i + 1 if i != -1 else max(0, s - 16)
    if latin and (m := _NISBA_ARTICLE_RE.match(text, a, s - 1)) is not None:
        a = m.end()  # "Abu Abdullah al-Rashid al-Baghdadi": a name of the chain with its article (rule 26h)
    if latin and not text[a].isupper():
        return False
    prev = text[a : s - 1]
    if not prev or not prev.isalpha():
        return False
    if latin:
        return prev.isascii() and prev.lower() in cue_list(gaz.rules.given_names)
    return prev not in ("على", "علي", "إلى", "الى") and fold(prev) in cue_list(gaz.rules.given_names)


_QUOTES = "\"«»“”„'’"
# a transliterated article joined by a hyphen to a capitalised name: "al-Rashid", "el-Sayed", "ash-Shami" (rule 26h)
_NISBA_ARTICLE_RE = re.compile(r"(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-(?=[A-Z])")
_POSSESSIVE = frozenset(("'s ", "’s "))
_KUNYA_WORDS = frozenset(("umm", "abu", "ibn", "bint", "ام", "ابو", "ابن", "بنت"))
_KUNYA_AR = frozenset(("ابو", "ابي", "ابا", "وابو", "لابي", "بابي"))  # (folded) before a curated town's name
# (folded) a tribe or clan, singular: its own name follows (`قبيلة ربيعة`; the plural `عشائر دير الزور` is a region's)
_TRIBE_AR = frozenset(p + w for w in ("قبيله", "عشيره") for p in ("", "و", "ل", "ب", "ول"))
# (folded) a person's title: the name after it is a given name (`المواطنة ربيعة حسن`), not Iraq's Rabia
_PERSON_TITLE_AR = frozenset(("المواطن", "المواطنه", "السيد", "السيده", "الحاج", "الحاجه", "الشاب", "الشابه",
                              "الطفل", "الطفله", "الناشط", "الناشطه", "الشاعر", "الشاعره", "الفنان", "الفنانه",
                              # (place19ar: a reporter, a pupil, a refugee or a detainee named by his title)
                              "الصحفي", "الصحفيه", "الطالب", "الطالبه", "اللاجئ", "اللاجئه", "النازح", "النازحه",
                              "الاسير", "الاسيره", "المدعو", "المدعوه"))
_BASE_WORDS = frozenset(("القاعدة", "القاعده"))
_BASE_LENS = frozenset(len(w) for w in _BASE_WORDS)  # (an actor's span of another length is none of them: no slice)
# "the former regime" named without Assad's name (folded): in Iraqi reporting, Saddam Hussein's
_FORMER_REGIME = frozenset(fold(w) for w in ("النظام السابق", "النظام البائد", "النظام المخلوع", "former regime",
                                              "ousted regime",
                                              # after لل (`موالين للنظام السابق`: the surface starts after it)
                                              "لنظام السابق", "لنظام البائد", "لنظام المخلوع"))


def _unquoted(surface: str) -> str:
    """The folded surface with a mark inside it dropped (`النظام" المخلوع`: a name the closing mark cuts)."""
    return fold(surface) if '"' not in surface and "»" not in surface and "”" not in surface and "“" not in surface \
        else " ".join(fold(surface.translate(_NO_MARKS)).split())


_NO_MARKS = str.maketrans({'"': " ", "»": " ", "”": " ", "“": " "})


def _iraq_not_syria(places: list[PlaceMention], facilities: list[FacilityMention]) -> bool:
    """The text's places and facilities are Iraq's and none is Syria's."""
    countries = {m.country for m in places} | {m.country for m in facilities}
    return "IQ" in countries and "SY" not in countries


# another country whose regime fell, named by its name, its nisba or its fallen ruler: "the former regime" in a text
# about Libya, Egypt, Yemen, Tunisia or Sudan is that regime, not Assad's (data/README.md rule 25r; Iraq's Saddam
# Hussein: _iraq_not_syria); Syria's own words keep it Assad's
_OTHER_FALLEN_RE = re.compile(
    r"\b(?:Libyan?|Gadd?h?afi|Qadd?h?afi|Egypt(?:ian)?|Mubarak|Yemeni?|Tunisian?|Ben Ali|Sudan(?:ese)?|Bashir)\b"
    r"|(?<![\u0621-\u064a])[وبلف]?(?:ال)?(?:ليبي|ليبيا|ليبيه|القذافي|مصري|مصر|مبارك|يمني|اليمن|تونسي|تونس|"
    r"سوداني|السودان|البشير)(?:ه|ة|ين|ون|يين|يون)?(?![\u0621-\u064a])")
_SYRIA_WORDS_RE = re.compile(r"\b(?:Syrian?|Assad|Damascus)\b|سوري|سورية|الأسد|الاسد|دمشق")


def _other_fallen_regime(text: str, places: list[PlaceMention], facilities: list[FacilityMention]) -> bool:
    """The text names another country whose regime fell and nothing of Syria's (places, facilities, words)."""
    if any(m.country == "SY" for m in places) or any(m.country == "SY" for m in facilities):
        return False
    return _OTHER_FALLEN_RE.search(text) is not None and _SYRIA_WORDS_RE.search(text) is None
_BASE_PREV = frozenset(("في", "الي", "داخل", "قرب", "الى", "إلى", "هذه", "تلك", "محيط"))  # (من القاعدة: either)
_BASE_NEXT_RE = re.compile(r"\s+(?:ال)?(?:عسكري|جوي|امريكي|أمريكي|أميركي|بحري|تركي|روسي|التي|الذي)")


_COUNTRY_NAMES: dict[int, tuple[Gazetteer, tuple[str, ...]]] = {}


def _country_before(text: str, end: int, gaz: Gazetteer) -> bool:
    """A country's English name ends at `end` ("Iraq" in "Iraq's Kirkuk")."""
    got = _COUNTRY_NAMES.get(id(gaz))
    if got is None or got[0] is not gaz:
        names = tuple(sorted({e.canonical.lower() for e in gaz.entries.values() if e.kind == "country"}
                             | {"us", "u.s.", "uk", "turkiye", "türkiye", "syrian arab republic"}))
        got = _COUNTRY_NAMES[id(gaz)] = (gaz, names)
    return text[max(0, end - 24) : end].lower().endswith(got[1])


def _a_base(text: str, s: int, e: int) -> bool:
    """`القاعدة` is "the base" after a preposition or before an adjective or a relative pronoun."""
    prev = prev_word(text, s, _NO_SKIP)
    if prev == "من" and _LEFT_BASE_RE.search(text, max(0, s - 40), s) is not None:
        return True  # `انسحبت القوات من القاعدة`, `أقلعت الطائرات من القاعدة`: left a base (rule 25z)
    return prev in _BASE_PREV or _BASE_NEXT_RE.match(text, e) is not None


# verbs and nouns of leaving or taking off right before `من القاعدة` (a base, not al-Qaeda)
_LEFT_BASE_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:انسحبت|انسحب|انسحبوا|انسحاب|تنسحب|ينسحب|غادرت|غادر|غادروا|"
                           r"مغادرة|أقلعت|اقلعت|إقلاع|اقلاع|تقلع|انطلقت|انطلق|أخلت|اخلت|إخلاء|اخلاء)"
                           r"(?:\s+[^\s.،,؛]+){0,3}\s+من\s+$")
# an actor's alias that ends with a force (military, army, forces, troops: its last letters) before a campaign's word
_FORCE_ENDS = frozenset(("tary", "army", "Army", "rces", "oops"))
_WORD_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+) $")
# a capitalised word shaped like a nationality adjective ("German", "Dutch", "Danish", "Saudi", "Pakistani")
_DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|ch|i)")


def _other_nation_before(text: str, start: int, country: str | None, gaz: Gazetteer) -> bool:
    """A nationality adjective of another state stands right before a state's alias: "the German foreign office",
    not the alias's own ("the British Foreign Office", "the American State Department")."""
    m = _WORD_BEFORE_RE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    w = m.group(1)
    nation = gaz.state.adj_en.get(w) if gaz.state is not None else None
    if nation is not None:
        return nation != country and len(nation) == 2
    return _DEMONYM_RE.fullmatch(w) is not None
_BASE_BEFORE_RE = re.compile(r"(?:معسكر|قاعدة|قاعده)\s*[\"«»“”„'’]\s*$")
_DUAL_ADMIN_RE = re.compile(r"(?:ريفي|محافظتي|أرياف|ارياف)\s+(?:\S+\s+و\s*)?$")
# the plural over a list: its first name, or a later one after و or a comma (a name of up to two words before each)
_PLURAL_ADMIN_AR_RE = re.compile(r"(?:محافظات|أرياف|ارياف)\s+"
                                 r"(?:[^\s،,]+(?:\s+[^\sو،,][^\s،,]*)?\s*(?:[،,]\s*و?|\s+و|و)\s*){0,3}$")
_RURAL_BEFORE_RE = re.compile(r"(?:\b(?:countryside|province|governorate)\s+of\s+(?:the\s+)?|"
                              r"\brural\s+(?:(?:north|south|"
                              r"east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|"
                              r"south-?eastern|south-?western)\s+)*)$", re.IGNORECASE)
# "the (northern ...) countryside of" X with the preposition ل glued to X (`الريف الشمالي الشرقي لإدلب`, rule 26l)
_RURAL_LAM_AR_RE = re.compile(r"(?<![\u0600-\u06ff])[وفب]?الريف(?:\s+ال(?:شمالي|جنوبي|شرقي|غربي|أوسط|اوسط))*\s+لل?$")
_RURAL_AFTER_RE = re.compile(r"(?:\)|['’]s)?\s+(?:(?:north|south|east|west)(?:ern)?\s+)?countryside\b", re.IGNORECASE)
# (what can follow a name before "countryside": ") ", " c", "'s eastern ...", " eastern ...")
# "X and Y provinces", "X, Y and Z provinces": the plural names every governorate of the list
# (a second word may open with a lower-case article: "Deir ez-Zor", "Deir e-Zor"; rule 25n)
_ADMIN_NAME = r"(?:al-)?[A-Z][\w'’-]*(?: (?:[a-z]{1,3}-)?[A-Z][\w'’-]*)?"
_PLURAL_ADMIN_AFTER_RE = re.compile(rf"(?:(?:, {_ADMIN_NAME}){{1,3}},?)? and {_ADMIN_NAME}"
                                    r" (?:provinces|governorates)\b")
# "the Idlib and Aleppo countryside", "the Latakia, Tartus and Hama countrysides": the countryside after a list is every
# name's, each a governorate (rule 26b; the last one is read by _RURAL_AFTER_RE)
_PLURAL_RURAL_AFTER_RE = re.compile(rf"(?:(?:, {_ADMIN_NAME}){{1,3}},?)? and {_ADMIN_NAME}(?:['’]s)?"
                                    r" (?:(?:north|south|east|west)(?:ern)? )?countrysides?\b")
# "rural Idlib, Hama and Aleppo": a list of three or more names after "rural" is each name's governorate (rule 26u)
_RURAL_LIST_BEFORE_RE = re.compile(r"\b(?i:rural)\s+(?:(?i:north|south|east|west|northern|southern|eastern|western)"
                                   rf"\s+)*{_ADMIN_NAME}(?P<more>(?:, {_ADMIN_NAME}){{0,2}})(?P<j>, and |, | and )$")
_LIST_GOES_ON_RE = re.compile(rf"(?:, {_ADMIN_NAME}){{0,2}},? and {_ADMIN_NAME}\b")
# "Idlib, a north-western Syrian province", "Daraa, a rebel-held governorate": an apposition that calls the name a
# province names the governorate (rule 27m); adjectives only ("Saraqib, a town in the province" is the town)
_APPOSED_UNIT_RE = re.compile(r", an? (?:(?!(?:in|of|on|at|by|the|town|city|village|capital|part|district|former)\b)"
                              r"(?:[a-z]+(?:-[a-z]+)*|[A-Z][a-z]+(?:ian|i|ish))\s+){0,3}(?:province|governorate)\b")
_GLOSS_UNIT_AFTER_RE = re.compile(r"\)\s+(?:governorate|province)\b", re.IGNORECASE)
_GLOSSED_UNIT_AFTER_RE = re.compile(r" \([A-Z][^()\n]{0,30}\)\s+(?:governorate|province)\b", re.IGNORECASE)
_RURAL_AFTER_OPEN = frozenset((" c", ") ", " C", "'s", "’s", " e", " w", " n", " s", " E", " W", " N", " S"))


# words of an administrative unit right before a name (folded; with a glued preposition): a country's name after
# one opens the unit's own name (`قضاء المجر الكبير`, `محافظة أذربيجان الغربية`), no country is a district
_ADMIN_HEADS = frozenset(w2 + w for w in ("قضاء", "ناحيه", "محافظه", "قريه", "بلده", "ولايه", "مديريه")
                         for w2 in ("", "ب", "ل", "و", "وب", "ول"))
_VILLAGE_HEADS = frozenset(w2 + w for w in ("قريه", "قريتي") for w2 in ("", "ب", "ل", "و", "وب", "ول"))
# the neighbours whose governorates are named by their seat towns, and the smallest seat (Salfit, 11,000): after
# `محافظة` such a town is the place though it is no gazetteer governorate (rule 28j)
_SEAT_COUNTRIES = frozenset(("PS", "JO", "LB"))
_SEAT_MIN_POP = 10_000
_VILLAGE_MAX_POP = 50_000  # a GeoNames city this big is never what "the village of X" / `قرية X` names


# a street, a university, a dam or a company named after a place is not the place (the brief of round 14: an
# organisation named after a city); courts, commands, police and airports keep it (data/README.md rule 15)
_NAMED_AFTER_RE = re.compile(r" (?:Street|Avenue|Road|University|Dam|Oil Company|Gas Company|Media Cent(?:er|re))\b")
_NAMED_AFTER_FIRST = frozenset("SAUDOGMR")  # ("Salah al-Din Road" in Gaza: a road's name, not Iraq's governorate)
_NAMED_BEFORE_AR = frozenset(w2 + w for w in ("جامعه", "سد", "نادي") for w2 in ("", "ب", "ل", "و", "وب", "ول"))


# a US state after a town's name and a comma ("Lebanon, Pennsylvania", "Jena, Louisiana"): the town is American
_US_STATE_AFTER_RE = re.compile(
    r", (?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|"
    r"Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|"
    r"Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|"
    r"Virginia|Washington|West Virginia|Wisconsin|Wyoming)\b(?!,? (?:D\.?C\.?|and\b))"
    # the AP's abbreviations in a dateline ("ALEXANDRIA, Va. —", "ATHENS, Ga. (AP) —"; rule 25a)
    r"|, (?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo)\.[ \u00a0]")


_CROSSING_TOWN_KINDS = frozenset(("city", "town", "village"))
# a province's word (folded, with a glued preposition) right before its name
# "the capital" right before a name a country and its capital share (Tunis, Kuwait, Algiers, Djibouti): rule 26g
_CAPITAL_CUES = frozenset(("العاصمه", "بالعاصمه", "والعاصمه", "للعاصمه", "capital"))
_PROVINCE_WORDS_AR = frozenset(p + w for w in ("محافظه", "ولايه") for p in ("", "و", "ب", "ل", "وب", "ول"))
_CROSSING_AR = frozenset(p + w for w in ("معبر", "منفذ") for p in ("", "و", "ب", "ل", "وب", "ول"))
_CROSSING_EN_RE = re.compile(r" (?:border )?(?:crossing|crossing point|border post|border gate)\b", re.IGNORECASE)
_CROSSING_EN_FIRST = ("b", "c", "B", "C")  # (the pattern's first letter after its space: no other folds to these)
# a checkpoint named after a town no curated entry claims ("the Al-Hamra military checkpoint" in the Jordan Valley,
# not Syria's al-Hamra; "the Qalandiya checkpoint"): the checkpoint's name, no place, as a crossing's (rule 25n)
_CHECKPOINT_EN_RE = re.compile(r" (?:military |army |police |security |border |Israeli )?checkpoints?\b", re.IGNORECASE)


def _may_end(ends: str) -> frozenset[str]:
    """The characters that can close the text before a name (a space after them) when the folded word before it
    ends in one of `ends`: those letters, a character that folds to one of them or to nothing (fold() maps each
    character on its own), and what prev_word strips or splits on (spaces are asked by isspace()). Any other
    character there rules the word out without reading it."""
    out = set(ends) | set(",.;:()")
    for cp in {*TABLE, ord(IGN), ord(APOS)}:
        f = fold(chr(cp))
        if not f or f[-1] in ends:
            out.add(chr(cp))
    return frozenset(out)


_CROSSING_LAST = _may_end("رذ")  # (`معبر`, `منفذ`)



def _named_after(text: str, s: int, e: int, latin: bool) -> bool:
    """The name is inside a street's, a university's, a dam's or a company's name (each test behind its first
    character: most candidates pay two slices)."""
    if latin:
        if text[e : e + 1] == " " and text[e + 1 : e + 2] in _NAMED_AFTER_FIRST \
                and (m := _NAMED_AFTER_RE.match(text, e)) is not None:
            return m.group() != " Road" or s == 0 or text[s - 1] not in "-\u2013"  # ("the Baghdad-Kirkuk Road": both)
        # "University of Baghdad"; "Naft al-Basra" (a football club: "Naft" is oil)
        return (s >= 14 and text[s - 14 : s] == "University of ") or (s >= 5 and text[s - 5 : s] == "Naft ") \
            or (s >= 8 and text[s - 8 : s] == "Naft al-")
    if s > 2 and text[s - 1] == " " and text[s - 2] in "ةهدي" \
            and (text[s - 3 : s - 1] == "سد" or text[s - 5 : s - 1] == "نادي" or text[s - 5 : s - 2] == "امع"):
        return prev_word(text, s, frozenset()) in _NAMED_BEFORE_AR  # (the word's last letters first: جامعة، سد، نادي)
    return False


def _indefinite_feminine(w: str) -> bool:
    """The folded word before a country's indefinite name (`سورية`) is a feminine word that takes its nisba: an
    indefinite feminine plural (`قوات سورية`) or an indefinite feminine nisba adjective the country's nisba follows
    (`قوى كردية سورية`, `جهات عربية سورية`: rule 26s). (enrichment._word_flags's bit 32: native/place.c reads it.)"""
    return (len(w) >= 4 and not w.startswith("ال") and (w.endswith("ات") or w.endswith("يه"))) \
        or w in _BROKEN_PLURALS_FEM


# indefinite broken plurals that take a feminine singular nisba (`عوائل سورية وأجنبية`, `أسر سورية`, `قرى سورية`):
# the nisba is the adjective, no country (folded; core24ar, rule 27f)
_BROKEN_PLURALS_FEM = frozenset(("عوايل", "اسر", "قري", "مدن", "عشاير", "قبايل", "فصايل"))


def _country_adjective(text: str, s: int, e: int) -> bool:
    """A country's name that is also its feminine nisba (`السعودية`) after a definite feminine noun is the
    adjective: `وزارة الخارجية السعودية`, `الحكومة السعودية` (README rule 4: "سورية" after a feminine noun); after
    `المملكة` it is the kingdom's short name."""
    if text[e - 1 : e] not in ("ة", "ه") or text[s - 1 : s] != " ":
        return False
    prev = prev_word(text, s, frozenset())
    if text[s : s + 2] != "ال":  # `محافظات سورية مختلفة`, `قوات سورية`: an indefinite feminine plural's nisba
        return _indefinite_feminine(prev)
    return prev.startswith("ال") and prev.endswith("ه") and prev != "المملكه"


def _admin_head_before(text: str, s: int, e: int) -> bool:
    """A country's name after an administrative unit's word (`بقضاء المجر الكبير`), or before "province"."""
    if text[s] >= "\u0600":  # (every head word ends in ء or ة: one letter tested before the word is read)
        return s > 1 and text[s - 1] == " " and text[s - 2] in "ءةه" \
            and prev_word(text, s, frozenset()) in _ADMIN_HEADS
    return text[e : e + 9].lower() == " province"


def _village_head(text: str, s: int, e: int) -> bool:
    """A village's name: "the village of X", "X village", `قرية X`."""
    if text[s] >= "\u0600":  # (قرية / قريتي end in ة or ي)
        return s > 1 and text[s - 1] == " " and text[s - 2] in "ةهي" \
            and prev_word(text, s, frozenset()) in _VILLAGE_HEADS
    return (text[s - 3 : s] == "of " and text[max(0, s - 11) : s].lower() == "village of ") \
        or (text[e : e + 2] in (" v", " V") and text[e : e + 8].lower() == " village"
            and not text.startswith(" of ", e + 8))  # ("the Idlib village of Jarjanaz": Idlib places it; rule 25u)


_OPEN_QUOTES = frozenset('"«“')
# a governorate's word, then the city's name in quotes: `بريف “الحسكة ”`, `محافظة "دير الزور"` (rule 23)
_QUOTED_ADMIN_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ريف|محافظة|محافظه)\s*[\"«“]\s*$")


def _governorate_cued(text: str, s: int, e: int) -> bool:
    """A city's name that means its governorate: a dual cue over two names (`ريفي إدلب وحلب`, `محافظتي الأنبار
    وأربيل`), "rural northern Idlib", "the eastern countryside of Deir Ez-Zor", "(Deir ez-Zor) countryside"."""
    window = text[s - 30 if s > 30 else 0 : s]
    dual = "ريفي" in window or "محافظتي" in window or "رياف" in window  # (أرياف: the plural of ريف)
    if dual and _DUAL_ADMIN_RE.search(window) is not None:
        return True
    if ("محافظات" in (wide := text[s - 60 if s > 60 else 0 : s]) or "رياف" in wide) \
            and _PLURAL_ADMIN_AR_RE.search(wide) is not None:
        return True  # `نحو محافظات حلب ودمشق ودير الزور`, `أرياف الرقة ودير الزور والحسكة`: each name of the plural's
        # list is a governorate, the third as the first (rule 26a)
    if dual:
        return False
    if text[s - 1 : s] == "ل" and "ريف" in wide and _RURAL_LAM_AR_RE.search(wide) is not None:
        return True  # `في الريف الشمالي الشرقي لإدلب`, `الريف الغربي للرقة`: the countryside of X is X's governorate
        # as `ريف إدلب الشمالي` is (rule 26l)
    window = wide
    if ("ural" in window or window.endswith(("of ", "of the "))) and _RURAL_BEFORE_RE.search(window):
        return True
    if "ural" in window and (m := _RURAL_LIST_BEFORE_RE.search(window)) is not None \
            and (m.group("more") if "and" in m.group("j") else _LIST_GOES_ON_RE.match(text, e)):
        return True  # "rural Idlib, Hama and Aleppo": every name of a list of three after "rural" (rule 26u)
    if (text[e : e + 5] == " and " or text[e : e + 2] == ", ") and _PLURAL_ADMIN_AFTER_RE.match(text, e):
        return True  # "between Kirkuk and Salahaddin provinces": the plural names both governorates
    if (text[e : e + 5] == " and " or text[e : e + 2] == ", ") and _PLURAL_RURAL_AFTER_RE.match(text, e):
        return True  # "the Idlib and Aleppo countryside": the countryside of both (rule 26b)
    if text[s - 5 : s] == " and " and (text.startswith(" provinces", e) or text.startswith(" governorates", e)):
        return True  # "between Nineveh and Hasaka provinces": the second of the two as well
    if text[e : e + 4] in (", a ", ", an") and _APPOSED_UNIT_RE.match(text, e) is not None:
        return True  # "Idlib, a north-western Syrian province held by rebels": the governorate (rule 27m)
    if text[e : e + 2] == ") " and _GLOSS_UNIT_AFTER_RE.match(text, e) is not None:
        return True  # "Nohadra (Duhok) Governorate": the name in brackets glosses the governorate's other name
    if text[e : e + 2] == " (" and _GLOSSED_UNIT_AFTER_RE.match(text, e) is not None:
        return True  # "Nohadra (Duhok) Governorate": the name before the brackets is the governorate's too (rule 25n)
    return text[e : e + 2] in _RURAL_AFTER_OPEN and _RURAL_AFTER_RE.match(text, e) is not None


_NICKNAME_OPENERS = frozenset("\"“”‘'«(")


def _actors(text: str, people: list[Cand], gaz: Gazetteer, places: list[PlaceMention],
            facilities: list[FacilityMention], published_at: datetime | date | None, cues: list[Cand] | None = None,
            cue_kinds: set[str] | None = None) -> tuple[list[ActorMention], list[PlaceMention]]:
    """The actors, and the places without those that were a nationality adjective ("U.S." in "U.S. guards")."""
    entries = gaz.entries
    out: list[ActorMention] = []
    # (quote23ar survey, rule 27a) an unknown facility's quoted nickname is its name, no actor's (`معتقل سري يُعرف
    # بـ"البيت الأبيض"`: the Houthis' jail in Abs, not the White House)
    nicknames = [(f.start, f.end) for f in facilities
                 if f.id.startswith("open:") and f.surface[:1] in _NICKNAME_OPENERS] if facilities else []
    for c in people:
        if c.role == "actor":
            s, t = c.start, c.end
            if nicknames and any(a <= s and t <= b for a, b in nicknames):
                continue
            nxt = text[t : t + 1]
            if t - s in _BASE_LENS and text[s:t] in _BASE_WORDS and _a_base(text, s, t):
                continue  # `في القاعدة`, `القاعدة الجوية`: the base, not al-Qaeda
            if nxt in "-‐‑" and compound_adjective(text, t):
                continue  # "an al-Qaeda-inspired group": like the group, not it (README rule 21)
            if nxt == " " and text[t - 4 : t] in _FORCE_ENDS and (CAMPAIGN_AFTER_EN_RE.match(text, t) is not None
                                                                  or COURT_AFTER_EN_RE.match(text, t) is not None):
                continue  # "as the Israeli military operation continues": a campaign, an event (rule 20b), no actor;
                # "an Israeli military court": a court (rule 23b; actor24en, rule 27i)
            e = entries[c.payloads[0][1]]
            if e.id == "actor:assad-regime" and _unquoted(text[s:t]) in _FORMER_REGIME \
                    and _iraq_not_syria(places, facilities):
                continue  # `النظام السابق` in a text about Iraq alone: Saddam Hussein's, not Assad's (rule 23)
            if e.id == "actor:assad-regime" and _unquoted(text[s:t]) in _FORMER_REGIME \
                    and _other_fallen_regime(text, places, facilities):
                continue  # "Libya's deputy justice minister ... the former regime": Gaddafi's (rule 25r)
            if s > 2 and text[s - 1] == " " and text[s - 2].islower() \
                    and (e.kind == "state" or text[s:t] == "Red Cross") \
                    and _other_nation_before(text, s, e.country, gaz):
                continue  # "the German foreign office", "the Lebanese Red Cross": another state's body, not the UK's
                # or the ICRC (data/README.md rule 23)
            if c.ntokens > 1 and QUOTE_RE.search(text, s, t):
                s, t = with_quotes(text, s, t)  # `حركة «فتح»`, not `حركة «فتح`
            out.append(actor(text[s:t], s, t, e.id, e.canonical, 0.9))
        elif c.role == "ctx":
            # the most recently named actor that claims this reference wins
            refs = set(c.ids)
            for a in reversed(out):
                if a.id in refs:
                    e = entries[a.id]
                    out.append(actor(text[c.start : c.end], c.start, c.end, e.id, e.canonical, 0.7))
                    break
    if gaz.state is not None:  # institution + nationality, countries acting, disguised names (actors.py)
        out = succeeded(dated_and_retargeted(text, name_collisions(text, out, places, facilities), gaz, published_at),
                        gaz, published_at)  # ("the Syrian interim government" in 2026: Damascus; rule 24j)
        more, places = state_mentions(text, out, places, facilities, gaz, published_at, cues, cue_kinds)
        out += more
        if more and "ترك" in text:
            out = turkish_occupation(text, out, places, facilities, gaz)
    return out, places


def _events(text: str, best: dict[int, Cand], places: list[PlaceMention] | None = None,
            facilities: list[FacilityMention] | None = None,
            actors: list[ActorMention] | None = None) -> list[EventTypeMention]:
    """best: start -> the longest event trigger there (the first of the longest, in the scanner's order; _enrich)."""
    seen: dict[str, EventTypeMention] = {}
    # the longest trigger at each start wins; one evidence span (the first) per type
    # a not-evidence phrase (a payload with no type) hides the triggers inside it ("ظروف الاحتجاز")
    # (compile.py adds not-evidence payloads after every typed one, so a group of only that is (("event", "", ""),))
    hidden = [(c.start, c.end) for c in best.values() if len(c.payloads) == 1 and not c.payloads[0][1]]
    shown: list[Cand] = []
    for _start, c in sorted(best.items()):  # (the keys differ: sorted by start)
        if hidden:
            cs, ce = c.start, c.end
            inside = False
            for hs, he in hidden:  # (_inside_any, inline)
                if hs <= cs and ce <= he:
                    inside = True
                    break
            if inside:
                continue
        if c.payloads[0][1] or any(p[1] for p in c.payloads):  # (a typed payload: the first, in compile.py's order)
            shown.append(c)
    # a trigger in another sense: inside a name, a death with no violence, forces' incursion (events.py, rule 29j)
    if not shown:
        return []
    named = [(m.start, m.end, ms is actors) for ms in (places, facilities, actors) if ms for m in ms]
    drops = SenseDrops(text, named, sorted(map(_by_start, facilities)) if facilities else [])
    for c in shown:
        # (a trigger whose every type is evidenced already is not asked about: the first trigger of each type decides)
        for p in c.payloads:
            if p[1] and p[1] not in seen:
                break
        else:
            continue
        dropped = drops.at(c)
        for p in c.payloads:
            t = p[1]
            if t and t not in seen and t not in dropped:
                seen[t] = event_type(t, text[c.start : c.end], c.start, c.end, 0.8 if c.ntokens > 1 else 0.7)
    return sorted(seen.values(), key=_by_start)


def _acronym_heads_dropped(text: str, people: list[Cand], facilities: list[Any]) -> list[Cand]:
    """(rule 33a) An all-capital acronym that ends a facility's mention is that mention's head ("Brook House IRC",
    "the Nauru RPC"), not the actor the acronym also names (IRC, the International Rescue Committee)."""
    ends = {(f.end, f.start) for f in facilities}
    return [p for p in people
            if not (text[p.start : p.end].isupper() and (any(e == p.end and s < p.start for e, s in ends)
                                                         or _glosses_site_head(text, p.start, p.end)))]


_GLOSSED_HEAD_RE = re.compile(r"((?:[A-Za-z]+[ \u00a0]+){1,4}?(?:[Cc]ent(?:re|er)|[Ff]acility))[ \u00a0]*\($")


def _glosses_site_head(text: str, s: int, e: int) -> bool:
    """(rule 33a) "an immigration removal centre (IRC)": the acronym in brackets glosses the site's head words before
    it (their initials), no actor; "the International Rescue Committee (IRC)" glosses no site's head."""
    if text[e : e + 1] != ")":
        return False
    m = _GLOSSED_HEAD_RE.search(text, max(0, s - 60), s)
    if m is None:
        return False
    words = m.group(1).split()
    acr = text[s:e]
    return "".join(w[0] for w in words[-len(acr) :]).upper() == acr


def _inside_any(c: Cand, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= c.start and c.end <= e:
            return True
    return False


_LISTED_STOPS: dict[int, tuple[Any, frozenset[str]]] = {}


def _listed_stop(gaz: Gazetteer) -> frozenset[str]:
    """The folded words places.listed_open_places reads as no open-world village in a list: engine_rules
    village_stop and given_names, and the neighbours' gated village names (gaz.village_words: a known village whose
    reading the gate decides is no unknown one, `قرى النبي إلياس وحجة`)."""
    got = _LISTED_STOPS.get(id(gaz))
    if got is None or got[0] is not gaz:
        got = _LISTED_STOPS[id(gaz)] = (gaz, cue_list(gaz.rules.village_stop) | cue_list(gaz.rules.given_names)
                                        | frozenset(gaz.village_words))
    return got[1]


def warm_indexes(gaz: Gazetteer) -> None:
    """Build every index the engine derives from a gazetteer (a trie walk or a pass over its entries each, ~1 s in
    all) now, at load time, instead of inside the first articles that need one: a fresh service's first articles
    took ~250 ms each while they built them, against ~3 ms after. Each builder is the one the engine calls later
    (it returns its cached answer from then on), so the output is the same either way; load_gazetteer calls this
    before gc.freeze(), so the indexes also leave the collector's reach with the trie."""
    from services.enrich import bare, entries, facilities, quoted_actors, slipped_actors, variants

    variants.warm(gaz)  # _index, _towns, _typo_index
    facilities._annexes(gaz)
    facilities._town_named_ids(gaz)
    facilities._place_named_table(gaz)
    bare._word_sets(gaz)
    bare._core_keys(gaz)
    entries.admin_of(gaz)
    quoted_actors._firsts(gaz)
    slipped_actors._index(gaz)
    _listed_stop(gaz)
    _country_before("", 0, gaz)
