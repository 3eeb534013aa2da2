"""Round 17, perf17 (speed): native/place.c's `has` (is a needle within text[lo:hi]?) reads the text in its own width.

place_mask asks `has` a dozen times per place candidate (the photo credit's "/" and "©" in the 60 characters before
a Latin name, a feature's word in the 16 before an Arabic one, a landmark's word in the 9 before ...). It used to
read every character of the window through the width switch; it now looks for the needle's first character with
memchr in a Latin-1 text (none there above U+00FF) and with a tight loop in a UCS-2 or UCS-4 text. Its answer must
be the plain loop's: a needle exactly at a window's first or last place is in it, one place outside is not, in
each of the three widths, and the short path of enrichment._place still gives what _place_full gives.
"""

from __future__ import annotations

import pytest

from services.enrich import backend
from services.enrich.enrichment import _PM_ANY, _PM_MISS, _fill_gates, _place, _place_full
from services.enrich.gazetteer import Gazetteer
from services.enrich.scanner import scan_select
from tests.unit.enrich_support import real_gazetteer

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="no compiled part")

# a character that widens the text's storage: none (Latin-1), an Arabic letter (UCS-2), an emoji (UCS-4)
_WIDEN = ["", "\u0628", "\U0001f600"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return real_gazetteer()


def _mask(text: str, s: int, e: int, gaz: Gazetteer) -> int:
    backend.select(pure=False)
    native = backend.PATH.native
    assert native is not None
    r = gaz.place_rules
    assert r is not None
    memo = (r.surface_gates, r.name_before, r.given_before, r.word_flags)
    m = native.place_mask(text, s, e, 0, memo)
    if m & _PM_MISS:
        _fill_gates(text, s, e, gaz, r)
        m = native.place_mask(text, s, e, 0, memo)
    assert not m & _PM_MISS
    return int(m)


def _credit_at(offset: int, widen: str, name: str = "Kirkuk") -> tuple[str, int, int]:
    """A text whose Latin name starts at s, with one "/" `offset` characters from s (negative: before it), the
    widening character far from every window."""
    lead = "x" * 80
    tail = "y" * 80
    text = list(f"{widen}{lead} {name} said {tail}{widen}")
    s = len(widen) + len(lead) + 1
    text[s + offset] = "/"
    return "".join(text), s, s + len(name)


@pytest.mark.parametrize("widen", _WIDEN)
def test_a_slash_on_the_credit_windows_edges(gaz: Gazetteer, widen: str) -> None:
    """in_credit's windows: text[s - 60 : s] before the name and text[e : e + 40] after it."""
    text, s, e = _credit_at(-70, widen)
    assert not _mask(text, s, e, gaz) & _PM_ANY  # (the baseline: nothing fires here)
    inside = (-60, -1, len("Kirkuk") + 1, len("Kirkuk") + 39)
    outside = (-61, len("Kirkuk") + 40, len("Kirkuk") + 41)
    for off in inside:
        text, s, e = _credit_at(off, widen)
        assert _mask(text, s, e, gaz) & _PM_ANY, (off, widen)
    for off in outside:
        text, s, e = _credit_at(off, widen)
        assert not _mask(text, s, e, gaz) & _PM_ANY, (off, widen)


@pytest.mark.parametrize("widen", _WIDEN)
def test_a_needle_cut_by_the_window_end_is_not_in_it(gaz: Gazetteer, widen: str) -> None:
    """"(c)" counts only whole within the 60 characters before the name: cut by the window's start it is not in it
    (the last start `has` tries leaves room for the whole needle; the first is the window's own)."""
    seen = set()
    for at in range(1, 66):  # "(c)" opening `at` characters before the name
        lead = list("x" * 80)
        s = len(widen) + len(lead) + 1
        text = list(f"{widen}{''.join(lead)} Kirkuk said {'y' * 80}")
        if at <= 3:
            continue  # (it would overlap the space before the name: another word)
        text[s - at : s - at + 3] = list("(c)")
        t = "".join(text)
        e = s + len("Kirkuk")
        assert t[s:e] == "Kirkuk"
        want = "(c)" in t[s - 60 : s]
        assert bool(_mask(t, s, e, gaz) & _PM_ANY) == want, (at, widen)
        seen.add(want)
    assert seen == {True, False}


@pytest.mark.parametrize("widen", _WIDEN)
def test_arabic_needles_on_their_windows_edges(gaz: Gazetteer, widen: str) -> None:
    """The street's word (`شارع` whole within the 6 characters before an Arabic name) in each width: the gap between
    it and the name moves it across the window's start (a Latin-1 text holds no Arabic needle at all)."""
    name = "دمشق"
    far = f"{widen}كلام طويل هنا شارع وبعده كلام اخر كثير جدا {name} ثم كلام"
    s = far.index(f" {name} ") + 1
    assert not _mask(far, s, s + len(name), gaz) & _PM_ANY  # (the baseline: nothing fires here)
    seen = set()
    for gap in range(0, 6):
        text = f"{widen}كلام طويل هنا شارع{'x' * gap} {name} ثم كلام"
        s = text.index(f" {name} ") + 1
        want = "شارع" in text[s - 6 : s]
        assert bool(_mask(text, s, s + len(name), gaz) & _PM_ANY) == want, (gap, widen)
        seen.add(want)
    assert seen == {True, False}


def test_the_short_path_is_the_reference_by_each_needle(gaz: Gazetteer) -> None:
    """_place (the mask's short path) gives what _place_full gives, for every place candidate of texts with each
    credit form near a name, in each width."""
    forms = ["(AP Photo/Baderkhan Ahmad) ", "© Sam Tarling ", "Photo by Sam ", "Picture by Sam ", "Credit: Sam ",
             "Photographer: Sam ", "(c) Reuters ", "(C) Reuters "]
    n = 0
    for widen in _WIDEN:
        for form in forms:
            for pad in (0, 1, 30, 59, 60, 61):
                text = f"{widen}A {form}{'z ' * (pad // 2)}Damascus and Kirkuk said / {widen}"
                backend.select(pure=False)
                accepted, _ = scan_select(text, gaz.trie)
                places = [c for c in accepted if c.role == "place"]
                for c in places:
                    for gov, feats in ((True, True), (False, False)):
                        assert _place(text, c, gaz, places, gov, feats) == \
                            _place_full(text, c, gaz, places, gov, feats), (text, c.start)
                        n += 1
    assert n > 100


# ---- whole-text regexes tried only where they can match (facilities.py, places.py, openworld.py, institutions.py) ---

def _corpus_texts(limit: int = 150) -> list[str]:
    import json
    from pathlib import Path

    out = []
    for p in sorted((Path(__file__).resolve().parents[2] / "tests" / "data").glob("realworld-*.jsonl")):
        out += [json.loads(x)["text"] for x in p.read_text("utf-8").splitlines()[:limit] if x.strip()]
    return out


def _mutated(texts: list[str], alphabet: list[str], n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        t = list(rng.choice(texts)[:700])
        for _ in range(rng.randint(1, 25)):
            i = rng.randint(0, len(t))
            t[i:i] = [rng.choice(alphabet)]
        out.append("".join(t))
    out += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(n // 2)]
    return out


_AR_PIECES = ["في", "من", "إلى", "الى", "داخل", "عزل", "زنازين", "زنزانة", "قسم", "أقسام", " ", "  ", "\n", "«", "»",
              '"', "“", "”", "معيتيقة", "الحائر", "ب", "و", "حيي", "أحياء", "احياء", "ال", "لل", "مخيم", "سجن", "معتقل",
              "نزلاء", "سجناء", "\u00a0", "\U0001f600"]
_EN_PIECES = ["the ", "The ", "he camp", "he prison", "he jail", "former ", "FORMER ", "f\u0130ctional ",
              "\u017feries ", "film ", "Movie ", "novel", "فيلم ", "رواية ", "مسرحيه ", "Iraqi ", "US ", "U.S. ",
              "United States ", "Kurdish ", "forces", " ministry", "\u201c", "\u212a", ".", ",", "x"]


def test_quoted_names_after_a_preposition_are_finditers() -> None:
    from services.enrich.facilities import _QUOTED_AFTER_PREP_RE, _quoted_after_prep

    texts = _corpus_texts() + _mutated(_corpus_texts(), _AR_PIECES, 3000, 1)
    hits = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in _QUOTED_AFTER_PREP_RE.finditer(t)]
        assert [(m.span(), m.groups()) for m in _quoted_after_prep(t)] == want, t[:200]
        hits += len(want)
    assert hits > 50


def test_quarter_cues_are_found_where_finditer_finds_them() -> None:
    from services.enrich.places import _QUARTERS_AR_RE, _quarter_cue_starts
    from services.enrich.scouts import match_at

    texts = _corpus_texts() + _mutated(_corpus_texts(), _AR_PIECES, 2000, 2)
    hits = 0
    for t in texts:
        want = [m.span() for m in _QUARTERS_AR_RE.finditer(t)]
        assert [m.span() for m in match_at(_QUARTERS_AR_RE, _quarter_cue_starts(t), t)] == want, t[:200]
        hits += len(want)
    assert hits > 50


def test_a_generic_head_after_the_name_is_the_search() -> None:
    import random

    from services.enrich.facilities import _GENERIC_AFTER_RE, _named_again_generic

    rng = random.Random(4)
    texts = _corpus_texts() + _mutated(_corpus_texts(), _AR_PIECES + _EN_PIECES, 2000, 3)
    found = 0
    for t in texts:
        for e in {0, len(t), *(rng.randint(0, len(t)) for _ in range(4))}:
            for kind in ("camp", "prison", "centre"):
                pattern = _GENERIC_AFTER_RE.get(kind)
                want = pattern is not None and pattern.search(t, e) is not None
                assert _named_again_generic(t, e, kind) == want, (t[e : e + 80], kind)
                found += want
    assert found > 100


def test_the_not_a_site_windows_are_asked_only_where_a_word_may_be() -> None:
    import random

    from services.enrich.openworld import (
        _NOT_SITE_BEFORE_RE,
        _NOT_SITE_WORDS,
        _WORK_BEFORE_RE,
        _WORK_WORDS_AR,
        _WORK_WORDS_EN,
        _may_hold,
    )

    rng = random.Random(5)
    texts = _corpus_texts() + _mutated(_corpus_texts(), _EN_PIECES, 3000, 4)
    fired = 0
    for t in texts:
        for lo in {len(t), *(rng.randint(0, len(t)) for _ in range(6))}:
            a = max(0, lo - 40)
            w = t[a:lo]
            for pat, words, lit in ((_NOT_SITE_BEFORE_RE, _NOT_SITE_WORDS, ()),
                                    (_WORK_BEFORE_RE, _WORK_WORDS_EN, _WORK_WORDS_AR)):
                if pat.search(t, a, lo) is not None:
                    assert _may_hold(w, words, lit), w  # (False only where the pattern cannot match)
                    fired += 1
    assert fired > 50
    # re's IGNORECASE reads these as ASCII letters, str.lower() does not: the window is searched
    for w in ("the f\u0130ctional ", "the FORMER "):
        assert _NOT_SITE_BEFORE_RE.search(w) and _may_hold(w, _NOT_SITE_WORDS)
    for w in ("a \u017feries about ", "a Film about "):
        assert _WORK_BEFORE_RE.search(w) and _may_hold(w, _WORK_WORDS_EN, _WORK_WORDS_AR)


def test_needle_starts_is_its_reference_in_each_width(gaz: Gazetteer) -> None:
    import random

    from services.enrich.scouts import needle_starts_ref

    native = backend.NATIVE
    assert native is not None
    rng = random.Random(6)
    texts = _corpus_texts() + _mutated(_corpus_texts(), _EN_PIECES + _AR_PIECES, 2000, 5)
    firsts = gaz.state.inst_en_firsts
    assert firsts and "United" in firsts  # ("United States": its first word; the regex reads any spaces after it)
    n = 0
    for t in texts:
        cuts = tuple(c for c in (t[i : i + rng.randint(1, 6)] for i in range(0, len(t), 11)) if c)[:64]
        for needles in (firsts, cuts, tuple(c[::-1] for c in cuts), ("\U0001f600", "\u0628", "a", "\u201c ")):
            got = native.needle_starts(t, needles)
            assert got == needle_starts_ref(t, needles), (t[:80], needles[:4])
            n += len(got)
    assert n > 1000
    for args in [("x", ("a",) * 65), ("x", ("a", "")), ("", ("",))]:
        with pytest.raises(ValueError):
            native.needle_starts(*args)
        with pytest.raises(ValueError):
            needle_starts_ref(*args)
    for bad in [("x",), ("x", ["a"]), (1, ("a",)), ("x", ("a", 1))]:
        with pytest.raises(TypeError):
            native.needle_starts(*bad)


def test_institutions_are_tried_where_an_adjective_starts(gaz: Gazetteer) -> None:
    """match_at at needle_starts of the adjectives' first words finds what the scouts' match_starts finds."""
    from services.enrich.scouts import match_at, match_starts, needle_starts

    r = gaz.state
    texts = _corpus_texts() + _mutated(_corpus_texts(), _EN_PIECES, 2000, 6)
    hits = 0
    for t in texts:
        want = [(m.span(), m.groupdict()) for m in match_starts(r.inst_en_re, r.inst_en_scouts, t)]
        got = [(m.span(), m.groupdict()) for m in match_at(r.inst_en_re, needle_starts(t, r.inst_en_firsts), t)]
        assert got == want, t[:200]
        hits += len(want)
    assert hits > 100


def test_compiled_and_pure_annotate_these_forms_alike(gaz: Gazetteer) -> None:
    from services.enrich.enrichment import enrich

    texts = ["أضرب عشرات النزلاء عن الطعام في «معيتيقة» منذ أيام، بحسب ذويهم.",
             "قال سجناء سابقون إنهم احتجزوا داخل زنازين  «الحائر» لأشهر.",
             "تجددت الاشتباكات بين حيي الشيخ مقصود والأشرفية في حلب.",
             "The U.S. forces and Iraqi army units met the United States ministry officials in Baghdad.",
             "Sabra and Shatila massacre survivors marched to the camp entrance on Sunday.",
             "The former Khiam prison is now a museum; a film about the Alcatraz prison opened."]
    for t in texts:
        backend.select(pure=False)
        a = enrich(t, gaz)
        backend.select(pure=True)
        b = enrich(t, gaz)
        backend.select(pure=False)
        assert a == b, t
