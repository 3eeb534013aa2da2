"""Round-32 English facility readers for the wider world (helper en32world; data/README.md rules 32o-32p).

- 32o: Cox's Bazar's camps named by their number in the forms outlets print beside "Camp 17" and "Camp No. 9":
  lower-case "camp 17", a hyphen ("Camp-17", "camp-3", "mega camp-20"), "camp number 17", "Camp no-9", a letter
  after a hyphen ("Camp No. 8-W"), among refugees' words.
- 32p: Russia's penitentiary acronyms with their number ("SIZO-2 in Taganrog", "the IK-6 colony", "LIU-17"), each
  one named prison, read bare in a text about prisons.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from services.enrich import openworld as _ow

if TYPE_CHECKING:
    from services.enrich.openworld import OpenFacility

# (32o) "camp 17", "Camp-17", "camp-3", "camp number 17", "camp No 16", "Camp no-9", "Camp No. 8-W", "camp 5D"
# ("[Cc](?<!\w[Cc])": a "\b" before the C, written after it so that the search scans for the letter first, perf32)
_CAMP_NUM_RE = re.compile(r"[Cc](?<!\w[Cc])amp(?:[ \u00a0]+(?:[Nn]o\.?|[Nn]umber)[ \u00a0]*-?[ \u00a0]*|"
                          r"[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)([0-9]{1,2}(?:-?[A-Z](?![a-z]))?)"
                          r"(?![0-9]|[.,][0-9]|[\w-])")
_DISPLACED_RE = re.compile(r"\b(?:refugees?|displaced|Rohingyas?|asylum|tents?|shelters?|shanties)\b")
_SCOUTS_RE = re.compile(r"\b(?:[Ss]couts?|[Ss]couting|[Jj]amboree|[Cc]ampers)\b")
# a lower-case word after the number that lets it be a name ("camp 17 in Ukhiya", "camp-3 where"), not a count
# ("camp 20 families", "camp 5 km away")
_AFTER_OK = frozenset(("in", "of", "at", "near", "and", "or", "on", "where", "which", "from", "to", "under", "was",
                       "were", "is", "has", "had", "after", "before", "during", "since", "with", "for", "block",
                       "blocks", "area", "said", "told", "early", "late", "last", "on", "around", "when", "while"))
_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([A-Za-z]+)")
# "camp 17 in the Kutupalong camp": a section of a named camp (rule 29c), unless the camp after "of" is only
# "the Rohingya refugee camp" (no name)
_SECTION_RE = re.compile(r"(?:,?\s+(?:one|a|the)\s+(?:section|part|block|sector|zone)s?)?"
                         r"\s+(?:of|in|at)\s+(?:the\s+)?([^.;:\n]{0,40}?)\bcamps?\b")
_GENERIC_CAP = frozenset(("Rohingya", "Rohingyas", "Refugee", "Rohingya's", "The", "Extension", "Mega", "Camp"))


def numbered_camps_en(text: str, known: list[tuple[int, int]]) -> list[OpenFacility]:
    """(32o) Numbered camps among refugees' words in the forms "Camp 17" (rule 29c) and "Camp No. 9" (rule 29k)
    did not read: lower-case or hyphenated heads, "number", "no-9", "8-W". `known` are the spans of the facilities
    already read: a number right before "of/in/at" one of them is that camp's section ("camp number 17 of
    Kutupalong"), as one before "the Kutupalong camp" is."""
    out: list[OpenFacility] = []
    for m in _CAMP_NUM_RE.finditer(text):
        e = m.end(1)
        lo, hi = max(0, m.start() - 160), min(len(text), e + 160)
        if _DISPLACED_RE.search(text, lo, hi) is None or _SCOUTS_RE.search(text, lo, hi) is not None:
            continue
        if text.startswith(("km", "%", " km", " per", " %"), e):
            continue
        if (w := _NEXT_WORD_RE.match(text, e)) is not None and w.group(1).islower() \
                and w.group(1) not in _AFTER_OK:
            continue  # "camp 20 families": a count
        if (s := _SECTION_RE.match(text, e)) is not None \
                and any(t[:1].isupper() and t.strip("'’,") not in _GENERIC_CAP for t in s.group(1).split()):
            continue  # "Camp 5 of the Kutupalong refugee camp": the named camp's section
        if (s2 := re.match(r"\s+(?:of|in|at)\s+(?:the\s+)?", text[e : e + 12])) is not None \
                and any(a == e + s2.end() for a, _ in known):
            continue  # "camp number 17 of Kutupalong": a known or read camp's section
        name = m.group(1).replace("-", "")
        out.append(_ow.OpenFacility(m.start(), e, "camp", name, m.start(1), e))
    return out


# (32p) "SIZO-2", "IK-6", "IK 2", "LIU-17", "SIZO No. 1": one Russian pre-trial centre, colony or colony hospital
_PENAL_ACRONYM_RE = re.compile(r"\b((?:SIZO|IK|LIU)(?:-|[ \u00a0]+No\.?[ \u00a0]*|[ \u00a0]?)[0-9]{1,3})(?![0-9\w-])")
_PRISON_WORDS_RE = re.compile(r"\b(?:prisons?|prisoners?|colon(?:y|ies)|detention|detain\w*|inmates?|jail\w*|"
                              r"convicts?|convicted|penitentiary|custody|incarcerat\w*|imprison\w*|torture\w*|"
                              r"sentenced|transferred|cells?|remand)\b", re.IGNORECASE)


def penal_acronyms(text: str, known: list[tuple[int, int]] | None = None) -> list[OpenFacility]:
    """(32p) Russia's prisons are named by an acronym and a number ("SIZO-2 in Taganrog", "transferred to IK-6",
    "Taganrog SIZO-2"), with no head word; in a text with a word of prisons or detention each is an open-world
    prison (as "IK-2 penal colony" is, rule 25k)."""
    if _PRISON_WORDS_RE.search(text) is None:
        return []
    out: list[OpenFacility] = []
    ends = {e for _, e in known or ()}
    glossed = {m.group(1) for m in _PENAL_ACRONYM_RE.finditer(text)
               if text[m.start(1) - 1 : m.start(1)] == "(" and (m.start(1) - 1 in ends or m.start(1) - 2 in ends)}
    for m in _PENAL_ACRONYM_RE.finditer(text):
        if m.group(1) in glossed:
            continue  # "Correctional colony No.9 (IK-9) ... prisoner IK-9": the site read before, in its other name
        raw = m.group(1)
        pre = "SIZO" if raw.startswith("SIZO") else ("LIU" if raw.startswith("LIU") else "IK")
        name = pre + "-" + "".join(c for c in raw if c.isdigit())
        out.append(_ow.OpenFacility(m.start(1), m.end(1), "prison", name, m.start(1), m.end(1)))
    return out


def world32_sites(text: str, known: list[tuple[int, int]], places: list[Any]) -> list[OpenFacility]:
    """Rules 32o-32q's sites, the cheap substring questions first."""
    out = numbered_camps_en(text, known) if ("camp" in text or "Camp" in text) else []
    if "camp" not in text and "Camp" not in text and "rison" not in text and "etention" not in text \
            and "ail" not in text and "olon" not in text and "enitentiar" not in text and "ettlement" not in text \
            and "IK" not in text and "SIZO" not in text and "LIU" not in text and "oC" not in text \
            and "OC" not in text and "rotection of" not in text:
        return out
    if "IK" in text or "SIZO" in text or "LIU" in text:
        out.extend(penal_acronyms(text, known))
    out.extend(copular_sites(text, places))
    out.extend(poc_and_island_sites(text))
    return out


def agency_trimmed(text: str, of: OpenFacility, people: list[Any]) -> OpenFacility | None:
    """(32p) "the ICE Delaney Hall Detention Center", "the CBP Ursula Processing Center": an agency's acronym (an
    actor, all capitals) before the capitalised name is the site's runner, no word of its name; the name is the rest
    (as "ICE's Adelanto ICE Processing Center" already was). None when no such acronym opens the name."""
    for p in people:
        if p.start == of.name_start and p.end < of.name_end and 2 <= p.end - p.start <= 5 \
                and text[p.start : p.end].isalpha() and text[p.start : p.end].isupper() \
                and text[p.end : p.end + 1] in (" ", "\u00a0") and text[p.end + 1 : p.end + 2].isupper():
            ns = p.end + 1
            if any(q.start < of.name_end and ns < q.end for q in people):
                return None
            return _ow.OpenFacility(ns, of.end, of.kind, text[ns : of.name_end], ns, of.name_end)
    return None


# (32q) "Mae La is a refugee camp in Thailand", "Delaney Hall is a 1,000-bed immigrant detention facility in Newark",
# "Mae La (alternatively spelled Maela) is the largest refugee camp for Burmese": a sentence that opens on a
# capitalised name and says what it is, a camp or a prison (the copula's form of the apposition, rule 25p)
_COPULA_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:Although|Though|While|Because|Since|As|If)\s+)?"
    r"((?:(?:[Aa]l|[Ee]l)[-‐‑ ])?[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+){0,2})"
    r"(?:\s+\([^()\n]{1,50}\))?\s+(?:is|was|remains|has\s+been)\s+(?P<pre>the|an?|one\s+of\s+the)\s+"
    r"(?P<mods>(?:[\w'’,.-]+\s+){0,4}?)"
    r"(?P<head>(?:refugee\s+|displacement\s+|IDP\s+|displaced\s+persons\s+|migrant\s+)?camps?|prisons?|jails?|"
    r"refugee\s+settlements?|"
    r"detention\s+(?:centres?|centers?|facilit(?:y|ies)|camps?)|penal\s+colon(?:y|ies)|penitentiary|"
    r"(?:immigration|immigrant|migrant)\s+(?:detention\s+)?(?:centres?|centers?|facilit(?:y|ies)|jails?))"
    r"(?=\s+(?:in|at|near|on|for|along|outside|run|located|known|built|holding|housing|that|which|where|of)\b"
    r"|\s*[,.;:)\n]|\s*$)", re.M)
_COPULA_NOT_MODS = frozenset(("open-air", "open", "giant", "big", "huge", "vast", "outdoor", "training", "military",
                              "army", "base", "boot", "summer", "holiday", "scout", "sports", "political", "peace",
                              "rival", "opposing", "former", "virtual", "real", "literal", "metaphorical", "like",
                              "cage", "mental", "own", "new", "war"))
_COPULA_NOT_SUBJ = frozenset(("The", "This", "That", "It", "He", "She", "They", "There", "Here", "What", "Which",
                              "Who", "Life", "Gaza", "Home", "Today", "Now"))


# (perf) where _COPULA_RE can start: the text's start, after a newline, or after [.!?] and a whitespace character
_COPULA_START_RE = re.compile(r"\n|[.!?]\s")
# (perf32b) the same starts, only those where the match's first character can stand (_COPULA_FIRST): the set of
# _COPULA_START_RE's ends is every position after a newline or after [.!?] and a whitespace character (no match of
# it can swallow another's first character), and a lookahead consumes nothing, so these ends are that set's
# positions followed by such a character
_COPULA_OPEN_RE = re.compile(r"(?:\n|[.!?]\s)(?=[A-Zae])")
# (perf32b) the characters _COPULA_RE's match can open on: its conjunctions' and its name's capital ([A-Z], not
# IGNORECASE: ASCII only) or the "al"/"el" of "al-Hol", "el-Hol"
_COPULA_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZae")


def copula_matches(text: str) -> list[re.Match[str]]:
    """_COPULA_RE.finditer(text), tried only where it can start (its opening alternation: the text's start, a line's
    start, a sentence's start after [.!?] and a whitespace) instead of at every position: the same matches."""
    out: list[re.Match[str]] = []
    last = 0
    match = _COPULA_RE.match
    # (perf32b: only the starts whose next character can open the match, _COPULA_OPEN_RE and _COPULA_FIRST; half of
    # _COPULA_START_RE's were blank lines' newlines)
    starts = [k.end() for k in _COPULA_OPEN_RE.finditer(text)]
    for p in ((0, *starts) if text[:1] in _COPULA_FIRST else starts):
        if p < last:
            continue
        m = match(text, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def copular_sites(text: str, places: list[Any]) -> list[OpenFacility]:
    """(32q) A sentence's first name said to be a camp or a prison ("Mae La is a refugee camp in Thailand"), not a
    place's name (a town said to be "a prison" is a metaphor or the town's prison: "Gaza is an open-air prison"),
    not a pronoun or a sentence's opening word, not a metaphor's or another sense's modifier ("a training camp",
    "the opposing camp"), not a plural after "the"/"a"."""
    if " is " not in text and " was " not in text and " remains " not in text and " has been " not in text:
        return []
    out: list[OpenFacility] = []
    for m in copula_matches(text):
        s, e = m.start(1), m.end(1)
        name = m.group(1)
        if name.split()[0].split("-")[0] in _COPULA_NOT_SUBJ:
            continue
        if any(p.start < e and s < p.end for p in places):
            continue  # "Gaza is an open-air prison", "Jena is a town with an ICE prison": a place
        mods = m.group("mods").lower().replace(",", " ").split()
        if any(w in _COPULA_NOT_MODS for w in mods) or "of" in mods or "and" in mods or "with" in mods:
            continue  # ("the largest city of the camps", "a town with a camp": the head is not the predicate's)
        head = m.group("head")
        if head.endswith("s") and not head.endswith(("ss", "ies")) and m.group("pre")[:3] != "one":
            continue
        if head.endswith("ies") and m.group("pre")[:3] != "one":
            continue
        kind = "camp" if "camp" in head or "settlement" in head else "prison"
        out.append(_ow.OpenFacility(s, e, kind, name, s, e))
    return out


# (32q) South Sudan's UN camps by the base's town: "the UN Protection of Civilians (PoC) Site in Malakal", "the
# Protection of Civilians (PoC) site in Malakal", "the Malakal UN Protection of Civilians (PoC) site", "the PoC site
# at Bentiu" (a PoC site is named by its town and nothing else)
_POC_HEAD = (r"(?:(?:[Pp]rotection|PROTECTION)\s+[Oo][Ff]\s+(?:[Cc]ivilians?|CIVILIANS?)(?:\s+\((?:PoC|POC)\))?"
             r"\s+(?:[Ss]ites?|SITES?)(?:\s+\((?:PoC|POC)\))?|(?:PoC|POC)\s+[Ss]ites?)")
_POC_IN_RE = re.compile(r"\b(?:UN\s+)?" + _POC_HEAD + r"\s+(?:in|at)\s+([A-Z][a-z]+)\b")
_POC_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:UN\s+)" + _POC_HEAD)
# (32q) a detention site on an island named as the island: "the detention centre on Christmas Island", "the
# immigration detention centre on the Australian territory of Christmas Island", "the facility on the remote outpost
# of Christmas Island" (the island's name ends in "Island": "the camp on Lesbos" stays a camp on Lesbos)
_ON_ISLAND_RE = re.compile(
    r"\b(?P<head>(?:immigration\s+|migrant\s+)?detention\s+(?:centre|center|facility|camp)|prison|jail|camp|"
    r"facility|centre|center)\s+on\s+(?:the\s+(?:[a-z-]+\s+){0,2}(?:[A-Z][a-z]+\s+)?(?:territory|outpost|island)"
    r"\s+of\s+)?((?:[A-Z][a-z]+\s+){1,2}Island)\b")
_ISLAND_DETENTION_RE = re.compile(r"\b(?:detain\w*|detention|asylum|refugees?|inmates?|prisoners?|migrants?|"
                                  r"deport\w*)\b", re.IGNORECASE)


def poc_and_island_sites(text: str) -> list[OpenFacility]:
    """(32q) A UN protection site named by its town after "in"/"at" or before "UN", and a detention site named by
    the island it stands on, in a text about detention or asylum for the bare heads ("the facility on ...")."""
    out: list[OpenFacility] = []
    if "oC" in text or "OC" in text or "rotection of" in text or "ROTECTION" in text:
        for m in _POC_IN_RE.finditer(text):
            out.append(_ow.OpenFacility(m.start(), m.end(1), "camp", m.group(1), m.start(1), m.end(1)))
        for m in _POC_BEFORE_RE.finditer(text):
            if m.group(1) not in ("The", "A", "An", "At", "In", "On", "Its", "This"):
                out.append(_ow.OpenFacility(m.start(), m.end(), "camp", m.group(1), m.start(1), m.end(1)))
    if "Island" in text:
        for m in _ON_ISLAND_RE.finditer(text):
            head = m.group("head")
            if head in ("facility", "centre", "center", "camp", "prison", "jail") \
                    and _ISLAND_DETENTION_RE.search(text) is None:
                continue
            kind = "camp" if head == "camp" or head.endswith("camp") else "prison"
            out.append(_ow.OpenFacility(m.start(), m.end(2), kind, m.group(2), m.start(2), m.end(2)))
    return out
