"""The facility stage's whole-text gates (perfF): the compiled lits (native/fac.c) against its Python specification
(facilities.lits_ref: `needles[i] in text` for each) on every passage and perturbed copy, on fuzzed text over the
gate words' pieces and characters of every width, and on needle tuples of every length (empty, short, 64); the
gate bits find_facilities reads against the `in` tests and regex searches they replace (_names_given,
_AR_DETAINEES_RE, _DIGIT_RE)."""

from __future__ import annotations

import random

import pytest

from services.enrich import backend, facilities
from services.enrich.bare import number_sites_ref
from services.enrich.facilities import (
    _AR_DETAINEES_RE,
    _DIGIT_RE,
    _G_CALLED_AR,
    _G_CALLED_EN,
    _G_DETAINEES_AR,
    _GATE_WORDS,
    _letter_spaces_digit,
    _names_given,
    lits,
    lits_ref,
)
from services.enrich.normalize import has_latin
from tests.unit.test_enrich_scanner import _passages, _perturbed

_PIECES = [*_GATE_WORDS, "مرك", "معس", "نز", "الم", "ca", "pri", ", t", "'s", "’", "a", "ا", "ل", " ", "\u00a0", "\n",
           "9", "1", "é", "😀", "漢", "\u064e", "،", ",", "x", "Z"]


def _texts() -> list[str]:
    rng = random.Random(11)
    texts = [t for text in _passages()[:120] for t in _perturbed(text)]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    texts += ["", " ", "ا" * 40, "x" * 40, "abc", "ab", "😀مركزي", "مركزي😀"]
    return texts


def test_lits_ref_is_the_in_test_of_each_needle() -> None:
    for text in ["", "مركز حلب", "the Rukban camp's annex", "a  7"]:
        got = lits_ref(text, _GATE_WORDS)
        assert [bool(got >> i & 1) for i in range(len(_GATE_WORDS))] == [w in text for w in _GATE_WORDS]


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
def test_compiled_lits_equals_its_specification() -> None:
    native = backend.NATIVE
    assert native is not None
    rng = random.Random(5)
    others = [("",), ("a", "ab", ""), ("😀", "😀x", "x😀y"), tuple(f"w{i}" for i in range(64)), ()]
    n = 0
    for text in _texts():
        for i in range(0, len(_GATE_WORDS), 64):  # (one compiled pass holds at most 64 needles)
            assert native.lits(text, _GATE_WORDS[i : i + 64]) == lits_ref(text, _GATE_WORDS[i : i + 64]), text
        needles = tuple("".join(rng.choice(_PIECES[-26:]) for _ in range(rng.randint(0, 4)))
                        for _ in range(rng.randint(0, 10)))
        for ns in (needles, others[n % len(others)]):
            assert native.lits(text, ns) == lits_ref(text, ns), (text, ns)
        n += 1


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
def test_compiled_lits_refuses_what_it_cannot_read() -> None:
    native = backend.NATIVE
    assert native is not None
    for args in [("x",), ("x", ["a"]), (1, ("a",)), ("x", ("a", 1)), ("x", ("a", 1, "abc")),
                 ("x", tuple("abcd" for _ in range(65)))]:
        with pytest.raises((TypeError, ValueError)):
            native.lits(*args)
    assert native.lits("abcd", ("abc", "bcd", "x")) == 3  # (a refused tuple leaves no table behind)


def test_gate_bits_answer_the_tests_they_replace() -> None:
    for text in _texts():
        gates = lits(text, _GATE_WORDS)
        called = gates & (_G_CALLED_EN | _G_CALLED_AR if has_latin(text) else _G_CALLED_AR)
        assert bool(called) == _names_given(text), text
        assert bool(gates & _G_DETAINEES_AR) == (_AR_DETAINEES_RE.search(text) is not None), text
        assert _letter_spaces_digit(text) == (_DIGIT_RE.search(text) is not None), text


def test_letter_spaces_digit_on_its_pieces() -> None:
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice("aZ \u00a01.é9\nا") for _ in range(rng.randint(0, 12)))
        assert _letter_spaces_digit(text) == (_DIGIT_RE.search(text) is not None), text


def test_both_paths_read_the_gates_alike() -> None:
    was = backend.PATH.native
    try:
        for text in _texts()[:400]:
            backend.select(pure=True)
            pure = facilities.lits(text, _GATE_WORDS)
            backend.select(pure=False)
            assert facilities.lits(text, _GATE_WORDS) == pure, text
    finally:
        backend.PATH.native = was


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
def test_compiled_number_sites_equals_its_specification() -> None:
    native = backend.NATIVE
    assert native is not None
    rng = random.Random(13)
    pieces = ["A", "Z", "a", "z", "'", "’", " ", "\u00a0", "1", "9", "é", "-", "\n", "Badr", "Camp", "cd ", "😀", "س",
              "٣", "Ḃ"]
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    for text in texts:
        assert native.number_sites(text) == number_sites_ref(text), text
    with pytest.raises(TypeError):
        native.number_sites(b"Badr 3")
