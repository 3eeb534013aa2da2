"""Actors an alias list cannot name (data/README.md rules 12-13), as pure functions over one text.

- A state body named by an institution word and a nationality: `وزارة العدل العراقية`, `طائرات تركية`,
  "Turkish drones", "U.S. guards", "Iraq's Justice Ministry"; a ministry without one ("the Interior
  Ministry") is the ministry of the country the text is about; a stateless nationality ("Kurdish
  authorities") maps by that country too (AANES in Syria, the KRG in Iraq).
- A country or capital acting ("Turkey shelled", "أعلنت بغداد") is its state's actor; the place stays.
- A group name spelled with its letters split or a letter replaced (`د1عش`, `د ا ع ش`) is the group.

The words and maps are data (data/state_actors.yaml, validated by gazetteer.StateActorsRec); this module
compiles them once (`compile_state`) and applies them to the mentions the engine already found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from services.enrich.gazetteer import Gazetteer
from services.enrich.normalize import TOKEN_RE, fold, fold_many, fold_text
from services.enrich.output import actor
from shared.annotation import ActorMention, FacilityMention, PlaceMention

_AR_LETTER = "\u0621-\u064a"
_PREPS_EN = frozenset(("in", "into", "from", "to", "near", "across", "of", "inside", "at", "between", "with", "for",
                       "by", "toward", "towards", "via", "through", "against", "on", "over", "outside", "within",
                       "around", "throughout", "about", "like", "than", "under"))
_PREPS_AR = frozenset(("في", "من", "الي", "علي", "عن", "مع", "داخل", "نحو", "حتي", "بين", "ضد", "الا", "قرب", "عبر",
                       "لدي", "عند", "تجاه", "باتجاه", "خارج", "و", "او"))
_GAP_RE = re.compile(r"[ \u00a0]+[A-Za-z]")  # the name, a space, the next word: no punctuation between
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[\u0600-\u06ff][\u0600-\u06ff\u064b-\u065f\u0670]*")


@dataclass(slots=True)
class StateRules:
    """data/state_actors.yaml compiled for lookups (folded Arabic, lower-case English)."""

    inst_ar: dict[tuple[str, ...], str] = field(default_factory=dict)  # folded words, article-less first
    inst_en_re: re.Pattern[str] | None = None  # adjective/possessive + modifiers + institution (English)
    inst_en: dict[str, str] = field(default_factory=dict)  # lower-case institution phrase -> class
    bare_en_re: re.Pattern[str] | None = None  # a ministry without nationality
    poss_en_re: re.Pattern[str] | None = None  # a country's possessive + institution
    ministries: frozenset[str] = frozenset()
    ministry_firsts: frozenset[str] = frozenset()  # first words of the Arabic ministries (وزاره، وزير)
    hot_ar_re: re.Pattern[str] = re.compile("(?!)")  # raw-text spots worth reading: adjectives, ministry words
    mod_ar: frozenset[str] = frozenset()
    adj_ar: dict[str, str] = field(default_factory=dict)  # folded article-less form -> nation key
    adj_en: dict[str, str] = field(default_factory=dict)  # adjective as written -> nation key
    nations: dict[str, dict] = field(default_factory=dict)  # key -> {actors, before, by_country}
    acting: frozenset[str] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)  # place id -> ISO2 or actor id
    verbs_ar: frozenset[str] = frozenset()
    verbs_en: frozenset[str] = frozenset()
    aux_en: frozenset[str] = frozenset()
    skip_en: frozenset[str] = frozenset()
    modal_en: frozenset[str] = frozenset()
    not_verbs_en: frozenset[str] = frozenset()
    obfuscated: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (pattern, actor id)
    obfuscated_any: re.Pattern[str] | None = None  # all of them in one pattern


_READINGS: dict[str, tuple[str, ...]] = {}  # folded word -> its readings (bounded; words recur across texts)


def _strip_ar(f: str) -> tuple[str, ...]:
    """Readings of a folded Arabic word without its proclitics and article (the word itself first)."""
    got = _READINGS.get(f)
    if got is None:
        if len(_READINGS) > 200_000:
            _READINGS.clear()
        got = _READINGS[f] = tuple(_readings(f))
    return got


def _readings(f: str) -> list[str]:
    out = [f]
    for w in (f[1:] if f[:1] in "وف" and len(f) > 3 else "",):
        if w:
            out.append(w)
    for w in list(out):
        if w[:1] in "بلك" and len(w) > 3:
            out.append(w[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 3:
            out.append(w[2:])
        elif w.startswith("لل") and len(w) > 3:
            out.append(w[2:])
    return out


def _key_ar(f: str) -> str:
    """The lookup key of a folded Arabic data word: without its article (the text's readings try both)."""
    return f[2:] if f.startswith("ال") and len(f) > 3 else f


def _raw_ar(folded: str) -> str:
    """A folded Arabic word as a pattern over raw text (the letters folding merged, in any of their forms)."""
    alts = {"ا": "[اأإآ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]"}
    return "".join(alts.get(ch, re.escape(ch)) for ch in _key_ar(folded))


def _nisba_forms(adj: str) -> list[str]:
    """Feminine, plural and dual forms of a masculine nisba adjective (عراقي -> عراقيه، عراقيين ...)."""
    stem = adj[:-1] if adj.endswith("ي") else adj
    return [adj, adj + "ه", adj + "ين", adj + "ون", adj + "ات", adj + "ان", stem + "يتان", stem + "يتين"]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def compile_state(doc: dict, actor_aliases: list[tuple[str, str]]) -> StateRules:
    """doc: the validated state_actors.yaml; actor_aliases: (actor id, Arabic alias) of armed groups whose
    one-word names may be written obfuscated."""
    r = StateRules()
    inst_en: dict[str, str] = {}
    for cls, names in doc["institutions"].items():
        for w in names.get("ar", []):
            toks = fold_text(w).split()
            r.inst_ar[(_key_ar(toks[0]), *toks[1:])] = cls
        for w in names.get("en", []):
            inst_en[" ".join(w.lower().split())] = cls
    r.inst_en = inst_en
    r.ministries = frozenset(doc.get("ministries", []))
    r.ministry_firsts = frozenset(k[0] for k, c in r.inst_ar.items() if c in r.ministries and len(k) > 1)
    # a nisba with its endings (not the country: سوريا), an irregular plural, a ministry's first word
    nisba = {fold_text(a)[:-1] for n in doc["nations"].values() for a in n.get("adj", {}).get("ar", [])}
    whole = {fold_text(a) for n in doc["nations"].values() for a in n.get("extra_ar", [])} | set(r.ministry_firsts)
    r.hot_ar_re = re.compile(
        rf"(?<![{_AR_LETTER}])[وفبل]?(?:ال|لل)?(?:"
        + "|".join(_raw_ar(w) for w in sorted(nisba, key=len, reverse=True))
        + rf")[\u064b-\u0652]*[يىئ][\u064b-\u0652]*(?:ين|ون|ات|ان|تان|تين|ه|ة)?[\u064b-\u0652]*(?![{_AR_LETTER}])|"
        + "|".join(_raw_ar(w) for w in sorted(whole, key=len, reverse=True)))
    mods = doc.get("modifiers", {})
    r.mod_ar = frozenset(fold_text(w) for w in mods.get("ar", []))
    adj_en: dict[str, str] = {}
    for key, n in doc["nations"].items():
        r.nations[key] = n
        for a in n.get("adj", {}).get("ar", []):
            for form in _nisba_forms(fold_text(a)):
                r.adj_ar[form] = key
        for a in n.get("extra_ar", []):
            r.adj_ar[_key_ar(fold_text(a))] = key
        for a in n.get("adj", {}).get("en", []):
            adj_en[a] = key
    r.adj_en = adj_en
    inst = _alt(list(inst_en))
    mod_en = _alt(mods.get("en", []))
    # adjectives are proper (case-sensitive: "US" is not "us"); what follows them is matched in any case
    r.inst_en_re = re.compile(
        rf"(?<![\w.])(?P<adj>{_alt(list(adj_en))})(?![\w-])(?i:\s+(?:(?:{mod_en})\s+){{0,2}}?(?P<inst>{inst}))\b")
    # after a country's possessive: "Iraq's Justice Ministry", "Lebanon's health ministry"
    r.poss_en_re = re.compile(rf"(?i:['’]s\s+(?:(?:{mod_en})\s+){{0,2}}?(?P<inst>{inst}))\b")
    minis = [w for w, c in inst_en.items() if c in r.ministries]
    r.bare_en_re = re.compile(rf"(?i:\b(?P<inst>{_alt(minis)}))\b")
    acting = doc.get("acting", {})
    r.acting = frozenset(acting.get("countries", []))
    r.capitals = dict(acting.get("capitals", {}))
    v = doc.get("verbs", {})
    r.verbs_ar = frozenset(fold_text(w) for w in v.get("ar", []))
    r.verbs_en, r.aux_en = frozenset(v.get("en", [])), frozenset(v.get("aux_en", []))
    r.skip_en, r.modal_en = frozenset(v.get("skip_en", [])), frozenset(v.get("modal_en", []))
    r.not_verbs_en = frozenset(v.get("not_verbs_en", []))
    r.obfuscated = [(_obfuscation_re(a), aid) for aid, a in actor_aliases]
    if r.obfuscated:
        r.obfuscated_any = re.compile("|".join(f"(?:{p.pattern})" for p, _a in r.obfuscated))
    return r


# a letter of a name written apart: separated by spaces or marks, or a weak letter replaced by a digit/sign
_SEP = r"[\s\-_.*·•ـ'\"]{0,2}"
_SUB = r"[0-9٠-٩*@#$!|]"


def _obfuscation_re(alias: str) -> re.Pattern[str]:
    f = fold_text(alias)
    parts = []
    for ch in f:
        letter = "[اأإآ]" if ch == "ا" else re.escape(ch)
        parts.append(f"(?:{letter}|{_SUB})" if ch in "اوي" else letter)
    return re.compile(rf"(?<![{_AR_LETTER}\w])" + _SEP.join(parts) + rf"(?![{_AR_LETTER}])")


def obfuscated_actors(text: str, rules: StateRules) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of split or disguised group names: `د1عش`, `د ا ع ش`, `د.ا.ع.ش`."""
    out: list[tuple[int, int, str]] = []
    if rules.obfuscated_any is None:
        return out
    for m in rules.obfuscated_any.finditer(text):  # one pass; which name it is, only on a hit
        s = m.group(0)
        if re.search(rf"[^{_AR_LETTER}]", s):  # written plainly the trie has it already
            aid = next((a for pat, a in rules.obfuscated if pat.fullmatch(text, m.start(), m.end())), None)
            if aid:
                out.append((m.start(), m.end(), aid))
    return out


def text_country(countries: list[str | None]) -> str | None:
    """The country a text is about: the most frequent among its places, facilities and actors (the first
    mentioned on a tie)."""
    seen = [c for c in countries if c]
    if not seen:
        return None
    counts = Counter(seen)
    best = max(counts.values())
    return next(c for c in seen if counts[c] == best)


def actor_of(rules: StateRules, nation: str, cls: str, country: str | None, when: date | None) -> str | None:
    n = rules.nations.get(nation)
    if n is None:
        return None
    if n.get("by_country"):
        amap = n["by_country"].get(country or "")
        if amap is None:
            return None
    else:
        amap = n.get("actors", {})
        before = n.get("before")
        if before is not None and when is not None and when < before["date"]:
            amap = before["actors"]
    return amap.get(cls) or amap.get("default")


def _day(published_at: datetime | date | None) -> date | None:
    return published_at.date() if isinstance(published_at, datetime) else published_at


def institution_actors(text: str, rules: StateRules, country: str | None, country_places: list[tuple[int, int, str]],
                       published_at: datetime | date | None, countries: list[tuple[int, str]] | None = None,
                       named: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of institution + nationality phrases, and of bare ministries (the text's country).
    country_places: (start, end, ISO2 or actor id) of country/capital place mentions ("Iraq's Justice Ministry");
    countries: (start, ISO2) of every country named: a bare ministry is that of a country named in its sentence
    ("Belgium repatriated ..., the foreign ministry said"), else of the text's country."""
    when = _day(published_at)
    ctx = (country, countries or [])
    if any("\u0600" <= ch <= "\u06ff" for ch in text[:400]):
        return _arabic(text, rules, ctx, country_places, when, named or [])
    return _english(text, rules, ctx, country_places, when)


def _local_country(text: str, pos: int, ctx: tuple[str | None, list[tuple[int, str]]]) -> str:
    """The country named nearest `pos` in its sentence, else the text's country."""
    near = [(abs(s - pos), c) for s, c in ctx[1]
            if not any(ch in ".\n؟!" for ch in text[min(s, pos) : max(s, pos)])]
    return min(near)[1] if near else (ctx[0] or "")


def _english(text: str, rules: StateRules, ctx: tuple[str | None, list[tuple[int, str]]],
             cplaces: list[tuple[int, int, str]], when: date | None) -> list[tuple[int, int, str]]:
    country = ctx[0]
    out: list[tuple[int, int, str]] = []
    assert rules.inst_en_re is not None and rules.bare_en_re is not None
    for m in rules.inst_en_re.finditer(text):
        cls = rules.inst_en[" ".join(m.group("inst").lower().split())]
        aid = actor_of(rules, rules.adj_en[m.group("adj")], cls, country, when)
        if aid:
            out.append((m.start(), m.end(), aid))
    assert rules.poss_en_re is not None
    for s, e, code in cplaces:  # "Iraq's Justice Ministry", "Turkey's military"
        pm = rules.poss_en_re.match(text, e)
        if pm:
            cls = rules.inst_en[" ".join(pm.group("inst").lower().split())]
            aid = code if code.startswith("actor:") else actor_of(rules, code, cls, None, when)
            if aid:
                out.append((s, pm.end(), aid))
    for m in rules.bare_en_re.finditer(text):
        if any(s <= m.start() < e for s, e, _a in out):
            continue
        cls = rules.inst_en[" ".join(m.group("inst").lower().split())]
        aid = actor_of(rules, _local_country(text, m.start(), ctx), cls, None, when)
        if aid:
            out.append((m.start(), m.end(), aid))
    return out


def _arabic(text: str, rules: StateRules, ctx: tuple[str | None, list[tuple[int, str]]],
            cplaces: list[tuple[int, int, str]], when: date | None, named: list[tuple[int, int]]
            ) -> list[tuple[int, int, str]]:
    """named: spans of actors already found (an adjective inside one, "الحكومة السورية", needs no reading).
    Only the words around a nationality adjective, a ministry word or a country's name are read: a raw
    regex finds those spots (most of a 3 KB article is never folded)."""
    spots = sorted({m.start() for m in rules.hot_ar_re.finditer(text)} | {s for s, _e, _c in cplaces})
    if named:
        spots = [p for p in spots if not any(a <= p < b for a, b in named)]
    out: list[tuple[int, int, str]] = []
    lo = hi = -1
    for p in [*spots, len(text) + 1000]:
        a, b = max(0, p - 50), p + 30  # three words before (the institution), the word and two after
        if a <= hi:
            hi = b
            continue
        if hi >= 0:
            _arabic_window(text, _window_tokens(text, lo, hi), rules, ctx, cplaces, when, out)
        lo, hi = a, b
    return out


def _window_tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), hi)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    ms = list(TOKEN_RE.finditer(text, lo, hi))
    return [(m.start(), m.end(), f) for m, f in zip(ms, fold_many([m.group(0) for m in ms]), strict=True)]


def _arabic_window(text: str, toks: list[tuple[int, int, str]], rules: StateRules,
                   ctx: tuple[str | None, list[tuple[int, str]]], cplaces: list[tuple[int, int, str]],
                   when: date | None, out: list[tuple[int, int, str]]) -> None:
    country = ctx[0]
    place_at = {s: code for s, _e, code in cplaces}
    adj_ar = rules.adj_ar
    used = -1
    for i, (s, e, f) in enumerate(toks):
        nation = adj_ar.get(f)
        if nation is None:
            for w in _strip_ar(f):
                nation = adj_ar.get(w)
                if nation:
                    break
        if nation is None and s not in place_at:
            continue
        # look back over modifiers for the institution ("القوات الخاصة العراقية", "طائرة مسيرة تركية"); a
        # word that is both (مسيرة "drone" / "guided") is the institution when nothing precedes it
        hit = None
        for j in range(i - 1, max(i - 4, -1), -1):
            if toks[j][0] <= used:
                break
            hit = _institution_ending_at(toks, j, rules)
            if hit is not None or toks[j][2] not in rules.mod_ar:
                break
        if hit is None:
            continue
        k, cls = hit
        if nation is None:  # "حكومة العراق": an institution before a country's name
            code = place_at[s]
            aid = code if code.startswith("actor:") else actor_of(rules, code, cls, None, when)
        else:
            aid = actor_of(rules, nation, cls, country, when)
        if aid:
            out.append((toks[k][0], e, aid))
            used = e
    # a ministry with no nationality after it: the text's country
    firsts = rules.ministry_firsts
    for i in range(len(toks) - 1):
        if firsts.isdisjoint(_strip_ar(toks[i][2])):
            continue
        mcls = next((c for w in _strip_ar(toks[i][2]) if (c := rules.inst_ar.get((w, toks[i + 1][2])))), None)
        if mcls in rules.ministries and not any(a <= toks[i][0] < b for a, b, _x in out):
            nxt = toks[i + 2][2] if i + 2 < len(toks) else ""
            if any(rules.adj_ar.get(w) for w in _strip_ar(nxt)) or (nxt.startswith("ال") and nxt.endswith(("يه", "ي"))):
                continue  # a nationality follows, known or not (وزارة الخارجية الهولندية)
            aid = actor_of(rules, _local_country(text, toks[i][0], ctx), mcls, None, when)
            if aid:
                out.append((toks[i][0], toks[i + 1][1], aid))


def _institution_ending_at(toks: list[tuple[int, int, str]], j: int, rules: StateRules) -> tuple[int, str] | None:
    """(index of its first word, class) of an institution whose last word is toks[j]."""
    if j >= 1:
        for w in _strip_ar(toks[j - 1][2]):
            cls = rules.inst_ar.get((w, toks[j][2]))
            if cls:
                return j - 1, cls
    for w in _strip_ar(toks[j][2]):
        cls = rules.inst_ar.get((w,))
        if cls:
            return j, cls
    return None


def acting_actors(text: str, rules: StateRules, cplaces: list[tuple[int, int, str]],
                  published_at: datetime | date | None) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of countries and capitals that are the subject of a verb (rule 13)."""
    when = _day(published_at)
    out = []
    for s, e, code in cplaces:
        if _acts(text, s, e, rules):
            aid = code if code.startswith("actor:") else actor_of(rules, code, "default", None, when)
            if aid:
                out.append((s, e, aid))
    return out


def _acts(text: str, s: int, e: int, rules: StateRules) -> bool:
    before = _WORD_RE.findall(text[max(0, s - 30) : s])
    after = _WORD_RE.findall(text[e : e + 60])
    arabic = "\u0600" <= text[s] <= "\u06ff"
    if arabic:
        if s > 0 and text[s - 1] in "بلك":  # a preposition glued to the name: بتركيا، لبغداد
            return False
        prev = fold(before[-1]) if before and text[s - 1 : s].isspace() else ""
        if prev and any(w in rules.verbs_ar for w in _strip_ar(prev)):
            return True  # أعلنت بغداد، وقصفت تركيا
        if prev in _PREPS_AR:
            return False
        nxt = fold(after[0]) if after and text[e : e + 1].isspace() else ""
        return bool(nxt) and any(w in rules.verbs_ar for w in _strip_ar(nxt))  # تركيا تقصف
    if text[e : e + 1] in "'’-" or (before and before[-1].lower() in _PREPS_EN) or not _GAP_RE.match(text, e):
        return False  # "Turkey's", "Iraq-based", "in Turkey", a dateline "QAMISHLI, Syria —"
    words = [w.lower() for w in after[:6]]
    i = 0
    while i < len(words) and words[i] in rules.skip_en:
        i += 1
    if i >= len(words):
        return False
    w = words[i]
    if w in rules.modal_en:
        return i + 1 < len(words) and words[i + 1].isalpha() and words[i + 1] not in ("be", "the", "a")
    if w in rules.aux_en:
        return i + 1 < len(words) and words[i + 1].endswith("ing")
    if w in rules.verbs_en:
        return True
    return w.endswith("ed") and w.isalpha() and w not in rules.not_verbs_en and len(w) > 4


def state_mentions(text: str, found: list[ActorMention], places: list[PlaceMention],
                   facilities: list[FacilityMention], gaz: Gazetteer,
                   published_at: datetime | date | None) -> tuple[list[ActorMention], list[PlaceMention]]:
    """The actors of this module for one text, not overlapping the actors the gazetteer's names found, and
    the places less those that open such an actor as its adjective ("U.S." in "U.S. guards": README rule 4)."""
    rules: StateRules = gaz.state
    entries = gaz.entries
    country = text_country([p.country for p in places] + [f.country for f in facilities]
                           + [entries[a.id].country for a in found])
    cplaces = []
    for p in places:
        code = rules.capitals.get(p.id) or (p.country if p.id.startswith("country:") else None)
        if code and (code.startswith("actor:") or code in rules.nations):
            cplaces.append((p.start, p.end, code))
    spans = [(a.start, a.end) for a in found]
    named = [(p.start, p.country) for p in places if p.id.startswith("country:") and p.country]
    hits = obfuscated_actors(text, rules) + institution_actors(text, rules, country, cplaces, published_at, named,
                                                               list(spans))
    hits += acting_actors(text, rules, [cp for cp in cplaces if cp[2] in rules.acting or cp[2].startswith("actor:")],
                          published_at)
    out: list[ActorMention] = []
    for s, e, aid in sorted(hits):
        if any(a < e and s < b for a, b in spans):
            continue  # a name the gazetteer has ("القوات العراقية") is already its actor
        ent = entries.get(aid)
        if ent is not None:
            out.append(actor(text[s:e], s, e, aid, ent.canonical, 0.75))
            spans.append((s, e))
    # a place at the start of a longer actor phrase, not possessive: an adjective (acting keeps the same span)
    kept = [p for p in places if not any(a.start == p.start and p.end < a.end and text[p.end : p.end + 1] not in "'’"
                                         for a in out)]
    return out, kept
