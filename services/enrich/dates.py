"""Event date: the first explicit date in the text, resolved against the publication date.

Handles Arabic (Egyptian/Gulf and Syriac/Levantine month names, "26 يناير / كانون الثاني"), ordinal
day words ("الخامس والعشرين من يناير"), "this month" phrases ("من هذا الشهر", "الشهر الحالي"), English
("26 January", "January 26, 2025", "the 27th of this month"), Arabic-Indic digits, and year inference:
without a year, the latest date not more than a week after publication. Relative days ("yesterday",
"أمس") are not explicit dates and give none (dev-set labelling rule).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from services.enrich.normalize import fold_text

_AR_MONTHS = {
    1: ["يناير", "كانون الثاني", "جانفي"], 2: ["فبراير", "شباط", "فيفري"], 3: ["مارس", "اذار"],
    4: ["ابريل", "نيسان", "افريل"], 5: ["مايو", "ايار", "ماي"], 6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويليه"], 8: ["اغسطس", "اب", "اوت"], 9: ["سبتمبر", "ايلول"],
    10: ["اكتوبر", "تشرين الاول"], 11: ["نوفمبر", "تشرين الثاني"], 12: ["ديسمبر", "كانون الاول"],
}
_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
_EN_ABBR = {m[:3]: i + 1 for i, m in enumerate(_EN_MONTHS)} | {"sept": 9}

_AR_UNITS = {"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
             "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10}
_AR_ORD: dict[str, int] = {}
for _w, _n in _AR_UNITS.items():
    if _n <= 10 and _w != "الحادي":
        _AR_ORD[_w] = _n
    if _n <= 9:
        _AR_ORD[f"{_w} عشر"] = 10 + _n
        _AR_ORD[f"{_w} والعشرين"] = 20 + _n
_AR_ORD["العشرين"] = 20
_AR_ORD["الثلاثين"] = 30
_AR_ORD["الحادي والثلاثين"] = 31

_ar_month_alts = {name: m for m, names in _AR_MONTHS.items() for name in names}
_AR_MONTH = "|".join(sorted(_ar_month_alts, key=len, reverse=True))
_AR_ORDS = "|".join(sorted(_AR_ORD, key=len, reverse=True))
_THIS_MONTH = r"(?:هذا الشهر|الشهر الحالي|الشهر الجاري|الشهر نفسه)"
_PFX = r"(?:^|(?<=[\s(،,]))[وب]?"
_AR_YEAR = r"(?:\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(\d{4}|الحالي|الجاري|(?<=عام |سنه )الماضي))?"
_AR_NUM_RE = re.compile(
    rf"(\d(?<!\d\d)\d?)\s*(?:من\s+)?(?:شهر\s+)?({_AR_MONTH}|{_THIS_MONTH})(?![\w])"
    rf"(?:\s*[/(\-]\s*(?:{_AR_MONTH})\s*\)?)?{_AR_YEAR}"
)
_AR_ORD_RE = re.compile(
    rf"{_PFX}(?:يوم\s+)?({_AR_ORDS})\s+(?:من\s+)?(?:شهر\s+)?({_AR_MONTH}|{_THIS_MONTH})(?![\w])"
    rf"(?:\s*[/(\-]\s*(?:{_AR_MONTH})\s*\)?)?{_AR_YEAR}"
)
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_EN_DM_RE = re.compile(
    rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?({_EN_MONTH}|this month)\b(?:,?\s+(\d{{4}}|last year|this year))?"
)
# _EN_MONTH after a word boundary, written first letter first so the regex engine can skip ahead to a
# candidate letter (a leading \b defeats that): same alternatives, same order within each letter.
_EN_MONTH_TAILS = {"j": "an(?:uary)?|une?|uly?", "f": "eb(?:ruary)?", "m": "ar(?:ch)?|ay", "a": "pr(?:il)?|ug(?:ust)?",
                   "s": "ept?(?:ember)?", "o": "ct(?:ober)?", "n": "ov(?:ember)?", "d": "ec(?:ember)?"}
_EN_MONTH_AT_WORD = "(?:" + "|".join(rf"{c}(?<!\w{c})(?:{t})" for c, t in _EN_MONTH_TAILS.items()) + r")\.?"
_EN_MD_RE = re.compile(rf"({_EN_MONTH_AT_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}|last year|this year))?")


def _en_month(s: str) -> int | None:
    s = s.rstrip(".")
    if s == "this month":
        return 0
    return _EN_ABBR.get(s[:4] if s.startswith("sept") else s[:3])


def _ar_month(s: str) -> int:
    return 0 if s not in _ar_month_alts else _ar_month_alts[s]


# A yearless day up to this many days after publication is an upcoming one (a deadline, a schedule), not last
# year's: rule 7's "latest such date not after published_at" is meant for a 2 January text about "23 December".
_UPCOMING_DAYS = 120


# `شباط الماضي`, "last February" (no year word before الماضي): the latest such month at or before publication
_PAST_MONTH_AFTER_RE = re.compile(r"\s*الماضي")


def _resolve(day: int, month: int, year_txt: str | None, pub: date | None, past: bool = False) -> date | None:
    if month == 0:  # "this month": the publication's month and year, never rolled back
        if pub is None:
            return None
        try:
            return date(pub.year, pub.month, day)
        except ValueError:
            return None
    year: int | None = None
    if year_txt and year_txt.isdigit():
        year = int(year_txt)
    elif year_txt in ("الماضي", "last year") and pub is not None:
        year = pub.year - 1
    if year is None:
        if pub is None:
            return None
        year = pub.year
        try:
            cand = date(year, month, day)
        except ValueError:
            return None
        if past and cand > pub:
            year -= 1  # `في الحادي عشر من شباط الماضي` in a January text: last year's February
        elif cand > pub + timedelta(days=7) and not year_txt:
            if cand <= pub + timedelta(days=_UPCOMING_DAYS):
                return None  # a deadline or schedule weeks ahead ("close by July 30" in May): rule 29p
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Single tokens near which a date can be: the engine's trie finds them, so only small windows around
# them are folded and searched (folding a whole Arabic article costs more than matching it).
ANCHORS = [n.split()[0] for names in _AR_MONTHS.values() for n in names] + [
    "الشهر", "month", *_EN_MONTHS, *_EN_ABBR]
_WINDOW = 60


def extract_event_date(
    text: str, published_at: datetime | date | None, anchors: list[int] | None = None
) -> date | None:
    """First explicit date; `anchors` (positions of ANCHORS tokens) restrict the search to windows."""
    pub = published_at.date() if isinstance(published_at, datetime) else published_at
    if anchors is None:
        return _extract(fold_text(text), pub, "")
    # Only explicit dates count (labelling rule): "yesterday"/"أمس" alone gives no event date.
    for lo, hi in _merge(anchors):  # folded one at a time: the first window with a date ends the search
        raw = text[lo:hi]
        if raw.isascii() and _DIGIT_RE.search(raw) is None:
            continue  # no digit and no Arabic ordinal: nothing below can match
        d = _extract(fold_text(raw), pub, text[hi : hi + 400])
        if d is not None:
            return d
    return None


def _merge(anchors: list[int]) -> list[list[int]]:
    lo_hi: list[list[int]] = []
    for p in sorted(anchors):
        lo, hi = max(0, p - _WINDOW), p + _WINDOW
        if lo_hi and lo <= lo_hi[-1][1]:
            lo_hi[-1][1] = hi
        else:
            lo_hi.append([lo, hi])
    return lo_hi


# Every English match contains one of these (one C-speed search skips the English regexes).
_EN_MONTH_PREFIX_RE = re.compile("|".join((*(m[:3] for m in _EN_MONTHS), "this month")))
# Every _AR_NUM_RE and English match holds a digit; every _AR_ORD_RE match holds an ordinal followed by
# a month, which this finds: all ordinals start with ال, a literal the regex engine skips ahead to (the
# full pattern starts with a lookbehind and optional words, so the engine tries it at every position).
_DIGIT_RE = re.compile(r"\d")
# what every year group below needs (four classes, not \d{4}: a pattern opening with a class is skipped ahead to at C
# speed, a repeat is tried at every character)
_YEAR_RE = re.compile(r"\d\d\d\d")
assert all(w.startswith("ال") for w in _AR_ORD)
_AR_ORD_GATE_RE = re.compile(
    "ال(?:" + "|".join(sorted((w[2:] for w in _AR_ORD), key=len, reverse=True)) + ")"
    rf"\s+(?:من\s+)?(?:شهر\s+)?(?:{_AR_MONTH}|{_THIS_MONTH})"
)


def _extract(norm: str, pub: date | None, rest: str) -> date | None:
    """Dates in `norm` (a window of the text; `rest` the raw text after it, read only for a dateline's weekday)."""
    if pub is None and _YEAR_RE.search(norm) is None:
        return None  # without a publication date only a date with its year resolves (_resolve)
    found: list[tuple[int, int, date]] = []  # (start, end, date) of every explicit date
    arabic = not norm.isascii()  # Arabic month names and ordinals are not ASCII
    digit = _DIGIT_RE.search(norm) is not None
    for m in _AR_NUM_RE.finditer(norm) if arabic and digit else ():
        d = _resolve(int(m.group(1)), _ar_month(m.group(2)), m.group(3), pub,
                     m.group(3) is None and _PAST_MONTH_AFTER_RE.match(norm, m.end()) is not None)
        if d:
            found.append((m.start(), m.end(), d))
    if arabic and _AR_ORD_GATE_RE.search(norm) is not None:
        for m in _AR_ORD_RE.finditer(norm):
            if _PART_OF_MONTH_RE.search(norm, max(0, m.start() - 12), m.start()) is not None:
                continue  # `النصف الاول من ايلول`: the first half of a month, no day (rule 29p)
            d = _resolve(_AR_ORD[m.group(1)], _ar_month(m.group(2)), m.group(3), pub,
                         m.group(3) is None and _PAST_MONTH_AFTER_RE.match(norm, m.end()) is not None)
            if d:
                found.append((m.start(), m.end(), d))
    if digit and _EN_MONTH_PREFIX_RE.search(norm) is not None:
        low = norm.lower()
        for m in _EN_DM_RE.finditer(low):
            mo = _en_month(m.group(2))
            if mo is not None:
                day = int(m.group(1))
                r = _EN_RANGE_START_RE.search(low, max(0, m.start() - 4), m.start())
                if r is not None and int(r.group(1)) < day:
                    day = int(r.group(1))  # "27-28 October 2020": the span's first day (rule 29p)
                d = _resolve(day, mo, m.group(3), pub)
                if d:
                    found.append((m.start(), m.end(), d))
        for m in _EN_MD_RE.finditer(low):
            mo = _en_month(m.group(1))
            if mo and not (m.group(1) == "may" and not m.group(3) and _modal_may(low, m.start())):
                d = _resolve(int(m.group(2)), mo, m.group(3), pub)
                if d:
                    found.append((m.start(), m.end(), d))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[2]))
    for s, e, d in found:  # the first date that is not background, a dateline, a caption or a name (rule 29p)
        if not _not_event(norm, s, e, d, pub, rest):
            return d
    return None


# Rule 29p: the first explicit date is the main event's unless it is one of these (each found on real reporting).
# - background: in the same clause after "since"/"before"/`منذ`/`قبل` (with no digit between: "held since 2019 were
#   moved on 5 May" keeps 5 May; `منذ صباح الاربعاء 21 ...` is the event's own morning), after a deadline's "by", in
#   an Arabic pluperfect (`وكان ... قد`, the idiom for an earlier event), after "the attack(s) of"; a range "between
#   2 and 3 January" / `بين 23 و30 مارس` gives no single day;
# - a name: the day names an agreement, a bloc or an attack (`اتفاق 18 كانون الثاني`, `اتفاق العاشر من اذار`,
#   "the March 10 deal", "the March 14 camp", "Sept. 11 attacks", `جامعه 21 سبتمبر`, `انقلاب 12 ايلول`);
# - a dateline whose body names another weekday ("BAGHDAD, January 3 — ... left on Tuesday", a Wednesday): the event
#   was not on the filing day and the text gives it only relatively; a dateline the body agrees with ("BEIRUT, Sept 1
#   (Reuters) - ... on Monday") or names no day stays the event's date;
# - a file photo: a caption's day (a credit after it: "REUTERS/...", "(AFP)", `(رويترز)`; or a "FILE -"/"Photo:"/
#   `صوره:` line) more than a week before publication dates an old picture; an embedded post's "(@handle) March 29".
_CLAUSE_END = ".!?;؛:\n،,"
_BACKGROUND_RE = re.compile(
    r"(?:^|[\s(])(?:since|before|ever since)\s(?!.*\d)[^\d]*$"
    r"|(?:^|\s)[و]?(?:منذ|قبل)\s(?!(?:يوم\s+)?(?:صباح|فجر|مساء|ليل|ليله|ظهر|عصر)\b)(?!.*\d)[^\d]*$"
    r"|\S\s+by\s*$"
    r"|(?:attacks?|massacre|events) of\s*$"
    r"|(?:^|\s)و?(?:كان|كانت|كانوا)\s(?:\S+\s){0,6}?قد\s[^\d]*$"
    r"|\bbetween\s+(?:the\s+)?\S*$|\bbetween\s+(?:the\s+)?\S+\s+\S+(?:\s+\d{4})?,?\s+and\s+(?:the\s+)?$"
    r"|(?:^|\s)(?:ما\s+)?بين\s+(?:ال)?(?:\d\d?\s+)?(?:و\s*)?$"
)
_NAME_BEFORE_RE = re.compile(
    r"(?:^|\s)[لوب]*(?:اتفاق|اتفاقيه|تفاهم|تفاهمات|ثوره|انتفاضه|انقلاب|جامعه|حركه|ساحه|شارع|جسر|هجمات|تيار|قوي"
    r"|مذكره)\s+(?:ال|يوم\s+)?$"
)
_NAME_AFTER_RE = re.compile(
    r"\s*(?:agreement|deal|accords?|pact|alliance|coalition|camp|bloc|movement|revolution|uprising|attacks)\b"
)
_DATELINE_AFTER_RE = re.compile(r"[^\n\d(]{0,16}\([^)\n]{1,40}\)|\.?\s*(?:-|:)|,?\s*\d{4}\s*(?:-|\()")
_DATELINE_HEAD_RE = re.compile(r"[^\W\d][^\d\n]{0,40}[,،]?\s*$")
_CAPTION_AFTER_RE = re.compile(
    r"(?:,?\s*\d{4})?\.?\s*\([^)\n]{1,40}\)\s*(?:$|\n)"
    r"|(?:,?\s*\d{4})?\.\s+[^\n]{0,40}(?:reuters|afp|getty|ap photo|epa\b)",
    re.M,
)
_CAPTION_LINE_RE = re.compile(r"\s*(?:photo|photograph|caption|file|file photo|صوره)\s*[:-]")
_FILE_LINE_RE = re.compile(r"\s*file(?: photo)?\s*[:-]")
_PLUPERFECT_OPEN_RE = re.compile(r"(?:^|\s)و(?:كان|كانت|كانوا)\s(?!.*\d)[^\d]*$")
_QAD_RE = re.compile(r"[^.،,;؛:\n\d]{0,60}\sقد\s")
_TWEET_RE = re.compile(r"\(@\w+\)\s*$")
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_WEEKDAY_RE = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today)\b"
                         r"|(?<!\w)(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد|يوم)(?!\w)")
_PART_OF_MONTH_RE = re.compile(r"(?:النصف|الاسبوع|الثلث|الربع|العشر|العقد)\s+$")
_EN_RANGE_START_RE = re.compile(r"(\d\d?)\s*-\s*$")


def _not_event(norm: str, s: int, e: int, d: date, pub: date | None, rest: str) -> bool:
    """A date the text gives for something other than its main event (rule 29p, the list above)."""
    pre = norm[max(0, s - 100) : s]
    clause = pre[max(pre.rfind(c) for c in _CLAUSE_END) + 1 :]  # sliced: "^" below is the clause's start
    if _BACKGROUND_RE.search(clause) is not None:
        return True
    if _PLUPERFECT_OPEN_RE.search(clause) is not None and _QAD_RE.match(norm, e) is not None:
        return True  # `وكان هجوم 20 كانون الثاني على السجن قد اسفر ...`: the pluperfect's قد after the day
    if _NAME_BEFORE_RE.search(pre[-30:]) is not None or _NAME_AFTER_RE.match(norm, e) is not None:
        return True
    line_start = norm.rfind("\n", 0, s) + 1
    if _TWEET_RE.search(pre) is not None or _FILE_LINE_RE.match(norm, line_start) is not None:
        return True
    if (pub is not None and d < pub - timedelta(days=7) and (
            _CAPTION_AFTER_RE.match(norm, e) is not None or _CAPTION_LINE_RE.match(norm, line_start) is not None)):
        return True  # a file photo's caption
    if (_DATELINE_AFTER_RE.match(norm, e) is not None and (s == line_start or _DATELINE_HEAD_RE.fullmatch(
            norm, line_start, s) is not None)):
        body = norm[e : e + 400]
        if len(body) < 400 and rest:
            body += fold_text(rest[: 400 - len(body)])
        w = _WEEKDAY_RE.search(body)
        if w is not None:
            word = w.group()
            if word in ("today", "يوم", "اليوم"):
                return False
            return _WEEKDAYS.get(word if word in _WEEKDAYS else "ال" + word) != d.weekday()
    return False


def _modal_may(low: str, i: int) -> bool:
    """'may 5' in 'they may 5 …' is not a date; a preceding 'on'/'in' or a capital would be."""
    before = low[max(0, i - 4) : i]
    return not before.strip().endswith(("on", "in", "of", "by", ","))
