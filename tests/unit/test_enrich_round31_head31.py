"""Rule 31c (helper head31, round 31): facilities missed although their surface has a head word, from the residual
errors of earlier rounds — Guantanamo's named camps ("Camp X-Ray", "Camp Iguana", "Camp Delta", "Camp Echo", "Camp
No") with no word of detention near them, the Iraqi bases and the film that share those names, a village's name
written with "Kafr" glued (`سجن كفرجنة`) and a four-letter name before a province (`سجن بيله بولاية لبراكنة`)
(sentences of our own wording, as in tests/data/realworld-head31.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _surfaces(text: str) -> set[str]:
    return {f.surface for f in real_ann(text).facilities}


def _none(text: str) -> None:
    a = real_ann(text)
    assert a.facilities == [] and not a.alert, (text, [f.surface for f in a.facilities])


def test_camp_x_ray_and_camp_iguana_are_guantanamos_camps_without_a_word_of_detention() -> None:
    assert _surfaces("The first shackled arrivals of January 2002 knelt on the gravel inside Camp X-Ray.") \
        == {"Camp X-Ray"}
    assert _surfaces("Camp Iguana, a small fenced compound above the sea, later housed the men cleared for release.") \
        == {"Camp Iguana"}


def test_one_named_camp_makes_the_others_in_its_sentence_detention_camps() -> None:
    assert _surfaces("Camp Delta replaced the temporary pens of Camp X-Ray in 2002 and later grew to include Camp "
                     "Echo and Camp Iguana.") == {"Camp Delta", "Camp X-Ray", "Camp Echo", "Camp Iguana"}
    assert _surfaces("Reporters on the tour were shown Camp 6 and Camp Iguana but were kept away from Camp Echo.") \
        == {"Camp 6", "Camp Iguana", "Camp Echo"}


def test_a_closed_guantanamo_camp_stays_named() -> None:
    assert _surfaces("Vines now cover the plywood huts of Camp X-Ray, which has stood empty since April 2002.") \
        == {"Camp X-Ray"}
    assert _surfaces("Camp X-Ray, shut since 2002, is now overgrown with weeds.") == {"Camp X-Ray"}


def test_camp_echo_and_camp_no_in_a_text_about_detention() -> None:
    assert _surfaces("Lawyers flying in for client visits are driven to Camp Echo, a cluster of huts kept apart "
                     "from the cell blocks.") == {"Camp Echo"}
    assert _surfaces("Camp No, a compound hidden outside the main fence, appears on no map of the detention zone.") \
        == {"Camp No"}


def test_the_iraqi_bases_of_the_same_names_are_no_facilities() -> None:
    _none("US soldiers at Camp Echo outside Diwaniya loaded the last trucks before the base was handed to Iraqi "
          "troops.")
    _none("Polish and Ukrainian units once shared Camp Delta near Kut, a base the US army now plans to "
          "enlarge.")
    _none("02 May: Camp Echo took rocket fire again, the third attack on the Diwaniyah base in a week.")
    _none("The trucks reached Camp Echo after dark, and the convoy commander let his drivers sleep until dawn.")


def test_the_film_and_a_show_are_no_facilities() -> None:
    _none("The drama Camp X-Ray opens in cinemas across Britain on Friday.")
    _none("A reviewer called Camp X-Ray a quiet film about a guard and the detainee she befriends.")
    _none("Camp Delta leader Maya, played by a newcomer, steals every scene of the new summer series.")
    a = real_ann("In Camp X-Ray, which premiered at Sundance, Kristen Stewart plays a guard at Guantanamo Bay.")
    assert "Camp X-Ray" not in {f.surface for f in a.facilities}


def test_a_kafr_village_glued_after_a_head_is_the_name() -> None:
    assert _surfaces("نقل المسلحون الموقوفين من مدينة عفرين إلى سجن كفرجنة، حيث لا يُعرض أحد منهم على قاضٍ.") \
        == {"سجن كفرجنة"}
    assert _surfaces("وصل عشرات المهجّرين إلى مخيم كفرعروق بعد قصف قراهم.") == {"مخيم كفرعروق"}


def test_as_plus_a_word_stays_no_name() -> None:
    _none("لم يحظَ المخيم كغيره من مخيمات الحدود بأي دعم من المنظمات هذا الشتاء.")
    _none("عمل السجن كفرعٍ للمخابرات الجوية قبل سقوط النظام.")
    _none("اعتقل مسلحون ناشطاً من أبناء مدينة كفرنبل أثناء ذهابه إلى عمله.")


def test_a_four_letter_name_before_a_province_and_a_weak_verb_before_a_town() -> None:
    assert _surfaces("أضرب نزلاء سجن بيله بولاية لبراكنة عن الطعام احتجاجاً على رداءة الوجبات.") == {"سجن بيله"}
    _none("عاد الشاب إلى أهله بعد سجن قضاه في مدينة حلب بتهمة التهريب.")
