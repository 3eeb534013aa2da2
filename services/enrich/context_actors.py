"""Generic institution phrases whose actor the text's context decides (data/README.md rule 20).

`الدفاع المدني` ("the civil defence") is the White Helmets in a Syrian opposition-area text of its time and
nobody's elsewhere; `قوى الأمن الداخلي` is north-east Syria's Asayish beside the Kurdish-led bodies, but also
Lebanon's police and the transitional government's internal security; `الجيش الوطني` in a Syria text is the
SNA; `النظام` in a Syria text before 8 Dec 2024 is the Assad government; `المفوضية` in a camp or refugee text is
UNHCR; "the coalition" beside ISIS, Iraq or Syria is the Global Coalition. An alias list cannot hold these:
the same words name other bodies in other texts. The phrases and their conditions are data
(data/state_actors.yaml `by_context`, validated by gazetteer.StateActorsRec); `context_actors` applies them to
one text after every other actor and place is found.

A phrase counts only standing alone: not inside a name already found (`الدفاع المدني السوري` is an alias),
not followed by a word with the article that would make it another body's (`الدفاع المدني الأردني`,
`التحالف العربي`, `النظام الانتخابي`; a day's name, `المفوضية الأحد`, is no such word) or by `التابع` ("the
one of ..."), and in English not after an owner ("Gaza's civil defence", "the ruling coalition").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from services.enrich.backend import PATH
from services.enrich.normalize import fold, has_latin
from services.enrich.scouts import needle_starts
from shared.annotation import ActorMention, FacilityMention, PlaceMention

_ID, _COUNTRY, _SPAN = attrgetter("id"), attrgetter("country"), attrgetter("start", "end")

_AR = "\u0621-\u064a"
_MARKS = "[\u064b-\u0652\u0640]*"
_ALTS = {"ا": "[اأإآ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]", "ة": "[هة]", "أ": "[اأإآ]", "إ": "[اأإآ]"}
# the words after a phrase that do not make it another body's: days and times (`قالت المفوضية الأحد`)
_TIME_WORDS = frozenset(("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اليوم", "الليله",
                         "الماضي", "الماضيه", "الحالي", "الان",
                         # function words that open with the letters of the article: إلى، إلا، التي، الذي
                         "الي", "الا", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
                         # a verb's object after its subject: `نقلت مصلحة السجون الأسرى`, `اقتحمت ... مصلحة السجون
                         # السجن` (a noun of what the body acts on, no adjective of another owner)
                         "السجن", "المعتقل", "الاسري", "الاسير", "الاسيرات", "المعتقلين", "المخيم", "المعتقلات"))
_OWNED_AFTER = frozenset(("التابع", "التابعه", "التابعين", "التابعون", "تابع", "تابعه"))
# English words before a phrase that leave it unowned ("the coalition", "by the coalition", "said coalition")
_FREE_BEFORE_EN = frozenset(("the", "a", "and", "or", "with", "by", "of", "to", "from", "for", "said", "at", "in",
                             "on", "its", "whose", "that", "as", "under", "against", "told", "among", "between",
                             # a count of its members ("one Coalition service member was killed"; rule 26m)
                             "one", "two", "three", "four", "five", "several", "another",
                             # a conjunction or a reporting word ("..., while National Security Adviser Qassem
                             # al-Araji said": no owner; actor25en, rule 28c)
                             "while", "whereas", "says", "adding"))
_WORD_EN_RE = re.compile(r"[\w'’\-]+")
_NEXT_AR_RE = re.compile(rf"[\s\u00a0]+[\"«“”»]?([{_AR}\u064b-\u0652\u0640]+)")


@dataclass(slots=True)
class Region:
    country: str
    boxes: tuple[tuple[float, float, float, float], ...]  # (lat_min, lat_max, lon_min, lon_max)

    def holds(self, country: str | None, lat: float | None, lon: float | None) -> bool:
        if country != self.country or lat is None or lon is None:
            return False
        return any(a <= lat <= b and c <= lon <= d for a, b, c, d in self.boxes)


@dataclass(slots=True)
class Condition:
    """One reading of a phrase: the actor it names when every stated condition holds."""

    countries: frozenset[str] = frozenset()  # the text's country is one of these
    mentions: frozenset[str] = frozenset()  # a place or facility of one of these countries is named
    since: date | None = None  # published on or after (a date-bound reading needs a known date)
    until: date | None = None  # published before
    inside: tuple[str, ...] = ()  # a place or facility of the text lies in one of these regions
    outside: tuple[str, ...] = ()  # none lies in any of these
    with_actors: frozenset[str] = frozenset()  # one of these actors is named
    without_actors: frozenset[str] = frozenset()  # none of these is named
    with_words: tuple[str, ...] = ()  # one of these words is written (folded, as a substring)


@dataclass(slots=True)
class Phrase:
    actor: str
    ar: re.Pattern[str] | None
    en: re.Pattern[str] | None
    when: tuple[Condition, ...]
    not_before_en: frozenset[str] = frozenset()  # English words after it that make it another body's
    stems_ar: tuple[str, ...] = ()  # one of these is in every Arabic form of it (str.find before the pattern)
    stems_en: tuple[str, ...] = ()  # one of these is in every English form of it (lower case)
    then_en: frozenset[str] = frozenset()  # when given: an English word one of which must follow ("'s": possessive)


@dataclass(slots=True)
class ContextRules:
    regions: dict[str, Region] = field(default_factory=dict)
    phrases: list[Phrase] = field(default_factory=list)
    # a cheap test per text: a phrase's last word may be written at all (str.find, C speed)
    firsts_ar: tuple[str, ...] = ()
    firsts_en: tuple[str, ...] = ()


def _raw_ar(phrase: str) -> str:
    """An Arabic phrase as a pattern over raw text: its letters in any of the forms folding merges, vowel marks
    and tatweel between them, any run of spaces between its words."""
    words = []
    for w in phrase.split():
        words.append("".join((_ALTS.get(ch, re.escape(ch)) + _MARKS) for ch in w))
    return r"[\s\u00a0]+".join(words)


def _ar_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    alts: list[str] = []
    for p in sorted(phrases, key=len, reverse=True):
        if p.startswith("ال"):  # `للجيش الوطني`: ل + the article written لل, the surface starts after it
            alts.append(rf"(?:[وف]?[بك]?(?P<a{len(alts)}>{_raw_ar(p)})|[وف]?لل(?P<b{len(alts)}>{_raw_ar(p[2:])}))")
        else:
            alts.append(rf"[وفبلك]?(?P<a{len(alts)}>{_raw_ar(p)})")
    if not alts:
        return None
    return re.compile(rf"(?<![{_AR}])(?:{'|'.join(alts)})(?![{_AR}])")


def _en_pattern(phrases: list[str], case: bool = False) -> re.Pattern[str] | None:
    """case: matched as written ("Amnesty", not "an amnesty"); otherwise in any case."""
    if not phrases:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])({body})(?![\w\-])" if case else rf"(?<![\w\-])(?i:{body})(?![\w\-])")


def _stem3(w: str) -> str:
    """The first three letters of a word after its article: in every written form of it that has no vowel mark
    among them (a cheap test that the phrase may be in a text at all)."""
    return (w[2:] if w.startswith("ال") else w)[:3]


def _date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def compile_context(doc: dict | None) -> ContextRules:
    """data/state_actors.yaml `by_context` (validated) compiled for one pass per text."""
    r = ContextRules()
    if not doc:
        return r
    for name, reg in (doc.get("regions") or {}).items():
        boxes = tuple((float(b[0]), float(b[1]), float(b[2]), float(b[3])) for b in reg["boxes"])
        r.regions[name] = Region(reg["country"], boxes)
    firsts_ar: set[str] = set()
    firsts_en: set[str] = set()
    for p in doc.get("phrases") or []:
        conds = []
        for c in p.get("when") or [{}]:
            conds.append(Condition(
                countries=frozenset(c.get("countries", [])), mentions=frozenset(c.get("mentions", [])),
                since=_date(c.get("since")), until=_date(c.get("until")),
                inside=tuple(c.get("inside", [])), outside=tuple(c.get("outside", [])),
                with_actors=frozenset(c.get("with_actors", [])), without_actors=frozenset(c.get("without_actors", [])),
                with_words=tuple(fold(w) for w in c.get("with_words", []))))
        ar, en = list(p.get("ar", [])), list(p.get("en", []))
        # the phrase's last word is in every form of it (the first may carry the article or not: للجيش)
        stems_ar = tuple(sorted({_stem3(w.split()[-1]) for w in ar}))
        stems_en = tuple(sorted({w.split()[-1].lower() for w in en}))
        r.phrases.append(Phrase(p["actor"], _ar_pattern(ar), _en_pattern(en, bool(p.get("case_en"))), tuple(conds),
                                frozenset(w.lower() for w in p.get("not_before_en", [])), stems_ar, stems_en,
                                frozenset(w.lower() for w in p.get("then_en", []))))
        firsts_ar.update(stems_ar)
        firsts_en.update(stems_en)
    r.firsts_ar, r.firsts_en = tuple(sorted(firsts_ar)), tuple(sorted(firsts_en))
    return r


def context_actors(text: str, found: Sequence[ActorMention], places: Sequence[PlaceMention],
                   facilities: Sequence[FacilityMention], rules: ContextRules, country: str | None,
                   when: date | None) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of the by-context phrases of one text whose conditions hold.
    country: the text's country (actors.text_country); when: the publication day."""
    if not rules.phrases:
        return []
    # only the phrases one of whose conditions may hold are looked for (_may_hold: what _holds asks but the
    # regions, all known before the text is searched; a phrase none of whose conditions holds names no actor, and
    # its hits are no span of the others'), and only their stems are searched for
    named = set(map(_ID, found))  # (C-level attribute reads)
    # (the countries of the places and facilities, once per text: _may_hold's `mentions` test reads the set)
    mentioned = set(map(_COUNTRY, places))
    mentioned.update(map(_COUNTRY, facilities))
    phrases, firsts_ar, firsts_en = _pick(rules, country, when, named, mentioned)
    if not phrases:
        return []
    # an English stem has an ASCII letter, so a text with none (nor in its lower case) holds none: no lower case
    # and no English search there (has_latin; a whole-text search each in an Arabic text)
    en = has_latin(text) or not _ascii_lettered(rules.firsts_en)
    low = None
    # where each stem is written (one pass for them all, _all_at, shared by the phrases: a phrase none of whose
    # stems the text holds is not looked for)
    # (an Arabic stem has an Arabic letter, so a text with none holds none: no search for them in an English text)
    first_ar = _all_at(text, firsts_ar) if firsts_ar and (not _arabic_lettered(rules.firsts_ar)
                                                           or arabic_letter(text)) else {}
    first_en: dict[str, list[int]] | None = None
    if not first_ar:
        if not en:
            return []
        low = text.lower()
        first_en = _all_at(low, firsts_en)
        if not first_en:
            return []
    spans: list[tuple[int, int]] | None = None  # (made at the first hit: most phrases have none)
    folded: str | None = None
    out: list[tuple[int, int, str]] = []
    for ph in phrases:
        hits: list[tuple[int, int]] = []
        if ph.ar is not None and not first_ar.keys().isdisjoint(ph.stems_ar):
            for m in _near(ph.ar, text, text, ph.stems_ar, first_ar):
                g = next(k for k, v in m.groupdict().items() if v is not None)
                s, e = m.span(g)
                if not _owned_after_ar(text, e):
                    hits.append((s, e))
        if ph.en is not None and en:
            if low is None:
                low = text.lower()
            if first_en is None:
                first_en = _all_at(low, firsts_en)
            for m in _near(ph.en, text, low, ph.stems_en, first_en) if not first_en.keys().isdisjoint(ph.stems_en) \
                    else ():
                if ph.then_en and not _followed_en(text, m.end(), ph.then_en):
                    continue  # ("Amnesty said", not "Amnesty for detainees")
                owner = _owned_en(text, m.start(), m.end(), ph.not_before_en)
                if owner is None:
                    hits.append(m.span())
                elif owner and _possessor_country(places, owner, m.start()) in _countries(ph):
                    hits.append(m.span())  # "Iraq's National Security Adviser": the country it serves
        if not hits:
            continue
        if spans is None:
            spans = list(map(_SPAN, found))
        hits = [(s, e) for s, e in hits if not any(a < e and s < b for a, b in spans)]
        if not hits:
            continue
        for c in ph.when:
            if not _holds(c, rules, country, when, named, places, facilities):
                continue
            if c.with_words:  # (the text folded only for a condition that holds otherwise, once per text)
                if folded is None:
                    folded = fold(re.sub("[\u064b-\u0652\u0640]", "", text))
                if not any(w in folded for w in c.with_words):
                    continue
            s, e = hits[0]  # (one mention per phrase: the set is per passage)
            out.append((s, e, ph.actor))
            spans.append((s, e))
            break
    return out


# id(rules) -> (rules, its phrases list, their count, the actors and the countries the conditions read, the picks by
# what _may_hold reads of a text): the texts of a stream share their country, their day and the few actors and
# countries the conditions name, so the phrases a text may hold are picked once for them all (bounded)
_PICKS: dict[int, tuple[ContextRules, list[Phrase], int, frozenset[str], frozenset[str], dict[Any, Any]]] = {}


def _pick(rules: ContextRules, country: str | None, when: date | None, named: set[str], mentioned: set[str | None]
          ) -> tuple[list[Phrase], tuple[str, ...], tuple[str, ...]]:
    """(the phrases one of whose conditions may hold (_may_hold), their Arabic stems, their English stems), kept by
    what _may_hold reads of `named` and `mentioned`: the actors and the countries some condition names."""
    got = _PICKS.get(id(rules))
    if got is None or got[0] is not rules or got[1] is not rules.phrases or got[2] != len(rules.phrases):
        if len(_PICKS) > 16:
            _PICKS.clear()
        actors = frozenset(a for ph in rules.phrases for c in ph.when for a in c.with_actors | c.without_actors)
        countries = frozenset(m for ph in rules.phrases for c in ph.when for m in c.mentions)
        got = _PICKS[id(rules)] = (rules, rules.phrases, len(rules.phrases), actors, countries, {})
    memo = got[5]
    key = (country, when, got[3].intersection(named), got[4].intersection(mentioned))
    hit = memo.get(key)
    if hit is None:
        phrases = [ph for ph in rules.phrases if any(_may_hold(c, country, when, named, mentioned) for c in ph.when)]
        firsts_ar = rules.firsts_ar if len(phrases) == len(rules.phrases) else \
            tuple({w for ph in phrases for w in ph.stems_ar})
        firsts_en = rules.firsts_en if len(phrases) == len(rules.phrases) else \
            tuple({w for ph in phrases for w in ph.stems_en})
        if len(memo) > 4096:
            memo.clear()
        hit = memo[key] = (phrases, firsts_ar, firsts_en)
    return hit


def _ascii_lettered(words: tuple[str, ...]) -> bool:
    """Every word holds an ASCII letter (the stems as compiled; asked once per tuple)."""
    got = _LETTERED.get(id(words))
    if got is None or got[0] is not words:
        got = _LETTERED[id(words)] = (words, all(any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in w) for w in words))
    return got[1]


_LETTERED: dict[int, tuple[tuple[str, ...], bool]] = {}  # id -> (the tuple, kept so its id is not reused; answer)


def _arabic_lettered(words: tuple[str, ...]) -> bool:
    """Every word holds a letter of [ء-ي] (the Arabic stems as compiled; asked once per tuple)."""
    got = _AR_LETTERED.get(id(words))
    if got is None or got[0] is not words:
        got = _AR_LETTERED[id(words)] = (words, all(_AR_LETTER_RE.search(w) is not None for w in words))
    return got[1]


_AR_LETTERED: dict[int, tuple[tuple[str, ...], bool]] = {}  # (as _LETTERED)
_AR_LETTER_RE = re.compile("[\u0621-\u064a]")


def arabic_letter(text: str) -> bool:
    """A letter of [ء-ي] in the text (compiled: _scan.arabic_letter; a text of Latin-1 characters is answered
    without reading it)."""
    native = PATH.native
    if native is not None:
        return bool(native.arabic_letter(text))
    return _AR_LETTER_RE.search(text) is not None


_BEFORE = 48  # a phrase starts at most this many characters before its last word's stem (marks and clitics too)
_AFTER = 24  # and ends at most this many after it


def _all_at(hay: str, stems: tuple[str, ...]) -> dict[str, list[int]]:
    """stem -> every position where it is written in `hay` (overlapping ones too), ascending, for the stems it
    holds (in the order of `stems`; [0] is where each is first written: `hay.find(w)`). One pass over `hay` for
    them all (needle_starts: the distinct positions where some stem is written, at most 64 stems, none empty), then
    the stems tested at those positions only, not a whole-text find per stem and per occurrence."""
    if len(stems) > 64 or not all(stems):
        out: dict[str, list[int]] = {}
        for w in stems:
            i = hay.find(w)
            while i != -1:
                out.setdefault(w, []).append(i)
                i = hay.find(w, i + 1)
        return out
    at = needle_starts(hay, stems)
    if not at:
        return {}
    kept = _BY_FIRST.get(stems)
    if kept is None:
        if len(_BY_FIRST) > 256:
            _BY_FIRST.clear()
        by: dict[str, tuple[str, ...]] = {}
        for w in stems:
            by[w[0]] = (*by.get(w[0], ()), w)
        rank: dict[str, int] = {}
        for i, w in enumerate(stems):
            rank.setdefault(w, i)  # (a stem's first place in `stems`)
        kept = _BY_FIRST[stems] = (by, rank)
    by, rank = kept
    got: dict[str, list[int]] = {}
    for p in at:
        for w in by.get(hay[p], ()):
            if hay.startswith(w, p):
                if w in got:
                    got[w].append(p)
                else:
                    got[w] = [p]
    if len(got) > 1:
        got = {w: got[w] for w in sorted(got, key=rank.__getitem__)}  # (in the order of `stems`: by first place)
    return got


# stems -> (first character -> its stems, stem -> its first place in stems) (bounded)
_BY_FIRST: dict[tuple[str, ...], tuple[dict[str, tuple[str, ...]], dict[str, int]]] = {}


def _near(pat: re.Pattern[str], text: str, hay: str, stems: tuple[str, ...], first: dict[str, list[int]]
          ) -> list[re.Match[str]]:
    """pat's matches, tried only around where one of its stems is written in `hay` (text, or its lower case:
    the same offsets; `first`: every position where each stem is written there, ascending, _all_at); each match
    once. (A pattern over the whole text per phrase would cost more than the rest of the actor pass.)"""
    out: list[re.Match[str]] = []
    seen: set[int] = set()
    for stem in stems:
        for i in first.get(stem, ()):  # (= i from hay.find(stem), then hay.find(stem, i + 1) until -1)
            lo = i - _BEFORE if i > _BEFORE else 0
            m = pat.search(text, lo, i + len(stem) + _AFTER)
            while m is not None:
                if m.start() not in seen and m.start() <= i < m.end():
                    seen.add(m.start())
                    out.append(m)
                m = pat.search(text, m.end(), i + len(stem) + _AFTER) if m.end() <= i else None
    if len(out) > 1:
        out.sort(key=lambda m: m.start())
    return out


def _owned_after_ar(text: str, e: int) -> bool:
    """A word with the article after the phrase makes it another body's (`الدفاع المدني الأردني`); a day or a
    time does not; `التابع لـ` names its owner."""
    m = _NEXT_AR_RE.match(text, e)
    if m is None:
        return False
    w = fold(m.group(1))
    if w in _OWNED_AFTER:
        return True
    return w.startswith("ال") and w not in _TIME_WORDS and w not in _CRAFT_AFTER


# a craft's adjective after the phrase qualifies the craft before it, no owner (`طيران النظام الحربي`, `مروحيات النظام
# الحربية`: the regime's warplanes; rule 26s)
_CRAFT_AFTER = frozenset(("الحربي", "الحربيه", "المروحي", "المروحيه", "المسير", "المسيره", "المسيرات", "الحربيين"))


def _owned_en(text: str, s: int, e: int, not_before: frozenset[str]) -> str | None:
    """None for an English phrase standing alone; otherwise its owner: the start (as a string) of a possessive
    place before it ("Iraq's National Security Adviser"), or "" for another owner ("Gaza's civil defence" is
    read by the possessor's country; "the ruling coalition", "Saudi-led coalition", a word after it that makes it
    another body: "coalition government")."""
    nxt = _WORD_EN_RE.match(text, e + 1) if text[e : e + 1] == " " else None
    if nxt is not None and nxt.group().lower() in not_before:
        return ""
    words = _WORD_EN_RE.findall(text, max(0, s - 30), s)
    if words and text[s - 1 : s].isspace():
        prev = words[-1]
        gap = text[s - len(prev) - 1 : s].strip()
        if gap == prev and prev.lower() not in _FREE_BEFORE_EN:
            return str(s - 1 - len(prev)) if prev.endswith(("'s", "’s")) else ""
    return None


def _followed_en(text: str, e: int, then: frozenset[str]) -> bool:
    """One of `then` is the word right after `e` (after one space), or "'s" is written there and is one."""
    if text[e : e + 2] in ("'s", "’s"):
        return "'s" in then
    nxt = _WORD_EN_RE.match(text, e + 1) if text[e : e + 1] == " " else None
    return nxt is not None and nxt.group().lower() in then


def _countries(ph: Phrase) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for c in ph.when:
        out |= c.countries
    return out


def _possessor_country(places: Sequence[PlaceMention], owner: str, s: int) -> str | None:
    """The country of the place whose possessive ends right before `s` (it starts at int(owner))."""
    at = int(owner)
    return next((p.country for p in places if p.start == at and p.end == s - 3), None)


def _may_hold(c: Condition, country: str | None, when: date | None, named: set[str], mentioned: set[str | None]
              ) -> bool:
    """False only where _holds is False: what it asks but the regions (the same tests, in the same order; `mentioned`:
    the countries of the text's places and facilities)."""
    if c.countries and country not in c.countries:
        return False
    if c.since is not None or c.until is not None:
        if when is None or (c.since is not None and when < c.since) or (c.until is not None and when >= c.until):
            return False
    if c.mentions and c.mentions.isdisjoint(mentioned):
        return False
    if c.with_actors and named.isdisjoint(c.with_actors):
        return False
    return not (c.without_actors and not named.isdisjoint(c.without_actors))


def _holds(c: Condition, rules: ContextRules, country: str | None, when: date | None, named: set[str],
           places: Sequence[PlaceMention], facilities: Sequence[FacilityMention]) -> bool:
    """The condition holds, but for its words (with_words: context_actors reads them in the folded text)."""
    if c.countries and country not in c.countries:
        return False
    if (c.since is not None or c.until is not None) and when is None:
        return False
    if c.since is not None and when is not None and when < c.since:
        return False
    if c.until is not None and when is not None and when >= c.until:
        return False
    if c.mentions and not any(p.country in c.mentions for p in [*places, *facilities]):
        return False
    if c.with_actors and named.isdisjoint(c.with_actors):
        return False
    if c.without_actors and not named.isdisjoint(c.without_actors):
        return False
    if c.inside or c.outside:
        pts = [(p.country, p.lat, p.lon) for p in [*places, *facilities]]
        if c.inside and not any(rules.regions[r].holds(*pt) for r in c.inside for pt in pts):
            return False
        if c.outside and any(rules.regions[r].holds(*pt) for r in c.outside for pt in pts):
            return False
    return True
