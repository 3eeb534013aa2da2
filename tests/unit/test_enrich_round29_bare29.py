"""Rule 29h (helper bare29, round 29): known facilities named bare and the towns of the same name, in both
directions, as real Arabic and English outlets print them (passages of our own wording in
tests/data/realworld-bare29.jsonl; forms from already-used pages are asserted here only)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def _places(text: str) -> list[str]:
    return [p.id for p in real_ann(text).places]


def test_a_front_nearing_a_bare_name_is_the_town() -> None:
    for text in ("دنو المعارك من عين عيسى أجبر العائلات على النزوح.",
                 "فرّ نحو 800 من عائلات عناصر التنظيم الأجانب من القسم الذي كانوا فيه، مستغلين دنو المعارك من عين عيسى "
                 "وانسحاب الحراس.",
                 "مع اقتراب المعارك من عين عيسى، بدأت عملية إجلاء قاطني المخيم.",
                 "مع اقتراب الاشتباكات من الهول فرت عائلات كثيرة.",
                 "As the fighting drew closer to Ain Issa, hundreds of foreign women linked to ISIS broke out of the "
                 "section where they were held.",
                 "Clashes moved closer to Ain Issa on Sunday as Turkish shelling hit villages on the M4 road."):
        assert _facs(text) == [], text
        assert "geonames:172134" in _places(text) or "geonames:173797" in _places(text), text


def test_the_camp_named_with_its_head_keeps_it_near_the_front() -> None:
    assert _facs("مع اقتراب المعارك من مخيم عين عيسى فرت عائلات عناصر التنظيم.") == ["fac:sy-ain-issa-camp"]
    assert _facs("As the fighting drew closer to the Ain Issa camp, guards abandoned their posts.") \
        == ["fac:sy-ain-issa-camp"]


def test_the_outskirts_and_a_quarter_of_the_town() -> None:
    text = "تقدمت القوات نحو مشارف الهول بعد معارك عنيفة مع التنظيم أواخر 2015."
    assert _facs(text) == [] and _places(text) == ["geonames:173797"]
    text = "سمحت الحواجز لنحو 50 عائلة بالعودة إلى منازلها في الحي الغربي من الهول بعد سبعة أشهر من النزوح."
    assert _facs(text) == [] and _places(text) == ["geonames:173797"]


def test_a_quarter_of_a_camp_no_town_shares_stays_the_camp() -> None:
    assert _facs("اندلعت اشتباكات في حي الطوارئ في عين الحلوة.") == ["fac:lb-ain-al-hilweh-camp"]


def test_a_person_hailing_from_the_name_is_from_the_town() -> None:
    text = "قال الناشط المنحدر من الهول إن الحواجز منعت عودة العائلات."
    assert _facs(text) == [] and _places(text) == ["geonames:173797"]


def test_an_inmate_with_a_nationality_before_in_is_the_prison() -> None:
    assert _facs("وفاة سجين سوري في رومية يُرجَّح أنها ناتجة عن إهمال طبي") == ["fac:lb-roumieh-prison"]
    assert _facs("أضرب معتقلون فلسطينيون في رومية عن الطعام.") == ["fac:lb-roumieh-prison"]
    assert _facs("وفاة سجين في رومية") == ["fac:lb-roumieh-prison"]


def test_superlatives_over_a_country_s_prisons_in_apposition() -> None:
    text = "Roumieh, the oldest and biggest of Lebanon's crowded jails, has seen repeated breakouts and riots."
    assert _facs(text) == ["fac:lb-roumieh-prison"]
    assert _facs("Roumieh, the largest of Lebanon's prisons, is overcrowded.") == ["fac:lb-roumieh-prison"]
    # a town's word in the apposition stays the town
    assert _facs("Ain Issa, the largest of the region's towns, was shelled.") == []


def test_near_misses_stay_as_they_were() -> None:
    # a front is no transfer: families moved out of the camp keep it
    assert _facs("غادرت 170 عائلة عراقية الهول مطلع الشهر باتجاه الأراضي العراقية.") == ["fac:sy-al-hol-camp"]
    assert _facs("Some 122 inmates in Roumieh began a hunger strike on Friday night.") == ["fac:lb-roumieh-prison"]
    assert _facs("Heavy fighting near Ayn Issa on Friday left at least three militants dead.") == []
    assert _facs("بعد هجوم لداعش على الشدادي: استنفار أمني وتوتر في المدينة") == []
