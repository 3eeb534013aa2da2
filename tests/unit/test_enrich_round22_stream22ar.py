"""Round 22, stream22ar survey (data/README.md rule 26s): the general Arabic news stream — strikes on Idlib,
Deir ez-Zor's tribal clashes, Turkey in the north, Damascus and the Kurds, south Lebanon, Aleppo's displaced, UN
aid, Suwayda, Anbar, Kirkuk, Daraa — where most texts name no prison or camp. Words equal to towns, directions
after a plural cue, an area's word before a camp's bare name, the feminine nisba before `سورية`, Iraq's Jazira and
Badia command, the Turkey-backed factions' names, a state's backing, and more forms of a country acting.
Sentences of our own, none from the survey's passages."""

from __future__ import annotations

from datetime import datetime

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def run(gaz, text: str, day: str = "2025-06-01"):
    return enrich(text, gaz, lang="ar", published_at=datetime.fromisoformat(day))


def places(gaz, text: str, day: str = "2025-06-01") -> set[str]:
    return {p.id for p in run(gaz, text, day).places}


def actors(gaz, text: str, day: str = "2025-06-01") -> set[str]:
    return {a.id for a in run(gaz, text, day).actors}


KASSAB = "geonames:168519"
HOMS = "geonames:169577"
SYRIA = "country:SY"


def test_words_equal_to_towns_stay_words(gaz) -> None:
    assert KASSAB not in places(gaz, "يحاول المجلس الجديد كسب ثقة الشارع قبل الانتخابات.")
    assert KASSAB in places(gaz, "عبرت الشاحنات إلى بلدة كسب عند الحدود.")
    assert HOMS not in places(gaz, "تشتهر سهول المنطقة بزراعة القمح والحمص والعدس.")
    assert HOMS in places(gaz, "وصلت القافلة إلى حمص مساء أمس.")


def test_a_direction_after_a_plural_cue_is_no_village(gaz) -> None:
    got = places(gaz, "سيّرت القوات دوريات في بلدات شرقي الرقة بعد الهجوم.")
    assert not any(p.startswith("open:place:") for p in got)


def test_an_area_word_before_a_camp_name_is_the_area(gaz) -> None:
    r = run(gaz, "ويتكدس آلاف النازحين في مناطق باب السلامة واعزاز قرب الحدود.")
    assert not r.facilities
    r = run(gaz, "ويعيش آلاف النازحين في مخيم باب السلامة قرب الحدود.")
    assert {f.id for f in r.facilities} == {"fac:sy-bab-al-salama-camp"}


def test_syria_after_a_feminine_nisba_or_a_broken_plural_is_the_adjective(gaz) -> None:
    assert SYRIA not in places(gaz, "أصدرت أحزاب كردية سورية بياناً مشتركاً.")
    assert SYRIA not in places(gaz, "يتحدر المغني من أصول سورية وعاش في كندا.")
    assert SYRIA in places(gaz, "عاد آلاف اللاجئين إلى سورية هذا العام.")


def test_the_jazira_and_badia_command_is_iraqs_forces(gaz) -> None:
    r = run(gaz, "أطلقت قيادة عمليات الجزيرة والبادية حملة دهم في مناطق غربي الأنبار.")
    assert "actor:iraqi-security-forces" in {a.id for a in r.actors}
    assert "place:sy-badia" not in {p.id for p in r.places}


def test_the_turkey_backed_factions_by_their_names(gaz) -> None:
    got = actors(gaz, "تبادل الجيش السوري الحر الموالي لأنقرة القصف مع قسد قرب منبج.", "2021-05-01")
    assert "actor:sna" in got and "actor:fsa" not in got
    assert "actor:sna" in actors(gaz, "وقعت اشتباكات بين الفصائل التابعة لتركيا في عفرين.", "2021-05-01")
    assert "actor:ypg" in actors(gaz, "استهدفت المدفعية مواقع (ي بي جي) قرب تل رفعت.", "2021-05-01")


def test_a_states_backing_by_its_nisba(gaz) -> None:
    assert "actor:russia" in actors(gaz, "تقدمت القوات الحكومية بدعم روسي على محاور ريف حماة.", "2019-06-01")


def test_more_forms_of_a_country_acting(gaz) -> None:
    assert "actor:turkey-gov" in actors(gaz, "وكانت تركيا قد هددت مراراً بعملية برية جديدة.")
    assert "actor:iraq-gov" in actors(gaz, "وأكد مسؤول أن بغداد أبرمت عقداً مع شركة أجنبية.")
    got = actors(gaz, "تصاعد التوتر بين عمّان ودمشق بسبب التهريب عبر الحدود.")
    assert {"actor:jordan-gov", "actor:syria-transitional-gov"} <= got
    assert "actor:iran" in actors(gaz, "لم تبدّل إيران موقفها من الملف رغم الضغوط.")
    # a country only located stays a place
    assert "actor:turkey-gov" not in actors(gaz, "يعيش آلاف السوريين في تركيا منذ سنوات.")


def test_the_regimes_warplanes_with_their_adjective(gaz) -> None:
    assert "actor:assad-regime" in actors(gaz, "قصف طيران النظام الحربي بلدات في ريف إدلب الجنوبي.", "2019-05-01")
