"""Round 21, list21ar survey (data/README.md rule 26n): unknown villages named in a list with the places the
gazetteer knows are open-world places; the list's words, people, organisations, facilities and clauses are not.
Sentences of our own, none from the survey's passages."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def open_names(gaz, text: str) -> set[str]:
    return {p.surface for p in enrich(text, gaz, lang="ar").places if p.id.startswith("open:")}


def test_comma_list_with_two_known_towns(gaz):
    # سملين is unknown to the gazetteer; طفس, الشيخ مسكين and بصرى الشام are GeoNames towns
    assert "سملين" in open_names(gaz, "سقطت القذائف على طفس، سملين، الشيخ مسكين وبصرى الشام.")


def test_waw_list_after_a_plural_cue_with_one_known_town(gaz):
    # `نواحٍ هي`: the list of a district's subdistricts; العباسي is known, الزاب is not; المركز is "the centre"
    got = open_names(gaz, "يتبع القضاء أربع نواحٍ هي المركز والزاب والرياض والعباسي.")
    assert "الزاب" in got
    assert "المركز" not in got


def test_prefixed_name_after_one_known_town(gaz):
    assert "تل شاميرام" in open_names(gaz, "زارت اللجنة القامشلي وتل شاميرام.")


def test_guard_given_name_in_a_list(gaz):
    assert open_names(gaz, "زار الوفد حلب وإدلب ومحمد، ثم عاد.") == set()


def test_guard_organisation_and_ministry_in_a_list(gaz):
    assert open_names(gaz, "شارك في الاجتماع ممثلون عن حلب وحمص والهلال الأحمر ووزارة الصحة.") == set()


def test_guard_clause_after_comma_and_waw(gaz):
    # a comma and و after a list joined by و opens a clause: `وانسحبت` is no village
    assert open_names(gaz, "قصفت المدفعية طفس والشيخ مسكين ونوى، وانسحبت.") == set()


def test_guard_one_known_town_and_a_bare_word(gaz):
    # one known place, no cue, no village prefix: the word after it is not read
    assert open_names(gaz, "نقلت الشاحنات الطحين من القامشلي والسكر إلى الأسواق.") == set()


def test_guard_regions_beyond_scope(gaz):
    assert open_names(gaz, "درّب التنظيم مقاتليه في الرقة والطبقة والقوقاز والحجاز.") == set()


def test_guard_governorates_plural_heads_and_springs(gaz):
    # a governorate's name is no village; `قرى X` names a region's villages; a spring named after a town is a spring
    assert open_names(gaz, "توجهت العائلات إلى محافظات حمص ودمشق ودير الزور، برفقة الهلال.") == set()
    assert open_names(gaz, "ينحدرون من صفد وعكا وحيفا وقرى الجليل.") == set()
    assert open_names(gaz, "تحيط بالبلدة ينابيع مثل نبع الهول وعين الغزلان والبحرة الكبيرة.") == set()


def test_only_stretches_with_a_known_place_and_a_joint_are_read(gaz):
    # the lead's speed cut: the words of a stretch between hard breaks are read only where it holds a known place and
    # a joint (a comma, a space before و); the list after a full stop and a quote is read as before
    from services.enrich.places import _list_segments

    text = "قال مراسلنا. «سقطت القذائف على طفس، سملين، الشيخ مسكين وبصرى الشام» ثم هدأ القصف"
    a = text.index("طفس")
    segs = _list_segments(text, [(a, a + 3)])
    assert len(segs) == 1 and segs[0][0] <= a < segs[0][1] and "قال" not in text[segs[0][0] : segs[0][1]]
    assert _list_segments("وصل الوفد إلى درعا صباحا", [(13, 17)]) == []  # one member: no joint
    assert "سملين" in open_names(gaz, text)
