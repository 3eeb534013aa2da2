"""Round-8 classes from the spent round-7 split: list items spelled differently or numbered; near-misses beside them."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_actor_ids as actor_ids
from tests.unit.enrich_support import real_fac_ids as fac_ids


@pytest.mark.parametrize(("text", "want"), [
    ("نقلت العائلات إلى مخيمي شاريا وبرخدان بعد الفيضان", {"fac:iq-sharya-camp", "fac:sy-berxwedan-camp"}),
    ("تقرر إغلاق مخيمات قاديه وشاريا قبل الشتاء", {"fac:iq-qadiya-camp", "fac:iq-sharya-camp"}),
    ("زار المحافظ مخيمات شاريا وبيرسفي٢ يوم الأحد", {"fac:iq-sharya-camp", "fac:iq-berseve-camp"}),
])
def test_list_items_spelled_differently_or_numbered(text: str, want: set[str]) -> None:
    assert fac_ids(text) == want


@pytest.mark.parametrize("text", [
    "زار المحافظ مخيمات شاريا وقرية ٢ يوم الأحد",  # a numbered unknown item stays open-world, not a known camp
])
def test_a_numbered_unknown_item_is_no_known_camp(text: str) -> None:
    assert "fac:iq-berseve-camp" not in fac_ids(text)
    assert "fac:iq-sharya-camp" in fac_ids(text)


@pytest.mark.parametrize(("text", "fid", "want"), [
    ("Gunmen attacked the prison at Taji before dawn, officials said.", "fac:iq-taji-prison", True),
    ("Relatives waited outside the camp at Roj for news.", "fac:sy-roj-camp", True),
    ("Officials opened a new prison in Taji last year.", "fac:iq-taji-prison", False),  # indefinite: the town
    ("US troops left the camp at Taji for Kuwait.", "fac:iq-taji-prison", False),  # a camp at Taji is no prison
])
def test_the_definite_head_at_a_known_name(text: str, fid: str, want: bool) -> None:
    assert (fid in fac_ids(text)) is want


@pytest.mark.parametrize(("text", "aid", "want"), [
    ("Iranian missiles hit two bases overnight.", "actor:iran", True),
    ("Turkish rockets landed near the camp.", "actor:turkey-gov", True),
    ("Israel expands its raids in the north.", "actor:israel-gov", True),
    ("The Iranian film won a prize in Cannes.", "actor:iran", False),  # an adjective on no force is no actor
])
def test_weapons_and_present_tense_verbs_make_state_actors(text: str, aid: str, want: bool) -> None:
    assert (aid in actor_ids(text)) is want


@pytest.mark.parametrize(("text", "want"), [
    ("رحّبت الرئاسة الفلسطينية بقرار مجلس الأمن.", True),
    ("The Palestinian presidency condemned the raid on Jenin camp.", True),
    ("أعلنت الرئاسة اللبنانية تشكيل لجنة لمتابعة ملف المخيمات.", False),  # another state's presidency
])
def test_the_palestinian_presidency_is_the_authority(text: str, want: bool) -> None:
    assert ("actor:palestinian-authority" in actor_ids(text)) is want


@pytest.mark.parametrize(("text", "aid", "want"), [
    ("Russia and the United States traded accusations over the convoy.", "actor:russia", True),
    ("Iran and the United Nations agreed on a plan for the camp.", "actor:iran", True),
    ("Russia and the United States in the 1990s", "actor:russia", False),  # no verb after the pair
])
def test_a_country_coordinated_with_a_named_subject_acts(text: str, aid: str, want: bool) -> None:
    assert (aid in actor_ids(text)) is want
