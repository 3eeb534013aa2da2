"""Round 32, helper perf32: each precheck and memo of the round-32 speed-ups held to the code it replaces, on random
and adversarial texts (same answers, same matches).

- world32._CAMP_NUM_RE: the word boundary before "[Cc]amp" written as a lookbehind after the letter.
- world32.copula_matches: _COPULA_RE tried only where it can start, against _COPULA_RE.finditer.
- facilities._LIBYA_LITERALS: a literal of each _LIBYA_EN_RE alternative, asked before the search.
- bare._honorific_before and full_name_en's first two characters: against the plain searches.
- bare._PLACE_PREP_LAST and _surname_elsewhere's per-text memo: person_surname_en and _surname_elsewhere against
  round 32's code, each name of a text asked in a random order, the same text asked again.
- bare._text_defines_town_ar's per-text memo: against the unmemoised loop, on the same text many times and on
  texts that change."""

from __future__ import annotations

import random
import re

from services.enrich import bare, facilities, world32
from services.enrich.bare import _HONORIFIC_BEFORE_EN_RE, _honorific_before, full_name_en
from services.enrich.resolve import Cand
from tests.unit.enrich_support import real_gazetteer

_EN_WORDS = ("Mae", "La", "is", "was", "remains", "has", "been", "a", "an", "the", "one", "of", "refugee", "camp",
             "camps", "prison", "detention", "centre", "facility", "in", "Thailand", ".", "!", "?", "\n", "Mr.", "Mr",
             "Dr", "Gen.", "Ms", "Brig", "Marshal", "Capt", "Lt", "Miss", "Rukban", "Taji", "Zaatari", "Ahmed", "P.",
             "said", ",", "34", "director", "Tawfik", "Sabouni", "Libya", "Libyan", "Misrata", "Misurata", "Tajoura",
             "al-Zawiya", "Zawiya", "Jabal", "Radaa", "GNA", "Haftar", "Although", "Delaney", "Hall", "(Maela)",
             "Gaza", "Al-Hol", "al", "el-Hol", "\u00a0", "  ", "e.", "xMr", ".Dr", "Ain", "Zara", "Deterrence",
             "Force", "who", "told")
_AR_WORDS = ("الهول", "هي", "بلدة", "شرقي", "الحسكة", "مخيم", "سجن", "صيدنايا", "مدينة", "سورية", "الركبان", "منطقة",
             "صحراوية", "أو", "الشدادة", "ليست", "مجرد", "صغيرة", "،", ".", "\n", "جرى", "تحرير", "نازحين", "من",
             "الخيام", "\"", "»", "و", "بالاصل", "قرية", "فقط", "بل", "تم", "الاستيلاء", "على", "وهي", "ليس", "مخيما")


def _random_text(rng: random.Random, words: tuple[str, ...], n: int) -> str:
    out = []
    for _ in range(n):
        w = rng.choice(words)
        out.append(w)
        out.append(rng.choice((" ", " ", " ", "", "\u00a0", ". ", "\n")))
    return "".join(out)


def _texts(words: tuple[str, ...], fixed: tuple[str, ...]) -> list[str]:
    rng = random.Random(32)
    return list(fixed) + [_random_text(rng, words, rng.randint(1, 60)) for _ in range(1500)]


_EN_FIXED = (
    "", "Mae La is a refugee camp in Thailand.", "Mae La (alternatively spelled Maela) is the largest refugee camp for "
    "Burmese. Delaney Hall is a 1,000-bed immigrant detention facility in Newark.\nAl-Hol is a camp.",
    "x. Mae La is a camp.. Mae La is a camp.\n\nMae La is a camp", "Although Mae La was a refugee camp, it is.",
    "Gaza is an open-air prison. Mae La is one of the camps in Thailand!\tTham Hin is a refugee camp.",
    ".\n. Mae La is a camp", "?\u2028Mae La is a camp.", "Mr. Rukban said. Dr Rukban, Gen. Taji and Lt Taji.",
    "Ahmed P. Taji said Taji was in Rukban; director Tawfik Sabouni, 34, ... Sabouni told", "Mr Rukban", "r Taji",
    "Libya's GNA", "the Misurata camp", "Jabal Zawiya and al-Zawiya", "a Tajoura camp", "Radaa", "LIBYA",
)
_AR_FIXED = (
    "الهول هي بلدة شرقي الحسكة. جرى تحرير الهول", "صيدنايا هي مدينة سورية ... وهو دير سيدة صيدنايا",
    "الشدادي أو الشدادة مدينة سورية", "الهول ليست مجرد بلدة صغيرة. مخيم الهول", "«الهول» ليس مخيماً فحسب، بل قنبلة",
    "الأزرق، منطقة تقع في شرق المملكة. الأزرق", "الزعتري مدينة من الخيام. الزعتري", "وبادوش بالاصل قرية. بادوش",
)


def test_copula_matches_is_finditer() -> None:
    for text in _texts(_EN_WORDS, _EN_FIXED):
        want = [(m.span(), m.groups()) for m in world32._COPULA_RE.finditer(text)]
        got = [(m.span(), m.groups()) for m in world32.copula_matches(text)]
        assert got == want, text


_CAMP_NUM_ROUND32 = re.compile(r"\b[Cc]amp(?:[ \u00a0]+(?:[Nn]o\.?|[Nn]umber)[ \u00a0]*-?[ \u00a0]*|"
                               r"[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)([0-9]{1,2}(?:-?[A-Z](?![a-z]))?)"
                               r"(?![0-9]|[.,][0-9]|[\w-])")
_CAMP_WORDS = ("camp", "Camp", "Camp-17", "camp-3", "mega", "xcamp", "_camp", "Ccamp", "camp17", "no.", "No", "number",
               "9", "17", "8-W", "5D", "20", "1,5", "-", "é", "1", "Kutupalong", "refugees", "\u00a0")


def test_camp_num_re_is_round32s() -> None:
    for text in _texts(_CAMP_WORDS, ("camp 1", "Camp 17", "xCamp 1", "éCamp 2", "Camp-17 camp number 9 Camp No. 8-W")):
        assert [(m.span(), m.groups()) for m in world32._CAMP_NUM_RE.finditer(text)] \
            == [(m.span(), m.groups()) for m in _CAMP_NUM_ROUND32.finditer(text)], text
        for p in range(0, len(text), 7):
            a, b = world32._CAMP_NUM_RE.search(text, p), _CAMP_NUM_ROUND32.search(text, p)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, p)


def test_libya_literals_precheck() -> None:
    for text in _texts(_EN_WORDS, _EN_FIXED):
        if facilities._LIBYA_EN_RE.search(text) is not None:
            assert any(w in text for w in facilities._LIBYA_LITERALS), text


def _full_name_en_ref(text: str, s: int, e: int, gaz: object) -> bool:
    """full_name_en as round 32 wrote it (no precheck)."""
    g = bare._GIVEN_INITIAL_BEFORE_EN_RE.search(text, (s - 24 if s > 24 else 0), s)
    if g is None or g.group(1) in bare._NOT_GIVEN_EN:
        return False
    if g.group(1).lower() in bare.cue_list(gaz.rules.given_names):  # type: ignore[attr-defined]
        return True
    gs = g.start()
    if bare._PERSON_BEFORE_GIVEN_RE.search(text, (gs - 24 if gs > 24 else 0), gs) is not None \
            or _HONORIFIC_BEFORE_EN_RE.search(text, (gs - 7 if gs > 7 else 0), gs) is not None:
        return True
    return bare._PERSON_AFTER_FULL_RE.match(text, e) is not None


def test_honorific_and_full_name_prechecks() -> None:
    gaz = real_gazetteer()
    for text in _texts(_EN_WORDS, _EN_FIXED)[:600]:
        for s in range(len(text) + 1):
            want = _HONORIFIC_BEFORE_EN_RE.search(text, (s - 7 if s > 7 else 0), s) is not None
            assert _honorific_before(text, s) == want, (text, s)
        for m in re.finditer(r"[A-Z][\w'-]*", text):
            for s, e in ((m.start(), m.end()), (m.start(), m.start() + 1)):
                assert full_name_en(text, s, e, gaz) == _full_name_en_ref(text, s, e, gaz), (text, s, e)


def _defines_ref(text: str, c: Cand) -> bool:
    """_text_defines_town_ar as round 32 wrote it (no memo)."""
    name = text[c.start : c.end]
    i = text.find(name)
    n = 0
    while i != -1 and n < 40:
        n += 1
        j = i + len(name)
        if (i == 0 or not ("\u0621" <= text[i - 1] <= "\u064a")) and text[j : j + 1] in bare._COPULA_NEXT \
                and bare._town_defined_ar(text, i, j):
            lo, hi = bare._sentence_bounds(text, c.start, c.end)
            return bare._SITE_WORD_AR_RE.search(text, lo, hi) is None
        i = text.find(name, j)
    return False


def test_text_defines_town_ar_memo() -> None:
    texts = _texts(_AR_WORDS, _AR_FIXED)[:700]
    rng = random.Random(7)
    for k, text in enumerate(texts):
        spans = [m.span() for m in re.finditer(r"[\u0621-\u064a]+", text)]
        rng.shuffle(spans)
        for s, e in spans:
            c = Cand(s, e, "core", (), 1)
            assert bare._text_defines_town_ar(text, c) == _defines_ref(text, c), (text, s, e)
        if k % 3 == 0 and spans:  # (a new text object equal to the last one, then the last again)
            copy = "".join(list(text))
            s, e = spans[0]
            c = Cand(s, e, "core", (), 1)
            assert bare._text_defines_town_ar(copy, c) == _defines_ref(text, c)
            assert bare._text_defines_town_ar(text, c) == _defines_ref(text, c)


def test_place_prep_last_letters() -> None:
    need = {c for c in map(chr, range(0x110000)) if re.fullmatch("[ntmorfeds]", c, re.IGNORECASE)}
    assert need <= bare._PLACE_PREP_LAST
    for w in ("in", "at", "from", "to", "near", "of", "outside", "into", "around", "toward", "towards"):
        assert bare._PLACE_PREP_BEFORE_EN_RE.fullmatch(w + " ") is not None
        assert w[-1] in bare._PLACE_PREP_LAST


def _surname_elsewhere_ref(text: str, s: int, e: int, gaz: object) -> bool:
    """_surname_elsewhere as round 32 wrote it (no memo)."""
    name = text[s:e]
    if not name[:1].isupper():
        return False
    n = len(name)
    j = text.find(name)
    seen = 0
    while j != -1 and seen < 12:
        if j != s and (j == 0 or not text[j - 1].isalnum()) and not text[j + n : j + n + 1].isalnum() \
                and j > 1 and text[j - 1] in " \u00a0":
            seen += 1
            if _HONORIFIC_BEFORE_EN_RE.search(text, (j - 7 if j > 7 else 0), j) is not None \
                    or _full_name_en_ref(text, j, j + n, gaz):
                return True
        j = text.find(name, j + n)
    return False


def _person_surname_en_ref(text: str, s: int, e: int, gaz: object) -> bool:
    """person_surname_en as round 32 wrote it."""
    if s < 2 or text[s - 1] not in " \u00a0" or not text[s : s + 1].isupper():
        return False
    if _HONORIFIC_BEFORE_EN_RE.search(text, (s - 7 if s > 7 else 0), s) is not None \
            or _full_name_en_ref(text, s, e, gaz):
        return True
    return bare._PLACE_PREP_BEFORE_EN_RE.search(text, (s - 12 if s > 12 else 0), s) is None \
        and _surname_elsewhere_ref(text, s, e, gaz)


_MANY = ("Rukban said. " * 7 + "Mr. Rukban and Dr Rukban; Ahmed Rukban, 34, told in Rukban. " * 3
         + "Rukban " * 9 + "near Rukban, towards Rukban, TOWARDS Rukban, toward\u017f Rukban")


def test_person_surname_en_and_elsewhere_memo() -> None:
    gaz = real_gazetteer()
    rng = random.Random(11)
    texts = [*_texts(_EN_WORDS, (*_EN_FIXED, _MANY, "Rukban " * 30 + "Mr Rukban"))[:900], _MANY]
    for text in texts:
        spans = [m.span() for m in re.finditer(r"[A-Za-z][\w'-]*", text)]
        spans += [(s, s + 2) for s, e in spans if e - s > 2]
        rng.shuffle(spans)
        for s, e in spans + spans[:5]:
            assert bare._surname_elsewhere(text, s, e, gaz) == _surname_elsewhere_ref(text, s, e, gaz), (text, s, e)
            assert bare.person_surname_en(text, s, e, gaz) == _person_surname_en_ref(text, s, e, gaz), (text, s, e)
