"""Round 21, bare21ar survey: known facilities named bare in Arabic, labelled by hand before the engine ran
(README rule 26r). New sentences, not the survey's passages."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


# --- an article the catalogued multi-word name never has: `نور الشمس` ("sunlight") is no `نور شمس`


def test_sunlight_is_no_nur_shams() -> None:
    assert _facs("يحتاج الأطفال إلى نور الشمس صباحاً لتقوية عظامهم") == set()
    assert _facs("غاب نور الشمس خلف الغيوم طوال يوم الأحد") == set()


def test_nur_shams_bare_stays_the_camp() -> None:  # guard: the name as catalogued
    assert _facs("حاصرت الجرافات نور شمس منذ الفجر ومنعت الأهالي من العودة") == {"fac:ps-nur-shams-camp"}
    assert _facs("أصيب شاب برصاص الجنود عند مدخل مخيم نور شمس") == {"fac:ps-nur-shams-camp"}


# --- vowel marks that tell two places apart: `عُمان` is Oman, `عَمّان`/`عمان` Amman


def test_voweled_oman_is_the_country() -> None:
    assert "country:OM" in _places("وصل وفد الوساطة إلى عُمان قادماً من الدوحة")
    assert "geonames:250441" not in _places("أُبعد ثلاثة إلى الكويت وعُمان بعد الإفراج عنهم")


def test_amman_stays_the_city() -> None:  # guard
    assert "geonames:250441" in _places("عقد الاجتماع في عمّان بحضور ممثلي الوكالة")
    assert "geonames:250441" in _places("عاد الوزير إلى عمان مساء الخميس")


# --- a superlative of the kind in apposition after the Arabic comma


def test_arabic_apposition_superlative_names_the_camp() -> None:
    assert _facs("توجهت الحافلات إلى الأزرق، ثاني أكبر مخيم للسوريين في المملكة، وسط الحر") == {
        "fac:jo-azraq-camp"
    }
    assert _facs("زار المبعوث البقعة، أكبر مخيمات الفلسطينيين في الأردن، والتقى لجنة الخدمات") == {
        "fac:jo-baqaa-camp"
    }


def test_city_superlative_is_no_camp() -> None:  # guard
    assert _facs("توجه الوفد إلى المفرق، أكبر مدن الشمال الشرقي، للقاء المحافظ") == set()


# --- cities listed before a bare camp stay the cities (the r6b labels: `من طولكرم ونور شمس`; rule 26r left this open)


def test_cities_listed_before_a_bare_camp_stay_cities() -> None:
    ann = real_ann("تتواصل عمليات التجريف في طولكرم وجنين ونور شمس منذ أسابيع")
    assert {f.id for f in ann.facilities} == {"fac:ps-nur-shams-camp"}
    assert {"geonames:281577", "geonames:283506"} <= {p.id for p in ann.places}
