"""The lines outlets print around an article's body, read as no part of it (data/README.md rule 23x (long16)).

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

# one of these must be in the text for any line to be read (str.find: C speed, no regex on most texts)
_GATE = (
    "قرأ",
    "قرا ",
    "الأكثر",
    "ذات صلة",
    "وسوم",
    "كلمات مفتاحية",
    "كلمات دلالية",
    "Read",
    "READ",
    "Related",
    "RELATED",
    "Most",
    "MOST",
    "Tags",
    "TAGS",
    "Topics",
    "Keywords",
    "Trending",
    "You m",
    "More from",
    "See also",
    "Also read",
    " | ",
)

# a marker at a line's start (after a bullet or spaces), then a separator or the line's end: the marker alone
# on its line heads a list of links; with text after the separator the line is one link (or the tags)
_MARKER_RE = re.compile(
    r"[ \t\u200f\u200e•*>\-–—]*(?:"
    r"[اإ]قر[أا]\s+(?:[أا]يض(?:اً|ًا|ا|اٌ)?|المزيد)|شاهد\s+[أا]يض(?:اً|ًا|ا)?"
    r"|(?:مواضيع|أخبار|اخبار|مقالات|قصص|تقارير)\s+ذات\s+صلة|ذات\s+صلة"
    r"|ال[أا]كثر\s+(?:قراءة|قراءه|مشاهدة|مشاهده|تداولا?ً?|تداول|شعبية)"
    r"|الوسوم|وسوم|كلمات\s+(?:مفتاحية|دلالية)"
    r"|Read\s+(?:[Aa]lso|[Mm]ore|[Nn]ext)|READ\s+(?:ALSO|MORE|NEXT)|See\s+also|Also\s+read"
    r"|Related(?:\s+(?:[Ss]tories|[Aa]rticles|[Cc]overage|[Nn]ews|[Cc]ontent|[Rr]eading|[Tt]opics))?"
    r"|RELATED(?:\s+(?:STORIES|ARTICLES|COVERAGE|NEWS|CONTENT))?"
    r"|Most\s+(?:[Rr]ead|[Pp]opular|[Vv]iewed|[Ss]hared)|MOST\s+(?:READ|POPULAR|VIEWED)"
    r"|Trending(?:\s+[Nn]ow)?|Tags|TAGS|Topics|Keywords"
    r"|You\s+(?:might|may)\s+also\s+like|More\s+from\s+(?:the\s+)?[A-Z][\w ]{0,30}?"
    r")[ \t]*(?:[:：|\-–—][ \t]*|(?=\n|$))"
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
    """A navigation line: four items or more between bars, each a word or three ("Home | News | Lebanon | Syria")."""
    items = line.split("|")
    if len(items) < 4:
        return False
    return all(0 < len(it.strip()) <= _MENU_ITEM_MAX and it.strip().count(" ") <= 2 for it in items)


def _link(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _LINK_MAX and s[-1] not in ".。"


def blank(text: str) -> str | None:
    if "\n" not in text:
        return None  # (a one-line passage has no lines around its body)
    for g in _GATE:
        if g in text:
            break
    else:
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
        elif "|" in line and _menu(line):
            cut = True
        elif ("قرأ" in line or "قرا" in line or "Read" in line or "READ" in line) and (
            inline := _INLINE_RE.search(line)
        ):
            if out is None:
                out = lines[:]
            out[i] = line[: inline.start()] + " " * (len(line) - inline.start())
        if cut:
            if out is None:
                out = lines[:]
            out[i] = " " * len(line)
        i += 1
    return None if out is None else "\n".join(out)
