"""Round-17 bare17 survey: a known facility named bare, with no head word, in security sweeps and raids, escapes,
annexes and towns of the same name (README rule 24g). Every passage is written for this file."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id or p.surface for p in _ann(text).places}


HOL = "fac:sy-al-hol-camp"


@pytest.mark.parametrize("text", [
    # a security campaign's words weigh for the camp: an operation, a raid, "inside"
    "The SDF began a fresh operation inside al-Hol on Saturday, backed by the coalition.",
    "نفذت الأسايش حملة مداهمات في الهول أوقفت خلالها تسعة أشخاص.",
    "أطلقت قسد عملية أمنية داخل الهول بدعم جوي من التحالف.",
])
def test_sweep_words_make_the_camp(text: str) -> None:
    assert HOL in _fac(text)


@pytest.mark.parametrize("text", [
    # near misses: the town's own words win over the campaign's
    "The SDF began an operation inside the town of al-Hol, arresting a weapons dealer.",
    "نفذت الأسايش حملة مداهمات في بلدة الهول أوقفت خلالها تاجر سلاح.",
    # one word of a sweep alone decides nothing: the town
    "Trucks drove through al-Hol on their way to the border.",
])
def test_town_words_keep_the_town(text: str) -> None:
    ann = _ann(text)
    assert not ann.alert
    assert "geonames:173797" in {p.id for p in ann.places}


def test_definite_escape_noun_makes_the_prison() -> None:
    assert "fac:sy-sednaya-prison" in _fac("نجح في الفرار من صيدنايا بعد أشهر من التعذيب.")
    assert "fac:sy-sednaya-prison" in _fac("خرج من صيدنايا بعد تسعة أعوام من الاعتقال.")


def test_arabic_given_name_before_a_core_is_a_person() -> None:
    assert not _ann("أُفرج عن الصحفي محمد الشدادي بعد أسبوع من توقيفه.").alert
    # near miss: the prison's name after a preposition stays the prison
    assert "fac:sy-shaddadi-prison" in _fac("فرّ عشرات السجناء من سجن الشدادي ليلاً.")


def test_annex_of_the_camp_is_the_annex() -> None:
    assert _fac("Some 5,000 foreign women live in the annex of al-Hol, guarded by the Asayish.") \
        == {"fac:sy-al-hol-annex"}
    assert _fac("A sweep of al-Hol's foreign annex began before dawn.") == {"fac:sy-al-hol-annex"}
    # near miss: an annex of something else names no facility
    assert not _ann("The annex of the town hall in Qamishli reopened.").alert


def test_sentence_that_goes_on_to_the_town() -> None:
    text = "Army units entered Shaddadi after the jail fell and searched the town for escaped detainees."
    assert not _ann(text).alert
    assert "geonames:172837" in _places(text)
    # near miss: inmates in the prison, with the city named later in the sentence, stay the prison's
    assert "fac:sy-tadmur-prison" in _fac("Inmates in Tadmur were beaten every day, people of the city recall.")


def test_glued_abu_ghraib_is_the_prison_and_a_dated_dateline_the_town() -> None:
    assert "fac:iq-abu-ghraib-prison" in _fac("قال معتقلون سابقون في أبوغريب إنهم ما زالوا يعانون من الكوابيس.")
    # near miss: a place, a comma and a numeric day open a dateline: the town the reporter files from
    text = "العراق. ابوغريب، 14/5، وكالات – سجن أبوغريب: أعلنت السلطات فرار عشرات السجناء."
    assert "geonames:100077" in _places(text)
    assert {f.surface for f in _ann(text).facilities} == {"سجن أبوغريب"}


def test_brought_home_from_a_camp_and_a_camp_section() -> None:
    assert HOL in _fac("Kazakhstan brought home 90 women and children from al-Hol last week.")
    assert HOL in _fac("A raid on al-Hol's foreign section turned up two pistols.")
    # near miss: soldiers brought back from a town with no camp's name
    assert not _ann("The army brought back two soldiers from Shaddadi.").alert


def test_camp_head_in_another_clause_does_not_make_the_town() -> None:
    text = ("مشطت قوى الأمن الداخلي القطاع الرابع من المخيم، وقالت إنها عثرت على نفق، ضمن المرحلة الثالثة من "
            "عملية «الأمن» في الهول.")
    assert HOL in _fac(text)
    # near miss: where the camp lies or was set up, whatever the commas between, is the town
    for text in ("يقع المخيم، الذي أنشئ عام 1991، في الهول شرقي الحسكة.",
                 "The camp, built in 1991, lies in al-Hol, east of Hasakah."):
        assert not _ann(text).alert


def test_years_in_a_name_then_a_return_and_walls() -> None:
    assert "fac:sy-sednaya-prison" in _fac("بعد عشرة أعوام في صيدنايا.. رجل يعود إلى أمه في درعا")
    assert HOL in _fac("بعد سنوات في الهول، عادت عائلة أبو خالد إلى بيتها في الميادين.")
    assert "fac:sy-sednaya-prison" in _fac("بين جدران صيدنايا أمضى والدي سبع سنوات.")
    # near miss: years in a town with no return or release after them stay the town
    assert not _ann("بعد سنتين في الشدادي انتقلت العائلة إلى الحسكة.").alert


def test_an_attack_to_free_the_inmates_is_on_the_prison() -> None:
    assert "fac:sy-ghwayran-prison" in _fac("In 2022 IS fighters stormed Ghwayran to free their comrades.")
    assert "fac:sy-ghwayran-prison" in _fac("هاجم عناصر التنظيم غويران لتحرير رفاقهم عام 2022.")
    # near miss: one attack word on a town with a prison stays the town
    assert not _ann("Turkish drones attacked Derik on Sunday.").alert
