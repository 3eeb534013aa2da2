"""Bare facility names: `الهول` with no head word next to it is the camp or the town, by what the text says.

Outlets name a facility bare once the reader knows it (`الهول` a sentence after `مخيم الهول`), in headlines
(`من غويران لـ«الهول»`), in quotes, in lists with other facility names, or in sentences about detainees and
tents; the same word after "the town of", "near", in a list of towns or as a city's name is the place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from services.enrich import backend
from services.enrich.attach import kind_payload
from services.enrich.context import _JOIN_RE as _HEAD_JOIN_RE
from services.enrich.context import (
    _TOWN_SELF,
    PLACE_CUES,
    _cue_set,
    cue_before,
    cue_list,
    facility_context,
    outlet_word_after,
    prev_word,
    town_close,
)
from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.matcher import PAYLOAD, key_tokens
from services.enrich.names import quoted
from services.enrich.normalize import TOKEN_RE, fold, fold_text, has_latin
from services.enrich.openworld import OpenFacility
from services.enrich.places import natural_feature
from services.enrich.resolve import Cand
from services.enrich.scanner import scan_select
from services.enrich.scouts import match_starts, needle_starts, scout_caseless, scout_literals
from services.enrich.senses import riders_idiom
from services.enrich.variants import facility_cache, remember, same_sounds, skeleton, variant_of


def scouted(caseless: list[str], literal: list[str]) -> re.Pattern[str]:
    """One scout for a pattern whose every match opens with one of these words (`caseless`: matched as an
    IGNORECASE pattern matches them; `literal`: Arabic, as written): its hits are the only positions where the
    pattern can start (scouts.py)."""
    parts = ([scout_caseless(caseless)[0].pattern] if caseless else []) \
        + ([scout_literals(literal)[0].pattern] if literal else [])
    return re.compile("|".join(parts))


def search_scouted(pattern: re.Pattern[str], scout: re.Pattern[str], text: str, lo: int,
                   hi: int) -> re.Match[str] | None:
    """pattern.search(text, lo, hi) when every match of the pattern opens where `scout` matches (one character,
    at C speed): the pattern is tried at those positions only, in text order, so the first that matches is the
    leftmost match, as search gives it (a lookbehind still sees the text before each position). A pattern ending
    in `$` over a window tried at every character costs ~3 us a call; most windows hold no scout hit."""
    m = scout.search(text, lo, hi)  # (each scout hit is one character: the next search starts one past it)
    while m is not None:
        p = m.start()
        got = pattern.match(text, p, hi)
        if got is not None:
            return got
        m = scout.search(text, p + 1, hi)
    return None


_FROM_TO_RE = re.compile(r"^\s*(?:[\"«»“”„‟‹›'’]\s*)*(?:الى|إلى|الي|إلي|نحو|لـ|ل|to|and)\s*(?:[\"«»“”„‟‹›'’]\s*)*$")
_FROM_BEFORE = frozenset(("من", "from", "between", "بين"))
# a base "in" the town (`القاعدة الأمريكية في الشدادي`, `قاعدتها في الشدادي`, rule 26c): where the base is, the town
_BASE_IN_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:ال)?(?:قاعد(?:ة|ه|تها|تهم|ته)|قواعد)"
                                r"(?:[ \u00a0]+(?:ال)?[\u0621-\u064a]+(?:ي|ية|يه)){0,2}"
                                r"[ \u00a0]+(?:في|داخل|قرب)[ \u00a0]+$")
# "to" a base (a definite base takes its adjective or nationality: `القاعدة الأمريكية`, `قاعدة عسكرية`, `قاعدتها`) or a
# prison right after a bare name moved "from" (rule 26c); `القاعدة` alone may be al-Qaeda, a camp or a centre may be
# where the displaced go
_TO_SITE_AFTER_RE = re.compile(r"[ \u00a0]+(?:إلى|الى|إلي|الي|نحو)[ \u00a0]+(?:(?:ال)?قاعد(?:ة|ه)[ \u00a0]+(?:ال)?"
                               r"[\u0621-\u064a]+(?:ي|ية|يه)(?![\u0621-\u064a])|قاعدت(?:ها|هم|ه)|(?:ال)?قواعد|"
                               r"(?:ال)?(?:سجن|سجون|معتقل)(?![\u0621-\u064a]))")


class Spans:
    """Spans indexed by start and by end, for "is one within a few characters of here" questions (only where
    spans end and start is asked): the distinct ends and starts, sorted, so a question is two bisections.
    Built on the first question (several of a text's indexes are never asked), each half on the first question
    that needs it (the heads' index is only asked where spans end); `make` gives the spans then."""

    __slots__ = ("_ends", "_make", "_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]] | None = None,
                 make: Callable[[], list[tuple[int, int]]] | None = None) -> None:
        self._make = make if make is not None else (lambda: spans or [])
        self._spans: list[tuple[int, int]] | None = None
        self._ends: list[int] | None = None
        self._starts: list[int] | None = None

    def _got(self) -> list[tuple[int, int]]:
        spans = self._spans
        if spans is None:
            spans = self._spans = self._make()
        return spans

    def _built(self) -> list[int]:
        if self._ends is None:
            self._ends = sorted(set(map(_SECOND, self._got())))
        return self._ends

    def _built_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = sorted(set(map(_FIRST, self._got())))
        return self._starts

    def add(self, s: int, e: int) -> None:
        ends = self._built()
        starts = self._built_starts()  # (both halves before the new span joins them)
        i = bisect_left(ends, e)
        if i == len(ends) or ends[i] != e:
            ends.insert(i, e)
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] != s:
            starts.insert(i, s)

    def ending_before(self, pos: int, reach: int) -> list[int]:
        """Ends of spans that end in [pos - reach, pos] (ascending)."""
        ends = self._ends
        if ends is None:
            ends = self._built()
        return ends[bisect_left(ends, pos - reach if pos > reach else 0) : bisect_right(ends, pos)]

    def starting_after(self, pos: int, reach: int) -> list[int]:
        starts = self._starts
        if starts is None:
            starts = self._built_starts()
        return starts[bisect_left(starts, pos) : bisect_right(starts, pos + reach)]


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


@dataclass(slots=True)
class Around:
    """What a bare name's reading depends on in its text."""

    heads: list[tuple[int, int, str]]  # head words and facilities named with their head (kind)
    # the Arabic ones among them whose head word is dual or plural: `مخيمي الهول وروج` lists camps, while
    # `مخيم نور شمس وطولكرم` joins a camp and a city
    listing: list[tuple[int, int, str]]
    heads_ix: Spans  # the heads' spans, by where they end
    named: set[str]  # ids of the facilities already named
    accepted: list[tuple[int, int]]  # spans of the facility mentions so far
    accepted_ix: Spans
    cores_ix: Spans  # every bare known name that is not a city
    towns_ix: Spans  # place readings that are no facility name ("Qamishli")
    cities: set[tuple[int, int]]  # spans whose place reading is a city (Palmyra, Nasiriyah)
    cores: list[Cand]
    # (facility id, folded name) of the bare names the text gives as a town somewhere (`وبلدة "الهول"`): the same
    # name elsewhere is the town too; another name of that facility is not ("al-Hout" beside "prison in Nasiriyah")
    town_ids: set[tuple[str, str]]
    towns: set[tuple[int, int]]  # the spans of those bare names (town_cued)
    placed: set[tuple[int, int]]  # bare names that are also a place's name (al-Hol, Palmyra)
    bare_named: set[str] = field(default_factory=set)  # ids of the facilities read from a bare name so far
    # folded surface -> the first end of an accepted span with that surface, for accepted[:n_named_ends]
    named_ends: dict[str, int] = field(default_factory=dict)
    n_named_ends: int = 0
    # the folded town names the accepted facilities are said to stand "in" (_seat_of_another), and how many of the
    # accepted spans have been read for them (the list grows as bare names are accepted: each span is read once)
    seats: dict[str, list[int]] = field(default_factory=dict)  # (the name's folded words -> where it stands)
    seats_read: int = 0
    core_starts: list[int] = field(default_factory=list)  # (the cores' starts, sorted, built on first use)
    core_order: list[Cand] = field(default_factory=list)  # (the cores in the order of core_starts)
    # (head_near's index of `listing` (True) or `heads` (False), built on first use: _head_near)
    near_ix: dict[bool, tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]] = field(default_factory=dict)


# "the (southern) countryside of" with its glued ل right before a bare name: the town's countryside
_COUNTRYSIDE_OF_BEFORE_RE = re.compile(r"(?:^|[\s،,(])(?:[وب]?ال|[وب])?(?:ريف|أرياف|ارياف|ضواحي|أطراف|اطراف)"
                                       r"(?:\s+ال(?:شمالي|جنوبي|شرقي|غربي|شمالية|جنوبية|شرقية|غربية))?\s+ل$")
# "to the east of" right before a bare name (`إلى الشرق من الشدادي`): a direction from the town
_DIRECTION_OF_BEFORE_RE = re.compile(r"(?:إلى|الى)\s+ال(?:شرق|غرب|شمال|جنوب|شمال\s+الشرقي|شمال\s+الغربي|جنوب\s+الشرقي|"
                                     r"جنوب\s+الغربي)\s+من\s+$")
# a slash right before a bare name (`ديريك/ المالكية`, `سري كانيه/رأس العين`): the name after another's
_SLASH_BEFORE_RE = re.compile(r"\s*/\s*$")
# two quoted names joined by `و` (`"الرقة" و"دير الزور"`): the closing quote, the conjunction, the opening quote
_QUOTED_AND_AFTER_RE = re.compile(r"[\"»”’']\s*و\s*[\"«“‘']")
_QUOTED_AND_BEFORE_RE = re.compile(r"[\"»”’']\s*و\s*[\"«“‘']$")


# rule 28h: a head word of the kind and an opening bracket right before a bare known name (`مركز (هلات)`, "the
# (Houri) centre", which was read): the bracket marks the name as quotes do (rule 9)
# (not `مركزي`: "central", `السجن المركزي (غويران)` is rule 18b's)
_HEAD_BRACKET_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]{0,2}(?:ال)?(?P<head>مخيم|مخيمي|مخيمات|سجن|سجني|سجون|"
                                 r"معتقل|معتقلي|مركز|مراكز)[ \u00a0]*\([ \u00a0]*$")
_HEAD_KIND_AR = {"مخيم": "camp", "مخيمي": "camp", "مخيمات": "camp", "سجن": "prison", "سجني": "prison",
                 "سجون": "prison", "معتقل": "prison", "معتقلي": "prison", "مركز": "prison", "مراكز": "prison"}


def _head_bracket(text: str, start: int, kind: str, placed: bool) -> bool:
    """An Arabic head word of `kind` and an opening bracket right before `start` (rule 28h); `مركز` ("centre", also a
    district's seat or a police station) only before a name no town bears."""
    if "(" not in text[max(0, start - 3) : start]:
        return False
    m = _HEAD_BRACKET_AR_RE.search(text, max(0, start - 16), start)
    return m is not None and _HEAD_KIND_AR[m.group("head")] == kind \
        and not (placed and m.group("head").startswith(("مركز", "مراكز")))


# rule 28h: an apposition right after a bare name that says what kind of site it is, in either language: ", a camp
# for displaced people", ", the camp north of Aleppo", `، المخيم الواقع ...`, `، وهو مخيم يؤوي ...`, `، وهو سجن ...`
_KIND_APPOSED_AR_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:(?:وهو|وهي|هو|هي)[ \u00a0]+)?(?:ال)?"
                                 r"(?P<head>مخيم|سجن|معتقل)(?![\u0621-\u064a])")
# the town's own words before a name: the town whatever follows (`بلدة الهول، المخيم ...` is no reading to guess)
_TOWN_ITSELF = frozenset(("town", "village", "city", "towns", "villages", "بلده", "البلده", "مدينه", "المدينه", "قريه",
                          "القريه", "ناحيه", "الناحيه", "بلديه", "البلديه", "حي"))


def _kind_apposed(text: str, end: int, kind: str) -> bool:
    """An apposition of `kind` right after a bare name (rule 28h)."""
    m = _APPOSED_HEAD_RE.match(text, end)
    if m is not None:
        return bool(m.group("det")) or _HEAD_KIND.get(m.group("head").lower()) == kind
    m = _KIND_APPOSED_AR_RE.match(text, end)
    return m is not None and ("camp" if m.group("head") == "مخيم" else "prison") == kind


def _quoted_town_pair(text: str, c: Cand, ar: Around) -> bool:
    """A quoted bare name coordinated with a quoted town that is no facility's name, either side (`تسأل عائلات في
    "الرقة" و"دير الزور" عن أبنائها المحتجزين في سجون قسد`): the towns a list of quoted places names, not the prison
    a quoted name alone would be (s25 mine25ar, rule 28a)."""
    m = _QUOTED_AND_AFTER_RE.match(text, c.end)
    if m is not None and ar.towns_ix.starting_after(m.end(), 0):
        return True
    b = _QUOTED_AND_BEFORE_RE.search(text, max(0, c.start - 6), c.start)
    return b is not None and bool(ar.towns_ix.ending_before(b.start(), 0))


# a comma and a US state's name right after a bare name: the American town of that name ("Palmyra, Missouri";
# fac27enw survey, rule 28w)
_US_STATE_AFTER_RE = re.compile(
    r",[ \u00a0]+(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Idaho|Illinois|"
    r"Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    r"Montana|Nebraska|Nevada|New[ \u00a0]+(?:Hampshire|Jersey|Mexico|York)|"
    r"(?:North|South)[ \u00a0]+(?:Carolina|Dakota)|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode[ \u00a0]+Island|"
    r"Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    r"West[ \u00a0]+Virginia|Wisconsin|Wyoming)\b(?![ \u00a0]+City|['’]s)")
# (not a city or a possessive of the state's name: "Rikers Island, New York City's main jail complex" is an apposition)


def bare_reading(text: str, c: Cand, e: Entry, ar: Around, gaz: Gazetteer) -> float | None:
    """The confidence that a bare known name (no head word next to it) means the facility, or None when
    it is the town. A town cue before it, a facility or head "in" it, or a list with a town wins; then a
    head coordinated with it ("al-Hol and Roj camps"), quotes, the facility already named in the text
    (coreference), a list joined to a facility mention or to another facility name, a "from X to Y" pair,
    or a sentence that speaks of the camp/prison. A city's name (Palmyra) needs words about the facility."""
    kind = e.kind or "camp"
    cs, ce = c.start, c.end  # (read once: the checks below ask them again and again)
    # (what the checks below ask again and again: the character after the name, the one before it, its script)
    nxt = text[ce : ce + 1]
    before1 = text[cs - 1 : cs]
    arabic = "\u0600" <= text[cs] <= "\u06ff"
    span = (cs, ce)
    if kind == "camp" and arabic and "لمخيم" in text[ce : ce + 120] and _the_camp_after_ar(text, c, ar, gaz):
        return 0.5  # `أحيا أهالي صبرا وشاتيلا الذكرى ... من مدخل المخيم`, `هدم 95 بيتاً في جنين ... ثلث المخيم`: the
        # sentence goes on to call the name "the camp", the text's only camp (rule 31g; `جنين ومخيمها`, `المدينة
        # والمخيم`, `بلدية جنين`, `من جنين إلى المخيم` stay the town)
    if span in ar.towns and not (e.cluster or nxt in ",،"
                                 or (kind == "camp" and (e.district or e.bare or "ity of" in text[cs - 8 if cs > 8
                                                                                                   else 0 : cs]))):
        return None  # (a name the text gives as a town: every check below up to the towns' own returns None unless
        # one of the few that give a reading can hold, each needing one of these (the tent city, the cluster word,
        # an apposition, a district's people, a camp's quarter); each check is pure, so skipping them is the same)
    if kind == "prison" and airbase_core(text, cs, ce) \
            and _FLIGHT_RE.search(text, (cs - 40 if cs > 40 else 0), min(len(text), ce + 40)) is not None \
            and _HELD_WORDS_RE.search(text, (cs - 80 if cs > 80 else 0), min(len(text), ce + 80)) is None \
            and not detention_frame(text, cs, kind):
        return None  # "a prison official flew in to Hama airport", `وصل وفد إلى مطار حماة على متن طائرة`: flights at
        # an airbase the gazetteer lists as a detention site are the airfield's (rule 25m)
    if nxt == "," and not arabic and _US_STATE_AFTER_RE.match(text, ce) is not None:
        return None  # "Palmyra, Missouri", "Lebanon, Pennsylvania": an American namesake town (fac27enw, rule 28w)
    if arabic and outlet_word_after(text, ce):
        return None  # `قال نازحون لروز بريس`: a name inside an outlet's (rule 15; prec22ar, rule 26x), no camp
    if arabic and _areas_such_as(text, cs):
        return None  # `في المناطق الرخوة كالتاجي والكاظمية`: areas such as these, towns (rule 23)
    if kind == "camp" and arabic and _team_of_camp(text, c):
        return None  # `ضمت المجموعة الأولى بلاطة وسلواد وجنين ونور شمس`: a camp's team in a sports report (rule 25v)
    if text[cs] < "\u0250" and _BASE_AFTER_EN_RE.match(text, ce) is not None:
        return None  # "the Azraq air base hosts F-16s": the base named after the town, no camp (rules 2, 26i)
    if kind == "camp" and text[cs] < "\u0250" and _TEAM_AFTER_EN_RE.match(text, ce) is not None \
            and _GAME_EN_RE.search(text, *_sentence_bounds(text, cs, ce)) is not None:
        return None  # "Shatila FC beat Burj in the cup final": a camp's club in a sports report (rule 26i, after 25v)
    # (the English words' gates below need a Latin letter in the text: an Arabic name in a text without one skips
    # them, each False there whatever its window holds)
    latin = not arabic or has_latin(text)
    if kind == "camp" and latin and "ity of" in text[(cs - 8 if cs > 8 else 0) : cs] \
            and _TENT_CITY_BEFORE_RE.search(text, (cs - 30 if cs > 30 else 0), cs) is not None:
        return 0.55  # "the sprawling tent city of al-Hol": the camp by its look, not the town "city of" names
        # (core25en survey, rule 28f)
    if e.cluster and arabic and before1 == " " and text[cs - 4 : cs - 1] in ("جمع", "مّع") \
            and prev_word(text, cs, frozenset()) in _CLUSTER_WORDS_AR:
        return 0.6  # `تجمع أطمة`, `مخيمات تجمع أطمة`: "the Atmeh cluster", the word for a cluster of camps right
        # before a cluster camp's name (rule 28u; `بلدة أطمة`, "tents in Atmeh" stay the town)
    if span in ar.towns:
        if nxt in ",،" and _kind_apposed(text, ce, kind) \
                and prev_word(text, cs, _OF).lstrip("وبلف") not in _TOWN_ITSELF:
            return 0.55  # "the market of al-Hol, a camp for displaced people": an apposition that names the kind
            # outweighs a town's word before the name (a market, shops), not the town's own word (rule 28h)
        if e.district and kind == "camp" and prev_word(text, cs, frozenset()) in _PEOPLE_OF \
                and _CAMP_LATER_RE.search(text, ce) is not None:
            return 0.55  # `أهالي اليرموك ... وسط المخيم`: a camp's district, its people, then the camp (rule 23)
        if kind == "camp" and e.bare and ("ar" if arabic else "en") in e.bare \
                and _QUARTER_OF_CAMP_RE.search(text, (cs - 60 if cs > 60 else 0), cs) is not None:
            return 0.6  # "the Hittin neighbourhood of Ain al-Hilweh", `حي حطين في عين الحلوة`: a quarter of a camp no
            # town shares its name with (rule 25e); "the Taamir quarter of Sidon" stays the city's
        return None
    if before1 == "(" and nxt == ")" and cs > 2 \
            and (any(not text[t : cs - 1].strip() for ix in (ar.towns_ix, ar.cores_ix)
                     for t in ix.ending_before(cs - 1, 3))
                 or any(cs - 4 <= t < cs and not text[t : cs - 1].strip() for _s, t in ar.cities)) \
            and not _named_at(text, cs - 1, ar):
        return None  # `في سجونها بالقامشلي والمالكية (ديرك)`, "Ras al-Ain (Serekaniye)": a town's other name in
        # brackets right after it is the town (rule 29g; the spent r28a split)
    if nxt == "," and text[cs] < "\u0250" \
            and (pm := _GIVEN_BEFORE_EN_RE.search(text, (cs - 20 if cs > 20 else 0), cs)) is not None \
            and pm.group(1) not in _NOT_GIVEN_EN and _PERSON_ROLE_AFTER_RE.match(text, ce) is not None:
        return None  # "Atif Al-Hout, director of Nasser Hospital": a person's family name and his post (rule 25z)
    if not arabic and (before1 == " " or before1 == "\u00a0"):
        if _honorific_before(text, cs):
            return None  # "Mr. Shatila presented himself", "Dr. Rukban", "Gen. Taji": an English honorific or a rank
            # right before the name, a person's family name (rule 32d)
        if full_name_en(text, cs, ce, gaz):
            return None  # "Nujin Derik, a leader of the YPG", "director Tawfik Sabouni": a capitalised given name
            # before the name, which a person's word around the pair makes a full name (rule 32d)
    if not arabic and e.id not in ar.named and _surname_elsewhere(text, cs, ce, gaz):
        return None  # "... Tawfik Sabouni ... where Sabouni and other former detainees were held": the family name of a
        # person the text named in full, read again alone, in a text that names no such site with its head (rule 32d)
    if e.id in ar.named and ar.accepted and before1 in " \u00a0\n" \
            and ("," in (lead40 := text[cs - 40 if cs > 40 else 0 : cs]) or "(" in lead40) \
            and (m := _FORMERLY_BEFORE_RE.search(text, (cs - 40 if cs > 40 else 0), cs)) is not None \
            and any(end == m.start() for _s, end in ar.accepted):
        # (a match holds a comma or a bracket and ends in a space, or one before a closing line break: `$`)
        return 0.6  # "Baghdad Central Prison, formerly Abu Ghraib": the named facility's old name (rule 24o)
    if e.id not in ar.named and ar.accepted and _seat_of_another(text, c, ar):
        return None  # `مركز الجدعة في ناحية القيارة ... تصل إلى القيارة`: the town another camp stands in (rule 24o)
    # a core that is also a common word or a person's name (`أشد العقاب`, `بشارة الراعي`, "Ronald Bucca"): only
    # strong evidence makes it the facility, not words about prisons or camps around it
    folded = fold_text(text[cs : ce])
    wordlike = bool(e.words) and (folded in e.words or (folded[:1] == "ل" and before1 == "ل"
                                                        and "ا" + folded in e.words))
    # (`للعقاب` "for punishment": ل + the word with its article's alef dropped is the same word; rule 25f)
    if arabic and nxt == " " and text[cs : cs + 2] != "ال" and _surname_after_ar(text, cs, ce):
        return None  # `عوفر كسيف عضو الكنيست ... إبعاد كسيف`: a given name, then a family name the text uses alone
        # elsewhere (rule 32k)
    if before1 == " " and (_given_name_before(text, cs, gaz, article=False, strict=not wordlike)
                           or _person_title_before(text, cs)):
        return None  # `رونالد بوكا`, `لرونالد بول بوكا`: a given name before a core that is also a person's name, with
        # or without the article; `سعد الدين باشا شاتيلا`, "Hamid Bey Shatila": an Ottoman title after a man's given
        # names, then his family name (rule 31d)
    # a camp no town shares its name with (data: `bare`): GeoNames' place of that name is the camp itself
    inherent = bool(e.bare) and ("ar" if arabic else "en") in e.bare \
        and (not wordlike or _word_read_as_name(text, cs, ce))
    if kind == "prison" and nxt == ":" and _INFAMY_AFTER_EN_RE.match(text, ce) is not None:
        return 0.55  # "ABU GHRAIB: THE PHOTOS THAT SHOOK WASHINGTON": a headline's subject, no dateline (rule 25a)
    if not arabic and nxt == " " and _LISTED_DISTRICTS_AFTER_RE.match(text, ce) is not None:
        return None  # "the siege of Ghwairan and al-Zohour neighborhoods", "the Ghwayran and Nashwa districts": a name
        # first in a list under a plural head of districts is a district's, no prison (rule 32f; rule 28y's singular)
    if not arabic and ((("eigh" in (lead48 := text[cs - 48 if cs > 48 else 0 : cs])
                         or "istrict" in lead48 or "uarter" in lead48) and _districts_before(text, c, lead48))
                       or (nxt in "\"”’' (" and _DISTRICT_AFTER_RE.match(text, ce) is not None)):
        return None  # "the neighbourhoods around Ghwayran", "the neighborhoods of Guweiran, al-Nashwa and ...", "the
        # \"Gweran\" neighbourhood", "the Ghweiran (Ghwayran neighborhood)": the district of a prison's name, no prison
        # (core27en survey, rule 28y; the singular before or after the name is a town cue already)
    if nxt == ":" and (m := _APPOSED_HEAD_COLON_RE.match(text, ce)) is not None \
            and (m.group("det") or _HEAD_KIND.get(m.group("head").lower()) == kind):
        return 0.55  # "Zaatari: a Camp and not a City": a headline's subject and what it is, no dateline (rule 26h)
    if nxt == ":" and (cs == 0 or text[cs - 1] == "\n") \
            and (m := _HEADLINE_GLOSS_RE.match(text, ce)) is not None \
            and _SITE_KIND.get(m.group("head").lower(), kind) == kind:
        return 0.55  # "Silivri: Inside Turkey's Controversial Mega-Prison": a headline glosses its opening name with a
        # country's prison or camp (rule 26k)
    if _lead_only(text, cs) and _DATELINE_AFTER_RE.match(text, ce):
        if span in ar.cities and not inherent:
            return None  # a city's dateline: "طولكرم: أنذر الجيش ...", "DEIR AL-BALAH:"
        if any(k == kind for _s, _e, k in ar.heads):
            if not inherent and span in ar.placed \
                    and (text[cs : ce].isupper() or _named_again(text, c, ar.cores)):
                return None  # "ZAATARI, Jordan — ... Zaatari has streets ...": the town is the dateline, the
                # camp the name read again in the text; a wire dateline in capitals ("AL-HOL, Syria (AP) —")
                # is where the reporter files from, the town
            if not inherent and text[cs : ce].isupper() and _WIRE_COUNTRY_AFTER_RE.match(text, ce):
                return None  # "RAFHA, Saudi Arabia (Reuters) -": a wire dateline in capitals before its country is
                # the town the reporter files from, though no gazetteer lists it (rule 21b; en20 survey, rule 25s)
            return 0.55  # "AIN AL-HILWEH (Lebanon) - ... the largest refugee camp": the camp's own dateline
        if not inherent and not arabic and text[cs : ce].isupper() and _CAPS_DASH_AFTER_RE.match(text, ce):
            return None  # "HAMMAM AL-ALIL — Police gave food to displaced families", "KHANKI, Kurdistan Region -":
            # a wire dateline in capitals before a dash naming a town that shares a camp's or prison's name, in a text
            # with no head of that kind anywhere, is where the reporter files from (rule 31e; rule 21b; a headline's
            # "Al-Hol: ..." or `البداوي (لبنان):` is its subject, the camp)
    if nxt in "،," and _DATED_AFTER_RE.match(text, ce) is not None:
        return None  # `العراق. ابوغريب، 23/7، اخبار الآن –`: a dateline's place and day, where the reporter files
        # from (rule 21b, 24g)
    if caps_dateline(text, cs, ce):
        return None  # "GUANTANAMO BAY NAVAL BASE, Cuba (AP) —": a wire dateline in capitals is where the reporter
        # files from (rule 21b), the base, not the prison
    if kind == "camp" and nxt == " " and _DISPLACED_CAMP_AFTER_RE.match(text, ce):
        return 0.6  # "the Zamzam Internally Displaced Persons (IDP) camp": the head's long form, a bracket inside
    if _RIVER_AFTER_RE.match(text, ce):
        return None  # "the Yarmouk River", "Zaatari school", "Hol hospital": the river, a building, not the facility
    if not arabic and text[cs - 3 : cs] == "of " and _SHRINE_OF_BEFORE_RE.search(text, max(0, cs - 40), cs):
        return None  # "the Convent of Our Lady of Saydnaya": a monastery or church named after the town (rule 26r), no
        # prison even beside "the prison" (rule 29l)
    if kind == "camp" and nxt == " " and _AIRPORT_AFTER_RE.match(text, ce):
        return None  # "Marka airport ... now hosts regional flights": the airport of the camp's district, no camp (rule
        # 29l; a prison's airbase stays the detention site, rule 25m)
    if kind == "prison" and nxt in " ," and "airport" not in e.id and not arabic \
            and (_AIRPORT_AFTER_RE.match(text, ce) is not None or _AIRPORT_APPOSED_RE.match(text, ce) is not None) \
            and _PRISON_HEAD_AFTER_AIRPORT_RE.match(text, ce) is None:
        return None  # "Mitiga airport said all flights had been rerouted", "Mitiga, a former military air base,",
        # "Mitiga has been a civilian airport": the airport a prison stands in, named so, is the airport (rule 32f; the
        # gazetteer's airbase prisons, Mezzeh's, Hama's, Muthanna's, stay the detention sites, rule 25m)
    if latin and "ourt" in (lead20 := text[cs - 20 if cs > 20 else 0 : cs]) and _COURT_AT_RE.search(lead20):
        return None  # "the military court at Ofer": the court that sits there (rule 15), not the prison
    if latin and "olice" in (lead80 := text[cs - 80 if cs > 80 else 0 : cs]) \
            and _POLICE_AT_RE.search(lead80) is not None:
        return None  # "the Helou police station (Sakanet El-Helou) in Mar Elias": where a police station stands, the
        # town or district, not the camp (neg27, rule 28z)
    if "محكم" in (lead60 := text[cs - 60 if cs > 60 else 0 : cs]) and _COURT_IN_AR_RE.search(lead60):
        return None  # `محكمة جنايات مكافحة الفساد في الرصافة`: where the court sits (rule 15), not the prison
    if before1 == " " and natural_feature(text, cs, ce):
        return None  # `بحيرة الحبانية`, "Lake Habbaniyah": the lake the camp's town is named for (rule 25b)
    if text[cs : cs + 3] == "نهر" and _word_before(text, cs) in _WATER_BEFORE:
        return None  # `تراجعت مياه نهر البارد`: the river the camp is named for
    if latin and "in " in text[(cs - 4 if cs > 4 else 0) : cs] \
            and "ministrat" in text[(cs - 24 if cs > 24 else 0) : cs] \
            and _ADMINISTRATION_IN_RE.search(text, (cs - 40 if cs > 40 else 0), cs) is not None:
        return None  # "the Kurdish-led administration in Ain Issa called on ...": the seat of a government is the
        # town (the camp's own administration says so: "the camp administration in al-Hol"; core25en, rule 28f)
    if before1 == " " and _given_name_before(text, cs, gaz):
        return None  # "Mahmoud Rukban, a lawmaker", `الناشط مصطفى الشدادي`: a person's family name
    if nxt == " " and _PSEUDONYM_AFTER_RE.match(text, ce) is not None:
        return None  # "BISHKEK -- Aida (a pseudonym) says her sister is still in al-Hol": a person named so by the
        # outlet, no camp of that name (mine25en survey, rule 28b)
    if before1 in "\"«“'‘" and _TITLE_BEFORE_RE.search(text, (cs - 24 if cs > 24 else 0), cs):
        return None  # `افتتح معرض "الهول" للكتاب`, a film, a song, a band of the name
    if kind == "prison" and latin and ("rea" in (lead30 := text[(cs - 30 if cs > 30 else 0) : cs]) or "iot" in lead30
                             or "scape" in lead30) and _BREAK_AT_RE.search(text, (cs - 30 if cs > 30 else 0), cs):
        return 0.55
    if ("بين" in (lead60 := text[(cs - 60 if cs > 60 else 0) : cs]) or "between" in lead60) \
            and _ROAD_BEFORE_RE.search(text, (cs - 60 if cs > 60 else 0), cs) is not None:
        return None  # `الطريق الواصل بين الشدادي والهول`, "the road between Shaddadi and Hol": two towns
    if ((word := prev_word(text, cs, _NO_SKIP)) in _NEAR_WORDS
            or (word == "to" and _CLOSE_TO_RE.search(text, (cs - 16 if cs > 16 else 0), cs) is not None)) \
            and any(_SENTENCE_BREAK_RE.search(text, t, cs) is None
                    for t in ar.accepted_ix.ending_before(cs, 60)):
        return None  # "At Mam Rashan, on a windy hillside near Sheikhan": where the facility named before it is
    if _SURROUNDINGS_AFTER_RE.match(text, ce) is not None:
        return None  # `في الشدادي ومحيطها`, "Shaddadi and its outskirts": a town and what is around it
    if latin and ("km" in (lead40 := text[(cs - 40 if cs > 40 else 0) : cs]) or "ilomet" in lead40
                  or "mile" in lead40):
        if _DISTANCE_BEFORE_RE.search(text, (cs - 40 if cs > 40 else 0), cs) is not None:
            return None  # "Jad'ah camp, about 7 km from Qayyarah": a distance is measured from a town
    if latin and ("name" in (near := text[(cs - 30 if cs > 30 else 0) : ce + 30]) or "call" in near or "known" in near
            or "dubbed" in near) and _renamed(text, c, e, ar.cores, ar.placed):
        return 0.6  # "Gweiran, now renamed Panorama": two names of one facility, its old and its new name
    if nxt == "," and (m := _APPOSED_HEAD_RE.match(text, ce)) is not None \
            and (m.group("det") or _HEAD_KIND.get(m.group("head").lower()) == kind):
        return 0.6  # "Bucca, the sprawling US-run detention camp", "Roj, the smaller camp": an apposition of the
        # kind after the name (a town's word among its words makes it the town: "Sednaya, a town with a prison")
    if nxt in "'’" and (m := _POSSESSIVE_RE.match(text, ce)) is not None \
            and any(s == m.end() for s, _e in ar.accepted):
        return None  # "Raqqa's al-Aqtan jail": the town another named facility is in
    if nxt in "'’" and _POSS_QUARTER_AFTER_RE.match(text, ce) is not None:
        return None  # "a school in the town of Ayn Issa, to Raqqa's north", "Hasakah's outskirts": a part or side
        # of the place (rule 19's quarter after a possessive; core25en survey, rule 28f)
    if nxt == " " and (m := _GROUP_HEAD_AFTER_RE.match(text, ce)) is not None \
            and ("camp" if m.group(1).lower() == "camp" else "prison") == kind:
        return 0.6  # "the al-Hol Islamic State camp", "the al-Shaddadi ISIL prison": the group held there stands
        # between the name and its head (core25en survey, rule 28f)
    if _ORG_AFTER_RE.match(text, ce) is not None or (
            _longer_name_after(text, ce)
            and not any(ix.starting_after(ce + 1, 0) for ix in (ar.cores_ix, ar.heads_ix, ar.towns_ix))):
        return None  # "the Roj Women's Association", "Hol News Network": an organisation that bears the name;
        # "Roj Women, a London charity": a longer proper name the bare name opens (rule 25i; not a known name or
        # place right after it: "Qayyarah Jeddah 5", rule 24o)
    if text[ce : ce + 2] == ", " and (m := APPOSITION_AFTER_RE.match(text, ce)) is not None \
            and m.group("city") is None and apposition_number_ok(m) and apposition_facility_ok(text, m) \
            and ("camp" if m.group("head")[:1] in "cr" else "prison") == kind:
        return 0.6  # "Atmeh, the largest cluster of camps in the area, was ...": the name in apposition to its kind
    if (_named_for_before(text, cs) and not _COUNTED_FAMILIES_RE.search(text, (cs - 20 if cs > 20 else 0),
                                                                                            cs)) \
            or search_scouted(_IDIOM_BEFORE_RE, _IDIOM_BEFORE_SCOUT, text, (cs - 24 if cs > 24 else 0), cs) \
            or (text[cs : ce] == "الركبان" and riders_idiom(text, cs)):
        return None  # `مستشفى اليرموك`, `مطار تدمر العسكري`, `عائلة الركبان`, `جسر بزيبز`, "the Bucca family": a
        # hospital, an airport, a bridge, a family of the name; `سارت بها الركبان` ("the riders carried it": the news
        # spread far)
    if arabic and kind in ("camp", "prison") and _text_defines_town_ar(text, c):
        return None  # `الهول هي بلدة شرقي الحسكة ... جرى تحرير الهول`: a text about the town the name is (rule 32j)
    if span in ar.placed and _town_in_sentence(text, c):
        return None  # earlier in the sentence it is a town: `أهالي بلدة الهول ... منازلهم في "الهول"`
    if (m := search_scouted(_HEAD_STAFF_AT_RE, _HEAD_STAFF_SCOUT, text, (cs - 50 if cs > 50 else 0), cs)) is not None \
            and ("camp" if m.group(1).lower() == "camp" else "prison") == kind:
        return 0.6  # "the camp director at nearby Roj", "prison guards at Saydnaya": the facility's own people
    if kind == "camp" and "لجن" in (lead48 := text[cs - 48 if cs > 48 else 0 : cs]) \
            and (cm := _CAMP_COMMITTEE_BEFORE_RE.search(lead48)) is not None \
            and ("لاجئ" in cm.group() or "خدمات" in cm.group() or span not in ar.cities):
        return 0.6  # `اللجنة الشعبية للاجئين في البريج`, `لجنة خدمات الأمعري`: a Palestinian camp's own popular or
        # services committee, named after the camp (rule 11); a city's (Jenin) needs "for refugees" or "services"
    if latin and "uards" in (lead24 := text[cs - 24 if cs > 24 else 0 : cs]) \
            and span not in ar.cities and _GUARDS_EN_RE.search(lead24) is not None:
        return 0.6  # "the SDF's guards at al-Shaddadi": the site's own guards (a city's may be anyone's; rule 25i)
    if kind == "prison" and latin and (" of" in lead24 or " of" in text[cs - 28 if cs > 28 else 0 : cs]) \
            and span not in ar.placed and span not in ar.cities \
            and _GATES_OF_EN_RE.search(text, cs - 40 if cs > 40 else 0, cs) is not None:
        return 0.6  # "the front gate of Evin", "the gates of Evin": a prison's gate or walls before "of" and a name no
        # town or city bears (a city's walls and gates are its own, rule 24g; bare26en survey, rule 28o)
    if kind == "prison" and span not in ar.cities \
            and search_scouted(_SECTION_IN_RE, _SECTION_IN_SCOUT, text, (cs - 40 if cs > 40 else 0), cs):
        return 0.6  # `سجن الأحداث في رومية`, "the women's prison at Roumieh": a wing of the known prison
    if kind == "camp" and "قسم" in text[(cs - 30 if cs > 30 else 0) : cs] \
            and _CAMP_SECTION_IN_RE.search(text, (cs - 30 if cs > 30 else 0), cs) is not None:
        return 0.6  # `قسم المهاجرات في الهول`: the camp's section for foreign women
    if kind == "camp" and inherent and _QUARTER_OF_CAMP_RE.search(text, (cs - 60 if cs > 60 else 0), cs) is not None:
        return 0.6  # (the same, where no town cue was read before it)
    if kind == "prison" and airbase_core(text, cs, ce) \
            and detention_frame(text, cs, kind):
        return 0.55  # `وسجن في مطار حماة العسكري`, "a prison at Mezzeh military airport": the prison in an airbase
        # the gazetteer lists as a detention site (rule 25m)
    lead = text[cs - 14 if cs > 14 else 0 : cs]
    if ("at " in lead or "both " in lead or "كل من" in lead) \
            and (m := _PLURAL_IN_RE.search(text, (cs - 30 if cs > 30 else 0), cs)) \
            and _plural_kind_ok(m.group(0), kind) \
            and _joined(text, c, Spans([(o.start, o.end) for o in ar.cores]), _AND_RE):
        return 0.55  # "the ISIS camps at Al Hol and Al Roj", "jails at Taji and Abu Ghraib" (a city's name too):
        # a plural head's list of known names, not one town
    if latin and lead.endswith(("such as ", "including ", "like ")) \
            and (m := _PLURAL_SUCH_AS_RE.search(text, (cs - 70 if cs > 70 else 0), cs)) is not None \
            and _plural_kind_ok(m.group(1), kind):
        return 0.55  # "prisons in the Kurdistan Region such as Susa": an example of the plural head's kind
    if lead.endswith((" and ", ", ")) \
            and (m := _PLURAL_SUCH_AS_LIST_RE.search(text, (cs - 110 if cs > 110 else 0), cs)) is not None \
            and _plural_kind_ok(m.group(1), kind):
        return 0.55  # "other centres in the capital, including Abu Salim and Tariq al-Sikka": a later name of the list
    if arabic and ("سجون" in (near110 := text[(cs - 110 if cs > 110 else 0) : cs]) or "مخيمات" in near110
                   or "معتقلات" in near110) and _plural_such_as_ar(text, cs, kind):
        return 0.55  # `السجون الكبيرة كرومية وزحلة والقبة`, `المخيمات مثل الزعتري والأزرق`: the examples of a
        # definite plural head of the kind, the Arabic "prisons such as" (rule 28u)
    if latin and text[cs - 3 : cs] in ("at ", "in ") \
            and (m := _THE_HEAD_AT_RE.search(text, (cs - 48 if cs > 48 else 0), cs)) is not None \
            and (not m.group("adj") or span not in ar.cities) \
            and ((h := m.group(2).lower().removesuffix("s")) in ("facility", "site", "complex")
                 or ("camp" if h == "camp" else "prison") == kind):
        return 0.6  # "the prison at Taji", "the camp at Roj", "the overcrowded facility at al-Hol": the definite head
        # is the known facility there ("facility", "site", "complex" are either kind's)
    if wordlike and kind == "camp" and _residents_sentence(text, c):
        return 0.5  # "Many residents had not set foot outside Ashraf in years", `في أشرف حين قُتل 52 من السكان العزل`:
        # a camp's word-like name where the sentence speaks of its residents (bare23 survey, rule 27c)
    if wordlike and kind == "camp" and _refugee_camp_sentence(text, c):
        return 0.5  # `يقطن الوحدات 57 ألف لاجئ ... ويشكو المخيم`, `وفي البقعة استبدلت الأونروا خيام اللاجئين`: a camp's
        # word-like name in a sentence about its refugees and the camp or UNRWA (camp19 survey, rule 25l)
    if (fold(text[cs : ce]) in _common_words(gaz) and not e.open_name) \
            or ((hm := search_scouted(_HEAD_IN_RE, _HEAD_IN_SCOUT, text, (cs - 24 if cs > 24 else 0), cs)) is not None
                and not detainee_person(text, hm.start())):
        return None  # الوحدات ("the units"); `سجن آخر في التاجي`, "a prison in Shaddadi": the town (a site beyond the
        # region, "Moria", is kept from GeoNames by that list, no common word: its `word` guard reads it; rule 24m)
    # (the word before past "of"/`من`: the word before itself unless it is one; read again below: the same word)
    prev = word if word not in _OF else prev_word(text, cs, _OF)
    if prev in _KUNYA or prev.lstrip("\"«“'") in _ERA \
            or search_scouted(_ORIGIN_RE, _ORIGIN_SCOUT, text, (cs - 30 if cs > 30 else 0), cs) is not None:
        return None  # `أبو أشرف العرموشي`: a person's kunya; `نزحت من سري كانيه`: the town people fled
    if kind == "camp" and span in ar.placed \
            and (_FROM_BEFORE_RE.search(text, (cs - 8 if cs > 8 else 0), cs) is not None
                 or (before1 == "(" and nxt == ")" and _PLACE_BEFORE_PAREN_RE.search(text, (cs - 40 if cs > 40 else 0),
                                                                                     cs - 1) is not None)) \
            and _origin_named(text, c, e, gaz):
        return None  # "families from Serekaniye", `عائلات من سري كانيه`, "Ras al-Ain (Serekaniye)": the town its
        # people fled, for which the camp far from it is named (fix24, rule 27e); `مخيم سري كانيه` keeps its head
    if kind == "prison" and span in ar.placed and _prison_chain(text, c, e, ar, gaz):
        return 0.55  # `قضى سبع سنوات في تدمر قبل أن يُنقل إلى صيدنايا`, "first taken to Mezzeh, then moved on to
        # Saydnaya": a detainee moved from one known prison's name to another's that towns share (rule 27c)
    locative = cue_list(gaz.rules.core_context.locative)
    placed = span in ar.placed
    if placed and not inherent and arabic \
            and (search_scouted(_ORIGIN_WIDE_RE, _ORIGIN_WIDE_SCOUT, text, (cs - 40 if cs > 40 else 0), cs) is not None
                 or (not e.district
                     and search_scouted(_RETURN_TO_RE, _RETURN_TO_SCOUT, text, (cs - 16 if cs > 16 else 0), cs))):
        return None
    if (prev in locative or (prev[:1] in "وبلف" and prev[1:] in locative)) and not inherent and placed:
        return None  # بريف ديريك (near Nour Shams, `محيط عوفر`: no town bears that name, the facility is meant)
    if placed and not inherent and _battle_nears(text, cs, arabic):
        return None  # `دنو المعارك من عين عيسى`, "as the fighting drew closer to Ain Issa": a front nears the town of
        # the name, not its camp or prison (bare29 survey, rule 29h; the r28a split's "the battles near Ain Issa")
    if placed and not inherent and not e.district and arabic and ("حي" in (lead30 := text[(cs - 30 if cs > 30 else 0)
                                                                                        : cs]) or "حار" in lead30) \
            and _QUARTER_OF_TOWN_AR_RE.search(lead30) is not None:
        return None  # `منازلهم في الحي الغربي من الهول`: a quarter of the town the name shares, no camp (bare29, rule
        # 29h; a camp no town shares its name with keeps its quarters: `حي الطوارئ في عين الحلوة`, rule 25e)
    if span in ar.cities and not inherent and (
            (not arabic and (prev.lower() in _TAKEN_EN or text[cs - 8 : cs].lower() == "fall of "))
            or (arabic and prev in _FALL_AR)
            or (arabic and prev == "علي" and _TAKEN_ON_AR_RE.search(text, max(0, c.start - 40), c.start) is not None)):
        return None  # "Militants seized Palmyra ... its notorious prison", `سيطر تنظيم داعش على تدمر`: a city taken or
        # besieged is the city, whatever prison it holds (blind r27f, rule 29b; a camp or a district is left to the
        # words around it: "government forces took over al-Hol" in 2026 is the camp)
    if not inherent and (prev in _AREA_WORDS or (prev[:1] in "وبلف" and prev[1:] in _AREA_WORDS)):
        return None  # `مناطق باب السلامة ومارع`: the area of the name, a place people crowd into, not its camp
        # (rule 1: "the Rukban area"; a name no town of the gazetteer bears as well: rule 26s)
    if any(_IN_RE.fullmatch(text, t, cs) for t in ar.accepted_ix.ending_before(cs, 8)):
        return None  # `معسكر سديه تيمان في النقب`: where the named facility is
    if any(_HEAD_WORDS_IN_RE.fullmatch(text, h_end, cs) and not detainee_person(text, h_end - 5)
           for h_end in ar.heads_ix.ending_before(cs, 30)):
        return None  # `مركز الاحتجاز المؤقت في الشدادي`, "a makeshift prison in Shaddadi": where a facility is
    if placed and _joined(text, c, ar.towns_ix, _LISTED_RE) \
            and not (inherent and _COUNTRY_GLOSS_RE.match(text, ce)) \
            and not _POSSESSIVE_NEXT_RE.match(text, ce) \
            and not (_VERB_NEXT_RE.match(text, ce) and _same_name_read_bare(text, c, ar)) \
            and not (text[cs - 2 : cs] == ", "
                     and (_VERB_NEXT_RE.match(text, ce) or _BE_NEXT_RE.match(text, ce))
                     and _INTRO_IN_RE.search(text, (cs - 70 if cs > 70 else 0), cs - 2) is not None):
        return None  # "in Qamishli and Malikiyah": one of a list of towns (not "X (Lebanon)": a gloss; nor the
        # subject after a sentence's opening phrase, "In Hasakah province, al-Hol is ...": rule 29a)
    if nxt in " ," and text.startswith(_IS_A_TOWN_OPENERS, ce) and _IS_A_TOWN_AFTER_RE.match(text, ce):
        return None  # "Evin is a district of Tehran": the text says what the name is, a town or a quarter (rule 24m)
    if arabic and nxt in "،,.:…—–-" and _TOWN_APPOSITION_AR_RE.match(text, ce) is not None:
        return None  # `صيدنايا... مدينة التاريخ والتعايش التي وصمها السجن`, `تدمر، المدينة الأثرية`: an apposition
        # calls the name a town (the Arabic of "Sednaya, the quiet town above the prison"; rules 19b, 30f)
    if search_scouted(_DISTANCE_FROM_RE, _DISTANCE_FROM_SCOUT, text, (cs - 24 if cs > 24 else 0), cs) is not None:
        return None  # `على بعد ثلاثة كيلومترات من الركبان`, "5 km from al-Hol": a distance is measured from the place
        # (rule 25y)
    if nxt in " ,—–-" and (m := _SITE_APPOSITION_RE.match(text, ce)) is not None \
            and _SITE_KIND.get(m.group("head").lower(), kind) == kind:
        return 0.55  # "Al-Hut -- "the whale" -- a sprawling complex", "Qarchak, a notorious prison": a gloss names the
        # bare name's kind of site (rule 25y)
    if kind == "prison" and span not in ar.cities and _FIGURE_AFTER_RE.match(text, ce) is not None \
            and _DESCRIBED_BEFORE_RE.search(text, (cs - 24 if cs > 24 else 0), cs) is not None:
        return 0.55  # "Released Palestinians described Ofer as a slaughterhouse", `يصفون عوفر بالمسلخ`: a figure of the
        # prison's cruelty (bare20 survey, rule 26e; a city described so stays the city)
    if nxt in "،,.:…—–- " and (m := _SITE_APPOSITION_AR_RE.match(text, ce)) is not None \
            and _SITE_KIND.get(m.group("head"), kind) == kind:
        return 0.55  # `زار الوفد الأزرق، ثاني أكبر مخيم للاجئين في الأردن`: an apposition after the Arabic comma
        # names the bare name's kind by a superlative, the English "Zaatari, the largest camp" (bare21ar, rule 26r)
    if nxt == " " and (m := _IS_A_SITE_AFTER_RE.match(text, ce)) is not None \
            and _SITE_KIND.get((m.group("head") or m.group("head_ar")).lower(), kind) == kind:
        # ("described Ghwayran as one of the biggest sites where the group's fighters are locked up": a detention
        # site of either kind, rule 25z)
        return 0.55  # `يُعرف إيفين بين الإيرانيين بأنه أسوأ سجون البلاد`, "Evin is the country's most notorious prison":
        # the text says what the name is, the facility (rule 25a; the mirror of the town above)
    if nxt == "," and not arabic and (m := _PLACED_IS_A_SITE_RE.match(text, ce)) is not None \
            and _SITE_KIND.get(m.group("head").lower(), kind) == kind:
        return 0.55  # "Saydnaya, in the Qalamoun mountains 26 km north of Damascus, is one of the Assad regime's most
        # notorious prisons": where it lies, then what it is (rule 29l; a town word there keeps the town)
    if nxt in " ," and (m := _SITE_MEASURE_AFTER_RE.match(text, ce)) is not None \
            and _SITE_KIND.get(m.group("head").lower() if m.group("head") else "camp", kind) == kind:
        return 0.55  # "Baqa'a ... has more refugees than any other camp in Jordan", "Zaatari opened in 2012 for 6,000
        # people and now holds more than 100,000": the name measured against its kind or by the people it opened
        # for, the facility (bare21en survey, rule 26q)
    if _AREA_AFTER_RE.match(text, ce):
        return None  # "the Rukban area", "Hol subdistrict"
    if arabic and before1 == "ل" and _COUNTRYSIDE_OF_BEFORE_RE.search(text, (cs - 24 if cs > 24 else 0), cs):
        return None  # `ابن قرية في الريف الجنوبي لسري كانيه`: the countryside of the town (s25 mine25ar, rule 28a)
    if arabic and _DIRECTION_OF_BEFORE_RE.search(text, (cs - 20 if cs > 20 else 0), cs):
        return None  # `سجن "الكتيبة" إلى الشرق من الشدادي`: where another site lies, measured from the town (rule 28a)
    if (sl := _SLASH_BEFORE_RE.search(text, (cs - 3 if cs > 3 else 0), cs)) is not None \
            and (ar.towns_ix.ending_before(sl.start(), 0) or any(pe == sl.start() for _ps, pe in ar.placed)):
        return None  # `في ديريك/ المالكية`: a town's two names joined by a slash (s25 mine25ar, rule 28a)
    if before1 == " " and search_scouted(_PLURAL_AROUND_RE, _PLURAL_AROUND_SCOUT, text, (cs - 40 if cs > 40 else 0),
                                         cs):
        return None  # "the biggest of the camps around Dadaab": the town the camps are around (rule 26k)
    if nxt in "،," and _POPULATION_AFTER_AR_RE.match(text, ce):
        return None  # `الهول، التي يسكنها نحو عشرة آلاف نسمة`: a town's inhabitants (a camp's are refugees, families)
    if nxt == ")" and e.id not in ar.named and _GLOSS_BEFORE_RE.search(text, cs - 3, cs) \
            and any(_GLOSS_BEFORE_RE.fullmatch(text, t, cs) for t in ar.accepted_ix.ending_before(cs, 3)):
        return None  # "the Nour Shams refugee camp (Tulkarm)": where the facility named before it is
    if (nxt == "," or nxt == "." or ce == len(text)) and not arabic and span in ar.cities and e.id not in ar.named \
            and _CAPTION_AFTER_RE.match(text, ce) is not None \
            and any(text[t : cs] == ", " for t in ar.accepted_ix.ending_before(cs, 2)):
        return None  # "killed in a raid in Nur Shams refugee camp, Tulkarem, October 20, 2023", "Jenin camp, Jenin,
        # West Bank": the city right after a named facility, then a date, a territory or the sentence's end, says
        # where the facility is, as a city in brackets does (rule 33j)
    if not inherent and nxt in "،," and _place_apposed(text, ce, arabic):
        return None  # "Reporting from Hamam Alil, Iraq", "Al-Hol, east of Hasakah", "Qayyarah, her old home town",
        # `في الجفر، حيث كان السجن`, `إلى التاجي، الواقعة على بعد 25 كيلومتراً`: an apposition after the comma gives
        # the name's country, its bearing from a town, "home town", "where ...", or an Arabic feminine participle or
        # relative (a town's gender; a camp or prison is masculine): the town, not its camp or prison (rule 31e)
    if _head_near(text, c, ar, arabic, e.kind):
        return 0.75 if e.id in ar.named else 0.6
    if e.cluster or e.town_name:
        return None  # "tents in Atmeh", `خيمتي في أطمة`: the town the cluster of camps is around; "a tent camp in
        # Tel al-Sultan, Rafah", `قُسّمت رفح ... من المخيم`: a town printed far more often than its site (rule 27d)
    if ar.town_ids and (e.id, fold(text[cs : ce])) in ar.town_ids and e.id not in ar.named \
            and not facility_context(text, c, kind, gaz, ar.accepted, near_ok=not placed, city=kind == "prison",
                                     owned=True):
        return None  # the text calls it a town elsewhere and names no such facility: `الشعب يريد "الهول"` (a
        # sentence of its own about the camp still means the camp: "families left al-Hol, camp officials said");
        # a prison's sentence is read as a city's is (rule 29f): inmates, cells, torture, not the arrests, releases
        # or flight a town's news has too (`قضاء التاجي ... اشتكى سكان التاجي من ... اعتقال`); and the town's own
        # prison or camp is no word about the name (`بسجنها`; rule 30f)
    if inherent and e.open_name and before1 == " " \
            and (gm := _CAP_WORD_BEFORE_RE.search(text, (cs - 24 if cs > 24 else 0), cs)) is not None \
            and gm.group(1) not in _NOT_GIVEN_BEFORE_EN and not _SENTENCE_START_RE.search(text, 0, gm.start(1)):
        return None  # "Coach Jan Rikers said": a capitalised word right before a site's name no town bears, inside
        # a sentence, makes a longer name, a person's (en20 survey, rule 25s; "HMP Belmarsh" is its prefix)
    if inherent and not _RIVER_AFTER_RE.match(text, ce) \
            and prev not in _INSTITUTIONS_BEFORE:
        return 0.75 if e.id in ar.named else 0.5  # "clashes in Ain al-Hilweh": no town bears the camp's name
    if _FORMERLY_RE.match(text, ce) and ar.accepted_ix.ending_before(cs, 30):
        return 0.7  # `سجن بغداد المركزي ("أبو غريب" سابقاً)`: the facility's former name, not the town
    if placed and e.id not in ar.named \
            and _VENUE_BEFORE_RE.search(text, (cs - 64 if cs > 64 else 0), cs) is not None:
        return None  # "a meeting with tribal leaders in Ain Issa", `اجتماع مع وجهاء العشائر في عين عيسى`: where a
        # meeting, talks or a conference were held is the town, not the camp the sentence's other words are about
        # (core24en survey, rule 27g)
    if kind == "prison" and _infamy(text, c, ar, gaz):
        return 0.55  # "the Abu Ghraib scandal", `فضيحة أبو غريب`, "worse than Abu Ghraib", `ما رآه في صيدنايا كان أسوأ
        # مما عاشه في أبو غريب`: the prison as the term of its infamy or of a comparison with a prison (rule 25a)
    if span in ar.cities and quoted(text, cs, ce) and _quoted_town_pair(text, c, ar):
        return None  # `أهالي "الرقة" و"دير الزور"`: quoted names coordinated with a quoted town are towns (rule 28a)
    if span in ar.cities and not e.district:
        if (e.id in ar.named or e.id in ar.bare_named) \
                and (_prep_before(text, cs) or prev_word(text, cs, frozenset()) == "of"):
            if _same_name_read_bare(text, c, ar) and not town_close(text, c, gaz):
                return 0.6  # "held at Qarchak, a prison on the edge of Tehran ... Conditions at Qarchak": the same
                # name read bare as the facility before is the same referent (rule 22d; rule 24m)
            return None  # "al-Hout, the prison on the edge of Nasiriyah": the city the named prison is in
        if _joined(text, c, ar.accepted_ix, _AND_RE):
            return 0.55  # `شهدتها مخيم البريج والنصيرات`, "Abu Ghraib and Guantanamo": listed with a facility
        if _AND_ITS_RE.match(text, ce) or _located_in(text, cs, kind, ar.accepted):
            return None  # `لجباليا ومخيمها`: the city and its camp; `بالسجن المؤبد في الناصرية`: where, not which
        if any(_SITE_LOCATED_RE.fullmatch(text, t, cs) for t in ar.accepted_ix.ending_before(cs, 40)):
            return None  # "Al-Aqtan prison on the northern edge of Raqqa": where another named facility is (rule 25i)
        if not arabic and kind == "camp" and nxt in " ," and _HOME_TO_CAMP_AFTER_RE.match(text, ce) is not None:
            return None  # "Jenin is home to a crowded refugee camp", "Tulkarm, which is home to two refugee camps",
            # "Jenin, with its refugee camp": a city that holds a camp it does not name is the city (rule 33j)
        if _PEOPLE_FROM_RE.search(text, (cs - 24 if cs > 24 else 0), cs) is not None:
            return None  # `يقول ناشطون من الرقة إن ... المعتقلات`, "activists in Raqqa say": people of the city
            # (rule 25f)
        if nxt in "،, " and _WHERE_AFTER_RE.match(text, ce) is not None:
            return None  # `نُقلوا إلى الناصرية، حيث يودعون في المؤسسات الإصلاحية`, "flown to Nasiriyah, where they will
            # be held": a city that the sentence goes on to describe as where things are, not its prison (rule 25f)
        if kind == "prison" and _city_other_site(text, cs, ce, arabic):
            return None  # "a football stadium in Raqqa became a prison", `أمام مقار "داعش" في الرقة`, "Raqqa's Internal
            # Security Forces freed 23 prisoners": another site in the city, or the city's own force (rule 29s)
        if kind == "prison" and _city_time_served(text, c, gaz):
            return 0.5  # "arrested in 1980, he spent 15 years in Palmyra", `أمضى عامين في تدمر`, "endured four years in
            # Tadmur": a detainee's time served in a city's prison (rule 29r)
        if kind == "prison" and not arabic and _city_taken(text, cs, ce):
            return 0.5  # "agents seized her ... and drove her to Qarchak.": a person the sentence's custody words
            # name taken to a city that ends its clause is taken to the city's prison (rule 31i)
        return 0.5 if ((not wordlike or _word_read_as_name(text, cs, ce))
                       and facility_context(text, c, kind, gaz, ar.accepted, city=True)
                       and (not _the_town_in_sentence(text, c)
                            or _OWN_HEAD_AFTER_RE.match(text, ce) is not None)) \
            or detention_frame(text, cs, kind, city=True, end=ce) else None
    if kind == "prison" and ("قسا" in (lead50 := text[(cs - 50 if cs > 50 else 0) : cs]) or "ection" in lead50) \
            and _SECTIONS_BEFORE_RE.search(lead50) is not None and e.id not in ar.named:
        return None  # `أربعة أقسام مستقلة، اثنان منها، "إيشل"`: a wing of the prison named before (rule 27d)
    if nxt == ")" and _head_bracket(text, cs, kind, span in ar.placed):
        return 0.55  # `مركز (هلات)`, `نُقلوا إلى مركز (أوركيش)`: a name in brackets right after a head of its kind
        # is marked as a quoted one is (rule 28h; a place or an acronym there is no core, and `مخيم (الهول)` was read)
    if placed and arabic and quoted(text, cs, ce) and _quoted_place_head(text, cs, ce, gaz):
        return None  # `مجزرة في "عدرا" العمالية`: the quotes mark the first word of a town's longer name (rule 30f)
    if quoted(text, cs, ce) and not _COUNTED_RE.match(text, ce) \
            and (not wordlike or _word_read_as_name(text, cs, ce) or _quoted_listed(text, c, ar)
                 or _HEAD_NEW_QUOTE_RE.search(text, (cs - 24 if cs > 24 else 0), cs) is not None) \
            and not _TITLE_BEFORE_RE.search(text, (cs - 24 if cs > 24 else 0), cs):
        return 0.55  # `يزوران 'الزعتري'`: outlets quote a camp's name (`”بلاطة” واحدة` is "one tile": a noun)
    if e.id in ar.named:
        if placed and _prep_before(text, cs) and _the_town_in_sentence(text, c) \
                and _OWN_HEAD_AFTER_RE.match(text, ce) is None:
            return None  # "... broke out of Shaddadi prison. Troops then moved into Shaddadi and caught 81 in the
            # town": forces go into the place the sentence calls the town (rule 24g; core25en survey, rule 28f)
        return 0.7  # the same referent as the named facility (`الهول` a sentence after `مخيم الهول`)
    if e.id in ar.bare_named and not town_close(text, c, gaz):
        return 0.6  # read bare as the facility earlier in the text (`نُقل ... إلى صيدنايا`): a later bare mention
        # with no town word by it is the same referent (`أما صيدنايا فكان الموت السريع`)
    if _joined(text, c, ar.accepted_ix):
        return 0.6
    if _joined(text, c, ar.cores_ix) and not _slash_twin(text, c, ar.cores, e.id):
        return 0.55  # `من غويران وبانوراما`: two facility names in one list (not one site's two spellings across a
        # slash: "the military base in the Naqab/Negev" is the desert, rule 30b)
    if not placed and span not in ar.cities and nxt == " " \
            and _TO_SITE_AFTER_RE.match(text, ce) is not None \
            and prev_word(text, cs, frozenset()) in _FROM_BEFORE and not _displaced_from(text, cs):
        return 0.55  # `نقلت قوات التحالف عناصر من غويران إلى القاعدة الأمريكية`, `من غويران إلى سجن آخر`: a name no
        # town's reading claims here, left for a base or a prison, is the facility people are moved out of (rule 26c)
    if (_from_to(text, c, _cores_near(c, ar), ar.cities, gaz) or _moved(text, c, ar)) \
            and (not wordlike or _word_read_as_name(text, cs, ce)):
        return 0.55  # (a word-like core moved to or from is the region or the word: `عائلات قادمة من الجليل`, rule 25z)
    # (a camp's own district, Yarmouk, is the camp its people go home to: bare21en survey, rule 26q)
    if placed and ((_home_or_freed_to(text, c) and not (e.district and kind == "camp"))
                   or _born_before(text, cs) or _displaced_from(text, cs)
                   or _located_in(text, cs, kind, ar.accepted, persons=False)
                   or ("قاعد" in text[(cs - 50 if cs > 50 else 0) : cs]
                       and _BASE_IN_BEFORE_RE.search(text, (cs - 50 if cs > 50 else 0), cs) is not None)):
        return None  # "taken home to Shaddadi", "released ... and driven to Shaddadi", "born in al-Hol": a town;
        # `من السجن إلى قاعدتهم في الشدادي`: where, after a head of the kind (as for a city)
    if wordlike and _COME_FROM_AR_RE.search(text, (cs - 40 if cs > 40 else 0), cs) is not None:
        return None  # `عائلات قادمة من الجليل`, `ينحدرون من الجليل`: where people come from, the region or the word
        # a camp is named after (rule 25z)
    if kind == "prison" and e.id not in ar.named \
            and (placed or any(w in text[(cs - 64 if cs > 64 else 0) : cs] for w in _INSTITUTE_SCOUT)) \
            and _city_other_site(text, cs, ce, arabic):
        return None  # `محكمة الجنايات المنعقدة بمعهد أمناء الشرطة بطرة ... محاكمة 80 معتقلاً`, "the trial, held at the
        # police institute in Tora": a building, an institute or an academy in a district or town a prison is named
        # after is where it stands, as in a city (rule 33k, after 29s); a district no gazetteer place holds (Tora)
        # only with an institute's or an academy's word (a prison's own clinic or hospital is inside it)
    if ((not wordlike or _word_read_as_name(text, cs, ce))
            and facility_context(text, c, kind, gaz, ar.accepted, near_ok=not placed)
            and not (placed and _the_town_in_sentence(text, c))) \
            or detention_frame(text, cs, kind, end=ce):
        return 0.5  # (words about the facility, unless the sentence goes on to the town itself: "troops entered
        # Shaddadi ... and combed the town for escaped detainees", `وبدأ تمشيط المدينة`; rule 24g)
    if (not wordlike or _word_read_as_name(text, cs, ce)) and _moved_between(text, c, kind, ar, gaz):
        return 0.5  # (a word after a glued preposition is the word: `"الأحمر" للعقاب`, "the red one, for punishment")
    lead40 = text[cs - 40 if cs > 40 else 0 : cs]
    if not placed and (" to " in lead40 or " into " in lead40 or "out of" in lead40 or "fled" in lead40
                       or "scaped" in lead40) \
            and _MOVED_OUT_RE.search(lead40) is not None:
        return 0.5  # "is being moved to Ofer", "the buses pulled out of Ofer": people are moved to and from a name no
        # town bears, the facility (forces pull out of towns and families are moved to them: "Shaddadi" is the town)
    if not placed and ("غادر" in lead40 or "خرج" in lead40) and _LEFT_AR_RE.search(lead40) is not None \
            and _CAPTIVES_AR_RE.search(text, (cs - 60 if cs > 60 else 0), cs) is not None:
        return 0.5  # `حافلات الأسرى المحررين تغادر عوفر`: freed captives leave a name no town bears, the prison
        # (bare20 survey, rule 26e; the English form is the one above)
    if ("spent" in (lead50 := text[(cs - 50 if cs > 50 else 0) : cs]) or "ض" in lead50 or "بعد" in lead50) \
            and (m := _SPENT_RE.search(text, (cs - 50 if cs > 50 else 0), cs)) is not None \
            and (m.group()[:3] != "بعد" or _RETURNED_AFTER_RE.search(text, ce, ce + 60) is not None) \
            and not town_close(text, c, gaz) and (not wordlike or _word_read_as_name(text, cs, ce)):
        return 0.5  # "spent six years in Saydnaya", `قضى سنوات في الهول`, `بعد 12 عاماً في صيدنايا` (rule 24g): time
        # served or spent in a camp
    if wordlike and not _word_read_as_name(text, cs, ce):
        return None  # the word or the person, unless one of the readings above holds or a name's place is its
    if c.ntokens >= 2 and span not in ar.placed and _FACILITY_ONLY_RE.search(text, cs, ce) \
            and _AIRPORT_RE.search(text, cs, ce) is None \
            and not _RIVER_AFTER_RE.match(text, ce) and prev not in _INSTITUTIONS_BEFORE:
        return 0.45  # "Jeddah 1", "Sednaya military", "Aleppo central": a numbered or qualified name is no town's
    if placed and kind == "camp" and span not in ar.cities and _headline(text) \
            and not town_close(text, c, gaz) \
            and not _COUNTED_RE.match(text, ce) \
            and prev not in cue_list(gaz.rules.core_context.locative) \
            and _words(text).isdisjoint(_cue_set(gaz.rules.core_context.town) | _TOWN_SELF):
        return 0.45  # "Damascus Takes Over Hol as the SDF Pulls Out": a headline names its subject, the facility
        # rather than the small town of its name (a city's name in a headline is the city: "Raqqa celebrates"; a
        # name no town bears is read by the other rules: `قمة دول آسيان` is ASEAN; a prison's town is news of its
        # own: "Rockets Hit Taji", "Shaddadi Tribes Meet Damascus Envoy")
    if (not _lead_only(text, cs) or not _DATELINE_AFTER_RE.match(text, ce)) \
            and context_score(text, c, kind, ar, gaz) >= gaz.rules.core_context.threshold \
            and not town_close(text, c, gaz):
        return 0.45  # `خرجت الدفعة الأولى ... من الهول ... وتوجّهت الحافلات`; `في الزعتري` ... `في المخيم` later
    if (folded in e.prevails or (not arabic and folded[:3] in _LATIN_ARTICLES and folded[3:] in e.prevails)) \
            and span not in ar.cities \
            and not town_close(text, c, gaz) and not _the_town_in_sentence(text, c) \
            and not _town_in_sentence(text, c) and not _prevails_not(text, c, arabic) \
            and not _between_city(text, c, ar) \
            and (e.id, fold(text[cs : ce])) not in ar.town_ids:
        return 0.4  # "Shamima Begum was found in al-Hol", `دخلت قوات الأمن العام إلى الهول`: news means the facility by
        # the bare name far more often than its small town; the town needs the text's words (rule 27h)
    return None


# a prevailing bare name written with the article the data lists it without ("visited Al Roj", "al-Roj"; core27en, 28y)
_LATIN_ARTICLES = frozenset(("al-", "al ", "el-", "el "))
# the plural of a district's word before a name, the name first in a list or further on ("the neighbourhoods around
# Ghwayran", "the neighborhoods of Guweiran, al-Zuhour and al-Nashwa"), and the singular after a closing quote or in a
# bracket after it ("the \"Gweran\" neighbourhood", "the Ghweiran (Ghwayran neighborhood)": core27en, rule 28y)
_DISTRICTS_BEFORE_RE = re.compile(r"\b(?:neighbou?rhoods|districts|quarters)[ \u00a0]+(?P<prep>of|around|near|in|"
                                  r"including|like|such[ \u00a0]+as)[ \u00a0]+(?:the[ \u00a0]+)?"
                                  r"(?P<items>(?:(?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*)?,"
                                  r"[ \u00a0]+)*(?:and[ \u00a0]+)?)$")
_LIST_GOES_ON_RE = re.compile(r",[ \u00a0]|[ \u00a0]+and[ \u00a0]")


def _districts_before(text: str, c: Cand, lead: str) -> bool:
    """The name is one of the districts a plural district word before it lists or surrounds (see above); "the
    neighbourhoods of" a single name, nothing listed on either side, are the parts of that place ("the Taamir and Hittin
    quarters of Ein el-Helweh", "the northern neighbourhoods of Hasakah"), the name no district."""
    m = _DISTRICTS_BEFORE_RE.search(lead)
    if m is None:
        return False
    if m.group("prep") in ("of", "in") and not m.group("items"):
        return _LIST_GOES_ON_RE.match(text, c.end) is not None
    return True
# rule 32f: "X and (al-)Y neighborhoods/districts/quarters": a list of two names under a plural head of districts
_LISTED_DISTRICTS_AFTER_RE = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:(?:[Aa]l|[Ee]l)[- ])?[A-Z][\w'’-]*"
                                        r"(?:[ \u00a0]+[A-Z][\w'’-]*)?[ \u00a0]+"
                                        r"(?:neighbou?rhoods|districts|quarters)\b")
_DISTRICT_AFTER_RE = re.compile(r"(?:[\"”’'][ \u00a0]+|[ \u00a0]*\([^()\n]{0,30}?[ \u00a0])"
                                r"(?:neighbou?rhoods?|district|quarter)\b", re.IGNORECASE)


# rule 27h: where a prevailing bare name (data: `prevails`) is not the facility though no town word is by it: the
# word's own sense in Arabic (`يا للهول` "how dreadful", `من الهول الذي عاشوه` "the horror they lived through"),
# a person from it ("a former al-Hol resident", "an al-Hol native"), and the time before the facility was news
# ("before the war", `قبل الحرب`, `قبل الثورة`): the town then, no camp
_PREVAILS_NOT_AR_RE = re.compile(r"(?:(?<![\u0621-\u064a])يا[ \u00a0]+ل?$)")
_PREVAILS_NOT_AFTER_AR_RE = re.compile(r"[ \u00a0]+(?:الذي|الذى|اللذي)(?![\u0621-\u064a])")
_PREVAILS_NOT_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:resident|native|man|woman|means|meant)\b|"
                                       r"(?:,?[ \u00a0]+(?:and[ \u00a0]+)?[A-Z][\w'’-]+){1,3}[ \u00a0]+"
                                       r"(?:neighbou?rhoods|districts|quarters|villages|towns|areas)\b")
# a road to the name ("the road from Hasakah to al-Hol", `الطريق المؤدي إلى الهول`): roads run to towns
_ROAD_TO_RE = re.compile(r"\b(?:road|highway)s?\b[^.!?\n]{0,40}\b(?:to|towards|into)[ \u00a0]+$|"
                         r"طريق[^.!?؛\n]{0,40}(?<![\u0621-\u064a])(?:إلى|الى|نحو|باتجاه)[ \u00a0]+$", re.IGNORECASE)
_ANCIENT_BEFORE_RE = re.compile(r"\b[Aa]ncient[ \u00a0]+(?:(?:city|town|site)[ \u00a0]+of[ \u00a0]+)?$")
_THROUGH_RE = re.compile(r"\b(?:through|via|past)[ \u00a0]+$|(?<![\u0621-\u064a])(?:عبر|مرورا|مروراً|مروراً)[ \u00a0]+"
                         r"(?:ب)?$")
_TRAVEL_RE = re.compile(r"\b(?:travel(?:l)?(?:ed|ing|s)?|commut(?:ed|es|ing))\b[^.!?\n]{0,30}\b(?:from|to|in)"
                        r"[ \u00a0]+$|"
                        r"(?<![\u0621-\u064a])[وف]?(?:سافر|يسافر|تسافر)[\u0621-\u064a]*[^.!?؛\n]{0,30}"
                        r"(?<![\u0621-\u064a])(?:من|إلى|الى)[ \u00a0]+$")
_BEFORE_THE_WAR_RE = re.compile(r"\bbefore[ \u00a0]+the[ \u00a0]+(?:war|uprising|revolution|conflict)\b|"
                                r"(?<![\u0621-\u064a])قبل[ \u00a0]+(?:الحرب|الثورة|الأزمة|الازمة|النزاع)"
                                r"(?![\u0621-\u064a])")


# "Between Raqqa and al-Hawl the road crosses open desert", `بين الحسكة والهول`: the stretch between a city and the
# name lies between two places, the town (core24en, rule 27g; the camp's own pair "between al-Hol and Roj" has no city)
_BETWEEN_AND_RE = re.compile(r"\b[Bb]etween[ \u00a0]+(?P<a>\S[^.!?\n]{0,30}?)[ \u00a0]+and[ \u00a0]+$|"
                             r"(?<![\u0621-\u064a])بين[ \u00a0]+(?P<b>[^.!?؛\n]{1,30}?)[ \u00a0]+و$")


def _between_city(text: str, c: Cand, ar: Around) -> bool:
    lo = max(0, c.start - 48)
    if "etween" not in text[lo : c.start] and "بين" not in text[lo : c.start]:
        return False
    m = _BETWEEN_AND_RE.search(text, lo, c.start)
    if m is None:
        return False
    a, b = m.span("a") if m.group("a") is not None else m.span("b")
    return any(a <= s and e <= b for s, e in ar.cities)


# rule 29h (bare29 survey): a front or its fighting nearing a bare name is nearing the town of that name, not its camp
# or prison (`دنو المعارك من عين عيسى`, `مع اقتراب الاشتباكات من الهول`, "as the fighting drew closer to Ain Issa",
# "clashes neared al-Hol"); the camp named with its head keeps it (`اقتراب المعارك من مخيم عين عيسى`)
_BATTLE_NEARS_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:دنو|دنوّ|اقتراب|وصول|امتداد|تقدم|زحف)"
                                 r"[\u064b-\u0652]*"
                                 r"[ \u00a0]+(?:ال)?(?:معارك|اشتباكات|قتال|جبهة|جبهات|مواجهات)[ \u00a0]+"
                                 r"(?:[\u0621-\u064a]+[ \u00a0]+){0,2}?(?:من|إلى|الى|نحو|باتجاه|صوب)[ \u00a0]+"
                                 r"(?:(?:ال)?(?:أطراف|اطراف|مشارف|محيط)[ \u00a0]+)?$")
_BATTLE_NEARS_EN_RE = re.compile(r"\b(?:fighting|battles?|clashes|front(?:[ \u00a0]+lines?)?|frontlines?|offensive)"
                                 r"[ \u00a0]+(?:(?:drew|draws|drawing|moved|moves|moving|crept|creeps|creeping|edged|"
                                 r"edges|edging|came|comes|coming|inched|inches|inching|got|gets|getting|crawled)"
                                 r"[ \u00a0]+(?:ever[ \u00a0]+)?(?:closer|nearer|close|near)?[ \u00a0]*"
                                 r"(?:to|towards|on)|"
                                 r"neared|nears|nearing|approached|approaches|approaching|reached|reaches|reaching)"
                                 r"[ \u00a0]+(?:the[ \u00a0]+(?:outskirts|edges?|gates)[ \u00a0]+of[ \u00a0]+)?$",
                                 re.IGNORECASE)


def _battle_nears(text: str, start: int, arabic: bool) -> bool:
    """A front or its fighting nearing the name at `start` (see above); the regex only where its noun is in the
    window."""
    lead = text[start - 60 if start > 60 else 0 : start]
    if arabic:
        return ("معارك" in lead or "اشتباك" in lead or "قتال" in lead or "جبه" in lead or "مواجه" in lead) \
            and _BATTLE_NEARS_AR_RE.search(lead) is not None
    return ("ight" in lead or "attle" in lead or "lash" in lead or "ront" in lead or "ffensive" in lead) \
        and _BATTLE_NEARS_EN_RE.search(lead) is not None


# a definite quarter (one or two definite adjectives: `الحي الغربي`, `الأحياء الشرقية`) "of" or "in" a bare name: the
# town's quarter (rule 29h); a named quarter without the article (`حي حطين في عين الحلوة`) is read by rule 25e
_QUARTER_OF_TOWN_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفب]?(?:ال|لل)(?:حي|أحياء|احياء|حارة|حارات)"
                                    r"(?:[ \u00a0]+ال[\u0621-\u064a]+){1,2}[ \u00a0]+(?:من|في)[ \u00a0]+$")


def _prevails_not(text: str, c: Cand, arabic: bool) -> bool:
    """The bare name is its word, a person's origin or the town before the war (see above)."""
    if arabic:
        lead = text[max(0, c.start - 6) : c.start]
        if text[c.start - 1 : c.start] == "ل" and _PREVAILS_NOT_AR_RE.search(lead[:-1]) is not None:
            return True
        if _PREVAILS_NOT_AFTER_AR_RE.match(text, c.end) is not None:
            return True
    elif _PREVAILS_NOT_AFTER_EN_RE.match(text, c.end) is not None:
        return True
    lead = text[max(0, c.start - 60) : c.start]
    if ("oad" in lead or "ighway" in lead or "طريق" in lead) and _ROAD_TO_RE.search(lead) is not None:
        return True
    if "ncient" in lead and _ANCIENT_BEFORE_RE.search(lead) is not None:
        return True  # "Tell Mozan, ancient Orkesh": the old city a site is named after (core27en, rule 28y)
    if _THROUGH_RE.search(lead) is not None:
        return True  # "trucks drove through al-Hol", `مروراً بالهول`: a way passes through towns
    if ("سافر" in lead or "ravel" in lead or "ommut" in lead) and _TRAVEL_RE.search(lead) is not None:
        return True  # `سافر ثلاثة رجال من الهول إلى دمشق`, "she travelled from al-Hol": people travel from towns
    if _displaced_from(text, c.start) or _born_before(text, c.start):
        return True  # `نزحت العائلات من غويران`, "born in al-Hol": people flee from and are born in towns
    lo, hi = _sentence_bounds(text, c.start, c.end)
    if not _words(text[lo:hi]).isdisjoint(_TOWN_SELF):
        return True  # "the rehabilitation of roads in al-Hol ..., the municipality said": the sentence speaks of a town
    return ("قبل" in text[lo:hi] or "before" in text[lo:hi]) and _BEFORE_THE_WAR_RE.search(text, lo, hi) is not None
# a prison's sections listed by their quoted names (`يضم سجن "بئر السبع" أربعة أقسام مستقلة، اثنان منها، "إيشل"
# و"أوهلي كيدار"`): wings of the prison named before, no prisons of their own (rule 25g; rule 27d)
_SECTIONS_BEFORE_RE = re.compile(r"(?:أقسام|اقسام|sections)[^.!?؛\n]{0,40}$")


# rule 25a: a known prison's bare name as the term of its infamy or of a comparison. After the name, its scandal, the
# abuse, the photos ("the Abu Ghraib scandal", "ABU GHRAIB: THE PHOTOS ..."); before it, the Arabic nouns of the same
# (`فضيحة أبو غريب`, `صور أبو غريب`); a comparative of cruelty on either side ("worse than Abu Ghraib", `أسوأ من أبو
# غريب`, "Abu Ghraib was worse than ...", `في صيدنايا كان أسوأ`) when its sentence holds another facility's name or
# words about prisons (a town is compared too: "Fallujah fared worse than Abu Ghraib in the floods" has neither).
_INFAMY_AFTER_EN_RE = re.compile(r"(?::[ \u00a0]+(?:the[ \u00a0]+)?|[ \u00a0]+(?:prisoner[ \u00a0-]+|"
                                 r"torture[ \u00a0]+)?)(?:scandals?|abuses?|photos|photographs|pictures|images|"
                                 r"torture|tortures|horrors)\b", re.IGNORECASE)
_INFAMY_BEFORE_AR = frozenset(fold(w) for w in ("فضيحة", "فضائح", "انتهاكات", "صور", "فظائع", "ذاكرة"))
_COMPARED_BEFORE_EN_RE = re.compile(r"\b(?:worse|crueller|crueler|harsher|deadlier|grimmer|more[ \u00a0]+[a-z]+|"
                                    r"less[ \u00a0]+[a-z]+|"  # "its guards were less cruel than in Tadmur" (rule 29r)
                                    r"as[ \u00a0]+(?:bad|brutal|notorious|cruel))[ \u00a0]+(?:than|as)[ \u00a0]+"
                                    r"(?:(?:at|in|inside)[ \u00a0]+)?(?:the[ \u00a0]+)?$"
                                    r"|\bcompared[ \u00a0]+(?:to|with)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
_COMPARED_AFTER_EN_RE = re.compile(r"['’]?[ \u00a0]+(?:was|is|were|had[ \u00a0]+been)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
                                   r"(?:worse|crueller|crueler|harsher|deadlier|grimmer|more[ \u00a0]+[a-z]+)"
                                   r"[ \u00a0]+than\b")
_COMPARATIVE_AR = "(?:أسوأ|اسوأ|أسوء|اسوء|أفظع|افظع|أبشع|ابشع|أقسى|اقسى|أشد[ \u00a0]+قسوة|أشد[ \u00a0]+قسوه)"
_COMPARED_BEFORE_AR_RE = re.compile(_COMPARATIVE_AR + r"[^.!?؟؛،,\n]{0,30}?(?<![\u0621-\u064a])(?:من|مما|ممّا)"
                                    r"(?:[ \u00a0]+[^.!?؟؛،,\n]{0,30}?(?<![\u0621-\u064a])(?:في|داخل|ب))?[ \u00a0]*$")
_COMPARED_AFTER_AR_RE = re.compile(r"[ \u00a0]+(?:(?:كان|كانت|هو|هي)[ \u00a0]+)?" + _COMPARATIVE_AR
                                   + r"(?![\u0621-\u064a])")
_PRISON_PAIR_AR = frozenset(("السجنين", "سجنين", "المعتقلين", "السجون"))
_SINCE_WORDS_EN = frozenset(("interrogation", "interrogations", "interrogators", "torture", "abuse", "abuses",
                             "detainee", "detainees", "prisoner", "prisoners", "detention", "prisons"))


def _infamy(text: str, c: Cand, ar: Around, gaz: Gazetteer) -> bool:
    """The bare prison name at `c` as the term of its infamy or of a comparison (see above)."""
    arabic = "\u0600" <= text[c.start] <= "\u06ff"
    if not arabic and _INFAMY_AFTER_EN_RE.match(text, c.end) is not None:
        return True
    cc = gaz.rules.core_context
    if arabic and text[c.start - 1 : c.start] == " " and prev_word(text, c.start, frozenset()) in _INFAMY_BEFORE_AR:
        a, b = _sentence_bounds(text, c.start, c.end)  # (`صور أبو غريب الغارقة ... بحسب أهالي القضاء`: the town's)
        return _words(text[a : c.start] + " " + text[c.end : b]).isdisjoint(_cue_set(cc.town) | _TOWN_SELF)
    lo = max(0, c.start - 60)
    if not arabic and text[c.start - 6 : c.start] in ("Since ", "since ") and text[c.end : c.end + 1] == "," \
            and (c.start == 6 or text[c.start - 8 : c.start - 6] in (". ", "\n\n") or text[c.start - 7] == "\n"):
        a, b = _sentence_bounds(text, c.start, c.end)  # "Since Abu Ghraib, the army has rewritten its interrogation
        return not _words(text[c.end : b]).isdisjoint(_SINCE_WORDS_EN)  # manual": the scandal as an era (rule 25a)
    if arabic:
        hit = _COMPARED_AFTER_AR_RE.match(text, c.end) is not None \
            or (("أ" in text[lo : c.start] or "ا" in text[lo : c.start])
                and _COMPARED_BEFORE_AR_RE.search(text, lo, c.start) is not None)
    else:
        hit = _COMPARED_AFTER_EN_RE.match(text, c.end) is not None \
            or (("than" in (lead := text[lo : c.start]) or "compared" in lead or " as " in lead)
                and _COMPARED_BEFORE_EN_RE.search(text, lo, c.start) is not None)
    if not hit:
        return False
    a, b = _sentence_bounds(text, c.start, c.end)
    if any(a <= o.start < b and (o.start, o.end) != (c.start, c.end) for o in ar.cores) \
            or any(a <= s < b and (s, e) != (c.start, c.end) for s, e in ar.accepted):
        return True  # the other side of the comparison is a facility ("... than anything he saw at Bucca")
    own = _words(text[a : c.start] + " " + text[c.end : b])
    return bool(own & (_cue_set(cc.prison) | _PRISON_PAIR_AR)) and not own & (_cue_set(cc.town) | _TOWN_SELF)


# A detention frame right before a bare name: a person taken, held or freed there, the place's inmates or its
# survivors are the facility's, not the town's ("He was taken to Ghwayran", "released from al-Hol", "conditions
# inside Roumieh", `نزلاء الهول`, `نُقل إلى صيدنايا`, `أُفرج عن ثلاثة من الهول`). A city's name (Tadmur, Nasiriyah)
# takes only the inmates' frame: people are taken to, held in and freed from cities too.
_FRAME_EN_RE = re.compile(
    r"(?:\b(?:was|were|be|been|being|is|are|get|gets|got)\s+(?:\w+\s+)?(?:taken|sent|transferred|brought|locked\s+up|"
    r"held|detained|jailed|imprisoned|incarcerated|interned|confined|tortured)\s+(?:back\s+)?(?:to|in|at|into|inside|on)"
    r"|\b(?:released|freed|discharged|escaped|escapees|broke\s+out|smuggled\s+out|let\s+out|set\s+free)\s+(?:of|from)"
    r"|\bconditions\s+inside"
    # rule 31f (bare31en2): the active verb of jailing with its object between ("locked his predecessor up in
    # Mezzeh", "imprisoned his rivals in Mezzeh"): a name no city bears (a city's takes only the inmates' frame)
    r"|\b(?:locked|shut)\s+(?:him|her|them|me|us|(?:his|her|their|the|my|our)\s+(?:[\w'’-]+\s+)?[\w'’-]+)\s+up\s+"
    r"(?:in|at|inside)"
    r"|\b(?:imprisoned|jailed|detained|confined|interned)\s+(?:him|her|them|(?:his|her|their)\s+[\w'’-]+)\s+"
    r"(?:in|at|inside)"
    r")\s+(?:the\s+)?$", re.IGNORECASE)
# rule 31f (bare31en2): a verb of taking with its person between ("agents drove her to Evin", "they sent him back to
# Ofer", "we are taking you to Evin") is the facility's only where the sentence speaks of custody: people are driven
# to a district for anything ("a taxi took us to Mezzeh, where my aunt lives")
_TAKEN_OBJ_EN_RE = re.compile(r"\b(?:send|sends|sent|sending|take|takes|took|taken|taking|drive|drives|drove|driven|"
                              r"driving|dragged|bundled|hauled|transferred|transferring)\s+(?:him|her|them|me|us|you)\s+"
                              r"(?:back\s+)?(?:to|into)\s+(?:the\s+)?$", re.IGNORECASE)
_CUSTODY_EN_RE = re.compile(r"\b(?:arrest\w*|detain\w*|detention|custody|blindfold\w*|handcuff\w*|guards?|agents|"
                            r"police|soldiers|troops|officers|interrogat\w*|prison\w*|jail\w*|cells?|charges?|"
                            r"sentenc\w*|seiz\w*|captur\w*|abduct\w*|raid\w*|plainclothes|warrant|questioning|"
                            r"intelligence|security)\b",
                            re.IGNORECASE)
# people a state brings home or back from a camp: "Iraq brought home 812 people from al-Hol" (rule 24g)
# and the people who came back from it ("Iraqis who came back from al-Hol", TNH; rule 25i)
_BROUGHT_HOME_RE = re.compile(r"\b(?:brought|brings|bringing|flew|flown|bussed|bused|came|come|comes|coming)\s+"
                              r"(?:home|back)\b"
                              r"(?:\s+[\w,-]+){0,4}?\s+from\s+(?:the\s+)?$", re.IGNORECASE)
_MOVED_OUT_RE = re.compile(r"(?:\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:moved|relocated|transported|flown|"
                           r"bussed|returned|sent|taken|transferred|brought)\s+(?:back\s+)?(?:to|into)|\b(?:pulled|drove|driven|walked|emerged|taken|moved|brought|"
                           r"transferred|bussed|led|evacuated)\s+out\s+of|"
                           # rule 24m: people flee or escape a name no town bears ("families fled Zamzam on foot")
                           r"\b(?:fled|escaped)(?:\s+from)?)"
                           r"\s+(?:the\s+)?$", re.IGNORECASE)
# bare20 survey (rule 26e): freed captives' buses leave a name no town bears (`تغادر عوفر`, `خرجت الأسيرات من عوفر`)
_LEFT_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:تغادر|غادرت|غادر|غادروا|يغادرون|تخرج\s+من|خرجت\s+من|خرج\s+من|"
                         r"خرجوا\s+من|يخرجون\s+من)\s+$")
_CAPTIVES_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:ال|و)?(?:أسرى|اسرى|أسيرات|اسيرات|محررين|محررون|محررات|معتقلين|"
                             r"معتقلون|مفرج)(?![\u0621-\u064a])")
_INMATES_EN_RE = re.compile(r"\b(?:(?:inmates|prisoners|detainees|cells|cellblocks?|dormitor(?:y|ies)|wards)\s+"
                            r"(?:of|at|in|inside)|survivors\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# a site's own guards at a name no city bears ("the SDF's guards at al-Shaddadi were replaced"; rule 25i): the
# facility's staff, as its inmates are (a city's guards may be anyone's: not for a city)
_GUARDS_EN_RE = re.compile(r"\b(?:guards|jailers|jailors|wardens)\s+(?:at|of|inside)\s+(?:the\s+)?$", re.IGNORECASE)
# a prison's gate or walls before "of" and the bare name ("relatives packed the road to the front gate of Evin",
# "freed men walked out through the gates of Evin"; bare26en survey, rule 28o)
_GATES_OF_EN_RE = re.compile(r"\b(?:gates?|walls|entrance|perimeter)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the prison break at Shaddadi": a prison's own event at the name (before "a prison in Shaddadi" makes it the town)
_BREAK_AT_RE = re.compile(r"\b(?:prison\s+break|jailbreak|jail\s+break|breakout|prison\s+riot|mass\s+escape)\s+"
                          r"(?:at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
# (أسرى: its prisoners)
_INMATES_AR = frozenset(("نزلاء", "سجناء", "معتقلي", "محتجزي", "زنازين", "مهاجع", "سجاني", "اسري",
                         "جدران",  # (`بين جدران صيدنايا`: a building's walls; a city's are its أسوار; rule 24g)
                         # the nominative of the people held: `معتقلو صيدنايا`, `محتجزو رومية`, `مساجين رومية`
                         # (bare26b, rule 28q)
                         "معتقلو", "محتجزو", "مساجين"))
_SURVIVORS_AR = frozenset(("ناجي", "ناجو"))
# people held, indefinite or definite, before `في`/`داخل` and a prison's name (not the heads `معتقل`, `سجن`:
# "a prison in" a town is the town, rule 22f)
_HELD_PEOPLE_AR = frozenset(fold(w) for w in ("سجيناً", "سجينا", "سجين", "سجينة", "السجين", "السجينة", "سجناء",
                                              "السجناء", "معتقلاً", "معتقلا", "معتقلين", "المعتقلين", "محتجزاً",
                                              "محتجزين", "المحتجزين", "أسيراً", "أسرى", "الأسرى", "نزيلاً", "نزلاء",
                                              "النزلاء", "سجينات", "السجينات", "معتقلات", "المعتقلات"))
_REFUGEES_AR = frozenset(fold(w) for w in ("لاجئو", "لاجئي", "قاطنو", "قاطني"))
_TAKEN_AR = frozenset(("نقل", "نقلوا", "نقلت", "اقتيد", "اقتيدوا", "اقتادوه", "اقتادوهم", "ادخل", "ادخلوا", "اودع",
                       "اودعوا", "زج", "احتجز", "احتجزوا", "اعتقل", "اعتقلوا", "عذب", "عذبوا", "اعدم", "اعدموا",
                       # the verbal noun with its pronoun: `قبل نقله إلى صيدنايا`, `بعد إيداعهم في رومية`
                       "نقله", "نقلهم", "نقلها", "نقلوه", "نقلوهم", "ترحيله", "ترحيلهم", "ترحيلها", "اقتياده",
                       "اقتيادهم", "ايداعه", "ايداعهم", "ايداعها", "احتجازه", "احتجازهم", "احتجازها"))
# `معتقل` is a detention site and a detainee: the detainee where "former" follows it or a verb of speaking or
# accusing comes right before it (`قال معتقل سابق`, `اتهم معتقل في بادوش`; rule 25z)
_DETAINEE_AT_AR_RE = re.compile(r"[وف]?(?:ال)?معتقل(?:ة|ه)?(?![\u0621-\u064a])"
                                r"(?P<former>\s+(?:ال)?سابق(?:ة|ه|ا|اً|ون|ين)?(?![\u0621-\u064a]))?")
_SPEAKING_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:قال|قالت|يقول|تقول|أكد|اكد|يؤكد|روى|يروي|ذكر|"
                                    r"يذكر|أفاد|افاد|كشف|يكشف|أوضح|اوضح|أضاف|اضاف|تحدث|يتحدث|وصف|يصف|اتهم|يتهم|أشار|اشار|"
                                    r"شهد|يشهد|قضى|أمضى|امضى)\s+$")
_DETAINEE_IN_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:ال)?معتقل(?:ة|ه)?(?:\s+(?:ال)?سابق(?:ة|ه|ا|اً)?)?\s+"
                                r"(?:في|داخل)\s*$")


def detainee_person(text: str, at: int) -> bool:
    """The head word at `at` is `معتقل` read as a person: "former" after it, or a verb of speaking before it."""
    m = _DETAINEE_AT_AR_RE.match(text, at)
    if m is None or (at > 0 and "\u0621" <= text[at - 1] <= "\u064a"):
        return False
    return m.group("former") is not None \
        or _SPEAKING_BEFORE_AR_RE.search(text, max(0, at - 12), at) is not None


_FREED_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:أفرج|افرج|الإفراج|الافراج|أطلق سراح|اطلق سراح|أُفرج|هرب|فروا|"
                          r"فرّ(?![\u0621-\u064a])|فر(?![\u0621-\u064a]))"
                          r"[^.!?؛،,\n]{0,40}(?<![\u0621-\u064a])من\s*$")
_CONDITIONS_AR = frozenset(("الاوضاع", "الظروف"))


# (a person of the site in the singular and after a possessive: "a former Evin prisoner", "a Saydnaya survivor",
# "Evin's prisoners of conscience"; bare26en survey, rule 28o)
_INMATES_AFTER_RE = {"prison": re.compile(r"(?:['’]s?)?\s+(?:survivors?|inmates?|detainees?|prisoners?|jailers?)\b|"
                                           r"['’]s\s+"
                                           # "Evin's women's ward" (bare21en survey, rule 26q): a possessive word may
                                           # stand between the name and its part
                                           r"(?:[a-z-]+(?:['’]s)?\s+){0,2}(?:cells|cellblocks?|wards|dormitor(?:y|ies)|"
                                           r"courtyard|warden|wardens|confines|"
                                           # "the strike on Evin's main gate" (rule 24m): a gate too, as its walls;
                                           # a ward or a wing, a city's (electoral) ward or a building's wing too
                                           r"(?P<walls>walls|gates|gate|entrance|ward|wing|wings|"
                                           # "Evin's clinic and visiting rooms were hit", "Saydnaya's kitchens" (a
                                           # city's clinic is its own: not for a city; mine25en survey, rule 28b)
                                           r"clinic|infirmary|kitchens?|visiting\s+rooms?|visitation\s+(?:halls?|rooms?)|"
                                           r"medical\s+(?:centre|center|wing)))\b"
                                           # "Evin is best known for holding dissidents", "Al-Sina'a has been
                                           # notorious for holding ..." (mine25en survey, rule 28b; not for a city)
                                           r"|\s+(?:has\s+(?:long\s+)?been|had\s+(?:long\s+)?been|is|was|remains)\s+"
                                           r"(?:(?:long|widely|best|most|internationally)\s+)?"
                                           r"(?P<known>known|notorious|infamous)\s+for\s+(?:holding|housing|detaining|"
                                           r"jailing|torturing|locking\s+up)\b"
                                           # "Evin has long held journalists, students and lawyers": the people the
                                           # name holds are its inmates (rule 25a)
                                           # (after a relative clause on the name: "Evin, which Washington
                                           # blacklisted in 2018, holds ... detainees"; bare21en survey, rule 26q)
                                           r"|(?:,\s+(?:which|where)\s[^,.;:!?\n]{0,80},)?"
                                           r"\s+(?:has\s+(?:long\s+|also\s+)?|had\s+(?:long\s+)?|still\s+)?"
                                           r"(?:held|holds|jailed|locked\s+up)\s+(?:[a-z-]+\s+){0,2}?"
                                           r"(?:(?:a|the)\s+(?:large\s+|big\s+|growing\s+)?(?:share|number|many|"
                                           r"host|majority)\s+of\s+(?:[A-Z][a-z]+['’]s\s+)?(?:[a-z-]+\s+(?:and\s+)?)"
                                           r"{0,3}?)?(?:journalists|"
                                           r"students|lawyers|activists|dissidents|prisoners|detainees|inmates|"
                                           r"academics|writers|political\s+prisoners|dual\s+nationals)\b"),
                     "camp": re.compile(r"['’]?\s+(?:inmates?|detainees?)\b|['’]s\s+"
                                        # a count before them too: "Baqa'a's 5,000 tents" (bare21en, rule 26q)
                                        r"(?:(?:[a-z-]+|[0-9][0-9,.]*)\s+){0,2}"
                                        r"(?:tents|annex|(?P<walls>fences|gates))\b")}


_PRISON_HEAD_AR = frozenset(fold(w) for w in ("سجن", "وسجن", "سجنا", "سجناً", "معتقل", "ومعتقل", "معتقلا", "معتقلاً",
                                              "سجون", "وسجون", "معتقلات"))
_PRISON_OF_AT_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وب]?(?:سجن|سجون|معتقل|معتقلات)\s+(?:[\u0621-\u064a]+\s+){1,2}"
                                 r"(?:في|داخل)\s*$")  # `سجن المخابرات الجوية في مطار المزة`: a prison of an owner in it
# mine25en survey (rule 28b): a person's own cell in a name no city bears ("talking from a cell in Roumieh"; an
# armed group's cell is no prison's: "an ISIS cell in ..."), and people who vanished inside a name
_CELL_IN_RE = re.compile(r"\b(?:his|her|their|my|our|a|the)\s+(?:own\s+|prison\s+|tiny\s+|small\s+|cramped\s+|dark\s+|"
                         r"solitary\s+|isolation\s+)?cell\s+(?:in|at|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_MILITANT_CELL_RE = re.compile(r"\b(?:ISIS|IS|Daesh|terror(?:ist)?|sleeper|militant|jihadist|extremist|Qaeda|"
                               r"Hezbollah|Hamas)\b", re.IGNORECASE)
_VANISHED_INSIDE_RE = re.compile(r"\b(?:vanished|disappeared|perished|went\s+missing)\s+inside\s+(?:the\s+)?$",
                                 re.IGNORECASE)
_PSEUDONYM_AFTER_RE = re.compile(r"\s*\((?:a\s+)?pseudonym\b|\s*\(not\s+(?:her|his|their)\s+real\s+names?\b|"
                                 r"\s*\(names?\s+(?:has\s+been\s+|have\s+been\s+)?changed\b", re.IGNORECASE)
_PRISON_AT_EN_RE = re.compile(r"\b(?:prisons?|jails?|detention\s+(?:centres?|centers?|sites?|facilit(?:y|ies))|cells)"
                              r"\s+(?:at|in|inside|within)\s+(?:the\s+)?$", re.IGNORECASE)
_FLIGHT_RE = re.compile(r"\b(?:flew|flown|landed|landing|took\s+off|taking\s+off|flights?|departed|departing|"
                        r"terminal|runways?|jets?|warplanes?|helicopters?|aircraft|planes?)\b|هبطت|هبوط|أقلعت|اقلعت|"
                        r"إقلاع|اقلاع|رحلة|رحلات|طائرة|طائرات|على متن|مروحيات|المروحيات|المدرج", re.IGNORECASE)
_HELD_WORDS_RE = re.compile(r"\b(?:prisoners?|detainees?|detention|detained|held|jailed|tortur\w*|execut\w*|inmates?)\b"
                            r"|معتقل|محتجز|احتجاز|سجين|سجناء|تعذيب|أعدم|اعدم|إعدام|اعدام",
                            re.IGNORECASE)  # (people held beside the flights: "a hangar ... where prisoners were shot";
# not the institution's words: "a prison official flew in")
_AIRBASE_CORE_RE = re.compile(r"airport|air\s?base|airfield|مطار", re.IGNORECASE)


def airbase_core(text: str, s: int, e: int) -> bool:
    """_AIRBASE_CORE_RE.search(text, s, e) is not None, the pattern (case-blind, tried at every character) tried only
    in a span with `مطار` or the "rp", "ba", "rf" of airport, air base, airfield in any case (re's IGNORECASE pairs
    r, p, b, a and f with their capitals only)."""
    span = text[s:e]
    if "مطار" not in span:
        low = span.lower()
        if "rp" not in low and "ba" not in low and "rf" not in low:
            return False
    return _AIRBASE_CORE_RE.search(text, s, e) is not None
_AIRBASE_EN_RE = re.compile(r"[\w'’ -]{0,30}?\b(?:airport|air\s?base|airfield)\b", re.IGNORECASE)


def detention_frame(text: str, start: int, kind: str, *, city: bool = False, end: int = -1) -> bool:
    """A detention frame right before the bare name at `start` (see above), or its inmates right after the name
    ending at `end` ("Seidnaya survivors", "Roumieh inmates")."""
    if end > 0 and (after := _INMATES_AFTER_RE.get(kind)) is not None and (m := after.match(text, end)) is not None \
            and not (city and (m.group("walls") or m.groupdict().get("known"))):
        return True  # "Roumieh's crumbling walls", "Abu Ghraib's concrete confines" (a city's walls are its own)
    if "\u0600" <= text[start] <= "\u06ff":
        while start > 0 and text[start - 1] in "\"'«“":
            start -= 1  # (the words before the name's opening quote: `أسرى "عوفر"`)
        words = [fold(w.strip("\"'«»“”(،,")) for w in text[max(0, start - 40) : start].split()[-2:]]
        if not words or (start > 0 and not text[start - 1].isspace()):
            return False  # a glued proclitic: `لصيدنايا` is read by the other rules
        if words[-1] in _INMATES_AR or (kind == "prison" and words[-1] in _SURVIVORS_AR) \
                or (kind == "camp" and words[-1] in _REFUGEES_AR):
            return True  # `نزلاء رومية`; `ناجو صيدنايا`; `لاجئو الزعتري`, `قاطنو الركبان` (a camp's own people)
        if city:
            return False
        if len(words) == 2 and words[-1] in ("الي", "في", "داخل") and words[0] in _TAKEN_AR:
            return True
        if kind == "prison" and len(words) == 2 and words[-1] in ("في", "داخل") and words[0] in _HELD_PEOPLE_AR:
            return True  # `26 سجيناً في قزل حصار`, `المعتقلين داخل عوفر`: inmates in a name no city bears (rule 24m)
        if kind == "prison" and len(words) == 2 and words[-1] in ("في", "داخل") and len(words[0]) > 3 \
                and words[0].endswith(("ي", "يين", "يون", "يه", "يات")) and words[0] not in ("الذي", "الذى") \
                and len(w3 := text[max(0, start - 60) : start].split()[-3:]) == 3 \
                and fold(w3[0].strip("\"'«»“”(،,")) in _HELD_PEOPLE_AR:
            return True  # `وفاة سجين سوري في رومية`: a nisba (nationality) between the inmate and `في` (bare29, rule
            # 29h; the r28a split's headline)
        if kind == "prison" and words[-1] in ("في", "داخل") \
                and (m := _DETAINEE_IN_AR_RE.search(text, max(0, start - 40), start)) is not None \
                and detainee_person(text, m.start()):
            return True  # `قال معتقل سابق في صيدنايا`, `اتهم معتقل في بادوش`: a detainee, the speaker, held there
            # (rule 25z)
        if len(words) == 2 and words[-1] == "داخل" and words[0] in _CONDITIONS_AR:
            return True
        if kind == "prison" and text.startswith(("مطار", "قاعدة"), start) and words[-1] in ("في", "داخل") \
                and (words[0] in _PRISON_HEAD_AR
                     or _PRISON_OF_AT_AR_RE.search(text, max(0, start - 50), start) is not None):
            return True  # `وسجن في مطار حماة العسكري`: a prison in an airbase the gazetteer lists as a detention site
            # (rule 25m; "a prison in" a town is the town, rule 22f)
        return words[-1] == "من" and _FREED_AR_RE.search(text, max(0, start - 60), start) is not None
    lead = max(0, start - 60)
    if kind == "prison" and _PRISON_AT_EN_RE.search(text, lead, start) is not None \
            and _AIRBASE_EN_RE.match(text, start) is not None:
        return True  # "a prison at Hama military airport": the airbase's detention site (rule 25m)
    if (m := _INMATES_EN_RE.search(text, lead, start)) is not None and (kind == "prison" or m.group(0)[0] != "s"):
        return True  # a camp's survivors are a strike's ("survivors in Jabalia"), a prison's its former inmates
    if kind == "prison" and "inside" in text[lead:start] and _VANISHED_INSIDE_RE.search(text, lead, start) is not None:
        return True  # "whose brothers vanished inside Saydnaya": people disappear inside a prison's walls, not a
        # town's (mine25en survey, rule 28b)
    return not city and (_FRAME_EN_RE.search(text, lead, start) is not None
                         or (_TAKEN_OBJ_EN_RE.search(text, lead, start) is not None
                             and _CUSTODY_EN_RE.search(text, *_sentence_bounds(text, start, start)) is not None)
                         or (kind == "camp" and _BROUGHT_HOME_RE.search(text, lead, start) is not None)
                         or (kind == "prison" and "cell" in text[lead:start]
                             and (m := _CELL_IN_RE.search(text, lead, start)) is not None
                             and _MILITANT_CELL_RE.search(text, max(0, m.start() - 24), m.end()) is None))


# "Badr 3", "Wadi al-Natrun 2": one to three capitalised words and a number of one or two digits that no unit,
# count or range follows ("Badr 3 last year" is the prison; "Gaza 10 days" is no name)
_NUMBERED_EN_RE = re.compile(
    r"(?<![\w'’\-])((?:(?:[Aa]l|[Ee]l)-)?[A-Z][a-z'’]+(?:[ \u00a0\-](?:(?:[Aa]l|[Ee]l)-)?[A-Z][a-z'’]+){0,2})"
    r"[ \u00a0]+([0-9]{1,2})(?![0-9]|[.,:/\-][0-9]|[ \u00a0]*(?:%|-)|[ \u00a0]+(?:km|kilomet|miles?\b|years?\b|"
    r"months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|percent|per\b|people|persons|men\b|women\b|children|families|"
    r"detainees|prisoners|inmates|of\b|and\b|or\b|to\b|p\.?m\b|a\.?m\b))")
# words before a number that name a part of a prison, a text's part or a date, not a facility ("Ward 4", "June 20")
_NOT_NUMBERED = frozenset((
    "ward", "wing", "block", "section", "sector", "cell", "room", "building", "hall", "gate", "level", "floor",
    "phase", "stage", "article", "chapter", "paragraph", "clause", "route", "road", "highway", "camp", "branch",
    "unit", "brigade", "division", "battalion", "platoon", "company", "squad", "group", "team", "number", "no",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "hospital",
    "clinic", "school", "station", "terminal", "platform", "zone", "area", "district", "precinct", "checkpoint", "base",
    "court", "courtroom", "lane", "street", "bus", "flight", "line", "channel", "apollo"))
_POSSESSOR_BEFORE_RE = re.compile(r"[A-Z][\w\-]*['’]s[ \u00a0]+$")


# numbered_matches(): every match of _NUMBERED_EN_RE ends with its name's last word right before the spaces and the
# number, one capitalised word that this scout finds (a charset first: the search skips other characters in C)
_NUMBER_SITE_RE = re.compile(r"[A-Z][a-z'’]++[ \u00a0]++[0-9]")  # (possessive: the classes are disjoint)
_NAME_SEPS = frozenset(" \u00a0-")
_NAME_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’")


def number_sites_ref(text: str) -> list[int]:
    """Where _NUMBER_SITE_RE matches (finditer's starts): the Python twin of the compiled number_sites (native/fac.c),
    which finds them from the digits back (the regex tries every capital of an English text)."""
    return [m.start() for m in _NUMBER_SITE_RE.finditer(text)]


def numbered_matches(text: str) -> Iterator[re.Match[str]]:
    """_NUMBERED_EN_RE.finditer(text), the pattern tried only at the starts of a word before a scouted number: a
    match is made of the name's letters and at most five separators (two between its words, one in each "al-"), so
    it starts within that many separators back from the last word, where the character before is no word character
    (the pattern's own look-behind); the first start that matches is finditer's match, and the search goes on past
    its end (tests/unit/test_enrich_perf15b.py compares both on the corpus and on generated texts)."""
    last = 0
    native = backend.PATH.native
    for w in native.number_sites(text) if native is not None else number_sites_ref(text):
        if w < last:
            continue
        q, seps = w, 0
        while q > last:
            ch = text[q - 1]
            if ch in _NAME_SEPS:
                seps += 1
                if seps > 5:
                    break
            elif ch not in _NAME_LETTERS:
                break
            q -= 1
        for r in range(q, w + 1):
            if r > q and text[r - 1] not in " \u00a0":
                continue  # (after a letter, an apostrophe or a hyphen the look-behind fails)
            m = _NUMBERED_EN_RE.match(text, r)
            if m is not None:
                yield m
                last = m.end()
                break


def numbered_in_frame(text: str, cores: list[Cand]) -> list[OpenFacility]:
    """"Dozens of prisoners in Egypt's Badr 3", "he was moved to Badr 3 from Tora": a name and a number in a
    detention frame (people taken, held, moved or freed there, its inmates) name a numbered prison of a complex
    that no head word follows. A known name (Jeddah 1, Branch 215) is bare_reading's."""
    out: list[OpenFacility] = []
    for m in numbered_matches(text):
        s, e = m.start(1), m.end(2)
        cut = max(text.rfind("'s ", s, m.end(1)), text.rfind("’s ", s, m.end(1)))
        if cut >= 0:
            s = cut + 3  # "Egypt's Badr 3": the owner before the name is not part of it
        words = text[s : m.end(1)].replace("-", " ").split()
        if not words:
            continue
        if words[-1].lower() in _NOT_NUMBERED or words[0].lower() in _NOT_NUMBERED:
            continue
        if any(c.start < e and s < c.end and c.end >= m.start(2) for c in cores):
            continue  # (a known name that holds the number; "Wadi al-Natrun 2" past a complex's name is its prison 2)
        f = s
        if (p := _POSSESSOR_BEFORE_RE.search(text, max(0, s - 30), s)) is not None:
            f = p.start()  # "prisoners in Egypt's Badr 3": the frame is before the possessor
        if detention_frame(text, f, "prison") or (
                (" to " in (lead := text[max(0, f - 40) : f]) or "out of" in lead)
                and _MOVED_OUT_RE.search(text, max(0, f - 40), f) is not None):
            out.append(OpenFacility(s, e, "prison", text[s:e], s, e))
    return out


# a capitalised English word right after a bare name, no word of a site's name or parts: the name opens a longer
# proper name ("Roj Women, a London charity", "Roj TV"), no camp (rule 25i); not in a title-case line
_LONGER_NAME_AFTER_RE = re.compile(r" ([A-Z][a-z]+)\b(?!['’-])")
_SITE_PART_WORDS = frozenset((
    "camp", "camps", "prison", "prisons", "jail", "annex", "phase", "section", "sector", "centre", "center", "facility",
    "complex", "refugee", "refugees", "idp", "idps", "displacement", "detention", "rehabilitation", "correctional",
    "reformatory", "military", "central", "settlement", "site", "compound", "residents", "inmates", "detainees",
    "survivors", "extension", "main", "new", "old", "and", "or", "in", "on", "at", "to", "from", "for", "the", "a",
    # AP writes the day with no "on" ("left al-Hol Sunday"), a caption the month ("Hol camp January 22")
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december"))
_CAPITALISED_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


# a nationality adjective (a demonym's shape) and a camp's or prison's head after a bare name
_DEMONYM_HEAD_AFTER_RE = re.compile(r"[ \u00a0]+[A-Z][a-z]+(?:ian|i|ish|ese|an|ic)[ \u00a0]+"
                                    r"(?:(?:[Rr]efugee|[Rr]efugees'?|[Dd]isplacement|IDP|[Dd]isplaced)[ \u00a0]+)?"
                                    r"(?:[Cc]amps?|[Pp]risons?|[Jj]ails?)\b")
# (the head capitalised too: "Bourj al-Barajneh Palestinian Camp", rule 27b)


# a capitalised word right before a bare name, and a person's post after its comma
_GIVEN_BEFORE_EN_RE = re.compile(r"\b([A-Z][a-z]{2,})[ \u00a0]$")

# rule 32d: an English honorific or rank right before a bare name ("Mr. Shatila", "Dr Rukban", "Gen. Taji", "Marshal
# Bucca")
_HONORIFIC_BEFORE_EN_RE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Brig|Marshal)\.?"
                                     r"[ \u00a0]$")
_SPACES = frozenset(" \u00a0")
# (perf) the character before the space that _HONORIFIC_BEFORE_EN_RE's match ends on: a dot or an honorific's last
# letter
_HONORIFIC_LAST = frozenset(".rsfnljtg")
# (perf32b) the last two characters before that space: an honorific's last two letters, or its last letter and the
# dot (the match ends at s, so they are the two before text[s - 1]; "Mr"/"Mr." ... "Marshal"/"Marshal.")
_HONORIFIC_LAST2 = frozenset(w[-2:] for h in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Gen", "Col", "Maj", "Capt",
                                              "Lt", "Sgt", "Brig", "Marshal") for w in (h, h + "."))


def _honorific_before(text: str, s: int) -> bool:
    """_HONORIFIC_BEFORE_EN_RE.search(text, s - 7, s): its last two characters asked first (str slices; a newline
    right before s is left to the search, whose `$` matches before it)."""
    p = text[s - 1 : s]
    return (p == "\n" or (p in _SPACES and text[s - 3 : s - 1] in _HONORIFIC_LAST2)) \
        and _HONORIFIC_BEFORE_EN_RE.search(text, (s - 7 if s > 7 else 0), s) is not None


# (perf) the character before the space _GIVEN_INITIAL_BEFORE_EN_RE's match ends on: a given name's lower-case last
# letter or an initial's dot
_GIVEN_LAST = frozenset(".abcdefghijklmnopqrstuvwxyz")
# a capitalised given name, with a middle initial or not, right before a bare name ("Ronald P. Bucca")
_GIVEN_INITIAL_BEFORE_EN_RE = re.compile(r"\b([A-Z][a-z]{2,})[ \u00a0](?:[A-Z]\.[ \u00a0])?$")
# a person's word right before the given name of a full name ("director Tawfik Sabouni", "journalist Rania Zaatari",
# "alias Nujin Derik", "directed by Tawfik Sabouni"): lower-case, so no site's or place's own word
_PERSON_BEFORE_GIVEN_RE = re.compile(
    r"(?<![\w-])(?:(?:film-?maker|director|journalist|reporter|photographer|activist|lawyer|attorney|commander|leader|"
    r"alias|official|spokes(?:man|woman|person)|minister|lawmaker|businessman|businesswoman|writer|poet|novelist|"
    r"artist|singer|actor|actress|dissident|blogger|researcher|professor|cleric|survivor|detainee|prisoner|student|"
    r"doctor|surgeon|judge|editor|presenter|founder|chairman|representative|defender|campaigner|mother|father|son|"
    r"daughter|brother|sister|wife|husband)|(?:directed|written|produced|filmed|founded|led|headed|presented)"
    r"[ \u00a0]+by)[ \u00a0]+$", re.IGNORECASE)
# what follows a full name of a person: an apposition with a post or a trade, a relative "who", a verb of saying
_PERSON_AFTER_FULL_RE = re.compile(
    r"(?:,[ \u00a0]+(?:the[ \u00a0]+|a[ \u00a0]+|an[ \u00a0]+)?(?:[a-z\-]+[ \u00a0]+){0,2}?"
    r"(?:director|head|chief|spokes(?:man|woman|person)|official|minister|mayor|governor|commander|deputy|member|"
    r"president|manager|doctor|lawyer|activist|journalist|researcher|professor|analyst|founder|chairman|secretary|"
    r"representative|envoy|adviser|advisor|officer|leader|filmmaker|director|writer|who)\b"
    r"|,[ \u00a0]+\d{1,2}[ \u00a0]*,"
    r"|[ \u00a0]+(?:said|says|told|explains|explained|added|recalls|recalled)\b)")


_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _given_before_may_match(text: str, s: int, p: str) -> bool:
    """(perf32b) False where _GIVEN_INITIAL_BEFORE_EN_RE.search(text, s - 24, s) cannot match, `p` (text[s - 1]) no
    newline: its `$` is then s itself, so the match ends on a space at s - 1, after a given name ("Ahmed ") or after
    a given name, a space and an initial ("Ronald P. "); the given name's lower-case letters ([a-z]{2,}, ASCII) are
    the whole run of them that ends there, and the character before that run, inside the window, is its capital
    ([A-Z], ASCII). "in Aleppo", "of Taji", "the Rukban": no capital before the run, no search."""
    if p not in _SPACES:
        return False
    q = text[s - 2 : s - 1]
    if q == ".":  # "Ronald P. ": the initial and the space before it
        if text[s - 3 : s - 2] not in _ASCII_UPPER or text[s - 4 : s - 3] not in _SPACES:
            return False
        run_end = s - 4
    elif q and q in _ASCII_LOWER:
        run_end = s - 1
    else:
        return False
    seg = text[(s - 24 if s > 24 else 0) : run_end]
    head = seg.rstrip(_ASCII_LOWER)
    return len(seg) - len(head) >= 2 and head[-1:] in _ASCII_UPPER


def full_name_en(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """text[s:e] (an English bare name) is the family name of a full name: a capitalised word right before it (no
    site's or place's word, _NOT_GIVEN_EN) that is a given name (engine_rules given_names), or whose pair a person's
    word before it (_PERSON_BEFORE_GIVEN_RE, an honorific) or a post, a "who" or a verb of saying after it
    (_PERSON_AFTER_FULL_RE: also an age, "Ahmed Taji, 34,") makes a person's name (rule 32d)."""
    if (p := text[s - 1 : s]) != "\n" and not _given_before_may_match(text, s, p):
        return False  # (perf: _GIVEN_INITIAL_BEFORE_EN_RE's shape asked with str slices first; a newline right
        # before s is left to the search, whose `$` matches before it)
    g = _GIVEN_INITIAL_BEFORE_EN_RE.search(text, (s - 24 if s > 24 else 0), s)
    if g is None or g.group(1) in _NOT_GIVEN_EN:
        return False
    if g.group(1).lower() in cue_list(gaz.rules.given_names):
        return True
    gs = g.start()
    if _PERSON_BEFORE_GIVEN_RE.search(text, (gs - 24 if gs > 24 else 0), gs) is not None \
            or _honorific_before(text, gs):
        return True
    return _PERSON_AFTER_FULL_RE.match(text, e) is not None


_PLACE_PREP_BEFORE_EN_RE = re.compile(r"\b(?:in|at|from|to|near|of|outside|into|around|towards?)[ \u00a0]$",
                                      re.IGNORECASE)


def person_surname_en(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """An English capitalised name that is a person's family name (rule 32d), for the place readings too: an honorific
    or rank right before it, a full name it closes (full_name_en), or, where no preposition of place stands right
    before it, the family name of a full name the text gives elsewhere ("Zaatari said", "Taji's brother")."""
    if s < 2 or text[s - 1] not in " \u00a0" or not text[s : s + 1].isupper():
        return False
    if _honorific_before(text, s) or full_name_en(text, s, e, gaz):
        return True
    return (text[s - 3 : s - 1] not in _PLACE_PREP_LAST2
            or _PLACE_PREP_BEFORE_EN_RE.search(text, (s - 12 if s > 12 else 0), s) is None) \
        and _surname_elsewhere(text, s, e, gaz)


def _surname_elsewhere(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """The same name elsewhere in the text stands as the family name of a full name (full_name_en) or after an
    honorific: the text speaks of that person, so the name alone is his (rule 32d). Only a capitalised name, and
    only the first 12 other places it stands (a cheap search)."""
    name = text[s:e]
    if not name[:1].isupper():
        return False
    global _ELSEWHERE_MEMO
    t, g, memo = _ELSEWHERE_MEMO
    if t is not text or g is not gaz:
        memo = {}
        _ELSEWHERE_MEMO = (text, gaz, memo)  # (one text's memo at a time, swapped whole)
    got = memo.get(name)
    if got is None:
        got = memo[name] = (_name_places_en(text, name), {})
    places, hits = got
    n = len(name)
    seen = 0
    for j in places:
        if j == s:
            continue
        if seen == 12:
            break
        seen += 1
        h = hits.get(j)
        if h is None:
            h = hits[j] = _honorific_before(text, j) or full_name_en(text, j, j + n, gaz)
        if h:
            return True
    return False


_ELSEWHERE_MEMO: tuple[str, Gazetteer | None, dict[str, tuple[list[int], dict[int, bool]]]] = ("", None, {})
# (perf) the last letter of each of _PLACE_PREP_BEFORE_EN_RE's words, either case, and the long s its IGNORECASE
# matches as "s" ("towards")
_PLACE_PREP_LAST = frozenset("ntmorfedsNTMORFEDS\u017f")
# (perf32b) the last two letters of those words ("in", "at", "from" ... "towards"), as the IGNORECASE search reads
# them: either case, and the characters its case-insensitive matching takes for "i" (dotless ı, dotted İ) and for
# "s" (long ſ); text[s - 1] is a space there, so they are text[s - 3 : s - 1]
_PREP_CASES = {"i": "iIıİ", "s": "sSſ"}
_PLACE_PREP_LAST2 = frozenset(a + b for w in ("in", "at", "from", "to", "near", "of", "outside", "into", "around",
                                              "toward", "towards")
                              for a in _PREP_CASES.get(w[-2], w[-2] + w[-2].upper())
                              for b in _PREP_CASES.get(w[-1], w[-1] + w[-1].upper()))


def _name_places_en(text: str, name: str) -> list[int]:
    """The first 13 places `name` stands as a word after a space, in the order _surname_elsewhere's search met them
    (each step past the last find), for _surname_elsewhere's per-text memo: its 12 other places than one."""
    n = len(name)
    out: list[int] = []
    j = text.find(name)
    while j != -1 and len(out) < 13:
        if (j == 0 or not text[j - 1].isalnum()) and not text[j + n : j + n + 1].isalnum() \
                and j > 1 and text[j - 1] in " \u00a0":
            out.append(j)
        j = text.find(name, j + n)
    return out
_NOT_GIVEN_EN = frozenset(("The", "In", "At", "From", "To", "Inside", "Outside", "Near", "Into", "Of", "And", "But",
                           "Camp", "Prison", "Jail", "Central", "Syria", "Iraq", "Lebanon", "Jordan", "Turkey", "Iran"))
_PERSON_ROLE_AFTER_RE = re.compile(
    r",[ \u00a0]+(?:the[ \u00a0]+|a[ \u00a0]+)?(?:[a-z\-]+[ \u00a0]+){0,2}?"
    r"(?:director|head|chief|spokes(?:man|woman|person)|official|minister|mayor|governor|commander|deputy|member|president|manager|doctor|lawyer|activist|journalist|"
    r"researcher|professor|analyst|founder|chairman|secretary|representative|envoy|adviser|advisor|officer|told|said)\b")


def _longer_name_after(text: str, end: int) -> bool:
    """_LONGER_NAME_AFTER_RE after the name's end, its word no _SITE_PART_WORDS, in a line that is not title case
    (a headline "Families Leave Roj For Iraq" capitalises every word; at most two thirds of its long words here)."""
    m = _LONGER_NAME_AFTER_RE.match(text, end)
    if m is None or m.group(1).lower() in _SITE_PART_WORDS:
        return False
    if _DEMONYM_HEAD_AFTER_RE.match(text, end) is not None:
        return False  # "Ain al-Hilweh Palestinian refugee camp": the people the camp holds, then its head (rule 25z)
    a = text.rfind("\n", 0, end) + 1
    b = text.find("\n", end)
    words = _CAPITALISED_WORD_RE.findall(text, a, b if b != -1 else len(text))
    return sum(w[0].isupper() for w in words) * 3 <= len(words) * 2


_HEADLINE_SEEN: list[tuple[str, bool]] = [("", False)]  # (the last text asked and its answer; one slot, replaced whole)


def _headline(text: str) -> bool:
    """The whole text is a headline: one line of at most 16 words, not ending in a full stop (the answer kept for
    the text: a page of thousands of bare names stripped and counted it for each, quadratic)."""
    seen = _HEADLINE_SEEN[0]
    if seen[0] is text:
        return seen[1]
    t = text.strip()
    got = bool(t) and "\n" not in t and not t.endswith(".") and t.count(" ") < 16 and ". " not in t
    _HEADLINE_SEEN[0] = (text, got)
    return got


def _named_again(text: str, c: Cand, cores: list[Cand]) -> bool:
    """The same name is read again later in the text."""
    name = fold(text[c.start : c.end])
    return any(o.start > c.end and fold(text[o.start : o.end]) == name for o in cores)


def context_score(text: str, c: Cand, kind: str, ar: Around, gaz: Gazetteer) -> int:
    """How much the text around a bare name weighs for the facility, past the sentence window facility_context
    reads: each distinct cue or weak word of the kind in the sentence (up to 2); a head word of the kind in the
    sentence before or after (2) or another cue there (1); a generic definite head ("the camp", `المخيم`, `السجن`)
    anywhere in the text when no other facility of the kind is named (2, the text's one camp is this one). A town
    word in the sentence (`بلدة`, "market", "municipality") makes it 0: the town."""
    cc = gaz.rules.core_context
    a, b = _sentence_bounds(text, c.start, c.end)
    sent = text[a : c.start] + " " + text[c.end : b]
    if kind == "camp" and gaz.camp_sense is not None and ("amp" in sent or "مخيم" in sent):
        sent = gaz.camp_sense.sub(" ", sent)  # "Jeddah hosted a summer camp": another sense's camp, no cue
    own = _words(sent)
    if own & (_cue_set(cc.town) | _TOWN_SELF):
        return 0
    cues = _cue_set(cc.camp if kind == "camp" else cc.prison) | _cue_set(cc.weak_camp if kind == "camp"
                                                                        else cc.weak_prison)
    heads = _cue_set(cc.city_camp) if kind == "camp" else _PRISON_HEADS
    score = min(2, len(own & cues))
    if score >= 2:
        return score
    pa = _sentence_bounds(text, a - 2, a - 2)[0] if a > 1 else a
    nb = _sentence_bounds(text, b + 1, b + 1)[1] if b + 1 < len(text) else b
    near = _words(text[pa:a] + " " + text[b:nb])
    score += 2 if near & heads else 1 if near & cues else 0
    if score < 2 and not any(k == kind and (e <= c.start or s >= c.end) for s, e, k in ar.heads) \
            and _generic_head(text, kind) and _sole_candidate(c, kind, ar, gaz):
        score += 2
    return score


def _sole_candidate(c: Cand, kind: str, ar: Around, gaz: Gazetteer) -> bool:
    """No other bare known name of `kind` (another facility) stands in the text: "the camp" can only be this one's
    (rule 28h: "A team drove from Azraq to Zaatari. The camp hosts 80,000" does not say which)."""
    mine = {p[1] for p in c.payloads if p[0] == "core"}
    for o in ar.cores:
        if o is c or (o.start, o.end) == (c.start, c.end):
            continue
        for p in o.payloads:
            if p[0] == "core" and p[1] not in mine and getattr(gaz.entries.get(p[1]), "kind", None) == kind:
                return False
    return True


# rule 25l (camp19 survey): a refugee camp's name that is also a word or a club's (`الوحدات`, `البقعة`) stands bare in
# reports on the camp: its refugees (`لاجئ`, `اللاجئين`, `لاجئو`) and the camp itself (the definite `المخيم`) or UNRWA
# (`الأونروا`, `وكالة الغوث`) in the same sentence make it the camp; a club's or a team's word right before it
# (`نادي الوحدات`, `فريق`, `جماهير`), a town word in the sentence (`بلدة`, `منطقة`) keep the other reading
_REFUGEE_WORD_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?لاجئ[\u0621-\u064a]*")
_CAMP_OR_AGENCY_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:(?:ال|لل)مخيم|الأونروا|الاونروا|وكالة الغوث)"
                                r"(?![\u0621-\u064a])")
# a front's, a street's or a lane's word before a name (`محور حطين`, `شارع الوحدات`): a quarter inside a camp
_QUARTER_BEFORE_AR = frozenset(fold(w) for w in ("محور", "محاور", "جبهة", "شارع", "حارة", "زقاق", "تقاطع", "دوار"))
_CLUB_BEFORE = frozenset(fold(w) for w in ("نادي", "النادي", "فريق", "الفريق", "جماهير", "جمهور", "مشجعو", "مشجعي",
                                            "لاعب", "لاعبو", "لاعبي", "مدرب", "منتخب",
                                            # a battle's name (`ذكرى معركة حطين`: Saladin's battle, not Marka camp)
                                            "معركة", "موقعة", "ملحمة"))
_TOWN_IN_SENTENCE_AR = frozenset(fold(w) for w in ("بلدة", "منطقة", "قرية", "مدينة", "حي", "لواء", "ناحية"))


_NISBA_AFTER_RE = re.compile(r"[ \u00a0]+ال[\u0621-\u064a\u064b-\u0652]+(?:ي|ية|يه|يّة|يّ)(?![\u0621-\u064a])")


# rule 27c: the residents of a camp whose name is also a word or a given name (Ashraf, Liberty, Baqa'a): their word
# in the name's sentence, the name after a preposition of place, or after "of"/`من` where the sentence also says "the
# camp" ("survivors of Ashraf ... the residents killed inside the camp")
_RESIDENTS_RE = re.compile(r"\bresidents\b|(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?سكان(?![\u0621-\u064a])", re.IGNORECASE)
_THE_CAMP_RE = re.compile(r"\bthe\s+camp\b|(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)(?:مخيم|معسكر)(?![\u0621-\u064a])",
                          re.IGNORECASE)
_OF_BEFORE = frozenset(("of", "من"))
_OF_BEFORE_OR_PEOPLE = _OF_BEFORE | frozenset(fold(w) for w in ("سكان", "وسكان", "لسكان", "أهالي", "وأهالي"))


def _residents_sentence(text: str, c: Cand) -> bool:
    if text[c.end : c.end + 1] == " " and text[c.end + 1 : c.end + 2].isupper():
        return False  # ("Ashraf Ghani": a given name and a surname)
    lo, hi = _sentence_bounds(text, c.start, c.end)
    sent = text[lo:c.start] + " " + text[c.end:hi]
    if _RESIDENTS_RE.search(sent) is None:
        return False
    if _word_read_as_name(text, c.start, c.end) or prev_word(text, c.start, frozenset()) in ("outside", "inside"):
        return True
    # (the Arabic construct "residents of" with no word for "of", rule 28u: `سكان الوحدات ... من خارج المخيم`)
    return prev_word(text, c.start, frozenset()) in _OF_BEFORE_OR_PEOPLE and _THE_CAMP_RE.search(sent) is not None


# rule 31g (bare31ar2): a camp's bare name whose own sentence goes on to say "the camp" (`المخيم`, `بالمخيم`,
# `للمخيم`) after it, in a text that names no other camp, is the camp, though a town or a city bears the name:
# `أحيا أهالي صبرا وشاتيلا الذكرى ... من مدخل المخيم`, `يزدحم سوق الوحدات ... يقصدون المخيم`, `هدم 95 بيتاً في
# جنين، وهو ما يعني زوال ثلث المخيم`, `وصف عائدون من الهول المخيم بأنه`. The town where the sentence sets the camp
# beside it: "and the camp" (`جنين والمخيم`), its own camp (`جنين ومخيمها`), the city or a town's word (`المدينة`,
# `بلدية جنين`, `قرى محافظة جنين`), a movement or nearness between them (`من جنين إلى المخيم`, `قرب المخيم`)
_THE_CAMP_AFTER_AR_RE = re.compile(r"(?<![\u0621-\u064a])([وفبل]?)(?:ال|لل)مخيم(?![\u0621-\u064a])")
_TOWN_BESIDE_CAMP_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?(?:مدينة|مدينه|بلدة|بلده|"
                                     r"قرية|قريه|قرى|محافظة|محافظه|محافظ|ناحية|ناحيه|منطقة|منطقه|حي|أحياء|"
                                     r"مخيمها|مخيماتها|مخيمي|مخيمين|لواء|قضاء)(?![\u0621-\u064a])")
_CAMP_ELSEWHERE_BEFORE = frozenset(fold(w) for w in ("إلى", "الى", "نحو", "صوب", "قرب", "بقرب", "قرابة", "محيط",
                                                      "بمحيط", "ومحيط", "جوار", "بجوار", "أطراف", "باتجاه", "حول",
                                                      "خارج", "غير", "مثل", "كما"))
_NAME_IS_TOWN_BEFORE_AR = _CLUB_BEFORE | _TOWN_IN_SENTENCE_AR | frozenset(
    fold(w) for w in ("بلدية", "محافظ", "محافظة", "ريف", "قرى", "مدن", "أحياء", "جامعة", "مستشفى", "بطولة",
                      "كتيبة", "كتائب", "سرايا", "سرية", "مجموعة", "فصيل", "قائد")) | _QUARTER_BEFORE_AR


def _the_camp_after_ar(text: str, c: Cand, ar: Around, gaz: Gazetteer) -> bool:
    """A bare Arabic camp name whose sentence says "the camp" after it, the text's only camp (rule 31g)."""
    lo, hi = _sentence_bounds(text, c.start, c.end)
    m = _THE_CAMP_AFTER_AR_RE.search(text, c.end, min(hi, c.end + 120))
    if m is None or m.group(1) == "و":
        return False  # (`جنين والمخيم`: the city and the camp)
    if prev_word(text, m.start(), frozenset()) in _CAMP_ELSEWHERE_BEFORE:
        return False  # `من جنين إلى المخيم`, `قرب المخيم`: the camp is another place than the name's
    if _PEOPLE_FROM_RE.search(text, (c.start - 24 if c.start > 24 else 0), c.start) is not None:
        return False  # `قالت مصادر محلية في طولكرم إن الجرافات دمرت ... في المخيم`: where the source sits (rule 33j)
    pw = prev_word(text, c.start, frozenset())
    if pw in _NAME_IS_TOWN_BEFORE_AR:
        return False  # `بلدية جنين`, `نادي الوحدات`, `مدينة جنين`, `كتيبة طولكرم`, `محور حطين`: the town, the club,
        # a fighters' group named after the town, a front inside the camp
    if (text[c.start : c.start + 3] == "نهر" and _word_before(text, c.start) in _WATER_BEFORE) \
            or (text[c.start - 1 : c.start] == " " and natural_feature(text, c.start, c.end)) \
            or outlet_word_after(text, c.end) or _team_of_camp(text, c) or _areas_such_as(text, c.start):
        return False  # `مياه نهر البارد ... نازحو المخيم`: the river; an outlet's name; a camp's team; areas such as
        # these towns (rule 23)
    if _NISBA_AFTER_RE.match(text, c.end) is not None:
        return False  # (`الوحدات السكنية` "the housing units": the word)
    lead = text[c.start - 60 if c.start > 60 else 0 : c.start]
    if _battle_nears(text, c.start, True) or _QUARTER_OF_TOWN_AR_RE.search(lead) is not None \
            or ("بين" in lead and _ROAD_BEFORE_RE.search(lead) is not None):
        return False  # `مع اقتراب المعارك من عين عيسى ... قاطني المخيم`: a front nears the town (rule 29b); `في الحي
        # الغربي من الهول`: the town's quarter (rule 29h); `الطريق بين الشدادي والهول`: two towns
    if _TOWN_BESIDE_CAMP_AR_RE.search(text, lo, hi) is not None:
        return False  # `اقتحم الجيش المدينة ... المخيم`, `جنين ومخيمها`: the sentence sets a town beside the camp
    if any(k == "camp" for _s, _e, k in ar.heads) or not _sole_candidate(c, "camp", ar, gaz):
        return False  # ("from al-Hol to Roj camp ... the camp": which one is not said)
    return not sports_report(text)


def _refugee_camp_sentence(text: str, c: Cand) -> bool:
    """A word-like Arabic core of a camp in a sentence that names refugees and the camp or UNRWA (rule 25l)."""
    if not ("\u0600" <= text[c.start] <= "\u06ff"):
        return False
    if prev_word(text, c.start, frozenset()) in _CLUB_BEFORE | _TOWN_IN_SENTENCE_AR \
            or _NISBA_AFTER_RE.match(text, c.end) is not None:
        return False  # (`الوحدات السكنية` "the housing units", `البقعة الترابية` "the dirt patch": the word)
    lo, hi = _sentence_bounds(text, c.start, c.end)
    sent = text[lo:c.start] + " " + text[c.end:hi]
    if _CAMP_OR_AGENCY_RE.search(sent) is None:
        return False
    # the camp or UNRWA alone in the sentence (rule 28u): `تدير وكالة الغوث ثماني مدارس في البقعة`, `غادرت العائلة
    # البقعة إلى عمّان ... سوق المخيم`; not a front's or a street's name inside another camp (`محور حطين ...
    # مدخل المخيم`)
    # (a proclitic glued to the word makes a word of its own: `حملة لقاح` "a vaccination drive", no Qah; rule 23f; a
    # given name has no article: `قال أشرف عبد الله ... إلى المخيم`; where people come from is the region: `جاؤوا من
    # الجليل الأعلى`, rule 25z)
    return _REFUGEE_WORD_RE.search(sent) is not None \
        or (text.startswith("ال", c.start) and not ("\u0621" <= text[c.start - 1 : c.start] <= "\u064a")
            and prev_word(text, c.start, frozenset()) not in _QUARTER_BEFORE_AR
            and _COME_FROM_AR_RE.search(text, max(0, c.start - 40), c.start) is None)


# rule 25v (neg20 survey): a camp's bare name in a sports report is its youth centre's team (`فاز الأمعري على هلال
# أريحا`, `مباراة الأمعري والجلزون`, `ضمت المجموعة الأولى بلاطة وسلواد وجنين ونور شمس`): a text with words of two
# kinds of the game (a match, a stadium, a league, goals, football, a tournament, teams, a draw's groups) and a
# sentence that names no camp, refugees, displaced people, raid, strike or arrest around the name. A camp named with
# its head (`ملعب البيرة المجاور لمخيم الأمعري`) is read as before.
_SPORT_FAMILIES = (
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:مباراة|مباراه|مباريات|لقاء)(?![\u0621-\u064a])"),
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:ملعب|استاد|إستاد|ستاد)(?![\u0621-\u064a])"),
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?دوري[ \u00a0]+(?:ال)?(?:محترفين|ممتاز|الدرجة|كرة|أبطال|ابطال)"),
    re.compile(r"(?<![\u0621-\u064a])(?:[وبل]?(?:ال)?هدف(?:ين|ا|اً)?[ \u00a0]+(?:نظيف|لهدف|مقابل|دون)|بهدفين|بهدف"
               r"|أهداف[ \u00a0]+(?:لهدف|مقابل|دون)|برباعية|بثلاثية|بثنائية)"),
    re.compile(r"كر[ةه][ \u00a0]+(?:القدم|السلة|اليد|الطائرة)"),
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?بطول(?:ة|ه|ات)(?![\u0621-\u064a])"),
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:فرق|فريق|فريقا|فريقاً|أندية|اندية)(?![\u0621-\u064a])"),
    re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:مجموعات|مجموعتين|مجموعتان|القرعة|"
               r"المجموعة[ \u00a0]+(?:الأولى|الاولى|الثانية|الثالثة|الرابعة))"),
    # (rule 26c) a result (`تغلب`, `تعادل`, `بفوز`, `هدف الفوز`, a goalless draw) and the table or the net (`مرمى`,
    # the leader, `برصيد 19 نقطة`): one-sentence match reports name no stadium or league
    re.compile(r"(?<![\u0621-\u064a])[وف]?(?:تغلب|تعادل|بفوز|هدف[ \u00a0]+الفوز|سلبي(?:اً|ا)(?![\u0621-\u064a]))"),
    re.compile(r"(?<![\u0621-\u064a])[وفب]?(?:مرمى|شباك[ \u00a0]+(?:ال)?مرمى|(?:ل|ال|لل)متصدر|برصيد[ \u00a0]+"
               r"[0-9\u0660-\u0669]+[ \u00a0]+نقط)"),
)
_NOT_GAME_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?(?:مخيم|مخيمات|لاجئ[\u0621-\u064a]*|"
                             r"نازح[\u0621-\u064a]*|نزوح|تهجير|اقتحام|اقتحمت|اقتحم|قصف|غارة|غارات|اعتقال|اعتقلت|الأونروا|الاونروا|شهيد|"
                             r"استشهد|احتلال|قوات|الجيش|جيش|حصار|محاصر|توغل|هدم|عملية|سكان|أهالي|اهالي|عائلات)"
                             r"(?![\u0621-\u064a])")
# each family's words, at most `back` characters after a match's start, which every match holds: the family's
# lookbehind-first pattern, which re would try at every character of the text, is tried only up to `back` characters
# before its words, which needle_starts finds for all the families in one pass
_SPORT_ANCHORS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("مبار", "لقاء"), 3),
    (("ملعب", "ستاد"), 4),  # (`استاد`, `إستاد`: the word from their second letter)
    (("دوري",), 3),
    (("هدف", "أهداف", "برباعية", "بثلاثية", "بثنائية"), 3),
    (("كرة", "كره"), 0),  # (the family's `كر[ةه]`: not every `كر` of `عسكر`, `ذكر`)
    (("بطول",), 3),
    (("فرق", "فري", "ندية"), 4),
    (("مجموع", "القرعة"), 5),  # (`المجموعة`: the word from its third letter)
    (("تغلب", "تعادل", "بفوز", "هدف", "سلبي"), 1),
    (("مرمى", "شباك", "متصدر", "برصيد"), 3),
)
_SPORT_NEEDLES = tuple(dict.fromkeys(w for ws, _b in _SPORT_ANCHORS for w in ws))
_SPORT_BEHIND = tuple(rx.pattern.startswith(r"(?<![\u0621-\u064a])") for rx in _SPORT_FAMILIES)  # (all but كر[ةه])
_SPORT_BY_FIRST: dict[str, list[tuple[str, int]]] = {}
for _k, (_ws, _b) in enumerate(_SPORT_ANCHORS):
    for _w in _ws:
        _SPORT_BY_FIRST.setdefault(_w[0], []).append((_w, _k))


def _sport_families(text: str) -> int:
    """How many of _SPORT_FAMILIES match in text, up to 2 (each tried only before its words: _SPORT_ANCHORS)."""
    if text.isascii():
        return 0  # (every family's words are Arabic)
    starts: list[set[int]] = [set() for _ in _SPORT_ANCHORS]
    for i in needle_starts(text, _SPORT_NEEDLES):
        for w, k in _SPORT_BY_FIRST[text[i]]:
            if text.startswith(w, i):
                back = _SPORT_ANCHORS[k][1]
                if _SPORT_BEHIND[k]:  # (the family opens with the lookbehind: it fails where a letter of its range
                    # is right before p, so only the other positions are kept)
                    starts[k].update(p for p in range(i - back if i > back else 0, i + 1)
                                     if p == 0 or not "\u0621" <= text[p - 1] <= "\u064a")
                else:
                    starts[k].update(range(i - back if i > back else 0, i + 1))
    found = 0
    for rx, ps in zip(_SPORT_FAMILIES, starts, strict=True):
        if ps and any(rx.match(text, p) is not None for p in ps):  # (a lookbehind still sees the text before p;
            # whether any position matches: the order they are tried in does not matter)
            found += 1
            if found == 2:
                break
    return found


_SPORT_MEMO: list[object] = [None, False]  # (the last text asked about, and whether it is a sports report)


def sports_report(text: str) -> bool:
    """Words of two kinds of the game in the text (a match, a stadium, a league, goals ...: rule 25v)."""
    if _SPORT_MEMO[0] is text:
        return bool(_SPORT_MEMO[1])
    found = _sport_families(text)
    _SPORT_MEMO[0], _SPORT_MEMO[1] = text, found >= 2
    return found >= 2


def _team_of_camp(text: str, c: Cand) -> bool:
    if not sports_report(text):
        return False
    lo, hi = _sentence_bounds(text, c.start, c.end)
    left = max(text.rfind("،", lo, c.start), text.rfind(",", lo, c.start)) + 1 or lo
    ends = [i for i in (text.find("،", c.end, hi), text.find(",", c.end, hi)) if i >= 0]
    # (the clause of the name: `ضمت البطولة فرقاً من المخيمات، وفاز نور شمس على عسكر` reads the second clause)
    return _NOT_GAME_AR_RE.search(text, max(lo, left), min(ends) if ends else hi) is None


# rule 26i (neg21en survey): a bare known name followed by a base's word ("the Azraq air base", "Azraq Air Base",
# "the Bucca airfield") is the base or the airfield named after the town, no camp or prison (rule 2)
_BASE_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:(?:military|army|naval|air|Air|Military|Army|Naval)[ \u00a0]+)?"
                               r"(?:base|Base|airbase|Airbase|airfield|Airfield|garrison|Garrison|barracks|Barracks)\b")
# rule 26i (neg21en survey): an English camp's bare name followed by a club's word ("Shatila FC", "the Nour Shams
# team", "Yarmouk Club") in a sentence of a game (beat, a match, a league, a cup, a final, goals, a stadium, fans) is
# the camp's club, as rule 25v reads the Arabic team; "the Jenin camp team" keeps the camp (its head is no bare name)
_TEAM_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:F\.?C\.?|S\.?C\.?|Club|club|team|Team|United|youth[ \u00a0]+club|eleven|"
                               r"squad)(?![\w-])")
_GAME_EN_RE = re.compile(r"\b(?:beat|beats|defeated|lost|drew|draw|won|wins|match(?:es)?|league|cup|final|semi-?final|"
                         r"goals?|scored|stadium|tournament|season|fans|kick-?off|football|soccer|basketball|"
                         r"fixture|derby|coach|striker|playoffs?|champions(?:hip)?)\b", re.IGNORECASE)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], at most 300 characters each way: just past the last _SENT_RE match in
    [start - 300, start) (a line break, or a stop before a space or `start`), else there; up to the first one in
    [end, end + 300), else there. (The left one by C-level reverse finds: the regex tried at every character of the
    window cost ~100 ns a character.)"""
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    left = lo
    q = stop = min(start, len(text))
    while q > lo:
        q = max(text.rfind("\n", lo, q), text.rfind(".", lo, q), text.rfind("!", lo, q), text.rfind("?", lo, q),
                text.rfind("؟", lo, q))
        if q < 0:
            break
        if q + 1 == stop or text[q] == "\n" or text[q + 1].isspace():  # (`(?=\s|$)`, the window ending at stop)
            left = q + 1
            break
    right = _SENT_RE.search(text, end, hi)
    return left, (right.start() if right else hi)


def _sentence_bounds_ref(text: str, start: int, end: int) -> tuple[int, int]:
    """_sentence_bounds by _SENT_RE alone (its specification; the unit tests compare them)."""
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    ends = [m.end() for m in _SENT_RE.finditer(text, lo, start)]
    right = _SENT_RE.search(text, end, hi)
    return (ends[-1] if ends else lo), (right.start() if right else hi)


def _words(s: str) -> set[str]:
    base = {fold(w) for w in TOKEN_RE.findall(s)}
    return base | {w[1:] for w in base if w[:1] in "وفبل" and len(w) > 3}


_SENT_RE = re.compile(r"\n|[.!?؟](?=\s|$)")
_PRISON_HEADS = frozenset(("سجن", "السجن", "معتقل", "المعتقل", "prison", "jail"))
# a generic definite head (the text's camp or prison, named before or after by its bare name): `المخيم`, `للسجن`,
# "the camp" (found with str.find, C speed; the article and the word's end checked by hand)
_GENERIC_HEADS = {"camp": ("مخيم", ("the camp", "The camp")),
                  "prison": ("سجن", ("the prison", "the jail", "The prison"))}


def _generic_head(text: str, kind: str) -> bool:
    stem, english = _GENERIC_HEADS.get(kind, ("", ()))
    if any(w in text for w in english):
        return True
    i = text.find(stem) if stem else -1
    while i != -1:
        end = i + len(stem)
        if text[i - 2 : i] in ("ال", "لل") and not ("\u0621" <= text[end : end + 1] <= "\u064a"):
            j = i - 2  # the article, then up to one proclitic before it, then no letter
            while i - j < 4 and text[j - 1 : j] in ("و", "ف", "ب"):
                j -= 1  # (up to two proclitics: وبالمخيم)
            if j == 0 or not ("\u0621" <= text[j - 1] <= "\u064a"):
                return True
        i = text.find(stem, end)
    return False


_AND_ITS_RE = re.compile(r"\s*(?:و(?:مخيمها|مخيمه|سجنها|سجنه|مخيميها|مخيماتها)|and\s+its\s+(?:two\s+|three\s+)?"
                         r"(?:refugee\s+)?(?:camps?|prisons?))"  # (plurals: "Tulkarm and its refugee camps", rule 33j)
                         r"(?![\u0621-\u064a\w])")
# "al-Hol and Iraq's Jeddah 1 camp": the country owns the next name, it is no town of a list with this one
_POSSESSIVE_NEXT_RE = re.compile(r"\s*(?:,|and)\s+[A-Z][a-z]+['’]s\s")
_ERA = frozenset(("عهد", "حقبه", "زمن", "era"))  # `"عهد صيدنايا انتهى"`: an era named after the prison
_KUNYA = frozenset(("ابو", "ام", "ابن", "بن", "بنت", "abu", "umm", "ibn", "bin"))
# where displaced people come from is their town (`عائلة نزحت من سري كانيه`, "families displaced from Ras al-Ain")
_ORIGIN_RE = re.compile(r"(?:(?<![\u0621-\u064a])(?:نزح|نزحت|نزحوا|نازح|نازحة|نازحون|نازحين|المهجرين|مهجري|هجّر|هُجّر|هجر)"
                        r"[\u064b-\u0652]*\s+(?:من|عن)|\b(?:displaced|uprooted|hail(?:s|ing|ed)?)\s+from)\s+$",
                        re.IGNORECASE)
# people coming or descending from a word-like core right before it (rule 25z): the region, not the camp named for it
_COME_FROM_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?(?:قادم|قادمة|قادمه|قادمون|قادمين|القادمين|القادمون|"
                              r"القادمة|ينحدر|ينحدرون|تنحدر|المنحدرين|أصله|اصله|أصلهم|اصلهم|أصولهم|اصولهم|جاؤوا|جاءوا|جاءت|"
                              r"جاء|هاجر|هاجروا|هاجرت|لجأ|لجأوا|لجات|لجأت|طردوا|طُردوا|اقتلعوا|اقتُلعوا)"
                              r"[\u064b-\u0652]*)\s+(?:[^\s.!?،,]+\s+){0,2}?من\s+$")
_ORIGIN_SCOUT = scouted(["displaced", "uprooted", "hail"], ["نزح", "نازح", "المهجرين", "مهجري", "هجّر", "هُجّر", "هجر"])
# the same for a name a town bears, with words between (`نزحت العائلات من سري كانيه`) or the displaced going home
# (`عاد النازحون إلى سري كانيه`): the town they fled
_ORIGIN_WIDE_RE = re.compile(r"(?:(?<![\u0621-\u064a])(?:نزح|نزحت|نزحوا|نازح|نازحة|نازحون|نازحين|النازحين|النازحون"
                             r"|المهجرين|المهجرة|المهجّرة|مهجري|هجّر|هُجّر|هجر)[\u064b-\u0652]*\s+(?:[^\s.!?،,]+\s+){0,2}?"
                             r"(?:من|عن)|(?<![\u0621-\u064a])(?:عاد|عادت|عودة|وعاد|وعادت)\s+(?:ال)?(?:نازحين|نازحون"
                             r"|مهجرين|مهجرون|اهالي|أهالي|سكان)\s+(?:الى|إلى))\s+$")
_ORIGIN_WIDE_SCOUT = scouted([], ["نزح", "نازح", "النازح", "المهجر", "المهجّر", "مهجري", "هجّر", "هُجّر", "هجر", "عاد",
                                  "عودة", "وعاد"])  # (`المهجّرة`, shadda and all, opens at its article: rule 27a)
# the return itself right before the name (`يأمل كثيرون العودة إلى سري كانيه`, `للعودة إلى`): home is the town that
# shares the camp's name (rule 24h; not a camp's own district, Yarmouk: its people return to the camp)
_RETURN_TO_RE = re.compile(r"(?:(?<=ال)|(?<=لل)|(?<![\u0621-\u064a]))(?:عودة|عوده|رجوع)\s+(?:الى|إلى)\s+$")
_RETURN_TO_SCOUT = scouted([], ["عودة", "رجوع"])  # (a match opens at the scout's letter: `العودة` at its ع)
# the preposition before a city's name after a head word of the kind in the same sentence: the prison or camp is
# in the city (`الحكم ... بالسجن المؤبد في الناصرية`, "out of a prison on the edge of Raqqa", `من السجن إلى قاعدتها في
# الشدادي`), the city is no name of its prison (README rule 19b)
# (a country's or a region's possessive may stand between: "Egypt Opens Third Camp in Gaza's Deir al-Balah", prec23en
# survey, rule 27l)
_LOC_BEFORE_RE = re.compile(r"(?:(?<![\u0621-\u064a])(?:في|فى|قرب|داخل|بمدينة|بمدينه)|\b(?:in|at|near|inside|beside|"
                            # "a displacement camp next to Al-Hol" (core25en survey, rule 28f)
                            r"next\s+to|adjacent\s+to|"
                            r"(?:edge|outskirts|heart|centre|center)\s+of)(?:\s+[A-Z][\w-]*['’]s)?)\s+$", re.IGNORECASE)
_KIND_WORD_RE = {"prison": re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?(?:سجن|سجون|معتقل)(?![\u0621-\u064a])|"
                                       r"\b(?:prisons?|jails?)\b", re.IGNORECASE),
                 "camp": re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)?(?:مخيم|مخيمات)(?![\u0621-\u064a])|"
                                    r"\bcamps?\b", re.IGNORECASE)}
_SENTENCE_END_RE = re.compile(r"[.!?؟\n:؛;]")
_CLAUSE_END_RE = re.compile(r"[،,]")
# a verb or participle of where a site lies or was set up (`يقع`, `الواقع`, `أُنشئ`, `أقيم`, "lies", "located", "built")
_SITED_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?(?:يقع|تقع|الواقع|الواقعة|الواقعه|واقع|واقعة|أنشئ|انشئ|أُنشئ|"
                       r"أقيم|اقيم|أُقيم|يمتد|تأسس|تاسس)(?![\u0621-\u064a]))"
                       r"|\b(?:lies|lay|located|situated|sits|built|set\s+up|established|founded|opened)\b",
                       re.IGNORECASE)


# a plural word for areas or towns, up to two words, then "such as" (`ك`, `مثل`, `منها`) and a list of names that
# ends at the bare name: `المناطق الرخوة كالتاجي والكاظمية`, `مدن مثل الرمادي والفلوجة` name towns, no facility
_AREAS_SUCH_AS_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:مناطق|مدن|احياء|أحياء|بلدات|اقضية|أقضية|نواحي|"
                               r"قرى|ضواحي|اطراف|أطراف)(?:\s+[\u0621-\u064a]+){0,2}\s+(?:ك|مثل\s+|منها\s+)"
                               r"(?:[\u0621-\u064a]+\s*(?:[،,]\s*|\s+)و?)*(?:ك)?$")


def _areas_such_as(text: str, start: int) -> bool:
    """_AREAS_SUCH_AS_RE before the name, asked only where one of its plural words is (str `in`, C speed)."""
    lo = max(0, start - 70)
    w = text[lo:start]
    return ("مناطق" in w or "مدن" in w or "حياء" in w or "بلدات" in w or "قضية" in w or "نواحي" in w or "قرى" in w
            or "ضواحي" in w or "طراف" in w) and _AREAS_SUCH_AS_RE.search(text, lo, start) is not None  # (_AREA_STEMS)


# A camp named for the town its people fled, the town in the same country 25 to 200 km from the camp (Serekaniye camp
# by Hasakah, for Ras al-Ain's displaced): read from the gazetteer (the places the trie holds under the camp's bare
# name as written), once per facility and name (fix24, rule 27e)
_ORIGIN_NAMED = facility_cache()
_FROM_BEFORE_RE = re.compile(r"(?:\b(?:from|fled|fleeing|flee|flees)|(?<![\u0621-\u064a])من)\s+$", re.IGNORECASE)
# ("people who fled Serekaniye" as "families from Serekaniye": the town they left; core25en survey, rule 28f)
_PLACE_BEFORE_PAREN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*$|"
                                    r"[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2}\s*$")


def _origin_named(text: str, c: Cand, e: Entry, gaz: Gazetteer) -> bool:
    if e.lat is None or e.lon is None:
        return False
    surface = text[c.start : c.end]
    key = (e.id, surface)
    got = _ORIGIN_NAMED.get(key)
    if got is not None:
        return bool(got)
    node: Any = gaz.trie.root
    for tok in key_tokens(surface):
        node = node.get(tok) if isinstance(node, dict) else None
        if node is None:
            break
    far = False
    for role, pls in node.get(PAYLOAD, ()) if isinstance(node, dict) else ():
        for pl in pls if role == "place" else ():
            pe = gaz.entries.get(pl[1])
            if pe is None or pe.lat is None or pe.lon is None or pe.country != e.country:
                continue
            dy, dx = (pe.lat - e.lat) * 111.0, (pe.lon - e.lon) * 111.0 * 0.8  # (km; cos 37° ≈ 0.8)
            far = far or 25.0 ** 2 < dy * dy + dx * dx < 200.0 ** 2
    return bool(remember(_ORIGIN_NAMED, key, far))


_AREA_WORDS = frozenset(("منطقه", "مناطق", "المنطقه"))  # (folded: the word right before a bare name)
_AREA_STEMS = ("مناطق", "مدن", "حياء", "بلدات", "قضية", "نواحي", "قرى", "ضواحي", "طراف")


# a camp's district (facilities.yaml `district`) after its people's word, with the definite `المخيم` later in the
# text: the camp's residents, not a town's (`أهالي` is a town word elsewhere, core_context.town)
_PEOPLE_OF = frozenset(("اهالي", "ابناء", "سكان"))
_CAMP_LATER_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)مخيم(?![\u0621-\u064a])")


def _located_in(text: str, start: int, kind: str, accepted: list[tuple[int, int]], persons: bool = True) -> bool:
    """A preposition of place before the name, and a generic head word of the kind (no named facility's) before
    it in the same sentence (`في مخيم الأمل ... بعد سنوات في الهول` moves people between camps: not this).
    `persons=False` (a town's name, no city's): `المعتقل المحرَّر`, a freed detainee, is no head word there."""
    if _LOC_BEFORE_RE.search(text, max(0, start - 40), start) is None:
        return False
    lo = max(0, start - 160)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, start)]
    if kind == "camp" and _SITED_RE.search(text, ends[-1] if ends else lo, start) is None:
        # (the clause: `... من المخيم، وقالت إنها ضبطت ...، ضمن عملية ... في الهول` is the camp's own operation,
        # rule 24g; where the sentence says where the camp lies or was set up, `يقع المخيم، الذي ...، في الهول`,
        # "the camp, built in 1991, lies in al-Hol", the name is the town whatever the commas between)
        ends += [m.end() for m in _CLAUSE_END_RE.finditer(text, ends[-1] if ends else lo, start)]
        ends.sort()
    pattern = _KIND_WORD_RE.get(kind)
    if pattern is None:
        return False
    words = [m for m in pattern.finditer(text, ends[-1] if ends else lo, start)
             if persons or not _detainee_person(text, m)]
    return bool(words) and not any(s <= m.start() < e for m in words for s, e in accepted)


# `المعتقل المحرَّر`, `معتقل سابق`: the detainee, a person (a freed or former one), not the detention centre
_DETAINEE_AFTER = frozenset(("المحرر", "محرر", "السابق", "سابق", "المفرج", "مفرج"))


def _detainee_person(text: str, m: re.Match[str]) -> bool:
    """The word `معتقل` of a kind-word match is a person: a freed or former detainee (rule 23)."""
    if "معتقل" not in m.group():
        return False
    nxt = TOKEN_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
    return (nxt is not None and fold(nxt.group()) in _DETAINEE_AFTER) \
        or _SPEAKING_BEFORE_AR_RE.search(text, max(0, m.start() - 12), m.start()) is not None  # `روى معتقل` (25z)


# "AIN AL-HILWEH, Lebanon —": the country after a camp's name glosses where it is (no list of towns)
_COUNTRY_GLOSS_RE = re.compile(r"\s*[,،]\s*(?:Lebanon|Syria|Jordan|Iraq|(?:the\s+)?(?:occupied\s+)?West\s+Bank|Gaza|"
                               r"لبنان|سوريا|سورية|الأردن|الاردن|العراق|الضفة(?:\s+الغربية)?|غزة)\b")


# "camps at X and Y", "camps in both X and Y" list the camps; "the prisons in Abu Ghraib and Taji" are in the towns
# a plural head, then within its clause (no town word) "such as"/"including"/"like" right before the name ("centres":
# Libya's detention centres, "other centres in the capital, including Tariq al-Sikka": a prison's kind; en18)
_PLURAL_SUCH_AS_RE = re.compile(r"\b(camps|prisons|jails|facilities|centres|centers)\b"
                                r"(?:(?!\b(?:towns?|cities|city|villages?|areas?|districts?|provinces?|places)\b)"
                                r"[^.;:!?\n]){0,50}?\b(?:such\s+as|including|like)\s+$", re.IGNORECASE)
# ... and a later name of that list: one to three capitalised names (of up to three words) before it, each followed by
# a comma or "and"
_PLURAL_SUCH_AS_LIST_RE = re.compile(
    r"\b((?i:camps|prisons|jails|facilities|centres|centers))\b(?:(?!\b(?i:towns?|cities|city|villages?|areas?|"
    r"districts?|provinces?|places)\b)[^.;:!?\n]){0,50}?\b(?i:such\s+as|including|like)\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,3}$")
# the Arabic plural head "such as" (`مثل`, a glued ك) and up to three names joined by و or commas before a name: a
# definite head with up to two definite adjectives (`السجون الكبيرة كرومية`; rule 28u). Not an indefinite head, a
# likeness ("prisons like Sednaya", `سجون كصيدنايا`), nor a word between that is no adjective (`السجون في مدن كالرقة`)
_PLURAL_SUCH_AS_AR_RE = re.compile(
    r"(?<![\u0621-\u064a])[وفبل]?ال(سجون|معتقلات|مخيمات)(?:[ \u00a0]+ال[\u0621-\u064a]+){0,2}"
    r"[ \u00a0]+(?:مثل[ \u00a0]+|ك)(?:[\u0621-\u064a]+(?:[ \u00a0]+[\u0621-\u064a]+)?"
    r"(?:[ \u00a0]*،[ \u00a0]*و?|[ \u00a0]+و)){0,3}$")


def _plural_such_as_ar(text: str, start: int, kind: str | None) -> bool:
    """_PLURAL_SUCH_AS_AR_RE right before `start`, its head of `kind` (any kind: None; asked only where a head is
    near: str `in` by the callers)."""
    m = _PLURAL_SUCH_AS_AR_RE.search(text, max(0, start - 110), start)
    if m is None:
        return False
    return kind is None or ("camp" if m.group(1) == "مخيمات" else "prison") == kind


_PLURAL_IN_RE = re.compile(r"(?:\b(?:camps|prisons|jails|facilities)|مخيمات|سجون|معتقلات)\s+"
                           r"(?:at|in\s+both|في\s+كل\s+من)\s+$", re.IGNORECASE)


def _plural_kind_ok(head: str, kind: str) -> bool:
    """The plural head names facilities of the bare name's kind ("facilities" any)."""
    camp = "amp" in head or "مخيم" in head
    return camp == (kind == "camp") or "acilit" in head


def plural_listed(text: str, c: Cand, cores: list[Cand]) -> bool:
    """The name opens a list of known names after a plural head and "in"/"at": "the camps at Al Hol and Al Roj"."""
    if _PLURAL_IN_RE.search(text, max(0, c.start - 30), c.start) is None:
        return False
    return any(o.start > c.end and o.start - c.end <= 12 and _AND_RE.fullmatch(text, c.end, o.start) for o in cores)


_STYLE_RE = re.compile(r"-(?:style|like|type|esque|inspired)\b", re.IGNORECASE)
_LIKE_BEFORE_RE = re.compile(r"(?:(?:على\s+غرار|(?:ي|ت)شبه|أشبه\s+ب|اشبه\s+ب|شبيه(?:ة|ه)?\s+ب|\b(?:another|new))\s*|"
                             r"(?<![\u0621-\u064a])كـ?)$")
_NEW_FIRST = frozenset("جاآث")
_NEW_AFTER_RE = re.compile(r"\s+(?:جديد|جديدا|جديداً|جديدة|آخر|اخر|ثانيا|ثانياً|ثان)(?![\u0621-\u064a])")


def compared(text: str, s: int, e: int, country: str | None = None) -> bool:
    """The name stands for what it is like, not for itself: "a Guantanamo-style prison", "a new Guantanamo",
    `سجن على غرار غوانتانامو`, `غوانتانامو جديداً`; and an epithet that gives another place the name:
    `غوانتانامو الإسرائيلي`, `غوانتانامو صغير`, `غوانتانامو مصر`, "Israel's Guantanamo", "the Israeli
    Guantánamo", "a mini-Guantanamo", `لقب غوانتانامو`."""
    if text[e : e + 1] == "-":
        return _STYLE_RE.match(text, e) is not None
    if epithet(text, s, e, country):
        return True
    lead = text[s - 14 if s > 14 else 0 : s]
    if text[s] < "\u0600":
        if text[e : e + 4] == " of " and lead[-4:].lower() == "the ":
            return _OF_ANOTHER_RE.match(text, e) is not None  # "the Guantanamo of the desert"
        return ("new" in lead or "another" in lead) and _LIKE_BEFORE_RE.search(text, max(0, s - 14), s) is not None
    if text[s - 1 : s] == "ك" or "غرار" in lead or "شبه" in lead or "شبيه" in lead:
        # (a glued ك after a plural head of sites is "such as", an example, no likeness: `السجون الكبيرة كرومية`)
        return _LIKE_BEFORE_RE.search(text, max(0, s - 14), s) is not None \
            and not (text[s - 1 : s] == "ك" and ("سجون" in (near := text[max(0, s - 110) : s]) or "مخيمات" in near
                                                or "معتقلات" in near) and _plural_such_as_ar(text, s, None))
    return text[e + 1 : e + 2] in _NEW_FIRST and _NEW_AFTER_RE.match(text, e) is not None


def epithet(text: str, s: int, e: int, country: str | None = None) -> bool:
    """The name is an epithet for somewhere else: a nationality or size word, or another country, qualifies
    it (`غوانتانامو الإسرائيلي`, `غوانتانامو صغير`, `غوانتانامو مصر`, "Israel's Guantanamo", "Israeli
    Guantánamo", "a little Guantanamo"), or a naming word gives it (`لُقّب بـ"غوانتانامو"`, `سُمّي باسم`,
    "dubbed"). The facility's own country or the power that runs it (`غوانتانامو الأمريكي`, "America's
    Guantanamo Bay") does not make an epithet."""
    # (each regex runs only where the words it needs are in its window: most names pass none of them)
    window = text[max(0, s - 24) : s]
    if text[s] >= "\u0600":
        if epithet_after_ar(text, e, country):
            return True
        if "من" in text[max(0, s - 6) : s] and _NAMES_FROM_AR_RE.search(text, max(0, s - 60), s) is not None:
            return True  # `يطلقون على سجن «جو» تسميات عديدة، من غوانتانامو إلى ...`: one of the names given another
            # prison, from X to Y (fac27arw, rule 28v)
        if ("لق" in window or "لُق" in window or "سم" in window or "سُم" in window or "بأن" in window
                or "بان" in window) and _NAMING_BEFORE_AR_RE.search(window) is not None \
                and _NICKNAMED_AFTER_AR_RE.match(text, e) is None:  # (`لُقّب صيدنايا بـ"السجن الأحمر"`: the name
            return True  # given a nickname after it is the subject of the naming, not the nickname; rule 25a)
        return False
    if _EPITHET_END_EN_RE.match(text, e) is None:
        return False
    before = text[max(0, s - 30) : s].rstrip(" \t\n-‐‑'‘“\"")
    last = before.rsplit(None, 1)[-1] if before else ""
    # "a Guantanamo in the desert", "a floating Guantanamo": the indefinite article makes the name a kind of
    # place, something else like it (the facility itself is "Guantanamo", "the Guantanamo prison")
    if (last in _A_EN or last.islower()) and _INDEF_BEFORE_EN_RE.search(before) is not None:
        return True
    if last[:1].isupper() or last in _SIZE_EN or last.endswith(("'s", "’s")):
        m = _EPITHET_BEFORE_EN_RE.search(text, max(0, s - 30), s)
        if m is not None and _other_country(m.group(1) or m.group(2), country):
            return True
    low = window.lower()
    if any(k in low for k in _NAMING_KEYS_EN) and _NAMING_BEFORE_EN_RE.search(window) is not None:
        return True
    # "Critics call the desert facility 'America's Guantanamo in Iraq'": a quoted name a naming verb gives to
    # something else ("call X 'Y'", "described it as 'Y'")
    if not any(ch in window for ch in "'‘“\""):
        return False
    q = _OPEN_QUOTE_BEFORE_RE.search(text, max(0, s - 24), s)
    return q is not None and _CALL_BEFORE_RE.search(text, max(0, q.start() - 60), q.start() + 1) is not None


def given_to_another_ar(text: str, s: int) -> bool:
    """_GIVEN_NAME_BEFORE_AR_RE right before an Arabic name (rule 31d): a verb of naming with its object pronoun and
    its subject (`الذي يسميه ناشطون «صيدنايا مأرب»`), a name given with `يطلق ... على ... اسم` (`يطلق الأهالي على سجن
    بئر أحمد اسم "أبو غريب"`), a likening with its object pronoun and the glued ب (`شبّهه منتقدوه ... بغوانتانامو`),
    a copy of it (`نسخة من صيدنايا`). The caller asks that another site be named before it in its sentence (the
    object of the naming): `قبل أن يسميه الأميركيون بوكا` said of "the site" names Bucca itself."""
    wide = text[max(0, s - 72) : s]
    return ("سم" in wide or "طلق" in wide or "شب" in wide or "نسخ" in wide) \
        and _GIVEN_NAME_BEFORE_AR_RE.search(fold_text(wide)) is not None


def epithet_after_ar(text: str, e: int, country: str | None = None) -> bool:
    """Right after an Arabic name, a size word or another country, nation or armed movement that owns the byword
    (`غوانتانامو مصر`, `أبو غريب الحوثيين`: the Houthis' prison at Taiz, rule 25t); the facility's own country
    (`الهول السوري`) is no epithet."""
    m = _EPITHET_AFTER_AR_RE.match(text, e)
    return m is not None and _other_country(m.group(1), country)


_NAMING_KEYS_AR = ("لق", "لُق", "سم", "سُم", "بأن", "بان")
# (rule 31d; matched on folded text, which ends right before the name) a verb of naming with its object pronoun, up to
# two words (its subject), then the name (in quotes, after بـ); `يطلق`/`أطلق` and up to eight words, then `اسم` or
# `لقب`; a verb of likening with its object pronoun, up to five words, then a glued ب; `نسخة` (a copy) and up to two
# words, then `من` (and a head word)
_GIVEN_NAME_BEFORE_AR_RE = re.compile(
    r"(?:(?<![\u0621-\u064a])[وف]?(?:[يت]سمي|[يت]سمون|سما|سمو|[يت]لقب|[يت]لقبون|لقب|لقبو)(?:ه|ها|هم|وه|وها)"
    r"(?:\s+[\u0621-\u064a]+){0,2}\s+(?:بـ?\s*)?[\"'«»“”]?\s*"
    r"|(?<![\u0621-\u064a])[وف]?(?:[يت]طلق|اطلق|[يت]طلقون|اطلقوا|اطلقت)(?:\s+\S+){0,8}?\s+(?:اسم|لقب|تسميه)\s*"
    r"[\"'«»“”]\s*"
    r"|(?<![\u0621-\u064a])[وف]?(?:شبه|[يت]شبه|شبهو|[يت]شبهون)(?:ه|ها|وه|وها)(?:\s+\S+){0,5}?\s+ب"
    r"|(?<![\u0621-\u064a])(?:ال)?نسخه(?:\s+[\u0621-\u064a]+){0,2}\s+من\s+(?:(?:سجن|معتقل|مخيم)\s+)?[\"'«»“”]?\s*)$")
# the names or nicknames a place is given, then "from" right before the name (a list "from X to Y")
_NAMES_FROM_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وب]?(?:تسميات|ألقاب|القاب|مسميات)(?:[ \u00a0]+\S+){0,5}?"
                               r"[ \u00a0]+من[ \u00a0]*[\"'«»“”„‟‹›’‘]?[ \u00a0]*$")
_NICKNAMED_AFTER_AR_RE = re.compile(r"['\"»”’]?\s+(?:بـ|ب[\"«“]|باسم|ب\s)")
_NAMING_KEYS_EN = ("dub", "nick", "brand", "liken")
_A_EN = frozenset(("a", "A", "an", "An"))
_INDEF_BEFORE_EN_RE = re.compile(r"(?:^|[\s'‘“\"(])[Aa]n?(?:\s+[a-z][a-z-]*)?$")
_SIZE_EN = frozenset(("little", "mini", "small", "own", "second", "another", "new"))


def _other_country(word: str | None, country: str | None) -> bool:
    """The qualifier is a size word (no country: `صغير`, "little"), or a country or nationality other than
    the facility's own (`الهول السوري`, "Syria's al-Hawl" are the facility itself); an unknown word is not."""
    if not word:
        return True
    w = fold(word)
    w = w[2:] if w.startswith("ال") else w
    if w in _DIRECTIONS_AR:
        return False  # `قطاعات الهول الشرقية`: the eastern sectors, a direction (شرق is also "the East", an epithet)
    for suffix in ("يه", "ه"):
        if w.endswith(suffix) and w[: -len(suffix)] in _NATIONS:
            w = w[: -len(suffix)]
            break
    iso = _NATIONS.get(w)
    return iso is not None and iso != country


_DIRECTIONS_AR = frozenset(("شرقي", "شرقيه", "غربي", "غربيه", "شمالي", "شماليه", "جنوبي", "جنوبيه"))
_Q = "[\"'«»“”„‟‹›’‘]"
_COUNTRIES_AR = ("مصر|العراق|سوريا|سورية|الأردن|الاردن|لبنان|إسرائيل|اسرائيل|تركيا|إيران|ايران|الشرق الأوسط|"
                 "الشرق الاوسط|أفريقيا|افريقيا|أوروبا|اوروبا|الصحراء|العرب|ليبيا|اليمن|السعودية|الخليج|البحرين|"
                 "السودان|تونس|الجزائر|المغرب|قطر|الكويت|الإمارات|الامارات|عمان|سيناء|غزة|الضفة|أفغانستان|افغانستان|"
                 "الحوثيين|الحوثيون")  # (an armed movement as owner: `"أبو غريب" الحوثيين`, rule 25t)
# right after the name (inside its quotes or not): a nisba adjective with the article, a size word, a country
_EPITHET_AFTER_AR_RE = re.compile(
    f"{_Q}?\\s*(ال[\u0621-\u064a]{{3,}}(?:ي|ية|يه)|صغير|صغيرا|صغيرة|صغيره|كبير|كبيرا|كبيرة|كبيره|مصغر|مصغرة|"
    f"مصغره|{_COUNTRIES_AR}|[\u0621-\u064a]{{2,}}(?:ي|يه|ية))(?![\u0621-\u064a])")
_NAMING_BEFORE_AR_RE = re.compile(f"(?<![\u0621-\u064a])(?:لقب|لُقب|لُقّب|لقّب|يلقب|يُلقب|تلقب|سمي|سُمي|سُمّي|سمّي|"
                                  f"باسم|بأنه|بأنها|بانه|بانها)\\s*(?:بـ?)?\\s*{_Q}?\\s*$")
_COUNTRIES_EN = ("Israel|Egypt|Iraq|Syria|Jordan|Lebanon|Turkey|Iran|Russia|China|Europe|Africa|Libya|Yemen|"
                 "Britain|Afghanistan|Pakistan|Saudi Arabia|Kurdistan|Assad|Sisi|Erdogan|Putin|"
                 # (en20 survey, rule 25s) "the UK's Guantanamo Bay" said of Belmarsh, "Australia's Guantanamo"
                 "UK|U\\.K\\.|United Kingdom|England|Scotland|Ireland|France|Germany|Italy|Greece|Spain|Australia|"
                 "Canada|India|Nigeria|Kenya|Myanmar|Burma|Mexico|Bahrain|Qatar|the Gulf|Asia")
# before the name: a possessive country ("Israel's"), a nationality adjective ("Israeli"), a size word
_EPITHET_BEFORE_EN_RE = re.compile(
    f"(?:\\b({_COUNTRIES_EN})['’]s|\\b([A-Z][a-z]+(?:i|an|ese|ish))|\\b(?:little|mini|small|own|second|"
    f"another|new))[\\s-]*['‘“\"]?\\s*$")
_NAMING_BEFORE_EN_RE = re.compile(r"\b(?:dubbed|nicknamed|branded|likened\s+to)\s+(?:it\s+|the\s+|a\s+)?"
                                  r"['‘“\"]?\s*$", re.IGNORECASE)
_OPEN_QUOTE_BEFORE_RE = re.compile(r"(?:^|\s)['‘“\"](?:[^'’”\"\n]|['’]s\b){0,20}$")
_CALL_BEFORE_RE = re.compile(r"\b(?:(?:call|calls|called|calling)(?!\s+(?:on|for|upon|off)\b)|dub|dubs|dubbed|"
                             r"nickname[sd]?|brand(?:s|ed)?|describ(?:e|es|ed)\s+(?:\w+\s+){0,4}as)"
                             r"\s+(?:(?!(?:at|in|of|from|to|on|inside|into|for|with|about|over)\b)[\w-]+\s+){0,4}$",
                             re.IGNORECASE)
# after an English epithet the phrase ends; "Yemeni Guantanamo detainees" are held at the facility itself
_EPITHET_END_EN_RE = re.compile(r"['’”\"]?\s*(?:$|[,.;:!?)\-–—'’”\"]|(?:in|of|for|where|that|which|though|with|"
                                r"at|on|and|but|is|was|has|had|says|said|because|after)\b)")
# countries and nationality words (folded, Arabic without the article and the feminine ending) -> ISO2; the
# size words map to "" (an epithet whatever the facility's country)
_NATIONS: dict[str, str] = {fold(k): v for k, v in {
    "سوري": "SY", "سوريا": "SY", "سوريه": "SY", "عراقي": "IQ", "عراق": "IQ", "اسرائيلي": "IL", "إسرائيلي": "IL",
    "اسرائيل": "IL", "إسرائيل": "IL", "اردني": "JO", "أردني": "JO", "اردن": "JO", "أردن": "JO", "لبناني": "LB",
    "لبنان": "LB", "تركي": "TR", "تركيا": "TR", "ايراني": "IR", "إيراني": "IR", "ايران": "IR", "إيران": "IR",
    "مصري": "EG", "مصر": "EG", "فلسطيني": "PS", "كوبي": "CU", "امريكي": "US", "أمريكي": "US", "اميركي": "US",
    "أميركي": "US", "سعودي": "SA", "سعوديه": "SA", "ليبي": "LY", "ليبيا": "LY", "يمني": "YE", "يمن": "YE",
    "روسي": "RU", "صيني": "CN", "افغاني": "AF", "أفغاني": "AF", "باكستاني": "PK", "خليج": "GULF", "عرب": "ARAB",
    "شرق الاوسط": "ME", "شرق الأوسط": "ME", "شرق": "ME", "افريقيا": "AF-", "أفريقيا": "AF-", "اوروبا": "EU",
    "أوروبا": "EU", "اوروبي": "EU", "أوروبي": "EU", "صحراء": "",
    # the rest of _COUNTRIES_AR and their nisbas (rule 25j: `غوانتنامو الإمارات`, Razeen's byword, is no Guantanamo)
    "امارات": "AE", "اماراتي": "AE", "بحرين": "BH", "بحريني": "BH", "سودان": "SD", "سوداني": "SD", "تونس": "TN",
    "تونسي": "TN", "جزائر": "DZ", "جزائري": "DZ", "مغرب": "MA", "مغربي": "MA", "قطر": "QA", "قطري": "QA",
    "كويت": "KW", "كويتي": "KW", "عمان": "OM", "عماني": "OM", "سيناء": "EG", "غزه": "PS", "ضفه": "PS",
    "افغانستان": "AF", "أفغانستان": "AF",
    # an armed movement that runs prisons of its own, as owner of a byword (rule 25t: `سجن الصالح.. "أبو غريب
    # الحوثيين"`); a plural nation nisba is not here (`قاطني الهول العراقيين` are al-Hol's Iraqi residents)
    "حوثي": "YE", "حوثيين": "YE", "حوثيون": "YE",
    "صغير": "", "صغيرا": "", "صغيره": "", "صغيرة": "", "كبير": "", "كبيرا": "", "كبيره": "", "كبيرة": "",
    "مصغر": "", "مصغره": "", "مصغرة": "",
    "Israel": "IL", "Israeli": "IL", "Egypt": "EG", "Egyptian": "EG", "Iraq": "IQ", "Iraqi": "IQ", "Syria": "SY",
    "Syrian": "SY", "Jordan": "JO", "Jordanian": "JO", "Lebanon": "LB", "Lebanese": "LB", "Turkey": "TR",
    "Turkish": "TR", "Iran": "IR", "Iranian": "IR", "Russia": "RU", "Russian": "RU", "China": "CN",
    "Chinese": "CN", "Europe": "EU", "European": "EU", "Africa": "AF-", "African": "AF-", "Libya": "LY",
    "Libyan": "LY", "Yemen": "YE", "Yemeni": "YE", "Britain": "GB", "British": "GB", "Afghanistan": "AF",
    "Afghan": "AF", "Pakistan": "PK", "Pakistani": "PK", "Saudi Arabia": "SA", "Saudi": "SA",
    "Kurdistan": "KRD", "Assad": "SY", "Sisi": "EG", "Erdogan": "TR", "Putin": "RU", "American": "US",
    "Cuban": "CU", "UK": "GB", "U.K.": "GB", "United Kingdom": "GB", "England": "GB", "Scotland": "GB",
    "Ireland": "IE", "France": "FR", "Germany": "DE", "Italy": "IT", "Greece": "GR", "Spain": "ES",
    "Australia": "AU", "Canada": "CA", "India": "IN", "Nigeria": "NG", "Kenya": "KE", "Myanmar": "MM",
    "Burma": "MM", "Mexico": "MX", "Bahrain": "BH", "Qatar": "QA", "the Gulf": "GULF", "Asia": "AS-"}.items()}

# "the Guantanamo of the desert", "the Abu Ghraib of Syria": what the name stands for, elsewhere (not "of the
# Assad era", "of the 1990s": the facility itself at a time)
_OF_ANOTHER_RE = re.compile(r" of (?:the\s+)?+(?!(?:\w+\s+)?(?:era|years?|days|time|times|past|decade|1\d|2\d)\b)"
                            r"[A-Za-z]", re.IGNORECASE)


_AIRPORT_RE = re.compile(r"airport|مطار", re.IGNORECASE)  # "Mezzeh military airport": the airfield, unless the text
# speaks of its prison (the words of facility_context)
_FACILITY_ONLY_RE = re.compile(r"[0-9\u0660-\u0669]|\b(?:central|military)\b|المركزي|العسكري", re.IGNORECASE)


# what else a two-word name names: a river, a church, a street ("the Mar Elias church", "Nahr al-Bared river")
_INSTITUTIONS_BEFORE = frozenset(("كنيسه", "دير", "مسجد", "جامع", "مدرسه", "مستشفي", "شارع", "نهر", "وادي", "جسر",
                                  "دوار", "ساحه", "فندق", "church", "monastery", "street", "river"))
def _word_before(text: str, start: int) -> str:
    """The folded word right before `start` across one space ("" after a glued proclitic or another gap)."""
    if start < 2 or text[start - 1] != " ":
        return ""
    k = text.rfind(" ", max(0, start - 24), start - 1)
    if k < 0 and start > 24:
        return ""  # a word longer than any of the list's
    return fold(text[k + 1 : start - 1].strip("\"'«»“”(),.;:"))


# right before a bare name, a building, a way, an airport or a family that bears it (`مستشفى اليرموك في بغداد`)
_NAMED_FOR_BEFORE = frozenset(fold(w) for w in (
    "مستشفى", "مدرسة", "شارع", "مطار", "جامعة", "نادي", "فريق", "عائلة", "أسرة", "قبيلة", "عشيرة", "ينبوع", "نبع",
    "دير", "كنيسة", "جمعية", "رابطة", "تعمير", "طريق", "monastery", "convent", "church", "association",
    "airport", "hospital", "school", "university", "family", "tribe", "clan",
    # a bridge named after the camp's place (`جسر بزيبز` over the Euphrates, `جسر القيارة`; rule 24o)
    "جسر", "bridge",
    # a stadium named after the camp (`ملعب اليرموك` in Gaza City, not Damascus's camp; rule 25h)
    "ملعب", "استاد", "ستاد", "stadium",
    # the plain named after the camp's village (`سهل عسكر` east of Nablus, where Balata stands; rule 25l)
    "سهل", "plain",
    # a delegation named after the site: `وفد إمرالي`, the DEM Party's delegation that visits Ocalan (rule 27d)
    "وفد",
    # a hill of the name (`تلة مار الياس` above Sidon, not Beirut's Mar Elias camp; rule 28j)
    "تلة", "تله", "hill",
    # a checkpoint named after the camp's place (`الحاجز العسكري المسمى حاجز قلنديا`; rule 28j)
    "حاجز", "checkpoint",
    # an oil or gas field named after the place (`حقل روج النفطي`; neg27, rule 28z)
    "حقل",
    # a dam, a factory or its cement named after the town (`سد بادوش`, `معمل سمنت بادوش`) and the monastery of Our
    # Lady of the town (`دير سيدة صيدنايا`; rule 32j)
    "سد", "معمل", "مصنع", "سمنت", "اسمنت", "إسمنت", "سيدة"))

# a camp's popular or services committee before its bare name (`اللجنة الشعبية للاجئين في البريج`, `لجنة خدمات
# مخيم ...` is read with its head): the committee, "for refugees" or "for services" optional, then `في`/`ب`/`ل`
_CAMP_COMMITTEE_BEFORE_RE = re.compile(
    r"(?<![\u0621-\u064a])[وفل]?(?:ال)?لجن[ةه][ \u00a0]+(?:(?:ال)?شعبي[ةه](?:[ \u00a0]+(?:لل|ل)?(?:اللاجئين|لاجئين|"
    r"خدمات))?|(?:ال)?خدمات)[ \u00a0]+(?:(?:في|فى)[ \u00a0]+|ب|ل)?$")

_LIST_ITEM_END_RE = re.compile(r"[\"»”]?[ \u00a0]*(?:$|[،,.;؛:)\n]|[0-9\u0660-\u0669]|(?:في|فى|من|إلى|الى|على|عن|مع)"
                               r"(?![\u0621-\u064a])|(?:لل|ل|ب)[\u0621-\u064a])")


def _quoted_listed(text: str, c: Cand, ar: Around) -> bool:
    """A quoted word-like core glued to `و` after a facility named with its head in the same sentence, up to 60
    characters before: the next item of a list of sites (`سجن «الرملة» في 11 آب، و«عوفر» للقاصرين`; rule 11, the
    `word` entries' "listed with a facility")."""
    if text[c.start - 2 : c.start - 1] != "و" or text[c.start - 1 : c.start] not in "\"«“" \
            or (c.start > 2 and text[c.start - 3] not in " \u00a0،,") \
            or _LIST_ITEM_END_RE.match(text, c.end) is None:
        return False  # (an item goes on to a comma, a date or a preposition: `و«الراعي» يتابع` is a subject, a person)
    return any(not _SENTENCE_BREAK_RE.search(text, e, c.start) for e in ar.accepted_ix.ending_before(c.start, 60))


# a head of the kind and "new" or "another" right before a quoted name: `إقامة مخيم جديد "الازرق"` (the quoted word is
# the new camp's name, the Azraq camp; prec23ar, rule 27k)
_HEAD_NEW_QUOTE_RE = re.compile(r"(?<![\u0621-\u064a])(?:مخيم|سجن|معتقل)[ \u00a0]+(?:جديد|آخر|اخر|ثان)[ \u00a0]*"
                                r"[\"«“”][ \u00a0]*$")


def _named_for_before(text: str, start: int) -> bool:
    """A building, a way or a family that bears the name is the word right before it, also behind one proclitic
    (`المجاور لملعب اليرموك`, `قرب بمستشفى`, `وجسر بزيبز`: a stadium, a hospital, a bridge of the name)."""
    w = _word_before(text, start)
    if not w and start > 2 and text[start - 1] in "\"«“”'":
        w = _word_before(text, start - 1)  # `مطار "معيتيقة" الدولي` (rule 27p)
    if w in _NAMED_FOR_BEFORE:
        return True
    if len(w) > 3 and w[0] in "لبوف" and (w[1:] in _NAMED_FOR_BEFORE
                                          or (w[:2] in ("ول", "وب", "فل", "فب") and w[2:] in _NAMED_FOR_BEFORE)):
        return True
    # the second of a "from X to Y" pair whose first bears a building's word shares it: `جواً من مطار بنينا إلى
    # معيتيقة` is Mitiga airport, as `مطار معيتيقة` is (prec23ar, rule 27k)
    m = search_scouted(_PAIR_NAMED_BEFORE_RE, _PAIR_NAMED_BEFORE_SCOUT, text, max(0, start - 48), start) \
        if "؀" <= text[start:start + 1] <= "ۿ" \
        else None
    return m is not None and fold(m.group(1)) in _NAMED_FOR_BEFORE


# "from <a building's word> X to" right before a name (one or two words of X; `و` for "between X and")
_PAIR_NAMED_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:من|بين)[ \u00a0]+([\u0621-\u064a]+)[ \u00a0]+"
                                   r"[^\s.!?؛,،:]+(?:[ \u00a0]+[^\s.!?؛,،:]+)?[ \u00a0]+(?:(?:إلى|الى)[ \u00a0]+|و)$")
_PAIR_NAMED_BEFORE_SCOUT = scouted([], ["من", "بين"])  # (a match opens at its preposition)


_ROAD_BEFORE_RE = re.compile(r"(?:طريق|الطريق|المسافة|المسافه|road|highway|route|distance)[^.!?؛\n]{0,25}"
                             r"(?:بين|between)\s+(?:[^\s.!?؛,،]+\s+){0,2}?(?:و|and\s+)?$", re.IGNORECASE)
_DISTANCE_BEFORE_RE = re.compile(r"\b\d[\d.,]*[ \u00a0]*(?:km|kilomet(?:re|er)s?|miles?)[ \u00a0]+"
                                 r"(?:[a-z-]+[ \u00a0]+){0,2}?(?:from|of)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
# ", the sprawling US-run detention camp": an apposition whose head is a camp's or a prison's word (no town's word)
_APPOSED_HEAD_RE = re.compile(  # ("Jafr, a remote desert jail": "desert" before the head is no area; fac26en, 28l)
    r",[ \u00a0]+(?:the|a|an|its|which\s+is\s+(?:the|a|an))[ \u00a0]+(?:(?!(?:town|towns|city|village|area|district|"
    r"region|province|countryside|home|base|hospital|school|river|road|border|crossing|"
    r"desert(?![ \u00a0]+(?:prison|jail|lockup|camp)\b))\b)[\w'’\-]+[ \u00a0]+)"
    r"{0,4}?(?P<det>detention[ \u00a0]+|holding[ \u00a0]+)?(?P<head>camp|prison|jail|lockup|facility|centre|center)\b"
    r"(?!['’]s|[ \u00a0]+(?:town|city|village|district|area|official|officials)\b)", re.IGNORECASE)
_APPOSED_HEAD_COLON_RE = re.compile(":" + _APPOSED_HEAD_RE.pattern[1:], re.IGNORECASE)  # ("X: a camp ...")
_HEAD_KIND = {"camp": "camp", "prison": "prison", "jail": "prison", "lockup": "prison"}
_SURROUNDINGS_AFTER_RE = re.compile(r"\s*(?:و(?:محيطها|محيطه|ريفها|ريفه|ضواحيها|ضواحيه|اطرافها|أطرافها|اطرافه|أطرافه)"
                                    r"(?![\u0621-\u064a])|\s+and\s+(?:its|the)\s+(?:surroundings|outskirts|"
                                    r"countryside|environs|suburbs)\b)")
_POSSESSIVE_RE = re.compile(r"['’]s\s+(?:(?:notorious|infamous|main|central|old|new|former)\s+)?")
_CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ \u00a0]$")
_NOT_GIVEN_BEFORE_EN = frozenset(("The", "In", "At", "On", "From", "To", "Inside", "Near", "Outside", "Since", "After",
                                  "Before", "Until", "Prison", "Jail", "Camp", "Island", "Hell", "Old", "New"))
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"“]\s*|—\s*|-\s+)$")
_ORG_AFTER_RE = re.compile(r"(?:\s+[A-Z][a-z]+(?:['’]s)?){0,2}\s+(?:Association|Foundation|Council|Committee|Union|"
                           r"Network|Agency|Organi[sz]ation|Institute|Society|Party|Movement|Radio|TV|"
                           r"Channel|News|Media|Forum|League|Federation|"
                           # a campaign or an inquiry named for a site (en20 survey, rule 25s: "the Belmarsh Tribunal")
                           r"Tribunal|Trust|Campaign|Project|Inquiry|Commission|"
                           # "the Imrali delegation", the body that visits Ocalan on the island (rule 27d)
                           r"[Dd]elegation)\b")
# a number before the family's word counts families, no family of the name: `غادرت 40 عائلة الهول` (rule 25a)
_COUNTED_FAMILIES_RE = re.compile(r"[0-9\u0660-\u0669]+\s+(?:عائلة|عائله|أسرة|اسرة|اسره)\s+$")
_IDIOM_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:سارت|سار|تسير|يسير)\s+"
                              r"(?:بها|به|بذكره|بذكرها|باخباره|بأخباره)\s*$")
_IDIOM_BEFORE_SCOUT = scouted([], ["سارت", "سار", "تسير", "يسير"])  # (a match opens at its verb)
_CAPS_DATELINE_RE = re.compile(r"(?:\s+[A-Z][A-Z'’-]+)+,\s+[A-Z][a-z]")
# "al-Hout, the vast prison in Nasiriyah", "Evin, the notorious prison in Tehran": a capitalised name in
# apposition to a head word (at most two lowercase words between, none a town word); the phrase ends with the
# head ("the prison guard" is a person). Tried only at each ", the"/", a" (str.find), the name read backwards.
APPOSITION_AFTER_RE = re.compile(
    # (en19b survey, rule 25p: a possessive of up to three names, "Rikers Island, New York City's main jail complex";
    # Britain's security category, "Belmarsh, the Category A jail"; a prison's or jail's complex; a facility, in a
    # sentence about detention only (apposition_facility_ok): "Tajoura, the Tripoli facility struck from the air")
    # (open20en, rule 26b: a superlative "of the" over a place's camps: "Hagadera, the biggest of the camps around
    # Dadaab")
    # (bare29 survey, rule 29h: two superlatives and a country's possessive, "Roumieh, the oldest and largest of
    # Lebanon's overcrowded prisons")
    r",\s+(?P<pre>the\s+[a-z]+['’]s|the\s+(?:[a-z]+est|most\s+[a-z]+)(?:\s+and\s+(?:[a-z]+est|most\s+[a-z]+))?"
    r"\s+of\s+(?:the|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}['’]s)|the|a|an|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}['’]s|one\s+of\s+the)\s+"
    r"(?P<city>[A-Z][a-z]+\s+)?((?:Category\s+[A-D]\s+)?"
    r"(?:(?!(?:city|town|village|area|capital|province|region|district|country|group|man|woman|son|daughter)\b)"
    r"[a-z][a-z-]+\s+){0,2})(?P<head>(?:mega-|super-)?prisons?|jails?|(?:prison|jail)\s+complex(?:es)?|camps?|"
    r"refugee\s+settlements?|detention\s+(?:centres?|"
    r"centers?|facilit(?:y|ies)|camps?)|facilit(?:y|ies)|cluster\s+of\s+(?:camps|tents)|"
    # a prison by its regime (world19en survey, rule 25k): "CECOT, the mega-prison", "IK-2, a general-regime penal
    # colony", "ADX, the federal supermax" ("a former British colony" is no prison)
    r"(?:penal|prison)\s+colon(?:y|ies)|penitentiar(?:y|ies)|supermax(?:\s+prisons?)?)"
    r"(?=\s+(?:in|at|near|on|outside|around|north|south|east|west|where|that|which|run|known|built|holding|housing|for|"
    # ("CECOT, the mega-prison he opened": a relative clause, rule 25k; "the Tripoli facility struck ...", rule 25p)
    r"of|he|she|they|struck|hit|bombed|shelled|raided|used|opened|closed|damaged)\b|\s*[,.;:)\n]|\s*$)")


# rule 26q (bare21en survey): the bare name compared with others of its kind in its own clause ("Baqa'a, in al-Balqa
# governorate, has more registered refugees than any other camp in Jordan"), or opened for a number of people and now
# holding more ("Zaatari opened in July 2012 for 6,000 people and now holds more than 100,000": a town is not opened)
_SITE_MEASURE_AFTER_RE = re.compile(
    r"[^.;:!?\n]{0,90}?\bthan\s+(?:any\s+other|all\s+other|other)\s+(?P<head>camps?|prisons?|jails?)\b"
    r"|\s+(?:was\s+)?(?:opened|set\s+up|established)\s+in\s+(?:[A-Z][a-z]+\s+)?[0-9]{4}\s+(?:for|to\s+(?:house|hold|"
    r"shelter|take))\s+(?:(?:perhaps|about|some|around|nearly|up\s+to)\s+)?[0-9][0-9,]*\s+(?:people|refugees|"
    r"residents|families|detainees|prisoners|inmates)\b")
_IS_A_TOWN_AFTER_RE = re.compile(r"(?:, (?:also|sometimes|often) (?:written|spelt|spelled|called|known as) "
                                 r"[^,.;\n]{1,30},)?"
                                 r"(?: itself)? (?:is|was|remains)(?: (?:just|only|once|still|then|now|merely|"
                                 r"actually|really|in fact|simply|also|originally))? "
                                 r"(?:a|an|the) "
                                 r"(?:[a-z-]+ (?:and )?){0,3}?(?:town|city|village|district|"
                                 r"neighbou?rhood|suburb|quarter|municipality|area|region|desert area)\b"
                                 # "Until the war, Rukban was just an empty corner of the Syrian desert": a piece of
                                 # land, the area (mine25en survey, rule 28b)
                                 r"|(?: itself)? (?:is|was|remains)(?: (?:just|only|once|still|then|merely|simply))? "
                                 r"(?:a|an) (?:[a-z-]+ ){0,2}?(?:corner|stretch|patch|expanse|tract|strip) of "
                                 r"(?:the )?(?:[A-Za-z-]+ ){0,2}?(?:desert|land|steppe|wasteland|countryside)\b")
# (how every match of _IS_A_TOWN_AFTER_RE opens: the optional comma's words, else " itself" or the verb and its space)
# (rule 30f) an apposition right after a bare name whose first word is a town's: a comma, dots, a colon or a dash,
# then `مدينة`/`بلدة`/`قرية`/`ناحية`/`قضاء`/`عاصمة` (with or without the article), as a headline's `X... مدينة Y`
_TOWN_APPOSITION_AR_RE = re.compile(r"[ \u00a0]*(?:[،,:]|\.{2,}|…|[—–-])[ \u00a0]*(?:ال)?"
                                    r"(?:مدينة|مدينه|بلدة|بلده|قرية|قريه|ناحية|ناحيه|قضاء|عاصمة|عاصمه)"
                                    r"(?![\u0621-\u064a])")
_IS_A_TOWN_OPENERS = (", also ", ", sometimes ", ", often ", " itself ", " is ", " was ", " remains ")
# the name said to be a prison or a camp (rule 25a): "X is/was/remains (one of) the/a ... prison", `يُعرف X (بين ...)
# بأنه أسوأ سجون البلاد`, `X هو أكبر مخيم`
_IS_A_SITE_AFTER_RE = re.compile(
    r" (?:(?:is|was|remains|has long been|had long been|as) (?:one of )?(?:the|a|an|iran['’]s|iraq['’]s|syria['’]s) "
    r"(?:[a-z'’-]+ ){0,3}?(?P<head>prison|jail|camp|prisons|jails|camps|detention (?:sites?|facilit(?:y|ies))|"
    r"(?:sites?|facilit(?:y|ies))(?= (?:[a-z'’-]+ ){0,3}?(?:where|in which|that) [^.;\n]{0,40}?\b(?:held|kept|locked|"
    r"jailed|detained|imprisoned|hold|holds|house|houses)\b))"
    r"|(?:[^ .،,؛:!?؟\n]+ ){0,3}?(?:بأنه|بأنها|بانه|بانها|هو|هي) (?:(?:من )?(?:أسوأ|اسوأ|أكبر|اكبر|أشهر|اشهر|أخطر|اخطر|"
    r"أقدم|اقدم|أقسى|اقسى|أبرز|ابرز) )?(?P<head_ar>سجون|سجن|معتقل|معتقلات|مخيم|مخيمات)(?![\u0621-\u064a]))")
# (rule 29l) a bare name, a comma phrase of where it lies (no town word in it), then "is one of the ... prisons"
_PLACED_IS_A_SITE_RE = re.compile(
    r", (?:in|near|outside|north|south|east|west)\b(?![^,.;\n]{0,60}?\b(?:town|city|village)\b)[^,.;\n]{0,60}, "
    r"(?:is|was|remains|has long been) (?:one of )?(?:the|a|an|(?:[A-Z][a-z]+ ){0,2}[A-Za-z]+['’]s) "
    r"(?:[A-Za-z'’-]+ ){0,4}?(?P<head>prisons?|jails?|camps?)\b")
# bare20 survey (rule 26e): people who describe a bare prison's name as a slaughterhouse, a hell or a grave, or say it
# was one ("Released Palestinians described Ofer as a slaughterhouse", `أسرى محررون يصفون عوفر بالمسلخ`, "Freed
# detainees say Ofer was \"a slaughterhouse, not a prison\""): the prison, a figure of its cruelty
_DESCRIBED_BEFORE_RE = re.compile(r"(?:\b(?:describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|likened|compared)|"
                                  r"\b(?:say|says|said|recall(?:s|ed)?|told\s+\w+)"
                                  r"|(?<![\u0621-\u064a])(?:يصف|يصفون|تصف|وصف|وصفوا|وصفت|وصفه|شبه|شبهوا))\s+$")
_FIGURE_AFTER_RE = re.compile(r"\s+(?:(?:as|was|is|had\s+been)\s+[\"“'‘]?\s*(?:(?:a|an|the|like\s+a)\s+)?"
                              r"(?:[a-z-]+\s+)?"
                              r"(?:slaughterhouse|hell|hellhole|graveyard|grave|tomb|dungeon|torture\s+chamber|death\s+camp)"
                              r"|\s*[\"“«]?(?:(?:بأنه|بأنها|بانه|بانها)\s+|ب)(?:ال)?(?:مسلخ|جحيم|مقبرة|مقبره|مسالخ|قبر)"
                              r"(?![\u0621-\u064a]))")
# rule 25y (forms read from the spent blind splits r18a/r18e): a distance measured from the bare name, and an
# apposition (after an optional gloss in dashes or brackets) that names its kind of site
_DISTANCE_FROM_RE = re.compile(
    r"(?<![\u0621-\u064aA-Za-z])(?:كيلومترات|كيلومترين|كيلومترا|كيلومتر|مترين|أميال|اميال|ميلين|ميلا|ميل|كيلو|كلم|كم|"
    r"مترا|متر|أمتار|امتار|km|kms|kilometres?|kilometers?|miles?|metres?|meters?)\s+(?:من|عن|from|of|away\s+from)\s+$")
# (a match opens at its unit's word; the scout reads the English ones in any case: a superset of where they stand)
_DISTANCE_FROM_SCOUT = scouted(["km", "kilomet", "mile", "metre", "meter"],
                               ["كيلومترات", "كيلومترين", "كيلومترا", "كيلومتر", "مترين", "أميال", "اميال", "ميلين",
                                "ميلا", "ميل", "كيلو", "كلم", "كم", "مترا", "متر", "أمتار", "امتار"])
_SITE_APPOSITION_RE = re.compile(
    r"(?:\s*[—–-]+\s*[\"“”'‘’«][^\"“”«»\n]{1,30}[\"“”'‘’»]\s*[—–-]+\s*|\s*\([^()\n]{1,30}\)\s*,?\s*|,\s+)"
    r"(?:a|an)\s+(?:[a-z'’-]+\s+){0,2}?(?P<head>prison|jail|detention\s+(?:centre|center|facility)|complex|camp)\b",
    re.IGNORECASE)
# a headline's opening name, a colon, and within its line a country's (possessive) prison or camp: "Silivri: Inside
# Turkey's Controversial Mega-Prison", "Qarchak: how Iran's women's prison ..." (rule 26k)
_HEADLINE_GLOSS_RE = re.compile(r":[ \u00a0]+(?:[A-Za-z'’-]+[ \u00a0]+){0,3}?[A-Z][\w'’-]*['’]s[ \u00a0]+"
                                r"(?:[A-Za-z'’-]+[ \u00a0]+){0,2}?(?:mega-|super-)?(?P<head>prison|jail|camp)s?\b",
                                re.IGNORECASE)
# bare21ar survey (rule 26r): a superlative of the kind in apposition after the Arabic comma, ordinal or "one of" before
# it (`الأزرق، ثاني أكبر مخيم`, `البقعة، أكبر مخيمات اللاجئين`, `صيدنايا، أحد أسوأ السجون`); a city's superlative names
# no head (`عمّان، أكبر مدن الأردن`)
# (spentbare29, rule 29u: a headline's two dots, an ellipsis, a colon or a dash stand for the comma, `الحاير.. أشد سجون
# السعودية تحصيناً`, and "the most fortified", "the most" (`أشد`, `أكثر`) join the superlatives; one dot is a sentence's
# end, no apposition)
_SITE_APPOSITION_AR_RE = re.compile(
    r"\s*(?:[،,:]|\.\.+|…|[—–-]+)\s*(?:(?:ثاني|ثالث|رابع|خامس|ثانية|ثالثة)\s+)?(?:(?:أحد|احد|إحدى|احدى|من)\s+)?"
    r"(?:أكبر|اكبر|أقدم|اقدم|أشهر|اشهر|أسوأ|اسوأ|أخطر|اخطر|أقسى|اقسى|أبرز|ابرز|أشد|اشد|أكثر|اكثر)\s+"
    r"(?:ال)?(?P<head>مخيمات|مخيم|سجون|سجن|معتقلات|معتقل)(?![\u0621-\u064a])")
_SITE_KIND = {"prison": "prison", "jail": "prison", "prisons": "prison", "jails": "prison", "camp": "camp",
              "camps": "camp", "سجون": "prison", "سجن": "prison", "معتقل": "prison", "معتقلات": "prison",
              "مخيم": "camp", "مخيمات": "camp"}
# a camp's head in its long form, with the acronym in brackets, which no trie key can hold (rule 24m)
_DISPLACED_CAMP_AFTER_RE = re.compile(r"\s+(?:internally\s+)?displaced\s+(?:persons|people)(?:\s*\(\s*IDPs?\s*\))?\s+"
                                      r"camps?\b", re.IGNORECASE)


# a lower-case word that is no conjunction right after the name: the name is a clause's subject, not an item of a
# list ("into Jordan, Zaatari sits 70 km from Amman" after the headline "Zaatari: a Camp ..."; hand21en, rule 26h)
# a sentence's opening phrase of place, up to the comma before its subject: "In northeastern Hasakah governorate,",
# "Located in Hasakah province," (rule 29a)
_INTRO_IN_RE = re.compile(r"(?:^|[.!?\n][ \u00a0]*)(?:(?:Located|Situated|Based)[ \u00a0]+in|In)"
                          r"[ \u00a0]+[^.,;:!?\n]{2,50}$")
_BE_NEXT_RE = re.compile(r"[ \u00a0]+(?:is|was|has|had)\b")
_VERB_NEXT_RE = re.compile(r"[ \u00a0]+(?!(?:and|or|as|in|of|the|to|from|near)\b)[a-z]{3,}\b")


def _same_name_read_bare(text: str, c: Cand, ar: Around) -> bool:
    """The same name, with no head word, was read as the facility earlier in the text (an accepted span that is
    just these words): "Qarchak" after "held at Qarchak, a prison ...", not "Hasakah" after "Hasakah prison"."""
    ends = ar.named_ends
    for s, e in ar.accepted[ar.n_named_ends :]:  # (each accepted span folded once per text: no quadratic rescan)
        key = fold(text[s:e])
        if e < ends.get(key, e + 1):
            ends[key] = e
    ar.n_named_ends = len(ar.accepted)
    return ends.get(fold(text[c.start : c.end]), c.start + 1) <= c.start


# the detention a sentence speaks of, for a bare "facility" in apposition (apposition_facility_ok)
_FACILITY_DETENTION_RE = re.compile(r"\b(?:detain\w*|detention|prisoners?|inmates?|migrants?|refugees?|captives?|"
                                    r"jail\w*|imprison\w*|incarcerat\w*)\b", re.IGNORECASE)


def apposition_facility_ok(text: str, m: re.Match[str]) -> bool:
    """A bare "facility" head ("Tajoura, the Tripoli facility") names a site of detention only in a sentence about
    detention ("Migrants ... were returned to Tajoura, the Tripoli facility"): "Ras Lanuf, the oil facility" is
    none (en19b survey, rule 25p). Other heads say their kind themselves."""
    if not m.group("head").startswith("facilit"):
        return True
    a = max(text.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
    ends = [i for ch in ".!?\n" if (i := text.find(ch, m.end())) != -1]
    return _FACILITY_DETENTION_RE.search(text, a, min(ends) if ends else len(text)) is not None


def apposition_number_ok(m: re.Match[str]) -> bool:
    """A plural head only after "one of the" ("Kutupalong, one of the largest refugee settlements"), a singular one
    (or "cluster of camps") only after the others ("Zamzam, Sudan's largest camp")."""
    head = m.group("head")
    pre = m.group("pre")
    return (head[-1:] == "s" and not head.startswith("cluster")) == (pre[:3] == "one" or " of " in pre)


# (bare_reading: a known name there, "Atmeh, the largest cluster of camps in the area", is the facility)
_POPULATION_AFTER_AR_RE = re.compile(r"[،,]\s*(?:التي|الذي)\s+(?:يسكنها|يسكنه|يقطنها|يقطنه|يبلغ\s+عدد\s+سكانها|"
                                     r"يبلغ\s+عدد\s+سكانه|يعيش\s+فيها|يعيش\s+فيه)[^.،,\n]{0,40}?نسم[ةه]")
# what an apposition after a bare name's comma says of a town (rule 31e): its country ("Khanke, Iraq"), its bearing
# from another place ("Al-Hol, east of Hasakah", "Azraq, 90 km east of Amman"), "home town", "where", or the Arabic
# feminine participle or relative a town takes (`التاجي، الواقعة`, `الهول، التي`), `حيث`
_PLACE_APPOSED_EN_RE = re.compile(
    r"[ \u00a0]*,[ \u00a0]+(?:(?:Iraq|Syria|Jordan|Lebanon|Libya|Egypt|Turkey|Sudan)(?=[ \u00a0]*(?:[,;.(]|[-—–]|$))"
    r"|(?:(?:his|her|their|its|my|our|the)[ \u00a0]+)?(?:(?:old|native|own|former)[ \u00a0]+)?home[ \u00a0-]?town\b)")
_PLACE_APPOSED_AR_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:[وف]?(?:الواقعة|الواقعه|التي)|العراق|سوريا|سورية|"
                                  r"الأردن|الاردن|لبنان)(?![\u0621-\u064a])")


def _place_apposed(text: str, end: int, arabic: bool) -> bool:
    """After the bare name's comma, an apposition that makes it a town (see above; rule 31e)."""
    return (_PLACE_APPOSED_AR_RE if arabic else _PLACE_APPOSED_EN_RE).match(text, end) is not None


_AIRPORT_AFTER_RE = re.compile(r" (?:(?:international|military|civil) )?(?:airport|air ?base|airfield)\b",
                               re.IGNORECASE)
# rule 32f: an airport or airbase in apposition to a prison's bare name, or what the name is said to be
_AIRPORT_APPOSED_RE = re.compile(r"(?:,[ \u00a0]+|[ \u00a0]+(?:is|was|has[ \u00a0]+been|had[ \u00a0]+been)[ \u00a0]+)"
                                 r"(?:a|an|the)[ \u00a0]+(?:(?:former|civilian|civil|military|international|old|main|"
                                 r"only)[ \u00a0]+)*(?:airport|air[ \u00a0]?base|airfield)\b", re.IGNORECASE)
# "Mitiga airport prison", "the Mitiga airbase jail": the airport's name and a prison's head after it, the prison
_PRISON_HEAD_AFTER_AIRPORT_RE = re.compile(r"[ \u00a0]+(?:(?:international|military|civil)[ \u00a0]+)?"
                                           r"(?:airport|air[ \u00a0]?base|airfield)[ \u00a0]+"
                                           r"(?:prison|jail|detention|gaol)",
                                           re.IGNORECASE)
_SHRINE_OF_BEFORE_RE = re.compile(r"\b(?:Our[ \u00a0]+Lady|[Cc]onvent|[Mm]onastery|[Cc]hurch|[Cc]athedral|[Ss]hrine|"
                                  r"[Pp]atriarchate)[ \u00a0]+of[ \u00a0]+$")
_COURT_AT_RE = re.compile(r"\bcourts?\s+(?:at|in|of)\s+(?:the\s+)?$", re.IGNORECASE)
_POLICE_AT_RE = re.compile(r"\bpolice\s+(?:station|post|headquarters|barracks)s?\s+(?:\([^()]{1,40}\)\s+)?(?:at|in)\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)
_COURT_IN_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:ال|ل|ب)?محكم[ةه](?:\s+[^\s.،,:؛؟!]+){0,4}\s+(?:في|فى)\s+$")
_RIVER_AFTER_RE = re.compile(r"['’]?\s+(?:(?:national|general|public|teaching|university|children['’]s|main|grand|"
                             r"military)\s+)?"
                             r"(?:river|valley|stream|basin|spring|springs|dam|lake|church|cathedral|monastery|convent|mosque|shrine|court|"
                             r"junction|crossroads|intersection|checkpoint|"
                             r"school|university|hospital|clinic|street|road|highway|bridge|square|neighbou?rhood|"
                             r"district|area|town|village|municipality|hotel|stadium|club|company|company's|library|"
                             r"museum|bank|market|station|roundabout|park|garden|family|clan|tribe|province|"
                             r"governorate|"
                             # an oilfield, a liaison office of the place ("the Roj oilfield", "the Qalandiya DCO";
                             # neg27, rule 28z)
                             r"oil[ \u00a0]?fields?|gas[ \u00a0]?fields?|fields?|DCO|DCL|liaison)\b",
                             re.IGNORECASE)


def caps_dateline(text: str, s: int, e: int) -> bool:
    """The name in capitals opens the text as the first words of a longer capitalised place before the dateline's
    comma ("GUANTANAMO BAY NAVAL BASE, Cuba (AP) —"): where the reporter files from, not the facility."""
    return text[s:e].isupper() and _CAPS_DATELINE_RE.match(text, e) is not None and _lead_only(text, s)


# (rule 30f) the closing quote, spaces, and a definite word after a quoted bare name: `"عدرا" العمالية`
_QUOTED_THEN_WORD_RE = re.compile(r"[\"»”’'][ \u00a0]*(ال[\u0621-\u064a]+)")


def _quoted_place_head(text: str, cs: int, ce: int, gaz: Gazetteer) -> bool:
    """A quoted bare name whose next word, after the closing quote, makes with it a place's listed longer name
    (`"عدرا" العمالية`, Adra's workers' suburb, listed as the town `عدرا العمالية`): outlets quote the town's first
    word, and the name is that place, not the facility of its first word (rule 30f). Asked of quoted Arabic names
    that are also a place's, only."""
    m = _QUOTED_THEN_WORD_RE.match(text, ce)
    if m is None:
        return False
    whole = text[cs:ce] + " " + m.group(1)
    ents, _events = scan_select(whole, gaz.trie)
    return any(x.start == 0 and x.end == len(whole) and any(p[0] == "place" for p in x.payloads) for x in ents)


def town_cued(text: str, c: Cand, gaz: Gazetteer) -> bool:
    """A town word right before the bare name (`بلدة الهول`, "the town of al-Hol", `بجانبي الكرخ`), or the text
    defining the Arabic name as a town right after it (`الهول هي بلدة`, `الشدادي أو الشدادة مدينة`, rule 32j)."""
    if cue_before(text, c.start, _town_cues(gaz)) or prev_word(text, c.start, _NO_SKIP) in _PROVINCE_BEFORE:
        return True  # (`في ولاية سوسة`: a province's word right before the name, rule 26g)
    if "\u0600" <= text[c.start] <= "\u06ff":
        if text[c.end : c.end + 1] in _COPULA_NEXT and _town_defined_ar(text, c.start, c.end):
            return True  # `صيدنايا هي مدينة سورية`, `الهول ليست مجرد بلدة`: the text says what the name is (rule 32j)
        if text[c.start - 1 : c.start] == " ":
            w = prev_word(text, c.start, _NO_SKIP)
            n_pro = 2 if w[:2] in _TWO_PROCLITICS else 1 if w[:1] in "بل" else 0
            if (n_pro and w[n_pro:] in _TOWN_WORDS_PROCLITIC) or w in _THE_TOWN_WORDS_BEFORE \
                    or w in _DUAL_TOWN_WORDS or (w[:1] in "وبلف" and w[1:] in _DUAL_TOWN_WORDS):
                return True  # `المركز الإداري لناحية الهول`, `في بمدينة`: a town's word behind the preposition glued
                # to it (rule 32j; `و`/`ف` alone are read by cue_before); `تضم الناحية بادوش معمل اسمنت`: the word
                # with the article, then the name in apposition; `بلدتي الهول والشدادي`: the dual of a town's word
                # before two names (rule 32j)
        elif text[c.start - 1 : c.start] == "و" and c.start > 2 and text[c.start - 2] == " " \
                and _DUAL_LIST_BEFORE_RE.search(text, max(0, c.start - 48), c.start - 1) is not None:
            return True  # `في منطقتي الهريمات وبزيبز`: the second of two names after the dual (ar-tq044; rule 32j)
    lo = c.start - 24 if c.start > 24 else 0
    m = _STEMS_RE.search(text, lo, c.start)  # one C-level look for either cue
    if m is None:
        return False
    if m.lastgroup == "head":  # ("the women's prison in Kadhimiya": a wing of the known prison, not a town's)
        if airbase_core(text, c.start, c.end) and any(
                p[0] == "core" and getattr(gaz.entries.get(p[1]), "kind", None) == "prison" for p in c.payloads):
            return False  # `وسجن في مطار حماة العسكري`: an airbase listed as a detention site is no town (rule 25m)
        lo48 = c.start - 48 if c.start > 48 else 0
        the = _THE_HEAD_AT_RE.search(text, lo48, c.start) if "the " in text[lo48 : c.start] else None
        if the is not None:  # "the prison at Taji": the known prison of that kind there, not some prison in a town
            h = the.group(2).lower()  # ("the overcrowded facility at al-Hol": "facility", "site" are either kind's)
            k = "camp" if h == "camp" else "prison"
            if any(p[0] == "core" and ((kk := getattr(gaz.entries.get(p[1]), "kind", None)) == k
                                       or (kk is not None and h in ("facility", "site", "complex")))
                   for p in c.payloads):
                return False
        hm = search_scouted(_HEAD_IN_RE, _HEAD_IN_SCOUT, text, lo, c.start)
        return hm is not None and not detainee_person(text, hm.start()) \
            and search_scouted(_SECTION_IN_RE, _SECTION_IN_SCOUT, text, max(0, c.start - 40), c.start) is None
    prev = prev_word(text, c.start, _OF)  # ("The prisons in Abu Ghraib and Taji": the towns, as the second)
    return (prev[:1] in "وبلف" and prev[1:] in _SIDES) or prev in _SIDES


_STEMS_RE = re.compile("(?P<head>rison|amp|ail|acilit|سجن|سجون|معتقل|مخيم)|(?P<side>جانب|ضف|طرف)")


# rule 32k (ar32prec): a bare Arabic core with no article followed by a word the text also uses on its own elsewhere is
# a person's given name and family name, the Arabic of "Ofer Cassif" that English tells by the capital (`عوفر كسيف
# عضو الكنيست ... أقر الكنيست إبعاد كسيف`): the family name read alone, or the two words again (`من هو عوفر كسيف؟`).
# Not a particle or a direction (`عوفر غرب رام
# الله ... غرب المدينة`), a word with the article or a word of a camp's, a prison's or a place's own (`عوفر العسكري`)
_SURNAME_AFTER_AR_RE = re.compile(r" ([\u0621-\u064a]{3,12})(?![\u0621-\u064a])")
_NO_SURNAME_AR = frozenset(fold(w) for w in (
    "غرب", "شرق", "شمال", "جنوب", "غربي", "شرقي", "شمالي", "جنوبي", "قرب", "بعد", "قبل", "منذ", "حيث", "حتى", "خلال",
    "بين", "عند", "لدى", "نحو", "إلى", "الى", "على", "عن", "مع", "ضمن", "داخل", "خارج", "وسط", "أمام", "امام", "تحت",
    "فوق", "حول", "عبر", "رغم", "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "لكن", "لأن", "لان", "وقد", "فقد",
    "التي", "الذي", "وهو", "وهي", "هذا", "هذه", "ذلك", "تلك", "كما", "أيضا", "ايضا", "أيضاً", "ايضاً", "فقط", "سجن",
    "معتقل", "مخيم", "سجون", "معسكر", "مركز", "بلدة", "مدينة", "قرية", "منطقة", "ريف", "محافظة", "يوم", "يوما",
    "عام", "عاما", "شهر", "سنة", "سنوات", "أيام", "ايام", "مرة", "مرات"))


def _surname_after_ar(text: str, cs: int, ce: int) -> bool:
    """The word after the bare core at cs:ce is a family name the text also uses alone (see above)."""
    m = _SURNAME_AFTER_AR_RE.match(text, ce)
    if m is None:
        return False
    w = m.group(1)
    if w.startswith("ال") or fold(w) in _NO_SURNAME_AR or w[:1] in "يتنو" \
            or (len(w) == 4 and w[:1] in "أا"):
        return False  # (a present-tense verb opens with ي/ت/ن: `عوفر يشهد توتراً`; `جباليا والنصيرات` is a list;
        # `جباليا أكبر مخيمات` an elative)
    core = text[cs:ce]
    pair = core + " " + w
    k = text.find(pair)
    if k != -1 and text.find(pair, k + len(pair)) != -1:
        return True  # (the full name twice: `عوفر كسيف عضو الكنيست ... من هو عوفر كسيف؟`)
    i = text.find(w)
    while i != -1:
        j = i + len(w)
        if i != m.start(1) and (i == 0 or not ("\u0621" <= text[i - 1] <= "\u064a")) \
                and not ("\u0621" <= text[j : j + 1] <= "\u064a") and not text[:i].rstrip().endswith(core):
            return True
        i = text.find(w, j)
    return False


# rule 32j (ar32prec): an Arabic bare name that the text defines as a town right after it, the Arabic of "Evin is a
# district of Tehran" (rule 24m): a copula or none, then a town's or a land's word (`الهول هي بلدة شرقي الحسكة`,
# `صيدنايا هي مدينة سورية`, `الركبان منطقة صحراوية`, `الركبان هي أرض صحراوية حدودية`, `وبادوش بالاصل قرية`), its
# other spelling first (`الشدادي أو الشدادة مدينة سورية`), "no more than a town" (`الهول ليست مجرد بلدة صغيرة`), an
# area after a comma at a sentence's opening (`الأزرق، منطقة تقع في شرق المملكة`) or "not only a prison ... a town"
# (`صيدنايا ليست سجناً فقط.. مدينة العذراء`). Not "not only a camp but a time bomb" (`«الهول» ليس مخيماً فحسب، بل
# قنبلة موقوتة`) nor "was a whole city" (`اليرموك كان مدينة كاملة`): the camp. Without a copula the name opens its
# sentence (a definition's subject); a town of tents or of refugees after the town word is the camp likened to a
# town (`الزعتري مدينة من الخيام`), no town
# (rule 32j) a text that defines the name as a town somewhere is about the town: the name read bare again elsewhere
# in it, in a sentence with no word of a camp, a prison or the people held or sheltered in one, is that town (`تم
# الاستيلاء على الهول`, `تتميز الهول ببيئة غنية`, `وهو دير سيدة صيدنايا` after `صيدنايا هي مدينة سورية`); the
# residents, the repatriation or the fighters' families of a camp are its words (`ينتظر في الهول ... إعادتهم`)
_SITE_WORD_AR_RE = re.compile(r"(?:مخيم|سجن|سجون|معتقل|نازح|لاجئ|احتجاز|محتجز|سجين|سجناء|أسرى|اسرى|زنزان|خيام|"
                              r"نزلاء|موقوف|قاطن|إعادة|اعادة|ترحيل|مقاتلي)")


def _text_defines_town_ar(text: str, c: Cand) -> bool:
    """Somewhere the text defines the bare name at `c` as a town, and its own sentence has no site word (see above)."""
    name = text[c.start : c.end]
    global _DEFINES_MEMO
    t, memo = _DEFINES_MEMO
    if t is not text:
        memo = {}
        _DEFINES_MEMO = (text, memo)  # (one text's memo at a time, swapped whole)
    defined = memo.get(name)
    if defined is None:
        defined = memo[name] = _name_defined_town_ar(text, name)
    if not defined:
        return False
    lo, hi = _sentence_bounds(text, c.start, c.end)
    return _SITE_WORD_AR_RE.search(text, lo, hi) is None


_DEFINES_MEMO: tuple[str, dict[str, bool]] = ("", {})


def _name_defined_town_ar(text: str, name: str) -> bool:
    """One of the first 40 places the text has `name` defines it as a town (_text_defines_town_ar's search, which
    depends on the text and the name alone, memoised per text)."""
    i = text.find(name)
    n = 0
    while i != -1 and n < 40:
        n += 1
        j = i + len(name)
        if (i == 0 or not ("\u0621" <= text[i - 1] <= "\u064a")) and text[j : j + 1] in _COPULA_NEXT \
                and _town_defined_ar(text, i, j):
            return True
        i = text.find(name, j)
    return False


_TWO_PROCLITICS = frozenset(("وب", "ول", "فب", "فل"))
_TOWN_WORDS_PROCLITIC = frozenset(fold(w) for w in ("بلدة", "مدينة", "قرية", "ناحية", "قضاء", "بلدية"))
# the dual of a town's word (genitive and nominative, ى or ي): two towns' names follow it (`بلدتي الهول والشدادي`,
# `منطقتي الهريمات وبزيبز`, `قريتا X وY`; rule 32j; `محافظتي` is read as a province, rule 29a)
_DUAL_TOWN_AR = ("بلدتي", "بلدتى", "بلدتا", "مدينتي", "مدينتى", "مدينتا", "قريتي", "قريتى", "قريتا", "منطقتي",
                 "منطقتى", "منطقتا", "ناحيتي", "ناحيتى", "ناحيتا", "قضائي", "قضاءي", "قضاءا")
_DUAL_TOWN_WORDS = frozenset(fold(w) for w in _DUAL_TOWN_AR)
_DUAL_LIST_BEFORE_RE = re.compile("(?<![\u0621-\u064a])[وبلف]?(?:" + "|".join(_DUAL_TOWN_AR) + ")[ \u00a0]+"
                                  "[\u0621-\u064a]+(?:[ \u00a0]+[\u0621-\u064a]+)?[ \u00a0]+$")
_THE_TOWN_WORDS_BEFORE = frozenset(fold(w) for w in ("الناحية", "البلدة", "القرية", "المدينة", "القضاء"))
_COPULA_NEXT = frozenset(' "»”\u00a0،,')
_TOWN_DEFINED_AR_RE = re.compile(
    r"[\"»”]?(?P<comma>[ \u00a0]*[،,])?[ \u00a0]+(?:(?:أو|او)[ \u00a0]+[\u0621-\u064a]+[ \u00a0]+)?"
    r"(?:(?P<cop>(?:هي|هو|وهي|وهو|فهي|فهو)[ \u00a0]+|(?:ليست|ليس)[ \u00a0]+(?:مجرد|سوى|إلا|الا)[ \u00a0]+)?"
    r"(?P<adv>(?:بالأصل|بالاصل|في[ \u00a0]+الأصل|في[ \u00a0]+الاصل|أصلا|اصلا|أصلاً|اصلاً)[ \u00a0]+)?"
    r"(?:ال)?(?:بلدة|بلده|مدينة|مدينه|قرية|قريه|ناحية|ناحيه|قضاء|منطقة|منطقه|بلدية|بلديه|أرض|ارض)(?![\u0621-\u064a])"
    r"|(?P<only>(?:ليست|ليس)[ \u00a0]+(?:مجرد[ \u00a0]+)?(?:سجنا|سجناً|سجن|مخيما|مخيماً|مخيم|معتقلا|معتقلاً|معتقل)"
    r"[ \u00a0]+(?:فقط|فحسب)[ \u00a0.…،,؛:\-–—]*(?:(?:بل|وإنما|وانما|إنما|انما)[ \u00a0]+)?(?:(?:هي|هو)[ \u00a0]+)?"
    r"(?:ال)?(?:بلدة|بلده|مدينة|مدينه|قرية|قريه)(?![\u0621-\u064a])))")
_TOWN_OF_TENTS_RE = re.compile(r"[^.!?؟؛\n]{0,40}?(?<![\u0621-\u064a])[وبل]?(?:ال|لل)?(?:خيام|خيمة|لاجئ|نازح|صفيح|"
                               r"كرفان|كرافان|مخيم)")


def _town_defined_ar(text: str, start: int, end: int) -> bool:
    """The Arabic bare name at start:end defined as a town right after it (see above)."""
    m = _TOWN_DEFINED_AR_RE.match(text, end)
    if m is None:
        return False
    if m.group("comma") or (not m.group("cop") and not m.group("only") and not m.group("adv")):
        lo = max(0, start - 40)
        lead = text[lo : start]
        cut = max(lead.rfind(ch) for ch in ".!?؟\n")
        if lead[cut + 1 :].strip(" \u00a0\"«“'-–—") not in ("", "و", "ف"):
            return False  # (`غادر الهول بلدة ...`: no definition's subject)
    return _TOWN_OF_TENTS_RE.match(text, m.end()) is None


_SIDES = frozenset(("جانب", "جانبي", "ضفتي", "ضفه", "طرفي"))  # `بجانبي الكرخ والرصافة`: Baghdad's two banks
# a province's word right before a bare core: the province of that name (`في ولاية سوسة`, Tunisia's Sousse; `محافظة
# الحسكة`), never the prison or camp (rule 26g); the dual too (`في محافظتي جنين وطولكرم`, rule 29a)
_PROVINCE_BEFORE = frozenset(p + w for w in ("ولايه", "محافظه", "محافظتي", "ولايتي")
                              for p in ("", "و", "ب", "ل", "وب", "ول", "ف"))


_GLOSS_BEFORE_RE = re.compile(r"\s*\(\s*")
# between a named facility and a city's name: where the facility lies ("Al-Aqtan prison on the northern edge of
# Raqqa", "the Hol camp, located near Hasakah", "Roj camp outside Derik"): the city is the place (rule 25i)
_SITE_LOCATED_RE = re.compile(r",?\s+(?:(?:which\s+)?(?:lies|lying|located|situated|sits)\s+)?(?:(?:on|at)\s+the\s+"
                              r"(?:(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                              r"(?:ern)?\s+)?(?:edge|outskirts|fringes?|edges)\s+of|in|near|outside|just\s+outside)\s+"
                              r"(?:the\s+(?:city|town)\s+of\s+)?", re.IGNORECASE)
_COUNTED_RE = re.compile(r"[\"'«»“”„‟‹›’]?\s*(?:واحد|واحدة|واحده|فقط|one|only)\b")
_LEAD = " \t\n\r\"'«»“”#*-–—"


def _lead_only(text: str, s: int) -> bool:
    """not text[:s].strip(_LEAD), without copying the text before s unless it opens with such a character."""
    return s <= 0 or (text[0] in _LEAD and not text[:s].strip(_LEAD))


# a dateline ends with a colon, a dash, brackets or a comma before the country ("ZAATARI, Jordan —"); a comma before a
# lower-case word is an apposition ("Yarmouk, once home to 160,000 refugees, ...")
# a comma and a numeric day/month after a name: a dateline's place ("ابوغريب، 23/7،", "Hol, 12/3 -")
_DATED_AFTER_RE = re.compile(r"[،,]\s*[0-9٠-٩]{1,2}\s*/\s*[0-9٠-٩]{1,2}(?:\s*/\s*[0-9٠-٩]{2,4})?\s*(?:[،,:\-–—]|$)")
# a wire dateline's country after the town's name in capitals: ", Saudi Arabia (Reuters) -", ", Syria —"
_WIRE_COUNTRY_AFTER_RE = re.compile(r",[ \u00a0]+[A-Z][a-z]+(?:[ \u00a0]+[A-Z][a-z]+)?[ \u00a0]*"
                                    r"(?:\([A-Za-z .]+\)[ \u00a0]*)?[-\u2013\u2014:]")
# (bare20 survey, rule 26e: a comma before a possessive is an apposition, no dateline: "Baqa'a, Jordan's largest
# refugee camp, marks ...")
# (rule 31e) a wire dateline's dash after the capitals, with a region or country between ("KHANKI, Kurdistan Region -")
_CAPS_DASH_AFTER_RE = re.compile(r"(?:,[ \u00a0]+[A-Z][a-z]+(?:[ \u00a0]+[A-Z][a-z]+){0,2})?[ \u00a0]*[-\u2013\u2014]")
_DATELINE_AFTER_RE = re.compile(r"\s*(?:[:\-–—(]|,(?!\s*[a-z])(?!\s*[A-Z][\w-]*['’]s\s)"
                                # (hand21en, rule 26h: "Zaatari, 10 kilometres east of Mafraq, opened": a distance, no
                                # dateline's day)
                                r"(?!\s*(?:about\s+|some\s+|roughly\s+)?\d[\d.,]*\s*(?:km|kilomet|miles?\b)))")


def _slash_twin(text: str, c: Cand, cores: list[Cand], eid: str) -> bool:
    """A core of the same site right across a slash ("the Naqab/Negev", `النقب/ النقب الصحراوي`): one name written
    two ways, no list of two facilities (enprec30 survey, rule 30b). Asked only of a name joined to another core."""
    before = text[c.start - 3 if c.start > 3 else 0 : c.start]
    if "/" in before:
        k = text.rfind("/", 0, c.start)
        others = [o for o in cores if o.end <= k and not text[o.end : k].strip()]
    elif "/" in text[c.end : c.end + 3]:
        k = text.find("/", c.end)
        others = [o for o in cores if o.start > k and not text[k + 1 : o.start].strip()]
    else:
        return False
    return any(p[1] == eid for o in others for p in o.payloads)


def _joined(text: str, c: Cand, spans: Spans, joiner: re.Pattern[str] | None = None) -> bool:
    """Another span is joined to this one by a comma, "and", "و", a slash or brackets (`joiner`)."""
    j = joiner or _JOINED_RE
    gate = _JOINER_ENDS.get(j)
    # (_LISTED_RE and _AND_RE: what either matches between two spans holds its joiner with only spaces, or "the"
    # and spaces, after it and before it: the last non-space character before the name and the first after it are
    # among a few, or that side has no match, and its index, built on first use, is not asked)
    if gate is None or text[c.start - 12 if c.start > 12 else 0 : c.start].rstrip()[-1:] in gate[0]:
        for t in spans.ending_before(c.start, 12):
            if j.fullmatch(text, t, c.start):
                return True
    if gate is None or text[c.end : c.end + 12].lstrip()[:1] in gate[1]:
        for s in spans.starting_after(c.end, 12):
            if j.fullmatch(text, c.end, s):
                return True
    return False


_AND_RE = re.compile(r"\s*(?:و|and\s+(?:the\s+)?)\s*", re.IGNORECASE)


def _head_near(text: str, c: Cand, ar: Around, arabic: bool, kind: str | None) -> bool:
    """head_near(text, c, ar.listing if arabic else ar.heads, kind) by bisection: the heads that start within 12
    characters after the name and those that end within 12 before it, of the same kind, each tried as head_near tries
    it (whether any joins: the order does not matter), from the heads sorted by start and by end once per text."""
    ix = ar.near_ix.get(arabic)
    if ix is None:
        heads = ar.listing if arabic else ar.heads
        ix = ar.near_ix[arabic] = (sorted(heads, key=_FIRST), sorted(heads, key=_SECOND))
    by_start, by_end = ix
    cs, ce = c.start, c.end
    for h_start, _h_end, h_kind in by_start[bisect_left(by_start, ce, key=_FIRST)
                                            : bisect_right(by_start, ce + 12, key=_FIRST)]:
        if h_kind == kind and _HEAD_JOIN_RE.match(text, ce, h_start):
            return True
    for _h_start, h_end, h_kind in by_end[bisect_left(by_end, cs - 12, key=_SECOND)
                                          : bisect_right(by_end, cs, key=_SECOND)]:
        if h_kind == kind and _HEAD_JOIN_RE.match(text, h_end, cs):
            return True
    return False
_POSS_QUARTER_AFTER_RE = re.compile(r"['’]s[ \u00a0]+(?:(?:far|northern|southern|eastern|western)[ \u00a0]+)?"
                                    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|outskirts|countryside|suburbs?|"
                                    r"edge|environs|periphery|old[ \u00a0]+city|streets)\b", re.IGNORECASE)
# the group a camp or prison holds, between the name and its head: "al-Hol Islamic State camp", "Roj ISIS prison camp"
_GROUP_HEAD_AFTER_RE = re.compile(r"[ \u00a0]+(?:Islamic[ \u00a0]+State|ISIS|ISIL|IS|Daesh|[Jj]ihadist)[ \u00a0]+"
                                  r"(?:(?:detention|displacement|refugee|prison|family|families)[ \u00a0]+)?"
                                  r"(camp|prison|jail)\b", re.IGNORECASE)
# the word for a cluster of camps, with a proclitic (`تجمع أطمة`, `بتجمع أطمة`, `مخيمات تجمع أطمة`; rule 28u)
_CLUSTER_WORDS_AR = frozenset(("تجمع", "وتجمع", "بتجمع", "لتجمع", "فتجمع"))
_TENT_CITY_BEFORE_RE = re.compile(r"\btent(?:ed)?[ \u00a0-]+city[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$",
                                  re.IGNORECASE)
# a government's or a region's administration (not a camp's) right before "in" and the name
_ADMINISTRATION_IN_RE = re.compile(r"(?<!camp )(?<!camp's )(?<!prison )\b(?:self-)?administration"
                                   r"[ \u00a0]+in[ \u00a0]+$", re.IGNORECASE)
_FORMERLY_RE = re.compile(r"[\s\"«»“”„‟‹›'’]*(?:سابقا|سابقاً|سابقًا|formerly|previously)", re.IGNORECASE)
# (the words between are the head's own: "and" or "or" opens another place, "in al-Hol camp and in Roj": en18)
_HEAD_WORDS_IN_RE = re.compile(r"(?:\s+(?!(?:and|or)\s)[^\s.,،:;()]+){0,2}\s+"
                               r"(?:(?:في|فى|in|at|near|قرب)\s+(?:the\s+)?|بـ?)", re.IGNORECASE)
# a plural head and a preposition of surroundings right before a bare name: where the sites are, the town
_PLURAL_AROUND_RE = re.compile(r"\b(?:camps|prisons|jails|settlements)\s+(?:around|surrounding|ringing|near|outside)"
                               r"\s+$", re.IGNORECASE)
_PLURAL_AROUND_SCOUT = scouted(["camps", "prisons", "jails", "settlements"], [])
_AREA_AFTER_RE = re.compile(r"\s+(?:areas|districts|area|region|district|subdistrict|sub-district|countryside|"
                            r"town|village|city|complex|collective town|"
                            r"municipality|border area|desert|plain|outskirts|crossing|border crossing|triangle|"
                            r"neighbou?rhood|quarter|"
                            # `قلنديا البلد`, `عسكر البلد`: the town proper beside its camp; `عسكر القديمة`, `عسكر
                            # الجديدة`: the quarters of Nablus, feminine as a town is (the camp's head is masculine:
                            # `مخيم عسكر الجديد`; fix24, rule 27e)
                            r"البلد|القديم[ةه]|الجديد[ةه])\b",
                            re.IGNORECASE)
_IN_RE = re.compile(r"\s*(?:في|فى|in|at|near|قرب|بـ?)\s*(?:the\s+)?", re.IGNORECASE)


_OF = frozenset(("of", "من"))
_NO_SKIP: frozenset[str] = frozenset()
_LISTED_RE = re.compile(r"\s*(?:,|،|and|&|و)\s*(?:the\s+)?", re.IGNORECASE)
_JOINED_RE = re.compile(r"[\s\"«»“”„‟‹›'’]*(?:,|،|and|&|\(|\)|/|و|أو|او|or)[\s\"«»“”„‟‹›'’]*(?:the\s+)?"
                        r"(?:[A-Z][a-z]+['’]s\s+)?", re.IGNORECASE)  # "both al-Hol and Iraq's Jeddah 1 camp"
# a simple joiner -> (the last non-space characters its matches can have, the first ones): the joiner's own, "and"'s d
# and "the"'s e in either case (IGNORECASE pairs a, d and e with their capitals only), `و`
_JOINER_ENDS: dict[re.Pattern[str], tuple[frozenset[str], frozenset[str]]] = {
    _LISTED_RE: (frozenset(",،&وdDeE"), frozenset(",،&وaA")),
    _AND_RE: (frozenset("وdDeE"), frozenset("وaA")),
}


RENAMED_RE = re.compile(r"[ \u00a0]*[,(]?[ \u00a0]*(?:(?:now|later|since|formerly|previously|also|officially)"
                         r"[ \u00a0]+)?(?:renamed|re-named|called|known[ \u00a0]+as|dubbed)[ \u00a0]+(?:as[ \u00a0]+)?"
                         r"(?:the[ \u00a0]+)?$", re.IGNORECASE)


def _renamed(text: str, c: Cand, e: Entry, cores: list[Cand], placed: set[tuple[int, int]]) -> bool:
    """Another name of the same facility right after or before the bare name, joined by "now renamed",
    "formerly called", "known as": a facility's two names (no town is renamed after a prison's other name)."""
    for o in cores:
        if o is c or abs(o.start - c.start) > 40 or e.id not in o.ids:
            continue
        if (c.start, c.end) in placed and (o.start, o.end) in placed:
            continue  # "Derik, also known as al-Malikiyah": a town's two names, no prison's (rule 24j)
        first, second = (c, o) if c.end <= o.start else (o, c)
        if RENAMED_RE.fullmatch(text, first.end, second.start) is not None:
            return True
    return False


def _cores_near(c: Cand, ar: Around) -> list[Cand]:
    """The cores that start within 120 characters of the name, either side (the ends of a "from X to Y" are at
    most 14 apart): two bisections of the cores' sorted starts, not a walk of every core of the text (a page
    of 2,000 bare names asked each of them of every other one: quadratic)."""
    if len(ar.core_order) != len(ar.cores):
        ar.core_order = sorted(ar.cores, key=lambda o: o.start)
        ar.core_starts = [o.start for o in ar.core_order]
    lo = bisect_left(ar.core_starts, c.start - 120)
    hi = bisect_right(ar.core_starts, c.end + 120)
    return ar.core_order[lo:hi]


def _from_to(text: str, c: Cand, cores: list[Cand], cities: set[tuple[int, int]], gaz: Gazetteer) -> bool:
    """`من غويران لـ«الهول»`, "from Hol to Roj": two facility names as the two ends of a move (a city's name is
    no end: `cities`)."""
    for o in cores:
        if o is c or (o.start, o.end) in cities or kind_payload(o, gaz, None) is None:
            continue
        first, second = (o, c) if o.end <= c.start else (c, o)
        if second.start - first.end > 14:
            continue
        if _FROM_TO_RE.match(text[first.end : second.start]) and \
                prev_word(text, first.start, frozenset()) in _FROM_BEFORE:
            return True
    return False


# rule 27c: a detainee's transfer between two known prisons' bare names that cities share (Tadmur, Saydnaya): the
# transfer verb and "to" right before the second name, a preposition before the first, and, where both names are
# cities', time served before the first (`قضى سبع سنوات في تدمر قبل أن يُنقل إلى صيدنايا`; families "moved to Homs"
# from Palmyra stay the towns). The Arabic gap is read folded (vowel marks and hamzas dropped: `حُوِّل إلى`).
_TRANSFER_TO_EN_RE = re.compile(r"\b(?:moved|transferred|taken|sent|shifted|transported)[ \u00a0]+"
                                r"(?:[a-z]+[ \u00a0]+){0,2}?(?:to|into)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
_TRANSFER_TO_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:نقل|ينقل|تنقل|نقلوا|نقله|نقلها|نقلهم|حول|يحول|حولوا|حوله|"
                                # the object pronoun after the plural (`ثم نقلوه إلى صيدنايا`, `حوّلوني`; rule 29r)
                                r"نقلوه|نقلوها|نقلوهم|نقلوني|نقلونا|حولوه|حولوها|حولوهم|حولوني|حولونا|"
                                r"تحويل|تحويله|اقتيد|اقتيدوا|يقتاد|رحل|يرحل|ترحيل|ترحيله)(?![\u0621-\u064a])\s+"
                                r"(?:[\u0621-\u064a]+\s+){0,2}?(?:الي|الى)\s*$")


# rule 29r: a batch of detainees leaving one known prison's bare name for another's, the second right after "for"/`نحو`
# (`كانت آخر دفعة من المعتقلين تغادر تدمر نحو صيدنايا`, "the last batch of prisoners left Tadmur for Saydnaya"): the
# batch or the detainees before the leaving verb make both ends prisons, though both names are cities'
_LEAVES_FOR_AR_RE = re.compile(r"\s+(?:نحو|الى|باتجاه)\s+")
_LEAVES_FOR_EN_RE = re.compile(r"[ \u00a0]+(?:for|to|towards?)[ \u00a0]+", re.IGNORECASE)
_BATCH_LEAVES_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال)?"
                                 r"(?:دفعة|دفعه|دفعات|معتقلين|معتقلون|سجناء|أسرى|اسرى)"
                                 r"(?![\u0621-\u064a])[^.،,؟!؛\n]{0,40}?(?<![\u0621-\u064a])[وف]?(?:تغادر|غادرت|غادر|"
                                 r"غادروا|يغادر|يغادرون)[ \u00a0]+$")
_BATCH_LEAVES_EN_RE = re.compile(r"\b(?:batch(?:es)?|prisoners|detainees|inmates)\b[^.!?;\n]{0,40}?\b(?:left|leave|"
                                 r"leaves|leaving|departed)[ \u00a0]+$", re.IGNORECASE)


def _batch_leaves(text: str, first: Cand, gap: str, arabic: bool) -> bool:
    """`دفعة من المعتقلين تغادر تدمر نحو صيدنايا`: a batch of detainees leaves the first name for the second (29r)."""
    if arabic:
        return _LEAVES_FOR_AR_RE.fullmatch(fold_text(gap)) is not None \
            and _BATCH_LEAVES_AR_RE.search(text, max(0, first.start - 70), first.start) is not None
    return _LEAVES_FOR_EN_RE.fullmatch(gap) is not None \
        and _BATCH_LEAVES_EN_RE.search(text, max(0, first.start - 70), first.start) is not None


def _prison_chain(text: str, c: Cand, e: Entry, ar: Around, gaz: Gazetteer) -> bool:
    """The bare name at one end of a detainee's transfer whose other end is another known prison's bare name in the
    same sentence (rule 27c)."""
    # (the other core within 80 characters, either side, first: most names have none, and the sentence's bounds,
    # the same whatever the core, are read only then; each test a pure filter, in the loop's order)
    near = [o for o in _cores_near(c, ar) if o is not c and (0 <= c.start - o.end <= 80 if o.end <= c.start
                                                             else 0 <= o.start - c.end <= 80)]
    if not near:
        return False
    lo, hi = _sentence_bounds(text, c.start, c.end)
    for o in near:
        if o.start < lo or o.end > hi:
            continue
        oe = kind_payload(o, gaz, "prison")
        if oe is None or oe.id == e.id:
            continue
        first, second = (o, c) if o.end <= c.start else (c, o)
        gap = text[first.end : second.start]
        if len(gap) < 12 and _batch_leaves(text, first, gap, "\u0600" <= text[c.start] <= "\u06ff"):
            return True
        if "\u0600" <= text[c.start] <= "\u06ff":
            if not (folded := fold_text(gap)).rstrip().endswith(("الي", "الى")) \
                    or _TRANSFER_TO_AR_RE.search(folded) is None:  # (every match ends so, then spaces only)
                continue
        elif _TRANSFER_TO_EN_RE.search(gap) is None:
            continue
        if not _prep_before(text, first.start):
            continue
        if (first.start, first.end) in ar.cities and (second.start, second.end) in ar.cities \
                and _SPENT_RE.search(text, max(0, first.start - 50), first.start) is None:
            continue
        return True
    return False


def _moved_between(text: str, c: Cand, kind: str, ar: Around, gaz: Gazetteer) -> bool:
    """In, from or to the bare name, while the text names another facility of its kind: `في أول محطة بعد سنوات
    في الهول` after `مخيم الأمل`, "visited Jad'ah camp ... Iraqis still in al-Hol": people are between camps
    (or prisons), not towns. Not where the text says where someone was born or lived ("Born in Ain Issa, she
    was moved to Roj camp"), nor with a town word next to the name."""
    if not any(k == kind and (e <= c.start or s >= c.end) for s, e, k in ar.heads):
        return False
    if not _prep_before(text, c.start):
        return False
    lo = max(0, c.start - 60)
    if _LIFE_RE.search(text, lo, c.start) is not None or _LIFE_AR_RE.search(text, lo, c.start) is not None:
        return False
    if _home_or_freed_to(text, c):
        return False
    return not town_close(text, c, gaz)


def _home_or_freed_to(text: str, c: Cand) -> bool:
    """"taken home to Shaddadi", "released from Ghwayran prison and driven to Shaddadi": a freed person's town.
    (Both need "to"/`إلى` right before the name: the backtracking searches only run there.)"""
    if not text[max(0, c.start - 8) : c.start].rstrip().endswith(_TO_TAILS):
        return False
    return _HOME_TO_RE.search(text, max(0, c.start - 40), c.start) is not None \
        or _FREED_TO_RE.search(text, max(0, c.start - 90), c.start) is not None


_TO_TAILS = ("to", "into", "the", "إلى", "الى", "في")


def _born_before(text: str, start: int) -> bool:
    """"Born in al-Hol", `ولد في الهول` (the regex only where one of its words is in the window)."""
    w = text[max(0, start - 30) : start]
    return any(k in w for k in _BORN_KEYS) and _BORN_RE.search(w) is not None


# people displaced from a name (`نزحت عائلة أبو خالد من سري كانيه`, "families displaced from Ras al-Ain"): the
# town they fled, not its namesake camp (rule 23f); the camp's displaced people are named with its head word
_DISPLACED_FROM_RE = re.compile(r"(?:(?<![\u0621-\u064a])[وف]?(?:نزح|نزحت|نزحوا|هجر|هجرت|هجروا|تهجير|النازحين|النازحون|"
                                r"نازحين|نازحون|نازحو|نازحي|المهجرين|مهجري|مهجرو)(?![\u0621-\u064a])[^.!?؛\n]{0,30}"
                                r"(?<![\u0621-\u064a])من|\b(?:displaced|fled|uprooted|driven)\s+(?:\w+\s+){0,2}from"
                                # arrivals at "the camp" (named before) "from" a town: where they come from (rule 26b)
                                r"|\b(?:reach(?:es|ed)?|arriv(?:e|es|ed|ing)\s+(?:at|in)|c(?:o|a)mes?\s+to)\s+the\s+camp"
                                r"\b[^.!?;\n]{0,25}?\bfrom)\s+$")


def _displaced_from(text: str, start: int) -> bool:
    """People displaced from the name (the regex only where one of its letters is just before): the town."""
    w = text[max(0, start - 50) : start]
    return (w.endswith("من ") or w.endswith("from ")) and _DISPLACED_FROM_RE.search(w) is not None


_BORN_KEYS = ("orn", "grew", "aised", "ative", "ome", "ولد", "وُلد", "مواليد", "نشأ", "نحدر")


_HOME_TO_RE = re.compile(r"\bhome\s+to\s+$|(?:منزل|منازل|بيته|بيتها|ديار)[^.!?؛\n]{0,20}(?:إلى|الى|في)\s*$",
                         re.IGNORECASE)
_FREED_TO_RE = re.compile(r"(?:\b(?:released|freed|discharged|escaped|fled)\b|أفرج|افرج|أطلق سراح|اطلق سراح|فر |فرّ )"
                          r"[^.!?;\n]*\b(?:to|into)\s+(?:the\s+)?$|(?:أفرج|افرج|سراح)[^.!?؛\n]*(?:إلى|الى)\s*$",
                          re.IGNORECASE)


# where someone was born or grew up is a town ("Born in al-Hol", `ولد في الهول`, "a native of Hol")
_BORN_RE = re.compile(r"\b(?:born|grew\s+up|raised|native|hometown|home\s+town)\b|(?<![\u0621-\u064a])(?:ولد|وُلد|"
                      r"ولدت|وُلدت|مواليد|نشأ|نشأت|ينحدر|تنحدر|"
                      # the participle with its article, "the one hailing from" (`الناشط المنحدر من الهول`; bare29,
                      # rule 29h): a person's origin, the town
                      r"(?:ال)?منحدر(?:ة|ه|ون|ين)?(?=[ \u00a0]+من[ \u00a0]))(?![\u0621-\u064a])", re.IGNORECASE)
_SPENT_RE = re.compile(r"\bspent\s+(?:\w+\s+){0,3}(?:years?|months?|decades?)\s+(?:(?:of\s+\w+\s+)?in|at|inside)\s+"
                       r"(?:the\s+)?$|"
                       # the passive, and time moved between sites (rule 25y): "seven of those months were spent at the
                       # Mezzeh Military Airport", "spent six months moved between X and a base"
                       r"\b(?:years?|months?|weeks?|decades?)\s+(?:were|was|had\s+been)\s+spent\s+(?:in|at|inside)\s+"
                       r"(?:the\s+)?$|\bspent\s+(?:\w+\s+){0,3}(?:years?|months?|weeks?)\s+(?:being\s+)?(?:moved|shuttled|"
                       r"transferred)\s+between\s+(?:the\s+)?$|(?<![\u0621-\u064a])[وف]?(?:قضى|قضت|أمضى|امضى|أمضت|امضت|بعد|"
                       # the first person of a survivor's account, voweled too (`وقضيتُ ثلاث سنوات داخل صيدنايا`,
                       # `أمضينا`; s26 fac26reg, rule 28k)
                       r"قضيت|قضينا|قضوا|أمضيت|امضيت|أمضينا|امضينا|أمضوا|امضوا)[\u064b-\u0652]*\s+(?:[\u0621-\u0652\d]+\s+)"
                       r"{0,3}(?:سنوات|سنة|سنه|عاما|عاماً|أعوام|اعوام|أشهر|اشهر|شهرا|شهراً|عامين|سنتين|شهرين)\s+"
                       r"(?:في|داخل)\s*$|"
                       # the time named before the verb, which takes it as its object pronoun (rule 24m): `بعد عامين
                       # قضتهما في إيفين`, `سنوات أمضاها داخل رومية`
                       r"(?:سنوات|سنة|سنه|عاما|عاماً|عامين|أعوام|اعوام|أشهر|اشهر|شهرا|شهراً|شهرين)\s+"
                       r"(?:قضاها|قضتها|قضاهما|قضتهما|أمضاها|امضاها|أمضتها|امضتها|أمضاهما|امضاهما|أمضتهما|امضتهما)"
                       r"\s+(?:في|داخل)\s*$",
                       re.IGNORECASE)
# rule 29r: a span of time served right before a city's bare name whose prison the gazetteer lists ("spent 15 years in
# Palmyra", "served two years in Tadmur", "endured four years in Tadmur", `أمضى عامين في تدمر`, `سنوات اعتقاله التي
# أمضاها في تدمر`) is the prison when its sentence holds a detention word, or an arrest before the span, or a release
# after the name ("arrested in 1980 and spent ...", `قبل أن يُفرج عنه`): a city's own years are lived, not served
# ("spent his childhood in Palmyra", "five months in Palmyra under the Islamic State before his family fled")
_CITY_SERVED_RE = re.compile(r"\b(?:served|endured)\s+(?:\w+\s+){0,3}(?:years?|months?|decades?)\s+(?:in|at|inside)\s+"
                             r"(?:the\s+)?$|(?:سنوات|سنين|أعوام|اعوام|أشهر|اشهر)[^.،,؟!؛\n]{0,40}?(?<![\u0621-\u064a])"
                             r"(?:التي|الذي)?\s*(?:قضاها|قضتها|أمضاها|امضاها|أمضتها|امضتها)\s+(?:في|داخل)\s*$",
                             re.IGNORECASE)
_ARRESTED_BEFORE_RE = re.compile(r"\b(?:arrested|detained|jailed|imprisoned|abducted|sentenced|arrest|detention)\b|"
                                 r"(?<![\u0621-\u064a])[وف]?(?:اعتقل|اعتقلت|اعتقال|اعتقاله|اعتقالها|اعتقالي|اعتقلوه|سجن|"
                                 r"حكم|اختطف|أوقف|اوقف)(?![\u0621-\u064a])", re.IGNORECASE)
_RELEASED_AFTER_RE = re.compile(r"\b(?:released|freed|release)\b|(?<![\u0621-\u064a])[وف]?(?:يفرج|أفرج|افرج|الإفراج|"
                                r"الافراج|يطلق|أطلق|اطلق)(?![\u0621-\u064a])", re.IGNORECASE)


_VOWELS_RE = re.compile(r"[\u064b-\u0652]")  # (`اعتُقل`: read without its vowel marks)


# rule 31i (bare31en3): a verb of taking with its person between before a city's bare name ("drove her to Qarchak")
# is the city's prison only where custody words come before the verb in the sentence (the agents, the arrest) and the
# name ends its clause; an errand after the name ("to live", "to rest", "for treatment"), a where-clause or no
# custody word before the verb keeps the town (rule 25f: people are taken to cities too)
_CITY_TAKEN_END_RE = re.compile(r"[ \u00a0]*(?:[.!?;]|$|[ \u00a0]+for[ \u00a0]+(?:questioning|interrogation)\b"
                                # (", her husband told reporters": a speaker's attribution ends the clause too)
                                r"|,[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){1,3}(?:said|says|told|recalled|added)\b)")

# (the seizure itself, not any word of security: "after the security checkpoint, the driver took us to Tadmor" is a
# trip; "after his release from custody, his brother drove him to" is a freed man's)
_SEIZED_EN_RE = re.compile(r"\b(?:arrest\w*|detain\w*|seiz\w*|captur\w*|abduct\w*|kidnap\w*|custody|"
                           r"blindfold\w*|handcuff\w*|warrant)\b", re.IGNORECASE)
_FREED_EN_RE = re.compile(r"\b(?:releas\w*|freed|free|pardon\w*|acquitt\w*)\b", re.IGNORECASE)


def _city_taken(text: str, cs: int, ce: int) -> bool:
    """A person in custody taken to the city named bare at `cs`..`ce` (see above; rule 31i)."""
    lead = cs - 60 if cs > 60 else 0
    if _CITY_TAKEN_END_RE.match(text, ce) is None or (m := _TAKEN_OBJ_EN_RE.search(text, lead, cs)) is None:
        return False
    a, _b = _sentence_bounds(text, cs, ce)
    return _SEIZED_EN_RE.search(text, a, m.start()) is not None and _FREED_EN_RE.search(text, a, cs) is None


def _city_time_served(text: str, c: Cand, gaz: Gazetteer) -> bool:
    """Time served in a city's prison named bare (see above; rule 29r)."""
    cs = c.start
    lead = text[(cs - 60 if cs > 60 else 0) : cs]
    if not ("spent" in lead or "served" in lead or "endured" in lead or "ض" in lead):
        return False
    m = _SPENT_RE.search(text, (cs - 50 if cs > 50 else 0), cs) or _CITY_SERVED_RE.search(text, (cs - 60 if cs > 60
                                                                                                    else 0), cs)
    if m is None or m.group()[:3] == "بعد" or town_close(text, c, gaz):
        return False
    a, b = _sentence_bounds(text, c.start, c.end)
    return _ARRESTED_BEFORE_RE.search(_VOWELS_RE.sub("", text[a:cs])) is not None \
        or _RELEASED_AFTER_RE.search(text, c.end, b) is not None \
        or facility_context(text, c, "prison", gaz, (), city=True)


# after "after N years in X" (`بعد 12 عاماً في صيدنايا`), someone comes back or out: the years were served there
_RETURNED_AFTER_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?(?:عاد|عادت|عادوا|يعود|تعود|يعودون|خرج|خرجت|يخرج|تخرج|"
                                r"أفرج|افرج|أُفرج|يُفرج|يفرج|تحرر|تحررت|نجا|نجت|ينجو|العودة|عودة|الإفراج|الافراج))"
                                r"(?![\u0621-\u064a])")
_PREPS = frozenset(("في", "فى", "من", "الى", "إلى", "إلي", "الي", "داخل", "in", "at", "from", "to", "into", "inside"))
_LIFE_AR_RE = re.compile("ولد|ولدت|مواليد|نشأ|نشأت|ينحدر|تنحدر|أهالي|اهالي|أبناء|ابناء|سكان")


def _prep_before(text: str, start: int) -> bool:
    """A preposition of place or movement right before the name: `في الهول`, `لليرموك`, "in Hol", "to Roj"."""
    if start > 0 and text[start - 1] in "لب" and (start == 1 or text[start - 2] in " \n\"«“(و"):
        return True  # a glued preposition (the name starts after it)
    words = text[max(0, start - 12) : start].split()
    if not words:
        return False
    last = words[-1].strip("\"'«»“”(").lower()
    return last in _PREPS


_WORD_PLACE_BEFORE = frozenset(("outside", "near", "محيط", "قرب", "امام", "أمام", "بمحيط",
                                # leaving or entering it ("buses left Ofer", `غادرت الحافلات عوفر`)
                                "left", "leave", "leaves", "leaving", "entered", "reached", "غادر", "غادرت", "غادروا",
                                "دخل", "دخلت", "دخلوا"))
_CLAUSE_OPENERS = frozenset(("ان", "إن", "أن", "that"))
# a facility's own staff, inmates and parts before a quoted name that is also a common word (`إدارة «الحوت»`)
_OWN_PARTS_BEFORE = frozenset(fold(w) for w in (
    "إدارة", "مدير", "مديرة", "نزلاء", "سجناء", "معتقلي", "محتجزي", "حراس", "سجاني", "بوابة", "زنازين", "مهاجع",
    "أسوار", "أقسام", "لإدارة", "وإدارة"))
_CALLED_TO_RE = re.compile(r"(?:دعا|دعت|يدعو|تدعو|داعيا|داعياً|دعوة|الدعوة|calls?|called|calling)\s+"
                           r"(?:[^\s.!?]+\s+){0,2}(?:الى|إلى|for)\s+$", re.IGNORECASE)
_POSITION_AFTER_RE = re.compile(r"\s+(?:السفلى|السفلي|العليا|العلوية|الأرضية|الارضية|الوسطى|الأولى|الاولى|الثانية"
                                r"|الثالثة|الأخيرة|الاخيرة|الأعلى|الاعلى|الأدنى|الادنى)(?![\u0621-\u064a])")


_SURNAME_OR_PEOPLE_AFTER_RE = re.compile(r" (?:[A-Z][a-z]+\b(?! (?:prison|jail|camp)\b)|(?:residents|villagers|people|"
                                         r"Bedouins?|region|desert|area)\b)")


# a work, an event or a group of the name (`افتتح معرض "الهول" للكتاب`, `فيلم «الزعتري»`, "the film 'Zaatari'")
_TITLE_BEFORE_RE = re.compile(r"(?:معرض|مهرجان|فيلم|كتاب|رواية|روايه|أغنية|اغنية|فرقة|فرقه|مسلسل|برنامج|بعنوان|مسرحية"
                              r"|ديوان|film|book|novel|song|festival|exhibition|series|titled|entitled)\s*[«\"“'‘]\s*$",
                              re.IGNORECASE)


# a definite noun after an article-less word makes a construct (`إصلاحية الأحداث`, "the juveniles' reformatory"): the
# word is the common noun; an adjective after a name is the name's (`عوفر العسكري`)
_DEFINITE_NOUN_AFTER_RE = re.compile(r" (ال[\u0621-\u064a]{2,})(?![\u0621-\u064a])")
# a definite head word right after a word-like core is its kind in apposition, no construct (`يعد بوكا المعتقل
# الأمريكي الأكبر`, "Bucca, the largest US detention site"; rule 31d), folded
# words for a relative or a person, then a comma and a word-like core: the person's name (rule 31d), folded
_KIN_BEFORE = frozenset(fold(w) for w in (
    "الأب", "الأم", "الابن", "الابنة", "الجد", "الجدة", "الزوج", "الزوجة", "الطفل", "الطفلة", "الشاب", "الشابة",
    "الشقيق", "الشقيقة", "الأخ", "الأخت", "والده", "والدها", "والدهم", "ابنه", "ابنها", "ابنهما", "شقيقه", "شقيقها",
    "زوجها", "زوجته", "أخوه", "أخيه", "أخوها", "جده", "جدها", "ابن", "اللاجئ", "النازح", "الأسير",
    "father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "grandfather", "grandson", "boy",
    "girl", "refugee", "detainee", "prisoner", "nephew", "cousin", "uncle"))
_HEAD_WORDS_AR = frozenset(("سجن", "معتقل", "مخيم", "معسكر"))
_OWN_HEAD_AFTER = frozenset(("المعتقل", "السجن", "المخيم", "المعسكر"))
# a person's post or trade in apposition or as predicate right after a word-like core ("Bucca, a New York City fire
# marshal, was killed", "Bucca was a 22-year veteran of the department": the man the camp is named for; rule 31d)
_PERSON_APPOSED_EN_RE = re.compile(
    r"(?:,[ \u00a0]+(?:a|an)|[ \u00a0]+(?:was|is)[ \u00a0]+(?:a|an|the))[ \u00a0]+(?:[\w'-]+[ \u00a0]+){0,4}?"
    r"(?:fire[ \u00a0]+marshal|marshal|firefighter|fireman|soldier|sergeant|veteran|reservist|lawmaker|politician|"
    r"lawyer|journalist|activist|businessman|footballer|singer|actor|writer|poet)s?\b")


_WATER_BEFORE = frozenset(fold(w) for w in ("مياه", "منسوب", "ضفاف", "ضفة", "مجرى", "مصب", "مياة", "فاض", "يفيض",
                                              "فيضان", "جف", "جفاف"))  # (`فاض نهر البارد`: the river flooded)


# the town or the city itself, definite, as the sentence's own word for a bare city name (rule 24g); not another town
# named after it ("outside the town of Akhtarin, ... foreigners who had left al-Hol": the camp)
# (an adjective of its age or setting may stand between: "the ancient city's colonnades", "the old town"; rule 27c)
_THE_TOWN_RE = re.compile(r"\bthe\s+(?:(?:ancient|old|historic|desert|oasis)\s+)?(?:town|city)\b"
                          r"(?!['’]s\s+(?:prison|jail))(?!\s+of\s+(?:al-|el-|the\s+)?[A-Z])"
                          r"|(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)(?:مدينة|مدينه|بلدة|بلده)(?![\u0621-\u064a])",
                          re.IGNORECASE)
_SENTENCE_END = ".!?؟\n"


# the name's own head after its possessive ("Jenin's refugee camp", "Jenin's \"refugee camp\""): "the city" elsewhere in
# the sentence is the city around the camp, not the name's reading (hand21en, rule 26h)
_OWN_HEAD_AFTER_RE = re.compile(r"['’]s[ \u00a0]+[\"“'‘]?(?:refugee[ \u00a0]+)?camp\b", re.IGNORECASE)


def _the_town_in_sentence(text: str, c: Cand) -> bool:
    """The sentence of the bare name (up to 250 characters either side) names "the town"/"the city" (`المدينة`)."""
    lo = max(0, c.start - 250)
    for ch in _SENTENCE_END:
        i = text.rfind(ch, lo, c.start)
        if i >= lo:
            lo = i + 1
    hi = min(len(text), c.end + 250)
    for ch in _SENTENCE_END:
        i = text.find(ch, c.end, hi)
        if i != -1:
            hi = i
    return _THE_TOWN_RE.search(text, lo, hi) is not None


def _given_name_before(text: str, start: int, gaz: Gazetteer, *, article: bool = True, strict: bool = False) -> bool:
    """A given name (engine_rules given_names) right before the name: a person's family name. In English the given
    name is capitalised; in Arabic the family name has the article and the given name is written out (not علي/على,
    also the preposition "on"): `مصطفى الشدادي` (rule 24g). `article=False` (a core that is also a person's name,
    data `word`): the Arabic family name needs no article (`رونالد بوكا`, with ل glued to the given name: `لرونالد`;
    no kunya `أبو`/`ابن`, whose next word opens a name of its own; rule 31d). `strict` (any other core): only a given
    name that is no common word, or a compound ending in `الدين` (`سعد الدين شاتيلا`, `راشد شاتيلا` is left)."""
    i = text.rfind(" ", max(0, start - 16), start - 1)
    prev = text[i + 1 if i != -1 else max(0, start - 16) : start - 1]
    if text[start] < "\u0250":
        return prev[:1].isupper() and prev.isalpha() and prev.lower() in cue_list(gaz.rules.given_names)
    if not article and prev.isalpha() and prev not in ("على", "علي", "إلى", "الى"):
        if text[start] < "\u0600" or text[start : start + 2] == "ال":
            return False
        given = cue_list(gaz.rules.given_names)
        w = fold(prev)
        if strict:
            return (w == "الدين" and i > 0 and text[i - 1].isalpha()) or (w in given and w not in _COMMON_GIVEN)
        return (w in given or (w[:1] in "لو" and w[1:] in given)) and w not in _KUNYA
    return text[start : start + 2] == "ال" and prev.isalpha() and prev not in ("على", "علي", "إلى", "الى") \
        and fold(prev) in cue_list(gaz.rules.given_names)


_KUNYA = frozenset(("ابو", "ام", "ابن", "بن", "بنت", "ابي"))
# given names that are also common words or glue to a following name (folded): no family name after them for a core
# with no word reading (rule 31d)
_COMMON_GIVEN = _KUNYA | frozenset(("نور", "جمال", "كمال", "سعيد", "كريم", "عادل", "صالح", "ناصر", "منصور", "هدي",
                                    "امينه", "سعد", "رياض", "نبيل", "هادي", "فيصل", "عماد", "بشار", "الهام", "ليلي",
                                    "ريم", "رنا", "هند", "مريم", "زينب", "فاطمه", "عائشه", "عيسي", "موسي", "حسن",
                                    "بول"))
# an Ottoman or Turkish title written after a man's given names and before his family name (`سعد الدين باشا شاتيلا`,
# "Hamid Bey Shatila"; rule 31d)
_TITLE_BEFORE_FAMILY_RE = re.compile(r"(?<![\u0621-\u064a\w])(?:باشا|بيك|بك|أفندي|افندي|آغا|اغا|Pasha|Bey|Effendi|Agha)"
                                     r"[ \u00a0]$")


def _person_title_before(text: str, start: int) -> bool:
    """_TITLE_BEFORE_FAMILY_RE right before the name, after a word (the given name: not the text's first word)."""
    m = _TITLE_BEFORE_FAMILY_RE.search(text, max(0, start - 8), start)
    return m is not None and m.start() > 1 and text[m.start() - 1] == " " and text[m.start() - 2] not in ".،,:\n"


def _word_read_as_name(text: str, start: int, end: int) -> bool:
    """A core that is also a common word or a person's name (data: `word`) is read as the facility by the words
    about prisons or camps around it only where a name of a place stands: after a preposition of place ("held at
    Panorama", `في العقرب`, "outside Ofer", `في محيط عوفر`) or as the subject opening a clause ("Opinion: Bucca was
    ...", `إن الحوت صار ...`) — not in a construct (`أشد العقاب`, `ورش الصناعة`), after a title or a given name
    (`البطريرك بشارة الراعي`, "Ronald Bucca"), after a call (`دعا إلى التوبة`) or before a positional adjective
    (`في الطبقة السفلى`, "on the lower floor")."""
    if _POSITION_AFTER_RE.match(text, end) or _CALLED_TO_RE.search(text, max(0, start - 40), start) \
            or _FEARED_BEFORE_RE.search(text, max(0, start - 24), start) \
            or (text[start - 1 : start] == "ب"
                and _THREATENED_WITH_RE.search(fold_text(text[max(0, start - 48) : start])) is not None) \
            or _SURNAME_OR_PEOPLE_AFTER_RE.match(text, end) \
            or (text[start] < "\u0250" and _PERSON_APPOSED_EN_RE.match(text, end) is not None) \
            or (text[start : start + 2] != "ال" and (m := _DEFINITE_NOUN_AFTER_RE.match(text, end)) is not None
                and not m.group(1).endswith(("ي", "ية", "يه")) and fold(m.group(1)) not in _OWN_HEAD_AFTER):
        return False  # ("Derek Chauvin", "Ramon Escobar": a first name and a surname; "Naqab residents")
    if text[start] >= "\u0600" and given_to_another_ar(text, start):
        return True  # `قبل أن يسميه الأميركيون بوكا`: a word given as a site's name is a name (rule 31d; given to
        # another site named before it, facilities.py drops it)
    if text[start] >= "\u0600" and text[start : start + 2] != "ال" \
            and (m := _DEFINITE_NOUN_AFTER_RE.match(text, end)) is not None \
            and fold(m.group(1)) in _OWN_HEAD_AFTER:
        return True  # `يعد بوكا المعتقل الأمريكي الأكبر`: the name and its kind in apposition (rule 31d)
    q = start
    while q > 0 and text[q - 1] in "\"'«“‘ ":
        q -= 1  # (before the name's opening quote: `نزيل في «الحوت»`)
    if _prep_before(text, start) or (q < start and _prep_before(text, q)):
        # (a preposition glued to a core with no article makes a word of its own: `لقاح` "a vaccine", not "to Qah";
        # rule 23f)
        return q < start or text[start - 1 : start] not in "لب" or text.startswith("ال", start) \
            or start < 2 or text[start - 2] not in " \n\"«“(و"
    if q < start and text[start] >= "\u0600" \
            and _HEAD_WORDS_AR.intersection(map(fold, text[max(0, q - 24) : q].split()[-2:])):
        return True  # `سجن الدواعش "بوكا"`: a quoted name right after a head and its genitive (rule 31d)
    if q < start and _word_before(text, q + 1 if text[q] == " " else q) in _OWN_PARTS_BEFORE:
        return True  # `إدارة «الحوت»`, `نزلاء "العقرب"`: a quoted name after the facility's own staff or parts (rule 9)
    if text[start - 4 : start] == "The " and start > 4 and text[start - 5] not in ".!?\n":
        return True  # "rights groups say The Whale holds ...": a capitalised article mid-sentence marks a name
    lead = text[max(0, start - 24) : start].rstrip(" \"'«“")
    if q < start and lead[-1:] in ("و", "ف") and (len(lead) == 1 or lead[-2] in " \n") \
            and _HEAD_PREDICATE_RE.match(text, end) is not None:
        lead = lead[:-1].rstrip()  # `و"العقاب" سجن`: a conjunction glued to the quote opens a clause whose predicate
        # is a head of the kind (prec22ar, rule 26x); `و«العقرب» يلدغ طفلاً` stays the scorpion
    if lead[-1:] in ("،", ",") and fold(lead[:-1].rstrip().rsplit(None, 1)[-1] if lead[:-1].strip() else "") \
            in _KIN_BEFORE:
        return False  # `مسقط رأس الأب، أشرف، الذي غادرها`, "her son, Ashraf,": a person named in apposition to a
        # word for a relative or a person, no camp (rule 31d)
    if not lead or lead[-1] in ".:!?\n،؛—-|]":
        return True
    if _MOOD_OVER_RE.search(lead) is not None:
        return True  # `يسود التوتر "عوفر"`, `يخيّم التوتر على "عوفر"`, `شهد "النقب" مواجهات`: a place something holds
    words = lead.split()
    return bool(words) and words[-1].lower() in (_WORD_PLACE_BEFORE | _CLAUSE_OPENERS)


# a quoted name's predicate, a head word right after the closing quote (`و"العقاب" سجن`, `و«التوبة» معتقل`; prec22ar)
_HEAD_PREDICATE_RE = re.compile(r"[\"'»”’][ \u00a0]+(?:سجن|معتقل|مخيم|معسكر|مركز)(?![\u0621-\u064a])")
# a mood or an event prevailing over a place right before a quoted or bare word-like core (ar18 survey, rule 25e): the
# verb, or the verb and its subject (`يسود التوتر "عوفر"`), then `على` for "hangs over" (`يخيّم على`)
_MOOD_OVER_RE = re.compile(r"(?:^|\s)(?:[يت]سود|سادت?|شهدت?|[يت]شهد)(?:\s+ال[\u0621-\u064a]+)?$"
                           r"|(?:^|\s)(?:[يت]?خي\u0651?م|سيطر|[يت]سيطر)\s+(?:ال[\u0621-\u064a]+\s+)?على$")
# the object of a fear is the word (`خوفاً من العقاب`, `خشية العقاب`, "for fear of ..."; rule 25f)
_FEARED_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?(?:خوف[اً]*|خوفاً|خشية|خشيه|مخافة|مخافه|يخشى|يخشون|تخشى|"
                               r"يخاف|يخافون|تخاف|خائفا?|خائفين|خائفون)[ \u00a0]+(?:من[ \u00a0]+)?|"
                               r"\bfear(?:ing|ed|s)?[ \u00a0]+(?:of[ \u00a0]+)?)$", re.IGNORECASE)
# a verb of threatening or punishing, then up to three words and a glued ب: the word core is what they are threatened
# or punished with (`توعّد المقصّرين بالعقاب` "vowed to punish the negligent"; no al-Uqab prison; rule 25t), folded
_THREATENED_WITH_RE = re.compile(r"(?:^|\s)[وف]?(?:توعد|توعدت|يتوعد|تتوعد|هدد|هددت|يهدد|تهدد|انذر|عاقب|يعاقب|تعاقب|"
                                 r"عوقب|عوقبوا|يعاقبون)(?:\s+\S+){0,3}\s+ب$")
# a group of people and "from"/"in" right before a city's bare name: where they come from or live (rule 25f)
# rule 27g (core24en survey): the place a meeting, talks or a conference were held, the words of the gathering within
# five words before "in"/"at"/`في` ("a meeting with tribal leaders in Ain Issa", "talks held in Qamishli"), or "met"
# right before them ("elders met on Sunday in Ain Issa"; "met their sons in al-Hol" is a visit to the camp)
_VENUE_BEFORE_RE = re.compile(r"\b(?:meeting|meetings|talks|conference|summit|forum|ceremony)\b"
                              r"(?:[ \u00a0]+[\w’'-]+){0,5}?[ \u00a0]+(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?$"
                              r"|\bmet(?:[ \u00a0]+(?:on|last|this)[ \u00a0]+\w+)?[ \u00a0]+(?:in|at)[ \u00a0]+$"
                              r"|(?<![\u0621-\u064a])(?:اجتماع|اجتماعا|لقاء|مؤتمر|ملتقى|اجتمع|اجتمعوا|التقى|التقوا)"
                              r"(?![\u0621-\u064a])(?:[ \u00a0]+[^ \u00a0.،,؛]+){0,5}?[ \u00a0]+في[ \u00a0]+$",
                              re.IGNORECASE)
# rule 29s: the detention words of a city's sentence about another site in it or the city's own force, not the prison
# named after the city: a building, a group's offices, a stadium or a ceremony right before "in <city>" (a few words
# between, none a prison's: "the prison building in Tadmur" is left to the other rules), and the city's possessive
# before its force, council or people ("Raqqa's Internal Security Forces")
_OTHER_SITE_IN_RE = re.compile(
    r"(?:\b(?:headquarters|HQ|offices?|stadium|stadiums|building|buildings|school|schools|hospital|villa|villas|"
    r"basements?|mosques?|church|hotel|compound|palace|house|houses|homes?|square|roundabout|ceremony|ceremonies|"
    r"rally|celebration|festival|institute|academy)\b"
    r"|(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:مقر|مقار|مقرات|مبنى|مباني|ملعب|ملاعب|استاد|الاستاد|مدرسة|مدارس|مشفى|"
    r"مستشفى|فيلا|فلل|قبو|أقبية|اقبية|مسجد|كنيسة|فندق|منزل|منازل|بيت|بيوت|دوار|ساحة|حفل|احتفال|مراسم|قصر|"
    r"معهد|أكاديمية|اكاديمية)"
    r"(?![\u0621-\u064a]))"
    r"(?P<between>(?:[ \u00a0]+[^ \u00a0.،,؛:]+){0,3}?)"
    r"[ \u00a0]+(?:(?:in|at|inside)[ \u00a0]+(?:the[ \u00a0]+(?:city[ \u00a0]+of[ \u00a0]+)?)?"
    r"|(?:في|فى|داخل)[ \u00a0]+(?:مدينة[ \u00a0]+|مدينه[ \u00a0]+)?|(?:في[ \u00a0]+)?ب(?:مدينة[ \u00a0]+)?)$",
    re.IGNORECASE)
_OTHER_SITE_SCOUT = ("eadquarters", "HQ", "ffice", "tadium", "uilding", "chool", "ospital", "illa", "asement",
                     "osque", "hurch", "otel", "ompound", "alace", "ouse", "ome", "quare", "oundabout", "eremon",
                     "ally", "elebration", "estival", "مقر", "مقار", "مبن", "مباني", "ملعب", "ملاعب", "استاد",
                     "مدرس", "مدارس", "مشفى", "مستشفى", "فيلا", "فلل", "قبو", "قبية", "مسجد", "كنيسة", "فندق",
                     "منزل", "منازل", "بيت", "بيوت", "دوار", "ساحة", "حفل", "احتفال", "مراسم", "قصر",
                     "nstitute", "cadem", "معهد", "كاديمية")
_PRISON_WORD_RE = re.compile(r"prison|jail|سجن|سجون|معتقل", re.IGNORECASE)
_INSTITUTE_SCOUT = ("nstitute", "cadem", "معهد", "كاديمية")  # (rule 33k)
_CITY_FORCE_AFTER_RE = re.compile(
    r"['’]s(?:[ \u00a0]+[\w-]+){0,3}?[ \u00a0]+(?:forces?|council|administration|authorities|"
    r"authority|governor|mayor|residents|people|tribes|elders|committee|courts?|municipality|stadium|"
    r"headquarters|offices?|hospitals?|schools?|mosques?|streets|markets?)\b", re.IGNORECASE)


def _city_other_site(text: str, cs: int, ce: int, arabic: bool) -> bool:
    """The city's bare name is where another site is, or its possessive holds the city's force (rule 29s; see
    _OTHER_SITE_IN_RE)."""
    if not arabic and text.startswith(("'s", "’s"), ce):
        return _CITY_FORCE_AFTER_RE.match(text, ce) is not None
    lead = text[(cs - 64 if cs > 64 else 0) : cs]
    if not any(w in lead for w in _OTHER_SITE_SCOUT):
        return False
    m = _OTHER_SITE_IN_RE.search(lead)
    if m is None or _PRISON_WORD_RE.search(between := m.group("between")) is not None:
        return False
    first = between.split()[0].strip("\"'«»“”()") if between.strip() else ""
    return not (len(first) == 1 or first.isdigit())  # "Building B in Roumieh", `المبنى "ب" في رومية`: a block of
    # the prison itself


# rule 33j (prec33): after a city's bare name that a camp shares, "is home to", "hosts", "has", "contains" or "with"
# and a camp the words count or make indefinite or the city's own ("a ... refugee camp", "two refugee camps", "its
# refugee camp") in the same clause: the city holds a camp it does not name (Reuters: "Jenin is home to a crowded
# refugee camp of descendants of Palestinians"); "X is a refugee camp" (the name is the camp) is not matched
_HOME_TO_CAMP_AFTER_RE = re.compile(
    r",?[ \u00a0]+(?:(?:which|that)[ \u00a0]+)?(?:(?:is|was|has[ \u00a0]+long[ \u00a0]+been|remains)[ \u00a0]+)?"
    r"(?:(?:also|still)[ \u00a0]+)?(?:home[ \u00a0]+to|hosts|hosted|houses|housed|contains|has|had|with)[ \u00a0]+"
    r"(?:a|an|one|two|three|four|five|several|many|numerous|its|their)[ \u00a0]+[^.;:!?\n]{0,60}?\bcamps?\b",
    re.IGNORECASE)
# rule 33j: after "<named facility>, <city>": a comma and a date (a month or a number), a territory, or the end of
# the sentence or line: a caption's or a dateline's place of the facility
_CAPTION_AFTER_RE = re.compile(
    r",[ \u00a0]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \u00a0]+[0-9]|[0-9]"
    r"|(?:the[ \u00a0]+)?(?:occupied[ \u00a0]+)?(?:West[ \u00a0]+Bank|Gaza|Syria|Iraq|Lebanon|Jordan|Palestine)\b)"
    r"|\.(?:[ \u00a0\n]|$)|$")
_PEOPLE_FROM_RE = re.compile(r"(?:(?<![\u0621-\u064a])(?:ناشطون|ناشطين|ناشطو|ناشطي|صحفيون|صحفيين|إعلاميون|اعلاميون|"
                             r"سكان|أهالي|اهالي|أبناء|ابناء|وجهاء|مواطنون|مواطنين)\s+(?:من|في)"
                             r"|(?<![\u0621-\u064a])(?:ينحدرون|ينحدر|يتحدرون|يتحدر|المنحدرين|المتحدرين)\s+من"
                             # `مصادر محلية في طولكرم`, `مصدر أمني في جنين`: where a source sits (rule 33j)
                             r"|(?<![\u0621-\u064a])(?:مصادر|مصدر)(?:\s+(?:محلية|محلي|طبية|طبي|أمنية|أمني|امنية|امني|"
                             r"ميدانية|ميداني|خاصة|خاص|مطلعة|مطلع))?\s+(?:من|في)"
                             r"|\b(?:activists|residents|journalists|locals|people)\s+(?:from|in)"
                             # "a local source in Tulkarem reported", "medical sources in Jenin said" (rule 33j)
                             r"|\bsources?\s+in"
                             # "most residents are from al-Raqqa", "families who hail from Raqqa", "originally from":
                             # where people come from is the city (round-23 splits, rule 27w)
                             r"|\b(?:are|were|is|was|hail|hails|hailed)\s+"
                             r"(?:(?:originally|mostly|mainly|all|largely)\s+)?from"
                             r"|\boriginally\s+from)\s+$", re.IGNORECASE)
# a city's bare name and then "where" (`، حيث`, ", where"): the city (rule 25f)
_WHERE_AFTER_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:حيث|where)(?![\u0621-\u064a\w])", re.IGNORECASE)
_NEAR_WORDS = frozenset(("near", "قرب", "بقرب"))
# a city's capture right before its bare name: "seized Palmyra", `سيطر التنظيم على تدمر` (rule 29b)
_TAKEN_EN = frozenset(("seized", "captured", "recaptured", "retook", "overran", "liberated", "besieged", "seize",
                       "capture", "recapture", "retake", "overrun", "liberate", "besiege", "seizing", "capturing",
                       "recapturing", "retaking", "overrunning", "liberating", "besieging"))
# the fall of a city before its bare name (`قبل سقوط تدمر في يد التنظيم`, "the fall of Palmyra"; rule 29r): the city
_FALL_AR = frozenset(("سقوط", "وسقوط", "بسقوط", "لسقوط", "فسقوط"))
_TAKEN_ON_AR_RE = re.compile(r"(?:^|\s)(?:و|ف)?(?:سيطر|سيطرت|يسيطر|تسيطر|السيطره|السيطرة|سيطرته|سيطرتها|استولى|استولت"
                             r"|الاستيلاء|استعاد|استعادت|استعادة|استعاده)[^.،,؟!:\n]{0,30}\sعلى\s*$")
# the two-word "near" (rule 27y): "Hassan Sham (close to Khazir) camp", "next to Sheikhan" say where the site named
# before is, no second facility
_CLOSE_TO_RE = re.compile(r"\b(?:[Cc]lose|[Nn]ext|[Aa]djacent)[ \u00a0]+to[ \u00a0]+$")
_SENTENCE_BREAK_RE = re.compile(r"[.!?؟\n]")
_MOVED_TO = (r"\b(?:moved|transferred|taken|relocated|sent|bussed|brought|returned|transported)"
             r"\s+(?:back\s+)?to\s+(?:the\s+)?$")
_MOVED_AFTER_RE = re.compile(r"[^.!?;\n]{0,60}" + _MOVED_TO, re.IGNORECASE)
_MOVED_BEFORE_RE = re.compile(r"[^.!?;\n]{0,90}" + _MOVED_TO, re.IGNORECASE)
_FROM_IN = frozenset(("from", "in", "at", "inside"))
# "born in Ain Issa, she was moved to Roj camp", "freed from Ghwayran prison and taken to Shaddadi": the town
_LIFE_RE = re.compile(r"\b(?:born|grew\s+up|raised|lived|native|hometown|home\s+town|hails?)\b", re.IGNORECASE)
_FREED_RE = re.compile(r"\b(?:released|freed|discharged|escaped|fled)\b", re.IGNORECASE)


def _moved(text: str, c: Cand, ar: Around) -> bool:
    """The two ends of a move, one a named facility: "after threats in al-Hol, she was moved to Roj camp",
    "returned from Al-Hol camp and were taken to Al-Jadaa" (English; a bare town at one end is rarer than
    the camp or prison the people are moved between)."""
    if text[c.start] >= "\u0600":
        return False
    if prev_word(text, c.start, frozenset()) in _FROM_IN \
            and _LIFE_RE.search(text, max(0, c.start - 50), c.start) is None:
        for t in ar.accepted_ix.starting_after(c.end + 8, 70):
            if _MOVED_AFTER_RE.fullmatch(text, c.end, t):
                return True
    if "to" in text[c.start - 8 if c.start > 8 else 0 : c.start]:
        for t in ar.accepted_ix.ending_before(c.start - 8, 90):
            if _MOVED_BEFORE_RE.fullmatch(text, t, c.start) and \
                    _FREED_RE.search(text, max(0, t - 60), c.start) is None and \
                    any("from " in text[s - 20 if s > 20 else 0 : s]
                        for s in ar.accepted_ix.starting_after(t - 59, 58)):  # (t - 60 < s < t)
                return True
    return False


_HEAD_IN_RE = re.compile(r"(?:\b(?:prisons?|jails?|camps?|facility|facilities)|سجن|سجون|معتقل|معتقلات|مخيم|مخيمات"
                         # an interrogation office or headquarters "in" a town (`مقر تحقيق في المالكية`; rule 25e)
                         r"|(?:مقر|مكتب|مركز)\s+(?:تحقيق|للتحقيق|استجواب|احتجاز|اعتقال))"
                         r"(?:\s+(?:آخر|اخر|ثان|another|other))?"
                         r"\s+(?:in|at|near|في|ب|قرب)\s*(?:the\s+town\s+of\s+)?$", re.IGNORECASE)
_HEAD_IN_SCOUT = scouted(["prison", "jail", "camp", "facilit"], ["سجن", "سجون", "معتقل", "مخيم", "مقر", "مكتب", "مركز"])


# between a facility named with its head and its other name: ", formerly", "(previously", "(now" (rule 22c's joiners)
_FORMERLY_BEFORE_RE = re.compile(r"[ \u00a0]*[,(][ \u00a0]*(?:formerly|previously|once|now|later)"
                                 r"(?:[ \u00a0]+(?:called|known[ \u00a0]+as|named))?[ \u00a0]+(?:the[ \u00a0]+)?$",
                                 re.IGNORECASE)
# after a facility's name: "in" a town, with a unit's word or not (`مركز الجدعة في ناحية القيارة`, `الواقع في بلدة`,
# "Jeddah 1 camp in Qayyarah", "the camp near the town of Qayyarah")
_SEAT_AFTER_RE = re.compile(r"(?:[ \u00a0]+[^\s.,،؛:;()\n]+){0,4}?"  # `مركز الجدعة للتأهيل النفسي والمجتمعي في`
                            r"[ \u00a0]*[،,]?[ \u00a0]*(?:(?:الواقع|الواقعة|الواقعه|located|situated)[ \u00a0]+)?"
                            r"(?:في|فى|ب|in|near|at|قرب)[ \u00a0]*(?:(?:ناحية|ناحيه|بلدة|بلده|قضاء|مدينة|مدينه|منطقة|"
                            r"منطقه|the[ \u00a0]+(?:town|district|sub-district|city)[ \u00a0]+of)[ \u00a0]+)?",
                            re.IGNORECASE)


def seat_end_ref(text: str, pos: int) -> int:
    """_SEAT_AFTER_RE.match(text, pos)'s end, or -1 when it does not match: the specification of the compiled
    seat_end (native/seat.c), which tries the same words and tails in re's order without re's machinery."""
    m = _SEAT_AFTER_RE.match(text, pos)
    return -1 if m is None else m.end()


_SEAT_STRIP = ".,،؛:;()\"«»“”"
_SEAT_KEYS: dict[str, str] = facility_cache()  # (a seat's joined words -> its key: fold, stripped, no article)
# (a seat's first three words joined -> the keys of its first one, two and three words: _seat_keys; the three words
# joined are those _SEAT_KEYS holds the key of, so this cache is asked no more often than that one)
_SEAT_PHRASES: dict[str, tuple[str, ...]] = facility_cache()


def _seat_keys(words: list[str]) -> tuple[str, ...]:
    """The keys of a seat's first one, two and three words (up to three), joined as they grow; each joined string's
    key is a pure function of it, kept per string (_SEAT_KEYS: outlets name the same towns again and again)."""
    keys = _SEAT_KEYS
    out = []
    joined = ""
    for w in words:
        joined = f"{joined} {w}" if joined else w
        key = keys.get(joined)
        if key is None:
            key = remember(keys, joined, fold(joined.strip(_SEAT_STRIP)).removeprefix("ال"))
        out.append(key)
    return tuple(out)


def _seat_of_another(text: str, c: Cand, ar: Around) -> bool:
    """Another facility of the text is named "in" this bare name (`مركز الجدعة في ناحية القيارة`, "Jeddah 1 camp in
    Qayyarah") and the text never names this one with its head: the name read anywhere in the text is that town,
    where the other facility stands, not a second facility (rule 24o). Each accepted span is read once (Around.seats):
    linear in the text's facilities, not their product with its bare names."""
    acc = ar.accepted
    n = len(acc)
    if ar.seats_read < n:
        native = backend.PATH.native
        seat_end = native.seat_end if native is not None else seat_end_ref  # (compiled: seat.c)
        seats = ar.seats
        phrases = _SEAT_PHRASES
        for _s, e in acc[ar.seats_read : n]:
            me = seat_end(text, e)
            if me <= e:
                continue  # (no match, or an empty one)
            seg = text[e:me]  # (one slice for the tests below, each a C-level `in`)
            if "\n" in seg or not ("في" in seg or "فى" in seg or "ب" in seg or "in" in seg or "near" in seg
                                   or "at" in seg or "قرب" in seg):
                continue
            # the town's name may have up to three words (`حمام العليل`): the first one, two and three
            # (split(None, 3)'s first three are split()'s), their keys kept per three words joined (_seat_keys)
            words = text[me : me + 40].split(None, 3)[:3]
            phrase = " ".join(words)
            got_keys = phrases.get(phrase)
            if got_keys is None:
                got_keys = remember(phrases, phrase, _seat_keys(words))
            for key in got_keys:
                got = seats.get(key)
                if got is None:
                    seats[key] = [me]
                else:
                    got.append(me)
        ar.seats_read = n
    name = fold(text[c.start : c.end]).removeprefix("ال")
    # (not the name right after the facility itself: `قسم المهاجرات في الهول` is the annex in the camp, read below)
    return bool(name) and any(p != c.start for p in ar.seats.get(name, ()))


# a prison's section named by whom it holds, then "in"/"at" the known prison's name
def _town_in_sentence(text: str, c: Cand) -> bool:
    """Earlier in its sentence the text calls the bare name a town (`أهالي بلدة الهول ... منازلهم في "الهول"`,
    "residents of the town of al-Hol ... their homes in al-Hol"): the name read again is that town. A town named
    after it is a contrast, no coreference ("16,000 Zaatari residents went home, while the village of Zaatari ...")."""
    hi = c.start
    lo0 = hi - 300 if hi > 300 else 0
    # (the last sentence stop in [lo0, hi), five C-level reverse finds: one past it, else the window's start — not
    # the text's: a page of 2,000 bare names and no full stop was read from its start for each name, quadratic)
    lo = max(lo0, max(text.rfind("\n", lo0, hi), text.rfind(".", lo0, hi), text.rfind("!", lo0, hi),
                      text.rfind("?", lo0, hi), text.rfind("؟", lo0, hi)) + 1)
    # a town word must be in the window: every token's fold is a piece of the window's (apostrophes dropped, as
    # fold drops them), so a window whose fold holds none of them holds no such word (one compiled pass)
    folded = fold_text(text[lo:hi])
    if "'" in folded:
        folded = folded.replace("'", "")
    if "بلده" not in folded and "قريه" not in folded and "town" not in folded and "village" not in folded:
        return False
    name = fold(text[c.start : c.end]).removeprefix("ال")
    prev = prev2 = ""
    for t in _WORD_RE.finditer(text, lo, hi):
        w = fold(t.group())
        if (prev in _TOWN_WORDS or (prev == "of" and prev2 in _TOWN_WORDS)) \
                and w.removeprefix("ال") == name:
            return True
        prev2, prev = prev, w
    return False


_WORD_RE = re.compile(r"[\w\u0600-\u06ff\u064b-\u065f'’-]+")
# (each holds بلده, قريه, town or village: the window test above)
_TOWN_WORDS = frozenset(("بلده", "البلده", "وبلده", "لبلده", "ببلده", "قريه", "القريه", "town", "village"))


_HEAD_STAFF_AT_RE = re.compile(r"\b(camp|prison|jail)\s+(?:director|directors|manager|administrator|administration|"
                               r"officials?|chief|guards?|staff|management|authorities|residents|inmates|detainees|"
                               r"population)\s+(?:at|in|of)\s+"
                               r"(?:(?:nearby|neighbouring|neighboring)\s+)?$", re.IGNORECASE)
# a quarter's word and its name (one or two words, or a list of two) before a bare camp's name (rule 25e)
_QUARTER_OF_CAMP_RE = re.compile(r"\b(?:neighbou?rhoods?|quarters?|sectors?|districts?)\s+of\s+(?:the\s+)?$"
                                 r"|(?<![\u0621-\u064a])(?:حي|حيي|أحياء|احياء|حارة|حارات)\s+[\u0621-\u064a\u064b-\u0652]+"
                                 r"(?:\s+(?:و[\u0621-\u064a]+|[\u0621-\u064a]+))?\s+(?:في|داخل|ب|من)\s*$",
                                 re.IGNORECASE)
_CAMP_SECTION_IN_RE = re.compile(r"(?:ال)?قسم\s+(?:ال)?(?:مهاجرات|مهاجرين|أجانب|اجانب|عراقيين|سوريين|خاص)\s+"
                                 r"(?:في|ب)\s*$")
# (adjectives between: "the overcrowded facility at al-Hol"; not one that makes it another facility, "the new prison in
# Nasiriyah", nor a town's word)
_THE_HEAD_AT_RE = re.compile(r"\bthe\s+(?P<adj>(?:(?!(?:town|city|village|area|district|new|newer|other|another|"
                             r"second|third|first|old|older|same|nearest|local|only|smaller|larger|detention|"
                             r"holding)\b)[a-z-]+\s+){0,3})(?:(?:detention|holding)\s+)?"
                             r"(prison|jail|camp|facility|site|complex|(?<=detention )cent(?:re|er)|"
                             r"(?<=holding )cent(?:re|er)|prisons(?=\s+at)|jails(?=\s+at))\s+(?:at|in)\s+$",
                             re.IGNORECASE)  # ("the Air Force Intelligence prisons at al-Mezze military airport": a
# plural prison head "at" a name, rule 25y; "the prisons in Hasakah" are where, not which; "the detention centre at Abu
# Ghraib", "the detention facility at Jafr": the head's own word is no adjective, fac26en survey, rule 28l)
_SECTION_IN_RE = re.compile(
    r"(?:(?:سجن|مبنى|مبني|جناح|قسم)[\u064b-\u0652]*\s+(?:ال)?(?:أحداث|احداث|نساء|موقوفين|محكومين|إسلاميين|"
    r"اسلاميين)[\u064b-\u0652]*|"
    r"\b(?:juvenile|women['’]s|female|youth)\s+(?:prison|wing|block|section|jail))\s+(?:في|فى|ب|in|at)\s*$",
    re.IGNORECASE)
_SECTION_IN_SCOUT = scouted(["juvenile", "women", "female", "youth"], ["سجن", "مبنى", "مبني", "جناح", "قسم"])
_HEAD_STAFF_SCOUT = scouted(["camp", "prison", "jail"], [])


def _common_words(gaz: Gazetteer) -> frozenset[str]:
    return _word_sets(gaz)[0]


def _town_cues(gaz: Gazetteer) -> frozenset[str]:
    return _word_sets(gaz)[1]


def _word_sets(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """(common words never read bare, town cue words and PLACE_CUES), folded once per gazetteer."""
    got = _SETS.get(id(gaz))
    if got is None or got[0] is not gaz:
        r = gaz.rules
        got = _SETS[id(gaz)] = (gaz, (frozenset(fold_text(w) for w in r.geonames_stop.ar + r.geonames_stop.en),
                                      frozenset(fold_text(w) for w in r.core_context.town.en + r.core_context.town.ar)
                                      | PLACE_CUES))
        if len(_SETS) > 4:
            _SETS.clear()
            _SETS[id(gaz)] = got
    return got[1]


_SETS: dict[int, tuple[Gazetteer, tuple[frozenset[str], frozenset[str]]]] = {}


_LOWER_ART_RE = re.compile(r"(?<![\w-])(?:al|el)[-\u2010\u2011 ]([a-z][a-z'\u2019]{1,20})\b")
# where _LOWER_ART_RE can match: a literal-first scout is found at C speed, a lookbehind-first pattern is
# tried at every character (scouts.py); the scout opens with the article's "l" (rarer than a or e, a single
# literal re skips to fastest) and gives the position before it
_LOWER_ART_SCOUT = ((re.compile(r"l(?=[-\u2010\u2011 ][a-z])"), -1),)


def lowercase_cores(text: str, trie_root: dict, known: set[tuple[int, int]], every_word: bool = False) -> list[Cand]:
    """Bare English names written all lower case with their article ("in al-hol", "combing nahr al-bared"),
    which the scanner leaves to case-sensitive reading: a core candidate for each, so bare_reading decides as
    for "al-Hol". `every_word`: the whole text is lower case (a post, a headline typed so): a one-word core
    without the article too ("held at roj", "sdf says ghwayran")."""
    out: list[Cand] = []
    if every_word:
        taken = {s for s, _e in known}
        for m in _LOWER_WORD_RE.finditer(text):
            before = text[m.start() - 1 : m.start()]
            if before and (before.isalnum() or before in "_'’-"):
                continue  # inside a word ("non-roj" is no word of its own)
            if m.start() in taken or (text[m.start() - 1 : m.start()] in ("-", " ")
                                       and _LOWER_ART_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())):
                continue  # (with the article: read below)
            if m.group() in _LOWER_COMMON:
                continue
            node = trie_root.get(fold(m.group()))
            for role, pls in (node.get(PAYLOAD) or ()) if isinstance(node, dict) else ():
                if role == "core":
                    out.append(Cand(m.start(), m.end(), "core", pls, 1))
    for m in match_starts(_LOWER_ART_RE, _LOWER_ART_SCOUT, text):
        if (m.start(), m.end()) in known:
            continue
        name = fold(m.group(1))
        w = _LOWER_WORD_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        two = trie_root.get(fold(w.group(1))) if w is not None else None
        node = two.get(name) if isinstance(two, dict) else None
        if w is not None and isinstance(node, dict) and any(role == "core" for role, _p in node.get(PAYLOAD, ())):
            start, n = w.start(1), 2  # "nahr al-bared": the first word of a two-word name
        else:
            start, n, node = m.start(), 1, trie_root.get(name)
        groups = node.get(PAYLOAD) if isinstance(node, dict) else None
        for role, pls in groups or ():
            if role == "core":
                out.append(Cand(start, m.end(), "core", pls, n))
    return out


def lowercase_acronyms(text: str, trie_root: dict) -> list[Cand]:
    """Actors' acronyms in a text written all lower case ("sdf says ghwayran ...", "ypg fighters"), which the
    scanner reads only in capitals ("US" is not "us"): three or four letters, never an English word ("who")."""
    out: list[Cand] = []
    for m in _LOWER_ACRONYM_RE.finditer(text):
        if m.group() in _LOWER_ACRONYM_WORDS:
            continue
        node = trie_root.get(m.group())
        for role, pls in (node.get(PAYLOAD) or ()) if isinstance(node, dict) else ():
            upper = tuple(p for p in pls if p[2] == "upper")
            if role == "actor" and upper:
                out.append(Cand(m.start(), m.end(), "actor", upper, 1))
    return out


_LOWER_ACRONYM_RE = re.compile(r"(?<![\w'’.-])[a-z]{3,4}(?![\w'’-])")
_LOWER_ACRONYM_WORDS = frozenset(("who", "aid", "art", "can", "sun", "ira", "its", "was", "has", "are", "the", "and"))


# English words and given names that are also one-word cores: in lower case they are the word ("a beach hut")
_LOWER_COMMON = frozenset(("beach", "hut", "hoot", "torah", "derek", "damon", "rai", "kili", "panorama", "central",
                           "ramon", "naqab", "suse", "marka"))
_LOWER_WORD_RE = re.compile(r"[a-z]{3,}(?![\w'’-])")  # (no lookbehind: the letter before is checked by hand)
_LOWER_ART_BEFORE_RE = re.compile(r"(?<![\w-])(?:al|el)[-\u2010\u2011 ]$")
_LOWER_WORD_BEFORE_RE = re.compile(r"(?<![\w-])([a-z]{2,12})[ -]$")


# a capitalised Latin word (with the article, "al-Sednaia") the trie does not hold: maybe a known facility's other
# spelling, read bare as its canonical spelling would be (bare26b, rule 28q)
_CAP6_RE = re.compile(r"[A-Z][a-z]{5}")
_SPELLED_RE = re.compile(r"(?<![\w'’-])(?:[Aa][lr]-)?[A-Z][a-z]{4,}(?![\w-])")
# where a bare facility name can be meant at all: words about detention or a camp somewhere in the text
_SPELLED_GATE_RE = re.compile(r"prison|jail|detain|inmate|captiv|camp|freed|guard|tortur|held|releas|escap|riot|"
                              r"hanged|execut|cell", re.IGNORECASE)


def spelled_cores(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[Cand]:
    """Bare English names that spell a known prison or camp otherwise ("Ghuwairan detainees", "freed from
    Seydnaya", "inside Sednaia"): a core candidate (and a place candidate where the known spelling is also a town's
    name) with the known spelling's payloads, so bare_reading decides as for "Ghwayran" or "Saydnaya", town guards and
    all. Only a word of six letters or more that no trie key covers, whose skeleton is one known facility's
    (variants.variant_of; a skeleton of three consonants at least), in a text with words about detention or camps."""
    if _CAP6_RE.search(text) is None:
        return []  # (no capitalised word of six letters: nothing for _SPELLED_CAP_RE; a plain class scans fast)
    out: list[Cand] = []
    starts = sorted(taken)
    gate: bool | None = None  # the text's detention words, read once a word spells a known site (a slow scan)
    words = _spelled_words(gaz)
    for m in _SPELLED_CAP_RE.finditer(text):
        # = _SPELLED_RE.finditer(text) less its words of five letters (too short, below): the capitalised word, the
        # article glued before it, the character before (a scan that starts at a capital letter runs ~3 times faster
        # than one that starts at a lookbehind)
        s, e = m.span()
        if s >= 3 and text[s - 1] == "-" and text[s - 2] in "lr" and text[s - 3] in "Aa":
            s -= 3
            word = text[s:e]
        else:
            word = m.group()  # (= text[s:e])
        # (the word's own tests first, cached per word: most capitalised words spell no known site)
        got = words.get(word, _UNSEEN)
        if got is _UNSEEN:
            short = len(_LATIN_ART_RE.sub("", word)) < 6 or len(skeleton(word)) < 3
            got = remember(words, word, None if short else _spelled(word, gaz))
        if got is None:
            continue
        if s and _SPELLED_BEFORE_RE.match(text, s - 1) is not None:
            continue
        i = bisect_left(starts, (e, -1))
        if any(ts < e and te > s for ts, te in starts[max(0, i - 4) : i]):
            continue  # (a word the trie read: a place, an actor, a name; most words that spell a known site are
            # its own spelling, read so)
        if gate is None:  # (the first word left: the text's detention words decide for every word)
            gate = _SPELLED_GATE_RE.search(text) is not None
        if not gate:
            return []
        if (g := _GIVEN_BEFORE_EN_RE.search(text, max(0, s - 20), s)) is not None and g.group(1) not in _NOT_GIVEN_EN:
            continue  # "the singer George Seydnaya": a family name after a given name, no prison
        if _SPELLED_HEAD_AFTER_RE.match(text, e) is not None:
            continue  # "the Karimi camp", "Azouli prison": a head word's own reading decides (attach.py)
        core, place = got
        out.append(Cand(s, e, "core", core, 1))
        if place:
            out.append(Cand(s, e, "place", place, 1))
    return out


_LATIN_ART_RE = re.compile(r"^[Aa][lr]-")
_UNSEEN: Any = object()  # (a word spelled_cores has not read yet: no cached answer is this object)
_SPELLED_HEAD_AFTER_RE = re.compile(r"['’]?s?[ \u00a0-]+(?:(?:refugee|IDP|displacement|military|central)[ \u00a0]+)?"
                                    r"(?:camps?|prisons?|jails?|detention|cent(?:re|er)s?)\b", re.IGNORECASE)
_SPELLED_MEMO = facility_cache()
# _SPELLED_RE's scan as a capital letter's, its words of six letters or more (the article and the lookbehind are read
# by hand, spelled_cores)
_SPELLED_CAP_RE = re.compile(r"[A-Z][a-z]{5,}(?![\w-])")
_SPELLED_BEFORE_RE = re.compile(r"[\w'’-]")
# word -> spelled_cores' answer for it: _spelled's, or None for a word too short or of too few consonants to spell a
# known name (one gazetteer's: emptied when another is asked)
_SPELLED_WORDS: dict[str, tuple[tuple, tuple] | None] = facility_cache()
_SPELLED_WORDS_GAZ: list[Gazetteer] = []


def _spelled_words(gaz: Gazetteer) -> dict[str, tuple[tuple, tuple] | None]:
    if not _SPELLED_WORDS_GAZ or _SPELLED_WORDS_GAZ[0] is not gaz:
        _SPELLED_WORDS.clear()
        _SPELLED_WORDS_GAZ[:] = [gaz]
    return _SPELLED_WORDS


def _spelled(word: str, gaz: Gazetteer) -> tuple[tuple, tuple] | None:
    """The core payloads (and a town's place payloads) of the one known facility `word` spells otherwise."""
    key = (id(gaz), word)
    if key in _SPELLED_MEMO:
        return _SPELLED_MEMO[key]
    hit = None
    for kind in ("prison", "camp"):
        e = variant_of(word, kind, gaz)
        if e is not None and same_sounds(word, e.id, kind, gaz):
            if hit is not None:
                return remember(_SPELLED_MEMO, key, None)  # (a prison's and a camp's spelling: says too little)
            hit = e
    got = _core_keys(gaz).get(hit.id) if hit is not None else None
    return remember(_SPELLED_MEMO, key, got)


def _core_keys(gaz: Gazetteer) -> dict[str, tuple[tuple, tuple]]:
    """Each facility's core payload under a one-word Latin key, with the place payloads that key also holds."""
    got = _CORE_KEYS.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out: dict[str, tuple[tuple, tuple]] = {}
    for k, node in gaz.trie.root.items():
        if k == PAYLOAD or not isinstance(node, dict) or not k.isascii() or PAYLOAD not in node:
            continue
        groups = node[PAYLOAD]
        place = next((tuple(pls) for role, pls in groups if role == "place"), ())
        for role, pls in groups:
            if role == "core":
                for p in pls:
                    out.setdefault(p[1], ((p,), place))
    _CORE_KEYS.clear()
    _CORE_KEYS[id(gaz)] = (gaz, out)
    return out


_CORE_KEYS: dict[int, tuple[Gazetteer, dict[str, tuple[tuple, tuple]]]] = {}


def _named_at(text: str, end: int, ar: Around) -> bool:
    """A facility named with its head, or accepted, ends right before `end` (`سجن الحسكة (غويران)`: its other name in
    brackets, rule 29g)."""
    return any(not text[t:end].strip() for ix in (ar.accepted_ix, ar.heads_ix) for t in ix.ending_before(end, 3))
