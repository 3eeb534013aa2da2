"""perf28s: the compiled selection's 64-bit sort keys (native/select.c) and the scanner's per-text token list
(native/scanner.c: each token folded once, the walks reading the next token's fold from it), each held to the
code it replaced's specification: resolve.longest_ref and scan_ref.scan, on random and adversarial inputs, on
both sides of the 64-bit keys' precondition (the packed rank fits) and of the walks' (the next token is listed)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from services.enrich import backend, scan_ref
from services.enrich.resolve import ROLE_PRIORITY, longest, longest_ref
from services.enrich.scanner import scan, scan_select
from tests.unit.enrich_support import real_gazetteer

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")


@pytest.fixture(autouse=True)
def compiled_path() -> Iterator[None]:
    was_pure = backend.compiled() is None
    backend.select(pure=False)
    yield
    backend.select(pure=was_pure)


def _fields(c) -> tuple:
    return c.start, c.end, c.role, c.payloads, c.ntokens


_ROLES = list(ROLE_PRIORITY)


def _raw(rng: random.Random, s: int, e: int, ntok: int, i: int) -> tuple:
    role = rng.choice(_ROLES)
    if role == "nonfac":
        pls = (("nonfac", rng.choice(["name", "generic"]), ""),)
    else:
        pls = ((role, f"x{rng.randint(0, 3)}", ""),)
    return (s - e, -ntok, ROLE_PRIORITY[role], s, i, e, role, pls, ntok)


def _same_selection(cands: list[tuple], size: int) -> None:
    assert [_fields(c) for c in longest(cands, size)] == [_fields(c) for c in longest_ref(cands, size)]


def test_selection_equals_the_reference_on_random_candidates() -> None:
    rng = random.Random(2028)
    for _ in range(3000):
        size = rng.randint(0, 60)
        cands = []
        for i in range(rng.randint(0, 70)):
            s = rng.randint(0, size)
            e = rng.randint(s, min(size, s + rng.choice([0, 1, 3, 8, 60])))
            cands.append(_raw(rng, s, e, rng.randint(0, 5), i))
        # duplicates of spans, roles and whole candidates: ties the arrival order must break
        cands += [(*c[:4], len(cands) + j, *c[5:]) for j, c in enumerate(rng.sample(cands, min(len(cands), 10)))]
        _same_selection(cands, size)


@pytest.mark.parametrize("ntok", [2**17 - 1, 2**17, 2**20, 2**29])
def test_selection_equals_the_reference_on_both_sides_of_the_packed_keys_precondition(ntok: int) -> None:
    # one candidate over a text of 2**20 - 1 characters: (maxlen + 1) * (maxntok + 1) * 32 * (size + 1) is 2**62 at
    # ntok 2**17 - 1 (fits with the 2 bits of three arrivals), above it at 2**17: the 128-bit keys then
    rng = random.Random(ntok)
    size = 2**20 - 1
    for _ in range(20):
        cands = [_raw(rng, 0, size, ntok, 0)]
        for i in range(1, rng.choice([2, 3, 40])):
            s = rng.randint(0, 50)
            cands.append(_raw(rng, s, s + rng.randint(0, 9), rng.randint(0, 4), i))
        rng.shuffle(cands)
        cands = [(*c[:4], i, *c[5:]) for i, c in enumerate(cands)]
        _same_selection(cands, size)


def _same_scan(text: str, trie) -> None:
    got_ents, got_events = scan(text, trie)
    want_ents, want_events = scan_ref.scan(text, trie)
    assert got_ents == want_ents, text
    assert [_fields(c) for c in got_events] == [_fields(c) for c in want_events], text
    sel, sel_events = scan_select(text, trie)
    assert [_fields(c) for c in sel] == [_fields(c) for c in longest_ref(want_ents, len(text))], text
    assert [_fields(c) for c in sel_events] == [_fields(c) for c in want_events], text


# separators between keys' tokens that NEXT_RE reads (spaces, dots, hyphens, quotes, articles) and that it does not,
# next to apostrophes that join a token or do not (between two Arabic letters), possessives, marks, long tokens
_SEPS = [" ", "  ", ". ", ".", "-", "\u2011", "--", " -", "- ", " al-", " Al ", "al-", " el ", "as-", "ash-", "'",
         "’", "’s ", "'s ", "'s", "s'", " '", "' ", " ʿ", "ʾ", "ʻ", "'-", "-'", "\u00a0", "\u200f", "\u200c", "ـ", "ال",
         "و", "بال", "لل", "’ال", "'و", "_", "ſ", " aſ-", " Eſ-", "AL-", " ul-", " ad-", "\n", "(", ")", ", ", "ﻻ",
         "ﷺ", "\u0651", "x" * 40, " ٣ ", "ﬁ", "ﬁ ", "中文", "ẞ", "ǅ", "İ", "\u00ad", "\ufeff", "ﻷ", "Ⅻ"]


def test_scanner_equals_the_reference_around_the_walks_next_tokens() -> None:
    gaz = real_gazetteer()
    rng = random.Random(28028)
    multi = [k for k in gaz.trie.first if len(k) > 2]
    names = rng.sample(multi, 2000)
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 16)):
            w = rng.choice(names)
            r = rng.random()
            if r < 0.2:
                w = w.title() if w.isascii() else "ال" + w
            elif r < 0.3:
                w = w.upper() if w.isascii() else w + "'"
            parts.append(w)
            parts.append(rng.choice(_SEPS))
        _same_scan("".join(parts), gaz.trie)


@pytest.mark.parametrize("text", [
    "Iraq's Kurdistan Region's camps", "al-Hol’s camp", "Deir ez-Zor's", "Deir 'ez-Zor", "Deir' ez-Zor",
    "مخيم’الهول’", "مخيم 'الهول'", "مخيم' الهول", "سجن’ غويران", "Deir.ez.Zor", "Deir .ez- Zor", "Deir - - ez - Zor",
    "Deir ez-'Zor", "Deir ez- ’Zor", "Deir ez-Zor'", "Deir ez-Zor's's", "Sina'a prison", "Sina’a Prison",
    "", "'", "'s", "a's", " 's ", "ال", "'ال", "ال'",
])
def test_scanner_equals_the_reference_on_tokens_with_quotes_and_possessives(text: str) -> None:
    _same_scan(text, real_gazetteer().trie)


def test_scanner_capitalisation_cache_answers_as_the_reference_filled_grown_and_cleared() -> None:
    # the compiled scanner remembers resolve.capitalised's answer per surface (a C table, grown from 256 slots at
    # half full, emptied by clear_caches and past CAPS_MAX): answers from the table equal the reference's
    gaz = real_gazetteer()
    trie = gaz.trie
    sc = trie.compiled
    rng = random.Random(2807)
    latin = [k for k in trie.first if k.isascii() and len(k) > 3]
    words = rng.sample(latin, 600)
    texts = []
    for w in words:
        forms = [w, w.title(), w.upper(), w.capitalize(), "the " + w, "al-" + w, "Al-" + w.title(), "as " + w.title()]
        texts.append(" ".join(rng.sample(forms, 4)) + ". " + w.swapcase())
    sc.clear_caches()
    for text in texts:  # filled (and grown, several times) here
        _same_scan(text, trie)
    for text in texts:  # answered from it here
        _same_scan(text, trie)
    sc.clear_caches()
    for text in texts[:50]:
        _same_scan(text, trie)


def test_lits_with_the_last_texts_hashes_kept_equals_the_reference() -> None:
    # native/fac.c's lits keeps the trigram hashes of the text last asked about (by identity, a reference held):
    # the same text asked with other needles, then another text (of each string kind), then the first again
    from services.enrich.scouts import words_in_ref

    native = backend.NATIVE
    assert native is not None  # (the test is skipped without the compiled part)
    rng = random.Random(2828)
    alphabet = "abcl ,'’sإاأالمخيسجنحو ٣éſ\u00a0" + "\U0001f600中"
    pool = ["مخيم", "السجن", "camp", ", the ", "’s ", "الم", "abc", "ab", "a", "ſs", "\U0001f600a", "中文字", "x" * 5]
    texts = []
    for _ in range(300):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.5:
            t += rng.choice(pool) + t[: rng.randint(0, 5)]
        texts.append(t)
    tuples = [tuple(rng.sample(pool, rng.randint(1, len(pool)))) for _ in range(12)] + [tuple(pool) * 4]
    for t in texts:
        for needles in rng.sample(tuples, 5):
            assert native.lits(t, needles) == words_in_ref(t, needles), (t, needles)
        copy = "".join(list(t))  # an equal text, another object
        needles = rng.choice(tuples)
        assert native.lits(copy, needles) == words_in_ref(copy, needles)
    for t in rng.sample(texts, 50):  # back to earlier texts, interleaved
        needles = rng.choice(tuples)
        assert native.lits(t, needles) == words_in_ref(t, needles)
        assert native.lits(t[:-1], needles) == words_in_ref(t[:-1], needles)


def _fold_before(token: str) -> str:  # normalize.fold as it was (a function over a plain dict), uncached
    from services.enrich import normalize as nz

    return nz.clean(token.translate(nz.TABLE)) if nz._FOLD_OR_CLEAN_RE.search(token) is not None else token


def test_fold_as_the_cache_dicts_getitem_equals_its_definition_filled_bounded_and_cleared(monkeypatch) -> None:
    from services.enrich import normalize as nz

    rng = random.Random(2829)
    chars = "abcAZſİı'’ʿ-\u00ad\u200f\u0640ـأإآىةکیالمخيم\u064b\u0651٣۴ﻻﷺﬁ中\U0001f600 é"
    tokens = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 9))) for _ in range(3000)]
    nz.clear_caches()
    for t in tokens + tokens:  # misses, then hits
        assert nz.fold(t) == _fold_before(t), t
    nz.clear_caches()
    monkeypatch.setattr(nz, "_CACHE_MAX", 50)  # emptied when full (on a miss, as before): still the same answers
    for t in tokens:
        assert nz.fold(t) == _fold_before(t), t
        assert len(nz._CACHE) <= 50
    nz.clear_caches()
    assert len(nz._CACHE) == 0
    assert [nz.fold(t) for t in tokens[:100]] == [_fold_before(t) for t in tokens[:100]]
    assert nz.fold("") == ""
