"""The lines outlets print around an article's body, read as no part of it (data/README.md rule 23 (long16)).

A feed's or a scraper's text keeps what an HTML page's extractor drops (services/ingest/extraction.py): links to
other stories (`اقرأ أيضاً: ...`, "Read more: ...", a "Most read" / `الأكثر قراءة` list under its header), tag and
keyword lines (`الوسوم: ...`, "Tags: ..."), and menus ("Home | News | Lebanon | Syria"). Their names are other
stories' facilities and the site's sections: an alert, a place or an actor read there is about no event of this
article. `blank` returns the text with those lines turned to spaces (newlines kept: every offset still indexes the
text as written, every other line reads as before), or None when the text has none (a cheap literal test first).
"""

from __future__ import annotations

import re

__all__ = ["blank"]

# the first words of the markers and of a menu: one regex search (C speed, from newline to newline) tells whether
# any line opens with one; most texts have none and are returned at once
_FIRST_WORDS = (
    "اقرأ",
    "اقرا",
    "إقرأ",
    "شاهد",
    "مواضيع",
    "أخبار",
    "اخبار",
    "مقالات",
    "قصص",
    "تقارير",
    "ذات",
    "الأكثر",
    "الاكثر",
    "الوسوم",
    "وسوم",
    "كلمات",
    "اخترنا",  # `اخترنا لك` ("our picks for you", ar18 survey)
    "Read",
    "READ",
    "See",
    "Also",
    "ALSO",
    "Related",
    "RELATED",
    "Most",
    "MOST",
    "Trending",
    "Tags",
    "TAGS",
    "Topics",
    "Keywords",
    "You",
    "More",
    "Home",
    "HOME",
    "الرئيسية",
    "الرئيسيه",
)
_BULLETS = "[ \\t\\u200f\\u200e•*>\\-–—]*"


def _factored(words: list[str]) -> str:
    """The words as one alternation factored by their letters (`ا(?:قر(?:أ|ا)|ل...)`): the regex engine tries
    each line's first letter once, not every word in turn."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
    if not groups:
        return ""
    alts = [re.escape(c) + _factored(sorted(set(rest))) for c, rest in sorted(groups.items())]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?:" + body + ")?" if "" in words else body


_LINE_START_RE = re.compile("\\n" + _BULLETS + _factored(sorted(set(_FIRST_WORDS))))
_MENU_FIRST = frozenset(("Home", "HOME", "الرئيسية", "الرئيسيه"))

# a marker at a line's start (after a bullet or spaces), then a separator or the line's end: the marker alone
# on its line heads a list of links; with text after the separator the line is one link (or the tags)
_MARKER_RE = re.compile(
    r"[ \t\u200f\u200e•*>\-–—]*(?:"
    r"[اإ]قر[أا]\s+(?:[أا]يض(?:اً|ًا|ا|اٌ)?|المزيد)|شاهد\s+[أا]يض(?:اً|ًا|ا)?"
    r"|(?:مواضيع|أخبار|اخبار|مقالات|قصص|تقارير)\s+ذات\s+صلة|ذات\s+صلة"
    r"|ال[أا]كثر\s+(?:قراءة|قراءه|مشاهدة|مشاهده|تداولا?ً?|تداول|شعبية)"
    r"|الوسوم|وسوم|كلمات\s+(?:مفتاحية|دلالية)"
    r"|اخترنا\s+لك(?:م)?"
    r"|Read\s+(?:[Aa]lso|[Mm]ore|[Nn]ext)|READ\s+(?:ALSO|MORE|NEXT)|See\s+also|Also\s+[Rr]ead|ALSO\s+READ"
    r"|Related(?:\s+(?:[Ss]tories|[Aa]rticles|[Cc]overage|[Nn]ews|[Cc]ontent|[Rr]eading|[Tt]opics))?"
    r"|RELATED(?:\s+(?:STORIES|ARTICLES|COVERAGE|NEWS|CONTENT))?"
    r"|Most\s+(?:[Rr]ead|[Pp]opular|[Vv]iewed|[Ss]hared)|MOST\s+(?:READ|POPULAR|VIEWED)"
    r"|Trending(?:\s+[Nn]ow)?|Tags|TAGS|Topics|Keywords"
    r"|You\s+(?:might|may)\s+also\s+like|More\s+from\s+(?:the\s+)?[A-Z][\w ]{0,30}?"
    r")[ \t]*(?:(?:[:：|\-–—»›]|\.\.+|…)[ \t]*|(?=\n|$))"  # (`اقرأ أيضا.. `, "Read more »")
)
# a link set inside a paragraph after its last sentence (`... بعد بلوغهم سن الثامنة عشرة. اقرأ أيضاً: ...`, as a
# page's text flattens it): from the marker to the line's end
_INLINE_RE = re.compile(
    r"(?<=[.!?؟…»\"”)])[ \t\u00a0]+(?:[اإ]قر[أا]\s+[أا]يض(?:اً|ًا|ا)?|Read\s+(?:[Aa]lso|[Mm]ore)|READ\s+(?:ALSO|MORE))"
    r"[ \t]*[:：|]"
)
_LINK_MAX = 160  # a link's line (another story's headline) is short and ends in no full stop
_MENU_ITEM_MAX = 24


def _menu(line: str) -> bool:
    """A navigation line: its home page's link, then three items or more between bars, each a word or three
    ("Home | News | Lebanon | Syria", `الرئيسية | لبنان | سوريا | العراق`)."""
    items = line.split("|")
    if len(items) < 4 or items[0].strip() not in _MENU_FIRST:
        return False
    return all(0 < len(it.strip()) <= _MENU_ITEM_MAX and it.strip().count(" ") <= 2 for it in items)


def _link(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _LINK_MAX and s[-1] not in ".。"


def blank(text: str) -> str | None:
    if "\n" not in text:
        return None  # (a one-line passage has no lines around its body)
    if (
        _LINE_START_RE.search(text) is None
        and _LINE_START_RE.match("\n" + text[:24]) is None
        and not (("قرأ أيض" in text) if text[:1] >= "\u0600" else ("Read more:" in text))
    ):
        return None
    lines = text.split("\n")
    out: list[str] | None = None
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        m = _MARKER_RE.match(line)
        cut = False
        if m is not None and len(line) <= 400:
            cut = True
            if not line[m.end() :].strip():  # the header of a list: its links follow, one a line
                j = i + 1
                while j < n and _link(lines[j]):
                    j += 1
                if j > i + 1:
                    if out is None:
                        out = lines[:]
                    for k in range(i + 1, j):
                        out[k] = " " * len(lines[k])
                    out[i] = " " * len(line)
                    i = j  # (the list's lines are blank: none is read again, so a page of headers is linear)
                    continue
        elif "|" in line and _menu(line):
            cut = True
        elif ("قرأ" in line or "Read" in line or "READ" in line) and (inline := _INLINE_RE.search(line)):
            if out is None:
                out = lines[:]
            out[i] = line[: inline.start()] + " " * (len(line) - inline.start())
        if cut:
            if out is None:
                out = lines[:]
            out[i] = " " * len(line)
        i += 1
    return None if out is None else "\n".join(out)
