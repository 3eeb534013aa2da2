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
