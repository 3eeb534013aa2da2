"""The state-actor and place stages' compiled loops (native/inst.c) against their Python specifications
(scouts.arabic_cue_starts_ref, scouts.word_cue_starts_ref, context_actors._AR_LETTER_RE): the same answers on every
passage and perturbed copy, on fuzzed text of the characters they test, and on spans at and past the text's
ends. Skipped when the compiled part was not built."""

from __future__ import annotations

import random
import sys

import pytest

from services.enrich import backend
from services.enrich.context_actors import _AR_LETTER_RE
from services.enrich.scouts import arabic_cue_starts_ref, word_cue_starts_ref
from tests.unit.test_enrich_scanner import _passages, _perturbed

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")

_ALPHABET = ["ا", "ل", "و", "ب", "ء", "ي", "ى", "ٱ", "\u064e", "\u0640", " ", "\u00a0", "\u2009", "\n", "a", "Z", "9",
             "_", "٣", "²", "é", "漢", "😀", "-", ".", "«", "\u200c", "\u0620", "\u064b", "\u0600"]
_FIRSTS = frozenset(("آ", "أ", "ؤ", "إ", "ا", "و"))


def _texts() -> list[str]:
    rng = random.Random(7)
    texts = [t for text in _passages()[:120] for t in _perturbed(text)]
    texts += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    texts += ["", " ", "ا" * 40, "x" * 40]
    return texts


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = [(0, 0), (n, n), (0, n)]
    for _ in range(6):
        s = rng.randint(0, n)
        out.append((s, rng.randint(s, n)))
    return out


def test_cue_starts_and_word_starts_equal_their_specifications() -> None:
    native = backend.NATIVE
    assert native is not None
    rng = random.Random(3)
    firsts = "".join(sorted(_FIRSTS))
    n = 0
    for text in _texts():
        spans = _spans(rng, len(text))
        got = native.cue_starts(text, spans, firsts)
        assert got == arabic_cue_starts_ref(text, spans, _FIRSTS), (text, spans)
        assert native.cue_starts(text, spans, "") == arabic_cue_starts_ref(text, spans), (text, spans)
        assert native.word_starts(text, spans) == word_cue_starts_ref(text, spans), (text, spans)
        n += len(got)
    assert n > 10_000  # the comparison is over real starts


def test_spans_past_the_end_raise_as_the_specification_does() -> None:
    native = backend.NATIVE
    assert native is not None
    for text in ("", "ab", "وزارة"):
        for span in [(0, len(text) + 1), (len(text) + 1, len(text) + 1)]:
            with pytest.raises(IndexError):
                arabic_cue_starts_ref(text, [span])
            with pytest.raises(IndexError):
                native.cue_starts(text, [span], "")
        with pytest.raises(IndexError):
            word_cue_starts_ref(text, [(0, len(text) + 1)])
        with pytest.raises(IndexError):
            native.word_starts(text, [(0, len(text) + 1)])
        # (word_cue_starts reads no character before a negative end)
        assert native.word_starts(text, [(-3, -2)]) == word_cue_starts_ref(text, [(-3, -2)]) == [-2]
    with pytest.raises(TypeError):
        native.cue_starts("abc", [(0, 1, 2)], "")
    with pytest.raises(TypeError):
        native.word_starts("abc", [[0, 1]])


def test_arabic_letter_equals_the_pattern_on_every_code_point_and_the_passages() -> None:
    native = backend.NATIVE
    assert native is not None
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert native.arabic_letter(ch) == (_AR_LETTER_RE.search(ch) is not None), hex(cp)
        assert native.arabic_letter("abc " + ch + "\u2019") == (_AR_LETTER_RE.search(ch) is not None), hex(cp)
    for text in _texts():
        assert native.arabic_letter(text) == (_AR_LETTER_RE.search(text) is not None), text


def test_widen_and_marked_equal_their_specifications() -> None:
    from services.enrich.institutions import _PLAIN, _marked_ref, _widen_ref

    native = backend.NATIVE
    assert native is not None
    rng = random.Random(5)
    n = 0
    for text in _texts():
        for lo, hi in [(0, 0), (len(text), len(text)), (0, len(text) + 30)] + [
                (rng.randint(0, len(text)), rng.randint(0, len(text) + 40)) for _ in range(5)]:
            got = native.widen(text, lo, hi)
            assert got == _widen_ref(text, lo, hi), (text, lo, hi)
            n += got[1] - got[0]
    assert n > 10_000
    for bad in [(4, 0), (0, -1)]:
        with pytest.raises(IndexError):
            native.widen("abc", *bad)
    words = ["ا", "ب", "ج", "د", "", "ال"]
    for _ in range(500):
        kinds = [_PLAIN, (None, True), ("iq", False), _PLAIN]
        info = {w: rng.choice(kinds) for w in rng.sample(words, rng.randint(0, 6))}
        if rng.random() < 0.3 and info:
            info[next(iter(info))] = (None, False)  # equal to _PLAIN, not it: marked
        folds = [rng.choice(words) for _ in range(rng.randint(0, 12))]
        assert native.marked(folds, info, _PLAIN) == _marked_ref(folds, info), (folds, info)
    with pytest.raises(TypeError):
        native.marked(("a",), {}, _PLAIN)


def test_place_gates_say_false_only_where_no_gate_fires() -> None:
    """_scan.place_gates is a superset test: where it answers False, context.in_outlet_name, english_non_place
    (a Latin name) and person_before are all False. Held on every span of up to 6 characters of fuzzed text built
    from the words and characters the gates read, and on random spans of the passages; it must also answer False
    often (else it saves nothing)."""
    from types import SimpleNamespace

    from services.enrich import context
    from services.enrich.context import english_non_place, in_outlet_name, person_before

    native = backend.NATIVE
    assert native is not None
    rng = random.Random(9)
    pieces = ["Abu ", "bin ", "Umm", "ابن ", "بن ", "أبو ", "Camp ", "pro-", "anti ", "Pro ", "-", "\u2011", " al-",
              " el-", "Iraq", "US", "U.S.", "Syria", " ", " ", "قناة ", "تلفزيون ", " نيوز", " الإخبارية", " اليوم)",
              "Direct", " 24", "backed", "a", "B", "ب", "س", "ا", "\n", "(", "«", "é", "İ", "ǅ"]
    pieces += [w + " " for w in context._OUTLET_BEFORE | context._KUNYA] + [" " + w for w in context._OUTLET_AFTER]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(4000)]
    spans = [(t, s, e) for t in texts for s in range(len(t)) for e in range(s + 1, min(len(t), s + 6) + 1)]
    for text in _passages()[:200]:
        for _ in range(30):
            s = rng.randrange(len(text))
            spans.append((text, s, min(len(text), s + rng.randint(1, 12))))
    skipped = 0
    for text, s, e in spans:
        if native.place_gates(text, s, e):
            continue
        skipped += 1
        c = SimpleNamespace(start=s, end=e)
        assert not in_outlet_name(text, s, e), (text, s, e)
        assert not person_before(text, s), (text, s, e)
        assert text[s] >= "\u0250" or not english_non_place(text, c), (text, s, e)  # type: ignore[arg-type]
    assert skipped > len(spans) // 4
    assert native.place_gates("abc", 2, 2) and native.place_gates("abc", 0, 9)  # no candidate: the gates run
