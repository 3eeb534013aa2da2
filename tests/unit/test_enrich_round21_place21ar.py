"""Round 21, place21ar survey (data/README.md rule 26l): places in Arabic reporting of raids, strikes and sweeps —
the neighbours' villages GeoNames lists, the countryside of a city written with ل, a hill's village name, and words
equal to a town's name. Sentences of our own, none from the survey's passages."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def places(gaz, text: str, lang: str = "ar") -> set[str]:
    return {p.id for p in enrich(text, gaz, lang=lang).places}


SILWAD = "geonames:281789"
TURMUS_AYYA = "geonames:281560"
BILIN = "geonames:284269"
NILIN = "geonames:282529"
TEBNINE = "geonames:7869857"
QANA = "geonames:269355"
AL_FUNDUQ = "geonames:285100"
ALEPPO = "geonames:170063"
MAFRAQ = "geonames:250582"
TYRE = "geonames:267008"


def test_neighbour_villages_after_a_cue_a_preposition_or_in_a_list(gaz) -> None:
    got = places(gaz, "أحرق مستوطنون مركبات في بلدة ترمسعيا ليلاً ثم انسحبوا نحو سلواد.")
    assert {TURMUS_AYYA, SILWAD} <= got
    # a list of two such names: the first by its cue, the second through the list
    assert {BILIN, NILIN} <= places(gaz, "خرج أهالي قريتي بلعين ونعلين في مسيرة ضد الجدار.")
    assert {TEBNINE, QANA} <= places(gaz, "طال القصف أطراف تبنين وقانا في الجنوب.")


def test_neighbour_village_names_that_are_words_stay_words(gaz) -> None:
    assert AL_FUNDUQ not in places(gaz, "نزل الوفد في الفندق ثلاث ليال قبل أن يغادر.")
    assert not places(gaz, "قال المسؤول إنه سوف يزور المخيم الأسبوع المقبل.")
    assert not places(gaz, "نقل المصدر عن شهود أن الاشتباك دام ساعة.")
    # an English text does not read the villages' Latin names (Arabic names only: rule 26l), unless places.yaml
    # curates the village with its English names (Silwad, Huwara ...: rule 26p)
    assert not any(i.startswith("geonames:28") for i in places(gaz, "Settlers raided Beita at dawn.", "en"))
    assert not any(i.startswith("geonames:28") for i in places(gaz, "Settlers raided Aqraba at dawn.", "en"))


def test_countryside_of_a_city_with_lam_is_its_governorate(gaz) -> None:
    assert places(gaz, "سقطت قذائف على قرى في الريف الشمالي الشرقي لحلب.") == {"adm1:SY-aleppo"}
    assert "adm1:SY-raqqa" in places(gaz, "نفذت الطائرات غارة في الريف الغربي للرقة مساء أمس.")
    # guard: the city after another preposition, and the countryside word far from it, stay the city
    assert places(gaz, "عاد النازحون من الريف إلى حلب بعد الهدنة.") == {ALEPPO}


def test_a_town_after_a_hills_word_is_part_of_a_village_name(gaz) -> None:
    got = places(gaz, "دمر القصف منازل في قرية تل واسط غربي حماة.")
    assert "adm1:IQ-wasit" not in got
    assert "adm1:IQ-wasit" in places(gaz, "أعلنت محافظة واسط عطلة رسمية.")


def test_junction_is_no_mafraq_and_tyre_after_its_outskirts(gaz) -> None:
    assert MAFRAQ not in places(gaz, "نصبت الدورية حاجزاً عند مفرق القرية الجنوبي.")
    assert MAFRAQ in places(gaz, "استقبلت مدينة المفرق آلاف اللاجئين.")
    assert TYRE in places(gaz, "حلقت المسيرات فوق القرى حتى مشارف صور.")
    assert TYRE not in places(gaz, "نشر الناشطون صور الدمار على مواقع التواصل.")


def test_a_known_camps_name_is_no_neighbour_village(gaz) -> None:
    r = enrich("من دير بلوط إلى اليرموك.. عائلات فلسطينية تعود إلى المخيم", gaz, lang="ar")
    assert "fac:sy-deir-ballut-camp" in {f.id for f in r.facilities}
    assert not any(p.surface == "دير بلوط" for p in r.places)
