"""Round-18 survey of short Arabic news forms (ar18d: breaking-news tickers, one-line briefs, captions, link lists,
social posts with hashtags): the mechanisms of data/README.md rule 25h, each with its positive and its near-miss.
Every sentence is written for this file."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids

WHEN = date(2025, 10, 1)


_enrich = partial(real_ann, published_at=WHEN)
_facilities = partial(real_fac_ids, published_at=WHEN)
_places = partial(real_place_ids, published_at=WHEN)


# --- an escape from a camp: the escape words weigh for a bare camp's name as for a prison's ------------------

def test_escape_from_bare_camp_name_is_the_camp() -> None:
    assert _facilities("تشديد الحراسة بعد محاولة فرار 40 شخصاً من الهول.. والبحث جار عن اثنين") \
        == {"fac:sy-al-hol-camp"}


def test_town_word_keeps_the_town_despite_escape_words() -> None:
    got = _enrich("فرار عشرات المدنيين من بلدة الهول بعد اشتداد المعارك.")
    assert not got.facilities and "geonames:173797" in {p.id for p in got.places}


# --- a head word typed glued to the name's article -----------------------------------------------------------

def test_head_glued_to_article_is_the_facility() -> None:
    assert _facilities("وصول 90 عائلة من مخيمالهول إلى الموصل مساء أمس") == {"fac:sy-al-hol-camp"}


def test_word_glued_to_an_article_is_no_facility() -> None:
    assert not _facilities("وصول 90 عائلة من الهول الجديدة إلى منازلها في البلدة")


# --- a hashtag's CamelCase article in English --------------------------------------------------------------

def test_camel_case_article_before_head_is_the_facility() -> None:
    assert _facilities("Smoke rose over #AlHawl camp on Sunday, residents posted") == {"fac:sy-al-hol-camp"}


def test_camel_case_article_without_head_is_no_facility() -> None:
    assert not _facilities("The #AlHol hashtag trended in Syria on Sunday")


# --- a stadium or a school named after a camp or a town holds neither -----------------------------------------

def test_stadium_named_after_a_camp_is_no_facility() -> None:
    got = _enrich("احترقت خيمتان في مخيم النور قرب ملعب اليرموك وسط غزة")
    assert "fac:sy-yarmouk-camp" not in {f.id for f in got.facilities}


def test_yarmouk_with_camp_words_is_still_the_camp() -> None:
    assert "fac:sy-yarmouk-camp" in _facilities("عادت عشرات العائلات إلى مخيم اليرموك جنوب دمشق")


def test_school_name_past_pupils_sex_holds_no_place() -> None:
    assert "geonames:281109" not in _places("قصف استهدف مدرسة إناث النصيرات التي تؤوي نازحين")


def test_town_after_a_school_in_it_is_the_town() -> None:
    assert "geonames:281109" in _places("قصف استهدف مدرسة في النصيرات تؤوي نازحين")


# --- a decade of age after a detainee's word is no prison's name ----------------------------------------------

def test_age_after_detainee_word_is_no_facility() -> None:
    assert not _facilities("أفادت منظمة حقوقية بوفاة معتقل ستيني بعد نقله إلى المستشفى")


def test_named_detention_centre_is_still_named() -> None:
    assert _facilities("أفادت منظمة حقوقية بوفاة معتقل خمسيني في سجن صيدنايا") == {"fac:sy-sednaya-prison"}


# --- gazetteer facts: Aqabat Jabr camp votes Jericho; SPA's spelling of Khan Eshieh ----------------------------

def test_aqabat_jabr_camp_and_jericho() -> None:
    got = _enrich("اقتحام مخيم عقبة جبر جنوب أريحا فجر اليوم")
    assert {f.id for f in got.facilities} == {"open:camp:aqabat-jabr"}  # (open_world: its labels keep it so)
    assert "geonames:284899" in {p.id for p in got.places}


@pytest.mark.parametrize("text", ["سقطت قذائف على مخيم خان الشيخ بريف دمشق", "سقطت قذائف على مخيم خان الشيح بريف دمشق"])
def test_khan_eshieh_spellings(text: str) -> None:
    assert _facilities(text) == {"fac:sy-khan-eshieh-camp"}


def test_khan_sheikhoun_is_no_camp() -> None:
    assert not _facilities("سقطت قذائف على مدينة خان شيخون بريف إدلب")
