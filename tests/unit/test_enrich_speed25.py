"""speed25: prechecks in front of a few per-candidate regex searches and a per-surface cache, each the same answer as
the code it replaces (held here against that code on random and adversarial texts): senses.national_section asks its
24-character window for one of SECTION_SCOUT's words first; openworld._leisure_before asks the character before a camp
word first; facilities._suffix_slugs keeps the slugs of a known facility's surface from each word on;
places.listed_open_places counts a run's anchors only when a member needs them (the engine's corpus output holds that
one: its anchors are a pure count)."""

from __future__ import annotations

import random

from services.enrich.facilities import _suffix_slugs
from services.enrich.names import QUOTES
from services.enrich.openworld import _CAMP_WORD_RE, _LEISURE_BEFORE_RE, _leisure_before, slug
from services.enrich.senses import _SECTION_GAP_END, _SECTION_ORGS_RE, national_section

_SECTION_PIECES = ["كاريتاس", "الكاريتاس", "أوكسفام", "اوكسفام", "أطباء بلا حدود", "اطباء بلا حدود", "إنقاذ الطفل",
                   "انقاذ الطفل", "أطباء العالم", "اطباء العالم", "وورلد فيجن", "الإغاثة الإسلامية",
                   "الاغاثة الاسلامية", "Caritas", "Oxfam", "Save the Children", "Islamic Relief", "World Vision",
                   "الطفل", "العالم",
                   "Vision", "Relief", " ", "\u00a0", "\n", "الأردن", "Jordan", "x", "و", "،", "بلا", "Children",
                   "children", "oxfam", "caritas", "a", "-", "'"]
_LEISURE_PIECES = ["summer", "Summer", "SUMMER", "youth", "scout", "scouts", "scouts'", "holiday", "day", "sports",
                   "football", "soccer", "music", "arts", "language", "science", "computer", "coding", "boot",
                   "training", "fitness", "children's", "kids'", "kids", "peace", "girls'", "boys", "camp", "camps",
                   "Camp", "CAMPS", " ", "\u00a0", "\n", "x", "a", "-", "'", "ſ", "\u212a", "\u0130", "\u0131", "é",
                   "مخيم", "the", "refugee", "summerx", "1"]


def _texts(pieces: list[str], seed: int, n: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["", "a", *pieces] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(n)]


def _national_section_ref(text: str, start: int) -> bool:
    if start <= 0 or text[start - 1] not in _SECTION_GAP_END:
        return False
    return _SECTION_ORGS_RE.search(text, max(0, start - 24), start) is not None


def test_national_section_is_the_search() -> None:
    hits = 0
    for text in _texts(_SECTION_PIECES, 25):
        for start in range(len(text) + 1):
            got = national_section(text, start)
            assert got == _national_section_ref(text, start), (text, start)
            hits += got
    assert hits > 100  # (the texts reach the pattern's matches, not only its misses)


def test_leisure_before_is_the_search() -> None:
    hits = 0
    for text in _texts(_LEISURE_PIECES, 26):
        for at in [m.start() for m in _CAMP_WORD_RE.finditer(text)] + list(range(len(text) + 1)):
            want = _LEISURE_BEFORE_RE.search(text, max(0, at - 24), at) is not None
            assert _leisure_before(text, at) == want, (text, at)
            hits += want
    assert hits > 100



def test_suffix_slugs_are_the_loop() -> None:
    for surface in ["مخيم السد", "سجن صيدنايا العسكري", "al-Hol camp", '"Roj" camp', "( )", "«الهول»", "Camp  Bucca",
                    "x", "", " ", "سجن (التسفيرات)", "the Azraq camp's annex"]:
        words = surface.split()
        want = tuple(k for i in range(len(words)) if (k := slug(" ".join(words[i:]).strip(QUOTES + " ()"))))
        assert _suffix_slugs(surface) == want == _suffix_slugs(surface), surface
