"""The facility stage: every prison and camp a text names, known or not, read the way outlets print them.

Names with their head word come from the trie; attach.py reads them across quotes and in lists under dual and
plural heads, openworld.py reads unknown names next to a head, variants.py spelling variants, bare.py decides
whether a bare known name is the facility or the town.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from itertools import compress
from operator import attrgetter, itemgetter, methodcaller, ne, not_
from typing import Any

from services.enrich import backend
from services.enrich.attach import (
    LISTING_AR,
    central_prisons,
    coordinated,
    kind_payload,
    list_heads,
    quoted_attachments,
    same_as_known,
)
from services.enrich.bare import (
    APPOSITION_AFTER_RE,
    RENAMED_RE,
    Around,
    Spans,
    _common_words,
    airbase_core,
    apposition_facility_ok,
    apposition_number_ok,
    bare_reading,
    caps_dateline,
    compared,
    epithet_after_ar,
    given_to_another_ar,
    numbered_in_frame,
    plural_listed,
    town_cued,
)
from services.enrich.colonies33 import colonies33_sites
from services.enrich.context import heads_and_facilities, inside, prev_word
from services.enrich.entries import best_entry, fac, open_fac
from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.matcher import PAYLOAD, key_tokens
from services.enrich.names import NAME_PREFIXES, QUOTES, arabic_name_ok, gap_end
from services.enrich.normalize import TOKEN_RE, fold, fold_text, has_latin
from services.enrich.openworld import (
    _ACTIVITY_AR,
    OpenFacility,
    _first_at,
    _foreign_town,
    _marked,
    _sentence_bounds,
    find_open,
    glued,
    leisure_text,
    maghreb_official,
    not_a_site,
    official_head,
    part_called,
    slug,
    work_after,
    work_before_head,
)
from services.enrich.places import common_word
from services.enrich.resolve import Cand
from services.enrich.scouts import (
    TEXT_GATE,
    match_at,
    match_starts,
    scout_caseless,
    text_gates,
    words_in,
    words_in_ref,
)
from services.enrich.variants import (
    DESCRIPTORS,
    FACILITY_CACHES,
    facility_cache,
    named_after,
    remember,
    short_name,
    typo_of,
    variant_of,
)
from services.enrich.world32 import world32_sites
from services.enrich.world33 import world33_sites
from shared.annotation import FacilityMention

_by_start = _start = attrgetter("start")
_ARTICLE = re.compile(r"[وفبك]{0,2}(?:ال|لل)")


# a province's, city's or town's word and "of" before a known alias: the place, not the facility (rule 25p)
_ADMIN_OF_BEFORE_RE = re.compile(r"\b(?:province|city|town|municipality)[ \u00a0]+of[ \u00a0]+$", re.IGNORECASE)
_INDEFINITE_BEFORE_RE = re.compile(r"(?<![\w'’-])(?:a|an|another|one)\s+$", re.IGNORECASE)


# The words find_facilities asks the whole text for (`w in text`), answered together in one pass (lits): a bit each
_GATE_WORDS = (
    "مركزي", "entral", "prison", "camp", "jail", "settlement", "colon", "supermax", "penitentiar", "facilit",
    "detention",
    ", the ", ", a", "'s ", "’s ", ", one of the ",
    "معسكر", "، المخيم", "، السجن", "، وهو مخيم", "، وهو سجن", "، المعتقل",
    "نازح", "نزوح", "دارفور", "السودان", "الفاشر", "نيالا", "الدعم السريع", "مركز",
    "massacre", "مجزر", "مذبح", "nnex", "عائل", "عوائل",  # ("nnex": "annex" or "Annex", asked when it is in)
    # _names_given's words (_CALLED_WORDS)
    "known as", "called", "dubbed", "named", "عرف", "عُرف", "يسمى", "تسمى", "المسمى", "الملقب", "يلقب",
    # _AR_DETAINEES_RE's alternatives (a search of the whole text finds one iff one of them is in it)
    "نزلاء", "نزيل", "معتقلين", "معتقلو", "معتقلي", "سجناء", "سجين", "محتجزين", "محتجزو", "محتجزي", "أسرى", "اسرى",
    "أسير", "اسير",
    # rule 25j's numbered sites (a city's prison with its name in brackets: "مركزي" first, its three words then)
    "رقم", "السجن ", "المعتقل ",
)  # (64 at most: one compiled pass, its table built once for this tuple; a 65th would split it in two, rebuilt
# at every call, for the tuple last asked about)
_G = {w: 1 << i for i, w in enumerate(_GATE_WORDS)}
_G_CENTRAL_AR, _G_CENTRAL_EN = _G["مركزي"], _G["entral"]
_G_HEADS_EN = _G["prison"] | _G["camp"] | _G["jail"] | _G["settlement"] | _G["colon"] | _G["supermax"] \
    | _G["penitentiar"] | _G["facilit"] | _G["detention"]  # ("Tajoura, the Tripoli facility": rule 25p)
    # (the apposition's regime heads, rule 25k: "IK-2, a penal colony", "ADX, the supermax")
_G_APPOSED_EN = _G[", the "] | _G[", a"] | _G["'s "] | _G["’s "] | _G[", one of the "]
_G_MUASKAR = _G["معسكر"]
_G_APPOSED_AR = _G["، المخيم"] | _G["، السجن"] | _G["، وهو مخيم"] | _G["، وهو سجن"] | _G["، المعتقل"]
_G_SUDAN = _G["نازح"] | _G["نزوح"] | _G["دارفور"] | _G["السودان"] | _G["الفاشر"] | _G["نيالا"] | _G["الدعم السريع"] \
    | _G["عائل"] | _G["عوائل"]  # (families beside a named camp: Iraq's `معسكر الشمس` listed with `مخيم الأهل`)
_G_MARKAZ = _G["مركز"]
_G_MASSACRE_EN, _G_MASSACRE_AR = _G["massacre"], _G["مجزر"] | _G["مذبح"]
_G_ANNEX = _G["nnex"]  # (each of "annex", "Annex" holds it)
_G_CALLED_EN = _G["known as"] | _G["called"] | _G["dubbed"] | _G["named"]
_G_CALLED_AR = _G["عرف"] | _G["عُرف"] | _G["يسمى"] | _G["تسمى"] | _G["المسمى"] | _G["الملقب"] | _G["يلقب"]
_G_DETAINEES_AR = sum(_G[w] for w in ("نزلاء", "نزيل", "معتقلين", "معتقلو", "معتقلي", "سجناء", "سجين", "محتجزين",
                                       "محتجزو", "محتجزي", "أسرى", "اسرى", "أسير", "اسير"))
_G_NUMBERED_AR = _G["رقم"] | _G["السجن "] | _G["المعتقل "]
# the other words find_facilities asks the whole text for: scouts.TEXT_GATES's bits
_T_RESORT = TEXT_GATE["السياحي"]
_T_CENTRE = TEXT_GATE["Center "] | TEXT_GATE["Centre "]
_T_SUCH_AS = TEXT_GATE[" such as "] | TEXT_GATE[" including "] | TEXT_GATE[" like "]
_T_BRANCH = TEXT_GATE["فرع"] | TEXT_GATE["ranch"]
_T_MUKHAYYAM = TEXT_GATE["مخيم"]
_T_PLURAL_HEADS_AR = TEXT_GATE["المخيمات"] | TEXT_GATE["السجون"] | TEXT_GATE["المعتقلات"]
_T_CENTRAL_CITY_AR = TEXT_GATE["السجن المركزي ب"] | TEXT_GATE["السجن المركزي في "] | TEXT_GATE["سجن مركزي"]
_T_ANNEX = TEXT_GATE["annex"] | TEXT_GATE["Annex"]
_T_BASE_AR = TEXT_GATE["قاعدة"] | TEXT_GATE["قاعده"]
_T_AIRPORT = TEXT_GATE["irport"] | TEXT_GATE["IRPORT"]


# lits: bit i set when needles[i] is in the text, one compiled pass for each 64 needles (native/fac.c); lits_ref its
# Python twin. They are scouts.words_in and words_in_ref (one definition: duplicates D3).
lits = words_in
lits_ref = words_in_ref


_PATH = backend.PATH


def _named_before(text: str, start: int, spans: Iterable[tuple[int, int]]) -> bool:
    """A facility span ends before `start` in its sentence and line (the site a name is given to; rule 31d)."""
    return any(hi <= start and "\n" not in text[hi:start] and _SENTENCE_END_RE.search(text, hi, start) is None
               for _lo, hi in spans)


def _site_word_before(text: str, start: int) -> bool:
    """A head word of a site in the sentence before `start` (an alias is matched before the open-world names:
    `يقع سجن بابار المركزي ... وقد شبّهه منتقدوه بغوانتانامو`; rule 31d)."""
    lo = max(0, start - 200)
    for m in _BREAK_BEFORE_RE.finditer(text, lo, start):
        lo = m.end()
    return _SITE_WORD_RE.search(text, lo, start) is not None


_BREAK_BEFORE_RE = re.compile(r"[.!?؟\n]")
_SITE_WORD_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:سجن|معتقل|مخيم|معسكر)(?![\u0621-\u064a])")


# an indefinite article or a word of likeness right before a nickname (rule 25a): "a human slaughterhouse", "another
# human slaughterhouse", "a veritable human slaughterhouse" are what a place is like, not the facility
_NICK_INDEF_RE = re.compile(r"(?:^|[\s(\"'“‘])(?:a|an|another|new|second)\s+(?:[a-z-]+\s+)?['‘“\"]?$", re.IGNORECASE)

_SLASH_NAME_BEFORE_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*/$")
# a quoted nickname, a colon and the rest of its line ("'Human slaughterhouse': a man from Afrin recounts 65 days
# inside Al-Rai Prison"): a headline's label over what the line names (rule 27b)
_NICK_LABEL_AFTER_RE = re.compile(r"[\"'”’»]\s*:\s*([^\n]{1,200})")
# (a name of its own there: a capitalised word, not a possessive, right before the head; `سجن`/`مخيم` and a word)
_LABEL_PRISON_RE = re.compile(r"\b[A-Z][\w'’-]*[a-z0-9][ \u00a0]+(?:[Pp]rison|[Jj]ail|[Dd]etention)\b"
                              r"|(?:سجن|معتقل)[ \u00a0]+\S")
_LABEL_CAMP_RE = re.compile(r"\b[A-Z][\w'’-]*[a-z0-9][ \u00a0]+[Cc]amp\b|مخيم[ \u00a0]+\S")

# (and after an Arabic one: `المسلخ البشري الثاني`, "the second human slaughterhouse", is another place)
_NICK_NEW_AFTER_AR_RE = re.compile(r"\s+(?:ال)?(?:جديد|جديده|جديدة|ثاني|ثانيه|ثانية|آخر|اخر|أخرى|اخرى)"
                                   r"(?![\u0621-\u064a])")


def _has_article(text: str, start: int) -> bool:
    """The Arabic word at `start` carries the definite article (after up to two proclitics)."""
    return _ARTICLE.match(text, start) is not None




# `الإصلاحي` ("reform", as Iraq's justice ministry names its prisons) right after a prison named by its city
_REFORM_AFTER_RE = re.compile(r"[ \u00a0]+(?:ال[إا]صلاحي|ال[إا]صلاحية|ال[إا]صلاحيه)(?![\u0621-\u064a])")


_IMPERFECT_AFTER_AR_RE = re.compile(r"\s+[يتنأ]\w{2,}")


def _lower_word_core(text: str, s: int, end: int, e: Entry) -> bool:
    """A Latin `word` core of `e` inside the head match text[s:end] written with a lower-case initial."""
    seg = text[s:end]
    low = seg.lower()
    for w in e.words:
        if w[:1] < "\u0250" and (i := low.find(w)) >= 0 and seg[i].islower():
            return True
    return False


def _definite_head_before_verb(text: str, s: int, end: int, e: Entry) -> bool:
    """An Arabic head with its article (`المخيم`, `والمخيم`), then a core that is also a word (data: `word`), then an
    imperfect verb: `المخيم سوف يستقبل` is "the camp will take in", no name after the head (a name takes the
    indefinite head, `مخيم سوف`)."""
    words = text[s:end].split()
    if len(words) < 2 or fold_text(" ".join(words[1:])) not in e.words:
        return False
    head = words[0].lstrip("وفبلك")
    return head.startswith("ال") and _IMPERFECT_AFTER_AR_RE.match(text, end) is not None


def _city_core_at(text: str, s: int, end: int, fid: str, gaz: Gazetteer) -> int:
    """Where the last word of the matched name starts when that word alone is a place's name in the trie and the
    facility is that city's central prison (`الناصرية` in `سجن الناصرية`, a core of the facility whose core
    `الناصرية المركزي` is too), else -1. (Not Badush's prison, named by its town but no city's central one.)"""
    i = text.rfind(" ", s, end) + 1
    if i <= s:
        return -1
    node = gaz.trie.root.get(fold(text[i:end]))
    if not isinstance(node, dict):
        return -1
    pays = node.get(PAYLOAD)
    if not pays or not any(grp[0] == "place" for grp in pays):  # (finalized: payloads grouped by role)
        return -1
    central = node.get("المركزي")
    cpays = central.get(PAYLOAD) if isinstance(central, dict) else None
    return i if cpays and any(grp[0] == "core" and any(p[1] == fid for p in grp[1]) for grp in cpays) else -1


def _central_in(text: str, s: int, end: int) -> bool:
    """The matched name already says central (`سجن الناصرية المركزي الإصلاحي`): the central prison itself."""
    return "المركزي" in text[s:end] or "entral" in text[s:end]


def find_facilities(
    text: str, facs: list[Cand], heads: list[Cand], cores: list[Cand], people: list[Cand], places_c: list[Cand],
    gaz: Gazetteer,
) -> tuple[list[FacilityMention], bytearray, set[tuple[int, int]]]:
    """Facility mentions: names with their head (trie), then across quotes and in lists under dual/plural
    heads (attach.py), unknown names next to a head (openworld.py), then bare known names (attach.py)."""
    entries = gaz.entries
    facilities: list[FacilityMention] = []
    fac_ids: set[str] = set()
    place_spans: set[tuple[int, int]] | None = None  # (built when a former name is first met)
    covered = bytearray(len(text))
    holiday: bool | None = None  # (_holiday_text, asked once, when a resort's name is first met)
    gates = lits(text, _GATE_WORDS)  # (one pass answers every `w in text` below)
    tg = text_gates(text)  # (and one more, scouts.TEXT_GATES: `tg & _T_...` is `w in text` for one of its words)
    # (no resort's word in a text with no Latin letter and no `السياحي`: _resort_name's own first test, for the text)
    resorts = has_latin(text) or bool(tg & _T_RESORT)
    # (every check below is a test of the text alone: those of an alias are asked together, in one branch)
    muaskar = gates & _G_MUASKAR
    reform = "صلاحي" in text  # (str `in`, C speed: every _REFORM_AFTER_RE match holds it)
    for c in facs:
        p0 = c.payloads[0]
        how = p0[2]
        s, end = c.start, c.end
        if how == "former":
            if place_spans is None:
                place_spans = set(map(_SPAN, places_c))
            if (s, end) in place_spans:
                continue  # "Abu Ghraib" the town; the old prison name needs a head word (core)
        e = entries[p0[1]]
        if reform and e.kind == "prison" and (ref := _REFORM_AFTER_RE.match(text, end)) is not None \
                and not _central_in(text, s, end) \
                and (city := _city_core_at(text, s, end, e.id, gaz)) >= 0 \
                and any(o.payloads[0][1] == e.id and text.find(text[city:end], o.start, o.end) < 0 for o in facs):
            of = OpenFacility(s, ref.end(), "prison", text[city : ref.end()], city, ref.end())
            facilities.append(open_fac(text, of, places_c, gaz))
            covered[of.start : of.end] = b"\x01" * (of.end - of.start)
            continue  # `سجن الحوت ... سجن الناصرية الإصلاحي`: beside the central prison named otherwise (the Hoot),
            # the city's "reform" prison is the other one (short terms), open world; alone it is the central one
            # (Iraq's ministry calls every prison `إصلاحي`; rules 18b, 25g)
        if how == "head":  # (most matches: a name with its head word; the alias and nickname tests are not theirs)
            if e.words and ((text[s] < "\u0250" and _lower_word_core(text, s, end, e))
                            or _definite_head_before_verb(text, s, end, e)):
                continue  # "the prison-industrial complex", "a panorama prison tower": a Latin core that is also a
                # word (Industrial, Panorama), written in lower case by its head, is the word, no name (core27en, rule
                # 28y); `المخيم سوف يستقبل`, "the camp will take in": the definite head is the sentence's subject and
                # the core after it the word it also is (Souf's `سوف` "will"), a verb after it (rule 27z)
            alias = False
        else:
            if how == "nickname":
                if _NICK_INDEF_RE.search(text, max(0, s - 30), s) is not None or _NICK_NEW_AFTER_AR_RE.match(text, end):
                    continue  # "a human slaughterhouse" said of a ward: a kind of place, not the facility's nickname
                if (lab := _NICK_LABEL_AFTER_RE.match(text, end)) is not None \
                        and (_LABEL_PRISON_RE if e.kind == "prison" else _LABEL_CAMP_RE).search(
                            lab.group(1)) is not None:
                    continue  # "'Human slaughterhouse': a man recounts 65 days inside Al-Rai Prison": a quoted label
                    # over a line that names a site of its kind is said of that site, not the nickname's own (rule 27b)
                how = "alias"  # `المسلخ البشري`, "the so-called 'human slaughterhouse'": the facility (rule 25a)
            elif how == "alias" and (compared(text, s, end, e.country) or caps_dateline(text, s, end)
                                     or _ORG_OF_AFTER_RE.match(text, end) is not None
                                     or (text[s] >= "\u0600" and given_to_another_ar(text, s)
                                         and _site_word_before(text, s))):
                continue  # "a Guantanamo-style prison", `على غرار غوانتانامو`: a comparison, not the facility;
                # "GUANTANAMO BAY NAVAL BASE, Cuba (AP) —": the base the reporter files from (rule 21b); `فرع فلسطين
                # للشركة`, "the Palestine Branch of the bank": a company's branch (rule 22e)
            if how == "alias" and text[s - 4 : s] == " of " and _ADMIN_OF_BEFORE_RE.search(text, max(0, s - 30), s):
                continue  # "the Cuban province of Guantanamo": the province the prison is named for (rule 25p), not it
            alias = how == "alias"
        if text[s : s + 4] in _PLURAL_OPEN:
            if _plural_over_regions(text, s, end):
                continue  # `سجون النقب والجنوب`: the prisons of two regions, no one prison
            if (city_c := _plural_over_city(text, s, end, e, gaz)) is not None:
                insort(places_c, city_c, key=_by_start)  # `فتح باب الزيارات لسجون الرقة`: a city's prisons, none of
                continue  # them named, and the city a place (README rule 17; s25 mine25ar, rule 28a)
        if muaskar and "معسكر" in text[s : s + 8] and (_base_elsewhere(text, end, e, places_c, gaz)
                                                     or _training_camp(text, s, end)):
            continue  # `معسكر اليرموك جنوب طرابلس`: a military camp of another country bearing a known camp's name
        if resorts and _resort_name(text, s, end) \
                and (holiday := _holiday_text(text) if holiday is None else holiday):
            continue  # `استقبلت مدينة الحبانية السياحية آلاف المصطافين`: the resort a camp was set up in, in a text
            # about holiday-makers and no displaced people (rule 24o)
        f = fac(text, s, end, e, 0.97 if alias else 0.95)
        facilities.append(f)
        fac_ids.add(e.id)
        fs, fe = f.start, f.end
        covered[fs:fe] = b"\x01" * (fe - fs)
    n_trie = len(facilities)
    core_spans: set[tuple[int, int]] = set()
    used_heads: set[int] = set()
    free = [h for h in heads if not inside(h.start, h.end, covered)]
    central = (places_c or cores) and (gates & _G_CENTRAL_AR or (has_latin(text) and gates & _G_CENTRAL_EN))
    # (a core too: "the central prison in Roumieh", a prison's name no gazetteer town bears)
    for k in central_prisons(text, places_c + cores, gaz) if central else ():
        if not inside(k.start, k.end, covered):
            facilities.append(fac(text, k.start, k.end, k.entry, k.conf))
            covered[k.start : k.end] = b"\x01" * (k.end - k.start)
    for k in quoted_attachments(text, free, cores, gaz, used_heads):
        facilities.append(fac(text, k.start, k.end, k.entry, k.conf))
        covered[k.start : k.end] = b"\x01" * (k.end - k.start)
    by: dict[str, dict[int, Cand]] = {}
    for h in list_heads(text, heads, facs, gaz) if heads or facs or gates & _G_MARKAZ else ():  # (a list may start
        # in a trie match; `بين مركزي بدر ووادي النطرون`: the dual of "centre" is no head the trie reads, rule 28p)
        names = coordinated(text, h, cores, places_c, gaz, by)
        if names:
            used_heads.add(h.start)
            # `مسلسل سجون الظلام، وهو دراما ...`: a list's unknown names after a work's word are its title (rule 28z)
            titled = any(n.entry is None for n in names) and work_before_head(text, h.start)
        for n in names:
            if inside(n.start, n.end, covered):
                continue
            if n.entry is None and titled:
                covered[n.start : n.end] = b"\x01" * (n.end - n.start)
                continue
            if n.entry is not None:
                facilities.append(fac(text, n.start, n.end, n.entry, 0.85))
            else:
                ns = n.name_start if n.name_start >= 0 else n.start  # (after an item's own head: rule 29w)
                of = OpenFacility(n.start, n.end, h.payloads[0][1], text[ns : n.end], ns, n.end)
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
            covered[n.start : n.end] = b"\x01" * (n.end - n.start)
    rest = [h for h in free if h.start not in used_heads and not inside(h.start, h.end, covered)]
    muted: list[tuple[int, int]] = []
    for of in find_open(text, rest, facs, people, places_c, gaz, muted) if rest else ():
        if not inside(of.name_start, of.name_end, covered) and not _metaphor(text, of, places_c, gaz):
            facilities.append(_open_or_known(text, of, cores, places_c, gaz))
            covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    for a, b in muted:  # "the former Khiam prison": no site, and its town no place (rule 26b)
        covered[a:b] = b"\x01" * (b - a)
    if has_latin(text):  # (each reader asks the text for its own words first)
        for of in world32_sites(text, [(f.start, f.end) for f in facilities] + [(c.start, c.end) for c in cores],
                                places_c):  # (rules 32o-32q)
            if not inside(of.name_start, of.name_end, covered) and not inside(of.start, of.end, covered):
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
        for of in world33_sites(text, places_c):  # (rules 33a-33c)
            if not inside(of.name_start, of.name_end, covered) and not inside(of.start, of.end, covered):
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if ("olony" in text or "dubbed" in text or "named" in text or "called" in text or "branded" in text
            or "christened" in text) and has_latin(text):
        for of in colonies33_sites(text, places_c):  # (rules 33o, 33q)
            if 1 not in covered[of.start : of.end]:
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if tg & _T_CENTRE:  # ("Center " or "Centre " in text) "the Eric M. Taylor Center on Rikers Island" (rule 26b)
        for of in _jail_buildings(text, facs, cores, gaz):
            if not inside(of.name_start, of.name_end, covered):
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if ("«" in text or '"' in text or "“" in text) and gates & _G_DETAINEES_AR:  # (_AR_DETAINEES_RE.search(text))
        for of in _quoted_in_detention(text, cores, people, places_c, covered, gaz):
            facilities.append(open_fac(text, of, places_c, gaz))
            covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if has_latin(text) and gates & _G_HEADS_EN and gates & _G_APPOSED_EN:
        city_heads: list[tuple[int, int]] = []
        for of in _appositions(text, places_c, core_at_start(cores), city_heads, gaz):
            if of.kind == "camp" and leisure_text(text):
                continue  # "Jounieh, the first camp for the troop's new scouts": a scouts' camp (rule 28z)
            if not inside(of.name_start, of.name_end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.name_start : of.name_end] = b"\x01" * (of.name_end - of.name_start)
                # a town's name read as the site it names (_town_called_site) stays the site later in the text
                # ("Conditions at Qarchak have long been ..."), as a known bare name does (rule 22d)
                for p in places_c:
                    if p.start >= of.end and text[p.start : p.end] == of.name and not inside(p.start, p.end, covered):
                        facilities.append(open_fac(text, OpenFacility(p.start, p.end, of.kind, of.name, p.start, p.end),
                                                   places_c, gaz))
                        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
        if city_heads:  # "Mitiga, the Tripoli prison": the city's prison there is the name's, no second facility
            facilities = [f for f in facilities if not (f.id.startswith("open:")
                                                        and any(lo <= f.start < hi for lo, hi in city_heads))]
    if places_c and has_latin(text) and tg & _T_SUCH_AS:  # " such as ", " including ", " like "
        for of in _towns_such_as(text, places_c, gaz):  # "prisons such as Diyarbakir": the town's prison (rule 26k)
            if not inside(of.start, of.end, covered) and not any(k.start < of.end and of.start < k.end for k in cores):
                # (a known facility's core there is read bare, as that facility: "camps such as al-Houl")
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if has_latin(text) and _letter_spaces_digit(text):
        for of in numbered_in_frame(text, cores):  # "prisoners in Egypt's Badr 3": a complex's numbered prison
            if not inside(of.start, of.end, covered):
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_MUASKAR:  # `المعسكر 7 في غوانتانامو`: a numbered section of a detention site
        for of in _numbered_camps(text):
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_MUASKAR or tg & _T_BASE_AR:  # `معسكر غوانتانانمو`: a detention site's name misspelt after a camp or
        for f in _base_head_variants(text, covered, gaz):  # base word (rule 27x; a base's name is no facility)
            facilities.append(f)
            covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    if tg & _T_BRANCH:  # ("فرع" or "ranch" in text) `الفرع 255`, "Military Security Branch 261": a numbered branch
        for of in _numbered_branches(text):  # of Syria's intelligence agencies, its detention site (rule 25m)
            if not inside(of.start, of.end, covered):
                kb = _known_branch(text[of.name_start : of.name_end], gaz)  # `الفرع رقم 215`: the listed branch
                facilities.append(fac(text, of.start, of.end, kb, 0.8) if kb is not None
                                  else open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if tg & _T_MUKHAYYAM:  # ("مخيم" in text) `مخيم 5 شمال النصيرات`: a numbered camp among the displaced (rule 24m)
        for of in _numbered_mukhayyam(text):
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_APPOSED_AR:
        for of in _appositions_ar(text, gaz):  # `الجفينة، المخيم الواقع في أطراف المدينة`
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if "\"،" in text or "»،" in text or "”،" in text:  # (str `in`) `"الأبيض"، أول مخيم أقيم للنازحين`
        for of in _quoted_superlative_ar(text, places_c, gaz):
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if ":" in text and tg & _T_PLURAL_HEADS_AR:  # ("المخيمات", "السجون" or "المعتقلات" in text)
        for of in _colon_listed_ar(text, places_c, gaz):  # `المخيمات التي أغلقتها الوزارة هي: النبي يونس، والشمس`
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if "السجنية" in text or "العقابية" in text or "السجنيه" in text or "العقابيه" in text:
        for of in _institution_listed_ar(text, gaz):  # `بالمؤسسات السجنية التالية: عين السبع 1، ... وتطوان`
            if inside(of.start, of.end, covered):
                longer = [f for f in facilities if f.start == of.start and f.end > of.end and f.id.startswith("open:")
                          and " و" in text[of.end : f.end]]
                if not longer:
                    continue
                for f in longer:  # `العرجات 1 وتطوان` read as one numbered name: the list's two items
                    facilities.remove(f)
                    covered[f.start : f.end] = b"\x00" * (f.end - f.start)
            facilities.append(open_fac(text, of, places_c, gaz))  # (the Maghreb institution's own name, no guessed
            # spelling of a site elsewhere: `العدير` is no Adra, rule 32i)
            covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_MUASKAR and gates & _G_SUDAN:
        for of in _displacement_camps(text, gaz):  # Sudan's usage: `معسكر زمزم للنازحين`
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_MARKAZ:  # `مركز تاجوراء لإيواء المهاجرين`: a centre named, then whom it holds
        for c in _centre_cores(text, cores, gaz) if cores else ():
            if not inside(c.start, c.end, covered):  # `مركز تاجوراء` among migrants: the known centre (rule 27t)
                facilities.append(fac(text, c.start - 5, c.end, gaz.entries[c.payloads[0][1]], 0.85))
                covered[c.start - 5 : c.end] = b"\x01" * (c.end - c.start + 5)
        for of in _centres_for(text, gaz):
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
        # `مركز "فجر" التأهيلي`, `مركز باستوي التأهيلي`: a centre's name, then its "rehabilitative" adjective
        # (rule 25j); `مركز بدر 3`, `مركزي بدر 1 وبدر 3`: a numbered centre of a prison complex among detainees
        for of in [*_rehab_centres(text, gaz), *_numbered_centres(text, gaz)]:
            if not inside(of.start, of.end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if gates & _G_NUMBERED_AR:  # `المعتقل رقم 59`, `السجن 66`, `السجن المعروف برقم 66` (rule 25j)
        for of in _numbered_prisons(text):
            if not inside(of.start, of.end, covered):
                facilities.append(open_fac(text, of, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if "اسم ال" in text:  # `اسم المخيم "الأمل"`: "the camp's name is «X»" (rule 27a)
        for of in _name_of_definite(text, gaz):
            if not inside(of.name_start, of.name_end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.start : of.end] = b"\x01" * (of.end - of.start)
    if (gates & _G_CALLED_AR or "معروف" in text) and ("لسجن" in text or "لمعتقل" in text or "لمخيم" in text):
        # (str `in`: a word of "known as" and a definite head, `السجن`, `للمعتقل`, `بالمخيم`, in the text)
        for dc in _definite_called(text, cores, gaz):  # `السجن المعروف باسم "الصناعة"` (rule 30d)
            if isinstance(dc, OpenFacility):
                if not inside(dc.name_start, dc.name_end, covered):
                    facilities.append(_open_or_known(text, dc, cores, places_c, gaz))
                    covered[dc.start : dc.end] = b"\x01" * (dc.end - dc.start)
            elif not inside(dc.start, dc.end, covered):
                facilities.append(dc)
                covered[dc.start : dc.end] = b"\x01" * (dc.end - dc.start)
    if "(" in text and gates & _G_CENTRAL_AR and tg & _T_CENTRAL_CITY_AR:  # `السجن المركزي بطهران (فشافويه)` (25j)
        # ("السجن المركزي ب", "السجن المركزي في " or "سجن مركزي" in text)
        for of in _bracketed_after_city(text, places_c, gaz):
            if not inside(of.name_start, of.name_end, covered):
                facilities.append(_open_or_known(text, of, cores, places_c, gaz))
                covered[of.name_start : of.name_end] = b"\x01" * (of.name_end - of.name_start)
    # (str `in`, C speed: most texts name nothing "known as"; the Latin words only in a text with Latin letters)
    named_as = bool(facilities) and bool(gates & (_G_CALLED_EN | _G_CALLED_AR if has_latin(text) else _G_CALLED_AR))
    for f in list(facilities) if named_as else ():  # "a section of Azraq camp known as ‘Village 5’"
        if f.id.startswith("open:"):
            continue
        part = part_called(text, f.start, f.end, f.kind, gaz)
        if part is not None and not inside(part.start, part.end, covered):
            facilities.append(_open_or_known(text, part, cores, places_c, gaz))
    for f in facilities[n_trie:]:  # (the trie's ones are marked and counted above)
        fac_ids.add(f.id)
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    for f in facilities if "/" in text else ():  # (str `in`, C speed)
        if f.start > 1 and text[f.start - 1] == "/" \
                and (sl := _SLASH_NAME_BEFORE_RE.search(text, max(0, f.start - 30), f.start)) is not None:
            covered[sl.start() : f.start] = b"\x01" * (f.start - sl.start())  # "the “Derik/Al-Malikiyah” prison": the
            # name's other spelling before the slash is the facility's, no place (rule 27b)
    # bare known names: the facility when the text says so (attach.bare_reading), else the town
    around: Around | None = None
    massacre: bool | None = None  # (asked when a bare name is first read as the facility)
    nick_end = 0  # (the end of a nickname `«صيدنايا الرقة»`: its second name is no facility either)
    accepted = list(map(_SPAN, facilities)) if cores else []  # (read in the loop over the cores alone)
    for c in cores:
        if inside(c.start, c.end, covered):
            continue
        ce = kind_payload(c, gaz, None)
        if ce is None or (c.payloads[0][2] == "noart" and _has_article(text, c.start) and _noart(c)
                          and not _listed_after(text, c.start, facilities, ce.kind)):
            continue  # (العائدة "the returning" is no عايدة; `مخيم الهول والروج` lists Roj all the same)
        if c.payloads[0][2] == "noart" and _inner_article(text, c, gaz):
            continue  # `نور الشمس` ("sunlight") is no `نور شمس`: the name's inner word has no article (rule 26r)
        if c.payloads[0][2] == "noart" and not _HAMZA_SEAT.isdisjoint(text[c.start : c.end]) and _noart(c):
            continue  # عائدة ("returning", a hamza on its seat) is the word; the camp is spelled عايدة
        if around is None:
            around = _around(text, heads, facs, cores, places_c, fac_ids, accepted, gaz, covered)
        if text.find(")", c.end, c.end + 12) >= 0:
            same = _bracket_identity(text, c, facilities, ce.kind, around.cities)
            if same is not None:  # `سجن الحسكة المركزي (غويران)`: one prison, known by the name in brackets
                f = facilities[same[0]]
                facilities[same[0]] = fac(text, f.start, f.end, ce, max(f.confidence, 0.85))
                fac_ids.add(ce.id)
                covered[c.start : same[1]] = b"\x01" * (same[1] - c.start)
                continue
        if ce.kind == "prison" and airbase_core(text, c.start, c.end):
            at = next((i for i, f in enumerate(facilities) if f.id.startswith("open:prison:") and f.end < c.start
                       and _IN_GAP_RE.fullmatch(text, f.end, c.start)), None)
            if at is not None:  # `سجن المخابرات الجوية في مطار المزة`, "the Air Force Intelligence prison at Mezzeh
                f = facilities[at]  # airport": the agency's prison in an airbase listed as a detention site is that
                facilities[at] = fac(text, f.start, c.end, ce, max(f.confidence, 0.8))  # site (rule 25m)
                fac_ids.add(ce.id)
                covered[c.start : c.end] = b"\x01" * (c.end - c.start)
                continue
        if nick_end > c.start:
            continue  # (the place in a nickname, below)
        if c.start > 0 and (text[c.start - 1] in QUOTES or (c.start > 4 and text[c.start - 5] in QUOTES
                                                               and text[c.start - 4 : c.start].lower() == "the ")):
            nick_end = _nickname(text, c, ce, places_c, cores, gaz)
            if nick_end > c.start:
                covered[c.start : nick_end] = b"\x01" * (nick_end - c.start)  # (a name, no place either)
                s0 = c.start if text[c.start - 1] in QUOTES else c.start - 4
                tail = next((p for p in places_c if p.end == nick_end), None)
                if tail is not None and not best_entry(text, tail, gaz).id.startswith("country:") \
                        and not any(lo < s0 and "\n" not in text[hi:s0]
                                    and _SENTENCE_END_RE.search(text, hi, s0) is None for lo, hi in accepted):
                    # a city's (not a country's: `"أبو غريب سوريا"` is a byword) and no facility named before it in its
                    # sentence (`سجن عايد ... بات يعرف بـ«صيدنايا الرقة»` is that prison's nickname): the nickname names
                    # a prison of its own, open world (a headline's `"صيدنايا
                    # الرقة" وأخواتها`, "one SDF facility in Raqqa, "the Saydnaya of Raqqa""; rule 25f)
                    nick = OpenFacility(s0, nick_end, ce.kind or "prison", text[s0:nick_end], s0, nick_end)
                    facilities.append(open_fac(text, nick, places_c, gaz))
                    fac_ids.add(facilities[-1].id)
                continue  # `بات يعرف بـ«صيدنايا الرقة»`: another prison called after a notorious one and a city
        conf = bare_reading(text, c, ce, around, gaz)
        if conf is None and ("call" in (near40 := text[max(0, c.start - 40) : c.end + 40]) or "name" in near40
                             or "known" in near40) and _renamed_known(text, c, ce.id, facilities):
            conf = 0.6  # "Abu Ghraib, now called Baghdad Central Prison": the prison's two names (rule 24j)
        if text[c.start] >= "\u0600" and accepted and given_to_another_ar(text, c.start) \
                and _named_before(text, c.start, accepted):
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
            continue  # `سجن الأمن السياسي بمأرب، الذي يسميه ناشطون «صيدنايا مأرب»`, `يطلق الأهالي على سجن بئر أحمد
            # اسم "أبو غريب"`: a notorious name given to the site named before it in its sentence, no facility and
            # no town (rule 31d)
        if compared(text, c.start, c.end, ce.country):
            if ce.kind == "prison" and (c.start, c.end) in around.placed \
                    and (text[c.start] < "\u0600" or _NICK_NEW_AFTER_AR_RE.match(text, c.end) is not None
                         or epithet_after_ar(text, c.end, ce.country)):
                covered[c.start : c.end] = b"\x01" * (c.end - c.start)  # "another Abu Ghraib", `أبو غريب آخر`: a
                # byword for another site, no town (`ديرك ثانياً`, "Derik comes second", stays the town)
            continue  # (a "Guantanamo-style prison" is another one, like it)
        if conf is None:
            continue
        if massacre is None:  # (str `in`, C speed)
            massacre = bool((has_latin(text) and gates & _G_MASSACRE_EN) or gates & _G_MASSACRE_AR)
        if (massacre and _massacre_named(text, c.start, c.end)
                and not _named_again_generic(text, c.end, ce.kind or "camp")) or _town_apposition(text, c.end):
            continue  # "the Sabra and Shatila massacre"; "Sednaya, a Christian town": not the facility
        around.accepted_ix.add(c.start, c.end)
        around.bare_named.add(ce.id)
        facilities.append(fac(text, c.start, c.end, ce, conf))
        accepted.append((c.start, c.end))
        core_spans.add((c.start, c.end))
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    if core_spans and has_latin(text) and gates & _G_APPOSED_EN and ", the " in text:  # (str `in`: the test below)
        # "Mitiga, the Tripoli prison run by ...": a city's prison in apposition to a bare name read as the facility is
        # that facility, no second one (as `city_heads` above for an unknown name; rule 24m)
        ends = {e for _s, e in core_spans}
        facilities = [f for f in facilities if not (f.id[:5] == "open:" and text[f.start - 6 : f.start] == ", the "
                                                    and f.start - 6 in ends)]
    if _any_open(facilities):
        for g in _open_named_again(text, facilities, covered, places_c, gaz):
            facilities.append(g)
            covered[g.start : g.end] = b"\x01" * (g.end - g.start)
    # (str `in`, C speed) "the “al-Hawl” camp annex": the annex itself
    if has_latin(text) and gates & _G_ANNEX and tg & _T_ANNEX:  # ("annex" or "Annex" in text)
        facilities = [_annexed(text, f, gaz) for f in facilities]
        facilities += _the_annex(text, facilities, gaz)
    if facilities and "ملحق" in text:  # (str `in`, C speed) `الملحق الخاص بمخيم الهول`: the annex (rule 28u)
        annexed = _annexes(gaz).keys() & {f.id for f in facilities}  # (only camps the gazetteer lists an annex of)
        if annexed:
            facilities = [_annexed_ar(text, f, gaz) if f.id in annexed else f for f in facilities]
    facilities.sort(key=_by_start)
    if len(facilities) > 1 and " و" in text:  # (str `in`, C speed)
        facilities = _short_between(text, facilities, gaz)
    if ("," in text or ":" in text) and any(_open_listed(f, gaz) and work_after(text, f.end) for f in facilities):
        # "HMP Belmarsh: Maximum Security, a television series": a work named for a site the gazetteer lists open-world
        # (rule 25s), as for an unknown name (openworld.not_a_site)
        facilities = [f for f in facilities if not (_open_listed(f, gaz) and work_after(text, f.end))]
    if "(" in text and len(facilities) > 1:  # (str `in`, C speed)
        facilities = _named_in_brackets(text, facilities)
    # ([(f.start, f.end) for f in facilities if not f.id.startswith("open:")], at C speed)
    known = list(compress(map(_SPAN, facilities), map(not_, map(_OPEN_ID, map(_ID, facilities)))))
    # `سجن الحسكة المعروف بسجن "غويران"`: a name followed by "known as" another facility is that facility
    if known:
        starts = list(map(_HEAD_START, known))  # facilities are in text order
        n_known = len(starts)
        kept = []
        for f in facilities:
            fe = f.end
            i = bisect_right(starts, fe)
            if i == n_known or starts[i] - fe > 60:  # (starts ascend: nothing within 60 characters after)
                kept.append(f)
                continue
            near = known[i : i + 3]  # (those of the three within 60 characters: the first is, most often all are)
            n_near = len(near)
            if (n_near > 1 and near[1][0] - fe > 60) or (n_near > 2 and near[2][0] - fe > 60):
                near = [k for k in near if k[0] - fe <= 60]
            if not near or not same_as_known(text, f.start, f.end, near) \
                    or (_OR_RE.fullmatch(text, f.end, near[0][0])
                        and (any(p.end == f.end or p.start == f.start for p in places_c)
                             or (not f.id.startswith("open:")
                                 and all(g.id != f.id for g in facilities if (g.start, g.end) == near[0])))):
                kept.append(f)  # (`سجن جمجمال أو سوسة`, "Chamchamal prison or Susa prison": two towns' prisons,
                # not one prison's two names; two known prisons of two ids joined by "or" are two, rule 27d)
        facilities = kept
        if len(facilities) > len(known):
            # a known facility, then "known as"/"which is called" and an unknown name of the same kind, is that
            # facility's other name, no second facility: `مخيم الجدعة، المعروف أيضاً بـ"مخيم الأمل"` (rule 24h), `مخيم
            # الجدعة الذي يُسمّى (مخيم الأمل)` (rule 24o); the known ones by end, so each unknown name asks only those
            # ending in the 40 characters before it
            # ((f.end, i, f) of the known mentions, sorted by (end, i); built at C speed)
            mask = list(map(not_, map(_OPEN_ID, map(_ID, facilities))))
            kf = list(compress(facilities, mask))
            by_end = sorted(zip(map(_END, kf), compress(range(len(facilities)), mask), kf, strict=True),
                            key=_HEAD_SPAN)
            known_ends = list(map(_HEAD_START, by_end))
            other_of: dict[str, str] = {}  # (rule 30g) the other name's id -> the known facility's
            kept = []
            for f in facilities:
                if f.id.startswith("open:") and (g_id := _other_name_of_known(text, f, by_end, known_ends)):
                    other_of[f.id] = g_id
                else:
                    kept.append(f)
            facilities = kept
            if other_of:
                # its later mentions are the known one's too ("also known as the Afghan National Detention
                # Facility ... near the prison's gate, National guards"): no second, unknown facility
                facilities = [f.model_copy(update={"id": other_of[f.id]}) if f.id in other_of else f
                              for f in facilities]
    if len(facilities) > 1 and _any_open(facilities):
        # an unknown name after an unknown facility and "formerly known as" / "which was named" is the first one's
        # other name too (`مخيم الشهيد عزمي المفتي، المعروف سابقاً بمخيم الحصن`: one camp; rule 25q)
        facilities = _other_names_of_open(text, facilities)
        facilities = _called_after_generic(text, facilities)
        facilities = _known_named_again(facilities)
        facilities = _place_named_again(text, facilities, gaz)
    if has_latin(text) and ("a " in text or "an " in text or "one " in text):
        facilities = [f for f in facilities if not _indefinite_city_prison(text, f, gaz)]
    if ("ew camp" in text or "جديد" in text) and not _town_named_ids(gaz).isdisjoint(map(_ID, facilities)):
        # (any(not f.id.startswith("open:") and gaz.entries[f.id].town_name for f in facilities), by set, C speed)
        new_in = _new_camp_names(text)  # (the text's new camps' towns: one scan of the text, not one a facility)
        facilities = [f for f in facilities if not _new_camp_in_town(f, gaz, new_in)]
    if len(facilities) > 1:
        facilities = _town_qualified(text, facilities)
    if len(facilities) > 1 and "\n" in text:
        facilities = _headline_city_prison(text, facilities, gaz)
    if facilities and tg & _T_BASE_AR:  # ("قاعدة" or "قاعده" in text)
        facilities = _base_named(text, facilities)
    if facilities and ("base" in text or "Base" in text or "Station" in text or "BASE" in text) and has_latin(text):
        facilities = _base_named_en(text, facilities)
    if facilities and places_c and ("في" in text or " ب" in text or has_latin(text)):  # (str `in`, C speed)
        before = facilities
        facilities = _named_elsewhere(text, facilities, places_c, cores, gaz)
        if _any_open(facilities):  # (the far town a name now opens is inside it: "the Mosul Tasfirat prison", rule 4)
            was_known = set(compress(map(_SPAN, before), map(not_, map(_OPEN_ID, map(_ID, before)))))
            for f in compress(facilities, map(_OPEN_ID, map(_ID, facilities))):  # (the open ones)
                if (f.start, f.end) not in was_known and f.start < f.end:
                    covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    if len(facilities) > 1 and tg & _T_AIRPORT:  # ("irport" or "IRPORT" in text)
        facilities = _city_airport_prison(text, facilities, places_c, gaz)
    if facilities and ("amp" in text or "AMP" in text) and has_latin(text):
        facilities = _military_camps_en(text, facilities, gaz)
    if facilities and places_c and any(q in text for q in QUOTES):
        facilities = _country_bywords(text, facilities, places_c, gaz)
    if facilities and ("camps of " in text or "prisons of " in text):  # (str `in`, C speed)
        facilities = _listed_spellings(text, facilities, covered, places_c, gaz)
    return _one_per_span(facilities), covered, core_spans


# rule 29v: "the camps of Al-Bas, Errachidia and Burj al-Shamali": beside a known camp of the list, an unknown member
# is a spelling of a known site of its kind and country (variants.variant_of), else nothing, as before
_OF_LIST_RE = re.compile(r"\b(camps|prisons) of (?:the )?")
_OF_MEMBER_RE = re.compile(r"(?:(?:[Aa]l|[Ee][lrsdntz])[- ])?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
                           r"(?: (?:(?:[Aa]l|[Ee]l)[- ])?[A-Z][\w'’]*){0,2}")
_OF_JOIN_RE = re.compile(r",? and |, ")


def _listed_spellings(text: str, facilities: list[FacilityMention], covered: bytearray, places_c: list[Cand],
                      gaz: Gazetteer) -> list[FacilityMention]:
    out = facilities
    for m in _OF_LIST_RE.finditer(text):
        kind = "camp" if m.group(1) == "camps" else "prison"
        members: list[tuple[int, int]] = []
        pos = m.end()
        while (mm := _OF_MEMBER_RE.match(text, pos)) is not None:
            members.append((mm.start(), mm.end()))
            j = _OF_JOIN_RE.match(text, mm.end())
            if j is None:
                break
            pos = j.end()
        if len(members) < 2:
            continue
        countries = {gaz.entries[f.id].country for f in out if not f.id.startswith("open:") and f.kind == kind
                     and any(a <= f.start < b for a, b in members)}
        if not countries:
            continue  # (no known site among the members: a list of towns, of regions)
        for a, b in members:
            if inside(a, b, covered) or any(p.start < b and a < p.end for p in places_c):
                continue  # (a member the gazetteer knows, a site or a place, is read as that)
            e = variant_of(text[a:b], kind, gaz)
            if e is not None and e.country in countries and all(f.id != e.id for f in out):
                out = sorted([*out, fac(text, a, b, e, 0.7)], key=attrgetter("start"))
                covered[a:b] = b"\x01" * (b - a)
    return out


# the head word right before a nickname's opening quote (`سجن "صيدنايا ليبيا"`): the nickname names a prison of its own
_HEAD_BEFORE_QUOTE_RE = re.compile(r"(?:^|(?<=[\s(]))(?P<head>[وبلف]?(?:سجن|معتقل|مخيم|معسكر))[ \u00a0]*$")
_HEAD_KIND_AR = {"سجن": "prison", "معتقل": "prison", "مخيم": "camp", "معسكر": "camp"}


_QUOTE_CHAR_RE = re.compile("[" + re.escape(QUOTES) + "]")
# what may stand between a quoted byword's country and the known name (rule 30c): nothing, "of (the)", "'s", "in",
# an article (`صيدنايا ليبيا`, "the Guantanamo of Iraq", "Libya's Sednaya"); a verb between them is a quoted sentence
_BYWORD_GAP_RE = re.compile(r"(?:['’]s)?[ \u00a0-]*(?:(?:of|in|the|al|el)[ \u00a0-]+){0,2}")


def _country_bywords(text: str, facilities: list[FacilityMention], places_c: list[Cand],
                     gaz: Gazetteer) -> list[FacilityMention]:
    """A known facility's name quoted together with another country's name (`سجن "صيدنايا ليبيا" السري`, "the
    'Guantanamo of Iraq'", '"Libya's Sednaya"') is a nickname by analogy for a site in that country, not the known
    facility (round-23 splits, rule 27w); after an Arabic head word the quoted nickname is that site, open world. The
    facility's own country in the quotes, or no country, keeps it (`سجن "صيدنايا"`)."""
    out: list[FacilityMention] = []
    spans: list[tuple[int, int]] | None = None  # (the places' spans in order, built when a quote is first near)
    for f in facilities:
        lo, hi = max(0, f.start - 60), f.end + 60  # (a pair holds the name and is under 60 long: both quotes, and
        # the country between them, lie in this window; most facilities have none there, and the line is not read;
        # the window is asked first, the entry after it)
        if _QUOTE_CHAR_RE.search(text, lo, hi) is None:
            out.append(f)
            continue
        if f.id[:5] == "open:" or (e := gaz.entries.get(f.id)) is None or not e.country:
            out.append(f)
            continue
        if spans is None:
            spans = sorted(map(_SPAN, places_c))
        # (any(lo < p.start and p.end < hi for p in places_c), by bisection: the spans starting after lo and
        # before hi, as a place within the window starts before it ends)
        i, n = bisect_right(spans, (lo, len(text) + 1)), len(spans)
        while i < n and spans[i][0] < hi and spans[i][1] >= hi:
            i += 1
        if i == n or spans[i][0] >= hi:
            out.append(f)
            continue
        ls = text.rfind("\n", 0, f.start) + 1
        le = text.find("\n", f.end)
        le = len(text) if le < 0 else le
        qs = [i for i in (m.start() for m in _QUOTE_CHAR_RE.finditer(text, ls, min(le, f.end + 60)))
              if not (i > 0 and text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha())]  # (text[i] in QUOTES)
        # ("Libya's": an apostrophe inside a word is no quote) the quote pair around the name, pairs read from the
        # line's start
        pair = next(((o, cl) for o, cl in zip(qs[::2], qs[1::2], strict=False)
                     if o < f.end and cl >= f.start and cl - o < 60), None)
        if pair is None:
            out.append(f)
            continue
        o, cl = pair
        other = None
        other_at: Cand | FacilityMention = f  # (the country's candidate, where `other` is found)
        for p in places_c:
            if o < p.start and p.end <= cl:
                w = best_entry(text, p, gaz)
                if w.id.startswith("country:") and w.id[8:] != e.country:
                    other = w
                    other_at = p
                    break
        if other is None:
            out.append(f)
            continue
        gap = (other_at.end, f.start) if other_at.end <= f.start else (f.end, other_at.start)
        if gap[0] <= gap[1] and _BYWORD_GAP_RE.fullmatch(text, *gap) is None:  # (a country inside the name's span,
            # "“Libya's Sednaya”" read whole, is the byword's own)
            out.append(f)  # "Erdogan said “Turkey will cleanse the Makhmour camp”": a quoted sentence, the country its
            continue  # subject, names the camp; a byword joins the two with "of", "'s" or nothing (rule 30c)
        hm = _HEAD_BEFORE_QUOTE_RE.search(text, max(0, o - 8), o)
        if hm is not None:
            head = hm.group("head")
            kind = _HEAD_KIND_AR.get(head) or _HEAD_KIND_AR.get(head[1:], f.kind)
            hs = hm.start("head") + (1 if head not in _HEAD_KIND_AR else 0)
            out.append(open_fac(text, OpenFacility(hs, cl + 1, kind, text[o + 1 : cl], o + 1, cl), places_c, gaz))
    return out


# "the Tasfirat prison in the city of Tikrit": a known name, then "in" and a town or city far from the known facility
# (over 100 km, and not the governorate the facility lies in: "Roj camp in Hasakah") is another site of that name,
# open world (Tikrit's Tasfirat, not Kirkuk's; prec22en survey, rule 26w)
_IN_TOWN_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]+in[ \u00a0]+"
                         r"(?:the[ \u00a0]+(?:city|town|village)[ \u00a0]+of[ \u00a0]+)?")
# the Arabic of it (bare23 survey, rule 27c): `سجن التسفيرات في تكريت`, `بمدينة تكريت`, `بتكريت` (the town after
# a glued ب)
_IN_TOWN_AR_RE = re.compile(r"[ \u00a0]+(?:(?:في|فى)[ \u00a0]+(?:(?:مدينة|بلدة|قرية|قضاء|ناحية)[ \u00a0]+)?|"
                            r"ب(?:(?:مدينة|بلدة|قرية|قضاء|ناحية)[ \u00a0]+)?)")
# "the Mosul Tasfirat prison", "Tikrit's Tasfirat prison": the far town named before the known name (rule 27c)
_TOWN_BEFORE_RE = re.compile(r"(?:['’]s)?[ \u00a0]+$")
_TOWN_KINDS = frozenset(("city", "town", "village"))
_HEAD_WORDS = frozenset(("prison", "jail", "camp", "centre", "center", "facility", "detention", "refugee", "idp",
                         # (the Arabic heads, folded)
                         "سجن", "معتقل", "مخيم", "مركز", "احتجاز", "اعتقال", "توقيف"))


_IN_AREA_AR_RE = re.compile(r"[ \u00a0]+(?:(?:في|فى)[ \u00a0]+|ب)(?:منطقة[ \u00a0]+|حي[ \u00a0]+)?")
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s[ \u00a0]+")


def _site_at(text: str, f: FacilityMention, at: Cand | None, cores: dict[int, list[Cand]],
             gaz: Gazetteer) -> Entry | None:
    """Another known facility of the kind, over 100 km from the one named, whose name is the district the text places
    the named one in: `سجن (التسفيرات) بمنطقة الرصافة في بغداد`, "the Tasfirat prison in Baghdad's Rusafa district"
    (Baghdad's transit prison is the Rusafa complex, rule 25w; bare23 survey, rule 27c)."""
    if not cores or f.lat is None or f.lon is None:
        return None
    if "\u0600" <= text[f.start] <= "\u06ff":
        am = _IN_AREA_AR_RE.match(text, f.end)
        where = am.end() if am is not None else -1
    elif at is not None and (pm := _POSSESSIVE_AFTER_RE.match(text, at.end)) is not None:
        where = pm.end()
    else:
        return None
    for o in cores.get(where, ()):
        e = kind_payload(o, gaz, f.kind)
        if e is not None and e.id != f.id and e.lat is not None and e.lon is not None \
                and _km(f.lat, f.lon, e.lat, e.lon) > 100.0:
            return e
    return None


_WORD_SITES: dict[int, dict[str, Entry]] = {}


def _own_town_site(text: str, f: FacilityMention, starts: dict[int, Cand], gaz: Gazetteer) -> Entry | None:
    """An open-world name whose first word is a known site's word-like name without its article and whose next words
    are a town within 100 km of that site (or its governorate's name): the known site (`تسفيرات كركوك` is Kirkuk's
    `التسفيرات`; `تسفيرات الموصل` stays open world; rule 27c)."""
    sp = text.find(" ", f.start, f.end)
    if sp == -1 or not ("\u0600" <= text[f.start] <= "\u06ff"):
        return None
    sites = _WORD_SITES.get(id(gaz))
    if sites is None:
        sites = {w: e for e in gaz.entries.values() if e.kind in ("prison", "camp") for w in e.words}
        _WORD_SITES.clear()
        _WORD_SITES[id(gaz)] = sites
    e = sites.get("ال" + fold(text[f.start : sp]))
    at = starts.get(sp + 1)
    if e is None or e.kind != f.kind or at is None or at.end != f.end or e.lat is None or e.lon is None:
        return None
    town = fold(text[at.start : at.end])
    for q in at.payloads:
        if q[0] != "place":
            continue
        pe = gaz.entries[q[1]]
        if (pe.kind in _TOWN_KINDS and pe.lat is not None and pe.lon is not None
                and _km(e.lat, e.lon, pe.lat, pe.lon) <= 100.0) or town in fold(e.admin1 or ""):
            return e
    return None


def _capital_of(e: Entry, admin1: str | None) -> bool:
    """The city bears the name of the governorate the facility lies in (its seat): `مخيم روج في الحسكة`, `سجن ديريك
    في الحسكة` name the province by its capital, not another site far from the facility (s25 mine25ar, rule 28a). The
    English check above compares the town as written; an Arabic one is compared by the city's canonical name."""
    name = fold(e.canonical or "")
    return len(name) >= 4 and bool(admin1) and name in fold(admin1 or "")


def _named_elsewhere(text: str, facilities: list[FacilityMention], places_c: list[Cand], cores: list[Cand],
                     gaz: Gazetteer) -> list[FacilityMention]:
    # the place at each start with the furthest end (the first in list order of those), and at each end the one with
    # the nearest start (the first of those): dict(zip(...)) keeps a key's last item, so the places are sorted to
    # put it last (a stable sort of the reversed list; C speed, not a walk of the places in Python)
    rev = places_c[::-1]
    by_end = sorted(rev, key=_END)
    starts: dict[int, Cand] = dict(zip(map(_start, by_end), by_end, strict=True))
    by_start = sorted(rev, key=_start, reverse=True)
    ends: dict[int, Cand] = dict(zip(map(_END, by_start), by_start, strict=True))
    core_at: dict[int, list[Cand]] | None = None  # (the cores by start, built when a known name is first met)
    out = []
    moved: dict[str, set[str]] = {}  # (a known id -> the far open-world sites its name was read as: rule 33r)
    for f in facilities:
        if f.id[:5] == "open:":
            if (own := _own_town_site(text, f, starts, gaz)) is not None:
                out.append(fac(text, f.start, f.end, own, f.confidence))
                continue  # `تسفيرات كركوك`: the known site's head-like name before its own town (rule 27c)
            out.append(f)
            continue
        flat, flon = f.lat, f.lon
        if flat is None or flon is None:
            out.append(f)
            continue
        arabic = "\u0600" <= text[f.start] <= "\u06ff"
        if arabic:
            m = _IN_TOWN_AR_RE.match(text, f.end)
            if m is None:  # (no "in" after an Arabic name: no site there, no town, no town before it)
                if text[f.end : f.end + 1] == " " and (at := starts.get(f.end + 1)) is not None \
                        and (far := _far_town_after_word(text, f, at, places_c, gaz)) is not None:
                    out.append(far)  # `سجن تسفيرات تكريت`: Tikrit's transit prison, not Kirkuk's (rule 33r)
                    moved.setdefault(f.id, set()).add(far.id)
                    continue
                out.append(f)
                continue
        else:
            m = _IN_TOWN_RE.match(text, f.end)
        at = starts.get(m.end()) if m is not None and m.end() != f.end else None
        if at is None and arabic and m is not None and m.end() - m.start() > 4:
            # `في قضاء تلكيف`: the place read with its unit's word (rule 33r)
            at = next((c for c in map(starts.get, range(m.start() + 1, m.end())) if c is not None and c.end > m.end()),
                      None)
        if at is None and not arabic and ((bm := _TOWN_BEFORE_RE.search(text, max(0, f.start - 4), f.start)) is None
                                          or bm.start() not in ends):
            out.append(f)  # (no town after an English name, nor one before it: no site, no town)
            continue
        # (_site_at finds nothing with no core, nor where an Arabic name has no "in" after it (_IN_AREA_AR_RE's
        # matches are _IN_TOWN_AR_RE's), nor an English one no town after it: it is asked of the others alone)
        if cores and (m is not None if arabic else at is not None):
            if core_at is None:
                core_at = {}
                for o in cores:
                    core_at.setdefault(o.start, []).append(o)
            other = _site_at(text, f, at, core_at, gaz)
        else:
            other = None
        if other is not None:
            out.append(fac(text, f.start, f.end, other, f.confidence))  # "the Tasfirat prison in Baghdad's Rusafa
            continue  # district", `سجن (التسفيرات) بمنطقة الرصافة`: the far known site of that district (rule 27c)
        before = None
        if at is None and not arabic and (bm := _TOWN_BEFORE_RE.search(text, max(0, f.start - 4), f.start)) is not None:
            before = at = ends.get(bm.start())  # "the Mosul Tasfirat prison": the town before the name
        ents = [gaz.entries[q[1]] for q in at.payloads if q[0] == "place"] if at is not None else []
        if ents and arabic and at is not None and gaz.place_rules is not None \
                and common_word(text, at, places_c, gaz.place_rules):
            ents = []  # `مخيم الخازر في حديثه لوكالتنا`: "in his speech", no Haditha (rule 14)
        town = fold(text[at.start : at.end]) if at is not None else ""
        if not ents or any(e.kind not in _TOWN_KINDS or e.lat is None or e.lon is None
                           or _km(flat, flon, e.lat, e.lon) <= 100.0 for e in ents) \
                or (town and town in fold(f.admin1 or "")) or any(_capital_of(e, f.admin1) for e in ents):
            out.append(f)
            continue
        words = [(w.start(), w.end()) for w in _NAME_WORD_RE.finditer(text, f.start, f.end)]
        named = [w for w in words if fold(text[w[0] : w[1]]) not in _HEAD_WORDS]
        if not named:
            out.append(f)
            continue
        ns, ne = (before.start if before is not None else named[0][0]), named[-1][1]
        far = open_fac(text, OpenFacility(min(f.start, ns), f.end, f.kind, text[ns:ne], ns, ne), places_c, gaz)
        out.append(far)
        moved.setdefault(f.id, set()).add(far.id)
    if moved:
        out = _moved_named_again(out, moved, places_c, gaz)
    return out


def _far_town_after_word(text: str, f: FacilityMention, at: Cand, places_c: list[Cand],
                         gaz: Gazetteer) -> FacilityMention | None:
    """A known site's word-like core written without its article, then right after it a town over 100 km from the
    site (not its governorate's name, not the seat of it): another site of that common name in that town, open world
    (`سجن تسفيرات تكريت`, `سجن "تسفيرات" تكريت` are Tikrit's transit prison, as `بتسفيرات الموصل` is Mosul's; the
    site's own town keeps it: `تسفيرات كركوك`, rule 27c). Rule 33r."""
    e = gaz.entries.get(f.id)
    if e is None or not e.words or e.lat is None or e.lon is None:
        return None
    ws = text.rfind(" ", f.start, f.end) + 1
    word = text[ws : f.end].strip("\"«»“”'")
    if not word or word[:2] == "ال" or "ال" + fold(word) not in e.words:
        return None
    town = fold(text[at.start : at.end])
    ents = [gaz.entries[q[1]] for q in at.payloads if q[0] == "place"]
    if not ents or (gaz.place_rules is not None and common_word(text, at, places_c, gaz.place_rules)):
        return None
    if any(x.kind not in _TOWN_KINDS or x.lat is None or x.lon is None or _km(e.lat, e.lon, x.lat, x.lon) <= 100.0
           for x in ents) or town in fold(e.admin1 or "") or any(_capital_of(x, e.admin1) for x in ents):
        return None
    ns = ws + (len(text[ws : f.end]) - len(text[ws : f.end].lstrip("\"«»“”'")))
    return open_fac(text, OpenFacility(f.start, at.end, f.kind, f"{word} {text[at.start : at.end]}", ns, at.end),
                    places_c, gaz)


def _moved_named_again(facilities: list[FacilityMention], moved: dict[str, set[str]], places_c: list[Cand],
                       gaz: Gazetteer) -> list[FacilityMention]:
    """Where the text puts a known site's name in a far town (another site of that name, open world: rules 26w, 27c,
    33r), its other mentions of that name with no town of their own are that far site too (`سجن تسفيرات تكريت ...
    عدد الفارين من سجن التسفيرات`), unless the text also names a place within 100 km of the known site or its
    governorate (then it speaks of both) or puts the name in two far towns. Rule 33r."""
    remap: dict[str, str] = {}
    first: dict[str, FacilityMention] = {}  # (each far open site's first mention, in text order)
    for f in facilities:
        first.setdefault(f.id, f)
    for kid, opens in moved.items():
        e = gaz.entries.get(kid)
        if e is None or e.lat is None or e.lon is None or any(o not in first for o in opens):
            continue
        if len(opens) > 1:  # (`سجن تسفيرات تكريت ... سجن تسفيرات بمدينة تكريت`: two readings, one far town)
            if len({(first[o].lat, first[o].lon) for o in opens}) != 1 or first[min(opens)].lat is None:
                continue
            to = min(opens, key=lambda o: first[o].start)
            for o in opens:
                if o != to:
                    remap[o] = to
            opens = {to}
        gov = fold(e.admin1 or "")
        near = False
        for c in places_c:
            for q in c.payloads:
                if q[0] != "place":
                    continue
                x = gaz.entries[q[1]]
                if (x.lat is not None and x.lon is not None and _km(e.lat, e.lon, x.lat, x.lon) <= 100.0) \
                        or (gov and fold(x.canonical or "") == gov):
                    near = True
                    break
            if near:
                break
        if not near:
            remap[kid] = next(iter(opens))
    if not remap:
        return facilities
    by_id = {f.id: first[f.id] for f in facilities if f.id in remap.values()}
    out = []
    for f in facilities:
        target = remap.get(f.id)
        if target is not None and target in by_id:
            site = by_id[target]
            f = f.model_copy(update={"id": site.id, "canonical": site.canonical, "country": site.country,
                                     "lat": site.lat, "lon": site.lon, "admin1": site.admin1,
                                     "confidence": site.confidence})
        out.append(f)
    return out


# "Damascus Airport Prison" in a headline over a body that names a known airport prison within 30 km of that city
# (Mezzeh military airport): the same prison, no second, open-world one (prec22en survey, rule 26w)
_CITY_AIRPORT_RE = re.compile(r"([A-Z][\w'’-]+)[ \u00a0]+(?:International[ \u00a0]+)?(?:Airport|airport|AIRPORT)\b")


def _city_airport_prison(text: str, facilities: list[FacilityMention], places_c: list[Cand],
                         gaz: Gazetteer) -> list[FacilityMention]:
    airports = [g for g in facilities if g.id[:5] != "open:" and g.kind == "prison" and g.lat is not None
                and g.lon is not None and "airport" in fold(g.canonical)]
    if not airports:
        return facilities
    out = []
    for f in facilities:
        m = _CITY_AIRPORT_RE.match(f.surface) if f.id[:5] == "open:" and f.kind == "prison" else None
        if m is not None:
            at, to = f.start + m.start(1), f.start + m.end(1)
            ents = [gaz.entries[q[1]] for c in places_c if c.start == at and c.end == to
                    for q in c.payloads if q[0] == "place"]
            if any(e.kind in _TOWN_KINDS and e.lat is not None and e.lon is not None and g.lat is not None
                   and g.lon is not None and _km(e.lat, e.lon, g.lat, g.lon) <= 30.0 for e in ents for g in airports):
                continue
        out.append(f)
    return out


# `معسكر` or `قاعدة` and one word of five letters or more (a proclitic before the head)
_BASE_HEAD_WORD_RE = re.compile(r"(?<![\u0621-\u064a])[وبلف]?(?:ال)?(?:معسكر|قاعدة|قاعده)\s+([\u0621-\u064a]{5,})"
                                r"(?![\u0621-\u064a])")
_DETENTION_TYPES = frozenset(("detention_centre", "detention_camp"))


_BASE_CORE_RE = re.compile("معسكر|قاعدة|قاعده")
_BASE_CORES = ("معسكر", "قاعدة", "قاعده")


def _base_core_starts(text: str) -> list[int]:
    """[m.start() for m in _BASE_CORE_RE.finditer(text)]: each word's str.find (C speed; the alternation, no literal
    prefix to skip to, was tried at every character of the text, ~35 us on a 3 KB Arabic article). Their matches never
    overlap (no word's end is another's start, or its own), so finditer's are every occurrence of each, in order."""
    out: list[int] = []
    for w in _BASE_CORES:
        i = text.find(w)
        while i != -1:
            out.append(i)
            i = text.find(w, i + 5)
    if len(out) > 1:
        out.sort()
    return out


def _base_head_words(text: str) -> Iterator[re.Match[str]]:
    """_BASE_HEAD_WORD_RE.finditer(text), tried only at its words: a match opens at most three letters before one
    (a conjunction or preposition, then the article), so each word's leftmost start is tried from there (a whole-text
    search of the pattern, a lookbehind first, tried every character)."""
    last = 0
    for k in _base_core_starts(text):
        for p in range(max(last, k - 3), k + 1):
            m = _BASE_HEAD_WORD_RE.match(text, p)
            if m is not None:
                yield m
                last = m.end()
                break


def _base_head_variants(text: str, covered: bytearray, gaz: Gazetteer) -> list[FacilityMention]:
    """`معسكر X` / `قاعدة X` where X, unknown, spells a known detention site's name with a letter more or other
    vowels (`معسكر غوانتانانمو`): that site, as its exact name there is. A base's own name is in non_facilities and no
    detention site's; `قاعدة X` is then kept only where detainees are spoken of (_base_named; rule 27x)."""
    out: list[FacilityMention] = []
    for m in _base_head_words(text):
        s, e_ = m.start(1), m.end(1)
        if inside(s, e_, covered):
            continue
        word = m.group(1)
        for kind in ("prison", "camp"):
            e = variant_of(word, kind, gaz)
            if e is not None and e.type in _DETENTION_TYPES:
                out.append(fac(text, s, e_, e, 0.7))
                break
    return out


# `قاعدة` ("the base of") right before a known facility's bare name, and a prison head before that (rule 25q)
_BASE_OF_RE = re.compile(r"(?:^|[\s\"«“(])(?:و|ب|ل|في\s+)?قاعد[ةه]\s*$")
_PRISON_OF_BASE_RE = re.compile(r"(?:معتقل|سجن|مركز\s+احتجاز|مركز\s+اعتقال)\s+قاعد[ةه]\s*$")


def _open_listed(f: FacilityMention, gaz: Gazetteer) -> bool:
    """A facility reported open-world: an unknown name, or an entry marked `open_world` (rule 24m)."""
    if f.id[:5] == "open:":
        return True
    e = gaz.entries.get(f.id)
    return e is not None and bool(e.open_name)


# detainees, their trials and their release in the sentence of `قاعدة X` (rule 27x)
_DETAINEES_AR_RE = re.compile(r"معتقل|محتجز|سجين|سجناء|أسرى|اسرى|محاكم|احتجاز|اعتقال|الإفراج|الافراج")
_SENTENCE_END_RE = re.compile(r"[.!؟?\n]")


def _detainees_around(text: str, start: int, end: int) -> bool:
    lo0 = max(0, start - 200)
    lo = max((m.end() for m in _SENTENCE_END_RE.finditer(text, lo0, start)), default=lo0)
    m = _SENTENCE_END_RE.search(text, end, end + 200)
    return _DETAINEES_AR_RE.search(text, lo, m.start() if m else min(len(text), end + 200)) is not None


def _base_named(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """A known facility's bare name right after `قاعدة` is the military base of that name (README rule 2: a
    base is no facility; `أجّرت كوبا قاعدة غوانتانامو`), unless a prison head stands before `قاعدة`: then the
    whole is the prison (`معتقل قاعدة غوانتانامو`), one facility, the known one, and no unknown prison named
    `قاعدة` (rule 25q). Facilities are in text order."""
    drop: set[int] = set()
    for i, f in enumerate(facilities):
        if f.id.startswith("open:"):
            continue
        before = text[max(0, f.start - 30) : f.start]
        if _BASE_OF_RE.search(before) is None:
            continue
        if _PRISON_OF_BASE_RE.search(before) is None:
            if not _detainees_around(text, f.start, f.end):
                drop.add(i)  # the base
            continue  # (`يحاكم المعتقلون في قاعدة غوانتانامو`: where detainees are held and tried, the site; rule 27x)
        base_at = f.start - len(before) + before.rfind("قاعد")
        drop.update(j for j, g in enumerate(facilities)
                    if j != i and g.id.startswith("open:") and g.start < base_at < g.end <= f.start)
    if not drop:
        return facilities
    return [f for i, f in enumerate(facilities) if i not in drop]


# "the US naval base at Guantanamo Bay", "Naval Station Guantanamo Bay", "the Guantanamo Bay naval base": the base
# (rule 2), unless its sentence speaks of people held there, as `قاعدة غوانتانامو` (rule 27x; fix24, rule 27e)
_BASE_BEFORE_EN_RE = re.compile(r"\b(?:base|station)[ \u00a0]+(?:at|in|on)[ \u00a0]+(?:the[ \u00a0]+)?$|"
                                r"\bNaval[ \u00a0]+Station[ \u00a0]+$", re.IGNORECASE)
_BASE_AFTER_EN_RE = re.compile(r"(?:['’]s)?[ \u00a0]+(?:(?:US|U\.S\.|American|naval|navy|military)[ \u00a0]+)?"
                               r"(?:naval[ \u00a0]+)?(?:base|station)\b", re.IGNORECASE)
_DETAINEES_EN_RE = re.compile(r"\b(?:detain\w*|detention|prisoners?|inmates?|held|hold(?:s|ing)?|custody|jail\w*|"
                              r"prisons?|trials?|tribunals?|commissions?|charged|charges|captives?|transferr?\w*|"
                              r"releas\w*|repatriat\w*|resettl\w*|war[ \u00a0]+on[ \u00a0]+terror|9/11|"
                              r"Camp[ \u00a0]+(?:Delta|X-Ray|Echo|Iguana|[0-9]))\b", re.IGNORECASE)
_SENTENCE_END_EN_RE = re.compile(r"(?<![A-Z])[.!?](?=[\s\"”’]|$)|\n")


def _base_named_en(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """A known facility named as the base it stands in ("the naval base at Guantanamo Bay") in a sentence that speaks
    of no one held there: the base, no facility (README rule 2; English twin of _base_named)."""
    keep: list[FacilityMention] = []
    for f in facilities:
        if f.id[:5] == "open:" or not (_BASE_BEFORE_EN_RE.search(text, max(0, f.start - 40), f.start)
                                       or _BASE_AFTER_EN_RE.match(text, f.end)):
            keep.append(f)
            continue
        lo0 = max(0, f.start - 300)
        lo = max((m.end() for m in _SENTENCE_END_EN_RE.finditer(text, lo0, f.start)), default=lo0)
        m = _SENTENCE_END_EN_RE.search(text, f.end, f.end + 300)
        if _DETAINEES_EN_RE.search(text, lo, m.start() if m else min(len(text), f.end + 300)) is not None:
            keep.append(f)
    return keep


# between a known facility and its other name: "known as" (`، المعروف أيضاً بـ"`, `، المسمى `, ", also known as ")
_KNOWN_AS_AFTER_RE = re.compile(r"[\s,،(]*(?:(?:ال)?(?:معروف|معروفه|معروفة|مسمى|مسماه|مسماة|ملقب|ملقبة)\s*"
                                r"(?:أيضاً|أيضا|ايضا|محلياً|محليا)?\s*(?:باسم|بـ|ب)?|(?:also\s+)?known\s+as(?:\s+the)?)"
                                r"\s*[\"«“']?\s*", re.IGNORECASE)
_PART_OF_BEFORE_RE = re.compile(r"\b(?:section|part|wing|block|area|annex|zone|phase)s?\s+(?:of|in|at)\s+(?:the\s+)?$|"
                                r"(?:قسم|القسم|جناح|الجناح|جزء|الجزء|ملحق|الملحق|منطقة|المنطقة)\s+(?:من|في)?\s*$",
                                re.IGNORECASE)


# a dual or plural head lists its names, joined or not (`مخيمي الهول روج`, "the Hol Roj camps"): no town before a camp
_LIST_HEAD_RE = re.compile(r"(?:مخيم|معسكر|سجن)(?:ي|ا|ات)(?![\u0621-\u064a])|مخيمات|معسكرات|سجون|\b(?:camps|prisons)\b",
                           re.IGNORECASE)


# between a known facility and an unknown name: "which is called", "known (locally) as" (folded: no vowel marks);
# also "and was named" (`وأُطلق عليه اسم`, `وسُمّي باسم`, `وتسميته باسم`: rule 25t), "formerly" (`المعروف سابقاً بـ`)
# and "among the locals" (`المعروف بين الأهالي باسم`): rule 25q
_CALLED_AFTER_RE = re.compile(r"[\s,،(]*(?:(?:الذي|التي|والذي|والتي|وهو|وهي)\s+)?(?:(?:كان\s+)?"
                              r"(?:يسمي|تسمي|يسمى|تسمى|ويسمي|وتسمي|يعرف|تعرف|ويعرف|وتعرف|عرف|وعرف)|(?:و|ثم\s+)?(?:سمي|سميت|(?:تمت\s+|جرت\s+)?"
                              r"تسميته|(?:تمت\s+|جرت\s+)?تسميتها)|(?:و|وقد\s+|الذي\s+|التي\s+)?(?:يطلق|اطلق|"
                              r"ويطلق)\s+(?:عليه|عليها)|و?(?:المعروف|المعروفه|المسمي|المسماه|الملقب))"
                              r"(?:\s+(?:محليا|حاليا|ايضا|كذلك|سابقا|قديما))?(?:\s+(?:بين|لدي|عند)\s+(?:ال)?\S+)?"
                              r"(?:\s+(?:سابقا|ايضا))?\s*(?:باسم|ب|بـ|اسم)?\s*[(\"«“]?\s*")
# a verb of naming before a facility whose other name follows it in quotes or brackets (`يسمي بعض الأهالي مخيم
# العريشة «مخيم السد»`, folded): rule 25q
_NAMING_VERB_BEFORE_RE = re.compile(r"(?:^|\s)(?:و|ف)?(?:يسمي|تسمي|يسمون|يطلق\S*\s+\S+\s+علي)(?:\s+\S+){0,3}\s*$")
_QUOTED_BETWEEN_RE = re.compile(r"\s*[«\"“(]\s*")


# (rule 30g) the capitalised words the second name's reading left out before it (a demonym or a generic word: "also
# known as the Afghan National Detention Facility" names "National Detention Facility"): words of that name, not a gap
_LEFT_WORDS = r"(?:(?-i:[A-Z])[\w'’-]*[ \u00a0]+){0,2}"


# English: "X camp, which locals also call Y camp", ", also called", ", locally known as", ", formerly named" (en20
# survey, rule 25s; the Arabic forms are _CALLED_AFTER_RE's)
_EN_CALLED_AFTER_RE = re.compile(
    r"[\s,(]*(?:(?:which|that)\s+(?:(?:the\s+)?[a-z]+\s+(?:[a-z]+\s+)?)?(?:also\s+|still\s+|sometimes\s+|often\s+)?"
    r"(?:call|calls|called|name|names|named|know\s+as|knew\s+as|lists?\s+as|listed\s+as)"
    r"|(?:which|that)\s+(?:is|was)\s+(?:also\s+|locally\s+|formerly\s+|once\s+|sometimes\s+)?(?:called|named|known\s+as)"
    r"|(?:which|that)\s+(?:also\s+|once\s+|long\s+|formerly\s+)?(?:went|goes|go)\s+by(?:\s+the\s+name(?:\s+of)?)?"
    r"|(?:also|locally|formerly|previously|once|sometimes|better|commonly|popularly|widely|officially|usually|often)"
    r"\s+(?:called|named|known\s+as|goes\s+by|went\s+by))"
    r"\s+(?:the\s+)?[\"“‘']?\s*" + _LEFT_WORDS)


# an appositive noun phrase between a facility and the clause that gives its other name ("Marmara Prison, the complex
# west of Istanbul that went by the name Silivri Prison"; rule 26k): no punctuation or quote inside it
_EN_APPOS_CALLED_RE = re.compile(r"[\s,]+(?:the|a|an)\s+[^,.;:()\"“”\n]{1,70}?" + _EN_CALLED_AFTER_RE.pattern)
_APPOS_GAP = 110
_SLASH_RE = re.compile(r"[ \u00a0]*/[ \u00a0]*")


def _other_names_of_open(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """Drop an unknown facility that names the facility before it again (rule 25q): the two of one kind within 40
    characters, "formerly known as" / "which was named" between (`_CALLED_AFTER_RE`, folded), or a verb of naming
    before the first and the second in quotes right after it (`يسمي الأهالي مخيم العريشة «مخيم السد»`)."""
    # (only the unknown names can go: they are found at C speed and read alone; the one kept before each is the
    # mention before it, or before the unknown ones dropped right before it)
    gone: set[int] = set()
    renamed: dict[str, str] = {}
    for i in compress(range(len(facilities)), map(_OPEN_ID, map(_ID, facilities))):
        j = i - 1
        while j in gone:
            j -= 1
        if j < 0:
            continue
        prev, f = facilities[j], facilities[i]
        if prev.kind == f.kind and 0 <= f.start - prev.end <= _APPOS_GAP and _other_name_of_prev(text, prev, f):
            gone.add(i)
            if f.id != prev.id:
                renamed[f.id] = renamed.get(prev.id, prev.id)
    if not gone:
        return list(facilities)
    kept = [f for i, f in enumerate(facilities) if i not in gone]
    if renamed:
        # (rule 30g) the other name's later mentions ("... better known as the Krome Detention Center. A man held at
        # Krome said"): the one facility's id, not a second unknown one
        kept = [f.model_copy(update={"id": renamed[f.id]}) if f.id in renamed else f for f in kept]
    return kept


def _other_name_of_prev(text: str, prev: FacilityMention, f: FacilityMention) -> bool:
    """The unknown `f`, of the kind of the mention kept before it and close after it, names it again (the tests of
    _other_names_of_open)."""
    between = text[prev.end : f.start]
    if f.start - prev.end <= 12 and _GLOSS_OPEN_RE.fullmatch(between) is not None \
            and _ARABIC_LETTER_RE.search(text, f.start, f.end) is not None \
            and _ARABIC_LETTER_RE.search(text, prev.start, prev.end) is None \
            and text[f.end : f.end + 3].lstrip(" \u00a0\"”»,").startswith(")"):
        return True  # "Talbieh Camp (مخيم الطالبية), nicknamed Student Camp": one camp (rule 27b)
    if _SLASH_RE.fullmatch(between) is not None and text.rfind("\n", 0, prev.start) \
            == text.rfind("\n", 0, f.start) and text[text.rfind("\n", 0, prev.start) + 1 : prev.start].strip() \
            in ("", "-", "*", "•"):
        return True  # a heading's names of one camp (`مخيم جرش / مخيم غزة`, `مخيم العائدين/ مخيم الرمل`: 28j)
    if (_CALLED_AFTER_RE.fullmatch(fold_text(between)) is not None
            or _EN_CALLED_AFTER_RE.fullmatch(between) is not None) \
            and _PART_BEFORE_RE.search(text, max(0, prev.start - 16), prev.start) is None:
        return True
    if 40 < f.start - prev.end <= _APPOS_GAP:
        # "Marmara Prison, the complex west of Istanbul that went by the name Silivri Prison"
        return _EN_APPOS_CALLED_RE.fullmatch(between) is not None \
            and _PART_BEFORE_RE.search(text, max(0, prev.start - 16), prev.start) is None
    if _QUOTED_BETWEEN_RE.fullmatch(between) is not None \
            and _NAMING_VERB_BEFORE_RE.search(fold_text(text[max(0, prev.start - 40) : prev.start])):
        return True
    # "Kobar Prison, formerly known as Cooper prison", "Silivri prison, now renamed Marmara Prison", "Adelabad
    # Prison, officially Shiraz Central Prison": one prison, two names (rule 25w)
    return _OTHER_NAME_EN_RE.fullmatch(between) is not None \
        and _PART_OF_BEFORE_RE.search(text, max(0, prev.start - 24), prev.start) is None


# a generic definite head of the kind right before "known as" (`المخيم المعروف أيضاً باسم "مخيم السد"`, `للمخيم`)
_GENERIC_HEAD_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وفب]?ال|[وف]?لل)(مخيم|سجن|معتقل)(?![\u0621-\u064a])")
_GENERIC_HEAD_KIND = {"مخيم": "camp", "سجن": "prison", "معتقل": "prison"}


def _called_after_generic(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """An unknown name after the generic head of its kind and "known as" is the other name of the facility of that
    kind the text named before (`غادرت 58 أسرة مخيم العريشة ... رئاسة المخيم المعروف كذلك باسم "مخيم السد"`: one
    camp, Areesha; core24ar, rule 27f); with no facility of the kind before it, it stays a facility of its own."""
    # (only the unknown names can go: they are found at C speed and read alone, against the mentions kept before)
    gone: set[int] = set()
    for i in compress(range(len(facilities)), map(_OPEN_ID, map(_ID, facilities))):
        f = facilities[i]
        kept = [g for k, g in enumerate(facilities[:i]) if k not in gone] if gone else facilities[:i]
        if any(g.kind == f.kind for g in kept):
            lo = max(0, f.start - 60)
            heads = list(_GENERIC_HEAD_AR_RE.finditer(text, lo, f.start))
            if heads:
                h = heads[-1]
                if _GENERIC_HEAD_KIND[h.group(1)] == f.kind \
                        and any(g.kind == f.kind and g.end <= h.start() for g in kept) \
                        and _CALLED_AFTER_RE.fullmatch(fold_text(text[h.end() : f.start])) is not None:
                    gone.add(i)
    if not gone:
        return list(facilities)
    return [f for i, f in enumerate(facilities) if i not in gone]


def _place_named_again(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """An unknown head and name that a known facility named in the same text is also called (`place_named`): that
    facility again (`مخيم جرش ... وهو يعرف محليًّا باسم مخيّم غزة`: Jerash camp, no camp in Gaza; rule 28j)."""
    table = _place_named_table(gaz)
    if not table:
        return facilities
    is_open = list(map(_OPEN_ID, map(_ID, facilities)))
    known = set(compress(map(_ID, facilities), map(not_, is_open)))
    out = list(facilities)
    if not known:
        return out
    for i in compress(range(len(facilities)), is_open):  # (the unknown names alone are read)
        f = facilities[i]
        cands = table.get((f.id.split(":", 2)[2].replace("-", " "), f.kind))
        ent = next((e for e in cands or () if e.id in known), None)
        if ent is not None:
            out[i] = fac(text, f.start, f.end, ent, f.confidence)
    return out


def _known_named_again(facilities: list[FacilityMention]) -> list[FacilityMention]:
    """An unknown name that an earlier mention of a known facility of its kind spelt out (the mention's words, or its
    last words after a head) is that facility named again: `مخيمي الهول والسد (العريشة)` gives the Dam camp its
    known identity by the brackets (rule 18b), so a later `مخيم السد` in the text is Areesha too, no second camp
    (core24ar, rule 27f)."""
    names: set[tuple[str, str]] = set()
    # (only the unknown names are walked, found at C speed; the known mentions before each are read when it asks, so
    # the known ones after the last unknown one are never read)
    is_open = list(map(_OPEN_ID, map(_ID, facilities)))
    read = 0  # (the known mentions before this index have been read)
    dropped: list[int] = []
    for i in compress(range(len(facilities)), is_open):
        if read < i:
            for g in compress(facilities[read:i], map(not_, is_open[read:i])):
                kind = g.kind
                names.update([(kind, k) for k in _suffix_slugs(g.surface)])
        read = i + 1
        f = facilities[i]
        if (f.kind, f.id.split(":", 2)[2]) in names:
            dropped.append(i)
    if not dropped:
        return list(facilities)
    gone = set(dropped)
    return [f for i, f in enumerate(facilities) if i not in gone]


def _suffix_slugs(surface: str) -> tuple[str, ...]:
    """The non-empty slugs of the surface's words from each word on (its last words after a head: _known_named_again),
    in order: a pure function of the surface, kept per surface (outlets write the same names again and again)."""
    got = _SUFFIX_SLUGS.get(surface)
    if got is None:
        words = surface.split()
        got = remember(_SUFFIX_SLUGS, surface, tuple(k for i in range(len(words))
                                                     if (k := slug(" ".join(words[i:]).strip(QUOTES + " ()")))))
    return got


_SUFFIX_SLUGS: dict[str, tuple[str, ...]] = facility_cache()


def _other_name_of_known(text: str, f: FacilityMention, by_end: list[tuple[int, int, FacilityMention]],
                         known_ends: list[int]) -> str | None:
    """The unknown name `f` follows a known facility of its kind and "known as" / "which is called" (either
    regex over the characters between): that facility's other name, whose id is returned (None when none). Not a
    part's own name ("a section of Azraq camp known as ‘Village 5’", `قسم من مخيم الأزرق يعرف باسم "القرية الخامسة"`:
    part_called)."""
    for e, _i, g in by_end[bisect_left(known_ends, f.start - 40) : bisect_right(known_ends, f.start)]:
        if g.kind == f.kind and (_KNOWN_AS_AFTER_RE.fullmatch(text, e, f.start) is not None
                                 or _OTHER_NAME_EN_RE.fullmatch(text, e, f.start) is not None
                                 or _CALLED_AFTER_RE.fullmatch(fold_text(text[e : f.start])) is not None
                                 or _EN_CALLED_AFTER_RE.fullmatch(text, e, f.start) is not None) \
                and _PART_OF_BEFORE_RE.search(text, max(0, g.start - 24), g.start) is None \
                and _PART_BEFORE_RE.search(text, max(0, g.start - 16), g.start) is None:
            return g.id
    return None


# (English) between a facility and its other name: "now renamed", "formerly known as", "also called", or a bare
# adverb of time or status before the second name (", formerly X prison", ", officially X Central Prison"); rule 25w
_OTHER_NAME_EN_RE = re.compile(r"(?:[ \u00a0]*\([^()\n]{1,40}\))?[ \u00a0]*[,(][ \u00a0]*"
                               r"(?:(?:sometimes|often|locally|commonly|officially)[ \u00a0]+(?=also\b))?"
                               r"(?:(?:now|later|since|formerly|previously|once|also|officially)"
                               r"(?:[ \u00a0]+(?:renamed|re-named|called|known[ \u00a0]+as|dubbed|named))?"
                               r"|(?:renamed|re-named|also[ \u00a0]+called|also[ \u00a0]+known[ \u00a0]+as"
                               r"|known[ \u00a0]+as)"
                               r"|(?:commonly|popularly|locally|widely|better|otherwise|informally|unofficially"
                               r"|colloquially|usually|often|sometimes)[ \u00a0]+(?:known[ \u00a0]+as|called"
                               r"|referred[ \u00a0]+to[ \u00a0]+as|dubbed|named)"
                               r"|known[ \u00a0]+locally[ \u00a0]+as|nicknamed|dubbed|a\.?k\.?a\.?)"
                               r"[ \u00a0]+(?:as[ \u00a0]+)?(?:the[ \u00a0]+)?[\"“‘']?" + _LEFT_WORDS, re.IGNORECASE)
# an Arabic-script name in brackets right after a Latin one, "Talbieh Camp (مخيم الطالبية)": the same facility's
# name in Arabic, no second facility (rule 27b)
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
_GLOSS_OPEN_RE = re.compile(r"[ \u00a0]*\((?:Arabic:[ \u00a0]*)?[\"“«]?", re.IGNORECASE)
_PART_BEFORE_RE = re.compile(r"(?:قسم|جزء|جناح|ركن|ملحق|section|part|wing|block|annex)\S*\s+(?:من|في|of|in)?\s*$",
                             re.IGNORECASE)


# a camp set up in a resort bears the resort's name (Habbaniyah Tourist City, `مدينة الحبانية السياحية`)
_RESORT_NAME_RE = re.compile(r"السياحي|السياحية|السياحيه|\bTourist\b|\bResort\b", re.IGNORECASE)


def _resort_name(text: str, s: int, end: int) -> bool:
    """_RESORT_NAME_RE.search(text, s, end) is not None, the pattern (case-blind, tried at every character) tried
    only in a span with `السياحي` or the "ou" of Tourist or the "or" of Resort in any case (re's IGNORECASE pairs o,
    r and u with their capitals only)."""
    span = text[s:end]
    if "السياحي" not in span:
        low = span.lower()
        if "ou" not in low and "or" not in low:
            return False
    return _RESORT_NAME_RE.search(text, s, end) is not None
# (not the resort's own adjective, `المدينة السياحية`, "Tourist City": a camp's name holds it, rule 25g)
_HOLIDAY_RE = re.compile(r"سياح(?![يى])|سائح|مصطاف|المصطاف|زوار|الزوار|الشاليهات|شاليهات|عطلة|"
                         r"\btourists?\b(?![ \u00a0]+city)|holiday|"
                         r"\bvisitors\b|chalets", re.IGNORECASE)
_UPROOTED_RE = re.compile(r"نازح|النزوح|نزوح|مهجر|لاجئ|عائلات|عوائل|\bdisplaced\b|\bIDPs?\b|refugees?|"
                          r"\bfamilies\b|\breturnees?\b", re.IGNORECASE)


# rule 32e: "the Yarmouk military camp", "Hamza army camp": a name right before these words is a base's (rule 2)
_MILITARY_CAMP_AFTER_EN_RE = re.compile(r"[ \u00a0]+(?:military|army|Military|Army)[ \u00a0]+(?:camps?|Camps?)\b")
# a text set in Libya, where "camp" (معسكر) is most often an armed force's barracks ("Yarmouk camp, south of Tripoli",
# "Al-Takbali camp", "Hamza Camp", "Naam Camp in Tajoura"): the country, its forces and leaders, towns no other
# country shares a name with (Zawiya, not Idlib's "Jabal al-Zawiya")
_LIBYA_EN_RE = re.compile(r"\b(?:Libyan?s?|LIBYA|Haft[ae]r|GNA|LNA|GNU|Misr?[au]ta|Benghazi|Zintan|Tarhuna|"
                          r"(?<!al-)(?<!el-)(?<!Jabal )(?<!Jebel )Zawiya|"
                          r"Janzour|Ain Zara|Radaa?|Deterrence Force|Dbeibah|Sarraj|Tajou?ra)\b")
# (perf) a literal each of _LIBYA_EN_RE's alternatives holds: none in the text, no match (str `in`, C speed)
_LIBYA_LITERALS = ("Liby", "LIBYA", "Haft", "GNA", "LNA", "GNU", "Mis", "Benghazi", "Zintan", "Tarhuna", "Zawiya",
                   "Janzour", "Ain Zara", "Rada", "Deterrence Force", "Dbeibah", "Sarraj", "Taj")
# words of people displaced, refugees or migrants: a camp of them, even in Libya (Tawergha's "Al-Falah camp for the
# displaced")
_UPROOTED_EN_RE = re.compile(r"\b(?:displaced|displacement|[Rr]efugees?|IDPs?|[Mm]igrants?|[Tt]awergha|[Tt]ents?|"
                             r"[Aa]sylum|[Ff]amilies|shelter(?:s|ed|ing)?)\b")


# rule 32e: words of elections and parties ("Zionist Camp 24 seats; Likud 20", "the National Unity camp party")
_PARTY_WORDS_EN_RE = re.compile(r"\b(?:seats|polls?|polling|Knesset|elections?|electoral|voters|Likud|mandates|slate|"
                                r"party[ \u00a0]+(?:leader|chairman|list)|list[ \u00a0]+leader|"
                                r"[Cc]amp[ \u00a0]+party)\b")


def _libya_text(text: str) -> bool:
    """_LIBYA_EN_RE.search(text) is not None, tried only where one of its alternatives can start: each of them opens
    on its literal in _LIBYA_LITERALS, so a match starts where one of them is found (str.find, C speed) and
    _LIBYA_EN_RE.match there (its \\b and look-behinds see the text before the position) is the same answer."""
    match = _LIBYA_EN_RE.match
    find = text.find
    for w in _LIBYA_LITERALS:
        k = find(w)
        while k >= 0:
            if match(text, k) is not None:
                return True
            k = find(w, k + 1)
    return False


def _party_camp(text: str, s: int, e: int) -> bool:
    """An open-world camp's sentence (at most 240 characters either side) speaks of elections or parties and of no
    displaced people, refugees or migrants: "Camp" is the head of a party's name (Israel's "Zionist Camp", "State
    Camp", "National Unity camp party"), no camp (rule 32e)."""
    lo = max(text.rfind(". ", max(0, s - 240), s), text.rfind("\n", max(0, s - 240), s), max(0, s - 240))
    hi = min(e + 240, len(text))
    for stop in (". ", "\n"):
        k = text.find(stop, e, hi)
        if k >= 0:
            hi = k
    window = text[lo:hi]
    return _PARTY_WORDS_EN_RE.search(window) is not None and _UPROOTED_EN_RE.search(window) is None


def _military_camps_en(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """English camps that are an army's or a party's (rule 32e, rule 16's English twin): a camp's name right before
    "military camp" or "army camp"; an open-world camp in a sentence of elections or parties (_party_camp); and in
    a text set in Libya (_LIBYA_EN_RE) that speaks of no displaced people, refugees or
    migrants (_UPROOTED_EN_RE), any camp the gazetteer does not place in Libya (an open-world name, or another
    country's camp of the same name: "the Yarmouk camp, south of Tripoli" is no Syrian camp). Prisons are kept."""
    camps = [f for f in facilities if f.kind == "camp"]
    if not camps:
        return facilities
    libya: bool | None = None
    drop: set[int] = set()
    parties: set[str] = set()  # (a party's name read once is the party's wherever the text names it again)
    for i, f in enumerate(facilities):
        if f.kind != "camp":
            continue
        if _MILITARY_CAMP_AFTER_EN_RE.match(text, f.end) is not None:
            drop.add(i)
            continue
        if f.id.startswith("open:") and (f.id in parties or _party_camp(text, f.start, f.end)):
            drop.add(i)
            parties.add(f.id)
            continue
        if libya is None:
            libya = _libya_text(text) and _UPROOTED_EN_RE.search(text) is None
        if not libya:
            continue
        e = None if f.id.startswith("open:") else gaz.entries.get(f.id)
        if e is None or e.country != "LY":
            drop.add(i)
    if not drop:
        return facilities
    return [f for i, f in enumerate(facilities) if i not in drop and f.id not in parties]


def _holiday_text(text: str) -> bool:
    """The text speaks of tourists or holiday-makers and of no displaced people or families."""
    return _HOLIDAY_RE.search(text) is not None and _UPROOTED_RE.search(text) is None


def _town_qualified(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """`مخيم القيارة جدعة 5`, "Qayyarah Jeddah 5 camp": a known camp's name right before another known camp's name
    (one space between, no conjunction or comma) is the town that camp stands in, not a camp of its own: one
    facility, the second, over both names (rule 24o). Facilities are in text order."""
    # (the cheap test first: most texts hold no mention that starts one character after the one before it ends)
    ends = [f.end for f in facilities]
    if not any(f.start == ends[i] + 1 for i, f in enumerate(facilities[1:])):
        return list(facilities)
    out: list[FacilityMention] = []
    skip = -1
    for i, f in enumerate(facilities):
        if i == skip:
            continue
        g = facilities[i + 1] if i + 1 < len(facilities) else None
        if g is not None and g.start == f.end + 1 and text[f.end] == " " and f.kind == "camp" == g.kind \
                and f.id != g.id and not f.id.startswith("open:") and not g.id.startswith("open:") \
                and _LIST_HEAD_RE.search(text, f.start, g.end) is None:
            out.append(g.model_copy(update={"start": f.start, "surface": text[f.start : g.end]}))
            skip = i + 1
            continue
        out.append(f)
    return out


_DIGIT_RE = re.compile(r"[A-Za-z][ \u00a0]+[0-9]")
# a space or a no-break space right before a digit: `[ \u00a0][0-9]`'s matches, one pattern for each of the two (a
# pattern opening with a literal is skipped to at C speed, one opening with a class tests every character against it)
_SPACE_DIGIT_RES = (re.compile(" [0-9]"), re.compile("\u00a0[0-9]"))


def _letter_spaces_digit(text: str) -> bool:
    """_DIGIT_RE.search(text) is not None, looked for from the spaces before a digit (the regex tries every
    letter of an English text): each space right before a digit, back over its run of spaces, to a letter."""
    for m in (m for rx in _SPACE_DIGIT_RES for m in rx.finditer(text)):
        i = m.start()
        while i > 0 and text[i - 1] in " \u00a0":
            i -= 1
        if i > 0 and ("a" <= text[i - 1] <= "z" or "A" <= text[i - 1] <= "Z"):
            return True
    return False
_PLURAL_OPEN = frozenset(("سجون", "مخيم", "معتق", "بسجو", "وسجو", "لسجو"))  # (the first letters: a cheap gate)
_PLURAL_AR_HEADS = frozenset(("سجون", "مخيمات", "معتقلات"))
# words that name a region of a country, not a facility: `سجون النقب والجنوب`, `مخيمات الشمال والساحل`
_REGION_WORDS_AR = frozenset(("الجنوب", "الشمال", "الشرق", "الغرب", "الوسط", "الساحل", "الجليل", "المثلث", "الضفه",
                              "القطاع", "الداخل", "البلاد", "المحافظات", "الاقليم", "المنطقه", "الصحراء"))
_AND_WORD_RE = re.compile(r"[ \u00a0]*(?:و[ \u00a0]*)?([\u0621-\u064a\u0640]+)")


_NICK_PLACE_KINDS = frozenset(("city", "town", "admin1", "country", "region"))


def _nickname(text: str, c: Cand, ce: Entry, places: list[Cand], cores: list[Cand], gaz: Gazetteer) -> int:
    """`«صيدنايا الرقة»`: a notorious facility's name and, together with it in quotes, the name of a place far from
    it are another prison's nickname ("the Sednaya of Raqqa"); neither is a known facility. The end of the nickname,
    else 0. (The caller has seen the quote before the name; `«الحوت الناصرية»` names the prison and its town.)"""
    e = c.end
    if text[e : e + 1] != " ":
        return 0
    if text[e : e + 4] == " of ":
        e += 3  # "the Saydnaya of Raqqa" (rule 25f)
    nxt = next((p for p in (*places, *cores) if p.start == e + 1), None)
    if nxt is None or text[nxt.end : nxt.end + 1] not in QUOTES:
        return 0
    where = best_entry(text, nxt, gaz)
    if ce.lat is None or ce.lon is None or where.lat is None or where.lon is None:
        return 0
    far = abs(ce.lat - where.lat) + abs(ce.lon - where.lon) > 0.5  # (degrees: some 50 km and more)
    return nxt.end if far else 0


_SENTENCE_END_RE = re.compile(r"[.!?؟]\s")
_WHERE_AR_RE = re.compile(r"\s+(?:(?:في|قرب|بالقرب من|جنوب|شمال|شرق|غرب|جنوبي|شمالي|شرقي|غربي|وسط)\s+|[بو]?)")


def _training_camp(text: str, start: int, end: int) -> bool:
    """`معسكر X` with training or recruits around it and no displaced people (`تدريبات`, `مجندو`): a training camp
    bearing a known camp's name (`معسكر الكرامة الثالث` of Sudan's civil-service recruits; rule 22f for known names)."""
    return _TRAINING_NEAR_RE.search(text, max(0, start - 120), end + 120) is not None \
        and _DISPLACED_WORD_RE.search(text, max(0, start - 160), end + 160) is None


def _base_elsewhere(text: str, end: int, e: Entry, places: list[Cand], gaz: Gazetteer) -> bool:
    """A place of another country right after `معسكر X` (`معسكر اليرموك جنوب طرابلس`, `معسكر النصر في بنغازي`) makes
    X a military camp there (rule 16), not the known camp of that name."""
    m = _WHERE_AR_RE.match(text, end)
    if m is None:
        return False
    for c in places:
        if c.start == m.end():
            other = gaz.entries.get(c.payloads[0][1])
            return other is not None and bool(other.country) and bool(e.country) and other.country != e.country
    return False


def _plural_over_regions(text: str, start: int, end: int) -> bool:
    """A plural head's known name coordinated with a region's word (`سجون النقب والجنوب`, "the prisons of the Negev
    and the south"): the prisons or camps of regions (README rule 17), not the facility the name alone would be."""
    if text[end : end + 2].strip()[:1] not in ("و", ""):
        return False  # (the cheap test first: most names are followed by no `و`)
    first = fold(text[start:end].split()[0])
    if first[:1] in "وبلف" and first[1:] in _PLURAL_AR_HEADS:
        first = first[1:]
    if first not in _PLURAL_AR_HEADS:
        return False
    m = _AND_WORD_RE.match(text, end)
    if m is None or not text[end : m.start(1)].replace(" ", "").replace("\u00a0", "").startswith("و"):
        return False
    return fold(m.group(1)) in _REGION_WORDS_AR


_AND_NAME_AFTER_RE = re.compile(r"\s*(?:،\s*)?و(?=[\u0621-\u064a]{2})")


def _plural_over_city(text: str, start: int, end: int, e: Entry, gaz: Gazetteer) -> Cand | None:
    """A plural prison head over the name of a city of 100,000 or more that a central prison is known by (`فتح باب
    الزيارات لسجون الرقة`, "visits to Raqqa's prisons"): the city's prisons (README rule 17), not the one the singular
    `سجن الرقة` names (s25 mine25ar, rule 28a). Camps (`مخيمات الهول`, the camp's sectors) and smaller towns' prisons
    (`سجون تدمر`) keep the facility."""
    if e.kind != "prison" or "central" not in (e.canonical or "").lower():
        return None
    words = text[start:end].split()
    first = fold(words[0])
    if first[:1] in "وبلف" and first[1:] in _PLURAL_AR_HEADS:
        first = first[1:]
    if first not in ("سجون", "معتقلات") or len(words) < 2 or _AND_NAME_AFTER_RE.match(text, end) is not None:
        return None  # (`سجون الناصرية والبصرة`: a list of two cities' prisons, each read as named; rule 23d)
    node: Any = gaz.trie.root
    for tok in words[1:]:  # (the name after the head, as the trie keys it)
        node = node.get(fold(tok)) if isinstance(node, dict) else None
    pls = next((pl[1] for pl in (node.get(PAYLOAD, ()) or () if isinstance(node, dict) else ()) if pl[0] == "place"),
               None)
    if pls is None or not any(gaz.entries[q[1]].kind == "city" and gaz.entries[q[1]].population >= 100_000
                              for q in pls):
        return None
    name_start = text.index(words[1], start + len(words[0]))
    return Cand(name_start, end, "place", pls, len(words) - 1)


def _indefinite_city_prison(text: str, f: FacilityMention, gaz: Gazetteer) -> bool:
    """"held in a Raqqa prison", "from a Hasakah prison": some prison or camp in that city, not the one the
    gazetteer knows by the city's name (the city's name and a head word after the indefinite article)."""
    if f.id[:5] == "open:":
        return False
    first = _CITY_HEAD_FIRST.get(f.surface)  # (the name and its head first: most mentions are no two words ending in
    if first is None:  # one; a pure function of the surface, kept per surface)
        words = f.surface.split()
        first = remember(_CITY_HEAD_FIRST, f.surface,
                         fold(words[0]) if len(words) == 2 and fold(words[1]) in _EN_HEADS else False)
    if first is False or _INDEFINITE_BEFORE_RE.search(text, max(0, f.start - 9), f.start) is None:
        return False
    node = gaz.trie.root.get(first)
    return node is not None and any(p[0] == "place" for p in node.get(PAYLOAD, ()) or ())


# surface -> the folded first of its two words when the second is an English head word ("Raqqa prison"), else False
_CITY_HEAD_FIRST: dict[str, str | bool] = facility_cache()


# "a new camp it is building in Khan Younis", `مخيم جديد في خان يونس`: a camp set up in the town now (rule 27d)
_NEW_CAMP_IN_RE = re.compile(r"(?:\bnew[ \u00a0]+(?:[a-z]+[ \u00a0]+)?camp|مخيما?ً?[ \u00a0]+جديدا?ً?)[^.!?؟\n]{0,80}?"
                             r"(?:\b(?:in|at)[ \u00a0]+|(?<![\u0621-\u064a])(?:في|ب)[ \u00a0]*)"
                             r"(?P<name>[^\s.,،؛]+)", re.IGNORECASE)


# (where _NEW_CAMP_IN_RE can match: "new" in any case, `مخيم`; its IGNORECASE branch makes re try it at every character)
_NEW_CAMP_SCOUTS = (scout_caseless(["new"]), (re.compile("مخيم"), 0))


def _new_camp_names(text: str) -> set[str]:
    """The folded first words of the towns the text sets up a new camp in (_NEW_CAMP_IN_RE's names; its finditer,
    tried where a scout finds its first word)."""
    return {fold(m.group("name")) for m in match_starts(_NEW_CAMP_IN_RE, _NEW_CAMP_SCOUTS, text)}


def _new_camp_in_town(f: FacilityMention, gaz: Gazetteer, new_in: set[str]) -> bool:
    """"First Stage Of Khan Younis Refugee Camp Finished ... a new camp it is building in Khan Younis": where the
    text sets up a new camp in a town whose name a known camp bears (`town_name`, rule 27d), a head and that name
    are the new camp, not the known one (labelled no facility, as a town's camp is). new_in: _new_camp_names."""
    if not new_in or f.id.startswith("open:") or not gaz.entries[f.id].town_name:
        return False
    return not new_in.isdisjoint(fold(w) for w in f.surface.split())


_EN_HEADS = frozenset(("prison", "jail", "camp"))
_AR_CITY_HEADS = frozenset(fold(w) for w in ("سجن", "معتقل", "مخيم"))


def _city_named(f: FacilityMention, gaz: Gazetteer) -> bool:
    """The facility is named by a city's name and a head word alone ("Raqqa prison", `سجن الرقة`; not "Raqqa
    central prison", not a name no place bears)."""
    words = f.surface.split()
    if len(words) != 2:
        return False
    first, second = fold(words[0]), fold(words[1])
    name = first if second in _EN_HEADS else second if first in _AR_CITY_HEADS else None
    node = gaz.trie.root.get(name) if name else None
    return isinstance(node, dict) and any(p[0] == "place" for p in node.get(PAYLOAD, ()) or ())


def _headline_city_prison(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """A headline's prison or camp named by its city ("Syrian army moves SDF out of Raqqa prison") over a body that
    names a known facility of the same kind by its own name within 15 km of it ("al-Aqtan Prison", on Raqqa's edge)
    is that facility, the body's, no second one (rule 25x); a body that names the city's prison too keeps it."""
    line = text.find("\n")
    # (only a headline's mention (ending by the line break) can go: those are found at C speed, and the annex is
    # asked of them alone; a body's mention is kept)
    in_headline = list(map(line.__ge__, map(_END, facilities)))
    gone: set[int] = set()
    for i in compress(range(len(facilities)), in_headline):
        f = facilities[i]
        annex = _annexes(gaz).get(f.id) if f.id[:5] != "open:" else None
        if f.id[:5] != "open:" and f.lat is not None and f.lon is not None \
                and _city_named(f, gaz) and not any(g.id == f.id and g.start > line for g in facilities) \
                and any(g.id != f.id and g.id != annex and g.id[:5] != "open:" and g.kind == f.kind and g.start > line
                        and g.lat is not None and g.lon is not None and not _city_named(g, gaz)
                        and _km(f.lat, f.lon, g.lat, g.lon) <= 15.0 for g in facilities):
            gone.add(i)
    if not gone:
        return list(facilities)
    return [f for i, f in enumerate(facilities) if i not in gone]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """An equirectangular distance, ample at the 15 km of _headline_city_prison."""
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, (lat2 - lat1) * 110.57)


_NAME_WORD_RE = re.compile(r"[\w'’-]+")
_OPEN_NAMES: dict[tuple[str, str], str] = facility_cache()  # (surface, id) -> the name in it ("" when none)


def _name_in(surface: str, fid: str) -> str:
    """The words of an open-world facility's surface whose slug is its id's ("Evin" in "Evin prison")."""
    got = _OPEN_NAMES.get((surface, fid))
    if got is None:
        want = fid.split(":", 2)[2]
        words = [m.span() for m in _NAME_WORD_RE.finditer(surface)]
        got = remember(_OPEN_NAMES, (surface, fid), next(
            (surface[words[i][0] : words[j][1]] for i in range(len(words)) for j in range(i, min(i + 3, len(words)))
             if slug(surface[words[i][0] : words[j][1]]) == want), ""))
    return got


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def _open_named_again(text: str, facilities: list[FacilityMention], covered: bytearray, places_c: list[Cand],
                      gaz: Gazetteer) -> list[FacilityMention]:
    """A facility no catalogue holds, named with its head, then by its name alone later in the text ("Evin
    prison ... conditions in Evin", `سجن إيفين ... تحتجز في إيفين`): the same facility (the bare known names'
    coreference, for the open world). A name a place bears there, a common word, or a lower-case English word
    is not read again. (str.find, then the word's edges by hand: an Arabic name may carry up to two of و ف ب ل.)"""
    out: list[FacilityMention] = []
    place_starts: set[int] | None = None
    common = _common_words(gaz)
    # (one scan per name, from its first mention's end: a name named a thousand times is not re-read a thousand times)
    first: dict[str, FacilityMention] = {}
    for f in facilities:
        if f.id[:5] == "open:" and ((g := first.get(f.id)) is None or f.end < g.end):
            first[f.id] = f
    todo = [(f, name) for f in first.values() if len(name := _name_in(f.surface, f.id)) >= 4
            and not (name.isascii() and not name[:1].isupper()) and fold(name) not in common]
    grams = _grams(text, {name[:4] for _f, name in todo}) if len(todo) > _GRAMS_FROM else None
    for f, name in todo:
        latin = name.isascii()
        n = len(name)
        for s in [*_before_named(text, name, f.start, latin), *_finds(text, name, f.end, grams)]:
            e = s + n
            b = s
            if not latin:
                while b > s - 2 and b > 0 and text[b - 1] in "وفبل":
                    b -= 1
            if (b == 0 or not _word_char(text[b - 1])) and (e == len(text) or not _word_char(text[e])) \
                    and not inside(s, e, covered):
                if place_starts is None:
                    place_starts = {c.start for c in places_c}
                if s not in place_starts:
                    out.append(f.model_copy(update={"surface": name, "start": s, "end": e, "confidence": 0.6}))
                    covered[s:e] = b"\x01" * (e - s)
    return out


_GRAMS_FROM = 64  # names to look for again: above this many, one pass over the text finds where each may stand

# an English preposition of place right before a bare name read before its head ("a disturbance at Belmarsh ...
# Belmarsh prison holds"): the facility named later with its head (en19b survey, rule 25p)
_PLACE_PREP_BEFORE_RE = re.compile(r"\b(?:at|in|into|to|from|inside|outside|of)[ \u00a0]+$")


def _before_named(text: str, name: str, end: int, latin: bool) -> list[int]:
    """Where an open-world Latin name stands bare after a preposition of place before its first mention with a head
    (a headline's or lead's "Riot at Belmarsh" before "Belmarsh prison"): the same facility, as it is after it."""
    if not latin or text.find(name, 0, end) < 0:
        return []
    out: list[int] = []
    s = text.find(name, 0, end)
    while 0 <= s and s + len(name) <= end:
        if _PLACE_PREP_BEFORE_RE.search(text, max(0, s - 12), s) is not None:
            out.append(s)
        s = text.find(name, s + len(name), end)
    return out


def _grams(text: str, keys: set[str]) -> dict[str, list[int]]:
    """Every position of each key (four characters) in the text, in order."""
    at: dict[str, list[int]] = {k: [] for k in keys}
    get = at.get
    for p in range(len(text) - 3):
        ps = get(text[p : p + 4])
        if ps is not None:
            ps.append(p)
    return at


def _finds(text: str, name: str, start: int, grams: dict[str, list[int]] | None) -> Iterator[int]:
    """text.find(name, start), then text.find(name, the end of the last): each occurrence after the one before it.
    With `grams` (where each name's first four characters stand) the text is not scanned whole once per name."""
    n = len(name)
    if grams is None:
        s = text.find(name, start)
        while s >= 0:
            yield s
            s = text.find(name, s + n)
        return
    at = start
    ps = grams[name[:4]]
    for k in range(bisect_left(ps, start), len(ps)):
        p = ps[k]
        if p >= at and text.startswith(name, p):
            yield p
            at = p + n


_BRACKET_OPEN_RE = re.compile(r"[\s\"'«»“”]*\([\s\"'«»“”]*"
                              r"(?:(?:now|formerly|currently|previously|later)\s+(?:the\s+)?)?", re.IGNORECASE)
_BRACKET_CLOSE_RE = re.compile(r"[\s\"'«»“”]*(?:سابقا|سابقاً|سابقًا|حاليا|حالياً|حاليًا|formerly|previously|now|currently)?"
                               r"[\s\"'«»“”]*\)", re.IGNORECASE)


def _bracket_identity(text: str, c: Cand, facilities: list[FacilityMention], kind: str | None,
                      cities: set[tuple[int, int]]) -> tuple[int, int] | None:
    """A known name of the same kind in brackets right after a facility mention names that facility
    (`سجن الحسكة المركزي (غويران)`, `سجن المطار (مطار المثنى)`, `مخيم الأمل (الجدعة سابقاً)`): (the index of
    that mention, the end of the brackets). A city's name in brackets is where the facility is ("the Nour Shams
    camp (Tulkarm)")."""
    if (c.start, c.end) in cities:
        return None
    m = _BRACKET_CLOSE_RE.match(text, c.end)
    if m is None:
        return None
    for i, f in enumerate(facilities):
        if f.kind == kind and f.end <= c.start and c.start - f.end <= 6 \
                and _BRACKET_OPEN_RE.fullmatch(text, f.end, c.start):
            return i, m.end()
    return None


def _named_in_brackets(text: str, facilities: list[FacilityMention]) -> list[FacilityMention]:
    """A facility named with its head word in brackets right after another of the same kind is that one,
    under the name the brackets give (`سجن الحسكة المركزي (سجن غويران)`, `سجن الصناعة (سجن غويران)`): one
    prison, two names. The mention keeps its span; it takes the bracketed facility's identity."""
    out = list(facilities)
    drop: set[int] = set()
    for i in range(len(out) - 1):
        f, g = out[i], out[i + 1]
        if g.kind != f.kind or g.id == f.id or not 0 < g.start - f.end <= 6:
            continue
        if g.id.startswith("open:"):
            if _BRACKET_OPEN_RE.fullmatch(text, f.end, g.start) and _BRACKET_CLOSE_RE.match(text, g.end):
                drop.add(i + 1)  # `مخيم العريشة (مخيم السد)`: the known camp's other name (with "or" it may be
                # another town's: `سجن سوسة أو جمجمال`); an unknown one's too, `مخيم الأمير حسن (مخيم النصر)`
                # (Jordan's Prince Hassan camp, also called al-Nasr; fac27arw, rule 28v)
            continue
        if _BRACKET_OPEN_RE.fullmatch(text, f.end, g.start) and _BRACKET_CLOSE_RE.match(text, g.end):
            out[i] = f.model_copy(update={"id": g.id, "canonical": g.canonical, "country": g.country,
                                          "lat": g.lat, "lon": g.lon, "admin1": g.admin1})
    return [f for i, f in enumerate(out) if i not in drop] if drop else out


# `مجزرة صبرا وشاتيلا`, "the Sabra and Shatila massacre", "Tal al-Zaatar massacre": the name of the event, not
# the camp (a head word right before it, `مجزرة مخيم شاتيلا`, is read by the trie first)
_MASSACRE_BEFORE_AR_RE = re.compile(r"(?:مجزر|مذبح)(?:ة|ه|تي|تا)\s+(?:[\u0621-\u064a]+\s+و)?$")
_MASSACRE_AFTER_EN_RE = re.compile(r"(?:['’]s)?\s+(?:massacres?|killings)\b", re.IGNORECASE)
_MASSACRE_BEFORE_EN_RE = re.compile(r"\bmassacres?\s+(?:at|in|of)\s+(?:[A-Z][\w-]*\s+and\s+)?$")


_GENERIC_AFTER_RE = {"camp": re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)مخيم(?![\u0621-\u064a])|\b[Tt]he camp\b"),
                     "prison": re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال|لل)(?:سجن|معتقل)(?![\u0621-\u064a])|"
                                          r"\b[Tt]he (?:prison|jail)\b")}


# (each head word of _GENERIC_AFTER_RE's, and how far before it a match of the pattern can start)
_GENERIC_AFTER_WORDS = {"camp": (("مخيم", (3, 2)), ("he camp", (1,))),
                        "prison": (("سجن", (3, 2)), ("معتقل", (3, 2)), ("he prison", (1,)), ("he jail", (1,)))}


def _named_again_generic(text: str, e: int, kind: str) -> bool:
    """A generic definite head of the kind after the massacre's name (`مجزرة صبرا وشاتيلا بمسيرة من مدخل المخيم`):
    the text goes on to speak of the camp itself, so the name is the camp too (r14's ar-x087; rule 23)."""
    pattern = _GENERIC_AFTER_RE.get(kind)
    if pattern is None:
        return False
    # = pattern.search(text, e) is not None, the regex (which opens with a lookbehind: re tries it at every character
    # after `e`) tried only where a match can start: every match holds its head word as written (`مخيم`, "he camp";
    # `سجن`, `معتقل`, "he prison", "he jail"), found by str.find, and starts 1 to 3 characters before it (`[وفبل]?`
    # and the article; "T"/"t")
    for word, backs in _GENERIC_AFTER_WORDS[kind]:
        i = text.find(word, e)
        while i != -1:
            for b in backs:
                if i - b >= e and pattern.match(text, i - b) is not None:
                    return True
            i = text.find(word, i + 1)
    return False


def _massacre_named(text: str, s: int, e: int) -> bool:
    """The bare camp name names a massacre (a text that holds the word "massacre", `مجزرة`, `مذبحة`)."""
    if text[s] >= "\u0600":
        return _MASSACRE_BEFORE_AR_RE.search(text, max(0, s - 24), s) is not None
    return _MASSACRE_AFTER_EN_RE.match(text, e) is not None \
        or _MASSACRE_BEFORE_EN_RE.search(text, max(0, s - 40), s) is not None


# "Sednaya, a Christian town north of Damascus", "Rukban, a barren stretch of desert": an apposition says the
# bare name is a town or a stretch of land, not the prison or camp of the same name
_TOWN_APPOSITION_RE = re.compile(r", (?:an? (?:[\w-]+ ){0,3}?(?:town|village|city|stretch|area|region|district|"
                                 r"desert(?! (?:prison|jail|camp)\b)|"
                                 r"oasis|settlement|suburb|neighbou?rhood|municipality)|the (?:[\w-]+ ){0,2}?"
                                 r"(?:town|village|city|suburb)(?! camp| prison))\b")
# ("Jafr, a remote desert jail", "Bucca, a sprawling desert prison": "desert" before the head names no stretch of land;
# fac26en survey, rule 28l)


_REFUGEES_AFTER_RE = re.compile(r"[^.;:!?]{0,40}?\b(?:Palestinians?|refugees?|displaced)\b")  # ("a settlement of
# displaced Syrians": the camp, rule 28h)
_CROSSING_AFTER_RE = re.compile(r" (?:border (?:gate|crossing|post)|crossing|gate)\b", re.IGNORECASE)


# rule 28h: the Arabic apposition that calls the bare name a town (`الهول، وهي بلدة صغيرة شرق الحسكة`, `الشدادي،
# المدينة الواقعة جنوب الحسكة`): the town, as "Sednaya, a Christian town" is
_TOWN_APPOSITION_AR_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:(?:وهي|وهو|هي|هو)[ \u00a0]+)?(?:ال)?"
                                    r"(?:بلدة|بلده|مدينة|مدينه|قرية|قريه|ناحية|ناحيه|بلدية|بلديه)(?![\u0621-\u064a])")


def _town_apposition(text: str, e: int) -> bool:
    """`Sednaya, a Christian town`; "the Oncupinar border gate": the town or the crossing, not the facility."""
    if text[e : e + 1] == "،" or (text[e : e + 1] == "," and "\u0621" <= text[e - 1 : e] <= "\u064a"):
        return _TOWN_APPOSITION_AR_RE.match(text, e) is not None
    if text[e : e + 3] in (", a", ", t"):
        m = _TOWN_APPOSITION_RE.match(text, e)
        if m is not None and m.group().endswith("settlement") \
                and _REFUGEES_AFTER_RE.match(text, m.end()) is not None:
            return False  # "Burj el-Barajneh, a Beirut settlement now crowded with Palestinians": the refugees'
            # settlement is the camp (bare23 survey, rule 27c)
        return m is not None
    return text[e : e + 1] == " " and text[e + 1 : e + 2] in "bcgBCG" and _CROSSING_AFTER_RE.match(text, e) is not None


_CALLED_WORDS = ("known as", "called", "dubbed", "named", "عرف", "عُرف", "يسمى", "تسمى", "المسمى", "الملقب", "يلقب")
_CALLED_WORDS_AR = tuple(w for w in _CALLED_WORDS if not has_latin(w))  # (what a text without Latin letters may hold)


def _names_given(text: str) -> bool:
    """any(w in text for w in (_CALLED_WORDS if has_latin(text) else _CALLED_WORDS_AR)) in fewer whole-text
    scans (str `in`, C speed): the three words with سمى and the two with لقب are looked for only in a text that
    holds that piece (most hold none of the words, and each word was a scan of the whole text)."""
    if has_latin(text) and ("known as" in text or "called" in text or "dubbed" in text or "named" in text):
        return True
    return "عرف" in text or "عُرف" in text \
        or ("سمى" in text and ("يسمى" in text or "تسمى" in text or "المسمى" in text)) \
        or ("لقب" in text and ("الملقب" in text or "يلقب" in text))
_OR_RE = re.compile(r"\s*(?:أو|او|or)\s*", re.IGNORECASE)
_NEXT_WORD_RE = re.compile("[ \u00a0]([\u0621-\u064a]{2,})")
_LISTED_RE = re.compile(r"\s*[،,]?\s*و?\s*")


def core_at_start(cores: list[Cand]) -> set[int]:
    return {c.start for c in cores}


_NAME_BEFORE_RE = re.compile(r"(?<![\w'’-])((?:(?:[Aa]l|[Ee]l)[-‐‑ ])?[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+){0,2}"
                             # an acronym, numbered or not: "CECOT, the mega-prison", "IK-2, a penal colony" (rule 25k)
                             r"|[A-Z]{2,6}(?:-[0-9]{1,2})?)$")
_APPOSITION_KIND = {"prison": "prison", "jail": "prison", "camp": "camp", "refugee": "camp", "cluster": "camp"}
# a capitalised word right before the name: the name goes on before it ("Burj al-Barajneh, Beirut's densest camp")
_NAME_GOES_ON_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z'’]+[ -]$")
# (literal-first: found at C speed)
_APPOSITION_SCOUT = re.compile(r", (?:the|an?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}['’]s|one of the) ")
# ("Moria, Greece's largest migrant camp": a country's possessive before the head, as "the")


def _appositions(text: str, places: list[Cand], core_starts: set[int],
                 city_heads: list[tuple[int, int]] | None = None, gaz: Gazetteer | None = None) -> list[OpenFacility]:
    """Names in apposition to a head word: the facility (a known one spelled otherwise, else open world). A
    known core there is bare_reading's; a place's name is the place ("Hasakah, the city's prison" is not). A city
    before the head says where ("Mitiga, the Tripoli prison run by ..."): its span goes to `city_heads`, the
    city's prison there being the name's, no other facility."""
    out: list[OpenFacility] = []
    place_spans: set[tuple[int, int]] | None = None
    for sc in _APPOSITION_SCOUT.finditer(text):
        i = sc.start()
        m = APPOSITION_AFTER_RE.match(text, i)
        n = _NAME_BEFORE_RE.search(text, max(0, i - 40), i) if m is not None else None
        if m is not None and n is not None and (not apposition_number_ok(m) or not apposition_facility_ok(text, m)):
            continue  # a plural head only after "one of the" ("Kutupalong, one of the largest refugee settlements")
        if m is not None and n is not None:
            s, e = n.start(1), n.end(1)
            name = n.group(1)
            opened = " " in name and name.split()[0] in _SENTENCE_STARTERS
            if opened:  # "In Dadaab, the country's largest ...": the name is what follows the sentence's first word
                s += len(name.split()[0]) + 1
                name = text[s:e]
            if place_spans is None:
                place_spans = {(p.start, p.end) for p in places}
            if m.group("city") is not None and (m.start("city"), m.end("city") - 1) not in place_spans:
                continue  # ("X, the Iraqi prison"): only a place's name stands there
            placed = (s, e) in place_spans and not _town_called_site(text, m, places, s, e, gaz)
            if s not in core_starts and not placed and name.split()[0] not in _SENTENCE_STARTERS \
                    and (opened or not _NAME_GOES_ON_RE.search(text, max(0, s - 24), s)):
                if m.group("city") is not None and city_heads is not None:
                    city_heads.append((m.start("city"), m.end(4)))
                head = m.group(4).split()[0].rstrip("s")
                kind = "camp" if head == "detention" and m.group(4).rstrip("s").endswith("camp") else \
                    _APPOSITION_KIND.get(head, "prison")
                if not_a_site(text, OpenFacility(s, m.end(3), kind, name, s, e)):
                    continue  # "Alcatraz, the former island prison": no site any more (rule 22e)
                out.append(OpenFacility(s, e, kind, name, s, e))
    return out


# a metaphor's modifier before the head: "Gaza, an open-air prison", "a giant prison"
_METAPHOR_WORDS = frozenset(("open-air", "open", "giant", "big", "great", "huge", "vast", "large", "outdoor",
                             "virtual", "real", "kind"))


def _town_called_site(text: str, m: re.Match[str], places: list[Cand], s: int, e: int, gaz: Gazetteer | None) -> bool:
    """A GeoNames town no curated entry claims, described as a prison or camp with "a"/"an" ("held at Qarchak, a
    prison on the southern edge of Tehran": data/README.md rule 23 (en16)), is the site named after it; a curated
    place ("Hasakah, the city's prison", "Gaza, an open-air prison") and a metaphor stay the place."""
    if gaz is None or m.group("pre") not in ("a", "an", "the") \
            or (m.group("city") is not None and not m.group("head").startswith("facilit")) \
            or any(w in _METAPHOR_WORDS for w in m.group(3).split()):
        return False
    for p in places:
        if p.start == s and p.end == e:
            return not any(gaz.entries[pl[1]].curated for pl in p.payloads if pl[1] in gaz.entries)
    return False


# after a branch's name, the body it is a branch of: a company's, a bank's, a society's (rule 22e)
_ORG_OF_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?:لل|ل)(?:شركة|شركه|بنك|مصرف|جمعية|جمعيه|نقابة|نقابه|حزب|اتحاد|مؤسسة|مؤسسه|منظمة|منظمه|هيئة|هيئه|"
    r"هلال|صليب|جامعة|جامعه|مجموعة|مجموعه|حركة|حركه)(?![\u0621-\u064a])|"
    r"of[ \u00a0]+the[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,2}"
    r"(?:bank|company|firm|association|union|party|society|university|group|federation|charity|movement)\b)",
    re.IGNORECASE)


_SENTENCE_STARTERS = frozenset(("The", "This", "That", "It", "In", "On", "At", "But", "And", "Yesterday",
                                "Today", "Meanwhile", "However", "Instead", "Later", "Earlier", "Now", "Here",
                                "There", "Then", "Inside", "Outside", "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday", "Sunday"))


_NUMBERED_CAMP_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وب]?ال|[وب])?معسكر\s+"
                               r"([0-9\u0660-\u0669]{1,2})(?![0-9\u0660-\u0669])")
_AR_DETENTION_RE = re.compile("نزلاء|نزيل|معتقل|سجين|سجناء|محتجز|موقوف|غوانتانامو|غوانتنامو")


# A name and then, after a comma, the head word that describes it: `الجفينة، المخيم الواقع جنوب المدينة`, `سوبا، السجن
# الذي ...`, `كاكوما، وهو مخيم آخر` (the head with a relative, a participle of place or "another": an apposition)
_APPOSITION_AR_RE = re.compile(r"(?<![\u0621-\u064a])([\u0621-\u064a]{3,}(?: [\u0621-\u064a]{3,})?)\s*[،,]\s+"
                               r"(?:وهو |وهي )?(?:ال)?(مخيم|سجن|معتقل)\s+(?:الذي|التي|الذى|الواقع|الواقعة|آخر|اخر"
                               r"|الأكبر|الاكبر|الأشهر|الاشهر|الوحيد)(?![\u0621-\u064a])")


# the people a prison holds, named in a sentence (`إضراب النزلاء`, `الأسرى`, `معتقلو`)
_AR_DETAINEES_RE = re.compile("نزلاء|نزيل|معتقلين|معتقلو|معتقلي|سجناء|سجين|محتجزين|محتجزو|محتجزي|أسرى|اسرى|أسير|اسير")
_PRISON_WORD_RE = re.compile("سجن|سجون|معتقل|زنز")
# a quoted name right after "in", "from", "to", "inside", or a word for the prison's cells: `في «معيتيقة»`,
# `من "الحائر"`, `من عزل «أيالون»` (not ب: `وصفها بـ"الشائعات"`)
_QUOTED_AFTER_PREP_RE = re.compile(r"(?<![\u0621-\u064a])(?:في|من|إلى|الى|داخل)\s*"
                                   r"(?:(?:عزل|زنازين|زنزانة|زنزانه|قسم|أقسام|اقسام)\s*)?[«\"“]\s*"
                                   r"([\u0621-\u064a]{3,}(?: [\u0621-\u064a]{2,})?)\s*[»\"”]")


# what _QUOTED_AFTER_PREP_RE reads from its opening quote on; the lengths of its prepositions and of its cell words
_QUOTED_NAME_AT_RE = re.compile(r"[«\"“]\s*[\u0621-\u064a]{3,}(?: [\u0621-\u064a]{2,})?\s*[»\"”]")
_PREP_LENGTHS = (2, 3, 4)  # في من | إلى الى | داخل
_CELL_LENGTHS = (3, 4, 6)  # عزل قسم | أقسام اقسام | زنازين زنزانة زنزانه


def _quoted_after_prep(text: str) -> list[re.Match[str]]:
    """list(_QUOTED_AFTER_PREP_RE.finditer(text)), the regex tried only where a match can start (scouts.match_at):
    every match has an opening quote whose short quoted name _QUOTED_NAME_AT_RE reads (each quote found by str.find),
    and before it a run of spaces (the whole run: a letter ends the word before it), a cell word or none, a run of
    spaces, and the preposition; so it starts a preposition's length before the run before the quote, or before the
    run before a cell word's length before it. (The regex opens with a lookbehind: re tries it at every character.)"""
    starts: list[int] = []
    for quote in "«\"“":
        q = text.find(quote)
        while q != -1:
            if _QUOTED_NAME_AT_RE.match(text, q) is not None:
                r1 = q
                while r1 > 0 and text[r1 - 1].isspace():
                    r1 -= 1
                ends = [r1]
                for n in _CELL_LENGTHS:
                    r2 = r1 - n
                    while r2 > 0 and text[r2 - 1].isspace():
                        r2 -= 1
                    ends.append(r2)
                starts += [r - n for r in ends for n in _PREP_LENGTHS if r - n >= 0]
            q = text.find(quote, q + 1)
    return match_at(_QUOTED_AFTER_PREP_RE, starts, text) if starts else []


def _quoted_in_detention(text: str, cores: list[Cand], people: list[Cand], places: list[Cand], covered: bytearray,
                         gaz: Gazetteer) -> list[OpenFacility]:
    """An unknown name in quotes after a preposition, in a clause that names the detainees before it (`إضراب عشرات
    النزلاء عن الطعام في «معيتيقة»`): outlets quote a prison's bare name as they quote a known one (`«الحوت»`). The
    name is one word (two after `بئر`, `أبو`), no place, actor, known name or stop word, and a definite one only in a
    text that speaks of a prison; the detainees are within seven words before it, in the same sentence."""
    out: list[OpenFacility] = []
    for m in _quoted_after_prep(text):
        s, e = m.start(1), m.end(1)
        words = text[s:e].split()
        f = fold(words[0])
        if (len(words) == 2 and f not in NAME_PREFIXES) or (f[:2] == "ال" and not _PRISON_WORD_RE.search(text)):
            continue  # `«الدفعة الأولى»`: a phrase; a definite word is a name where the text speaks of a prison
        if f in gaz.ar_name_stop or inside(s, e, covered) or f in _common_words(gaz) \
                or any(c.start < e and s < c.end for c in (*cores, *people, *places)):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        cut = max(before.rfind("."), before.rfind("\n"), before.rfind("؟"), before.rfind("!"))
        clause = before[cut + 1 :]
        if len(clause.split()) > 7:
            clause = " ".join(clause.split()[-7:])
        if _AR_DETAINEES_RE.search(clause) is None:
            continue
        out.append(OpenFacility(s, e, "prison", text[s:e], s, e))
    return out


_NAME_OPENERS_AR = frozenset(("ابو", "ام", "عين", "تل", "دير", "كفر", "بئر", "بير", "راس", "خان", "باب", "جبل", "نهر",
                              "وادي", "بني", "بيت", "حسن", "سري", "ابن", "بن"))


_SAID_AR = frozenset(("قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت", "افاد", "افادت", "ذكر", "ذكرت"))


# prec22ar survey (rule 26x): a definite plural head, up to nine words of its clause ("which the ministry closed in
# Baghdad"), a word that announces a list ("are", "the following", "the best known of them", "among them"), a colon,
# then the names: `المخيمات التي أغلقتها الوزارة في بغداد هي: النبي يونس، والشمس، والأهل`
_COLON_LIST_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?ال(?P<head>مخيمات|سجون|معتقلات)"
                               r"(?:[ \u00a0]+[^\s.:؛!?؟\n«»\"“”()]+){0,9}?[ \u00a0]+(?:هي|وهي|الآتية|الاتية|الآتيه|"
                               r"الاتيه|التالية|التاليه|أبرزها|ابرزها|وأبرزها|وابرزها|منها|ومنها|بينها|وبينها)"
                               r"[ \u00a0]*:[ \u00a0]*"
                               r"(?P<list>[^.\n؛!?؟:]+)")
_LIST_SPLIT_AR_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:و(?=[\u0621-\u064a]))?|[ \u00a0]+و(?=ال)")


_AR_FUNCTION_WORDS = frozenset(("في", "من", "الى", "على", "عن", "مع", "بعد", "قبل", "حيث", "التي", "الذي", "كما", "ثم"))


def _colon_listed_ar(text: str, places: list[Cand], gaz: Gazetteer) -> list[OpenFacility]:
    """The names listed after a colon under a definite plural head of its clause (rule 10 and rule 22c's colon, in
    Arabic): each a facility of the head's kind. Two items at least, each of one to three words that can start a name
    (names.arabic_name_ok, as a list's item) and none a place's: a list of towns, regions or countries (`السجون في
    المحافظات الآتية: حلب وحمص`) names none; an item of another shape (a number, a verb, a long phrase) ends the list
    before it, and the list needs its two items before that."""
    out: list[OpenFacility] = []
    first = _first_at(places) if places else {}
    for m in _COLON_LIST_AR_RE.finditer(text):
        kind = "camp" if m.group("head") == "مخيمات" else "prison"
        items: list[tuple[int, int]] = []
        pos = m.start("list")
        for sep in [*_LIST_SPLIT_AR_RE.finditer(text, pos, m.end("list")), None]:
            end = sep.start() if sep is not None else m.end("list")
            raw = text[pos:end].strip()
            s = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
            words = raw.split()
            if not 1 <= len(words) <= 3 or any(p.start < s + len(raw) and s < p.end for p in places) \
                    or first.get(s) is not None:
                if words and any(p.start < s + len(raw) and s < p.end for p in places):
                    items = []  # a place among the items: a list of towns or regions, no facility
                break
            f = fold(words[0])
            if not arabic_name_ok(words[0], f, gaz.ar_name_stop, quoted=False, known=gaz.trie.first, listed=True) \
                    or any(fold(w) in gaz.ar_name_stop or fold(w) in _AR_FUNCTION_WORDS for w in words[1:]):
                break  # (a name's later words take any shape: `النبي يونس`)
            items.append((s, s + len(raw)))
            if sep is None:
                break
            pos = sep.end()
        if len(items) >= 2:
            out.extend(OpenFacility(a, b, kind, text[a:b], a, b) for a, b in items)
    return out


# ar32list survey (rule 32t): the Maghreb's official plural of prisons, "the prison institutions" / "the penal
# institutions" / "the prison units", then a word that announces a list, then bare names, each a prison; the Moroccan
# and Algerian prisons are named by their town, so a town's name here is the prison (`وقف الزيارة بالمؤسسات السجنية
# التالية: عين السبع 1، عين السبع 2 ... وتطوان ورأس الماء وبوركايز بفاس`)
_INSTITUTION_LIST_AR_RE = re.compile(
    r"(?<![\u0621-\u064a])[وفبل]?ال(?:مؤسسات|وحدات)[ \u00a0]+ال(?:سجنية|سجنيه|عقابية|عقابيه)"
    r"(?P<clause>(?:[ \u00a0]+[^\s.:؛!?؟\n«»\"“”()]+){0,6}?)[ \u00a0]+"
    r"(?:هي|وهي|الآتية|الاتية|الآتيه|الاتيه|التالية|التاليه|أبرزها|ابرزها|وأبرزها|وابرزها|منها|ومنها|مثل|"
    r"مقدمتها)(?:(?:[ \u00a0]+[^\s.:؛!?؟\n«»\"“”()]+){1,6}?[ \u00a0]*:)?[ \u00a0]*:?[ \u00a0]*(?P<list>[^.\n؛!?؟:]+)")
# a list's items: the Arabic comma, or "and" before any word (these items open with no article as often as with one),
# not inside an official designation's pair (`مركز الإصلاح والتهذيب`, `إعادة التربية والتأهيل`)
_INSTITUTION_SPLIT_AR_RE = re.compile(r"[ \u00a0]*[،,][ \u00a0]*(?:و(?=[\u0621-\u064a]))?"
                                      r"|[ \u00a0]+و(?=[\u0621-\u064a])")
_INSTITUTION_PAIR_AR = frozenset(("الاصلاح", "التربيه", "اعاده"))
# the list's clause names a kind of place: the items are the towns or regions the prisons are in (`المؤسسات السجنية
# في المدن التالية: فاس ومكناس`), no prison's name
_PLACE_KIND_AR = frozenset(("المدن", "مدن", "المدينه", "مدينه", "المحافظات", "محافظات", "الولايات", "ولايات",
                            "الجهات", "جهات", "الجهه", "الاقاليم", "اقاليم", "العمالات", "المناطق", "مناطق", "الدول",
                            "دول", "البلدان", "بلدان", "الاحياء", "المدريات", "الدوائر", "البلديات"))
# a kind of prison, no name: `ومنها المركزية والمحلية والفلاحية` lists kinds, and the list names none
_INSTITUTION_KIND_AR = frozenset(("المركزيه", "المحليه", "الفلاحيه", "العموميه", "المدنيه", "العسكريه", "الخاصه",
                                  "الجديده", "القديمه", "الكبري", "الصغري", "الاخري", "الاصلاحيه", "الوطنيه",
                                  "النسائيه", "المغلقه", "المفتوحه", "شبه"))
_INSTITUTION_OWN_HEAD_AR = frozenset(("السجن", "سجن", "مركز", "المركز", "مؤسسه", "المؤسسه", "المركب", "مركب",
                                      "الاصلاحيه", "اصلاحيه", "المعتقل", "معتقل"))


def _institution_listed_ar(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    """Bare items listed under `المؤسسات السجنية`/`المؤسسات العقابية`/`الوحدات السجنية` and a list word (rule 32t):
    each a prison, a town's name too (the Maghreb's prisons are named by their town: `طنجة 1`, `تطوان`), its
    locative after it (`بفاس`, `بالدار البيضاء`) not the name's. An item with its own head (`والسجن المحلي
    بالقنيطرة`, `مركز الإصلاح والتهذيب بعين السبع`) is left to the head's readers and the list goes on; a word of
    another shape (a verb, a stop word, a long phrase) ends the list. Two items at least; none where the clause names a
    kind of place (`في المدن التالية:`)."""
    out: list[OpenFacility] = []
    for m in _INSTITUTION_LIST_AR_RE.finditer(text):
        if any(fold(w) in _PLACE_KIND_AR for w in m.group("clause").split()):
            continue
        items: list[tuple[int, int]] = []
        pos = m.start("list")
        own = False
        for sep in [*_INSTITUTION_SPLIT_AR_RE.finditer(text, pos, m.end("list")), None]:
            end = sep.start() if sep is not None else m.end("list")
            if sep is not None and "،" not in sep.group() and "," not in sep.group() \
                    and fold(text[pos:end].split()[-1] if text[pos:end].split() else "") in _INSTITUTION_PAIR_AR:
                continue  # `مركز الإصلاح والتهذيب`: one designation, not two items
            raw = text[pos:end].strip()
            s = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
            words = raw.split()
            if words and fold(words[0]) in _INSTITUTION_OWN_HEAD_AR:
                own = True  # an item with its own head: its readers name it
            else:
                name: list[str] = []
                tail = False
                for i, w in enumerate(words):  # the name's words, up to its locative `بفاس`, `بالدار البيضاء`
                    if name and w.startswith("ب") and len(w) > 3 \
                            and (w.startswith("بال") or i == len(words) - 1 or fold(w) in gaz.trie.first):
                        break
                    if name and not w.startswith("ال") and len(w) > 3 and w.rstrip("\u064b").endswith("ا"):
                        tail = True  # `وبوركايز اكتظاظا`: an accusative after the last name is the sentence's
                        break
                    name.append(w)
                if not 1 <= len(name) <= 3 or (len(words) - len(name) > 2 and not tail):
                    break
                f = fold(name[0])
                if f in _INSTITUTION_KIND_AR:
                    items = []  # a list of kinds of prison
                    break
                numbered = len(name) == 2 and name[1].isdigit() and f not in gaz.ar_name_stop  # `تيفلت 2`
                if not (numbered or arabic_name_ok(name[0], f, gaz.ar_name_stop, quoted=False, known=gaz.trie.first,
                                                   listed=True)) \
                        or any(not w.isdigit() and (fold(w) in gaz.ar_name_stop or fold(w) in _AR_FUNCTION_WORDS)
                               for w in name[1:]):
                    break
                e = s + len(" ".join(name))
                if text[s:e] != " ".join(name):
                    break  # (a name written with other spaces: not read)
                items.append((s, e))
                if tail:
                    break
            if sep is None:
                break
            pos = sep.end()
        if len(items) >= 2 or (items and own):
            out.extend(OpenFacility(a, b, "prison", text[a:b], a, b) for a, b in items)
    return out


# prec22ar survey (rule 26x): a quoted name, the Arabic comma, then the first, largest, oldest ... camp or prison (an
# ordinal or a superlative of the kind, as rule 26r reads it after a known bare name):
# `"الأبيض"، أول مخيم أقيم للنازحين`
_QUOTED_SUPERLATIVE_AR_RE = re.compile(
    r"[\"«“]([\u0621-\u064a]{3,}(?: [\u0621-\u064a]{2,}){0,2})[\"»”][ \u00a0]*،[ \u00a0]*"
    r"(?:(?:ثاني|ثالث|رابع|خامس|ثانية|ثالثة)[ \u00a0]+)?(?:(?:أحد|احد|إحدى|احدى|من)[ \u00a0]+)?"
    r"(?:أول|اول|أكبر|اكبر|أقدم|اقدم|أشهر|اشهر|أسوأ|اسوأ|أخطر|اخطر|أحدث|احدث)[ \u00a0]+"
    r"(?P<head>مخيمات|مخيم|سجون|سجن|معتقلات|معتقل)(?![\u0621-\u064a])")


def _quoted_superlative_ar(text: str, places: list[Cand], gaz: Gazetteer) -> list[OpenFacility]:
    """A quoted name in apposition to an ordinal or a superlative of its kind: the facility (rule 9 with rule 26r's
    apposition); a place's name (`"عمّان"، أكبر ...` has no head) or a stop word is none."""
    out: list[OpenFacility] = []
    for m in _QUOTED_SUPERLATIVE_AR_RE.finditer(text):
        s, e = m.span(1)
        raw = text[s:e].split()[0]
        if fold(raw) in gaz.ar_name_stop or any(p.start < e and s < p.end for p in places):
            continue
        kind = "camp" if m.group("head").startswith("مخيم") else "prison"
        out.append(OpenFacility(s, e, kind, text[s:e], s, e))
    return out


def _appositions_ar(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    out = []
    for m in _APPOSITION_AR_RE.finditer(text):
        name = m.group(1)
        words = name.split()
        if len(words) == 2 and fold(words[0]) not in NAME_PREFIXES and fold(words[0]) not in _NAME_OPENERS_AR:
            words = words[1:]  # (one word before the name: `ستغلق كاكوما،`, `كان الجفينة،` are the name alone)
        raw = words[0]
        f = fold(raw)
        if f in gaz.ar_name_stop or not arabic_name_ok(raw, f, gaz.ar_name_stop, quoted=False, known=gaz.trie.first):
            continue
        if (f.startswith("الم") and len(f) >= 6 and f not in gaz.trie.first) \
                or prev_word(text, m.end(1) - len(" ".join(words)), frozenset()) in _SAID_AR:
            continue  # `قال المتحدث، السجن ...`: a speaker (a definite participle, after a verb of saying)
        if len(words) == 2 and not arabic_name_ok(words[1], fold(words[1]), gaz.ar_name_stop, quoted=False,
                                                   known=gaz.trie.first, listed=True):
            words = words[:1]
        start = m.end(1) - len(" ".join(words))
        kind = "camp" if m.group(2) == "مخيم" else "prison"
        out.append(OpenFacility(start, m.end(1), kind, text[start : m.end(1)], start, m.end(1)))
    return out


# families and a named `مخيم` in one sentence (either order): the families' camps, a displacement text (rule 25g:
# `خرجت 105 عائلات من معسكر الشمس و67 عائلة من مخيم الأهل`)
_FAMILIES_AT_CAMP = (r"(?:عائل|عوائل)[^.!?؟\n]{0,80}(?<![\u0621-\u064a])[وبل]?مخيم\s+[\"«“]?(?:ال)?[\u0621-\u064a]{3}|"
                     r"(?<![\u0621-\u064a])[وبل]?مخيم\s+[\"«“]?(?:ال)?[\u0621-\u064a]{3}[^.!?؟\n]{0,80}(?:عائل|عوائل)")
# Sudan's outlets call a displacement camp `معسكر` (`معسكر زمزم`, `معسكر كلمة`, `معسكر أبو شوك`); elsewhere the word
# is a military camp (data/README.md rule 16), so a name after it is a camp only in a text about the displaced
_DISPLACEMENT_CAMP_RE = re.compile(r"(?<![\u0621-\u064a])[وبلك]{0,2}(?:ال)?معسكر\s+([\"«“(]\s*)?((?:ابو|أبو|ام|أم)\s+)?"
                                   r"([\u0621-\u064a]{3,})")
_TANWEEN_MARKS = "\u064b\u064c\u064d"
# (not `السوداني`: Iraq's prime minister's name, `معسكر السوداني` is his political camp; rule 24o)
_DISPLACED_NEAR_RE = re.compile(r"نازح|النزوح|نزوح|المشردين|مشردين|دارفور|الفاشر|نيالا|زالنجي|الجنينة|"
                                r"السودان(?!ي)|الدعم السريع|" + _FAMILIES_AT_CAMP)
# training and recruits around the camp with no displaced people named: an army's camp, not a displacement camp
_TRAINING_NEAR_RE = re.compile(r"تدريب|مستنفر|المجندين|مجندين|مجندو|تخريج|دفعة من المقاتلين|الكلية الحربية")
_DISPLACED_WORD_RE = re.compile(r"نازح|النزوح|نزوح|المشردين|مشردين|لاجئ")
# (open26ar, rule 28n) the army or a force right after a Sudanese camp's name: its base (`معسكر المعاقيل للجيش`)
_ARMY_AFTER = frozenset(fold(w) for w in ("للجيش", "للقوات", "العسكري", "التابع", "لقوات", "للدعم", "للشرطة"))
_MILITARY_AFTER = frozenset(fold(w) for w in (
    "الأمن", "الامن", "التدريب", "تدريب", "تدريبي", "إعدادي", "اعدادي", "الجيش", "القوات", "الشرطة", "الاحتياط",
    "الدعم",
    "للجيش", "للقوات", "للتدريب", "تابع", "التابع", "عسكري", "للشرطة", "الحرس", "المشاة", "المدرعات", "المدفعية",
    "لقوات", "للدعم", "الفرقة", "اللواء", "قيادة", "القيادة",
    "سلاح"))  # (`معسكر سلاح المدرعات`: an army corps's base, "the Armoured Corps"; rule 27t)


def _displacement_camps(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    """`معسكر زمزم`, `معسكر "كلمة"`, `معسكر أبو شوك` in a text about displaced people (160 characters around): a
    displacement camp, as Sudanese outlets write it; a military unit or training after the word is a base."""
    out = []
    pos = 0
    while (k := text.find("معسكر", pos)) != -1:  # (the pattern tried only just before each word: str.find's speed)
        m = next((x for p in range(max(pos, k - 4), k + 1) if (x := _DISPLACEMENT_CAMP_RE.match(text, p)) is not None),
                 None)
        pos = k + 5
        if m is None:
            out += _displacement_listing(text, k, gaz)  # `معسكري "كلمة" و"دريج"`
            continue
        pos = max(pos, m.end())
        raw = m.group(3)
        f = fold(raw)
        if f in _MILITARY_AFTER or _DISPLACED_NEAR_RE.search(text, max(0, m.start() - 160), m.end() + 160) is None:
            continue
        if (nx := TOKEN_RE.match(text, gap_end(text, m.end()))) is not None and fold(nx.group()) in _ARMY_AFTER:
            continue  # `معسكر المعاقيل للجيش`: the army's camp, a base (open26ar, rule 28n)
        if "معسكر " + f in gaz.non_facility_ar:
            continue  # `معسكر التاجي`: a base non_facilities.yaml lists stays a base in any text (rule 2)
        if _TRAINING_NEAR_RE.search(text, max(0, m.start() - 120), m.end() + 120) is not None \
                and _DISPLACED_WORD_RE.search(text, max(0, m.start() - 160), m.end() + 160) is None:
            continue  # `أقام الجيش تدريبات في معسكر سركاب بمشاركة مستنفرين`: a Sudanese army camp (rule 22f)
        if m.group(2) is None and (f in gaz.ar_name_stop or not arabic_name_ok(raw, f, gaz.ar_name_stop, quoted=True,
                                                                                known=gaz.trie.first)):
            continue  # (any shape: in such a text a word after the head is the camp's name, `معسكر كلمة`)
        k = text.index("معسكر", m.start())
        if m.group(1) is None and (text[k - 2 : k] in ("ال", "لل")
                                   or text[m.end(3) : m.end(3) + 1] in _TANWEEN_MARKS):
            continue  # `فرّت من المعسكر سيراً على الأقدام`: the camp named before, then an adverb (a name after
            # the definite head is quoted: `المعسكر "كلمة"`; an indefinite accusative is no name); `للمعسكر` is the
            # definite head after ل, its alif unwritten (`قصف قوات الدعم السريع للمعسكر واستهدافها`; arspan30, 30a)
        start = k - 2 if text[k - 2 : k] == "ال" else k
        name_start = m.start(2) if m.group(2) is not None else m.start(3)
        out.append(OpenFacility(start, m.end(3), "camp", text[name_start : m.end(3)], name_start, m.end(3)))
    return out


# a dual head and its names, quoted or not, joined by و or commas (`معسكري "كلمة" و"دريج"`, `معسكري زمزم وأبو شوك`), a
# plural head and its names in quotes (`معسكرات "السلام" و"الرياض"`); the first name right after the head
_DISPLACEMENT_HEADS_RE = re.compile(r"معسكر[\u064e-\u0652]?(?:ي|ات|ا(?![\u064b-\u064d]))[\u064b-\u0652]{0,2}\s+")
# (`معسكرَي`: marks; `معسكرًا`, `معسكراً`: the accusative of one camp, no dual; open26ar, rule 28n)
_LISTED_CAMP_RE = re.compile(r"([\"«“]\s*)?((?:ابو|أبو|ام|أم)\s+)?([\u0621-\u064a]{3,})(?(1)\s*[\"»”])")
_LISTED_JOIN_RE = re.compile(r"\s*[،,]\s*و?\s*|\s+و\s*|\s*و(?=[\"«“])")


def _displacement_listing(text: str, k: int, gaz: Gazetteer) -> list[OpenFacility]:
    """The names under a dual or plural `معسكر` at `k` in a text about displaced people (rule 16), each an
    open-world camp: `معسكري "كلمة" و"دريج"`; a region or a military word after the head names none."""
    h = _DISPLACEMENT_HEADS_RE.match(text, k)
    if h is None or (k > 0 and "\u0621" <= text[k - 1] <= "\u064a" and text[k - 2 : k] != "ال"
                     and text[k - 1] not in "وبلك"):
        return []  # (`كمعسكري "كلمة" و"دريج"`: ك "such as" before the dual head, as و, ب, ل; rule 27t)
    if _DISPLACED_NEAR_RE.search(text, max(0, k - 160), h.end() + 160) is None:
        return []
    out: list[OpenFacility] = []
    pos = h.end()
    quoted = False
    while (m := _LISTED_CAMP_RE.match(text, pos)) is not None:
        raw = m.group(3)
        f = fold(raw)
        if f in _MILITARY_AFTER or f in gaz.ar_name_stop or f in gaz.trie.first \
                or (m.group(1) is None and f[:1] == "ل") \
                or not arabic_name_ok(raw, f, gaz.ar_name_stop, quoted=True, known=gaz.trie.first, listed=True):
            break  # `معسكرات دارفور` (a region), `معسكرات التدريب`: no camp's name; `لتدريب`: "for training"
        quoted = m.group(1) is not None and (quoted or not out)  # (every name in quotes)
        name_start = m.start(2) if m.group(2) is not None else m.start(3)
        out.append(OpenFacility(name_start, m.end(3), "camp", text[name_start : m.end(3)], name_start, m.end(3)))
        j = _LISTED_JOIN_RE.match(text, m.end())
        if j is None:
            break
        pos = j.end()
    if h.group().startswith("معسكرات") and not quoted:
        return []  # `معسكرات دارفور`, `معسكرات الفاشر ونيالا`: a plural head over unquoted names is a region's camps
    return out


def _numbered_camps(text: str) -> list[OpenFacility]:
    """`المعسكر 7`, `المعسكر 5`: a detention site's numbered camp (Guantanamo's Camp 5, Camp 7), in a text
    about detainees; "Camp 7" in English is openworld's (_camp_first)."""
    out = []
    for m in _numbered_camp_matches(text):
        if _AR_DETENTION_RE.search(text, max(0, m.start() - 160), m.end() + 160) is not None:
            start = m.start() + (1 if text[m.start()] in "وب" else 0)
            out.append(OpenFacility(start, m.end(), "prison", m.group(1), m.start(1), m.end(1)))
    return out


# `مخيم 5`, `مخيم 2`: a camp known by its number (Nuseirat's blocks, Cox's Bazar's camps), as "Camp 11" among refugees
# is (rule 22d); not a count (`مخيم 5 آلاف نازح`), not a year (three digits or more)
_NUMBERED_MUKHAYYAM_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وبف]?ال|[وبف])?مخيم\s+"
                                    r"(?:رقم\s*)?([0-9\u0660-\u0669]{1,2})"  # (`المخيم رقم 11`, rule 29c)
                                    r"(?![0-9\u0660-\u0669.,٫])(?!\s*(?:آلاف|الاف|ألف|الف|أيام|ايام|يوما|يوماً|سنوات|أعوام|"
                                    r"اعوام|عاما|عاماً|أشهر|اشهر|ساعات|ساعة|دقائق|كم|كلم|كيلو|كيلومترا|كيلومتراً|كيلومتر|كيلومترات|مترا|متراً|متر|"
                                    r"أمتار|امتار|ميلا|ميلاً|ميل|مرات|مرة|%|في\s*المئة|بالمئة|"
                                    # (rule 28a) a count of people or tents (`يستقبل المخيم 20 عائلة يومياً`)
                                    r"عائلة|عائلات|عائله|عوائل|أسرة|اسرة|أسر|اسر|شخصا|شخصاً|شخص|أشخاص|اشخاص|فردا|فرداً|أفراد|"
                                    r"افراد|نازحا|نازحاً|نازح|لاجئا|لاجئاً|لاجئ|طفلا|طفلاً|طفل|أطفال|اطفال|امرأة|نساء|خيمة|خيمه|خيم)"
                                    r"(?![\u0621-\u064a]))"
                                    # (quote23ar, rule 27a) a prison's numbered section (`المخيم 11 من سجن النقب`)
                                    # (rule 29c) and a named camp's (`المخيم رقم 9 من مخيم كوتوبالونغ`)
                                    r"(?!\s*(?:من|في|داخل)\s+(?:ال)?(?:سجن|معتقل|مخيم)(?![\u0621-\u064a]))")
# (rule 30f: `خيم` after a letter is the end of `مخيم` itself, no word of tents: a numbered `مخيم` made its own text
# one about the displaced)
_DISPLACED_AR_RE = re.compile("نازح|نزوح|لاجئ|خيام|(?<![\u0621-\u064a])[وبلف]?(?:ال)?خيم(?![\u0621-\u064a])")
_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([\u0621-\u064a]+)")
_SPACE_NUMBER_RE = re.compile(r"\s+(?:رقم\s*)?[0-9\u0660-\u0669]")  # (`المخيم رقم 11`, rule 29c)


# A security branch named by its number (rule 25m): Syria's intelligence agencies number their branches in the 200s and
# 300s (`الفرع 255`, `فرع 295`, "Military Security Branch 261", "Branch 285"), and each held detainees; a branch the
# gazetteer lists (215, 227, 235, 248, 251) is matched as its alias first. Only in a text about security, detention or
# the former regime, and not a bank's, a court's ("Branch 28 of the Revolutionary Court", two digits anyway), a
# company's or a road's ("Route 251").
_IN_GAP_RE = re.compile(r"\s+(?:في|داخل|at|in|inside)\s+(?:the\s+)?", re.IGNORECASE)
_NUMBERED_BRANCH_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وبف]?ال|[وبفل])?(فرع)\s+(?:رقم\s+)?"
                                 r"([23][0-9]{2}|[٢٣][٠-٩]{2})(?![0-9\u0660-\u0669.,]?[0-9\u0660-\u0669])"
                                 r"|\b([Bb]ranch)\s+(?:No\.?\s*)?([23][0-9]{2})(?![0-9]|[.,][0-9])")
_BRANCH_CONTEXT_RE = re.compile(r"\b(?:intelligence|security|detain\w*|detention|prison\w*|jail\w*|tortur\w*|cells?|"
                                r"defect\w*|regime|Assad|mukhabarat|interrogat\w*)\b|مخابرات|المخابرات|أمن|الأمن|الامن|أمنية|"
                                r"امنية|معتقل|سجن|سجون|تعذيب|احتجاز|النظام|الأسد|التحقيق", re.IGNORECASE)
# (its two halves, searched one after the other: an alternation opening with `\b` and a caseless word is tried at every
# character, ~200 ns each; the Arabic words alone open with a letter re skips to)
_BRANCH_CONTEXT_EN_RE = re.compile(r"\b(?:intelligence|security|detain\w*|detention|prison\w*|jail\w*|tortur\w*|cells?|"
                                   r"defect\w*|regime|Assad|mukhabarat|interrogat\w*)\b", re.IGNORECASE)
_BRANCH_CONTEXT_AR_RE = re.compile(r"مخابرات|المخابرات|أمن|الأمن|الامن|أمنية|امنية|معتقل|سجن|سجون|تعذيب|احتجاز|"
                                   r"النظام|الأسد|التحقيق")
_BRANCH_OTHER_RE = re.compile(r"\b(?:bank|banks|store|shop|company|route|highway|road|library|post\s+office)\b"
                              r"|مصرف|المصرف|بنك|البنك|شركة|الشركة|بريد|البريد", re.IGNORECASE)
_BRANCH_OF_COURT_RE = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?courts?\b"
                                 r"|\s+(?:من|في|ب|ل)?\s*(?:ال)?محكم",
                                 re.IGNORECASE)  # "Branch 215 of the criminal court", `الفرع 250 من محكمة الجنايات`


def _numbered_branches(text: str) -> list[OpenFacility]:
    """`الفرع 255`, "Branch 261" in a text about security or detention: an open-world detention site named by its
    number (rule 25m), reported as one id in both languages (`open:prison:branch-255`)."""
    matches = _scouted_matches(_NUMBERED_BRANCH_RE, text, (("فرع", 3), ("ranch", 1)))
    if not matches or (_BRANCH_CONTEXT_AR_RE.search(text) is None and _BRANCH_CONTEXT_EN_RE.search(text) is None):
        return []  # (no match first: the context search reads the whole text; = _BRANCH_CONTEXT_RE.search(text), its
        # Arabic words first, a search that skips to their letters, then the English ones, caselessly)
    out = []
    for m in matches:
        sent_lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), text.rfind("؟", 0, m.start())) + 1
        sent_hi = min((i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i != -1), default=len(text))
        if _BRANCH_OTHER_RE.search(text, sent_lo, sent_hi) is not None or _BRANCH_OF_COURT_RE.match(text, m.end()):
            continue  # a bank's or a company's branch in the same sentence, a court's branch
        g = 1 if m.group(1) else 3
        start = m.start(g) - 2 if g == 1 and text[m.start(g) - 2 : m.start(g)] == "ال" else m.start(g)
        num = m.group(g + 1).translate(_ARABIC_DIGITS)
        out.append(OpenFacility(start, m.end(), "prison", f"Branch {num}", m.start(g + 1), m.end(g + 1)))
    return out


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _known_branch(number: str, gaz: Gazetteer) -> Entry | None:
    """The gazetteer's branch whose alias is `الفرع <number>` (215, 227, 235, 248, 251): a numbered branch written with
    `رقم` before its number (`الفرع رقم 235`) is that branch, not an open-world one (rule 28k)."""
    node = gaz.trie.root.get("الفرع")
    node = node.get(number.translate(_ARABIC_DIGITS)) if isinstance(node, dict) else None
    pays = node.get(PAYLOAD) if isinstance(node, dict) else None
    for grp in pays or ():
        for p in grp[1]:
            e = gaz.entries.get(p[1])
            if e is not None and e.layer == "facility" and e.kind == "prison":
                return e
    return None


def _scouted_matches(pat: re.Pattern[str], text: str, lits: tuple[tuple[str, int], ...]) -> list[re.Match[str]]:
    """list(pat.finditer(text)) for a pattern whose every match holds one of `lits` (literal, most characters
    before it in a match), none empty: tried only at the starts those literals allow (str.find, C speed), in order,
    each from where finditer would search next (the leftmost match at or after the last one's end)."""
    starts: set[int] = set()
    for lit, back in lits:
        k = text.find(lit)
        while k != -1:
            starts.update(range(max(0, k - back), k + 1))
            k = text.find(lit, k + 1)
    out = []
    end = 0
    for p in sorted(starts):
        if p >= end and (m := pat.match(text, p)) is not None:
            out.append(m)
            end = m.end()
    return out


def _numbered_mukhayyam(text: str) -> list[OpenFacility]:
    """`مخيم 5` in a text about the displaced or refugees: an open-world camp named by its number (rule 24m)."""
    out: list[OpenFacility] = []
    displaced: bool | None = None  # (the whole-text search, asked when a numbered `مخيم` is first met)
    pos = 0
    while (k := text.find("مخيم", pos)) != -1:
        pos = k + 4
        if _SPACE_NUMBER_RE.match(text, pos) is None:
            continue  # (every match has this `مخيم` and then spaces and a digit: one look, not four)
        if displaced is None:
            displaced = _DISPLACED_AR_RE.search(text) is not None
        if not displaced:
            return []
        for p in range(max(0, k - 3), k + 1):
            m = _NUMBERED_MUKHAYYAM_RE.match(text, p)
            if m is not None and (nx := _NEXT_WORD_RE.match(text, m.end())) is not None \
                    and fold(nx.group(1)) in _ACTIVITY_AR:
                break  # `مخيم 20 الطبي المجاني`: the 20th medical camp, an event's ordinal, no site (rule 30f)
            if m is not None:
                start = k - 2 if text[k - 2 : k] == "ال" else k  # (no proclitic in the surface, rule 3)
                out.append(OpenFacility(start, m.end(), "camp", m.group(1), m.start(1), m.end(1)))
                pos = m.end()
                break
    return out


def _numbered_camp_matches(text: str) -> list[re.Match[str]]:
    """_NUMBERED_CAMP_RE.finditer(text), tried only just before each `معسكر` (str.find): every match holds
    the word, at most three characters (`وال`) after its start, so the leftmost match at or after the last
    one's end starts in [k - 3, k] for the next `معسكر` at k, or at a later one if none starts there."""
    out = []
    end = pos = 0
    while (k := text.find("معسكر", pos)) != -1:
        for p in range(max(end, k - 3), k + 1):
            m = _NUMBERED_CAMP_RE.match(text, p)
            if m is not None:
                out.append(m)
                end = pos = m.end()
                break
        else:
            pos = k + 1
    return out


# (literal-first: found at C speed; the letter before the head word is checked by hand)
# Libyan centres are named after a road or an area, a bound noun and its genitive: `طريق السكة`, `طريق المطار`, `ظاهر
# الجبل`, `عين زارة` (rule 25t); a quoted name may have words of its own (`مركز "شهداء النصر" لإيواء المهاجرين`)
_BOUND_FIRST = (r"(?:عين|أبو|ابو|أبي|ابي|أبى|ابى|أم|ام|بئر|بير|تل|رأس|راس|باب|خان|كفر|طريق|ظاهر|شارع|وادي|سوق"
                r"|شهداء|الشهيد)")
# (open26ar, rule 28n: `مركز إيواء أبى سليم` takes its second word, as `أبو سليم` did)
_CENTRE_FOR_RE = re.compile(r"مركز\s+(?:([\"«“]\s*([^\"«»“”\n]{2,30}?)\s*[\"»”])|((?:" + _BOUND_FIRST
                            + r"\s+)?[\u0621-\u064a]{3,}))\s+(?:لإيواء|لايواء|لاحتجاز|للاحتجاز|لتوقيف|للتوقيف"
                            r"|للهجرة\s+غير\s+(?:الشرعية|الشرعيه|القانونية|القانونيه|النظامية|النظاميه))"
                            r"(?![\u0621-\u064a])")


# Libya's usage: `مركز إيواء تاجوراء للمهاجرين` ("the Tajoura shelter centre for migrants"), or `مركز إيواء تاجوراء`
# in a text about migrants, is a detention centre (a name that opens with `عين`, `أبو` ... has two words: `عين زارة`)
_SHELTER_FOR_MIGRANTS_RE = re.compile(r"مركز\s+(?:إيواء|ايواء)(?:\s+و?ترحيل)?\s+"
                                      r"(?:([\"«“]\s*([^\"«»“”\n]{2,30}?)\s*[\"»”])|((?:" + _BOUND_FIRST
                                      + r"\s+)?[\u0621-\u064a]{3,}))(?:\s+(?:لل|ال)?مهاجرين"
                                      r"(?![\u0621-\u064a])|(?=[\s.,،]))")
# (open26ar, rule 28n) a quoted name (`مركز إيواء “بئر الغنم”`) and "and deportation" (`مركز إيواء وترحيل "قنفوذة"`) as
# outlets print them; a migrants text is also one of illegal migration's agency or of deportation and detainees, and
# the word may carry a vowel mark (`مُهاجراً`)
_MIGRANTS_NEAR_RE = re.compile(r"م[\u064b-\u0652]?هاجر|الهجرة غير|الهجره غير|ترحيل|رحّل|العودة الطوعية|محتجز")
# (open26ar, rule 28n) a bare `مركز` and a quoted name in a text about migrants held there (`يحتجز مركز «بئر الغنم»
# نحو 600 مهاجر`, `محتجزو مركز «العسّة»`): the detention centre, as Libya's outlets name them
_QUOTED_CENTRE_RE = re.compile(r"مركز\s*([\"«“]\s*([^\"«»“”\n]{2,30}?)\s*[\"»”])")
_HELD_NEAR_RE = re.compile(r"احتجاز|محتجز|يحتجز|تحتجز|المحتجزين")
_MIGRANT_WORD_RE = re.compile(r"م[\u064b-\u0652]?هاجر")
_GENERIC_SHELTER = frozenset(fold(w) for w in ("الهجرة", "المهاجرين", "اللاجئين", "النازحين", "المؤقت", "الجديد",
                                               "الرئيسي", "التابع", "جديد", "مؤقت"))


def _from_literal(pat: re.Pattern[str], text: str, lit: str = "مركز") -> list[re.Match[str]]:
    """list(pat.finditer(text)) for a pattern whose every match opens with `lit` and is not empty: tried only where
    str.find (C speed, one pass) finds the word; each try the first from where finditer would search next."""
    out = []
    pos = 0
    while (k := text.find(lit, pos)) != -1:
        m = pat.match(text, k)
        if m is not None:
            out.append(m)
            pos = m.end()
        else:
            pos = k + 1
    return out


# a jail's building named with "Center" alone and placed "on" or "at" a known prison ("the Eric M. Taylor Center on
# Rikers Island", "the Vernon C. Bain Center at Rikers"): one to four capitalised words or initials, no service's word
_JAIL_BUILDING_RE = re.compile(r"\b((?:[A-Z][\w'’-]*\.?[ \u00a0]+){1,4})Cent(?:er|re)[ \u00a0]+(?:on|at)[ \u00a0]+")
_SERVICE_WORDS = frozenset(("Medical", "Health", "Community", "Media", "Trade", "Cultural", "Visitor", "Visitors",
                            "Training", "Conference", "Shopping", "Press", "Data", "Operations", "Command", "Care",
                            "Treatment", "Education", "Learning", "Youth", "Research", "Policy", "Studies", "Justice",
                            "Legal", "Rights", "Emergency", "Crisis", "Reception", "Registration", "Transit", "The"))


def _jail_buildings(text: str, facs: list[Cand], cores: list[Cand], gaz: Gazetteer) -> list[OpenFacility]:
    """A capitalised name and "Center"/"Centre" right before "on"/"at" and a known prison's name: that prison's
    building, a prison of its own (open world); a service's centre ("the Medical Center at ...") is none."""
    out = []
    for m in _JAIL_BUILDING_RE.finditer(text):
        words = m.group(1).split()
        if any(w.rstrip(".") in _SERVICE_WORDS for w in words):
            continue
        nxt = next((c for c in (*facs, *cores) if c.start == m.end()), None)
        if nxt is None or gaz.entries[nxt.payloads[0][1]].kind != "prison":
            continue
        end = m.end(1) + 6  # (the name and "Center"/"Centre")
        out.append(OpenFacility(m.start(1), end, "prison", text[m.start(1) : end], m.start(1), end))
    return out


def _centre_cores(text: str, cores: list[Cand], gaz: Gazetteer) -> list[Cand]:
    """A known detention centre's name right after `مركز` (`مركز تاجوراء`, a caption's "the Tajoura centre") in a text
    about migrants (160 characters around): the centre, as `مركز إيواء X` is (rule 16); `مركز` is a district's or a
    town's centre elsewhere (Egypt's `مركز ههيا`), and a health or service word after the name is another centre."""
    out = []
    for c in cores:
        s = c.start - 5
        if s < 0 or text[s:c.start] != "مركز " or _inside_word(text, s) \
                or gaz.entries[c.payloads[0][1]].type != "detention_centre" \
                or _MIGRANTS_NEAR_RE.search(text, max(0, s - 160), c.end + 160) is None:
            continue
        nm = TOKEN_RE.match(text, gap_end(text, c.end))
        if nm is not None and fold(nm.group()) in _GENERIC_CENTRE_NAMES:
            continue  # `مركز تاجوراء الصحي`: the town's health centre
        out.append(c)
    return out


def _centres_for(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    """`مركز تاجوراء لإيواء المهاجرين`, `مركز X لاحتجاز ...`, `مركز إيواء X للمهاجرين`: a centre named by a
    plausible name and "for holding/housing" people (migrants) is a place of detention (`مركز احتجاز المهاجرين`
    is generic: openworld's)."""
    out = []
    for m in [*_from_literal(_CENTRE_FOR_RE, text), *_from_literal(_SHELTER_FOR_MIGRANTS_RE, text),
              *_from_literal(_QUOTED_CENTRE_RE, text)]:
        s = m.start()
        if _inside_word(text, s):
            continue  # inside another word (up to two proclitics, وبمركز, may stand before it)
        g = 2 if m.group(2) is not None else 3
        raw = m.group(g).strip()
        if (m.re is not _CENTRE_FOR_RE or "يواء" in text[m.end(g) : m.end()]) \
                and _MIGRANTS_NEAR_RE.search(text, max(0, s - 160), m.end() + 160) is None:
            continue  # (a shelter centre in a text about no migrants: a shelter for the displaced or for orphans)
        if m.re is _QUOTED_CENTRE_RE and (_HELD_NEAR_RE.search(text, max(0, s - 160), m.end() + 160) is None
                                          or _MIGRANT_WORD_RE.search(text, max(0, s - 160), m.end() + 160) is None):
            continue  # (a bare `مركز` and a quoted name: a detention centre only among migrants held there)
        words = raw.split()
        if any(fold(w) in _GENERIC_SHELTER or fold(w) in _GENERIC_CENTRE_NAMES for w in words):
            continue  # `مركز إيواء الهجرة غير القانونية`: the migration shelter service, no name
        if len(words) <= 3 if g == 2 else (fold(words[-1]) not in gaz.ar_name_stop if len(words) == 2 else
                                           arabic_name_ok(words[-1], fold(words[-1]), gaz.ar_name_stop, quoted=False,
                                                          known=gaz.trie.first, listed=True)
                                           or (len(words) == 1 and _foreign_town(fold(words[0]), gaz))):
            # (`مركز إيواء سبها`: a town of another country whose shape is a pronoun's; rule 32v)
            # (after a bound first word any word not stopped is the name's: `أبى سليم`, not "as" + ليم; open26ar)
            end = m.end(1) if g == 2 else m.end(g)  # (a quoted name's span holds its quotes: rule 9)
            out.append(OpenFacility(s, end, "prison", raw, m.start(g), m.start(g) + len(m.group(g).rstrip())))
    return out


# A centre's name between `مركز` and the adjective "rehabilitative"/"reformatory" (rule 25j): `مركز "فجر" التأهيلي`,
# `مركز باستوي التأهيلي` (Norway's Bastøy), `مركز إشراقة الإصلاحي`, or before "for reform and rehabilitation"
# (`مركز بدر للإصلاح والتأهيل`, rule 28t); the name is quoted or one or two words
_REHAB_CENTRE_RE = re.compile(r"مركز\s+(?:([\"«“”]\s*([^\"«»“”\n]{2,30}?)\s*[\"»”“])"
                              r"|([\u0621-\u064a]{3,}(?:\s+[\u0621-\u064a]{3,})?))"
                              r"\s+(?:(?:ال)?(?:تأهيلي|تاهيلي|إصلاحي|اصلاحي|التأهيلي|التاهيلي|الإصلاحي|الاصلاحي)"
                              # ... or its purpose after it, "for reform and rehabilitation" (`مركز وادي النطرون للإصلاح
                              # والتأهيل`, either order; fac27arw, rule 28v)
                              r"|(?:لل(?:إصلاح|اصلاح)\s+و(?:ال)?(?:تأهيل|تاهيل)|لل(?:تأهيل|تاهيل)\s+و(?:ال)?(?:إصلاح|اصلاح))"
                              # (not a service's: `للإصلاح والتأهيل الاجتماعي`, `... للشباب`)
                              r"(?![\u0621-\u064a])(?!\s+(?:ال[\u0621-\u064a]+ي(?![\u0621-\u064a])|لل)))"
                              r"(?![\u0621-\u064a])")
# a centre's generic nouns: `مركز التأهيل الشامل` has none of the shape above; `مركز الشرطة الإصلاحي` no name either
_GENERIC_CENTRE_NAMES = frozenset(fold(w) for w in (
    "التأهيل", "تأهيل", "الإصلاح", "إصلاح", "الشرطة", "شرطة", "الشباب", "الأحداث", "احداث", "النساء", "الرعاية",
    "رعاية", "الإدمان", "إدمان", "علاج", "العلاج", "التدريب", "تدريب", "الإيواء", "إيواء", "الاحتجاز", "احتجاز",
    "التوقيف", "توقيف", "صحي", "الصحي", "طبي", "الطبي", "الوطني", "الاجتماعي", "اجتماعي"))


def _inside_word(text: str, s: int) -> bool:
    """An Arabic letter stands before `s` once up to two proclitics (و ب ل) are passed: `s` is inside another word."""
    b = s
    while b > 0 and s - b < 2 and text[b - 1] in "وبل":
        b -= 1
    return b > 0 and "\u0621" <= text[b - 1] <= "\u064a"


def _rehab_centres(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    """`مركز "فجر" التأهيلي`, `مركز باستوي التأهيلي`: a place of detention's name before its adjective (rule 25j);
    not a service's generic noun (`مركز العلاج التأهيلي`, `مركز الشباب الإصلاحي`)."""
    out = []
    for m in _from_literal(_REHAB_CENTRE_RE, text):
        s = m.start()
        if _inside_word(text, s):
            continue  # inside another word (up to two proclitics, وبمركز, may stand before it)
        quoted = m.group(2) is not None
        raw = (m.group(2) if quoted else m.group(3)).strip()
        words = raw.split()
        if any(fold(w) in _GENERIC_CENTRE_NAMES or fold(w) in gaz.ar_name_stop for w in words):
            continue
        if not quoted and not all(arabic_name_ok(w, fold(w), gaz.ar_name_stop, quoted=False, known=gaz.trie.first,
                                                 listed=True) for w in words):
            continue  # `مركز يقدم التأهيلي`: a verb, no name
        ns = m.start(2) if quoted else m.start(3)
        out.append(OpenFacility(s, m.end(), "prison", raw, ns, ns + len(m.group(2) if quoted else m.group(3))))
    return out


# `مركز بدر 3`, `مركزي بدر 1 وبدر 3`: a complex's numbered centre (Egypt's Badr, Wadi al-Natrun; rule 25j) in a text
# about detainees; no count, unit or time follows the number (`مركز اقتراع 12` among voters is no prison: no detainees)
# (the number may be glued to the name, `مركز بدر3`, as outlets print it; rule 29i)
_NUMBERED_CENTRE_RE = re.compile(r"مركز(ي)?\s+([\u0621-\u064a]{3,})\s*([0-9\u0660-\u0669]{1,2})"
                                 r"(?![0-9\u0660-\u0669%]|[.,٫][0-9\u0660-\u0669])"
                                 r"(?:\s+و([\u0621-\u064a]{3,})\s+([0-9\u0660-\u0669]{1,2})(?![0-9\u0660-\u0669%]|[.,٫][0-9\u0660-\u0669]))?"
                                 r"(?!\s*(?:آلاف|الاف|ألف|الف|أيام|ايام|يوما|سنوات|أعوام|عاما|أشهر|اشهر|شهور|ساعات|دقائق|كم|"
                                 r"كيلو|متر|مرات|في\s*المئة|بالمئة)(?![\u0621-\u064a]))")


def _numbered_centres(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    """`مركز بدر 3`, and the second of a dual head's pair (`مركزي بدر 1 وبدر 3`), among detainees (rule 25j)."""
    out = []
    for m in _from_literal(_NUMBERED_CENTRE_RE, text):
        s = m.start()
        if _inside_word(text, s):
            continue  # inside another word (up to two proclitics, وبمركز, may stand before it)
        raw = m.group(2)
        f = fold(raw)
        if f in _GENERIC_CENTRE_NAMES or f in gaz.ar_name_stop \
                or not arabic_name_ok(raw, f, gaz.ar_name_stop, quoted=False, known=gaz.trie.first, listed=True):
            continue
        if _AR_DETENTION_RE.search(text, max(0, s - 200), m.end() + 200) is None:
            continue  # (a numbered centre in a text about no detainees: a polling or health centre)
        first_end = m.end(3)
        out.append(OpenFacility(s, first_end, "prison", text[m.start(2) : first_end], m.start(2), first_end))
        if m.group(1) and m.group(4) and fold(m.group(4)) == f:
            out.append(OpenFacility(m.start(4), m.end(5), "prison", text[m.start(4) : m.end(5)], m.start(4), m.end(5)))
    return out


# A prison known by its number (rule 25j): `المعتقل رقم 59`, `السجن 66`, `السجن المعروف برقم 66`; definite, or with
# the word "number" (an indefinite `سجن سري يحمل الرقم 59` is a description); never a sentence's term (`بالسجن 15
# عاماً`, `السجن 10 سنوات`) nor a count (`السجن 66 ألفاً`)
_NUMBERED_PRISON_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:(?:[وف]|(ب))?(?:ال)(?:سجن|معتقل))[ \u00a0]+(?:(?:السري|السرى)\s+)?"
    r"(?:(رقم)\s+|(?:المعروف|المعروفة|الذي\s+يعرف|الذي\s+يُعرف)\s+(?:ب|بـ\s*)(?:ال)?رقم\s*)?"
    r"\(?([0-9\u0660-\u0669]{1,4})\)?(?![0-9\u0660-\u0669%/]|[.,٫][0-9\u0660-\u0669])"
    r"(?!\s*(?:آلاف|الاف|ألف|الف|أيام|ايام|يوم|يوما|يوماً|سنة|سنه|سنين|سنوات|أعوام|اعوام|عام|عاما|عاماً|شهر|شهرا|شهراً|"
    r"أشهر|اشهر|شهور|أسبوع|اسبوع|أسابيع|ساعة|ساعات|دقيقة|دقائق|مرة|مرات|سجين|سجينا|سجيناً|معتقل|معتقلا|معتقلاً|نزيل|نزيلا|"
    r"أسير|اسير|أسيرا|أسيراً|شخص|شخصا|كم|متر|في\s*المئة|بالمئة|مليون|مليار|"
    # (rule 29f) more counts of people: `ليبقى في المعتقل 375 محتجزاً`
    r"محتجز|محتجزا|محتجزين|معتقلين|سجناء|أسرى|اسرى|نزلاء|موقوف|موقوفا|موقوفين|عنصر|عنصرا|عناصر|مقاتل|مقاتلا|"
    r"امرأة|امراة|نساء|طفل|طفلا|أطفال|اطفال|رجل|رجلا|رجال|عائلة|عائلات|أشخاص|اشخاص|فرد|أفراد|افراد)"
    r"(?![\u0621-\u064a]))")


# (quote23ar survey, rule 27a) "known as" right before a glued `ب` (`منشأة تُعرف بالسجن (١٣٩١)`: the prison's name,
# not a sentence's `بالسجن 15 عاماً`), folded
_KNOWN_AS_BA_RE = re.compile(r"(?:^|\s)(?:و)?(?:يعرف|تعرف|عرف|عرفت|المعروف|المعروفه|معروف|معروفه|اشتهر|اشتهرت|يشتهر|"
                             r"تشتهر)\s*$")
_DIGITS_AR = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _numbered_prisons(text: str) -> list[OpenFacility]:
    out = []
    for m in _scouted_matches(_NUMBERED_PRISON_RE, text, (("السجن", 1), ("المعتقل", 1))):
        digits = m.group(3)
        named = m.group(2) is not None or m.group(0).find("رقم") >= 0
        if not named and len(digits) < 2:
            continue  # (`السجن 5` alone: a numbered part is no name unless "number" says so)
        if len(digits) == 4 and 1900 <= int(digits.translate(_DIGITS_AR)) <= 2099:
            continue  # (a year: `السجن 2015`; four digits otherwise name one, `السجن 1391`)
        if m.group(1) is not None and _KNOWN_AS_BA_RE.search(fold(text[max(0, m.start() - 20) : m.start()])) is None:
            continue  # (`بالسجن 66`: a sentence or "in prison", unless "known as" comes before the ب)
        start = m.start() + (1 if text[m.start()] in "وفب" else 0)
        out.append(OpenFacility(start, m.end(3) + (1 if text[m.end(3) : m.end(3) + 1] == ")" else 0), "prison",
                                digits, m.start(3), m.end(3)))
    return out


# (quote23ar survey, rule 27a) "the camp's name is «X»": a definite head after `اسم` and its name in quotes (`ورغم أن
# اسم المخيم "الأمل"`, `واسم السجن «...»`); the head alone is a reference, so the quotes must follow it
# (arrec30, rule 30d) a definite generic head, then "known as" and the name, the head far from it: `السجن المعروف
# باسم "الصناعة"`, `المخيم الذي يُعرف باسم الهول`, `المعتقل المعروف محلياً بـ"الكم"`. Tried only at the heads str.find
# finds (`لسجن` in `السجن`, `للسجن`; `لمعتقل`; `لمخيم`), the pattern anchored right after the head.
_DEF_HEAD_LITS = (("لسجن", "prison"), ("لمعتقل", "prison"), ("لمخيم", "camp"))
_AFTER_DEF_HEAD_AR_RE = re.compile(
    r"(?![\u0621-\u064a])(?:[ \u00a0]+ال[\u0621-\u064a\u064b-\u0652]{2,}){0,2}"  # (one or two adjectives)
    r"[ \u00a0]*[،,]?[ \u00a0]*(?:و?(?:الذي|التي)[ \u00a0]+)?"
    + r"(?:و)?" + _marked(r"(?:المعروف|المعروفه|المعروفة|المسمى|المسماه|المسماة|الملقب|(?:ي|ت)(?:عرف|سمى|لقب))")
    + r"(?![\u0621-\u064a])(?:[ \u00a0]+" + _marked(r"(?:محليا|شعبيا|ايضا|أيضا|سابقا|حاليا)") + r")?[ \u00a0]*"
    + _marked(r"(?:ب[ \u00a0]*اسم|اسم|بـ|ب)") + r"[ \u00a0]*")
_QUOTED_AFTER_RE = re.compile(r"([\"“«”(])[ \u00a0]*([\u0621-\u064a][^\"“”«»()\n]{0,38}?)[ \u00a0]*([\"”»“)])")
# the people a head's "known as" may be said of: `مدير السجن المعروف بـ"أبو علي"` (the director's byname)
_PERSON_BEFORE_HEAD = frozenset(fold(w) for w in ("مدير", "آمر", "مسؤول", "رئيس", "حارس", "سجان", "قائد", "ضابط"))
_KUNYA = frozenset(fold(w) for w in ("أبو", "أبي", "أبا", "أم", "ابن", "بن"))


def _def_head_start(text: str, k: int) -> int:
    """The start of the definite head whose `ل` + noun is at k (`السجن`, `للسجن`, `بالسجن`, `والمخيم`), or -1."""
    if k < 1 or text[k - 1] not in "ال":
        return -1
    s = k - 1
    if s and text[s - 1] in "وفب" and (s < 2 or not "\u0621" <= text[s - 2] <= "\u064a"):
        s -= 1
    return s if not s or not "\u0621" <= text[s - 1] <= "\u064a" else -1


def _definite_called(text: str, cores: list[Cand], gaz: Gazetteer) -> list[OpenFacility | FacilityMention]:
    out: list[OpenFacility | FacilityMention] = []
    for lit, kind in _DEF_HEAD_LITS:
        k = text.find(lit)
        while k != -1:
            t = _AFTER_DEF_HEAD_AR_RE.match(text, k + len(lit))
            hs = _def_head_start(text, k) if t is not None else -1
            k = text.find(lit, k + 1)
            if hs < 0 or prev_word(text, hs, frozenset()) in _PERSON_BEFORE_HEAD or t is None:
                continue
            g = t.end()
            if text[g : g + 1] in "\"“«”(":
                q = _QUOTED_AFTER_RE.match(text, g)
                if q is None or len(words := q.group(2).split()) > 4 or fold(words[0]) in gaz.ar_name_stop \
                        or fold(words[0]) in _KUNYA or _byword_in(text, q.start(2), q.end(2), cores, kind, gaz):
                    continue  # (`يعرف بـ"غوانتانامو الإمارات"`: another country's byword, rule 25t)
                out.append(OpenFacility(q.start(1), q.end(3), kind, q.group(2), q.start(2), q.end(2)))
                continue
            i = bisect_left(cores, g, key=_start)  # a known name of the kind right there, unquoted: that facility
            while i < len(cores) and cores[i].start == g:
                e = kind_payload(cores[i], gaz, kind)
                if e is not None:
                    if not epithet_after_ar(text, cores[i].end, e.country):  # (`صار المعتقل يعرف بغوانتانامو
                        out.append(fac(text, g, cores[i].end, e, 0.8))  # الإمارات`: a byword, rule 25t)
                    break
                i += 1
    return out


def _byword_in(text: str, lo: int, hi: int, cores: list[Cand], kind: str, gaz: Gazetteer) -> bool:
    """A known name of the kind inside text[lo:hi] qualified by another country right after it (a byword)."""
    i = bisect_left(cores, lo, key=_start)
    while i < len(cores) and cores[i].start < hi:
        c = cores[i]
        i += 1
        if c.end <= hi and (e := kind_payload(c, gaz, kind)) is not None and epithet_after_ar(text, c.end, e.country):
            return True
    return False


_NAME_OF_DEFINITE_RE = re.compile(r"(?:(?<![\u0621-\u064a])|(?<=[^\u0621-\u064a]و))اسم\s+ال(مخيم|سجن|معتقل)\s*"
                                  r"(?:هو\s+)?([\"“«”])\s*([\u0621-\u064a][^\"“”«»\n]{0,30}?)\s*([\"”»“])")


def _name_of_definite(text: str, gaz: Gazetteer) -> list[OpenFacility]:
    out = []
    for m in _from_literal(_NAME_OF_DEFINITE_RE, text, "اسم ال"):
        name = m.group(3)
        if len(name.split()) > 3 or fold(name.split()[0]) in gaz.ar_name_stop:
            continue
        kind = "camp" if m.group(1) == "مخيم" else "prison"
        out.append(OpenFacility(m.start(2), m.end(4), kind, name, m.start(3), m.end(3)))
    return out


# A city's central prison, then its own name in brackets (rule 25j): `السجن المركزي بطهران (فشافويه)`, `السجن المركزي
# في رومية (...)`: the city is the place, the bracketed word names the prison (rule 18b gives the identity to a bracket)
_CITY_PRISON_BRACKET_RE = re.compile(r"(?:ال)?سجن\s+(?:ال)?مركزي\s+(?:ب|في\s+)"
                                     r"([\u0621-\u064a]{2,}(?:\s+[\u0621-\u064a]{2,})?)"
                                     r"\s*\(\s*([\u0621-\u064a]{3,}(?:\s+[\u0621-\u064a]{3,})?)\s*\)")


_GENERIC_BRACKET = frozenset(fold(w) for w in ("العاصمة", "المدينة", "البلدة", "المحافظة", "الجديد", "القديم", "سابقا",
                                              "حاليا", "المركزي", "الرئيسي"))


def _bracketed_after_city(text: str, places: list[Cand], gaz: Gazetteer) -> list[OpenFacility]:
    out = []
    starts = _first_at(places)
    for m in _CITY_PRISON_BRACKET_RE.finditer(text):
        if m.start(1) not in starts:
            continue  # (the word after the preposition is a place the text names: a city)
        raw = m.group(2)
        f = fold(raw)
        if f in gaz.ar_name_stop or ((p := starts.get(m.start(2))) is not None and p.end >= m.end(2)) \
                or f in _GENERIC_BRACKET or (gaz.place_rules is not None and f in gaz.place_rules.nouns) \
                or not arabic_name_ok(raw.split()[0], fold(raw.split()[0]), gaz.ar_name_stop, quoted=False,
                                      known=gaz.trie.first, listed=True):
            continue  # `(طهران)`: a place in brackets is where it is; `(العاصمة)`: a noun, no name
        out.append(OpenFacility(m.start(2), m.end(2), "prison", raw, m.start(2), m.end(2)))
        # (the bracketed name alone: the head and the city before it stay the place the text names)
    return out


_HAMZA_SEAT = frozenset("ئؤ")  # no article-less Arabic name in the catalogue is spelled with one


def _inner_article(text: str, c: Cand, gaz: Gazetteer) -> bool:
    """A word after the first of the matched span carries the article where the catalogued multi-word name, spelled
    with no article in any word (`نور شمس`), has none: `نور الشمس` ("sunlight"), not the camp (rule 26r)."""
    words = fold(text[c.start : c.end]).split()
    if len(words) < 2 or not any(w.startswith("ال") and len(w) > 3 for w in words[1:]):
        return False
    plain = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words[1:])
    return any(m.endswith(plain) and m.count(" ") == len(words) - 1 for m in gaz.plain_multi_ar)


def _noart(c: Cand) -> bool:
    """Every reading of the core is an article-less name (`عايدة`): with the article it is another word; a
    name also catalogued with its article (`الروج` beside `روج`) is not."""
    return all(p[2] == "noart" for p in c.payloads)


def _listed_after(text: str, start: int, facilities: list[FacilityMention], kind: str | None) -> bool:
    """A facility of the kind ends right before `start`, joined to it by "و" or a comma."""
    return any(f.kind == kind and f.end <= start and _LISTED_RE.fullmatch(text, f.end, start) for f in facilities)


def _around(text: str, heads: list[Cand], facs: list[Cand], cores: list[Cand], places: list[Cand],
            fac_ids: set[str], accepted: list[tuple[int, int]], gaz: Gazetteer, covered: bytearray) -> Around:
    core_spans = set(map(_SPAN, cores))
    # place readings of a bare name's span (map and compress: C speed, no frame per place)
    shared = list(compress(places, map(core_spans.__contains__, map(_SPAN, places))))
    # only a place reading that shares a bare name's span can make it a city (Palmyra)
    cities = {(p.start, p.end) for p in shared if _city(text, p, gaz)}
    all_heads = heads_and_facilities(heads, facs, gaz)
    # (an ASCII name folds to no Arabic head word: fold maps no ASCII character to a non-ASCII one)
    # ([h for h in all_heads if _listing_head(text[h[0] : h[1]])]: the surfaces and their cached answers at C speed,
    # the uncached ones asked of _listing_head)
    surfaces = list(map(text.__getitem__, map(slice, map(_HEAD_START, all_heads), map(_HEAD_END, all_heads))))
    gots: list[bool | None] = list(map(_LISTING_HEAD.get, surfaces))
    if None in gots:
        gots = [_listing_head(sf) if g is None else g for g, sf in zip(gots, surfaces, strict=True)]
    listing = list(compress(all_heads, gots))
    # names the text gives as a town (`وبلدة "الهول"`, "the town of al-Hol", `بجانبي الكرخ`): towns in lists
    towns = {(o.start, o.end): o for o in cores if not inside(o.start, o.end, covered) and town_cued(text, o, gaz)
             and not plural_listed(text, o, cores)}
    # (each index is built when first asked: `accepted` grows as bare names are read, so it is copied now)
    return Around(all_heads, listing, Spans(list(map(_HEAD_SPAN, all_heads))), fac_ids, accepted,
                  Spans(list(accepted)),
                  Spans(make=lambda: [sp for sp in core_spans if sp not in cities and sp not in towns]),
                  Spans(make=lambda: [(p.start, p.end) for p in places if (p.start, p.end) not in core_spans]
                        + list(towns)),
                  cities, cores, {(i, fold(text[o.start : o.end])) for o in towns.values() for i in o.ids},
                  set(towns),
                  set(map(_SPAN, shared)))


_SPAN = attrgetter("start", "end")  # (a candidate's or mention's (start, end), at C speed)
_END = attrgetter("end")
_HEAD_SPAN = itemgetter(0, 1)
_HEAD_START = itemgetter(0)
_HEAD_END = itemgetter(1)


def _listing_head(surface: str) -> bool:
    """An Arabic head word (or a name that opens with one) that is dual or plural (`مخيمي`, `سجون`), by its surface
    alone (cached: outlets write the same head words and names again and again)."""
    got = _LISTING_HEAD.get(surface)
    if got is None:
        got = remember(_LISTING_HEAD, surface,
                       len(surface) > 4 and not surface.isascii() and fold(surface.split(None, 1)[0]) in LISTING_AR)
    return got


_LISTING_HEAD: dict[str, bool] = facility_cache()


# (not the feminine `الكبرى`, which agrees with the city: `سجن طهران الكبرى` is the Greater Tehran prison, a name)
_GREAT = frozenset(("الكبير", "الاكبر", "كبير", "كبري"))


def _metaphor(text: str, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> bool:
    """`سجن غزة الكبير`: a city or country called "the great prison" is a figure of speech, no facility."""
    if " " not in text[of.name_start : of.name_end]:
        return False  # one word: no "great" after a town's name
    place = next((p for p in places if p.start == of.name_start), None)
    if place is None or place.end >= of.name_end:
        return False
    rest = {fold(w) for w in text[place.end : of.name_end].split()}
    return bool(rest) and rest <= _GREAT and (_city(text, place, gaz) or best_entry(text, place, gaz).kind == "region")
    # (`سجن قطاع غزة الكبير`: a region called "the great prison" too; neg27, rule 28z)


def _city(text: str, c: Cand, gaz: Gazetteer) -> bool:
    e = best_entry(text, c, gaz)
    return e.kind in ("city", "admin1", "country") or e.population >= 20000


def _core_named(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    """The known facility of `kind` whose core is exactly `name` (a town's English name), if one (cached per
    gazetteer: a trie walk and a look at its payloads)."""
    if _CORE_NAMED.get("") is not gaz:  # (the gazetteer the answers are about, under the key "")
        _CORE_NAMED.clear()
        _CORE_NAMED[""] = gaz
    key = f"{kind}\0{name}"
    if key in _CORE_NAMED:
        got: Entry | None = _CORE_NAMED[key]
        return got
    if len(_CORE_NAMED) >= 50_000:
        _CORE_NAMED.clear()
        _CORE_NAMED[""] = gaz
    got = _CORE_NAMED[key] = _core_named_walk(name, kind, gaz)
    return got


def _spelt_near(text: str, place: Cand, town: Entry, kind: str, places: list[Cand], gaz: Gazetteer) -> Entry | None:
    """The known facility of `kind` whose name a town's Latin name after the head spells another way, where that
    facility lies by the town (within about 15 km: "Arishah camp", GeoNames' village al-Arishah, is the Areesha camp by
    it) or where the town is of another country than the facility and the text places itself in the facility's
    country alone ("al-Sina prison in al-Hasakeh" is Ghwayran's Sina'a prison, not a prison of Iraq's Sinah): no camp
    or prison of its own (core25en survey, rule 28f). A known name of another site far away stays no match."""
    if town.lat is None or town.lon is None:
        return None
    e = variant_of(text[place.start : place.end], kind, gaz)
    if e is None or e.lat is None or e.lon is None:
        return None
    if e.country and town.country and e.country != town.country:
        countries = {best_entry(text, c, gaz).country for c in places if c is not place}
        return e if e.country in countries and town.country not in countries else None
    dy, dx = (e.lat - town.lat) * 111.0, (e.lon - town.lon) * 111.0 * 0.8  # (km; cos 37° ≈ 0.8)
    return e if dy * dy + dx * dx <= 15.0 ** 2 else None


_CORE_NAMED: dict[str, Any] = {}
FACILITY_CACHES.append(_CORE_NAMED)  # (emptied with variants.clear_cache: cold-cache benchmarks)


def _core_named_walk(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    node: dict | None = gaz.trie.root
    for t in key_tokens(name):
        node = node.get(t) if isinstance(node, dict) else None
        if node is None:
            return None
    if not isinstance(node, dict):
        return None
    ids = {p[1] for role, pls in node.get(PAYLOAD, ()) if role == "core" for p in pls
           if gaz.entries[p[1]].kind == kind}
    return gaz.entries[next(iter(ids))] if len(ids) == 1 else None


_ANNEX_AFTER_RE = re.compile(r"\s+annexe?\b", re.IGNORECASE)
# "the annex of al-Hol", "the foreigners' annex in al-Hol" before the name; "al-Hol's (foreign) annex" after it
_ANNEX_BEFORE_RE = re.compile(r"\bannexe?\s+(?:of|in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_ANNEX_POSS_RE = re.compile(r"['’]s\s+(?:[A-Za-z-]+\s+){0,2}?annexe?\b", re.IGNORECASE)


def _renamed_known(text: str, c: Cand, fid: str, facilities: list[FacilityMention]) -> bool:
    """The bare name and a mention of the same facility by its other full name, joined by "now called", "also
    known as", "formerly named" ("Abu Ghraib, now called Baghdad Central Prison"): two names of one prison, as
    bare.py reads two bare names so; not a town's ("Derik, also known as al-Malikiyah": no facility named)."""
    for f in facilities:
        if f.id != fid:
            continue
        if 0 <= f.start - c.end <= 40 and RENAMED_RE.fullmatch(text, c.end, f.start) is not None:
            return True
        if 0 <= c.start - f.end <= 40 and RENAMED_RE.fullmatch(text, f.end, c.start) is not None:
            return True
    return False


def _annexed(text: str, f: FacilityMention, gaz: Gazetteer) -> FacilityMention:
    """A camp named with its head and then "annex" ("the “al-Hawl” camp annex") is the camp's annex when the
    gazetteer lists one (a core "<name> annex" of another entry)."""
    if f.kind != "camp":
        return f
    m = _ANNEX_AFTER_RE.match(text, f.end) or _ANNEX_POSS_RE.match(text, f.end)
    b = None if m is not None else _ANNEX_BEFORE_RE.search(text, max(0, f.start - 24), f.start)
    if m is None and b is None:
        return f
    annex = _annexes(gaz).get(f.id)
    if annex is None:
        return f
    if m is not None:
        return fac(text, f.start, m.end(), gaz.entries[annex], f.confidence)
    assert b is not None  # "the annex of al-Hol" (rule 24g): the annex, named from its head word on
    return fac(text, b.start(), f.end, gaz.entries[annex], f.confidence)


# "the annex", "the Annex", "the foreigners' annex" on its own (rule 28u): not "the annex of/to" another thing
_THE_ANNEX_RE = re.compile(r"\b(?:the|its|[Tt]he camp['’]s)[ \u00a0]+(?P<q>(?:foreigners['’]|foreign|fenced|special|"
                           r"high-security|separate)[ \u00a0]+)?(?P<a>[Aa]nnexe?)\b(?![ \u00a0]+(?:of|to)\b)")


def _the_annex(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """"The annex" on its own in a text that names one camp with an annex and not the annex itself is that camp's
    annex ("families left al-Hol ... and at last the foreigners' annex")."""
    annexes = _annexes(gaz)
    camps = {annexes[f.id] for f in facilities if f.id in annexes}
    if len(camps) != 1 or any(f.id in camps for f in facilities):
        return []
    m = _THE_ANNEX_RE.search(text)
    if m is None or any(f.start <= m.start("a") < f.end for f in facilities):
        return []
    return [fac(text, m.start("q") if m.group("q") else m.start("a"), m.end("a"), gaz.entries[camps.pop()], 0.6)]


# the Arabic "annex" right before a camp named with its head (rule 28u): `الملحق الخاص بمخيم الهول`, `الملحق في مخيم
# الهول`, `ملحق الأجانب في مخيم الهول` (the gazetteer's `ملحق مخيم الهول` is read whole as before)
_ANNEX_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:ال)?ملحق(?:[ \u00a0]+(?:الخاص|المخصص|التابع|الأجانب|الاجانب"
                                 r"|للأجانب|للاجانب))?[ \u00a0]+(?:ب|في[ \u00a0]+|داخل[ \u00a0]+)$")


def _annexed_ar(text: str, f: FacilityMention, gaz: Gazetteer) -> FacilityMention:
    """A camp named with its Arabic head right after the word for "annex" is the camp's annex when the gazetteer
    lists one (as _annexed reads "the annex of al-Hol")."""
    if f.kind != "camp" or (b := _ANNEX_BEFORE_AR_RE.search(text, max(0, f.start - 30), f.start)) is None:
        return f
    annex = _annexes(gaz).get(f.id)
    if annex is None:
        return f
    return fac(text, b.start(), f.end, gaz.entries[annex], f.confidence)


def _annexes(gaz: Gazetteer) -> dict[str, str]:
    """facility id -> the id of its annex: the camp with a core "<a core of the facility> annex" (one walk of the
    trie's core keys, once per gazetteer)."""
    got = _ANNEXES.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    from services.enrich.variants import _keys  # (the trie walk variants.py indexes by)
    cores: dict[tuple[str, ...], set[str]] = {}
    for key, role, pls in _keys(gaz):
        if role == "core":
            cores.setdefault(key, set()).update(p[1] for p in pls if gaz.entries[p[1]].kind == "camp")
    out: dict[str, str] = {}
    for key, ids in cores.items():
        if len(key) >= 2 and key[-1] == "annex":
            base = cores.get(key[:-1], set()) - ids
            for b in base if len(base) == 1 else ():
                for a in ids:
                    out[b] = a
    _ANNEXES.clear()
    _ANNEXES[id(gaz)] = (gaz, out)
    return out


_ANNEXES: dict[int, tuple[Gazetteer, dict[str, str]]] = {}


_ID = attrgetter("id")
_OPEN_ID = methodcaller("startswith", "open:")


def _any_open(facilities: list[FacilityMention]) -> bool:
    """any(f.id.startswith("open:") for f in facilities), at C speed (map, no generator frame)."""
    return any(map(_OPEN_ID, map(_ID, facilities)))


def _town_named_ids(gaz: Gazetteer) -> frozenset[str]:
    """The ids of the gazetteer's entries that bear a town's name (`town_name`), none "open:" (once per gazetteer)."""
    got = _TOWN_NAMED.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    ids = frozenset(i for i, e in gaz.entries.items() if e.town_name and not i.startswith("open:"))
    _TOWN_NAMED.clear()
    _TOWN_NAMED[id(gaz)] = (gaz, ids)
    return ids


_TOWN_NAMED: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _one_per_span(facilities: list[FacilityMention]) -> list[FacilityMention]:
    """Each mention whose span is not the one before it (at C speed: each span against the one before it, the first
    against None)."""
    spans = list(map(_SPAN, facilities))
    return list(compress(facilities, map(ne, spans, [None, *spans])))


# a plural prison or camp head, then within its clause (no town word) "such as"/"including"/"like" right before a
# town's name (bare._PLURAL_SUCH_AS_RE without "facilities" and "centres"), and after the name a list's comma, "and",
# "or", the clause's end or a lower-case word: "prisons such as Diyarbakir quickly filled" (rule 26k)
_SUCH_AS_HEAD_RE = re.compile(r"\b(camps|prisons|jails)\b(?:(?!\b(?:towns?|cities|city|villages?|areas?|districts?|"
                              r"provinces?|places|countries|regions?|states?)\b)[^.;:!?\n]){0,50}?\b(?:such\s+as|"
                              r"including|like)\s+(?:(?:[A-Z][\w'’-]*\s*,\s*)|(?:[A-Z][\w'’-]*\s+and\s+)){0,3}$",
                              re.IGNORECASE)
_SUCH_AS_END_RE = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|or)\s|\s[a-z])")
_NOT_TOWN_KINDS = frozenset(("country", "region", "governorate", "adm1"))


def _towns_such_as(text: str, places: list[Cand], gaz: Gazetteer) -> list[OpenFacility]:
    """A town's name listed after "prisons such as" / "camps including" is that town's prison or camp, an
    open-world site named as the town is ("prisons such as Diyarbakir and Mardin"); not a country's or a region's
    name, nor a town the clause places the head in ("camps in towns such as Arsal" keeps Arsal)."""
    out: list[OpenFacility] = []
    for c in places:
        pid = c.payloads[0][1]
        if not pid.startswith(("geonames:", "place:")) or text[c.start] > "\u024f":
            continue
        e = gaz.entries.get(pid)
        if e is not None and getattr(e, "kind", None) in _NOT_TOWN_KINDS:
            continue
        m = _SUCH_AS_HEAD_RE.search(text, max(0, c.start - 90), c.start)
        if m is None or _SUCH_AS_END_RE.match(text, c.end) is None:
            continue
        kind = "camp" if "amp" in m.group(1).lower() else "prison"
        out.append(OpenFacility(c.start, c.end, kind, text[c.start : c.end], c.start, c.end))
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
            if e is not None and not (e.country not in _MAGHREB_ISO
                                      and maghreb_official(text, of.start, of.name_start)):
                return fac(text, of.start, of.end, e, 0.8)  # (`السجن المدني بسوسة` in a Tunisia text: rule 26g)
    # a name that is a known town names a camp or prison after it (مورك), it is no misspelling; the one
    # known facility named after that town with a descriptor is it (`سجن حماة`: Hama Central Prison)
    place = _first_at(places).get(of.name_start) if places else None
    if place is not None and place.end < of.name_end \
            and not {fold(w) for w in text[place.end : of.name_end].split()} <= DESCRIPTORS:
        # a place's name is only the first word of the name (جم in `جم مشكو`, Cham in "Cham Mishko"): the
        # name is no town's; it may be a known name spelled as two words
        e = _variant_or_glued(text, of, gaz)
        if e is not None:
            return fac(text, of.start, of.end, e, 0.7)
        return open_fac(text, of, places, gaz)
    if place is not None:
        # `سجن حماة المدني`: the town and only descriptors after it
        rest = {fold(w) for w in text[place.end : of.name_end].split()}
        e = None
        if rest <= DESCRIPTORS:  # by the name as written, else by the town's own name (Raqqah: Raqqa)
            town = best_entry(text, place, gaz).canonical
            e = named_after(text[place.start : place.end], of.kind, gaz) or named_after(town, of.kind, gaz)
            if e is None and not rest:  # `مخيم الرقبان`: GeoNames' Rukban, the known camp's own name
                e = _core_named(town, of.kind, gaz)
            if e is None and not rest and text[of.name_start] < "\u0250":
                e = _spelt_near(text, place, best_entry(text, place, gaz), of.kind, places, gaz)
            if e is None and not rest:
                e = _place_named(text, of, place, places, cores, gaz)  # `مخيم غزة في جرش`: Jerash camp (28j)
            if e is not None and e.country not in _MAGHREB_ISO and maghreb_official(text, of.start, of.name_start):
                e = None  # `السجن المدني بسوسة` in a Tunisia text: Sousse's prison, not Iraq's Susa (rule 26g)
    else:
        words = of.name.split()
        while len(words) > 1 and fold(words[-1]) in DESCRIPTORS:
            words.pop()  # `سجن رومي المركزي`: the variant is the name before its descriptor
        # "the Bucca camp": a detention site's exact name under the other kind's head wins over a guessed spelling of
        # this kind (Bucca is no Baqaa: rule 26i)
        e = _detention_other_kind(text, of, cores, gaz, exact_only=True) \
            or variant_of(" ".join(words), of.kind, gaz)
        if e is None and len(words) == 2:
            e = variant_of(glued(*words), of.kind, gaz)  # `مخيم جم مشكو`: جمشكو
        if e is None and len(words) > 1 and fold(words[0]) in _TOWN_CUES_AR:
            e = variant_of(" ".join(words[1:]), of.kind, gaz)  # `مخيم بلدة مبروكة`, `مخيم بلدة تل السمن`: the known
            # camp the town is named for, the cue no part of its name (core27ar, rule 28x)
        if e is None:
            # "Rukbam camp", `سجن صيدنابا`: a slip of one letter (rule 28h)
            e = typo_of(" ".join(words), of.kind, gaz, lambda: _places_at(text, places, gaz))
        if e is not None and e.country not in _MAGHREB_ISO and official_head(text, of.start, of.name_start):
            e = None  # `السجن الفلاحي العدير`: a Maghreb official designation's name spelt like a site elsewhere
            # (Syria's Adra) is its own, no guessed spelling of that site (ar32rec, rule 32i)
        if e is None and len(words) == 1 and "\u0600" <= of.name[:1] <= "\u06ff":
            nxt = _NEXT_WORD_RE.match(text, of.end)
            joined = variant_of(glued(of.name, nxt.group(1)), of.kind, gaz) if nxt is not None else None
            if nxt is not None and joined is not None:  # `مخيم جم مشكو`: one word (جمشكو) or two
                return fac(text, of.start, nxt.end(1), joined, 0.7)
    if e is not None and place is None and _placed_elsewhere(text, of, e, places, gaz):
        e = None  # rule 27x: a guessed spelling of a site of one country in a text of only another's places
        if " " not in of.name and "\u0600" <= of.name[:1] <= "\u06ff":
            e = _short_placed(text, of, places, gaz)  # `مخيم البرج في بيروت`: Burj al-Barajneh, not Gaza's Bureij
    if e is None and (place is None or place.end == of.name_end):  # al-Hawl: a town's name too
        e = _detention_other_kind(text, of, cores, gaz)
        if e is not None and place is None and _placed_elsewhere(text, of, e, places, gaz):
            e = _detention_other_kind(text, of, cores, gaz, exact_only=True)
    if e is not None:
        return fac(text, of.start, of.end, e, 0.7)
    return open_fac(text, of, places, gaz)


# a town's cue before the name after a head (folded): `مخيم بلدة مبروكة` is the Mabrouka camp (core27ar, rule 28x)
_TOWN_CUES_AR = frozenset(("بلده", "قريه", "مدينه"))


def _places_at(text: str, places: list[Cand], gaz: Gazetteer) -> list[tuple[float, float]]:
    """Where the text's places are (for a short name's slip, rule 28h)."""
    out = []
    for c in places:
        pe = best_entry(text, c, gaz)
        if pe.lat is not None and pe.lon is not None and pe.kind != "country":
            out.append((pe.lat, pe.lon))
    return out
def _place_named(text: str, of: OpenFacility, place: Cand, places: list[Cand], cores: list[Cand],
                 gaz: Gazetteer) -> Entry | None:
    """A head and a place's name that a known facility of the kind is also called (`place_named`: Jerash camp is
    `مخيم غزة`, "the Gaza camp") where the sentence names a place of that facility's own country or the facility by
    its own core (`مخيم غزة في جرش`, `لاجئو مخيم غزة في الأردن`, "the Gaza camp in Jerash", `مخيم جرش، المعروف
    باسم مخيم غزة`); elsewhere a camp in Gaza stays open-world."""
    key = " ".join(key_tokens(text[place.start : place.end]))
    cands = _place_named_table(gaz).get((key, of.kind))
    if not cands:
        return None
    lo, hi = _sentence_bounds(text, of.start, of.end)
    for c in places:
        if c is place or c.end <= lo or c.start >= hi:
            continue
        country = best_entry(text, c, gaz).country
        for ent in cands:
            if country and country == ent.country:
                return ent
    for c in cores:
        if lo <= c.start and c.end <= hi and not (of.name_start <= c.start < of.name_end):
            named = kind_payload(c, gaz, of.kind)
            if named is not None and named in cands:
                return named
    return None


def _place_named_table(gaz: Gazetteer) -> dict[tuple[str, str], list[Entry]]:
    """(key tokens of a `place_named` name, kind) -> the facilities so called, built once per gazetteer."""
    known = _PLACE_NAMED.get(id(gaz))
    if known is None or known[0] is not gaz:
        table: dict[tuple[str, str], list[Entry]] = {}
        for ent in gaz.entries.values():
            for k in ent.place_named:
                table.setdefault((k, ent.kind or ""), []).append(ent)
        _PLACE_NAMED.clear()
        _PLACE_NAMED[id(gaz)] = known = (gaz, table)
    return known[1]


_PLACE_NAMED: dict[int, tuple[Gazetteer, dict[tuple[str, str], list[Entry]]]] = {}


def _placed_elsewhere(text: str, of: OpenFacility, e: Entry, places: list[Cand], gaz: Gazetteer) -> bool:
    """The name is placed by a locative right after it ("in", "near", "east of", `في`, `قرب`, `شرق`) and the text
    names a town or a region of another country than the known site's and no place of the site's own country: "the
    Qedumim Prison east of Qalqilia" in a West Bank text is no spelling of Iraq's Kadhimiya, though the skeletons agree
    (rule 27x). A place after another site's name (`من مخيم الهوول إلى مخيم الجدعه جنوب الموصل`) places that one."""
    if not places or not e.country:
        return False
    at = _PLACED_AT_RE.match(text, of.end)
    if at is None or at.end() == of.end or _PLACE_WORD_RE.match(text, at.end()) is None:
        return False  # no locative right after the name
    elsewhere = False
    for c in places:
        pe = best_entry(text, c, gaz)
        if pe.country == e.country:
            return False
        if pe.country and pe.kind != "country":
            elsewhere = True  # (a town the gazetteer does not know, "east of Qalqilia", in a text of the West Bank)
    return elsewhere


# one Arabic word joined by و or a comma between two known sites of a list (`والبص والبرج الشمالي وشاتيلا والبرج ومار
# الياس`): the item, then the next separator
_SHORT_ITEM_RE = re.compile(r"[ \u00a0]*(?:[،,][ \u00a0]*)?و?[ \u00a0]*([\u0621-\u064a]{4,})"
                            r"(?=[ \u00a0]*(?:[،,][ \u00a0]*)?و)")


def _short_between(text: str, facilities: list[FacilityMention], gaz: Gazetteer) -> list[FacilityMention]:
    """A one-word item between two known camps of one country in a bare list that is the first word of a known camp's
    name there (variants.short_name): that camp (`... وشاتيلا والبرج ومار الياس`: Burj al-Barajneh; fix24, rule 27e)."""
    out: list[FacilityMention] = []
    n = len(facilities)
    for i, f in enumerate(facilities):
        out.append(f)
        if i + 1 == n or f.id[:5] == "open:":
            continue
        g = facilities[i + 1]
        m = _SHORT_ITEM_RE.match(text, f.end)
        if m is None or g.id[:5] == "open:" or g.start - m.end(1) > 4 or g.start < m.end(1):
            continue
        e1, e2 = gaz.entries.get(f.id), gaz.entries.get(g.id)
        if e1 is None or e2 is None or e1.kind != e2.kind or not e1.country or e1.country != e2.country \
                or e1.lat is None or e1.lon is None or e2.lat is None or e2.lon is None:
            continue
        e = short_name(m.group(1), e1.kind or "camp", gaz, e1.country,
                       ((e1.lat + e2.lat) / 2, (e1.lon + e2.lon) / 2))
        if e is not None and e.id not in (f.id, g.id):
            out.append(fac(text, m.start(1), m.end(1), e, 0.7))
    return out


def _short_placed(text: str, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> Entry | None:
    """A one-word Arabic name placed by a locative right after it (`مخيم البرج في بيروت`) that is the first word of a
    known site's name in the place's country (variants.short_name: Burj al-Barajneh; fix24, rule 27e)."""
    at = _PLACED_AT_RE.match(text, of.end)
    if at is None or at.end() == of.end:
        return None
    p = next((c for c in places if c.start == at.end()), None)
    if p is None:
        return None
    pe = best_entry(text, p, gaz)
    if not pe.country or pe.lat is None or pe.lon is None:
        return None
    return short_name(of.name, of.kind, gaz, pe.country, (pe.lat, pe.lon))


_PLACE_WORD_RE = re.compile(r"[A-Z]|[\u0621-\u064a]")
_PLACED_AT_RE = re.compile(r"[\s,]*(?:(?:in|at|near|outside|by|(?:(?:north|south|east|west)(?:-?(?:east|west))?|"
                           r"just|some|\d+\s*(?:km|kilometres|kilometers|miles))\s+(?:of\s+)?)+|"
                           r"(?:in\s+)?the\s+(?:town|city|village|area|district)\s+of|"
                           r"(?:في|قرب|بالقرب\s+من|شرق|غرب|شمال|جنوب|شمالي|جنوبي|شرقي|غربي)\s*)\s*(?:the\s+)?|[\s,]*ب",
                           re.IGNORECASE)


_MAGHREB_ISO = frozenset(("TN", "DZ", "MA", "LY", "MR"))


def _variant_or_glued(text: str, of: OpenFacility, gaz: Gazetteer) -> Entry | None:
    """The known facility an unknown name spells differently, as written or as one word (`جم مشكو`: جمشكو)."""
    words = of.name.split()
    while len(words) > 1 and fold(words[-1]) in DESCRIPTORS:
        words.pop()
    e = variant_of(" ".join(words), of.kind, gaz)
    if e is None and len(words) == 2:
        e = variant_of(glued(*words), of.kind, gaz)
    return e


# a detention camp is also called a detention centre or facility ("the Roj detention centre"), a detention
# centre a camp ("the Sde Teman camp"): the head's kind is not the catalogue's, the place of detention is the same.
# Outlets call a detention camp a prison with no detention word at all ("Daesh members escaped from al-Hawl
# prison"): no prison of that name is known, the camp is the place meant.
_DETENTION_HEAD_RE = re.compile(r"detention|احتجاز|camp", re.IGNORECASE)
_OTHER_KIND = {"prison": ("camp", "detention_camp"), "camp": ("prison", "detention_centre")}
_DETENTION_WORD_RE = re.compile(r"detention|احتجاز", re.IGNORECASE)
# the rest of an English list of capitalised names up to its plural head "detention camps" (rule 28u)
_LIST_DETENTION_CAMPS_RE = re.compile(r"(?:(?:,? (?:and|or) |, )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}){0,4}"
                                      r" detention camps\b")


def _detention_other_kind(text: str, of: OpenFacility, cores: list[Cand], gaz: Gazetteer,
                          exact_only: bool = False) -> Entry | None:
    other, dtype = _OTHER_KIND.get(of.kind, ("", ""))
    if not other:
        return None
    headed = _DETENTION_HEAD_RE.search(text, of.start, of.name_start) is not None \
        or _DETENTION_HEAD_RE.search(text, of.name_end, of.end) is not None
    # "Ofer and Majeddo detention camps": a name under "detention camp(s)", its own or its list's (engine_rules reads
    # that head as a known prison's), is a known prison of any type (rule 28u)
    dcamp = of.kind == "camp" and ("etention camp" in text[of.name_end : of.end]
                                   or (text[of.end : of.end + 1] in " ,"
                                       and _LIST_DETENTION_CAMPS_RE.match(text, of.end) is not None))
    if not headed and not dcamp and of.kind != "prison":
        return None
    i = bisect_left(cores, of.name_start, key=_start)
    while i < len(cores) and cores[i].start < of.name_end:
        c = cores[i]
        i += 1
        if c.start == of.name_start and c.end == of.name_end:
            e = kind_payload(c, gaz, other)
            if e is not None and (e.type == dtype or dcamp):
                return e
    if not (headed or dcamp) or exact_only:
        return None  # a prison of no detention word is a detention camp by its exact name only ("Hilla prison")
    if of.kind == "camp" and not dcamp and _DETENTION_WORD_RE.search(text, of.start, of.name_start) is None \
            and _DETENTION_WORD_RE.search(text, of.name_end, of.end) is None:
        return None  # a camp of no detention word is a detention centre by its exact name only: "al-Mawasi tent
        # camp" spells no Mezzeh (m-s), "the Sde Teman camp" is Sde Teiman (rule 27b)
    e = variant_of(of.name, other, gaz)
    return e if e is not None and (e.type == dtype or dcamp) else None
