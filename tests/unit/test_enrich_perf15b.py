"""perf15b: the round-15 checks made cheap keep their answers (numbered_matches is _NUMBERED_EN_RE.finditer,
prev_word's empty-skip path is the word list's, _place's crossing and kunya checks read the word before once)."""

import random

from services.enrich.bare import _NUMBERED_EN_RE, numbered_matches
from services.enrich.context import prev_word
from services.enrich.enrichment import enrich
from services.enrich.normalize import fold
from tests.unit.enrich_support import real_gazetteer

_PIECES = ["Badr", "al-", "Al-", "el-", "Wadi", " ", "\u00a0", "-", "'s", "’s", "3", "12", "123", " km", " days",
           "Natrun", "a", "B", "x", ",", ".", "Egypt", "prisoners in ", "to ", "of", "and", "(", "ward", "Zz", "q'",
           "É", "_", "9", "\n"]


def _spans(ms: object) -> list[tuple[int, ...]]:
    return [m.span() + m.span(1) + m.span(2) for m in ms]  # type: ignore[attr-defined]


def test_numbered_matches_are_finditer_on_generated_texts() -> None:
    rnd = random.Random(15)
    for _ in range(20000):
        t = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 16)))
        assert _spans(numbered_matches(t)) == _spans(_NUMBERED_EN_RE.finditer(t)), t


def test_numbered_matches_on_own_passages() -> None:
    for t in ("Rights groups say dozens of prisoners in Egypt's Badr 3 began a hunger strike.",
              "He was moved to Wadi al-Natrun 2 from Tora, then to Badr 1 and Badr 3 in June 20 of last year.",
              "At least 12 people died; Ward 4 and Gaza 10 days later, Al-Qanater 2, el-Minya 5 or Badr 123.",
              "A-B C D E F G H 7 and Badr\u00a0\u00a03 and x Badr 3 and al-Badr-al-Hout-Sara 4"):
        assert _spans(numbered_matches(t)) == _spans(_NUMBERED_EN_RE.finditer(t))
    assert [m.group(1) for m in numbered_matches("inmates of Egypt's Badr 3 prison")] == ["Egypt's Badr"]


def _prev_word_list(text: str, start: int) -> str:
    words = text[max(0, start - 40) : start].split()
    if words and start > 0 and not text[start - 1].isspace():
        words = words[:-1]
    return fold(words[-1].strip(",.;:()")) if words else ""


def test_prev_word_without_skip_is_the_last_whole_word() -> None:
    rnd = random.Random(22)
    pieces = ["في", " ", "  ", "\t", "\n", "\u00a0", "محافظة", "ب", ",", "(", ")", ".", "Abu", "معبر", "\u2003",
              ":", "ـ", "َ"]
    for _ in range(5000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        for s in range(len(t) + 1):
            assert prev_word(t, s, frozenset()) == _prev_word_list(t, s), (t, s)


def _places(text: str, lang: str) -> set[str]:
    return {p.surface for p in enrich(text, real_gazetteer(), lang=lang).places}


def test_crossing_and_kunya_checks_unchanged() -> None:
    # a crossing named for a town is no place; the town itself, after another word, is
    assert "اليعربية" not in _places("أعيد فتح معبر اليعربية أمام الشاحنات صباح اليوم.", "ar")
    assert "Rabia" not in _places("Trucks lined up at the Rabia crossing on Monday.", "en")
    assert "Rabia" not in _places("Trucks lined up at the Rabia Border crossing on Monday.", "en")
    # a kunya before a curated town's name makes a person's name
    assert "حلب" not in _places("قال أبو حلب إن الطريق مغلق منذ أيام.", "ar")


def test_prev_word_last_answer_is_per_text_and_position() -> None:
    a = "قرب معبر اليعربية"
    b = "".join(["قرب ", "قرية", " اليعربية"])  # (another text object, the name at the same position)
    s = a.index("اليعربية")
    assert prev_word(a, s, frozenset()) == "معبر"
    assert prev_word(b, s, frozenset()) == "قريه"
    assert prev_word(a, s, frozenset()) == "معبر"
    assert prev_word(a, s - 1, frozenset()) == "قرب"  # (inside the space: the glued word is no word)
