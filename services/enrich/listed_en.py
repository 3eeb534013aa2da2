"""Villages the gazetteer lacks, named in an English list with the places it knows (data/README.md rule 26t).

"Regime artillery shelled Kafr Nabl, Hass, Maarat al-Numan and Kansafra": Kafr Nabl and Maarat al-Numan are known
towns, so Hass and Kansafra, listed with them, are villages too (open world). The English twin of rule 26n's Arabic
lists (places.listed_open_places). A list is a chain of members joined by ", ", " and " or ", and "; a member is a run
of one to three capitalised words (with the Arabic particles al-, el-, Abu ... before a capital); a list names its
unknown members as places only where two of its members are known places (no country, no province: "Syria, Iraq and
Jordan" anchors nothing), and a member is none that is a word of the sentence (a day, a month, a weekday, a function
word at a sentence's start), an organisation's, a facility's or a feature's name ("Military Council", "Dam"), a
person's or an actor's name (the scanner's actor candidates), a possessive ("Assad's"), or an acronym.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from services.enrich.geonames import FULL_COUNTRIES, NEIGHBOURS

# one capitalised word: an optional Arabic particle glued by a hyphen or an apostrophe ("al-Numan", "ad-Dana"), or
# "Abu"/"Umm"/"Bin" as a word of their own (they are capitalised: the plain word pattern reads them)
_TOKEN = r"(?:(?:al|el|an|ad|ar|as|ash|at|az|ez|es|ed|en|ul)[\-'’])?[A-Z][A-Za-z'’\-]*[A-Za-z]|[A-Z]"
_TOKEN_RE = re.compile(_TOKEN)
# a run of name tokens joined by single spaces (maximal: a fourth word makes it no member)
_RUN_RE = re.compile(rf"(?<![\w'’\-])(?:{_TOKEN})(?: (?:{_TOKEN}))*(?![\w'’\-])")
_JOINTS = (", ", " and ", ", and ")
# the words before a list that make it a list of places with one known town in it ("clashes in Tal Tamr, Abu Rasin
# and Zirgan", "the villages Hass, Kansafra and Kafr Nabl")
_PLACE_LEAD_RE = re.compile(r"(?i:\b(?:in|near|around|towards?|between|villages|towns|hamlets|villages of|towns of)"
                            r"|\b(?-i:shelled|struck|hit|raided|stormed|bombed|captured|seized|entered))[ ]$")

# words that make a member no village: organisations, facilities, features, titles, and the words a sentence opens with
_NOT_VILLAGE = frozenset(w.lower() for w in (
    "Army", "Forces", "Force", "Front", "Brigade", "Brigades", "Battalion", "Division", "Council", "Councils",
    "Ministry", "Government", "Party", "Movement", "Organization", "Organisation", "Committee", "Commission", "Agency",
    "Office", "Authority", "Administration", "Union", "League", "Group", "Network", "Company", "Bank", "Court",
    "University", "School", "College", "Hospital", "Clinic", "Mosque", "Church", "Street", "Road", "Highway",
    "Square", "Bridge", "Airport", "Airbase", "Base", "Port", "Station", "Dam", "River", "Lake", "Sea", "Valley",
    "Plain", "Plains", "Mountain", "Mountains", "Mount", "Hills", "Desert", "Camp", "Camps", "Prison", "Prisons",
    "Jail", "Centre", "Center", "Branch", "Province", "Provinces", "Governorate", "Governorates", "District",
    "Districts", "Region", "Regions", "Countryside", "City", "Cities", "Town", "Towns", "Village", "Villages",
    "Crossing", "Checkpoint", "Field", "Fields", "Oilfield", "Museum", "Stadium", "Club", "Hotel", "Market",
    "State", "States", "Kingdom", "Republic", "Emirate", "Caliphate", "Nations", "Cross", "Crescent",
    "President", "Minister", "Prime", "General", "Sheikh", "King", "Prince", "Queen", "Mr", "Mrs", "Ms", "Dr",
    "Sir", "Lord", "Colonel", "Captain", "Commander", "Governor", "Mayor", "Imam", "Pope", "Saint", "St",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "He", "She", "It", "They", "We", "I", "You",
    "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "Nor", "Yet", "So", "However",
    "Meanwhile", "Also", "In", "On", "At", "From", "To", "For", "With", "By", "After", "Before", "During", "While",
    "When", "Since", "Until", "As", "If", "Of", "Both", "All", "Some", "Many", "Most", "Other", "Others", "Several",
    "Each", "Every", "No", "Not", "Now", "Then", "Today", "Yesterday", "Tomorrow", "Last", "Next", "First",
    "Second", "Third", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Old", "New", "Greater", "Christians", "Muslims", "Kurds", "Arabs", "Yazidis", "Yezidis",
    "Sunnis", "Shias", "Shiites", "Alawites", "Druze", "Turkmen", "Assyrians", "Armenians", "Bedouins",
    "Palestinians", "Israelis", "Syrians", "Iraqis", "Lebanese", "Jordanians", "Turks", "Iranians", "Russians",
    "Americans", "Europeans", "Reuters", "Twitter", "Facebook", "Telegram", "Islam", "Allah", "God",
))


_IN_PLACE_RE = re.compile(r" in (?:the )?(?:(?:northern|southern|eastern|western|north-western|north-eastern"
                          r"|south-western|south-eastern|northwestern|northeastern|southwestern|southeastern|rural"
                          r"|central|eastern|western) )?")
# a comma before a name (a list's joint): the sentences without one hold no list (the regex opens with a literal)
_COMMA_CAP_RE = re.compile(r", (?:and )?(?:(?:al|el|an|ad|ar|as|ash|at|az|ez|es|ed|en|ul)[\-'’])?[A-Z]")
_QUARTERS = (" neighbourhood", " neighborhood", " quarter", " district", " suburb")
_LEADS = ("In ", "On ", "At ", "From ", "Near ", "Around ", "And ", "But ", "The ", "Then ", "Also ")


def _runs(text: str, lo: int, hi: int) -> Iterable[tuple[int, int]]:
    """The runs of capitalised words, a sentence's capitalised first word dropped ("In Tal Tamr, ...")."""
    for m in _RUN_RE.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if text.startswith(_LEADS, s):
            s = text.index(" ", s) + 1
        yield s, e


def _member_ok(text: str, s: int, e: int, stop: frozenset[str]) -> bool:
    """A run that may be a village's name: one to three words, none of them a word that makes it no village, no
    acronym (two capitals or more), no possessive, no given name first (a person: "Ahmed al-Sharaa")."""
    words = text[s:e].split(" ")
    if len(words) > 3 or words[0].lower() in stop:
        return False
    for w in words:
        if len(w) >= 2 and w.isupper():
            return False  # an acronym: "SDF", "UN", "IS"
        core = w.split("-")[-1] if w[:3].lower() in ("al-", "el-") else w
        if core.lower() in _NOT_VILLAGE or w.lower() in _NOT_VILLAGE:
            return False
    last = words[-1]
    return not last.endswith(("'s", "’s", "s'", "s’"))


_RUN_END_RE = re.compile(rf"(?:{_TOKEN})(?: (?:{_TOKEN})){{0,2}}$")


def members_before(text: str, s: int, stop: frozenset[str]) -> list[tuple[int, int]]:
    """The members of a list that ends with the name at `s` before a plural cue ("Sarman and Qatrah villages",
    "Kafr Nabl, Hass and Kansafra towns"; rule 26u): read back over the joints (one " and " at most, the list's
    last), each a run of one to three capitalised words that _member_ok takes and no stop word opens."""
    out: list[tuple[int, int]] = []
    anded = False
    for _ in range(6):
        joint = next((j for j in (", and ", " and ", ", ") if text.startswith(j, s - len(j))), None)
        if joint is None or (anded and "and" in joint):
            break
        anded = anded or "and" in joint
        e = s - len(joint)
        m = _RUN_END_RE.search(text, max(0, e - 60), e)
        if m is None or (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'’")):
            break
        a = m.start()
        if text.startswith(_LEADS, a):
            a = text.index(" ", a) + 1  # a sentence's first word: "In Sarman and ..." is no member's
            if a >= e:
                break
        if text[a:e].split(" ", 1)[0] in stop or not _member_ok(text, a, e, _NOT_VILLAGE):
            break
        out.append((a, e))
        s = a
    return out


def listed_english(text: str, known: list[tuple[int, int]], anchors: list[tuple[int, int]], taken: bytearray,
                   others: list[tuple[int, int]], found: list[tuple[int, int, str]],
                   stop: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The unknown members of English lists that hold two known places (rule 26t). known: the spans of every place
    read (countries and provinces too: none of them is a village); anchors: the spans of the known towns and
    villages (no country, province or open-world place); taken: the facilities' characters; others: the spans a
    member may not overlap (the scanner's actor candidates); found: the open-world places found so far; stop: the
    given names (engine_rules given_names), lower case. One known town is enough where a place's preposition, a
    plural village word or a verb of attack opens the list (_PLACE_LEAD_RE) and the list holds three members."""
    if not known:
        return []
    out: list[tuple[int, int, str]] = []
    starts = {s: e for s, e in known}
    anchor_set = set(anchors)
    starts_set = set(known)
    # the lists worth reading sit around the anchors: scan each sentence holding one, once
    seen_lo = -1
    # (the offsets of every ". ", found once: a text that has few, or none, was read to its end from each sentence)
    dots: list[int] = []
    k = text.find(". ")
    while k != -1:
        dots.append(k)
        k = text.find(". ", k + 2)
    # (where _COMMA_CAP_RE matches, found once: a match holds no "." and no line break, so the sentence [lo, hi)
    # holds one where a match opens in it)
    caps = [m.start() for m in _COMMA_CAP_RE.finditer(text)]
    if not caps:
        return out  # (no comma before a capitalised word: no list of names)
    n_dots, n_caps, end_ = len(dots), len(caps), len(text)
    for a, _b in sorted(known):
        if a < seen_lo:
            continue
        i = bisect_right(dots, a - 2)  # (text.rfind(". ", 0, a): the last ". " that ends by a)
        lo = text.rfind("\n", 0, a)
        if i and dots[i - 1] > lo:
            lo = dots[i - 1]
        lo += 1
        hi = end_
        j = bisect_left(dots, a, i)  # (text.find(". ", a))
        if j < n_dots:
            hi = dots[j]
        hi_nl = text.find("\n", a)
        if hi_nl != -1 and hi_nl < hi:
            hi = hi_nl
        seen_lo = hi
        k = bisect_left(caps, lo)
        if k == n_caps or caps[k] >= hi:
            continue  # (no comma before a capitalised word: no list of names; most sentences)
        runs = list(_runs(text, lo, hi))
        # chain the runs joined by a list joint
        chain: list[tuple[int, int]] = []
        chains: list[list[tuple[int, int]]] = []
        closed = False
        for s, e in runs:
            if chain and not closed and text[chain[-1][1] : s] in _JOINTS:
                closed = text[chain[-1][1] : s] != ", "
                chain.append((s, e))
            else:
                if len(chain) >= 3:
                    chains.append(chain)
                chain, closed = [(s, e)], False
        if len(chain) >= 3:
            chains.append(chain)
        for ch in chains:
            if text.startswith(_QUARTERS, ch[-1][1]):
                continue  # "the Kafr Sousa, Mezzeh and Qaboun neighbourhoods": a city's quarters (rule 4)
            if any(text[s:e].split(" ", 1)[0].lower() in stop for s, e in ch):
                continue  # a person in the list ("Ahmed al-Sharaa, Mazloum Abdi and ..."): a list of people
            n_anchor = sum(1 for m in ch if m in anchor_set)
            # (a country or a province in the chain makes it an address, "Baghdad, Iraq, Feb. 12": two towns needed)
            address = any(m in starts_set and m not in anchor_set for m in ch)
            lead = _PLACE_LEAD_RE.search(text, max(0, ch[0][0] - 16), ch[0][0]) is not None
            # "raked al-Ruwaiha, Deir Sunbul and Kafr Owaid in Idlib's southern countryside": three members or more
            # and a known place right after "in" (rule 26t)
            tail = _IN_PLACE_RE.match(text, ch[-1][1])
            placed = tail is not None and len(ch) >= 3 and tail.end() in starts
            if n_anchor < 2 and not (n_anchor == 1 and not address and lead) and not (not address and placed):
                continue
            for s, e in ch:
                if (s, e) in anchor_set or not _member_ok(text, s, e, stop):
                    continue
                if s in starts or any(x < e and s < y for x, y in known) or taken.find(1, s, e) != -1 \
                        or any(x < e and s < y for x, y in others) \
                        or any(x < e and s < y for x, y, _n in found) or any(x < e and s < y for x, y, _n in out):
                    continue
                out.append((s, e, text[s:e]))
    return out


# the countries whose villages are places (rule 4: Syria, Iraq and the neighbours)
SCOPE = frozenset(FULL_COUNTRIES + NEIGHBOURS)  # (the countries geonames.py loads for rule 4)

# "Tuba, a Palestinian hamlet in the South Hebron Hills", "Maaysra, a mostly Shiite village": a name, a comma and an
# indefinite village word with at most four words between, the word followed by what closes a noun phrase (no "a
# town councillor", "a village elder")
_APPOSED_RE = re.compile(
    r", an? (?:(?!(?:from|of|in|the|at|on|near|with|who|whose|which|that"
    r"|for|to|and|or|by|as|his|her|their|its) )[\w'’\-]+ ){0,4}?(?:village|town|hamlet|township)"
    r"(?=[,.;:)]| (?:in|of|near|on|north|south|east|west|outside|about|some|just|close|where|that|which|with|known"
    r"|home|at|by|along|across|between|bordering|overlooking|located|situated|to|far|\d))")


def apposed_villages(text: str, known: list[tuple[int, int]], taken: bytearray, others: list[tuple[int, int]],
                     found: list[tuple[int, int, str]], stop: frozenset[str] = frozenset()
                     ) -> list[tuple[int, int, str]]:
    """Names the gazetteer lacks described by an apposition as a village or a town (rule 26t), in a text that names
    a place in scope (rule 4: `in_scope`, the caller's test)."""
    out: list[tuple[int, int, str]] = []
    for m in _APPOSED_RE.finditer(text):  # (the pattern opens with ", a": a literal the regex engine skips to)
        e = m.start()
        # the name: the run of capitalised words that ends at the comma
        s = -1
        for r in _RUN_RE.finditer(text, max(0, e - 80), e):
            if r.end() == e:
                s = r.start()
        if s < 0:
            continue
        if text.startswith(_LEADS, s):
            s = text.index(" ", s) + 1
        if not _member_ok(text, s, e, stop) or taken.find(1, s, e) != -1 \
                or any(x < e and s < y for x, y in known) or any(x < e and s < y for x, y in others) \
                or any(x < e and s < y for x, y, _n in found):
            continue
        out.append((s, e, text[s:e]))
    return out
