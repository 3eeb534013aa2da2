"""Round-15 classes read from the spent blind split r15 (its errors read once it was scored at the round's end): an
unknown item after a comma in a plural head's list where a new clause begins, a camp "in" a town the text names
(`مخيم بديرك`), Ghwayran prison named with its neighbourhood's word, and a bare name after "near" in the sentence
of a facility named before it (where that facility is). Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


@pytest.mark.parametrize(("text", "expected"), [
    # a new clause after the comma: its subject is no camp of the list
    ("جرفت الأمطار خياماً في مخيمات أطمة وقاح، والدفاع المدني يفتح قنوات التصريف.",
     {"fac:sy-atmeh-camp", "fac:sy-qah-camp"}),
    ("غمرت المياه مخيمات الكرامة وقاح، والهلال الأحمر يوزع البطانيات على العائلات.",
     {"fac:sy-karama-camp-idlib", "fac:sy-qah-camp"}),
    # a list item after a comma that ends the sentence or comes before a place word is still listed
    ("نُقل المعتقلون من سجون صيدنايا وعدرا، وتدمر إلى جهة لم تُعرف.",
     {"fac:sy-sednaya-prison", "fac:sy-adra-prison", "fac:sy-tadmur-prison"}),
])
def test_a_new_clause_after_a_comma_ends_a_plural_heads_list(text: str, expected: set[str]) -> None:
    got = _fac(text)
    assert expected <= got and not any(i.startswith("open:") for i in got)


@pytest.mark.parametrize(("text", "town"), [
    ("في مخيم بديرك تقول نساء من عائلات التنظيم إنهن بدأن حياة أهدأ.", "ديرك"),
    ("يقيم مئات النازحين في مخيم بمنبج منذ سنوات دون خدمات كافية.", "منبج"),
])
def test_a_camp_in_a_named_town_has_no_name(text: str, town: str) -> None:
    a = _ann(text)
    assert not a.facilities and town in {p.surface for p in a.places}


def test_a_camp_whose_name_opens_with_ba_is_still_named() -> None:
    # (no town is named by the letters after the ب)
    assert [f.surface for f in _ann("أغلقت السلطات مخيم بردرش بعد عودة آخر العائلات.").facilities] == ["مخيم بردرش"]


@pytest.mark.parametrize("text", [
    "ألقت الأسايش القبض على سجينين فرّا من سجن حي غويران بعد استعصاء استمر ساعات.",
    "تحدث ذوو المعتقلين عن زيارات ممنوعة في سجن حي الغويران منذ أشهر.",
])
def test_ghwayran_prison_named_with_its_neighbourhoods_word(text: str) -> None:
    assert _fac(text) == {"fac:sy-ghwayran-prison"}


def test_a_neighbourhood_alone_stays_a_place() -> None:
    a = _ann("عاد الهدوء إلى حي غويران في الحسكة بعد ليلة من الاشتباكات.")
    assert not a.facilities and "place:sy-ghwayran" in {p.id for p in a.places}


@pytest.mark.parametrize(("text", "expected"), [
    ("At Mam Rashan, on a bare hillside near Sheikhan, some 1,500 Yazidi families still live in caravans.",
     {"fac:iq-mam-rashan-camp"}),
    ("Families at Sharya camp near Sheikhan said the water had been off for a week.", {"fac:iq-sharya-camp"}),
])
def test_near_a_name_after_a_named_facility_is_where_it_is(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_a_bare_name_near_nothing_named_is_still_read() -> None:
    # no facility named before "near" in the sentence: the rule does not apply
    assert "fac:iq-sheikhan-camp" in _fac("Families left Sheikhan camp on Monday for Sinjar.")


@pytest.mark.parametrize("text", [
    "قُتل العشرات في قصف على معسكرَي زمزم وأبو شوك للنازحين قرب الفاشر.",  # a vowel mark on the dual head
    "وصلت قوافل الإغاثة إلى معسكرَيْ زمزم وأبو شوك حيث يقيم آلاف النازحين.",
])
def test_sudans_dual_camp_head_with_vowel_marks(text: str) -> None:
    names = {f.surface for f in _ann(text).facilities}
    assert {"زمزم", "أبو شوك"} <= names


@pytest.mark.parametrize(("text", "camps"), [
    # training and recruits around the camp, no displaced people: the army's camp
    ("نظّم الجيش السوداني تدريبات في معسكر سركاب شمال أم درمان بحضور مستنفرين جدد.", 0),
    ("احتفل الجيش بتخريج دفعة من المجندين في معسكر جبيت شرقي السودان.", 0),
    # displaced people named: the camp, even with training words around (a training for the camp's volunteers)
    ("نظمت منظمة محلية تدريباً للمتطوعين من النازحين في معسكر كلمة بجنوب دارفور.", 1),
])
def test_sudans_army_camps_are_no_displacement_camps(text: str, camps: int) -> None:
    assert len(_ann(text).facilities) == camps


@pytest.mark.parametrize(("text", "named"), [
    ("Kenya's Dadaab refugee camps brace for ration cuts as donors pull back.", True),
    ("The Dadaab refugee camps brace for ration cuts. Dadaab camp first opened in 1991.", True),
    # a region's or a people's camps, a place's, or the name alone with no country owning it: no one site
    ("Sudan's Darfur refugee camps brace for ration cuts.", False),
    ("Aid to the Sahrawi refugee camps near Tindouf was cut.", False),
    ("Aid to the Idlib refugee camps was cut again this winter.", False),
    # (round 21, rule 26k: Dadaab is now a gazetteer entry, so "The Dadaab refugee camps" names it; an unknown name
    # of one word before "refugee camps" with no country owning it is still no one site)
    ("The Kakuma refugee camps brace for ration cuts.", False),
])
def test_a_countrys_named_complex_of_refugee_camps(text: str, named: bool) -> None:
    got = [f.surface for f in _ann(text).facilities]
    assert bool(got) is named


@pytest.mark.parametrize(("text", "expected"), [
    ("توجهت آخر العائلات نحو محافظات حلب وحمص ودير الزور.", {"adm1:SY-aleppo", "adm1:SY-homs", "adm1:SY-deir-ez-zor"}),
    ("عادت أسر إلى محافظات إدلب، وحماة، والرقة بعد إغلاق المخيم.", {"adm1:SY-idlib", "adm1:SY-hama", "adm1:SY-raqqa"}),
])
def test_a_plural_governorates_word_over_a_list(text: str, expected: set[str]) -> None:
    assert expected <= {p.id for p in _ann(text).places}


def test_a_plural_governorates_word_without_a_list_leaves_a_later_city() -> None:
    ids = {p.id for p in _ann("جال الوفد في محافظات الشمال ثم وصل إلى حلب مساء.").places}
    assert "geonames:170063" in ids and "adm1:SY-aleppo" not in ids


@pytest.mark.parametrize(("text", "acts"), [
    # a force's name before a campaign's word names the campaign, an event: no actor
    ("Families fled Nur Shams camp as the Israeli military operation entered its third week.", False),
    ("The Turkish army offensive on Ras al-Ain displaced thousands to camps near Hasakah.", False),
    # the force itself acting
    ("The Israeli military said it had demolished homes in Nur Shams camp.", True),
    ("Turkish army units shelled villages near Ras al-Ain.", True),
])
def test_a_forces_campaign_is_no_actor(text: str, acts: bool) -> None:
    ids = {a.id for a in _ann(text).actors}
    assert bool(ids & {"actor:israel-gov", "actor:turkey-gov"}) is acts
