"""Round 7 (issue 7): the error classes of the spent round-6 splits. Every sentence is written for the test;
each class has its near-miss beside it that must keep the facility (or the actor) it names."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_actor_ids as actor_ids
from tests.unit.enrich_support import real_fac_ids as fac_ids
from tests.unit.enrich_support import real_gazetteer


@pytest.mark.parametrize("text", [
    # an indefinite article makes the name a kind of place: something else like it
    "Campaigners say the island scheme risks becoming a Guantanamo at sea.",
    "The pushbacks amount to 'a floating Guantanamo' for those caught at sea.",
    "Lawyers say the holding pens have become an offshore Guantanamo.",
    # a bare nisba (no article) after the name, another country's
    "يقول محامون إن المنطقة الحدودية تحولت إلى غوانتانامو تركي للمرحّلين.",
    "رأى حقوقيون أن الجزيرة صارت غوانتانامو أوروبي للمهاجرين.",
])
def test_figurative_guantanamo_is_no_facility(text: str) -> None:
    assert "fac:cu-guantanamo" not in fac_ids(text)


@pytest.mark.parametrize("text", [
    "Ten men held at Guantanamo were flown to Oman, officials said.",
    "A Guantanamo detainee was released to Oman on Monday.",
    "نُقل عشرة معتقلين من غوانتانامو إلى سلطنة عمان.",
    "نقل معتقلون من غوانتانامو الكوبي إلى عمان",
])
def test_the_facility_itself_stays(text: str) -> None:
    assert "fac:cu-guantanamo" in fac_ids(text)


@pytest.mark.parametrize(("text", "fid", "want"), [
    ("Survivors marked the anniversary of the Sabra and Shatila massacre in Beirut.", "fac:lb-shatila-camp", False),
    ("نظم طلاب وقفة صامتة في ذكرى مجزرة صبرا وشاتيلا.", "fac:lb-shatila-camp", False),
    ("Families in Shatila camp say the power comes two hours a day.", "fac:lb-shatila-camp", True),
    ("Residents of Shatila say the camp has had no water since the massacre anniversary.", "fac:lb-shatila-camp",
     True),
    ("Sednaya, a small town north of Damascus, held a spring festival.", "fac:sy-sednaya-prison", False),
    ("Rukban, an empty stretch of desert near the border, has no residents now.", "fac:sy-rukban-camp", False),
    ("Sednaya, the prison north of Damascus, held thousands.", "fac:sy-sednaya-prison", True),
    ("Syrians crossed at the Oncupinar border gate on Thursday.", "fac:tr-kilis-oncupinar-camp", False),
    ("The last families left Oncupinar camp on Monday.", "fac:tr-kilis-oncupinar-camp", True),
])
def test_event_names_appositions_and_crossings(text: str, fid: str, want: bool) -> None:
    assert (fid in fac_ids(text)) is want


@pytest.mark.parametrize(("text", "fid"), [
    ("أعلنت إدارة مخيم\nالركبان وصول قافلة مساعدات.", "fac:sy-rukban-camp"),
    ("أكد مدير سجن\nالحوت وصول دفعة جديدة من النزلاء.", "fac:iq-nasiriyah-central-prison"),
    ("يضم مخيم (آسيان) في دهوك آلاف النازحين.", "fac:iq-essian-camp"),
    ("قوات الاحتلال تقتحم \"نورشمس\" وتعتقل ثلاثة شبان.", "fac:ps-nur-shams-camp"),
])
def test_head_and_name_across_a_line_break_or_brackets(text: str, fid: str) -> None:
    assert fid in fac_ids(text)


def test_a_bracket_surface_closes_and_a_line_after_a_head_word_alone_is_no_name() -> None:
    found = enrich("يضم مخيم (آسيان) في دهوك آلاف النازحين.", real_gazetteer()).facilities
    assert [f.surface for f in found] == ["مخيم (آسيان)"]
    assert "fac:sy-al-hol-camp" not in fac_ids("قال مدير المخيم\nالهول بلدة صغيرة")
    assert fac_ids("قمة دول آسيان في جاكرتا") == set()


@pytest.mark.parametrize(("text", "aid"), [
    ("A woman was killed by Israeli fire near the camp.", "actor:israel-gov"),
    ("Israeli bulldozers tore up the main road into the camp.", "actor:israel-gov"),
    ("Israel's siege of the town entered a third week.", "actor:israel-gov"),
    ("Turkish gunfire killed two men near the frontier.", "actor:turkey-gov"),
    ("US MRAP vehicles escorted the coaches to the border.", "actor:us"),
    ("A U.S. defense official confirmed the transfer.", "actor:us"),
    ("Coalition warplanes hit a hideout overnight.", "actor:global-coalition"),
    ("قصفت طائرات الاحتلال منزلاً في المخيم", "actor:israel-gov"),
    ("شهيد برصاص الاحتلال عند مدخل المخيم", "actor:israel-gov"),
    ("مقاتلات التحالف تقصف مخبأ في البادية", "actor:global-coalition"),
])
def test_state_actor_forms(text: str, aid: str) -> None:
    assert aid in actor_ids(text)


@pytest.mark.parametrize("text", [
    "Syrian vehicles queued at the crossing for hours.",
    "The fire in the camp spread to three tents.",
])
def test_no_state_actor_in_plain_words(text: str) -> None:
    assert actor_ids(text) == set()
