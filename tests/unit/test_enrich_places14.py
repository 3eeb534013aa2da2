"""Round-14 place classes (places14 survey): spellings of Iraqi, Lebanese and Syrian towns seen in print, a
country's name opening a district's or province's name, a village that shares a big city's name, names inside a
street's, university's, dam's or company's name, a governorate's countryside after a possessive, and common words.
Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


def _places(text: str) -> set[str | None]:
    return {p.id for p in enrich(text, real_gazetteer()).places}


def _surfaces(text: str) -> set[str]:
    return {p.surface for p in enrich(text, real_gazetteer()).places}


TUZ, KHANAQIN, AMADIYA, NABATIEH = "geonames:90026", "geonames:94591", "geonames:99611", "geonames:278913"
KOYA, DEIR, DEIR_GOV = "geonames:94220", "geonames:170794", "adm1:SY-deir-ez-zor"


# 1. spellings seen in print
@pytest.mark.parametrize(("text", "pid"), [
    ("اندلعت اشتباكات قرب قرية زراعية غرب قضاء طوزخرماتو مساء الخميس.", TUZ),
    ("A mortar round hit a checkpoint in Duz Khurmatu on Tuesday night.", TUZ),
    ("Gunmen opened fire on a farm north-east of Khanaquin, police said.", KHANAQIN),
    ("Jets struck hillsides in the Amadiya area, north of Duhok.", AMADIYA),
    ("دمّرت غارة ليلية مبنى تجارياً وسط النبطية.", NABATIEH),
    ("NABATIYEH, Lebanon — A drone hit a car near the main square.", NABATIEH),
    ("An opposition party based in Koya said its office was hit.", KOYA),
    ("Tribal fighters advanced on two towns east of Deir ez-Zur city.", DEIR),
])
def test_spellings(text: str, pid: str) -> None:
    assert pid in _places(text)


def test_countryside_after_possessive_is_governorate() -> None:
    got = _places("Fighting spread across Deir Ezzor's eastern countryside overnight.")
    assert DEIR_GOV in got and DEIR not in got
    got = _places("A curfew was imposed in rural Deir ez-Zur.")
    assert DEIR_GOV in got and DEIR not in got


def test_turkish_province_word() -> None:
    got = _places("أوقفت الشرطة ثمانية أشخاص في ولاية شانلي أورفا بتهمة التهريب.")
    assert "adm1:TR-sanliurfa" in got


# 2. a country's name opening a district's or a province's name
@pytest.mark.parametrize("text", [
    "نشب نزاع عشائري مسلح بقضاء المجر الكبير جنوبي ميسان.",
    "قال مسؤولون في محافظة أذربيجان الغربية إن المعبر أعيد فتحه.",
    "Officials in West Azerbaijan province said the crossing reopened.",
])
def test_country_in_unit_name(text: str) -> None:
    got = _places(text)
    assert "country:HU" not in got and "country:AZ" not in got


def test_district_named_like_country_is_open_world() -> None:
    assert "المجر الكبير" in _surfaces("قُتل رجلان في قضاء المجر الكبير أمس.")


def test_country_alone_stays() -> None:
    assert "country:HU" in _places("زار وزير الخارجية المجر الأسبوع الماضي.")


# 3. a village that shares a big city's name is the village
@pytest.mark.parametrize(("text", "city"), [
    ("Militants raided the village of al-Zarka south of Tuz overnight.", "geonames:250090"),
    ("Gunmen stormed the village of Dara near Khanaqin and killed two farmers.", "geonames:170905"),
    ("هاجم مسلحون قرية الزرقاء شرق خانقين فجراً.", "geonames:250090"),
])
def test_village_not_big_city(text: str, city: str) -> None:
    got = _places(text)
    assert city not in got
    assert any(p is None or p.startswith("open:") for p in got)


def test_big_city_stays() -> None:
    assert "geonames:250090" in _places("Police in Zarqa arrested two suspects on Monday.")


# 4. inside a street's, a university's, a dam's or a company's name
@pytest.mark.parametrize(("text", "pid"), [
    ("Traffic stopped on Haifa Street after a security alert.", "geonames:294801"),
    ("Dozens gathered on Palestine Street to demand jobs.", "country:PS"),
    ("Students at Damascus University held a sit-in over fees.", "geonames:170654"),
    ("Lecturers at the University of Baghdad went on strike.", "geonames:98182"),
    ("Engineers at Mosul Dam warned that repairs were behind schedule.", "geonames:99072"),
    ("The Basra Oil Company said exports were not affected.", "geonames:99532"),
    ("Activists of the Aleppo Media Center said shells fell overnight.", "geonames:170063"),
    ("أعلنت جامعة دمشق تأجيل الامتحانات أسبوعاً.", "geonames:170654"),
    ("جامعة بغداد تعلن تأجيل الدوام", "geonames:98182"),
    ("حذّر خبراء من تسرب المياه أسفل سد الموصل.", "geonames:99072"),
])
def test_named_after_place(text: str, pid: str) -> None:
    assert pid not in _places(text)


def test_place_beside_street_stays() -> None:
    assert "geonames:98182" in _places("Protesters filled Palestine Street in Baghdad on Friday.")


# 5. common words
def test_old_town_word_is_no_balad() -> None:
    got = _places("درعا البلد – أزالت مجموعات محلية حواجزها بعد اتفاق جديد.")
    assert "geonames:98112" not in got and "geonames:170905" in got


def test_balad_after_cue_stays() -> None:
    assert "geonames:98112" in _places("انفجرت عبوة على طريق في قضاء بلد شمال العاصمة.")


def test_spending_a_holiday_is_no_district() -> None:
    assert not _places("عاد كثيرون إلى منازلهم لقضاء عطلة العيد مع عائلاتهم.")


def test_curated_spelling_keeps_governorate() -> None:
    assert "adm1:TR-hatay" in _places("The death toll in Hatay rose again as rescuers searched the rubble.")


# 6. round 14, second batch: Khalis and Anah spellings, adjectives, a port's name, an outlet's possessive, clubs
def test_khalis_is_the_town_record() -> None:
    assert "geonames:99169" in _places("انفجرت عبوة ناسفة عند مدخل قضاء الخالص صباح الأحد.")


def test_anah_spelling() -> None:
    assert "geonames:6765385" in _places("عادت أسر نازحة إلى قضاء عانة بعد إصلاح الجسر.")


@pytest.mark.parametrize("text", [
    "رحبت وزارة الخارجية السعودية بالاتفاق الجديد بين الطرفين.",
    "قالت الحكومة السعودية إنها ستستضيف الجولة المقبلة.",
])
def test_saudi_adjective(text: str) -> None:
    assert "country:SA" not in _places(text)


@pytest.mark.parametrize("text", [
    "وصل وزير الخارجية إلى المملكة السعودية في زيارة رسمية.",
    "قال مسؤولون إن السعودية ستفتح المنفذ الحدودي.",
])
def test_saudi_country(text: str) -> None:
    assert "country:SA" in _places(text)


def test_port_sudan_is_no_country() -> None:
    assert "country:SD" not in _places("PORT SUDAN — A cargo of flour reached the city's docks on Sunday.")


def test_outlet_possessive_keeps_town() -> None:
    assert "geonames:96205" in _places("Rudaw's Halabja reporter said the border road was open again.")


def test_quarter_possessive_still_dropped() -> None:
    assert "geonames:99072" in _places("Rubble still fills Mosul's Old City.")
    assert len(_places("Rubble still fills Mosul's Old City.")) == 1


@pytest.mark.parametrize(("text", "pid"), [
    ("أعلن نادي أربيل تعاقده مع لاعب جديد.", "geonames:95446"),
    ("Naft al-Basra drew with Al-Shorta on Friday.", "geonames:99532"),
])
def test_club_names(text: str, pid: str) -> None:
    assert pid not in _places(text)


def test_shrine_word_is_no_town() -> None:
    assert "geonames:167208" not in _places("زار المئات الإمام في مرقده شمالي المدينة.")


def test_libyan_cities_vote_for_tripoli() -> None:
    assert "geonames:2210247" in _places("Fighters from Misrata and Zintan clashed near the airport south of Tripoli.")


def test_plural_provinces_name_both_governorates() -> None:
    got = _places("Night raids hit villages in Kirkuk and Salahaddin provinces.")
    assert {"adm1:IQ-kirkuk", "adm1:IQ-salah-al-din"} <= got and "geonames:94787" not in got


def test_city_and_city_stay_cities() -> None:
    assert "geonames:94787" in _places("The convoy drove from Kirkuk and Erbil to the capital.")


def test_hodeidah_is_no_syrian_hamlet() -> None:
    assert not _places("قالت قناة المسيرة إن الغارات طالت ميناء الحديدة غرب اليمن.") - {"country:YE"}


# 7. third batch: Turkish and Iranian border towns in Arabic, variants, "X-born", a governorate's variant
@pytest.mark.parametrize(("text", "pid"), [
    ("فرضت السلطات حظر التجول في نصيبين لليوم الثالث.", "geonames:303750"),
    ("قُتل جندي في اشتباك قرب جيزرة جنوب شرقي تركيا.", "geonames:318253"),
    ("عبرت الشاحنات من سلوبي نحو المعبر الحدودي.", "geonames:300797"),
    ("تبادل مقاتلون أكراد إطلاق النار مع حرس الحدود قرب بيرانشهر.", "geonames:121110"),
    ("Guards clashed with armed men near Oshnavieh on Friday.", "geonames:121795"),
    ("Artillery hit the outskirts of Maaret al-Numan overnight.", "geonames:167611"),
])
def test_border_town_spellings(text: str, pid: str) -> None:
    assert pid in _places(text)


def test_born_compound_is_no_place() -> None:
    assert "geonames:99072" not in _places("The Mosul-born painter opened a show in the capital.")


def test_governorate_variant_with_province() -> None:
    got = _places("A drone hit a car near Penjwen in Sulaimani province.")
    assert "adm1:IQ-sulaymaniyah" in got and "geonames:98463" not in got
