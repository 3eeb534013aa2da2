"""Round-16 long-article classes (long16 survey: whole articles as feeds and scrapers deliver them, with the lines
outlets print around the body): links to other stories (`اقرأ أيضاً: ...`, "Read more: ..."), a "most read" list
under its header, tag and keyword lines, navigation menus; a portfolio ministry whose name ends like a nisba
(`وزارة التجارة الداخلية`), Syria's emergency ministry, "the new authorities in Damascus", a person's age after a
name that is also a town's, a political camp named in a headline and speaking in the body, a monitoring group
named after Syria, "Assad's forces". Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.boilerplate import blank
from services.enrich.enrichment import enrich
from services.enrich.headline import enrich_article
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str, title: str | None = None, published: str = "2025-05-01") -> Annotation:
    from datetime import date

    when = date.fromisoformat(published)
    if title is None:
        return enrich(text, real_gazetteer(), published_at=when)
    return enrich_article(title, text, real_gazetteer(), published_at=when)


def _facs(ann: Annotation) -> set[str]:
    return {f.id for f in ann.facilities}


# --- links, lists, tags and menus around the body -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "القامشلي – خاص\n\nارتفعت أسعار الوقود في القامشلي للمرة الثالثة هذا الشهر.\n\n"
        "اقرأ أيضاً: استعصاء جديد في سجن غويران",
        "القامشلي – خاص\n\nارتفعت أسعار الوقود في القامشلي للمرة الثالثة هذا الشهر.\n\n"
        "اقرأ أيضا | وفاة طفل في مخيم الهول",
        "القامشلي – خاص\n\nارتفعت أسعار الوقود في القامشلي للمرة الثالثة هذا الشهر.\n\n"
        "الأكثر قراءة\nوفاة طفل في مخيم الهول\nنقل معتقلين من سجن الشدادي",
        "القامشلي – خاص\n\nارتفعت أسعار الوقود في القامشلي للمرة الثالثة هذا الشهر.\n\n"
        "مواضيع ذات صلة:\n- وفاة طفل في مخيم الهول",
        "QAMISHLI, Syria — Fuel prices rose in Qamishli for the third time this month.\n\n"
        "Read more: Riot at Ghwayran prison as coalition jets circle",
        "القامشلي – خاص\n\nارتفعت أسعار الوقود في القامشلي للمرة الثالثة هذا الشهر.\n\n"
        "اقرأ أيضا.. وفاة طفل في مخيم الهول",
        "QAMISHLI, Syria — Fuel prices rose in Qamishli for the third time this month.\n"
        "Read more » Child dies in al-Hol camp",
        "QAMISHLI, Syria — Fuel prices rose in Qamishli for the third time this month.\n\n"
        "RELATED STORIES:\nInside al-Hol, Syria's camp of women\nSednaya survivors speak",
        "QAMISHLI, Syria — Fuel prices rose in Qamishli for the third time this month.\n\n"
        "Most Read\n1. Child dies in al-Hol camp\n2. Roj camp women repatriated",
    ],
)
def test_a_link_to_another_story_names_no_facility(text: str) -> None:
    ann = _ann(text)
    assert not ann.alert
    assert not ann.facilities


def test_the_same_headline_as_the_body_alerts() -> None:
    # the near miss: the facility in the article's own sentence, then a link line
    text = "القامشلي – خاص\n\nتوفي طفل في مخيم الهول بعد إصابته بالحمى.\n\nاقرأ أيضاً: استعصاء جديد في سجن غويران"
    ann = _ann(text)
    assert ann.alert
    assert _facs(ann) == {"fac:sy-al-hol-camp"}


def test_tags_and_menus_name_no_places_or_actors() -> None:
    text = (
        "Home | News | Lebanon | Syria | Iraq | Opinion\n\n"
        "BEIRUT — Lebanon's cabinet approved the draft budget on Wednesday.\n\n"
        "Tags: Syria, Iraq, Hezbollah, al-Hol"
    )
    ann = _ann(text)
    places = {p.id for p in ann.places}
    assert "country:SY" not in places and "country:IQ" not in places
    assert "country:LB" in places  # named in the body
    assert "actor:hezbollah" not in {a.id for a in ann.actors}
    assert not ann.alert


def test_arabic_tags_line_names_nothing() -> None:
    text = (
        "دهوك – خاص\n\nبدأت مديرية الزراعة توزيع البذور على مزارعي سهل سميل.\n\n"
        "الوسوم: العراق، سوريا، مخيم شاريا، حزب العمال الكردستاني"
    )
    ann = _ann(text)
    assert not ann.alert
    assert "country:SY" not in {p.id for p in ann.places}
    assert "actor:pkk" not in {a.id for a in ann.actors}


@pytest.mark.parametrize(
    "text",
    [
        # prose that opens with the markers' words is the body
        "Related to the fighting, 40 families fled al-Hol camp on Sunday.",
        "Most of the residents of Roj camp are foreign women.\nThe camp is near Derik.",
        "الأكثر تضرراً هم سكان مخيم الهول.\nوقال مسؤول إن المياه انقطعت.",
    ],
)
def test_body_lines_opening_with_a_markers_word_are_read(text: str) -> None:
    assert _ann(text).alert


def test_blank_keeps_offsets_and_lines() -> None:
    text = "Body line about Raqqa.\nRead more: Riot at Ghwayran prison\nLast line."
    out = blank(text)
    assert out is not None and len(out) == len(text)
    assert out.split("\n")[0] == "Body line about Raqqa." and out.split("\n")[2] == "Last line."
    assert not out.split("\n")[1].strip()
    assert blank("One line, Read more: nothing") is None
    assert blank("No marker here.\nSecond line.") is None


def test_a_list_under_its_header_ends_at_a_sentence() -> None:
    text = "Most Read\nChild dies in al-Hol camp\n\nFamilies at Roj camp say the water was cut for a week."
    ann = _ann(text)
    assert _facs(ann) == {"fac:sy-roj-camp"}


# --- ministries, authorities, persons, political camps, monitors ----------------------------------------------


def test_internal_trade_ministry_is_the_government() -> None:
    ann = _ann("دمشق – خاص\n\nرفعت وزارة التجارة الداخلية سعر ربطة الخبز في دمشق.", published="2025-09-01")
    assert "actor:syria-transitional-gov" in {a.id for a in ann.actors}


def test_a_foreign_nisba_after_a_ministry_is_still_its_nationality() -> None:
    ann = _ann("دمشق – خاص\n\nقالت وزارة التجارة الهولندية إن الشحنة وصلت إلى دمشق.", published="2025-09-01")
    assert "actor:syria-transitional-gov" not in {a.id for a in ann.actors}


def test_emergency_ministry_is_the_government() -> None:
    ann = _ann(
        "حمص – خاص\n\nتتابع وزارة الطوارئ وإدارة الكوارث عودة النازحين إلى ريف حمص في سوريا.", published="2025-06-02"
    )
    assert "actor:syria-transitional-gov" in {a.id for a in ann.actors}


def test_the_new_authorities_in_damascus() -> None:
    ann = _ann(
        "The SDF has been negotiating with the new authorities in Damascus over the detainees.", published="2025-02-20"
    )
    assert "actor:syria-transitional-gov" in {a.id for a in ann.actors}
    assert "geonames:170654" in {p.id for p in ann.places}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('"There is no hospital," said Khalil, 41, who has lived in Chamishku camp since 2014.', None),
        ("The convoy reached Mosul, 40 km to the north, by noon.", "geonames:99072"),
        ("They moved to Mosul, 2017, after the battle.", "geonames:99072"),
    ],
)
def test_a_name_with_an_age_is_a_person(text: str, place: str | None) -> None:
    ids = {p.id for p in _ann(text).places}
    if place is None:
        assert "geonames:285066" not in ids
    else:
        assert place in ids


def test_a_political_camp_in_the_headline_speaks_in_the_body() -> None:
    ann = _ann(
        "When the Trump camp signalled last month that US troops could leave Syria, Europe was alarmed.",
        title="The Trump camp's Syria gamble",
    )
    assert not ann.alert


def test_a_real_camp_in_the_headline_is_still_a_camp() -> None:
    ann = _ann("Kutupalong camp's residents said the rains flooded 300 shelters.", title="Floods in Kutupalong camp")
    assert ann.alert


def test_a_monitor_named_after_syria_is_no_place() -> None:
    ann = _ann("وثّق فريق منسقو استجابة سوريا 37 حريقاً في مخيمات الشمال منذ بداية الشتاء.")
    assert "country:SY" not in {p.id for p in ann.places}
    ann = _ann("وثّق فريق منسقو استجابة سوريا 37 حريقاً في سوريا منذ بداية الشتاء.")
    assert "country:SY" in {p.id for p in ann.places}


def test_assads_forces() -> None:
    ann = _ann("Men detained in Lebanon for fighting against Assad's forces may be moved home.", published="2025-11-12")
    assert "actor:assad-regime" in {a.id for a in ann.actors}


def test_an_inline_link_after_the_last_sentence_names_nothing() -> None:
    text = (
        "الحسكة – خاص\n\nانتقدت منظمة حقوقية احتجاز الفتيان في مراكز مغلقة بعد بلوغهم الثامنة عشرة. "
        "اقرأ أيضاً: وفاة شاب في سجن غويران بعد نقله من مركز للأحداث\n\nالمصدر: نورث برس"
    )
    ann = _ann(text)
    assert not ann.alert
    # the near miss: the words inside a sentence are the sentence's
    ann = _ann("الحسكة – خاص\n\nدعا الناشط إلى أن يقرأ أيضاً تقرير المنظمة عن سجن غويران.\n\nالمصدر: نورث برس")
    assert ann.alert


def test_ocha_under_the_un_possessive() -> None:
    ann = _ann("The UN's Office for the Coordination of Humanitarian Affairs says 1.7 million people live in camps.")
    assert "actor:ocha" in {a.id for a in ann.actors}
