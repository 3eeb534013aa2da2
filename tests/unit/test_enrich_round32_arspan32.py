"""Rule 32x (helper arspan32, round 32): Arabic facility names opened by a place's common word.

A prison or camp named after a creek, hall, house, lane, palace or square (`سجن خور مكسر`, `سجن قاعة وضاح`, `سجن
بيت شلال`, `معتقل درب مولاي الشريف`, `سجن دار الأحداث`, `سجن ساحة النسور`) was cut after the opener; the opener now
calls for the next word when that word is a name's (no stop word, adjective, descriptor, time word, title or verb's
shape). A participle-shaped second word (`مكسر`, `مومن`) is taken only where the text vouches for it: a town after
`في`/`بـ`, the same pair again, or a definite relative after it. `عين`/`درب` + `علي`/`مولاي` chain one more word
(`سجن عين علي مومن`). Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def test_place_openers_take_the_next_word() -> None:
    cases = {
        "اتهمت منظمة حقوقية الجماعة باحتجاز مدنيين في سجن قاعة وضاح بتعز دون محاكمة.": "سجن قاعة وضاح",
        "روى معتقل سابق أنه قضى عاماً في سجن بيت شلال قبل الإفراج عنه.": "سجن بيت شلال",
        "وقف ضحايا سنوات الرصاص أمام معتقل درب مولاي الشريف بالدار البيضاء.": "معتقل درب مولاي الشريف",
        "نقلت السلطات القاصرين إلى سجن دار الأحداث بعد شجار.": "سجن دار الأحداث",
        "تعرض معتقلون للتعذيب في سجن ساحة النسور ببغداد.": "سجن ساحة النسور",
        "نقل السجناء إلى سجن دار النعيم في نواكشوط.": "سجن دار النعيم",
    }
    for text, want in cases.items():
        assert want in _facs(text), text


def test_participle_second_word_needs_evidence() -> None:
    assert "سجن خور مكسر" in _facs("نقلت قوة أمنية ناشطين إلى سجن خور مكسر في عدن بعد احتجازهم.")
    assert "سجن خور مكسر" in _facs("وصل إلى سجن خور مكسر. وبقي في سجن خور مكسر عاماً.")
    assert "سجن عين علي مومن" in _facs("أعلن سجناء في سجن عين علي مومن بسطات إضراباً عن الطعام.")
    assert "سجن عين علي مومن" in _facs("وأكد مدير سجن عين علي مومن الذي زاره الوفد أن الغرف مكتظة.")
    assert "السجن المحلي عين علي مومن" in _facs("قال المحامي إن موكله في السجن المحلي عين علي مومن بمدينة سطات.")


def test_guards_keep_the_next_word_out() -> None:
    assert _facs("افتتح سجن بيت مخصص للنساء.") == []
    assert "سجن بيت مهجور" not in _facs("نقل إلى سجن بيت مهجور في عدن.")
    assert "سجن دار مغلقة" not in _facs("حول إلى سجن دار مغلقة بتعز.")
    assert "سجن عين علي يضم" not in " ".join(_facs("نقل إلى سجن عين علي يضم مئات."))
    assert "سجن دار أمس" not in _facs("وضع في سجن دار أمس.")
    assert "سجن بيت شلال الجديد" not in _facs("زار وفد حقوقي سجن بيت شلال الجديد.")


def test_no_head_no_facility() -> None:
    for text in ("قال سجين سابق إن زنزانته كانت أشبه ببيت مهجور لا تدخله الشمس.",
                 "يعيش سكان درب مولاي الشريف في الحي المحمدي حياة عادية هذه الأيام.",
                 "وقف المحتجون في ساحة النسور يطالبون بالإفراج عن أبنائهم.",
                 "تتوزع السجون السرية في أحياء بيت بوس ودار سلم وحزيز جنوب العاصمة."):
        assert _facs(text) == [], text


def test_detainee_from_a_village_is_no_facility() -> None:
    # after the singular `معتقل` ("a detainee"), `بيت`/`دار` + word is the village he is from (Beit Rima, Dar Salah)
    assert _facs("قالت عائلة معتقل بيت ريما إنه مضرب عن الطعام.") == []
    assert "معتقل دار صلاح" not in _facs("نقل معتقل دار صلاح إلى المستشفى.")
