"""Round 15, places and actors read from real reporting (places15 survey): Iraq's border town of Rabia, a crossing
that bears a town's name, names GeoNames reads as a far town (Badr, Moria, Ben), a list of a city's quarters, a kunya,
a tribe or a person's title before a town's name, a unit's word before a name that is also a common word, the
Asayish after the January 2026 agreements, Lebanon's General Security, an indefinite nisba after a definite name,
Iraq's Federal Police, Israel's cities by their Arabic names (README rule 22a). Every passage is written for this
file."""

from __future__ import annotations

from datetime import date

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer

RABIA = "place:iq-rabia"


def _ann(text: str, published_at: date | None = None) -> Annotation:
    return enrich(text, real_gazetteer(), published_at=published_at)


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


def _actors(text: str, published_at: date | None = None) -> set[str]:
    return {a.id for a in _ann(text, published_at).actors}


@pytest.mark.parametrize("text", [
    "قال مدير ناحية ربيعة إن القرى الحدودية تحتاج إلى طرق ومدارس.",
    "نزحت عشرات العائلات من ربيعة نحو دهوك بعد سقوط سنجار.",
    "تبعد ربيعة قرابة 120 كيلومتراً غرب الموصل.",
    "Farmers in the town of Rabia said the harvest was the best in years.",
    "RABIA, Iraq (Reuters) - Iraqi officials said trade with Syria would resume soon.",
])
def test_iraqs_rabia_is_a_town(text: str) -> None:
    assert RABIA in _places(text)


@pytest.mark.parametrize("text", [
    "أكد شيوخ قبيلة ربيعة دعمهم للقوات الأمنية في الكوت.",
    "قالت المواطنة ربيعة حسن إن ابنها فُقد قبل عامين.",
    "The Rabia tribe pledged support to the army in Kut.",
])
def test_a_tribe_or_a_person_named_rabia_is_no_town(text: str) -> None:
    assert RABIA not in _places(text)


@pytest.mark.parametrize(("text", "town"), [
    ("عبرت الحافلات معبر اليعربية باتجاه الأراضي العراقية.", "geonames:383661"),
    ("أعيد فتح منفذ ربيعة الحدودي أمام الشاحنات.", RABIA),
    ("رحّلت السلطات 40 شخصاً عبر معبر تل أبيض.", "geonames:163750"),
    ("The families were driven through the Rabia crossing to a camp near Mosul.", RABIA),
    ("Trucks queued for days at the Tal Abyad border crossing.", "geonames:163750"),
])
def test_a_crossing_that_bears_a_towns_name_is_no_place(text: str, town: str) -> None:
    assert town not in _places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("The US garrison near the Tanf crossing stayed open.", "place:sy-al-tanf"),  # an area, not a town
    ("وصلت قافلة المساعدات إلى معبر باب الهوى.", "place:sy-bab-al-hawa"),  # a listed crossing
    ("The convoy crossed into Iraq after crossing at al-Yarubiyah.", "geonames:383661"),  # "at": the town
    ("سلكت الشاحنات طريق ربيعة – تلعفر بعد صيانته.", RABIA),  # a road names its towns
])
def test_listed_crossings_areas_and_roads_keep_their_place(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize("text", [
    "Dozens of detainees at Badr 3 prison refused food for a week, a rights group said.",
    "Badr Organization lawmakers walked out of the session.",
    "Egypt's foreign minister Badr Abdelatty met his counterpart.",
    "Fire swept through the Moria camp on Lesbos overnight.",
    "A missile fell near Ben Gurion airport.",
    "نقل معتقلون من وادي النطرون إلى سجن بدر.",
])
def test_names_geonames_reads_as_a_far_town(text: str) -> None:
    ids = _places(text)
    assert not ids & {"geonames:107744", "geonames:281184", "geonames:2661552"}


def test_a_list_of_a_citys_quarters_is_no_town_elsewhere() -> None:
    text = "دهمت القوات أحياء غويران والنشوة والعزيزية في مدينة الحسكة."
    ids = _places(text)
    assert "geonames:99548" not in ids  # al-Aziziyah, Wasit
    assert {"place:sy-ghwayran", "geonames:173811"} <= ids
    assert "geonames:99548" not in _places("Raids hit the Ghweiran, Nashwa and Aziziyah neighbourhoods of Hasakah.")


def test_a_citys_own_quarters_keep_the_city() -> None:
    assert "geonames:172955" in _places("انسحبت القوات من أحياء الرقة الغربية.")


@pytest.mark.parametrize("text", [
    "هاجم مسلحون نقطة للجيش في ناحية أبي صيدا شمال شرقي بعقوبة.",
    "ISIS gunmen attacked an army post near Abu Saida in Diyala province.",
])
def test_a_kunya_before_a_towns_name_makes_another_name(text: str) -> None:
    assert "geonames:268064" not in _places(text)  # Sidon


def test_a_units_word_makes_a_common_word_the_town() -> None:
    assert "geonames:92138" in _places("عززت القوات انتشارها في قضاء القائم على الحدود السورية.")
    assert "geonames:92138" not in _places("قال إن الوضع القائم على الأرض لا يحتمل.")


def test_the_asayish_after_the_january_2026_agreements() -> None:
    text = "قالت مصادر إن قوى الأمن الداخلي انتشرت في أحياء الحسكة بموجب الاتفاق مع \"قسد\"."
    assert "actor:asayish" in _actors(text, date(2025, 9, 1))
    assert "actor:asayish" not in _actors(text, date(2026, 2, 10))
    # the administration's own name for its region still makes them the Asayish
    assert "actor:asayish" in _actors(
        "قالت قوى الأمن الداخلي في إقليم شمال وشرق سوريا إنها اعتقلت خلية في تل حميس.", date(2025, 12, 2))


def test_lebanons_general_security() -> None:
    assert "actor:lebanon-gov" in _actors("أوقف الأمن العام مطلوباً في صيدا وأحاله إلى القضاء.")
    assert "actor:lebanon-gov" in _actors("General Security arrested a man planning an attack in Tripoli.")
    assert "actor:general-security" in _actors("ضبط الأمن العام شحنة كبتاغون في حمص.")
    # a country alone is where Syria's stands
    assert "actor:general-security" in _actors("ضبط الأمن العام شحنة على الحدود مع لبنان.")


def test_an_indefinite_nisba_after_a_definite_name_is_no_adjective() -> None:
    assert not _actors("أوقفت قوى الأمن الداخلي سورياً في طرابلس بتهمة إطلاق النار.", date(2024, 4, 4))
    assert "actor:syria-transitional-gov" in _actors("تستعد قوى الأمن الداخلي السوري لدخول القامشلي.",
                                                     date(2026, 2, 3))
    assert "actor:israel-gov" in _actors("نفذ الجيش قصفاً مدفعياً إسرائيلياً على البلدة.")


@pytest.mark.parametrize(("text", "actor"), [
    ("قالت قيادة الشرطة الاتحادية إنها اعتقلت مطلوبين في كركوك.", "actor:iraqi-security-forces"),
    ("The army and federal police swept orchards in Diyala.", "actor:iraqi-security-forces"),
    ("قال مكتب تنسيق الشؤون الإنسانية إن الاحتياجات تتزايد.", "actor:ocha"),
    ("وزعت وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين مساعدات في عمّان.", "actor:unrwa"),
    ("تشن الأجهزة الأمنية الأردنية حملات تفتيش قرب المفرق.", "actor:jordan-gov"),
    ("Jordan's Public Security Directorate said police foiled a smuggling attempt.", "actor:jordan-gov"),
    ("The clinic in Khan Younis was hit by Israeli tank fire, the charity said.", "actor:israel-gov"),
])
def test_more_state_bodies(text: str, actor: str) -> None:
    assert actor in _actors(text)


def test_federal_police_elsewhere_is_no_iraqi_force() -> None:
    assert "actor:iraqi-security-forces" not in _actors("Brazil's federal police raided homes in Sao Paulo.")


def test_the_second_of_two_provinces() -> None:
    ids = _places("Officials discussed the crossing between Nineveh and Hasaka provinces.")
    assert {"adm1:IQ-nineveh", "adm1:SY-hasakah"} <= ids


@pytest.mark.parametrize(("text", "place"), [
    ("دوت صفارات الإنذار في حيفا وتل أبيب.", "geonames:294801"),
    ("سقط صاروخ قرب عسقلان.", "geonames:295620"),
    ("Most arrests were in Tulkarem, Bethlehem and Qalqilya.", "geonames:282457"),
])
def test_israels_and_palestines_cities_by_their_names(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize("text", [
    "قال الوزير إن الدور الإقليمي لبلاده يتعاظم.",
    "أشاد المسؤول بالدور الذي تؤديه الفرق الطبية.",
    "عمل الرجل في المزرعة حتى المساء.",
    "سيطرت القوات على التل الاستراتيجي بعد معارك.",
    "قال إن الطرف الآخر لم يلتزم بالاتفاق.",
    "Side by side, the two patrols moved north.",
    "Cars were set alight outside the building.",
])
def test_common_words_that_equal_a_towns_name(text: str) -> None:
    assert not _places(text)


@pytest.mark.parametrize(("text", "place"), [
    ("اعتقلت القوات مطلوبين في قضاء الدور شرق تكريت.", "geonames:99768"),
    ("انتشرت القوات في تكريت والدور وسامراء.", "geonames:99768"),
    ("اعتقل الأمن العام شاباً في مدينة التل بريف دمشق.", "geonames:172349"),
    ("قصفت الطائرات قرية المزرعة.", "geonames:172441"),
    ("توغلت القوات الإسرائيلية في ريف القنيطرة وفي الجولان المحتل.", "place:sy-golan"),
    ("Israeli troops pushed deeper into the Golan Heights.", "place:sy-golan"),
])
def test_the_town_by_its_cue_list_or_place_word(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize(("text", "actor"), [
    ("أعلنت وزارة الدفاع التركية تحييد عناصر من تنظيم ي ب ك/ بي كا كا شمالي سوريا.", "actor:ypg"),
    ("أعلنت وزارة الدفاع التركية تحييد عناصر من تنظيم ي ب ك/ بي كا كا شمالي سوريا.", "actor:pkk"),
    ("اعتقلت قوات الأمن الفلسطينية ثلاثة مطلوبين في جنين.", "actor:palestinian-authority"),
])
def test_names_turkish_and_palestinian_outlets_write(text: str, actor: str) -> None:
    assert actor in _actors(text)


def test_a_district_whose_name_opens_with_bint() -> None:
    places = _ann("قصفت المدفعية بلدة رميش في قضاء بنت جبيل.").places
    assert "بنت جبيل" in {p.surface for p in places}


def test_a_province_of_another_country_is_no_village_of_the_gazetteer() -> None:
    assert "geonames:169017" not in _places("قُتل مسلحان في تبادل لإطلاق النار بمحافظة الجيزة.")  # Syria's al-Jizah
    assert "geonames:250582" in _places("قال محافظ محافظة المفرق إن الطرق مغلقة.")  # a city big enough stays


def test_the_mossad_is_israels() -> None:
    assert "actor:israel-gov" in _actors("أعدمت إيران ثلاثة رجال أدينوا بالتجسس لصالح الموساد.")


def test_jericho_beside_the_west_bank() -> None:
    ids = _places("يعد مخيم عقبة جبر قرب أريحا أكبر مخيمات الضفة مساحة.")
    assert "geonames:284899" in ids and "geonames:172994" not in ids  # Jericho, not Idlib's Ariha
    assert "geonames:172994" in _places("قصفت الطائرات أريحا وجبل الزاوية في ريف إدلب.")
