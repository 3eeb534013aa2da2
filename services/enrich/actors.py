"""Actors an alias list cannot name (data/README.md rules 12-13), as pure functions over one text.

- A state body named by an institution word and a nationality (`وزارة العدل العراقية`, "Turkish drones"):
  institutions.py.
- A country or capital acting ("Turkey shelled", "أعلنت بغداد") is its state's actor; the place stays.
- A group name spelled with its letters split or a letter replaced (`د1عش`, `د ا ع ش`) is the group.

The words and maps are data (data/state_actors.yaml, validated by gazetteer.StateActorsRec), compiled once by
state_rules.compile_state (imported here for the gazetteer); `state_mentions` applies them to the mentions the
engine already found.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import accumulate
from operator import attrgetter
from typing import Any

from services.enrich.context_actors import arabic_letter, context_actors
from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.institutions import institution_actors
from services.enrich.normalize import fold
from services.enrich.output import actor
from services.enrich.scouts import TEXT_GATE, match_starts, text_gates
from services.enrich.senses import has_section_word, national_section
from services.enrich.state_rules import AR_LETTER, LONG_AGO, StateRules, actor_of, day, former_at, strip_ar
from services.enrich.state_rules import compile_state as compile_state  # the gazetteer loads the rules by it
from shared.annotation import ActorMention, FacilityMention, PlaceMention

# the words state_mentions and name_collisions ask the whole text for: scouts.TEXT_GATES's bits
_T_GOVERNMENTS = TEXT_GATE["حكومت"]
_T_ATTACK_AR = TEXT_GATE["هجم"] | TEXT_GATE["هجو"] | TEXT_GATE["تفجير"] | TEXT_GATE["اعتداء"]
_T_DETERRENCE = TEXT_GATE["eterrence"] | TEXT_GATE["ETERRENCE"]
_T_REPORTERS = TEXT_GATE["eporters"]

_PREPS_EN = frozenset(("in", "into", "from", "to", "near", "across", "of", "inside", "at", "between", "with", "for",
                       "by", "toward", "towards", "via", "through", "against", "on", "over", "outside", "within",
                       "around", "throughout", "about", "like", "than", "under"))
# `ما زالت` / `لا تزال` (still) between a country and its verb: skipped as English "still" is (rule 26f)
_STILL_AR = frozenset({"زالت", "زال", "تزال", "يزال", "مازالت", "مازال", "ماتزال", "مايزال"})
_NEG_AR = frozenset({"ما", "لا"})
_QAD_AR = frozenset({"قد", "لقد"})  # the particle between a subject and its past verb (`كانت إسرائيل قد لوّحت`)
# the particles of negation that only a verb follows, in the jussive or subjunctive (`بغداد لم تستجب`, `ولم تحدد
# طهران`): the word after them is a verb whatever the list of verbs holds (actor26ar, rule 28m)
_JUSSIVE_NEG_AR = frozenset({"لم", "ولم", "فلم", "لن", "ولن", "فلن"})
_JUSSIVE_NEG_AFTER_AR = frozenset({"لم", "لن"})  # after the name: not `ولم`, a clause of its own (`... بغداد ولم تره
# العائلة`: the family is the subject)
# verbs of being, becoming, returning and undergoing after the particle: what befalls the place, no act of the state
# (`دمشق لن تعود إلى تلك الحقبة`, `سوريا لم تعد`, `لم تشهد بغداد`)
_NEG_UNDERGO_AR = frozenset({"تعد", "يعد", "تعود", "يعود", "تكن", "يكن", "تكون", "يكون", "تبق", "يبق", "تبقي", "يبقي",
                             "تصبح", "يصبح", "تشهد", "يشهد", "تعرف", "يعرف", "تنج", "ينج", "تسلم", "يسلم", "تخل", "يخل",
                             "تزل", "يزل", "تزال", "يزال", "تتاثر", "يتاثر", "تتعرض", "يتعرض", "تشف", "يشف"})
# directions between a preposition and a country (`في شمال غرب سوريا`, `بشمال شرقي سوريا`): the country is located
# there as after the preposition itself, no subject of the verb that follows (rule 13; actor26ar, rule 28m)
_DIRECTIONS_AR = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "اقصي",
                            "الشمال", "الجنوب", "الشرق", "الغرب"})
_PREPS_AR = frozenset(("في", "من", "الي", "علي", "عن", "مع", "داخل", "نحو", "حتي", "بين", "ضد", "الا", "قرب", "عبر",
                       "لدي", "عند", "تجاه", "باتجاه", "خارج", "و", "او"))
_ACRONYM_DOT = frozenset(("S.", "K."))  # U.S., U.K.
_DIRECTIONS = frozenset(("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern",
                         "western", "central", "rural", "the", "northeastern", "northwestern", "southeastern",
                         "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"))
# (C-level attribute reads over a list of mentions: map(_COUNTRY, places))
_COUNTRY, _ID, _START, _END = attrgetter("country"), attrgetter("id"), attrgetter("start"), attrgetter("end")
_SPAN = attrgetter("start", "end")
_GAP_RE = re.compile(r"[ \u00a0]+[A-Za-z]")  # the name, a space, the next word: no punctuation between
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[\u0600-\u06ff][\u0600-\u06ff\u064b-\u065f\u0670]*")
_NOT_LETTER_RE = re.compile(f"[^{AR_LETTER}]")


# a body's quoted name right after a descriptive phrase (`قوات الأمن الكردية "الأسايش"`)
_APPOSED_QUOTE_RE = re.compile(r"[ \u00a0]?[\"«“]")
_QUOTE_OPEN_SPACE = frozenset(" \u00a0\"«“")


def obfuscated_actors(text: str, rules: StateRules) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of split or disguised group names: `د1عش`, `د ا ع ش`, `د.ا.ع.ش`."""
    out: list[tuple[int, int, str]] = []
    if rules.obfuscated_any is None or (rules.obfuscated_need_arabic and not arabic_letter(text)):
        return out  # (an English text: no name can be spelt without its Arabic letters)
    # one pass, tried only where a scout found a name with a separator or a stand-in may start (a name written
    # plainly matches too, elsewhere, and is dropped below: none can start inside it); which name, on a hit
    for m in match_starts(rules.obfuscated_any, rules.obfuscated_scouts, text):
        if _NOT_LETTER_RE.search(m.group(0)):  # written plainly the trie has it already
            aid = next((a for pat, a in rules.obfuscated if pat.fullmatch(text, m.start(), m.end())), None)
            if aid:
                out.append((m.start(), m.end(), aid))
    return out


# after a name and a hyphen: a compound adjective that describes something as like the actor, not the actor
# ("an al-Qaeda-inspired group", "ISIS-style executions"; data/README.md rule 21, as for places); and one that
# describes another body by its patron ("a UN-backed hunger monitor", "an Iran-aligned faction": the monitor, the
# faction, not the actor; the real-world splits' labels, rule 25c); and one that names a deal by its go-between
# ("the UN-brokered swap", "a U.S.-brokered ceasefire": the deal, no UN; actor25en, rule 28c). Not "-linked",
# "-affiliated": the splits label the group in "ISIS-linked women", "an ISIS-linked camp"
_COMPOUND_ACTOR_RE = re.compile(r"[-‐‑](?:inspired|style|like|type|esque|minded|leaning|sympathi[sz]ing"
                                r"|backed|aligned|allied|funded|sponsored|supported"
                                r"|brokered|mediated|negotiated|facilitated)\b",
                                re.IGNORECASE)


def compound_adjective(text: str, end: int) -> bool:
    """A hyphen and a participle of likeness follow the actor's name ending at `end`."""
    return _COMPOUND_ACTOR_RE.match(text, end) is not None


def text_country(countries: list[str | None]) -> str | None:
    """The country a text is about: the most frequent among its places, facilities and actors (the first
    mentioned on a tie)."""
    counts = Counter(countries)  # (the keys in the order first mentioned: one C-level count)
    counts.pop(None, None)  # None and "" are no country
    counts.pop("", None)
    if not counts:
        return None
    best = max(counts.values())
    return next(c for c, k in counts.items() if k == best)


def acting_actors(text: str, rules: StateRules, cplaces: list[tuple[int, int, str]],
                  published_at: datetime | date | None, found: Sequence[ActorMention] = (),
                  places: Sequence[PlaceMention] = ()) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of countries and capitals that are the subject of a verb (rule 13).
    found: the actors already found (a country joined to one acts with it); places: the text's places (a name
    that opens with ب or ل where one starts, `بيروت`, is no preposition and a name)."""
    when = day(published_at)
    out = []
    for s, e, code in cplaces:
        if _acts(text, s, e, rules, found, places):
            aid = code if code.startswith("actor:") else actor_of(rules, code, "default", None, when)
            if aid:
                out.append((s, e, aid))
    return out


def _dateline(text: str, s: int, e: int, *, arabic: bool) -> bool:
    """The place is a dateline: the text's first word followed by a dash, colon or comma, or (Arabic outlets
    write "outlet - city") a word right after an outlet's name and a dash ("شفق نيوز- دمشق  يستعد ...").
    In English the dateline comes first and the sentence after its dash ("SULAIMANI — Turkey bombed").
    A later paragraph that opens with a name and a dash is a dateline too: an article's body under its headline
    (headline.py reads the two as one text), a round-up's second dispatch ("بغداد – أعلنت ...")."""
    if s == 0 or (text[0].isspace() and not text[:s].strip()):  # (no copy of the text before s unless it opens blank)
        return _DATELINE_AFTER_RE.match(text, e) is not None
    if arabic and s < 40 and "\n" not in text[:s] and _DASH_BEFORE_RE.search(text, 0, s) is not None:
        return True
    p = text.rfind("\n", 0, s) + 1
    if p == 0:
        return False
    if p == s or (text[p].isspace() and not text[p:s].strip()):  # (no copy of a paragraph that opens with a word)
        return _DATELINE_DASH_RE.match(text, e) is not None
    # (a match ends in a dash and spaces: the pattern only where the words before the name end so)
    return arabic and s - p < 40 and text[p:s].rstrip()[-1:] in _DASHES \
        and _DASH_LEAD_RE.fullmatch(text, p, s) is not None


_DATELINE_AFTER_RE = re.compile(r"\s*[-–—:,(]")
_DATELINE_DASH_RE = re.compile(r"\s*(?:[-–—]|\([^()\n]{1,30}\)\s*[-–—])")  # (a paragraph's: "Turkey, however," acts)
_DASH_BEFORE_RE = re.compile(r"^[^.،,:؛]{2,30}?\s*[-–—]\s*$")
_DASHES = frozenset("-–—")
_DASH_LEAD_RE = re.compile(r"[^.،,:؛\n]{2,30}?\s*[-–—]\s*")


_QUOTES_AR = "\"«»“”„'’"
_OBJECT_PRONOUNS = ("ها", "هم", "ه")


def _verb_with_object(w: str, rules: StateRules) -> bool:
    """A verb with an object pronoun before its subject: `اتخذتها بغداد`, `رحلتهم تركيا`."""
    if not w.endswith(_OBJECT_PRONOUNS):
        return False
    for p in _OBJECT_PRONOUNS:
        if w.endswith(p) and len(w) - len(p) >= 3 and any(x in rules.verbs_ar for x in strip_ar(w[: -len(p)])):
            return True
    return False


_VERB, _MASC_VERB, _VERB_OBJECT, _AGENCY = 1, 2, 4, 8  # (the bits of _word_acts)


def _masculine_verb(f: str) -> bool:
    """The folded verb after a name is masculine only: neither a feminine present (ت) nor a feminine past (ت at
    the end) nor a feminine participle (ه): `أعلن`, `يقصف`, `دعا`, `عازم` (a city or a feminine country before it is
    no subject: rule 20's agreement read after the name as before it)."""
    return f[:1] != "ت" and f[-1:] not in ("ت", "ه")


def _located_after_directions(before: list[str]) -> bool:
    """The words before a country's name end in one or more words of direction after a preposition (`في شمال غرب`,
    `بشمال شرقي`, `إلى جنوب`): the country is where something is, as after the preposition alone."""
    k = len(before) - 1
    n = 0
    while k >= 0:
        f = fold(before[k])
        if f in _DIRECTIONS_AR:
            k, n = k - 1, n + 1
            continue
        if f[:1] in "بل" and f[1:] in _DIRECTIONS_AR:  # `بشمال`, `لجنوب`: the preposition glued to the direction
            return True
        break
    if n == 0 or k < 0:
        return False
    f = fold(before[k])
    return f in _PREPS_AR or (f[:1] in "وف" and f[1:] in _PREPS_AR)  # (`وفي شمال سوريا`: و before في)


def _word_acts(f: str, rules: StateRules) -> int:
    """What _acts asks of a folded word next to a country's name, asked once per word and kept: a reading is a
    verb (_VERB), a verb of a masculine country (_MASC_VERB), the word is a verb with an object pronoun
    (_VERB_OBJECT), a reading is a noun of the state's doing (_AGENCY)."""
    got = rules.word_acts.get(f)
    if got is None:
        readings = strip_ar(f)
        got = (_VERB if any(w in rules.verbs_ar for w in readings) else 0) \
            | (_MASC_VERB if any(w in rules.verbs_ar_masc for w in readings) else 0) \
            | (_VERB_OBJECT if f.endswith(_OBJECT_PRONOUNS) and _verb_with_object(f, rules) else 0) \
            | (_AGENCY if any(w in _AGENCY_AR for w in readings) else 0)
        if len(rules.word_acts) > 200_000:
            rules.word_acts.clear()
        rules.word_acts[f] = got
    return got


# a state and the forces it backs as a coordinated subject: "Turkey and the Syrian militias it backs stepped up ...",
# "Iran and the groups it supports have ..." (the pronoun after the second noun is the state)
_COORDINATED_BACKER_RE = re.compile(
    r" and (?:the |its )?[^.;:,()]{0,50}?\b(?:militias|groups|factions|forces|fighters|proxies|allies|rebels)\s+"
    r"(?:that\s+)?it\s+(?:backs|supports|funds|arms|sponsors|controls|commands|trains)\b")


def _acts(text: str, s: int, e: int, rules: StateRules, found: Sequence[ActorMention] = (),
          places: Sequence[PlaceMention] = ()) -> bool:
    arabic = "\u0600" <= text[s] <= "\u06ff"
    if arabic and s > 0 and text[s - 1] in "بلك":  # a preposition glued to the name: بتركيا، لبغداد
        return False  # (before the words are read, and before the dateline is asked: False either way)
    if _dateline(text, s, e, arabic=arabic):
        return False  # a dateline opens the report: "AMMAN:", "القامشلي – نورث برس", "شفق نيوز- دمشق"
    before = _WORD_RE.findall(text, s - 30 if s > 30 else 0, s)  # (the words after: only where they are read)
    if arabic:
        # a masculine country takes masculine verbs too (`أعلن العراق`); a feminine one or a city does not
        # (`منخفض يضرب سوريا`: Syria is the object)
        verbs = rules.verbs_ar_masc if fold(text[s:e]) in _MASCULINE_AR else rules.verbs_ar
        if (text[s - 1 : s] == "و" or (before and before[-1] == "و")) \
                and _second_of_pair_ar(text, s, before, places):
            # `بين بيروت ودمشق`: the second of two places after a preposition is located too, but a party to talks
            # between the two (`المحادثات بين بيروت ودمشق`) is its state
            return _talks_between_ar(before[:-1] if before and before[-1] == "و" else before, 1)
        j = s
        while j > 0 and text[j - 1] in _QUOTES_AR:
            j -= 1  # `تقوم “إسرائيل”`: quotes around the name
        prev = fold(before[-1]) if before and text[j - 1 : j].isspace() else ""
        if prev and _located_after_directions(before):
            return False  # `ضربة في شمال غرب سوريا استهدفت`: where the strike was, no subject
        if prev and len(before) > 1 and prev[:1] in "تي" and len(prev) > 2 and fold(before[-2]) in _JUSSIVE_NEG_AR \
                and prev not in _NEG_UNDERGO_AR and (prev[0] == "ت") != (fold(text[s:e]) in _MASCULINE_AR):
            return True  # `ولم تحدد طهران`, `لن يقبل العراق`: the verb after a particle only a verb follows
        verb = _MASC_VERB if verbs is rules.verbs_ar_masc else _VERB  # (the bit of `verbs` in _word_acts)
        info = _word_acts(prev, rules) if prev else 0
        if info & (verb | _VERB_OBJECT):
            return True  # أعلنت بغداد، وقصفت تركيا، اتخذتها بغداد
        if prev in _PRONOUN_PREPS and len(before) > 1 and _word_acts(fold(before[-2]), rules) & verb:
            return True  # `التي سيطرت عليها تركيا`: the verb, its object as a pronoun, then the subject
        if text[s - 1 : s] == "و" and len(before) >= 3 and before[-1] == "و" \
                and any(w in rules.verbs_ar for w in strip_ar(fold(before[-3]))):
            return True  # `وقّعت مصر وإسرائيل`: the second of two subjects after the verb
        if text[s - 1 : s] == "و" and any(a.end == s - 1 or (a.end == s - 2 and text[s - 2] == " ") for a in found):
            return True  # `قصف قوات النظام وروسيا`: joined to an acting state's forces
        if text[s - 1 : s] == "و" and len(before) >= 3 and before[-1] == "و" \
                and fold(before[-2]) in _REGIME_WORDS_AR and _joint_agent_ar(before[:-2]):
            return True  # `حملة النظام وروسيا`, `غارات الأسد وإيران`, `من قبل النظام وروسيا`: the bare regime's word
            # (read later, by the context: not yet among `found`) and the state beside it share the attack (rule 32n)
        if prev in _AGENT_NOUNS_AR and len(before) > 1 and (fold(before[-2]), prev) in _AGENT_PAIRS_AR:
            return True  # `تصعيد من قبل روسيا`, `من طرف تركيا`, `على يد إيران`: the agent of the deed (rule 32n)
        if prev == "مع" and len(before) > 1 and any(w in _PARTY_AR for w in strip_ar(fold(before[-2]))):
            return True  # `مفاوضات مع دمشق`, `بالتنسيق مع بغداد`: a party to talks
        if info & _AGENCY:
            return True  # `قرار بغداد`, `موقف دمشق`, `رفض تركيا`: the state's decision, position, refusal
        if prev == "من" and any(w in _SUPPORT_AR for b in before[-3:-1] for w in strip_ar(fold(b))):
            return True  # `بدعم من إيران`, `دعماً مباشراً من إيران`: the state backing, as "with Russia's help"
        if prev in _PREPS_AR:
            return prev == "بين" and _talks_between_ar(before, 0)  # `محادثات بين بيروت ودمشق`: the first party
        # (a line's end is no gap: a headline's last word is no subject of the body's first verb, `... من دواعش
        # سوريا\nكشفت مصادر`; rule 25x)
        after = _WORD_RE.findall(text, e, e + 60) if text[e : e + 1] in (" ", "\u00a0") else []
        nxt = fold(after[0]) if after else ""
        if nxt in _JUSSIVE_NEG_AFTER_AR and len(after) > 1 and (nf := fold(after[1]))[:1] in "تي" and len(nf) > 2 \
                and nf not in _NEG_UNDERGO_AR and (nf[0] == "ت") != (fold(text[s:e]) in _MASCULINE_AR):
            return True  # `بغداد لم تستجب`, `العراق لن يقبل`: a particle only a verb follows, the verb agreeing
        if (nxt in _STILL_AR or nxt in _QAD_AR) and len(after) > 1:
            nxt = fold(after[1])  # `إسرائيل مازالت تمنع`: "still" before the verb (rule 26f); `إسرائيل قد لوّحت` (26s)
        elif nxt in _NEG_AR and len(after) > 2 and fold(after[1]) in _STILL_AR:
            nxt = fold(after[2])  # `إسرائيل ما زالت تمنع`, `تركيا لا تزال تقصف`
        if nxt and _word_acts(nxt, rules) & verb and (verbs is rules.verbs_ar_masc or not _masculine_verb(nxt)):
            return True  # تركيا تقصف (not `بيروت أعلن برنامج ...`: a feminine name before a masculine verb is no
            # subject; the verb's own subject follows it, as in a dateline with no dash; actor26b, rule 28r)
        # two subjects before a dual or plural verb: `بيروت ودمشق تتفقان` (the first of the pair; the second is read
        # by the verb after it)
        if len(after) > 1 and nxt[:1] == "و" and _places_at(places, text, e):
            return _plural_verb(fold(after[1]), rules.verbs_ar)
        return _plural_verb(nxt, rules.verbs_ar)
    if text.startswith(" and ", e) and _COORDINATED_BACKER_RE.match(text, e):
        return True  # "Turkey and the Syrian militias it backs stepped up attacks": it and its proxies act
    e0 = e  # (the words after are read from the name's end)
    if text[e - 1 : e + 1] in _ACRONYM_DOT:
        e += 1  # "the U.S. manages": the acronym's last dot
    lead = [w for w in before if w.lower() not in _DIRECTIONS]  # "in north-east Syria" is "in Syria"
    if text.find("between", s - 60 if s > 60 else 0, s) != -1 and text[e : e + 1] not in "'’-" \
            and _TALKS_BETWEEN_EN_RE.search(text, max(0, s - 90), s):
        return True  # "talks between Beirut and Damascus": both parties are the states
    if text[s - 5 if s > 5 else 0 : s].rstrip().endswith((" and", " or", "&")) and \
            _PAIR_AFTER_PREP_EN_RE.search(text, max(0, s - 60), s):
        return False  # "between Beirut and Damascus", "from Iraq and Syria": located, as the first of the pair
    lo = s - 90 if s > 90 else 0
    if text.find(" by ", lo, s) != -1 and text[e : e + 1] not in "'’-" and _NAME_GOES_ON_RE.match(text, e) is None \
            and _BY_AGENT_RE.search(text, lo, s):
        return True  # "signed by Egypt and Israel", "listed as a terrorist organization by Turkiye, U.S. and EU"
    if len(lead) > 1 and lead[-1].lower() == "with" and lead[-2].lower() in _PARTY_EN and text[e : e + 1] not in "'’-":
        return True  # "talks with Damascus": a party to them is the state
    if lead and lead[-1].lower() == "with" and _GAP_RE.match(text, e) and text[e : e + 1] not in "'’-":
        m = _WORD_RE.match(text, e0 + 1)
        if m is not None and m.group().endswith("ing") and m.group().islower() and len(m.group()) > 5 \
                and m.group() not in _NOT_ACTING_ING:
            return True  # "with Washington pressing European capitals": the state doing it
    if text[e : e + 2] in ("'s", "’s") and (m := _WORD_RE.match(text, e + 3)) is not None \
            and m.group().lower() in _AGENCY_EN and not (lead and lead[-1].lower() in _PREPS_EN):
        return True  # "Baghdad's decision", "Ankara's refusal": the state deciding, refusing
    if text[e : e + 1] == "," and (m := _ASIDE_EN_RE.match(text, e)) is not None:
        e = e0 = m.end()  # "Iraq, meanwhile, says it will": a discourse adverb between commas, then the verb (rule 25i)
    if text[e : e + 1] in "'’-" or (lead and lead[-1].lower() in _PREPS_EN and not _clause_comma_before(text, s)) \
            or not _GAP_RE.match(text, e):
        return False  # "Turkey's", "Iraq-based", "in Turkey", a dateline "QAMISHLI, Syria —"
    after = _WORD_RE.findall(text, e0, e0 + 60)
    words = [w.lower() for w in after[:8]]
    if lead and lead[-1].lower() in _OBJECT_RELATIVES_EN and words and words[0].isalpha() \
            and (words[0] in rules.verbs_en or (words[0].endswith("ed") and len(words[0]) > 4)):
        return True  # "which Israel called", "what Ankara described as": the name is the subject, the verb's
        # object came before it (a participle list word is a verb here)
    i = 0
    if len(after) > 2 and words[0] == "and":  # "Iran and Russia failed", "Russia and the United States traded"
        j = 2 if words[1] == "the" else 1
        k = j
        while k < len(after) and k < j + 3 and after[k][:1].isupper():
            k += 1
        i = k if k > j else 0
    while i < len(words) and (words[i] in rules.skip_en or (words[i].endswith("ly") and len(words[i]) > 4
                                                             and words[i] not in rules.verbs_en)):
        i += 1  # "Baghdad regularly repatriates": an adverb between the name and its verb
    if i >= len(words):
        return False
    w = words[i]
    if w in rules.modal_en:
        return i + 1 < len(words) and words[i + 1].isalpha() and words[i + 1] not in ("be", "the", "a")
    if w in rules.aux_en:
        if i + 3 < len(words) and words[i + 1] in rules.then_to_en and words[i + 2] == "to":
            # "Turkey is expected to step up strikes", "Iraq is set to receive"; not what befalls the country
            # ("Syria is expected to see rain", "Lebanon is likely to remain ...")
            return words[i + 3] not in _UNDERGO_EN
        if i + 2 < len(words) and words[i + 1] == "to" and words[i + 2].isalpha():
            # "Israel is to free 1,700 Gazans", "Damascus was to hand over": what the state is to do (rule 26m);
            # not what befalls it ("Syria is to see rain")
            return words[i + 2] not in _UNDERGO_EN and words[i + 2] not in ("blame", "the", "a")
        return i + 1 < len(words) and words[i + 1].endswith("ing")
    if w in _TRANSITIVE_PARTICIPLES_EN and i + 1 < len(after) and after[i + 1] not in ("by", "By") \
            and (after[i + 1][:1].isupper() or after[i + 1].lower() in _OBJECT_STARTS_EN):
        return True  # "Moscow backed Damascus", "Iran armed the militias": a past tense with its object (rule 26m);
        # "Turkey backed by", "Turkey-backed" stay descriptions
    if w in rules.not_verbs_en and i + 1 < len(words) and words[i + 1] == "by":
        return False  # "Saudi Arabia, Jordan and Syria, led by the PMF's command": a passive participle, no act of
        # the pair before it ("led" is a verb of the list: "Turkey led the talks"; rule 26u)
    if w in rules.verbs_en:
        return True
    if w == "called" and i + 1 < len(words) and words[i + 1] in ("for", "on", "upon", "up"):
        return True  # "Iraq called for", "Turkey called on", "Israel has called up reservists" (not "a town called X")
    return w.endswith("ed") and w.isalpha() and w not in rules.not_verbs_en and len(w) > 4


def _clause_comma_before(text: str, s: int) -> bool:
    """The name opens a clause after a comma whose word before is a year or a lower-case word ("Since it declared
    victory in 2017, Iraq has handed ..."): the preposition before is the opening clause's, not the name's; a
    capitalised word before the comma is a list the preposition governs ("in Turkey, Syria and Iraq") (rule 26h)."""
    j = s
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    if j == s or text[j - 1 : j] != ",":
        return False
    m = _LAST_TOKEN_RE.search(text, max(0, j - 30), j - 1)
    return m is not None and not m.group(1)[:1].isupper()


_LAST_TOKEN_RE = re.compile(r"(\S+)$")


# a preposition, one name (up to three capitalised words), "and"/"or", where the second name starts
_PAIR_AFTER_PREP_EN_RE = re.compile(
    r"\b(?i:" + "|".join(sorted(_PREPS_EN - {"like", "than", "with", "by", "against", "about"}, key=len, reverse=True))
    + r")\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}\s+(?:and|or|&)\s+$")


# talks and their like, "between", perhaps a first name and "and": the name is a party ("talks between Beirut and
# Damascus", "negotiations between Baghdad and Erbil"); not a deal or agreement between two ("the exchange deal
# between Israel and Hamas": README rule 20)
_TALKS_BETWEEN_EN_RE = re.compile(
    r"\b(?i:talks|negotiations|coordination|contacts|consultations|dialogue|meetings?)\s+between\s+(?:the\s+)?(?:[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2}\s+"
    r"(?:and|&)\s+(?:the\s+)?)?$")
_OBJECT_RELATIVES_EN = frozenset(("which", "what"))
# a discourse adverb set off by commas between a subject and its verb ("Iraq, meanwhile, says")
_ASIDE_EN_RE = re.compile(r",[ \u00a0]+(?:meanwhile|however|for its part|in turn|in response|too|though|instead|"
                          r"in return|likewise|separately|meantime|in the meantime|"
                          # a relative clause on the state ("Turkey, which regards the SDF as an arm of the PKK, is
                          # expected to ease its threats"; rule 26m)
                          r"which[ \u00a0][^,;:.!?\"“”]{3,90}?)[ \u00a0]*,(?=[ \u00a0]+[a-z])")
# not_verbs_en words that are a past tense when an object follows ("Moscow backed Damascus")
_TRANSITIVE_PARTICIPLES_EN = frozenset(("backed", "supported", "funded", "armed", "sponsored", "controlled",
                                        "occupied"))
_OBJECT_STARTS_EN = frozenset(("the", "a", "an", "its", "their", "his", "her", "several", "rebel", "rebels", "armed",
                               "militias", "groups", "factions", "fighters", "forces"))
# verbs after "is expected to" whose subject undergoes rather than acts
_UNDERGO_EN = frozenset(("be", "see", "face", "experience", "suffer", "remain", "become", "get", "witness", "feel",
                         "have", "undergo", "lose", "stay", "struggle", "need", "benefit", "bear", "endure", "fall",
                         "rise", "grow", "record", "reach", "host"))


# a passive participle, up to five words, "by", then the agents so far (a list of names): the name acts
_AGENT = r"(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}"
# a state's armed acts named as nouns, whose agent after "by" acts ("prompting strikes by the United States and
# Britain", "air raids by Israel"; data/README.md rule 26m), as an -ed participle's agent does
_ATTACK_NOUNS_EN = (r"(?:strikes|airstrikes|air\s+strikes|raids|air\s+raids|attacks|shelling|bombardment|bombing|"
                    r"bombings)")
# ("brokered by international powers including France and the United States": a group's words, then its members
# after "including" / "such as", are agents too; rule 25x)
_BY_AGENT_RE = re.compile(rf"\b(?:[a-z]{{3,}}ed|{_ATTACK_NOUNS_EN})(?:\s+[\w\-]+){{0,5}}?\s+by\s+"
                          rf"(?:(?:(?:the|several|other|major|key|international|regional|western|foreign|world|global|neighbou?ring)\s+){{0,2}}"
                          rf"(?:powers|countries|states|governments|nations|mediators|partners|allies|capitals)\s+"
                          rf"(?:including|such\s+as)\s+)?"
                          rf"(?:{_AGENT}\s*(?:,\s*(?:and\s+)?|\s+and\s+))*(?:the\s+)?$")


# a building's or a road's word right after the name continues a longer name ("moved to Camp Liberty by Baghdad
# International Airport": the airport, no agent; rule 26k; "by the Israel Defense Force" stays the state's)
_NAME_GOES_ON_RE = re.compile(r"[ \u00a0]+(?:International[ \u00a0]+)?(?:Airport|Airfield|University|Stadium|"
                              r"Hospital|Street|Road|Bridge|Square|Gate)\b")


# "with Turkey bordering ...": -ing words that locate or describe a country, not an act of its state
_NOT_ACTING_ING = frozenset(("bordering", "surrounding", "neighbouring", "neighboring", "lying", "overlooking",
                             "facing",
                             "including", "remaining", "having", "being", "becoming", "ranking", "counting",
                             "accounting", "trailing", "leading", "following", "hosting", "experiencing", "suffering"))

# support "from" a country or capital before it (one word, an adjective, may stand between): the state gives it
# (`بدعم من إيران`, `دعماً مباشراً من إيران`, `بتمويل من واشنطن`; "with Russia's help", rule 20b; rule 25c)
_SUPPORT_AR = frozenset(("دعم", "دعما", "مساعده", "تمويل", "رعايه", "اسناد", "تسليح",
                         # a decision or an order "from" it (`جرى بقرار من بغداد`, `بأوامر من دمشق`; not `طلب من`, the
                         # state asked: rule 25x)
                         "قرار", "امر", "اوامر", "توجيه", "توجيهات", "تعليمات"))
# countries whose names are masculine in Arabic (folded): the rest, and every city, are feminine
_MASCULINE_AR = frozenset(("العراق", "لبنان", "الاردن", "اليمن", "السودان", "المغرب", "عراق", "الكويت"))
# talks: the country or capital "with" which they are held is a party (rule 13); an agreement "with" one is the
# agreement's object (`الاتفاق مع أنقرة`), no act of its state
# nouns of a state's own doing before a country or capital (Arabic construct) or after its possessive (English)
# the bare word of the Assad government (`النظام`, read by the context after the countries: rule 25r) and its
# president's name as outlets write the regime (`قصف الأسد وروسيا`), folded
_REGIME_WORDS_AR = frozenset(("النظام", "الاسد"))
# a deed's agent: `من قبل X`, `من طرف X`, `على يد X` (folded; the noun, then the preposition before it)
_AGENT_NOUNS_AR = frozenset(("قبل", "طرف", "يد"))
_AGENT_PAIRS_AR = frozenset((("من", "قبل"), ("من", "طرف"), ("علي", "يد")))
# the nouns of an attack or campaign whose agent follows them (`حملة النظام وروسيا`, `غارات النظام وروسيا`)
_JOINT_ATTACK_AR = frozenset(("حمله", "حملات", "قصف", "غارات", "غاره", "هجوم", "هجمات", "تصعيد", "ضربات", "طائرات",
                              "طيران", "عمليات", "عدوان", "مجازر", "مجزره"))


def _joint_agent_ar(words: list[str]) -> bool:
    """The words before `X و<country>` end in an attack's noun (`حملة`, `لغارات`, `والقصف` read without its clitics)
    or in a deed's agent (`من قبل`, `من طرف`, `على يد`): X and the country are the attack's agents."""
    if not words:
        return False
    last = fold(words[-1])
    if len(words) > 1 and (fold(words[-2]), last) in _AGENT_PAIRS_AR:
        return True
    return any(w in _JOINT_ATTACK_AR for w in strip_ar(last))


_AGENCY_AR = frozenset(("قرار", "قرارات", "موقف", "نيه", "طلب", "رفض", "خطه", "خطط", "مطالبه", "مطالب", "دعوه", "اعلان",
                        "تحرك", "سعي", "مساعي", "رغبه", "تعهد", "تعهدات", "تهديد", "تهديدات", "اتهام", "اتهامات",
                        "ضغوط", "شروط", "اشتراط", "موافقه", "وعود", "تصريحات", "جهود", "اصرار", "اعتراض", "تحذير",
                        "تحذيرات", "مبادره", "عرض", "قبول", "استعداد",
                        "عجز", "فشل", "غضب"))  # `عجز أنقرة عن لجم مسلحيها`, `قد يثير غضب تركيا` (rule 26s)
_AGENCY_EN = frozenset(("decision", "decisions", "move", "moves", "plan", "plans", "request", "requests", "refusal",
                        "position", "stance", "call", "calls", "offer", "push", "efforts", "effort", "demand",
                        "demands", "insistence", "pledge", "pledges", "threat", "threats", "approval", "bid",
                        "campaign", "offensive", "warning", "warnings", "agreement", "initiative", "objection",
                        "objections", "rejection", "readiness", "proposal", "announcement", "accusations"))
_PARTY_EN = frozenset(("talks", "negotiations", "coordination", "contacts", "consultations", "dialogue", "meeting",
                       "meetings"))
_PARTY_AR = frozenset(("مفاوضات", "محادثات", "مباحثات", "تنسيق", "التنسيق", "اتصالات", "حوار", "الحوار", "اجتماع",
                       "لقاء", "المفاوضات", "المحادثات"))
# a preposition with an object pronoun between a verb and its subject: `سيطرت عليها تركيا`, `فرضتها عليهم بغداد`
_PRONOUN_PREPS = frozenset(("عليها", "عليه", "عليهم", "عليهما", "فيها", "فيه", "منها", "منه", "لها", "له", "لهم",
                            "اليها", "اليه", "اليهم", "بها", "به", "بهم", "عنها", "عنه"))


def _talks_between_ar(before: list[str], first: int) -> bool:
    """`before` ends with `بين` and (first=1) the first name of the pair: talks or negotiations stand before
    `بين` (`المحادثات بين بيروت ودمشق`): the parties to them are the states (not an agreement or a deal between
    two, `الاتفاق بين`: README rule 20)."""
    i = len(before) - 1 - first
    if i < 1 or fold(before[i]) != "بين":
        return False
    return any(w in _PARTY_AR or w in _BETWEEN_AR for w in strip_ar(fold(before[i - 1])))


# besides _PARTY_AR: more talks (`مشاورات بين بغداد وأربيل`)
_BETWEEN_AR = frozenset(("مشاورات", "مفاوضات", "محادثات", "مباحثات", "اجتماعات", "لقاءات", "اتصالات", "تنسيق", "حوار",
                         "مشتركه",  # `لجنة مشتركة بين بيروت ودمشق`: a joint committee of the two
                         # a dispute or a rift between two capitals: both parties to it (`الخلاف بين دمشق وأنقرة`, 26s)
                         "خلاف", "الخلاف", "خلافات", "الخلافات", "نزاع", "النزاع", "توتر", "التوتر",
                         "قطيعه", "القطيعه"))


def _plural_verb(w: str, verbs: frozenset[str]) -> bool:
    """A present-tense verb in the dual or the plural (`تتفقان`, `يرفضون`): its singular is a verb of the list."""
    return len(w) > 5 and w.endswith(("ان", "ون")) and w[:1] in "تيو" and \
        any(x in verbs for x in strip_ar(w[:-2]))


def _places_at(places: Sequence[PlaceMention], text: str, e: int) -> bool:
    """A place starts after و right after `e` (the space, then و glued or spaced)."""
    i = e
    while i < len(text) and text[i].isspace():
        i += 1
    if text[i : i + 1] != "و":
        return False
    i += 1
    while i < len(text) and text[i].isspace():
        i += 1
    return any(p.start == i for p in places)


def _second_of_pair_ar(text: str, s: int, before: list[str], places: Sequence[PlaceMention] = ()) -> bool:
    """The name is the second of a pair joined by و whose first stands after a preposition (`بين بيروت ودمشق`,
    `من العراق وسوريا`, `في بغداد و دمشق`)."""
    glued = s > 0 and text[s - 1] == "و"
    if glued:
        words = before[:-1] if before and before[-1] == "و" else before  # the و read as a word of its own
    elif len(before) >= 1 and before[-1] == "و" and text[s - 1 : s].isspace():
        words = before[:-1]
    else:
        return False
    if len(words) < 2:
        return False
    first, prep = fold(words[-1]), fold(words[-2])
    if prep in _PREPS_AR:
        return True
    if first[:1] not in "بل" or len(first) <= 3:
        return False
    # `ببيروت ودمشق` (a preposition glued to the first name), not `اتفقت بيروت ودمشق` (the name opens with ب)
    at = text.rfind(words[-1], max(0, s - 40), s)
    return not any(p.start == at for p in places)


# rule 26c: an attack's noun right before a capital (not a country: `هجمات تركيا` are Turkey's) names the attacks on
# the city (`منفذي هجمات باريس`, `تفجيرات بروكسل`), no act of its state, unless "on"/"against" a target follows
_ATTACK_NOUN_RE = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:هجوم|هجمات|تفجير|تفجيرات|اعتداء|اعتداءات)"
                             r"[ \u00a0]+$")
_ON_TARGET_RE = re.compile(r"(?:[ \u00a0]+[\u0621-\u064a]+){0,2}?[ \u00a0]+(?:على|علي|ضد)(?![\u0621-\u064a])")


def _attacks_on_capitals(text: str, hits: list[tuple[int, int, str]], places: list[PlaceMention],
                         capitals: dict[str, str]) -> list[tuple[int, int, str]]:
    caps = {(p.start, p.end) for p in places if not p.id.startswith("country:") and capitals.get(p.id)}
    if not caps:
        return hits
    drop = set()
    for h in hits:
        s, e, _aid = h
        if any(a > s and b == e for a, b in caps) and _ATTACK_NOUN_RE.search(text, s, next(a for a, b in caps
                                                                                              if b == e)) \
                and _ON_TARGET_RE.match(text, e) is None:
            drop.add(h)
    return [h for h in hits if h not in drop] if drop else hits


def state_mentions(text: str, found: list[ActorMention], places: list[PlaceMention],
                   facilities: list[FacilityMention], gaz: Gazetteer,
                   published_at: datetime | date | None, cues: list[Any] | None = None,
                   cue_kinds: set[str] | None = None) -> tuple[list[ActorMention], list[PlaceMention]]:
    """The actors of this module for one text, not overlapping the actors the gazetteer's names found, and
    the places less those that open such an actor as its adjective ("U.S." in "U.S. guards": README rule 4).
    cues: the scanner's cue candidates (institutions.institution_actors); cue_kinds: the kinds among them."""
    rules: StateRules = gaz.state
    entries = gaz.entries
    countries = list(map(_COUNTRY, places))  # (C-level reads: map over attrgetter)
    if facilities:
        countries += map(_COUNTRY, facilities)
    if found:
        countries += map(_COUNTRY, map(entries.__getitem__, map(_ID, found)))
    country = text_country(countries)
    cplaces = []
    named = []  # (start, ISO2) of every country named
    capitals, nations = rules.capitals, rules.nations
    for p in places:
        pid = p.id
        if pid.startswith("country:"):
            pc = p.country
            if pc:
                named.append((p.start, pc))
            code = capitals.get(pid) or pc
        else:
            code = capitals.get(pid)
        if code and (code.startswith("actor:") or code in nations):
            cplaces.append((p.start, p.end, code))
    spans = list(map(_SPAN, found))
    first = places[0] if places else None  # a dateline opens the text: "BAGHDAD (AFP) -", "الحسكة - خاص"
    dateline = first.country if first is not None and first.start < 40 and first.country \
        and _dateline(text, first.start, first.end, arabic="\u0600" <= text[first.start] <= "\u06ff") else None
    # where the actors so far are: one C-level find per hit (a span outside 0 < end <= len(text), or empty, is
    # kept aside and tested as before: `a < e and s < b`); institution_actors reads it too, when no span is odd
    n = len(text)
    occ = bytearray(n)
    odd: list[tuple[int, int]] = []
    for x, y in spans:
        if 0 <= x < y <= n:
            occ[x:y] = b"\x01" * (y - x)
        else:
            odd.append((x, y))
    hits = obfuscated_actors(text, rules) + institution_actors(text, rules, country, cplaces, published_at, named,
                                                               list(spans), cues, dateline,
                                                               None if odd else occ)
    hits += acting_actors(text, rules, [cp for cp in cplaces if cp[2] in rules.acting or cp[2].startswith("actor:")],
                          published_at, found, places)
    hits += _institutions_in(text, rules, cplaces, published_at)
    gates = text_gates(text)  # (one compiled pass answers each `w in text`: scouts.TEXT_GATES)
    if gates & _T_GOVERNMENTS:  # ("حكومت" in text)
        hits += _dual_governments(text, rules, cplaces, published_at)
    if ("command" in cue_kinds) if cue_kinds is not None else ("عمليات" in text or "Operations Command" in text):
        hits += _operations_commands(text, places, rules, published_at)
    # generic phrases the context names (`الدفاع المدني`, `المفوضية`, "the coalition": context_actors.py)
    hits += context_actors(text, found, places, facilities, rules.by_context, country, day(published_at))
    out: list[ActorMention] = []
    if cplaces and gates & _T_ATTACK_AR:  # ("هجم", "هجو", "تفجير" or "اعتداء" in text)
        hits = _attacks_on_capitals(text, hits, places, capitals)
    if cplaces and has_section_word(text):  # `كاريتاس الأردن`, "Caritas Jordan said" (rule 26c)
        hits = [h for h in hits if not national_section(text, h[0])]
    for s, e, aid in sorted(hits):
        if (occ.find(1, s, e) != -1 if 0 <= s < e <= n else any(x < e and s < y for x, y in spans)) \
                or (odd and any(x < e and s < y for x, y in odd)):
            continue  # a name the gazetteer has ("القوات العراقية") is already its actor
        if text.startswith(("الجانب", "جانب"), s) and _BORDER_SIDE_RE.search(text, max(0, s - 6), s):
            continue  # `في الجانب العراقي` of a border: where, not who (README rule 20b)
        if text[e : e + 1] in _QUOTE_OPEN_SPACE and " " in text[s:e] and (qm := _APPOSED_QUOTE_RE.match(text, e)) \
                is not None \
                and any(a.start == qm.end() for a in found):
            continue  # `قوات الأمن الكردية "الأسايش"`: a descriptive phrase before the quoted name of the body it
            # describes is that body, no second actor (s25 mine25ar, rule 28a)
        ent = entries.get(aid)
        if ent is not None:
            out.append(actor(text[s:e], s, e, aid, ent.canonical, 0.75))
            spans.append((s, e))
            if 0 <= s < e <= n:
                occ[s:e] = b"\x01" * (e - s)
            else:
                odd.append((s, e))
    # a place at the start of a longer actor phrase, not possessive: an adjective (acting keeps the same span)
    if not out:
        return out, places
    ends: dict[int, int] = {}  # the longest actor at each start
    ospans = list(map(_SPAN, out))
    for a0, a1 in ospans:
        if a1 > ends.get(a0, -1):
            ends[a0] = a1
    # (only a place that starts where an actor does can open it: most texts have none, and keep every place)
    kept = [p for p in places if not (p.end < ends.get(p.start, -1) and text[p.end : p.end + 1] not in "'’")] \
        if not ends.keys().isdisjoint(map(_START, places)) else list(places)
    if cplaces:
        # a state's country or capital right after its body's word, inside the body's name (`حكومة دمشق المؤقتة`,
        # `سلطات بغداد`): that body, no place, as "the Damascus authorities" (rule 20b; rule 24h); a command's
        # city stays the place (`قيادة عمليات بغداد`, rule 15)
        # (only the country places inside an actor's span after its start can be dropped: most texts have none)
        inner = _inside_after_start(cplaces, ospans)
        if inner:
            kept = [p for p in kept if not ((p.start, p.end) in inner and any(
                a.start < p.start and p.end <= a.end and _BODY_BEFORE_RE.fullmatch(text, a.start, p.start) is not None
                for a in out))]
    return out, kept


def _inside_after_start(cplaces: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """{(p0, p1) of cplaces with some (a0, a1) of spans, a0 < p0 and p1 <= a1}: the farthest end among the spans
    starting before p0 reaches p1 (bisect over the sorted starts, not a scan of the spans per place)."""
    ordered = sorted(spans)
    starts = [a0 for a0, _a1 in ordered]
    reach = list(accumulate([a1 for _a0, a1 in ordered], max))
    return {(p0, p1) for p0, p1, _c in cplaces if (i := bisect_left(starts, p0)) and reach[i - 1] >= p1}


# the body's word right before a country's or capital's name inside a state actor (`حكومة `, `سلطات `, `الحكومة في `)
_BODY_BEFORE_RE = re.compile(r"(?:ال)?(?:حكوم[ةه]|سلطات|سلط[ةه])\s+")


# a side of a border where something is (`في الجانب العراقي`, `على الجانب التركي`): a place, not the government
_BORDER_SIDE_RE = re.compile(r"(?:^|\s)(?:[وف]?(?:في|على))\s+$")


# a state body named by the country it serves in, with no nationality adjective: `السلطات الأمنية بالعراق`,
# `القوات الحكومية في سوريا`, "the (new) authorities in Damascus", "security forces in Iraq"; after ل + ال written لل
# the phrase starts after it (`وتسليمها للحكومة الجديدة في دمشق`: `حكومة الجديدة`, rule 3; actor26b, rule 28r)
# (not "UN officials in Iraq", "Turkish-backed forces in Syria": another owner stands before the body)
_IN_COUNTRY_AR_RE = re.compile(
    r"(?P<phrase>(?:(?:(?<![\u0621-\u064a])ال|(?<=(?<![\u0621-\u064a])لل)|(?<=(?<![\u0621-\u064a])[وف]لل))"
    r"(?P<cls>سلطات|قوات|حكوم[ةه]|شرط[ةه]|جيش|أجهز[ةه]|اجهز[ةه])"
    r"(?:\s+ال(?:أمني[ةه]|امني[ةه]|عسكري[ةه]|حكومي[ةه]|محلي[ةه]|رسمي[ةه]))?"
    # (a state body's time or make-up: `الحكومة الجديدة في دمشق`, `السلطات الانتقالية في سوريا`, `الحكومة المشكلة في
    # دمشق`, "the new authorities in Damascus" as English reads it; actor26b, rule 28r)
    r"(?:\s+ال(?:جديد[ةه]|انتقالي[ةه]|مؤقت[ةه]|اتحادي[ةه]|مركزي[ةه]|مشكل[ةه]|حالي[ةه]|قائم[ةه]))?)"
    r"|(?<![\u0621-\u064a])(?P<caretaker>حكوم[ةه]\s+تصريف\s+(?:ال)?أعمال)|(?<![\u0621-\u064a])(?:ال)?مسؤول(?:ين|ون|ان|ين)"
    r"(?:\s+(?:ال)?(?:أمنيين|امنيين|عسكريين|حكوميين|كبار))?)\s+(?:في\s+|ب)(?:ال)?$")
# (a word every match of _IN_COUNTRY_AR_RE holds, at its start or after its article: where it is searched from)
_IN_COUNTRY_AR_GATE = re.compile("سلطات|قوات|حكوم|شرط|جيش|أجهز|اجهز|مسؤول")
_IN_COUNTRY_EN_RE = re.compile(
    r"(?:^|[.;:,(—–-]\s*|\b[Tt]he\s+)(?P<phrase>(?:(?i:federal|central|new|transitional)\s+)?(?P<cls>(?i:authorities|security\s+forces|"
    r"government\s+forces|forces|troops|government|police|army|administration|rulers|leadership)))\s+in\s+$")
# ("the federal government in Baghdad"; "the new administration/rulers in Damascus": rule 26u)
# (the last word of each class of _IN_COUNTRY_EN_RE, lower case: a match's phrase ends with one)
_IN_CLASS_ENDS = ("authorities", "forces", "troops", "government", "police", "army", "administration", "rulers",
                  "leadership")
# officials speaking from a capital or country: "according to officials in Washington", "told officials in Baghdad"
# (not "UN officials in Iraq": a word before "officials" other than these names another owner)
_OFFICIALS_IN_EN_RE = re.compile(
    r"(?:^|[.;:,(—–-]\s*|\b(?:[Tt]he|to|from|by|with|told|said|according\s+to|among|quoted|cited)\s+)"
    r"(?P<phrase>(?:(?i:senior|government)\s+)?(?P<cls>officials))\s+in\s+$")
# officials after a capital or country that opens the sentence: "In Baghdad, officials said ..."
_IN_PLACE_OFFICIALS_EN_RE = re.compile(r",\s+(?P<phrase>(?:(?:senior|government|security)\s+)?officials)\b")
# a government's people sent from a capital or country: "Delegates from Damascus and the SDF met", "a delegation from
# Baghdad" (data/README.md rule 24j; "delegations" is a government's word, rule 23 (en16)); not "refugees from Syria"
_FROM_PLACE_EN_RE = re.compile(
    r"(?:^|[.;:,(—–-]\s*|\b(?:[Tt]he|[Aa]|to|by|with|told|said|according\s+to|among|and|of)\s+)"
    r"(?P<phrase>(?:(?i:senior|government|security)\s+)?(?P<cls>(?i:officials|delegates|delegations?|negotiators)))"
    r"\s+from\s+(?:the\s+)?$")
_SENTENCE_START_EN_RE = re.compile(r"(?:^|[.!?]\s+|\n\s*)In\s+$")


def _institutions_in(text: str, rules: StateRules, cplaces: list[tuple[int, int, str]],
                     published_at: datetime | date | None) -> list[tuple[int, int, str]]:
    out = []
    when = day(published_at)
    for s, e, code in cplaces:
        if code.startswith("actor:"):
            continue
        if text[s - 3 : s] == "In " and (o := _IN_PLACE_OFFICIALS_EN_RE.match(text, e)) is not None \
                and _SENTENCE_START_EN_RE.search(text, max(0, s - 6), s):
            aid = actor_of(rules, code, "government", None, when)
            if aid:
                out.append((o.start("phrase"), o.end("phrase"), aid))  # "In Baghdad, officials said"
            continue
        if text[s - 5 : s] == "from " and (f := _FROM_PLACE_EN_RE.search(text, max(0, s - 50), s)) is not None:
            aid = actor_of(rules, code, "government", None, when)
            if aid:
                out.append((f.start("phrase"), f.end("phrase"), aid))  # "Delegates from Damascus"
            continue
        if s < 8:
            continue
        arabic = "\u0600" <= text[s] <= "\u06ff"
        if (text[s - 1] != "ب" and text[s - 3 : s] != "في " and text[s - 3 : s - 1] != "بال") if arabic \
                else text[s - 3 : s] != "in ":
            continue  # (only "in"/"في"/ب right before the country: no pattern to try)
        m = _in_country(text, s, arabic)
        if m is None and not arabic and text.rfind("officials", max(0, s - 60), s) != -1:
            m = _OFFICIALS_IN_EN_RE.search(text, max(0, s - 60), s)  # (only where the word is: a C-level find first)
        if m is None:
            continue
        word = m.group("cls") or ("حكومة" if arabic and m.group("caretaker") else "officials")
        # (`مسؤولين في واشنطن`: the branch without a class word; `حكومة تصريف الأعمال في سوريا`: a government)
        cls = "government" if word == "officials" else \
            "forces" if word[:2].lower() in ("قو", "شر", "جي", "fo", "tr", "po", "ar", "se") or "forces" in word \
            else "government"
        aid = actor_of(rules, code, cls, None, when)
        if aid:
            out.append((m.start("phrase"), m.end("phrase"), aid))
    return out


def _in_country(text: str, s: int, arabic: bool) -> re.Match[str] | None:
    """(_IN_COUNTRY_AR_RE if arabic else _IN_COUNTRY_EN_RE).search(text, max(0, s - 40), s), the pattern tried only
    where it can match (English: for s with text[s - 3 : s] == "in ")."""
    lo = s - 40 if s > 40 else 0
    if arabic:
        # (the pattern only where one of its class words is: every match holds one, at its start or after the
        # article, so none starts before the first one's place less two)
        g = _IN_COUNTRY_AR_GATE.search(text, lo, s)
        return _IN_COUNTRY_AR_RE.search(text, g.start() - 2 if g.start() - 2 > lo else lo, s) if g is not None else None
    # (a match's class word ends right before the spaces before "in ": the pattern only where it does; a window with
    # a character past ASCII is searched whatever it ends with, as IGNORECASE reads `ı`, `ſ`, `K` as i, s, k)
    seg = text[lo : s - 3]
    if seg.isascii() and not seg.rstrip().lower().endswith(_IN_CLASS_ENDS):
        return None
    return _IN_COUNTRY_EN_RE.search(text, lo, s)


_DUAL_GOV_RE = re.compile(r"(?<![\u0621-\u064a])(?:ل|ب|و|ف)?(?:ال)?حكومت[يا]\s+$")


def _dual_governments(text: str, rules: StateRules, cplaces: list[tuple[int, int, str]],
                      published_at: datetime | date | None) -> list[tuple[int, int, str]]:
    """`حكومتي بغداد وإقليم كردستان` ("the governments of Baghdad and the Kurdistan Region"): the dual names both
    governments (README rule 20b)."""
    out = []
    when = day(published_at)
    starts = {s: (e, code) for s, e, code in cplaces}
    for s, e, code in cplaces:
        m = _DUAL_GOV_RE.search(text, max(0, s - 12), s)
        if m is None:
            continue
        nxt = s + len(text[s:e]) + 2 if text[e : e + 2] == " و" else -1
        second = starts.get(nxt)
        if second is None:
            continue
        for a, b, c in ((m.start(), e, code), (nxt, second[0], second[1])):
            aid = c if c.startswith("actor:") else actor_of(rules, c, "government", None, when)
            if aid:
                out.append((a, b, aid))
    return out


_COMMAND_BEFORE_RE = re.compile(r"قياد[ةه]\s+عمليات\s+(?:محافظ[ةه]\s+)?$")
_COMMAND_AFTER_RE = re.compile(r"(?:['’]s)?\s+Operations\s+Command\b")


def _operations_commands(text: str, places: list[PlaceMention], rules: StateRules,
                         published_at: datetime | date | None) -> list[tuple[int, int, str]]:
    """`قيادة عمليات بغداد`, "Baghdad Operations Command": a regional command of a state's forces, named by
    the place it covers (the place stays a place)."""
    out = []
    when = day(published_at)
    for p in places:
        if not p.country:
            continue
        b = _COMMAND_BEFORE_RE.search(text, max(0, p.start - 24), p.start)
        a = None if b else _COMMAND_AFTER_RE.match(text, p.end)
        if b is None and a is None:
            continue
        aid = actor_of(rules, p.country, "forces", None, when)
        if aid and b is not None:
            out.append((b.start(), p.end, aid))
        elif aid and a is not None:
            # ("Operations Command" after the name: the place stays a place, it does not open an adjective)
            out.append((a.end() - len("Operations Command"), a.end(), aid))
    return out


_DETERRENCE_RE = re.compile(r"\bDeterrence\s+(?:Force|Apparatus)", re.IGNORECASE)


def name_collisions(text: str, found: list[ActorMention], places: Sequence[PlaceMention],
                    facilities: Sequence[FacilityMention] = ()) -> list[ActorMention]:
    """The gazetteer's names less those another body of the text bears (README rule 20b): "Security Council" inside
    "National Security Council" (a state's council, not the UN's), "SDF" in a text about Libya's Special
    Deterrence Force, `أنصار الله` in a text about Lebanon's camps that names no place in Yemen (a Palestinian group
    in the camps bears the name)."""
    if _COLLIDING.isdisjoint(map(_ID, found)):
        return found  # (one C-level pass: most texts name none of the names another body bears)
    out = found
    deterrence: bool | None = None  # (asked once a text, and only where the word is: str `in` at C speed)
    yemen: bool | None = None  # (_yemen_coalition and _asayish_of_krg read only found, places, facilities: once)
    krg_of: list[Callable[[ActorMention], ActorMention] | None] | None = None
    for a in found:
        if a.id not in _COLLIDING:
            continue  # (one set look-up for the names no other body bears: most)
        drop = False
        if a.id == "actor:asayish":
            if _YAZIDI_ASAYISH_RE.match(text, a.end) or _YAZIDI_BEFORE_RE.search(text, max(0, a.start - 12), a.start):
                out = [b for b in out if b is not a]  # Sinjar's Yazidi Asayish: a body of their own, in no list
                continue
            if krg_of is None:
                krg_of = [_asayish_of_krg(found, places, facilities)]
            krg = krg_of[0]
            if krg is not None:
                out = [krg(b) if b is a else b for b in out]
            continue
        if a.id == "actor:un" and a.surface == "Security Council":
            # "National Security Council", "the Kurdistan Region Security Council": a name ends before it (a capital
            # word other than the UN's own), another body's council
            drop = _OTHER_COUNCIL_RE.search(text, max(0, a.start - 16), a.start) is not None
        elif a.id == "actor:un" and a.surface.lower() == "united nations" and _un_dateline(text, a.start, a.end):
            # "UNITED NATIONS (AP) —", "United Nations, Nov 17 (EFE) –": the wire's dateline, the headquarters where
            # the story was filed, no UN acting (actor24en, rule 27i)
            drop = True
        elif a.id == "actor:un" and "حقوق" in a.surface:
            # `مفوضية حقوق الإنسان` in a text about Iraq: Iraq's own High Commission for Human Rights (its offices in
            # the governorates, its members' statements on the prisons and the camps), not the UN's (rule 32m)
            drop = _iraq_commission(text, a, places, facilities)
        elif a.id == "actor:un":
            # the UN as the owner of an agency the text names ("the UN's Office for the Coordination of Humanitarian
            # Affairs (OCHA)") or as a word describing one ("the head of the UN agency" in a text about UNRWA): the
            # agency, no UN of its own (rule 26m; rule 25c's "the UN's humanitarian office")
            drop = _un_of_agency(text, a, found)
        elif a.id == "actor:global-coalition":
            # "a U.S.-led coalition" striking the Houthis is the Red Sea coalition, not the one against ISIS: a text
            # that names Yemen or the Houthis and neither ISIS nor a place in Iraq or Syria (rule 26m)
            if yemen is None:
                yemen = _yemen_coalition(found, places, facilities)
            drop = yemen
        elif a.id == "actor:sdf" and a.surface == "SDF":
            if deterrence is None:
                deterrence = bool(text_gates(text) & _T_DETERRENCE) and _DETERRENCE_RE.search(text) is not None
                # ("eterrence" or "ETERRENCE" in text)
            drop = deterrence
        elif a.id == "actor:rsf" and a.surface == "RSF":
            drop = bool(text_gates(text) & _T_REPORTERS) and _REPORTERS_RE.search(text) is not None  # Reporters
            # Without Borders (RSF) ("eporters" in text)
        elif a.id == "actor:general-security" and fold(a.surface) in _BARE_GENERAL_SECURITY:
            # Lebanon's General Security bears the name: in a text whose towns are Lebanon's it is Lebanon's (a
            # country alone is no sign: `على الحدود مع لبنان` is where Syria's stands; README rule 22a); Jordan's or
            # Lebanon's nisba right after the name, or after a body coordinated with it, is that state's (`الأمن
            # العام الأردني`, `قوات الأمن العام والدرك الأردنية`; rule 33g)
            other = _GS_OWNER_BY_CODE.get(_gs_nisba_after(text, a.end) or "") \
                or _general_security_named(text, a, found, places) or _OTHER_GENERAL_SECURITY.get(text_country(
                    [p.country for p in places if not p.id.startswith("country:")] + [f.country for f in facilities])
                    or "")
            if other is None and _gs_of_another_state(text, places, facilities, found):
                # Egypt's Public Security Sector, Saudi Arabia's, Libya's Public Security Agency: the name in a text
                # about a state whose own police bear it, naming no place of Syria (rule 33h)
                out = [b for b in out if b is not a]
                continue
            if other is not None:
                out = [b.model_copy(update={"id": other[0], "canonical": other[1]}) if b is a else b for b in out]
            continue
        elif a.id == "actor:ctc":
            # Iraq's Counter-Terrorism Service by its name with a town of the Kurdistan Region after it (`جهاز مكافحة
            # الإرهاب في السليمانية`, `بأربيل`): the Region's own Counter-Terrorism Directorate, the KRG's (rule 27o)
            m = _IN_PREP_AR_RE.match(text, a.end)
            if m is not None and any(p.start == m.end() and p.id in _KR_PLACES for p in places):
                out = [b.model_copy(update={"id": "actor:krg", "canonical": _KRG_CANONICAL}) if b is a else b
                       for b in out]
            continue
        elif a.id == "actor:jordan-gov":
            # Jordan's `مديرية الأمن العام` with a Syrian governorate or town after it (`مديرية الأمن العام في محافظة
            # دير الزور`): that province's directorate of Syria's General Security (helper plact30, rule 30e); with
            # Lebanon's nisba after it (`مديرية الأمن العام اللبنانية`), Lebanon's General Directorate (rule 33g)
            if _syrian_directorate(text, a, places):
                gs = _GENERAL_SECURITY
                out = [b.model_copy(update={"id": gs[0], "canonical": gs[1]}) if b is a else b for b in out]
            elif _gs_nisba_after(text, a.end) == "LB" and "امن العام" in fold(a.surface):
                lb = _OTHER_GENERAL_SECURITY["LB"]
                out = [b.model_copy(update={"id": lb[0], "canonical": lb[1]}) if b is a else b for b in out]
            continue
        elif a.id == "actor:aanes" and a.surface[:1] in "aA":
            # "the Zakho autonomous administration": a place out of Syria right before the words names its own
            # administration, not north-east Syria's (helper plact30, rule 30e)
            drop = any(p.end == a.start - 1 and p.country not in (None, "SY") for p in places) \
                and text[a.start - 1 : a.start] == " "
        elif a.id == "actor:houthis" and "انصار الله" in fold(a.surface):
            cs = {p.country for p in [*places, *facilities]}
            drop = "LB" in cs and "YE" not in cs and ("مخيم" in text or "فتح" in text)
        if drop:
            out = [b for b in out if b is not a]
    return out


# the actors name_collisions reads (each branch of its loop names one)
_COLLIDING = frozenset(("actor:asayish", "actor:un", "actor:sdf", "actor:rsf", "actor:general-security",
                        "actor:houthis", "actor:global-coalition", "actor:ctc", "actor:jordan-gov", "actor:aanes"))
# the UN's words around `مفوضية حقوق الإنسان` (`السامية`, `الأممية`, `التابعة للأمم المتحدة`): the UN's office
_UN_COMMISSION_RE = re.compile(r"سامي|أممي|اممي|الأمم المتحدة|الامم المتحدة")


def _iraq_commission(text: str, a: ActorMention, places: Sequence[PlaceMention],
                     facilities: Sequence[FacilityMention]) -> bool:
    """`مفوضية حقوق الإنسان` is Iraq's High Commission: the text names a place or facility of Iraq, or Iraq by its
    name or nisba (`العراقية`), and no word of the UN's stands beside the name."""
    if _UN_COMMISSION_RE.search(text, max(0, a.start - 12), min(len(text), a.end + 30)) is not None:
        return False
    return "عراق" in text or any(m.country == "IQ" for m in places) or any(m.country == "IQ" for m in facilities)


# the Kurdistan Region's capitals, governorates and the Region (actor:ctc's branch of name_collisions)
_KR_PLACES = frozenset(("geonames:95446", "geonames:98463", "geonames:96994", "geonames:96205", "adm1:IQ-erbil",
                        "adm1:IQ-sulaymaniyah", "adm1:IQ-duhok", "adm1:IQ-halabja", "place:iq-kurdistan-region"))
_IN_PREP_AR_RE = re.compile(r"[ \u00a0]+(?:في[ \u00a0]+|ب)")
# the UN's agencies, funds and offices actors.yaml lists
_UN_AGENCIES = frozenset(("actor:unhcr", "actor:unicef", "actor:unrwa", "actor:wfp", "actor:ocha", "actor:iom",
                          "actor:who"))
_UN_WORDS = frozenset(("un", "u.n.", "u.n", "united nations"))  # ("U.N" where the name's last dot ends the match)
# the owner's possessive ("the UN's", "the U.N.'s", "the United Nations'"), then the agency's name, or a few words
# of its kind ending in an agency's word and then its name ("the United Nations' humanitarian agency OCHA")
_UN_OWNER_RE = re.compile(r"\.?(?:['’]s?)?(?:(?:[ \u00a0]+[a-z]+){0,2}[ \u00a0]+(?:agency|office|body|arm|fund|"
                          r"programme|program),?)?[ \u00a0]+")
_THE_UN_AGENCY_RE = re.compile(r"[ \u00a0]+agency\b(?![ \u00a0]+(?:for|of)\b)")


def _un_of_agency(text: str, a: ActorMention, found: Sequence[ActorMention]) -> bool:
    """The UN named only as an agency's owner or kind: "the UN's Office for the Coordination of Humanitarian Affairs",
    "the U.N.'s World Food Program", "the United Nations' humanitarian agency OCHA" (the agency's name follows), "the
    UN agency" (the article before, one agency, in a text naming a UN agency); in Arabic the agency "of" it
    (`برنامج الأغذية العالمي التابع للأمم المتحدة`; actor26ar, rule 28m)."""
    if "\u0600" <= a.surface[:1] <= "\u06ff":
        m = _UN_OWNER_AR_RE.search(text, max(0, a.start - 24), a.start)
        return m is not None and any(b.id in _UN_AGENCIES and 0 <= m.start() - b.end <= 2 for b in found)
    if a.surface.lower() not in _UN_WORDS:
        return False
    m = _UN_OWNER_RE.match(text, a.end)
    if m is not None and any(b.id in _UN_AGENCIES and b.start == m.end() for b in found):
        return True
    return text[max(0, a.start - 4) : a.start].lower() == "the " and _THE_UN_AGENCY_RE.match(text, a.end) is not None \
        and any(b.id in _UN_AGENCIES for b in found)


# what follows a wire's dateline: a date ("United Nations, Nov 17 (EFE)"), an agency in brackets ("UNITED NATIONS (AP)
# —", "UNITED NATIONS (UrduPoint News / Sputnik - 24th June, 2020)") or a dash
_UN_DATELINE_RE = re.compile(r"(?:,[ \u00a0]*(?:[A-Z][a-z]{2,}\.?[ \u00a0]+\d{1,2}\b|\d{1,2}[ \u00a0]+[A-Z][a-z]{2,})|"
                             r"[ \u00a0]*\([A-Z][^()\n]{0,60}\)|[ \u00a0]*[–—-][ \u00a0])")


# the Arabic word of belonging between a UN agency and the UN (`التابع للأمم المتحدة`: the UN's surface starts after
# the first ل of لل, rule 3; `التابعة للأمم المتحدة`, `التابع لـلأمم`)
_UN_OWNER_AR_RE = re.compile(r"(?:ال)?تابع[ةه]?[ \u00a0]+(?:ل\u0640*)?$")


def _un_dateline(text: str, s: int, e: int) -> bool:
    """"United Nations" opens the text or a line as a wire's dateline."""
    return (s == 0 or text[s - 1] == "\n") and _UN_DATELINE_RE.match(text, e) is not None


def _yemen_coalition(found: Sequence[ActorMention], places: Sequence[PlaceMention],
                     facilities: Sequence[FacilityMention]) -> bool:
    ids = list(map(_ID, found))  # (C-level reads: map over attrgetter)
    if "actor:houthis" not in ids and "YE" not in map(_COUNTRY, places):
        return False
    if not _NOT_RED_SEA.isdisjoint(ids):
        return False
    return _IQ_SY.isdisjoint(map(_COUNTRY, places)) and _IQ_SY.isdisjoint(map(_COUNTRY, facilities))


_NOT_RED_SEA = frozenset(("actor:isis", "actor:sdf", "actor:iraqi-security-forces", "actor:pmf"))
_IQ_SY = frozenset(("IQ", "SY"))
_NOT_OWNERS = ("UN|Nations|The|A|An|At|In|On|After|Before|During|Last|Next|This|That|Its|Their|His|Her|Some|"
               "Several|Both|All|Many|Two|Three|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
               "February|March|April|May|June|July|August|September|October|November|December")
_OTHER_COUNCIL_RE = re.compile(
    rf"(?:(?<![\w.])(?!U\.N\.)(?!(?:{_NOT_OWNERS})(?:\b|['’]))[A-Z][\w.’']*|\b(?i:national))\s+$")
_YAZIDI_ASAYISH_RE = re.compile(r"[ \u00a0]+(?:ال)?[اإ]?[يى]?ز[يى]د[يى](?:ة|ه)\b")
_YAZIDI_BEFORE_RE = re.compile(r"\b(?:Yazidi|Ezidi|Ezidxan|Ezidkhan)\s+$", re.IGNORECASE)
_REPORTERS_RE = re.compile(r"\bReporters\s+(?:Without\s+Borders|sans\s+Fronti)", re.IGNORECASE)
# the bodies of north-east Syria's administration: a text that names one is about the Asayish there
_NES_BODIES = frozenset(("actor:sdf", "actor:aanes", "actor:ypg", "actor:ypj", "actor:pyd"))
# the Kurdistan Region's government, parties and forces: a text that names one (and no place in Syria) is about Iraq
_KRG_BODIES = frozenset(("actor:krg", "actor:kdp", "actor:puk", "actor:kurdish-peshmerga"))


def _asayish_of_krg(found: list[ActorMention], places: Sequence[PlaceMention],
                    facilities: Sequence[FacilityMention]) -> Callable[[ActorMention], ActorMention] | None:
    """The Asayish of a text about Iraq's Kurdistan Region (more of its places in Iraq than in Syria, or none in Syria
    and a Kurdistan Region body named; no body of north-east Syria named) are the Kurdistan Regional Government's
    security police (Erbil, Sulaymaniyah, Duhok), not north-east Syria's (README rule 20c): a function that
    retargets the mention, or None."""
    if any(b.id in _NES_BODIES for b in found):
        return None
    cs = [p.country for p in places] + [f.country for f in facilities]
    iq, sy = cs.count("IQ"), cs.count("SY")
    if not (iq > sy or (sy == 0 and any(b.id in _KRG_BODIES for b in found))):
        return None  # (more places in Iraq than in Syria: `شاباً سورياً` read as Syria leaves Duhok's Asayish the KRG's)
    return lambda b: b.model_copy(update={"id": "actor:krg", "canonical": _KRG_CANONICAL})


_KRG_CANONICAL = "Kurdistan Regional Government (KRG)"
_OTHER_GENERAL_SECURITY = {"LB": ("actor:lebanon-gov", "Government of Lebanon"),
                           # Jordan's Public Security Directorate, `الأمن العام` in Jordan's press (rule 27o)
                           "JO": ("actor:jordan-gov", "Government of Jordan")}
_GS_OWNERS = {"actor:lebanon-gov": _OTHER_GENERAL_SECURITY["LB"], "actor:jordan-gov": _OTHER_GENERAL_SECURITY["JO"]}
# the title of Lebanon's director of General Security before the bare name (`المدير العام للأمن العام`, `مدير عام
# الأمن العام`; Syria's is `مدير إدارة الأمن العام`, Jordan's `مدير الأمن العام`)
_LB_GS_DIRECTOR_RE = re.compile(r"(?:ال)?مدير(?:ه)? العام ل$|(?:ال)?مدير(?:ه)? عام $")


_GENERAL_SECURITY = ("actor:general-security", "General Security (Syria)")


def _syrian_directorate(text: str, b: ActorMention, places: Sequence[PlaceMention]) -> bool:
    """Jordan's Public Security name (`مديرية الأمن العام`) followed by `في`/`ب` and a place in Syria: the Syrian
    province's directorate of General Security (helper plact30, rule 30e)."""
    if "امن العام" not in fold(b.surface):
        return False
    m = _IN_PREP_AR_RE.match(text, b.end)
    return m is not None and any(p.start == m.end() and p.country == "SY" for p in places)


# Jordan's or Lebanon's nisba after the General Security name, straight after it or after one body coordinated with
# it (`الأمن العام الأردني`, `مديرية الأمن العام اللبنانية`, `الأمن العام والدرك الأردنية`): folded, the article and
# the endings optional (rule 33g)
_GS_NISBA_RE = re.compile(r"[ \u00a0]+(?:و[\u0621-\u064a]+[ \u00a0]+)?(?:ال)?(?:[اأ]ردن|لبنان)[يى](?:ه|ة|ين|ون)?"
                          r"(?![\u0621-\u064a])")
_GS_OWNER_BY_CODE = {"LB": ("actor:lebanon-gov", "Government of Lebanon"),
                     "JO": ("actor:jordan-gov", "Government of Jordan")}


def _gs_nisba_after(text: str, end: int) -> str | None:
    """"JO" or "LB" when Jordan's or Lebanon's nisba follows a General Security name ending at `end` (_GS_NISBA_RE);
    else None."""
    m = _GS_NISBA_RE.match(text, end)
    if m is None:
        return None
    return "LB" if "لبنان" in m.group() else "JO"


# states whose own police bear the General Security name (Egypt's Public Security Sector, Saudi Arabia's Public
# Security, Libya's Public Security Agency, the Gulf's and the Maghreb's): a text naming one of them as a place and no
# place or facility in Syria speaks of theirs (rule 33h)
_GS_OTHER_STATES = frozenset(("EG", "SA", "LY", "KW", "BH", "QA", "AE", "OM", "YE", "SD", "TN", "DZ", "MA"))
# Egypt's titles of the body (`قطاع الأمن العام`, `مساعد وزير الداخلية للأمن العام`): Egypt's whatever the places
_EGYPT_GS_RE = re.compile(r"قطاع[ \u00a0]+(?:ال)?[اأ]من[ \u00a0]+العام"
                          r"|وزير[ \u00a0]+الداخلي[ةه][ \u00a0]+(?:ل|لقطاع[ \u00a0]+)[اأ]?ل[اأ]من[ \u00a0]+العام")


def _gs_of_another_state(text: str, places: Sequence[PlaceMention], facilities: Sequence[FacilityMention],
                         found: Sequence[ActorMention]) -> bool:
    """The bare General Security name is another state's own police (rule 33h): Egypt's titles of it, or a text
    that names a state of _GS_OTHER_STATES as a place and no place, facility or body of Syria."""
    if "قطاع" in text or "وزير الداخلية" in text:
        if _EGYPT_GS_RE.search(text) is not None:
            return True
    cs = {p.country for p in places} | {f.country for f in facilities}
    if "SY" in cs or _GS_OTHER_STATES.isdisjoint(cs):
        return False
    return not any(b.id != "actor:general-security" and (b.id.startswith("actor:syria") or b.id in _SYRIA_BODIES)
                   for b in found)


# the bodies of Syria's state and war a text about Syria names (a place in Syria aside)
_SYRIA_BODIES = frozenset(("actor:assad-regime", "actor:syrian-interior-ministry", "actor:syrian-defence-ministry",
                           "actor:military-operations-command", "actor:hts", "actor:sdf", "actor:sna", "actor:aanes",
                           "actor:white-helmets", "actor:sohr", "actor:snhr"))


def _general_security_named(text: str, a: ActorMention, found: Sequence[ActorMention],
                            places: Sequence[PlaceMention] = ()) -> tuple[str, str] | None:
    """Lebanon's (or Jordan's) General Security named in full in the text (`المديرية العامة للأمن العام`, `الأمن العام
    اللبناني`, "Lebanese General Security"), or its director's title right before the bare name: the bare name is
    the same body (actor26ar, rule 28m)."""
    for b in found:
        if b.id in _GS_OWNERS and b is not a:
            f = fold(b.surface)
            if b.id == "actor:jordan-gov" and _syrian_directorate(text, b, places):
                continue  # (Syria's province directorate, read as Syria's General Security above)
            if b.id == "actor:jordan-gov" and _gs_nisba_after(text, b.end) == "LB":
                return _OTHER_GENERAL_SECURITY["LB"]  # (`مديرية الأمن العام اللبنانية`: Lebanon's; rule 33g)
            if "امن العام" in f or "general security" in f or "public security" in f:
                return _GS_OWNERS[b.id]
    if _LB_GS_DIRECTOR_RE.search(fold(text[max(0, a.start - 16) : a.start])):
        return _OTHER_GENERAL_SECURITY["LB"]
    return None


# Syria's General Security by its bare names (folded), which Lebanon's General Directorate shares
_BARE_GENERAL_SECURITY = frozenset(("الامن العام", "جهاز الامن العام", "عناصر الامن العام", "general security",
                                    "لامن العام",  # after ل, its article's alif elided: `التابع للأمن العام` (rule 27o)
                                    "general security service", "general security forces"))


# a body's English name that outlets give its successor from a date: (actor, date) -> the successor. "The Syrian
# interim government" was the opposition's (Azaz) until Ahmed al-Sharaa dissolved the revolution's bodies (29 January
# 2025); from then English outlets call the government in Damascus so ("transfer control of al-Hol to the Syrian
# interim government", Kurdistan24, 2025; data/README.md rule 24j). Its acronym and Arabic name stay its own.
_SUCCEEDED = {"actor:syrian-interim-government": (date(2025, 1, 29), "actor:syria-transitional-gov")}


def succeeded(found: list[ActorMention], gaz: Gazetteer, published_at: datetime | date | None) -> list[ActorMention]:
    """The actors whose English name their successor bears at the article's date, read as the successor."""
    when = day(published_at)
    if when is None or not any(a.id in _SUCCEEDED for a in found):
        return found
    out = []
    for a in found:
        got = _SUCCEEDED.get(a.id)
        if got is not None and when >= got[0] and a.surface[:1] < "\u0250" and a.surface != "SIG":
            e = gaz.entries[got[1]]
            a = a.model_copy(update={"id": e.id, "canonical": e.canonical})
        out.append(a)
    return out


def dated_and_retargeted(text: str, found: list[ActorMention], gaz: Gazetteer,
                         published_at: datetime | date | None) -> list[ActorMention]:
    """The actors the gazetteer's names found, adjusted to the text: a name of the government in power read as
    the government of the article's date (`الحكومة السورية` in 2018: the Assad government), and a generic name
    followed by another nation's adjective left to that nation (`جيش الاحتلال التركي` is Turkey's army, not
    the Israeli army `جيش الاحتلال` names alone)."""
    rules: StateRules = gaz.state
    when = day(published_at)
    stale = when is not None and any(when < n["before"]["date"] for n in rules.before_nations)
    ids = list(map(_ID, found))  # (C-level gates before the per-mention tests: most texts name none)
    if not stale and not rules.succeeded_ids.isdisjoint(ids) \
            and any(a.id in rules.succeeded_ids and former_at(text, a.start, a.end) for a in found):
        # "the former Syrian government" in 2026: the Assad government (state_rules.former_at)
        found = [_as_former(rules, a, gaz) if a.id in rules.succeeded_ids and former_at(text, a.start, a.end)
                 else a for a in found]
        ids = list(map(_ID, found))  # (ids re-read: a former body's id is its predecessor's now)
    if not stale and when is not None and when >= _IN_POWER_FROM and "actor:assad-regime" in ids \
            and any(a.id == "actor:assad-regime" and a.surface.lower() in _REGIME_WORDS_EN for a in found):
        # "a clear message to the Syrian regime" (Israel's defence minister, July 2025), "Regime troops entered the
        # prison" (January 2026): in a text of a date after Assad's fall that names neither him nor a fall, the
        # regime's words name the government in power, as "the Syrian government" does; "the new Syrian regime"
        # whatever the text names (actor25en, rule 28c)
        gov = gaz.entries["actor:syria-transitional-gov"]
        past = _REGIME_PAST_EN_RE.search(text) is not None
        found = [a.model_copy(update={"id": gov.id, "canonical": gov.canonical})
                 if a.id == "actor:assad-regime" and a.surface.lower() in _REGIME_WORDS_EN
                 and (not past or text[max(0, a.start - 4) : a.start].lower() == "new ") else a for a in found]
    if not stale:
        # (nothing to re-date: _as_of keeps every id; only a name with an Arabic word right after it can be
        # dropped, and the list is copied only when one is)
        kept: list[ActorMention] | None = None
        for k, (a, end) in enumerate(zip(found, map(_END, found), strict=True)):
            if text[end : end + 1] != " " or not "\u0600" <= text[end + 1 : end + 2] <= "\u06ff":
                if kept is not None:
                    kept.append(a)
                continue
            m = _NEXT_WORD_RE.match(text, end)  # (= _nation_after: an Arabic word right after the name is asked)
            nation = _nation_of_word(m.group(1), rules) if m is not None else None
            if nation is not None and actor_of(rules, nation, "default", None, when) not in (a.id, None) \
                    and gaz.entries[a.id].country != nation and not _own_people(rules, nation, gaz.entries[a.id]):
                if kept is None:
                    kept = found[:k]
                continue
            if kept is not None:
                kept.append(a)
        return found if kept is None else kept
    out: list[ActorMention] = []
    for a in found:
        nation = _nation_after(text, a.end, rules)
        if nation is not None and actor_of(rules, nation, "default", None, when) not in (a.id, None) \
                and gaz.entries[a.id].country != nation and not _own_people(rules, nation, gaz.entries[a.id]):
            continue  # the institution + nationality phrase (institutions.py) names it (not `جهاز مكافحة
            # الإرهاب العراقي`: an Iraqi body named with its own nationality stays itself)
        aid = _as_of(rules, a.id, when)
        if aid != a.id:
            e = gaz.entries[aid]
            a = a.model_copy(update={"id": aid, "canonical": e.canonical})
        out.append(a)
    return out


def turkish_occupation(text: str, found: list[ActorMention], places: Sequence[PlaceMention],
                       facilities: Sequence[FacilityMention], gaz: Gazetteer) -> list[ActorMention]:
    """The occupation's bare names (`جيش الاحتلال`, `قوات الاحتلال`), which name Israel's army alone, in a text that
    names Turkey's occupation (`جيش الاحتلال التركي`, Kurdish outlets' name of the state acting: rule 24h) and nothing
    of Israel's or Palestine's (no place or facility there, no Israel by name, adjective or the hostile nisba): the
    same Turkish army, no Israeli one (actor26ar, rule 28m)."""
    if "actor:turkey-gov" not in map(_ID, found) \
            or not any(a.id == "actor:turkey-gov" and "احتلال" in fold(a.surface) for a in found):
        return found
    if not any(a.id == "actor:israel-gov" for a in found) \
            or any(a.id == "actor:israel-gov" and "احتلال" not in fold(a.surface) for a in found) \
            or any(p.country in ("IL", "PS") for p in [*places, *facilities]) or _ISRAEL_WORD_RE.search(text):
        return found
    e = gaz.entries["actor:turkey-gov"]
    return [a.model_copy(update={"id": e.id, "canonical": e.canonical})
            if a.id == "actor:israel-gov" and "احتلال" in fold(a.surface) else a for a in found]


_ISRAEL_WORD_RE = re.compile(r"[إاأ]سرائيل|صهيون|غزة|الضفة|الفلسطيني")


# the regime's words that name no ruler of their own (not "the Assad regime", "the former regime")
_REGIME_WORDS_EN = frozenset(("syrian regime", "regime forces", "regime troops"))
_IN_POWER_FROM = date(2024, 12, 8)  # Assad's fall
# a text that speaks of the fallen regime: Assad's name, a word of the fall, the years under it, or the war's other
# side ("a skirmish between rebels and regime troops": the opposition fought Assad's army)
_REGIME_PAST_EN_RE = re.compile(r"(?i)\b(?:al-)?Ass?ad\b|\b(?:fall|fell|fallen|oust\w*|toppl\w*|collaps\w*|depos\w*|"
                                r"overthr\w*|former|previous|bygone|era|decades?|rebels?|rebellion|opposition|"
                                r"uprising|revolution)\b|\bunder[ \u00a0]+the[ \u00a0]+(?:Syrian[ \u00a0]+)?regime\b")


def _as_former(rules: StateRules, a: ActorMention, gaz: Gazetteer) -> ActorMention:
    aid = _as_of(rules, a.id, LONG_AGO)
    if aid == a.id:
        return a
    e = gaz.entries[aid]
    return a.model_copy(update={"id": aid, "canonical": e.canonical})


def _arabic_word_at(text: str, end: int) -> bool:
    return text[end : end + 1] == " " and "\u0600" <= text[end + 1 : end + 2] <= "\u06ff"


def _own_people(rules: StateRules, nation: str, e: Entry) -> bool:
    """The nisba after an armed group's name is its own people's, no other owner: a people's nisba (a nation with
    bodies by country, `الكردية`) after a group of a country that people's bodies serve in (`وحدات حماية الشعب
    الكردية`, `وحدات حماية المرأة الكردية`: the YPG, the YPJ; actor26b, rule 28r)."""
    n = rules.nations.get(nation)
    return e.kind == "armed_group" and n is not None and e.country in (n.get("by_country") or ())


def _nation_after(text: str, end: int, rules: StateRules) -> str | None:
    if not _arabic_word_at(text, end):
        return None  # only an Arabic word right after the name can be its nationality
    m = _NEXT_WORD_RE.match(text, end)
    if m is None:
        return None
    return _nation_of_word(m.group(1), rules)


def _nation_of_word(word: str, rules: StateRules) -> str | None:
    """The nation whose adjective the word (as written) is, or None (asked once per word and kept:
    rules.nation_word)."""
    got = rules.nation_word.get(word, _UNSEEN)
    if got is _UNSEEN:
        w = fold(word)
        got = rules.adj_ar.get(w) or rules.adj_ar.get(w[2:] if w.startswith("ال") else w)
        if len(rules.nation_word) > 200_000:
            rules.nation_word.clear()
        rules.nation_word[word] = got
    return got  # type: ignore[return-value]


_UNSEEN = object()


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([\u0600-\u06ff\u064b-\u065f]+)")


def _as_of(rules: StateRules, aid: str, when: date | None) -> str:
    """The actor that held the office `aid` names on the date `when` (nations' `before` maps)."""
    if when is None:
        return aid
    for n in rules.nations.values():
        before = n.get("before")
        if before is None or when >= before["date"]:
            continue
        for cls, now in n.get("actors", {}).items():
            if now == aid:
                return before["actors"].get(cls) or before["actors"].get("default") or aid
    return aid
