"""Round 32, helper perf32b: each precheck of the second round-32 speed-up held to the code it replaces, on random
and adversarial texts (same answers, same matches).

- world32._COPULA_OPEN_RE and _COPULA_FIRST: copula_matches tries _COPULA_RE only where its first character can
  stand; against _COPULA_RE.finditer, and the starts against _COPULA_START_RE's filtered.
- facilities._libya_text: _LIBYA_EN_RE matched only where one of _LIBYA_LITERALS is found; against the search.
- bare._given_before_may_match: never False where _GIVEN_INITIAL_BEFORE_EN_RE's search (full_name_en's) matches;
  full_name_en against round 32's.
- bare._HONORIFIC_LAST2: _honorific_before against the plain search, at every position.
- bare._PLACE_PREP_LAST2: every character the IGNORECASE search takes for its words' last two letters; wherever it
  matches, the two characters are in the set; person_surname_en against round 32's."""

from __future__ import annotations

import random
import re

from services.enrich import bare, facilities, world32
from tests.unit.enrich_support import real_gazetteer
from tests.unit.test_enrich_round32_perf32 import (
    _EN_FIXED,
    _EN_WORDS,
    _full_name_en_ref,
    _person_surname_en_ref,
    _texts,
)

_ODD = ("\u0131n", "\u0130N", "towards", "TOWARD\u017f", "toward\u017f", "Ahmed", "Ronald", "P.", "P", "Bucca",
        "al-Hol", "el-Hol", "e", "a", "Ab", "Abc", "AB", "abc", "x", "(", ")", "-", "\u2028", "\t", "\r",
        "\u00e9", "\u00c9", "Mrs.", "Miss", "Prof.", "Marshal", "Marshal.", "Brig", "Sgt.", "Capt", "Maj.", "Col",
        "Gen", "s.", "xMr", "_Dr", "Dr.", "Lt.", "Zawiya", "al-Zawiya", "Jebel", "Jabal", "el-", "LIBYAN", "Libyans",
        "Misrta", "Misuta", "Hafter", "GNUs", "xGNA", "Rada", "Tajora", "Deterrence", "Force", "Ain", "Zara",
        "Dbeibah", "Sarraj")
_WORDS = _EN_WORDS + _ODD
_FIXED = (*_EN_FIXED, "al-Hol is a camp.", "el-Hol is a prison\n", "\n\nMae La is a camp", " Mae La is a camp.",
          ".\u2028Mae La is a camp.", "!\n\nAl-Hol is a camp", "?\r\nMae La is a camp.", "e. Mae La is a camp",
          "Jabal Zawiya", "al-Zawiya", "Jebel Zawiya, Zawiya", "xLibya", "Libyax", "Misrata Misurata Misuta",
          "Ronald P. Bucca", "in Aleppo", "the Rukban", "Ahmed\u00a0Taji", "ab Taji", "Ab Taji", "AB. Taji",
          "\u0131n Rukban", "\u0130N Rukban", "TOWARD\u017f Rukban", "Marshal Rukban", "Marshal. Rukban")


def _all_texts() -> list[str]:
    rng = random.Random(3232)
    return _texts(_EN_WORDS, _EN_FIXED)[:400] + list(_FIXED) \
        + ["".join(rng.choice(_WORDS) + rng.choice((" ", "", "\u00a0", ". ", "\n", "\n\n", "! ", ".\t", "  "))
                   for _ in range(rng.randint(1, 40))) for _ in range(1500)]


def test_copula_starts_and_matches() -> None:
    for text in _all_texts():
        want = [(m.span(), m.groups()) for m in world32._COPULA_RE.finditer(text)]
        got = [(m.span(), m.groups()) for m in world32.copula_matches(text)]
        assert got == want, text
        starts = [k.end() for k in world32._COPULA_START_RE.finditer(text)]
        assert [k.end() for k in world32._COPULA_OPEN_RE.finditer(text)] \
            == [p for p in starts if text[p : p + 1] in world32._COPULA_FIRST], text
        for p in (0, *starts):  # where the first character cannot open it, no match
            if text[p : p + 1] not in world32._COPULA_FIRST:
                assert world32._COPULA_RE.match(text, p) is None, (text, p)


def test_copula_first_characters() -> None:
    # the characters the pattern's first element can be: its name's [A-Z], "Al"/"El"/"al"/"el", its conjunctions
    for c in map(chr, range(0x3000)):
        if world32._COPULA_RE.match(c + "l-Hol is a camp.") is not None \
                or world32._COPULA_RE.match(c + "ae is a camp.") is not None:
            assert c in world32._COPULA_FIRST, c


def test_libya_text_is_the_search() -> None:
    for text in _all_texts():
        assert facilities._libya_text(text) == (facilities._LIBYA_EN_RE.search(text) is not None), text


def test_given_before_may_match() -> None:
    pat = bare._GIVEN_INITIAL_BEFORE_EN_RE
    for text in _all_texts():
        for s in range(len(text) + 1):
            p = text[s - 1 : s]
            if p != "\n" and pat.search(text, (s - 24 if s > 24 else 0), s) is not None:
                assert bare._given_before_may_match(text, s, p), (text, s)


def test_full_name_en_is_round32s() -> None:
    gaz = real_gazetteer()
    for text in _all_texts()[::3]:
        for m in re.finditer(r"[A-Z][\w'-]*", text):
            for s, e in ((m.start(), m.end()), (m.start(), m.start() + 1)):
                assert bare.full_name_en(text, s, e, gaz) == _full_name_en_ref(text, s, e, gaz), (text, s, e)


def test_honorific_before_is_the_search() -> None:
    for text in _all_texts():
        for s in range(len(text) + 1):
            want = bare._HONORIFIC_BEFORE_EN_RE.search(text, (s - 7 if s > 7 else 0), s) is not None
            assert bare._honorific_before(text, s) == want, (text, s)


def test_place_prep_last_two() -> None:
    words = ("in", "at", "from", "to", "near", "of", "outside", "into", "around", "toward", "towards")
    letters = {ch for w in words for ch in w[-2:]}
    cases = {ch: {c for c in map(chr, range(0x110000)) if re.fullmatch(ch, c, re.IGNORECASE)} for ch in letters}
    for w in words:
        assert {x + y for x in cases[w[-2]] for y in cases[w[-1]]} <= bare._PLACE_PREP_LAST2, w
    pat = bare._PLACE_PREP_BEFORE_EN_RE
    for text in _all_texts():
        for s in range(2, len(text) + 1):
            if text[s - 1] in " \u00a0" and pat.search(text, (s - 12 if s > 12 else 0), s) is not None:
                assert text[s - 3 : s - 1] in bare._PLACE_PREP_LAST2, (text, s)


def test_person_surname_en_is_round32s() -> None:
    gaz = real_gazetteer()
    for text in _all_texts()[::2]:
        for m in re.finditer(r"[A-Za-z][\w'-]*", text):
            s, e = m.span()
            assert bare.person_surname_en(text, s, e, gaz) == _person_surname_en_ref(text, s, e, gaz), (text, s, e)
