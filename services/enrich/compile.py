"""Compile validated records into entries + one token trie, recording validation problems."""

from __future__ import annotations

import re
from collections import defaultdict

from services.enrich import geonames
from services.enrich.dates import ANCHORS
from services.enrich.gazetteer import (
    ActorRec,
    EngineRules,
    Entry,
    EventTypeRec,
    FacilityRec,
    Gazetteer,
    Names,
    NonFacilities,
    PlaceRec,
    is_arabic,
)
from services.enrich.matcher import PAYLOAD, Payload, Trie, key_tokens
from services.enrich.normalize import fold_text
from services.enrich.scanner import prepare

_HAS_AR = re.compile(r"[\u0600-\u06ff]")
_HAS_LATIN = re.compile(r"[A-Za-z]")
_HAS_OTHER = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u0600-\u06ff\u0750-\u077f\s\-'’ʿʼ‘`´]")
_ARABIC_SPEAKING = frozenset({"SY", "IQ", "JO", "LB", "SA", "KW", "PS", "AE", "QA", "BH", "OM", "YE", "EG",
                              "LY", "TN", "DZ", "MA", "SD", "MR", "SO", "DJ", "KM"})
_PLACE_KIND_RANK = {"city": 0, "town": 1, "village": 2, "admin1": 3, "region": 4, "country": 5}


class _Builder:
    def __init__(self, rules: EngineRules) -> None:
        self.trie = Trie()
        self.entries: dict[str, Entry] = {}
        self.problems: list[str] = []
        # (key, layer) -> {id: place kind or ""} for curated conflict detection
        self.claims: dict[tuple[tuple[str, ...], str], dict[str, str]] = defaultdict(dict)
        self.rules = rules
        self.geo_stop_en = {fold_text(w) for w in rules.geonames_stop.en}
        self.geo_stop_ar = {fold_text(w) for w in rules.geonames_stop.ar}
        self.village_stop = {fold_text(w) for w in rules.village_stop}
        # one-word Arabic key of a neighbour's village -> its folded surfaces as written (with and without the article)
        self.village_keys: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.village_ids: set[str] = set()
        # English key of a neighbour's village read by its Arabic names only -> its ids (rule 27m: "the town of Tell")
        self.village_en: dict[str, set[str]] = defaultdict(set)
        # folded one-word Arabic name of a neighbour's village that is no trie key because it is a word first
        # (village_stop, or three letters without the article) -> its ids: read after a village's cue (rule 28d)
        self.village_stopped: dict[str, set[str]] = defaultdict(set)

    def entry(self, e: Entry) -> None:
        if e.id in self.entries:
            self.problems.append(f"duplicate id {e.id}")
        self.entries[e.id] = e

    def add(self, alias: str, payload: Payload, layer: str, kind: str = "", claim: bool = True) -> None:
        # "Washington, D.C.": names never span a comma in text, so the part before it is the key
        toks = key_tokens(alias.split(",")[0] if "," in alias else alias)
        if not toks:
            self.problems.append(f"{payload[1]}: alias {alias!r} has no tokens")
            return
        self.trie.add(toks, payload)
        if claim:
            self.claims[(tuple(toks), layer)][payload[1]] = kind


def compile_gazetteer(
    rules: EngineRules,
    facilities: list[FacilityRec],
    actors: list[ActorRec],
    places: list[PlaceRec],
    events: list[EventTypeRec],
    *,
    with_geonames: bool = True,
    non_facilities: NonFacilities | None = None,
    event_not_evidence: Names | None = None,
    cue_words: list[tuple[str, str]] | None = None,
) -> Gazetteer:
    """cue_words: (kind, word) of the words the rule modules read the text around (state_rules, places): trie
    keys of role "cue", passed through the scanner unselected like event triggers (enrichment._enrich)."""
    rules.geonames_context_stop = {
        fold_text(k): type(v)(after=[fold_text(w) for w in v.after], before=[fold_text(w) for w in v.before],
                              only_after=[fold_text(w) for w in v.only_after],
                              end_after=[fold_text(w) for w in v.end_after],
                              before_any=[fold_text(w) for w in v.before_any])
        for k, v in rules.geonames_context_stop.items()
    }
    b = _Builder(rules)
    _facilities(b, facilities)
    _actors(b, actors)
    _heads(b)
    event_labels = _events(b, events, event_not_evidence or Names())
    _places(b, places, with_geonames)
    nf = non_facilities or NonFacilities()
    # A named non-facility (a military base: "Camp Taji", "معسكر التاجي") hides the names inside it too
    # (README rule 4: bases are not places); a generic sense ("training camp") only hides facility readings.
    for _lang, a in nf.phrases.all():
        for form in base_forms(a):
            b.add(form, ("nonfac", "name", ""), "nonfac", claim=False)
    for _lang, a in nf.head_word_senses.all():
        b.add(a, ("nonfac", "", ""), "nonfac", claim=False)
    for w in ANCHORS:
        b.add(w, ("date", "anchor", ""), "date", claim=False)
    for kind, w in cue_words or ():
        b.add(w, ("cue", kind, ""), "cue", claim=False)
    _check_conflicts(b)
    villages = village_words(b)  # (read before finalize regroups the payloads)
    b.trie.finalize()
    prepare(b.trie)  # the compiled scanner, when the compiled part is in use
    return Gazetteer(
        entries=b.entries,
        trie=b.trie,
        rules=rules,
        event_labels=event_labels,
        en_name_stop=frozenset(fold_text(w) for w in rules.en_name_stop),
        ar_name_stop=frozenset(fold_text(w) for w in rules.ar_name_stop),
        problems=b.problems,
        village_words=villages,
        village_en={k: tuple(sorted(v)) for k, v in b.village_en.items()},
        village_stopped={k: next(iter(v)) for k, v in b.village_stopped.items() if len(v) == 1},
    )


def _word_cores(r: FacilityRec) -> frozenset[str]:
    """The folded cores of `r` that are also a common word or a person's name (its `word` list, with and
    without the article); a `word` item that is not one of its cores is a data error."""
    cores = {fold_text(n) for _lang, n in r.core.all()}
    out: set[str] = set()
    for w in r.word:
        f = fold_text(w)
        if f not in cores:
            raise ValueError(f"{r.id}: word {w!r} is not one of its cores")
        out.update((f, f[2:] if f.startswith("ال") else f, f[3:] if f.startswith("al-") else f))
    return frozenset(out)


def _prevail_cores(r: FacilityRec) -> frozenset[str]:
    """The folded cores of `r` that news uses for the facility more than for its town (rule 27h); a `prevails` item
    that is not one of its cores is a data error."""
    cores = {fold_text(n) for _lang, n in r.core.all()}
    out = frozenset(fold_text(n) for n in r.prevails)
    if not out <= cores:
        raise ValueError(f"{r.id}: prevails {sorted(out - cores)!r} are not its cores")
    return out


def _facilities(b: _Builder, recs: list[FacilityRec]) -> None:
    heads = b.rules.heads
    taken = {tuple(key_tokens(n)) for r in recs
             for _lang, n in (*r.core.all(), *r.aliases.all(), *r.former_names.all(), *r.nicknames.all())}
    for r in recs:
        b.entry(Entry(r.id, "facility", r.canonical, r.kind, r.country, r.admin1, r.lat, r.lon,
                      bare="".join(sorted(set(r.bare), reverse=True)), type=r.type or "",
                      prevails=_prevail_cores(r),
                      district=r.district, cluster=r.cluster, town_name=r.town_name, words=_word_cores(r),
                      place_named=frozenset(" ".join(key_tokens(n)) for _lang, n in r.place_named.all()),
                      open_name=(r.core.en[:1] or [r.canonical])[0] if r.open_world else ""))
        if r.lat is None or r.lon is None:
            b.problems.append(f"{r.id}: no coordinates")
        for _lang, a in r.aliases.all():
            b.add(a, ("fac", r.id, "alias"), "facility")
        for _lang, a in r.nicknames.all():
            b.add(a, ("fac", r.id, "nickname"), "facility")  # (rule 25a: read as an alias, see facilities.py)
        for _lang, a in r.former_names.all():
            # standalone like an alias, unless the same words are a place (then a head is needed)
            b.add(a, ("fac", r.id, "former"), "facility")
        h = heads.get(r.kind)
        for lang, c in r.core.all():
            # the bare core is ambiguous (town al-Hol vs al-Hol camp): never claimed, resolved by context
            # An Arabic name without the article (عايدة) read through a stripped ال (العائدة, "the returning")
            # is another word: marked so the bare-name reading can refuse it.
            # (unless the catalogue spells it with the article too: `روج` and `الروج`)
            bare = "noart" if lang == "ar" and not c.startswith("ال") and "ال" + c not in r.core.ar else ""
            b.add(c, ("core", r.id, bare), "core", claim=False)
            if lang == "en":
                for v in sorted(core_variants(c)):  # (sorted: the same gazetteer whatever the hash seed)
                    if tuple(key_tokens(v)) not in taken:  # (never another facility's name)
                        b.add(v, ("core", r.id, ""), "core", claim=False)
            if h is None:
                continue
            if lang == "ar":
                forms = [f"{w} {c}" for w in h.ar_before + h.ar_known]
                if c.startswith("ال"):
                    # a one-word head typed glued to the article of the name (`مخيمالهول` in a post; rule 25h):
                    # the article marks where the name starts, so the glued token is read as the two words
                    forms += [f"{w}{c}" for w in h.ar_before if " " not in w]
            else:
                forms = [f"{c} {w}" for w in h.en_after + h.en_known] + [f"{w} {c}" for w in h.en_before]
                if r.open_world and r.type == "detention_centre":
                    # "the Tajoura centre", "the Ain Zara centre": a migrant detention centre outside the region is
                    # called a centre alone (rule 25s); not a regional site's core ("the Palestine Centre for ...")
                    forms += [f"{c} centre", f"{c} center"]
                elif r.type == "detention_centre" and _called_centre(r.aliases.en):
                    # a regional centre its own names call a centre (the north-east's "rehabilitation" centres for
                    # boys, "Houri centre", "Orkesh center"): each core and spelling with either word and with
                    # "rehabilitation" before it ("the Hori Center", "the Orkesh rehabilitation centre"; core25en
                    # survey, rule 28f)
                    forms += [f"{c} {w}" for w in _CENTRE_HEADS]
            for f in forms:
                b.add(f, ("fac", r.id, "head"), "facility")


_CENTRE_HEADS = ("centre", "center", "rehabilitation centre", "rehabilitation center",
                 "rehab centre", "rehab center")  # ("the Orkesh rehab center": core27en survey, rule 28y)


def _called_centre(aliases: list[str]) -> bool:
    return any(a.lower().endswith((" centre", " center")) for a in aliases)


def _actors(b: _Builder, recs: list[ActorRec]) -> None:
    for r in recs:
        b.entry(Entry(r.id, "actor", r.canonical, r.type, r.country))
        for _lang, a in r.aliases.all():
            b.add(a, ("actor", r.id, "upper" if _acronym(a) else ""), "actor")
            for v in _spelling_variants(a):
                b.add(v, ("actor", r.id, ""), "actor", claim=False)
        for _lang, a in r.context_refs.all():
            b.add(a, ("ctx", r.id, ""), "ctx", claim=False)


def _heads(b: _Builder) -> None:
    for kind, h in b.rules.heads.items():
        for w in h.ar_before:
            b.add(w, ("head", kind, "ar_before"), "head", claim=False)
        for w in h.en_after:
            b.add(w, ("head", kind, "en_after"), "head", claim=False)
        for w in h.en_before:
            b.add(w, ("head", kind, "en_before"), "head", claim=False)


def _events(b: _Builder, recs: list[EventTypeRec], not_evidence: Names) -> dict[str, str]:
    labels: dict[str, str] = {}
    for r in recs:
        labels[r.id] = r.label
        for _lang, t in r.triggers.all():
            for form in _expand_prefix(t):
                b.add(form, ("event", r.id, ""), "event", claim=False)
    # phrases in which a trigger is no evidence ("إعادة تأهيل", "sentenced to death"): an event with no type
    for _lang, t in not_evidence.all():
        for form in _expand_prefix(t):
            b.add(form, ("event", "", ""), "event", claim=False)
    return labels


_SUFFIXES = ("", "s", "es", "ed", "d", "ing", "er", "ers", "ion", "ions", "ment", "ments", "e", "ies", "ied",
             "y", "ly", "al", "ity", "ities", "ive", "ives", "ists", "ist")


_AR_ENCLITICS = ("ه", "ها", "هم", "هن", "هما")


def _expand_prefix(trigger: str) -> list[str]:
    """'arrest*' = the prefix plus any word ending: expanded to the endings English news uses.
    A one-word Arabic trigger also takes the object/possessive pronouns (نقله، اعتقالهم، ترحيلهن)."""
    if is_arabic(trigger) and " " not in trigger.strip() and not trigger.endswith("*"):
        base = trigger.strip()
        return [base] + ([base + e for e in _AR_ENCLITICS] if len(base) >= 3 and base[-1] not in "ةه" else [])
    if not trigger.endswith("*"):
        return [trigger]
    stem = trigger[:-1]
    out = [stem + suf for suf in _SUFFIXES]
    if stem and stem[-1].isalpha() and stem[-1] not in "aeiouwxy":
        out += [stem + stem[-1] + suf for suf in ("ed", "ing", "er", "ers")]  # kidnapped, shelling
    return out


def _places(b: _Builder, recs: list[PlaceRec], with_geonames: bool) -> None:
    merged: dict[int, PlaceRec] = {}
    for r in recs:
        if r.id.startswith("geonames:"):
            merged[int(r.id.split(":", 1)[1])] = r
            continue
        b.entry(Entry(r.id, "place", r.canonical, r.kind, r.country, r.admin1, r.lat, r.lon))
        if r.lat is None or r.lon is None:
            b.problems.append(f"{r.id}: no coordinates")
        _place_aliases(b, r)
    if not with_geonames:
        for n, r in merged.items():
            b.entry(Entry(f"geonames:{n}", "place", r.canonical, r.kind, r.country, r.admin1, r.lat, r.lon))
            _place_aliases(b, r)
        return
    seen: set[int] = set()
    for c in geonames.load_cities(frozenset(merged)):
        cur = merged.get(c.geonameid)
        gid = f"geonames:{c.geonameid}"
        if cur is not None:
            seen.add(c.geonameid)
            lat = cur.lat if cur.lat is not None else c.lat
            lon = cur.lon if cur.lon is not None else c.lon
            e = Entry(gid, "place", cur.canonical, cur.kind, cur.country or c.country,
                      cur.admin1, lat, lon, c.population, True)
            b.entry(e)
            _place_aliases(b, cur)
        else:
            b.entry(Entry(gid, "place", c.name, "city", c.country, None, c.lat, c.lon, c.population, False))
        # a neighbour's town under 15,000 people curated with English names only keeps its GeoNames Arabic names
        # as the village reading of rule 26l, under its guards (`معسكر حوارة` a base, `مباراة بلاطة وسلواد` a match)
        # (rule 26p)
        latin_only = cur is not None and c.country in geonames.NEIGHBOURS \
            and c.population < geonames.NEIGHBOUR_MIN_POP and not cur.aliases.ar
        _geonames_aliases(b, c, gid, curated=cur is not None, latin_only=latin_only)
    for gid_n in set(merged) - seen:
        b.problems.append(f"geonames:{gid_n}: not a GeoNames city in scope")
        r = merged[gid_n]
        b.entry(Entry(f"geonames:{gid_n}", "place", r.canonical, r.kind, r.country, r.admin1, r.lat, r.lon))
        _place_aliases(b, r)


def village_words(b: _Builder) -> dict[str, tuple[str, ...]]:
    """The one-word names of the neighbours' villages that no other entry bears, each with the contexts in which it
    is the village (rule 26l): after a cue or in a list of places, and a name without the article also after a
    preposition of place (`في حوارة`); `في الفندق` is "in the hotel", `قرى النبي إلياس وحجة والفندق` the village.
    A name another entry shares keeps that entry's reading (Syria's and Iraq's towns rank first: entries.best_entry)."""
    def ids_at(key: list[str] | tuple[str, ...]) -> set[str]:
        node: dict | None = b.trie.root
        for t in key:
            node = node.get(t) if node is not None else None
        return {p[1] for p in (node or {}).get(PAYLOAD, []) if p[0] == "place"}

    out: dict[str, tuple[str, ...]] = {}
    for key, surfaces in b.village_keys.items():
        ids = ids_at(key)
        if not ids or not ids <= b.village_ids:
            continue
        for f in surfaces:
            # the spelling with (or without) the article is another key: gated only if no other entry bears it
            # (`جيزة`, a Jordanian village, but `الجيزة` Syria's al-Jizah)
            if not ids_at(key_tokens(f)) <= b.village_ids:
                continue
            out[f] = ("cue", "list") if f.startswith("ال") else ("cue", "list", "locative")
    return out


def _place_aliases(b: _Builder, r: PlaceRec) -> None:
    canonical = re.sub(r"\s*\([^)]*\)\s*$", "", r.canonical)  # "Palmyra (Tadmur)" -> "Palmyra"
    names = [("en", canonical), *r.aliases.all()]
    for _lang, a in names:
        b.add(a, ("place", r.id, "upper" if _acronym(a) else "cur"), "place", kind=r.kind)
        if "كرد" in a:  # Kurdish spelling: كوردستان
            b.add(a.replace("كرد", "كورد"), ("place", r.id, "cur"), "place", kind=r.kind, claim=False)
        g = _glued(a)
        if g:
            b.add(g, ("place", r.id, "cur"), "place", kind=r.kind, claim=False)
        j = _joined_prefix(a)
        if j and fold_text(j) not in b.geo_stop_ar:
            b.add(j, ("place", r.id, "cur"), "place", kind=r.kind, claim=False)


_VOWEL_SWAPS = (("oo", "ou"), ("ou", "oo"), ("ee", "i"), ("ei", "e"))
_BASE_HEADS_AR = ("قاعدة", "قاعده", "معسكر", "مخيم")


def base_forms(phrase: str) -> list[str]:
    """A military base's name in every order outlets print it (README rule 2): "Camp Taji" is also "Taji camp"
    ("Iraq's Taji Camp", "the Taji camp"); `قاعدة التاجي` and `معسكر التاجي` are also `مخيم التاجي` and each other
    (a translated "Camp Taji"). Other phrases as they are."""
    words = phrase.split()
    if len(words) >= 2 and words[0] == "Camp" and words[1][:1].isupper() and "David" not in words:
        return [phrase, " ".join(words[1:]) + " camp"]
    if len(words) >= 2 and words[0] in _BASE_HEADS_AR and words[1].startswith("ال"):
        name = " ".join(words[1:])
        return [f"{h} {name}" for h in _BASE_HEADS_AR if h != "قاعده"]
    return [phrase]


_CONS = "bcdfghjklmnpqrstvwxz"


def core_variants(name: str) -> set[str]:
    """Other transliterations of an English core, read like the core itself (only where the text says
    it is the facility): Hut/Hout/Hoot, Teiman/Teman, Chamishku/Chamshko. One change (a vowel spelling, an
    unwritten i in a long name), and the -ku/-ko ending on top of it."""
    words = re.split(r"[\s-]", name)
    last = words[-1] if words else ""
    if not last.isalpha() or len(name) < 3:
        return set()
    head = name[: len(name) - len(last)]
    one: set[str] = set()
    low = last.lower()
    for a, z in _VOWEL_SWAPS:
        i = low.find(a, 1)
        if i > 0:
            one.add(last[:i] + z + last[i + len(a) :])
    for i in range(1, len(low) - 1):
        ch = low[i]
        if low[i - 1] in _CONS and low[i + 1] in _CONS and ch == "u" and len(low) <= 4:
            one.add(last[:i] + "ou" + last[i + 1 :])  # Hut / Hout
        # (no doubled or undoubled consonants: Baddawi / Badawi is a surname too)
        if ch == "i" and len(low) >= 7 and low[i - 1] in _CONS and low[i + 1] in _CONS and i >= 3:
            one.add(last[:i] + last[i + 1 :])  # Chamishku / Chamshku
    for v in [*one, last]:
        for a, z in (("ku", "ko"), ("ko", "ku")):
            if v.endswith(a) and len(v) > 4:
                one.add(v[: -len(a)] + z)
    one.discard(last)
    out = {head + v for v in one}
    if (m := _ARTICLE_NAME_RE.fullmatch(name)) is not None:
        out.add("Al" + m.group(1))  # a hashtag's CamelCase, the article glued to the name (`#AlHol camp`; rule 25h)
    return out


_ARTICLE_NAME_RE = re.compile(r"(?:al|Al|AL|el|El)[\s-]([A-Z][a-z]{2,})")


def _spelling_variants(alias: str) -> list[str]:
    """Other spellings outlets print for a name: a four-letter acronym in title case (UK house style:
    "Isis", "Isil", "Ocha" — never two- or three-letter ones, "Is" and "Sdf" being words or unseen), and
    Kurdish كورد for كرد (حزب العمال الكوردستاني, الكوردية), "U.S." for "US" before a word and back."""
    out = []
    letters = [ch for ch in alias if ch.isalpha()]
    if _acronym(alias) and len(letters) == 4 and alias.isalpha():
        out.append(alias.capitalize())
    if "كرد" in alias:
        out.append(alias.replace("كرد", "كورد"))
    g = _glued(alias)
    if g:
        out.append(g)
    # the dotted abbreviation AP/Reuters style prints ("U.S. Central Command") for an alias listed as "US ..."
    # (or the other way round): the scanner reads "U.S." as its own tokens, so the form needs its own key
    if alias.startswith(("US ", "US-")):
        out.append("U.S." + alias[2:])
    elif alias.startswith(("U.S. ", "U.S.-")):
        out.append("US" + alias[4:])
    return out


def _glued(alias: str) -> str:
    """Two definite Arabic words run together, the space lost in copy (الأممالمتحدة, الولاياتالمتحدة), or ""."""
    words = alias.split()
    if len(words) == 2 and all(w.startswith("ال") and len(w) >= 5 and "\u0600" <= w[-1] <= "\u06ff" for w in words):
        return words[0] + words[1]
    return ""


# the first words of Arabic place names that outlets often run into the word after them (`خانيونس`, `ديرالزور`,
# `تلعفر`, `عينالعرب`, `كفرنبل`: place19ar survey, rule 25o), folded
_JOINABLE_AR = frozenset(("خان", "دير", "تل", "عين", "كفر", "بيت", "راس", "بئر", "بير", "جسر", "قصر", "ام", "ابو"))


# a governorate's own word before a two-word name whose first word joins (`ريف ديرالزور`, `محافظة ديرالزور`: rule 26a)
_UNIT_AR = frozenset(("ريف", "محافظه", "باديه"))


def _joined_prefix(alias: str) -> str:
    """An Arabic place name of two words whose first is one of _JOINABLE_AR, written as one word, or ""; also
    such a name after a governorate's own word (`ريف دير الزور` -> `ريف ديرالزور`)."""
    words = alias.split()
    unit = ""
    if len(words) == 3 and fold_text(words[0]) in _UNIT_AR:
        unit, words = words[0] + " ", words[1:]
    if len(words) == 2 and fold_text(words[0]) in _JOINABLE_AR and len(words[1]) >= 3 \
            and all("\u0621" <= ch <= "\u064a" for ch in words[0] + words[1]):
        return unit + words[0] + words[1]
    return ""


def _acronym(alias: str) -> bool:
    """All-capital acronyms of up to 4 letters are matched case-sensitively ("US" is not "us")."""
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and len(letters) <= 4 and all("A" <= ch <= "Z" for ch in letters)


def _geonames_aliases(b: _Builder, c: geonames.City, gid: str, curated: bool, latin_only: bool = False) -> None:
    # a neighbour's village by its Arabic names only (rule 26l); one curated for its English names (rule 26p) keeps
    # them and is read in Arabic as the village it is, under the same guards
    village = (not curated or latin_only) and geonames.is_neighbour_village(c)
    latin = {c.name} if not village or curated else set()
    if village and not curated:
        # its English names are no trie keys (rule 26l), but name it where an English cue names a village (rule 27m)
        for a in (c.name, *(a for a in c.alternatenames if a.isascii())):
            k = " ".join(key_tokens(a))
            if k and not any(ch.isdigit() for ch in k):
                b.village_en[k].add(gid)
    arabic: set[str] = set()
    for a in c.alternatenames:
        if _HAS_OTHER.search(a):
            continue
        if _HAS_AR.search(a) and not _HAS_LATIN.search(a):
            arabic.add(a)
        elif _HAS_LATIN.search(a) and not _HAS_AR.search(a) and (c.population >= 15000 or curated):
            latin.add(a)
    for a in sorted(latin):  # (sorted: the same trie whatever the hash seed)
        if any(ch.isdigit() for ch in a) or (a.isupper() and len(a) <= 4):
            continue
        toks = key_tokens(a)
        if not toks or (len(toks) == 1 and (len(toks[0]) < 3 or toks[0] in b.geo_stop_en)) \
                or (len(toks) > 1 and " ".join(toks) in b.geo_stop_en):  # ("Old City": a city's quarter)
            continue
        b.trie.add(toks, ("place", gid, "geo"))
    # Arabic spellings of Turkish/Iranian/Israeli towns often coincide with Arabic words (مهربين):
    # only the large ones, or multi-word names, unless curated.
    foreign = c.country not in _ARABIC_SPEAKING and not curated and c.population < 300000
    arabic_keys = {" ".join(key_tokens(a)) for a in arabic}
    for a in sorted(arabic):
        toks = key_tokens(a)
        if not toks or (len(toks) == 1 and (len(toks[0]) < 3 or toks[0] in b.geo_stop_ar or foreign)):
            continue
        if village:
            node: dict | None = b.trie.root
            for t in toks:
                node = node.get(t) if node is not None else None
            if node is not None and any(p[0] in ("core", "fac", "actor") for p in node.get(PAYLOAD, [])):
                continue  # `دير بلوط`: a known camp's (or an actor's) name keeps its reading (rule 26l)
            f = fold_text(a.strip())
            if len(toks) == 1 and (f in b.village_stop or (len(toks[0]) < 4 and not f.startswith("ال"))):
                b.village_stopped[f].add(gid)  # (`بلدة الخضر`, `قرية مركة`: the village after its cue, rule 28d)
                continue  # `المصدر` "the source", `سوف` "will": words first (engine_rules village_stop)
            b.village_ids.add(gid)
            if len(toks) == 1:
                bare_f = f[2:] if f.startswith("ال") else f
                b.village_keys[tuple(toks)].update((f, bare_f, "ال" + bare_f))
        b.trie.add(toks, ("place", gid, "geo"))
        j = _joined_prefix(a) if len(toks) == 2 and not foreign else ""
        if j and (jt := key_tokens(j)) and jt[0] not in b.geo_stop_ar and jt[0] not in arabic_keys:
            b.trie.add(jt, ("place", gid, "geo"))  # `خانيونس`: the two words run together (rule 25o)


def _check_conflicts(b: _Builder) -> None:
    """An alias claimed by two curated entries of one layer needs a disambiguation rule.

    The only rule for places: different kinds (city vs governorate of the same name) — the more
    specific kind wins unless a governorate cue precedes it. Everything else is a data error.
    """
    for (key, layer), ids in b.claims.items():
        if len(ids) < 2:
            continue
        if layer == "place" and len(set(ids.values())) == len(ids):
            continue
        b.problems.append(f"alias {' '.join(key)!r} ({layer}) claimed by {sorted(ids)}")


def place_rank(e: Entry) -> int:
    return _PLACE_KIND_RANK.get(e.kind or "city", 6)
