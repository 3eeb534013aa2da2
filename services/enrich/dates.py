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
_AR_YEAR = r"(?:\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(\d{4}|الحالي|الجاري|الماضي))?"
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
    rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?({_EN_MONTH}|this month)\b(?:,?\s+(\d{{4}}))?"
)
# _EN_MONTH after a word boundary, written first letter first so the regex engine can skip ahead to a
# candidate letter (a leading \b defeats that): same alternatives, same order within each letter.
_EN_MONTH_TAILS = {"j": "an(?:uary)?|une?|uly?", "f": "eb(?:ruary)?", "m": "ar(?:ch)?|ay", "a": "pr(?:il)?|ug(?:ust)?",
                   "s": "ept?(?:ember)?", "o": "ct(?:ober)?", "n": "ov(?:ember)?", "d": "ec(?:ember)?"}
_EN_MONTH_AT_WORD = "(?:" + "|".join(rf"{c}(?<!\w{c})(?:{t})" for c, t in _EN_MONTH_TAILS.items()) + r")\.?"
_EN_MD_RE = re.compile(rf"({_EN_MONTH_AT_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")


def _en_month(s: str) -> int | None:
    s = s.rstrip(".")
    if s == "this month":
        return 0
    return _EN_ABBR.get(s[:4] if s.startswith("sept") else s[:3])


def _ar_month(s: str) -> int:
    return 0 if s not in _ar_month_alts else _ar_month_alts[s]


def _resolve(day: int, month: int, year_txt: str | None, pub: date | None) -> date | None:
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
    elif year_txt in ("الماضي",) and pub is not None:
        year = pub.year - 1
    if year is None:
        if pub is None:
            return None
        year = pub.year
        try:
            cand = date(year, month, day)
        except ValueError:
            return None
        if cand > pub + timedelta(days=7) and not year_txt:
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
        return _extract(fold_text(text), pub)
    # Only explicit dates count (labelling rule): "yesterday"/"أمس" alone gives no event date.
    for lo, hi in _merge(anchors):  # folded one at a time: the first window with a date ends the search
        raw = text[lo:hi]
        if raw.isascii() and _DIGIT_RE.search(raw) is None:
            continue  # no digit and no Arabic ordinal: nothing below can match
        d = _extract(fold_text(raw), pub)
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


def _extract(norm: str, pub: date | None) -> date | None:
    if pub is None and _YEAR_RE.search(norm) is None:
        return None  # without a publication date only a date with its year resolves (_resolve)
    found: list[tuple[int, date]] = []
    arabic = not norm.isascii()  # Arabic month names and ordinals are not ASCII
    digit = _DIGIT_RE.search(norm) is not None
    for m in _AR_NUM_RE.finditer(norm) if arabic and digit else ():
        d = _resolve(int(m.group(1)), _ar_month(m.group(2)), m.group(3), pub)
        if d:
            found.append((m.start(), d))
    if arabic and _AR_ORD_GATE_RE.search(norm) is not None:
        for m in _AR_ORD_RE.finditer(norm):
            d = _resolve(_AR_ORD[m.group(1)], _ar_month(m.group(2)), m.group(3), pub)
            if d:
                found.append((m.start(), d))
    if not digit:
        return min(found)[1] if found else None
    low = norm.lower()
    if _EN_MONTH_PREFIX_RE.search(low) is None:
        return min(found)[1] if found else None
    for m in _EN_DM_RE.finditer(low):
        mo = _en_month(m.group(2))
        if mo is not None:
            d = _resolve(int(m.group(1)), mo, m.group(3), pub)
            if d:
                found.append((m.start(), d))
    for m in _EN_MD_RE.finditer(low):
        mo = _en_month(m.group(1))
        if mo and not (m.group(1) == "may" and not m.group(3) and _modal_may(low, m.start())):
            d = _resolve(int(m.group(2)), mo, m.group(3), pub)
            if d:
                found.append((m.start(), d))
    return min(found)[1] if found else None


def _modal_may(low: str, i: int) -> bool:
    """'may 5' in 'they may 5 …' is not a date; a preceding 'on'/'in' or a capital would be."""
    before = low[max(0, i - 4) : i]
    return not before.strip().endswith(("on", "in", "of", "by", ","))
