"""Common words that equal place names, villages and districts after a cue, GeoNames parsed whole (rule 14)."""

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


def places(text: str) -> dict[str, str]:
    return {p.surface: p.id for p in enrich(text, real_gazetteer()).places}


@pytest.mark.parametrize("text", [
    "لم يتحدث عنه أحد منذ أيام",
    "جرفت سيول المياه الخيام",
    "قال الوزير في حديثه للصحفيين إن النقل مستمر",
    "ارتفع سعر الملح في الأسواق",
])
def test_common_words_are_words(text: str) -> None:
    assert places(text) == {}


def test_common_words_are_places_in_place_contexts() -> None:
    assert "geonames:96309" in places("وصلت التعزيزات إلى قضاء حديثة").values()
    assert "geonames:96309" in places("انتشرت القوات في حديثة غرب الأنبار").values()
    assert "geonames:6765385" in places("تقدمت القوات نحو راوة وعنه").values()


def test_villages_and_districts_after_a_cue_are_open_world_places() -> None:
    got = places("نزحت العائلات من قرية الحمرا إلى مدينة الحسكة")
    assert got.get("الحمرا", "").startswith("open:place:")
    got = places("Shelling hit the village of Umm Madfa overnight.")
    assert got.get("Umm Madfa", "").startswith("open:place:")
    assert places("قرية صغيرة على الطريق") == {}
    assert places("من ناحية أخرى رفض المجلس الطلب") == {}


def test_istanbul_is_in_the_gazetteer() -> None:
    assert places("نقل المتهم إلى إسطنبول") == {"إسطنبول": "geonames:745044"}
    assert places("He was flown to Istanbul.") == {"Istanbul": "geonames:745044"}


def test_a_geonames_name_after_a_given_name_is_a_family_name() -> None:
    gaz = real_gazetteer()
    assert [p.id for p in enrich("قال مدير المخيم فادي القاسم إن العائلات غادرت", gaz).places] == []
    assert "geonames:99010" in {p.id for p in enrich("وصلت قافلة إلى ناحية القاسم جنوب الحلة", gaz).places}
