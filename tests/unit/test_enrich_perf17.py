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
from services.enrich.enrichment import _PM_ANY, _PM_MISS, _fill_gates, _place, _place_full, load_gazetteer
from services.enrich.gazetteer import Gazetteer
from services.enrich.scanner import scan_select

pytestmark = pytest.mark.skipif(backend.NATIVE is None, reason="no compiled part")

# a character that widens the text's storage: none (Latin-1), an Arabic letter (UCS-2), an emoji (UCS-4)
_WIDEN = ["", "\u0628", "\U0001f600"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


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
