"""Round-33 English facility readers for the wider world (helper en33us; data/README.md rules 33n-33q).

- 33o: a penal colony named by its town, its nickname or its number before or after the bare word "colony" ("the
  Novopolotsk colony", "Homel women's colony", "the “Polar Wolf” colony", "the N9 colony", "colony No. 17"), in a
  text about prisons; "colony" alone is no head (a crown's, an ants' or an artists' colony).
- 33q: a site's quoted nickname given by a naming verb some words after the site's own word ("a repurposed prison in
  Baker County, dubbed "Deportation Depot"", "officials dubbed the new facility the “Deportation Depot”").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from services.enrich import openworld as _ow

if TYPE_CHECKING:
    from services.enrich.openworld import OpenFacility

# (33o) "the Novopolotsk colony", "Homel women's colony", "the “Polar Wolf” colony", "the N9 colony"; the name is
# one to three capitalised words (or "N" and a number) right before "colony", a quote around them allowed
_NAMED_COLONY_RE = re.compile(
    r"(?<![\w’'-])([\"“‘']?)((?:[A-Z][a-z][\w’'-]*[ \u00a0]+){0,2}[A-Z][a-z][\w-]*|N[0-9]{1,2})[\"”’']?"
    r"[ \u00a0]+(?:(?:[Ww]omen[’']?s|[Ff]emale|[Mm]ale|[Mm]en[’']?s|[Jj]uvenile|[Pp]enal|[Cc]orrectional)"
    r"[ \u00a0]+)?[Cc]olony\b")
# (33o) "colony No. 17", "women's colony №4" with no head before the word (a head's number is rule 33n's)
_COLONY_NO_RE = re.compile(r"\b[Cc]olony[ \u00a0]*(?:[Nn]o\.?|Nr\.?|№|#)[ \u00a0]*([0-9]{1,3})(?![0-9])")
# a prison's words around the colony, within 200 characters (a crown's or a bees' colony has none)
_PENAL_WORDS_RE = re.compile(r"\b(?:prisons?|prisoners?|penal|inmates?|convicts?|convicted|sentenced|sentence|"
                             r"jail\w*|detention|detained|custody|incarcerat\w*|imprison\w*|torture\w*|"
                             r"transferred|remand|solitary|punishment[ \u00a0]+cell|regime)\b", re.IGNORECASE)
# the words before "colony" that name no prison: a state's, a people's or a kind's colony, or the head's own words
_NOT_COLONY_NAMES = frozenset((
    "British", "French", "Spanish", "Portuguese", "Dutch", "German", "Italian", "Belgian", "Danish", "Swedish",
    "Greek", "Roman", "Phoenician", "Japanese", "Russian", "Soviet", "Belarusian", "Ukrainian", "American",
    "English", "Crown", "Royal", "Penal", "Correctional", "Penitentiary", "Labour", "Labor", "Corrective",
    "Prison", "Strict", "General", "Special", "Maximum", "High", "Colony", "The", "This", "That", "Its", "His",
    "Her", "Their", "Our", "A", "An", "One", "New", "Old", "Former", "Leper", "Nudist", "Artists", "Artist",
    "Mars", "Martian", "Moon", "Lunar", "Space", "Ant", "Bee", "Bat", "Bird", "Seal", "Penguin", "Gull",
    "Women", "Women's", "Women’s", "Female", "Juvenile", "Settlement", "Strict-regime", "Maximum-security",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Plymouth", "Massachusetts", "Bay", "Virginia", "Cape", "Kenya", "Hong", "Kong", "Aden", "Natal",
))


def _penal_near(text: str, lo: int, hi: int) -> bool:
    return _PENAL_WORDS_RE.search(text, max(0, lo - 200), min(len(text), hi + 200)) is not None


def named_colonies(text: str) -> list[OpenFacility]:
    """(33o) A colony of a prison system named by what is before the bare word (its town, its nickname, "N9") or by
    the number after it, in a text with a word of prisons within 200 characters; a country's, a people's or a
    kind's colony ("a British colony", "the ant colony") and the words of the head itself name none."""
    out: list[OpenFacility] = []
    for m in _NAMED_COLONY_RE.finditer(text):
        ns, name = m.start(2), m.group(2)
        while " " in name or "\u00a0" in name:
            first = re.split("[ \u00a0]", name, maxsplit=1)[0]
            if first not in _NOT_COLONY_NAMES:
                break
            ns += len(first) + 1  # ("The Novopolotsk colony": the sentence's article is no word of the name)
            name = name[len(first) + 1 :]
        if any(w in _NOT_COLONY_NAMES for w in re.split("[ \u00a0]", name)) \
                or not _penal_near(text, m.start(), m.end()):
            continue
        start = m.start() if ns == m.start(2) else ns
        out.append(_ow.OpenFacility(start, m.end(), "prison", name, ns, ns + len(name)))
    for m in _COLONY_NO_RE.finditer(text):
        if not _penal_near(text, m.start(), m.end()):
            continue
        ns = m.start() + 6
        while text[ns] in " \u00a0":
            ns += 1
        out.append(_ow.OpenFacility(m.start(), m.end(1), "prison", text[ns : m.end(1)], ns, m.end(1)))
    return out


# (33q) a naming verb, an optional object ("the new facility", "it") and a quoted capitalised name of one to four
# words; the site's word must stand before the verb in the same sentence (within 90 characters)
_DUBBED_RE = re.compile(
    r"\b(?:dubbed|nicknamed|branded|renamed|christened|called|named)[ \u00a0]+"
    r"(?:(?:it|the[ \u00a0]+(?:new[ \u00a0]+)?"
    r"(?:facility|site|center|centre|prison|jail|camp|expansion|unit))[ \u00a0]+)?"
    r"(?:as[ \u00a0]+)?(?:the[ \u00a0]+)?[\"“‘']((?:[A-Z][\w’'-]*[ \u00a0]+){0,3}[A-Z][\w-]*)[,.]?[\"”’']")
_SITE_WORD_RE = re.compile(r"\b(?:prisons?|jails?|detention|facility|facilities|cent(?:er|re)s?|camps?|lockup|"
                           r"penitentiary|colony|compound|complex)\b", re.IGNORECASE)
_NOT_SITE_NICK_RE = re.compile(r"\b(?:operation|campaign|program|programme|policy|law|bill|act|plan|initiative|"
                               r"strategy|raid|sweep|crackdown|app|film|movie|book|song|show|podcast|series|"
                               # a person or an animal named there ("the centre's director, named "John Smith"")
                               r"director|warden|officers?|guards?|spokes(?:man|woman|person)|man|woman|boy|girl|"
                               r"child|son|daughter|prisoners?|inmates?|detainees?|dog|cat|band|team|choir)\b",
                               re.IGNORECASE)
_NOT_NICK_FIRST = frozenset(("Operation", "Project", "Act", "Bill", "The", "A", "An"))


def dubbed_sites(text: str) -> list[OpenFacility]:
    """(33q) "a repurposed prison in Baker County, dubbed "Deportation Depot"", "officials dubbed the new facility
    the “Deportation Depot”": a quoted capitalised nickname after a naming verb whose sentence names a detention site
    before the verb (within 90 characters, no operation's, law's or work's word between); the nickname is that
    site's name ("an operation dubbed “Midway Blitz”" is none)."""
    out: list[OpenFacility] = []
    for m in _DUBBED_RE.finditer(text):
        lo = max(0, m.start() - 90)
        stop = max(text.rfind(". ", lo, m.start()), text.rfind("\n", lo, m.start()))
        lo = stop + 1 if stop >= 0 else lo
        before = text[lo : m.start()]
        sws = list(_SITE_WORD_RE.finditer(before))
        sw = sws[-1] if sws else None
        if sw is None and _SITE_WORD_RE.search(m.group()) is None:
            continue
        between = before[sw.end() :] if sw is not None else ""
        if _NOT_SITE_NICK_RE.search(between) is not None or _NOT_SITE_NICK_RE.search(m.group(1)) is not None \
                or m.group(1).split()[0] in _NOT_NICK_FIRST:
            continue
        if sw is not None and sw.group().lower().startswith("camp") and _ow.leisure_text(text):
            continue  # ("the summer camp, called “Camp Sunshine”": a leisure camp, rule 27l)
        name, ne = m.group(1), m.end(1)
        if " " in name and name.rsplit(" ", 1)[1].lower() in _ow._NICKNAME_HEADS:
            name = name.rsplit(" ", 1)[0]  # ("Speedway Slammer": the jail's word is the head's, as rule 31b reads it)
            ne = m.start(1) + len(name)
        out.append(_ow.OpenFacility(m.start(1), m.end(1), "prison", name, m.start(1), ne))
    return out


def colonies33_sites(text: str, places: list[Any]) -> list[OpenFacility]:
    """Rules 33n-33q's sites read outside the heads, the cheap substring questions first."""
    out = named_colonies(text) if "olony" in text else []
    if "dubbed" in text or "named" in text or "branded" in text or "called" in text or "christened" in text:
        out.extend(dubbed_sites(text))
    return out
