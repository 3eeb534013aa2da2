"""Round 19, place19ar survey (data/README.md rule 25o): place precision and recall in Arabic reporting on camps,
prisons and displacement (sentences written for the tests, in the forms the survey read)."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann


def _places(text: str) -> dict[str, str]:
    """surface -> id of the places the engine reports."""
    return {p.surface: p.id for p in real_ann(text).places}


def _ids(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


# --- a name ending in -ي after a feminine cue is a name, not an adjective agreeing with the cue ---------------

@pytest.mark.parametrize("text", [
    "قال مدير ناحية سنوني إن مئات العائلات رجعت من المخيمات.",
    "تقع ناحية سنوني بين الجبل والحدود السورية.",
])
def test_feminine_cue_masculine_ending_is_a_name(text: str) -> None:
    assert _places(text).get("سنوني") == "open:place:سنوني"


@pytest.mark.parametrize("text", [
    "يعيش النازحون في قرية نائية بلا خدمات.",
    "أقيم المخيم قرب بلدة حدودية مع تركيا.",
    "وصل الوفد إلى ناحية أمنية مغلقة.",
])
def test_feminine_adjective_after_cue_is_no_place(text: str) -> None:
    assert not any(i.startswith("open:place:") for i in _ids(text))


def test_dual_nahiya_cue_reads_both_names() -> None:
    got = _places("استعادت القوات ناحيتي ربيعة وزمار التابعتين لقضاء تلعفر.")
    assert got.get("ربيعة") == "place:iq-rabia"
    assert got.get("زمار") == "open:place:زمار"


# --- plural village cues read their list --------------------------------------------------------------------

def test_plural_village_cue_reads_the_list() -> None:
    got = _places("عبرت الآليات بلدات عتيل ودير الغصون وعلار قبل أن تنسحب.")
    assert {"عتيل", "دير الغصون", "علار"} <= set(got)


def test_plural_village_cue_list_with_known_place() -> None:
    got = _places("نزحت عائلات من قرى طاريا وشمسطار ودورس بعد القصف.")
    assert {"طاريا", "دورس"} <= set(got)
    assert got.get("شمسطار", "").startswith("geonames:")


@pytest.mark.parametrize("text", [
    "هاجم مسلحون قرى عديدة في ريف دير الزور.",
    "عاد الأهالي إلى قرى وبلدات ريف إدلب.",
    "دمرت الغارات قرى بأكملها.",
    "خرجت الآليات غرب قرى الشعراوية، ومرت قرب الجدار.",
])
def test_plural_cue_generic_words_are_no_villages(text: str) -> None:
    got = _places(text)
    assert not any(s in got for s in ("عديدة", "وبلدات", "بأكملها", "ومرت"))


# --- place names written as one word ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "gid"), [
    ("تتكدس خيام النازحين غرب مدينة (خانيونس) جنوب القطاع.", "geonames:281124"),
    ("وصلت عائلات نازحة إلى خانيونس أمس.", "geonames:281124"),
    ("عاد مئات إلى عينالعرب بعد انتهاء المعارك.", "geonames:172256"),
])
def test_joined_prefix_name(text: str, gid: str) -> None:
    assert gid in _ids(text)


# --- spurious places: preposition على, titles, noms de guerre, markets, nisba words --------------------------

def test_ala_before_town_is_the_preposition() -> None:
    assert "geonames:277130" in _ids("تسببت الغارات على بعلبك والهرمل في نزوح واسع.")


def test_given_name_ali_before_family_name_stays_a_person() -> None:
    # `علي` written with its ya before a GeoNames family name: still a person's name
    assert not _ids("قال المزارع علي بعلبك إن أرضه تضررت.") & {"geonames:277130"}


@pytest.mark.parametrize(("text", "gid"), [
    ("قال الطفل نوى الخطيب إنه لم ير والده منذ اعتقاله.", "geonames:166365"),
    ("روت الطالبة نوى العلي قصة نزوح عائلتها.", "geonames:166365"),
])
def test_title_before_geonames_name_is_a_person(text: str, gid: str) -> None:
    assert gid not in _ids(text)


def test_town_after_title_and_preposition_stays() -> None:
    assert "geonames:166365" in _ids("قال الطفل إنه نزح من نوى مع أمه.")


def test_nom_de_guerre_before_town() -> None:
    assert "geonames:172256" not in _ids("طالب المسؤول في السجن جيا كوباني التحالف بالتدخل.")
    assert "geonames:172256" in _ids("عاد النازحون إلى كوباني بعد المعارك.")


def test_market_named_after_town_is_no_place() -> None:
    got = _ids("غطت صور المفقودين مدخل سوق الحميدية في دمشق.")
    assert "geonames:173842" not in got and "geonames:170654" in got


def test_shamiya_word_is_no_iraqi_town() -> None:
    assert "geonames:98629" not in _ids("يقسم الفرات دير الزور إلى خط الشامية وخط الجزيرة.")
    assert "geonames:98629" in _ids("عاد النازحون إلى قضاء الشامية في الديوانية.")


# --- a conjunction and a preposition glued to a place ------------------------------------------------------

def test_glued_conjunction_preposition_is_no_camp_name() -> None:
    text = "في البقاع لكل قرية سورية مخيم: فلمضايا مخيم وللزبداني مخيم ولريف دمشق مخيم."
    assert not any(i.startswith("open:camp:") for i in _facs(text))
    got = _ids(text)
    assert {"geonames:172059", "adm1:SY-rif-dimashq"} <= got


@pytest.mark.parametrize("text", [
    "رسم المخيم حاراته بأسماء قرى الجليل التي هُجّر منها أهله.",
    "تهدد السلطات عشرات العائلات في قرى النقب غير المعترف بها.",
    "قصفت المدفعية بلدة أبو راسين وقرى حولها.",
    "أقيم المخيم لمهجرين من بلدات انتزعتها القوات التركية.",
    "جابت دورية قرى ريف تل تمر الشمالي.",
])
def test_plural_cue_before_region_or_pronoun_is_no_village(text: str) -> None:
    got = _places(text)
    assert not any(s in got for s in ("الجليل", "النقب", "حولها", "انتزعتها", "ريف"))
