"""Round 19, camp19 survey (data/README.md rule 25l): refugee camps whose name is also a word or a club's."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_fac_ids

WEHDAT = "fac:jo-wehdat-camp"
BAQAA = "fac:jo-baqaa-camp"
ASKAR = "fac:ps-askar-camp"


@pytest.mark.parametrize(("text", "fid"), [
    # a word-like camp name in a sentence about its refugees and the camp or UNRWA
    ("يسكن الوحدات نحو ستين ألف لاجئ تقدّم لهم الأونروا خدماتها، ويعاني المخيم من ضيق الأزقة.", WEHDAT),
    ("وفي البقعة وزّعت الأونروا على اللاجئين مساكن جاهزة بدل الخيام.", BAQAA),
    ("ازدحم الوحدات بالزوار، وقال لاجئون إن المخيم لم يشهد مثل ذلك منذ سنوات.", WEHDAT),
])
def test_word_camp_in_refugee_sentence(text: str, fid: str) -> None:
    assert fid in real_fac_ids(text)


@pytest.mark.parametrize(("text", "fid"), [
    # the club, a town word, the common noun with its adjective, no refugees at all
    ("تبرّع نادي الوحدات لأسر اللاجئين في المخيم بطرود غذائية.", WEHDAT),
    ("زار وفد من الأونروا منطقة البقعة والتقى لاجئين من المخيم.", BAQAA),
    ("كان المخيم بديلاً عن الوحدات السكنية التي بنتها الأونروا للاجئين.", WEHDAT),
    ("انتشرت الوحدات العسكرية حول المخيم لحماية اللاجئين.", WEHDAT),
    ("فاز الوحدات على الرمثا وتصدّر الدوري.", WEHDAT),
    ("تحوّلت البقعة الترابية أمام المدرسة إلى مكبّ للنفايات.", BAQAA),
    ("رفع لاجئون في المخيم صور ذكرى معركة حطين.", "fac:jo-marka-camp"),
])
def test_word_camp_other_readings(text: str, fid: str) -> None:
    assert fid not in real_fac_ids(text)


def test_plain_named_after_village_is_no_camp() -> None:
    # `سهل عسكر`: the plain, not Askar camp; the camp with its head stays the camp
    assert ASKAR not in real_fac_ids("أُقيم المخيم على أراضٍ زراعية في سهل عسكر عام 1950.")
    assert ASKAR in real_fac_ids("اقتحمت قوة إسرائيلية مخيم عسكر شرق نابلس.")
    assert ASKAR in real_fac_ids("نزحت عائلات إلى المفترق بين مخيمي بلاطة وعسكر.")
