from services.enrich.enrichment import enrich
from services.enrich.matcher import key_tokens
from services.enrich.normalize import TOKEN_RE, fold, fold_text, proclitic_variants
from tests.unit.enrich_support import fixture_gazetteer


def test_arabic_folding() -> None:
    assert fold("إِبْرَاهِيم") == "ابراهيم"
    assert fold("مخيّم") == "مخيم"
    assert fold("مـــخيم") == "مخيم"  # tatweel
    assert fold("الحسكة") == "الحسكه"
    assert fold("مستشفى") == "مستشفي"
    assert fold("قامشلۆ") == "قامشلو"  # Kurdish/Persian variants
    assert fold("کردی") == "كردي"
    assert fold("٢٠١٩") == "2019" and fold("۲۰۱۹") == "2019"
    assert fold_text("\ufefb") == "لا"  # presentation-form ligature (NFKC)


def test_latin_folding_and_apostrophes() -> None:
    for s in ("Sina'a", "Sina’a", "Sinaʿa", "SINA'A", "Sinaa"):
        assert fold(TOKEN_RE.findall(s)[0]) == "sinaa", s
    assert fold("Ḩasakah") == "hasakah"
    assert key_tokens("al-Hol") == key_tokens("Al Hol") == key_tokens("el‑Hol") == key_tokens("Hol")
    assert key_tokens("Deir ez-Zor") == key_tokens("Deir ez–Zor") == ["deir", "zor"]


def test_invisible_marks_do_not_split_tokens() -> None:
    assert [fold(t) for t in TOKEN_RE.findall("غوي\u200dران")] == ["غويران"]
    assert [fold(t) for t in TOKEN_RE.findall("Ghway\u00adran")] == ["ghwayran"]


def test_proclitic_variants() -> None:
    forms = {v for v, _, _ in proclitic_variants("السجن")}
    assert {"للسجن", "والسجن", "بالسجن", "وللسجن", "فالسجن"} <= forms


def test_offsets_are_original_offsets() -> None:
    text = "قال\u200f مسؤول إنَّ مُخَيَّمِ الهَوْلِ شهد ﻻ توتراً قرب سجن غويران"
    ann = enrich(text, fixture_gazetteer(), lang="ar")
    assert ann.facilities
    for m in [*ann.facilities, *ann.places, *ann.actors]:
        assert text[m.start : m.end] == m.surface
    assert {f.id for f in ann.facilities} == {"fac:sy-al-hol-camp", "fac:sy-ghwayran-prison"}


def test_detect_lang_counts_letters_like_its_definition() -> None:
    """detect_lang counts on UTF-8 bytes; its definition counts regex matches of Arabic and Latin letters."""
    import random

    from services.enrich.normalize import _ARABIC_RE, _LATIN_RE, detect_lang

    def by_definition(t: str) -> str:
        s = t[:4000]
        return "ar" if len(_ARABIC_RE.findall(s)) >= len(_LATIN_RE.findall(s)) else "en"

    for cp in [*range(0, 0x800), *range(0xFB00, 0xFF10), 0xD800, 0xDFFF, 0x10FFFF]:
        for t in (chr(cp), chr(cp) + "a", chr(cp) + "\u0628", "ab" + chr(cp) + "\u0628"):
            assert detect_lang(t) == by_definition(t), hex(cp)
    rnd = random.Random(5)
    pool = [chr(c) for c in [*range(0x600, 0x790), *range(0xFB40, 0xFE10), *range(0xFE60, 0xFF10), *range(32, 128)]]
    for _ in range(3000):
        t = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 60)))
        assert detect_lang(t) == by_definition(t), t
