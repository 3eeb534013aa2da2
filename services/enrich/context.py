"""Context rules around a mention: cues before it, the sentence it sits in, coordination with a head.

Pure helpers for enrichment.py: which reading (town or facility, place or adjective) a name has here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from services.enrich import backend
from services.enrich.gazetteer import Gazetteer
from services.enrich.normalize import fold, fold_text, tokens_folded
from services.enrich.resolve import Cand
from services.enrich.variants import facility_cache

ADMIN_CUES = {"محافظه", "governorate", "province", "ولايه", "محافظات"}
PLACE_CUES = {"town", "village", "city", "بلده", "مدينه", "ناحيه", "قريه", "بلدة", "مدينة", "منطقه", "قضاء",
              "area", "district", "region", "countryside", "outskirts", "vicinity"}


def inside(s: int, e: int, occ: bytearray) -> bool:
    return occ.find(1, s, e) != -1


def cue_before(text: str, s: int, cues: set[str] | frozenset[str]) -> bool:
    words = text[max(0, s - 25) : s].split()
    if not words:
        return False
    last = words[-1]
    if last[-1] in _QUOTE_CHARS or last[0] in _QUOTE_CHARS:
        last = last.strip(_QUOTE_CHARS)
        if not last:
            words.pop()  # `وبلدة "الهول"`: the quote opening the name
            if not words:
                return False
            last = words[-1].strip(_QUOTE_CHARS)
    last = fold(last)
    return last in cues or (last[:1] in "وف" and last[1:] in cues and "\u0600" <= last[:1] <= "\u06ff") \
        or (len(words) > 1 and last in ("of", "the") and fold(words[-2]) in cues)


_QUOTE_CHARS = "\"«»“”„‟‹›'’‘"


_OF = frozenset(("of", "من"))
_JOIN_RE = re.compile(r"\s*(?:,|and|or|&|و|او|\(|\)|/)?\s*(?:the\s+)?\s*$", re.IGNORECASE)


_SUFFIXES2 = frozenset(("ها", "هم", "هن"))  # سجناءها, قاطنيها: a pronoun glued to a cue word


_OPERATION_RE = re.compile(r"[Oo]peration\s+[\"“'‘]?(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*")


def facility_context(text: str, c: Cand, kind: str, gaz: Gazetteer,
                     mask: list[tuple[int, int]] | tuple[()] = (), *, city: bool = False,
                     near_ok: bool = False, owned: bool = False) -> bool:
    """The sentence around a bare name speaks of the camp/prison (and not of the town). Words inside the
    `mask` spans (facilities already named: "Tadmur prison") are not evidence about this name. `city`: the
    name is also a city's, and a camp needs the word camp itself (core_context.city_camp). `near_ok`: no town
    bears the name, so "near"/`محيط` before it is near the facility. `owned`: a head word with a pronoun of
    possession (`بسجنها`, `ومخيمها`, "its prison") is the town's own site, no word about the name (rule 30f)."""
    cc = gaz.rules.core_context
    if not near_ok and prev_word(text, c.start, _OF) in cue_list(cc.locative):
        return False
    sentence = _sentence(text, c, cc.window, mask)
    if "peration" in sentence:  # (str `in`, C speed)
        sentence = _OPERATION_RE.sub(" ", sentence)  # "Operation Summer Camps": a military operation's name
    if kind == "camp" and gaz.camp_sense is not None and ("amp" in sentence or "مخيم" in sentence):
        sentence = gaz.camp_sense.sub(" ", sentence)  # "Jeddah hosted a summer camp": another sense's camp
    if "held by" in sentence:
        sentence = sentence.replace("held by", "by")  # "Tabqa, held by the SDF": territory, not detention
    if city and "لدى" in sentence:
        sentence = _HELD_BY_AR_RE.sub(" ", sentence)  # `أبنائهن المحتجزين لدى التنظيم في الرقة`: a group's
        # detainees in the city, as "held by" above (rule 29s)
    if "-held" in sentence:
        sentence = sentence.replace("-held", " ")  # "exile in the rebel-held north": territory, no detention (29r)
    if owned and ("سجنها" in sentence or "مخيمها" in sentence or "معتقلها" in sentence):
        sentence = _OWN_HEAD_AR_RE.sub(" ", sentence)  # `رغم ارتباط اسمها بسجنها الشهير، تظل صيدنايا`: the
        # town's own prison, named by the town the text calls a town (rule 30f)
    if "cells" in sentence and kind == "prison":
        sentence = _SLEEPER_CELLS_RE.sub(" ", sentence)  # "sleeper cells hid among them": militants, no jail (25z)
    base = set(tokens_folded(sentence, 0, len(sentence))[2])  # (its words folded, one compiled pass)
    fac = (cc.city_camp if city else cc.camp) if kind == "camp" else cc.prison
    fac_words = _city_prison_words(cc) if city and kind != "camp" else _cue_set(fac)
    # each word with the forms _derived reads in it (cached per word: news vocabulary repeats): a cue word of the
    # kind among them, and no town word (_word_verdicts: whether any word's forms meet either set, by set algebra)
    townish, hit = _word_verdicts(base, fac_words)
    if townish or not hit:
        return False
    # a town word next to the name (three words before, one after) says it is the town ("the market of
    # al-Hol", "al-Hol market"); one further away is about something else (`بعد ابو غريب ويقع قرب بلدة بادوش`)
    return not town_close(text, c, gaz)


def _word_verdicts(base: set[str], fac_words: frozenset[str]) -> tuple[bool, bool]:
    """(some word of `base` has a form in _TOWN_SELF, some word has a form in `fac_words`), each word's forms as
    facility_context reads them (_DERIVED): whether a word's forms meet either set is a function of the word (and of
    that set), kept per word in two sets for each `fac_words` (held, by identity), so a sentence's words are asked at
    C speed (set differences and intersections) and only its words never seen before are derived in Python."""
    got = _VERDICTS.get(id(fac_words))
    if got is None or got[0] is not fac_words:
        if len(_VERDICTS) >= 8:
            _VERDICTS.clear()
        got = _VERDICTS[id(fac_words)] = (fac_words, set(), set(), set())
    _held, seen, town, fac = got
    new = base - seen
    if new:
        if len(seen) >= 100_000:  # (bounded: outlets repeat their words)
            seen.clear()
            town.clear()
            fac.clear()
            new = set(base)
        for w in new:
            forms = _DERIVED.get(w) or _derive(w)
            if not forms.isdisjoint(_TOWN_SELF):
                town.add(w)
            if not forms.isdisjoint(fac_words):
                fac.add(w)
        seen |= new
    return not base.isdisjoint(town), not base.isdisjoint(fac)


# id(fac_words) -> (fac_words, the words asked, those whose forms meet _TOWN_SELF, those whose forms meet fac_words)
_VERDICTS: dict[int, tuple[frozenset[str], set[str], set[str], set[str]]] = facility_cache()


# (rule 29s) a detention word and the holder after `لدى`: the detainees of a group or a force, not a city's prison
_HELD_BY_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:محتجز|معتقل|مختطف|مخطوف|مسجون|أسرى|اسرى|أسير|اسير|"
                            r"رهائن|سجناء)[\u0621-\u064a]{0,3}\s+لدى(?![\u0621-\u064a])")


# (rule 30f) a head word with the feminine pronoun of possession, "its (the town's) prison / camp": `بسجنها`, `ومخيمها`
_OWN_HEAD_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]{0,2}(?:سجن|مخيم|معتقل)ها(?![\u0621-\u064a])")


_SLEEPER_CELLS_RE = re.compile(r"\b(?:sleeper|terror(?:ist)?|militant|jihadist|insurgent|extremist|ISIS|Daesh)"
                               r"\s+cells\b", re.IGNORECASE)


def _derived(words: set[str]) -> set[str]:
    """The words and the forms a cue word may hide in: a proclitic off (للعودة), a pronoun suffix off
    (سجناءها), أسرته: أسرة + his, an accusative alif off (معتقلاً), المرحّلون as المرحلين. Each step reads the
    words the steps before it gave; every step works word by word, so the forms of a set are the union of
    each word's own forms (what _derive caches)."""
    words = set(words)
    words |= {w[1:] for w in words if w[:1] in "وفبل"} | {"ا" + w[1:] for w in words if w[:2] == "لل"}  # للعودة
    words |= {w[:-2] for w in words if w[-2:] in _SUFFIXES2} | {w[:-1] for w in words if w[-1:] == "ه"}
    words |= {w[:-2] + "ه" for w in words if w[-2:] == "ته" and len(w) > 4}  # أسرته: أسرة + his
    words |= {w[:-1] for w in words if w[-1:] == "ا" and len(w) > 3 and "\u0600" <= w[:1] <= "\u06ff"}  # معتقلاً
    words |= {w[:-2] + "ين" for w in words if w[-2:] == "ون"}  # المرحّلون: the list has المرحلين
    return words


_DERIVED: dict[str, frozenset[str]] = {}


def _derive(word: str) -> frozenset[str]:
    if len(_DERIVED) >= 100_000:
        _DERIVED.clear()
    got = _DERIVED[word] = frozenset(_derived({word}))
    return got


def town_close(text: str, c: Cand, gaz: Gazetteer) -> bool:
    """A town word next to the name (three words before, one after): "the market of al-Hol", `سوق الهول`."""
    before = tokens_folded(text, max(0, c.start - _TOWN_REACH), c.start)[2][-3:]  # (folded, one compiled pass)
    after = tokens_folded(text, c.end, c.end + _TOWN_REACH)[2][:1]
    close = set(before + after)
    close |= {w[1:] for w in close if w[:1] in "وفبل"}
    return bool(close & _cue_set(gaz.rules.core_context.town))


_TOWN_REACH = 30
# words by which a sentence speaks of the name as a town or a landscape anywhere in it ("the town's water
# network", "the Azraq wetland reserve", `بلدية`): tents, residents or winter there are the town's
_TOWN_SELF = frozenset(("towns", "townspeople", "villages", "municipality", "municipal", "mayor", "wetland",
                        "wetlands", "reserve", "oasis", "wildlife", "بلديه", "البلديه", "البلده"))


_PREV_SEEN: tuple[str, int, str] = ("", -1, "")  # prev_word's last answer without skip words: (text, start, word)


def prev_word(text: str, start: int, skip: set[str] | frozenset[str]) -> str:
    """The folded word before `start` (skipping words in `skip`, e.g. "north *of* Hasakah")."""
    global _PREV_SEEN
    if not skip:  # (the last word or the one before it: the last two split off from the right, no whole list)
        seen = _PREV_SEEN  # (the same text and position as the last call: several checks of one name ask it)
        if seen[0] is text and seen[1] == start:
            return seen[2]
        last = text[max(0, start - 40) : start].rsplit(None, 2)
        if last and start > 0 and not text[start - 1].isspace():
            last.pop()  # a stripped proclitic is not a word
        word = fold(last[-1].strip(",.;:()")) if last else ""
        _PREV_SEEN = (text, start, word)  # (one immutable tuple: a thread reads it whole)
        return word
    words = text[max(0, start - 40) : start].split()
    if words and start > 0 and not text[start - 1].isspace():
        words = words[:-1]  # a stripped proclitic is not a word
    while words:  # (each word stripped and folded once)
        w = fold(words.pop().strip(",.;:()"))
        if w not in skip:
            return w
    return ""


def cue_list(words: list[str]) -> frozenset[str]:
    got = _CUES.get(id(words))
    if got is None or got[0] is not words:
        got = _CUES[id(words)] = (words, frozenset(fold_text(w) for w in words))
    return got[1]


# id(rules list) -> (that list, its folded words); holding the list keeps its id from being reused
_CUES: dict[int, tuple[Any, frozenset[str]]] = {}


def cue_set(names: Any) -> frozenset[str]:
    """The folded words of a {en, ar} rule list, folded once."""
    return _cue_set(names)


def _city_prison_words(cc: Any) -> frozenset[str]:
    """The prison's cue words less those a city's own news uses as well (core_context.city_prison_not: arrests and
    releases in Raqqa are the city's, rule 29f)."""
    got = _CUES.get(id(cc))
    if got is None or got[0] is not cc:
        got = _CUES[id(cc)] = (cc, _cue_set(cc.prison) - _cue_set(cc.city_prison_not))
    return got[1]


def _cue_set(names: Any) -> frozenset[str]:
    got = _CUES.get(id(names))
    if got is None or got[0] is not names:
        got = _CUES[id(names)] = (names, frozenset(fold_text(w) for w in names.en + names.ar))
    return got[1]


# a sentence ends at a line break or a full stop before a space, not after an initial ("U.S. guards") nor at
# the double dot with which Arabic headlines join two clauses (`إنعاش "جزئي" لليرموك.. عائدون يرممون`)
_END_RE = re.compile(r"\n|(?<![A-Z.])(?<!\b[A-Z][a-z])\.(?=\s|$)")


# (_END_RE opens with lookbehinds: re tries it at every character of a window; every match is one line break or
# full stop, found at C speed by str.find, where the pattern is tried as search would try it there)
def sentence_end_before(text: str, lo: int, hi: int) -> int:
    """The end of the last _END_RE match in text[lo:hi] (as finditer(text, lo, hi) gives it), else lo."""
    p = hi
    while True:
        i = max(text.rfind("\n", lo, p), text.rfind(".", lo, p))
        if i < 0:
            return lo
        if _END_RE.match(text, i, hi) is not None:
            return i + 1
        p = i


def sentence_end_after(text: str, lo: int, hi: int) -> int:
    """The start of the first _END_RE match in text[lo:hi] (as search(text, lo, hi) gives it), else hi."""
    p = lo
    while True:
        i = text.find("\n", p, hi)
        j = text.find(".", p, i if i >= 0 else hi)
        if j >= 0:
            i = j
        if i < 0:
            return hi
        if _END_RE.match(text, i, hi) is not None:
            return i
        p = i + 1


# (the last long mask asked: the list itself, how many of its spans are indexed, its last span then, those spans
# sorted by start, their starts, and the longest span's length)
_MASK_SEEN: list[tuple[object, int, tuple[int, int] | None, list[tuple[int, int]], list[int], int]] = \
    [(None, 0, None, [], [], 0)]


def _mask_near(mask: list[tuple[int, int]] | tuple[()], a: int, b: int) -> list[tuple[int, int]] | tuple[()]:
    """The spans of `mask` that may overlap [a, b) (a superset; the caller tests each). A short mask is itself; a
    long one (a page's thousands of facilities: `accepted`, which only grows by appending) is indexed once, the
    spans appended since the last question inserted, so each question is two bisections, not a walk of the
    whole list (quadratic)."""
    n = len(mask)
    if n < 32:
        return mask
    obj, done, last, spans, starts, longest = _MASK_SEEN[0]
    if obj is not mask or done > n or (done and mask[done - 1] != last):
        obj, done, spans, starts, longest = mask, 0, [], [], 0
    for s, e in mask[done:]:
        i = bisect_left(spans, (s, e))
        spans.insert(i, (s, e))
        starts.insert(i, s)
        longest = max(longest, e - s)
    _MASK_SEEN[0] = (obj, n, mask[n - 1], spans, starts, longest)
    return spans[bisect_left(starts, a - longest) : bisect_left(starts, b)]


def _sentence(text: str, c: Cand, window: int, mask: list[tuple[int, int]] | tuple[()] = ()) -> str:
    """The text around a mention, cut at sentence ends, the mention and the `mask` spans blanked."""
    lo, hi = max(0, c.start - window), min(len(text), c.end + window)
    a, b = sentence_end_before(text, lo, c.start), sentence_end_after(text, c.end, hi)
    if mask:  # each masked character a space: the pieces between the (clipped, sorted) spans joined with blanks
        parts = []
        pos = a
        spans = sorted([(s if s > a else a, e if e < b else b) for s, e in _mask_near(mask, a, b)
                        if s < b and e > a and s < e])
        for s, e in spans:
            if e <= pos:
                continue
            if s > pos:
                parts.append(text[pos:s])
            else:
                s = pos  # (overlapping spans: blank from where the last one ended)
            parts.append(" " * (e - s))
            pos = e
        parts.append(text[pos:b])
        return "".join(parts).replace(text[c.start : c.end], " ")
    return text[a:b].replace(text[c.start : c.end], " ")


def head_near(text: str, c: Cand, heads: list[tuple[int, int, str]], kind: str | None) -> bool:
    """A head of the kind coordinated with the bare name: "al-Hol and Roj camps", "مخيمي الهول وروج",
    "Ghwayran (Sina'a) prison". A head merely somewhere nearby is not enough (the town al-Hol)."""
    for h_start, h_end, h_kind in heads:
        if h_kind != kind:
            continue
        if 0 <= h_start - c.end <= 12 and _JOIN_RE.match(text, c.end, h_start):
            return True
        if 0 <= c.start - h_end <= 12 and _JOIN_RE.match(text, h_end, c.start):
            return True
    return False


def heads_and_facilities(heads: list[Cand], facs: list[Cand], gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every head word, and of every facility named with its head."""
    out = [(c.start, c.end, c.payloads[0][1]) for c in heads]
    for c in facs:
        if c.payloads[0][2] == "head":
            out.append((c.start, c.end, gaz.entries[c.payloads[0][1]].kind or ""))
    return out

_ARTICLES = ("al-", "el-")
_NOT_PLACE_BEFORE_RE = re.compile(r"(?:\bCamp|\b[Pp]ro|\b[Aa]nti)[ \-\u2010\u2011]$")
_LOWER_WORD_RE = re.compile(r"[ \u00a0]+[a-z]")
_NOT_PLACE_TAILS = frozenset(("amp", "Pro", "pro", "nti"))  # the last 3 letters of what the regex reads
_NOT_PLACE_SEPS = frozenset(" -\u2010\u2011")


_HYPHENS = frozenset("-‐‑")
# the participles that make a name before a hyphen an adjective (data/README.md rule 21)
_COMPOUND_RE = re.compile(r"(?:based|backed|led|linked|affiliated|allied|aligned|funded|sponsored|supported|"
                          r"controlled|held|run|registered|headquartered|administered|brokered|made|born|appointed|"
                          r"flagged|owned|style|like|type|esque|inspired)\b",
                          re.IGNORECASE)


def english_non_place(text: str, c: Cand) -> bool:
    """Camp Taji (a base name), pro-Iran / anti-ISIS (adjectives), "the US detention facility"."""
    s = c.start
    # the regex needs "Camp", "pro" or "anti" and a space or hyphen right before: a cheap test first
    if text[s - 4 : s - 1] in _NOT_PLACE_TAILS and text[s - 1 : s] in _NOT_PLACE_SEPS \
            and _NOT_PLACE_BEFORE_RE.search(text, max(0, s - 6), s):
        return True
    surface = text[c.start : c.end]
    e = c.end
    if text[e : e + 1] in _HYPHENS and _COMPOUND_RE.match(text, e + 1):
        return True  # "Britain-based", "Iran-backed", "Iraq-led": a compound adjective, no place (README rule 21)
    if text[e + 1 : e + 4] in _ARTICLES and text[e : e + 1] in " -" and text[e + 4 : e + 5].isupper():
        return True  # "Bab al-Salam crossing": the name goes on, this is not the town (al-Bab)
    if surface.isupper() and len(surface) <= 4:
        # an acronym before a word is an adjective ("US helicopters", "US Global Coalition", "U.S.-led",
        # "US-backed", "U.S. garrison"); a place ends a phrase or comes before a function word ("with the US")
        m = _AFTER_ACRONYM_RE.match(text, c.end)
        if m is None or m.group(1) is None:
            return m is not None
        w = m.group(1).lower()
        return w not in _FUNCTION_WORDS and w not in _SUBJECT_VERBS and not (w.endswith("ed") and w.islower())
    return person_before(text, s)


def in_outlet_name(text: str, s: int, e: int) -> bool:
    """The place is part of a media outlet's or armed wing's name: `قناة القاهرة الإخبارية`, `تلفزيون سوريا`,
    `(بغداد اليوم)`, `سرايا القدس`, "Syria Direct", "Kurdistan 24". (Called for every place: index look-ups,
    no splitting.)"""
    # (the word before ends at s - 2 and the one after starts at e + 1: their letter there is tested first)
    if s > 1 and text[s - 1] == " " and text[s - 2] in _OUTLET_BEFORE_LAST:
        i = text.rfind(" ", max(0, s - 17), s - 1)
        prev = text[i + 1 if i != -1 else max(0, s - 17) : s - 1].lstrip("(«\"“\n\t")
        if prev in _OUTLET_BEFORE:
            return True
        if prev in _UNION_MEMBERS and i > 0:
            # a union's or syndicate's members before the country (`اتحاد طلبة سوريا`): the union's name (rule 25b)
            k = text.rfind(" ", max(0, i - 12), i)
            if text[k + 1 if k != -1 else max(0, i - 12) : i].lstrip("(«\"“\n\t") in _UNION_HEADS:
                return True
    if text[s - 4 : s] == " في " and "حقوق" in text[max(0, s - 33) : s - 3] \
            and _RIGHTS_GROUP_OF_RE.search(text, max(0, s - 40), s) is not None:
        return True  # `منظمة حقوق الإنسان في إيران` (Iran Human Rights' Arabic name): the group's, no place (rule 25b)
    if text[e : e + 1] != " " or text[e + 1 : e + 2] not in _OUTLET_AFTER_FIRST:
        return False
    j = text.find(" ", e + 1, e + 18)
    k = text.find("\n", e + 1, j if j != -1 else e + 18)  # ("Lebanon 24" at the end of a line)
    if k != -1:
        j = k
    w = text[e + 1 : j if j != -1 else e + 17].rstrip("،,.:;\n»”\")")  # (`«نينوى الغد»`)
    if w in _OUTLET_AFTER:
        if w == "Red":
            return text.startswith((" Crescent", " Cross"), e + 4)
        if w == "Bar":
            return text.startswith(" Association", e + 4)
        if w == "news":
            return text.startswith((" agency", " website", " site"), e + 5)
        if w == "International":
            # "Iran International reported": the channel; "Baghdad International Airport", "Damascus International
            # Fair": the city's (a capitalised word goes on the name; rule 25b)
            nxt = text[e + 14 : e + 16]
            return not (nxt[:1] == " " and nxt[1:2].isupper())
        return True
    if w == "على" and j != -1 and text.startswith(" طول", j) and _name_ends(text, j + 4):
        return True  # `سوريا على طول`, Syria Direct's Arabic name, ending a byline or in brackets (rule 25b; the
        # gate reads على as an outlet's word); `في سوريا على طول الحدود` is "along the border": the place
    if w.startswith("اليوم"):
        rest = text[e + 6 : e + 9].lstrip()
        return w[5:6] in _CLOSERS or rest[:1] in _CLOSERS \
            or (rest[:1] in _BYLINE_DASHES and (s == 0 or text[s - 1] == "\n"))
        # (`بغداد اليوم – نينوى` opening a line: the outlet's byline before the dateline, rule 23)
    return False


_BYLINE_DASHES = frozenset("-–—/")


def outlet_word_after(text: str, e: int) -> bool:
    """The word right after `e` is an outlet's (`روز بريس`, `شام نيوز`): the name before it is the outlet's
    (prec22ar, rule 26x; not in_outlet_name's `اليوم` test, which a quote after it misleads:
    `أهالي اليرموك اليوم "...`)."""
    if text[e : e + 1] != " " or text[e + 1 : e + 2] not in _OUTLET_AFTER_FIRST:
        return False
    j = text.find(" ", e + 1, e + 18)
    return text[e + 1 : j if j != -1 else e + 17].rstrip("،,.:;\n»”\")") in _OUTLET_AFTER


def _name_ends(text: str, k: int) -> bool:
    """A name ends at k: the text's or a line's end, a run of spaces, punctuation or a closing quote or bracket."""
    nxt = text[k : k + 2]
    return not nxt or nxt[0] in "\n\t.,،:;»”\")" or nxt == "  "
# a group's word, "human rights", "in", right before the country: the group's name (`منظمة حقوق الإنسان في إيران`,
# `مركز حقوق الإنسان في العراق`); "human rights in Iran" after any other word is the place
# (`انتهاكات حقوق الإنسان في إيران`)
_RIGHTS_GROUP_OF_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:منظمة|منظمه|مركز|لجنة|لجنه|هيئة|هيئه|شبكة|شبكه|مرصد)"
                                 r" حقوق (?:الإنسان|الانسان) في $")


_CLOSERS = frozenset((")", "\"", "»", "”"))
_OUTLET_BEFORE = frozenset(("قناة", "قناه", "تلفزيون", "تلفزيونا", "صحيفة", "صحيفه", "جريدة", "جريده", "إذاعة", "اذاعة",
                            "اذاعه", "راديو", "موقع", "شبكة", "شبكه", "سرايا", "كتائب", "لواء", "ألوية", "الوية",
                            # with a clitic (`لإذاعة العراق الحر`); an agency, a platform, a foundation
                            "لإذاعة", "لاذاعة", "وإذاعة", "واذاعة", "لقناة", "وقناة", "لصحيفة", "وصحيفة", "لجريدة",
                            "لموقع", "لتلفزيون", "لشبكة", "وكالة", "لوكالة", "منصة", "لمنصة", "ومنصة", "مؤسسة",
                            "لمؤسسة", "ومؤسسة",
                            # a monitoring group named after the country it covers (`منسقو استجابة سوريا`, north-west
                            # Syria's camp monitors; rule 23 (long16))
                            "استجابة", "استجابه",
                            # a tribal movement named after its province (`صحوة الأنبار`, "the Anbar Awakening";
                            # rule 25b)
                            "صحوة", "صحوه",
                            # Kurdish outlets' transliterated "North" (`نورث برس`, `نورث بالس`: North Pulse, not Balis;
                            # rule 25x)
                            "نورث"))
_OUTLET_AFTER = frozenset(("الإخبارية", "الاخبارية", "الإخباريه", "الاخباريه", "الغد", "نيوز", "برس", "بوست", "تايمز",
                           "بريس",  # (`روز بريس`, Roj's name folded: an outlet, no camp; prec22ar, rule 26x)
                           "Direct", "Today", "News", "Post", "Times", "24", "٢٤", "TV", "Radio", "Observer", "Monitor",
                           "Herald", "Tribune", "daily", "newspaper", "weekly",  # "the Jerusalem daily reported"
                           "club", "Club", "FC", "SC",  # a sports club named after a town ("Al-Yarmouk club")
                           # a rights group or channel named after the country it covers ("Iran Human Rights", "Iran
                           # International", `مركز إيران لحقوق الإنسان`; rule 25b)
                           "Human", "International", "لحقوق",
                           # a movement named after the land it would free ("the Palestine Liberation Organisation
                           # (PLO)"; actor24en, rule 27i): its name, no place
                           "Liberation",
                           # its Arabic spellings (`قناة "إيران إنترناشيونال"`: the channel, no place; rule 25r)
                           "إنترناشيونال", "انترناشيونال",
                           # a tribal movement named after its province ("the Anbar Awakening"; rule 25b)
                           "Awakening",
                           # a country's Red Crescent or Red Cross society ("the Emirates Red Crescent", "the Qatar Red
                           # Crescent"; rule 25n): the society's name
                           "Red",
                           # a city's or country's bar association, a union of lawyers ("the Beirut Bar Association";
                           # rule 25n, as a union's name in rule 25b)
                           "Bar",
                           # an outlet named "<city> Now" (`كركوك ناو`, "Kirkuk Now"; rule 25g)
                           "ناو", "Now",
                           # a news agency named after a town, in lower case ("the Palestinian Safa news agency":
                           # not Jordan's Safi; rule 27m)
                           "news"))
# a union's members after its word (`اتحاد طلبة سوريا`, `نقابة عمال العراق`): the gate reads the members' word as an
# outlet's word before the name, in_outlet_name asks for the union's word before it (rule 25b)
_UNION_MEMBERS = frozenset(("طلبة", "طلبه", "طلاب", "عمال", "صحفيي", "كتاب", "شباب", "نساء", "فلاحي", "معلمي"))
_UNION_HEADS = frozenset(("اتحاد", "لاتحاد", "واتحاد", "باتحاد", "نقابة", "نقابه", "لنقابة", "ونقابة"))


_OUTLET_BEFORE_LAST = frozenset(w[-1] for w in _OUTLET_BEFORE | _UNION_MEMBERS)
_OUTLET_AFTER_FIRST = frozenset([w[0] for w in _OUTLET_AFTER] + ["ا", "ع"])  # (and اليوم, على طول)


_KUNYA = frozenset(("Abu", "Abi", "Umm", "Ibn", "bin", "أبو", "ابو", "أبي", "ابن", "بن"))
_KUNYA_ANY_RE = re.compile("|".join(_KUNYA))  # each kunya as a substring anywhere: a superset of the test below


def person_before(text: str, s: int) -> bool:
    """A kunya or given name before a nisba makes a person: "Abu Bakr al-Baghdadi", `أبو بكر البغدادي`."""
    if _KUNYA_ANY_RE.search(text, max(0, s - 24), s) is None:
        return False  # (one C-level search: most places have no kunya before them)
    words = text[max(0, s - 24) : s].split()
    if len(words) < 2 or words[-2].split("-")[0] not in _KUNYA:
        return False  # the regex below is tried only where a kunya or "son of" is the word before last
    return _PERSON_BEFORE_RE.search(text, max(0, s - 24), s) is not None


_AFTER_ACRONYM_RE = re.compile(r"\.?(?:[-\u2010\u2011][A-Za-z]|[ \u00a0]+([A-Za-z][\w'’-]*))")
# after an acronym, a verb makes it the subject ("the U.S. manages"), not an adjective ("U.S. guards")
_SUBJECT_VERBS = frozenset((
    "says", "manages", "plans", "wants", "holds", "remains", "continues", "seeks", "sends", "supports", "backs",
    "opposes", "insists", "refuses", "allows", "agrees", "urges", "warns", "denies", "confirms", "calls", "leads",
    "runs", "keeps", "takes", "gives", "maintains", "controls", "operates", "funds", "hosts", "carries", "began",
    "sent", "struck", "told", "took", "gave", "kept", "held", "won", "made", "hit", "transfers", "repatriates",
    "deports", "releases", "announces", "accuses", "demands", "rejects", "condemns", "approves", "imposes", "bombs",
    "launches", "signs", "returns", "expels", "detains", "frees", "closes", "opens", "blames", "vows", "pledges"))
_FUNCTION_WORDS = frozenset((
    "and", "or", "but", "in", "on", "at", "to", "of", "for", "with", "from", "by", "as", "after", "before", "since",
    "because", "which", "who", "that", "over", "under", "against", "into", "than", "said", "says", "has", "have",
    "had", "is", "was", "were", "will", "would", "could", "should", "can", "may", "might", "did", "does", "do",
    "also", "then", "if", "while", "when", "where", "until", "about", "are", "be", "been", "not", "the", "a", "an"))
# (`ابن بلدة أطمة`, "a son of the town of Atmeh": a native of the place after a place word, no person's name)
_PERSON_BEFORE_RE = re.compile(r"(?:\b(?:Abu|Abi|Umm|Ibn|bin)[ -][A-Z][a-z]+|(?:أبو|ابو|أبي|ابن|بن) "
                               r"(?!(?:مدينة|مدينه|بلدة|بلده|قرية|قريه|محافظة|محافظه|منطقة|منطقه|ريف|حي|مخيم) )"
                               r"[\u0621-\u064a]+) $")

_CLAUSE_END = frozenset((".", "،", ",", "؛", ";", ":", "!", "?", ")", "»", "”", "\""))


# an administrative unit's word (folded, with a glued preposition) right before a name that is also a common word
_UNIT_CUES = frozenset(p + w for w in ("قضاء", "ناحيه", "مدينه", "بلده", "قريه")
                       for p in ("", "ب", "و", "وب", "ل", "ول"))


def context_stopped(text: str, c: Cand, gaz: Gazetteer) -> bool:
    surface = text[c.start : c.end]
    rule = gaz.stop_rules.get(surface, False)
    if rule is False:
        stops = gaz.rules.geonames_context_stop
        key = fold(surface)
        rule = stops.get(key)
        if rule is None and key[:1] == "ل":  # للصور: the ل of the article was contracted away
            rule = stops.get("ا" + key)
        if len(gaz.stop_rules) > 200_000:
            gaz.stop_rules.clear()
        gaz.stop_rules[surface] = rule
    if rule is None:
        return False
    before = text[max(0, c.start - 30) : c.start].split()
    if before and c.start > 0 and not text[c.start - 1].isspace():
        before = before[:-1]  # a stripped proclitic (للصور) is not the previous word
    after = text[c.end : c.end + 30].split()
    prev = fold(before[-1]) if before else ""
    if rule.before_any and after and fold(after[0].rstrip(".،,؛;:!?»”\")")) in rule.before_any:
        return True  # `مسقط رأسه`, `قرية حديثة العهد`: the word, whatever comes before (rule 26a)
    if rule.only_after and prev not in rule.only_after:
        # `على بعد كيلومترات من صور.`: after a preposition, ending the sentence or clause, it is the place
        return not (prev in rule.end_after and (not after or after[0] in _CLAUSE_END
                                                or after[0][:1] in _CLAUSE_END))
    if prev in _UNIT_CUES:
        return False  # `في قضاء القائم على الحدود`: after a unit's word it is the town's name, whatever follows
    # (the word after without the punctuation that ends a sentence on it: `والباب موصد.`)
    return prev in rule.after or bool(after and fold(after[0].rstrip(".،,؛;:!?»”\")")) in rule.before)


def place_gates_words() -> tuple[tuple[str, ...], tuple[str, ...], str, str, tuple[str, ...], tuple[str, ...],
                                 tuple[str, ...]]:
    """The words and characters by which in_outlet_name, english_non_place and person_before can answer True at
    all, for the compiled test of all three (_scan.place_gates, enrichment._place)."""
    return (tuple(sorted(_OUTLET_BEFORE | _UNION_MEMBERS)), tuple(sorted(_OUTLET_AFTER | {"على"})),
            "".join(sorted(_NOT_PLACE_SEPS)), "".join(sorted(_HYPHENS)), tuple(sorted(_NOT_PLACE_TAILS)),
            tuple(_ARTICLES), tuple(sorted(_KUNYA)))


if backend.NATIVE is not None:
    backend.NATIVE.place_gates_config(place_gates_words())
