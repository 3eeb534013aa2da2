"""Round-13 place classes, second batch: news agencies and outlets read as places, persons read as places, and
spellings and cues of known places. Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


def _places(text: str) -> set[str | None]:
    return {p.id for p in enrich(text, real_gazetteer()).places}


def _surfaces(text: str) -> set[str]:
    return {p.surface for p in enrich(text, real_gazetteer()).places}


SANAA = "geonames:71137"


# 1. news agencies and outlets
@pytest.mark.parametrize("text", [
    "A provincial official told SANA that the road to the airport was reopened.",
    "Hama, SANA – Workers began repairing the water station on Sunday.",
    "Latakia, SANA - Two bakeries resumed work after the power cut ended.",
])
def test_agency_is_no_city(text: str) -> None:
    assert SANAA not in _places(text)


def test_the_city_keeps_its_name() -> None:
    assert SANAA in _places("Houthi officials in Sanaa said the talks would resume.")


@pytest.mark.parametrize(("text", "gone"), [
    ("أفادت منصة سوريا ٢٤ بأن الدوريات انسحبت من القرية.", "country:SY"),
    ("وصرح المتحدث لإذاعة العراق الحر بأن الطريق مفتوح.", "country:IQ"),
    ("نشرت «القدس العربي» تقريراً عن الأسرى المحررين.", "geonames:281184"),
    ("According to The Times of Israel, the soldiers left before dawn.", "country:IL"),
    ("طالبت مؤسسة الضمير بالإفراج عن المعتقلين الإداريين.", "geonames:170589"),
])
def test_outlet_name_is_no_place(text: str, gone: str) -> None:
    assert gone not in _places(text)


def test_place_before_an_outlet_word_elsewhere_stays() -> None:
    assert "country:IQ" in _places("عاد آلاف النازحين إلى العراق خلال الشهر الماضي.")


# 2. persons read as places
@pytest.mark.parametrize(("text", "gone"), [
    ("The SDF chief Mazloum Kobani met the envoy in Hasakah.", "geonames:172256"),
    ("Ahmad, 9, sells bread at the entrance of the camp.", "geonames:285839"),
    ("\"Nothing has changed,\" said Can Yilmaz, a lawyer.", "geonames:749795"),
    ("Former police chief Ashraf Rifi criticised the decision.", "geonames:140918"),
    ("Followers of Moqtada al-Sadr gathered after Friday prayers.", "geonames:7802746"),
    ("The teacher, Samir Issa Ahmad, was released after two weeks.", "geonames:285839"),
])
def test_person_is_no_place(text: str, gone: str) -> None:
    assert gone not in _places(text)


@pytest.mark.parametrize(("text", "gone"), [
    ("وقال رياض إن الخيمة لا تقي من البرد.", "geonames:108410"),
    ("روت سلوى كيف فقدت منزلها.", "geonames:387958"),
    ("تقول ريم إن المدرسة أغلقت أبوابها.", "geonames:3169070"),
    ("وأوضح خبات أن الطريق قطع منذ أيام.", "geonames:96833"),
])
def test_bare_given_name_is_no_town(text: str, gone: str) -> None:
    assert gone not in _places(text)


def test_riyadh_with_the_article_stays() -> None:
    assert "geonames:108410" in _places("وصل الوفد إلى الرياض مساء أمس.")


def test_kobani_alone_stays() -> None:
    assert "geonames:172256" in _places("Families returned to Kobani after the fighting ended.")


# 3. spellings and cues
@pytest.mark.parametrize(("text", "want"), [
    ("Gunmen attacked a checkpoint in Salahaddin province overnight.", "adm1:IQ-salah-al-din"),
    ("Two shepherds were killed in Salahadin province.", "adm1:IQ-salah-al-din"),
    ("Convoys left Deir e-Zor for the south on Monday.", "geonames:170794"),
    ("Troops reached al-Qayarah before noon.", "geonames:99003"),
    ("عاد المسؤول إلى هولير بعد الاجتماع.", "geonames:95446"),
    ("اعتقلت القوات مطلوبين في قضاء أبي غريب.", "geonames:100077"),
    ("فرضت مقاطعة الحسكة حظراً للتجوال.", "adm1:SY-hasakah"),
    ("تجمع المحتجون في شوارع صور مساء السبت.", "geonames:267008"),
    ("نفذت الشرطة حملة دهم في الرملة.", "geonames:293768"),
])
def test_spelling_reads(text: str, want: str) -> None:
    assert want in _places(text)


def test_ramla_is_not_ramallah() -> None:
    assert "geonames:282239" not in _places("نفذت الشرطة حملة دهم في الرملة.")


def test_the_countryside_after_a_cue_is_no_name() -> None:
    assert _surfaces("انتقلت العائلات إلى ناحية الريف الجنوبي للمحافظة.") == set()


def test_floods_destroy_tents() -> None:
    got = _places("السيول تدمر خيام العائلات في المخيم.")
    assert "geonames:1835848" not in got and "geonames:163808" not in got


def test_direction_after_a_name_is_part_of_it() -> None:
    assert "geonames:295571" not in _places("Shelling hit al-Rashidiya al-Gharbiya on Friday.")


def test_valley_village_after_a_cue() -> None:
    got = _places("اقتحم المستوطنون قرية وادي الخليل فجراً.")
    assert "geonames:285066" not in got and "open:place:وادي-الخليل" in got


def test_compound_adjective_is_no_open_place() -> None:
    got = _surfaces("Drones struck the Arab-majority district of Tabqa.")
    assert not any("majority" in s for s in got)


# 3b. open-world names: a quoted one-word name after an Arabic cue; English texts with a dash or curly quotes
@pytest.mark.parametrize(("text", "want"), [
    ('أصيب طفلان في قرية "الرامة" جراء القصف.', "الرامة"),
    ("قُتل مزارع من بلدة «كفرنبودة» في غارة.", "كفرنبودة"),
])
def test_quoted_village_after_a_cue(text: str, want: str) -> None:
    assert want in _surfaces(text)


def test_english_open_place_after_a_dash() -> None:
    text = "RAQQA, Syria – A shepherd from the village of Hamrat was wounded by a mine on Friday."
    assert "Hamrat" in _surfaces(text)


@pytest.mark.parametrize(("text", "want"), [
    ("Militants attacked a checkpoint near Shargat on Sunday.", "geonames:91057"),
    ("Families returned to al-Qaryatain last week.", "geonames:173361"),
])
def test_more_spellings(text: str, want: str) -> None:
    assert want in _places(text)


def test_town_said_to_lie_in_another_countrys_province() -> None:
    got = _places("Al-Jada, in Nineveh province, still hosts families who came back from Syria.")
    assert "geonames:105343" not in got and "adm1:IQ-nineveh" in got


def test_town_in_its_own_country_stays() -> None:
    assert "geonames:105343" in _places("Jeddah, in Saudi Arabia, hosted the talks on Sudan.")


def test_kurdish_name_of_qahtaniyah() -> None:
    assert "geonames:165757" in _places("نزحت عائلات من ريف تربه سبي إلى المدينة.")


def test_balqa_governorate() -> None:
    assert "adm1:JO-balqa" in _places("يتبع المخيم إدارياً محافظة البلقاء شمال غرب عمّان.")


# a known neighbourhood after a dual or plural cue, or before a plural one
@pytest.mark.parametrize("text", [
    "Fighting spread to the Ghweiran and Salihiya neighbourhoods overnight.",
    "دارت اشتباكات بين حيي المشيرفة وغويران طوال الليل.",
    "طوقت القوات أحياء النشوة وغويران والعزيزية.",
])
def test_listed_neighbourhood(text: str) -> None:
    assert "place:sy-ghwayran" in _places(text)


def test_plural_cue_without_a_known_quarter() -> None:
    assert _places("The eastern districts of the city lost power.") == set()


# Tyre (صور, also "pictures"): after a preposition at the end of a sentence or clause it is the town
@pytest.mark.parametrize("text", [
    "تبعد البلدة نحو عشرة كيلومترات عن الحدود وعشرين من صور.",
    "انتقلت العائلات إلى صور، حيث فتحت المدارس أبوابها.",
])
def test_tyre_at_the_end_of_a_clause(text: str) -> None:
    assert "geonames:267008" in _places(text)


def test_pictures_stay_pictures() -> None:
    assert "geonames:267008" not in _places("عرض الناشطون عدداً من صور الدمار في المخيم.")


def test_outlet_name_before_a_line_break() -> None:
    # an outlet's name ends a line (a by-line), then the date: the country is part of the name
    text = "تسلمت الحكومة السجن في الرقة. Lebanon 24\n12-02-2026 | 10:15 وقال مسؤول إن النقل انتهى."
    assert "country:LB" not in _places(text)
