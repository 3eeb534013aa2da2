"""Round-13 place classes: a glued ك read as "like" before a given name, Arabic common words that equal a town's
name, a country inside a longer name, towns of one name in several countries, the world's countries, and English
names from credits, noms de guerre and armed groups' names. Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


def _places(text: str) -> set[str | None]:
    return {p.id for p in enrich(text, real_gazetteer()).places}


def _surfaces(text: str) -> set[str]:
    return {p.surface for p in enrich(text, real_gazetteer()).places}


# 1. a ك glued to a word is not stripped for a town: the word is a name or a common word
@pytest.mark.parametrize("text", [
    "صرّح المدير العام كريم الساعدي بأن العائلات ستنقل الأسبوع المقبل.",
    "وأكد كريم الجبوري، مسؤول الملف، أن القافلة وصلت.",
    "التقى الوفد بالسيد كمال العبيدي في مكتبه.",
])
def test_glued_kaf_does_not_make_a_town(text: str) -> None:
    assert _places(text) == set()


def test_glued_kaf_keeps_a_country() -> None:
    # "countries like Syria and Iraq": a country keeps the reading
    assert {"country:SY", "country:IQ"} <= _places("تستقبل دول كسوريا والعراق آلاف العائدين كل شهر.")


# 2. common words that equal a town's name
@pytest.mark.parametrize("text", [
    "حيّا القائد حماة الديار الذين سهروا على الحدود.",              # "protectors of the homeland"
    "فتح السجانون الباب الخلفي للمبنى عند الفجر.",                  # "the back door"
    "بقي الباب الرئيسي للمستشفى مغلقاً طوال اليوم.",                # "the main door"
    "وقف الأهالي أمام الباب المغلق ينتظرون الأخبار.",               # "the closed door"
    "وزّعت المنظمة خياماً زرقاء على العائلات الجديدة.",             # "blue" (feminine)
    "تدمر الضربات الجوية ما بقي من البيوت في القرية.",               # the verb "destroys" before its subject
])
def test_common_word_is_no_town(text: str) -> None:
    assert not _places(text) & {"geonames:170017", "geonames:174018", "geonames:250090", "geonames:163808"}


@pytest.mark.parametrize(("text", "want"), [
    ("وصلت عائلات نازحة إلى حماة وحمص خلال الليل.", "geonames:170017"),
    ("قصفت المدفعية ريف الباب الشرقي صباح اليوم.", "geonames:174018"),   # a direction: the town
    ("دخلت قوات إلى مدينة الباب بعد اشتباكات.", "geonames:174018"),
    ("نقل المعتقلون من الزرقاء إلى عمّان بالحافلات.", "geonames:250090"),
    ("تعرضت مدينة تدمر لغارات جديدة.", "geonames:163808"),
])
def test_the_town_still_reads(text: str, want: str) -> None:
    assert want in _places(text)


# 3. a country inside a longer name; an outlet's name
def test_gate_named_after_a_country_is_no_country() -> None:
    got = _places("تجمّع المحتجون قرب باب اليمن في قلب صنعاء القديمة.")
    assert "country:YE" not in got


def test_longer_names_are_their_own_places() -> None:
    assert _places("يعيش معظم الموقوفين في بلدات جبل لبنان.") == {"adm1:LB-mount-lebanon"}
    assert _places("زار الوفد مزارع وادي الأردن صباحاً.") == {"place:jo-jordan-valley"}
    assert _places("فرّ آلاف المدنيين من جنوب السودان إلى المخيمات.") == {"country:SS"}


def test_outlet_name_in_guillemets_is_no_place() -> None:
    assert _places("قال مسؤول محلي لموقع «نينوى الغد» إن العائلات عادت.") == set()


# 4. a name that towns in several countries share follows the country an adjective names
@pytest.mark.parametrize(("text", "want", "not_want"), [
    ("اندلعت اشتباكات عنيفة في العاصمة الليبية طرابلس ليلة أمس.", "geonames:2210247", "geonames:266826"),
    ("Militias clashed overnight in the Libyan capital Tripoli.", "geonames:2210247", "geonames:266826"),
    ("اعتقل الجيش اللبناني مطلوبين في طرابلس شمال البلاد.", "geonames:266826", "geonames:2210247"),
])
def test_shared_town_follows_the_adjective(text: str, want: str, not_want: str) -> None:
    got = _places(text)
    assert want in got and not_want not in got


# 5. the world's countries in Arabic (and English), not their adjectives or words of the same letters
@pytest.mark.parametrize(("text", "want"), [
    ("أعلنت كينيا إغلاق مخيم للاجئين قرب حدودها.", {"country:KE"}),
    ("وصل آلاف الفارين من الصومال إلى المخيمات.", {"country:SO"}),
    ("اندلع حريق في مخيم للروهينغا جنوب بنغلادش.", {"country:BD"}),
    ("وقال ناشط إن بنجلاديش تستضيف أكثر من مليون لاجئ.", {"country:BD"}),
    ("جنّدت الشركة مقاتلين سابقين من كولومبيا.", {"country:CO"}),
    ("Refugees fled from Chad and Kenya to the border.", {"country:TD", "country:KE"}),
])
def test_world_countries(text: str, want: set[str]) -> None:
    assert want <= _places(text)


@pytest.mark.parametrize("text", [
    "ارتفعت أسعار غاز البوتان في الأسواق.",        # butane, not Bhutan
    "أعلنت الوزارة عن دعم مالي للعائلات.",         # "financial", not Mali
    "قال الرئيس التشيلي إن بلاده تتابع الملف.",     # the adjective, not Chile
])
def test_words_are_not_countries(text: str) -> None:
    assert not {p for p in _places(text) if p and p.startswith("country:")}


# 6. English: credits, noms de guerre, group names
@pytest.mark.parametrize("text", [
    "A boy carries water past the tents. (AP Photo/Ghaith Ahmad)",
    "Families queue for bread. © 2022 Sam Harris",
    "Smoke rises over the prison. REUTERS/Osman Halab",
    "A guard at the gate. Photo by Delil Afrin",
])
def test_photo_credit_names_are_no_places(text: str) -> None:
    assert _places(text) == set()


def test_noms_de_guerre_and_group_names_are_no_places() -> None:
    assert _places("The YPG named its dead as Rojda Kobani, Hozan Qamishlo and Amed Afrin.") == set()
    assert _places("Fighters of Maghawir al-Thawra and Ahrar al-Sham took part.") == set()
    assert _places("The UN agency for Palestine refugees said schools would reopen.") == set()


def test_english_towns_still_read() -> None:
    assert {"geonames:174186", "geonames:173377"} <= _places("Displaced families moved from Afrin to Qamishli.")
    assert "geonames:170063" in _places("Shelling hit Aleppo on Monday.")
    assert "country:PS" in _places("Aid reached Palestine last week, refugees said.")


def test_door_as_a_predicate_is_no_town() -> None:
    # "the door was shut." (the adjective ends the sentence)
    assert _places("عاد الحارس فوجد الباب موصداً، ثم وجد الباب مغلقاً.") == set()
    assert _places("لم يعد أحد إلى البيت، وظل الباب مغلق.") == set()
