"""Round-18 survey of Iraqi and Kurdistan news on camps and prisons (ar18c): the mechanisms of data/README.md
rule 25g, each with its positive and its near-miss. Every sentence is written for this file."""

from __future__ import annotations

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


def _facs(text: str) -> set[tuple[str, str]]:
    return {(f.id, f.surface) for f in enrich(text, real_gazetteer()).facilities}


def _fac_ids(text: str) -> set[str]:
    return {f.id for f in enrich(text, real_gazetteer()).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in enrich(text, real_gazetteer()).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in enrich(text, real_gazetteer()).actors}


# --- the group a prison holds, then "central", is an institution's name ---------------------------------------

def test_group_then_central_names_a_prison() -> None:
    got = enrich("زارت اللجنة سجن النساء المركزي في بغداد أمس.", real_gazetteer())
    assert got.alert and [f.surface for f in got.facilities] == ["سجن النساء المركزي"]


def test_group_alone_is_no_name() -> None:
    got = enrich("نُقلت النزيلات إلى سجن النساء في بغداد.", real_gazetteer())
    assert not got.alert and not got.facilities


# --- ordinals under a dual head number one camp's parts ---------------------------------------------------------

def test_ordinals_after_a_dual_head_are_no_second_camp() -> None:
    assert _fac_ids("تقدمت عائلات بطلبات للسكن في مخيمي دوميز الأول والثاني.") == {"fac:iq-domiz-camp"}


def test_two_names_after_a_dual_head_are_two_camps() -> None:
    assert _fac_ids("نُقلت عائلات إلى مخيمي الهول وروج.") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}


# --- a resort's own adjective is no word of holiday-makers ------------------------------------------------------

def test_camp_in_the_tourist_city_is_the_camp() -> None:
    assert _fac_ids("لم يبقَ سوى أعمدة من مخيمات المدينة السياحية في الحبانية بعد إفراغها.") \
        == {"fac:iq-habbaniyah-camp"}


def test_resort_full_of_holiday_makers_is_no_camp() -> None:
    assert not _fac_ids("استقبلت مدينة الحبانية السياحية آلاف المصطافين في العيد.")


# --- `معسكر` beside families and a named `مخيم` is a displacement camp; a listed base stays a base ---------------

def test_muaskar_beside_families_and_a_camp_is_a_camp() -> None:
    got = _facs("وخرجت 105 عائلات من معسكر الشمس و67 عائلة من مخيم الأهل.")
    assert {i for i, _s in got} == {"open:camp:الشمس", "open:camp:الاهل"}


def test_listed_base_stays_a_base_beside_families() -> None:
    assert _fac_ids("نُقلت عائلات من مخيم الأهل وزار القائد معسكر التاجي.") == {"open:camp:الاهل"}


def test_muaskar_without_families_is_a_base() -> None:
    assert not _fac_ids("زار الوزير معسكر الرشيد في بغداد.")


# --- a city's central prison by the city's name, with "reform" after it, is the city's other prison ---------------

def test_city_reform_prison_beside_the_hoot_is_another_prison() -> None:
    assert _fac_ids("يضم سجن الحوت آلاف النزلاء، ويستوعب سجن الناصرية الإصلاحي المخصص للأحكام الخفيفة ضعف قدرته.") \
        == {"fac:iq-nasiriyah-central-prison", "open:prison:الناصريه-الاصلاحي"}


def test_city_reform_prison_alone_is_the_central_prison() -> None:
    assert _fac_ids("ترحّل إدارة سجن الناصرية الإصلاحي المحكومين بالإعدام على دفعات.") \
        == {"fac:iq-nasiriyah-central-prison"}


def test_town_prison_with_reform_is_the_known_prison() -> None:
    assert _fac_ids("نُقل المدان إلى سجن بادوش الإصلاحي.") == {"fac:iq-badush-prison"}


# --- an outlet named "<city> Now" holds no place ----------------------------------------------------------------

def test_city_now_outlet_is_no_place() -> None:
    assert "geonames:94787" not in _places("(نازحة في مخيم شيخان – تصوير: كركوك ناو)")


def test_city_in_a_caption_is_the_place() -> None:
    assert "geonames:94787" in _places("(نازحة في مخيم قرب كركوك – تصوير: وكالة محلية)")


# --- Tunisia's Sousse is no Syrian village ---------------------------------------------------------------------

def test_sousse_in_tunisia_is_no_place() -> None:
    assert not _places("قضت محكمة في سوسة التونسية بسجن المتهم خمس سنوات.")


def test_susah_in_deir_ez_zor_is_the_village() -> None:
    assert "geonames:172415" in _places("قصفت الطائرات قرية سوسة في ريف دير الزور.")


# --- "the Region's authorities" in Iraq are the KRG -------------------------------------------------------------

def test_region_authorities_are_the_krg() -> None:
    assert "actor:krg" in _actors("ووفق سلطات الإقليم فإن آلاف النازحين فرّوا من الموصل إلى مخيمات دهوك.")


def test_iraqi_authorities_are_not_the_krg() -> None:
    assert "actor:krg" not in _actors("وقالت السلطات العراقية إن آلاف النازحين عادوا إلى الموصل.")
