"""Round 21, perf21a (speed): the facility stage does less work for the same answers.

- openworld._sentence_bounds finds the sentence around a name with ten one-character finds instead of listing every
  _SENT_END_RE match in the 300 characters before it: _sentence_at must equal its regex specification
  (_sentence_at_ref) at every position, and _in_a_work must equal the regex reading of its sentence.
- bare._sport_families finds the football family (`كر[ةه] ...`) by its words `كرة`/`كره`, not every `كر`.
- bare._seat_of_another keeps each seat's key per joined string (_SEAT_KEYS; the corpus's byte-identical output).
- facilities._plural_over_regions and _indefinite_city_prison ask their cheap test first (same answers).
- find_facilities' gate words are 64: one compiled lits pass whose table is built once for the module's tuple (68 made
  two slices, new tuples, and the table was rebuilt twice at every call: 72.6 M instructions, now 26.6 M).

callgrind, the bench's 400 articles, one warm pass: 5,245.4 M -> 5,120.6 M instructions (-2.4 %); output
byte-identical on tests.unit.enrich_corpus (compiled and pure against the base).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from services.enrich import bare as B
from services.enrich import facilities as F
from services.enrich import openworld as O
from services.enrich.normalize import fold

_ROOT = Path(__file__).resolve().parents[2]
_PIECES = [" ", ".", "!", "?", "؟", "\n", "a", "ب", "سجن", "prison", "film", "مسلسل", "دور", "follows", "«", "»",
           "\"", "Evin", "كرة القدم", "عسكر", "كره اليد", "ذكر", "\u00a0", "\U0001f600"]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        out.append("".join(rnd.choice(_PIECES) + ("x" * rnd.randint(0, 40) if rnd.random() < 0.3 else "")
                           for _ in range(rnd.randint(0, 60))))
    return out


def _devset_texts() -> list[str]:
    path = _ROOT / "tests/data/devset.jsonl"
    return [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines()[:300] if x.strip()]


def test_sentence_at_equals_its_regex_specification() -> None:
    for text in _texts(400, 21) + _devset_texts()[:80]:
        for at in range(0, len(text) + 1, 1 if len(text) < 200 else 7):
            assert O._sentence_at(text, at) == O._sentence_at_ref(text, at), (text, at)


def _in_a_work_ref(text: str, lo: int, hi: int) -> bool:
    a = max(0, lo - 300)
    ends = [m.end() for m in O._SENT_END_RE.finditer(text, a, lo)]
    start = ends[-1] if ends else a
    right = O._SENT_END_RE.search(text, hi, min(len(text), hi + 300))
    bounds = (start, right.start() if right else min(len(text), hi + 300))
    return O._sentence_bounds(text, lo, hi) == bounds


def test_sentence_bounds_around_a_span_equal_the_regex_reading() -> None:
    rnd = random.Random(7)
    for text in _texts(300, 5):
        for _ in range(20):
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, len(text))
            assert _in_a_work_ref(text, lo, hi), (text, lo, hi)


def _sport_families_ref(text: str) -> int:
    found = 0
    for rx in B._SPORT_FAMILIES:
        if rx.search(text) is not None:
            found += 1
            if found == 2:
                break
    return found


def test_sport_families_equal_whole_text_search() -> None:
    for text in _texts(300, 3) + _devset_texts() + ["كرة القدم ومباراة", "عسكرة القدم", "الكره السلة", "كر القدم"]:
        assert B._sport_families(text) == _sport_families_ref(text), text


_AND_WORD_RE = re.compile(r"[ \u00a0]*(?:و[ \u00a0]*)?([\u0621-\u064a\u0640]+)")


def _plural_over_regions_ref(text: str, start: int, end: int) -> bool:
    first = fold(text[start:end].split()[0])
    if first[:1] in "وبلف" and first[1:] in F._PLURAL_AR_HEADS:
        first = first[1:]
    if first not in F._PLURAL_AR_HEADS or text[end : end + 2].strip()[:1] not in ("و", ""):
        return False
    m = _AND_WORD_RE.match(text, end)
    if m is None or not text[end : m.start(1)].replace(" ", "").replace("\u00a0", "").startswith("و"):
        return False
    return fold(m.group(1)) in F._REGION_WORDS_AR


def test_plural_over_regions_same_answers() -> None:
    names = ["سجون النقب", "وسجون النقب", "مخيمات جنين", "سجن النقب", "معتقلات عوفر"]
    tails = ["", " والجنوب", " و الشمال", "\u00a0والجليل", " وغزة", " في", "و", " ", "  والجنوب"]
    for name in names:
        for tail in tails:
            text = name + tail + " قال"
            assert F._plural_over_regions(text, 0, len(name)) == _plural_over_regions_ref(text, 0, len(name))


def test_gate_words_fit_one_compiled_lits_table() -> None:
    # lits takes at most 64 words in one table; a 65th splits the tuple per call and rebuilds both tables every
    # article (the cost perf21a removed): a new gate word has to replace or join an existing one
    assert len(F._GATE_WORDS) <= 64
    assert len(set(F._GATE_WORDS)) == len(F._GATE_WORDS)
