"""Rule 30d (helper arrec30, round 30): Arabic alert recall when a definite generic head stands apart from the name,
joined to it by "known as" (`السجن المعروف باسم ...`), and the participles of place or control after a compound head
that are no name (`مركز الاحتجاز الخاضع لسيطرة ...`). Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_definite_head_known_as_a_quoted_known_name() -> None:
    assert _facs('أعاد الحراس عشرات الموقوفين إلى السجن المعروف باسم "الصناعة" بعد الترميم.') == [
        ('"الصناعة"', "fac:sy-ghwayran-prison")]
    assert _facs("وصلت دفعة إلى المعتقل المعروف بـ«البالون» في حماة.") == [("«البالون»", "fac:sy-balouna-prison")]


def test_definite_head_known_as_a_bare_known_name() -> None:
    assert _facs("خرجت قافلة من المخيم الذي يُعرف باسم الهول نحو ريف دير الزور.") == [("الهول", "fac:sy-al-hol-camp")]
    assert _facs("أمضى سنوات في السجن العسكري المعروف باسم صيدنايا.") == [("صيدنايا", "fac:sy-sednaya-prison")]
    assert _facs("أعيد المعتقلون إلى السجن المعروف محلياً باسم غويران.") == [("غويران", "fac:sy-ghwayran-prison")]


def test_definite_head_known_as_an_unknown_quoted_name() -> None:
    ann = real_ann('روى ناجٍ ما رآه في المعتقل المعروف محلياً بـ"دقريس" غرب نيالا.')
    assert ann.alert
    assert [(f.surface, f.id) for f in ann.facilities] == [('"دقريس"', "open:prison:دقريس")]


def test_known_as_without_a_name_or_said_of_a_person() -> None:
    for text in ('اشتكى السجناء من مدير السجن المعروف بـ"أبو علي" لأنه يمنع الزيارات.',
                 "السجن، المعروف أيضاً باسم الإصلاحية، مكان تحتجز فيه الدولة المحكومين.",
                 "لعب الأطفال في المخيم المعروف بكثرة ملاعبه الترابية.",
                 "السجن المعروف باسم عائلته القديمة هدم منذ سنوات.",
                 'بات المعتقل يعرف بـ"غوانتانامو الإمارات" لقسوة ظروفه.'):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text


def test_participles_after_a_compound_head_are_no_name() -> None:
    for text in ("قصفت الطائرات مركز الاحتجاز الخاضع لسيطرة الحوثيين في ذمار.",
                 "نُقل المهاجرون إلى مركز الاحتجاز الموجود قرب المطار.",
                 "أُغلق مركز الاحتجاز الواقع شمال المدينة."):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text


def test_named_heads_next_to_the_new_reading_unchanged() -> None:
    assert _facs("أعادت السلطات السجناء إلى السجن المعروف بسجن الصناعة في الحسكة.") == [
        ("سجن الصناعة", "fac:sy-ghwayran-prison")]
    assert _facs("شهد سجن القبة بطرابلس أعمال شغب.") == [("سجن القبة", "fac:lb-qobbeh-prison")]
