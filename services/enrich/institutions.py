"""State bodies named by an institution word and a nationality (data/README.md rule 12), over one text.

`وزارة العدل العراقية`, `طائرات تركية`, "Turkish drones", "U.S. guards", "Iraq's Justice Ministry"; a ministry
without one ("the Interior Ministry", "وزارة الداخلية") is the ministry of the country named in its sentence,
else of the country the text is about; a stateless nationality ("Kurdish authorities") maps by that country
(AANES in Syria, the KRG in Iraq). The words are data (state_rules.py compiles data/state_actors.yaml).

Speed: Arabic text is read only around the spots a raw-text regex finds (an adjective, a ministry word, a
country's name), and what each word is (a nationality? a ministry's first word?) is looked up once per word
and kept (StateRules.word_info): a dense 3 KB article folds a few hundred of its words, not all of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime
from typing import Any

from services.enrich.backend import PATH
from services.enrich.normalize import fold_text, tokens_folded
from services.enrich.scouts import (
    arabic_cue_starts,
    cue_spans,
    match_at,
    match_starts,
    needle_starts,
    word_cue_starts,
)
from services.enrich.state_rules import DUAL_MINISTRY, LONG_AGO, StateRules, actor_of, day, former_at, has_own, strip_ar

_SENTENCE_END_RE = re.compile("[.\n؟!]")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
# the text's country, (start, ISO2) of every country named, the country of the text's dateline (or None)
Ctx = tuple[str | None, list[tuple[int, str]], str | None]
Hits = list[tuple[int, int, str]]  # (start, end, actor id)


def institution_actors(text: str, rules: StateRules, country: str | None, country_places: list[tuple[int, int, str]],
                       published_at: datetime | date | None, countries: list[tuple[int, str]] | None = None,
                       named: list[tuple[int, int]] | None = None, cues: list[Any] | None = None,
                       dateline: str | None = None, occupied: bytearray | None = None) -> Hits:
    """(start, end, actor id) of institution + nationality phrases, and of bare ministries (the text's country).
    country_places: (start, end, ISO2 or actor id) of country/capital place mentions ("Iraq's Justice Ministry");
    countries: (start, ISO2) of every country named: a bare ministry is that of a country named in its sentence
    ("Belgium repatriated ..., the foreign ministry said"), else of the text's country. cues: the scanner's cue
    candidates (enrichment._enrich), where the raw-text patterns are tried; without them, where scouts find.
    occupied: 1 where a span of `named` is, len(text) long (the caller's, when every span is 0 <= a < b <= len(text)),
    or None (made here)."""
    when = day(published_at)
    ctx = (country, countries or [], dateline)
    if _ARABIC_RE.search(text, 0, 400) is not None:  # an Arabic letter in the first 400 characters
        return _arabic(text, rules, ctx, country_places, when, named or [], cues, occupied)
    return _english(text, rules, ctx, country_places, when, cues)


# the portfolios a ministry's class names that not every state has (Syria has no migration ministry): a bare one in a
# text about another state's returnees is that state's ("the migration ministry", `وزارة الهجرة` beside al-Hol's
# Iraqi families: Iraq's; data/README.md rule 25x)
_OWN_PORTFOLIOS = frozenset(("migration",))


def _bare_owner(text: str, pos: int, ctx: Ctx, rules: StateRules, cls: str, when: date | None) -> str:
    """The country whose bare ministry of class `cls` stands at `pos` (_local_country); a portfolio the local
    country's map has no actor for is that of the first country the text names which has one (rule 25x)."""
    local = _local_country(text, pos, ctx)
    if cls not in _OWN_PORTFOLIOS or has_own(rules, local, cls, when):
        return local
    named = next((c for _s, c in ctx[1] if has_own(rules, c, cls, when)), None)
    if named is not None:
        return named
    # no such country named: one whose adjective the text uses ("81 more Iraqi families", `العراقي`)
    words = {w[2:] if w.startswith("ال") else w for w in fold_text(text).split()}
    for adj, nation in rules.adj_ar.items():
        if adj in words and has_own(rules, nation, cls, when):
            return nation
    for adj, nation in rules.adj_en.items():
        if adj in text and has_own(rules, nation, cls, when) and re.search(rf"\b{re.escape(adj)}\b", text):
            return nation
    return local


def _local_country(text: str, pos: int, ctx: Ctx) -> str:
    """The country named nearest `pos` in its sentence as more than a place people are in or go to ("Belgium
    brought home ...", not "... from Iran"), else the text's country. A wire report's dateline says whose ministry
    speaks when its country is among those the sentence names ("BAGHDAD (AFP) - ... returned to Iraq ... from
    Syria's al-Hol ..., a migration ministry spokesman said" is Iraq's ministry) or when the sentence names
    countries only as such places."""
    near = [(abs(s - pos), c, s) for s, c in ctx[1] if _SENTENCE_END_RE.search(text, min(s, pos), max(s, pos)) is None]
    if not near:
        return ctx[0] or ""
    if ctx[2] is not None and any(c == ctx[2] for _d, c, _s in near):
        return ctx[2]
    free = [x for x in near if not _located(text, x[2]) and _MEDIATOR_RE.search(text, max(0, x[2] - 60), x[2]) is None]
    if free:
        return min(free)[1]
    # the sentence's countries are only where people or goods went or came from ("crossed back into Syria",
    # "gas supplies from Iran"): the dateline's country, else the text's
    return ctx[2] or ctx[0] or min(near)[1]


# a country that brokers or mediates (`brokered by international powers including France and the United States`,
# `بوساطة أمريكية فرنسية`) is a third party, not the owner of the sentence's bare ministry (rule 25x)
_MEDIATOR_RE = re.compile(r"(?:\b(?:brokered|mediated|sponsored|guaranteed|facilitated)\s+by\b|\bmediation\s+of\b"
                          r"|بوساطة|بوساطه|برعاية|برعايه)[^.;\n]*$")


# a weapon's trade after the weapon ("an Iranian drone maker"): a company or an industry, no force
_INDUSTRY_AFTER_EN_RE = re.compile(r" (?:makers?|manufacturers?|factor(?:y|ies)|plants?|industry|industries|"
                                   r"programm?es?|technology|parts|components|exports?|sales|suppliers?|firms?|"
                                   r"compan(?:y|ies)|designs?|market|deals?)\b")
_LOCATIVE_EN = frozenset(("in", "into", "to", "from", "of", "at", "near", "across", "inside", "toward", "towards",
                          "via", "through", "between", "with", "for", "and"))
_LOCATIVE_AR = frozenset(("في", "الى", "إلى", "من", "عبر", "داخل", "نحو", "باتجاه", "و"))


# a force's name before a campaign's word names the campaign, an event (README rule 20b; data/README.md rule 22f):
# "the Israeli military operation" (here and for an actor's alias, enrichment._actors)
CAMPAIGN_AFTER_EN_RE = re.compile(r" (?:military )?(?:operations?|offensive|campaign|incursion|invasion)\b")
# a force's word before a court's names the court ("an Israeli military court", "Israel's military courts", "the Iraqi
# army's court"): courts, judges and prosecutors name no actor (data/README.md rule 23b; actor24en, rule 27i)
# ... and a radio's: "Israel's Army Radio", "the Israeli Army Radio" (Galei Tzahal) is an outlet, no force acting
# (actor25en, rule 28c)
COURT_AFTER_EN_RE = re.compile(r" (?:(?:appeals?|appellate|field|special)[ \u00a0]+)?(?:courts?|tribunals?|judges?|"
                               r"prosecutors?|prosecution|judiciary|justice[ \u00a0]+system|[Rr]adio)\b")


# a direction between a preposition and its country ("camps in north-east Syria", "from northern Iraq")
_DIRECTION_EN = frozenset(("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern",
                           "western", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                           "north-western", "south-eastern", "south-western", "central"))


def _located(text: str, s: int) -> bool:
    """The country named at `s` stands after a preposition (a place people are in or move to), not as a subject;
    a direction may stand between them ("from camps in north-east Syria": data/README.md rule 23 (en16))."""
    if s > 0 and text[s - 1] in "بلو":
        return True  # `بسوريا`، `لسوريا`
    words = text[max(0, s - 12) : s].split()
    if words and words[-1].lower() in _DIRECTION_EN:
        words = text[max(0, s - 30) : s].split()[:-1]
    return bool(words) and (words[-1].lower() in _LOCATIVE_EN or words[-1] in _LOCATIVE_AR)


def _english(text: str, rules: StateRules, ctx: Ctx, cplaces: list[tuple[int, int, str]], when: date | None,
             cues: list[Any] | None) -> Hits:
    country = ctx[0]
    out: Hits = []
    owners: list[tuple[int, str]] = []  # (start, ISO2) of the states whose bodies the adjectives name
    assert rules.inst_en_re is not None and rules.bare_en_re is not None
    # (= finditer, see scouts.py: tried where an adjective's first word is, or where the scouts find one)
    firsts = rules.inst_en_firsts
    for m in match_at(rules.inst_en_re, needle_starts(text, firsts), text) if firsts \
            else match_starts(rules.inst_en_re, rules.inst_en_scouts, text):
        inst = " ".join(m.group("inst").lower().split())
        if inst == "state" and not _state_body(text, m.end(), rules):
            continue
        cls = rules.inst_en[inst]
        if cls == "forces" and text[m.end() : m.end() + 1] == " " and (CAMPAIGN_AFTER_EN_RE.match(text, m.end())
                                                                       or _INDUSTRY_AFTER_EN_RE.match(text, m.end())
                                                                       or COURT_AFTER_EN_RE.match(text, m.end())):
            continue  # "as the Israeli military operation continues": a campaign, an event (rule 20b), no actor;
            # "an Iranian drone maker", "the Turkish drone industry": a trade (data/README.md rule 23 (en16));
            # "an Israeli military court": a court, which names no actor (rule 23b; actor24en, rule 27i)
        nation = rules.adj_en[" ".join(m.group("adj").split())]  # ("United  States": any run of spaces)
        if len(nation) == 2 and nation.isupper():
            owners.append((m.start(), nation))
        aid = actor_of(rules, nation, cls, _host_country(text, m.start(), nation, rules, country),
                       LONG_AGO if former_at(text, m.start(), m.end()) else when)
        if aid:
            out.append((m.start(), m.end(), aid))
        if m.start() > 4 and text[m.start() - 1] == " " and (text[m.start() - 4 : m.start()] == "and "
                                                             or text[m.start() - 2] in ",&"):
            _coordinated_en(text, m.start(), cls, rules, country, when, out)
    assert rules.poss_en_re is not None
    for s, e, code in cplaces:  # "Iraq's Justice Ministry", "Turkey's military"; "the Jordan government"
        pm = rules.poss_en_re.match(text, e)
        if pm and pm.group("inst").lower() == "state" and not _state_body(text, pm.end(), rules):
            pm = None  # "Iraq's state oil marketer"
        if pm and text[pm.end() : pm.end() + 1] == " " and COURT_AFTER_EN_RE.match(text, pm.end()):
            pm = None  # "Israel's military courts": the courts, no forces (rule 23b; actor24en, rule 27i)
        if pm:
            cls = rules.inst_en[" ".join(pm.group("inst").lower().split())]
            aid = code if code.startswith("actor:") else \
                actor_of(rules, code, cls, None, LONG_AGO if former_at(text, s, pm.end()) else when)
            if aid:
                out.append((s, pm.end(), aid))
                continue
        # "the Jordan government", "Iraq security forces": the name as a noun before the body
        if rules.noun_en_re is not None and text[e : e + 1] in (" ", "\u00a0"):  # (not a dateline's line end:
            # "DAMASCUS\nGovernment units took ..." is the dateline's city and the next sentence; rule 25x)
            nm = rules.noun_en_re.match(text, e)
            if nm:
                cls = rules.inst_en[" ".join(nm.group("inst").lower().split())]
                aid = code if code.startswith("actor:") else actor_of(rules, code, cls, None, when)
                if aid:
                    out.append((s, nm.end(), aid))
    bare = match_starts(rules.bare_en_re, rules.bare_en_scouts, text) if cues is None else \
        match_at(rules.bare_en_re, word_cue_starts(text, cue_spans(cues, "bare_en")), text)
    for m in bare:
        if any(s <= m.start() < e for s, e, _a in out):
            continue
        if _OTHER_OWNER_EN_RE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "the KRG interior ministry": another government's (README rule 21b)
        if _foreign_demonym_before(text, m.start(), rules, cplaces):
            continue  # "the Dutch foreign ministry": a state with no actor of its own (data/README.md rule 23 (en16))
        if _PATRON_AFTER_RE.match(text, m.end()) is not None:
            continue  # "a Pentagon-backed faction": a body described by its patron names no patron (rules 25c, 27n)
        cls = rules.inst_en[" ".join(m.group("inst").lower().split())]
        # a state body named by its adjective in the sentence says whose the bare ministry is, as its country's
        # name would ("An Iraqi delegation led by the migration minister": data/README.md rule 23 (en16))
        here = ctx if not owners else (ctx[0], sorted(ctx[1] + owners), ctx[2])
        aid = actor_of(rules, _bare_owner(text, m.start(), here, rules, cls, when), cls, None, when)
        if aid:
            out.append((m.start(), m.end(), aid))
    if when is not None and when >= _DAMASCUS_INTERIM_FROM and "nterim authorit" in text:
        # "Syrian interim authorities", "Syria's new interim authorities": the caretaker government in Damascus from
        # December 2024 (AFP, Xinhua, IANS); "interim" is no modifier of state_actors.yaml, as the opposition's
        # Syrian Interim Government (Azaz) bears the word (actor24en, rule 27i). Before that date: none.
        for im in _SYRIAN_INTERIM_EN_RE.finditer(text):
            if not any(s <= im.start() < e for s, e, _a in out):
                aid = actor_of(rules, "SY", "government", None, when)
                if aid:
                    out.append((im.start(), im.end(), aid))
    return out


# a hyphen and a participle of patronage after a bare ministry ("Pentagon-backed", "State Department-funded"): the
# words describe another body by its patron, as actors.compound_adjective reads them after an actor's name
_PATRON_AFTER_RE = re.compile(r"[-\u2010\u2011](?:backed|aligned|allied|funded|sponsored|supported|brokered|mediated|"
                              r"negotiated|facilitated)\b", re.IGNORECASE)
_DAMASCUS_INTERIM_FROM = date(2024, 12, 8)
_SYRIAN_INTERIM_EN_RE = re.compile(r"\b(?:(?:[Nn]ew[ \u00a0]+)?Syrian|Syria['’]s(?:[ \u00a0]+new)?)"
                                   r"[ \u00a0]+interim[ \u00a0]+authorities\b")


# a state's adjective right before a stateless nation's ("Iraqi Kurdish authorities", "Syrian Kurdish fighters"): the
# state whose map the nation's bodies are read by, whatever the text's country (actor25en, rule 28c)
_HOST_BEFORE_EN_RE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+$")


def _host_country(text: str, start: int, nation: str, rules: StateRules, country: str | None) -> str | None:
    """The country whose map a stateless nation's adjective at `start` is read by: the state whose adjective stands
    right before it ("Iraqi Kurdish authorities": Iraq's, the KRG), else the text's country."""
    n = rules.nations.get(nation)
    if n is None or not n.get("by_country") or start < 2:
        return country
    m = _HOST_BEFORE_EN_RE.search(text, max(0, start - 16), start)
    code = rules.adj_en.get(m.group(1)) if m is not None else None
    return code if code is not None and code in n["by_country"] else country


def _coordinated_en(text: str, start: int, cls: str, rules: StateRules, country: str | None,
                    when: date | None, out: Hits) -> None:
    """The adjectives coordinated before the one that opens an institution at `start` name their states' bodies
    too: "Lebanese and Syrian officials", "US, British and French forces" (README rule 20c)."""
    assert rules.coord_en_re is not None
    while (c := rules.coord_en_re.search(text, max(0, start - 40), start)) is not None:
        aid = actor_of(rules, rules.adj_en[" ".join(c.group("adj").split())], cls, country, when)
        if aid:  # (the adjective with its connector: "US," reaches past the place "US", which then is none)
            out.append((c.start(), c.start() + len(c.group().rstrip()), aid))
        start = c.start()


# an owner named right before a bare ministry: a regional government's or a movement's acronym ("the KRG interior
# ministry", "the PA health ministry", also possessive: "the KRG's labour ministry", rule 24o) or the Kurdistan Region's
_OTHER_OWNER_EN_RE = re.compile(
    r"(?:\b[A-Z]{2,5}(?:'s|’s)?|\bKurdistan(?:\s+Region(?:al)?)?(?:'s|’s)?|\bRegion(?:'s|’s)?|\bHamas|\bHouthi|"
    r"\bKurdish\s+[Rr]egion(?:al)?(?:'s|’s)?"
    # a movement that runs the body ("the Hamas-run health ministry", "the Houthi-controlled health ministry", "the
    # Taliban-led interior ministry"): the movement's, no state's (rule 26b); a state's own adjective is read above
    r"|\b[A-Z][a-z]+[-‐‑](?:run|controlled|led|held|administered|affiliated|appointed))\s+$")
_NEXT_WORD_EN_RE = re.compile(r"\s+([A-Za-z]+)")
_DEMONYM_BEFORE_EN_RE = re.compile(r"\b([A-Z][a-z]+(?:ian|ean|an|ese|ish|ch|i)) $")


def _foreign_demonym_before(text: str, s: int, rules: StateRules, cplaces: list[tuple[int, int, str]]) -> bool:
    """A capitalised nationality adjective the state rules do not list stands right before a bare ministry ("the
    Dutch foreign ministry", "the Qatari interior ministry"): that state's, none of the text's (not a country's
    own name, "Iran foreign ministry")."""
    if s < 3 or text[s - 1] != " " or not text[s - 2].islower():
        return False
    m = _DEMONYM_BEFORE_EN_RE.search(text, max(0, s - 24), s)
    return m is not None and m.group(1) not in rules.adj_en and not any(e == s - 1 for _s, e, _c in cplaces)


def _state_body(text: str, e: int, rules: StateRules) -> bool:
    """"the Turkish state" ends its phrase or is a verb's subject ("the Lebanese state.", "the Turkish state said"):
    not a state of a federation ("the U.S. state of Michigan"), a name ("the Iraqi State Company") or an adjective
    ("Turkish state media", "Iraq's state oil marketer")."""
    if text[e : e + 1] in ("-", "‐", "‑"):
        return False  # "state-run", "state-owned"
    m = _NEXT_WORD_EN_RE.match(text, e)
    if m is None:
        return True  # punctuation or the text's end
    w = m.group(1)
    if w[0].isupper():
        return False
    return w in rules.verbs_en or w in rules.aux_en or w in rules.modal_en or w in rules.skip_en \
        or (w.endswith("ed") and len(w) > 4 and w not in rules.not_verbs_en)


def _arabic(text: str, rules: StateRules, ctx: Ctx, cplaces: list[tuple[int, int, str]], when: date | None,
            named: list[tuple[int, int]], cues: list[Any] | None, occupied: bytearray | None = None) -> Hits:
    """named: spans of actors already found (an adjective inside one, "الحكومة السورية", needs no reading).
    Only the words around a nationality adjective, a ministry word or a country's name are read."""
    hot = match_starts(rules.hot_ar_re, rules.hot_ar_scouts, text) if cues is None else \
        match_at(rules.hot_ar_re, arabic_cue_starts(text, cue_spans(cues, "hot_ar"), rules.hot_ar_firsts), text)
    spots = sorted({m.start() for m in hot} | {s for s, _e, _c in cplaces})
    if named:
        if occupied is not None:
            inside = occupied  # (the caller's: no span reaches len(text), where this one's last byte stays 0)
        else:
            inside = bytearray(len(text) + 1)  # 1 where an actor already found is: one C-level fill per actor
            for a, b in named:
                if b > a:
                    inside[a:b] = b"\x01" * (b - a)
        spots = [p for p in spots if not (0 <= p < len(inside) and inside[p])]
    out: Hits = []
    place_at = {s: code for s, _e, code in cplaces}
    place_starts = sorted(place_at)
    lo = hi = -1
    for p in [*spots, len(text) + 1000]:
        a, b = (p - 50 if p > 50 else 0), p + 30  # three words before (the institution), the word and two after
        if a <= hi:
            hi = b
            continue
        if hi >= 0:
            _arabic_window(text, _window_tokens(text, lo, hi), rules, ctx, place_at, when, out, named,
                           place_starts)
        lo, hi = a, b
    return out


_ALONGSIDE = frozenset(("الي", "والي", "بجانب"))


def _window_tokens(text: str, lo: int, hi: int) -> tuple[list[int], list[int], list[str]]:
    """(starts, ends, folded words) of the tokens of the window, widened to whole words."""
    native = PATH.native
    lo, hi = native.widen(text, lo, hi) if native is not None else _widen_ref(text, lo, hi)
    return tokens_folded(text, lo, hi)


def _widen_ref(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The window [lo, hi) widened to whole words (hi clipped to the text); compiled: _scan.widen (0 <= lo <=
    len(text), 0 <= hi)."""
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), hi)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def _marked_ref(folds: list[str], info: dict[str, tuple[str | None, bool]]) -> list[int]:
    """The indices of the words whose info is not _PLAIN (a word not looked up yet included); compiled:
    _scan.marked."""
    return [i for i, f in enumerate(folds) if info.get(f) is not _PLAIN]


_PLAIN: tuple[str | None, bool] = (None, False)  # the info of a word that is neither (most): one shared tuple


def _word_info(f: str, rules: StateRules) -> tuple[str | None, bool]:
    """(nation of the word's first reading that is an adjective, a reading is a ministry's first word); a word
    that is neither gets _PLAIN itself (so a window picks out the others by identity)."""
    info = rules.word_info.get(f)
    if info is None:
        readings = strip_ar(f)
        nation = next((n for w in readings if (n := rules.adj_ar.get(w))), None)
        if len(rules.word_info) > 200_000:
            rules.word_info.clear()
        ministry = not rules.ministry_firsts.isdisjoint(readings)
        info = rules.word_info[f] = _PLAIN if nation is None and not ministry else (nation, ministry)
    return info


def _arabic_window(text: str, win: tuple[list[int], list[int], list[str]], rules: StateRules, ctx: Ctx,
                   place_at: dict[int, str], when: date | None, out: Hits,
                   named: list[tuple[int, int]], place_starts: list[int]) -> None:
    """place_starts: the keys of place_at, sorted. Only the words that are a nationality, a country's name or a
    ministry's first word are visited (one C-level pass picks them out); the others are read as neighbours."""
    country = ctx[0]
    starts, ends, folds = win
    n = len(folds)
    if n == 0:
        return
    wi = rules.word_info  # (a miss is looked up and kept by _word_info; a plain word's info is _PLAIN itself)
    native = PATH.native
    marked = native.marked(folds, wi, _PLAIN) if native is not None else _marked_ref(folds, wi)
    infos = {i: wi.get(folds[i]) or _word_info(folds[i], rules) for i in marked}
    marked = [i for i in marked if infos[i] is not _PLAIN]
    # the words that are a nationality, or a country's name (place_at): in text order
    subjects = [i for i in marked if infos[i][0] is not None]
    a = bisect_left(place_starts, starts[0])
    b = bisect_right(place_starts, starts[-1], a)
    if a < b:
        at = set(subjects)
        for p in place_starts[a:b]:
            i = bisect_left(starts, p)
            if i < n and starts[i] == p:
                at.add(i)
        subjects = sorted(at)
    used = -1
    last: tuple[int, str] | None = None  # (index, class) of the nisba that last closed an institution
    for i in subjects:
        nation = infos[i][0] if i in infos else None  # (a country's name that is no nationality: unmarked)
        s = starts[i]
        # look back over modifiers for the institution ("القوات الخاصة العراقية", "طائرة مسيرة تركية"); a
        # word that is both (مسيرة "drone" / "guided") is the institution when nothing precedes it
        hit = None
        second = False  # a two-noun portfolio's second noun passed (`وزارة الخارجية والمغتربين السورية`)
        for j in range(i - 1, i - 4 if i > 3 else -1, -1):
            if starts[j] <= used:
                break
            hit = _institution_ending_at(folds, j, rules)
            if hit is not None:
                break
            if folds[j] not in rules.mod_ar and not (j > 0 and folds[j - 1] == "اف" and folds[j].isdigit()):
                # (the number of a craft's type after اف: `طائرات إف-16 عراقية`; rule 33e)
                if second or not folds[j].startswith("وال") or len(folds[j]) < 6:
                    break
                second = True  # (once: the ministry must come next; `والشؤون الاجتماعية` keeps its adjective)
        if hit is not None and second and hit[1] not in rules.ministries:
            hit = None  # `الحكومة والمعارضة السورية`: a coordinated body of its own, no portfolio
        if hit is not None and hit[1] == "defence" and hit[0] + 1 < n and folds[hit[0] + 1] in _NATIONAL \
                and "دفاع" in strip_ar(folds[hit[0]]):
            hit = None  # `عناصر الدفاع الوطني والأمن السوري`: the National Defence militia, no defence ministry (the
            # ministry keeps its word: `وزارة الدفاع الوطني`; actor26ar, rule 28m)
        if hit is None:
            if nation is not None and i > 0 and folds[i - 1] in _THE_SECURITY and folds[i].startswith("ال") \
                    and _security_acts(text, starts, ends, folds, i, rules):
                # `منع الأمن الأردني`, `عناصر الأمن السوري`, a headline's `الأمن اللبناني:`: a state's security
                # services by the word and its nisba, where they act or their members are named (rule 33f)
                aid = actor_of(rules, nation, "forces", country, when)
                if aid:
                    out.append((starts[i - 1] + (1 if folds[i - 1].startswith("و") else 0), ends[i], aid))
                    used = ends[i]
                    last = (i, "forces")
                continue
            if last is not None and last[0] == i - 1 and nation is not None and folds[i].startswith("و"):
                # `القوات العراقية والسورية`, `مسؤولون لبنانيون وسوريون`: the coordinated nisba's body too
                aid = actor_of(rules, nation, last[1], country, when)
                if aid:
                    out.append((starts[i] + 1, ends[i], aid))
                    used = ends[i]
                    last = (i, last[1])
            continue
        k, cls = hit
        if folds[k] in _OCCUPATION and (_OCCUPATION_OF_RE.match(text, ends[i]) is not None
                                         or (k > 0 and folds[k - 1] in _OCCUPATION_WHEN)):
            continue  # `منذ الاحتلال الأمريكي للعراق`, `الاحتلال التركي عام 2018`: the occupation itself, an event
        if k > 0 and strip_ar(folds[k])[-1] == "عدو" and not _PRISONS_OF.isdisjoint(strip_ar(folds[k - 1])):
            continue  # `في سجون العدو الصهيوني`: the prisons it runs, a site (rule 25r's `سجون الاحتلال`; rule 28m)
        if k > 0 and folds[k - 1] in _ALONGSIDE and strip_ar(folds[k])[-1] == "جانب":
            continue  # `إلى جانب سوريين` is "alongside Syrians", no Syrian side
        if nation is not None and not folds[i].startswith(_DEFINITE) and any(folds[x].startswith(_DEFINITE)
                                                                            for x in range(k, i)):
            continue  # `أوقفت قوى الأمن الداخلي سورياً`: an indefinite nisba after a definite name is no adjective
            # of it (an adjective agrees: `القوات السورية`, `قصفاً مدفعياً إسرائيلياً`), a person, the object
        if nation is None:  # "حكومة العراق": an institution before a country's name
            code = place_at[s]
            aid = code if code.startswith("actor:") else actor_of(rules, code, cls, None, when)
        else:
            aid = actor_of(rules, nation, cls, country, LONG_AGO if former_at(text, starts[k], ends[i]) else when)
            if not aid and cls == "members" and folds[i - 1] in _THE_SECURITY and folds[i].startswith("ال"):
                # `عناصر الأمن السوري`: the members of a state's security services, its forces (rule 33f)
                aid = actor_of(rules, nation, "forces", country, when)
        if aid:
            e = ends[i]
            out.append((_name_start(text, starts[k], folds[k], cls, folds[k + 1], rules), e, aid))
            used = e
            last = (i, cls)
    # a ministry with no nationality after it: the text's country
    for i in marked:
        if not infos[i][1] or i >= n - 1:
            continue
        mcls = next((c for w in strip_ar(folds[i]) if (c := rules.inst_ar.get((w, folds[i + 1])))), None)
        if mcls in rules.ministries and not any(a <= starts[i] < b for a, b, _x in out):
            nxt = folds[i + 2] if i + 2 < n else ""
            if (wi.get(nxt) or _word_info(nxt, rules))[0] if i + 2 < n else False:
                continue  # a nationality follows (وزارة الخارجية العراقية)
            if nxt.startswith("ال") and nxt.endswith(("يه", "ي")) and nxt not in _NO_NATION \
                    and _nisba_written(text, starts[i + 2], ends[i + 2]):
                continue  # a nationality the data lacks (وزارة الخارجية الهولندية; not `الأسرى`, a plural)
            gov = starts[i + 3] if nxt == "في" and i + 3 < n else -1  # where the name after `في` starts
            pm = _PORTFOLIO_IN_RE.match(text, ends[i + 1]) if nxt.startswith("وال") else None
            past = pm is not None
            if pm is not None:  # a portfolio of two (وزيرة العمل والشؤون الاجتماعية في حكومة إقليم كوردستان): past it
                gov = pm.end()
            if gov >= 0 and (any(a <= gov < b for a, b in named)
                             or (_GOVERNMENT_AT_RE.match(text, gov) is not None if past
                                 else not _GOVERNMENT_WORDS.isdisjoint(strip_ar(folds[i + 3])))):
                continue  # a ministry in a named government (وزارة الداخلية في حكومة إقليم كردستان): that one's
            if gov >= 0 and _THE_REGION_RE.match(text, gov) is not None:
                # `وزارة العمل والشؤون الاجتماعية في الإقليم`: "the Region" alone, the Kurdistan Region's government
                # (as `حكومة الإقليم` is, actors.yaml; rule 24o)
                out.append((_name_start(text, starts[i], folds[i], mcls, folds[i + 1], rules), ends[i + 1],
                            "actor:krg"))
                continue
            if gov >= 0 and place_at.get(gov, "").startswith("actor:"):
                # a ministry in a region with its own government (وزارة الداخلية في إقليم كوردستان): the region's
                out.append((_name_start(text, starts[i], folds[i], mcls, folds[i + 1], rules), ends[i + 1],
                            place_at[gov]))
                continue
            aid = actor_of(rules, _bare_owner(text, starts[i], ctx, rules, mcls, when), mcls, None, when)
            if aid:
                out.append((_name_start(text, starts[i], folds[i], mcls, folds[i + 1], rules), ends[i + 1], aid))
            cls2 = _dual_second(folds, i, rules)
            if cls2 is not None:
                aid = actor_of(rules, _bare_owner(text, starts[i], ctx, rules, cls2, when), cls2, None, when)
                if aid:
                    out.append((starts[i + 2] + 1, ends[i + 2], aid))


# `الأمن` ("the security") before a nisba (rule 33f): a state's security services where they act
_THE_SECURITY = frozenset(("الامن", "والامن"))
# the words before `الأمن` + nisba that name its members, units or head (`عناصر الأمن السوري`, `رجال الأمن الأردنيين`,
# `بمديرية الأمن التركية`, `دوريات الأمن اللبناني`)
_SECURITY_MEMBERS = frozenset(("عناصر", "عنصر", "رجال", "رجل", "افراد", "دوريات", "دوريه", "ضباط", "ضابط", "مديريه",
                               "بمديريه", "لمديريه", "ومديريه", "وعناصر", "لعناصر", "ورجال", "قائد", "مدير"))
# verbs after which the nisba'd security is the object, not the agent (`يهدد الأمن الأردني`, `استهدف الأمن العراقي`)
_SECURITY_OBJECT_VERBS = frozenset(("هدد", "هددت", "يهدد", "تهدد", "استهدف", "استهدفت", "يستهدف", "تستهدف"))


def _security_acts(text: str, starts: list[int], ends: list[int], folds: list[str], i: int,
                   rules: StateRules) -> bool:
    """`الأمن` + nisba at folds[i - 1 : i + 1] names the state's security services as an agent (rule 33f): a verb of
    rules.verbs_ar before it (not one it is the object of) or after it, a word of its members or head before it
    (`مدير عام الأمن الأردني`), or a headline's or line's opening name followed by a colon."""
    prev = folds[i - 2] if i >= 2 else ""
    if prev in _SECURITY_MEMBERS or (prev == "عام" and i >= 3 and folds[i - 3] in _SECURITY_MEMBERS):
        return True
    if prev and prev not in _SECURITY_OBJECT_VERBS and (prev in rules.verbs_ar_masc or prev in rules.verbs_ar):
        return True
    nxt = folds[i + 1] if i + 1 < len(folds) else ""
    if nxt and (nxt in rules.verbs_ar_masc or nxt in rules.verbs_ar):
        return True
    s = starts[i - 1]
    return (s == 0 or text[s - 1] == "\n") and text[ends[i] : ends[i] + 2].lstrip(" ").startswith(":")


def _dual_second(folds: list[str], i: int, rules: StateRules) -> str | None:
    """The class of the second portfolio coordinated under a dual ministry (`وزارتي الدفاع والداخلية`: interior),
    when folds[i] is the dual and folds[i + 2] the second portfolio after و (actor26ar, rule 28m)."""
    if i + 2 >= len(folds) or not folds[i + 2].startswith("و") \
            or not any(w in DUAL_MINISTRY for w in strip_ar(folds[i])):
        return None
    cls = rules.inst_ar.get(("وزاره", folds[i + 2][1:]))
    return cls if cls in rules.ministries else None


_GOVERNMENT_WORDS = frozenset(("حكومه", "اداره", "سلطه"))
_NATIONAL = frozenset(("الوطني", "الوطنيه"))
_PRISONS_OF = frozenset(("سجون", "سجن", "معتقلات", "معتقل", "زنازين", "زنازن"))
_OCCUPATION = frozenset(("الاحتلال", "احتلال", "والاحتلال", "للاحتلال", "بالاحتلال", "فالاحتلال"))
# after an occupation's nisba: when it occupied (`عام 2003`, `في 2018`, `منذ`); before it, a time or a stand against it
# (`منذ/بعد/خلال/إبان الاحتلال`, `مقاومة الاحتلال`): the occupation as an event, no actor
_OCCUPATION_OF_RE = re.compile(r"\s*(?:(?:في\s+)?(?:عام|سنة|سنه)(?![\u0621-\u064a])|في\s+[0-9\u0660-\u0669]"
                               r"|[0-9\u0660-\u0669]|منذ|(?:ال)?(?:سابق|بائد))")
_OCCUPATION_WHEN = frozenset(("منذ", "بعد", "قبل", "خلال", "ابان", "زمن", "عهد", "فتره", "سنوات", "ضد", "انهاء",
                              "مقاومه", "انسحاب", "تحت", "وبعد", "وقبل", "وخلال", "ومنذ"))
# "the Region" alone after a ministry's `في` (not `في إقليم كوردستان`, a named place read above, nor `إقليم` + a name)
_THE_REGION_RE = re.compile(r"ال[إا]قليم(?![\u0621-\u064a])")
# a two-noun portfolio's second noun, its adjective, then في (`والشؤون الاجتماعية في `): where the government's name is
_PORTFOLIO_IN_RE = re.compile(r"\s+وال[\u0621-\u064a\u064b-\u0652]+(?:\s+ال[\u0621-\u064a\u064b-\u0652]+)?\s+في\s+")
_GOVERNMENT_AT_RE = re.compile(r"(?:ال)?(?:حكوم|إدار|ادار|سلط)[ةه]")
# nisba-shaped words after a ministry that are part of its portfolio, no nationality (`وزارة التجارة الداخلية`,
# Syria's ministry of internal trade)
_NO_NATION = frozenset(("الداخليه", "الخارجيه"))
_DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")  # a folded word with the article
_MARKS = frozenset("\u0640\u0670\u200c\u200d\u200e\u200f\u00ad" + "".join(chr(c) for c in range(0x064B, 0x0660)))


def _name_start(text: str, start: int, f: str, cls: str, second: str, rules: StateRules) -> int:
    """Where an institution's name starts in its first word (folded `f`, at `start`; `second`: the folded word
    after it, for a two-word name): after the proclitics the
    reading that named it left out (`لوزارة النفط` -> `وزارة النفط`; the article stays: `والحكومة` ->
    `الحكومة`; ل + a contracted article is left out whole: `للجيش` -> `جيش`, data/README.md rule 3)."""
    key = (f, cls, second)
    n = rules.name_skip.get(key)
    if n is None:
        if len(rules.name_skip) > 200_000:
            rules.name_skip.clear()
        n = rules.name_skip[key] = _letters_left_out(f, cls, second, rules)
    if n < 0:
        return start
    p, seen = start, 0
    while seen < n and p < len(text):
        if text[p] not in _MARKS:
            seen += 1
        p += 1
    while p < len(text) and text[p] in _MARKS:
        p += 1
    return p


def _letters_left_out(f: str, cls: str, second: str, rules: StateRules) -> int:
    """How many letters of `f` the name leaves out (_name_start), or -1 when it starts with the word."""
    w = next((r for r in strip_ar(f) if rules.inst_ar.get((r, second)) == cls or rules.inst_ar.get((r,)) == cls), f)
    if w == f or not f.endswith(w):
        return -1
    prefix = f[: len(f) - len(w)]
    return len(prefix) - 2 if prefix.endswith("ال") and not prefix.endswith("لال") else len(prefix)


def _nisba_written(text: str, s: int, e: int) -> bool:
    """The word ends as a nisba adjective is written (ي, ية, يه): not with alef maqsura (`الأسرى`, a plural that
    folds to the same letters)."""
    return text[s:e].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith(("ي", "ية", "يه"))


def _institution_ending_at(folds: list[str], j: int, rules: StateRules) -> tuple[int, str] | None:
    """(index of its first word, class) of an institution whose last word is folds[j] (the answer for a pair of
    words is kept: rules.ending_at)."""
    key = (folds[j - 1] if j >= 1 else None, folds[j])
    if key in rules.ending_at:
        got = rules.ending_at[key]
    else:
        if len(rules.ending_at) > 200_000:
            rules.ending_at.clear()
        got = rules.ending_at[key] = _ending_at(key[0], key[1], rules)
    return None if got is None else (j - got[0], got[1])


def _ending_at(before: str | None, last: str, rules: StateRules) -> tuple[int, str] | None:
    """(1 for a two-word institution `before last`, 0 for a one-word `last`; its class), or None."""
    if before is not None:
        for w in strip_ar(before):
            cls = rules.inst_ar.get((w, last))
            if cls:
                return 1, cls
    for w in strip_ar(last):
        cls = rules.inst_ar.get((w,))
        if cls:
            return 0, cls
    return None
