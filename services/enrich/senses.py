"""Place names read in another sense, after the places are read (data/README.md rule 26c; the open20ar survey).

Each check runs only where its cheap cue is in the text (str.find), and on the places already read, so the compiled
and the pure paths (which read the same places) agree here too:
- a byname: a name right after `الملقب بـ` / `الملقبة ب` ("nicknamed"), or a kunya or a quoted name after `المعروف بـ` /
  `الشهير بـ` ("known as") is a person's byname, no place (`الملقب بأبي غريب`, `المعروف بـ"أبو غريب"`);
- the idiom `سارت به الركبان` ("the riders carried it": it became widely known): `الركبان` is no Rukban;
- a charity's national section: a country right after `كاريتاس`, `أوكسفام`, `أطباء بلا حدود` ... is its name
  (`كاريتاس الأردن`, rule 25b), no place;
- a sports club: in a sports report (bare.sports_report), a town after a club's word (`هلال أريحا`, `شباب جنين`,
  `اتحاد الرمثا`, `نادي الرمثا`), or a town playing (the subject or the object of a match, no preposition of place
  before it: `فاز الرمثا على`, `في مرمى الرمثا`) in a clause of no raid, camp or displacement, is the team
  (rule 25v's camps' teams, for towns); a venue keeps its town (`على ملعب الأمير هاشم في الرمثا`);
- the countryside of a list: after `ريف` / `أرياف` / `ريفي` and a governorate, the cities listed after it with `و` are
  governorates too (`بريف حلب وإدلب`, `أرياف إدلب وحلب وحماة`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from services.enrich.entries import admin_of
from services.enrich.matcher import key_tokens
from services.enrich.output import place
from services.enrich.scouts import cached_words_in
from shared.annotation import PlaceMention

_AR = "\u0621-\u064a"
# "nicknamed" (always a person's), then `ب`, `بـ`, `بلقب`, `باسم`, and an optional opening quote right before the name
_NICKNAMED_RE = re.compile(
    rf"(?<![{_AR}])(?:ال)?(?:ملقب|ملقّب|ملقبة|ملقّبة|ملقبه|يلقب|يلقّب|يُلقب|تلقب|يكنى|يكنّى|"
    rf"المكنى|المكنّى)[ \u00a0]+(?:ب(?:ـ|لقب[ \u00a0]+|اسم[ \u00a0]+)?)[ \u00a0]*[\"«“']?[ \u00a0]*$"
)
# "known as" (anyone's or anything's): only a kunya or a quoted name after it is a byname
_KNOWN_AS_RE = re.compile(
    rf"(?<![{_AR}])(?:ال)?(?:معروف|معروفة|معروفه|شهير|شهيرة|شهيره)[ \u00a0]+"
    rf"(?:ب(?:ـ|لقب[ \u00a0]+|اسم[ \u00a0]+)?)[ \u00a0]*(?:[\"«“'][ \u00a0]*"
    rf"(?:(?:أبو|ابو|أبي|ابي|أبا|ابا|أم|ام)[ \u00a0]+)?|(?:أبو|ابو|أبي|ابي|أبا|ابا|أم|ام)[ \u00a0]+)$"
)
_BYNAME_CUES = ("لقب", "لقّب", "يكن", "مكن", "معروف", "شهير")


def _byname_before(text: str, lo: int, s: int) -> bool:
    """_NICKNAMED_RE or _KNOWN_AS_RE in text[lo:s], the patterns (lookbehind-first: tried at every character) tried
    only in a window with a cue word (each pattern's words hold one)."""
    if not any(text.find(w, lo, s) != -1 for w in _BYNAME_CUES):
        return False
    return _NICKNAMED_RE.search(text, lo, s) is not None or _KNOWN_AS_RE.search(text, lo, s) is not None


def _cue_spans(text: str, words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """(starts, ends) of every occurrence of the words in the text (overlapping ones too), by start."""
    occ = []
    for w in words:
        i = text.find(w)
        while i != -1:
            occ.append((i, i + len(w)))
            i = text.find(w, i + 1)
    occ.sort()
    return [a for a, _b in occ], [b for _a, b in occ]


def _byname_at(text: str, lo: int, s: int, cues: tuple[list[int], list[int]]) -> bool:
    """_byname_before(text, lo, s), its cue test read from the text's cue spans (_cue_spans of _BYNAME_CUES): a
    word occurs inside text[lo:s] (`text.find(w, lo, s) != -1`) iff one of its spans starts at or after lo and
    ends at or before s."""
    starts, ends = cues
    k = bisect_left(starts, lo)
    while k < len(starts) and starts[k] < s:
        if ends[k] <= s:
            return _NICKNAMED_RE.search(text, lo, s) is not None or _KNOWN_AS_RE.search(text, lo, s) is not None
        k += 1
    return False


# the riders' idiom: a verb of going, its glued ب and up to two words (`سارت بذكر جوده الركبان`)
_RIDERS_RE = re.compile(
    rf"(?<![{_AR}])(?:سارت|سار|تسير|يسير|سرت|تسري|يسري)[ \u00a0]+ب[{_AR}]*"
    rf"(?:[ \u00a0]+[{_AR}]+){{0,2}}[ \u00a0]+$"
)
_RIDERS = frozenset(("الركبان",))
# charities whose national sections are named by the country after them
_SECTION_ORGS_RE = re.compile(
    r"(?:كاريتاس|الكاريتاس|أوكسفام|اوكسفام|أطباء بلا حدود|اطباء بلا حدود|إنقاذ الطفل|"
    r"انقاذ الطفل|أطباء العالم|اطباء العالم|وورلد فيجن|الإغاثة الإسلامية|الاغاثة الاسلامية"
    r"|\bCaritas|\bOxfam|\bSave the Children|\bIslamic Relief|\bWorld Vision)"
    r"[ \u00a0]+$"
)
SECTION_SCOUT = (
    "كاريتاس",
    "كسفام",
    "بلا حدود",
    "الطفل",
    "العالم",
    "فيجن",
    "الاسلامية",
    "الإسلامية",
    "Caritas",
    "Oxfam",
    "Children",
    "Relief",
    "Vision",
)


# the words other_sense_places (and actors.state_mentions: has_section_word) ask the whole text for, a bit each
_TEXT_WORDS = (*_BYNAME_CUES, *SECTION_SCOUT, "الركبان", "ريف", "رياف")
_W_BYNAME = (1 << len(_BYNAME_CUES)) - 1
_W_SECTION = ((1 << len(SECTION_SCOUT)) - 1) << len(_BYNAME_CUES)
_W_RIDERS = 1 << (len(_BYNAME_CUES) + len(SECTION_SCOUT))
_W_COUNTRY = 3 << (len(_BYNAME_CUES) + len(SECTION_SCOUT) + 1)
# Bit i set when _TEXT_WORDS[i] is in the text; one pass a text for both callers (scouts.cached_words_in).
text_words = cached_words_in(_TEXT_WORDS)


def has_section_word(text: str) -> bool:
    """any(w in text for w in SECTION_SCOUT)."""
    return bool(text_words(text) & _W_SECTION)


def national_section(text: str, start: int) -> bool:
    """A country's name at `start` right after a charity's that has national sections (`كاريتاس الأردن`, "Caritas
    Jordan"): the section's name (rule 25b), no place and no state acting."""
    if start <= 0 or text[start - 1] not in _SECTION_GAP_END:
        return False  # (the pattern ends with a space at `start`, `$`, or before a newline there)
    lo = max(0, start - 24)
    # (every match holds one of SECTION_SCOUT's words, whole, inside text[lo:start]: a window without one has no match,
    # and the pattern, an alternation with no literal to skip to, is not tried at each of its characters)
    window = text[lo:start]
    if not any(w in window for w in SECTION_SCOUT):
        return False
    return _SECTION_ORGS_RE.search(text, lo, start) is not None


_SECTION_GAP_END = frozenset((" ", "\u00a0", "\n"))


# a club's word right before a town (with a glued `و`, `ل`, `ب`): the team (`هلال أريحا`, `شباب جنين`, `أهلي الخليل`)
_CLUB_BEFORE_RE = re.compile(
    rf"(?<![{_AR}])[وبل]?(?:ال)?(?:نادي|فريق|هلال|شباب|أهلي|اهلي|اتحاد|ثقافي|ترجي|"
    rf"جمعية|مركز)[ \u00a0]+$"
)
# a preposition or a word of place before a town: where (a venue, a city), not who
_WHERE_BEFORE = frozenset(
    (
        "في",
        "بمدينة",
        "مدينة",
        "بلدة",
        "ببلدة",
        "محافظة",
        "بمحافظة",
        "إلى",
        "الى",
        "نحو",
        "قرب",
        "من",
        "داخل",
        "حتى",
        "لواء",
        "قضاء",
        "ريف",
        "بريف",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "وسط",
        "أهالي",
        "اهالي",
        "سكان",
        "بلدية",
        "محافظ",
    )
)
_NOT_GAME_RE = re.compile(
    rf"(?<![{_AR}])[وفبل]?(?:ال|لل)?(?:مخيم|مخيمات|لاجئ[{_AR}]*|نازح[{_AR}]*|نزوح|تهجير|"
    rf"اقتحام|اقتحمت|اقتحم|قصف|غارة|غارات|اعتقال|اعتقلت|شهيد|استشهد|احتلال|قوات|الجيش|جيش|حصار|"
    rf"توغل|هدم|عملية|عائلات|مشجع[{_AR}]*|جماهير|الجماهير)(?![{_AR}])"
)
# the words of a match right before or after a team's bare name (`فاز الرمثا على`, `في مرمى الرمثا`, `يستضيف الرمثا
# نظيره`); a host city is no team
_PLAY_BEFORE = frozenset(
    (
        "فاز",
        "وفاز",
        "تغلب",
        "وتغلب",
        "تعادل",
        "وتعادل",
        "خسر",
        "وخسر",
        "يلتقي",
        "ويلتقي",
        "التقى",
        "والتقى",
        "يواجه",
        "ويواجه",
        "واجه",
        "وواجه",
        "مرمى",
        "شباك",
        "أمام",
        "امام",
        "حسم",
        "وحسم",
        "واصل",
        "وواصل",
        "يتصدر",
        "تصدر",
        "ويتصدر",
        "وتصدر",
        "هزم",
        "وهزم",
        "أقصى",
        "اقصى",
        "أطاح",
        "اطاح",
        "على",
        "مع",
    )
)
_PLAY_AFTER = frozenset(
    ("نظيره", "ضيفه", "مضيفه", "منافسه", "بهدف", "بهدفين", "بثلاثية", "برباعية", "بثنائية", "بخماسية")
)
_TOWN_KINDS = frozenset(("city", "town", "village", "district", "neighbourhood", "locality"))
# the countryside's words before the first governorate of a list
_COUNTRYSIDE_BEFORE_RE = re.compile(rf"(?<![{_AR}])[وبل]?(?:ريف|أرياف|ارياف|ريفي|ريفا)[ \u00a0]+$")
_LIST_AND_RE = re.compile(r"[ \u00a0]*(?:[،,][ \u00a0]*)?و$")


def _list_and(text: str, lo: int, hi: int) -> bool:
    """_LIST_AND_RE.search(text, lo, hi) is not None, the pattern (tried at every character of the gap) tried only
    when the gap ends with its `و` (`$`: at the end, or before a newline there)."""
    if not (text.endswith("و", lo, hi) or text.endswith("و\n", lo, hi)):
        return False
    return _LIST_AND_RE.search(text, lo, hi) is not None


def riders_idiom(text: str, start: int) -> bool:
    """`سارت بذكر جوده الركبان` ("the riders carried the fame of his generosity"): `الركبان` at `start` in the idiom."""
    return _RIDERS_RE.search(text, max(0, start - 40), start) is not None


def other_sense_places(text: str, places: list[PlaceMention], gaz: Any, sports: bool) -> list[PlaceMention]:
    """The places less those this module's checks read in another sense, and the countryside's lists as
    governorates (see the module's docstring). sports: the text is a sports report (bare.sports_report)."""
    if not places:
        return places
    words = text_words(text)  # (one pass answers each `w in text`)
    if text.isascii():  # (English: the charities' sections only)
        if not words & _W_SECTION:
            return places
        return [p for p in places if not (p.id.startswith("country:") and national_section(text, p.start))]
    byname = bool(words & _W_BYNAME)
    riders = bool(words & _W_RIDERS)
    section = bool(words & _W_SECTION)
    country = bool(words & _W_COUNTRY)
    if not (byname or riders or section or sports or country):
        return places
    if not (byname or riders or section or sports):
        # (the countryside's word alone: no place is read in another sense, each check below is off)
        return _countryside_lists(text, places, gaz)
    entries = gaz.entries
    out: list[PlaceMention] = []
    cues = _cue_spans(text, _BYNAME_CUES) if byname else ([], [])
    for p in places:
        s = p.start
        lo = s - 40 if s > 40 else 0
        if byname and _byname_at(text, lo, s, cues):
            continue  # `الملقب بأبي غريب`: a person's byname
        if riders and p.surface in _RIDERS and riders_idiom(text, s):
            continue  # `سارت بها الركبان`: the idiom
        if section and p.id.startswith("country:") and national_section(text, s):
            continue  # `كاريتاس الأردن`: the charity's national section
        if sports and _team(text, p, entries):
            continue  # `هلال أريحا`, `فاز الرمثا على`: a club
        out.append(p)
    if country:
        out = _countryside_lists(text, out, gaz)
    return out


def _team(text: str, p: PlaceMention, entries: dict[str, Any]) -> bool:
    s = p.start
    if _CLUB_BEFORE_RE.search(text, max(0, s - 12), s) is not None:
        return True
    e = entries.get(p.id)
    if e is None or e.kind not in _TOWN_KINDS:
        return False  # a country or a governorate is not read bare as a team here
    if s > 0 and text[s - 1] in "بل":
        return False  # `بإربد`: where
    words = text[max(0, s - 30) : s].split()
    prev = ""
    if text[s - 1 : s].isspace() and words:
        prev = words[-1].strip('،,.:;()"«»')
    elif text[s - 1 : s] == "و" and len(words) >= 2 and words[-2].strip('،,.:;()"«»') in _WHERE_BEFORE:
        return False  # `في زحلة وبعلبك`: a list of where
    if prev in _WHERE_BEFORE or prev in ("ملعب", "استاد", "إستاد", "ستاد", "الملعب", "الاستاد"):
        return prev in ("ملعب", "استاد", "إستاد", "ستاد", "الملعب", "الاستاد")  # `استاد نابلس`: the stadium's name
    nxt = text[p.end : p.end + 16].split()
    if prev not in _PLAY_BEFORE and not (nxt and nxt[0].strip('،,.:;()"«»') in _PLAY_AFTER):
        return False  # a town in a sports report that plays no part in a match (`تستضيف الدوحة البطولة`)
    lo = max(text.rfind("،", 0, s), text.rfind(",", 0, s), text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
    ends = [
        i
        for i in (text.find("،", p.end), text.find(",", p.end), text.find(".", p.end), text.find("\n", p.end))
        if i >= 0
    ]
    hi = min(ends) if ends else len(text)
    return _NOT_GAME_RE.search(text, lo, hi) is None


def _countryside_lists(text: str, places: list[PlaceMention], gaz: Any) -> list[PlaceMention]:
    """`بريف حلب وإدلب`, `أرياف إدلب وحلب وحماة`: each city joined by `و` after a governorate that the
    countryside's word opened is that city's governorate too."""
    out = list(places)
    adm = None
    prev: PlaceMention | None = None
    for i, p in enumerate(out):
        if adm is None and not p.id.startswith("adm1:"):
            # (no list open, and no governorate to open one: the tests below all fail, adm stays None; adm is
            # set only at a governorate, so adm set means prev is one)
            prev = p
            continue
        if (
            prev is not None
            and prev.id.startswith("adm1:")
            and adm is not None
            and _list_and(text, prev.end, p.start)
            and p.start - prev.end <= 4
            and not p.id.startswith(("adm1:", "country:"))
        ):
            a = admin_of(gaz).get(" ".join(key_tokens(text[p.start : p.end])))
            e = gaz.entries.get(a) if a else None
            if e is not None and e.country == prev.country:
                out[i] = p = place(
                    p.surface, p.start, p.end, e.id, e.canonical, p.confidence, e.country, e.lat, e.lon, e.admin1
                )
        if (
            p.id.startswith("adm1:")
            and not gaz.entries[p.id].canonical.startswith("Rif")  # (`ريف دمشق` is a governorate's own name)
        ) and (
            p.surface.startswith(("ريف", "بريف"))
            or _COUNTRYSIDE_BEFORE_RE.search(text, max(0, p.start - 12), p.start) is not None
        ):
            adm = p.id  # a list the countryside's word opens
        elif not (
            p.id.startswith("adm1:") and adm is not None and prev is not None and _list_and(text, prev.end, p.start)
        ):
            adm = None
        prev = p
    return out
