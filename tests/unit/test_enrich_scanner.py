"""The compiled scanner and selection (services/enrich/native/) against their specifications (scan_ref.scan,
resolve.longest_ref): identical candidates and identical selections, in the same order.

Held on every dev-set and held-out passage, perturbed copies of them (case, tatweel, diacritics, Unicode
hyphens/apostrophes/spaces, bidi marks, Arabic-Indic digits, presentation forms, glued punctuation), and
fuzzed text built from gazetteer names and the characters the tokenizer and NEXT_RE treat specially.
They run the compiled path whatever RAQIB_ENRICH_PURE says, and are skipped when it was not built.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator

import pytest

from services.enrich import backend, scan_ref
from services.enrich.normalize import _FOLD_LIST, fold
from services.enrich.resolve import longest, longest_ref
from services.enrich.scanner import compile_trie, scan, scan_select
from tests.unit.enrich_support import DEVSET, REPO, fixture_gazetteer, real_gazetteer

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")


@pytest.fixture(autouse=True)
def compiled_path() -> Iterator[None]:
    was_pure = backend.compiled() is None
    backend.select(pure=False)
    yield
    backend.select(pure=was_pure)


_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _perturbed(text: str) -> list[str]:
    return [
        text, text.upper(), text.lower(),
        text.replace("ي", "ـيـ").replace("م", "مـ"),
        text.replace("ل", "لَ").replace("ن", "نّ").replace("ا", "\u0670ا"),
        text.replace("-", "\u2011").replace("'", "\u2019").replace(" ", "\u00a0", 7),
        text.replace(" ", " \u200f", 9).replace("و", "و\u200c", 5).replace("a", "a\u00ad", 5),
        text.translate(_AR_DIGITS),
        text.replace("ى", "ی").replace("ك", "ک").replace("لا", "\ufefb").replace("ه ", "ة "),
        text.replace(" ", "", 3).replace(", ", ",").replace(". ", "."),
    ]


def _passages() -> list[str]:
    out = []
    for path in (DEVSET, REPO / "tests" / "data" / "heldout.jsonl"):
        out += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def _same(text: str, trie) -> None:
    got_ents, got_events = scan(text, trie)
    want_ents, want_events = scan_ref.scan(text, trie)
    assert got_ents == want_ents, text
    assert [_fields(c) for c in got_events] == [_fields(c) for c in want_events], text
    want_sel = [_fields(c) for c in longest_ref(want_ents, len(text))]
    assert [_fields(c) for c in longest(got_ents, len(text))] == want_sel
    sel, sel_events = scan_select(text, trie)
    assert [_fields(c) for c in sel] == want_sel
    assert [_fields(c) for c in sel_events] == [_fields(c) for c in want_events]


def _fields(c) -> tuple:
    return c.start, c.end, c.role, c.payloads, c.ntokens


def test_compiled_scanner_equals_the_reference_on_the_labelled_passages_and_perturbed_copies() -> None:
    trie = real_gazetteer().trie
    n_cands = 0
    for text in _passages():
        for t in _perturbed(text):
            _same(t, trie)
        n_cands += len(scan(text, trie)[0])
    assert n_cands > 1000  # the comparison is over real matches, not empty lists


def test_compiled_scanner_equals_the_reference_on_fuzzed_text() -> None:
    gaz = real_gazetteer()
    rng = random.Random(20261202)
    names = [k for k in gaz.trie.first if len(k) > 2]
    names = rng.sample(names, 3000)
    seps = [" ", "  ", "-", "\u2011", " al-", " Al ", " el ", "as-", "ash-", "'", "’s ", "'s", ".", ", ",
            "\u00a0", "\u200f", "ـ", "ال", "و", "بال", "لل", " ʿ", "ʾ", "_", "ſ", " aſ-", " aſh-", " Eſ-",
            "AL-", "\n", "(", ")"]
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 14)):
            w = rng.choice(names)
            if rng.random() < 0.3:
                w = w.title() if w.isascii() else "و" + w
            parts.append(w)
            parts.append(rng.choice(seps))
        _same("".join(parts), gaz.trie)


def test_compiled_scanner_on_the_fixture_gazetteer() -> None:
    trie = fixture_gazetteer().trie
    for text in _passages()[:60]:
        _same(text, trie)


def test_compiled_fold_equals_normalize_fold_on_every_code_point() -> None:
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    compiled = compile_trie(real_gazetteer().trie)
    assert compiled.fold(every) == fold(every) == every.translate(_FOLD_LIST)


def test_a_trie_that_is_not_finalized_is_refused_with_a_reason() -> None:
    from services.enrich.matcher import Trie

    trie = Trie()
    trie.add(["هول"], ("place", "x", ""))
    with pytest.raises(ValueError, match="not finalized"):
        compile_trie(trie)
    trie.finalize()
    assert scan("مخيم الهول", trie)[0]  # compiled on first use once finalized


@pytest.mark.parametrize("text", [
    "Deir ez-Zor", "Deir eſ-Zor", "Deir EZ\u2011Zor", "Deir al  Zor", "Deir al- Zor", "Deir.Zor", "Deir'-Zor",
    "Iraq's Kurdistan Region's camps", "al-Hol’s", "Al Hol", "el\u00a0Hol", "ash-Shaddadi", "aſh-Shaddadi",
    "وبالحسكة", "للسجن", "مخيم الهول", "مخيمـ الهـول", "سجن غويران", "ﻻ", "", "ul-Hol", "Ul-Hasakah", "ad-Tanf",
    "x ul-Hol", "(al-Hol", "al -Hol", "al‑‑Hol", "el  Hol",
])
def test_compiled_scanner_equals_the_reference_on_edge_cases(text: str) -> None:
    _same(text, real_gazetteer().trie)


def test_compiled_selection_refuses_a_candidate_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        longest([(-3, -1, 3, 0, 0, 3, "place", (("place", "x", ""),), 1)], 2)


def test_compiled_fold_text_and_fold_many_equal_their_definitions_on_every_code_point() -> None:
    from services.enrich.normalize import IGN, TABLE, fold_many, fold_text

    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    assert fold_text(every) == every.translate(TABLE).replace(IGN, "")
    assert fold_text("") == ""
    chunks = [every[i : i + 7] for i in range(1, 70_000, 7)]  # tokens hold no NUL + ["", "Sina'a", "مخيمـ"]
    assert fold_many(chunks) == [c.translate(_FOLD_LIST) for c in chunks]


def test_compiled_article_before_a_name_equals_the_reference_on_random_prefixes() -> None:
    """The English article taken into a Latin name's span (scan_ref.article_before, a regex in Python, a
    hand-written matcher in C): random short prefixes of article letters, separators and others."""
    trie = real_gazetteer().trie
    rng = random.Random(7)
    alphabet = ["a", "A", "l", "L", "e", "E", "s", "h", "u", "d", "z", "t", "ſ", " ", "  ", "-", "\u2011", "\u00a0",
                "'", "x", "(", "\n", "."]
    for _ in range(4000):
        prefix = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        _same(prefix + rng.choice(["Hol", "Hasakah", "Raqqa camp", "Shaddadi", "Tanf"]), trie)


def test_compiled_tokens_folded_equals_its_definition_on_passages_fuzz_and_bounds() -> None:
    """normalize.tokens_folded compiled (FoldTable.tokens) against its Python definition (TOKEN_RE.finditer within
    the bounds, each token folded): every passage and perturbed copy whole and in random windows, fuzzed text of
    the characters the tokenizer treats specially, out-of-range bounds, every code point."""
    from services.enrich.normalize import tokens_folded

    def ref(text: str, lo: int, hi: int) -> tuple:
        backend.select(pure=True)
        try:
            return tokens_folded(text, lo, hi)
        finally:
            backend.select(pure=False)

    rng = random.Random(11)
    texts = [t for text in _passages()[:150] for t in _perturbed(text)]
    alphabet = ["a", "Z", "9", "_", "'", "’", "ʼ", "`", "´", "′", "ʻ", " ", "-", "ـ", "م", "ل", "\u064e", "\u0670",
                "\u200c", "\u200d", "\u00ad", "\u0301", "\u0615", "\u06e1", "٣", "ﻻ", "é", "ß", "漢", "😀", ".", "\n"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    texts.append(every[::3])
    n = 0
    for text in texts:
        bounds: list[tuple[int, int]] = [(0, len(text)), (-5, len(text) + 9), (3, 2)]
        for _ in range(3):
            a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
            bounds.append((a, b))
        for lo, hi in bounds:
            got = tokens_folded(text, lo, hi)
            assert got == ref(text, lo, hi), (text, lo, hi)
            n += len(got[0])
    assert n > 10_000  # the comparison is over real tokens


def test_has_latin_compiled_equals_its_definition_and_means_no_latin_word_in_the_lower_case() -> None:
    """normalize.has_latin, compiled (_scan.latin) and in Python, on every code point alone and on the passages;
    a text it says False of has no ASCII letter in its lower case (so no Latin word is looked for in vain)."""
    from services.enrich import normalize

    def both(text: str) -> tuple[bool, bool]:
        got = []
        for pure in (False, True):
            backend.select(pure=pure)
            normalize._latin_memo = (None, False)
            got.append(normalize.has_latin(text))
        backend.select(pure=False)
        return got[0], got[1]

    native_mod = backend.NATIVE
    assert native_mod is not None
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        native, ref = native_mod.latin(ch), both(ch)[1] if cp % 97 == 0 or cp < 0x3000 else None
        assert ref is None or native == ref, hex(cp)
        assert native == any("a" <= x <= "z" for x in ch.lower()) or (0xD800 <= cp <= 0xDFFF and not native), hex(cp)
    texts = [t for text in _passages() for t in _perturbed(text)]
    assert sum(1 for t in texts if not both(t)[0]) > 50  # Arabic passages without a Latin letter are there
    for t in texts:
        a, b = both(t)
        assert a == b, t
        assert a or not any("a" <= x <= "z" for x in t.lower()), t
