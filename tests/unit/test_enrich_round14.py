"""Round-14 classes read from the spent blind split r14 (its errors read once it was scored at the round's end):
Tripoli by the Libyan districts, prisons and leaders in the text (an unknown facility's own country, taken from
the nearest place, is no vote), a camp of another sense in the sentence of a bare name, migrant detention centres
and refugee settlements as English heads, a Libyan shelter centre's two-word name. Every passage is written for
this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer

TRIPOLI_LY, TRIPOLI_LB = "geonames:2210247", "geonames:266826"
JEDDAH_CAMP, JEDDAH_CITY = "fac:iq-jeddah-1-camp", "geonames:105343"


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


LIBYA, LEBANON = (TRIPOLI_LY, TRIPOLI_LB), (TRIPOLI_LB, TRIPOLI_LY)


@pytest.mark.parametrize(("text", "which"), [
    # an unknown facility near Tripoli took Lebanon's country from the place and voted for it
    ("طرابلس – نُقل عشرات الموقوفين من سجن معيتيقة ليلاً إلى مكان مجهول بعد اشتباكات قرب المطار.", LIBYA),
    ("قال محتجزون في مركز إيواء عين زارة جنوب العاصمة الليبية إن الماء شحيح، فيما نفت السلطات في طرابلس ذلك.", LIBYA),
    ("سقطت قذيفة قرب مركز إيواء تاجوراء للمهاجرين شرق طرابلس دون إصابات.", LIBYA),
    ("Guards at the Abu Salim centre in Tripoli moved 200 migrants overnight, an aid group said.", LIBYA),
    ("Police in Tripoli took protesters to the Ain Zara detention centre on Sunday.", LIBYA),
    # Lebanon's Tripoli by its own quarters, or by default
    ("اندلعت اشتباكات بين باب التبانة وجبل محسن في طرابلس ليل الجمعة.", LEBANON),
    ("Tripoli's port reopened to fishing boats after the storm, Lebanese officials said.", LEBANON),
])
def test_tripoli_by_the_districts_prisons_and_leaders_named(text: str, which: tuple[str, str]) -> None:
    ids = {p.id for p in _ann(text).places}
    assert which[0] in ids and which[1] not in ids


@pytest.mark.parametrize("text", [
    "Jeddah hosted a summer camp for young coders this week.",
    "Jeddah will host a training camp for the national football team in June.",
    "استضافت جدة مخيماً صيفياً لطلاب المدارس الثانوية.",
])
def test_a_camp_of_another_sense_is_no_word_about_a_bare_name(text: str) -> None:
    ann = _ann(text)
    assert not ann.facilities and not ann.alert
    assert JEDDAH_CITY in {p.id for p in ann.places}


@pytest.mark.parametrize("text", [
    "Buses carrying 150 families left al-Hol for Jeddah, the camp's officials said.",
    "Families moved from al-Hol reached Jeddah camp on Monday.",
])
def test_the_camp_itself_still_reads_the_bare_name(text: str) -> None:
    assert JEDDAH_CAMP in {f.id for f in _ann(text).facilities}


@pytest.mark.parametrize(("text", "surface"), [
    ("An air strike hit the Tajoura migrant detention centre overnight, health officials said.",
     "Tajoura migrant detention centre"),
    ("Rains flooded tents in the Bidibidi refugee settlement in northern Uganda.", "Bidibidi refugee settlement"),
    ("Officials toured the Zawiya immigration detention center on Friday.", "Zawiya immigration detention center"),
])
def test_english_heads_of_migrant_centres_and_refugee_settlements(text: str, surface: str) -> None:
    ann = _ann(text)
    assert ann.alert and surface in {f.surface for f in ann.facilities}


@pytest.mark.parametrize("text", [
    "A refugee settlement near the border received new arrivals.",
    "The migrant detention centre was closed last year.",
])
def test_the_heads_alone_name_nothing(text: str) -> None:
    assert not _ann(text).facilities


def test_a_libyan_shelter_centre_name_of_two_words() -> None:
    ann = _ann("أفاد مهاجرون محتجزون في مركز إيواء عين زارة بأن الطعام لا يكفي.")
    assert [f.surface for f in ann.facilities] == ["مركز إيواء عين زارة"]


def test_an_unknown_facility_is_where_its_place_is_read_again() -> None:
    ann = _ann("طرابلس – نُقل عشرات الموقوفين من سجن معيتيقة ليلاً إلى مكان مجهول بعد اشتباكات قرب المطار.")
    assert [f.country for f in ann.facilities] == ["LY"]


@pytest.mark.parametrize("text", [
    "غادرت عشرات العائلات مخيم الجدعة (مخيم الأمل حالياً) عائدة إلى الأنبار.",
    "Families left the Jeddah 1 camp (now Hope camp) for Anbar on Monday.",
])
def test_a_known_camp_and_its_present_name_in_brackets(text: str) -> None:
    assert [f.id for f in _ann(text).facilities] == [JEDDAH_CAMP]


@pytest.mark.parametrize(("text", "name"), [
    ("In Dadaab, the country's largest refugee settlement, shops stand empty since the vouchers stopped.", "Dadaab"),
    ("At Kakuma, Kenya's second-largest camp, teachers went unpaid for months.", "Kakuma"),
    ("In Bidibidi, a refugee settlement near the border, rains washed away latrines.", "Bidibidi"),
])
def test_an_apposition_after_the_sentence_first_word(text: str, name: str) -> None:
    assert [f.surface for f in _ann(text).facilities] == [name]


@pytest.mark.parametrize("text", [
    "In Maale Adumim, the largest settlement, officials opened a school.",
    "In Gaza City, the largest city in the strip, people fled south.",
])
def test_a_settlement_or_a_city_in_apposition_is_no_facility(text: str) -> None:
    assert not _ann(text).facilities


@pytest.mark.parametrize(("text", "names"), [
    ('فرّ آلاف النازحين من معسكري "كلمة" و"دريج" قرب نيالا بعد القصف.', ["كلمة", "دريج"]),
    ("استقبل معسكرا زمزم وأبو شوك آلاف النازحين الجدد هذا الأسبوع.", ["زمزم", "أبو شوك"]),
    ('وصل النازحون إلى معسكرات "السلام" في أطراف المدينة.', ["السلام"]),
])
def test_sudan_camps_under_a_dual_or_plural_head(text: str, names: list[str]) -> None:
    ann = _ann(text)
    assert ann.alert and [f.surface for f in ann.facilities] == names


@pytest.mark.parametrize("text", [
    "تضم معسكرات دارفور ملايين النازحين منذ عقدين.",
    "تضم معسكرات الفاشر ونيالا مئات الآلاف من النازحين.",
    "أغلقت معسكرات التدريب أبوابها أمام النازحين.",
])
def test_a_plural_head_over_a_region_or_a_use_names_no_camp(text: str) -> None:
    assert not _ann(text).facilities
