"""Facility names the way outlets print them (pure helpers for enrichment.py).

The trie reads "head + name" only when the two are adjacent words. Real reporting puts quotes, marks and
lists between them: `مخيم "الهول"`, `سجن « غويران »`, Tadmor “Palmyra” Prison, `مخيمي الهول وروج`,
`سجون عدرا وحماة وحارم`, "the Hol, Roj and Ain Issa camps". And it names a facility bare once the reader
knows it: `الهول` a sentence after `مخيم الهول`, a headline `من غويران لـ«الهول»`. This module decides
those readings; openworld.py reads unknown names, variants.py spelling variants of known ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, ne, or_

from services.enrich.context import _DERIVED, cue_list
from services.enrich.entries import best_entry
from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.names import (
    _GAP_SET,
    _MAX_GAP,
    _PRONOUN_ENDINGS,
    _TANWEEN,
    DUAL_AR,
    arabic_name_ok,
    gap_end,
)
from services.enrich.normalize import TOKEN_RE, fold
from services.enrich.openworld import (
    _AT_BEFORE_RE,
    _PEOPLE_IN_BEFORE_RE,
    _SPEAKS_AFTER_RE,
    OpenFacility,
    _quiet_sentence,
    _surname_named,
    glued,
)
from services.enrich.resolve import Cand
from services.enrich.scouts import match_at
from services.enrich.variants import FACILITY_CACHES, named_after, short_name, variant_of

_START = attrgetter("start")
_END = attrgetter("end")

# heads whose grammatical number says two or more facilities follow (Arabic) or precede (English)
PLURAL_AR = frozenset(("مخيمات", "سجون", "معتقلات"))
PLURAL_EN = frozenset(("camps", "prisons", "jails", "centres", "centers", "facilities"))
# a word between an English list and its plural head ("the Jenin, Tulkarm and Nur Shams refugee camps"; rule 23f)
_HEAD_MOD_EN_RE = re.compile(r"\b(?:refugee|displacement|IDP|migrant|detention)\s+$")
_SEP_EN_RE = re.compile(r"(?:\s*,\s*(?:and\s+|&\s+|or\s+)?|\s+(?:and|&|or)\s+)$", re.IGNORECASE)


@dataclass(slots=True)
class Known:
    """A gazetteer facility read at [start, end)."""

    start: int
    end: int
    entry: Entry
    conf: float
    core: Cand | None = None


def kind_payload(c: Cand, gaz: Gazetteer, kind: str | None) -> Entry | None:
    """The facility entry a core candidate names, of `kind` when given (the head's kind)."""
    for p in c.payloads:
        e = gaz.entries[p[1]]
        if kind is None or e.kind == kind:
            return e
    return None


def _gap_ok(text: str, a: int, b: int) -> bool:
    return 0 <= b - a <= _MAX_GAP and all(ch in _GAP_SET for ch in text[a:b])


def head_word(text: str, h: Cand) -> str:
    surface = text[h.start : h.end]
    got = _HEAD_WORD.get(surface)  # (by the surface alone, cached: outlets write the same head words)
    if got is None:
        got = fold(surface.split()[-1])
        if len(_HEAD_WORD) >= 50_000:
            _HEAD_WORD.clear()
        _HEAD_WORD[surface] = got
    return got


_HEAD_WORD: dict[str, str] = {}


def quoted_attachments(text: str, heads: list[Cand], cores: list[Cand], gaz: Gazetteer,
                       used_heads: set[int]) -> list[Known]:
    """Head and known name separated only by quotes, spaces or invisible marks: `مخيم "الهول"`,
    `سجنِ « غويران »`, Tadmor “Palmyra ” Prison. The plain adjacent case is the trie's."""
    out: list[Known] = []
    if not heads:
        return out  # (no head: nothing to attach, and the cores' indexes are not built)
    by_start: dict[int, list[Cand]] = {}
    by_end: dict[int, list[Cand]] = {}
    for c in cores:
        by_start.setdefault(c.start, []).append(c)
        by_end.setdefault(c.end, []).append(c)
    for h in heads:
        kind, mode = h.payloads[0][1], h.payloads[0][2]
        before = mode == "en_after"  # "X prison": the name precedes the head
        if before:
            j = h.start
            while j > 0 and text[j - 1] in _GAP_SET and h.start - j <= _MAX_GAP:
                j -= 1
            cands = by_end.get(j, [])
        else:
            g = gap_end(text, h.end)
            cands = by_start.get(g, []) if _gap_ok(text, h.end, g) else []
            if not cands and (text[g : g + 1] == "(" or "\n" in text[h.end : g]):
                # `مخيم\nالهول`: a line wrapped between head and name; `مخيم (آسيان)`: the name in brackets
                m = _WRAP_RE.match(text, h.end)
                if m is not None:
                    cands = [c for c in by_start.get(m.end(), ())
                             if m.group(1) == "\n" or text[c.end : c.end + 1] == ")"]
        for c in cands:
            e = kind_payload(c, gaz, kind)
            if e is None or (c.payloads[0][2] == "noart" and _has_article(text, c.start)):
                continue
            end = c.end + 1 if text[c.end : c.end + 1] == ")" and "(" in text[h.end : c.start] else c.end
            out.append(Known(c.start, h.end, e, 0.9, c) if before else Known(h.start, end, e, 0.9, c))
            used_heads.add(h.start)
            break
    return out


_ARTICLE = re.compile(r"[وفبك]{0,2}(?:ال|لل)")
_WRAP_RE = re.compile(r"[ \t\u00a0]{0,2}(\n|\()[ \t\u00a0]{0,2}")


def _has_article(text: str, start: int) -> bool:
    return _ARTICLE.match(text, start) is not None


@dataclass(slots=True)
class Name:
    start: int
    end: int
    entry: Entry | None  # a known facility, else an unknown name under the head (open world)
    name_start: int = -1  # where the name starts after the item's own head word (`سجن ليه` in a list), else start


_HEAD_AFTER_AR = frozenset(("سجن", "السجن", "مخيم", "المخيم", "معتقل", "المعتقل", "مركز", "سجون", "مخيمات", "معسكر"))


def coordinated(text: str, h: Cand, cores: list[Cand], places: list[Cand], gaz: Gazetteer,
                by: dict[str, dict[int, Cand]] | None = None) -> list[Name]:
    """Names listed under one dual or plural head: `مخيمي الهول وروج`, `سجون عدرا وحماة وحارم`,
    "the Hol, Roj and Ain Issa camps". Two names at least (a plural head before one name is generic:
    "مخيمات الشمال"), or one known name after "such as"/"among them" (`سجون مثل غويران`); each known name is
    its facility, an unknown one an open-world facility."""
    kind, mode = h.payloads[0][1], h.payloads[0][2]
    introduced = False
    word = head_word(text, h)
    names: list[Name] = []
    if by is None:
        by = {}  # the cores and places by start and by end, built once per text when the caller keeps `by`
    if mode == "ar_before" and (word in DUAL_AR or word in PLURAL_AR or word in DUAL_CENTRE_AR):
        core_at = by.get("core_at")
        if core_at is None:
            # ({c.start: c for c in cores}, at C speed: the last at a start, as the comprehension keeps it)
            core_at = by["core_at"] = dict(zip(map(_START, cores), cores, strict=True))
            by["place_at"] = dict(zip(map(_START, places), places, strict=True))
        place_at = by["place_at"]
        pos = h.end
        intro = _INTRO_RE.match(text, pos)
        introduced = intro is not None and word in PLURAL_AR
        if word in _COUNTED_AR and (counted := _counted_intro(text, h.start, pos)) > 0:
            introduced, pos, word = True, counted, "سجون"  # `22 سجناً ومعتقلاً أبرزها: نفحة، وريمون، والنقب`,
            # `11 مخيماً قرب الحدود، منها ...`: a count's head, then "among them": the list of a plural head (31a)
        if introduced:
            pos = intro.end() if intro is not None else pos  # `مخيمات بينها: الفاتحة، قاطع النهر، …`
        elif word in PLURAL_AR and (where := _where_intro(text, pos, place_at, gaz)) > 0:
            introduced, pos = True, where  # `خمسة مخيمات بريف حلب الشمالي هي: «الشهباء» و«العودة»` (rule 28p)
        bracket = -1
        if not introduced and word in PLURAL_AR and text[pos : pos + 3].lstrip(" \u00a0")[:1] == "(":
            bracket = text.index("(", pos)  # `مخيمات (تل البيعة وسهلة البنات وحزيمة)`: the names in brackets after
            pos = bracket + 1  # a plural head (core27ar, rule 28x); closed by `)` after the last name, or no list
        while len(names) < 12:
            past = -1
            if names and _LOCATIVE_AR_RE.match(text, pos) is not None:
                past = _locative_then_and(text, pos, place_at)  # `سجني عادل آباد في شيراز ووكيل آباد` (rule 32u)
                past, pos = (past, past) if past != pos else (-1, pos)
            g = _separator(text, pos) if names else gap_end(text, pos)
            if g < 0 or g - pos > 12 or "\n" in text[pos:g]:
                break
            if not names and (tm := TOKEN_RE.match(text, g)) is not None and fold(tm.group()) in _HEAD_AFTER_AR:
                if introduced and ":" in text[h.end : g]:
                    return _headed_items(text, g, kind, gaz)  # `خمسة سجون: سجن سياسي، وسجن القلعة، وسجن ليه`
                return []  # `أسر معتقلي سجن "وادي النطرون"`: "the detainees of" the prison named next, no list
            name = _name_at(text, g, kind, core_at, place_at, gaz, bracket >= 0)
            if name is None and (names or word in _DUAL_NAMES_AR):
                name = _loose_item(text, g, kind, core_at, place_at, gaz, bool(names), bracket >= 0)
            if name is None:
                break
            if past >= 0 and name.entry is None and text[name.start - 1 : name.start] not in _OPEN_QUOTES \
                    and (fold(text[name.start : name.end].split()[0]).endswith(("ين", "ون"))
                         or _PARALLEL_TOWN_AR_RE.match(text, name.end) is None):
                break  # `سجني صيدنايا في ريف دمشق والمدنيين`, `مخيمي جباليا في غزة والمناطق المحيطة بهما`: after
                # the town an unquoted unknown word is an item only with its own town after it (`ووكيل آباد في مشهد`)
            if names and fold(text[name.start : name.end]) in _ORDINALS_AR:
                break  # `مخيمي دوميز الأول والثاني`: the ordinals number one camp's parts, no second name (rule 25g)
            if names and name.entry is None and ("،" in text[pos:g] or "," in text[pos:g] or _dashed(text, pos, g)) \
                    and (_verbal_noun(text[name.start : name.end]) or _clause_goes_on(text, name.end, gaz)):
                break  # `سجون صيدنايا وعدرا وتدمر، وتسليم السجلات`, `مخيمات أطمة وسرمدا، والدفاع المدني يفتح`:
                # the sentence goes on after the comma (a verbal noun, or a subject its verb follows)
            if not names and name.entry is None and word in PLURAL_AR and g in place_at and not introduced \
                    and text[g - 1 : g] not in _OPEN_QUOTES and _region(text, place_at[g], gaz):
                # (after "such as" a town is an example's name: rule 24h; a quoted one is a camp's name: `مخيمات
                # «مورك» و«قاح»`, rule 31a)
                intro = _INTRO_RE.match(text, name.end) if not introduced else None
                if intro is None:
                    return []  # `سجون إقليم كردستان`, `مخيمات إدلب`: the prisons or camps of a region, no list
                introduced = True  # `سجون الحسكة، أبرزها غويران وديريك`: the region's prisons, then a list of names
                pos = intro.end()
                continue
            names.append(name)
            pos = name.end
        if bracket >= 0 and (len(names) < 2 or text[names[-1].end : names[-1].end + 2].lstrip(" \u00a0")[:1] != ")"):
            return []  # (`مخيمات (النازحين)`, a bracket that goes on after the names: no list of names)
        if names and all(n.entry is None and (p := place_at.get(n.start)) is not None and p.end == n.end
                         and best_entry(text, p, gaz).kind == "country" for n in names):
            return []  # `أعادت دول أطفالا من مخيمات روجآفا، منها: روسيا وكوسوفو وفرنسا`: the countries that took
            # children back, no camps named after them (rule 29a)
        if len(names) >= 2:
            _short_listed(text, names, gaz, kind)
        if word in DUAL_AR:
            names = names[:2]
        elif word in DUAL_CENTRE_AR:
            names = names[:2]
            if len(names) < 2 or all(n.entry is None for n in names):
                return []  # `مركزي الشرطة والإطفاء`: two centres, no prison's name among them
    elif mode == "en_after" and word in PLURAL_EN:
        core_end = by.get("core_end")
        if core_end is None:
            core_end = by["core_end"] = dict(zip(map(_END, cores), cores, strict=True))
            by["place_end"] = dict(zip(map(_END, places), places, strict=True))
        place_end = by["place_end"]
        pos = h.start
        if (mod := _HEAD_MOD_EN_RE.search(text, max(0, pos - 16), pos)) is not None:
            pos = mod.start()  # "the Jenin, Tulkarm and Nur Shams refugee camps": the list ends before the modifier
        while len(names) < 8:
            j = pos
            if names:
                m = _SEP_EN_RE.search(text, max(0, pos - 8), pos)
                if m is None:
                    break
                j = m.start()
            else:
                while j > 0 and text[j - 1] in _GAP_SET and pos - j <= _MAX_GAP:
                    j -= 1
            c = core_end.get(j)
            e = kind_payload(c, gaz, kind) if c is not None else None
            if c is not None and e is not None:
                names.append(Name(c.start, c.end, e))
            elif j in place_end:
                p = place_end[j]
                if names and best_entry(text, p, gaz).kind == "country":
                    break  # "(Nabatieh camp in south Lebanon, and Dikwaneh and Jisr el-Basha camps": a country before
                    # the listed names is where the sentence's last camp is, no camp of the list (rule 32r)
                w0 = _CAP_WORD_BEFORE_RE.search(text, max(0, p.start - 30), p.start - 1) \
                    if text[p.start - 1 : p.start] == " " else None
                if w0 is not None and w0.group(1) in _NAME_PREFIXES_EN and not any(c.start == w0.start(1)
                                                                                    for c in places):
                    names.append(Name(w0.start(1), p.end, None))  # "the Tempasi, Al-Janoubia and Ibn Sina camps": a
                    # place's name after a name's first word is the item's second word, no place (rule 29w)
                else:
                    names.append(Name(p.start, p.end, None))
            else:
                w = _CAP_WORD_BEFORE_RE.search(text, max(0, j - 30), j)
                if w is None or fold(w.group(1)) in gaz.en_name_stop:
                    break
                # a known name written as two words ("the Cham Mishko and Sharya camps": Chamishku)
                w0 = _CAP_WORD_BEFORE_RE.search(text, max(0, w.start(1) - 30), w.start(1) - 1) \
                    if text[w.start(1) - 1 : w.start(1)] == " " else None
                two = variant_of(f"{w0.group(1)} {w.group(1)}", kind, gaz) if w0 is not None else None
                if w0 is not None and two is not None:
                    names.append(Name(w0.start(1), w.end(1), two))
                elif w0 is not None and (w0.group(1) in _NAME_PREFIXES_EN
                                         or (fold(w0.group(1)) not in gaz.en_name_stop
                                             and text[max(0, w0.start(1) - 2) : w0.start(1)].strip(" ") not in _OPENS
                                             and not any(c.start == w0.start(1) for c in places))):
                    names.append(Name(w0.start(1), w.end(1), None))  # "the Abu Salim and Ain Zara prisons"; an item
                    # of two capitalised words ("the Riyadh and Sports City detention centers", Khartoum), not a
                    # sentence's first word nor a place ("Inside Dagris and Kober prisons", "Turkey's")
                else:
                    names.append(Name(w.start(1), w.end(1), None))  # "the Dawdya, Chamashko, Bersev camps"
            pos = names[-1].start
        names.reverse()
        if len(names) < 2 and text[h.start - 2 : h.start - 1] != "," \
                and (ap := _APPOS_BEFORE_RE.search(text, max(0, h.start - 60), h.start)) is not None:
            # "Dagahaley, Ifo and Hagadera, the three Somali refugee camps in Kenya": a closed list the plural head
            # stands in apposition to (rule 32s)
            names = _apposed_list(text, ap.start(), kind, cores, places, gaz) or names
        if names and all(n.entry is None and n.end in place_end and place_end[n.end].start == n.start for n in names):
            return []  # "the Idlib and Aleppo (refugee) camps": the camps of places the text names, no list (rule 23f)
        if len(names) < 2 and (m := _LINES_AFTER_RE.match(text, h.end)) is not None:
            # "The nine detention centres in the UK are as follows:" then "• Dungavel (Scotland)", "• Morton Hall
            # (Lincolnshire)" ...: one name a bulleted line (rule 32s)
            names = _bulleted(text, m.end(), kind, cores, places, gaz)
        elif len(names) < 2 and (m := _DASH_AFTER_RE.match(text, h.end)) is not None:
            names = _listed_after_dash(text, m.end(), kind, cores, places, gaz)  # "the four camps — Dagahaley, …"
        elif len(names) < 2 and text[h.end : h.end + 2].lstrip(" \u00a0")[:1] == "(" \
                and (m := _BRACKET_AFTER_RE.match(text, h.end)) is not None:
            # "Its five camps (Dagahaley, Hagadera, Ifo, Kambios and Ifo 2)": the names in brackets after a plural
            # head, closed by the bracket right after the last name (rule 32r; the Arabic rule 28x)
            names = _listed_after_dash(text, m.end(), kind, cores, places, gaz, most=12)
            if names and _BRACKET_CLOSE_RE.match(text, names[-1].end) is None:
                # "(Dagahaley, Hagadera and Ifo, and Ifo 2)": one more name after the closed list, then the bracket
                last = _EN_ITEM_RE.match(text, names[-1].end + 6) if text.startswith(", and ", names[-1].end) \
                    else None
                if last is not None and _BRACKET_CLOSE_RE.match(text, last.end()) is not None \
                        and fold(last.group().split()[0]) not in gaz.en_name_stop:
                    c = next((o for o in cores if o.start == last.start() and o.end == last.end()), None)
                    names.append(Name(last.start(), last.end(), kind_payload(c, gaz, kind) if c is not None else None))
                else:
                    names = []
        elif len(names) < 2 and text[h.end : h.end + 3].lstrip(", \u00a0")[:1] in ("i", "s", "l", "n", "a", "w", "b") \
                and (m := _INTRO_EN_RE.match(text, h.end)) is not None:
            # "detention centres including Brook House, Colnbrook and Harmondsworth", "prisons such as Adra, Hama and
            # Harem": the closed list a plural head introduces, read as after a colon (rule 32e)
            names = _listed_after_dash(text, m.end(), kind, cores, places, gaz, open_end=True, most=12)
            if kind == "camp" and len(names) >= 2 and _political_list(text, h, names, places):
                return []
        elif len(names) < 2 and text.startswith(" of ", h.end):
            # "the camps of Al-Bas, Rashidieh and Burj al-Shamali near Tyre": the list after "of", closed by "and",
            # may go on with the sentence's lower-case words (rule 29w)
            names = _listed_after_dash(text, h.end + 4, kind, cores, places, gaz, open_end=True)
        elif kind == "camp" and len(names) >= 2 and _political_list(text, h, names, places):
            return []  # "many in the Trump and Biden camps said": two candidates' political camps (rule 29t, 29w)
    return names if len(names) >= 2 or (introduced and names and names[0].entry is not None) else []


# (rule 32e) the words that open a list of examples after an English plural head
# (rule 32s) and the words that say what the head's names are: "which are", "which include", "being", "are:",
# "are as follows:", with or without a colon after them ("namely:", "being:")
_INTRO_EN_RE = re.compile(r",?[ \u00a0]+(?:including|such[ \u00a0]+as|like|namely|notably|among[ \u00a0]+them"
                          r"|which[ \u00a0]+(?:are|were|include|included)|being|include|included"
                          r"|(?:are|were)(?=:)"
                          r"|(?:are|were)[ \u00a0]+(?:as[ \u00a0]+follows|the[ \u00a0]+following)(?=:))"
                          r":?[ \u00a0]+(?:the[ \u00a0]+)?")
# "the four camps — Dagahaley, Hagadera, Ifo and Ifo 2 —", "three prisons: A, B and C": a plural head, a dash or a
# colon, then a closed list of capitalised names (a name of up to three words and a number)
_DASH_AFTER_RE = re.compile(r"[ \u00a0]*(?:[—–:]|--|[ \u00a0]-)[ \u00a0]*")
# (rule 32r) a plural head's bracket, and its close right after the last listed name ("and Ifo)", "and Ifo,)")
_BRACKET_AFTER_RE = re.compile(r"[ \u00a0]?\([ \u00a0]?")
_BRACKET_CLOSE_RE = re.compile(r",?[ \u00a0]?\)")
_EN_ITEM_RE = re.compile(r"(?:(?:[Aa]l|[Ee]l)[-\u2011])?[A-Z][a-z'’]+"
                         r"(?:[ \u00a0\-\u2011](?:(?:[Aa]l|[Ee]l)[-\u2011])?[A-Z][a-z'’]+){0,2}"
                         r"(?:[ \u00a0][0-9]{1,2}(?![0-9]))?")
_EN_ITEM_SEP_RE = re.compile(r"(,[ \u00a0]+(?:and[ \u00a0]+|or[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)")
_EN_LIST_END_RE = re.compile(r"[ \u00a0]*(?:[—–,.;:)]|--|[ \u00a0]-[ \u00a0]|$)")
_AREA_KINDS = frozenset(("country", "admin1", "region", "city"))


def _listed_after_dash(text: str, pos: int, kind: str, cores: list[Cand], places: list[Cand],
                       gaz: Gazetteer, open_end: bool = False, most: int = 8) -> list[Name]:
    """The names of a closed list (its last item after "and") that opens at `pos`; none when an item is a
    country, a region or a city ("camps: Idlib, Aleppo and Hama" are the camps around them) or a stop word."""
    names: list[Name] = []
    closed = False
    end = pos
    while len(names) < most:
        m = _EN_ITEM_RE.match(text, pos)
        w0 = fold(m.group().split()[0]) if m is not None else ""
        if m is None or w0 in gaz.en_name_stop or (w0[-1:] == "s" and w0[:-1] in gaz.en_name_stop):
            return []  # "the camps — Syrians, Iraqis and Afghans —": peoples, no names
        s, e = m.start(), m.end()
        item = _list_item(text, s, e, kind, cores, places, gaz)
        if item is None:
            return []
        names.append(item)
        if text[e : e + 1] == " " and (loc := _LOC_AFTER_RE.match(text, e)) is not None \
                and (where := next((p for p in places if p.start == loc.end()), None)) is not None:
            e = where.end  # "camps such as al-Hol in Hasakah and Ain Issa near Raqqa": each name placed by a town or
            # a region the text names, then the list goes on (rule 32s)
        end = e
        if closed:
            break
        sep = _EN_ITEM_SEP_RE.match(text, e)
        if sep is None:
            break
        closed = "and" in sep.group(1) or "or" in sep.group(1)  # ("prisons such as Ghasr or Ghezel Hesar")
        pos = sep.end()
    if not closed or len(names) < 2 or (_EN_LIST_END_RE.match(text, end) is None
                                        and not (open_end and _LOWER_AFTER_RE.match(text, end))):
        return []
    return names


_LOC_AFTER_RE = re.compile(r" (?:in|near|at|outside|north of|south of|east of|west of) (?:the )?")


# (rule 32s) ", the (three) (Somali refugee) " right before a plural head: up to three words, none a preposition
_APPOS_BEFORE_RE = re.compile(r", the(?: (?:two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,2}))?"
                              r"(?: (?!(?:with|in|of|for|near|at|from|and|or|where|which|whose)\b)[A-Za-z-]+){0,3} $")


def _apposed_list(text: str, end: int, kind: str, cores: list[Cand], places: list[Cand],
                  gaz: Gazetteer) -> list[Name]:
    """The closed list that ends at `end` (the comma of an apposition), read from the farthest start within 80
    characters (a sentence's start, a comma or a capitalised word) that gives a list ending there."""
    lo = max(0, end - 80)
    starts = [lo] if lo == 0 else []
    starts += [i + 2 for i in range(lo, end) if text.startswith(", ", i)]
    starts += [i + 1 for i in range(lo, end)
               if text[i] in ".\n" or (text[i] == " " and text[i + 1 : i + 2].isupper())]
    for st in sorted(set(starts)):
        while st < end and text[st] in " \u00a0":
            st += 1
        names = _listed_after_dash(text, st, kind, cores, places, gaz)
        if len(names) >= 2 and text.startswith(",", names[-1].end) and names[-1].end == end:
            return names
    return []


# (rule 32s) a plural head, at most its country or town ("in the UK"), "are (as follows)" or "include", a colon and
# the end of the line; then lines that each open with a bullet or a number and a name
_LINES_AFTER_RE = re.compile(r"(?:[ \u00a0]+(?:in|of)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)?"
                             r"(?:[ \u00a0]+(?:are|were|include|included|includes)"
                             r"(?:[ \u00a0]+(?:as[ \u00a0]+follows|the[ \u00a0]+following))?)?[ \u00a0]*:[ \t]*\n")
_BULLET_RE = re.compile(r"[ \t]*(?:[•\-–—*·▪]|[0-9]{1,2}[.)])[ \t]*")
# after a bulleted name: the line's end, its place or note in brackets, a comma, or the site's acronym ("Perth IDC")
_BULLET_END_RE = re.compile(r"[ \t]*(?:$|\n|\(|,|;|\.|[ \t][-–—][ \t]|[A-Z]{2,4}\b)")


def _bulleted(text: str, pos: int, kind: str, cores: list[Cand], places: list[Cand], gaz: Gazetteer) -> list[Name]:
    """The names of the bulleted lines that start at `pos`, up to the first line with no bullet; none when a name is
    a country, a region or a city (the camps' places, not their names) or a line's name does not end there."""
    names: list[Name] = []
    while len(names) < 16:
        b = _BULLET_RE.match(text, pos)
        if b is None:
            break
        m = _EN_ITEM_RE.match(text, b.end())
        eol = text.find("\n", b.end())
        eol = len(text) if eol < 0 else eol
        if m is not None and fold(m.group().split()[0]) not in gaz.en_name_stop:
            s, e = m.start(), m.end()
            if _BULLET_END_RE.match(text, e) is None:
                return []  # "- Syrian families in tents": a line of words, no list of names
            item = _list_item(text, s, e, kind, cores, places, gaz)
            if item is None:
                return []
            names.append(item)
        if eol >= len(text):
            break
        pos = eol + 1
    return names if len(names) >= 2 else []


_LOWER_AFTER_RE = re.compile(r"[ \u00a0]+[a-z]")  # (after a list read after "of": "... and Ibn Sina in the south")


def _political_list(text: str, h: Cand, names: list[Name], places: list[Cand]) -> bool:
    """A list of unknown one-word camps that speaks, with no word of the displaced or the detained in its sentence nor
    a preposition of place before it ("many in the Trump and Biden camps said"), or whose every name is a person's the
    text names (rule 29t): political camps. "Displaced people in the Tempasi and Ibn Sina camps said" keeps them."""
    if any(n.entry is not None for n in names):
        return False
    first = names[0].start
    if _SPEAKS_AFTER_RE.match(text, h.end) is not None and _quiet_sentence(text, h.start) \
            and _AT_BEFORE_RE.search(text, max(0, first - 12), first) is None \
            and _PEOPLE_IN_BEFORE_RE.search(text, max(0, first - 50), first) is None:
        return True
    return all(_surname_named(text, h, OpenFacility(n.start, h.end, "camp", text[n.start : n.end], n.start, n.end),
                              places) for n in names)


# a plural head's region glued to ب or after في, with up to two adjectives (`بريف حلب الشمالي`), then "they are:"
_WHERE_RE = re.compile(r"[ \u00a0]*(?:ب|في[ \u00a0]+)")
_WHERE_ADJ_RE = re.compile(r"(?:[ \u00a0]+ال[\u0621-\u064a]{2,}ي(?:ة|ه)?){0,2}")


def _where_intro(text: str, pos: int, place_at: dict[int, Cand], gaz: Gazetteer) -> int:
    """Where a list of names starts after a plural head's region and an introducing word (`مخيمات بريف حلب
    الشمالي هي:`, `سجون في إدلب أبرزها`), else -1: the camps of a region alone are no list (`مخيمات في إعزاز`)."""
    m = _WHERE_RE.match(text, pos)
    p = place_at.get(m.end()) if m is not None else None
    if p is None or not _region(text, p, gaz):
        return -1
    a = _WHERE_ADJ_RE.match(text, p.end)
    intro = _INTRO_RE.match(text, a.end() if a is not None else p.end)
    return intro.end() if intro is not None else -1


def _dashed(text: str, a: int, b: int) -> bool:
    return any(ch in _DASHES for ch in text[a:b])


def _verbal_noun(item: str) -> bool:
    """The item's first word has the shape of a verbal noun: تفعيل (تسليم، تأمين) or إفعال (إطلاق، إغلاق)."""
    w = fold(item.split()[0]) if item.split() else ""
    if w[:1] == "و":
        w = w[1:]
    return len(w) == 5 and ((w[0] == "ت" and w[3] == "ي") or (w[0] == "ا" and w[3] == "ا"))


def _region(text: str, c: Cand, gaz: Gazetteer) -> bool:
    """The place is a country, a governorate or region, or a city: what a plural head's camps are "of"."""
    e = best_entry(text, c, gaz)
    return e.kind in ("country", "admin1", "region", "city") or e.population >= 20000


# the first word of a two-word place name (Ain Zara, Abu Salim, Deir Hafer), read with the word after it
_NAME_PREFIXES_EN = frozenset(("Ain", "Abu", "Umm", "Bab", "Deir", "Tal", "Tell", "Ras", "Kafr", "Jisr", "Beit", "Bir",
                               "Khan", "Wadi", "Jabal", "Jebel", "Nahr", "Sheikh", "Ayn", "Bani", "Beni", "Qasr",
                               # "son of" and other names' first words: Ibn Sina, Bin Jawad, Burj al-Shamali, Mar Elias,
                               # Nur Shams, Ein el-Hilweh (rule 29w)
                               "Ibn", "Bin", "Burj", "Mar", "Nur", "Ein", "Tel", "Bayt", "Dayr", "Sidi", "Hay", "Hai"))
# what ends the text before a sentence's first word (no list item of two words starts there)
_OPENS = frozenset(("", ".", "\n", ":", "\"", "“", "(", "—", "–", "-"))
# (with a lower-case article joined by a hyphen: "the Tulkarem, Nur Shams and al-Far'a camps")
# (rule 32b) Kurmanji and Turkish letters in a listed name ("the Ednaniyê, Selhebiye Şerqiye, Reşîd and Rehiyat camps")
def _list_item(text: str, s: int, e: int, kind: str, cores: list[Cand], places: list[Cand], gaz: Gazetteer
               ) -> Name | None:
    """A listed item at [s, e): the known facility of `kind` a core there names, else an unknown name; None where it is
    only the place of an area (_AREA_KINDS), which makes the run a list of places, none of sites (rules 32r, 32s)."""
    c = next((o for o in cores if o.start == s and o.end == e), None)
    entry = kind_payload(c, gaz, kind) if c is not None else None
    place = next((p for p in places if p.start == s and p.end == e), None)
    if entry is None and place is not None and best_entry(text, place, gaz).kind in _AREA_KINDS:
        return None
    return Name(s, e, entry)


_CAP_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])((?:[Aa]l-|[Ee]l-)?[A-Z\u00c0-\u00d6\u00d8-\u00de\u015e\u00c7]"
                                 r"[a-z\u00df-\u00f6\u00f8-\u00ff\u015f]+(?:[-'’][A-Za-z]+)?)$")


_ITEM_END = frozenset(".،,؛;:!?؟)»\"”’'\n")


def _clause_goes_on(text: str, end: int, gaz: Gazetteer) -> bool:
    """After an unknown list item read past a comma, the sentence goes on with other words (`، والدفاع المدني
    يفتح العبّارات`: a new clause's subject, not a camp): no punctuation, conjunction or place word follows it."""
    i = gap_end(text, end)
    if i >= len(text) or text[i] in _ITEM_END or text[i] == "و":
        return False
    m = TOKEN_RE.match(text, i)
    if m is None:
        return False
    w = fold(m.group())
    return w not in cue_list(gaz.rules.core_context.locative) and w not in _TIME_AFTER_AR
    # (`سجون صيدنايا - عدرا - حماة قبل أن يطلق سراحهم`: "before" ends the list, no subject's verb; rule 28p)


# (folded) words of time that end a list, not a new clause's verb: `... وحماة قبل ...`, `... وعدرا خلال ...`
_TIME_AFTER_AR = frozenset(("قبل", "بعد", "خلال", "منذ", "حتي", "طوال", "عند"))


_DASHES = frozenset("-–—")


# ar32list survey (rule 32u): an item's town after it, `في` or `ب` (and "the city of", "the governorate of"), a comma
# around it, then "and" and the next item: `سجون مثل الحاير في الرياض والرزين في أبوظبي والعقرب في مصر`, `سجني
# "عكاشة"، في مدينة الدارالبيضاء، و"الزاكي" في مدينة سلا`
_LOCATIVE_AR_RE = re.compile(r"[\"»”]?[ \u00a0]*[،,]?[ \u00a0]*(?:في[ \u00a0]+|ب(?=[\u0621-\u064a]))"
                             r"(?P<kind>(?:مدينة|مدينه|محافظة|محافظه|ولاية|ولايه)[ \u00a0]+)?")
_PARALLEL_TOWN_AR_RE = re.compile(r"[ \u00a0]+(?:في[ \u00a0]+|ب(?!عد|ين|ها|هم)(?=[\u0621-\u064a]{3}))")
_LOCATIVE_END_AR_RE = re.compile(r"[ \u00a0]*[،,]?[ \u00a0]*و(?=[\"«“\u0621-\u064a])")


def _locative_then_and(text: str, pos: int, place_at: dict[int, Cand]) -> int:
    """After a list item, its town (`في شيراز`, `بفاس`, `، في مدينة الدارالبيضاء،`) and then `و` before the next
    item: where that `و` starts, so the list goes on past the town (a known place, or one or two words after "the city
    of"); `pos` itself when no such town and `و` follow (the list ends as before)."""
    m = _LOCATIVE_AR_RE.match(text, pos)
    if m is None:
        return pos
    i = m.end()
    p = place_at.get(i)
    if p is not None:
        end = p.end
    elif m.group("kind") is not None and (w := TOKEN_RE.match(text, i)) is not None:
        end = w.end()
        if (w2 := TOKEN_RE.match(text, end + 1)) is not None and text[end : end + 1] == " " \
                and not w2.group().startswith("و"):
            end = w2.end()  # `في مدينة الدار البيضاء`
    elif (w := TOKEN_RE.match(text, i)) is not None and (q := _LOCATIVE_END_AR_RE.match(text, w.end())) is not None \
            and text[q.end() : q.end() + 1] in _OPEN_QUOTES:
        return q.end() - 1  # `سجني "تولال" بمكناس، و"رأس الماء"`: a town the gazetteer lacks, the next item quoted
    else:
        return pos
    a = _LOCATIVE_END_AR_RE.match(text, end)
    return a.end() - 1 if a is not None else pos


def _separator(text: str, pos: int) -> int:
    """Where the next list item starts after `pos` (a comma and/or a conjunction, quotes around), or -1."""
    i = gap_end(text, pos)
    had = False
    if i < len(text) and text[i] in "،,":
        had, i = True, gap_end(text, i + 1)
    elif text[i : i + 1] in _DASHES and i > pos and text[i - 1] in _GAP_SET and text[i + 1 : i + 2] in _GAP_SET:
        had, i = True, gap_end(text, i + 1)  # `سجون صيدنايا - عدرا - حماة`: a spaced dash parts the items (rule 28p)
    for conj in ("او", "أو"):
        if text.startswith(conj, i) and text[i + 2 : i + 3] in _GAP_SET:
            return gap_end(text, i + 2)
    if text[i : i + 1] == "و":
        nxt = text[i + 1 : i + 2]
        return gap_end(text, i + 1) if nxt in _GAP_SET else i  # a separate or a glued و (read by _name_at)
    return i if had else -1


def _name_at(text: str, g: int, kind: str, core_at: dict[int, Cand], place_at: dict[int, Cand],
             gaz: Gazetteer, bracketed: bool = False) -> Name | None:
    """One list item at `g`: a known name, a place (an open-world facility named after it), or words up to
    the next separator (`قاطع النهر`, `“بيت الشمالي”`, `سلمى 2`)."""
    starts = (g + 1, g) if text[g : g + 1] == "و" else (g,)  # a glued conjunction: وروج, وحارم
    for s in starts:
        c = core_at.get(s)
        if c is not None:
            e = kind_payload(c, gaz, kind)
            if e is not None:
                return Name(c.start, c.end, e)
        p = place_at.get(s)
        if p is not None:
            return Name(p.start, p.end, None)
    s = starts[0]
    if starts[0] != g and text[s : s + 1] in _GAP_SET:
        s = gap_end(text, s)
    m = TOKEN_RE.match(text, s)
    quoted_item = bracketed or (text[s - 1 : s] in _GAP_SET and text[s - 1 : s].strip() != "")
    # (the names of a bracketed list are set apart as quoted ones are: `مخيمات (تل البيعة وسهلة البنات)`, rule 28x)
    if m is None:
        return None
    if not arabic_name_ok(m.group(), fold(m.group()), gaz.ar_name_stop, quoted=quoted_item,
                          known=gaz.trie.first, listed=True):
        v = _listed_variant(m.group(), kind, gaz)
        if v is not None:
            return Name(s, m.end(), v)
        # a known name written as two words (`جم مشكو` for جمشكو): the two words glued are a known name's variant
        n = TOKEN_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        e = variant_of(glued(m.group(), n.group()), kind, gaz) if n is not None and n.group()[:1] != "و" else None
        return Name(s, n.end(), e) if n is not None and e is not None else None
    end = m.end()
    for _ in range(2):  # up to three words to the next separator
        n = TOKEN_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if n is None or n.group()[:1] == "و":
            break
        w = fold(n.group())
        if w in gaz.ar_name_stop or w in cue_list(gaz.rules.core_context.locative):
            break  # `مخيمات الكرامة والأمل قرب سرمدا`: where the camps are ends the name
        if w == "عبد" or w in cue_list(gaz.rules.given_names):
            break  # `مدير مخيمي محمودلي وطويحينة عبد الهادي العبد`: a person's name after the list (rule 28a)
        if w[:1] == "ب" and (w[1:] in _UNIT_WORDS_AR or n.start() + 1 in place_at):
            break  # `مخيمات خربة الجوز والزوف بريف إدلب`, `... بمحافظة ...`, `... بإدلب`: where, no name (rule 26a)
        end = n.end()
    return Name(s, end, _listed_variant(text[s:end], kind, gaz))


# rule 31a: a number of 11 or more before a singular accusative head (`22 سجناً`, `11 مخيماً`: the count's noun, which
# folds as the dual's construct does) and "among them" within a few words of the head's phrase: a list of names follows
_COUNTED_AR = frozenset(("مخيما", "سجنا", "معتقلا"))
_COUNT_BEFORE_RE = re.compile(r"(?<![0-9\u0660-\u0669])[0-9\u0660-\u0669]{2,4}[ \u00a0]+$")
_COUNT_INTRO_RE = re.compile(r"(?:[ \u00a0]+[\u0621-\u064a\u064b-\u0652]+){0,4}?[ \u00a0]*[،,]?[ \u00a0]*"
                             r"(?:و?منها|أبرزها|ابرزها|بينها|من[ \u00a0]+بينها|هي)[ \u00a0]*:?[ \u00a0]*")


def _counted_intro(text: str, start: int, pos: int) -> int:
    """Where the names start after `22 سجناً ... أبرزها:` (a count of 11 or more before the head, an introducing word
    within four words after it), else -1; a count of 3 to 10 takes the plural head (`سبعة مخيمات`, read as before)."""
    m = _COUNT_BEFORE_RE.search(text, max(0, start - 8), start)
    if m is None or int(m.group().strip().translate(_DIGITS_AR)) < 11:
        return -1
    i = _COUNT_INTRO_RE.match(text, pos)
    return i.end() if i is not None and not any(ch in ".؟!:\n" for ch in text[pos : i.start() + 1]) else -1


_DIGITS_AR = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")


# rule 31a: a list's item that a single word's shape tests turn away (`والعمر` a stop word, `والسكت` a verb's ending,
# `وكرمل` a particle's letter, `ولاكان` a preposition's) is the list's item where the list frames it: another item
# follows it after a separator, or (a definite word, or one of no verb's shape) the list ends right after it
_DUAL_NAMES_AR = frozenset(("مخيمي", "مخيما", "سجني", "سجنا"))  # (not `معتقلي`: "the detainees of", rule 3)
_OPEN_QUOTES = frozenset("«\"“„‹〝＂")
# (folded) words that join, close or quantify a list, never an item of it
_NOT_ITEM_AR = frozenset(("كذلك", "ايضا", "خاصه", "لاسيما", "سيما", "غير", "سوي", "مثل", "منها", "بينها", "ابرزها",
                          "اخيرا", "اضافه", "كافه", "جميع", "معظم", "بعض", "كل", "اما", "اي", "ثم", "حتي", "كما",
                          "اخري", "اخر", "عده", "نحو", "قرابه", "حوالي"))
_LIST_END_CHARS = frozenset(".،,؛;:)»\"”!?؟\n")
_LOOSE_END_WORDS = frozenset(("في", "فى", "علي", "قرب", "شمال", "جنوب", "شرق", "غرب", "داخل", "بين"))


def _item_ok_at(text: str, g: int, kind: str, core_at: dict[int, Cand], place_at: dict[int, Cand],
                gaz: Gazetteer, depth: int) -> bool:
    """A list item the ordinary tests read starts at `g` (a glued و read off): a known name, a place, a word
    that may open a name in a list, or (up to `depth` items on) one that _loose_item reads."""
    for s in ((g + 1, g) if text[g : g + 1] == "و" else (g,)):
        c = core_at.get(s)
        if (c is not None and kind_payload(c, gaz, kind) is not None) or s in place_at:
            return True
    s = g + 1 if text[g : g + 1] == "و" else g
    if text[s : s + 1] in _GAP_SET:
        s = gap_end(text, s)
    m = TOKEN_RE.match(text, s)
    if m is None:
        return False
    return arabic_name_ok(m.group(), fold(m.group()), gaz.ar_name_stop, quoted=text[s - 1 : s] in _OPEN_QUOTES,
                          known=gaz.trie.first, listed=True) \
        or (depth > 0 and _loose_item(text, g, kind, core_at, place_at, gaz, True, False, depth - 1) is not None)


def _loose_item(text: str, g: int, kind: str, core_at: dict[int, Cand], place_at: dict[int, Cand],
                gaz: Gazetteer, established: bool, bracketed: bool, depth: int = 2) -> Name | None:
    """One word at `g` that _name_at turned away, read as a list's item by its place in the list (rule 31a): between
    two items (`مخيمات أطمة والقاح والعمر والهدى`, `مخيمي كلمة وبلال`, `سجون النقب، عنتوت، وعوفر`), or, after an
    item, the list's last before its end (`سجون الهدى، والجوية، والسكت،`, `وسجون الدامون وكرمل وعتليت للأسيرات`). A
    word that joins or closes a list (`وكذلك`, `وغيرها`), a pronoun's or tanween's ending, a verbal noun and, where no
    item follows, a verb's shape (`مخيمات أطمة وقاح وتضررت.`) stay no item."""
    s = g + 1 if established and text[g : g + 1] == "و" else g
    if text[s : s + 1] in _GAP_SET:
        s = gap_end(text, s)
    m = TOKEN_RE.match(text, s)
    if m is None:
        return None
    raw = m.group()
    f = fold(raw)
    bare = raw.rstrip("".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640")
    if len(f) < 3 or f.isdigit() or f.startswith(("لل", "و")) or f in _NOT_ITEM_AR or f in _TIME_AFTER_AR \
            or (bare.endswith(_PRONOUN_ENDINGS) and not bare.endswith("ة")) or raw.endswith(_TANWEEN) \
            or _verbal_noun(raw) or f in cue_list(gaz.rules.core_context.locative) \
            or (f[:1] == "ب" and f[1:3] == "ال"):
        return None
    definite = f.startswith("ال")
    stop = f in gaz.ar_name_stop
    sep = _separator(text, m.end())
    between = sep >= 0 and sep - m.end() <= 12 and "\n" not in text[m.end() : sep] \
        and _item_ok_at(text, sep, kind, core_at, place_at, gaz, depth)
    if between:
        if stop and not definite:
            return None  # (`سجون صيدنايا وداخل عدرا`: a word of place or time, no item)
    elif not established or stop or bracketed:
        return None
    else:
        i = gap_end(text, m.end())
        nxt = TOKEN_RE.match(text, i)
        nf = fold(nxt.group()) if nxt is not None else ""
        if not (i >= len(text) or text[i] in _LIST_END_CHARS or nf in _TIME_AFTER_AR or nf in _LOOSE_END_WORDS
                or nf.startswith("لل")):
            return None  # (`مخيمات أطمة وقاح وتسكنها`: the sentence goes on, no list's end)
        if not definite and ((f.endswith(_VERB_ENDINGS_AR) and not (f.endswith("يت") and len(f) >= 5))
                             or f[0] in "يتن"):
            return None  # `وأتلفت.`, `وتضررت`: a verb after the list, no item (`عتليت` is a name's long ending)
    return Name(s, m.end(), _listed_variant(raw, kind, gaz))


_VERB_ENDINGS_AR = ("ت", "وا", "تا", "تم", "نا")


# an item's own head word in a list of headed items (folded, a glued و read off): the singular of the list's kind
_ITEM_HEAD_AR = {"prison": frozenset(("سجن", "معتقل")), "camp": frozenset(("مخيم", "معسكر"))}


def _headed_items(text: str, g: int, kind: str, gaz: Gazetteer) -> list[Name]:
    """A count's plural head, a colon, then items that each repeat the head (`تضم الناحية خمسة سجون: سجن سياسي، وسجن
    القلعة، وسجن ليه، وسجن أبو الجد`, rule 29w): each item's words up to the next comma or و are a name, set apart as a
    quoted one is (`ليه` has a pronoun's ending); an indefinite adjective of relation is the prison's kind
    (`سجن سياسي`, `سجن عسكري`), no name. Two items at least."""
    heads = _ITEM_HEAD_AR.get(kind, frozenset())
    names: list[Name] = []
    pos = g
    while len(names) < 12:
        tm = TOKEN_RE.match(text, pos)
        if tm is None:
            break
        w = fold(tm.group())
        if w not in heads and not (w[:1] == "و" and w[1:] in heads):
            break
        m = TOKEN_RE.match(text, tm.end() + 1) if text[tm.end() : tm.end() + 1] == " " else None
        if m is None:
            break
        f = fold(m.group())
        end = m.end()
        if f[:1] == "و":
            break
        for _ in range(2):  # up to three words to the next separator
            n = TOKEN_RE.match(text, end + 1) if text[end : end + 1] == " " else None
            if n is None or n.group()[:1] == "و" or fold(n.group()) in gaz.ar_name_stop:
                break
            end = n.end()
        if arabic_name_ok(m.group(), f, gaz.ar_name_stop, quoted=True, known=gaz.trie.first) \
                and not (end == m.end() and f[-1:] == "ي" and not f.startswith("ال")):
            names.append(Name(tm.start() + (1 if w[:1] == "و" and w[1:] in heads else 0), end, None, m.start()))
        # (an item that is no name, `سجن سياسي`, is passed over: the list goes on)
        i = gap_end(text, end)
        if text[i : i + 1] in "،,":
            pos = gap_end(text, i + 1)
        elif text[i : i + 1] == "و" and i > end:
            pos = i  # `مخيم ليه ومخيم الأمل`: a separate conjunction glued to the next head
        else:
            break
    return names if len(names) >= 2 else []


def _short_listed(text: str, names: list[Name], gaz: Gazetteer, kind: str) -> None:
    """A one-word item of a list whose other items are all known sites of one country, guessed as another country's
    site or not at all, that is the first word of a known site's name in the list's country: that site (`مخيمات شاتيلا
    والبرج ومار الياس`: Burj al-Barajneh, not Gaza's Bureij; variants.short_name, fix24, rule 27e)."""
    for i, n in enumerate(names):
        word = text[n.start : n.end]
        if " " in word or not "\u0600" <= word[:1] <= "\u06ff":
            continue
        others = [m.entry for j, m in enumerate(names) if j != i]
        country = others[0].country if others[0] is not None else None
        if not country or (n.entry is not None and n.entry.country == country) \
                or any(o is None or o.country != country for o in others):
            continue
        pts = [(o.lat, o.lon) for o in others if o is not None and o.lat is not None and o.lon is not None]
        near = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) if pts else None
        e = short_name(word, kind, gaz, country, near)
        if e is not None:
            names[i] = Name(n.start, n.end, e)


# a governorate's or a unit's word (folded): glued to ب after a list item it says where the item is
_UNIT_WORDS_AR = frozenset(("ريف", "محافظه", "مدينه", "منطقه", "بلده", "قريه", "ناحيه", "قضاء", "باديه"))
_NUMBERED = re.compile(r"[\s\-]*[0-9\u0660-\u0669]+$")
_DIGITS = frozenset("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")


def _listed_variant(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    """An unknown list item that spells a known name of the list's kind differently (`سردم وبرخدان` for
    برخودان), or a known name with the camp's number glued on (`بيرسفي١ وبيرسفي٢`): that facility."""
    bare = _NUMBERED.sub("", name) if name[-1:] in _DIGITS else name  # (the pattern ends in a digit: no line
    # break is in a list item, so `$` is its end)
    return variant_of(bare, kind, gaz) if bare else None


_INTRO_WORDS = "بينها|منها|ومنها|مثل|أبرزها|ابرزها"  # "among them", "such as": a list of names follows
_QUANTITY_WORDS = "عدة|عديدة|أخرى|اخرى|كثيرة|مختلفة|متعددة"  # `سجون عدة أبرزها …`, `سجون أخرى مثل …`
# (rule 26c: up to two feminine or elative adjectives of the plural head, or a definite noun it governs, before "such
# as", `سجون مركزية كبرى مثل`, `سجون الأطراف مثل`, `سجون كبيرة كرومية`, with a glued `ك` "like" as the intro word)
_HEAD_ADJ = "(?:ال[\u0621-\u064a]{2,}|[\u0621-\u064a]{2,}[ةى])"
_INTRO_RE = re.compile(f"\\s*[،,]?\\s*(?:(?:{_QUANTITY_WORDS})\\s*[،,]?\\s*)?"
                       f"(?:(?:{_INTRO_WORDS}|هي|وهي)?\\s*:\\s*|(?:{_INTRO_WORDS})\\s+"
                       f"|(?:{_HEAD_ADJ}\\s+){{1,2}}(?:مثل\\s+|ك(?=[\u0621-\u064a])))")


def list_heads(text: str, heads: list[Cand], facs: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """The heads a list can hang from: the free dual/plural head words, and the dual/plural head word inside
    a facility the trie read with it (`سجون عدرا` in `سجون عدرا وحماة وحارم`, "Roj camps" in "Hol and Roj
    camps")."""
    out = [h for h in heads if head_word(text, h) in (LISTING_AR if h.payloads[0][2] == "ar_before" else PLURAL_EN)]
    if "مركز" in text:  # Egypt's two "centres" (prisons renamed): `بين مركزي بدر ووادي النطرون` (rule 28p)
        for m in match_at(_DUAL_CENTRE_RE, _dual_centre_starts(text), text):
            out.append(Cand(m.start(1), m.end(1), "head", (("head", "prison", "ar_before"),), 1))
    # (each name's surface and its cached answer at C speed: only a name whose answer is not "no head" (0, 0), or
    # not yet cached, is read below)
    surfaces = list(map(text.__getitem__, map(slice, map(_START, facs), map(_END, facs))))
    gots = list(map(_LIST_HEAD_IN.get, surfaces))
    for c, surface, got in compress(zip(facs, surfaces, gots, strict=True), map(ne, gots, repeat(_NO_HEAD))):
        p = c.payloads[0]
        if p[2] != "head":
            continue
        if got is None:
            got = _list_head_in(surface)
        if got[0]:
            kind = gaz.entries[p[1]].kind or "camp"
            out.append(Cand(c.start, c.start + got[0], "head", (("head", kind, "ar_before"),), 1))
        elif got[1]:
            kind = gaz.entries[p[1]].kind or "camp"
            out.append(Cand(c.end - got[1], c.end, "head", (("head", kind, "en_after"),), 1))
    return out


_NO_HEAD = (0, 0)


def _list_head_in(surface: str) -> tuple[int, int]:
    """(length of the Arabic dual/plural head word that opens the name, else 0; length of the English plural
    head word that ends it, else 0): what list_heads asks of a name the trie read with its head, by its surface
    alone (cached: outlets name the same facilities again and again)."""
    got = (0, 0)
    first = surface.split(None, 1)[0]
    if fold(first) in LISTING_AR and first != surface:
        got = (len(first), 0)
    else:
        last = surface.rsplit(None, 1)[-1]
        if fold(last) in PLURAL_EN and last != surface:
            got = (0, len(last))
    if len(_LIST_HEAD_IN) >= 50_000:
        _LIST_HEAD_IN.clear()
    _LIST_HEAD_IN[surface] = got
    return got


_LIST_HEAD_IN: dict[str, tuple[int, int]] = {}
# (emptied with variants.clear_cache: cold-cache benchmarks)
FACILITY_CACHES.extend((_LIST_HEAD_IN, _DERIVED, _HEAD_WORD))


LISTING_AR = DUAL_AR | PLURAL_AR
# the dual of "centre" (مركز, a reform and rehabilitation centre's head) before two names, one a known prison's
# (attach.coordinated asks that): alone it is also the adjective "central" (`سوق مركزي وحديقة`)
DUAL_CENTRE_AR = frozenset(("مركزي", "مركزا"))
_DUAL_CENTRE_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(مركزي|مركزا)(?=[ \u00a0])")


def _dual_centre_starts(text: str) -> list[int]:
    """Where _DUAL_CENTRE_RE can match (its lookbehind makes re try it at every character, ~30 us a 3 KB text): at
    each `مركز` (str.find), the و, ب or ل right before it, else its م (after one of those letters the lookbehind
    fails at the م); scouts.match_at tries it there."""
    out = []
    i = text.find("مركز")
    while i != -1:
        out.append(i - 1 if i and text[i - 1] in "وبل" else i)
        i = text.find("مركز", i + 4)
    return out


# ordinals (folded, with a glued و read off by _name_at): an item that is one numbers the name before it
_ORDINALS_AR = frozenset(("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                          "العاشر", "الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه"))


_KNOWN_AS_RE = re.compile(r"[\s,،(]*(?:المعروف|المعروفه|المعروفة|المسمى|المسماه|المسماة|الملقب|known as|"
                          r"also known as|aka|or|أو|او)\s*(?:ايضا|أيضا|أيضاً)?\s*(?:ب|باسم|بـ)?", re.IGNORECASE)


# (quote23ar survey, rule 27a) "which people know as" after a description of one or two words: `السجن رقم 43 شديد
# الحراسة، الذي يعرفه الناس بسجن العقرب` (one prison: Tora's Scorpion)
_KNOWN_AS_CLAUSE_RE = re.compile(r"(?:\s+[\u0621-\u064a]+){0,2}\s*[,،]?\s*(?:الذي|التي|والذي|والتي)\s+"
                                 r"(?:يعرف|تعرف|يعرفه|تعرفه|يُعرف|تُعرف|يسميه|تسميه|يسمى|تسمى|يُسمى|تُسمى)"
                                 r"(?:\s+(?:الناس|الأهالي|الاهالي|السجناء|المعتقلون|المعتقلين|الأسرى|الاسرى))?"
                                 r"\s*(?:ب|باسم|بـ)?\s*(?:سجن|بسجن|مخيم|بمخيم)?\s*")


def same_as_known(text: str, start: int, end: int, known: list[tuple[int, int]]) -> bool:
    """An open-world name followed by "known as" and a known facility is that facility under another name
    (`سجن الحسكة المعروف بسجن "غويران"`): one facility, not two."""
    for s, _e in known:
        if 0 <= s - end <= 60 and ("الذي" in text[end:s] or "التي" in text[end:s]) \
                and _KNOWN_AS_CLAUSE_RE.fullmatch(text, end, s):
            return True
        if 0 <= s - end <= 30 and _KNOWN_AS_RE.fullmatch(text, end, s):
            return True
        if 0 <= s - end <= 30:
            m = _KNOWN_AS_RE.match(text, end, s)
            if m is not None and m.end() > end and text[m.end() : s].strip() in ("سجن", "بسجن", "مخيم", "بمخيم"):
                return True
    return False


_CENTRAL_BEFORE_AR = re.compile(r"(?:ال)?سجن\s+(?:ال)?مركزي\s+(?:في|ب)\s*(?:(?:منطقة|مدينة|محافظة)\s+)?$")
_CENTRAL_BEFORE_EN = re.compile(r"\bcentral\s+prison\s+(?:in|of|at|near|outside|(?:north|south|east|west)(?:ern)?"
                                r"(?:[ -]?(?:east|west)(?:ern)?)?\s+(?:edge\s+)?of)\s+"
                                r"(?:the\s+(?:city|town)\s+of\s+)?$",
                                re.IGNORECASE)  # ("north of Al-Raqqah city": the town's own, rule 27p)
_CENTRAL_AFTER_EN = re.compile(r"['’]s\s+central\s+prison\b", re.IGNORECASE)


def central_prisons(text: str, places: list[Cand], gaz: Gazetteer) -> list[Known]:
    """A town's central prison named by the town: `السجن المركزي في حماة`, "the central prison in Aleppo",
    "Aleppo's central prison" — the known central prison of that town, when the gazetteer has exactly one."""
    out: list[Known] = []
    # where the cue words are in the text (found once; each window's question is then a bisection, as
    # text.find(word, lo, p.start) != -1 would answer it)
    ar, en = _occurrences(text, "مركزي"), _occurrences(text, "entral")
    n_ar, n_en = len(ar), len(en)
    # (a place is read only where one of the tests below can hold: a cue word ending 5 or 6 characters before its
    # start at most 45 characters back, the starts in `near`; or an apostrophe right after it; the others are passed
    # over at C speed)
    near: set[int] = set()
    for o in ar:
        near.update(range(o + 5, o + 46))
    for o in en:
        near.update(range(o + 6, o + 46))
    apos = set(_occurrences(text, "'"))
    apos.update(_occurrences(text, "\u2019"))
    for p in compress(places, map(or_, map(near.__contains__, map(_START, places)),
                                  map(apos.__contains__, map(_END, places)))):
        ps = p.start
        lo = ps - 45 if ps > 45 else 0
        before = None
        # (_within inline: the first occurrence from lo ends by the place's start)
        if n_ar and (i := bisect_left(ar, lo)) < n_ar and ar[i] + 5 <= ps:
            before = _CENTRAL_BEFORE_AR.search(text, lo, ps)
        elif n_en and (i := bisect_left(en, lo)) < n_en and en[i] + 6 <= ps:
            before = _CENTRAL_BEFORE_EN.search(text, lo, ps)
        if before is None:
            if text[p.end : p.end + 1] not in "'’":
                continue
            after = _CENTRAL_AFTER_EN.match(text, p.end)
            if after is None:
                continue
        else:
            after = None
        e = named_after(text[p.start : p.end], "prison", gaz)
        if e is not None:
            span = (before.start(), p.end) if before is not None else (p.start, after.end() if after else p.end)
            out.append(Known(span[0], span[1], e, 0.85))
    return out


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of `word` in the text, ascending (overlapping ones too)."""
    out = []
    i = text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _within(starts: list[int], n: int, lo: int, hi: int) -> bool:
    """An occurrence of length `n` (starts ascending) lies wholly in text[lo:hi]: the first from lo ends by hi."""
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] + n <= hi
