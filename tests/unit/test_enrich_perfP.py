"""Round 16, perfP (speed): the compiled place_mask (native/place.c) and enrichment._place's short path.

place_mask(text, s, e, flags, memo) answers which of _place_full's checks can fire for a place candidate (a superset
test); where none can for a curated entry, _place makes the place without calling them. The short path must give
what the reference gives, on every candidate: on the corpus, on crafted contexts around each check's trigger, and on
random text (tests/fuzz/native_diff.py drives the same comparison under the sanitizers).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from services.enrich import backend
from services.enrich.enrichment import _PM_ANY, _PM_MISS, _fill_gates, _place, _place_full
from services.enrich.gazetteer import Gazetteer
from services.enrich.scanner import scan_select
from tests.unit.enrich_support import real_gazetteer

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="no compiled part")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return real_gazetteer()


def _memo(gaz: Gazetteer) -> tuple[dict, ...]:
    r = gaz.place_rules
    return (r.surface_gates, r.name_before, r.given_before, r.word_flags)


def _same_on(text: str, gaz: Gazetteer) -> int:
    """Every place candidate of the text: the short path's answer is the reference's (both flag settings)."""
    backend.select(pure=False)
    accepted, _ = scan_select(text, gaz.trie)
    places = [c for c in accepted if c.role == "place"]
    for c in places:
        for gov, feats in ((True, True), (False, False), (True, False)):
            got = _place(text, c, gaz, places, gov, feats)
            want = _place_full(text, c, gaz, places, gov, feats)
            assert got == want, (text[max(0, c.start - 40) : c.end + 40], gov, feats)
    return len(places)


def test_short_path_is_the_reference_on_the_corpus(gaz: Gazetteer) -> None:
    n = 0
    for p in sorted((ROOT / "tests" / "data").glob("realworld-*.jsonl")):
        for line in p.read_text("utf-8").splitlines()[:120]:
            if line.strip():
                n += _same_on(json.loads(line)["text"], gaz)
    assert n > 1000


# a word or phrase by which each check of _place_full can fire, before or after a name
_BEFORE = ["قرية ", "بقرية ", "محافظة ", "بمحافظة ", "قضاء ", "معبر ", "منفذ ", "أبو ", "ابو ", "قبيلة ",
           "المواطنة ", "عمر ", "فادي ", "شارع ", "جامعة ", "سد ", "نادي ", "وادي ", "باب ", "جبل ", "نهر ", "جبال ",
           "ريفي إدلب و", "محافظتي الأنبار و", "محافظات حلب و", "أحياء غويران و", "الحكومة ", "وزارة الخارجية ",
           "ك", "ف", "«", "\"", "the village of ", "Village of ", "Camp ", "pro-", "Abu ", "Umm ", "Mahmoud ",
           "University of ", "Naft ", "Port ", "rural northern ", "countryside of ", "Photo by ", "REUTERS/", "© ",
           "Voice of ", "Times of ", "Party of ", "Mujahedin of ", "Hozan ", "in ", "of ", "and ", "Iraq's ",
           "Rudaw's ", "شارع ", ""]
_AFTER = [" village", " Village", " province", " provinces", " and Kirkuk provinces",
          ", Hasakah and Raqqa governorates",
          " countryside", "'s eastern countryside", ") countryside", " crossing", " border crossing", " tribe", " clan",
          " River", " mountains", " Street", " University", " Dam", " Oil Company", "-backed", " al-Salam", " Today",
          " News", " 24", " اليوم", " الإخبارية", " العربي»", "ً", " الغربية", " الشرقي", " neighbourhoods",
          " quarters", " and Ghweiran neighborhoods", " Convention", " Protocol", " Ahmad", " Aleppo", " said",
          " north", " c", ""]
_NAMES = ["دمشق", "الموصل", "حلب", "الرقة", "ربيعة", "سوريا", "السعودية", "اليمن", "الحسكة", "عنه", "الباب", "صيدا",
          "التاجي", "الجيزة", "Damascus", "Mosul", "Aleppo", "Raqqa", "Rabia", "Syria", "Sudan", "Yemen", "Idlib",
          "Kirkuk", "Hasakah", "Deir ez-Zor", "Zarqa", "Rukban", "US", "Iraq", "al-Bab", "Qamishlo", "Halab"]


def test_short_path_is_the_reference_around_each_check(gaz: Gazetteer) -> None:
    n = 0
    for name in _NAMES:
        for b in _BEFORE:
            for a in _AFTER:
                n += _same_on(f"قال مصدر إن {b}{name}{a} شهدت. In {b}{name}{a} today.", gaz)
    assert n > 1000


def test_short_path_is_the_reference_on_random_text(gaz: Gazetteer) -> None:
    rng = random.Random(16)
    pieces = _BEFORE + _AFTER + _NAMES + [" ", "  ", "\n", "،", ",", ".", "-", "'", "’", "İ", "ſ", "K", "(", ")"]
    for _ in range(1500):
        _same_on("".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))), gaz)


def test_a_missing_word_is_filled_then_known(gaz: Gazetteer) -> None:
    """A memo without the word sets PM_MISS; _fill_gates fills every memo place_mask reads there."""
    native = backend.NATIVE
    assert native is not None
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(_BEFORE + _NAMES + [" ", "و"]) for _ in range(rng.randint(2, 8))) + " حلب"
        s, e = len(text) - 3, len(text)
        for flags in (0, 1, 2, 3):
            if native.place_mask(text, s, e, flags, _memo(gaz)) & _PM_MISS:
                _fill_gates(text, s, e, gaz, gaz.place_rules)
            assert not native.place_mask(text, s, e, flags, _memo(gaz)) & _PM_MISS, text


def test_place_mask_refuses_bad_arguments_and_asks_outside_the_text(gaz: Gazetteer) -> None:
    native = backend.NATIVE
    assert native is not None
    memo = _memo(gaz)
    for s, e in ((0, 9), (-1, 2), (2, 2), (3, 1)):
        assert native.place_mask("abc", s, e, 3, memo) == _PM_ANY
    for args in (("abc", 0, 1, 0, memo[:2]), ("abc", 0, 1, 0, (*memo[:3], [])), (b"abc", 0, 1, 0, memo),
                 ("abc", 0, 1, 0)):
        with pytest.raises(TypeError):
            native.place_mask(*args)
    with pytest.raises(TypeError):  # a memo's value that is no int
        native.place_mask("abc", 0, 1, 0, ({"a": "x"}, {}, {}, {}))
