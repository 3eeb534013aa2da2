"""perf28b's fast paths in bare.py and context.py, each held to the code it replaces (copied below as references) on
the dev passages, their perturbed copies, random strings over the characters the patterns read, and crafted edge
cases on both sides of each precondition: a gate before a regex is a necessary condition of a match, an index answers
as the scan it replaces, set algebra answers as the word loop. End to end, the engine's output is byte-identical to
the base's on the whole corpus (the perf gate)."""

from __future__ import annotations

import random
import re
from itertools import pairwise
from types import SimpleNamespace
from typing import Any

from services.enrich import bare, context
from services.enrich.bare import (
    _AND_RE,
    _FORMERLY_BEFORE_RE,
    _IS_A_TOWN_AFTER_RE,
    _IS_A_TOWN_OPENERS,
    _JOINED_RE,
    _LISTED_RE,
    _PLURAL_AROUND_RE,
    _PLURAL_AROUND_SCOUT,
    _SPORT_ANCHORS,
    _SPORT_BY_FIRST,
    _SPORT_FAMILIES,
    _SPORT_NEEDLES,
    _TRANSFER_TO_AR_RE,
    Spans,
    _head_near,
    _joined,
    _sport_families,
    search_scouted,
)
from services.enrich.context import _DERIVED, _TOWN_SELF, _derive, _word_verdicts, head_near
from services.enrich.normalize import fold_text, has_latin
from services.enrich.scouts import needle_starts
from tests.unit.test_enrich_scanner import _passages, _perturbed

_ALPHABET = list(" \u00a0\n,،&()/\"'«»“”-.:و") + list("andtheANDTHEofrmlyinOuxsq") + list("الهومخيسجنفبقرىيةكمأ")


def _texts(n_passages: int = 80, n_random: int = 300, seed: int = 28) -> list[str]:
    rng = random.Random(seed)
    out = [t for p in _passages()[:n_passages] for t in _perturbed(p)[:5]]
    out += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(n_random)]
    out += ["", "x", "و", " and ", "Roj and the Hol", "الهول والروج", "Hol , Roj", "Hol،روج", "Hol &Roj", "A AND  B",
            "Hol\nand Roj", "Hol and\n Roj", "Hol (Roj) / Jeddah", "Hol, THE Roj", "Hol and THE\u00a0Roj"]
    return out


def _joined_ref(text: str, c: Any, spans: Spans, joiner: re.Pattern[str] | None = None) -> bool:
    j = joiner or _JOINED_RE
    for t in spans.ending_before(c.start, 12):
        if j.fullmatch(text, t, c.start):
            return True
    for s in spans.starting_after(c.end, 12):
        if j.fullmatch(text, c.end, s):
            return True
    return False


def test_joined_gates_answer_as_the_scan() -> None:
    rng = random.Random(1)
    checked = 0
    for text in _texts():
        n = len(text)
        for _ in range(12):
            a = rng.randint(0, n)
            b = rng.randint(a, n)
            c: Any = SimpleNamespace(start=a, end=b)
            cuts = sorted(rng.randint(0, n) for _ in range(rng.randint(0, 8)))
            pairs = [(x, y) for x, y in pairwise(cuts) if x <= y]
            # every position near the name, both sides: the gate decides before any of these is asked
            pairs += [(max(0, a - k - 3), a - k) for k in range(0, 13) if a - k >= 0]
            pairs += [(b + k, min(n, b + k + 3)) for k in range(0, 13) if b + k <= n]
            for joiner in (_LISTED_RE, _AND_RE, None):
                assert _joined(text, c, Spans(pairs), joiner) == _joined_ref(text, c, Spans(pairs), joiner), \
                    (text, a, b, joiner)
                checked += 1
    assert checked > 10_000


def test_head_near_by_bisection() -> None:
    rng = random.Random(2)
    for text in _texts(40, 200):
        n = len(text)
        heads = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, n)
            heads.append((s, min(n, s + rng.randint(0, 6)), rng.choice(("camp", "prison", ""))))
        listing = [h for h in heads if rng.random() < 0.5]
        ar: Any = SimpleNamespace(heads=heads, listing=listing, near_ix={})
        for _ in range(10):
            a = rng.randint(0, n)
            b = rng.randint(a, n)
            c: Any = SimpleNamespace(start=a, end=b)
            for arabic in (True, False):
                for kind in ("camp", "prison", "", None):
                    want = head_near(text, c, listing if arabic else heads, kind)
                    assert _head_near(text, c, ar, arabic, kind) == want, (text, a, b, heads, arabic, kind)


def _verdicts_ref(base: set[str], fac_words: frozenset[str]) -> tuple[bool, bool]:
    """facility_context's word loop before perf28b: (a town word among the forms, a cue word of the kind)."""
    hit = False
    for w in base:
        forms = _DERIVED.get(w) or _derive(w)
        if not forms.isdisjoint(_TOWN_SELF):
            return True, hit
        if not hit and not forms.isdisjoint(fac_words):
            hit = True
    return False, hit


def test_word_verdicts_as_the_loop() -> None:
    rng = random.Random(3)
    words = ["towns", "البلديه", "بلديه", "وبلديه", "mayor", "prison", "سجن", "والسجن", "سجناءها", "معتقلاً", "camp",
             "مخيم", "للمخيم", "x", "ال", "", "المرحلون", "اسرته", "tents", "detainees", "refugees", "reserve"]
    fac_sets = [frozenset(("prison", "سجن", "سجناء", "معتقل")), frozenset(("camp", "مخيم", "tents")), frozenset()]
    for _ in range(3000):
        base = set(rng.sample(words, rng.randint(0, 6)))
        fac = rng.choice(fac_sets)
        town, hit = _verdicts_ref(base, fac)
        got_town, got_hit = _word_verdicts(base, fac)
        assert got_town == town and (town or got_hit == hit), (base, fac)
    # (the loop stops at a town word: whatever `hit` was then, facility_context returns False either way)


def test_gates_are_necessary_conditions() -> None:
    rng = random.Random(4)
    crafted = ["Prison, formerly ", "Prison (now called ", "Prison, ONCE\u00a0the\u00a0", "x, later \n", "a,now  ",
               "Hol is a town", ", also written Al Hol, is a village", " itself was an area", " remains the city",
               " was just an empty corner of the desert", "نقل الى ", "ونقلوا الى  ", "حول إلى\n", "تحويله الي",
               "camps around ", "PRISONS NEAR\u00a0", "ſettlements outside ", "the jails surrounding\n"]
    for text in _texts() + crafted + [t * 2 for t in crafted]:
        n = len(text)
        for start in range(n + 1):
            lo = start - 40 if start > 40 else 0
            if _FORMERLY_BEFORE_RE.search(text, lo, start) is not None:  # (bare_reading's gate before it)
                lead40 = text[lo:start]
                assert text[start - 1 : start] in " \u00a0\n" and ("," in lead40 or "(" in lead40), (text, start)
            if _IS_A_TOWN_AFTER_RE.match(text, start) is not None:
                assert text.startswith(_IS_A_TOWN_OPENERS, start), (text, start)
            m = _PLURAL_AROUND_RE.search(text, lo, start)
            got = search_scouted(_PLURAL_AROUND_RE, _PLURAL_AROUND_SCOUT, text, lo, start)
            assert (m is None) == (got is None) and (m is None or got is None or m.span() == got.span()), (text, start)
        folded = fold_text(text)
        if _TRANSFER_TO_AR_RE.search(folded) is not None:
            assert folded.rstrip().endswith(("الي", "الى")), text
    for _ in range(2000):  # (random windows of the crafted cases' characters)
        text = "".join(rng.choice(crafted)[: rng.randint(0, 12)] for _ in range(4))
        folded = fold_text(text)
        if _TRANSFER_TO_AR_RE.search(folded) is not None:
            assert folded.rstrip().endswith(("الي", "الى")), text


def test_english_gates_need_a_latin_letter() -> None:
    # bare_reading skips these literals' checks for an Arabic name where has_latin(text) is False: each literal holds
    # an ASCII letter, so none can be in such a text
    for w in ("ity of", "ourt", "olice", "in ", "ministrat", "rea", "iot", "scape", "km", "ilomet", "mile", "name",
              "call", "known", "dubbed", "uards", " of", "such as ", "including ", "like ", "at "):
        assert re.search("[A-Za-z]", w) and has_latin(w)
    assert not has_latin("مخيم الهول، في «الحسكة» ١٢ – “") and has_latin("الهول k")


def _sport_families_ref(text: str) -> int:
    """_sport_families before perf28b: every position up to `back` before a family's words tried."""
    if text.isascii():
        return 0
    starts: list[set[int]] = [set() for _ in _SPORT_ANCHORS]
    for i in needle_starts(text, _SPORT_NEEDLES):
        for w, k in _SPORT_BY_FIRST[text[i]]:
            if text.startswith(w, i):
                starts[k].update(range(max(0, i - _SPORT_ANCHORS[k][1]), i + 1))
    found = 0
    for rx, ps in zip(_SPORT_FAMILIES, starts, strict=True):
        if any(rx.match(text, p) is not None for p in sorted(ps)):
            found += 1
            if found == 2:
                break
    return found


def test_sport_families_as_before() -> None:
    rng = random.Random(5)
    words = ["مباراة", "المباراة", "ولقاء", "ملعب", "بالملعب", "إستاد", "استاد", "دوري المحترفين", "الدوري الممتاز",
             "هدفين نظيفين", "بهدف", "استهدف", "كرة القدم", "عسكرة القدم", "البطولة", "فريق", "الأندية", "اندية",
             "المجموعة الأولى", "القرعة", "تغلب", "وتعادل", "سلبيا", "مرمى", "للمتصدر", "برصيد 19 نقطة", "مخيم",
             "x", "1", "،", "."]
    texts = [t for p in _passages()[:150] for t in _perturbed(p)[:4]]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(1500)]
    texts += ["".join(rng.choice(words)) for _ in range(300)]  # (glued: a letter right before every word)
    for text in texts:
        assert _sport_families(text) == _sport_families_ref(text), text


def test_joined_index_not_built_when_gated() -> None:
    # the towns' index of a text is built only where a joiner can stand next to the name
    built: list[int] = []

    def make() -> list[tuple[int, int]]:
        built.append(1)
        return [(0, 3)]
    spans = Spans(make=make)
    c: Any = SimpleNamespace(start=10, end=14)
    assert not _joined("abc xyz q Hols text", c, spans, _LISTED_RE) and not built
    assert bare._JOINER_ENDS[_LISTED_RE][0] >= frozenset(",،&و") and context._JOIN_RE is bare._HEAD_JOIN_RE


def test_scouted_searches_as_search() -> None:
    crafted = ["على بعد ثلاثة كيلومترات من ", "5 km from ", "5 KM from ", "10 Miles of ", "2kms from ", "متر عن ",
               "سارت بها ", "يسير به\n", "تسير بأخباره", "من مطار بنينا إلى ", "بين مخيم الهول و",
               "من سجن ابو غريب الى\u00a0", "xkm from ", "ومتر من "]
    pairs = [(bare._IDIOM_BEFORE_RE, bare._IDIOM_BEFORE_SCOUT, 24),
             (bare._DISTANCE_FROM_RE, bare._DISTANCE_FROM_SCOUT, 24),
             (bare._PAIR_NAMED_BEFORE_RE, bare._PAIR_NAMED_BEFORE_SCOUT, 48)]
    for text in _texts(60, 100) + crafted + ["x " + t + "Hol" for t in crafted]:
        for start in range(len(text) + 1):
            for rx, scout, reach in pairs:
                lo = max(0, start - reach)
                m, got = rx.search(text, lo, start), search_scouted(rx, scout, text, lo, start)
                same = m is None or got is None or (m.span(), m.groups()) == (got.span(), got.groups())
                assert (m is None) == (got is None) and same, \
                    (rx.pattern[:30], text, start)
