"""Rule 31a (helper bare31ar, round 31): Arabic lists of camps and prisons whose items stand bare. An item a single
word's shape tests turn away is the list's item where the list frames it (another item after it, or the list's end
right after it); a count of 11 or more before a singular head and "among them" opens a list as a plural head does; a
quoted first item that a town shares its name with is a camp's name, not the camps of a region. Own wording; the
near-misses (a list's closing word, a verb after the list, counts of numbers, generic duals) keep no facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_stop_word_between_two_items_is_an_item() -> None:
    got = _facs("أغرقت الأمطار خيام مخيمات أطمة وقاح والعمر والنور خلال الليل.")
    assert ("قاح", "fac:sy-qah-camp") in got
    assert ("العمر", "open:camp:العمر") in got and ("النور", "open:camp:النور") in got
    got = _facs("اجتاحت السيول مخيمات قاح والعمر والإيمان قرب الحدود.")
    assert [s for s, _ in got] == ["مخيمات قاح", "العمر", "الإيمان"]


def test_a_definite_last_item_with_a_verbs_ending() -> None:
    got = _facs("زار الوفد ثلاثة سجون: الشالا، والهدى، والسكت، وطالب إداراتها بتحسين الطعام.")
    assert [s for s, _ in got] == ["الشالا", "الهدى", "السكت"]


def test_items_of_a_particles_or_prepositions_letter() -> None:
    got = _facs("تنقلت الأسيرات بين سجون الدامون وكرمل وعتليت للأسيرات.")
    assert [s for s, _ in got] == ["سجون الدامون", "كرمل", "عتليت"]
    got = _facs("نقلت السلطات محتجين إلى سجون قزل حصار، ولاكان، ووكيل آباد، وفق منظمة حقوقية.")
    assert [s for s, _ in got] == ["سجون قزل حصار", "لاكان", "وكيل آباد"]
    got = _facs("يُنقل المعتقلون بين سجون منها: النقب، عناتوت، وعوفر العسكري.")
    assert ("عناتوت", "open:prison:عناتوت") in got and ("عوفر", "fac:il-ofer-prison") in got


def test_a_dual_heads_first_item_framed_by_the_second() -> None:
    got = _facs("منعت قوات الدعم السريع الشاحنات من الوصول إلى مخيمي كلمة وعطاش قرب نيالا.")
    assert [s for s, _ in got] == ["كلمة", "عطاش"]
    # a generic dual (of the displaced) names none; a stop word as the first item stays none
    _none("زار المحافظ مخيمي النازحين في أطراف المدينة.")
    _none("زار الوزير مخيمي الشمال والجنوب في المحافظة.")


def test_a_quoted_town_as_a_lists_first_item() -> None:
    got = _facs("لحقت أضرار بالخيام في مخيمات «مورك» و«قاح» شمالي إدلب.")
    assert [s for s, _ in got] == ["مورك", "قاح"]
    # unquoted, the camps of towns are no list of names
    _none("تتوزع المخيمات العشوائية على مدن مثل إعزاز وعفرين والباب.")


def test_a_count_then_among_them() -> None:
    got = _facs("يتوزع الأسرى على نحو 23 سجناً ومعسكراً أبرزها: عوفر، والنقب، والرملة، وعسقلان، ومجدو، وغيرها.")
    assert [i for _, i in got] == ["fac:il-ofer-prison", "fac:il-ktziot-prison", "fac:il-ramla-prison",
                                   "fac:il-ashkelon-prison", "fac:il-megiddo-prison"]
    got = _facs("رصد الفريق 14 مخيماً على الشريط الحدودي، منها باب السلامة وسجو والريان والفرقان.")
    assert [s for s, _ in got] == ["باب السلامة", "سجو", "الريان", "الفرقان"]


def test_counts_that_list_no_names() -> None:
    _none("افتتحت الوزارة 15 سجناً جديداً هي الأكبر في تاريخ البلاد.")
    _none("بلغ عدد السجون في البلاد 42 سجناً، منها ثلاثة مخصصة للنساء.")
    _none("قالت المنظمة إن 11 مخيماً، منها اثنان قرب الحدود، تضررت من العاصفة.")
    _none("يقيم النازحون في نحو 20 مخيماً كبيراً، بينها مخيمات عشوائية.")
    _none("نُقل المحكومون إلى 14 سجناً منها سجون في حلب وحماة.")
    _none("أحصت الوزارة 25 مخيماً منها المخيمات الرسمية وغير الرسمية.")


def test_words_that_close_or_leave_a_list() -> None:
    got = _facs("غمرت المياه مخيمات أطمة وقاح وتضررت عشرات الخيام.")
    assert [s for s, _ in got] == ["مخيمات أطمة", "قاح"]
    got = _facs("زار الوفد سجون صيدنايا وعدرا وغيرها.")
    assert [s for s, _ in got] == ["سجون صيدنايا", "عدرا"]
    got = _facs("زار الوفد سجون صيدنايا وعدرا وكذلك حماة المركزي.")
    assert ("كذلك", None) not in got and all(s != "كذلك" for s, _ in got)
