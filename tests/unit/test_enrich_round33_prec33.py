"""Round 33, helper prec33: alert and facility-mention precision on real reporting (rules 33i, 33j, 33k).

33i: a court's ruling whose clause runs on past commas before `بسجن` and a term soon after the jailed people's names
(`قضت المحكمة المنعقدة في ...، ...، بسجن علاء وجمال لمدة 4 سنوات`), and `سجن المدعى عليه` / `سجن المحكوم عليه` (the
defendant, the convicted): the jailing of people, no prison. 33j: a city's bare name that a camp shares, where the
city holds a camp it does not name ("Jenin is home to a crowded refugee camp", "Tulkarm and its refugee camps"),
where a source sits ("a local source in Tulkarem reported"), or a caption's place after a named camp ("in Nur Shams
refugee camp, Tulkarem, October 20"): the city. 33k: an institute or an academy (and rule 29s's buildings) right
before "in"/`ب` and a district a prison is named after, Tora: where a court sits, no prison.
Own wording; the near-misses keep their facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _ids(text: str) -> set[str | None]:
    return {f.id for f in real_ann(text).facilities}


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def _places(text: str) -> list[str]:
    return [p.surface for p in real_ann(text).places]


# 33i ----------------------------------------------------------------------------------------------------------------

def test_a_ruling_clause_past_commas_then_names_and_a_term_is_no_prison() -> None:
    _none("وقضت محكمة الجنايات المنعقدة في مقرها المؤقت، جنوب العاصمة، بسجن سامر وشقيقه لمدة ست سنوات بتهمة "
          "الاحتيال.")
    _none("وحكمت الدائرة الثالثة، بعد جلسات استمرت شهرين، بسجن رامي ونادر لمدة 3 سنوات مع الشغل.")


def test_the_defendant_after_the_verbal_noun_is_no_prison() -> None:
    _none("وقررت المحكمة، سجن المدعى عليه خمس سنوات تبدأ من تاريخ توقيفه ومنعه من السفر.")
    _none("وتضمن القرار سجن المحكوم عليه عامين إضافيين لعدم سداد الغرامة.")
    # near-misses: no ruling verb and "since", not a term; a return to a prison for a term has no `ب` before the head
    assert _ids("قالت عائلته إنه ما زال محتجزا بسجن الكسرة منذ ثلاث سنوات دون محاكمة.") == {"open:prison:الكسره"}
    assert _ids("قررت المحكمة، بعد المداولة، إعادته إلى سجن الكسرة في الريف لمدة عامين.") == {"open:prison:الكسره"}


# 33j ----------------------------------------------------------------------------------------------------------------

def test_a_city_that_holds_a_camp_it_does_not_name_is_the_city() -> None:
    _none("Jenin is home to a crowded refugee camp whose residents descend from families driven out in 1948.")
    _none("Tulkarm, which is home to two refugee camps, has been raided almost every week since October.")
    _none("Jenin, with its refugee camp, has long been a stronghold of armed groups.")
    _none("The army pulled out of Tulkarm and its refugee camps after a two-day operation.")
    assert "Jenin" in _places("Jenin is home to a crowded refugee camp whose residents descend from families "
                              "driven out in 1948.")


def test_a_source_in_the_city_is_the_city() -> None:
    _none("A local source in Tulkarem said troops had entered the camp before dawn and searched dozens of homes.")


def test_a_caption_city_after_a_named_camp_is_where_it_is() -> None:
    assert _ids("Mourners carry the body of a youth killed in a raid on Nur Shams refugee camp, Tulkarem, "
                "October 20, 2023.") == {"fac:ps-nur-shams-camp"}
    # near-misses: the name called a camp, a list under a plural head, a camp's own head
    assert _ids("Jenin is a concrete and cinder-block refugee camp that houses about 14,000 people.") \
        == {"fac:ps-jenin-camp"}
    assert _ids("UNRWA said the Jenin, Tulkarm and Nour Shams camps were no longer habitable.") \
        == {"fac:ps-jenin-camp", "fac:ps-tulkarm-camp", "fac:ps-nur-shams-camp"}
    assert "fac:ps-tulkarm-camp" in _ids("Troops raided Nur Shams camp, Tulkarm camp and Far'a on Monday.")


# 33k ----------------------------------------------------------------------------------------------------------------

def test_a_court_sitting_at_an_institute_in_tora_is_no_prison() -> None:
    _none("أجلت محكمة جنايات الجيزة المنعقدة بمعهد أمناء الشرطة بطرة محاكمة 45 معتقلا إلى جلسة الشهر المقبل.")
    _none("The retrial of 25 detainees, held at the police institute in Tora, was adjourned to March.")
    # near-misses: time served in Tora is the prison
    assert _ids("He spent four years in Tora before his release.") == {"fac:eg-tora-prison"}
    assert _ids("أمضى المعتقل ثلاث سنوات في طرة قبل الإفراج عنه.") == {"fac:eg-tora-prison"}
