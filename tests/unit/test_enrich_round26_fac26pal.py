"""Round 26, fac26pal (README rule 28j): forms read in Arabic reports on the Palestinian refugee camps of Jordan,
Lebanon, Syria, the West Bank and Gaza and on Israel's prisons and detention centres. The sentences are written for
these tests; each positive test fails on the round's base engine, each negative pins a reading that must stay."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_actor_ids, real_ann, real_fac_ids, real_place_ids

D = date(2025, 6, 1)
JERASH = "fac:jo-jerash-camp"


def test_jerash_camp_by_its_other_name_gaza_camp_where_jordan_is_named() -> None:
    assert real_fac_ids("تشكو عائلات مخيم غزة في محافظة جرش من انقطاع المياه منذ أسبوع.", D) == {JERASH}
    assert real_fac_ids("لا يحمل معظم سكان مخيم غزة في الأردن أرقاماً وطنية.", D) == {JERASH}
    assert real_fac_ids("Women in the Gaza camp near Jerash sew for a small cooperative.", D) == {JERASH}


def test_jerash_camp_named_first_then_known_as_gaza_camp_is_one_camp() -> None:
    assert real_fac_ids("أقيم مخيم جرش، والمعروف محلياً باسم مخيم غزة، عام 1968 للنازحين.", D) == {JERASH}
    text = "تأسس مخيم جرش عام 1968 قرب المدينة الأثرية.\nويطلق عليه السكان اسماً آخر، فهو عندهم مخيّم غزة."
    assert real_fac_ids(text, D) == {JERASH}


def test_a_camp_in_gaza_stays_no_jerash_camp() -> None:
    # no place in Jordan in the sentence: the head and Gaza are a camp in Gaza (open world), never Jerash's
    ids = real_fac_ids("قصفت الطائرات خياماً في مخيم غزة للنازحين قرب الشاطئ.", D)
    assert JERASH not in ids
    ann = real_ann("An Israeli strike on a Gaza refugee camp killed ten; Jordan condemned it.", D)
    assert not ann.facilities
    assert "country:JO" in {p.id for p in ann.places}


def test_an_unknown_camps_other_name_in_brackets_or_a_heading_is_one_camp() -> None:
    text = "يقع مخيم حمص (والذي يعرف أيضاً باسم مخيم العائدين) قرب جامعة البعث."
    assert [f.id for f in real_ann(text, D).facilities] == ["open:camp:حمص"]
    text = "مخيم الرمل / مخيم العائدين\nمخيم غير رسمي على شاطئ اللاذقية."
    assert len(real_ann(text, D).facilities) == 1
    # two known prisons after a slash in a sentence stay two
    assert real_fac_ids("نقل المعتقلون من سجن صيدنايا / سجن عدرا إلى دمشق.", D) \
        == {"fac:sy-sednaya-prison", "fac:sy-adra-prison"}


def test_a_second_head_word_joined_by_and_before_an_unknown_name() -> None:
    ann = real_ann("نُقل الأسير إلى مركز توقيف وتحقيق حوارة جنوب نابلس.", D)
    assert [f.id for f in ann.facilities] == ["open:prison:حواره"]
    # a known name after the joined heads was read already
    assert real_fac_ids("سُجّل تفشي المرض في مركز تحقيق وتوقيف عسقلان.", D) == {"fac:il-ashkelon-prison"}


def test_a_checkpoint_or_a_hill_named_like_a_camp_is_no_camp() -> None:
    ann = real_ann("يعد الحاجز العسكري المسمى حاجز قلنديا مصيدة للعابرين بين الضفة الغربية والقدس.", D)
    assert not ann.alert
    ann = real_ann("يحد المخيم من الشمال تلة مار الياس ومن الجنوب تلة سيروب قرب صيدا.", D)
    assert "fac:lb-mar-elias-camp" not in {f.id for f in ann.facilities}
    # the camp with its head keeps its name
    assert real_fac_ids("اقتحمت القوات مخيم قلنديا شمال القدس فجراً.", D) == {"fac:ps-qalandia-camp"}


def test_a_governorate_named_by_its_seat_town_is_the_place() -> None:
    places = real_place_ids("اعتقل الجيش خمسة شبان من محافظة جنين وثلاثة من محافظة طولكرم.", D)
    assert {"geonames:283506", "geonames:281577"} <= places
    assert "geonames:248875" in real_place_ids("فاضت الأودية في محافظة جرش أمس.", D)
    # a village that bears an out-of-scope governorate's name stays no place (rule 18)
    assert not real_place_ids("وقعت الحادثة في محافظة الجيزة المصرية.", D)


def test_words_read_as_places_and_the_shin_bet_without_its_article() -> None:
    assert not real_place_ids("وتجدر الإشارة إلى أن المعتقلين المحررين نقلوا إلى المستشفى.", D)
    assert real_place_ids("فرّت العائلات بحثاً عن الأمان في مدينة درعا.", D) == {"geonames:170905"}
    assert "geonames:2538475" not in real_place_ids("سقطت قذيفة قرب كلية الرباط في مواصي خان يونس.", D)
    ann = real_ann("يديره جهاز «شين بيت» والشرطة في القدس الغربية.", D)
    assert "actor:israel-gov" in {a.id for a in ann.actors}
    assert "geonames:164261" not in {p.id for p in ann.places}
    assert not real_fac_ids("أقيم المخيم كمخيم طوارئ عام 1968 على أرض زراعية.", D)
    # Amman and Rabat by their own names stay the capitals
    assert real_place_ids("وصل الوفد إلى عمّان ثم إلى الرباط.", D) >= {"geonames:250441", "geonames:2538475"}


def test_negatives_that_stay() -> None:
    # Ofer's military court is no prison (rule 15); a club named Wehdat is no camp (rule 25l)
    assert not real_ann("مددت محكمة عوفر العسكرية اعتقال القيادي أسبوعاً.", D).alert
    assert not real_fac_ids("توافد المشجعون لتشجيع نادي الوحدات في مباراته الودية.", D)
    assert "actor:israel-gov" in real_actor_ids("أغلقت قوات الاحتلال حاجز شعفاط العسكري.", D)
