"""Round 26, actor26b: a state body "in" its capital or country, a dateline with no dash, the YPG with the Kurdish
nisba, a name glued to its quotes, an NGO's last word one letter off, the fallen regime's word outside the quotes
(data/README.md rule 28r).

Sentences written for the tests (none copied from a source), each after a form the round's surveys read.
"""

from datetime import date

import pytest

from services.enrich.normalize import TOKEN_RE
from tests.unit.enrich_support import real_actor_ids, real_ann, real_place_ids

TODAY = date(2025, 11, 1)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


# ---- (a) a state body "in" its capital or country, with an adjective of its time or make-up

@pytest.mark.parametrize(("text", "aid"), [
    ("قالت الحكومة الجديدة في دمشق إنها أفرجت عن موقوفين.", "actor:syria-transitional-gov"),
    ("أكدت السلطات الانتقالية في سوريا أنها تسلمت القوائم.", "actor:syria-transitional-gov"),
    ("قالت حكومة تصريف الأعمال في سوريا إنها ستسلم السلطة.", "actor:syria-transitional-gov"),
    ("أعلنت السلطات في بغداد تسلم دفعة من العائلات.", "actor:iraq-gov"),
    ("قررت الحكومة في أنقرة تمديد العملية.", "actor:turkey-gov"),
])
def test_state_body_in_its_capital(text: str, aid: str) -> None:
    assert aid in _ids(text)


def test_state_body_in_capital_before_the_fall() -> None:
    assert "actor:assad-regime" in _ids("قالت الحكومة المركزية في دمشق إنها رفضت الطلب.", date(2023, 5, 1))


@pytest.mark.parametrize("text", [
    "أغلقت سفارة ألمانيا في دمشق أبوابها يوماً واحداً.",
    "عقد مؤتمر في بغداد لبحث ملف النازحين.",
    "تحدث مراسلنا الجديد في دمشق عن الأسعار.",
])
def test_not_a_state_body_in_its_capital(text: str) -> None:
    got = _ids(text)
    assert "actor:syria-transitional-gov" not in got and "actor:iraq-gov" not in got


# ---- (b) a dateline's city with no dash: a feminine name before a masculine verb is no subject

def test_dateline_without_dash_before_a_masculine_verb() -> None:
    text = "بيروت أعلن برنامج الأغذية العالمي تقليص المساعدات."
    assert _ids(text) == {"actor:wfp"}
    assert "geonames:276781" in real_place_ids(text, TODAY)


@pytest.mark.parametrize(("text", "aid"), [
    ("أنقرة تقصف مواقع في ريف الحسكة.", "actor:turkey-gov"),  # a feminine verb: the capital acts
    ("العراق يرفض تسلم المزيد من المحتجزين.", "actor:iraq-gov"),  # a masculine country, a masculine verb
    ("دمشق تعلن فتح المعبر.", "actor:syria-transitional-gov"),
])
def test_name_before_an_agreeing_verb_still_acts(text: str, aid: str) -> None:
    assert aid in _ids(text)


# ---- (c) the YPG and the YPJ with the Kurdish nisba after their names

@pytest.mark.parametrize(("text", "aid"), [
    ("قصفت وحدات حماية الشعب الكردية مواقع في ريف حلب.", "actor:ypg"),
    ("قال مسؤول في وحدات حماية الشعب الكردي إن القصف مستمر.", "actor:ypg"),
    ("انتشرت وحدات حماية المرأة الكردية في الشيخ مقصود.", "actor:ypj"),
])
def test_kurdish_nisba_keeps_the_group(text: str, aid: str) -> None:
    got = _ids(text)
    assert aid in got
    assert "actor:aanes" not in got


def test_kurdish_nisba_still_names_the_kurdish_body() -> None:
    assert "actor:aanes" in _ids("قالت السلطات الكردية في شمال شرق سوريا إنها أفرجت عن موقوفين.")


# ---- (d) a name glued to its quotes

@pytest.mark.parametrize("text", [
    "أعدم تنظيم’داعش’ ثلاثة رعاة في البادية.",
    "أعدم تنظيم'داعش' ثلاثة رعاة في البادية.",
    "أعدم تنظيم‘داعش’ ثلاثة رعاة في البادية.",
    "تبنى تنظيم\"داعش\" الهجوم.",
    "هاجم «داعش»الإرهابي حاجزاً في البادية.",
])
def test_name_glued_to_quotes(text: str) -> None:
    assert "actor:isis" in _ids(text)


def test_apostrophe_still_joins_latin_words() -> None:
    assert [m.group() for m in TOKEN_RE.finditer("Sina’a O'Brien تنظيم’داعش’")] == \
        ["Sina’a", "O'Brien", "تنظيم", "داعش"]


# ---- (e) an NGO's last word one letter off

@pytest.mark.parametrize("text", [
    "قالت منظمة هيومان رايتس وواتش إن معتقلين تعرضوا للتعذيب.",
    "قالت هيومن رايتس واتش إن معتقلين تعرضوا للتعذيب.",
])
def test_ngo_last_word_one_letter_off(text: str) -> None:
    assert "actor:hrw" in _ids(text)


@pytest.mark.parametrize("text", [
    "نشرت منظمة هيومن رايتس فيرست تقريراً عن المحتجزين.",  # another organisation, no actor of its own
    "قالت هيومن رايتس إن التقرير سيصدر قريباً.",  # the last word missing
])
def test_not_the_ngo(text: str) -> None:
    assert "actor:hrw" not in _ids(text)


# ---- (f) the fallen regime's word outside the quotes

@pytest.mark.parametrize("text", [
    'لاحقت قوات الأمن العام "فلول النظام" المخلوع في ريف اللاذقية.',
    "لاحقت قوات الأمن العام «فلول النظام» البائد في ريف اللاذقية.",
])
def test_fallen_regime_word_outside_quotes(text: str) -> None:
    assert "actor:assad-regime" in _ids(text)


@pytest.mark.parametrize("text", [
    'قال مسؤول إن «فلول النظام» يتحصنون في الجبال، وإن "النظام الجديد" لن يتهاون معهم.',
    'نشرت "حركة حماس" الفلسطينية بياناً.',
])
def test_no_fallen_regime_without_its_word(text: str) -> None:
    assert "actor:assad-regime" not in _ids(text)


def test_former_regime_in_iraq_stays_saddams() -> None:
    text = 'طالب أهالي بغداد بمحاسبة "أزلام النظام" السابق في الأنبار والموصل.'
    assert "actor:assad-regime" not in _ids(text)


def test_surface_spans_the_mark() -> None:
    ann = real_ann('لاحقت قوات الأمن العام "فلول النظام" المخلوع في ريف اللاذقية.', TODAY)
    assert any(a.id == "actor:assad-regime" and a.surface.endswith("المخلوع") for a in ann.actors)


def test_state_body_after_lam_lam() -> None:
    text = "خرج متظاهرون يطالبون بتسليم المدينة للحكومة الجديدة في دمشق."
    ann = real_ann(text, date(2024, 12, 14))
    assert any(a.id == "actor:syria-transitional-gov" and a.surface == "حكومة الجديدة" for a in ann.actors)
