"""Strings that PostgreSQL can store: `text`/`jsonb` cannot hold NUL, and a lone surrogate (which JSON's
`\\ud800` escapes let through) cannot be encoded as UTF-8 at all. Both surface as a 500 from the driver unless
removed or refused before the write; and a 422 that echoes a lone surrogate cannot be encoded either."""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, and every kind of Unicode whitespace: never part of a URL as sent.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\s\ud800-\udfff]")


def pg_text(s: str) -> str:
    """NUL removed, lone surrogates replaced by U+FFFD: what a text column can hold, same text otherwise."""
    if "\x00" in s:
        s = s.replace("\x00", "")
    if s.isascii():
        return s
    try:  # UTF-8 encodes any text but one with a surrogate, in C: ~10x faster than the pattern's scan on long text
        s.encode()
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)
    return s


def pg_clean(value: Any) -> Any:
    """`pg_text` on every string inside a JSON-like value (dict keys too)."""
    if isinstance(value, str):
        return pg_text(value)
    if isinstance(value, dict):
        return {pg_clean(k): pg_clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [pg_clean(v) for v in value]
    return value


def url_unsafe_char(url: str) -> str | None:
    """The first control, whitespace or lone-surrogate character in `url` (repr'd), or None."""
    m = _URL_UNSAFE.search(url)
    return None if m is None else repr(m.group())
