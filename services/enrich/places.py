"""Places beyond the gazetteer's names (data/README.md rule 14), as pure functions over one text.

- An Arabic word that equals a town's name (`عنه` "about it" / Anah, `سيول` "floods" / Seoul) is the
  word unless its context makes it a place: right after a place cue ("قضاء عنه"), in a list of places
  ("حديثة وعنه وراوة"), or after a locative word when written as the town is ("في حديثة", not "في
  حديثه", "in his speech"). The words and their contexts are data (data/common_words.yaml).
- A village, district or neighbourhood the gazetteer lacks is still a place when a cue names it so
  ("قرية الحمرا", "حي الطوارئ", "the village of Umm Madfa"): an open-world place `open:place:<slug>`,
  placed at the nearest known place in the text (or nowhere).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, islice
from typing import Any

from services.enrich.listed_en import SCOPE, apposed_villages, listed_english, members_before
from services.enrich.matcher import key_tokens
from services.enrich.normalize import TOKEN_RE, fold, fold_text, has_latin
from services.enrich.output import place
from services.enrich.resolve import Cand
from services.enrich.scouts import (
    TEXT_GATE,
    Scout,
    arabic_cue_starts,
    cue_spans,
    match_at,
    match_starts,
    scout_after,
    scout_caseless,
    text_gates,
    word_cue_starts,
    words_in,
)
from shared.annotation import PlaceMention

_T_QUARTERS_AR = TEXT_GATE["حيي"] | TEXT_GATE["حياء"]
_T_QUARTERS_EN = TEXT_GATE["neighbourhoods"] | TEXT_GATE["neighborhoods"] | TEXT_GATE["districts"] \
    | TEXT_GATE["quarters"]
_T_APPOSED = TEXT_GATE[", a "] | TEXT_GATE[", an "]

_WORD = re.compile(r"\S+")
_AR = "\u0621-\u064a"
_NAME_START_RE = re.compile(r"(?<![\w\-])[A-Za-z]")  # where an English name (_EN_NAME) can start
# (a comma, و or "and": a space alone is no list, `السيول تدمر`)
_JOIN_RE = re.compile(r"\s*(?:[،,]\s*(?:(?:و|and)\s*)?|و\s*|and\s+)$")
# a road's two ends (`طريق طهران – قم`, "the Tehran-Qom road" reads its own way): a dash between two towns after
# a road's word is a list as a comma is (rule 25b); a dash alone is a dateline's (`بغداد – مشهد مؤلم`)
_DASH_JOIN_RE = re.compile(r"\s*[–—-]\s*$")
_ROAD_WORDS = frozenset(("طريق", "الطريق", "طريقي", "اوتوستراد", "الاوتوستراد", "اتوستراد", "الاتوستراد", "خط"))
_EN_NAME = r"(?:(?:al|el|an|ad|ar|as|ash|at|az|umm|abu|bin|ibn|tal|tell|ain|deir|kafr|ras|bir|beit|wadi|jabal|jebel)" \
           r"[\-\s'’])?[A-Z][\w'’\-]*"


@dataclass(slots=True)
class PlaceRules:
    """data/common_words.yaml compiled for lookups (folded words)."""

    cues: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    words: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)  # word -> (contexts, ta_marbuta)
    ar_cues: frozenset[str] = frozenset()
    ar_prefixes: frozenset[str] = frozenset()
    ar_suffixes: frozenset[str] = frozenset()
    ar_stop: frozenset[str] = frozenset()
    cue_ar_re: re.Pattern[str] = re.compile("(?!)")  # the Arabic open-world cues over raw text
    en_before: re.Pattern[str] | None = None  # "the village of X"
    en_after: re.Pattern[str] | None = None  # "X village"
    # where each can match (scouts.py: the patterns open with a lookbehind or a case-blind word)
    scouts: dict[str, tuple[Scout, ...]] = field(default_factory=dict)
    en_stop: frozenset[str] = frozenset()
    # (kind, word) of the trie's cue keys (compile.py: role "cue"): the words where cue_ar_re ("cue_ar"),
    # en_before ("en_before") and en_after ("en_after") can match, so the scanner's cue candidates say where
    cue_words: list[tuple[str, str]] = field(default_factory=list)
    # surface as written -> its rule in `words` (folded), or () for none: common_word's look-up (bounded)
    surface_rule: dict[str, tuple[frozenset[str], bool] | tuple[()]] = field(default_factory=dict)
    # surface as written -> the checks of enrichment._place that can answer True for it at all (surface_gates; bounded)
    surface_gates: dict[str, int] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)  # folded definite noun -> "m" | "f" (noun_phrase)
    adjectives: frozenset[str] = frozenset()  # folded adjectives without a nisba ending
    not_adjectives: frozenset[str] = frozenset()  # directions: "الباب الشرقي" is (eastern) al-Bab
    nationality: dict[str, str] = field(default_factory=dict)  # adjective (folded Arabic / English) -> ISO2
    # Arabic names (folded) that exist in one country only (a district, a prison, a leader of a city a name is
    # shared with: `معيتيقه`, `تاجوراء`): each in the text is one vote for its country, as an adjective is
    country_words: dict[str, str] = field(default_factory=dict)
    # a country word (folded) -> the folded words right before it that make it another name or a common word
    # (`جبل الزاوية` in Syria, `زغرتا الزاوية` in Lebanon, `من هذه الزاوية` "from this angle": rule 26c)
    country_words_not_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    foreign_namesakes: dict[str, str] = field(default_factory=dict)
    # a name in scope that a town of a country out of scope shares (folded) -> that country (rule 29q), and each
    # such country -> its marking words (English as written, Arabic folded): abroad_marked
    namesakes_abroad: dict[str, str] = field(default_factory=dict)
    abroad_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    abroad_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # those countries' own names
    person_names: frozenset[str] = frozenset()  # given names (English lower case, Arabic folded)
    group_words: frozenset[str] = frozenset()  # words of armed groups' names (English lower case)
    agencies: frozenset[str] = frozenset()  # news agencies' names as written ("SANA", `سانا`): never the place
    # word as written -> it makes the name after it a person's or a group's (person_named; bounded)
    name_before: dict[str, bool] = field(default_factory=dict)
    noun_of: dict[str, str] = field(default_factory=dict)  # surface as written -> its `nouns` gender or ""
    # enrichment._place's memos for the compiled place_mask (bounded): the word before a name with the article as
    # _person_before cuts it -> a given name (enrichment._given_before); prev_word's token -> enrichment._word_flags
    given_before: dict[str, bool] = field(default_factory=dict)
    word_flags: dict[str, int] = field(default_factory=dict)
    # a neighbourhood's name without its cue (`حي غويران`, "Ghweiran neighbourhood": folded Arabic `غويران`,
    # English lower case) -> its place id: read after a plural or dual cue (listed_quarters; load_gazetteer)
    quarters: dict[str, str] = field(default_factory=dict)
    # English key of a neighbour's village (Palestine, Lebanon, Jordan) under 15,000 people -> its GeoNames entries:
    # an open-world village after an English cue that bears one of their names is that village (rule 27m)
    villages_en: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # a town's or village's one-word Arabic alias in places.yaml (folded) -> its entry, where no other entry shares
    # it: after a cue the name is that town, not an open-world one (`بلدات الصور وذيبان`: al-Suwar; core24ar)
    towns_ar: dict[str, Any] = field(default_factory=dict)
    # a neighbour's GeoNames village whose one-word name is a word first (engine_rules village_stop: `الخضر`, `مركة`)
    # -> its entry: the village right after a village's cue (rule 28d)
    villages_stopped_ar: dict[str, Any] = field(default_factory=dict)
    # a word that opens with و as written -> it opens a list's member (listed_open_places' `waw`; bounded)
    waw_words: dict[str, bool] = field(default_factory=dict)


def compile_places(doc: dict) -> PlaceRules:
    def folded(words: list[str]) -> frozenset[str]:
        return frozenset(fold_text(w) for w in words)

    ow = doc.get("open_world", {})
    r = PlaceRules(
        cues=folded(doc.get("cues", {}).get("ar", []) + doc.get("cues", {}).get("en", [])),
        locative=folded(doc.get("locative", {}).get("ar", [])),
        words={fold_text(w): (frozenset(v.get("when", [])), bool(v.get("ta_marbuta")))
               for w, v in doc.get("words", {}).items()},
        ar_cues=folded(ow.get("ar_cues", [])), ar_prefixes=folded(ow.get("ar_prefixes", [])),
        ar_suffixes=folded(ow.get("ar_suffixes", [])), ar_stop=folded(ow.get("ar_stop", [])),
        en_stop=frozenset(ow.get("en_stop", [])),
        nouns={fold_text(k): v for k, v in doc.get("nouns", {}).items()},
        adjectives=folded(doc.get("adjectives", [])),
        nationality={(fold_text(k) if not k.isascii() else k): v for k, v in doc.get("nationality", {}).items()},
        country_words={fold_text(k): v for k, v in doc.get("country_words", {}).items()},
        country_words_not_after={fold_text(k): tuple(fold_text(w) for w in v)
                                 for k, v in doc.get("country_words_not_after", {}).items()},
        foreign_namesakes={fold_text(k): v for k, v in doc.get("foreign_namesakes", {}).items()},
        namesakes_abroad={fold_text(k): v for k, v in doc.get("namesakes_abroad", {}).items()},
        abroad_words={k: tuple(sorted({w if w.isascii() else fold_text(w) for w in v}, key=len, reverse=True))
                      for k, v in doc.get("abroad_words", {}).items()},
        abroad_countries={k: tuple(sorted({w if w.isascii() else fold_text(w) for w in v}, key=len, reverse=True))
                          for k, v in doc.get("abroad_countries", {}).items()},
        person_names=frozenset(w.lower() if w.isascii() else fold_text(w) for w in doc.get("person_names", [])),
        group_words=frozenset(w.lower() for w in doc.get("group_words", [])),
        agencies=frozenset(doc.get("agencies", [])),
    )
    r.not_adjectives = frozenset(r.ar_suffixes | {"الشمالي", "الجنوبي", "الشرقي", "الغربي", "الاوسط", "الادني",
                                                  "الاعلي", "الاسفل"})
    before = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ow.get("en_before", []))
    after = "|".join(re.escape(w) for w in ow.get("en_after", []))
    alts = {"ا": "[اأإآ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]"}
    raw = ["".join(alts.get(ch, re.escape(ch)) for ch in w) for w in sorted(r.ar_cues, key=len, reverse=True)]
    if raw:
        cue = rf"[وفبل]?(?:{'|'.join(raw)})(?![{_AR}])"
        r.cue_ar_re = re.compile(rf"(?<![{_AR}])" + cue)
        r.scouts["cue_ar"] = tuple(scout_after(_AR, cue))
    r.cue_words = [("cue_ar", w) for w in sorted(r.ar_cues)]
    # the words that make a city's name its governorate's (enrichment._governorate_cued)
    r.cue_words += [("gov", w) for w in ("ريفي", "الريف", "محافظتي", "محافظات", "ارياف", "rural", "countryside",
                                         "province", "governorate", "provinces", "governorates")]
    # the words natural_feature() reads around a name: it runs only in a text that has one (enrichment._enrich)
    r.cue_words += [("feature", w) for w in FEATURE_WORDS]
    for kind in ("en_before", "en_after"):  # the first word of each: the words after it may be spaced anyhow
        r.cue_words += [(kind, w) for w in dict.fromkeys(key_tokens(x)[0] for x in ow.get(kind, []) if key_tokens(x))]
    name = rf"{_EN_NAME}(?:\s+{_EN_NAME}){{0,2}}"
    if before:
        r.en_before = re.compile(rf"\b(?i:{before})\s+(?P<n>{name})")
        r.scouts["en_before"] = (scout_caseless(ow.get("en_before", [])),)
    if after:
        r.en_after = re.compile(rf"(?<![\w\-])(?P<n>{name})\s+(?i:{after})\b")
        r.scouts["en_after"] = tuple(scout_after(r"\w\-", rf"{name}\s+(?i:{after})\b"))
        # the cue word must be in the text at all: most texts have none, and then the pattern is not tried
        r.scouts["en_after_cue"] = (scout_caseless(ow.get("en_after", [])),)
    return r


# surface_gates(): the bits of the checks that can answer True for a place candidate's surface (what each reads of
# the surface alone; the context decides the rest)
MAY_COMMON = 1  # common_word: the surface has a rule in `words`
MAY_NOUN = 2  # noun_phrase: the surface is a definite noun of `nouns`
MAY_AGENCY = 4  # agency_or_outlet: the surface is an agency's name
MAY_PERSON = 8  # person_named: the surface (lower case) is a given name (the compiled place_mask reads it)


def surface_gates(surface: str, rules: PlaceRules) -> int:
    """Which of common_word, noun_phrase and agency_or_outlet's first test can answer True for a candidate with this
    surface (kept per surface as written: enrichment._place calls only those; an unset bit is a False of that check
    or test wherever the surface is)."""
    got = rules.surface_gates.get(surface)
    if got is None:
        if len(rules.surface_gates) > 100_000:
            rules.surface_gates.clear()
        f = fold(surface)
        got = (MAY_COMMON if " " not in surface and rules.words.get(f) else 0) \
            | (MAY_NOUN if rules.nouns and surface[:2] == "ال" and rules.nouns.get(f, "") else 0) \
            | (MAY_AGENCY if surface in rules.agencies else 0) \
            | (MAY_PERSON if surface.lower() in rules.person_names else 0)
        rules.surface_gates[surface] = got
    return got


def _prev_word(text: str, s: int) -> str:
    words = TOKEN_RE.findall(text[max(0, s - 30) : s])
    if words and s > 0 and not text[s - 1].isspace():
        words = words[:-1]  # a proclitic glued to the name is not the previous word
    return fold(words[-1]) if words else ""


def _bare(w: str) -> str:
    """A folded word without one conjunction or preposition proclitic (وبلدة -> بلده)."""
    return w[1:] if w[:1] in "وفبل" and len(w) > 3 else w


def common_word(text: str, c: Cand, others: list[Cand], rules: PlaceRules, depth: int = 0) -> bool:
    """The candidate is a common word here, not the place of the same spelling."""
    surface = text[c.start : c.end]
    rule = rules.surface_rule.get(surface)  # (the answer per surface as written is kept: no fold per candidate)
    if rule is None:
        if len(rules.surface_rule) > 100_000:
            rules.surface_rule.clear()
        rule = rules.surface_rule[surface] = (rules.words.get(fold(surface)) if " " not in surface else None) or ()
    if not rule:
        return False
    when, ta_marbuta = rule
    prev = _prev_word(text, c.start)
    if "cue" in when and (prev in rules.cues or _bare(prev) in rules.cues):
        return False
    if "locative" in when and (prev in rules.locative or _bare(prev) in rules.locative) \
            and (not ta_marbuta or surface.rstrip("\u064b-\u065f")[-1:] == "ة"):
        return False
    if "list" in when:
        for o in others:
            if o is c:
                continue
            joined = (0 <= o.start - c.end <= 5 and _JOIN_RE.match(text, c.end, o.start)) \
                or (0 <= c.start - o.end <= 5 and _JOIN_RE.match(text, o.end, c.start)) \
                or (0 <= c.start - o.end <= 4 and _DASH_JOIN_RE.match(text, o.end, c.start)
                    and _prev_word(text, o.start) in _ROAD_WORDS) \
                or (0 <= o.start - c.end <= 4 and _DASH_JOIN_RE.match(text, c.end, o.start)
                    and _prev_word(text, c.start) in _ROAD_WORDS)  # `طريق طهران – قم`: the road's other end (25b)
            if not joined:
                continue
            if rules.words.get(fold(text[o.start : o.end])) \
                    and (depth >= 3 or common_word(text, o, [x for x in others if x is not c], rules, depth + 1)):
                continue  # a list needs a neighbour that is a place in its own right: a word that is one there too
                # (`قريتي بلعين ونعلين`, `أطراف تبنين وقانا`: the first by its cue, the second by the list; rule 26l)
            return False
    return True


def _name_starts(text: str, cue_starts: list[int]) -> list[int]:
    """Where en_after ("X village") can match, its cue word at one of `cue_starts`: a letter after no word
    character or hyphen, in the six space-separated chunks before the cue (three words, each perhaps after a
    spaced prefix: "al Hamra")."""
    out: list[int] = []
    for c in cue_starts:
        lo = c
        for _ in range(6):
            while lo > 0 and text[lo - 1].isspace():
                lo -= 1
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
        out += [m.start() for m in _NAME_START_RE.finditer(text, lo, c)]
    return out


def _matches(pat: re.Pattern[str], key: str, text: str, rules: PlaceRules, cues: list[Any] | None
             ) -> list[re.Match[str]]:
    """pat's finditer matches, tried where the scanner's cue candidates (or, without them, the scouts) say."""
    if cues is None:
        if key == "en_after" and not any(sc.search(text) for sc, _off in rules.scouts.get("en_after_cue", ())):
            return []
        return match_starts(pat, rules.scouts[key], text)
    spans = cue_spans(cues, key)
    if not spans:
        return []  # no cue word: no match (and not even position 0 needs a try)
    if key == "cue_ar":
        return match_at(pat, arabic_cue_starts(text, spans), text)
    starts = word_cue_starts(text, spans)
    return match_at(pat, _name_starts(text, starts) if key == "en_after" else starts, text)


_AR_LETTER_RE = re.compile(f"[{_AR}]")
_PLURAL_EN_CUES = frozenset(("villages", "towns of", "hamlets "))  # (the first 8 characters of en_before's plurals)
_VILLAGE_OF_RE = re.compile(r" of (?:the )?[A-Z]")  # after "X village": "the Idlib village of Jarjanaz"
_OPEN_QUOTES = frozenset(("\"", "“", "«", "'"))
_CLOSE_QUOTES = frozenset(("\"", "”", "»", "'"))
_COMPOUND_TAILS = frozenset(("majority", "populated", "dominated", "held", "controlled", "run", "led", "inhabited",
                             "speaking", "backed", "based"))


# feminine elatives written with a final alef maqsura (folded): adjectives after a unit's word, no name
_ELATIVES = frozenset(("كبري", "صغري", "اخري", "قصوي", "عظمي", "وسطي", "دنيا", "اولي", "سفلي", "عليا", "علي"))


# a feminine cue word (folded: `ناحيه`, `قريه`, `بلده`, `مزرعه`, the duals `قريتي`, `ناحيتا`): an indefinite
# adjective after it ends in -ية, so a name after it that ends in -ي is no adjective (`ناحية سنوني`; rule 25o)
_FEMININE_CUE_ENDS = ("ه", "تي", "تا")


def _compound_adjective(word: str) -> bool:
    """"Kurdish-majority", "rebel-held": an adjective before the cue ("the Kurdish-majority district of X")."""
    return "-" in word and word.rsplit("-", 1)[1].lower() in _COMPOUND_TAILS


def open_places(text: str, taken: bytearray, rules: PlaceRules, cues: list[Any] | None = None,
                spans: list[PlaceMention] | None = None, names: frozenset[int] | set[int] = frozenset()
                ) -> list[tuple[int, int, str]]:
    """(start, end, name) of villages/districts named after a cue where no known place or facility is.
    cues: the scanner's cue candidates (enrichment._enrich), where the patterns are tried; without them, where
    the scouts find. names: the starts of the gazetteer's names the text holds that are read as no facility there
    (a facility's core after the cue, `بلدة رومية`: the town, whose nisba-shaped name is no adjective; rule 24m)."""
    out: list[tuple[int, int, str]] = []
    index = _SpanIndex(spans) if spans else None
    found: bytearray | None = None
    if _AR_LETTER_RE.search(text, 0, 400) is None:  # (English, also with a dash or curly quotes: "SANA –")
        for pat, key in ((rules.en_before, "en_before"), (rules.en_after, "en_after")):
            for m in _matches(pat, key, text, rules, cues) if pat is not None else ():
                e = m.end("n")
                # "The Tal Hamis village": the name starts at its first word that is no stop word
                s = next((w.start() for w in _WORD.finditer(text, m.start("n"), e)
                          if w.group(0) not in rules.en_stop and not _compound_adjective(w.group(0))), e)
                if key == "en_before" and text[m.start() : m.start() + 8].lower() in _PLURAL_EN_CUES:
                    found = _listed_villages(text, e, taken, index, out, found)  # "the villages of Safa and Tal
                    # Agha" (rule 24j)
                if key == "en_after" and text[m.end("n") : m.end()].lstrip()[:1] == "T":
                    continue  # "Cape Town", "George Town": a capitalised "Town" is a city's own name (rule 26u)
                if key == "en_after" and _VILLAGE_OF_RE.match(text, m.end()):
                    continue  # "the Idlib village of Jarjanaz": the name before the cue places the village named after
                    # "of" (en_before reads it); it is no village itself (rule 25u)
                if s >= e or _taken(taken, index, s, e) or (found is not None and found[s]):
                    continue  # (`found`: the characters of the names found so far, as `any(a <= s < b ...)` over them)
                out.append((s, e, text[s:e]))
                if found is None:
                    found = bytearray(len(text))
                found[s:e] = b"\x01" * (e - s)
                if key == "en_after" and text[m.end() - 1 : m.end()] in "sS" and s == m.start("n"):
                    # a plural cue after a list ("Sarman and Qatrah villages", "Kafr Nabl, Hass and Kansafra
                    # towns"): each member before the last is a village too (rule 26u, stream22en)
                    for a, b in members_before(text, s, rules.en_stop):
                        if not _taken(taken, index, a, b) and not found[a]:
                            out.append((a, b, text[a:b]))
                            found[a:b] = b"\x01" * (b - a)
        return out
    ar_cues = rules.ar_cues
    # only the words after a cue word are read
    for spot in _matches(rules.cue_ar_re, "cue_ar", text, rules, cues) if "cue_ar" in rules.scouts else ():
        lo = spot.start()
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        # (the cue and at most three words after it are read: the rest of the 80 characters is not tokenised)
        toks = list(islice(TOKEN_RE.finditer(text, lo, min(len(text), spot.end() + 80)), 4))
        if len(toks) < 2 or toks[0].end() < spot.end():
            continue
        i, m, f = 0, toks[0], fold(toks[0].group(0))
        if f not in ar_cues and (len(f) < 4 or f[1:] not in ar_cues):
            continue
        if f.endswith("بلده") and m.group(0).endswith("\u0647"):
            continue  # `إلى بلده فيما يُحاكم`: "his country" (بلد + the pronoun ه), not `بلدة` "town" (rule 25x)
        if f == "قضاء" and lo > 4 and _SPENT_BEFORE_RE.search(text, max(0, lo - 8), lo):
            continue  # `بعد قضاء محكومياتهم`, `بعد قضاء عامين`: "after serving, spending", no district (rule 30e)
        j = i + 1
        between = text[m.end() : toks[j].start()]
        # a one-word name in quotes (`بلدة "علار"`) is read; other punctuation: no name follows
        quoted = between[:1].isspace() and between.strip() in _OPEN_QUOTES and between[-1:] in _OPEN_QUOTES \
            and text[toks[j].end() : toks[j].end() + 1] in _CLOSE_QUOTES
        # a two-word name in quotes (`بلدة "تل معروف"`, `بلدة "كركي لكي"`; s25 mine25ar, rule 28a): both words
        quoted2 = not quoted and j + 1 < len(toks) and between[:1].isspace() and between.strip() in _OPEN_QUOTES \
            and between[-1:] in _OPEN_QUOTES and text[toks[j].end() : toks[j + 1].start()] == " " \
            and text[toks[j + 1].end() : toks[j + 1].end() + 1] in _CLOSE_QUOTES \
            and fold(toks[j + 1].group(0)) not in rules.ar_stop and toks[j + 1].group(0)[:1] != "و"
        if quoted2:  # (`قريتي "السفافنة والعرقوب"`, a pair joined by و, is read below)
            if fold(toks[j].group(0)) not in rules.ar_stop \
                    and not _taken(taken, index, toks[j].start(), toks[j + 1].end()):
                out.append((toks[j].start(), toks[j + 1].end(), text[toks[j].start() : toks[j + 1].end()]))
            continue
        if not between.isspace() and not quoted:
            if f.endswith(("تي", "تا")) and between[:1].isspace() and between.strip() in _OPEN_QUOTES \
                    and between[-1:] in _OPEN_QUOTES and (pair := _QUOTED_PAIR_RE.match(text, toks[j].start())):
                # a dual cue over two names in one pair of quotes (`قريتي "السفافنة والعرقوب"`): both (rule 26a)
                for k in (1, 2):
                    if fold(pair.group(k)) not in rules.ar_stop \
                            and not _taken(taken, index, pair.start(k), pair.end(k)):
                        out.append((pair.start(k), pair.end(k), pair.group(k)))
            continue
        first = fold(toks[j].group(0))
        plural = f in _PLURAL_CUES or f[1:] in _PLURAL_CUES
        if plural and (first.endswith(("ها", "هم")) or first in _LIST_END
                       or (first.startswith("ال") and (_taken(taken, index, toks[j].start(), toks[j].end())
                                                       or not _definite_list_head(text, toks[j], rules)))):
            continue  # `قرى الجليل`, `قرى النقب`, `قرى الساحل`: the villages of a region, no village; `قرى حولها`,
            # `بلدات انتزعتها` (a pronoun's ending), `قرى ريف ...`: no name (rule 25o); `قرى الطويلة وتل اللبن`: a
            # list, whose first unknown name may hold the article (rule 33z-3; a known first one is listed_open_places')
        if first in rules.ar_stop or _bare(first) in rules.ar_stop or first.isdigit() or first in _ELATIVES or \
                (first[:1] == "و" and first[1:] in _LIST_END) or \
                (not first.startswith("ال") and first.endswith(("يه", "ي")) and len(first) > 4
                 and toks[j].start() not in names
                 and not (toks[j].group(0).endswith("\u0649") and first not in _ELATIVES)
                 and not (first.endswith("ي") and f.endswith(_FEMININE_CUE_ENDS))):
            continue  # an indefinite adjective ("ناحية أمنية", "قرية حدودية"), not a name (a feminine cue's
            # adjective is feminine: `ناحية سنوني` is Sinuni, rule 25o); a name written with a
            # final alef maqsura is no nisba (`ناحية باعدرى`, Duhok: rule 24o), a feminine elative is (`ناحية كبرى`)
        end = j
        if quoted:
            if not _taken(taken, index, toks[j].start(), toks[j].end()):
                out.append((toks[j].start(), toks[j].end(), toks[j].group(0)))
            continue
        if first in rules.ar_prefixes and j + 1 < len(toks) and text[toks[j].end() : toks[j + 1].start()].isspace() \
                and fold(toks[j + 1].group(0)) not in rules.ar_stop:  # (`قرية جديد بعد الظهر`: no `جديد بعد`)
            end = j + 1
        if end + 1 < len(toks) and fold(toks[end + 1].group(0)) in rules.ar_suffixes \
                and text[toks[end].end() : toks[end + 1].start()].isspace():
            end += 1
        s, e = toks[j].start(), toks[end].end()
        first_taken = _taken(taken, index, s, e)
        if not first_taken:
            out.append((s, e, text[s:e]))
        if f.endswith(("تي", "تا")):
            _dual_second(text, s, e, first_taken, taken, index, rules, out)
        elif plural:
            _plural_list(text, s, e, first_taken, taken, index, rules, out)
    return out


# a definite word after a plural cue that names no village: a region's, a direction's or a generic word
_DEFINITE_NO_VILLAGE = frozenset(("الجليل", "النقب", "الساحل", "الجبل", "الجبال", "السهل", "الوادي", "البادية",
                                  "الباديه", "الجزيره", "الجزيرة", "الحدود", "الحدوديه", "المثلث", "الجولان", "الغاب",
                                  "القلمون", "الغوطه", "الضفه", "القطاع", "الاغوار", "الحوله", "الشريط", "المحيطه",
                                  "المجاوره", "التابعه", "الواقعه", "القريبه", "المحاذيه", "المذكوره", "الاخري",
                                  "الثلاث", "الاربع", "الخمس", "الست", "السبع", "العشر", "التاليه", "الاخيره",
                                  "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه"))
# the joint after a list's first name: و or a comma, then a name's letter (`قرى الطويلة وتل اللبن`, `قرى الرشيدية،`)
_DEFINITE_LIST_JOINT_RE = re.compile(r"(?:[ \t]*[،,][ \t]*و?|[ \t]+و)[\u0621-\u064a]")


def _definite_list_head(text: str, tok: Any, rules: PlaceRules) -> bool:
    """A definite first word after a plural cue opens a list of villages when a second name follows it at once, joined
    by و or a comma (`وقرى الفطيرة وكنصفرة وسفوهن`, `قرى الرشيدية والقاسمية`, `قرى العطشانة والمسطاحة`; rule 33z-3),
    and it is no region's or generic word (`قرى الجليل والنقب`, `قرى الساحل والجبل`, `القرى المجاورة`)."""
    first = fold(tok.group(0))
    if first in _DEFINITE_NO_VILLAGE or first in _LISTED_STOP or first in rules.ar_stop or len(first) < 5:
        return False
    m = _DEFINITE_LIST_JOINT_RE.match(text, tok.end())
    if m is None or (("،" in m.group(0) or "," in m.group(0)) and m.group(0)[:-1].rstrip().endswith("و")):
        return False  # `قرى الشعراوية، ومرت`: a comma and و open the next clause
    nxt = _AR_WORD_RE.match(text, m.end() - 1)
    if nxt is None:
        return False
    w = fold(nxt.group(0))
    w = w[1:] if w.startswith("و") and m.group(0).rstrip()[-1:] != "و" and w[1:] not in _NATIVE_WAW else w
    return w not in _DEFINITE_NO_VILLAGE and w not in _LISTED_STOP and w not in _LIST_END \
        and w[1:] not in _LIST_END and w not in rules.ar_stop


# plural cues whose list of names is read on past the first (`بلدات عتيل ودير الغصون وعلار`, `قرى طاريا وشمسطار
# ودورس`: rule 25o); the list ends at punctuation other than a comma, or at a word that is no name
_PLURAL_CUES = frozenset(("قري", "بلدات"))
# two one-word names joined by و inside one pair of quotes after a dual cue (`بلدتي "العشارة والقورية"`)
_QUOTED_PAIR_RE = re.compile(r"([\u0621-\u064a]{2,})[ \t]+و([\u0621-\u064a]{2,})[\"”»“']")
_LIST_JOIN_RE = re.compile(r"(?:[ \t]*[،,][ \t]*و?|[ \t]+و)(?=[\u0621-\u064a])")
_AR_WORD_RE = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0640]+")
# words of another kind of place that end a village list (`قرى وبلدات`, `ومخيمات`)
_LIST_END = frozenset(("بلدات", "قري", "مدن", "مناطق", "مزارع", "احياء", "مخيمات", "بلده", "قريه", "مدينه", "ضاحيه",
                       "حي", "منطقه", "مخيم", "مدينتي", "بلدتي", "قريتي", "نواحي", "ناحيه", "قضاء", "ريف", "ريفي",
                       "اطراف", "ضواحي", "محيط",
                       "خرب"))  # `قرى وخرب أبرزها`: villages and ruins (list21ar, rule 26v)


def _plural_list(text: str, s: int, e: int, first_taken: bool, taken: bytearray, index: _SpanIndex | None,
                 rules: PlaceRules, out: list[tuple[int, int, str]]) -> None:
    """The names after the first under a plural cue, joined by و or a comma (at most nine more): each a village, an
    open-world one where no known place or facility is (the Arabic twin of _listed_villages)."""
    comma = False
    for _ in range(9):
        if first_taken:  # a known place's span may run past the words read
            while e < len(text) and e - s < 40 and _taken(taken, index, e, e + 1):
                e += 1
        m = _LIST_JOIN_RE.match(text, e)
        if m is None:
            return
        joint = m.group(0)
        if "،" in joint or "," in joint:
            if joint.rstrip().endswith("و") and not comma:
                return  # `قرى الشعراوية، ومرت ...`: a comma and و open the next clause unless the list had commas
            comma = True
        w = _AR_WORD_RE.match(text, m.end())
        if w is None:
            return
        a, b = w.start(), w.end()
        first = fold(w.group(0))
        if len(first) < 2 or first in rules.ar_stop or _bare(first) in rules.ar_stop or first in _LIST_END \
                or first.endswith(("ها", "هم")):
            return
        if first in rules.ar_prefixes and (w2 := _AR_WORD_RE.match(text, b + 1)) is not None \
                and text[b : b + 1] == " " and fold(w2.group(0)) not in rules.ar_stop:
            b = w2.end()
        s, e = a, b
        first_taken = _taken(taken, index, a, b)
        if not first_taken:
            out.append((a, b, text[a:b]))


_DUAL_AND_RE = re.compile(r"[ \t]+و(?=[\u0621-\u064a])")


def _dual_second(text: str, s: int, e: int, first_taken: bool, taken: bytearray, index: _SpanIndex | None,
                 rules: PlaceRules, out: list[tuple[int, int, str]]) -> None:
    """The second name under a dual cue (`بلدتي تل تمر وأبو راسين`, `قريتي الزر والبحرة`: two villages; rule 25b): the
    word after و past the first name (a known place's whole span when the gazetteer has it), an open-world village
    where no known place or facility is."""
    if first_taken:  # the first name is a known place's: its span may run past the words read
        e = s
        while e < len(text) and e - s < 40 and _taken(taken, index, e, e + 1):
            e += 1
    m = _DUAL_AND_RE.match(text, e)
    if m is None:
        return
    toks = list(islice(TOKEN_RE.finditer(text, m.end() - 1, min(len(text), m.end() + 40)), 3))
    if not toks or toks[0].start() != m.end() - 1:
        return
    a = toks[0].start() + 1  # (after the conjunction)
    first = fold(text[a : toks[0].end()])
    if len(first) < 2 or first in rules.ar_stop or _bare(first) in rules.ar_stop:
        return
    b = toks[0].end()
    if first in rules.ar_prefixes and len(toks) > 1 and text[b : toks[1].start()].isspace() \
            and fold(toks[1].group(0)) not in rules.ar_stop:
        b = toks[1].end()
    if not _taken(taken, index, a, b):
        out.append((a, b, text[a:b]))


FEATURE_WORDS = ("river", "mountains", "mountain", "range", "lake", "نهر", "النهر", "جبال", "سلسله", "بحيره", "حوض",
                 "غور")
# a river or a mountain range named after a place is no place (data/README.md rule 4: rivers are not places):
# "the Yarmouk River", "the Alborz mountains", `نهر اليرموك`, `جبال قنديل` (a single mountain, `جبل سنجار`, is
# often the district and stays)
_FEATURE_AFTER_RE = re.compile(r"[ \u00a0]+(?:[Rr]iver|[Mm]ountains|[Mm]ountain\s+range|[Rr]ange|[Ll]ake)\b")
_FEATURE_BEFORE_AR = frozenset(("نهر", "ونهر", "بنهر", "لنهر", "النهر", "جبال", "وجبال", "بجبال", "سلسله", "بحيره",
                                "وبحيره", "ببحيره",
                                # a river's basin (`حوض اليرموك غربي درعا`: the valley, not the camp's town; rule 25b)
                                "حوض", "وحوض", "بحوض", "لحوض", "فحوض",
                                # a rift valley's floor named after a town (`غور بيسان`: the Beisan valley; rule 26g)
                                "غور", "وغور", "بغور", "لغور", "فغور"))


def natural_feature(text: str, s: int, e: int) -> bool:
    """The name is a river's or a mountain range's here, not the place's; or a short article-less name read out of
    a word that opens with ف (`فرقه` "his teams" / فرقة "a unit", not ف + رقة Raqqa): a town is written with ف
    glued to it too rarely for that reading to win."""
    if text[s - 1 : s] == "ف" and e - s <= 4 and "\u0621" <= text[s] <= "\u064a" and not text.startswith("ال", s) \
            and (s < 2 or not "\u0621" <= text[s - 2] <= "\u064a"):
        return True
    if text[e : e + 1] in (" ", "\u00a0") and text[e + 1 : e + 2] in "RrMmLl" and _FEATURE_AFTER_RE.match(text, e):
        return True
    if text[s - 5 : s] in ("Lake ", "lake "):
        return True  # "Lake Habbaniyah", "Lake Urmia": the lake, not the town (rule 25b; `بحيرة الحبانية` below)
    if s > 2 and "\u0600" <= text[s] <= "\u06ff":
        near = text[max(0, s - 16) : s]  # (the cheap test first: one of the words' letters is there at all)
        if "نهر" in near or "جبال" in near or "سلسل" in near or "حير" in near or "حوض" in near or "غور" in near:
            q = s - 1 if text[s - 1 : s] in _OPEN_QUOTES and text[s - 2 : s - 1].isspace() else s
            return _prev_word(text, q) in _FEATURE_BEFORE_AR  # (also the name in quotes: `جبال "آميدي"`, rule 26a)
    return False


def countries_of(payloads: tuple[Any, ...], gaz: Any) -> frozenset[str]:
    """The countries among which the reading of a place candidate's name may move (kept per name on the
    gazetteer): those of its entries, unless the curated ones are all in one country (its reading is curated
    and stays: "Iraq", which GeoNames also spells Arak in Iran), then none."""
    got = gaz.name_countries.get(payloads)
    if got is None:
        ents = [gaz.entries[p[1]] for p in payloads]
        got = frozenset(e.country for e in ents if e.country)
        if len({e.country for e in ents if e.curated}) == 1:
            got = frozenset()
        if len(gaz.name_countries) > 100_000:
            gaz.name_countries.clear()
        gaz.name_countries[payloads] = got
    return got


def country_word_in(folded: str, w: str, rules: PlaceRules) -> bool:
    """The country word `w` (in the folded text: the caller asked) stands once at least where no word of its
    `country_words_not_after` is right before it (`جبل الزاويه` is Syria's; rule 26c)."""
    nots = rules.country_words_not_after.get(w)
    if not nots:
        return True
    i = folded.find(w)
    while i != -1:
        head = folded[max(0, i - 16) : i].rstrip()
        if (head.rsplit(None, 1)[-1] if head else "") not in nots:
            return True
        i = folded.find(w, i + 1)
    return False


def in_text_country(places: list[PlaceMention], shared: dict[int, Any], facilities: list[Any], gaz: Any,
                    text: str = "") -> list[PlaceMention]:
    """A name shared by towns in several countries (أريحا: Jericho and Ariha) is the town in the country the
    text is otherwise about: the country of its facilities, of its places whose names are not shared and of its
    nationality adjectives, when one country leads; its default reading (the region rank, then population:
    entries.best_entry) otherwise. An adjective right next to the name decides for it alone ("العاصمة الليبية
    طرابلس", "the Libyan capital Tripoli", "طرابلس اللبنانية").
    shared: start -> candidate of the places whose names countries_of() gives more than one country."""
    counts: dict[str, int] = {}
    near: dict[int, str] = {}  # start of a shared place -> the country of an adjective right next to it
    if text:
        wanted = frozenset(x for c in shared.values() for x in countries_of(c.payloads, gaz))
        adjs = nationality_mentions(text, gaz.place_rules, wanted)
        for _a, iso in adjs:
            counts[iso] = counts.get(iso, 0) + 1
        words = gaz.place_rules.country_words if gaz.place_rules is not None else {}
        if words and not text.isascii() and any(iso in wanted for iso in words.values()):
            folded = fold_text(text)
            sel = tuple(w for w, iso in words.items() if iso in wanted)
            held = words_in(folded, sel)  # (bit k: sel[k] in folded; one pass, not a whole-text find a word)
            k = 0
            for w, iso in words.items():
                if iso in wanted:
                    if held >> k & 1 and country_word_in(folded, w, gaz.place_rules):
                        counts[iso] = counts.get(iso, 0) + 1
                    k += 1
        for start, c in shared.items():
            for a, iso in adjs:
                if (c.start - 30 <= a < c.start or c.end <= a <= c.end + 2) \
                        and not any(ch in ".،,؛;\n" for ch in text[min(a, c.end) : max(a, c.start)]):
                    near[start] = iso
    for f in facilities:
        if f.country and not f.id.startswith("open:"):  # (an unknown one's country is its nearest place's)
            counts[f.country] = counts.get(f.country, 0) + 1
    for p in places:
        if p.country and p.start not in shared:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return places
    # a vote for a country that none of the shared names can be is no vote against one that they can be (`ليبيا`
    # and `إيطاليا` in a text with `طرابلس`: Libya's; rule 26a)
    cand = frozenset(x for c in shared.values() for x in countries_of(c.payloads, gaz))
    if any(iso in cand for iso in counts):
        counts = {iso: n for iso, n in counts.items() if iso in cand}
    ranked = sorted(counts.values(), reverse=True)
    top = None if len(ranked) > 1 and ranked[0] == ranked[1] else max(counts, key=lambda k: counts[k])
    if top is None and not near:
        return places  # no country leads
    out = []
    for p in places:
        c = shared.get(p.start)
        want = near.get(p.start, top)
        if c is not None and want is not None and p.country != want:
            chosen = gaz.entries[p.id]
            alts = [gaz.entries[i] for i in dict.fromkeys(x[1] for x in c.payloads)]
            alts = [e for e in alts if e.country == want and (e.kind == "admin1") == (chosen.kind == "admin1")]
            e = min(alts, key=lambda e: (not e.curated, -e.population)) if alts else None
            if e is not None and (e.curated or not chosen.curated):  # (a curated reading is not left for GeoNames')
                p = place(p.surface, p.start, p.end, e.id, e.canonical, p.confidence, e.country, e.lat, e.lon, e.admin1)
        out.append(p)
    return out


def foreign_namesakes(places: list[PlaceMention], facilities: list[Any], gaz: Any, text: str) -> list[PlaceMention]:
    """A town in scope that bears the name of a great city out of scope (`الإسكندرية`: Iraq's Iskandariya, Egypt's
    Alexandria) is no place in a text about that city's country (rule 25e): the country's nationality adjectives, its
    country_words (`طرة`, `برج العرب`), its facilities and places outweigh the town's own country's. The votes are
    counted once per pair of countries, whatever the number of mentions (no pass over the text per mention)."""
    rules = gaz.place_rules
    table = rules.foreign_namesakes if rules is not None else {}
    if not table or not places:
        return places
    hits = [(p, table[k]) for p in places if (k := fold_text(p.surface)) in table and p.country != table[k]]
    if not hits:
        return places
    decided: dict[tuple[str, str], bool] = {}
    drop = set()
    folded = ""
    for p, iso in hits:
        mine = p.country or ""
        got = decided.get((iso, mine))
        if got is None:
            votes = {iso: 0, mine: 0}
            for _a, c in nationality_mentions(text, rules, frozenset((iso, mine))):
                votes[c] += 1
            folded = folded or fold_text(text)
            for w, c in rules.country_words.items():
                if c in votes and w in folded and country_word_in(folded, w, rules):
                    votes[c] += 1
            for f in facilities:
                if f.country in votes and not f.id.startswith("open:"):  # (an unknown one is located by the name)
                    votes[f.country] += 1
            for q in places:
                if q.country in votes and fold_text(q.surface) not in table:
                    votes[q.country] += 1
            got = decided[(iso, mine)] = votes[iso] > votes[mine]
        if got:
            drop.add(id(p))
    return [p for p in places if id(p) not in drop] if drop else places


_ABROAD_OF_RE = re.compile(r"(?:city|town|port|side|village|part|governorate|district|province) of (?:the )?$")
_ABROAD_AFTER_EN_RE = re.compile(r"(?P<j>,|[ \u00a0]+in)[ \u00a0]+(?:the[ \u00a0]+)?(?:[Nn]orth(?:ern)?[ \u00a0]+)?")
_ABROAD_AFTER_AR_RE = re.compile(r"[ \u00a0]*(?P<j>[\u060c,][ \u00a0]*و?|و|في[ \u00a0]+|ب)?(?:شمال[ \u00a0]+)?")
_DATELINE_END = frozenset(",.;:)\n")
# a company's, an airline's or a stadium's name that holds a place's (rule 29q): "Cham Wings", "Basra International
# Stadium", `شركة نفط البصرة` (Basra Oil Company: rule 21c's "Basra Oil Company" in Arabic)
_HOLDER_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:Wings|(?:International[ \u00a0]+|Olympic[ \u00a0]+)?Stadium)\b")


def _abroad_word_at(folded: str, words: tuple[str, ...], latin: bool) -> int:
    """The length of the country's marking word that opens `folded` as a whole word (no letter right after it), or
    0."""
    for w in words:
        if w.isascii() == latin and folded.startswith(w):
            nxt = folded[len(w) : len(w) + 1]
            if not nxt or not (nxt.isalpha() or nxt == "-"):
                return len(w)
    return 0


def abroad_marked(text: str, p: PlaceMention, iso: str, rules: PlaceRules) -> bool:
    """A word of country `iso` (out of scope) stands right against the place's name: its nationality adjective
    before "city/town/side of" or right after the name (`رفح المصرية`), a region or a town of it after a comma, a
    preposition or a conjunction ("Rafah, North Sinai", "Rafah in Sinai", `رفح والشيخ زويد`, `رفح في سيناء`), the
    country's own name after a preposition or in a dateline ("RAFAH, Egypt, Nov. 2", `صور بسلطنة عمان`), or its
    possessive before the name ("Egypt's Rafah"). The name is then that country's town (rule 29q)."""
    s, e = p.start, p.end
    words = rules.abroad_words.get(iso, ())
    countries = rules.abroad_countries.get(iso, ())
    latin = text[s : s + 1] < "\u0250"
    if latin:
        before = text[max(0, s - 48) : s]
        if before.endswith("'s ") or before.endswith("\u2019s "):
            head = before[:-3].rsplit(None, 3)
            for k in range(1, min(3, len(head)) + 1):  # ("Egypt's", "North Sinai's")
                if " ".join(head[-k:]) in words or " ".join(head[-k:]) in countries:
                    return True
        if (m := _ABROAD_OF_RE.search(before)) is not None:
            adj = before[: m.start()].split()[-3:]
            if any(rules.nationality.get(w.strip(",.")) == iso for w in adj):
                return True  # "the Egyptian city of Rafah", "the Egyptian border town of Rafah"
        if (m := _ABROAD_AFTER_EN_RE.match(text, e)) is not None:
            after = text[m.end() : m.end() + 40]
            if _abroad_word_at(after, words, True):
                return True
            n = _abroad_word_at(after, countries, True)
            return n > 0 and (m.group("j") != "," or after[n : n + 1] in _DATELINE_END or n == len(after))
        return False
    m = _ABROAD_AFTER_AR_RE.match(text, e)
    if m is not None and m.end() > e:
        after = fold_text(text[m.end() : e + 48])
        if _abroad_word_at(after, words, False):
            return True  # `رفح والشيخ زويد`, `رفح في سيناء`
        j = (m.group("j") or "").strip()
        if j and j[-1:] != "و" and j[:1] not in "\u060c," and _abroad_word_at(after, countries, False):
            return True  # `صور بسلطنة عمان` (not `رفح ومصر`, "Rafah and Egypt")
    nxt = fold_text(text[e : e + 24]).split()[:1]
    if nxt and text[e : e + 1] == " ":
        w = nxt[0].strip("\u060c,.:;()\"\u00ab\u00bb")
        w = w[2:] if w.startswith("ال") else w
        for end in ("يه", "ين", "ي"):
            if w.endswith(end) and rules.nationality.get(w[: -len(end)] + "ي") == iso:
                return True  # `رفح المصرية`, `صور العماني`
    return False


def abroad_namesakes(text: str, places: list[PlaceMention], rules: PlaceRules | None) -> list[PlaceMention]:
    """A name in scope that a town of a country out of scope shares (common_words.yaml `namesakes_abroad`: Rafah
    of Gaza and of Sinai, Sur of Oman and Syria's al-Suwar or Lebanon's Tyre) is no place where a word of that
    country stands right against it (abroad_marked), and a place inside a company's, an airline's or a stadium's
    name is none (rule 29q: "Cham Wings", "Basra International Stadium", `شركة نفط البصرة`). Each test behind a
    cheap one: the table's names, a capital after the name, the company's word before it."""
    if rules is None or not places:
        return places
    table = rules.namesakes_abroad
    drop = set()
    for p in places:
        s, e = p.start, p.end
        if text[s : s + 1] < "\u0250":
            if text[e : e + 1] == " " and text[e + 1 : e + 2] in "WSIO" and _HOLDER_AFTER_EN_RE.match(text, e):
                drop.add(id(p))
                continue
        elif s >= 9 and "نفط" in text[s - 5 : s] and fold_text(text[max(0, s - 12) : s]).endswith("شركه نفط "):
            drop.add(id(p))
            continue
        iso = table.get(fold_text(p.surface)) if table else None
        if iso is not None and p.country != iso and abroad_marked(text, p, iso, rules):
            drop.add(id(p))
    return [p for p in places if id(p) not in drop] if drop else places


# "after, during, before" right before `قضاء`: the masdar "serving, spending" (`بعد قضاء محكومياتهم`, `خلال قضاء
# عطلته`), no district's word (helper plact30, rule 30e)
_SPENT_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:بعد|وبعد|قبل|خلال|أثناء|اثناء|إثر|اثر)[ \u00a0]+$")
# (helper plact30, rule 30e) the words before a place that make it part of another name or of a page's chrome
# rather than the place: the time zone of a page's clock (`بتوقيت القدس`), a weather widget's reading (`15.3°رام
# الله`), a clock time before a line-final city (Syria TV's `13:19 دمشق`), an outlet's name in quotes after its
# word (`قناة "الميادين"`) or after its correspondent (`مراسل الميادين`), a mosque's name (`مسجد الموصل`), and a
# foundation's, society's or league's two-word name (`مؤسسة مهجة القدس`, `مركز أسرى فلسطين للدراسات`)
_ZONE_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وب]?توقيت[ \u00a0]+$")
_CLOCK_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}[ \u00a0]+$")
_QUOTED_OUTLET_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:قناة|قناه|تلفزيون|صحيفة|صحيفه|جريدة|جريده|إذاعة|اذاعة|"
                                  r"اذاعه|موقع|شبكة|شبكه|وكالة|وكاله)[ \u00a0]*[\"«“']$")
_REPORTER_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:مراسل|مراسلة|مراسله|مراسلو|مراسلي)[ \u00a0]+$")
_MOSQUE_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:مسجد|جامع)[ \u00a0]+$")
# a society's head, one word of its own (no unit's word: `مؤسسة مدينة ...` is no name), then the place
_SOCIETY_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:مؤسسة|مؤسسه|جمعية|جمعيه|رابطة|رابطه|مركز)[ \u00a0]+"
                                   r"(?!(?:مدينة|مدينه|محافظة|محافظه|منطقة|منطقه|ناحية|ناحيه|قضاء|بلدة|بلده|"
                                   r"قرية|قريه|ريف|حي|مخيم|شرطة|شرطه|احتجاز|توقيف|اعتقال|إيواء|ايواء|الإيواء|"
                                   r"الايواء)[ \u00a0])"
                                   r"[\u0621-\u064a]{3,}[ \u00a0]+$")
_ORG_TAIL_AR_RE = re.compile(r"[ \u00a0]+(?:لل|ل)[\u0621-\u064a]{3,}")  # (`... للدراسات`, `... لحقوق`)
# an outlet's word opening a line right before the name (`تلفزيون سوريا - إسطنبول`, `قناة الميادين`)
_OUTLET_AT_LINE = frozenset(("تلفزيون", "قناة", "قناه", "صحيفة", "صحيفه", "جريدة", "جريده", "إذاعة", "اذاعة", "اذاعه",
                             "موقع", "شبكة", "شبكه", "وكالة", "وكاله"))
_OUTLET_LAST_AR = frozenset(w[-1] for w in _OUTLET_AT_LINE)
# (English) "the al-Irsal neighborhood of el-Bireh": a quarter's name a town abroad bears, no town (rule 21)
_QUARTER_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:neighbou?rhood|quarter)s?\b")


def other_names(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places that are part of another name or of a page's chrome (helper plact30, rule 30e): a time zone, a weather
    reading, a clock before a city ending its line, an outlet in quotes or after its correspondent, a mosque's name,
    a society's two-word name, and a curated-less town before "neighborhood". Each test behind a cheap one: the
    character or the letters right before the name."""
    drop = set()
    for p in places:
        s, e = p.start, p.end
        if s < 2:
            continue
        c = text[s - 1]
        if text[s : s + 1] < "\u0250":  # (English)
            if text[e : e + 1] == " " and text[e + 1 : e + 2] in "nqNQ" and text[max(0, s - 4) : s] == "the " \
                    and p.id.startswith("geonames:") and (m := _QUARTER_AFTER_EN_RE.match(text, e)) is not None:
                if not text.startswith(" of ", m.end()):
                    drop.add(id(p))  # "the Hamra neighbourhood": the quarter's name
                elif any(q.start == m.end() + 4 and q.id.startswith("geonames:") for q in places):
                    drop.add(id(p))  # "the al-Irsal neighborhood of el-Bireh": a town after "of" owns the quarter
                # ("the Damascus neighbourhood of Mezzeh", "the Jerusalem neighbourhood of Issawiya": the city)
            continue
        if c == "\u00b0" or (c == " " and text[s - 2] == "\u00b0"):
            drop.add(id(p))  # `15.3°رام الله`: a weather widget's reading
            continue
        if c in "\"«“'" and _QUOTED_OUTLET_AR_RE.search(text, max(0, s - 12), s):
            drop.add(id(p))  # `قناة "الميادين"`
            continue
        if c not in " \u00a0":
            continue
        if text[s - 2] in _OUTLET_LAST_AR and text[max(0, s - 14) : s - 1].split("\n")[-1] in _OUTLET_AT_LINE:
            drop.add(id(p))  # `تلفزيون سوريا - إسطنبول` opening a line: the outlet's byline (context.in_outlet_name
            continue  # reads the line before it into the word)
        before = text[max(0, s - 40) : s]
        if before.endswith(("توقيت ", "توقيت\u00a0")) and _ZONE_BEFORE_AR_RE.search(before):
            drop.add(id(p))  # `بتوقيت القدس`: the page's clock
        elif text[s - 2].isdigit() and _CLOCK_BEFORE_RE.search(before) and text[e : e + 1] in ("", "\n"):
            drop.add(id(p))  # `2024.03.13 | 13:19 دمشق`
        elif "مراسل" in before[-12:] and _REPORTER_BEFORE_AR_RE.search(before):
            drop.add(id(p))  # `مراسل الميادين`: the channel's correspondent
        elif ("مسجد" in before[-8:] or "جامع" in before[-8:]) and _MOSQUE_BEFORE_AR_RE.search(before):
            drop.add(id(p))  # `مسجد الموصل`: a mosque's name
        elif ("مؤسس" in before or "جمعي" in before or "رابط" in before or "مركز" in before) \
                and (m := _SOCIETY_BEFORE_AR_RE.search(before)) is not None \
                and _ORG_TAIL_AR_RE.match(text, e):
            drop.add(id(p))  # `مؤسسة مهجة القدس`, `مركز أسرى فلسطين للدراسات`
    return [p for p in places if id(p) not in drop] if drop else places


class _SpanIndex:
    """The places' spans for "does [s, e) overlap one of them": their starts sorted and the greatest end among the
    spans up to each, so a question is one bisection (the list walked for every name found was quadratic on a page
    of thousands of places and cues)."""

    __slots__ = ("_ends", "_spans", "_starts")

    def __init__(self, spans: list[PlaceMention]) -> None:
        self._spans = list(spans)  # (sorted at the first question: most texts ask none)
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _build(self) -> list[int]:
        order = sorted((p.start, p.end) for p in self._spans)
        self._starts = starts = [a for a, _b in order]
        top = -1
        for _a, b in order:
            top = b if b > top else top
            self._ends.append(top)
        return starts

    def overlaps(self, s: int, e: int) -> bool:
        starts = self._starts
        if starts is None:
            starts = self._build()
        i = bisect_left(starts, e) - 1  # the last span that starts before e
        return i >= 0 and self._ends[i] > s


def _taken(taken: bytearray, spans: _SpanIndex | None, s: int, e: int) -> bool:
    """[s, e) overlaps a marked character of `taken` or one of the places in `spans`."""
    return taken.find(1, s, e) != -1 or (spans is not None and spans.overlaps(s, e))


def slug(name: str) -> str:
    return "-".join(key_tokens(name)) or fold(name)


_VILLAGE_LIST_RE = re.compile(rf"(?:,[ \t]*|,?[ \t]+and[ \t]+)(?P<n>{_EN_NAME}(?:[ \t]+{_EN_NAME}){{0,2}})")


def _listed_villages(text: str, e: int, taken: bytearray, index: _SpanIndex | None, out: list[tuple[int, int, str]],
                     found: bytearray | None) -> bytearray | None:
    """The names after the first of a plural village cue's list ("the villages of Safa, Hamra and Tal Agha"): each a
    village, an open-world one where no known place is read (at most nine more); `found` marks the characters of
    the names found so far (open_places), returned as it grows."""
    for _ in range(9):
        m = _VILLAGE_LIST_RE.match(text, e)
        if m is None:
            break
        s, e = m.start("n"), m.end("n")
        if not _taken(taken, index, s, e) and not (found is not None and found[s]):
            out.append((s, e, text[s:e]))
            if found is None:
                found = bytearray(len(text))
            found[s:e] = b"\x01" * (e - s)
        if "and" in m.group(0)[: s - m.start()]:
            break  # "the towns of Ras Baalbeck and Al-Qaa, Hezbollah hit ...": "and" closed the list
    return found


def open_place_mentions(text: str, places: list[PlaceMention], covered: bytearray,
                        rules: PlaceRules, cues: list[Any] | None = None,
                        names: frozenset[int] | set[int] = frozenset(),
                        stop: frozenset[str] = frozenset(),
                        others: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Open-world places (villages, districts) after a cue, or listed with known places (listed_open_places),
    located at the nearest known non-country place. cues: the scanner's cue candidates (open_places); names:
    open_places'; stop: folded words that are no village's name in a list (engine_rules village_stop, given_names);
    others: the spans no English listed village may overlap (the scanner's actor candidates: listed_en)."""
    out: list[PlaceMention] = []
    found = list(open_places(text, covered, rules, cues, places, names))
    known = [p for p in places if not p.id.startswith(("country:", "open:"))]
    if known and (", " in text or "، " in text or " و" in text):
        found += listed_open_places(text, known, covered, rules, found, stop)
    if places and ", " in text and has_latin(text):  # the English lists (listed_en.py, rule 26t)
        towns = [(p.start, p.end) for p in known if not p.id.startswith("adm1:")]
        found += listed_english(text, [(p.start, p.end) for p in places if not p.id.startswith("open:")], towns,
                                covered, others or [], found, stop)
    if text_gates(text) & _T_APPOSED and has_latin(text) and any(p.country in SCOPE for p in places):
        # (", a " in text or ", an " in text: scouts.TEXT_GATES)
        # "Tuba, a Palestinian hamlet" (listed_en.py)
        found += apposed_villages(text, [(p.start, p.end) for p in places], covered, others or [], found, stop)
    if not found:
        return out  # (most texts name none: the known places are not sorted for them)
    # (the known places by start, with their index in `known`: the nearest one is found by bisection, the first
    # of `known` among those equally near, as min() over the list gave; a walk of the list for every name found was
    # quadratic on a page of thousands)
    order = sorted(((p.start, i) for i, p in enumerate(known)))
    starts = [a for a, _i in order]
    # (the places' spans are checked against a name found, not copied into a mask: most texts find none)
    for s, e, name in found:
        near = _nearest(known, order, starts, s) if known else None
        if near is not None and near.country and near.country not in SCOPE and has_latin(name) \
                and not any(p.country in SCOPE for p in known):
            continue  # "the town of Zawya, west of Tripoli" (Libya's): a village beyond rule 4's scope (rule 27m)
        v = _neighbour_village(name, known, rules) if rules.villages_en and has_latin(name) else None
        if v is None and rules.towns_ar and not has_latin(name) and _ITEM_END_AR_RE.match(text, e) \
                and (t := rules.towns_ar.get(fold(name))) is not None:
            out.append(place(name, s, e, t.id, t.canonical, 0.8, t.country, t.lat, t.lon, t.admin1))
            continue  # `بلدات الصور`: places.yaml's al-Suwar, which alone reads as a word (core24ar, rule 27f)
        if v is None and rules.villages_stopped_ar and not has_latin(name) \
                and (t := rules.villages_stopped_ar.get(fold(name))) is not None and _village_cue_before(text, s) \
                and (_ITEM_END_AR_RE.match(text, e) or _next_word_stop(text, e, rules)):
            out.append(place(name, s, e, t.id, t.canonical, 0.8, t.country, t.lat, t.lon, t.admin1))
            continue  # `بلدة الخضر`, `قرية مركة`: a GeoNames village whose name is a word first, after its cue
            # (rule 28d)
        if v is not None:
            out.append(place(v.canonical, s, e, v.id, v.canonical, 0.8, v.country, v.lat, v.lon, v.admin1))
            continue
        out.append(place(name, s, e, f"open:place:{slug(name)}", name, 0.5, near.country if near else None,
                         near.lat if near else None, near.lon if near else None, near.admin1 if near else None))
    return out


# a village's or town's cue, singular or dual, with a proclitic, right before a name (quotes between them allowed):
# where a word-first GeoNames village is read (rule 28d; not `حي`, `منطقة`, `قضاء`: a quarter or district of that name)
_VILLAGE_CUE_BEFORE_RE = re.compile(r"(?:^|\s)[وفبل]?(?:قري[ةه]|بلد[ةه]|قريت[اي]|بلدت[اي])\s*[\"«“']?\s*$")


def _next_word_stop(text: str, e: int, rules: PlaceRules) -> bool:
    """The word after a one-word name is no part of it: a direction or preposition of common_words' ar_stop (`قرية
    مركة جنوب جنين`), a relative adjective that places it (`الواقعة`), or any word without the article (`من بلدة
    الخضر أمس`); a definite word may continue the name (`قرية صيدا الحانوت`), so the name is not read there."""
    m = _AR_WORD_RE.match(text, e + 1) if text[e : e + 1] == " " else None
    return m is not None and ((f := fold(m.group(0))) in rules.ar_stop or f in _AFTER_NAME_AR
                              or not f.startswith("ال"))


# a relative adjective that places the village it follows (`قرية مركة الواقعة جنوبي جنين`, `التابعة لقضاء`)
_AFTER_NAME_AR = frozenset(("الواقعه", "الواقع", "التابعه", "التابع", "المجاوره", "القريبه", "المحاذيه", "الحدوديه"))


def _village_cue_before(text: str, s: int) -> bool:
    """A village's cue (`قرية`, `بلدة`, their duals) right before the name at `s`."""
    return _VILLAGE_CUE_BEFORE_RE.search(text, max(0, s - 12), s) is not None


# the end of a name in a list or sentence: punctuation, the end, or `و` starting the next word (a word after the
# name may continue it: `قرية صيدا الحانوت` is no Sidon)
_ITEM_END_AR_RE = re.compile(r"\s*(?:$|[,،.؛:;)\"»”\n]|و)")


def _neighbour_village(name: str, known: list[PlaceMention], rules: PlaceRules) -> Any:
    """The GeoNames village of a neighbour an English open-world name is (rule 27m: "the town of Tell", "Anabta
    town" in a text that names a town of Palestine), or None: the village's country must be one a known place of the
    text lies in, and a name two villages there share (Burqin: Jenin's and Salfit's) stays open-world."""
    cands = rules.villages_en.get(" ".join(key_tokens(name)))
    if not cands:
        return None
    countries = {p.country for p in known if p.country}
    cands = tuple(c for c in cands if c.country in countries)
    return cands[0] if len(cands) == 1 else None


# words that are never a listed village's name (a list of places ends, or holds no name, there): the centre of a
# district's list (`نواحي المركز والزاب`), regions, directions, pronoun words, and the heads of institutions and
# facilities (`وزارة`, `سجن`: a facility or an organisation is no village)
_LISTED_STOP = frozenset((
    "المركز", "مركز", "المدينه", "الريف", "الجنوب", "الشمال", "الشرق", "الغرب", "الوسط", "المحافظه", "المنطقه",
    "البلده", "القريه", "البلدات", "القري", "المدن", "غيرها", "وغيرها", "سواها", "ذلك", "هذه", "هذا", "غير", "سوي",
    "اخري", "اخرى", "اخرين", "اخري", "مدينه", "بلده", "قريه", "مخيم", "سجن", "معتقل", "مطار", "مستشفي", "مدرسه",
    "جامعه", "معبر", "حاجز", "دوار", "شارع", "طريق", "ساحه", "حزب", "جيش", "قوات", "هيئه", "وزاره", "منظمه",
    "حركه", "لواء", "فرقه", "كتائب", "كتيبه", "سرايا", "جبهه", "مجلس", "ادارة", "اداره", "شركه", "مؤسسه", "موسسه",
    "اتحاد", "جمعيه", "مكتب", "دائره", "مديريه", "فرع", "قاعده", "معسكر", "مركزا", "شمالا", "جنوبا", "شرقا", "غربا",
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
    "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "الاول", "الثاني", "الثالث",
    "مدنيون", "مدنيين", "عناصر", "اطفال", "نساء", "شهداء", "جرحي", "قتلي", "اصابات", "منازل", "اليوم", "امس", "غدا",
    "الحاليه", "الحالي", "السابق", "السابقه", "ايضا", "كذلك", "فقط", "معا", "جميعها", "كلها", "بعضها",
    # regions and cities beyond rule 4's scope that outlets list beside Syria's towns (`في الرقة والقوقاز وعدن`)
    "القوقاز", "الحجاز", "عدن", "البلقان", "الشيشان", "داغستان", "كشمير", "سيناء", "الساحل", "الصحراء", "افريقيا",
    "اوروبا", "اسيا", "اسيا", "الخليج", "المغرب", "المشرق", "خراسان", "طرابلس", "بنغازي"))
# the first words of institutions and facilities named in a list: the member is no village
_LISTED_HEADS = frozenset(("مخيم", "سجن", "معتقل", "مطار", "مستشفي", "مدرسه", "جامعه", "معبر", "حاجز", "دوار",
                           "شارع", "طريق", "ساحه", "حزب", "جيش", "قوات", "هيئه", "وزاره", "منظمه", "حركه", "لواء",
                           "فرقه", "كتائب", "كتيبه", "سرايا", "جبهه", "مجلس", "اداره", "شركه", "مؤسسه", "اتحاد",
                           "جمعيه", "مكتب", "دائره", "مديريه", "فرع", "قاعده", "معسكر", "مركز", "حي", "احياء", "سد",
                           "نهر", "وادي", "جبل", "جبال", "سهل", "بحيره", "قمه", "تله", "مسجد", "كنيسه", "مقام", "قلعه",
                           "سوق", "معمل", "مصنع", "محطه", "حقل", "ميناء", "مرفا", "جسر", "الشيخ", "الهلال", "الصليب",
                           "الامم", "الاتحاد", "المجلس", "الجيش", "الحكومه", "الامن", "الدفاع", "الصحه", "الداخليه",
                           "نبع", "ينابيع", "بئر", "ابار", "بحيره", "شلال", "مغاره", "كهف"))
# words that open with و as a letter of the word, not the conjunction (`وادي`, `وسط`)
_NATIVE_WAW = frozenset(("وادي", "وسط", "وزاره", "وحده", "ولايه", "وفد", "وقت", "ولد", "وطن", "وكاله", "وصول", "وجود",
                         "ورشه", "واحد", "واحده", "وراء", "وزير", "وزراء", "والي", "واقع", "وضع", "وقف", "ورد", "وجه"))
# cue words in a list's first member whose following one or two words open the list (`نواحي المركز والزاب`,
# `بلديات حوش سنيد وقصرنبا`); the singular and dual cues are open_places'
_LIST_CUES = frozenset(("قري", "بلدات", "مناطق", "نواحي", "نواح", "بلديات", "مدن", "قراها", "قراه", "بلداتها",
                        "مناطقها", "نواحيها", "هي", "منها", "ابرزها", "اهمها", "مثل"))
_LIST_GAP_RE = re.compile(r"[ \t]*[\u060c,][ \t]*")
_W = "\u0621-\u064a\u064b-\u0652\u06400-9\u0660-\u0669"  # (_LIST_WORD_RE's letters)
# ("[W]+": the class written first on its own gives a search its leading character class, see _LIST_JOINT_RE)
_LIST_WORD_RE = re.compile(rf"[{_W}][{_W}]*")
# (a member opens at a comma or a و word: fold): "[\u060c,]|\s[\u064b-\u0652\u0640]*[وؤ]", written to open with one
# character class so that a search skips to a comma or a space at C speed, not tried at every character
# \s written out (every character str.isspace() holds): a class of characters is tested by one table look-up where \s
# calls the Unicode database for each character the search skips (the same characters: test_enrich_perf28_perf28p)
_SPACES = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_LIST_JOINT_RE = re.compile(rf"[\u060c,{_SPACES}](?:(?<=[\u060c,])|[\u064b-\u0652\u0640]*[وؤ])")
# a gap between two words (or at an end) that holds a character other than a space, from that character to the gap's
# end (_list_segments adds the spaces before it): the gaps that may be hard breaks (a gap of spaces alone is none).
# (Its leading character class lets the search skip words and single spaces at C speed, where "(?<![^W])(?:[^W]{2,}
# |[^W ])(?![^W])", each whole gap of two characters or one other than a space, was tried at every space.)
_LIST_NONWORD_RE = re.compile(rf"[^{_W} ][^{_W}]*")
# a span without one of _LIST_WORD_RE's letters lies inside one gap between them; one with a character other than a
# space or a comma besides lies inside a hard break, and so in no stretch (_list_segments): "Raqqa" in an English text
_LIST_LETTER_RE = re.compile(f"[{_W}]")
_LIST_SOFT_RE = re.compile(r"[\s\u060c,]*")
# where a list's member may open inside a stretch after its first word (listed_open_places): a comma (its gap, and the
# و a word after it opens with), or a word after a space that opens with و (after marks): its fold opens with و
# ("[\u060c,][ \t]*(?P<w>[\u064b-\u0652\u0640]*[\u0624\u0648])?|\s[\u064b-\u0652\u0640]*[\u0624\u0648]", opening with
# one character class as _LIST_JOINT_RE; the rest of the word after the و is taken too, as `w` or, after a space, `v`:
# no opening can start inside a word, so the openings found are the same)
_LIST_SPLIT_RE = re.compile(rf"[\u060c,{_SPACES}]"
                            rf"(?:(?<=[\u060c,])[ \t]*(?P<w>[\u064b-\u0652\u0640]*[\u0624\u0648][{_W}]*)?"
                            rf"|(?<![\u060c,])(?P<v>[\u064b-\u0652\u0640]*[\u0624\u0648][{_W}]*))")


# the hard breaks themselves (a gap between two words that is neither spaces on one line nor one comma with spaces or
# tabs: _list_segments), each from its first character other than a space (the spaces before it are the gap's too,
# and a gap of spaces alone is no break) to the next word: after that character, the tests that make the gap no soft
# one (a comma, a tab or another space character opens a soft gap when the rest of it, to the next word or the end,
# is of that shape; any other character, or a line break, makes a hard one at once). A soft gap's tail, where the
# search goes on after it, is soft itself: no part of a soft gap is matched. (Its leading class lets split() skip
# words and single spaces at C speed.)
_LIST_HARD_RE = re.compile(
    rf"([^{_W} ](?:(?<=[^\s\u060c,])|(?<=\n)|(?<=[\u060c,])(?![ \t]*(?![^{_W}]))"
    rf"|(?<=\t)(?![ \t]*[\u060c,][ \t]*(?![^{_W}]))(?![^\S\n]*(?![^{_W}]))"
    rf"|(?<=[^\S \t\n])(?![^\S\n]*(?![^{_W}])))[^{_W}]*)")


def _list_segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of text between hard breaks (the gaps between two words that are neither spaces on one line nor
    one comma: listed_open_places' `breaks`) that hold a part of one of `spans` (sorted) and a joint (a comma, or a
    space before و: a stretch without one is one member): a list with no known place in it names no village, so the
    words of the other stretches are not read at all. (Each span's stretch is found from the span itself: the hard
    break after it by a search forward, the one before it by a search of the reversed text, a break reading the same
    both ways; the text between the stretches that hold no span is not read.)"""
    out: list[tuple[int, int]] = []
    if not spans or not _spans_may_reach(text, spans):
        return out  # (no span can reach a stretch: an English text's names, the usual case, see _LIST_LETTER_RE)
    n = len(text)
    for a, b in spans:
        if not (0 <= a < b <= n and text[a] in _W_CHARS):
            return _list_segments_split(text, spans)  # (a span that opens on no word's letter: the whole text cut)
    hard = _LIST_HARD_RE
    rev = ""
    found: list[tuple[int, int, int]] = []  # (start, end, the end of the break after it or -1: the text's last)
    for a, b in spans:
        if not found or a >= found[-1][1]:
            # the stretch of a (a word's letter, so a stretch's): from the end of the break before it
            lo = found[-1][2] if found else 0
            if not rev:
                rev = text[::-1]
            m = hard.search(rev, n - a, n - lo)  # (the nearest break before a, read backwards from a's letter)
            if m is None:
                start = lo
            else:
                start = n - m.start()
                while start < n and text[start] == " ":
                    start += 1  # (the spaces at the break's end, read first backwards, are the break's)
            found.append(_stretch_at(text, start, a))
        while found[-1][2] != -1 and b > found[-1][2]:
            g = found[-1][2]
            found.append(_stretch_at(text, g, g))  # (the span goes on past the break: the next stretch too)
    for start, end, _g in found:
        if end > start and _LIST_JOINT_RE.search(text, start, end) is not None:
            out.append((start, end))
    return out


def _stretch_at(text: str, start: int, at: int) -> tuple[int, int, int]:
    """The stretch that opens at `start` (a break's end, or the text's start) and holds `at` (a word's letter or
    `start`): (start, end, the end of the break after it; -1 at the text's end)."""
    m = _LIST_HARD_RE.search(text, at)
    if m is None:
        return start, len(text), -1
    end = m.start()
    while end > at and text[end - 1] == " ":
        end -= 1  # (the spaces before the break's first character are the break's)
    return start, end, m.end()


# _LIST_WORD_RE's letters (_W)
_W_CHARS = frozenset(
    chr(c) for c in (*range(0x0621, 0x0653), 0x0640, *range(0x30, 0x3A), *range(0x0660, 0x066A)))


def _list_segments_split(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """_list_segments over the whole text: the hard breaks cut by one split() and their offsets summed at C speed,
    each span's stretches found by bisection (any span: one that opens inside a gap, or is empty)."""
    out: list[tuple[int, int]] = []
    ends = list(accumulate(map(len, _LIST_HARD_RE.split(text))))  # [stretch, break, stretch, ..., stretch]
    starts = [0, *ends[1::2]]  # each stretch's start: the end of the break before it
    tops = ends[0::2]  # each stretch's end with the spaces before the break after it (len(text) for the last)
    last = len(tops) - 1
    picked: set[int] = set()
    for a, b in spans:
        i = bisect_right(tops, a)  # the first stretch that may end after a (its spaces aside)
        while i < last and starts[i] < b:
            start, end = starts[i], tops[i]
            while end > start and text[end - 1] == " ":
                end -= 1
            if a < end:
                picked.add(i)
            i += 1
        if b > starts[last]:
            picked.add(last)  # (the last stretch: a span that ends in it)
    for i in sorted(picked):
        start, end = starts[i], tops[i]
        if i < last:
            while end > start and text[end - 1] == " ":
                end -= 1  # (the spaces before the break are the break's)
        if end > start and _LIST_JOINT_RE.search(text, start, end) is not None:
            out.append((start, end))
    return out


def _spans_may_reach(text: str, spans: list[tuple[int, int]]) -> bool:
    """One of `spans` holds one of _LIST_WORD_RE's letters, or holds nothing but spaces and commas (the test that
    lets _list_segments go on)."""
    if _LIST_LETTER_RE.search("".join([text[a:b] for a, b in spans])) is not None:
        return True
    # (a span of spaces and commas alone opens with one, or is empty)
    return any((a >= b or text[a] in _SOFT_FIRST or text[a].isspace()) and _LIST_SOFT_RE.fullmatch(text, a, b)
               is not None for a, b in spans)


_SOFT_FIRST = frozenset("\u060c,")


def listed_open_places(text: str, known: list[PlaceMention], taken: bytearray, rules: PlaceRules,
                       found: list[tuple[int, int, str]], stop: frozenset[str] = frozenset()
                       ) -> list[tuple[int, int, str]]:
    """Villages the gazetteer lacks named in a list with the places it knows (`على الحراك، علما، الكرك الشرقي، بصر
    الحرير، بصرى الشام وإنخل`, `إنخل وبلدات كفر شمس ونمر والشيخ مسكين`): the members of a list joined by commas
    or و, each of one or two words, are open-world places when two members are known places (one, when the list
    opens after a plural cue or the member's name opens with a village prefix, `تل`, `كفر`: data/README.md rule
    26n). A member that is a word (`المركز`, a month, common_words' words, village_stop), a person's given name,
    or a facility's or an organisation's head is none; a longer member (a clause) ends the list."""
    # the words with the gaps between them: the members are the runs of words joined by spaces only
    members: list[list[tuple[int, int]]] = []  # word spans per member
    breaks: list[bool] = []  # breaks[i]: a hard break (other punctuation, or none) comes before member i
    joints: list[str] = []  # the joint before member i: "و", "،", "،و" (a comma and و) or "" (a break)
    kstarts = sorted((p.start, p.end) for p in known if not p.id.startswith(("country:", "adm1:", "open:")))
    if not kstarts:
        return []
    # (each stretch's first word opens a member after a hard break; inside a stretch the gaps are spaces or one
    # comma, so a member opens only at a comma or at a word whose fold opens with و: _LIST_SPLIT_RE finds those,
    # and the words between two openings are one member's, read by one finditer)
    prefixes, words_ = rules.ar_prefixes, rules.words
    word_re = _LIST_WORD_RE
    waws = rules.waw_words
    for s0, s1 in _list_segments(text, kstarts):
        fw = word_re.search(text, s0, s1)
        if fw is None:
            continue
        # the members' bounds first: (start, start past a comma's و, end, joint before it)
        lo, lo1, joint = fw.start(), fw.start(), ""
        bounds: list[tuple[int, int, int, str]] = []
        for sm in _LIST_SPLIT_RE.finditer(text, fw.end(), s1):
            st = sm.start()
            comma = text[st] in ",\u060c"
            word = sm.group("w") if comma else sm.group("v")
            if word is not None:
                waw = waws.get(word)
                if waw is None:
                    f = fold(word)
                    # (a word of و, a root letter, with a pronoun's ending is one word: `وعززت وجودها`)
                    waw = (len(f) >= 4 or f[1:] in prefixes) and f not in _NATIVE_WAW and f not in words_ \
                        and not f.endswith(("ها", "هم", "هن"))
                    if len(waws) > 100_000:
                        waws.clear()
                    waws[word] = waw
                if not waw and not comma:
                    continue
                ws = sm.start("w") if comma else st + 1
            else:
                ws, waw = sm.end(), False
            bounds.append((lo, lo1, st, joint))
            lo = ws
            lo1 = ws + 1 if waw else ws
            joint = ("،و" if waw else "،") if comma else "و"
        if not bounds:
            continue  # (one member: no list)
        bounds.append((lo, lo1, s1, joint))
        # a candidate (listed_open_places' `cands`) is a member of one or two words, or the one or two words after a
        # list's cue among the last three words of a run's first member: a stretch with neither names no village
        # (the words of a member are the text's runs of _LIST_WORD_RE's letters, between spaces only: split())
        for lo, lo1, end, _j in bounds:
            got = text[lo:end].split()
            n = len(got)
            if n <= 2 and (n or end < s1):
                break
            if n >= 3 and (fold(got[n - 2]) in _LIST_CUES
                           or fold(got[n - 3] if n > 3 or lo1 == lo else got[0][1:]) in _LIST_CUES):
                break
        else:
            continue
        hard = True
        for lo, lo1, end, joint in bounds:
            spans = [x.span() for x in word_re.finditer(text, lo, end)]
            if not spans and end == s1:
                continue  # (the last member, empty: a stretch that ends in a comma)
            if lo1 != lo:
                spans[0] = (lo1, spans[0][1])
            members.append(spans)
            breaks.append(hard)
            joints.append(joint)
            hard = False
    if not members:
        return []
    ks = [a for a, _b in kstarts]
    every = sorted((p.start, p.end) for p in known)  # (a governorate's or a country's name is no village either)

    def known_in(a: int, b: int) -> bool:
        i = bisect_left(ks, a)
        if i > 0 and kstarts[i - 1][1] > a:
            return True
        return i < len(ks) and ks[i] < b

    kspans = set(kstarts)

    def long(m: list[tuple[int, int]]) -> bool:
        """A member of three words or more is a clause (`وتشتهر بكروم العنب`), unless a known place's name makes up
        its last two or three words (`بعد تل تمر`): a clause may only open a list (a name at its end) or close it."""
        if len(m) <= 2:
            return False
        return len(m) > 3 or ((m[0][0], m[2][1]) not in kspans and (m[1][0], m[2][1]) not in kspans)

    def anchor(m: list[tuple[int, int]], first: bool) -> bool:
        # a known name after a feature's or a facility's head is that thing's (`نبع الهول`, a spring): no anchor
        for k, (a, b) in enumerate(m):
            if k + 1 < len(m) and fold(text[a:b]) in _LISTED_HEADS and known_in(m[k + 1][0], m[k + 1][1]):
                return False
        if not long(m):
            return known_in(m[0][0], m[-1][1])
        # a clause: a name at its end opens the list (first), one at its start closes it
        return known_in(m[-2][0], m[-1][1]) if first else known_in(m[0][0], m[1][1])

    def name_ok(span: list[tuple[int, int]]) -> bool:
        words = [fold(text[a:b]) for a, b in span]
        if not 1 <= len(words) <= 2 or any(w in rules.ar_stop or w in _LISTED_STOP or w in stop for w in words
                                           if not (len(words) == 2 and w is words[0] and w in rules.ar_prefixes)):
            return False  # (a prefix opens a two-word name: `تل` alone is a word, `تل شاميرام` a village)
        if words[0] in _LISTED_HEADS or words[0] in _LIST_END or words[0] in _PLURAL_CUES \
                or (words[0].startswith("ال") and words[0][2:] in _LISTED_HEADS):
            return False
        if len(words) == 1:
            w = words[0]
            return len(w) >= 3 and w not in rules.words and not w.endswith(("ها", "هم", "هن", "كم", "نا", "هما")) \
                and (not w.startswith("ال") or len(w) >= 5)
        return (words[1].startswith("ال") or words[0] in rules.ar_prefixes or words[1] in rules.ar_suffixes) \
            and not words[1].endswith(("ها", "هم"))

    def free(a: int, b: int) -> bool:
        return not _taken(taken, None, a, b) and not known_in(a, b) and not any(x < b and a < y for x, y in every) \
            and not any(x < b and a < y for x, y, _n in found)

    out: list[tuple[int, int, str]] = []
    i = 0
    n = len(members)
    while i < n:
        # a run: members i..j-1 with no hard break inside; a clause after the first closes it (and opens the next)
        j = i + 1
        commas = False
        while j < n and not breaks[j]:
            if joints[j] == "،و" and not commas:
                break  # `جاسم وإنخل ونوى، وانسحبت`: a comma and و open the next clause unless the list had commas
            commas = commas or joints[j] == "،"
            j += 1
            if long(members[j - 1]):
                break
        run = members[i:j]
        if len(run) >= 2:
            anchors = -1  # (the run's anchors, counted when a member first passes free and name_ok: most runs have
            # none that does, and anchor reads each member's words)
            head = run[0]
            cue_tail: list[tuple[int, int]] = []
            if len(head) >= 2:
                for k in range(max(0, len(head) - 4), len(head) - 1):
                    if fold(text[head[k][0] : head[k][1]]) in _LIST_CUES and len(head) - k - 1 <= 2:
                        cue_tail = head[k + 1 :]
                        break
            cands = [m for k, m in enumerate(run) if len(m) <= 2 and (k > 0 or len(run[0]) <= 2)]
            if cue_tail:
                cands.insert(0, cue_tail)
            for m in cands:
                a, b = m[0][0], m[-1][1]
                if not free(a, b) or not name_ok(m):
                    continue
                prefixed = fold(text[m[0][0] : m[0][1]]) in rules.ar_prefixes and len(m) == 2
                if anchors < 0:
                    anchors = sum(anchor(x, k == 0) for k, x in enumerate(run))
                if anchors >= 2 or (anchors >= 1 and (cue_tail or prefixed)):
                    out.append((a, b, text[a:b]))
        i = j - 1 if j - 1 > i and long(members[j - 1]) else j
    return out


def _nearest(known: list[PlaceMention], order: list[tuple[int, int]], starts: list[int], s: int) -> PlaceMention:
    """min(known, key=lambda p: abs(p.start - s)): the place whose start is nearest s, the first in `known` of those
    equally near (`order`: (start, index in known) sorted; `starts` its starts)."""
    i = bisect_left(starts, s)
    d = min(s - starts[i - 1] if i > 0 else 1 << 62, starts[i] - s if i < len(starts) else 1 << 62)
    best = len(known)
    for target in {s - d, s + d}:
        j = bisect_left(starts, target)
        while j < len(starts) and starts[j] == target:
            best = min(best, order[j][1])
            j += 1
    return known[best]


_QUARTERS_AR_RE = re.compile(r"(?<![\w])(?:[وب]?(?:حيي|أحياء|احياء))\s+")
_QUARTERS_EN_RE = re.compile(r"\s+(?:neighbou?rhoods|districts|quarters)\b")
_EN_LIST_RE = re.compile(r"((?:(?:al|el|Al|El)-)?[A-Z][\w'’]*)(?:,?\s+and\s+|,\s*|\s*$)")


_QUARTER_CUE_AR_RE = re.compile(r"(?:^|(?<=[\s\u060c,(]))[وب]?(?:ال)?(?:حيي|أحياء|احياء)\s+")
_QUARTER_BETWEEN_STOP = frozenset(("في", "من", "الى", "إلى", "على", "قرب", "مدينة", "بمدينة", "مدينه", "بلدة", "بلده",
                                   "شمال", "جنوب", "شرق", "غرب"))
_QUARTER_LIST_EN_RE = re.compile(
    r"(?:(?:,\s*|,?\s+and\s+)(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*)*\s+(?:neighbou?rhoods|quarters)\b")
_QUARTER_LIST_GLUE_RE = re.compile(r"\s*(?:\u060c|,|\s+and\s+|\s+و)")
QUARTER_LIST_MAX_POP = 100_000  # a city this big after `أحياء` in a list is a city's quarters ("أحياء حلب وحمص")


def in_quarter_list(text: str, s: int, e: int) -> bool:
    """A GeoNames name in a list of neighbourhoods under a plural or dual cue: `أحياء غويران والنشوة والعزيزية`
    (Hasakah's quarters, not Iraq's al-Aziziyah), "the Ghweiran, Nashwa and Aziziyah neighbourhoods". Only in a
    list (the name coordinated with another): `أحياء الرقة الغربية` is the city's western quarters (rule 21)."""
    if text[s] < "\u0250":
        m = _QUARTER_LIST_EN_RE.match(text, e)
        if m is None:
            return False
        before = text[max(0, s - 8) : s]
        return m.group(0).lstrip().startswith((",", "and")) or before.rstrip().endswith((",", " and"))
    window = text[max(0, s - 70) : s]
    last = None
    for m in _QUARTER_CUE_AR_RE.finditer(window):
        last = m
    if last is None:
        return False
    between = window[last.end() :]
    words = between.replace("\u060c", " ").split()
    if len(words) > 4 or any(ch in between for ch in ".:;()") or any(w in _QUARTER_BETWEEN_STOP for w in words):
        return False
    listed = text[s - 1 : s] == "و" or between.rstrip().endswith(("\u060c", ",")) \
        or _QUARTER_LIST_GLUE_RE.match(text, e) is not None
    return listed


def quarter_cores(recs: list[Any]) -> dict[str, str]:
    """(load_gazetteer) Each neighbourhood's name without its cue, from places.yaml's aliases."""
    out: dict[str, str] = {}
    for r in recs:
        for a in r.aliases.ar:
            if a.startswith("حي "):
                out.setdefault(fold(a[3:]), r.id)
        for a in r.aliases.en:
            for tail in (" neighbourhood", " neighborhood"):
                if a.endswith(tail):
                    out.setdefault(a[: -len(tail)].lower(), r.id)
    return out


def _quarter_cue_starts(text: str) -> list[int]:
    """Where _QUARTERS_AR_RE can match: at each of its cue words (str.find, C speed) and one character before it (`و`
    or `ب` glued); the regex, opening with a lookbehind, would be tried at every character of the text."""
    out: list[int] = []
    for cue in ("حيي", "أحياء", "احياء"):
        i = text.find(cue)
        while i != -1:
            out.append(i)
            if i > 0:
                out.append(i - 1)
            i = text.find(cue, i + 1)
    return out


_QUARTERS_EN_WORDS = ("neighbourhoods", "neighborhoods", "districts", "quarters")


def _quarters_en_starts(text: str) -> list[int]:
    """Every position where _QUARTERS_EN_RE can match: the white space right before one of its words (the run of
    it, each character: `\\s+` may start anywhere in it; str.isspace is re's `\\s`); the regex, opening with a
    class that white space anywhere passes, would be tried at every space of the text."""
    out: list[int] = []
    for w in _QUARTERS_EN_WORDS:
        i = text.find(w)
        while i != -1:
            j = i
            while j > 0 and text[j - 1].isspace():
                j -= 1
                out.append(j)
            i = text.find(w, i + 1)
    return out


def _quoted_quarter_starts(text: str) -> list[int]:
    """Every position where _QUOTED_QUARTER_RE can match: its cue `حي` and the up to three characters before it
    (`[وبل]?(?:ال)?`); the regex, opening with a lookbehind, would be tried at every character of the text."""
    out: list[int] = []
    i = text.find("حي")
    while i != -1:
        out.extend(range(max(0, i - 3), i + 1))
        i = text.find("حي", i + 1)
    return out


def listed_quarters(text: str, places: list[PlaceMention], rules: PlaceRules, gaz: Any) -> list[PlaceMention]:
    """Known neighbourhoods named after a dual or plural cue (`بين حيي الليلية وغويران`, `أحياء غويران والنشوة`)
    or before one ("the Ghweiran and al-Nashwah neighbourhoods"), where the singular alias does not match."""
    if not rules.quarters:
        return []
    spans: list[tuple[int, int]] = []
    gates = text_gates(text)  # (one compiled pass answers each `w in text`: scouts.TEXT_GATES)
    if gates & _T_QUARTERS_AR:  # "حيي" in text or "حياء" in text
        for m in match_at(_QUARTERS_AR_RE, _quarter_cue_starts(text), text):  # (= finditer: see _quarter_cue_starts)
            for t in islice(TOKEN_RE.finditer(text, m.end(), min(len(text), m.end() + 60)), 4):
                w = fold(t.group(0))
                for k in (w, w[1:] if w[:1] == "و" else None):
                    if k and (k in rules.quarters or "ال" + k in rules.quarters
                              or (k[:2] == "ال" and k[2:] in rules.quarters)):
                        off = len(w) - len(k)
                        spans.append((t.start() + off, t.end()))
                        break
    if gates & _T_QUARTERS_EN:  # "neighbourhoods", "neighborhoods", "districts" or "quarters" in text
        for m in match_at(_QUARTERS_EN_RE, _quarters_en_starts(text), text):  # (= finditer: _quarters_en_starts)
            head = text[max(0, m.start() - 60) : m.start()]
            base = m.start() - len(head)
            names = list(_EN_LIST_RE.finditer(head))
            while names and names[-1].end() == len(head):  # the names that end right before the cue
                n = names.pop()
                if n.group(1).lower() in rules.quarters or re.sub(r"^(?:al|el)-", "", n.group(1).lower()) \
                        in rules.quarters:
                    spans.append((base + n.start(1), base + n.end(1)))
                head = head[: n.start()]
                names = list(_EN_LIST_RE.finditer(head))
    out: list[PlaceMention] = []
    for s, e in spans:
        if any(p.start < e and s < p.end for p in places) or any(o.start == s for o in out):
            continue
        k = fold(text[s:e]) if not text[s:e].isascii() else text[s:e].lower()
        pid = rules.quarters.get(k) or rules.quarters.get("ال" + k) \
            or (rules.quarters.get(k[2:]) if k[:2] == "ال" else None) \
            or rules.quarters.get(re.sub(r"^(?:al|el)-", "", k))
        ent = gaz.entries.get(pid) if pid else None
        if ent is not None:
            out.append(place(text[s:e], s, e, ent.id, ent.canonical, 0.8, ent.country, ent.lat, ent.lon, ent.admin1))
    return out


# a singular quarter's cue, then a name in quotes (rule 26c): `بحي "غويران"`, `في حي «غويران»`, `حي “الغويران”`
_QUOTED_QUARTER_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?حي[ \u00a0]*[\"«“][ \u00a0]*"
                                r"([\u0621-\u064a\u064b-\u0652\u0640]+"
                                r"(?:[ \u00a0][\u0621-\u064a\u064b-\u0652\u0640]+)?)"
                                r"[ \u00a0]*[\"»”]")


def quoted_quarters(text: str, places: list[PlaceMention], rules: PlaceRules, gaz: Any) -> list[PlaceMention]:
    """Known neighbourhoods whose alias holds the cue (`حي غويران`) written with their name in quotes after it
    (`بحي "غويران"`): the trie reads no alias across a quote, so the name alone was read (as the prison of the
    same name). Not a known place already read there (`حي "الشيخ مقصود"` is read as its own alias)."""
    out: list[PlaceMention] = []
    for m in match_at(_QUOTED_QUARTER_RE, _quoted_quarter_starts(text), text):  # (= finditer)
        s, e = m.span(1)
        if any(p.start < e and s < p.end for p in places):
            continue
        k = fold(m.group(1))
        pid = rules.quarters.get(k) or rules.quarters.get("ال" + k) or (rules.quarters.get(k[2:]) if k[:2] == "ال"
                                                                       else None)
        ent = gaz.entries.get(pid) if pid else None
        if ent is not None:
            out.append(place(text[s:e], s, e, ent.id, ent.canonical, 0.8, ent.country, ent.lat, ent.lon, ent.admin1))
    return out


def kaf_glued(text: str, s: int) -> bool:
    """The name follows a ك glued at its word's start, read as the proclitic "like" (`كريم` as ك + ريم, Rome): a
    given name or a common word gives that reading far more often than "like <town>" does (enrichment._place keeps
    it for a country only: `دول كسوريا`)."""
    if s < 1 or text[s - 1] != "ك":
        return False
    i = s - 1
    if i > 0 and text[i - 1] in "وف":
        i -= 1
    return i == 0 or not "\u0621" <= text[i - 1] <= "\u064a"


_LANDMARK_HEADS = frozenset(("باب", "بوابه", "وادي", "جبل", "سهل", "غور", "هضبه", "جسر"))
_LANDMARK_CORES = ("باب", "بواب", "وادي", "جبل", "سهل", "غور", "هضب", "جسر")


def in_landmark_name(text: str, s: int) -> bool:
    """A country's name right after a gate's, a valley's or a mountain's word is inside that name (`باب اليمن`, a
    gate of Sanaa; `جبل لبنان` and `وادي الأردن` are places of their own in places.yaml: the longer name wins)."""
    if s < 3 or not "\u0600" <= text[s] <= "\u06ff":
        return False
    near = text[max(0, s - 9) : s]  # (the cheap test first: one of the words' letters is there at all)
    if not any(w in near for w in _LANDMARK_CORES):
        return False
    prev = _prev_word(text, s)
    return prev in _LANDMARK_HEADS or _bare(prev) in _LANDMARK_HEADS


def noun_phrase(text: str, s: int, e: int, rules: PlaceRules) -> bool:
    """A town's name that is also a definite noun (`الباب` "the door") followed by a definite adjective agreeing
    with it is the noun: `الباب الحديدي`, `الباب الخلفي`, `الباب المفتوح`; not after a direction (`الباب الشرقي`)."""
    if not rules.nouns or text[e : e + 1] != " " or text[s : s + 2] != "ال":
        return False
    surface = text[s:e]
    g = rules.noun_of.get(surface)
    if g is None:
        if len(rules.noun_of) > 100_000:
            rules.noun_of.clear()
        g = rules.noun_of[surface] = rules.nouns.get(fold(surface), "")
    if not g:
        return False
    m = TOKEN_RE.match(text, e + 1)
    if m is None:
        return False
    w = fold(m.group(0))
    if not w.startswith("ال") or len(w) < 5 or w in rules.not_adjectives:
        return False
    if w in rules.adjectives:
        return True
    return w.endswith("يه") if g == "f" else w.endswith("ي")


_CREDIT_BEFORE_RE = re.compile(
    r"(?:\b(?:Photo|PHOTO|Photos|Photograph|Picture)\s*(?:by\s+|/\s*)|\b(?:REUTERS|Reuters|AFP|EPA|Getty Images|"
    r"Anadolu|AP)\s*/\s*|\b(?:Credit|Photo credit|Photographer)\s*:\s*|©\s*|\([Cc]\)\s*)(?:\d{4}\s+)?"
    # an agency's name and a slash after the mark ("©UNHCR/M.Hawari": the photographer after his initial glued to
    # it; bare21en, rule 26v)
    # (the photographer's words on the credit's line: "AFP/Getty" ending a line leaves the next line's first word)
    r"(?:[A-Z][\w&.\-]*\s*/\s*)?(?:[A-Z][\w'’.\-]*[ \u00a0]+){0,3}(?:[A-Z]\.)?$")
_CREDIT_AFTER_RE = re.compile(r"(?:[ \u00a0]+[A-Z][\w'’\-]*){0,2}\s*/\s*(?:AFP|AP|Reuters|REUTERS|Getty|EPA|Anadolu)\b")


def in_credit(text: str, s: int, e: int) -> bool:
    """The name is a photographer's in a picture credit: "(AP Photo/Baderkhan Ahmad)", "© 2021 Sam Tarling",
    "REUTERS/Orhan Qereman", "Delil Souleiman/AFP"."""
    window = text[max(0, s - 60) : s]
    # (the pattern's own literals first, at C speed: "Photo by" needs a "hoto"/"HOTO"/"Picture", a credit's colon a
    # "redit"/"rapher"; "(c)" as window.lower() finds it is "(c)" or "(C)")
    if ("/" in window or "©" in window
        or ("by" in window and ("hoto" in window or "HOTO" in window or "Picture" in window))
        or (":" in window and ("redit" in window or "rapher" in window))
        or "(c)" in window or "(C)" in window) \
            and _CREDIT_BEFORE_RE.search(window):
        return True
    return "/" in text[e : e + 40] and _CREDIT_AFTER_RE.match(text, e) is not None


_OUTLET_OF_RE = re.compile(r"\b(?:[Tt]he Times|Voice|[Tt]he Voice) of (?:the )?$")
_CLOSERS = frozenset(("»", "”", "\"", ")"))


def agency_or_outlet(text: str, s: int, e: int, rules: PlaceRules) -> bool:
    """The name is a news agency's ("told SANA", "Homs, SANA -") or part of an outlet's name that
    context.in_outlet_name does not read: "The Times of Israel", `«القدس العربي»`."""
    if text[s:e] in rules.agencies and text[e : e + 1] not in ("'", "’"):
        return True  # (SANA'A is the city)
    if text[s - 3 : s] == "of " and _OUTLET_OF_RE.search(text, max(0, s - 20), s):
        return True
    return text[e : e + 7] == " العربي" and text[e + 7 : e + 8] in _CLOSERS and text[s - 1 : s] in ("«", "\"", "“")


_DIRECTION_NAMES = frozenset(("gharbiya", "gharbiyah", "gharbiyeh", "gharbiyya", "gharbiyye", "sharqiya", "sharqiyah",
                              "sharqiyeh", "sharqiyya", "shamaliya", "shamaliyah", "janubiya", "janubiyah"))


def direction_of_name(text: str, s: int, e: int) -> bool:
    """"al-Nashwa al-Gharbiya": "the western" after a name is part of it, not the town named for a direction."""
    surface = text[s:e]
    if surface[:3].lower() not in ("al-", "el-") or surface[3:].lower() not in _DIRECTION_NAMES:
        return False
    i = text.rfind(" ", max(0, s - 30), s - 1)
    prev = text[i + 1 if i != -1 else max(0, s - 30) : s - 1] if text[s - 1 : s] == " " else ""
    return prev[:3].lower() in ("al-", "el-") or prev[:1].isupper()


def in_named_valley(text: str, s: int, rules: PlaceRules) -> bool:
    """`قرية وادي الخليل`: a village named for a valley after a cue, not the town in the valley's name."""
    if text[s - 5 : s] != "وادي ":
        return False
    words = text[max(0, s - 30) : s - 5].split()
    return bool(words) and _bare(fold(words[-1])) in rules.cues


_IN_PROVINCE_RE = re.compile(r"\s*[,،]\s+(?:in|في)\s+")
# (one pattern per comma: a pattern opening with a literal is skipped ahead to at C speed, a class is tried at every
# character; together they find what `[,،]\s+(?:in|في)\s` finds)
_IN_PROVINCE_SCAN_RES = (re.compile(r",\s+(?:in|في)\s"), re.compile(r"،\s+(?:in|في)\s"))


# Vowel marks that tell two places spelled alike apart (rule 26r): `عُمان` with a damma on its ain is Oman, while
# `عَمّان` (a fatha, a shadda) and the unmarked `عمان` stay Amman (places.yaml's note: Oman is `سلطنة عمان` unmarked)
_VOWELED_OTHER = {"geonames:250441": ("\u0639\u064f", "country:OM")}


def voweled_other(text: str, places: list[PlaceMention], gaz: Any) -> list[PlaceMention]:
    """`عُمان` (Oman), read as Amman by its unmarked letters, is swapped for the place its vowel marks name."""
    out = places
    for i, p in enumerate(places):
        rule = _VOWELED_OTHER.get(p.id)
        if rule is None or rule[0] not in text[p.start : p.start + 4]:  # (after a proclitic: `وعُمان`)
            continue
        e = gaz.entries.get(rule[1])
        if e is None or any(q.id == e.id for q in places):
            continue
        out = list(out) if out is places else out
        out[i] = p.model_copy(update={"id": e.id, "canonical": e.canonical, "country": e.country, "lat": e.lat,
                                      "lon": e.lon, "admin1": None})
    return out


def located_elsewhere(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """"Al-Jada, in Nineveh province": a town said to lie in another country's province is not that town (here
    Jeddah): it is dropped."""
    if len(places) < 2 or not any(comma.pattern[0] in text and comma.search(text) is not None
                                  for comma in _IN_PROVINCE_SCAN_RES):  # (most texts say no such thing)
        return places
    starts = {p.start: p for p in places}
    drop = set()
    for p in places:
        if p.country is None or p.id.startswith(("adm1:", "country:")):
            continue
        m = _IN_PROVINCE_RE.match(text, p.end)
        q = starts.get(m.end()) if m is not None else None
        if q is not None and q.id.startswith("adm1:") and q.country is not None and q.country != p.country:
            drop.add(p.start)
    return [p for p in places if p.start not in drop] if drop else places


# a river's bank after "the West Bank" (`الضفة الغربية لنهر الفرات`, `من نهر الفرات`, `للنهر`, `للفرات`, "the west
# bank of the Euphrates"): the river's western shore, no Palestine (rule 33z-2); the Jordan's west bank is Palestine's
_RIVER_BANK_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?:ل|لل|من[ \u00a0]+)?(?:ال)?نهر(?![ \u00a0]+(?:ال)?[أا]ردن)|لل?فرات|للنهر|ل?دجل[ةه]"
    r"|of[ \u00a0]+(?:the[ \u00a0]+)?(?:Euphrates|Tigris|Khabur|Orontes|river))")
_WEST_BANK_ID = "place:ps-west-bank"


def river_banks(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """"The West Bank" right before a river's name (`الضفة الغربية لنهر الفرات`, "the west bank of the Euphrates") is
    that river's shore: no place (rule 33z-2; "the west bank of the Jordan River" is still Palestine's)."""
    drop = [p for p in places if p.id == _WEST_BANK_ID and _RIVER_BANK_AFTER_RE.match(text, p.end) is not None]
    return [p for p in places if p not in drop] if drop else places


# a village's cue right before a name (singular, dual or plural, with a proclitic and quotes or a bracket between):
# where a name is a village first (rule 33z-1)
_VILLAGE_CUED_RE = re.compile(r"(?:^|[\s(])[وفبل]?(?:قري[ةه]|بلد[ةه]|قريت[اي]|بلدت[اي]|قرى|بلدات)\s*[\"«“'(]?\s*$")
# the countries counted as one where a village may lie (a West Bank village in a text about Israel's towns)
_COUNTRY_GROUP = {"IL": "PS"}


def cued_namesakes_abroad(text: str, places: list[PlaceMention], facilities: list[Any], gaz: Any
                          ) -> list[PlaceMention]:
    """A village named after its cue (`قرية العوجة`, `بلدة "ربيعة"`, `بلدة القصر`) whose only reading in the
    gazetteer is a namesake town of another country (Iraq's Awja, Iraq's Rabia, Jordan's Qasr), in a text whose other
    places and facilities (two at least) all lie in one country and which names the namesake's country nowhere (no
    place, facility or nationality adjective of it), is that country's village the gazetteer lacks: open world,
    located at the nearest place of the text's country (rules 14 and 19; rule 33z-1). Towns of 100,000 and more and
    places.yaml's cities keep their reading (`نواحي الرياض` may be "Riyadh's environs")."""
    if len(places) < 2 or gaz.place_rules is None:
        return places
    cands = [p for p in places if p.country in SCOPE and not p.id.startswith(("country:", "adm1:", "open:"))
             and _VILLAGE_CUED_RE.search(text, max(0, p.start - 12), p.start) is not None]
    if not cands:
        return places
    # the distinct known places and facilities of each country (a country's own name counts as one of its places)
    held: dict[str, set[str]] = {}
    for x in (*places, *facilities):
        if x.country and not x.id.startswith("open:"):
            held.setdefault(_COUNTRY_GROUP.get(x.country, x.country), set()).add(x.id)
    cued = {p.id for p in cands}
    out = places
    for p in cands:
        e = gaz.entries.get(p.id)
        if e is None or e.population >= 100_000 or (e.curated and e.kind not in ("town", "village")):
            continue
        mine = _COUNTRY_GROUP.get(p.country or "", p.country or "")
        if held.get(mine, set()) - cued:
            continue  # another place of the namesake's country, named without a village's cue
        # (a country whose places all follow a village's cue is no country of the text: two namesakes of two
        # countries would leave each other alone else)
        others = [c for c, ids in held.items() if c != mine and ids - cued]
        if len(others) != 1 or len(held[others[0]]) < 2:
            continue  # no other country, or several, or one place named: the reading stays
        home = others[0]
        if nationality_mentions(text, gaz.place_rules, frozenset((p.country or "",))):
            continue  # `بلدة ربيعة العراقية`: its country's adjective
        near = min((q for q in places if _COUNTRY_GROUP.get(q.country or "", q.country or "") == home
                    and not q.id.startswith(("country:", "open:"))),
                   key=lambda q: abs(q.start - p.start), default=None)
        moved = place(p.surface, p.start, p.end, f"open:place:{slug(p.surface)}", p.surface, 0.5,
                      near.country if near else home, near.lat if near else None, near.lon if near else None,
                      near.admin1 if near else None)
        out = [moved if q is p else q for q in out]
    return out


def person_named(text: str, c: Cand, others: list[Cand], rules: PlaceRules) -> bool:
    """The name is part of a person's: after a given name from `person_names` ("Hozan Qamishlo", "Gule Halab",
    `هوزان قامشلو`), or itself one of them before another place's name ("Amed Afrin"); or inside an armed group's
    transliterated name after one of `group_words` ("Maghawir al-Thawra")."""
    s, e = c.start, c.end
    if s > 1 and text[s - 1] == " ":
        lo = s - 24 if s > 24 else 0
        i = text.rfind(" ", lo, s - 1)
        prev = text[i + 1 if i != -1 else lo : s - 1]
        hit = rules.name_before.get(prev)
        if hit is None:
            hit = name_before_hit(prev, rules)
        if hit:
            return True
    if text[e : e + 1] == " " and text[e + 1 : e + 2].isupper() and text[s:e].lower() in rules.person_names:
        return any(o.start == e + 1 for o in others)
    return False


def name_before_hit(prev: str, rules: PlaceRules) -> bool:
    """person_named's word before a name (as written) makes it a person's or a group's (kept in name_before)."""
    if len(rules.name_before) > 100_000:
        rules.name_before.clear()
    if prev.isascii():
        low = prev.lower()
        hit = (prev[:1].isupper() and low in rules.person_names) or low in rules.group_words
    else:
        hit = fold(prev) in rules.person_names
    rules.name_before[prev] = hit
    return hit


def _nationality_re(rules: PlaceRules, wanted: frozenset[str], ar_ok: bool = True, en_ok: bool = True
                    ) -> re.Pattern[str]:
    """The nationality adjectives of `rules` of the `wanted` countries over raw text: Arabic with the article or a
    proclitic and any ending (ليبي، الليبية، السوريين), English as written (one pattern per set of countries: a text
    asks for the two or three countries its shared names belong to, not for all of them). ar_ok False: without
    the Arabic branch (a text with no ي, which every Arabic match ends in); en_ok False: without the English words
    that hold an ASCII letter (a text with none): the same matches in such a text, without trying what cannot match
    at each of its characters."""
    key = (id(rules), wanted, ar_ok, en_ok)
    got = _NAT_RES.get(key)
    if got is None or got[0] is not rules:
        if len(_NAT_RES) > 2_000:
            _NAT_RES.clear()
        alts = {"ا": "[اأإآ]", "ي": "[يىئ]", "ه": "[هة]", "و": "[وؤ]"}
        ar = sorted((k[:-1] for k, iso in rules.nationality.items() if ar_ok and iso in wanted and not k.isascii()
                     and k.endswith("ي")), key=len, reverse=True)
        en = sorted((k for k, iso in rules.nationality.items() if iso in wanted and k.isascii()
                     and (en_ok or not any(ch.isalpha() for ch in k))), key=len, reverse=True)
        raw = "|".join("".join(alts.get(ch, re.escape(ch)) for ch in w) for w in ar) or "(?!)"
        # the adjective itself first (its first letters let the regex engine skip ahead); the article or proclitic
        # before it and the letter before that are read by hand (nationality_mentions): the same matches as
        # `(?<![AR])(?:[وفبل]?ال|لل)?` in front, found without trying every position of the text
        if ar and not en:  # (one branch: opening with a class of its first letters, which re skips to at C speed)
            pat = re.compile(rf"(?P<a>{_class_led([[alts.get(ch, re.escape(ch)) for ch in w] for w in ar])})"
                             rf"(?:يين|يون|يات|يه|ية|ي)(?![{_AR}])(?P<e>(?!))?")
        elif en and not ar:
            pat = re.compile(rf"(?P<e>{_class_led([[re.escape(ch) for ch in w] for w in en], boundary=True)})\b"
                             rf"(?P<a>(?!))?")
        else:
            pat = re.compile(rf"(?P<a>{raw})(?:يين|يون|يات|يه|ية|ي)(?![{_AR}])"
                             rf"|\b(?P<e>{'|'.join(map(re.escape, en)) or '(?!)'})\b")
        got = _NAT_RES[key] = (rules, pat)
    return got[1]


def _class_led(words: list[list[str]], boundary: bool = False) -> str:
    """The alternation of `words` (each a list of one-character patterns: a literal or a class) as a pattern that
    opens with the class of their first characters (re skips ahead to one of them at C speed, where an alternation
    that opens with a class is tried at every character), each word's own first character then read behind:
    `[FG](?:(?<=F)rest|(?<=G)rest)` is `F rest|G rest`, the words in their order. boundary: a \\b before the
    first character (in a lookbehind: the same position)."""
    firsts = dict.fromkeys(ch for w in words for ch in (w[0][1:-1] if w[0][:1] == "[" else w[0][-1:]))
    cls = "[" + "".join("\\" + ch if ch in "\\]^-[" else ch for ch in firsts) + "]"
    alts = "|".join(f"(?<={w[0]})" + "".join(w[1:]) for w in words)
    return cls + (rf"(?<=\b{cls})" if boundary else "") + f"(?:{alts})"


def _ar_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _adjective_start(text: str, q: int) -> int:
    """Where an Arabic nationality adjective found at `q` starts with its article or proclitic (`والليبية`,
    `اللبنانيين`), or -1 when a letter glued before it makes it part of another word: the leftmost of q - 3
    (a proclitic and the article), q - 2 (the article, or لل) and q itself whose letter before is no Arabic letter."""
    if q >= 3 and text[q - 3] in "وفبل" and text[q - 2 : q] == "ال" and (q == 3 or not _ar_letter(text[q - 4])):
        return q - 3
    if q >= 2 and text[q - 2 : q] in ("ال", "لل") and (q == 2 or not _ar_letter(text[q - 3])):
        return q - 2
    return q if q == 0 or not _ar_letter(text[q - 1]) else -1


_NAT_RES: dict[tuple[int, frozenset[str], bool, bool], tuple[PlaceRules, re.Pattern[str]]] = {}


def nationality_mentions(text: str, rules: PlaceRules | None, wanted: frozenset[str]) -> list[tuple[int, str]]:
    """(start, ISO2) of the nationality adjectives in the text that name one of the `wanted` countries."""
    if rules is None or not rules.nationality or not wanted:
        return []
    out = []
    pat = _nationality_re(rules, wanted, "\u064a" in text, has_latin(text))
    pos = 0
    while (m := pat.search(text, pos)) is not None:
        if m.group("a"):
            start = _adjective_start(text, m.start())
            if start < 0:
                pos = m.start() + 1  # (inside another word: look again from the next letter)
                continue
            iso = rules.nationality.get(fold(m.group("a")) + "ي")
        else:
            start = m.start()
            iso = rules.nationality.get(m.group("e"))
        if iso in wanted:
            out.append((start, iso))
        pos = m.end()
    return out
