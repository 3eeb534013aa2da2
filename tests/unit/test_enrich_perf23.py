"""perf23: the compiled lits keeps a table for each of the last few needle tuples (native/fac.c: the engine asks
about several tuples in turn, and each used to rebuild the one table), and looks a needle up by the hash of the
text's next three code points alone; the stages' other whole-text `w in text` tests read one more compiled pass
(scouts.TEXT_GATES, text_gates: the bits equal the tests they replace, on both paths)."""

from __future__ import annotations

import random

import pytest

from services.enrich import backend
from services.enrich.facilities import _GATE_WORDS, lits_ref
from services.enrich.scouts import TEXT_GATE, TEXT_GATES, text_gates, words_in_ref
from services.enrich.senses import _TEXT_WORDS

_PIECES = ["حيي", "حياء", "neighbourhoods", "quarters", ", a ", ", an ", "هجم", "تفجير", "حكومت", "eterrence",
           "Center ", "Centre ", " such as ", " like ", "فرع", "ranch", "مخيم", "المخيمات", "السجن المركزي ب",
           "سجن مركزي", "قاعدة", " in ", "irport", "IRPORT", "annex", "Annex", "مركزي", "camp", "prison", "x", " ",
           "،", "\n", "😀", "é", "ـ", "ال", "سجن", "ن", "a", "in", "Cent", "irpor"]


def _texts() -> list[str]:
    rng = random.Random(23)
    return ["", "a", "ab", *TEXT_GATES] + [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(3000)]


def test_text_gates_fit_one_compiled_table() -> None:
    assert len(TEXT_GATES) <= 64 and len(set(TEXT_GATES)) == len(TEXT_GATES)
    assert all(len(w) >= 3 for w in TEXT_GATES)  # (a shorter needle is searched for on its own: no gain)


def test_text_gates_are_the_in_tests() -> None:
    was = backend.PATH.native
    try:
        for pure in (True, False):
            backend.select(pure=pure)
            for text in _texts():
                got = text_gates(text)
                assert got == text_gates(text)  # (kept for the text last asked about)
                assert [bool(got & TEXT_GATE[w]) for w in TEXT_GATES] == [w in text for w in TEXT_GATES], text
    finally:
        backend.PATH.native = was


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
def test_compiled_lits_with_tuples_in_turn() -> None:
    native = backend.NATIVE
    assert native is not None
    rng = random.Random(7)
    fresh = [tuple(rng.choice(_PIECES) + rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(40)]
    tuples = [_GATE_WORDS, TEXT_GATES, _TEXT_WORDS, *fresh]
    for text in _texts()[:1500]:
        for ns in rng.sample(tuples, 5):  # (more tuples than the tables kept: some are built again)
            assert native.lits(text, ns) == lits_ref(text, ns) == words_in_ref(text, ns), (text, ns)
        with pytest.raises(TypeError):
            native.lits(text, ("abc", 1))  # (a refused tuple takes a table and leaves none behind)
        assert native.lits(text, TEXT_GATES) == lits_ref(text, TEXT_GATES)


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
def test_compiled_needle_starts_with_tuples_in_turn() -> None:
    # (needles of one, two and three or more code points, of every width, in tuples asked about in turn: the tables
    # of the last few are kept, the others built again)
    from services.enrich.scouts import needle_starts_ref

    native = backend.NATIVE
    assert native is not None
    rng = random.Random(11)
    pool = [w for w in _PIECES if w] + ["ا", "ل", "ال", "😀x", "x😀", "é", "éa", "aaa", "aa"]
    tuples = [tuple(rng.choice(pool) for _ in range(rng.randint(1, 64 if k == 0 else 12))) for k in range(30)]
    for text in [*_texts()[:1500], "aaaa", "ال", "ا", "😀x😀x"]:
        for ns in rng.sample(tuples, 4):
            assert native.needle_starts(text, ns) == needle_starts_ref(text, ns), (text, ns)
        for bad in (("abc", ""), ("abc", 1)):
            with pytest.raises((TypeError, ValueError)):
                native.needle_starts(text, bad)  # (a refused tuple leaves no table behind)
        assert native.needle_starts(text, tuples[0]) == needle_starts_ref(text, tuples[0])
