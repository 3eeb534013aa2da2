"""Text normalisation for matching that never moves offsets.

One translation table folds what should not matter for matching: case, Latin accents, Arabic
diacritics and tatweel, alef/hamza forms, ى/ي, ة/ه, Persian/Kurdish letter variants, presentation forms
(NFKC), Arabic-Indic digits, every Unicode hyphen, apostrophe/ayn marks, odd spaces, zero-width and
bidi marks. Matching scans the ORIGINAL text token by token and folds each token (cached), so
offsets never move: text[start:end] is always the surface.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from services.enrich import backend

IGN = "\u0640"  # tatweel: stands in for every ignorable character, stripped by clean()
APOS = "'"

_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d\u05be\u1806"
_APOSTROPHES = "\u2019\u2018\u02bc\u02bf\u02be\u0060\u00b4\u2032\u02bb\u02b9\u055a\uff07\u201b"
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_IGNORABLE = (
    "\u00ad\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
)
_ARABIC_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ٵ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ی": "ي", "ې": "ي", "ێ": "ي", "ۍ": "ي", "ے": "ي",
    "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ڨ": "ق", "ۆ": "و", "ۇ": "و", "ۈ": "و", "ۋ": "و",
    "ڕ": "ر", "ڵ": "ل", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن",
}


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


def _fold_char(ch: str) -> str:
    """The normalised form of one character (may be several characters for ligatures)."""
    if ch in _HYPHENS:
        return "-"
    if ch in _APOSTROPHES:
        return APOS
    if ch in _SPACES or ch == "\u200b":
        return " "
    if ch in _IGNORABLE or ch == IGN:
        return IGN
    if ch in _ARABIC_FOLD:
        return _ARABIC_FOLD[ch]
    cp = ord(ch)
    if 0x0660 <= cp <= 0x0669:
        return chr(cp - 0x0660 + 48)
    if 0x06F0 <= cp <= 0x06F9:
        return chr(cp - 0x06F0 + 48)
    if _is_mark(ch):
        return IGN
    if 0xFB00 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF or 0xFF00 <= cp <= 0xFFEF:
        nf = unicodedata.normalize("NFKC", ch)
        if nf != ch:
            return "".join(_fold_char(c) for c in nf).replace(IGN, "") or IGN
    if cp < 0x2500 and ch.isalpha():
        if ch == "ı":
            return "i"
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not _is_mark(c)).lower()
        if len(base) == 1:
            return base
        low = ch.lower()
        return low if len(low) == 1 else ch
    return ch


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [
        (0x0000, 0x0250), (0x0300, 0x0370), (0x0590, 0x0600), (0x0600, 0x0780), (0x0870, 0x0900),
        (0x1800, 0x1810), (0x1E00, 0x1F00), (0x2000, 0x2070), (0xFB00, 0xFE00), (0xFE20, 0xFE30),
        (0xFE50, 0xFF00), (0xFF00, 0xFFF0), (0x02B0, 0x0300), (0x0530, 0x0560),
    ]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = _fold_char(ch)
            if folded != ch:
                table[cp] = folded
    return table


TABLE = _build_table()
_EXPANDING = {cp for cp, v in TABLE.items() if len(v) > 1}
# A character the table changes, or a stand-in clean() drops (the table leaves those alone): most tokens
# have none (lower-case words, many Arabic words) and are their own fold, with neither translate() nor
# clean(); one C-speed search costs a fraction of str.translate with a dict (a lookup per character).
_FOLD_OR_CLEAN_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted({*TABLE, ord(IGN), ord(APOS)})) + "]")

# A token in the ORIGINAL text: word characters plus combining marks and zero-width joiners (they sit
# inside words), joined by apostrophe/ayn marks (Sina'a, Sina’a). Hyphens and spaces separate tokens.
# Scanning the original text means every match offset is an original offset: nothing to map back.
_W = "\\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d\u00ad"
_A = "'\u2019\u2018\u02bc\u0060\u00b4\u2032\u02bb"
# An apostrophe between two Arabic letters joins nothing: Arabic spells no word with one, it is a quote glued to the
# name (`تنظيم’داعش’`, `تنظيم'داعش'`; actor26b, rule 28r). native/read.c token_end reads the same.
_AR = "\u0620-\u0652\u0670-\u06d3"
_JOIN = f"(?:(?<![{_AR}])[{_A}]|[{_A}](?![{_AR}]))"
TOKEN_RE = re.compile(f"[{_W}]+(?:{_JOIN}[{_W}]+)*")
WORD_CHARS = f"[{_W}{_A}]"
_WORD_CHAR_RE = re.compile(WORD_CHARS)
HYPHEN_CLASS = "\\-" + _HYPHENS
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def is_word_char(ch: str) -> bool:
    return bool(_WORD_CHAR_RE.match(ch))


_CACHE_MAX = 200_000


class _FoldCache(dict[str, str]):
    """fold()'s memory, token -> its fold, filled on a miss: fold is this dict's own __getitem__, so a token met
    before costs one C-level lookup and no Python frame (the stages call fold ~130 times an article)."""

    __slots__ = ()

    def __missing__(self, token: str) -> str:
        r = clean(token.translate(TABLE)) if _FOLD_OR_CLEAN_RE.search(token) is not None else token
        if len(self) >= _CACHE_MAX:
            self.clear()
        self[token] = r
        return r


_CACHE = _FoldCache()
# Normalised form of one token (cached: news vocabulary repeats, folding is per character).
fold: Callable[[str], str] = _CACHE.__getitem__


# fold() as one str.translate: the table's values with clean()'s stand-ins dropped (a value clean() empties
# deletes its character), as a list indexed by code point (translate() reads a list about twice as fast
# as a dict; a code point past its end is left alone, like one the table does not change). So
# fold(t) == t.translate(_FOLD_LIST) for every token, and a batch of tokens folds in one C-level pass.
_FOLD_MAP: dict[int, str | None] = {cp: v.replace(IGN, "").replace(APOS, "") or None for cp, v in TABLE.items()}
_FOLD_MAP[ord(IGN)] = _FOLD_MAP[ord(APOS)] = None
_FOLD_LIST: list[int | str | None] = list(range(max(_FOLD_MAP) + 1))
for _cp, _v in _FOLD_MAP.items():
    _FOLD_LIST[_cp] = _v


def fold_many(tokens: list[str]) -> list[str]:
    """[fold(t) for t in tokens] in one compiled pass (tokens never contain NUL, which folds to itself)."""
    if not tokens:
        return []
    return _fold_tokens("\0".join(tokens)).split("\0")


# fold_text() as one list-indexed translation (compiled: _scan.FoldTable, when in use, see backend.py): the table's
# values with IGN dropped (a value left empty deletes its character), and IGN itself deleted; apostrophes are kept.
_TEXT_LIST: list[int | str | None] = list(range(max(TABLE) + 1))
for _cp, _v in TABLE.items():
    _TEXT_LIST[_cp] = _v.replace(IGN, "") or None
_TEXT_LIST[ord(IGN)] = None
# The compiled tables when the extension was built; the Python path is str.translate over the same lists.
_fold_text_c = backend.NATIVE.FoldTable(_TEXT_LIST) if backend.NATIVE is not None else None
_fold_tokens_c = backend.NATIVE.FoldTable(_FOLD_LIST) if backend.NATIVE is not None else None


_PATH = backend.PATH


def _fold_tokens(text: str) -> str:
    if _PATH.native is not None and _fold_tokens_c is not None:
        return _fold_tokens_c(text)
    return text.translate(_FOLD_LIST)


def tokens_folded(text: str, lo: int, hi: int) -> tuple[list[int], list[int], list[str]]:
    """(starts, ends, folds) of the tokens TOKEN_RE finds in text[lo:hi]: one compiled pass when in use (the
    regex's word class costs ~40 ns a character in `re`); this is its specification."""
    if _PATH.native is not None and _fold_tokens_c is not None:
        return _fold_tokens_c.tokens(text, lo, hi)
    ms = list(TOKEN_RE.finditer(text, lo, hi))
    return [m.start() for m in ms], [m.end() for m in ms], fold_many([m.group() for m in ms])


# (the last text asked about, its answer): several stages ask of one text; one tuple, swapped whole (threads)
_latin_memo: tuple[str | None, bool] = (None, False)


def has_latin(text: str) -> bool:
    """The text holds an ASCII letter, or İ or the Kelvin sign (whose lower case holds one). Without one, no
    Latin word ("camp", "known as", "annex") is in the text, nor in its lower case: a stage that looks for such
    words in an Arabic text (a whole-text search each, ~1 ns a character) asks this first, once per text."""
    global _latin_memo
    memo = _latin_memo
    if text is memo[0]:
        return memo[1]
    if _PATH.native is not None:
        got = bool(_PATH.native.latin(text))
    else:
        b = text.encode("utf-8", "surrogatepass")
        got = len(b.translate(None, _LATIN_BYTES)) != len(b) or b"\xc4\xb0" in b or b"\xe2\x84\xaa" in b
    _latin_memo = (text, got)  # (holding the text keeps its identity from being reused)
    return got


def fold_text(text: str) -> str:
    """Normalise a whole string (aliases, date windows, tests); length may change, offsets are not kept.
    Equal to text.translate(TABLE).replace(IGN, "") (a unit test checks every code point)."""
    if _PATH.native is not None and _fold_text_c is not None:
        return _fold_text_c(text)
    return text.translate(_TEXT_LIST)


def clear_caches() -> None:
    _CACHE.clear()


def clean(token: str) -> str:
    """Drop the stand-ins for ignorable characters and apostrophes (Sina'a → sinaa)."""
    if IGN in token:
        token = token.replace(IGN, "")
    if APOS in token:
        token = token.replace(APOS, "")
    return token


def is_arabic_token(token: str) -> bool:
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def detect_lang(text: str) -> str:
    """"ar" when the first 4,000 characters hold at least as many Arabic letters (U+0600-06FF, 0750-077F,
    FB50-FDFF, FE70-FEFF) as Latin ones (A-Z, a-z), else "en". Counted on the UTF-8 bytes, where each such
    character has its own lead bytes: C-speed counts instead of a regex match per letter (0.1 ms per article)."""
    b = text[:4000].encode("utf-8", "surrogatepass")
    ar = b.count(b"\xd8") + b.count(b"\xd9") + b.count(b"\xda") + b.count(b"\xdb")  # U+0600-06FF
    if b"\xdd" in b or b"\xef" in b:
        ar += len(_ARABIC_OTHER_UTF8.findall(b))
    la = len(b) - len(b.translate(None, _LATIN_BYTES))
    return "ar" if ar >= la else "en"


_LATIN_BYTES = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
# U+0750-077F; U+FB50-FDFF; U+FE70-FEFF as UTF-8
_ARABIC_OTHER_UTF8 = re.compile(
    rb"\xdd[\x90-\xbf]|\xef(?:\xad[\x90-\xbf]|[\xae-\xb7][\x80-\xbf]|\xb9[\xb0-\xbf]|[\xba\xbb][\x80-\xbf])")


# --- Arabic proclitics -------------------------------------------------------------------------
# Conjunction (و ف) then preposition (ب ل ك), and ل + ال contracting to لل (للسجن = ل + السجن).
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def proclitic_variants(token: str) -> list[tuple[str, int, bool]]:
    """Surface forms a normalised Arabic token can take with proclitics, with the prefix length.

    The third element says the article was added (a head word like سجن must not take it: السجون is
    generic). The article is optional one way only: a key without ال also matches the text with it (حسكة →
    الحسكة, وبالحسكة), but a key with ال needs it in the text (الباب the town, not باب "door").
    """
    out: list[tuple[str, int, bool]] = []
    # not for nisba endings: السورية / العراقي are adjectives, not سورية / the country
    nisba = token.endswith(("يه", "ي"))
    forms = [token] if token.startswith("ال") or len(token) < 3 or nisba else [token, "ال" + token]
    for form in forms:
        for c in _CONJ:
            for p in _PREP:
                pre = c + p
                if pre or form is not token:
                    out.append((pre + form, len(pre), form is not token))
            if form.startswith("ال") and len(form) > 3:
                out.append((c + "لل" + form[2:], len(c) + 1, form is not token))
    return out
