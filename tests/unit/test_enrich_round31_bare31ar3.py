"""Rule 31h (helper bare31ar3, round 31): the name people give an unnamed Arabic prison later in its own sentence, in
quotes or brackets, after a verb of naming (`يطلق عليه السكان اسم "..."`, `يسميه المعتقلون «...»`, `يُعرف محلياً
باسم "..."`). Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_unnamed_prison_given_a_name_later_in_its_sentence() -> None:
    ann = real_ann('يحتجز الحوثيون معارضين في سجن غير معلن بمدينة حجة، ويطلق عليه سكان الحي اسم "البيت الأبيض" لطلاء'
                   " جدرانه.")
    assert ann.alert
    assert [f.surface for f in ann.facilities] == ['"البيت الأبيض"']
    assert _facs("تحدث ناجون عن معتقل سري قرب المطار تديره مجموعة مسلحة، يسميه المحتجزون «المقبرة» لشدة ظلمته.") == [
        ("«المقبرة»", "open:prison:المقبره")]
    assert [f.surface for f in real_ann('أقامت الكتيبة سجناً مؤقتاً في مخزن للحبوب يطلق عليه المعتقلون اسم "الثلاجة"'
                                        " لبرودته القاسية.").facilities] == ['"الثلاجة"']


def test_known_as_far_from_the_head() -> None:
    ann = real_ann('كشف ناشطون عن سجن سري تديره جماعة مسلحة في بلدة جبلية نائية، يُعرف محلياً باسم "القصر" ويضم زنازين.')
    assert ann.alert
    assert [f.surface for f in ann.facilities] == ['"القصر"']


def test_naming_verbs_said_of_something_else() -> None:
    for text in ('خرج الرجل من السجن قبل عامين وافتتح مقهى صغيراً يسميه أصدقاؤه "الملجأ".',
                 'زار الوزير سجناً للنساء ثم التقى بفريق رياضي يطلق عليه المشجعون "النسور".',
                 'كتب الأسير المحرر رواية عن حياته بعد السجن، ويطلق عليها النقاد اسم "شهادة جيل".',
                 'يطلق سكان القرية على الوادي القريب اسم "وادي الذئاب" منذ زمن بعيد.',
                 'شيدت البلدية حديقة عامة جديدة يطلق عليها السكان اسم "حديقة الحيوانات" لكثرة الطيور فيها.'):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text


def test_a_named_or_known_prison_keeps_its_name() -> None:
    # a known prison's nickname stays the known prison (the gazetteer's alias), never an open-world site
    text = 'افتتحت الوزارة سجن صيدنايا أمام الزوار، وهو الذي يطلق عليه كثيرون "المسلخ البشري".'
    assert {i for _s, i in _facs(text)} == {"fac:sy-sednaya-prison"}
    # a detainee who speaks, and what they call an ordeal: no prison of that name
    ann = real_ann('وقال معتقل أُفرج عنه إن الحراس يضربون الوافدين في ما يسمونه "حفلة الاستقبال".')
    assert [f.surface for f in ann.facilities] == []
