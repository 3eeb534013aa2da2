"""data/state_actors.yaml compiled for the state-actor modules (actors.py, institutions.py), and what both share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from services.enrich.context_actors import ContextRules, compile_context
from services.enrich.normalize import fold_text
from services.enrich.scouts import Scout, scout_after, scout_caseless, scout_literals

AR_LETTER = "\u0621-\u064a"


@dataclass(slots=True)
class StateRules:
    """data/state_actors.yaml compiled for lookups (folded Arabic, lower-case English)."""

    inst_ar: dict[tuple[str, ...], str] = field(default_factory=dict)  # folded words, article-less first
    inst_en_re: re.Pattern[str] | None = None  # adjective/possessive + modifiers + institution (English)
    inst_en_scouts: tuple[Scout, ...] = ()  # where inst_en_re can match: where an adjective starts
    # the adjectives' first words (each a literal every match of its adjective opens with), when there are at most
    # 64 and none opens with a space: scouts.needle_starts finds them in one pass (else () and the scouts are used)
    inst_en_firsts: tuple[str, ...] = ()
    inst_en: dict[str, str] = field(default_factory=dict)  # lower-case institution phrase -> class
    bare_en_re: re.Pattern[str] | None = None  # a ministry without nationality
    bare_en_scouts: tuple[Scout, ...] = ()  # where bare_en_re can match
    poss_en_re: re.Pattern[str] | None = None  # a country's possessive + institution
    noun_en_re: re.Pattern[str] | None = None  # a country's or capital's name as a noun + institution
    ministries: frozenset[str] = frozenset()
    ministry_firsts: frozenset[str] = frozenset()  # first words of the Arabic ministries (وزاره، وزير)
    hot_ar_re: re.Pattern[str] = re.compile("(?!)")  # raw-text spots worth reading: adjectives, ministry words
    hot_ar_scouts: tuple[Scout, ...] = ()  # where hot_ar_re can match (see match_starts)
    mod_ar: frozenset[str] = frozenset()
    adj_ar: dict[str, str] = field(default_factory=dict)  # folded article-less form -> nation key
    adj_en: dict[str, str] = field(default_factory=dict)  # adjective as written -> nation key
    # an adjective coordinated before another ("Lebanese and Syrian officials": institutions._coordinated_en)
    coord_en_re: re.Pattern[str] | None = None
    nations: dict[str, dict] = field(default_factory=dict)  # key -> {actors, before, by_country}
    before_nations: list[dict] = field(default_factory=list)  # the nations with a `before` map (their dicts)
    # the actors a `before` map replaces (the transitional government): read as the fallen one after a word of
    # its fall (former_at)
    succeeded_ids: frozenset[str] = frozenset()
    acting: frozenset[str] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)  # place id -> ISO2 or actor id
    verbs_ar: frozenset[str] = frozenset()
    verbs_ar_masc: frozenset[str] = frozenset()  # with the masculine forms derived (a masculine country's verbs)
    verbs_en: frozenset[str] = frozenset()
    aux_en: frozenset[str] = frozenset()
    skip_en: frozenset[str] = frozenset()
    modal_en: frozenset[str] = frozenset()
    then_to_en: frozenset[str] = frozenset()  # "is expected to", "was set to": aux + one of these + "to"
    not_verbs_en: frozenset[str] = frozenset()
    obfuscated: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (pattern, actor id)
    obfuscated_any: re.Pattern[str] | None = None  # all of them in one pattern
    # every name has a letter no stand-in replaces (not ا و ي): a text without Arabic letters matches none
    obfuscated_need_arabic: bool = False
    # where obfuscated_any can match with a character that is no letter (what obfuscated_actors keeps)
    obfuscated_scouts: tuple[Scout, ...] = ()
    # (kind, word) of the trie's cue keys (compile.py: role "cue"): the words where hot_ar_re ("hot_ar") and
    # bare_en_re ("bare_en") can match, so the scanner's cue candidates say where to try them (cue_positions)
    cue_words: list[tuple[str, str]] = field(default_factory=list)
    hot_ar_firsts: frozenset[str] = frozenset()  # the characters an irregular form or ministry word opens with
    # folded word -> (nation key of its first reading that is an adjective, or None; a reading is a ministry's
    # first word): what a window asks of each word, once per word (bounded, words recur across texts)
    word_info: dict[str, tuple[str | None, bool]] = field(default_factory=dict)
    # (folded word before or None, folded word) -> (1 or 0: where the institution ending there starts, class) or
    # None; (first word, class, second word) -> letters its name leaves out or -1 (institutions.py; bounded)
    ending_at: dict[tuple[str | None, str], tuple[int, str] | None] = field(default_factory=dict)
    name_skip: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # folded word -> what actors._acts asks of it as the word next to a country's name (bits: a verb, a verb of a
    # masculine country, a verb with an object pronoun, a noun of the state's doing; bounded, words recur)
    word_acts: dict[str, int] = field(default_factory=dict)
    # an Arabic word as written -> the nation whose adjective it is, or None (actors._nation_of_word; bounded)
    nation_word: dict[str, str | None] = field(default_factory=dict)
    by_context: ContextRules = field(default_factory=ContextRules)  # generic phrases read by context (rule 20)


_READINGS: dict[str, tuple[str, ...]] = {}  # folded word -> its readings (bounded; words recur across texts)


def strip_ar(f: str) -> tuple[str, ...]:
    """Readings of a folded Arabic word without its proclitics and article (the word itself first)."""
    got = _READINGS.get(f)
    if got is None:
        if len(_READINGS) > 200_000:
            _READINGS.clear()
        got = _READINGS[f] = tuple(_readings(f))
    return got


def _readings(f: str) -> list[str]:
    out = [f]
    for w in (f[1:] if f[:1] in "وف" and len(f) > 3 else "",):
        if w:
            out.append(w)
    for w in list(out):
        if w[:1] in "بلك" and len(w) > 3:
            out.append(w[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 3:
            out.append(w[2:])
        elif w.startswith("لل") and len(w) > 3:
            out.append(w[2:])
    return out


DUAL_MINISTRY = ("وزارتي", "وزارتا", "وزارتان", "وزارتين")  # folded duals of `وزارة`


def key_ar(f: str) -> str:
    """The lookup key of a folded Arabic data word: without its article (the text's readings try both)."""
    return f[2:] if f.startswith("ال") and len(f) > 3 else f


def raw_ar(folded: str) -> str:
    """A folded Arabic word as a pattern over raw text (the letters folding merged, in any of their forms)."""
    alts = {"ا": "[اأإآ]", "ي": "[يىئی]", "ه": "[هة]", "و": "[وؤ]", "ك": "[كک]"}  # ی ک: Kurdish outlets' letters
    return "".join(alts.get(ch, re.escape(ch)) for ch in key_ar(folded))


# institution classes a nation names an actor by only where its map lists the class (no `default`): an armed
# movement's members by its nisba (state_actors.yaml `members`; data/README.md rule 25r)
_OWN_CLASS_ONLY = frozenset(("members",))


# bodies a nation's words name only from their founding: "Kurdish fighters" in a Syria text are the SDF, founded
# 10 October 2015 (before it, the YPG's or anyone's: "30 Kurdish fighters" held by ISIS in al-Bab in March 2015;
# core24en, data/README.md rule 27g)
_FOUNDED = {"actor:sdf": date(2015, 10, 10)}


def actor_of(rules: StateRules, nation: str, cls: str, country: str | None, when: date | None) -> str | None:
    aid = _actor_of(rules, nation, cls, country, when)
    if aid is not None and when is not None and aid in _FOUNDED and when < _FOUNDED[aid]:
        return None
    return aid


def _actor_of(rules: StateRules, nation: str, cls: str, country: str | None, when: date | None) -> str | None:
    n = rules.nations.get(nation)
    if n is None:
        return None
    if n.get("by_country"):
        amap = n["by_country"].get(country or n.get("no_country") or "")
        if amap is None:
            return None
    else:
        amap = n.get("actors", {})
        before = n.get("before")
        if before is not None and when is not None and when < before["date"]:
            amap = before["actors"]
    if cls in _OWN_CLASS_ONLY:
        return amap.get(cls)  # `مسلحون حوثيون`: a movement's members; `مسلحون عراقيون` are no Iraqi government
    return amap.get(cls) or amap.get("default")


# a state's body named with a word of its fall ("the former Syrian government", "Syria's former government",
# `الحكومة السورية السابقة`, `السلطات السورية البائدة`) is the body the nation's `before` map names, whatever the
# article's date: the government that fell, not the one in power (data/README.md rule 25c)
_FORMER_AR = frozenset(fold_text(w) for w in ("السابق", "السابقة", "البائد", "البائدة", "المخلوع", "المخلوعة",
                                                "المنحل", "المنحلة", "الساقط", "الساقطة", "المنهار", "المنهارة"))
_FORMER_EN_RE = re.compile(r"\b(?:[Ff]ormer|[Oo]usted|[Tt]oppled|[Dd]eposed|[Ff]allen|[Pp]revious)\b")
_FORMER_EN_BEFORE_RE = re.compile(r"\b(?:[Ff]ormer|[Oo]usted|[Tt]oppled|[Dd]eposed|[Ff]allen|[Pp]revious)[ \u00a0]+$")
_NEXT_AR_WORD_RE = re.compile(r"[ \u00a0]+([\u0600-\u06ff\u064b-\u065f]+)")
LONG_AGO = date(1900, 1, 1)  # a date before every nation's `before` date: the map of the fallen government


def has_own(rules: StateRules, nation: str, cls: str, when: date | None) -> bool:
    """The nation's map names an actor of its own for the class (its migration ministry), not the default one."""
    n = rules.nations.get(nation)
    if n is None or n.get("by_country"):
        return False
    amap = n.get("actors", {})
    before = n.get("before")
    if before is not None and when is not None and when < before["date"]:
        amap = before["actors"]
    return cls in amap


def former_at(text: str, s: int, e: int) -> bool:
    """A word of a body's fall names the span text[s:e] as the former holder's: in Arabic the adjective right after
    it (`الحكومة السورية السابقة`), in English a word inside it or right before it ("Syria's former government",
    "the ousted Syrian government")."""
    if _FORMER_EN_RE.search(text, s, e) is not None:
        return True
    if s > 0 and text[s - 1] in " \u00a0" and _FORMER_EN_BEFORE_RE.search(text, max(0, s - 12), s) is not None:
        return True
    m = _NEXT_AR_WORD_RE.match(text, e)
    return m is not None and fold_text(m.group(1)) in _FORMER_AR


def day(published_at: datetime | date | None) -> date | None:
    return published_at.date() if isinstance(published_at, datetime) else published_at


def _nisba_forms(adj: str) -> list[str]:
    """Feminine, plural and dual forms of a masculine nisba adjective (عراقي -> عراقيه، عراقيين ...), and the
    indefinite accusative (`قصفاً إسرائيلياً`: folded اسرائيليا)."""
    stem = adj[:-1] if adj.endswith("ي") else adj
    return [adj, adj + "ه", adj + "ين", adj + "ون", adj + "ات", adj + "ان", stem + "يتان", stem + "يتين", adj + "ا"]


# what follows a nisba stem in hot_ar_re: ي and one of these endings (folded: ة is ه)
_NISBA_ENDINGS = ("", "ين", "ون", "ات", "ان", "تان", "تين", "ه", "ا")
# after an irregular form or a ministry word hot_ar_re reads nothing: a word that goes on (وزيرة، وزيرها،
# الأمريكاني) is a spot too, so the cue keys include it with the endings news writes
_WHOLE_ENDINGS = ("", "ه", "ا", "ي", "ين", "ان", "ون", "ات", "ها", "هم", "هما", "هن", "نا", "كم", "يه", "يين", "يون",
                  "يات", "تها", "ته", "تهم")


def _hot_cue_words(nisba: set[str], whole: set[str]) -> list[str]:
    """Folded words at which hot_ar_re can match: every nisba form it reads (the trie adds the proclitics و ف
    ب ل ك and, to a key with ال, لل; بلل and للل, which the pattern allows too, are keys of their own), and
    the irregular forms and ministry words with the endings a word may go on with."""
    out: list[str] = []
    for stem in sorted(key_ar(w) for w in nisba):
        for end in _NISBA_ENDINGS:
            form = stem + "ي" + end
            out += [form, "ال" + form, "بلل" + form, "للل" + form]
    for w in sorted(key_ar(w) for w in whole):
        out += [w + end for end in _WHOLE_ENDINGS]
    return list(dict.fromkeys(out))


def _obfuscation_scout(aliases: list[str]) -> tuple[Scout, ...]:
    """Where a disguised name can start: its first letters (as a word's) up to a separator or a stand-in
    digit/sign. A name written with no character outside the letters is plain (obfuscated_actors drops it):
    such a match has a first separator or stand-in, and the letters before it open the name. One scout per first
    letter (match_starts reads the union of their spots)."""
    follow = f"[{_SEP_CHARS}{_SUB_CHARS}]"  # a separator or a stand-in character
    groups: list[tuple[str, list[str]]] = []  # (first letter, the rests of the names after it), in the names' order
    for alias in aliases:
        letters = [("[اأإآ]" if ch == "ا" else re.escape(ch)) for ch in fold_text(alias)]
        subs = [ch in "اوي" for ch in fold_text(alias)]
        if not letters:
            continue
        rest = follow
        for lt in reversed(letters[1:-1]):
            rest = f"(?:{lt}{rest}|{follow})"
        first = letters[0]
        if subs[0]:  # a weak first letter may itself be the stand-in
            first = f"(?:{first}|{_SUB})"
        if not groups or groups[-1][0] != first:
            groups.append((first, []))
        groups[-1][1].append(rest if len(letters) > 1 else "(?!)")
    # one branch per first character, opening with it, its boundary test once for the names in a row that open
    # with it (x(?<!b)(?:r1|r2) is x(?<!b)r1|x(?<!b)r2, in the same order: most of the letter's spots are inside a
    # word, and fail there once, not once per name). Each branch is a scout of its own: a pattern opening with one
    # literal letter is skipped to by re's one-character prefix loop, an alternation of letters only by a charset
    # test at every character (twice the cost). The union of the branches' spots is the alternation's: no match of
    # one can start inside another's (a match is a name's first letters and one separator or stand-in, and no
    # first letter is either), so finditer over the alternation skips none of them.
    branches = [f"{first}(?<![{_OBF_BOUNDARY}].)(?:{'|'.join(rests)})" for first, rests in groups]
    if not branches:
        return ((re.compile("(?!)"), 0),)
    inner = "".join(r for _f, rests in groups for r in rests)  # (the letters after a first one, and the classes)
    if all(len(first) == 1 and first not in inner for first, _r in groups) \
            and len({first for first, _r in groups}) == len(groups):
        return tuple((re.compile(b), 0) for b in branches)
    return ((re.compile("|".join(branches)), 0),)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _alt_caseless(words: list[str]) -> str:
    """_alt(words) for a case-insensitive context, the branches grouped by their first letter (`m(?:inistry of
    ...|ilitary|...)|d(?:...)`): re tries each branch of an alternation in turn, and a group whose letter is not
    the text's is left after one test, not a test per branch (a ministry word at a position: ~0.6 µs -> ~0.2 µs).
    The same matches: under IGNORECASE no character matches two different ASCII letters, so at most one group can
    match at a position; inside a group the branches keep their order (longest first), and x(?:a|b) is xa|xb.
    Words that do not all open with an ASCII letter: _alt's alternation as it is."""
    ws = sorted(words, key=len, reverse=True)
    if not all(w[:1].isascii() and w[:1].isalpha() for w in ws):
        return _alt(words)
    groups: dict[str, list[str]] = {}
    for w in ws:
        groups.setdefault(w[0].lower(), []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{k}(?:{'|'.join(rest)})" for k, rest in groups.items())


# a letter of a name written apart: separated by spaces or marks, or a weak letter replaced by a digit/sign
_SEP_CHARS = r"\s\-_.*·•ـ'\""
_SUB_CHARS = r"0-9٠-٩*@#$!|"
_SEP = rf"[{_SEP_CHARS}]{{0,3}}"  # (`داعـ.ـش`, `داعـ ـش`: a tatweel each side of the mark; s25 mine25ar)
_SUB = rf"[{_SUB_CHARS}]"
_OBF_BOUNDARY = rf"{AR_LETTER}\w"  # an obfuscated name starts where no letter or word character is before


def _obfuscation_body(alias: str) -> str:
    parts = []
    for ch in fold_text(alias):
        letter = "[اأإآ]" if ch == "ا" else re.escape(ch)
        parts.append(f"(?:{letter}|{_SUB})" if ch in "اوي" else letter)
    return _SEP.join(parts) + rf"(?![{AR_LETTER}])"


def _with_masculine(verbs: frozenset[str]) -> frozenset[str]:
    """The verbs with their masculine forms: a masculine country or capital acts with them (`أعلن العراق`,
    `يرفض لبنان`, `قرر الأردن`). The data lists the feminine forms most countries take (أعلنت، تقصف): the
    past drops its ت (كشفت -> كشف), the present takes ي for ت (تقصف -> يقصف). Forms left with fewer than three
    letters (ردت -> رد) are not added: too many words are spelt so; nor three-letter pasts, which are spelt as
    their verbal nouns (قصف "the shelling of", نقل, رفض, طلب: `بعد قصف لبنان` is no act of Lebanon's)."""
    out = set(verbs)
    for w in verbs:
        if w.endswith("ت") and len(w) >= 5:
            out.add(w[:-1])
        if w.startswith("ت") and len(w) >= 4:
            out.add("ي" + w[1:])
    return frozenset(out)


def compile_state(doc: dict, actor_aliases: list[tuple[str, str]]) -> StateRules:
    """doc: the validated state_actors.yaml; actor_aliases: (actor id, Arabic alias) of armed groups whose
    one-word names may be written obfuscated."""
    r = StateRules()
    r.by_context = compile_context(doc.get("by_context"))
    inst_en: dict[str, str] = {}
    for cls, names in doc["institutions"].items():
        for w in names.get("ar", []):
            toks = fold_text(w).split()
            r.inst_ar[(key_ar(toks[0]), *toks[1:])] = cls
            if len(toks) == 1 and not toks[0].endswith(("ه", "ا", "ي", "ات", "ين", "ون")):
                # the indefinite accusative (`قصفاً`, `هجوماً`, `جيشاً`: folded قصفا، هجوما): a single word
                r.inst_ar.setdefault((key_ar(toks[0]) + "ا",), cls)
            if toks[0] == "وزير":  # a woman minister's title maps like a man's: `وزيرة الهجرة`
                r.inst_ar[("وزيره", *toks[1:])] = cls
        for w in names.get("en", []):
            inst_en[" ".join(w.lower().split())] = cls
    r.inst_en = inst_en
    for key, cls in list(r.inst_ar.items()):
        if key[0] == "وزاره" and len(key) > 1:
            # the dual over two coordinated portfolios (`وزارتي الدفاع والداخلية`, `وزارتا الداخلية والدفاع`): the
            # first portfolio here, the second by institutions._dual_second (actor26ar, rule 28m)
            for dual in DUAL_MINISTRY:
                r.inst_ar.setdefault((dual, *key[1:]), cls)
    r.ministries = frozenset(doc.get("ministries", []))
    r.ministry_firsts = frozenset(k[0] for k, c in r.inst_ar.items() if c in r.ministries and len(k) > 1)
    # a nisba with its endings (not the country: سوريا), an irregular plural, a ministry's first word
    nisba = {fold_text(a)[:-1] for n in doc["nations"].values() for a in n.get("adj", {}).get("ar", [])}
    whole = {fold_text(a) for n in doc["nations"].values() for a in n.get("extra_ar", [])} | set(r.ministry_firsts)
    marks = r"[\u064b-\u0652]*"
    adj_body = (r"[وفبل]?(?:ال|لل)?(?:" + "|".join(raw_ar(w) for w in sorted(nisba, key=len, reverse=True))
                + rf"){marks}[يىئی]{marks}(?:ين|ون|ات|ان|تان|تين|ه|ة|ا)?{marks}(?![{AR_LETTER}])")
    whole_raw = [raw_ar(w) for w in sorted(whole, key=len, reverse=True)]
    r.hot_ar_re = re.compile(rf"(?<![{AR_LETTER}])" + adj_body + "|" + "|".join(whole_raw))
    r.hot_ar_scouts = (*scout_after(AR_LETTER, adj_body), scout_literals(whole_raw))
    r.hot_ar_firsts = frozenset(ch for w in whole for ch in (raw_ar(w)[1:raw_ar(w).index("]")]
                                                            if raw_ar(w).startswith("[") else raw_ar(w)[0]))
    r.cue_words = [("hot_ar", w) for w in _hot_cue_words(nisba, whole)]
    mods = doc.get("modifiers", {})
    mod_ar = {fold_text(w) for w in mods.get("ar", [])}
    # the indefinite accusative of a nisba modifier (`قصفاً جوياً`, `قصفاً مدفعياً`: folded جويا، مدفعيا)
    r.mod_ar = frozenset(mod_ar | {w + "ا" for w in mod_ar if w.endswith("ي") and not w.startswith("ال")})
    adj_en: dict[str, str] = {}
    for key, n in doc["nations"].items():
        r.nations[key] = n
        if n.get("before"):
            r.before_nations.append(n)
            r.succeeded_ids = r.succeeded_ids | {aid for cls, aid in n.get("actors", {}).items()
                                                 if (n["before"]["actors"].get(cls)
                                                     or n["before"]["actors"].get("default")) != aid}
        for a in n.get("adj", {}).get("ar", []):
            for form in _nisba_forms(fold_text(a)):
                r.adj_ar[form] = key
        for a in n.get("extra_ar", []):
            r.adj_ar[key_ar(fold_text(a))] = key
        for a in n.get("adj", {}).get("en", []):
            adj_en[a] = key
    r.adj_en = adj_en
    inst = _alt_caseless(list(inst_en))  # (both only inside (?i:...))
    mod_en = _alt_caseless(mods.get("en", []))
    # adjectives are proper (case-sensitive: "US" is not "us"); what follows them is matched in any case
    r.inst_en_re = re.compile(
        rf"(?<![\w.])(?P<adj>{_alt(list(adj_en))})(?![\w-])(?i:\s+(?:(?:{mod_en})\s+){{0,2}}?(?P<inst>{inst}))\b")
    r.coord_en_re = re.compile(rf"(?<![\w.])(?P<adj>{_alt(list(adj_en))})(?:\s*,\s*and|\s*,|\s+and|\s*&)\s+$")
    # the pattern opens with a lookbehind (tried at every character): its scout opens with each adjective's
    # first character, a literal re skips to at C speed, and looks ahead for the rest (one character consumed)
    r.inst_en_scouts = ((re.compile("|".join(dict.fromkeys(
        re.escape(a[0]) + "(?=" + re.escape(a[1:]).replace(r"\ ", r"\s+") + ")"
        for a in sorted(adj_en, key=len, reverse=True))) or "(?!)"), 0),)
    firsts = tuple(dict.fromkeys(a.split(" ", 1)[0] for a in adj_en))
    r.inst_en_firsts = firsts if firsts and len(firsts) <= 64 and all(firsts) else ()
    # after a country's possessive: "Iraq's Justice Ministry", "Lebanon's health ministry"
    r.poss_en_re = re.compile(rf"(?i:['’]s\s+(?:(?:{mod_en})\s+){{0,2}}?(?P<inst>{inst}))\b")
    # the name as a noun before the body: "the Jordan government" (the words of `acting.noun_en` it has)
    nouns = [" ".join(w.lower().split()) for w in doc.get("acting", {}).get("noun_en", [])]
    nouns = [w for w in nouns if w in inst_en]
    r.noun_en_re = re.compile(rf"(?i:\s+(?:(?:{mod_en})\s+){{0,2}}?(?P<inst>{_alt(nouns)}))\b") if nouns else None
    minis = [w for w, c in inst_en.items() if c in r.ministries]
    r.bare_en_re = re.compile(rf"(?i:\b(?P<inst>{_alt_caseless(minis)}))\b")
    r.bare_en_scouts = (scout_caseless(minis),)
    r.cue_words += [("bare_en", w) for w in dict.fromkeys(w.split()[0] for w in minis)]  # any space may follow
    r.cue_words += [("command", "عمليات"), ("command", "operations")]  # actors._operations_commands
    acting = doc.get("acting", {})
    r.acting = frozenset(acting.get("countries", []))
    r.capitals = dict(acting.get("capitals", {}))
    v = doc.get("verbs", {})
    r.verbs_ar = frozenset(fold_text(w) for w in v.get("ar", []))
    r.verbs_ar_masc = _with_masculine(r.verbs_ar)
    r.verbs_en, r.aux_en = frozenset(v.get("en", [])), frozenset(v.get("aux_en", []))
    r.skip_en, r.modal_en = frozenset(v.get("skip_en", [])), frozenset(v.get("modal_en", []))
    r.then_to_en = frozenset(v.get("then_to_en", []))
    r.not_verbs_en = frozenset(v.get("not_verbs_en", []))
    bodies = [(_obfuscation_body(a), aid) for aid, a in actor_aliases]
    r.obfuscated = [(re.compile(rf"(?<![{_OBF_BOUNDARY}])" + b), aid) for b, aid in bodies]
    if r.obfuscated:
        r.obfuscated_any = re.compile("|".join(f"(?:{p.pattern})" for p, _a in r.obfuscated))
        r.obfuscated_scouts = _obfuscation_scout([a for _aid, a in actor_aliases])
        r.obfuscated_need_arabic = all(any(ch not in "اوي" for ch in fold_text(a)) for _aid, a in actor_aliases)
    return r
