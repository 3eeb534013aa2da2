"""shared.text.pg_text: NUL removed, every surrogate code point replaced by U+FFFD, any other text unchanged, on its
fast paths (ASCII, text UTF-8 can encode) as on the pattern's."""

from __future__ import annotations

import random
import re

import pytest

from shared.text import pg_clean, pg_text

_SURROGATE = re.compile("[\ud800-\udfff]")


def by_pattern(s: str) -> str:
    return _SURROGATE.sub("\ufffd", s.replace("\x00", ""))


@pytest.mark.parametrize("s, expected", [
    ("", ""), ("plain ascii", "plain ascii"), ("a\x00b", "ab"), ("سجن صيدنايا", "سجن صيدنايا"),
    ("emoji 😀 kept", "emoji 😀 kept"), ("lone \ud800 high", "lone \ufffd high"), ("\udc00 low", "\ufffd low"),
    ("عربي\x00\ud83d", "عربي\ufffd"), ("\ud83d\ude00 a pair of code points", "\ufffd\ufffd a pair of code points"),
])
def test_pg_text(s: str, expected: str) -> None:
    assert pg_text(s) == expected


def test_pg_text_as_the_pattern_on_random_text() -> None:
    rng = random.Random(12)
    alphabet = ["a", " ", "\x00", "ب", "é", "😀", "\ud800", "\udbff", "\udc00", "\udfff", "\u2028"]
    for _ in range(5000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert pg_text(s) == by_pattern(s)


def test_pg_clean_keys_and_nested_values() -> None:
    assert pg_clean({"k\x00": ["\ud800", ("x", 1)], "n": None}) == {"k": ["\ufffd", ["x", 1]], "n": None}
