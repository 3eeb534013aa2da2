"""Round-33 English facility readers for the wider world (helper en33rec; data/README.md rules 33a-33b).

- 33a: an immigration detention site named by its name and the official acronym of its kind after it, with no head
  word: Britain's "Brook House IRC", "the Yarl's Wood IRC", "Morton Hall IRC" (immigration removal centre),
  Australia's "Villawood IDC" (immigration detention centre), "Woomera IRPC" (immigration reception and processing
  centre), "the Nauru RPC", "Manus RPC" (regional processing centre), in a text about detention or asylum.
- 33b: Uganda's refugee settlements named by the word "settlement" alone ("Kyaka II settlement", "the Nakivale
  settlement", "Rwamwanja settlement", "Kyangwalli Settlement"), among refugees' words and in no text about
  Israel's settlements.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from services.enrich import openworld as _ow

if TYPE_CHECKING:
    from services.enrich.openworld import OpenFacility

# (33a) one to three capitalised words (an apostrophe's "Yarl's", a hyphen's "Port-Hedland"), then the acronym
# ("[A-Z](?<!\w[A-Z])": a word's start, written after its first letter so that the search scans for the letter)
_ACRONYM_SITE_RE = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])[a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?"
    r"(?:[ \u00a0]+[A-Z][a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?){0,2}"
    r"(?:[ \u00a0]+(?:II|III|IV|[A-Z]|[0-9]))?"
    r"[ \u00a0]+(?P<acr>IRCs|IDCs|IRC|IDC|IRPC|RPC)(?![\w-])")
# a name coordinated right before a site's name: "Harmondsworth and the adjacent ", "Brook House, "
_COORD_BEFORE_RE = re.compile(
    r"(?P<name>[A-Z](?<![\w'’-][A-Z])[a-z'’]*[a-z](?:[ \u00a0]+[A-Z][a-z'’]*[a-z]){0,2})"
    r"(?P<sep>,[ \u00a0]+|[ \u00a0]+and[ \u00a0]+)(?:the[ \u00a0]+)?"
    r"(?P<mod>(?:adjacent|neighbouring|neighboring|nearby|next-door)[ \u00a0]+)?$")
# the acronym's place in the text: only a text with one of these does a scan for the names
_ACRONYMS = ("IRC", "IDC", "IRPC", "RPC")  # (and the plurals IRCs, IDCs after a coordination of names)
_DETENTION_EN_RE = re.compile(r"\b(?:detain\w*|detention|detainees?|asylum|immigration|deport\w*|removal|"
                              r"refugees?|migrants?|Home\s+Office|Border\s+Force|Home\s+Affairs|offshore|"
                              r"processing|prisons?|jail\w*|inmates?|custody|cent(?:re|er)s?|facilit(?:y|ies)|inspect\w*|HMIP|Serco|G4S|"
                              r"Mitie|Heathrow|Gatwick)\b", re.IGNORECASE)
# capitalised words that open a sentence or a clause and are no word of a site's name ("At Brook House IRC", "In
# Villawood IDC")
_NOT_NAME_WORDS = frozenset(("The", "A", "An", "At", "In", "Into", "To", "From", "Inside", "Outside", "Near", "Of",
                             "On", "For", "By", "With", "And", "Or", "But", "Both", "Each", "This", "That", "These",
                             "Those", "Its", "Their", "His", "Her", "Our", "When", "While", "After", "Before",
                             "Since", "Until", "As", "If", "Then", "Former", "New", "Old", "Detainees", "Detainee",
                             "Staff", "Officers", "Guards", "People", "Men", "Women", "Asylum", "Immigration",
                             "Detention", "Removal", "Regional", "Processing", "Centre", "Center", "Home", "Office",
                             "Australian", "British", "UK", "Australia", "Britain", "England", "Scotland", "Wales",
                             "Government", "Department", "Ministry", "Minister", "Secretary", "Senator", "Mr", "Mrs",
                             "Ms", "Dr", "Inspectorate", "Prisons", "Chief", "Inspector", "Report", "Independent",
                             "Monitoring", "Board", "Visitors", "Group", "Support", "Medical", "Justice",
                             # determiners and ordinals that open a sentence ("Another settlement of Syrian refugees")
                             "Another", "Every", "Some", "Any", "No", "One", "Two", "Three", "First", "Second",
                             "Third", "Last", "Next", "Same", "Such", "Other", "Which", "What", "Whose", "My", "Your",
                             "Nearby", "Neighbouring", "Neighboring", "Existing", "Planned", "Proposed", "Whole",
                             "Entire", "Agricultural", "Further", "Between", "Among", "Amid", "Across", "Like",
                             "More", "Most", "Many", "Several"))


def _name_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The name's span inside the match's words s..e (before the acronym): leading words that open a clause or name
    no site dropped ("At", "The", "Detainees"); None when none is left."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ \u00a0]+", text[s:e])]
    while words and text[s + words[0][0] : s + words[0][1]] in _NOT_NAME_WORDS:
        words.pop(0)
    if not words:
        return None
    return s + words[0][0], s + words[-1][1]


def acronym_sites(text: str) -> list[OpenFacility]:
    """(33a) "Brook House IRC", "Villawood IDC", "Woomera IRPC", "the Nauru RPC": a detention site by its name and
    its kind's acronym, in a text of detention, asylum or migrants (IRC is also the International Rescue Committee:
    not in a text that spells that name out). The name keeps the site's own words only ("Detainees at Brook House
    IRC": Brook House)."""
    detention = _DETENTION_EN_RE.search(text) is not None
    rescue = "Rescue Committee" in text or "RESCUE COMMITTEE" in text
    out: list[OpenFacility] = []
    for m in _ACRONYM_SITE_RE.finditer(text):
        acr = m.group("acr")
        if acr in ("IRC", "RPC", "IRCs") and not detention:
            continue  # (IRC: Internet Relay Chat, "the Libera IRC channel"; RPC: a remote procedure call)
        if acr.startswith("IRC") and rescue:
            continue
        span = _name_span(text, m.start(), m.start("acr"))
        if span is None:
            continue
        ns, ne = span
        plural = acr.endswith("s")
        if not plural:
            out.append(_ow.OpenFacility(ns, m.end("acr"), "prison", text[ns:ne], ns, ne))
        # "both Harmondsworth and the adjacent Colnbrook IRC", "the Harmondsworth and Colnbrook IRCs": the names
        # coordinated before it are sites of the same kind
        lo = ns
        while (c := _COORD_BEFORE_RE.search(text, max(0, lo - 80), lo)) is not None:
            cs = _name_span(text, c.start("name"), c.end("name"))
            if cs is None:
                break
            if not plural and c.group("mod") is None and not text[max(0, cs[0] - 5) : cs[0]].endswith("both "):
                break  # (a singular head: "both X and Y IRC", "X and the adjacent Y IRC" only)
            out.append(_ow.OpenFacility(cs[0], cs[1], "prison", text[cs[0] : cs[1]], cs[0], cs[1]))
            if c.group("sep").strip() != ",":
                if not plural:
                    break
            lo = c.start("name")
        if plural and lo != ns:
            out.append(_ow.OpenFacility(ns, ne, "prison", text[ns:ne], ns, ne))
    return out


# (33b) one or two capitalised words (and a roman numeral: "Kyaka II"), then "settlement" or "Settlement" (one, not
# "settlements": a plural over two names is left to the lists' rules)
_SETTLEMENT_RE = re.compile(
    r"[A-Z](?<![\w'’-][A-Z])[a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?"
    r"(?:[ \u00a0]+[A-Z][a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?)?"
    r"(?:[ \u00a0]+(?:II|III|IV))?"
    r"[ \u00a0]+[Ss]ettlement(?![\w-])")
_CAP_NEXT_RE = re.compile(r"[ \u00a0]+[A-Z]")
_REFUGEES_EN_RE = re.compile(r"\b(?:refugees?|asylum[ \u00a0-]+seekers?|displaced|UNHCR|new[ \u00a0]+arrivals|camps?|"
                             r"relocat\w*|resettle\w*)\b",
                             re.IGNORECASE)
# a text about Israel's or another state's settlers, or a settlement of a dispute: no refugees' settlement
_SETTLERS_RE = re.compile(r"\b(?:[Ss]ettlers?|West[ \u00a0]+Bank|Israel\w*|Jewish|Jerusalem|Golan|[Oo]utposts?|"
                          r"[Cc]olonists?|[Aa]nnex\w*)\b")
# a settlement of a dispute or a payment in the sentence ("the Serco settlement paid to former detainees")
_DISPUTE_RE = re.compile(r"\b(?:paid|payout|compensation|damages|lawsuit|sued|court|out-of-court)\b",
                         re.IGNORECASE)
_NOT_SETTLEMENT_NAMES = frozenset(("Peace", "Final", "Political", "Legal", "Court", "Financial", "Land", "Urban",
                                   "Rural", "Human", "Informal", "Permanent", "Temporary", "Refugee", "Refugees",
                                   "Tented", "Local", "Integrated", "Self-reliance", "Global", "Comprehensive",
                                   "Brexit", "Dayton", "Divorce", "Out-of-court", "Cash", "Pay", "Budget", "Trade",
                                   "Bronze", "Iron", "Stone", "Neolithic", "Roman", "Viking", "Ancient", "Medieval",
                                   "Norse", "Saxon", "Greek", "Early", "Large", "Small", "Largest", "Oldest",
                                   "Uganda", "Uganda's", "Kenya", "Tanzania", "Rwanda", "Ethiopia", "Zambia", "Angola",
                                   "Malawi", "Sudan", "Chad", "Congo", "Congolese", "Sudanese", "South", "North",
                                   "East", "West", "OPM", "Settlement", "Base", "Zone", "Cluster", "Block", "Village",
                                   # a head word of another site's name ("Nyakabande Refugee Transit Camp settlement
                                   # commandant": the camp's officer)
                                   "Camp", "Transit", "Reception", "Centre", "Center", "Site"))


def refugee_settlements(text: str, places: list[Any]) -> list[OpenFacility]:
    """(33b) "Kyaka II settlement", "the Nakivale settlement", "Rwamwanja settlement": a refugee settlement named
    by the word "settlement" alone, among refugees' words within its sentence's reach, in no text of settlers or of a
    dispute's settlement; the name's words are no opener, period, people or common noun ("Peace Settlement",
    "Uganda's settlement", "Bronze Age settlement")."""
    if _SETTLERS_RE.search(text) is not None:
        return []
    out: list[OpenFacility] = []
    for m in _SETTLEMENT_RE.finditer(text):
        hs = text.rfind(" ", m.start(), m.end() - 9)
        span = _name_span(text, m.start(), hs)
        if span is None:
            continue
        ns, ne = span
        title = text[m.end() - 10] == "S"
        if title:
            if _CAP_NEXT_RE.match(text, m.end()) is not None:
                continue  # "Settlement Fact Sheet", "Settlement Camp": a longer title or another head's name
            # a Title Case line's words before the name are no part of it ("Influx Overwhelms Kyangwali
            # Settlement"): the last word (and its numeral) only
            last = text.rfind(" ", ns, ne)
            if last != -1 and text[last + 1 : ne] in ("II", "III", "IV"):
                last = text.rfind(" ", ns, last)
            if last != -1:
                ns = last + 1
        words = text[ns:ne].split()
        if any(w in _NOT_SETTLEMENT_NAMES or w.endswith("ing") for w in words):
            continue
        if text[max(0, ns - 3) : ns] in ("a ", " a", "an ") or text[max(0, ns - 3) : ns].endswith(" a ") \
                or any(p.start <= ns and ne <= p.end for p in places):
            continue  # "Burj el-Barajneh, a Beirut settlement of Palestinian refugees": a place's, no name
        lo, hi = max(0, m.start() - 250), min(len(text), m.end() + 250)
        if _REFUGEES_EN_RE.search(text, lo, hi) is None:
            continue
        a = max(text.rfind(ch, 0, m.start()) for ch in ".!?\n") + 1
        ends = [i for ch in ".!?\n" if (i := text.find(ch, m.end())) != -1]
        if _DISPUTE_RE.search(text, a, min(ends) if ends else len(text)) is not None:
            continue
        out.append(_ow.OpenFacility(ns, m.end(), "camp", text[ns:ne], ns, ne))
    return out


# (33c) a name said to be, or set in apposition to, an immigration removal centre: "Brook House, an immigration
# removal centre (IRC) near Gatwick", "Campsfield House, one of the immigration removal centres it operates", "Yarl's
# Wood is the notorious immigration removal centre for women", "Dungavel House opened as an immigration removal
# centre in 2001" (the head the apposition and copula readers of rules 25p and 32q do not list)
_NAME_WORDS = (r"[A-Z](?<![\w'’-][A-Z])[a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?"
               r"(?:[ \u00a0]+[A-Z][a-z'’]*[a-z](?:-[A-Z]?[a-z]+)?){0,2}")
_REMOVAL_SITE_RE = re.compile(
    r"(?P<name>" + _NAME_WORDS + r")"
    r"(?:,[ \u00a0]+|[ \u00a0]+(?:is|was|remains|has[ \u00a0]+been|opened[ \u00a0]+as|became)[ \u00a0]+)"
    r"(?P<pre>an?|the|one[ \u00a0]+of[ \u00a0]+the)[ \u00a0]+(?P<mods>(?:[a-z'’-]+[ \u00a0]+){0,3}?)"
    r"(?:[Ii]mmigration[ \u00a0]+)?[Rr]emoval[ \u00a0]+[Cc]ent(?:re|er)(?P<pl>s?)(?![\w'’-])"
    # the head ends its phrase ("the removal centre manager", "the removal centre's director": a person)
    r"(?=[ \u00a0]*[,.;:()\n]|[ \u00a0]*$|[ \u00a0]+(?:in|at|near|on|outside|for|where|that|which|run|operated|"
    r"managed|it|they|holding|housing|since|of|with|to|and|was|is|has|had|until|from|by|when|the|its|a|an|we)\b)")
_REMOVAL_NOT_MODS = frozenset(("former", "disused", "defunct", "closed", "new", "proposed", "planned", "future",
                               "second", "another", "other", "of", "and", "with"))


def removal_centres(text: str, places: list[Any]) -> list[OpenFacility]:
    """(33c) A capitalised name before ", a/the/one of the ... (immigration) removal centre(s)" or before "is/was/
    opened as ... removal centre": the site (a singular head after a/the, a plural after "one of the"), not a
    place's name ("Kent, the county's removal centre") and not a former, planned or other site."""
    out: list[OpenFacility] = []
    for m in _REMOVAL_SITE_RE.finditer(text):
        if (m.group("pl") == "s") != m.group("pre").lower().startswith("one"):
            continue
        if any(w in _REMOVAL_NOT_MODS for w in m.group("mods").lower().split()):
            continue
        span = _name_span(text, m.start("name"), m.end("name"))
        if span is None:
            continue
        ns, ne = span
        if any(p.start <= ns and ne <= p.end for p in places):
            continue
        out.append(_ow.OpenFacility(ns, ne, "prison", text[ns:ne], ns, ne))
    return out


def world33_sites(text: str, places: list[Any]) -> list[OpenFacility]:
    """Rules 33a-33c's sites, each asked for only where its literal is in the text."""
    out: list[OpenFacility] = []
    if "IRC" in text or "IDC" in text or "RPC" in text:
        out.extend(acronym_sites(text))
    if "ettlement" in text:
        out.extend(refugee_settlements(text, places))
    if "emoval cent" in text or "EMOVAL CENT" in text:
        out.extend(removal_centres(text, places))
    return out
