"""Round-16 classes read from the spent blind split r16 (its errors read once it was scored at the round's end): a
nisba adjective between an activity camp's name and its activity word, a verb before the word for "name" after a head,
Qah's core as the common word it is glued into (`لقاح`), and people displaced from a town that shares a camp's name.
Every passage is written for this file."""

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
    return {p.id or p.surface for p in _ann(text).places}


@pytest.mark.parametrize(("text", "expected"), [
    # an activity camp with a nisba between its name and its activity word: no site
    ("اختتمت في عمّان فعاليات مخيم الطلبة العربي الصيفي بمشاركة وفود من عشر دول.", set()),
    ("انطلق مخيم الأمل الدولي الكشفي في الزرقاء بمشاركة مئة فتى.", set()),
    # near miss: a nisba with no activity word after it stays a site's name
    ("قصفت طائرات مسيرة مخيم الأمل العشوائي قرب سرمدا.", {"open:camp:الامل"}),
    # a verb before the word for name: "a camp that bore its name" has no name
    ("أقيم قرب البلدة مطلع التسعينيات مخيم حمل اسمها للاجئين القادمين من العراق.", set()),
    ("بُني على أطراف المدينة سجن يحمل اسمها منذ الستينيات.", set()),
    # near miss: a named camp followed by other words
    ("نقلت الحافلات العائلات إلى مخيم الهول شرقي الحسكة.", {"fac:sy-al-hol-camp"}),
])
def test_round16_open_world_stops(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_vaccine_is_no_qah_camp() -> None:
    # `لقاح` "a vaccine" (ل + قاح) in a camp's news is no bare mention of Qah camp
    assert _fac("أطلقت إدارة المخيم حملة لقاح ضد شلل الأطفال تستهدف ألفي طفل.") == set()
    # near misses: the camp with its head, and in a list under a plural head
    assert _fac("قصفت قوات النظام مخيم قاح للنازحين قرب الحدود التركية.") == {"fac:sy-qah-camp"}
    assert _fac("غمرت المياه خياماً في مخيمات أطمة وقاح شمالي إدلب.") == {"fac:sy-atmeh-camp", "fac:sy-qah-camp"}


@pytest.mark.parametrize("text", [
    "نزحت عائلة أم محمد من سري كانيه قبل ثلاث سنوات وما زالت تعيش في خيمة.",
    "Families displaced from Ras al-Ain in 2019 still live in tents near Hasakah.",
])
def test_displaced_from_a_town_is_the_town(text: str) -> None:
    assert _fac(text) == set()
    assert "geonames:165509" in _places(text)


def test_moved_from_a_camp_town_stays_the_camp() -> None:
    # near miss: families moved from al-Hol (not displaced from it) are the camp's
    assert _fac("نُقلت عشرات العائلات من الهول إلى مخيم الجدعة جنوبي الموصل.") >= {"fac:sy-al-hol-camp"}


@pytest.mark.parametrize(("text", "expected"), [
    # a modifier between an English list and its plural head: each listed name is a camp
    ("Troops stormed the Jenin, Tulkarm and Nur Shams refugee camps overnight.",
     {"fac:ps-jenin-camp", "fac:ps-tulkarm-camp", "fac:ps-nur-shams-camp"}),
    ("Raids hit the Jenin, Tulkarm, Askar, and Balata refugee camps this week.",
     {"fac:ps-jenin-camp", "fac:ps-tulkarm-camp", "fac:ps-askar-camp", "fac:ps-balata-camp"}),
    ("Women were moved between the Hol and Roj detention camps.", {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}),
    # near miss: a list of the cities whose camps are meant names no camp
    ("Winter aid reached the Idlib and Aleppo refugee camps late.", set()),
    ("Winter aid reached the Idlib and Aleppo camps late.", set()),
])
def test_round16_english_lists(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_a_page_of_list_headers_is_blanked_whole() -> None:
    # every header line opens a list whose links are the next headers: all of it is blank, each line once (a page
    # of them used to be re-read from every line, quadratic in the lines)
    from services.enrich.boilerplate import blank

    text = "Read more:\n" * 2000 + "Body text about al-Hol camp."
    out = blank(text)
    assert out is not None and len(out) == len(text)
    assert out.endswith("Body text about al-Hol camp.") and not out[: -len("Body text about al-Hol camp.")].strip()
    assert _fac(text) == {"fac:sy-al-hol-camp"}
