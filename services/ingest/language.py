"""The language of an article sent without one, pure: Arabic, English, or another language (stored as its
ISO 639-1 code, marked as detected, passed on; the enrichment engine reads only Arabic and English).

Why py3langid: maintained, its model ships inside the wheel (nothing downloaded at run time), ~30 µs per
text. Its guess is unreliable on a line or two, so a text mostly in Arabic letters is Arabic outright: the
engine's Arabic path is the one that matters for such text whatever dialect or language it is."""

from __future__ import annotations

import py3langid

SUPPORTED = frozenset({"ar", "en"})
SAMPLE_CHARS = 2000  # the start of the text says enough, and bounds the cost of a long one
_ARABIC = (("\u0600", "\u06ff"), ("\u0750", "\u077f"), ("\u08a0", "\u08ff"), ("\ufb50", "\ufdff"), ("\ufe70", "\ufeff"))


def _arabic_share(sample: str) -> float:
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for c in letters if any(lo <= c <= hi for lo, hi in _ARABIC))
    return arabic / len(letters)


def detect(text: str) -> str:
    """-> an ISO 639-1 code: "ar", "en" or another one (py3langid's guess); "und" for text without letters."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return "und"
    if _arabic_share(sample) >= 0.5:
        return "ar"
    lang, _score = py3langid.classify(sample)
    return str(lang)


def supported(lang: str | None) -> bool:
    """Whether the engine reads this language ("ar-SY" -> ar)."""
    return (lang or "").split("-", 1)[0].lower() in SUPPORTED
