"""Open-world facilities: a head word next to a name the gazetteer does not know.

Arabic: "سجن X" / "مخيم X" — the head is in construct state (no article: "السجن" alone is generic), X
is the next word unless it is a stop word ("سجن المتهمين", "مخيم للنازحين", "بالسجن 5 سنوات").
English: "X prison" / "X camp" / "X detention centre" with X one to three capitalised words that are not
determiners, demonyms or generic modifiers ("the camp", "Syrian prison", "training camp"), or
"prison of X". The location is the place inside the name, else the nearest place mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from services.enrich import world32 as _w32
from services.enrich.context import cue_list
from services.enrich.gazetteer import Gazetteer
from services.enrich.matcher import _A, _H, _W, NEXT_RE, key_tokens
from services.enrich.names import _MAX_GAP, DUAL_AR, NAME_PREFIXES, QUOTES, arabic_name_ok, gap_end
from services.enrich.normalize import TOKEN_RE, fold
from services.enrich.resolve import Cand
from services.enrich.variants import facility_cache, remember, variant_of

_START = attrgetter("start")
_END = attrgetter("end")
_SPAN = attrgetter("start", "end")

_AR_DESCRIPTORS = {"المركزي", "العسكري", "المدني", "الرييسي", "الجديد", "القديم", "الكبير", "الصغير", "الشرقي",
                   "الغربي", "الشمالي", "الجنوبي", "الاول", "الثاني"}
_LOCATIVE_ADJ_RE = re.compile(r"-(?:area|based|region|run|held|controlled|administered)$", re.IGNORECASE)
_AR_AGE = {"الجديد", "القديم"}  # (folded: الجديدة → الجديده is no descriptor here either)
_PLURAL_HEADS = {"مخيمات", "سجون", "معتقلات", "camps", "prisons", "jails", "centres", "centers", "facilities"}
# a name's first letter: a capital, also an accented Latin one (Kurmanji and Turkish spellings: "Şedadê prison",
# "Çağlayan camp"; core24en survey, rule 27g), or a digit
_CAP_FIRST = ("A-Z0-9\u00c0-\u00d6\u00d8-\u00de"
              "\u0106\u010c\u0110\u011e\u0130\u0141\u0143\u0152\u0158\u015a\u015e\u0160\u0179\u017b\u017d")
_CAP_TOKEN = f"(?:(?:[Aa]l|[Ee]l|a[dnrstz]|ash)[{_H}])?[{_CAP_FIRST}][{_W}{_A}]*(?:[{_H}][{_W}{_A}]+)*"
_CAP_BEFORE_RE = re.compile(f"(?<![{_W}{_A}{_H}])({_CAP_TOKEN})[ \u00a0]+$")


def cap_before(text: str, lo: int, pos: int) -> re.Match[str] | None:
    """_CAP_BEFORE_RE.search(text, lo, pos), tried only where a match can start: the token holds no space nor
    no-break space and is followed by nothing but them up to `pos`, so it starts after the last one before
    the spaces that end the window (the regex alone would try every position of the window). (`$` also
    matches before a line break that ends the window.)"""
    end = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    if end <= lo or text[end - 1] not in _SPACE_NBSP:
        return None  # (at least one space before the end)
    j = end - 1
    while j > lo and text[j - 1] in _SPACE_NBSP:
        j -= 1
    k = max(text.rfind(" ", lo, j), text.rfind("\u00a0", lo, j)) + 1
    return _CAP_BEFORE_RE.search(text, k if k > lo else lo, pos)


_SPACE_NBSP = " \u00a0"
_CAP_AFTER_RE = re.compile(f"[ \u00a0]+({_CAP_TOKEN})")


@dataclass(slots=True)
class OpenFacility:
    start: int
    end: int
    kind: str
    name: str
    name_start: int
    name_end: int


# The place candidates by start (the first in list order at each start), for the many "is a place's name at this
# position" questions the name readers ask: one dict per candidate list, not a walk of the list per question (a text
# of thousands of heads and places was quadratic). Kept for the last list asked about, as one tuple (the list, its
# length, the dict) swapped whole, so a thread reading it never sees another list's dict.
_FIRST_AT: tuple[list[Cand] | None, int, dict[int, Cand]] = (None, 0, {})


def _first_at(places: list[Cand]) -> dict[int, Cand]:
    global _FIRST_AT
    memo = _FIRST_AT
    if memo[0] is places and memo[1] == len(places):
        return memo[2]
    # ({c.start: c, the first at each start}: dict(zip(...)) keeps a key's last item, so the list is read reversed;
    # C speed)
    rev = places[::-1]
    d: dict[int, Cand] = dict(zip(map(_START, rev), rev, strict=True))
    _FIRST_AT = (places, len(places), d)
    return d


# The same for "is there a place candidate exactly over [start, end)" (the first in list order at each span) and
# "the furthest end of a place candidate at each start": one dict per list, not a walk of it per open-world name.
_SPAN_AT: tuple[list[Cand] | None, int, dict[tuple[int, int], Cand], dict[int, int]] = (None, 0, {}, {})
_SPANS_FROM = 64  # (a shorter list is walked: building the dicts costs more than a few walks of it)


def _spans_at(places: list[Cand]) -> tuple[dict[tuple[int, int], Cand], dict[int, int]]:
    global _SPAN_AT
    memo = _SPAN_AT
    if memo[0] is places and memo[1] == len(places):
        return memo[2], memo[3]
    # (the first candidate at each span, the furthest end at each start: dict(zip(...)) keeps a key's last item, so
    # the list is read reversed, and by end for the ends; C speed)
    rev = places[::-1]
    spans: dict[tuple[int, int], Cand] = dict(zip(map(_SPAN, rev), rev, strict=True))
    by_end = sorted(places, key=_END)
    ends: dict[int, int] = dict(zip(map(_START, by_end), map(_END, by_end), strict=True))
    _SPAN_AT = (places, len(places), spans, ends)
    return spans, ends


def find_open(
    text: str, heads: list[Cand], facs: list[Cand], people: list[Cand], places: list[Cand], gaz: Gazetteer,
    muted: list[tuple[int, int]] | None = None,
) -> list[OpenFacility]:
    """Open-world facilities at `heads`; names inside facilities or actors (`people`) are owners. `muted` gets the
    spans of the sites that are none (not_a_site: "the former Khiam prison"), whose town is no place either."""
    out: list[OpenFacility] = []
    trained: list[str] = []
    titled: list[str] = []
    for h in heads:
        kind = h.payloads[0][1]
        mode = h.payloads[0][2]
        words = text[h.start : h.end].split()
        last = words[-1]
        # "Zamzam camp's new reality": a possessive head is one camp (folded, "camp's" reads as "camps")
        word = fold(last[:-2] if last[-2:] in _POSSESSIVE and last[-3:-2] != "s" else last)
        if fold(words[0]) in _COMPLEX_AR and len(words) > 1:
            word = fold(words[0])  # `مجمع سجون وادي النطرون`: a complex of prisons is one site, named by its region
        if word in DUAL_AR and last.endswith(("اً", "ًا")) and mode == "ar_before":
            of = _called(text, h, kind, gaz) \
                or (_far_named(text, h, facs, gaz) if kind == "prison" else None)  # `مخيماً سمّته "المأوى"`: the
            # accusative of one camp, not a dual (27a); `سجناً ... يطلق عليه المعتقلون اسم "الثلاجة"` (31h)
        elif word in _PLURAL_HEADS or word in DUAL_AR:
            # "مخيمات الشمال", "Kurdish-run camps": plurals name no single facility; duals two
            # (coordinated, attach.py): `معتقلي تنظيم داعش` is "the detainees of"; but a cluster of camps
            # takes the name of its village: `مخيمات شمارخ`
            of = _cluster(text, h, kind, places, gaz) if mode == "ar_before" and word in _PLURAL_AR \
                and kind == "camp" else None  # (`سجون حفتر`: a plural of prisons before a name is its owner's; 27t)
            if mode == "en_after" and word in _PLURAL_HEADS:  # "the Hassansham camps": one known camp's sites
                of = _english_before(text, h, kind, gaz)
                if of is not None and variant_of(of.name, kind, gaz) is None \
                        and not _complex_of_camps(text, h, of, places) and not _complex_of_prisons(text, h, of, places):
                    of = None
                if of is None and word in _SUCH_AS_HEADS:
                    of = _such_as(text, h, kind, places, gaz)
        elif mode == "ar_before":
            if (cw := _conscience_after(text, h)) is not None:
                if muted is not None:
                    muted.append((h.start, cw))  # (the word is no town either: Dumayr's `الضمير`)
                continue  # `"معتقل الضمير"`, `معتقل الرأي`: a prisoner of conscience (rule 27k)
            of = _arabic(text, h, kind, places, gaz) or _called(text, h, kind, gaz) \
                or (_far_named(text, h, facs, gaz) if kind == "prison" else None)
        elif mode == "en_after" and words == ["Camp"] and _gitmo_name_after(text, h.end):
            of = _camp_first(text, h, gaz, places, facs)  # "02 April Camp Echo", "'Camp X-Ray'": Guantanamo's camp
            # named after its head, read by rule 25p's "Camp X" alone (rule 31c)
        elif mode == "en_after":
            of = _english_before(text, h, kind, gaz)
            if of is not None and of.name[-1:] in "’”'" and (q := _quoted_before(text, h, kind, gaz)) is not None:
                of = q  # (rule 33q) "‘Polar Wolf’ prison": the quoted name whole, not its last word and the quote
            if of is not None and of.name.isdigit() and _count_before(text, of, h):
                of = None  # (rule 33q) "About 160 Camp 6 inmates", "1,000 prison beds": a count, no name
            of = of or _quoted_before(text, h, kind, gaz) \
                or _apposition(text, h, kind, gaz) or _camp_first(text, h, gaz, places, facs) \
                or _called(text, h, kind, gaz) \
                or _numbered_colony(text, h, kind) or _quoted_after(text, h, kind, gaz)
        else:
            of = _english_after(text, h, kind, gaz)
            if of is None and mode == "en_before" and text[h.end - 3 : h.end] in (" of", " in") \
                    and text[h.end + 1 : h.end + 2].islower() and text[h.start : h.start + 1].isalpha():
                # (rule 32a) "the Samos Closed Controlled Access Centre in a remote valley", "the Tuweina camp of the
                # Raqqa countryside": no name after the longer head, and a lower-case word after its "of"/"in"; the
                # head without them may have one before ("the International Camp of Greater Amman" stays none)
                h = Cand(h.start, h.end - 3, h.role, tuple((*p[:2], "en_after", *p[3:]) for p in h.payloads),
                         max(1, h.ntokens - 1))
                mode, words = "en_after", text[h.start : h.end].split()
                last = words[-1]
                of = _english_before(text, h, kind, gaz) or _quoted_before(text, h, kind, gaz)
        if of is None or (_country_named(of, places, gaz, text)
                          and not (mode == "ar_before" and _quoted_name(text, h, of))):
            continue  # "US Iraq jail", "a Syria camp": a country's prison or camp, no name (a quoted one is a
            # donor's camp, `مخيم “الكويت”`, `"مخيم قطر"`: rule 27k)
        if mode == "en_after" and kind == "camp" and _capital_named(text, h, of, places, gaz):
            continue  # "Israeli strike on Gaza refugee camp", "the Beirut camp": a camp in a capital or in Gaza (the
            # Strip's name as well as its city's), no camp's name (data/README.md rule 27n)
        if words[0] in ("state", "federal") and mode == "en_after" and _us_state_before(text, h.start):
            continue  # "the California state prison": a US state's prison, no name ("Indiana State Prison" is one)
        if of.name_start > 3 and text[of.name_start - 3] in "'’" and mode == "en_after" \
                and (owner := _possessive_compound(text, of, words[-1], places, people, gaz)) is not None:
            of = OpenFacility(owner, of.end, of.kind, text[owner : of.name_end], owner, of.name_end)
        if of.end == h.end and last[-2:] in _POSSESSIVE and last[-3:-2] != "s":
            of = OpenFacility(of.start, of.end - 2, of.kind, of.name, of.name_start, of.name_end)  # (not the "'s")
        if not_a_site(text, of):
            if muted is not None:
                muted.append((min(of.start, of.name_start), max(of.end, of.name_end)))
            if _work_title(text, of):
                titled.append(fold(of.name))  # the work's title: its other mentions are the title too (rule 28z)
            continue  # (the town inside the former site's name is no place either: rule 4, rule 26b)
        if kind == "camp" and mode == "en_after" and _political(text, h, of, places):
            continue  # "the former Khiam prison", "the Trump camp said": no site of detention or displacement
        if kind == "camp" and _protest_camp(text, h, of):
            continue  # `مخيم العودة` on the Gaza border, "the Return camp": a sit-in of the return marches (rule 27e)
        if kind == "camp" and _event_camp(text, h, of, gaz):
            if muted is not None:
                muted.append((min(of.start, of.name_start), max(of.end, of.name_end)))  # (its town is none either)
            continue  # "the AHA Annual Camp 2019", `المخيم الصيفي "مخيم القدس"`: an event's camp (rule 29t)
        if kind == "camp" and mode != "ar_before" and _training_camp(text, h, of):
            trained.append(fold(of.name))
            continue  # "the Khalid bin Walid camp trained foreign fighters": an armed group's training camp (rule 26i)
        if mode == "en_after" and _TITLE_AFTER_RE.match(text, h.end) is not None:
            continue  # "World Prison Brief", "the Camp Fellowship": the head inside a title of another thing (rule 26w)
        if people and mode == "en_after" and (trimmed := _w32.agency_trimmed(text, of, people)) is not None:
            of = trimmed  # "the ICE Delaney Hall Detention Center": the agency runs it, the rest is its name (32p)
        if _overlaps(of.name_start, of.name_end, facs) or (_overlaps(of.name_start, of.name_end, people)
                                                            and not _quoted_called(text, of)):
            continue  # "SDF prison", "سجن داعش": an owner, not a name (a quoted nickname after "known as" is a name:
            # `معتقل سري يُعرف بـ"البيت الأبيض"`, rule 27a)
        out.append(of)
    if titled and out:
        # `مسلسل «سجن الريح» ... ويقول المخرج إن سجن الريح في العمل ليس سجناً`: a name read as a work's title is the
        # title at every mention (neg27, rule 28z)
        keep = [of for of in out if fold(of.name) not in titled]
        if muted is not None:
            muted.extend((min(of.start, of.name_start), max(of.end, of.name_end)) for of in out if of not in keep)
        out = keep
    if trained and out:
        # "rockets hit the Basmaya camp ... US troops trained Iraqi soldiers at the Basmaya camp": one camp, a base's
        # or a group's training camp at every mention (rules 2 and 26i; prec22en survey, rule 26w)
        out = [of for of in out if of.kind != "camp" or fold(of.name) not in trained]
    if out and any(of.kind == "camp" for of in out) and leisure_text(text):
        # "The Red Crescent's Summer Camp for Kids ... footballs for the youngsters at the Baqubah camp": in a text
        # of a summer, youth or sports camp with no word of the displaced or the detained, an unknown camp is one of
        # them (rule 1; prec23en survey, rule 27l)
        out = [of for of in out if of.kind != "camp"]
    if out and "\n" in text:
        out = [of for of in out if not _headline_town_only(text, of, places)]
    return out


# A camp of another sense (rule 1): a summer, youth, scout, sports or training camp named in the text, and no word of
# the displaced or the detained anywhere in it (prec23en survey, rule 27l)
_LEISURE_CAMP_RE = re.compile(r"\b(?:summer|youth|scout|scouts'?|holiday|day|christmas|easter|winter|spring|ramadan|"
                              r"ski|church|bible|weekend|sports?|football|soccer|music|arts?|"
                              r"language|science|computer|coding|boot|training|fitness|children's|kids'?|peace|"
                              r"girls'?|boys'?)[ \u00a0]+camps?\b", re.IGNORECASE)
_SITE_WORDS_EN_RE = re.compile(r"\b(?:refugees?|displaced|displacement|IDPs?|internally|detainees?|detained|"
                               r"detention|prisoners?|prisons?|inmates?|jail(?:s|ed)?|returnees?|asylum|UNHCR|UNRWA|"
                               r"tents?|evacuees?|shelters?|uprooted|fled)\b", re.IGNORECASE)


# (the same test read from the camp word back: a whole-text search of the alternation tried every position; the word
# before " camp(s)" is read in the 24 characters before the spaces)
_CAMP_WORD_RE = re.compile(r"[ \u00a0]+camps?\b", re.IGNORECASE)
_LEISURE_BEFORE_RE = re.compile(r"\b(?:summer|youth|scout|scouts'?|holiday|day|christmas|easter|winter|spring|ramadan|"
                                r"ski|church|bible|weekend|sports?|football|soccer|music|arts?|"
                                r"language|science|computer|coding|boot|training|fitness|children's|kids'?|peace|"
                                r"girls'?|boys'?)\Z", re.IGNORECASE)


# the last characters of _LEISURE_BEFORE_RE's words ("summer", "scouts'", "day" ...): a match ends at the camp word's
# spaces, so the character before them is one of these in either case (an ASCII character matches an ASCII letter of
# the pattern under IGNORECASE only as that letter; a character beyond ASCII is left to the pattern)
_LEISURE_LAST = frozenset("rhtsylcegnid'")


# (rule 30b) a place's name written with a possessive inside it before a one-word name: "Yarl's Wood Immigration
# Removal Centre", "the Cox's Bazar camp"; the owner alone is one capitalised word, no given name or title before it
_OWNER_BEFORE_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})['’]s[ \u00a0]+$")
_CAP_WORD_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]*[ \u00a0]+$")
_NICKNAME_HEADS = frozenset(("alcatraz", "slammer", "clink", "lockup"))


def _possessive_compound(text: str, of: OpenFacility, head_last: str, places: list[Cand],
                         people: list[Cand], gaz: Gazetteer) -> int | None:
    """The start of a possessive owner that is a word of the name itself: `of`'s name is one word in Title Case, the
    owner ("Yarl's", "Cox's") one capitalised word after no other capitalised word (a given name or a title makes a
    person: "Ron DeSantis's"), neither a place nor an actor, and the text never writes it without its "'s" (a person
    or a place the text names alone owns the site: "Trump ... Trump's X camp"); a nickname's head ("Alligator
    Alcatraz") keeps its owner apart. Asked only when an apostrophe stands right before the name's space."""
    name = of.name
    if " " in name or not name[:1].isupper() or name.isupper() or fold(head_last) in _NICKNAME_HEADS:
        return None
    m = _OWNER_BEFORE_RE.search(text, max(0, of.name_start - 30), of.name_start)
    if m is None:
        return None
    s, e = m.start(1), m.end(1)
    if _CAP_WORD_BEFORE_RE.search(text, max(0, s - 30), s) is not None or _overlaps(s, e, places) \
            or _overlaps(s, e, people):
        return None
    owner = m.group(1)
    if gaz.place_rules is not None and owner in gaz.place_rules.nationality:
        return None  # "Benghazi's Kuwaifiya prison": a town out of scope owns the site (rule 32w)
    i = text.find(owner)
    while i != -1:
        if text[i + len(owner) : i + len(owner) + 2] not in _POSSESSIVE:
            return None
        i = text.find(owner, i + 1)
    return s


def _leisure_before(text: str, at: int) -> bool:
    """_LEISURE_BEFORE_RE.search(text, max(0, at - 24), at) is not None, the pattern (case-blind, tried at every
    character) searched only when the character before `at` may end one of its words."""
    if at <= 0:
        return False  # (an empty window: the pattern's words are not empty)
    ch = text[at - 1]
    if ch.isascii() and ch.lower() not in _LEISURE_LAST:
        return False
    return _LEISURE_BEFORE_RE.search(text, max(0, at - 24), at) is not None


def _camp_word_starts(text: str, low: str) -> list[int]:
    """[m.start() for m in _CAMP_WORD_RE.finditer(text)], given low = text.lower(): the pattern (case-blind, its
    leading spaces a class) is tried at every character of the text by a search, ~150 us on a 3 KB English article;
    here only at the start of the spaces before each "camp" of the lower-cased text. Every match is there: no
    character but C, A, M and P reads as c, a, m or p to the case-blind pattern, and each lower-cases to them (a
    text whose lower case is of another length, `İ`, is searched whole); a match is its spaces, "camp" and at most
    an s, so two never share a run of spaces, and finditer's leftmost start is the run's first space."""
    if len(low) != len(text):
        return [m.start() for m in _CAMP_WORD_RE.finditer(text)]
    out: list[int] = []
    i = low.find("camp")
    while i != -1:
        p = i
        while p > 0 and text[p - 1] in " \u00a0":
            p -= 1
        if p < i and _CAMP_WORD_RE.match(text, p) is not None:
            out.append(p)
        i = low.find("camp", i + 4)
    return out


def leisure_text(text: str) -> bool:
    low = text.lower()
    if "camp" not in low:
        return False  # (no camp word in any case: no leisure camp)
    if _SITE_WORDS_EN_RE.search(text) is not None:
        return False  # (a text about refugees, detainees or tents: no leisure camp whatever its camp words; asked
        # first, one search that mostly stops early, before each camp word's window)
    return any(_leisure_before(text, at) for at in _camp_word_starts(text, low))


_leisure_text = leisure_text  # (the name the perf tests import)


# A headline's site named by its town (rule 22c; prec23en survey, rule 27l): "First Stage Of Khan Younis Refugee Camp
# Finished" over a body that speaks of "a new camp it is building in Khan Younis": the headline's name is a town the
# body names, the body never writes that town as a site's name (the town, up to two words, then a head word), and it
# places a site in the town (a head, then up to five words and "in", "near", "outside", "at" or "south of" the town),
# so the headline describes the site by its town. A body that writes "Khan Younis refugee camp" keeps it; so does a
# headline whose name the body never writes, or writes only as the town ("Makhmoor Refugee Camp" over "a drive
# through the dusty town of Makhmoor ... the barriers at the gate").
_SITE_HEAD_EN = r"(?:camps?|encampment|prisons?|jails?|gaols?|penitentiary|detention|cent(?:re|er)s?|facility)\b"


def _headline_town_only(text: str, of: OpenFacility, places: list[Cand]) -> bool:
    nl = text.index("\n")
    if of.end > nl or (of.name_start, of.name_end) not in _spans_at(places)[0]:
        return False
    name = text[of.name_start : of.name_end]
    if not name[:1].isupper() or name.isupper():
        return False
    named = re.compile(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])")
    body = text[nl + 1 :]
    if named.search(body) is None:
        return False
    after = re.compile(r"(?<![\w'’-])" + re.escape(name) + r"(?:['’]s)?(?:[ \u00a0]+[\w'’-]+){0,2}?[ \u00a0]+"
                       + _SITE_HEAD_EN, re.IGNORECASE)
    if after.search(body) is not None:
        return False
    inside = re.compile(r"\b" + _SITE_HEAD_EN + r"(?:[ \u00a0]+[\w'’-]+){0,5}?[ \u00a0]+(?:in|near|outside|at|"
                        r"(?:north|south|east|west)(?:-?(?:east|west))?[ \u00a0]+of)"
                        r"[ \u00a0]+(?:the[ \u00a0]+(?:city|town|village)[ \u00a0]+of[ \u00a0]+)?"
                        + re.escape(name) + r"(?![\w'’-])", re.IGNORECASE)
    return inside.search(body) is not None


# A capitalised word of a publication's or an organisation's title right after an English head: the head is a word of
# that title, no site ("World Prison Brief" data, the "Prison Fellowship", "Prison Reform Trust"; rule 26w)
_TITLE_AFTER_RE = re.compile(r"[ \u00a0]+(?:Brief|Fellowship|Reform|Trust|Project|Studies|Institute|Watch|Network|"
                             r"Policy|Initiative|Review|Journal|Insider|Index|Litigation|Foundation|Radio|News|Times|"
                             r"Magazine|Podcast|Blog|Ministry|Studies)\b")


_PLURAL_AR = frozenset(("مخيمات", "سجون", "معتقلات"))

# An open-world site of another sense (rule 22e): one that is no longer or never was one ("the former Khiam prison",
# "a fictional Maine prison", "Alcatraz, the former island prison", `سجن الخيام السابق`), one in a film or a book
# (`فيلماً وثائقياً عن سجن ألكاتراز`), or one of centuries ago (`ذكرى اقتحام سجن الباستيل عام 1789`). Known
# facilities are not read here: a closed one stays listed, and reports still name it.
_NOT_SITE_BEFORE_RE = re.compile(r"\b(?:former|fictional|fictitious|imaginary|defunct|disused|abandoned|erstwhile)"
                                 r"[ \u00a0]+"
                                 r"(?:[\w'’-]+[ \u00a0]+){0,2}$", re.IGNORECASE)
_WORK_BEFORE_RE = re.compile(r"(?:\b(?:film|movie|documentary|novel|sitcom|series(?![ \u00a0]+of\b))\b|"
                             r"فيلم|وثائقي|رواي[ةه]|مسلسل|مسرحي[ةه])[^.،,؛;:\n]{0,25}$", re.IGNORECASE)
_WORK_AFTER_RE = re.compile(r"(?::[^,.;\n]{1,40})?,[ \u00a0]+an?[ \u00a0]+(?:new[ \u00a0]+)?"
                            r"(?:(?:television|TV|BBC|ITV|Netflix|documentary|reality)[ \u00a0]+)?"
                            r"(?:series|show|documentary|film|drama|sitcom)\b")
_NOT_SITE_AFTER_AR = frozenset(("السابق", "سابقا", "المتخيل", "الخيالي",
                                # abandoned, vanished (`سجن «أصداء» المهجور` where the displaced shelter; rule 28v)
                                "المهجور", "المهجوره", "المندثر", "المندثره"))
_OLD_YEAR_RE = re.compile(r"(?:\b(?:in|since|of)|عام|عامي|سنة|سنه|سنتي)[ \u00a0]+1[0-8]\d\d(?![\d.,]\d|\d)")
# a site a bygone power used (ar18 survey, rule 25e): `معتقل "نور شمس" الذي استخدمه الإنجليز` (the Mandate's jail the
# camp is named after), "a jail the British used": no site now (a known one is not read here)
_BYGONE_USE_AR_RE = re.compile(r"[\"”»“ \u00a0]*[،,]?[ \u00a0]*(?:الذي|التي)[ \u00a0]+(?:كان[ \u00a0]+|كانت[ \u00a0]+)?"
                               r"(?:استخدم|استعمل|يستخدم|يستعمل)\w*[ \u00a0]+(?:ال[إا]نجليز|البريطانيون|البريطانيين|"
                               r"العثمانيون|العثمانيين|الفرنسيون|الفرنسيين|الانتداب)")
# "X is / was a former prison" right after the name: `سجن تازمامارت هو معتقل سياسي سري سابق`
_FORMER_PRED_AR_RE = re.compile(r"[\"”»“ \u00a0]*[،,]?[ \u00a0]*(?:هو|هي|كان|كانت)[ \u00a0]+"
                                r"(?:ال)?(?:سجن|معتقل|مخيم|مركز)"
                                r"[\u0621-\u064a]*(?:[ \u00a0]+[\u0621-\u064a]+){0,3}?[ \u00a0]+(?:ال)?سابق")
_BYGONE_USE_EN_RE = re.compile(r"[\"”’ \u00a0]*,?[ \u00a0]*(?:which|that)[ \u00a0]+(?:was[ \u00a0]+)?used"
                               r"[ \u00a0]+by[ \u00a0]+the[ \u00a0]+(?:British|Ottomans|French)\b")


# A site the text says is no longer one (hist20 survey of memorials, museums and demolished or closed prisons and camps,
# rule 26d; rule 22e's former sites, read from more of their forms). Unknown sites only: a known one, closed or not,
# stays named (Tadmor prison blown up in 2015, Abu Ghraib closed in 2014, Rukban closed in 2025).
# - "former" whose noun is a person ("former detainees of X prison", "the former director of X prison", `مدير سجن X
#   السابق`) says nothing of the site
_FORMER_PERSON_RE = re.compile(r"\b(?:detainees?|inmates?|prisoners?|internees?|residents?|director|head|chief|warden|"
                               r"governor|guards?|officials?|officers?|commanders?|managers?|administrators?|"
                               r"spokes(?:man|woman|person)|staff|employees?|workers?|doctors?|jailers?)"
                               r"[ \u00a0]+(?:of|at|in)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
_PERSON_BEFORE_AR = frozenset(fold(w) for w in ("مدير", "رئيس", "آمر", "قائد", "مسؤول", "حارس", "سجان", "سجّان",
                                                "ضابط", "نائب", "مساعد", "طبيب", "مأمور", "ومدير", "ورئيس", "ومسؤول"))
# - right before the name: "the site of the (former) X camp", "the ruins of X prison"; `متحف سجن X`, `أنقاض معتقل X`
_SITE_OF_BEFORE_RE = re.compile(r"\b(?:the[ \u00a0]+)?(?:site|ruins|remains|rubble|wreckage)[ \u00a0]+of[ \u00a0]+"
                                r"(?:the[ \u00a0]+)?(?:former[ \u00a0]+)?(?:[A-Z][\w'-]*/)?$", re.IGNORECASE)
_MUSEUM_BEFORE_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وب]?(?:ال)?(?:متحف|أنقاض|انقاض|أطلال|اطلال|ركام|"
                                  r"موقع[ \u00a0]+(?:ال)?سابق)[ \u00a0]+$")
# - right after it: an apposition "X, a former prison", "X, or what is left of it"; the head and "Museum"/"Memorial"
#   ("the Peterhead Prison Museum": the museum named after the prison)
_FORMER_AFTER_RE = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:(?:a|an|the)[ \u00a0]+(?:former|defunct|disused|erstwhile|"
                              r"one-time|onetime)\b|or[ \u00a0]+what(?:'s|[ \u00a0]+is|[ \u00a0]+was)?[ \u00a0]+"
                              r"(?:left|remains)[ \u00a0]+of[ \u00a0]+it)|[ \u00a0]+(?:Museum|Memorial)\b)")
# - in its sentence after it (in Arabic, near it on either side): turned into a museum or a memorial, or closed, shut,
#   demolished or destroyed in a year or years ago ("until it closed in 2000", "the jail shut its doors more than a
#   decade ago", `الذي أُغلق عام ٢٠٠٠`, `تحوّل لاحقاً إلى متحف`), unless the sentence speaks of reopening it ("reopen
#   Alcatraz, now a museum, as a prison", `إعادة فتح`): a closing reported as the news ("closed X prison on Tuesday")
#   has no year and keeps the site, and so does a closing of something else ("the crossing closed in 2023", the houses
#   of a camp pulled down in 1985)
_MUSEUM_EN_RE = re.compile(r"\b(?:turned|turning|became|become|becomes|converted|transformed|now|served|serves|"
                           r"survives)[ \u00a0]+(?:(?:into|as|is|been|has|a|an|the|today|largely)[ \u00a0]+){0,3}"
                           r"(?:[\w'-]+[ \u00a0]+){0,2}(?:museum|memorial)\b", re.IGNORECASE)
_CLOSED_EN_RE = re.compile(r"\b(?:closed(?![ \u00a0]+(?:to|off|for)\b)|shut|shuttered|demolished|razed|"
                           r"torn[ \u00a0]+down|bulldozed|decommissioned|dismantled|emptied|demolition)\b"
                           r"(?:[ \u00a0]+[\w'-]+){0,4}?[ \u00a0]+(?:(?:in|since|by)[ \u00a0]+"
                           r"(?:(?:early|late|mid)[ \u00a0-]+)?(?:[A-Z][a-z]+[ \u00a0]+)?(?:1[89]|20)\d\d\b|"
                           r"(?:more[ \u00a0]+than[ \u00a0]+)?(?:a|an|\w+)[ \u00a0]+(?:decades?|years?)[ \u00a0]+ago\b|"
                           r"decades[ \u00a0]+ago\b)")
# (the site is what closed: "until it closed", "which authorities closed", "before it was closed", "the jail shut its
# doors", the name right before the verb)
_SITE_SUBJECT_EN_RE = re.compile(r"\b(?:it|which|that|was|were|been|being|be|is|jail|prison|camp|cent(?:re|er)|"
                                 r"facility|site|complex|penitentiary|compound|gaol)[ \u00a0]+(?:[\w'-]+[ \u00a0]+)?$",
                                 re.IGNORECASE)
_MUSEUM_AR_RE = re.compile(r"(?:(?:إلى|الى)[ \u00a0]+(?:ال)?متحف|(?<![\u0621-\u064a])متحفا(?:ً)?(?![\u0621-\u064a])|"
                           r"(?:ال)?(?:موقع|معلم|نصب)(?:ا|اً)?[ \u00a0]+(?:تذكاري|تاريخي|وطني)|"
                           # opened to visitors (`جددته جمعية ... وفتحته للزوار`: a museum in all but name; rule 27k)
                           r"(?<![\u0621-\u064a])و?ا?فت[\u064b-\u0652]*(?:ت[\u064b-\u0652]*)?ح[\u0621-\u064a]{0,3}"
                           r"(?:[ \u00a0]+\S+){0,2}?[ \u00a0]+"
                           r"(?:للزوار|(?:أمام|امام)[ \u00a0]+الزوار))")
_CLOSED_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:الذي[ \u00a0]+|التي[ \u00a0]+)?(?:أُغلق|أغلق|أُغلِق|أغلقت|أُغلقت|"
                           r"المغلق|المغلقة|أُقفل|أقفل|هُدم|هدم|هُدِم|دُمّر|دمّر|دُمر|دمر|دُمِّر|أزيل|أُزيل|"
                           r"هدمه|دمّرته|دمرته|أغلقته|أغلقتها|"
                           # evacuated, emptied (prec22ar, rule 26x: `مخيم غورو ... أُخلي في ستينيات القرن الماضي`)
                           r"أُخلي|أخلي|أُخلِي)[\u0621-\u064a]*(?:[ \u00a0]+\S+){0,4}?[ \u00a0]+"
                           r"(?:(?:عام|سنة|منذ|في|خلال)[ \u00a0]+"
                           r"(?:(?:ال)?حرب[ \u00a0]+(?:بين[ \u00a0]+)?|عام[ \u00a0]+)?"
                           r"(?:1[89]|20|١٩|٢٠)[\d٠-٩]{2}"
                           # a decade (`في ستينيات القرن الماضي`, `خلال السبعينيات`)
                           r"|(?:في|خلال|منذ)[ \u00a0]+(?:ال)?(?:عشرينيات|ثلاثينيات|أربعينيات|اربعينيات|خمسينيات|"
                           r"ستينيات|سبعينيات|ثمانينيات|تسعينيات)(?![\u0621-\u064a]))")
# (a closing or a demolition of a site's parts or of something near it, not of the site)
_PART_EN_RE = re.compile(r"\b(?:homes?|houses?|buildings?|shelters?|tents?|walls?|gates?|blocks?|wings?|sections?|"
                         r"parts?|roads?|schools?|clinics?|shops?|streets?|crossings?|borders?|offices?|hospitals?|"
                         r"airports?|markets?|bakery|bakeries|mosques?|access|routes?)\b", re.IGNORECASE)
# (a word of its own, a proclitic and the article allowed: `خيم` inside `مخيم` is no tent; prec22ar)
_PART_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:بيوت|منازل|مبان|مباني|مبنى|خيام|خيم|أجزاء|اجزاء|"
                         r"أبواب|ابواب|جدران|جدار|أقسام|اقسام|"
                         r"مدارس|محال|شوارع|طرق|طريق|أزقة|معبر|مدخل|حدود|مكتب|مستشفى|مستوصف|سوق|مخبز|مسجد)")
_REOPEN_RE = re.compile(r"\b(?:re-?open\w*|restor\w*|re-?activat\w*|back[ \u00a0]+(?:in|into)[ \u00a0]+use|again)\b|"
                        r"(?:إعادة|اعادة|أعيد|أُعيد|يعاد|يُعاد)[ \u00a0]+(?:فتح|افتتاح|تشغيل|استخدام)|مجدد",
                        re.IGNORECASE)
# "before its destruction / closure / demolition" and "of which nothing is left but" near an unknown site's name
# (`معتقل الخيام، قبل تدميره في حرب 2006،`, `سجن المحطة ... قبل إغلاقه`, `سجن غزة المركزي ... لم يبق منه سوى
# جدران`): no site now, as a closing in a year is (fac27arw, rule 28v)
_GONE_AR_RE = re.compile(r"(?<![\u0621-\u064a])(?:قبل[ \u00a0]+(?:تدمير|إغلاق|اغلاق|هدم|إزالة|ازالة)(?:ه|ها)"
                         r"|و?لم[ \u00a0]+(?:ي|يت)بق[ىي]?[\u064b-\u0652]*[ \u00a0]+(?:منه|منها)"
                         r"(?:[ \u00a0]+\S+){0,2}?[ \u00a0]+(?:سوى|إلا|الا)"
                         r")(?![\u0621-\u064a])")
_NO_LONGER_WORDS_EN = ("museum", "memorial", "closed", "shut", "demoli", "razed", "torn", "bulldoz", "decommission",
                       "dismantl", "emptied")
_NO_LONGER_WORDS_AR = ("متحف", "تذكاري", "تاريخي", "وطني", "غلق", "هدم", "دمر", "دمّر", "دُمّر", "أزيل", "أقفل", "أُقفل",
                       "أخلي", "أُخلي", "زوار", "تدمير", "غلاق", "يبق")


def _former_before(text: str, lo: int) -> bool:
    """"the former X prison", "a defunct X camp" right before `lo`; not "former detainees of X prison", "the former
    director of X prison": there "former" is the person's (rule 26d)."""
    m = _NOT_SITE_BEFORE_RE.search(text, max(0, lo - 40), lo)
    return m is not None and _FORMER_PERSON_RE.search(text, m.start(), lo) is None


def _person_before(text: str, lo: int) -> bool:
    """`مدير سجن X السابق`: the word before the head is a person's, whose "former" the adjective is (rule 26d)."""
    j = text.rfind(" ", max(0, lo - 20), lo - 1)
    return fold(text[j + 1 : lo].strip()) in _PERSON_BEFORE_AR


def _site_closed_en(after: str, m: re.Match[str]) -> bool:
    """The English closing `m` (in `after`, the sentence after the name) is the site's, not a part's or a road's."""
    if _PART_EN_RE.search(after, m.start(), m.end() + 20) is not None:
        return False
    return m.group().startswith("demolition") or not after[: m.start()].strip(" ,\u00a0") \
        or _SITE_SUBJECT_EN_RE.search(after, max(0, m.start() - 25), m.start()) is not None


def _no_longer_a_site(text: str, lo: int, hi: int, apposed: bool = True) -> bool:
    """The text says the site at `lo`..`hi` is no longer one (rule 26d); `apposed` False skips the apposition "X, a
    former ..." (a known name's: "Qarchak prison, a former livestock farm" is still the prison, rule 31b)."""
    if _SITE_OF_BEFORE_RE.search(text, max(0, lo - 40), lo) is not None:
        return True  # "the site of the Manzanar camp", "the site of the former Maze Prison"
    if lo and "\u0600" <= text[lo] <= "\u06ff" and _MUSEUM_BEFORE_AR_RE.search(text, max(0, lo - 30), lo) is not None:
        return True  # `متحف سجن X`, `أنقاض معتقل X`
    if apposed and text[hi : hi + 1] in (",", " ") and _FORMER_AFTER_RE.match(text, hi) is not None:
        return True  # "Eastern State Penitentiary, a former prison turned museum", "Khiam ..., or what is left of it"
    sent = _sentence_at(text, lo)
    if not any(w in sent for w in _NO_LONGER_WORDS_AR) and not any(w in sent.lower() for w in _NO_LONGER_WORDS_EN):
        return False  # (the cheap test: no word of a museum, a closing or a demolition in the sentence)
    if _REOPEN_RE.search(sent) is not None:
        return False  # "reopen Alcatraz, now a museum, as a prison": the site again
    start = text.find(sent, max(0, lo - 300))
    if sent.isascii():
        after = sent[max(0, hi - start) :] if start >= 0 else sent
        return _MUSEUM_EN_RE.search(after) is not None or any(_site_closed_en(after, m)
                                                               for m in _CLOSED_EN_RE.finditer(after))
    # (Arabic: the clause's verbs stand before the name as after it; a paragraph without full stops is read near it)
    near = sent[max(0, lo - start - 150) : max(0, hi - start) + 150] if start >= 0 else sent
    return _MUSEUM_AR_RE.search(near) is not None or _GONE_AR_RE.search(near) is not None \
        or any(_PART_AR_RE.search(near, m.start(), m.end() + 20) is None for m in _CLOSED_AR_RE.finditer(near))


# an apposition that calls the site a former prison or camp ("Alcatraz, the former island prison in San Francisco Bay";
# not "Qarchak prison, a former livestock farm", "Mabani, a former warehouse turned holding site": another building)
_FORMER_SITE_AFTER_RE = re.compile(r",[ \u00a0]*(?:a|an|the)[ \u00a0]+(?:former|defunct|disused|erstwhile|one-?time)"
                                   r"[ \u00a0]+(?:[\w'-]+[ \u00a0]+){0,2}?(?:prison|penitentiary|jail|gaol|camp)\b")


# its sentence says it is no working prison any more ("has not been an operational prison since 1963", "is no longer
# a working jail")
_NOT_WORKING_EN_RE = re.compile(r"\b(?:(?:has|have|had)[ \u00a0]+not[ \u00a0]+been|(?:is|was)[ \u00a0]+no"
                                r"[ \u00a0]+longer)[ \u00a0]+(?:an?[ \u00a0]+)?"
                                r"(?:operational|working|functioning|active|operating)[ \u00a0]+(?:[\w-]+[ \u00a0]+)?"
                                r"(?:prison|penitentiary|jail|gaol|camp)\b", re.IGNORECASE)
# a film's plot: two or more names with an actor's name in brackets after them ("Frank Morris (Clint Eastwood) is
# informed by the prison warden (Patrick McGoohan)")
_CAST_EN_RE = re.compile(r"[\w'] \((?:played[ \u00a0]+by[ \u00a0]+)?[A-Z][a-z]+[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?"
                         r"[A-Z][a-zA-Z'-]+\)")


# a person of the site right after its name: "a former Evin prisoner", "former Alcatraz inmates", "a former ADX warden"
_PERSON_AFTER_EN_RE = re.compile(r"['’]?s?[ \u00a0]+(?:[\w-]+[ \u00a0]+)?(?:detainees?|inmates?|prisoners?|internees?|"
                                 r"residents?|director|head|chief|warden|governor|guards?|officials?|officers?|staff|"
                                 r"employees?|workers?|doctors?|jailers?|survivors?|convicts?)\b", re.IGNORECASE)
_HELD_AT_BEFORE_RE = re.compile(r"\b(?:jailed|held|detained|imprisoned|locked|sent|moved|transferred|taken|director|"
                                r"maker|makers|star)\b", re.IGNORECASE)


def site_gone(text: str, lo: int, hi: int) -> bool:
    """An `open_world` gazetteer facility at `lo`..`hi` that the text says is no longer one ("Alcatraz, the former
    island prison ... drew 1.7 million visitors", "before it was closed in 1963 and turned into a museum"): its labels
    keep it open-world, so it is read as an unknown site is (rules 26d, 31b), and so is a work's ("\"Escape from
    Alcatraz\" is a 1979 prison thriller film"). "A former Evin prisoner" is the person's."""
    if text[hi : hi + 1] == "," and _FORMER_SITE_AFTER_RE.match(text, hi) is not None:
        return True
    if _may_hold(text[max(0, lo - 40) : lo], _NOT_SITE_WORDS) and _former_before(text, lo) \
            and _PERSON_AFTER_EN_RE.match(text, hi) is None \
            and _HELD_BETWEEN_RE.search(text, max(0, lo - 40), lo) is None:
        return True  # "the now-defunct Alcatraz Federal Penitentiary"; not "a former Evin prisoner" nor "Former
        # inmates nicknamed HMP Belmarsh": the people's
    if _may_hold(text[max(0, lo - 40) : lo], _WORK_WORDS_EN, _WORK_WORDS_AR) and _work_before(text, lo) \
            and _HELD_AT_BEFORE_RE.search(text, max(0, lo - 40), lo) is None:
        return True  # "the 1979 film Escape from Alcatraz": a work's title (rule 25k); not "the film director jailed
        # at Evin", a person held there
    if _no_longer_a_site(text, lo, hi, apposed=False) or _in_a_work(text, lo, hi):
        return True
    sent = _sentence_at(text, lo)
    if ("not been" in sent or "no longer" in sent) and _NOT_WORKING_EN_RE.search(sent) is not None:
        return True  # "Alcatraz ... has not been an operational prison since 1963"
    return sent.count("(") > 1 and len(_CAST_EN_RE.findall(sent)) > 1  # a film's cast in its plot


# (the words each pattern's every match holds, for a test of the window before it is searched: see _may_hold)
_NOT_SITE_WORDS = ("former", "fictional", "fictitious", "imaginary", "defunct", "disused", "abandoned", "erstwhile")
_WORK_WORDS_EN = ("film", "movie", "documentary", "novel", "sitcom", "series")
_WORK_WORDS_AR = ("فيلم", "وثائقي", "رواي", "مسلسل", "مسرحي")
# the characters beyond ASCII that re's IGNORECASE matches to an ASCII letter (i, s, k) and str.lower() does not
# lower to that letter alone
_CASE_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold(window: str, words: tuple[str, ...], literal: tuple[str, ...] = ()) -> bool:
    """One of the ASCII words (lower case) may be in `window` as an IGNORECASE pattern matches it, or one of the
    literal (caseless, Arabic) words is: False only where no such pattern can match within the window. (A pattern
    that opens with a case-blind word list is tried at every character: ~10 us for 40 characters.)"""
    low = window.lower()
    if any(w in low for w in words) or any(w in window for w in literal):
        return True
    return not window.isascii() and any(ch in window for ch in _CASE_SPECIALS)


def work_after(text: str, end: int) -> bool:
    """A work named for the site after its name: "HMP Belmarsh: Maximum Security, a television series" (rule 25k; also
    for the open-world gazetteer entries, rule 25s)."""
    return text[end : end + 1] in (":", ",") and _WORK_AFTER_RE.match(text, end) is not None


# the people held between a work's word and the name: "screened the film for inmates of the Oudhna prison" is a
# screening in a real prison, not the film's setting (neg27, rule 28z)
_HELD_BETWEEN_RE = re.compile(r"\b(?:inmates|prisoners|detainees|convicts)\b|سجناء|السجناء|نزلاء|النزلاء|معتقلين|"
                              r"المعتقلين|أسرى|الأسرى", re.IGNORECASE)


def _work_before(text: str, lo: int) -> bool:
    """A work's word right before the name in its clause ("the film X prison", `مسلسل سجن X`), not across the people
    a real prison holds ("the film for inmates of X prison")."""
    m = _WORK_BEFORE_RE.search(text, max(0, lo - 40), lo)
    return m is not None and _HELD_BETWEEN_RE.search(text, m.start(), lo) is None


def work_before_head(text: str, pos: int) -> bool:
    """A work's word right before a head at `pos` (`مسلسل سجون الظلام، ...`: a plural head's list is the work's
    title; neg27, rule 28z)."""
    return _may_hold(text[max(0, pos - 40) : pos], _WORK_WORDS_EN, _WORK_WORDS_AR) and _work_before(text, pos)


def _work_title(text: str, of: OpenFacility) -> bool:
    """The work branches of not_a_site: a work's word before the name, a work named after it, a work's story."""
    lo = min(of.start, of.name_start)
    hi = max(of.end, of.name_end)
    return work_before_head(text, lo) or _in_a_work(text, lo, hi) \
        or (text[hi : hi + 1] in (":", ",") and _WORK_AFTER_RE.match(text, hi) is not None)


def not_a_site(text: str, of: OpenFacility) -> bool:
    lo = min(of.start, of.name_start)
    hi = max(of.end, of.name_end)
    window = text[max(0, lo - 40) : lo]  # (each search below is of this window: tried where a word of it may be)
    if (_may_hold(window, _NOT_SITE_WORDS) and _former_before(text, lo)) \
            or (_may_hold(window, _WORK_WORDS_EN, _WORK_WORDS_AR) and _work_before(text, lo)):
        return True
    head_at = text.rfind(" ", lo, hi)  # "Alcatraz, the former island prison": the words before the head word
    if of.end > of.name_end and head_at > of.name_end \
            and _may_hold(text[max(0, head_at - 40) : head_at + 1], _NOT_SITE_WORDS) \
            and _NOT_SITE_BEFORE_RE.search(text, max(0, head_at - 40), head_at + 1) is not None:
        return True
    after = TOKEN_RE.match(text, gap_end(text, hi))
    if after is not None and fold(after.group()) in _NOT_SITE_AFTER_AR and not _person_before(text, lo):
        return True  # `سجن الخيام السابق` (not `مدير سجن البالونة السابق`: the former director, rule 26d)
    if _no_longer_a_site(text, lo, hi) and not _gitmo_part(text, of):
        return True  # "the site of the Manzanar camp", "X, a former prison turned museum", `تحوّل إلى متحف` (rule 26d)
    if (_BYGONE_USE_AR_RE.match(text, hi) or _BYGONE_USE_EN_RE.match(text, hi)) is not None:
        return True
    if "سابق" in text[hi : hi + 60] and _FORMER_PRED_AR_RE.match(text, hi) is not None:
        return True  # `سجن تازمامارت هو معتقل سياسي سري سابق`: the text says it was one (fac27arw, rule 28v)
    if text[hi : hi + 1] in (":", ",") and _WORK_AFTER_RE.match(text, hi) is not None:
        return True  # "HMP Belmarsh: Maximum Security, a television series": a work named for the prison (rule 25k)
    if _in_a_work(text, lo, hi):
        return True  # "the drama Wentworth follows Bea Smith, a prisoner at Wentworth Detention Centre" (rule 25v)
    # (a year of the name's own: no; each side searched only where the year's first digit, an ASCII 1, is)
    if text.find("1", max(0, lo - 80), lo) >= 0 and _OLD_YEAR_RE.search(text, max(0, lo - 80), lo) is not None:
        return True
    y = _OLD_YEAR_RE.search(text, hi, min(len(text), hi + 80)) if text.find("1", hi, hi + 80) >= 0 else None
    return y is not None and _BUILT_BEFORE_RE.search(text, hi, y.start()) is None


# A site in a sentence that names a work and tells its plot (neg20 survey, rule 25v): "The series ... is about a
# civil engineer who plans to get his brother out of Fox River prison", "the drama Wentworth follows Bea Smith, a
# prisoner on remand at Wentworth Detention Centre", `أبرزها «سجن النسا» الذي تؤدي فيه نيللي كريم دور سجّانة`: the
# work's word anywhere in the sentence (not only right before the name, as _WORK_BEFORE_RE asks) and a word of its
# story (follows, is about, starring, the narrator, `دور`, `الحلقة`, `بطولة`). A work's word alone is no sign ("the
# director was jailed over a film and taken to X prison": a real jailing); a series "of" raids is no work. A name with
# its head in quotes after a work's word in the text before it (`مسلسل ... في "سجن النسا" لا يقصد العمل`) is the
# work's title. Known facilities are not read here (not_a_site's callers): a film about Tadmor prison names it.
_WORK_SENT_EN_RE = re.compile(r"\b(?:(?:docu-?)?series(?![ \u00a0]+of\b)|sitcom|novels?|novella|movie|film(?!ed|ing)|"
                              r"(?<!hostage )drama|screenplay)\b", re.IGNORECASE)
_PLOT_EN_RE = re.compile(r"\b(?:follows|followed|starring|stars|starred|characters?|episodes?|seasons|narrator|"
                         r"protagonist|(?:is|was)[ \u00a0]+about|tells[ \u00a0]+the[ \u00a0]+story|based[ \u00a0]+on|"
                         r"set[ \u00a0]+(?:in|at)|plot)\b", re.IGNORECASE)
_WORK_SENT_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:مسلسل|فيلم|أفلام|افلام|رواي[ةه]|مسرحي[ةه]|"
                              r"دراما)[\u0621-\u064a]{0,3}(?![\u0621-\u064a])")
_PLOT_AR_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:دور|بطول[ةه]|بطولت|بطل[ةه]?|البطل[ةه]?|الحلق[ةه]|حلقات|"
                         r"شخصي[ةه]|شخصيت|احداث|أحداث|تدور|يروي|تروي)(?:ه|ها|هم|هما)?(?![\u0621-\u064a])")
# (`الذي أدى دوره الممثل ...`, `بطولته`: a plot word with a pronoun suffix; neg27, rule 28z)
_WORK_WORDS_SENT = ("series", "sitcom", "novel", "movie", "film", "drama", "screenplay", "مسلسل", "فيلم", "أفلام",
                    "افلام", "رواي", "مسرحي", "دراما")
_SENT_END_RE = re.compile(r"[.!?؟\n]")


def _sentence_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around text[lo:hi], at most 300 characters each way: just past the last _SENT_END_RE character in
    [lo - 300, lo), else there; up to the first one in [hi, hi + 300), else there (ten C-level finds of one character
    each: the class's last and first match, with no match objects)."""
    a = max(0, lo - 300)
    start = max(text.rfind(".", a, lo), text.rfind("!", a, lo), text.rfind("?", a, lo), text.rfind("؟", a, lo),
                text.rfind("\n", a, lo)) + 1 or a
    b = min(len(text), hi + 300)
    right = [i for i in (text.find(".", hi, b), text.find("!", hi, b), text.find("?", hi, b), text.find("؟", hi, b),
                         text.find("\n", hi, b)) if i >= 0]
    return start, min(right) if right else b


def _in_a_work(text: str, lo: int, hi: int) -> bool:
    start, end = _sentence_bounds(text, lo, hi)
    sent = text[start:end]
    low = sent.lower()
    if any(w in low for w in _WORK_WORDS_SENT):
        if sent.isascii():
            if _WORK_SENT_EN_RE.search(sent) is not None and _PLOT_EN_RE.search(sent) is not None:
                return True
        elif _WORK_SENT_AR_RE.search(sent) is not None and _PLOT_AR_RE.search(sent) is not None:
            return True
    # a quoted head and name after a work's word in the text before it: the work's title
    if text[lo - 1 : lo] in QUOTES and text[hi : hi + 1] in QUOTES and "\u0600" <= text[lo] <= "\u06ff":
        before = text[max(0, lo - 200) : lo]
        return any(w in before for w in _WORK_WORDS_AR) and _WORK_SENT_AR_RE.search(before) is not None
    return False


# the year a site was built or opened, after its name, is no bygone site: "Insein Prison ... was built under British
# rule in 1887 and holds about 10,000 inmates" (en19b survey, rule 25p)
_BUILT_BEFORE_RE = re.compile(r"\b(?:built|opened|founded|constructed|established|erected)\b", re.IGNORECASE)


# "the Trump camp dismissed the poll", "a spokesman for the Biden camp": a political camp speaks; a site does not
_SPEAKS_AFTER_RE = re.compile(r"(?:[ \u00a0]+(?:in|within|inside)[ \u00a0]+(?:the[ \u00a0]+)?(?:parliament|cabinet|"
                              r"government|coalition|bloc|alliance|(?:Coordination[ \u00a0]+)?Framework|assembly|"
                              r"congress|senate|council))?"  # "the Sudani camp in parliament rejected" (rule 24o)
                              r"[ \u00a0]+(?:said|says|dismissed|denied|claimed|accused|argued|insisted|rejected|"
                              r"welcomed|countered|responded|hit[ \u00a0]+back|vowed|warned|signall?ed|signals|"
                              r"hinted|suggested|pledged|promised|demanded|opposed|objected|critici[sz]ed|"
                              r"boycotted|threatened)\b")
_VOICE_BEFORE_RE = re.compile(r"\b(?:spokes(?:man|woman|person)|aides?|allies|advisers?|advisors?|strategists?|"
                              r"insiders?)[ \u00a0]+(?:for|of|in|from|close[ \u00a0]+to)[ \u00a0]+the[ \u00a0]+$",
                              re.IGNORECASE)


# A one-word camp (or one named by a day of a month) in a sentence about a political contest and none about the
# displaced or the detained is a political camp even where it does not speak (neg20 survey, rule 25v): "the Maliki
# camp now counts on Kurdish votes to reach a majority in parliament", "the Sudani camp topped the results", "the
# rivalry between the March 8 camp ... and the March 14 camp defined Lebanese politics"; "Displaced families in the
# X camp voted" keeps the camp.
_CONTEST_EN_RE = re.compile(r"\b(?:politics|political|elections?|electoral|votes?|voted|voters|ballots?|seats|"
                            r"parliament(?:ary)?|lawmakers|MPs|(?:ruling|governing)[ \u00a0]+coalition|"
                            r"coalition[ \u00a0]+(?:government|partners?)|bloc|part(?:y|ies)|nominat(?:ed|ion|e)|"
                            r"nominee|candidates?|candidacy|premiership|presidency|rivalry|rift|cabinet|"
                            r"ministers|majority)\b", re.IGNORECASE)
# ("coalition" alone is the US-led or the Arab coalition of the wars, "rival factions" clash: no contest words)
_NOT_CONTEST_EN_RE = re.compile(r"\b(?:refugees?|displaced|IDPs?|tents?|residents|detainees?|prisoners?|inmates?|"
                                r"detention|detained|aid|humanitarian|shelter|families|returnees|evacuat\w*|"
                                r"UNHCR|UNRWA)\b", re.IGNORECASE)
_DATE_NAME_RE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)[ \u00a0]+[1-3]?[0-9]")


# An armed group's training camp named like a site (neg21en survey, rule 26i): "ISIS unveiled a \"Zarqawi Camp\" in
# a video of fighters running obstacle courses", "the al-Farouq camp near Kandahar trained the hijackers",
# "Al-Shabaab graduates fighters from its Saleh Nabhan camp", "the Caliphate Cubs camp indoctrinated teenagers".
# Rule 1 makes a training camp no facility; the phrase "training camp" was read (non_facilities.yaml), a name before
# "camp" with the training told around it was not. The camp trains, fighters are trained in or from it, or a group
# runs or unveils it with training in its sentence or the one before; none of the displaced or the detained (nor of
# vocational courses) in the camp's sentence. "Vocational training for refugees in the Mae La camp", "the army
# trained guards for the Hajin camp", "ISIS families held in the X camp" keep the site.
_TRAINING_EN_RE = re.compile(r"\b(?:train(?:s|ed|ing)?|trainees|graduat(?:es|ed|ing)|indoctrinat\w*|recruits|"
                             r"obstacle[ \u00a0]+courses?|(?:shooting|firing|rifle)[ \u00a0]+ranges?|bomb-?making|"
                             r"(?:military|weapons|combat|martial)[ \u00a0]+(?:drills?|skills|instruction)|"
                             r"firing[ \u00a0]+at[ \u00a0]+targets|target[ \u00a0]+practice)\b", re.IGNORECASE)
_NOT_TRAINING_EN_RE = re.compile(r"\b(?:refugees?|displaced|IDPs?|tents?|residents|detainees?|prisoners?|inmates?|"
                                 r"detention|detained|held|jailed|aid|humanitarian|shelter(?:s|ed|ing)?|families|"
                                 r"returnees|evacuat\w*|UNHCR|UNRWA|IOM|vocational|skills|teachers?|nurses|midwives|"
                                 r"health[ \u00a0]+workers|workshops?|(?<!obstacle )courses|students|lived|live|"
                                 r"living|housed|hosts?|hosting)\b", re.IGNORECASE)
# the camp trains: "the X camp (in Afghanistan) trained ...", "the X camp, where recruits train"
_TRAINS_AFTER_RE = re.compile(r"[^.;:!?\n]{0,40}?\b(?:trained|trains|graduated|graduates|indoctrinated|indoctrinates|"
                              r"where[ \u00a0]+(?:recruits|fighters|militants|jihadists|boys|children)[ \u00a0]+"
                              r"(?:are[ \u00a0]+|were[ \u00a0]+)?(?:train|trained|learn|learned|drill))\b",
                              re.IGNORECASE)
# trained in it: "trained at the X camp", "graduates fighters from its X camp"
_TRAINED_IN_BEFORE_RE = re.compile(r"\b(?:train(?:s|ed|ing)?|graduat(?:es|ed|ing)|indoctrinat\w*)\b[^.;:!?,\n]{0,40}"
                                   r"\b(?:at|in|inside|from)[ \u00a0]+(?:the|its|their|an?)?[ \u00a0]*[\"“'‘]?$",
                                   re.IGNORECASE)
# an armed group runs or unveils it, with training told in its sentence or the one before: "ISIS has unveiled a
# \"Zarqawi Camp\" in a video of fighters running obstacle courses", "... firing at targets. The Nusrah Front says it
# runs an Ayman al Zawahiri Camp"
_RUNS_BEFORE_RE = re.compile(r"\b(?:runs|ran|operates|operated|unveiled|unveils|announced|set[ \u00a0]+up|opened|"
                             r"established)\b[^.;:!?,\n]{0,25}$", re.IGNORECASE)


def _training_camp(text: str, h: Cand, of: OpenFacility) -> bool:
    at = min(h.start, of.name_start)
    end = max(h.end, of.end)
    sent = _sentence_at(text, at)
    if _NOT_TRAINING_EN_RE.search(sent) is not None:
        return False
    if _TRAINS_AFTER_RE.match(text, end) is not None:
        return True
    if _TRAINED_IN_BEFORE_RE.search(text, max(0, at - 70), at) is not None:
        return True
    if _RUNS_BEFORE_RE.search(text, max(0, at - 40), at) is None:
        return False
    if _TRAINING_EN_RE.search(sent) is not None:
        return True
    ends = [m.end() for m in _SENT_END_RE.finditer(text, max(0, at - 300), at)]
    if not ends or ends[-1] < 2:
        return False
    before = _sentence_at(text, ends[-1] - 2)
    return _TRAINING_EN_RE.search(before) is not None and _NOT_TRAINING_EN_RE.search(before) is None


_MEMBERS_BEFORE_RE = re.compile(r"\bmembers[ \u00a0]+of[ \u00a0]+the[ \u00a0]+$", re.IGNORECASE)


def _sentence_at(text: str, at: int) -> str:
    start, end = _sentence_bounds(text, at, at)
    return text[start:end]


def _sentence_at_ref(text: str, at: int) -> str:
    """_sentence_at by _SENT_END_RE (the specification of _sentence_bounds; the unit tests compare them)."""
    a = max(0, at - 300)
    ends = [m.end() for m in _SENT_END_RE.finditer(text, a, at)]
    right = _SENT_END_RE.search(text, at, min(len(text), at + 300))
    return text[ends[-1] if ends else a : right.start() if right else min(len(text), at + 300)]


def _quiet_sentence(text: str, at: int) -> bool:
    """No word of the displaced or the detained in the sentence at `at`."""
    return _NOT_CONTEST_EN_RE.search(_sentence_at(text, at)) is None


def _contest_sentence(text: str, at: int) -> bool:
    sent = _sentence_at(text, at)
    return _CONTEST_EN_RE.search(sent) is not None and _NOT_CONTEST_EN_RE.search(sent) is None


def _political(text: str, h: Cand, of: OpenFacility, places: list[Cand]) -> bool:
    if of.name_start in _first_at(places):
        return False  # a town's name: a camp there
    if _surname_named(text, h, of, places):
        return True  # "Cruz camp pulling dirty tricks ... Sen. Ted Cruz": a candidate's camp (rule 29t)
    if " " in of.name:
        # a name of several words is a camp there, unless it is a day of a month in a political sentence
        if _DATE_NAME_RE.fullmatch(text, of.name_start, of.name_end) is None:
            return False
        # (enprec30 survey, rule 30b) "The March 14 camp will soon celebrate the ninth anniversary": a camp named by a
        # day of a month is Lebanon's March 8 or March 14 alliance in a political sentence, or in a text with no word
        # of the displaced or the detained at all ("the February 27 camp" of Tindouf's refugees keeps its refugees)
        return _contest_sentence(text, h.start) or _NOT_CONTEST_EN_RE.search(text) is None
    if _SPEAKS_AFTER_RE.match(text, h.end) is not None:
        # "Officials at Hull camp said": a camp after a preposition of place is where the speakers are, not the
        # speaker (rule 25a); "the Trump camp said" speaks itself
        return _AT_BEFORE_RE.search(text, max(0, of.name_start - 12), of.name_start) is None \
            and ("in" not in text[max(0, of.name_start - 8) : of.name_start]
                 or _PEOPLE_IN_BEFORE_RE.search(text, max(0, of.name_start - 50), of.name_start) is None)
    if _VOICE_BEFORE_RE.search(text, max(0, of.name_start - 40), of.name_start) is not None:
        return True
    if _MEMBERS_BEFORE_RE.search(text, max(0, of.name_start - 20), of.name_start) is not None \
            and _quiet_sentence(text, h.start):
        return True  # "Members of the Framework camp say ..." (rule 25v); "members of the X camp's committee for
        # the displaced" keeps the camp
    # the same camp speaks elsewhere in the text: a headline's "The Trump camp's Syria gamble" over a body's
    # "the Trump camp signalled ..." (rule 23 (long16): an article names one thing throughout)
    phrase = text[of.name_start : of.end]  # (a possessive head without its "'s")
    n = len(phrase)
    at = _speaking_at(text)
    if at is not None:  # (the text's speaking positions, found once: the phrase looked for right before each)
        if any(p - n != of.name_start and p >= n and text.startswith(phrase, p - n) for p in at):
            return True
        return _contest_sentence(text, h.start)
    i = text.find(phrase)
    while i != -1:
        if i != of.name_start and _SPEAKS_AFTER_RE.match(text, i + n) is not None:
            return True
        i = text.find(phrase, i + 1)
    return _contest_sentence(text, h.start)


# A one-word camp named after a person the text names (rule 29t; spent r29e split, helper spentsense29): the name seen
# after a title ("Sen. Ted Cruz", "President Recep Tayyip Erdogan", "former Gov. Nikki Haley"), before a possessive
# of a campaign ("Cruz's campaign", "Sunak's supporters"), or, in a text with no word of the displaced or the
# detained, after a given name ("Marco Rubio"): "the Cruz camp", "Rubio camp" is the candidate's political camp.
_PERSON_TITLE_BEFORE_RE = re.compile(r"(?<![\w.])(?:(?:Sen|Sens|Rep|Reps|Gov|Mr|Mrs|Ms|Dr|Pres|Lt)\.?|Senator|"
                                     r"Representative|Congressman|Congresswoman|President|Governor|Mayor|"
                                     r"[Cc]andidate|[Nn]ominee|Minister|PM|Premier|Chancellor|Speaker|"
                                     r"[Cc]hallenger|[Ii]ncumbent|[Ll]eader|[Ss]enators?)"
                                     r"(?:[ \u00a0]+[A-Z][A-Za-z'’-]*\.?){0,3}[ \u00a0]+$")
_PERSON_AFTER_RE = re.compile(r"(?:'s|’s)[ \u00a0]+(?:(?:presidential|re-?election|leadership|primary)[ \u00a0]+)?"
                              r"(?:campaign|team|supporters|aides|allies|spokes(?:man|woman|person)|running[ \u00a0]+"
                              r"mate|candidacy|rivals?|backers|loyalists|camp)\b")
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)[ \u00a0]+$")
# capitalised words before a name that are no given name: a place's or a site's own first words ("Deir Ballut",
# "Ein el-Hilweh", "New Kakuma"), function words at a sentence's start, months and days
_NOT_GIVEN = frozenset(("Abu", "Al", "El", "Ain", "Ein", "Deir", "Dayr", "Tal", "Tel", "Tell", "Bir", "Beit", "Bayt",
                        "Kafr", "Kfar", "Umm", "Um", "Bab", "Ras", "Jabal", "Jebel", "Wadi", "Khan", "Mar", "Saint",
                        "St", "San", "Santa", "Nahr", "Tall", "Ayn", "Ard", "Sidi", "Bani", "Beni", "Shaikh", "Sheikh",
                        "New", "Old", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                        "Upper", "Lower", "Great", "Greater", "Little", "Central", "Camp", "Refugee", "The", "A", "An",
                        "At", "In", "On", "To", "From", "Near", "Inside", "Outside", "Into", "Of", "For", "By", "With",
                        "And", "But", "Or", "As", "Since", "After", "Before", "While", "When", "Where", "If", "This",
                        "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "Some", "Many", "All", "Both",
                        "January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                        "Saturday", "Sunday", "Mount", "Port", "Lake", "Fort", "Point", "Cape", "Bay"))


def _surname_named(text: str, h: Cand, of: OpenFacility, places: list[Cand]) -> bool:
    """`of`'s one-word name is a person's the text names, in a camp's sentence with no word of the displaced or the
    detained: after a title, before a campaign's possessive, or (in a text with no such word at all) after a given
    name that is no place's first word."""
    name = of.name
    n = len(name)
    if n < 3 or " " in name or not name.isascii() or not name[:1].isupper() or text.count(name) < 2:
        return False  # (a surname named once, as the camp's, is named nowhere else: asked first, one C-level count)
    if not _quiet_sentence(text, h.start):
        return False  # "Fire destroyed shelters in the X camp, the refugees said": a camp of the displaced
    quiet: bool | None = None
    starts = _first_at(places)
    i = text.find(name)
    while i != -1:
        j = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()) \
                and not (i <= of.name_start < j):
            if _PERSON_AFTER_RE.match(text, j) is not None \
                    or _PERSON_TITLE_BEFORE_RE.search(text, max(0, i - 60), i) is not None:
                return True
            g = _GIVEN_BEFORE_RE.search(text, max(0, i - 20), i)
            if g is not None and g.group(1) not in _NOT_GIVEN and g.start(1) not in starts and i not in starts:
                if quiet is None:
                    quiet = _NOT_CONTEST_EN_RE.search(text) is None
                if quiet:
                    return True
        i = text.find(name, j)
    return False


_SPEAKS_AT_RE = re.compile(f"(?={_SPEAKS_AFTER_RE.pattern})", _SPEAKS_AFTER_RE.flags)
_SPEAKING_FROM = 8  # camps asked about in one text: from this many on, its speaking positions are found in one pass
_SPEAKING: tuple[str | None, int, list[int] | None] = (None, 0, None)


def _speaking_at(text: str) -> list[int] | None:
    """Every position where _SPEAKS_AFTER_RE matches (a zero-width look-ahead tried at each position, as `match` is),
    once a text has asked for it _SPEAKING_FROM times; None before (a few camps are each found by str.find: one
    pass of the look-ahead over a whole article costs more than that). A page of thousands of camps was read whole
    once per camp."""
    global _SPEAKING
    memo = _SPEAKING
    if memo[0] is not text:
        _SPEAKING = (text, 1, None)
        return None
    if memo[2] is not None:
        return memo[2]
    if memo[1] + 1 < _SPEAKING_FROM:
        _SPEAKING = (text, memo[1] + 1, None)
        return None
    at = [m.start() for m in _SPEAKS_AT_RE.finditer(text)]
    _SPEAKING = (text, memo[1] + 1, at)
    return at


_AT_BEFORE_RE = re.compile(r"\b(?:at|inside|near|outside)[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)
# people who live in a camp, "in" it: where the speakers are, as "at" says ("People in the Tempasi camp said",
# "displaced families living in the X camp told"); "many in the Trump camp said" keeps the candidate's camp (rule 29w)
_PEOPLE_IN_BEFORE_RE = re.compile(r"\b(?:people|residents|families|refugees|displaced|IDPs|returnees|detainees|"
                                  r"prisoners|inmates|women|children|mothers|fathers|men|elders|survivors|civilians)"
                                  r"[ \u00a0]+(?:(?:living|sheltering|staying|held)[ \u00a0]+)?in[ \u00a0]+"
                                  r"(?:the[ \u00a0]+)?$", re.IGNORECASE)
_AREA_KINDS = frozenset(("country", "region"))


def _conscience_after(text: str, h: Cand) -> int | None:
    """The end of "conscience" or "opinion" right after `معتقل` (also "a detainee"): a prisoner of conscience, no site,
    even where the word is a town's name (Dumayr's `الضمير`; prec23ar, rule 27k)."""
    if fold(text[h.start : h.end]) not in _DETAINEE_HEADS:
        return None
    m = TOKEN_RE.match(text, h.end + 1) if text[h.end : h.end + 1] == " " else None
    return m.end() if m is not None and fold(m.group()) in _CONSCIENCE else None


def _quoted_name(text: str, h: Cand, of: OpenFacility) -> bool:
    """The name in quotes right after its head (`مخيم “الكويت”`), or the head and the name quoted together (`"مخيم
    قطر"`, `«مخيم قطر»`): outlets quote a camp named after its donor country so (prec23ar, rule 27k)."""
    e = of.name_end
    if text[e : e + 1] not in QUOTES:
        return False
    return text[of.name_start - 1 : of.name_start] in QUOTES or text[h.start - 1 : h.start] in QUOTES


def _country_named(of: OpenFacility, places: list[Cand], gaz: Gazetteer, text: str = "") -> bool:
    """The whole name is a country's or a region's name ("a Syria camp", "families in Rojava camp": a camp there), or
    one with its compass word before it, as a Title Case headline prints it ("Women Smuggled Out Of Northeastern Syria
    Camp": a camp in the north-east; core25en survey, rule 28f)."""
    start = of.name_start
    if text and (m := _COMPASS_BEFORE_RE.match(text, start, of.name_end)) is not None:
        start = m.end()
    if len(places) < _SPANS_FROM:
        c = next((c for c in places if c.start == start and c.end == of.name_end), None)
    else:
        c = _spans_at(places)[0].get((start, of.name_end))
    if c is None:
        return False
    # a lower-case compass word before a city says where in it the site is ("families of men shot dead inside the
    # south Tripoli prison": the prison in the city's south, no name; fac26en survey, rule 28l)
    return (start == of.name_start and _COMPASS_LOWER_BEFORE_RE.search(text, max(0, start - 24), start) is not None) \
        or any(getattr(gaz.entries.get(p[1]), "kind", None) in _AREA_KINDS for p in c.payloads)


_COMPASS_LOWER_BEFORE_RE = re.compile(r"\bthe[ \u00a0]+(?:(?:north|south)-?(?:east|west)|north|south|east|west)(?:ern)?"
                                      r"[ \u00a0]+$")
_COMPASS_BEFORE_RE = re.compile(r"(?:north|south)?-?(?:east|west)(?:ern)?[ \u00a0]+|(?:north|south)(?:ern)?[ \u00a0]+",
                                re.IGNORECASE)


# Gaza names the Strip as well as its city: "Gaza refugee camp" is one of the Strip's camps (rule 27n)
_TERRITORY_SEATS = frozenset(("geonames:281133",))
# the camp placed somewhere else right after its head: "the Gaza camp in Jerash", "... near Jerash"
_ELSEWHERE_AFTER_RE = re.compile(r"[ \u00a0]+(?:in|near|outside)[ \u00a0]+[A-Z]")


def _capital_named(text: str, h: Cand, of: OpenFacility, places: list[Cand], gaz: Gazetteer) -> bool:
    """The whole name is a state's capital (state_actors acting.capitals) or Gaza: English outlets write "Gaza
    refugee camp", "the Beirut camp" for one of the several camps there, and no camp of the region is named so alone
    (Amman New Camp is a gazetteer name; camps named by other towns, "Makhmour camp", stay). A camp said to lie in
    another place is named after where its people came from ("the Gaza camp in Jerash"): the name stays."""
    if _ELSEWHERE_AFTER_RE.match(text, h.end) is not None:
        return False
    if len(places) < _SPANS_FROM:
        c = next((c for c in places if c.start == of.name_start and c.end == of.name_end), None)
    else:
        c = _spans_at(places)[0].get((of.name_start, of.name_end))
    if c is None:
        return False
    caps = gaz.state.capitals
    return any(p[1] in _TERRITORY_SEATS or (p[1] in caps and not caps[p[1]].startswith("actor:")) for p in c.payloads)


# (rule 29k) "camps such as Sherawan", "prisons like Evin": the example after a plural head names one site
_SUCH_AS_HEADS = frozenset(("camps", "prisons", "jails"))
_SUCH_AS_RE = re.compile(r",?[ \u00a0]+(?:such[ \u00a0]+as|like|including)[ \u00a0]+(?=[A-Z])")


def _such_as(text: str, h: Cand, kind: str, places: list[Cand], gaz: Gazetteer) -> OpenFacility | None:
    """"living in camps such as Sherawan in the Qoratu district" (open29 survey, rule 29k): the capitalised name right
    after "such as", "like" or "including" is a camp of the plural head's kind; a place, a demonym or a determiner there
    is none ("camps like Lebanon's", "camps such as The ..."), and a known site is read by its own name."""
    if " " not in text[h.end : h.end + 2] or (sm := _SUCH_AS_RE.match(text, h.end)) is None:
        return None
    m = _CAP_AFTER_RE.match(text, sm.end() - 1) if text[sm.end() - 1] in _SPACE_NBSP else None
    if m is None or _stopped(text, (m.start(1), m.end(1)), gaz) or m.group(1).isdigit() \
            or _overlaps(m.start(1), m.end(1), places) or text[m.end(1) : m.end(1) + 2] in ("'s", "’s"):
        return None
    e1 = m.end(1)
    if (m2 := _CAP_AFTER_RE.match(text, e1)) is not None and not _stopped(text, (m2.start(1), m2.end(1)), gaz) \
            and not _overlaps(m2.start(1), m2.end(1), places) and not m2.group(1).isdigit():
        e1 = m2.end(1)  # a two-word name ("camps like Tin Al Oubour" reads its first two words)
    return OpenFacility(m.start(1), e1, kind, text[m.start(1) : e1], m.start(1), e1)


def _cluster(text: str, h: Cand, kind: str, places: list[Cand], gaz: Gazetteer) -> OpenFacility | None:
    """`مخيمات شمارخ`: a plural head before one unknown village's name (no article, no proclitic, not an
    adjective's shape, no known place: `مخيمات إدلب`, `مخيمات الشمال` are the camps of a region) names the
    cluster of camps there. A list of names is attach.coordinated's."""
    g = gap_end(text, h.end)
    if g - h.end != 1 or text[h.end] != " ":
        return None
    m = TOKEN_RE.match(text, g)
    if m is None:
        return None
    tok = m.group()
    f = fold(tok)
    if f.startswith("ال") or f[:1] in "بلكفو" or g in _first_at(places) \
            or f.endswith(("ه", "ات", "ين", "ون")) or len(f) < 4 \
            or f in cue_list(gaz.rules.core_context.locative) \
            or not arabic_name_ok(tok, f, gaz.ar_name_stop, quoted=False, known=gaz.trie.first, listed=True):
        return None
    nm = NEXT_RE.match(text, m.end())
    if nm is not None and _joins(text, m.end(), nm.start(1)) and fold(nm.group(1))[:1] == "و":
        return None  # a list attach.coordinated did not read
    if not any(abs(c.start - g) <= 90 and _local(c, gaz) for c in places):
        return None  # where the village is must be said nearby (`قرب أعزاز`): `مخيمات أوروبا` is a continent's
    return OpenFacility(h.start, m.end(), kind, tok, m.start(), m.end())


_REGION = frozenset(("SY", "IQ", "LB", "JO", "TR", "PS"))


def _local(c: Cand, gaz: Gazetteer) -> bool:
    """A town or governorate of the countries the camps and prisons are in (not a country)."""
    e = gaz.entries.get(c.payloads[0][1])
    return e is not None and e.country in _REGION and e.kind != "country"


def _overlaps(s: int, e: int, spans: list[Cand]) -> bool:
    """Some character of text[s:e] lies inside one of `spans`."""
    if s < e:
        for c in spans:
            if c.start < e and s < c.end and c.start < c.end:
                return True
    return False


_AR_NAME_GLUE = {"ابو", "ابي", "ام", "بن", "ابن", "عبد", "بنت", "ال"}  # a name word that always takes one more
# (`ال` is `آل` folded, "the family of": `سجن عرق آل شبوان`, rule 27j)


_COMPLEX_AR = frozenset(("مجمع", "منطقه"))
# a complex's adjective between its head and `في`/`ب` and the name (`مجمع السجون الجديد في وادي النطرون`; rule 29u),
# folded
_COMPLEX_ADJ_AR = frozenset(("الجديد", "الجديده", "الحديث", "الحديثه", "الكبير", "الكبيره", "الضخم", "الضخمه"))
# Institutional heads (rule 22b) whose name may follow a preposition of place: `مركز الإصلاح والتأهيل في جو`,
# `مركز إصلاح وتأهيل النزلاء بجو`, `مجمع سجون في وادي النطرون`; a one-word head (`سجن في`) names nothing so.
_INSTITUTION_AR = frozenset(("مركز", "مؤسسه", "مجمع", "منطقه"))
# the Maghreb's definite official designations (`السجن المدني بالمرناقية`, `السجن المحلي "عكاشة"`, `المؤسسة
# العقابية للحراش`): by their first two words, folded
_OFFICIAL_AR = frozenset(tuple(fold(w) for w in p.split()) for p in (
    "السجن المدني", "السجن المحلي", "المؤسسة العقابية", "مؤسسة إعادة", "السجن الفلاحي"))
# the Maghreb countries and their nisbas: a text that names one reads an official designation's name after `ب` as
# the name of the institution's town there, though a town of the region bears it too (rule 26g)
_MAGHREB_RE = re.compile(r"(?<![\u0621-\u064a])(?:[وبلف]?(?:ال)?(?:تونس|الجزائر|جزائر|المغرب|موريتانيا)"
                         r"|(?:ال)?(?:تونسي|جزائري|مغربي|موريتاني)(?:ه|ة|ين|ون|ات)?)(?![\u0621-\u064a])")
_AR_MONTHS = frozenset(fold(w) for w in (
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "أفريل", "افريل", "مايو", "ماي", "يونيو", "جوان", "يوليو", "جويلية",
    "أغسطس", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين"))


_FARM_PRISON = ("السجن", "الفلاحي")  # (folded)
# designations only Morocco's prison service uses: the town after their `ب` is Moroccan, though a town of the region
# bears the same name (`السجن المحلي بالقنيطرة`: Kenitra, not Quneitra; rule 32i)
_MOROCCO_ONLY_AR = frozenset((("السجن", "المحلي"), _FARM_PRISON))
# words after ل that make it "for"/"until", no town (`السجن المحلي لحين محاكمته`, `لعدم كفاية الأدلة`; folded)
_PURPOSE_AR = frozenset(("حين", "عدم", "قضاء", "صالح", "مده", "اجل", "كون", "ذلك", "هذا", "هذه", "حد", "غايه",
                         "حمايه", "مواجهه", "حضور", "زياره", "دواع", "دواعي", "اسباب", "سبب", "مصلحه", "فتره"))


def _object_after(text: str, end: int) -> bool:
    """The word after `end` is a definite noun or carries a pronoun (`لقضاء عقوبته`, `لتنفيذ العقوبة`): the word
    before it is a verbal noun taking an object, no town's name."""
    nm = NEXT_RE.match(text, end)
    if nm is None or not _joins(text, end, nm.start(1)):
        return False
    w = nm.group(1)
    return fold(w).startswith("ال") or w.endswith(("ه", "ها", "هم", "هن"))
_GOVERNORATE_AR = frozenset(("محافظه",))  # (folded: محافظة)
_BRACKETS_AR = ("(", "«", '"', "“")  # (a bracketed or quoted name after the town: `سجن محافظة جدة (بريمان)`)


def official_head(text: str, start: int, name_start: int) -> bool:
    """The words from `start` to the name open with a Maghreb official designation (`السجن المحلي`, `السجن الفلاحي`)."""
    words = [fold(w) for w in text[start:name_start].split()[:2]]
    if words and words[0][:1] == "ل" and not words[0].startswith("ال"):
        words[0] = "ال" + words[0][1:]  # `للسجن الفلاحي`: ل + ال written لل, the match starting inside it
    return tuple(words) in _OFFICIAL_AR


def maghreb_official(text: str, start: int, name_start: int) -> bool:
    """A Maghreb official designation (`السجن المدني`, `السجن المحلي` ...) from `start` to the name, in a text that
    names a Maghreb country or its nisba: its name is that country's town's (rule 26g)."""
    return tuple(fold(w) for w in text[start:name_start].split()[:2]) in _OFFICIAL_AR \
        and _MAGHREB_RE.search(text) is not None


def _institution_name_at(text: str, h: Cand, g: int, places: list[Cand]) -> int:
    """Where the name starts after an institutional head: past `النزلاء` ("of the inmates") and a locative `في`,
    or one letter in past a proclitic `ب` (`بجو`, `بوادي النطرون`); -1 where a known place follows `ب` (no name);
    `g` itself otherwise."""
    head = [fold(w) for w in text[h.start : h.end].split()]
    official = tuple(head[:2]) in _OFFICIAL_AR
    if not official and (head[0] not in _INSTITUTION_AR or len(head) < 2
                         or not (head[0] in _COMPLEX_AR or "اصلاح" in "".join(head))):
        return g  # (`مركز توقيف في غازي عنتاب`, `مركز تأهيل في نينوى`: a centre somewhere, no name)
    if official:
        m = TOKEN_RE.match(text, g)
        f = fold(m.group()) if m is not None else ""
        if f == "في" and tuple(head[:2]) == _FARM_PRISON:
            return -1  # `يعمل السجناء في السجن الفلاحي في زراعة الخضر`: the farm prison's work, no name (rule 32i)
        if f.startswith(("بال", "لل")) and len(f) > 4:
            at = g + (2 if f.startswith("لل") else 1)  # `السجن المدني بالمرناقية`, `مؤسسة إعادة التربية للحراش`
            # (the article is the name's; after ل its alif is not written, and the name is read from حراش on)
            if tuple(head[:2]) in _MOROCCO_ONLY_AR:
                return at  # `السجن المحلي بالقنيطرة`: Morocco's designation, Kenitra's prison, not Syria's Quneitra
            return -1 if g in _first_at(places) or at in _first_at(places) else at
        if f[:1] == "ل" and f[1:] in _TOWN_OPENERS_AR:
            return g + 1  # `السجن المحلي لبني ملال`: "the local prison of" Beni Mellal (rule 32g)
        if m is not None and f[:1] == "ل" and len(f) >= 4 and f[1:2] not in "لاتي" and m.group()[1:].isalpha() \
                and not (len(f) == 6 and f[4] == "ي") and f[1:] not in _PURPOSE_AR \
                and (f[1:] in ("مدينه", "بلده") or not _object_after(text, m.end())):
            return g + 1  # `مؤسسة إعادة التربية لباب جديد`, `المؤسسة العقابية لعلاليق`: "of" the town (not a verbal
            # noun of purpose or time: `لتنفيذ`, `لاستكمال`, `لقضاء`, `لحين`, `لمدة` ... ; rule 32i)
        if m is not None and f.startswith("ب") and len(f) >= 4 and not f.startswith("بال") \
                and m.group()[1:].isalpha() and not any(ch in QUOTES for ch in text[h.end : g]) \
                and _MAGHREB_RE.search(text) is not None:  # (a quoted name keeps its ب: `"برج الرومي"`; open26ar)
            return g + 1  # `السجن المدني بسوسة` in a text about Tunisia: Sousse's prison, not Syria's As Susah
            # (rule 26g)
    m = TOKEN_RE.match(text, g)
    if m is not None and fold(m.group()) in ("النزلاء", "للنزلاء"):
        g = gap_end(text, m.end())
        m = TOKEN_RE.match(text, g)
    if m is None:
        return g
    f = fold(m.group())
    if f in _COMPLEX_ADJ_AR and head[0] in _COMPLEX_AR \
            and (n := TOKEN_RE.match(text, gap_end(text, m.end()))) is not None \
            and ((nf := fold(n.group())) == "في" or (nf[:1] == "ب" and not nf.startswith("بال"))):
        # `مجمع السجون الجديد في وادي النطرون`: the complex's adjective before the preposition of place (spentbare29,
        # rule 29u); the name after it is read as after the head itself (a noun or a known town there: no name)
        at = _institution_name_at(text, h, n.start(), places)
        return at if at != n.start() else g
    if f == "في":
        n = TOKEN_RE.match(text, gap_end(text, m.end()))
        if n is not None and not fold(n.group()).startswith("ال") and n.start() not in _first_at(places):
            return n.start()  # `في جو`, `في وادي النطرون` (not `في المدينة`, a noun, nor a known town: the place)
        return g
    if f.startswith("ب") and len(f) >= 3 and not f.startswith("بال") and m.group()[1:].isalpha() \
            and f not in _B_NAMES and not any(ch in QUOTES for ch in text[h.end : g]):
        if g in _first_at(places) or g + 1 in _first_at(places):
            return -1  # `مركز الإصلاح والتأهيل بحلب`: the centre in the city, no name
        return g + 1  # `بجو`, `بوادي النطرون` (`بالمرناقية` keeps its article: no name either way)
    return g


# names that open with the letter of the preposition `ب` and leave two letters without it (Egypt's `مركز الإصلاح
# والتأهيل بدر`, `- بدر`: Badr, not "in Dr"; ar18 survey); `بجو` stays "in Jau"
_B_NAMES = frozenset(("بدر", "بني"))  # (`السجن المحلي بني ملال`: Beni Mellal's, the town's first word; rule 32g)

_GUARDED_AR = frozenset(("شديد", "شديده", "مشدد", "مشدده"))
# a security level after a head, definite (`سجن الحماية القصوى`, `سجن الحراسة المشددة`, `سجن الأمن الأقصى`): "the
# maximum-security prison", no name, as `سجن شديد الحراسة` (rule 26g)
_LEVEL_AR = {"الحمايه": "القصوي", "الحراسه": "المشدده", "الامن": "القصوي"}


def _guarded_name_at(text: str, g: int, places: list[Cand]) -> int:
    """`سجن شديد الحراسة`, `سجن الحماية القصوى` are "a high-security prison", no name: -1; its name, if any, follows
    `ب` or `في` (`سجن شديد الحراسة بطرة`, `بالمنيا`: where the name starts); `g` itself when no such phrase follows
    the head."""
    m = TOKEN_RE.match(text, g)
    if m is None or ((f0 := fold(m.group())) not in _GUARDED_AR and f0 not in _LEVEL_AR):
        return g
    n = NEXT_RE.match(text, m.end())
    if n is None or fold(n.group(1)) != _LEVEL_AR.get(f0, "الحراسه"):
        return g
    k = TOKEN_RE.match(text, gap_end(text, n.end(1)))
    if k is None:
        return -1
    f = fold(k.group())
    if f == "في":
        k = TOKEN_RE.match(text, gap_end(text, k.end()))
        return -1 if k is None or k.start() in _first_at(places) else k.start()
    if f.startswith("ب") and len(f) >= 3 and k.group()[1:].isalpha():
        return -1 if k.start() in _first_at(places) or k.start() + 1 in _first_at(places) else k.start() + 1
    return -1


# the agency that runs a prison, between the head and a known prison's name (`سجن المباحث في الحائر`,
# `سجن المباحث العامة بذهبان`: Saudi Arabia's Mabahith; rule 29i): the name is the known one after `في`/`ب`, not the
# agency's word
_AGENCY_AR = frozenset(("المباحث", "مباحث"))


def _agency_name_at(text: str, g: int, gaz: Gazetteer) -> int:
    """Where the name starts after an agency's word (`المباحث`, `المباحث العامة`) that a preposition and a known
    facility's core follow: at that core (`في الحائر`, `بالحائر`, `بذهبان`); `g` itself otherwise (`سجن المباحث
    الجنائية` keeps its name; rule 29i)."""
    m = TOKEN_RE.match(text, g)
    if m is None or fold(m.group()) not in _AGENCY_AR:
        return g
    k = TOKEN_RE.match(text, gap_end(text, m.end()))
    if k is not None and fold(k.group()) == "العامه":
        k = TOKEN_RE.match(text, gap_end(text, k.end()))
    if k is None:
        return g
    f = fold(k.group())
    if f == "في":
        n = TOKEN_RE.match(text, gap_end(text, k.end()))
        return n.start() if n is not None and fold(n.group()) in gaz.trie.first else g
    if f.startswith("ب") and len(f) >= 4 and f[1:] in gaz.trie.first:
        return k.start() + 1
    return g


# an ordinal day "of" a month, Gregorian or Hijri, names a town or a prison after its date (`العاشر من رمضان`, `السادس
# من أكتوبر`: Egypt's new towns and their prisons; ar18 survey, rule 25e)
_ORDINAL_OF_MONTH_RE = re.compile(
    r"ال(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|ثاني)(?: عشر)? من (?:"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    r"|محرم|صفر|رجب|شعبان|رمضان|شوال)(?![\u0621-\u064a])")
# Egypt's penitentiaries numbered within a complex (`ليمان 430`, `ليمان 440` in Wadi al-Natrun; ar18 survey): the head
# `ليمان` and a number of two or three digits that no unit or time word follows
_NUMBERED_LIMAN_RE = re.compile(r"[0-9\u0660-\u0669]{2,3}(?![0-9\u0660-\u0669.,/]|[ \u00a0]*(?:%|سن|عام|شه|يوم|"
                                r"أيام|ايام|ساع|دقي|سجين|نزيل|أسير|اسير|معتقل|محكوم|ألف|الف|مليون|كيلو|متر|جنيه|دولار))")


def _dated_name(text: str, g: int) -> int | None:
    """`سجن 9 أفريل`: a day and a month's name after a head name the prison (Tunis's, after the 1938 events); the
    end of the name, or None. `العاشر من رمضان` (an ordinal day of a month: Egypt's town and its prison) too."""
    o = _ORDINAL_OF_MONTH_RE.match(text, g)
    if o is not None:
        return o.end()
    m = re.match(r"[0-9٠-٩]{1,2}(?= )", text[g : g + 3])
    if m is None:
        return None
    nm = NEXT_RE.match(text, g + m.end())
    if nm is None or fold(nm.group(1)) not in _AR_MONTHS or text[g + m.end() : nm.start(1)].strip():
        return None
    return nm.end(1)


# a camp named by its kilometre marker on the road (Anbar's `مخيم كيلو 18`, `مخيم الـ 18 كيلو`, `مخيم 60 كيلو`,
# `مخيم كيلو الـ 18`; rule 24o): `كيلو` as a whole word (not `كيلومتر`), a number of up to three digits
_KILO_NAME_RE = re.compile(r"(?:ال)?كيلو[ \u00a0]+(?:الـ?[ \u00a0]*)?\(?[0-9\u0660-\u0669]{1,3}[a-zA-Z]?\)?"
                           r"(?![0-9\u0660-\u0669\u0621-\u064a])"
                           r"|(?:الـ?[ \u00a0]*)?[0-9\u0660-\u0669]{1,3}[ \u00a0]+(?:ال)?كيلو(?![\u0621-\u064a])")


# a prison's number quoted with its head (`«سجن 400»`, `"معتقل 12"`): two or three digits, then the closing quote
_OPEN_QUOTES = "«\"“"
_CLOSE_QUOTES = "»\"”"
_QUOTED_NUMBER_RE = re.compile(r"([0-9\u0660-\u0669]{2,3})[ \u00a0]?[»\"”″]")


# a number right before a head: a count (`400 مخيم`, `17 مخيماً`)
_COUNT_BEFORE_RE = re.compile(r"(?<![0-9\u0660-\u0669.,/:\-])(?:[0-9\u0660-\u0669]+|[0-9]{1,3}[,٬][0-9]{3})"
                              r"[ \u00a0]+$")  # (`17 مخيماً بشمال سوريا`: any number right before the head counts)


# a year after its cue right before a head is the date, no count (`صنّفت عام 2008 سجن ديار بكر العسكري`; rule 26o),
# unless the head is the accusative of a count (`أحصت عام 2008 سجناً`)
_YEAR_BEFORE_RE = re.compile(r"(?:^|[ \u00a0])[وف]?(?:عام|العام|سنة|سنه|السنة|السنه|في|منذ|"
                             r"مطلع|اواخر|أواخر|أوائل|اوائل)"
                             r"[ \u00a0]+(?:1[89]|20|١٩|٢٠)[0-9\u0660-\u0669]{2}[ \u00a0]+$")


# the words for a town, a village, a municipality before a name after a head (`السجن المدني في مدينة أنبيكه`,
# `بمدينة`, `سجن مدينة كيهيدي`): the place's word, no part of the name (arspan30, rule 30a)
_TOWN_WORDS_AR = frozenset(("مدينه", "بلده", "قريه", "بلديه"))


def _town_word_name(text: str, g: int, places: list[Cand], official: bool) -> tuple[int, bool, bool] | None:
    """Where the name starts past a word for town at `g` (`مدينة`; `بمدينة` after an official designation only: after
    a plain head `مخيم ببلدة راجو` is where the camp is, rule 28n), whether a known place starts there and whether the
    word carried `ب`; None where no such word is at `g` (the cheap question first: the word's first letter)."""
    if text[g : g + 1] not in "مبق" or (m := TOKEN_RE.match(text, g)) is None:
        return None
    f = fold(m.group())
    with_b = f not in _TOWN_WORDS_AR
    if with_b and not (official and f[:1] == "ب" and f[1:] in _TOWN_WORDS_AR):
        return None
    nm = NEXT_RE.match(text, m.end())
    if nm is None or not _joins(text, m.end(), nm.start(1)):
        return None
    return nm.start(1), nm.start(1) in _first_at(places), with_b


# a locative of an administrative unit right after a prison's name (`سجن أنبيكه بولاية تكانت`): the word before it is
# the prison's name though it ends as a pronoun does (`ـه`), unless a verb's or a participle's first letter or the
# article (`سجن الأحداث في مدينة الرقة`: the group it holds, rule 27w, stays no name); a nisba stays an adjective
# (`سجن فيدرالي في ولاية كولورادو`)
_LOCATIVE_AFTER_RE = re.compile(r"[ \u00a0]+(?:ب|في[ \u00a0]+)(?:ولاي[ةه]|مدين[ةه]|محافظ[ةه]|بلد[ةه])[ \u00a0]+"
                                r"[\u0621-\u064a]")


def _locative_after(text: str, end: int, f: str) -> bool:
    # (four letters too, `سجن بيله بولاية لبراكنة`, not after a long ا: a weak verb's pronoun, `قضاه`, `بناه`; 31c)
    return len(f) >= 4 and f[-1] == "ه" and f[-2] not in "يا" and f[0] not in "يتنمل" and not f.startswith("ال") \
        and text[end : end + 1] == " " \
        and _LOCATIVE_AFTER_RE.match(text, end) is not None


# The first words of Maghreb, Egyptian and Gulf towns' names that call for the next word (rule 32g): `بني ملال`,
# `بني سويف`, `سيدي بلعباس`, `سيدي قاسم`, `برج بوعريريج`, `برج منايل`, `أولاد جلال`, `واد كنيس` (Maghreb spelling of
# `وادي`), `حاسي مسعود`, `خميس مشيط`, `خميس مليانة`, `سوق أهراس`, `تيزي وزو`, `آيت ملول`, `جزيرة رايكرز` (folded).
# Alone after a head each is no name (`بني` is also "was built", `سيدي` "my lord"), so the name is both words or none.
_TOWN_OPENERS_AR = frozenset(("بني", "سيدي", "برج", "اولاد", "واد", "حاسي", "خميس", "سوق", "تيزي",
                              # Morocco's Amazigh towns (`السجن المدني بآيت ملول`) and an island's prison by the island
                              # (`سجن جزيرة رايكرز`, `سجن جزيرة سارك`)
                              "ايت", "جزيره"))
# second words that make the opener a word of the sentence: "a prison built recently / specially / in the year",
# "a watch tower" (folded)
_NOT_TOWN_SECOND = frozenset(("حديثا", "خصيصا", "مؤخرا", "موخرا", "اصلا", "سابقا", "لاحقا", "اساسا", "قديما", "عاما",
                              "مراقبه", "حراسه", "المراقبه", "الحراسه", "عال", "عالي", "ضخم", "جديد", "جديده"))


def _town_opened(text: str, tok: str, f: str, end: int, gaz: Gazetteer) -> int | None:
    """The end of a two-word town's name that opens with `f` at `end` (`بني` + `ملال`), or None."""
    if f == "بني" and (tok.startswith("بُ") or "\u064f" in tok[:3]):
        return None  # `سجن بُني عام 1990`: the passive "was built"
    nm = NEXT_RE.match(text, end)
    if nm is None or not _joins(text, end, nm.start(1)):
        return None
    raw = nm.group(1)
    w = fold(raw)
    if len(w) < 3 or w in gaz.ar_name_stop or w in _NOT_TOWN_SECOND or w in _AR_DESCRIPTORS or w in _AR_ADJ \
            or w.isdigit() or w[:1] == "ل" or w.startswith(("بال", "وال", "فال", "كال")) \
            or raw.rstrip("\u0652").endswith(("ً", "اً", "ًا", "ٌ", "ٍ")):
        return None
    return nm.end(1)


def _foreign_town(f: str, gaz: Gazetteer) -> bool:
    """`f` (folded) is a town of a country out of scope that common_words.yaml `country_words` lists (`سبها`,
    `مصراتة`): after a head it is the prison's or centre's name though its shape is a pronoun's or a participle's
    (`مركز احتجاز سبها`, `سجن مصراتة`; city32, rule 32v)."""
    rules = gaz.place_rules
    return rules is not None and f in rules.country_words and f not in gaz.ar_name_stop


def _arabic(text: str, h: Cand, kind: str, places: list[Cand], gaz: Gazetteer) -> OpenFacility | None:
    if h.start > 2 and text[h.start - 1] == " " and _COUNT_BEFORE_RE.search(text, max(0, h.start - 12), h.start) \
            and not (_YEAR_BEFORE_RE.search(text, max(0, h.start - 20), h.start)
                     and not text[h.start : h.end + 2].rstrip().endswith(("اً", "ا"))):
        return None  # `قرابة 400 مخيم تنتشر`, `نحو ٣٠ سجناً`: a count of heads, no name (rule 25z)
    g = gap_end(text, h.end)
    paren = _paren_name(text, h.end)
    if paren is not None:
        g = gap_end(text, paren[0])  # `مخيم (خالد بن الوليد)`: a name in brackets right after its head, as in quotes
    gap = text[h.end : g]
    if g - h.end > _MAX_GAP or "\n" in gap:
        return None
    dated = _dated_name(text, g) if not gap.strip() else None
    if dated is not None:
        return OpenFacility(h.start, dated, kind, text[g:dated], g, dated)
    if kind == "camp" and not gap.strip() and (km := _KILO_NAME_RE.match(text, g)) is not None \
            and not text.startswith("ال", h.start):
        return OpenFacility(h.start, km.end(), kind, km.group(), g, km.end())  # `مخيم كيلو 18`, `مخيم الـ 18 كيلو`
    if not gap.strip() and fold(text[h.start : h.end]) == "ليمان" and (lm := _NUMBERED_LIMAN_RE.match(text, g)):
        return OpenFacility(h.start, lm.end(), kind, lm.group(), g, lm.end())  # `ليمان 430` (Wadi al-Natrun's)
    if gap == " " and h.start > 0 and text[h.start - 1] in _OPEN_QUOTES and kind == "prison" \
            and (qn := _QUOTED_NUMBER_RE.match(text, g)) is not None:
        return OpenFacility(h.start, qn.end(1), kind, qn.group(1), g, qn.end(1))
        # `«سجن 400»`: a head and a number quoted together name the prison (Yemen's; rule 27t)
    if " " in text[h.start : h.end].strip() and text[g : g + 1] in "-–" and not gap.strip():
        g = gap_end(text, g + 1)  # `مركز الإصلاح والتأهيل- بدر`: a dash between a many-word head and its name
        if g - h.end > _MAX_GAP + 2:
            return None
    if gap == " " and _LINE_START_RE.fullmatch(text, text.rfind("\n", 0, h.start) + 1, h.start) is not None \
            and (hd := _HEADING_NAME_AR_RE.match(text, g)) is not None \
            and (w0 := fold(hd.group(1).split()[0])) not in _NO_HEADING and w0 not in gaz.ar_name_stop:
        return OpenFacility(h.start, hd.end(1), kind, hd.group(1), g, hd.end(1))
        # a heading line of a list of the world's prisons, `سجن كريستي – روسيا:`, `سجن بانغ كوانغ – تايلاند:`: the
        # words before the dash are the name (a nisba-shaped one too), the country after it is where (fix24, rule 27e)
    g0 = g
    g = _institution_name_at(text, h, g, places)
    if g < 0:
        return None
    # after a Maghreb official designation and `ب`/`ل` the name is the place the institution is in, never the people
    # it holds (`السجن المدني بالمسعدين`: Messadine, not a plural of people; rule 26g)
    official_at = g in (g0 + 1, g0 + 2) and text[g0 : g0 + 1] in "بل" \
        and tuple(fold(w) for w in text[h.start : h.end].split()[:2]) in _OFFICIAL_AR
    town_named = False
    official = tuple(fold(w) for w in text[h.start : h.end].split()[:2]) in _OFFICIAL_AR
    if (tw := _town_word_name(text, g, places, official)) is not None and (g != g0 or tw[2]):
        # `السجن المدني في مدينة أنبيكه`, `السجن المدني بمدينة ألاك`: after an institution's head and a locative the
        # word for town is no part of the name, the word after it is the town's name and so the prison's (its shape
        # vouched for by the word before it); a known town there is where the institution is, as without the word
        # (arspan30, rule 30a). After a plain head the cue stays the name's (`مخيم بلدة الكسرة`, rule 28x).
        at, known, _ = tw
        if not known:
            g, town_named = at, True
        elif not (official and _MAGHREB_RE.search(text) is not None):
            return None
        else:
            g = at
    if text[g : g + 1] == "ب" and (dated := _dated_name(text, g + 1)) is not None:
        return OpenFacility(h.start, dated, kind, text[g + 1 : dated], g + 1, dated)  # `بالعاشر من رمضان`
    g = _guarded_name_at(text, g, places)
    if g < 0:
        return None
    g = _agency_name_at(text, g, gaz)
    m = TOKEN_RE.match(text, g)
    if m is None:
        return None
    tok = m.group()
    f = fold(tok)
    if f == "كامب" and (cm := NEXT_RE.match(text, m.end())) is not None and _joins(text, m.end(), cm.start(1)) \
            and (m2 := TOKEN_RE.match(text, cm.start(1))) is not None and fold(m2.group()) in gaz.trie.first:
        m, tok = m2, m2.group()  # `معتقل كامب بوكا`, `سجن كامب كروبر`: the English head "Camp" in Arabic letters
        f = fold(tok)  # after an Arabic head is part of the head before a known name (arrec29, rule 29m)
    coord_quoted = False
    if f in _COORD_HEAD_AR and kind == "prison":
        nm = NEXT_RE.match(text, m.end())
        q = text[m.end() : gap_end(text, m.end())].strip()
        # the name in quotes after the cells' word (`سجن وزنازين «الأمن الوقائي»`; fac27arw, rule 28v)
        coord_quoted = f in _CELLS_AR and len(q) == 1 and q in _OPEN_QUOTES
        at = gap_end(text, m.end()) if coord_quoted else \
            nm.start(1) if nm is not None and _joins(text, m.end(), nm.start(1)) else -1
        if at >= 0:
            m = TOKEN_RE.match(text, at)  # `مركز توقيف وتحقيق حوارة`: a second head word joined by و, then the
            if m is None:  # name (Huwara's detention and interrogation centre; fac26pal, rule 28j)
                return None
            tok = m.group()
            f = fold(tok)
    name_start, name_end = m.start(), m.end()
    close = paren[1] if paren is not None else \
        _closing_quote(text, name_start) if coord_quoted or any(ch in QUOTES for ch in gap) else None
    if any(ch in QUOTES for ch in gap) and close is None:
        return None  # `“أكبر سجن” لعناصر`: the quote closes a phrase that ends with the head
    if kind == "prison" and close is None and f in _PART_AR and (nm := NEXT_RE.match(text, name_end)) is not None \
            and _joins(text, name_end, nm.start(1)) and fold(nm.group(1)) not in gaz.ar_name_stop \
            and (fold(nm.group(1)).startswith("ال")
                 or (nm.group(1)[:1] not in "وبلف" and fold(nm.group(1)) in gaz.trie.first)):
        return OpenFacility(h.start, nm.end(1), kind, text[name_start : nm.end(1)], name_start, nm.end(1))
        # `سجن استقبال طرة`: a part of a complex named with it (Tora's reception prison, the known complex: its core
        # inside the name, _open_or_known); `سجن ملحق المزرعة`: the farm prison's annex, a prison of its own (27e)
    if close is None and f[:1] in "وبلف" and f[1:] in _HEADS_AR:
        return None  # `وفاة معتقل بسجن قرنادة`: "a detainee in the prison of", the next head's (open26ar, rule 28n)
    if f == "لا" and (la := _la_name_end(text, name_end, gap, close, places, gaz)) is not None:
        return OpenFacility(h.start, la, kind, text[name_start:la], name_start, la)
        # `سجن «لا سانتيه»`, `سجن لا سانتي`: a French or Spanish name's article, no negation (open26ar, rule 28n)
    place = _first_at(places).get(name_start)
    if place is None and close is None and kind == "prison" and f in _GOVERNORATE_AR \
            and (nm := NEXT_RE.match(text, name_end)) is not None and _joins(text, name_end, nm.start(1)) \
            and ((gov := _first_at(places).get(nm.start(1))) is not None
                 or (fold(nm.group(1)).startswith("ال") and fold(nm.group(1)) in gaz.trie.first)) \
            and not text[gov.end if gov is not None else nm.end(1) :].lstrip(" \u00a0").startswith(_BRACKETS_AR):
        # `سجن محافظة خميس مشيط العام`, `سجن محافظة السويداء المركزي`: the governorate's prison is its town's, named
        # by the town, a known prison's name too (ar32rec, rule 32i)
        m, tok, f, place = nm, nm.group(1), fold(nm.group(1)), gov
        name_start, name_end = nm.start(1), nm.end(1)
    if place is None and close is None and tok[:1] == "ب" and len(tok) > 3 and _foreign_town(f[1:], gaz):
        return None  # `مدير سجن بمصراتة`, `سجن بسبها`: a prison in a town of another country, no name (rule 32v)
    if place is None and close is None and tok[:1] == "ب" and len(tok) > 3 \
            and (any(c.start == name_start + 1 and c.end >= name_end for c in places) if len(places) < _SPANS_FROM
                 else (far := _spans_at(places)[1].get(name_start + 1)) is not None and far >= name_end):
        return None  # `مخيم بديرك`, `مخيم بمنبج`: a camp in a town the text names, no camp's name (rule 22f)
    opened = _town_opened(text, tok, f, name_end, gaz) if close is None and place is None and f in _TOWN_OPENERS_AR \
        else None
    if opened is not None:
        # `السجن المحلي لبني ملال`, `سجن سيدي بلعباس`, `سجن برج بوعريريج`, `سجن خميس مشيط`: a Maghreb, Egyptian or
        # Gulf town whose name opens with a word of its own (sons of, lord, tower, Thursday ...) and goes on in the
        # next word is the prison's name, both words (ar32rec, rule 32g)
        name_end = opened
    group_named = f in _QUOTED_GROUP_NAMES and (
        (close == name_end and any(ch in _OPEN_QUOTES for ch in gap))
        or (close is None and gap == " " and h.start > 0 and text[h.start - 1] in _OPEN_QUOTES
            and text[name_end : name_end + 1] in _CLOSE_QUOTES))
    # (`ويقع "سجن النساء" شمال المدينة`: the head and the group quoted together name the prison as the group quoted
    # alone after it does; core24ar, rule 27f)
    if place is None and (f in _AR_DESCRIPTORS or f in _AR_ADJ or f in _HEADS_AR) and not group_named:
        return None  # `«مركز الإصلاح والتأهيل الجديد»`: a head and its adjective; `سجن سجن إيفين`: a repeated head
        # (`سجن “الأحداث” في الرقة`: the group a prison holds, quoted alone after the head, is that prison's name, a
        # prison of its own, not the city's known one; round-23 splits, rule 27w)
    if place is None and close is None and f in _AR_GENERIC_OWNERS:
        return None  # `سجن المدينة`, `سجن المحكمة`, `مخيم القراءة`: the city's, the court's, a reading camp (rule 22e)
    if place is None and close is None and (f in _AR_CARDINALS or f in _BY_NUMBER_AR):
        return None  # `وسجن الأربعة الآخرين عامين`: the jailing of "the four", a number, no name (rule 27k); `سجن
        # بثلاثة أضعاف طاقته`: "a prison at three times its capacity", a measure (rule 28u)
    if kind == "prison" and (_PASSIVE_JAILED_RE.search(text, h.start, h.end) is not None
                             or (close is None and (_DURATION_AFTER_RE.match(text, name_end) is not None
                                                    or _DURATION_AFTER_RE.match(text, h.end) is not None
                                                    or (text[h.start - 1 : h.start] == "ب"
                                                        and _ruled_before(text, h.start))
                                                    or (f in _DEFENDANT_AR
                                                        and _DEFENDANT_AFTER_RE.match(text, name_end) is not None)
                                                    or (text[h.start - 1 : h.start] == "ب"
                                                        and _ruled_term(text, h.start, name_end))))):
        return None  # `سُجن الكاتب`, `سجن الصحفي ثلاث سنوات`: "was jailed", "the jailing of ... for" (rule 22e);
        # the damma makes the verb before a quoted name too (`سُجن «الكوماندا»`; neg27, rule 28z)
        # `قضت محكمة تركية بسجن الصحفية`: a court ruled "the jailing of" her, no prison (rule 27j)
    if kind == "prison" and place is None and close is None and f in _WARD_GROUPS \
            and (nm := NEXT_RE.match(text, name_end)) is not None and _joins(text, name_end, nm.start(1)) \
            and fold(nm.group(1)) == "المركزي":
        return OpenFacility(h.start, nm.end(1), kind, text[name_start : nm.end(1)], name_start, nm.end(1))
        # `سجن النساء المركزي`: the group a prison holds, then "central", is an institution's name (rule 25g)
    short = len(f) == 2 and place is None and f not in NAME_PREFIXES and _short_name(tok, f)
    if place is not None:
        name_end = max(name_end, place.end)  # a multi-word place starting here belongs to the name
    elif short:
        name_end = _short_grow(text, name_end, places, gaz)  # `سجن جو`, `مخيم آق برهان`
    elif opened is not None:
        pass
    elif not official_at and not group_named and not town_named \
            and not (kind == "prison" and _locative_after(text, name_end, f)) \
            and not _named_for_displaced(text, tok, f, name_end, gaz) \
            and not _foreign_town(f, gaz) \
            and not arabic_name_ok(tok, f, gaz.ar_name_stop, quoted=close is not None, known=gaz.trie.first) \
            and (f in gaz.ar_name_stop or variant_of(tok, kind, gaz) is None) \
            and not _construct_named(text, f, name_end, gaz) \
            and not ((f not in _VILLAGE_OPENERS_AR or fold(text[h.start : h.end]) not in _DETAINEE_HEADS)
                     and _opener_named(text, f, name_end, places, gaz)):
        # (`سجن رومي` has an adjective's shape, روما's, but spells the known `سجن رومية`)
        nm = NEXT_RE.match(text, name_end)
        if f in gaz.ar_name_stop or nm is None or not _joins(text, name_end, nm.start(1)) \
                or variant_of(glued(tok, nm.group(1)), kind, gaz) is None:
            return None
        return OpenFacility(h.start, nm.end(1), kind, text[name_start : nm.end(1)], name_start, nm.end(1))
        # (`مخيم جم مشكو`: a name outlets write in one word, جمشكو, or in two)
    if close is not None:
        name_end = close  # the whole quoted name: مخيم "الشهيد رستم جودي"
    elif short or opened is not None:
        pass
    else:
        name_end = _grow(text, f, name_end, places, gaz,
                         village_ok=fold(text[h.start : h.end]) not in _DETAINEE_HEADS)
        if place is None and not f.startswith("ال") and name_end == m.end() and _nouns_follow(text, name_end, places):
            return None  # `مخيم أشباح وخوف ودمار`: "a camp of ghosts, fear and ruin", a description
    nm = NEXT_RE.match(text, name_end)
    if nm is not None and fold(nm.group(1)) in _AR_DESCRIPTORS and fold(nm.group(1)) not in _AR_AGE:
        name_end = nm.end(1)  # `سجن X المركزي`, `مخيم X الشرقي` (not "the new X camp": the same camp's name)
    after = TOKEN_RE.match(text, gap_end(text, name_end))
    if after is not None and (word := fold(after.group())) not in _ACTIVITY_AR and word.startswith("ال") \
            and word.endswith(("ي", "يه")):
        after = TOKEN_RE.match(text, gap_end(text, after.end()))  # `مخيم الشباب العربي الصيفي`: one nisba between
    if after is not None and after.start() == name_end + 1 and close is None and " " not in text[name_start:name_end] \
            and not text.startswith("ال", name_start) and fold(after.group()) in _NAME_NOUNS:
        return None  # `أقيم مخيم حمل اسمها`: "a camp that bore its name", a verb before the word for name (rule 23f)
    if after is not None and fold(after.group()) in _ACTIVITY_AR:
        return None  # `"مخيم الإبداع" الصيفي`, `مخيم الأمل الكشفي`: a summer, scout or training camp, no site
    if kind == "camp" and _scouts_camp(text, h.start):
        return None  # `نظّمت جمعية الكشافة مخيم العين`: a scouts' camp, no site (rule 23)
    if paren is not None and name_end == paren[1]:
        return OpenFacility(h.start, paren[2], kind, text[name_start:name_end], name_start, name_end)
    return OpenFacility(h.start, name_end, kind, text[name_start:name_end].strip(QUOTES + " "), name_start,
                        name_end)


# A camp named "return" (`مخيم العودة`, "the Return camp", "the Great Return March camp") in a sentence of protest,
# sit-in, the border fence, the Nakba's or Land Day's commemoration and no displaced people: a protest tent camp of
# the return marches (Gaza's border camps of 2018, Nablus's symbolic camp of the Nakba day), another sense of camp
# (rule 1; fix24, rule 27e). Displacement camps named العودة in Idlib and Gaza keep their name: `مخيم العودة
# للنازحين`, or no protest word in the sentence (`قصفت الطائرات مخيم العودة في أطمة`).
_RETURN_NAMES = frozenset(("العوده", "return", "great return", "great return march", "great march of return"))
_PROTEST_AR_RE = re.compile(r"اعتصام|معتصم|احتجاج|محتج|تظاهر|متظاهر|مسير[ةه] العود|مسيرات العود|رمزي|السياج|"
                            r"الشريط الحدودي|"
                            r"على الحدود|قرب الحدود|الحدود الشرقي|النكب[ةه]|يوم الارض|يوم الأرض|قناص")
_PROTEST_EN_RE = re.compile(r"\b(?:protest(?:s|ers?)?|demonstrat(?:ion|ions|ors?)|sit-ins?|march(?:es)?|border fence|"
                            r"fence|snipers?|Nakba|Land Day)\b", re.IGNORECASE)
_MARCHES_AR_RE = re.compile(r"مسير[ةه] العود[ةه]|مسيرات العود[ةه]")  # (anywhere in the text: the marches' camps)
_HOMELESS_RE = re.compile(r"نازح|نزوح|النازحين|مهجر|مشرد|\bdisplaced\b|\bIDPs?\b")


def _protest_camp(text: str, h: Cand, of: OpenFacility) -> bool:
    name = fold(of.name.strip(QUOTES + " "))
    if name not in _RETURN_NAMES:
        return False
    a = max(text.rfind(ch, 0, h.start) for ch in _SENTENCE_END) + 1
    ends = [i for ch in _SENTENCE_END if (i := text.find(ch, max(h.end, of.end))) != -1]
    b = min(ends) if ends else len(text)
    if _HOMELESS_RE.search(text, a, b) is not None:
        return False
    if name.isascii():
        return _PROTEST_EN_RE.search(text, a, b) is not None or "Return March" in text or "March of Return" in text
    return _PROTEST_AR_RE.search(text, a, b) is not None or _MARCHES_AR_RE.search(text) is not None


# An event's camp, a camp of another sense (rule 1; rule 29t, read from the spent r29 splits, helper spentsense29):
# - a name holding "Annual" (or "Yearly", "Inaugural"), or a year right after the head, in a sentence with no word of
#   the displaced or the detained: "the AHA Annual Camp 2019, 3 to 5 May", "the Riverside Camp 2023 moves";
# - a name in apposition to a camp of another sense (non_facilities.yaml camp_senses: summer, youth, scout, sports
#   ...), with at most a quote, a comma, a colon or a word for "called" between: `فعاليات المخيم الصيفي "مخيم القدس"`,
#   `مخيماً صيفياً بعنوان "مخيم الأمل"`, 'a youth camp called "Hope Camp"'. Displacement camps named in such a
#   text keep their name elsewhere ("children from the Baqaa camp joined the summer camp").
_EVENT_NAME_EN_RE = re.compile(r"\b(?:Annual|Yearly|Inaugural|Biennial)\b")
_YEAR_AFTER_RE = re.compile(r"[ \u00a0]+(?:19[5-9][0-9]|20[0-9][0-9])\b(?![ \u00a0]*[-–/:.][0-9])")
_SENSE_GAP_RE = re.compile(r"[ \u00a0,:\"“”'‘’«»(–-]*(?:(?:called|named|dubbed|titled|entitled|known[ \u00a0]+as|the|"
                           r"بعنوان|باسم|تحت[ \u00a0]+(?:اسم|عنوان|شعار)|المسمى|المسماه|المسماة|الذي[ \u00a0]+"
                           r"(?:يحمل|حمل)[ \u00a0]+اسم)[ \u00a0,:\"“”'‘’«»(–-]*)?")


def _event_camp(text: str, h: Cand, of: OpenFacility, gaz: Gazetteer) -> bool:
    lo = min(h.start, of.name_start)
    if of.name.isascii():
        if (_EVENT_NAME_EN_RE.search(of.name) is not None
                or (text[h.end + 1 : h.end + 2].isdigit() and _YEAR_AFTER_RE.match(text, max(h.end, of.end))))\
                and _quiet_sentence(text, lo):
            return True
    sense = gaz.camp_sense
    if sense is None or lo < 8:
        return False
    window = text[max(0, lo - 60) : lo]
    if "amp" not in window and "مخيم" not in window:
        return False  # (no camp word before the name: no apposition to a camp of another sense)
    last = None
    for last in sense.finditer(window):  # noqa: B007 (the last match is the one right before the name)
        pass
    return last is not None and _SENSE_GAP_RE.fullmatch(window, last.end()) is not None


# scouts and guides in a camp's sentence, and no displaced people or refugees: the camp is the scouts' event
_SCOUTS_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال|لل)?(?:كشاف[ةه]?|كشافين|كشفي[ةه]?|مرشدات)(?![\u0621-\u064a])")
_UPROOTED_RE = re.compile(r"نازح|نزوح|لاجئ|اللاجئ|مهجر|المهجر|قاطن|مشرد")
_SENTENCE_END = ".!?؟\n"


_SCOUTS_TEXT: tuple[str | None, bool] = (None, False)


def _scouts_camp(text: str, at: int) -> bool:
    """A camp's head in a sentence that names scouts or guides (`جمعية الكشافة`, `المخيم الكشفي`) and no displaced
    people: a scouts' camp, no site (`مخيم العين` of a scouts' association is not Nablus's camp)."""
    global _SCOUTS_TEXT
    memo = _SCOUTS_TEXT
    if memo[0] is not text:  # (whether the text names scouts at all: read once per text, not once per head)
        memo = _SCOUTS_TEXT = (text, "كش" in text or "مرشدات" in text)
    if not memo[1]:
        return False
    a = max(text.rfind(ch, 0, at) for ch in _SENTENCE_END) + 1
    ends = [i for ch in _SENTENCE_END if (i := text.find(ch, at)) != -1]
    b = min(ends) if ends else len(text)
    return _SCOUTS_RE.search(text, a, b) is not None and _UPROOTED_RE.search(text, a, b) is None


# the folded words after a head that make it a generic owner's prison or an activity's camp, no name (rule 22e)
# the groups a prison's wards hold (stop words after a head: `سجن النساء` is "the women's prison"); with
# `المركزي` after them they name one institution, Baghdad's `سجن النساء المركزي` (folded)
_WARD_GROUPS = frozenset(("النساء", "الاحداث", "الرجال"))
# the groups a prison holds, quoted alone after its head: the prison's name (`سجن “الأحداث”`, rule 27w)
_QUOTED_GROUP_NAMES = frozenset(("النساء", "الاحداث", "الرجال", "الكبار", "البالغين", "القاصرين", "الذكور", "الاناث"))
_AR_GENERIC_OWNERS = frozenset(("المدينه", "البلده", "المحكمه", "المخفر", "الشرطه", "القراءه", "الكتابه", "اللياقه",
                                 "النادي",
                                # an academy's, a college's, a school's or the scouts' camp for youths (neg27, rule 28z)
                                "الحربيه", "الكليه", "الجامعه", "المدرسه", "الكشافه",
                                "البرمجه", "الراي", "الضمير",  # (`معتقل الرأي`: a prisoner of conscience)
                                "الجهاز"))  # (`سجن الجهاز`: "the agency's prison", the agency named before; rule 27t)
# (`معتقل` is also "a detainee": with "conscience" or "opinion" after it, a prisoner of conscience even where the word
# is a town's name, Dumayr's `الضمير`; prec23ar, rule 27k)
_CONSCIENCE = frozenset(("الضمير", "الراي", "راي"))  # (indefinite too: `توفي معتقل رأي في سجن ...`; rule 29i)
_DETAINEE_HEADS = frozenset(("معتقل", "المعتقل", "معتقلو", "معتقلي"))
# the definite cardinals (folded): "the three", "the four" after `سجن` are the people jailed, never a prison's name
_AR_CARDINALS = frozenset(("الثلاثه", "الاربعه", "الخمسه", "السته", "السبعه", "الثمانيه", "التسعه", "العشره",
                           "الاثنين", "الاثنان", "الثلاث", "الاربع", "الخمس", "الست", "السبع", "التسع", "العشر",
                           # the counts of people (`قامت إسرائيل بسجن الآلاف من سكان غزة`: "jailing thousands";
                           # fac27arw, rule 28v)
                           "الالاف", "الاف", "الميات", "ميات", "العشرات", "عشرات", "الملايين"))
# ب + a number or a multiple right after a head (folded): "at three times", "at twice" its capacity (rule 28u)
_BY_NUMBER_AR = frozenset("ب" + w for w in ("ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                                            "اثنين", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
                                            "ضعف", "ضعفي", "اضعاف"))
# `سُجن` (a damma on its first letter) is the verb "was jailed"; the prison is `سِجن`
_PASSIVE_JAILED_RE = re.compile("س\u064f")
# a ruling's verb earlier in the clause of `بسجن` (the masdar "to jail" after the preposition the verb takes): `قضت
# المحكمة بسجن ...`, `حكمت محكمة الجنايات بسجن ...`, `أمر القاضي بسجن ...` (rule 27j)
_RULED_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:قضت|قضى|تقضي|يقضي|حكمت|حكم|تحكم|يحكم|أمرت|أمر|امرت|امر|قررت|قرر)"
                       r"(?![\u0621-\u064a])[^.،,؛:\n]{0,40}$")


def _ruled_before(text: str, head: int) -> bool:
    """`بسجن` after a verb of ruling in the same clause (the 48 characters before the preposition)."""
    return _RULED_RE.search(text, max(0, head - 49), head - 1) is not None


# rule 33i (prec33): a court's ruling whose clause runs on past a comma before `بسجن` or `سجن` (`قضت المحكمة المنعقدة
# في أكاديمية الشرطة، شرقي القاهرة، بسجن علاء وجمال لمدة 4 سنوات`, `وقررت المحكمة، سجن ...`): the ruling verb in the
# sentence up to 120 characters before `بسجن` (commas allowed, no full stop, semicolon or colon) and `لمدة`/`مدة` with
# a number of years or months after the name, at most three words between (`علاء وجمال لمدة 4 سنوات`): the jailing of
# people for a term, no prison. A prison named where people are held has no term after it in these words (`المحتجزين
# بسجن الكسرة منذ ثلاث سنوات`: "since", not "for")
_RULED_FAR_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:قضت|قضى|تقضي|يقضي|حكمت|حكم|تحكم|يحكم|أمرت|أمر|امرت|امر|"
                           r"قررت|قرر)(?![\u0621-\u064a])[^.؛:\n]{0,110}$")
_TERM_SOON_RE = re.compile(r"(?:[ \u00a0]+[^ \u00a0.،,؛:\n]+){0,3}?" + r"[ \u00a0]+(?:ل?مد[ةه][ \u00a0]+)"
                           r"(?:[0-9\u0660-\u0669]+|ثلاث|ثلاثة|أربع|اربع|أربعة|اربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثماني|"
                           r"ثمانية|تسع|تسعة|عشر|عشرة|عشرين|بضع|بضعة|عامين|سنتين|شهرين)(?![\u0621-\u064a])")
# `سجن المدعى عليه`, `سجن المحكوم عليه`: "the defendant", "the convicted", a legal term for a person (folded first word)
_DEFENDANT_AR = frozenset(("المدعي", "المحكوم"))
_DEFENDANT_AFTER_RE = re.compile(r"[ \u00a0]+علي(?:ه|ها|هم|هما)(?![\u0621-\u064a])")


def _ruled_term(text: str, head: int, name_end: int) -> bool:
    """A ruling verb earlier in the sentence (commas allowed) and a term soon after the name (rule 33i)."""
    lead = text[max(0, head - 121) : head]
    if not ("قض" in lead or "حكم" in lead or "قرر" in lead or "أمر" in lead or "امر" in lead):
        return False
    return _TERM_SOON_RE.match(text, name_end) is not None \
        and _RULED_FAR_RE.search(lead) is not None


# a term right after the name: `سجن الكاتب ثلاث سنوات` is the jailing of the writer for three years
_DURATION_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:ل?مد[ةه][ \u00a0]+)?(?:(?:[0-9\u0660-\u0669]+|ثلاث|ثلاثة|أربع|اربع|أربعة|اربعة|خمس|خمسة|ست|ستة|سبع|"
    r"سبعة|ثماني|ثمانية|تسع|تسعة|عشر|عشرة|عشرين|بضع|بضعة)[ \u00a0]+(?:سنوات|سنة|سنين|أعوام|اعوام|عاما|عاماً|أشهر|اشهر|"
    r"شهرا|شهراً|أيام|ايام|يوما|يوماً)|عامين|سنتين|شهرين|مؤبدا|مؤبداً)(?![\u0621-\u064a])")
_HEADS_AR = frozenset(("سجن", "مخيم", "معتقل", "معسكر", "سجون", "مخيمات", "معتقلات"))
# Two-letter words that are no name after a head: particles, pronouns, prepositions, short verbs and nouns (a name
# of two letters is rare and foreign: Bahrain's `سجن جو`, `مخيم آق برهان`). Folded spellings (أ إ آ -> ا).
_SHORT_STOP = frozenset((
    "في", "من", "عن", "ما", "لا", "لم", "لن", "قد", "هو", "هي", "هم", "هن", "او", "ان", "اي", "كل", "ذا", "ذو", "ذي",
    "يا", "مع", "بل", "ثم", "كم", "لو", "اذ", "كي", "هل", "نا", "تم", "عد", "مد", "رد", "حد", "جد", "حل", "مر", "كن",
    "قل", "دع", "ضد", "اب", "اخ", "يد", "دم", "فم", "اف", "له", "لك", "لي", "به", "بي", "بك", "لا", "سن", "عم", "خط",
    "حق", "شك", "ظل", "كف", "سر", "نص", "صف", "ال", "وا", "اه", "ها", "هذ", "ذك", "لد", "ود", "بد", "عز", "فك", "شد",
    "صد", "حب", "رب", "مس", "سد", "عش", "ضم", "كي", "تل", "حي", "بر", "جر", "دب", "زي", "حر"))


# words of direction and time after a two-letter name (`في جو جنوب المنامة`, `بجو أمس`): no second name word
_SHORT_GROW_STOP = frozenset(fold(w) for w in (
    "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط", "قرب", "أمس", "امس", "اليوم", "غدا", "غداً",
    "بعد", "قبل", "منذ", "خلال", "حيث", "بين", "عند", "لدى", "صباح", "مساء", "ليلة", "يوم"))


def _short_name(raw: str, folded: str) -> bool:
    """A two-letter word after a head is a name (`سجن جو`, `سجن «جو» المركزي`, also voweled as Bahraini outlets print
    it, `سجن جَوْ`: rule 28k) unless a particle, pronoun or short common word, or written with a digit."""
    bare = _HARAKAT_RE.sub("", raw)
    return folded not in _SHORT_STOP and bare.isalpha() and all("\u0621" <= ch <= "\u064a" for ch in bare)


_HARAKAT_RE = re.compile("[\u064b-\u0652\u0670]")


def _short_grow(text: str, end: int, places: list[Cand], gaz: Gazetteer) -> int:
    """A two-letter name takes one more indefinite name word (`آق برهان`), not a verb, adjective or stop word."""
    nm = NEXT_RE.match(text, end)
    if nm is None or not _joins(text, end, nm.start(1)) or nm.start(1) in _first_at(places):
        return end
    raw = nm.group(1)
    w = fold(raw)
    if w.startswith(("ال", "لل")) or w in _SHORT_GROW_STOP or w in _CONSTRUCT_MARKS or w in _AR_ADJ or w in _HEADS_AR \
            or not arabic_name_ok(raw, w, gaz.ar_name_stop, quoted=False, known=gaz.trie.first):
        return end
    return nm.end(1)


# A definite word after the word that follows the head makes that word a proper name: `سجن معيتيقة المركزي`, `مخيم
# كاكوما الذي`, `سجن مأرب الواقع` ("X's central prison", "the X camp that"): an adjective or a participle after
# the head would be indefinite like it (`سجن مؤقت`); only a name makes the head definite by annexation.
_CONSTRUCT_MARKS = {"المركزي", "العسكري", "الصحراوي", "الشهير", "الواقع", "الذي", "التي", "سيء", "سيئ", "الخاضع",
                    "التابع"}


def _construct_named(text: str, f: str, end: int, gaz: Gazetteer) -> bool:
    """The word (folded `f`) that ends at `end` after a head is a name, whatever its shape, because a definite
    adjective, participle or relative pronoun follows it."""
    if len(f) < 3 or f.isdigit() or f.startswith("ال") or f in gaz.ar_name_stop:
        return False
    nm = NEXT_RE.match(text, end)
    return nm is not None and fold(nm.group(1)) in _CONSTRUCT_MARKS and text[end : nm.start(1)].strip() == ""


def glued(a: str, b: str) -> str:
    """Two words written as one (جم مشكو -> جمشكو: the letter they share at the seam once)."""
    return a + (b[1:] if b[:1] == a[-1:] else b)


def _nouns_follow(text: str, end: int, places: list[Cand]) -> bool:
    """Two indefinite words joined by و follow (`وخوف ودمار`), neither a place: a list of common nouns."""
    for _ in range(2):
        nm = NEXT_RE.match(text, end)
        if nm is None or not _joins(text, end, nm.start(1)):
            return False
        w = fold(nm.group(1))
        if w[:1] != "و" or w[1:3] == "ال" or len(w) < 3 or any(c.start <= nm.start(1) < c.end for c in places):
            return False
        end = nm.end(1)
    return True


# `مخيم (خالد بن الوليد)`, `سجن (الكسرة)`: one to four Arabic words in brackets right after a head (rule 9's marks;
# rule 18b's brackets hold the known name or the town after a whole name, not a head's only name)
_PAREN_NAME_RE = re.compile(r"[ \u00a0]?\([ \u00a0]*([\u0621-\u064a\u064b-\u0652\u0640]+(?:[ \u00a0]+[\u0621-\u064a"
                            r"\u064b-\u0652\u0640]+){0,3})[ \u00a0]*\)")


def _paren_name(text: str, end: int) -> tuple[int, int, int] | None:
    """The bracketed name right after a head ending at `end` (its start, its end, the closing bracket's end)."""
    m = _PAREN_NAME_RE.match(text, end)
    return (m.start(1), m.end(1), m.end()) if m is not None else None


def _closing_quote(text: str, start: int) -> int | None:
    """End of the last word before the closing quote, when it closes within five words."""
    pos, end = start, None
    for _ in range(5):
        m = TOKEN_RE.match(text, pos)
        if m is None:
            return None
        end = m.end()
        rest = gap_end(text, end)
        if any(ch in QUOTES for ch in text[end:rest]):
            return end
        if rest == end and text[end : end + 1] in "-–":
            rest = gap_end(text, end + 1)  # `سجن «فلوري- ميروجي»`: a hyphenated foreign name (open26ar, rule 28n)
        pos = rest
        if pos >= len(text) or "\n" in text[end:rest]:
            return None
    return None


_ABAD = frozenset(("اباد",))  # (folded: آباد, أباد, اباد)
# a rank before a person's name (`مدير سجن محافظة خميس مشيط المقدم محمد`): after a town's name it opens the next
# phrase, the officer's name, no construct of the prison's name (folded; rule 32i)
# a day or a time after a name (`مركز احتجاز سبها الأسبوع الماضي`, `سجن كركوك الخميس`): when the move happened, no
# construct of the name (folded; city32, rule 32v)
_TIME_AFTER_AR = frozenset(("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اليوم",
                            "الليله", "الاسبوع", "الشهر", "العام", "السنه", "الماضي", "الماضيه", "الحالي", "الجاري",
                            "الان", "امس", "البارحه", "الفايت"))
_TITLES_AFTER_AR = frozenset(("العقيد", "المقدم", "العميد", "اللواء", "الرائد", "النقيب", "الملازم"))


def _grow(text: str, first: str, end: int, places: list[Cand], gaz: Gazetteer, *, village_ok: bool = True) -> int:
    """Extend a name over the words its first word calls for (`الشيخ إدريس`, `مدينة تدمر`, `خالد بن الوليد`),
    over a definite word after an indefinite one (the construct `يمامة الغاب`) and a number (`زمزم 2`)."""
    if first in _AR_SECURITY_BODIES:
        nm = NEXT_RE.match(text, end)
        if nm is not None and _joins(text, end, nm.start(1)):
            w = fold(nm.group(1))
            if w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) > 4 \
                    and (w not in gaz.ar_name_stop or (first == "المباحث" and w in _CRIMINAL)):
                return nm.end(1)  # `سجن الأمن السياسي`, `سجن المخابرات الجوية`: a security body's prison, named whole
                # (`سجن المباحث الجنائية`: the criminal investigation's, though `الجنائي` alone names none; rule 27j)
    more = NAME_PREFIXES.get(first, 0)
    if more == 0 and not first.startswith("ال"):
        nm = NEXT_RE.match(text, end)
        if nm is not None and _joins(text, end, nm.start(1)):
            w = fold(nm.group(1))
            if w.startswith("ال") and w not in gaz.ar_name_stop and w not in _AR_DESCRIPTORS and w not in _AR_ADJ \
                    and w not in _CONSTRUCT_MARKS and w not in _TITLES_AFTER_AR and w not in _TIME_AFTER_AR \
                    and arabic_name_ok(nm.group(1), w, gaz.ar_name_stop, quoted=False, known=gaz.trie.first,
                                       listed=True):
                more = 1  # not `جزعة العراقي`: an adjective of a known name (العراق) is no part of it
            elif nm.start(1) in _first_at(places) and w not in gaz.ar_name_stop \
                    and (gaz.place_rules is None or w not in gaz.place_rules.words):
                more = 1  # `مخيم شهداء سوريا`, `سجن نقرة سلمان`: an indefinite word annexed to a place's name
                # (not a town's name that is also a word, read as the town only on a cue: `بدر بأنه`, "Badr, that
                # it ...", is no Baneh; rule 25j)
    if more == 0 and (nm := NEXT_RE.match(text, end)) is not None and fold(nm.group(1)) in _ABAD \
            and _joins(text, end, nm.start(1)):
        more = 1  # `سجن عادل آباد`, `سجن وكيل آباد`: a Persian town's "-abad" written apart is its name's (rule 32h)
    if more == 0 and not first.startswith("ال") and _tail_named(text, end, places, gaz):
        more = 1  # `مخيم كوكس بازار الذي`, `مخيم كارا تيبي المؤقت`: a foreign name's second word (open26ar, rule 28n)
    opener = first in _PLACE_OPENERS_AR and (village_ok or first not in _VILLAGE_OPENERS_AR)
    if more == 0 and opener and (nm := NEXT_RE.match(text, end)) is not None and _joins(text, end, nm.start(1)) \
            and _opener_next_ok(text, nm.start(1), nm.end(1), places, gaz):
        more = 1  # `سجن خور مكسر`, `سجن قاعة وضاح`, `سجن بيت شلال`, `معتقل درب مولاي الشريف`, `سجن دار الأحداث`: a
        # place's word (creek, hall, house, lane, palace) opens a name that goes on in the next word (rule 32x)
    last = first
    cue = first in _TOWN_CUES_AR or opener or (first in _ALI_TOWN and more == 1)
    chained = False
    while True:
        nm = NEXT_RE.match(text, end)
        if nm is None or not _joins(text, end, nm.start(1)):
            break
        w = fold(nm.group(1))
        if last in _AR_SECURITY_BODIES and w[:1] == "و" and w[1:] in _AR_SECURITY_BODIES:
            end = nm.end(1)  # `سجن جهاز الأمن والمخابرات`: a body named by two nouns (open26ar, rule 28n)
            last = w[1:]
            continue
        if not (more > 0 or last in _AR_NAME_GLUE or w in _AR_NAME_GLUE):
            break
        if more <= 0 and w in _PERSON_OPENERS and last.startswith("ال") and last not in _AR_NAME_GLUE:
            break  # `مدير مخيم التح عبد السلام اليوسف`: a person's name after a whole definite name, not part of it
            # (open29 survey, rule 29k)
        if (w in gaz.ar_name_stop and not (w == "علي" and (last in _PERSON_TITLES or (more > 0 and last in _ALI_TOWN))
                                           and nm.group(1) == "علي")
                and not (more > 0 and last in _PLACE_OPENERS_AR and w in _QUOTED_GROUP_NAMES)) \
                or w in _AR_DESCRIPTORS or w in _AR_ADJ or w.isdigit() or w.startswith("لل"):
            break  # (after a title the name `علي` as written, with its ya, is Ali, not the preposition `على`:
            # `مخيم الإمام علي`; rule 27j)
        if chained and not _opener_next_ok(text, nm.start(1), nm.end(1), places, gaz):
            break  # (`عين علي` then a verb: the chained word is a name's only by shape; rule 32x)
        chained = False
        end = nm.end(1)
        place = next((c for c in places if c.start == nm.start(1)), None)
        if place is not None:
            end = max(end, place.end)
        more -= 1
        if cue:
            cue = False
            chained = NAME_PREFIXES.get(w, 0) == 0 and w in _OPENER_CHAIN and (opener or first in _ALI_TOWN)
            more += (NAME_PREFIXES.get(w, 0) if first in _TOWN_CUES_AR or opener else 0) or (1 if chained else 0)
            # (`درب مولاي الشريف`, `عين علي مومن`: the opener's word is a name that calls for one more; rule 32x)
            # `مخيم بلدة تل السمن`: the town's own name opens with a word that
            # calls for the next (`تل`, `عين`, `أبو`), so the cue's one word is two (core27ar, rule 28x)
        last = w
    nm = _NUMBER_RE.match(text, end)
    return nm.end(1) if nm is not None else end


# (rule 32x) a place's common word that opens a Yemeni, Maghreb or Levant facility's name and calls for the next
# word: creek (`سجن خور مكسر`), hall (`سجن قاعة وضاح`), house (`سجن بيت شلال`, `سجن دار الأحداث`), lane (`معتقل درب
# مولاي الشريف`), palace (`سجن قصر النهاية`); folded. The next word is a name's: no stop word (but a ward's group
# after the house, `دار الأحداث`), adjective, descriptor, time word or verb's shape.
_PLACE_OPENERS_AR = frozenset(("خور", "قاعه", "بيت", "دار", "درب", "قصر", "ساحه"))
# openers that begin Palestinian and Levant village names (`بيت ريما`, `دار صلاح`): after the singular `معتقل`,
# also "a detainee", they name where the detainee is from, no facility (rule 32x)
_VILLAGE_OPENERS_AR = frozenset(("بيت", "دار"))
# a name after the opener that calls for one more word (`مولاي الشريف`, `علي مومن`, `سيدي موسى`; folded)
_OPENER_CHAIN = frozenset(("مولاي", "علي", "سيدي", "بني", "اولاد"))
_ALI_TOWN = frozenset(("عين", "بيت", "دار", "درب", "قصر", "خور"))


def _opener_next_ok(text: str, at: int, end: int, places: list[Cand], gaz: Gazetteer) -> bool:
    """The word text[at:end] after a place's opener continues the name (rule 32x)."""
    raw = text[at:end]
    w = fold(raw)
    if w in _AR_DESCRIPTORS or w in _AR_ADJ or w in _TIME_AFTER_AR or w in _TITLES_AFTER_AR or w in _HEADS_AR \
            or w in _CONSTRUCT_MARKS or w.startswith("لل") or w.isdigit() or w in _SHORT_GROW_STOP:
        return False
    if w in gaz.ar_name_stop:
        return w in _QUOTED_GROUP_NAMES or (w == "علي" and raw == "علي")
    if w == "مولاي" or at in _first_at(places) \
            or arabic_name_ok(raw, w, gaz.ar_name_stop, quoted=False, known=gaz.trie.first, listed=True):
        return True
    # a participle's shape (`خور مكسر`, Aden's Khor Maksar) is a name's where the text vouches for it: a place after
    # `في`/`بـ` closes the name, or the same two words stand again in the text
    if w[:1] != "م" or len(w) < 4 or raw.endswith(_TANWEEN_AR) or w.endswith(("ي", "يه", "ين", "ون", "ات")) \
            or w in _PARTICIPLE_ADJ_AR:
        return False
    pair = text[text.rfind(" ", 0, at - 1) + 1 : end]
    if text.count(pair) >= 2:
        return True
    if (nm := NEXT_RE.match(text, end)) is not None and fold(nm.group(1)) in _CONSTRUCT_MARKS \
            and text[end : nm.start(1)].strip() == "":
        return True  # `سجن عين علي مومن الذي`: a definite relative or adjective after it makes it a name (rule 32x)
    after = gap_end(text, end)
    if text.startswith("في ", after):
        after = gap_end(text, after + 3)
    elif text.startswith("ب", after):
        after += 1
    else:
        return False
    if (tw := TOKEN_RE.match(text, after)) is not None and fold(tw.group()) in _TOWN_WORDS_AR:
        after = gap_end(text, tw.end())  # `بمدينة سطات`: the town's word, then its name
    if after in _first_at(places):
        return True
    # (a town the text names in one word that closes the clause: `في عدن.`, `بسطات،`)
    nxt = TOKEN_RE.match(text, after)
    # (a town the text names in one word: `في عدن`, `بسطات`; not a participle or a common noun of cause or state)
    return nxt is not None and len(w2 := fold(nxt.group())) >= 3 and w2 not in gaz.ar_name_stop \
        and not w2.startswith("ال") and w2 not in _TIME_AFTER_AR and w2 not in _SHORT_GROW_STOP \
        and w2[:1] != "م" and w2 not in _NOT_TOWN_AFTER_AR and not nxt.group().endswith(_TANWEEN_AR)


# common nouns after في/ب that are no town (`بسبب`, `في حالة`, `في ظروف`; folded; rule 32x)
_NOT_TOWN_AFTER_AR = frozenset(("سبب", "حاله", "ظروف", "ظل", "وقت", "اطار", "شكل", "صوره", "عهد", "فتره", "اثناء",
                                "داخل", "خارج", "جانب", "اتجاه", "انتظار", "غياب", "حين", "عام", "سنه", "شهر",
                                "يوم", "ليله", "نهايه", "بدايه", "حق", "قلب", "وسط", "طريق", "عدد"))


# indefinite participles that describe a prison or a house, never a name's second word (folded; rule 32x)
_PARTICIPLE_ADJ_AR = frozenset(("مخصص", "مخصصه", "موقت", "موقته", "مهجور", "مهجوره", "مغلق", "مغلقه", "مكتظ",
                                "مكتظه", "مزدحم", "مزدحمه", "معروف", "معروفه", "مشهور", "مشهوره", "مجاور", "مجاوره",
                                "معد", "معده", "مقام", "مقامه", "منفصل", "منفصله", "محصن", "محصنه", "معزول",
                                "معزوله", "مظلم", "مظلمه", "متنقل", "متنقله", "مجهول", "مجهوله", "محاصر", "محاصره",
                                "مقفل", "مقفله", "مهدم", "مهدمه", "مدمر", "مدمره", "محروس", "محروسه", "مسور", "مسوره"))


_TANWEEN_AR = ("ً", "اً", "ًا", "ٌ", "ٍ")


def _opener_named(text: str, f: str, end: int, places: list[Cand], gaz: Gazetteer) -> bool:
    """The head's first word is a place's opener that the next word continues (`سجن بيت شلال`; rule 32x)."""
    if f not in _PLACE_OPENERS_AR:
        return False
    nm = NEXT_RE.match(text, end)
    return nm is not None and _joins(text, end, nm.start(1)) and _opener_next_ok(text, nm.start(1), nm.end(1),
                                                                                 places, gaz)


# (rule 29k) words that open a person's name (`عبد السلام`, `أبو محمد`) and no camp's name after a definite one
_PERSON_OPENERS = frozenset(("عبد", "ابو", "ام"))

# a town's cue that opens a camp's or prison's name (`مخيم بلدة مبروكة`, `سجن مدينة الشدادي`; folded; rule 28x)
_TOWN_CUES_AR = frozenset(("بلده", "قريه", "مدينه"))
# a security body's generic noun that takes its nisba as part of the name (`الأمن السياسي`, Yemen's Political Security;
# `الأمن القومي`, `المخابرات الجوية`): the prison is named after the whole body (folded)
_AR_SECURITY_BODIES = frozenset(("الامن", "المخابرات", "الاستخبارات", "المباحث"))
_CRIMINAL = frozenset(("الجنايي", "الجناييه"))
# titles before a person's name (names.NAME_PREFIXES' own): the word after one is the person's name
_PERSON_TITLES = frozenset(("الامام", "امام", "الشيخ", "شيخ", "السيد", "سيد", "الشهيد", "شهيد", "الشهيده", "الامير"))


def _joins(text: str, a: int, b: int) -> bool:
    """Only spaces between two words of one name (no line break, no punctuation)."""
    return not any(ch in ".,،؛:()\n\"«»“”" for ch in text[a:b])


# (open26ar survey, rule 28n) what makes the word after a one-word foreign name its second word: a definite adjective,
# participle or relative pronoun after it (`مخيم كوكس بازار الذي`, `مخيم كارا تيبي المؤقت`) or "for the refugees" (`مخيم
# كارا تيب للاجئين`); the second word is indefinite, no place's, no stop word and of no verb's or particle's shape
_FOR_DISPLACED = frozenset(("للنازحين", "للاجيين", "للمهجرين", "للمهاجرين", "للنازحات"))


def _tail_named(text: str, end: int, places: list[Cand], gaz: Gazetteer) -> bool:
    nm = NEXT_RE.match(text, end)
    if nm is None or not _joins(text, end, nm.start(1)) or nm.start(1) in _first_at(places):
        return False
    raw = nm.group(1)
    w = fold(raw)
    if w.startswith(("ال", "لل", "بال", "وال", "فال", "كال")) or w[:1] in "ولف" or w in gaz.ar_name_stop \
            or w in _AR_DESCRIPTORS or w in _AR_ADJ or w in _CONSTRUCT_MARKS or w in _HEADS_AR \
            or w in _SHORT_GROW_STOP \
            or len(w) < 3 or w.isdigit() or raw.endswith(("ً", "اً", "ًا", "ٌ", "ٍ", "ه", "ها", "هم")) \
            or w in _PRONOUN_PREP or w in _NAME_NOUNS \
            or (gaz.place_rules is not None and w in gaz.place_rules.words):
        return False  # (no verb test: a definite adjective or relative right after makes the word a name's)
    after = NEXT_RE.match(text, nm.end(1))
    if after is None or not _joins(text, nm.end(1), after.start(1)):
        return False
    a = fold(after.group(1))
    return a in _CONSTRUCT_MARKS or a in _AR_ADJ_FOLDED or a in _FOR_DISPLACED


def _named_for_displaced(text: str, raw: str, f: str, end: int, gaz: Gazetteer) -> bool:
    """A word of a particle's shape (ك, ف, س + a stem) right before "for the displaced" is the camp's name, not "like
    ..." (`مخيم كلمة للنازحين`, Kalma; open26ar, rule 28n)."""
    if f[:1] not in "كفس" or not 4 <= len(f) <= 6 or f in gaz.ar_name_stop or raw.endswith(("ً", "اً", "ًا")):
        return False
    nm = NEXT_RE.match(text, end)
    return nm is not None and _joins(text, end, nm.start(1)) and fold(nm.group(1)) in _FOR_DISPLACED


# (open26ar survey, rule 28n) a French or Spanish article `لا` opening a foreign name after a head (`سجن «لا سانتيه»`,
# `سجن لا سانتي`); a negation is no name (`سجن لا مفر منه`, `مخيم لا يصلح`, `لا سيما`, `لا حدود له`)
_LA_NOT = frozenset(("سيما", "سيما", "بد", "شيء", "شي", "احد", "غير", "اكثر", "اقل", "فقط", "زال", "يزال", "تزال"))
_PRONOUN_PREP = frozenset(("له", "لها", "لهم", "فيه", "فيها", "عليه", "عليها", "منه", "منها", "عنه", "عنها"))


def _la_name_end(text: str, end: int, gap: str, close: int | None, places: list[Cand], gaz: Gazetteer) -> int | None:
    nm = NEXT_RE.match(text, end)
    if nm is None or not _joins(text, end, nm.start(1)):
        return None
    raw = nm.group(1)
    w = fold(raw)
    if w in _LA_NOT or w in gaz.ar_name_stop or len(w) < 4 or w.startswith("ال"):
        return None
    if any(ch in QUOTES for ch in gap) or (text[end : nm.start(1)].strip() == "" and close is not None):
        return nm.end(1)  # (quoted: `سجن «لا سانتيه»`, `سجن (لا سانتيه)`)
    if w[0] in "يتناامل" or not any(ch in "اوي" for ch in w[1:-1]) or nm.start(1) in _first_at(places):
        return None  # (a verb, a participle or a noun: `سجن لا يتسع`, `سجن لا مفر منه`)
    after = NEXT_RE.match(text, nm.end(1))
    if after is not None and fold(after.group(1)) in _PRONOUN_PREP:
        return None  # `سجن لا رقيب عليه`: "a prison with no overseer"
    return nm.end(1)


# (rule 30f: not a decimal or a grouped figure, `سجن نيغدة 1.423 مليار ليرة`, nor an amount's unit after it)
_NUMBER_RE = re.compile(r"[ \u00a0]+([0-9\u0660-\u0669]{1,2})(?![0-9\u0660-\u0669%]|[.,٫٬][0-9\u0660-\u0669])"
                        r"(?![ \u00a0]*[0-9\u0660-\u0669])"
                        r"(?![ \u00a0]*(?:مليار|مليون|ألف|الف|آلاف|الاف)(?![\u0621-\u064a]))")
# a heading line's name: one to three words, a dash, one or two words (the country or the city), a colon or the end
# of the line
_HEADING_NAME_AR_RE = re.compile(r"([\u0621-\u06ff]+(?: [\u0621-\u06ff]+){0,2}) ?[-–—] ?[\u0621-\u06ff]+"
                                 r"(?: [\u0621-\u06ff]+)? ?(?::|\n|$)")
_LINE_START_RE = re.compile(r"[ \t\u00a0]*(?:(?:[0-9\u0660-\u0669]{1,2}[.\-–)]|[*•\-–])[ \t\u00a0]*)?")
_NO_HEADING = frozenset(("في", "من", "الى", "علي", "عن"))
# a part of a prison complex named before the complex's or the prison's name (folded): `سجن استقبال طرة`, `سجن تحقيق
# طرة`, `سجن ملحق المزرعة` (Egypt's Tora complex; fix24, rule 27e)
_PART_AR = frozenset(("استقبال", "الاستقبال", "تحقيق", "ملحق"))
# a second head word joined by و after a centre's head (folded): `مركز توقيف وتحقيق حوارة`, `مركز التحقيق والتوقيف`
_COORD_HEAD_AR = frozenset(("وتحقيق", "والتحقيق", "وتوقيف", "والتوقيف", "واحتجاز", "والاحتجاز", "واعتقال",
                            "والاعتقال",
                            # the cells beside the prison (`سجن وزنازين «الأمن الوقائي»` in Hebron; fac27arw, rule 28v)
                            "وزنازين", "والزنازين", "وزنزانات", "والزنزانات"))
_CELLS_AR = frozenset(("وزنازين", "والزنازين", "وزنزانات", "والزنزانات"))  # (their name may stand in quotes after them)
# the kind of activity camp a name is: `"مخيم الإبداع" الصيفي`, `مخيم الفرسان الكشفي` (README rule 1: no facility)
_ACTIVITY_AR = frozenset(("الصيفي", "الكشفي", "التدريبي", "الشبابي", "الرياضي", "الترفيهي", "التطوعي", "الدعوي",
                          "القراني", "الثقافي", "الفني", "الطبي", "التعليمي", "الشتوي", "الاعلامي", "التاهيلي",
                          "التحضيري",
                          # `مخيم الأمل السنوي`: "the annual X camp", an event (rule 29t)
                          "السنوي"))
# the word for "name" after a verb that follows a head: `مخيم حمل اسمها`, `سجن يحمل اسم` (rule 23f)
_NAME_NOUNS = frozenset(("اسم", "اسمه", "اسمها", "اسمهم", "اسما", "لقب", "لقبه", "لقبها"))
# adjectives that follow a name without being part of it: `صيدنايا سيئ الصيت`, `بالوني الشهير`
_AR_ADJ = frozenset(("الشهير", "الشهيره", "الصيت", "السيء", "السيئ", "المعروف", "المعروفه", "المذكور", "نفسه",
                     "ذاته", "الواقع", "الواقعه", "المكتظ", "المزدحم", "المؤقت", "الحدودي", "الحدوديه",
                     # participles of purpose and place (prec22ar, rule 26x): `سجن شروزبري المعد لـ178 سجيناً`,
                     # `مخيم الرفيد المقام على أرض`, `سجن X المخصص للنساء`, `مخيم X القريب من`
                     "المعد", "المعده", "المخصص", "المخصصه", "المقام", "المقامه", "القريب", "القريبه", "المجاور",
                     "المجاوره",
                     # (open26ar, rule 28n) "the controversial" (`مركز الاحتجاز المثير للجدل`)
                     "المثير", "المثيره"))
# (open26ar) the same, and the construct marks, as folded words are (`المؤقت` folds to `الموقت`)
_AR_ADJ_FOLDED = frozenset(fold(w) for w in (*_AR_ADJ, *_CONSTRUCT_MARKS))  # (`المؤقت` folds to `الموقت`)


_COMPLEX_BEFORE_RE = re.compile(r"(?:\b[Tt]he|(?<![\w'’-])(?P<owner>[A-Z][a-z]+)['’]s)[ \u00a0]+$")


def _complex_owner_ok(text: str, of: OpenFacility, places: list[Cand]) -> bool | None:
    """"the" or a country's possessive right before a complex's one-word name (_COMPLEX_BEFORE_RE): False when neither
    stands there, None after "the" (the caller decides), and after a possessive whether its owner is a country."""
    m = _COMPLEX_BEFORE_RE.search(text, max(0, of.name_start - 30), of.name_start)
    if m is None:
        return False
    if m.group("owner") is not None:
        return any(c.end == m.end("owner") and any(str(p[1]).startswith("country:") for p in c.payloads)
                   for c in places)
    return None


def _complex_of_camps(text: str, h: Cand, of: OpenFacility, places: list[Cand]) -> bool:
    """"Kenya's Dadaab refugee camps": one name of one word (no place's) before "refugee camps", after a country's
    possessive, or after "the" where the text also names it with a singular head ("Dadaab camp"), is a complex of
    camps named as one site (rule 22f); "the Darfur refugee camps" (a region's, alone), "the Syrian refugee camps"
    (a people), "the Cox's Bazar refugee camps" (a possessive inside the name) are not."""
    if text[h.start : h.end].lower().split() != ["refugee", "camps"] or " " in of.name or "-" in of.name \
            or not of.name[:1].isalpha():
        return False  # ("Lebanon's 12 refugee camps": a count, as "Iraq's 31 prisons" is; rule 30c)
    if any(c.start <= of.name_start < c.end for c in places):
        return False  # "the Idlib refugee camps": a place's camps
    if (ok := _complex_owner_ok(text, of, places)) is not None:
        return ok
    return re.search(rf"\b{re.escape(of.name)}(?:[ \u00a0]+refugee)?[ \u00a0]+camp\b(?!s)", text) is not None


# the United States' states: "the Texas prisons" are a state's prisons, no complex (the gazetteer holds no US state)
_US_STATES = frozenset((
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"))


def _us_state_before(text: str, at: int) -> bool:
    """A US state's name ends right before `at` (and a space): "the New York state prison"."""
    j = at
    while j > 0 and text[j - 1] in _SPACE_NBSP:
        j -= 1
    return any(text.endswith(st, 0, j) and (j == len(st) or not text[j - len(st) - 1].isalnum()) for st in _US_STATES)


def _complex_of_prisons(text: str, h: Cand, of: OpenFacility, places: list[Cand]) -> bool:
    """"the Badr prisons", "Egypt's Badr prisons": one word no place bears before "prisons"/"jails", after "the" or
    a country's possessive, is a prison complex named as one site (world19en survey, rule 25k), as "the Tora prisons"
    is; a place's prisons ("the Cairo prisons"), an acronym's ("the CIA prisons"), a body's ("the Air Force
    Intelligence prisons") and a count ("Iraq's 31 prisons") are none."""
    if text[h.start : h.end].lower() not in ("prisons", "jails") or " " in of.name or not of.name[:1].isalpha() \
            or of.name.isupper() or of.name in _US_STATES \
            or any(c.start < of.name_end and of.name_start < c.end for c in places):
        return False
    return _complex_owner_ok(text, of, places) is not False


# (rule 32w) the English demonyms common_words.yaml `nationality` lists beside its towns: no town's possessive
_DEMONYMS_EN = frozenset(("Libyan", "Lebanese", "Syrian", "Iraqi", "Jordanian", "Palestinian", "Turkish", "Iranian",
                          "Saudi", "Egyptian", "Israeli", "Kuwaiti", "Yemeni", "Tunisian", "Sudanese", "Omani"))


def _foreign_town_owner(text: str, h: Cand, tok: tuple[int, int], kind: str, gaz: Gazetteer) -> str | None:
    """The town of a country out of scope that common_words.yaml `nationality` lists ("Sabha", "Misrata"), as a
    possessive right before a singular prison head ("Sabha's detention centre", "Misrata's prison"): the prison
    named after the town, open world (no place in scope is lost; "Hilla's main prison" keeps the town, rule 29r's
    city prisons). Not before a plural head ("Misrata's prisons": generic)."""
    rules = gaz.place_rules
    if rules is None or kind != "prison" or text[tok[1] - 2 : tok[1]] not in _POSSESSIVE \
            or text[tok[1] : h.start].strip() or text[h.start : h.end].lower().endswith("s"):
        return None
    word = text[tok[0] : tok[1] - 2]
    if word in _DEMONYMS_EN or word not in rules.nationality or fold(word) in gaz.trie.first:
        return None  # (a known name's first word, "Mitiga's jail", is read by the known names' paths)
    return word


def _english_before(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    toks: list[tuple[int, int]] = []
    pos = h.start
    limit = 3
    if text[pos - 2 : pos - 1] == ")" and (alt := _ALT_BRACKET_BEFORE_RE.search(text, max(0, pos - 40), pos)) \
            is not None and not any(_stopped(text, (w.start(), w.end()), gaz)
                                    for w in _ALT_WORD_RE.finditer(text, alt.start(1), alt.end(1))):
        pos = alt.start() + 1  # "Makhmour (Mexmûr) camp": the name's other spelling in brackets between it and its head
        # (rule 27y); a description there ("Hassan Sham (close to Khazir) camp") is in lower case, no spelling
    while len(toks) < limit:
        m = cap_before(text, max(0, pos - 60), pos)
        if m is None and toks and (art := _LOWER_ARTICLE_BEFORE_RE.search(text, max(0, pos - 6), pos)) is not None:
            m = cap_before(text, max(0, art.start() - 60), art.start())  # "Tall as Sultan Camp": an article
            # written apart and in lower case is a word of the name between two of its capitalised words (rule 27b)
        if m is None:
            break
        toks.append((m.start(1), m.end(1)))
        pos = m.start(1)
        if len(toks) == 1 and kind == "camp" and m.group(1) in _PEOPLE_OF_CAMPS:
            limit = 4  # (the people's word is no word of the name: three words of the name before it)
    numeral = None
    if len(toks) > 1 and text[toks[0][0] : toks[0][1]] in _ROMAN and not _stopped(text, toks[1], gaz):
        numeral = toks.pop(0)  # "Shahama I Camp": a numbered camp, the numeral part of its name
    if not toks or (text[h.start : h.end].isupper() and text[toks[0][0] : toks[0][1]].isupper()):
        return None  # "THE FORGOTTEN CAMP": an all-capitals headline shows no name by its capitals
    if kind == "camp" and len(toks) > 1 and text[toks[0][0] : toks[0][1]] in _PEOPLE_OF_CAMPS \
            and text[toks[0][1] : h.start].strip() == "" and text[toks[1][0]].isupper() \
            and not _stopped(text, toks[1], gaz):
        toks.pop(0)  # "Talbieh Palestinian Camp": the people the camp holds between its name and head (rule 27b)
    if _COUNT_ORDINAL_RE.fullmatch(text, toks[0][0], toks[0][1]) is not None:
        return None  # "Egypt Builds 2nd Camp in Khan Yunis": the head counted ("the second camp"), no name (rule 27l)
    if (town := _foreign_town_owner(text, h, toks[0], kind, gaz)) is not None:
        return OpenFacility(toks[0][0], h.end, kind, town, toks[0][0], toks[0][0] + len(town))
        # "Sabha's detention centre", "Misrata's prison": the prison of a town out of scope, named by it (rule 32w)
    # the word next to the head decides: "Syrian prison", "Training Camp" are generic
    if _stopped(text, toks[0], gaz) or _LOCATIVE_ADJ_RE.search(text, toks[0][0], toks[0][1]):
        return None  # "the Metn-area jail", "a Hasakah-based camp": where it is, not its name
    keep: list[tuple[int, int]] = []
    for t in toks:
        if _stopped(text, t, gaz) or text[t[1] - 2 : t[1]] in _POSSESSIVE:
            break  # "Kobani's Mashta Nour prison": the owner or place before the name is not part of it
        if keep and text[t[0] : t[1]].isdigit():
            break  # "to free 200 Hama jail inmates": a count before the name is no word of it (rule 27n)
        keep.append(t)
    if keep and _ORDINAL_RE.fullmatch(text, keep[-1][0], keep[-1][1]) is not None:
        keep.pop()  # "the 4th Risafa Detention Facility": a numbered unit of the named site, no name (rule 26w)
    if not keep:
        return None
    if len(keep) == 1 and text[keep[0][0] : keep[0][1]].replace(",", "").isdigit() and text[h.start].islower() \
            and _PEOPLE_AFTER_HEAD_RE.match(text, h.end) is not None:
        return None  # "killing 44 camp residents": a count of the people after a lower-case head, no camp "44"
        # (rule 29a; "the secret 1391 prison" keeps its number)
    if len(keep) == 1 and "-" in (w := text[keep[0][0] : keep[0][1]]) and w.split("-")[0] in _HYPHEN_ARTICLES \
            and fold(w.split("-")[1]) in gaz.en_name_stop:
        return None  # "the al-Iraqi prison": the demonym with its article alone is no name ("Borg el-Arab" is)
    name_start, name_end = keep[-1][0], keep[0][1] if numeral is None else numeral[1]
    if kind == "camp" and text[h.start : h.end] == "Camp" and _person_camp(text, toks, name_start):
        return None  # "Chairman Dave Camp", "Rep. Dave Camp (R-Mich.)": a person whose family name is Camp (rule 29l)
    if _INDEFINITE_BEFORE_RE.search(text, max(0, name_start - 30), name_start):
        return None  # "a central Gaza refugee camp", "a Syrian prison": one of a kind, not a name
    return OpenFacility(name_start, h.end, kind, text[name_start:name_end], name_start, name_end)


_ORDINAL_RE = re.compile(r"[0-9]+(?:st|nd|rd|th)")
# (rule 29l) a person's title among the capitalised words before "Camp", or right before them: the family name Camp
_PERSON_TITLES_EN = frozenset(("Rep", "Reps", "Representative", "Congressman", "Congresswoman", "Sen", "Senator",
                               "Chairman", "Chairwoman", "Mr", "Mrs", "Ms", "Dr", "Gov", "Governor", "Judge", "Prof",
                               "Professor", "Coach", "Mayor", "Ambassador"))
_TITLE_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\.?[ \u00a0]+$")


def _person_camp(text: str, toks: list[tuple[int, int]], name_start: int) -> bool:
    """A title among the name's words ("Ways and Means Committee Chairman Dave Camp", "Chairman Camp") or written
    with its full stop right before them ("GOP Rep. Dave Camp"): "Camp" is a person's family name, no camp."""
    if any(text[s:e] in _PERSON_TITLES_EN for s, e in toks):
        return True
    m = _TITLE_BEFORE_RE.search(text, max(0, name_start - 16), name_start)
    return m is not None and m.group(1) in _PERSON_TITLES_EN


_PEOPLE_AFTER_HEAD_RE = re.compile(r"[ \u00a0]+(?:residents|inmates|detainees|prisoners|dwellers|guards|workers|"
                                   r"families|children|women|men|members|staff)\b")
# one to three capitalised words in brackets right before a head, after a space (rule 27y): another spelling
_ALT_BRACKET_BEFORE_RE = re.compile(r"[ \u00a0]\(((?:[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*[ \u00a0]?){1,3})\)[ \u00a0]$")
_ALT_WORD_RE = re.compile(r"[^\s]+")
# (not "at" nor "an": "Streets at Talbieh Camp" names Talbieh; an "as" joins two capitalised words only)
_LOWER_ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'’-])(?:al|el|as|ash|ad|ar|az)[ \u00a0]+$")
# the peoples a camp is said to hold, written between its name and its head ("Talbieh Palestinian Camp")
_PEOPLE_OF_CAMPS = frozenset(("Palestinian", "Syrian", "Iraqi", "Yazidi", "Sahrawi", "Rohingya", "Afghan", "Sudanese"))
# an ordinal right before the head counts it (prec23en survey, rule 27l): "Egypt Sets 2nd Camp", "Its Second Prison"
_COUNT_ORDINAL_RE = re.compile(r"[0-9]+(?:st|nd|rd|th)|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|"
                               r"Ninth|Tenth)")
_CLOSING_MARKS = frozenset("\"”’'»")
_CALLED_STEM_RE = re.compile("call|know|dubbed|named|عرف|عُرف|سم|لقب|دع|شتهر")
_QUOTED_BEFORE_RE = re.compile(r"([\"“‘'«])([A-Z0-9](?:[^\"“”‘’'«»\n]|(?<=[A-Za-z])['’](?=[a-z])){0,40}?)"
                               r"([\"”’'»])[ \u00a0]*$")  # an apostrophe between letters is the name's ("“Al-Ma’asra”")


def _quoted_before(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    """"the “Village 5” camp", "the 'Black Site' prison": a quoted capitalised name (up to five words) before
    the head; a quoted common word ("the “summer” camp") is no name."""
    j = h.start
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    if j == 0 or text[j - 1] not in _CLOSING_MARKS:
        return None  # (no closing quote right before the head: no pattern to try)
    m = _QUOTED_BEFORE_RE.search(text, max(0, h.start - 48), h.start)
    if m is None or len(m.group(2).split()) > 5 or _all_stopped(text, m.start(2), m.end(2), gaz):
        return None
    name = m.group(2)
    if name[-1:] == " ":
        name = name.rstrip(" ")
        if name[-1:] == " " or len(name.split()) > 3 or not all(w[:1].isupper() or w[:1].isdigit()
                                                                  for w in name.split()):
            return None  # (rule 32b) "the “Tuehina ” camp": one space typed before the closing quote; a longer
            # phrase with a space there is a quoted sentence's end, no name
    return OpenFacility(m.start(1), h.end, kind, name, m.start(2), m.start(2) + len(name))


def _all_stopped(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """Every word of a quoted name is generic ("the 'Syrian' camp"); "“New Life” camp" is a name all the same."""
    pos = s
    for w in text[s:e].split():
        i = text.index(w, pos)
        pos = i + len(w)
        if not _stopped(text, (i, pos), gaz):
            return False
    return True


# "a camp known as ‘Village 5’", "the camp-within-a-camp, called “Village 5”", `مخيم يعرف باسم "القرية 5"`: the
# name a head is given in quotes right after it
def _marked(pattern: str) -> str:
    """An Arabic pattern that also matches its words written with vowel marks (`يُعرف`, `المسمّى`)."""
    return re.sub("([\u0621-\u064a])", "\\1[\u064b-\u0652\u0640]*", pattern)


_CALLED_RE = re.compile(
    r"(?:-within-an?-\w+)?[ \u00a0]*,?[ \u00a0]*(?:(?:which|that)[ \u00a0]+(?:is|was)[ \u00a0]+)?"
    r"(?:(?:also|locally|widely|euphemistically|commonly|informally)[ \u00a0]+)?"
    r"(?:called|known[ \u00a0]+as|dubbed|named|nicknamed|"
    + _marked(r"(?:ال)?(?:معروف|معروفه|معروفة|مسمى|مسماه|مسماة|ملقب)|(?:ي|ت)(?:عرف|سمى|سمي|دعى|دعي|لقب|شتهر)|عرف|سمي|"
              r"اشتهر|اشتهرت|(?:ا|أ)?سم(?:ته|اه|وه|تها|اها|وها)")
    + r")[ \u00a0]*" + _marked(r"(?:ب|بـ|باسم|ب[ \u00a0]*اسم|اسم)?") + r"[ \u00a0]*"
    r"(?:the[ \u00a0]+)?"  # (rule 32b) "the penal colony known as the “Polar Owl”": the article before the quote
    # (quote23ar survey, rule 27a) a bracket marks the name as quotes do: `سجن مُسمّى (السرداب)`; an apostrophe
    # between letters is the name's: "known as “Al-Ma’asra” prison" (rule 27b)
    r"([\"“‘'«”(])[ \u00a0]*((?:[^\"“”‘’'«»()\n]|(?<=[A-Za-z])['’](?=[a-z])){1,40}?)[ \u00a0]*([\"”’'»“)])(?![a-z])",
    re.IGNORECASE)


# the English name after the head unquoted: "a camp, named Bab-e-Neelum,", "a smaller camp called Hadalat": up to three
# capitalised words, then punctuation or the end of the clause (not "named after", "called for", "called on")
_CALLED_CAP_RE = re.compile(
    r"[ \u00a0]*,?[ \u00a0]*(?:(?:which|that)[ \u00a0]+(?:is|was)[ \u00a0]+)?(?:(?:also|locally)[ \u00a0]+)?"
    r"(?:called|named|known[ \u00a0]+as|dubbed|nicknamed"
    # (rule 32b) who names it, then the verb: "a prison the guards call Panorama", "a prison that locals know as
    # al-Qanat"; and the article before the name: "the camp known as the Jungle"
    r"|(?:(?:that|which)[ \u00a0]+)?(?:the[ \u00a0]+)?(?:locals|residents|inmates|guards|prisoners|detainees|"
    r"refugees|people)[ \u00a0]+(?:call|know[ \u00a0]+as|nickname|dub))[ \u00a0]+((?:the[ \u00a0]+)?)"
    r"((?:(?:al|el)-)?[A-Z][\w'’]*(?:-[\w'’]+)*(?:[ \u00a0]+[A-Z][\w'’]*(?:-[\w'’]+)*){0,2})"
    r"(?=[ \u00a0]*(?:[,.;:)]|$|\n)|[ \u00a0]+(?:on|in|near|at|outside|has|had|is|was|where)\b)")


def _quoted_called(text: str, of: OpenFacility) -> bool:
    """The name was given in quotes or brackets after an Arabic "known as"/"called" (called_at's Arabic match)."""
    return of.start < of.name_start and text[of.start : of.start + 1] in "\"“‘'«”(" \
        and "\u0600" <= text[of.name_start : of.name_start + 1] <= "\u06ff"


def _called(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    return called_at(text, h.end, kind, gaz)


# "a section of Azraq camp known as ‘Village 5’", `قسم من مخيم الأزرق يعرف باسم "القرية الخامسة"`: a named part
_PART_OF_RE = re.compile(r"(?:\b(?:section|part|compound|wing|block|corner|annex|area)\s+(?:of|in|within|inside)\s+"
                         r"(?:the\s+)?(?:[\w-]+\s+){0,2}|(?:قسم|جزء|جناح|ركن|ملحق|منطقة|منطقه)\s+(?:من|في|داخل)\s+)$",
                         re.IGNORECASE)


def part_called(text: str, start: int, end: int, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    """A part of a known facility given its own name in quotes ("a section of Azraq camp known as ‘Village 5’"):
    that part is a facility of its own (a known facility "known as" a nickname is the same one: not read)."""
    if _CALLED_STEM_RE.search(text, end, end + 40) is None \
            or _PART_OF_RE.search(text, max(0, start - 40), start) is None:
        return None
    return called_at(text, end, kind, gaz)


# (quote23ar survey, rule 27a) one or two descriptive words between an Arabic head and "known as" (`معتقل سري يُعرف
# بـ"..."`, `سجن حربي اشتهر باسم`): words the names' stop list holds (`سري`, `حربي`, `صغير`, `جديد`)
_AR_WORD_AFTER_RE = re.compile(r"[ \u00a0]+([\u0621-\u064a\u064b-\u0652\u0640]+)")


def _past_descriptions(text: str, end: int, gaz: Gazetteer) -> int:
    for _ in range(3):
        w = _AR_WORD_AFTER_RE.match(text, end)
        if w is None or _CALLED_RE.match(text, end) is not None \
                or ((fw := fold(w.group(1))) not in gaz.ar_name_stop and fw not in _AR_ADJ and fw not in _RELATIVE_AR):
            break
        end = w.end()
    return end


# (open26ar, rule 28n) an adjective and "for controversy" or a relative pronoun between a definite head and "known as":
# `مركز الاحتجاز المثير للجدل الذي يُعرف باسم “أليغيتور ألكاتراز”`
_RELATIVE_AR = frozenset(("الذي", "التي", "للجدل"))


def called_at(text: str, end: int, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    if _CALLED_STEM_RE.search(text, end, end + 40) is None:
        return None  # (no "called"/"known as"/يعرف near: no pattern to try)
    m = _CALLED_RE.match(text, end)
    if m is None and "\u0600" <= text[end - 1 : end] <= "\u06ff":
        m = _CALLED_RE.match(text, _past_descriptions(text, end, gaz))
    if m is None and (w := _NEAR_PLACE_RE.match(text, end)) is not None:
        m = _CALLED_RE.match(text, w.end())  # "the camp near Armanaz known as "Shahranaz"": a quoted name only
        if m is not None:
            return _quoted_name_of(text, m, kind, gaz)
    if m is None:
        m = _CALLED_CAP_RE.match(text, end)  # "One camp, named Bab-e-Neelum, is closed": a capitalised name unquoted
        if m is None or _stopped(text, (m.start(2), m.start(2) + len(m.group(2).split()[0])), gaz):
            return None
        return OpenFacility(m.start(2), m.end(2), kind, m.group(2), m.start(2), m.end(2))
    return _quoted_name_of(text, m, kind, gaz)


# (bare31ar3 survey, rule 31h) the name people give an unnamed Arabic prison later in its own sentence, in quotes or
# brackets: `سجن سري ... في مدينة عبس، يطلق عليه السكان اسم "البيت الأبيض"`, `السجن السري الثاني ... فيُطلق عليه اسم
# "حديقة الحيوانات"`, `معتقل ... يسميه الأهالي «الجحيم»`
_FAR_NAMED_AR_RE = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:" + _marked(r"(?:(?:ي|ت)طلق|أطلق|اطلق)[ \u00a0]+(?:عليه|عليها)|(?:ي|ت)سمي(?:ه|ها)|"
                                            r"(?:ي|ت)سمونه|(?:ي|ت)سمونها|سماه|سموه|(?:ي|ت)عرف|(?:ي|ت)لقب")
    + r")(?:[ \u00a0]+[\u0621-\u064a\u064b-\u0652\u0640]+){0,2}?[ \u00a0]*"
    + _marked(r"(?:(?:ب)?اسم|لقب|ب)?") + r"[ \u00a0]*"
    r"([\"“«(])[ \u00a0]*([^\"“”‘’'«»()\n]{1,40}?)[ \u00a0]*([\"”»“)])")
_FAR_QUOTES = frozenset("\"“”«»(")
_FAR_PERSON_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:قال|قالت|يقول|روى|يروي|أكد|اكد|أضاف|اضاف|ذكر)"
                                   r"[ \u00a0]+$")
_FAR_NAMED_STOP_RE = re.compile(r"[.!?؟؛\n]|(?<![\u0621-\u064a])(?:مخيم|سجن|معتقل|مركز|ثم|بينما|لكن|حيث)"
                                r"(?![\u0621-\u064a])|(?<![\u0621-\u064a])(?:مخيم|سجن|معتقل|مركز)")


def _far_named(text: str, h: Cand, facs: list[Cand], gaz: Gazetteer) -> OpenFacility | None:
    """An unnamed Arabic prison head and, later in its sentence (up to 120 characters on, no other head or known
    facility between), a verb of naming with the quoted name: the name the text gives the prison (rule 31h)."""
    end = h.end
    window = text[end : end + 160]
    if "علي" not in window and "سم" not in window and "عرف" not in window and "لقب" not in window:
        return None  # (no `يطلق عليه`/`يسميه`/`يُعرف`/`يلقب` near: no pattern to try; a cheap literal gate)
    if text[end : end + 2].lstrip(" \u00a0")[:1] in _FAR_QUOTES \
            or _FAR_PERSON_BEFORE_RE.search(text, max(0, h.start - 12), h.start) is not None:
        return None  # `سجن "الشرطة العسكرية"، الذي يسميه الأهالي "سجن الإرهاب"`: the head is named already;
        # `وقال معتقل أُفرج عنه ... في ما يسمونه "حفلة الاستقبال"`: a detainee who speaks, no prison
    m = _FAR_NAMED_AR_RE.search(text, end, end + 160)
    if m is None or m.start() - end > 120 or _FAR_NAMED_STOP_RE.search(text, end, m.start()) is not None \
            or any(end <= f.start < m.start() for f in facs) \
            or text[max(0, m.start() - 3) : m.start()].rstrip(" \u00a0").endswith("ما"):
        return None  # (`في ما يسمونه "..."`, `فيما يسمى`: what they call an ordeal or a practice, no site's name)
    name = m.group(2)
    if not ("\u0600" <= name[:1] <= "\u06ff") or len(name.split()) > 4 or fold(name.split()[0]) in gaz.ar_name_stop:
        return None
    return OpenFacility(m.start(1), m.end(3), "prison", name, m.start(2), m.end(2))


# (fac27enw survey, rule 28w) a place after an English head before "known as" and a quoted name: "a fire in the camp
# near Armanaz known as "Shahranaz""
_NEAR_PLACE_RE = re.compile(r"[ \u00a0]+(?:near|outside)[ \u00a0]+[A-Z][\w'’-]*(?:[ \u00a0]+(?:city|town|village))?")


def _quoted_name_of(text: str, m: re.Match[str], kind: str, gaz: Gazetteer) -> OpenFacility | None:
    if len(m.group(2).split()) > 4:
        return None
    name = m.group(2)
    if "\u0600" <= name[:1] <= "\u06ff":
        f = fold(name.split()[0])
        if f in gaz.ar_name_stop:
            return None
    elif not (name[:1].isupper() or name[:1].isdigit()) \
            or _stopped(text, (m.start(2), m.start(2) + len(name.split()[0])), gaz):
        return None
    return OpenFacility(m.start(1), m.end(3), kind, name, m.start(2), m.end(2))


# (rule 32b) "the successor camp "Kara Tepe"", "the detention centre ‘Kroober’": a quoted name right after an English
# head, up to three words each capitalised or a number (a quoted sentence after the head is none: "the camp "We are
# dying""); the closing quote is no apostrophe inside a word
_QUOTED_AFTER_RE = re.compile(r"[ \u00a0]+([\"“‘«'])((?:(?:[Aa]l|[Ee]l)-)?[A-Z0-9][\w'’\-]*"
                              r"(?:[ \u00a0]+(?:(?:[Aa]l|[Ee]l)-)?[A-Z0-9][\w'’\-]*){0,2})([\"”’»'])(?![A-Za-z])")
_QUOTED_AFTER_OPEN = frozenset("\"“‘«'")


def _quoted_after(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    """A lower-case English head and a quoted capitalised name right after it: the named site (rule 32b); a quoted
    word of the names' stop list alone is none ("the camp "Refugees"")."""
    if text[h.end + 1 : h.end + 2] not in _QUOTED_AFTER_OPEN or not text[h.start : h.start + 1].islower():
        return None  # (no quote right after a lower-case head: no pattern to try)
    m = _QUOTED_AFTER_RE.match(text, h.end)
    if m is None or m.group(2)[-1:] in ("'", "’") or _all_stopped(text, m.start(2), m.end(2), gaz):
        return None
    return OpenFacility(h.start, m.end(3), kind, m.group(2), m.start(2), m.end(2))


_APPOSED_RE = re.compile(r"[ \u00a0]*,[ \u00a0]+([A-Z][a-z'’\-]{2,}(?:[ \u00a0]+[A-Z][a-z'’\-]{2,})?)[ \u00a0]*[,.;)]")
_A_BEFORE_RE = re.compile(r"\b(?:a|an|another)\s+(?:[a-z][\w\-]*\s+){0,3}$")


def _apposition(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    """"Rukban and a smaller border camp, Hadalat, have grown": an indefinite head and its name in commas."""
    m = _APPOSED_RE.match(text, h.end)
    if m is None or not _A_BEFORE_RE.search(text, max(0, h.start - 40), h.start) \
            or _stopped(text, (m.start(1), m.end(1)), gaz):
        return None
    return OpenFacility(m.start(1), m.end(1), kind, m.group(1), m.start(1), m.end(1))  # the name alone: the
    # head word may be the evidence that a bare name before it is a camp too ("Rukban and a smaller ... camp")


_NUMBERED_RE = re.compile(r"[0-9]{1,2}[A-Z]?")
# (rule 29c) also after an apposition that calls it a part: "Camp 11, one section of the Kutupalong camp"
_SECTION_OF_RE = re.compile(r"(?:,?\s+(?:one|a|the)\s+(?:section|part|block|sector|zone)s?)?"
                            r"\s+(?:of|in|at)\s+(?:the\s+)?([^.;:\n]{0,40}?)\bcamps?\b")
# (rule 32a) the words of a parent that names no camp: "Camp No. 22 of Rohingya refugee camp" is the numbered camp
_SECTION_GENERIC = frozenset(("Rohingya", "Rohingyas", "Refugee", "Refugees", "The", "UN", "UNHCR", "Bangladesh",
                              "Bangladeshi", "Myanmar", "IDP", "Displacement"))


def _section_of(text: str, pos: int) -> bool:
    """A numbered camp named as a part of a named camp at `pos` ("Camp 5 of the Kutupalong refugee camp"; rule 29c);
    a parent of generic words alone ("of Rohingya refugee camp", "of the refugee camp") names none (rule 32a)."""
    m = _SECTION_OF_RE.match(text, pos)
    if m is None:
        return False
    return any(w[:1].isupper() and w.strip("'’,") not in _SECTION_GENERIC for w in m.group(1).split())
_DISPLACED_EN_RE = re.compile(r"\b(?:refugees?|displaced|Rohingya|asylum|tents?|shelters)\b")
_DETENTION_RE = re.compile(r"\b(?:detain\w*|detention|prisoners?|inmates?|interrogat\w*|captives?|suspects?|"
                           r"(?<!sleeper )cells?)\b", re.IGNORECASE)  # (not ISIS's "sleeper cells")


# (en19b survey, rule 25p) more words that make the text around "Camp X" one about detention, and a numbered camp's
# number written as a word; scouts' and campers' camps are none
_CAMP_DETENTION_MORE_RE = re.compile(r"\b(?:hunger[- ]strik\w*|force-fed|force-feeding|maximum-security|cell ?blocks?|"
                                     r"Guant[aá]namo|Gitmo|GUANT[AÁ]NAMO|GITMO|"
                                     # (rule 33p) immigration detention in the United States ("found unresponsive in
                                     # his room at Camp East Montana, according to ICE")
                                     r"ICE|Immigration and Customs Enforcement|[Dd]eport(?:ation|ations|ed|ees?)|"
                                     r"[Cc]ustody|[Ii]mprisoned|[Ii]ncarcerated|[Jj]ailed|"
                                     # (rule 31c) the names only Guantanamo's camps bear
                                     r"Camp[ \u00a0]+(?:X-Ray|Iguana))\b")
# (rule 31c) Guantanamo's named camps: "Camp X-Ray" and "Camp Iguana" are no other site's names, so each is itself a
# word of detention around another "Camp X" ("Camp Delta replaced the pens of Camp X-Ray and grew to include Camp Echo
# and Camp Iguana"); "Camp Delta" and "Camp Echo" are also US bases in Iraq (Kut, Diwaniya), "Camp X-Ray" a 2014 film
_GITMO_CAMP_NAMES = frozenset(("X-Ray", "Iguana", "Delta", "Echo", "No"))
_GITMO_IRAQ_BASES = frozenset(("Delta", "Echo"))
_CAMP_NO_NAME_RE = re.compile(r"(?:[,;:)]|\.(?![ \u00a0]*[0-9])|[ \u00a0]+(?:and|or|is|was|where|which)\b)")
# (a film's or a show's words: not "actors", "trailers", "stars", which reports of detention use in other senses)
_SCREEN_EN_RE = re.compile(r"\b(?:films?|movies?|premiere[ds]?|Sundance|starring|theat(?:re|er)s|cinemas?|screenplay|"
                           r"actress|writer-director|played[ \u00a0]+by|box[ \u00a0]+office|VOD|"
                           r"(?:prison|war|Gitmo|Guantanamo)[ \u00a0]+drama|debut[ \u00a0]+feature)\b", re.IGNORECASE)


def _gitmo_camp_not(text: str, name: str, places: list[Cand] | None) -> bool:
    """A Guantanamo camp's name that names something else here: a text about a film or a show ("Camp X-Ray hits
    theatres", "Camp Delta leader Jax, played by"), or, for the names Iraq's US bases bore, a text about Iraq that
    never names Guantanamo ("Camp Echo, Iraq", "Camp Delta and the Al Kut Air Base"). Asked only for those names."""
    if _SCREEN_EN_RE.search(text) is not None:
        return True
    if name not in _GITMO_IRAQ_BASES or "Guant" in text or "Gitmo" in text or "GITMO" in text \
            or "GUANT" in text:
        return False
    return "Iraq" in text or "IRAQ" in text or any(str(p[1]).startswith(("place:iq-", "country:IQ"))
                                                   for c in (places or ()) for p in c.payloads)


def _gitmo_name_after(text: str, end: int) -> bool:
    """One of Guantanamo's camp names right after the head "Camp" at `end` (the cheap question first)."""
    m = _CAP_AFTER_RE.match(text, end) if text[end + 1 : end + 2] in ("X", "I", "D", "E", "N") else None
    return m is not None and m.group(1).rstrip("'’") in _GITMO_CAMP_NAMES


def _gitmo_part(text: str, of: OpenFacility) -> bool:
    """"Camp X-Ray, shut since 2002": a named camp of Guantanamo, a part of the known detention camp, which stays named
    closed or not as a known site does (rule 26d; rule 31c)."""
    return text.startswith("Camp", of.start) and of.name.split(" ")[0].rstrip("'’") in _GITMO_CAMP_NAMES


_CAMP_NUMBER_WORDS = frozenset(("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"))
_CAMP_SCOUTS_EN_RE = re.compile(r"\b(?:[Ss]couts?|[Ss]couting|[Jj]amboree|[Cc]ampers)\b")


_COLONY_NUMBER_RE = re.compile(r"[ \u00a0]+(?:No\.?|Number|#)[ \u00a0]*([0-9]{1,3})(?![0-9])")
# (rule 33n) the same number after a prison's, a jail's or a detention centre's head, and as outlets also print it:
# "no. 3", "Nr 1", "№4", "number 2", "Number Two" ("Detention Centre No. 2 in Taganrog", "penal colony №4")
_SITE_NUMBER_RE = re.compile(r"[ \u00a0]*(?:[Nn]o\.?|Nr\.?|№|[Nn]umber|#)[ \u00a0]*([0-9]{1,3}(?![0-9])|"
                             r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b)")
_HYPHEN_NUMBER_RE = re.compile(r"-([0-9]{1,2})(?![0-9\w])")
_NUMBERED_HEAD_ENDS = ("colony", "prison", "jail", "centre", "center", "facility")


# (rule 29k) "Camp No. 9", "camp No. 10": the number after "No." (one or two digits, a letter glued: "No. 8W");
# (rule 32a) also "Camp no. 9", "camp number 11", "Camp No 16" and a letter after a hyphen ("Camp No. 8-W")
_CAMP_NO_RE = re.compile(r"[ \u00a0]+(?:No\.?|no\.|Number|number)[ \u00a0]*([0-9]{1,2}(?:-?[A-Z])?)(?![0-9\w-])")


_EN_COUNT_BEFORE_RE = re.compile(r"(?:\b(?:about|some|over|nearly|around|almost|roughly|approximately|than|least|"
                                 r"of|to|the|all|its|their)|[0-9],)[ \u00a0]*$", re.IGNORECASE)


def _count_before(text: str, of: OpenFacility, h: Cand) -> bool:
    """(rule 33q) A number alone before the head is a count when a thousands' comma, a word of quantity or an
    article stands before it, or when "Camp" after it has its own name ("About 160 Camp 6 inmates", "as many as 1,000
    prison beds"); "Jeddah 1 camp" and "Camp 57" keep their numbers."""
    if _EN_COUNT_BEFORE_RE.search(text, max(0, of.name_start - 14), of.name_start) is not None:
        return True
    return text[h.start : h.end] == "Camp" and _CAP_AFTER_RE.match(text, h.end) is not None


def _numbered_colony(text: str, h: Cand, kind: str) -> OpenFacility | None:
    """"penal colony No. 2 in Pokrov", "Penitentiary Colony No. 6": Russia's colonies are named by their number
    after the head (world19en survey, rule 25k); "a penal colony" alone names none."""
    low = text[h.start : h.end].lower()
    if not low.endswith(_NUMBERED_HEAD_ENDS):
        return None
    m = _COLONY_NUMBER_RE.match(text, h.end) if low.endswith("colony") else None
    if m is None:
        if text[h.end : h.end + 1] == "-" and text[h.end + 1 : h.end + 2].isdigit():
            m = _HYPHEN_NUMBER_RE.match(text, h.end)  # (rule 33n) "pre-trial detention center-2 in Simferopol"
        elif text[h.end : h.end + 1] in (" ", "\u00a0", "№", "#"):
            m = _SITE_NUMBER_RE.match(text, h.end)  # (rule 33n) "Detention Centre No. 2", "penal colony no. 3"
        if m is None:
            return None
    ns = m.start(1) if text[h.end : h.end + 1] == "-" else h.end + len(m.group()) - len(m.group().lstrip(" \u00a0"))
    return OpenFacility(h.start, m.end(1), kind, text[ns : m.end(1)], ns, m.end(1))


def _camp_first(text: str, h: Cand, gaz: Gazetteer, places: list[Cand] | None = None,
                facs: list[Cand] | None = None) -> OpenFacility | None:
    """"the day Camp X-Ray opened": "Camp" and a capitalised name in a sentence about detention (bases named
    "Camp X" are not facilities; non_facilities.yaml names the known ones). A number word names a camp too
    ("Detainees in Camp Five"; en19b survey, rule 25p), and the detention around it may be said by a hunger strike, a
    maximum-security block or Guantanamo itself ("the men held at Guantanamo Bay live in Camp 6"); a camp among
    scouts is none ("Scouts pitched their tents at Camp 5")."""
    head = text[h.start : h.end]
    if head in ("Camp", "camp") and text[h.end + 1 : h.end + 3] in ("No", "no", "Nu", "nu") \
            and (nm := _CAMP_NO_RE.match(text, h.end)):
        # "Camp No. 9", "camp No. 9 in Balukhali": a numbered camp among refugees (rule 29k, as `المخيم رقم 9` and
        # "Camp 9" are, rule 29c); a section of a named camp is none ("camp No. 9 in the Balukhali refugee camp")
        lo, hi = max(0, h.start - 160), min(len(text), nm.end() + 160)
        if _DISPLACED_EN_RE.search(text, lo, hi) is None or _CAMP_SCOUTS_EN_RE.search(text, lo, hi) is not None \
                or _section_of(text, nm.end(1)):
            return None
        return OpenFacility(h.start, nm.end(1), "camp", nm.group(1), nm.start(1), nm.end(1))
    if head != "Camp":
        return None
    m = _CAP_AFTER_RE.match(text, h.end)
    if m is None or (_stopped(text, (m.start(1), m.end(1)), gaz) and m.group(1) not in _CAMP_NUMBER_WORDS
                     and not (m.group(1) == "No" and _CAMP_NO_NAME_RE.match(text, m.end(1)) is not None)):
        return None  # ("Camp No, an unmarked site": Guantanamo's camp, the word alone, rule 31c)
    lo, hi = max(0, h.start - 160), min(len(text), m.end() + 160)
    if _CAMP_SCOUTS_EN_RE.search(text, lo, hi) is not None:
        return None
    if (gn := m.group(1).rstrip("'’")) in _GITMO_CAMP_NAMES and _gitmo_camp_not(text, gn, places):
        return None  # "In Camp X-Ray, which premiered at Sundance": a film's title; "Camp Echo in Diwaniya": the
        # Iraqi base of that name (rule 31c)
    if _DETENTION_RE.search(text, lo, hi) is None and _CAMP_DETENTION_MORE_RE.search(text, lo, hi) is None:
        if _NUMBERED_RE.fullmatch(m.group(1)) is None or _DISPLACED_EN_RE.search(text, lo, hi) is None \
                or _section_of(text, m.end(1)):
            return None  # ("Camp 5 of the Kutupalong refugee camp": a section of the named camp)
        # "the blaze started in Camp 11 near Balukhali": a numbered camp among refugees' camps (Cox's Bazar)
        return OpenFacility(h.start, m.end(1), "camp", m.group(1), m.start(1), m.end(1))
    if _prison_section(text, h.start, m.group(1)):
        return None  # "inmates set fire to Camp 11" after "the Tasfirat prison": the named prison's section (rule 29c)
    end = m.end(1)
    if text[end - 2 : end] in _POSSESSIVE and end - 2 > m.start(1) and text[end - 3 : end - 2] != "s":
        end -= 2  # "a detainee in Camp X-Ray’s F Block": the owner's ending is no letter of the name (rule 30c)
    elif text[end : end + 1] in (" ", "\u00a0") and not m.group(1).isdigit() and m.group(1) not in _CAMP_NUMBER_WORDS:
        end = _camp_name_end(text, end, gaz, places, facs)
    return OpenFacility(h.start, end, "prison", text[m.start(1) : end], m.start(1), end)


_DAY_MONTH_EN = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                           "February", "March", "April", "May", "June", "July", "August", "September", "October",
                           "November", "December"))


def _camp_name_end(text: str, end: int, gaz: Gazetteer, places: list[Cand] | None, facs: list[Cand] | None) -> int:
    """(rule 30g) "Camp East Montana": up to two more capitalised words after "Camp X" are its name's ("Camp East"
    was one word short); not a stop word, a number, a day or month ("Camp Echo Tuesday"), a place ("Camp Liberty
    Baghdad") or a known facility ("Camp Delta Guantanamo")."""
    for _ in range(2):
        m = _CAP_AFTER_RE.match(text, end)
        if m is None or m.group(1).isdigit() or m.group(1) in _DAY_MONTH_EN \
                or _stopped(text, (m.start(1), m.end(1)), gaz) or (places and _overlaps(m.start(1), m.end(1), places)) \
                or (facs and _overlaps(m.start(1), m.end(1), facs)):
            break
        end = m.end(1)
    return end


# (rule 29c) a prison named by a capitalised word before its head, in the sentence of a numbered "Camp N"
_NAMED_PRISON_EN_RE = re.compile(r"\b(?!(?:The|A|An|This|That|Its|Their|His|Her|Another|One)\b)[A-Z][\w'’-]+\s+"
                                 r"(?:[Pp]rison|[Jj]ail)\b")


def _prison_section(text: str, start: int, name: str) -> bool:
    """A numbered "Camp N" in a sentence that names another prison is that prison's section, no facility of its own
    ("the Tasfirat prison ... after inmates set fire to Camp 11"; rule 29c); Guantanamo's numbered camps stay
    open-world prisons (rule 25p)."""
    if not name.isdigit() or "Guant" in text or "Gitmo" in text:
        return False
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start)) + 1
    hi = min((i for i in (text.find(". ", start), text.find("\n", start), text.find(";", start)) if i >= 0),
             default=len(text))
    sent = text[lo:hi]
    if "rison" not in sent and "ail" not in sent:
        return False
    return _NAMED_PRISON_EN_RE.search(sent) is not None


def _english_after(text: str, h: Cand, kind: str, gaz: Gazetteer) -> OpenFacility | None:
    m = _CAP_AFTER_RE.match(text, h.end)
    if m is None or _stopped(text, (m.start(1), m.end(1)), gaz):
        return None
    e1 = m.end(1)
    if m.group(1).isdigit() and ((text[e1 : e1 + 1] in (",", ".") and text[e1 + 1 : e1 + 2].isdigit())
                                 or " of" in text[h.end : m.start(1)]):
        return None  # "a prison of 5,000": how many it holds, not "Camp 5"
    b = cap_before(text, max(0, h.start - 40), h.start)
    if b is not None and not _stopped(text, (b.start(1), b.end(1)), gaz):
        return None  # "International Camp of Greater Amman": a longer proper name (an institution)
    if text[h.end - 3 : h.end].lower() == " of" and not m.group(1).isdigit() \
            and (m2 := _CAP_AFTER_RE.match(text, e1)) is not None and not m2.group(1).isdigit() \
            and not _stopped(text, (m2.start(1), m2.end(1)), gaz):
        e1 = m2.end(1)  # "the camp of Kara Tepe": a two-word name after "camp of" (rule 24m), not "Kara" and a place
    if text[h.end - 3 : h.end].lower() == " of" and text[e1 - 2 : e1] in ("'s", "’s") \
            and _INDEFINITE_BEFORE_RE.search(text[max(0, h.start - 40) : h.start].lower()) is not None:
        return None  # "a jail of Saddam Hussein's": one of the owner's jails (a double genitive), no name (rule 26h)
    return OpenFacility(h.start, e1, kind, text[m.start(1) : e1], m.start(1), e1)


def _stopped(text: str, span: tuple[int, int], gaz: Gazetteer) -> bool:
    """The capitalised word is a determiner, demonym or generic modifier (gaz.en_name_stop)."""
    surface = text[span[0] : span[1]]
    cache = _STOPPED.get(id(gaz.en_name_stop))
    if cache is None or cache[0] is not gaz.en_name_stop:  # holding the set keeps its id from being reused
        cache = _STOPPED[id(gaz.en_name_stop)] = (gaz.en_name_stop, {})
    got = cache[1].get(surface)
    if got is None:
        stop = gaz.en_name_stop
        toks = key_tokens(surface)
        parts = surface.split("-")
        got = not toks or toks[0] in stop or fold(parts[0]) in stop or fold(surface) in stop \
            or (len(parts) > 1 and (fold(parts[-1]) in _GENERIC_TAILS
                                    or (parts[-1].islower() and parts[0].replace(",", "").isdigit()))) \
            or (len(surface) == 1 and surface.isupper())
        # (rule 30g: a count joined to a lower-case noun is a measure, "the 1,600-person jail", "a 1,200-inmate
        # prison", as rule 29a's sizes are; "Camp 5-A" keeps its capital)
        if got and len(parts) == 2 and parts[0] in _HYPHEN_ARTICLES and parts[1][:1].isupper() \
                and fold(parts[1]) not in _GENERIC_TAILS:
            got = False  # "Borg el-Arab prison": an article joined to a demonym is a name's word (rule 25e), not the
            # adjective ("an Arab prison")
        if len(cache[1]) > 100_000:
            cache[1].clear()
        cache[1][surface] = got
    return got


_INDEFINITE_BEFORE_RE = re.compile(
    r"\b(?:a|an|another|one|any|each|every)\s+(?:(?:central|northern|southern|eastern|western|north|south|east|west|"
    r"makeshift|small|large|new|former|nearby|remote|crowded|overcrowded|sprawling|local)\s+)*$"
    # lower-case words that are no preposition, article or conjunction between them ("a different Gaza refugee
    # camp", "another densely populated Gaza camp"; rule 25z); "a visit to X camp" names X
    r"|\b(?:a|an|another)\s+(?:(?!(?:near|in|at|from|to|of|by|outside|inside|and|or|the|with|for|on|into|between|"
    r"around|behind|called|named|dubbed|known|as)\b)[a-z][a-z\-]*\s+){1,3}$")
_ROMAN = frozenset(("I", "II", "III", "IV", "V", "VI"))
_POSSESSIVE = frozenset(("'s", "’s", "s'", "s’"))
# "Y-shaped prison", "US-run camp", "Soviet-era jail": a hyphenated modifier, not a name
_GENERIC_TAILS = frozenset(("shaped", "style", "type", "run", "held", "controlled", "backed", "led", "built",
                            "based", "era", "owned", "funded", "operated", "like", "sized", "level", "class",
                            "security", "made", "managed", "affiliated", "linked", "guarded", "administered",
                            # an age before the head: "the 70-year-old refugee camp", "a 12-year-old camp resident"
                            # (fac27enw survey, rule 28w)
                            "old",
                            # a size before the head: "the 736-acre camp", "a 2,000-bed prison" (rule 29a)
                            "acre", "acres", "hectare", "hectares", "dunam", "dunums", "dunum", "bed", "beds", "tent",
                            "tents", "cell", "cells", "storey", "story", "strong", "capacity",
                            # how many it holds: "the 64,000-person refugee camp" (enrec30 survey, rule 30c)
                            "person", "persons", "people", "inmate", "inmates", "resident", "residents", "family",
                            "families", "detainee", "detainees", "prisoner", "prisoners", "man", "men", "woman",
                            "women", "refugee", "refugees"))

_HYPHEN_ARTICLES = frozenset(("al", "el", "Al", "El", "ad", "ar", "as", "ash", "at", "az", "an"))
# id(gaz.en_name_stop) -> (that set, surface -> stopped?): a pure function of the surface, bounded
_STOPPED: dict[int, tuple[frozenset[str], dict[str, bool]]] = {}


def slug(name: str) -> str:
    got = _SLUGS.get(name)  # (a pure function of the name, cached: outlets write the same names again and again)
    if got is None:
        got = remember(_SLUGS, name, "-".join(key_tokens(name)) or fold(name))
    return got


_SLUGS: dict[str, str] = facility_cache()
