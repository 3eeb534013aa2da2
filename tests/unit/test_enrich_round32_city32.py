"""Rules 32v and 32w (helper city32, round 32): a town's prison or centre named by its head and the town's name.

32v: an Arabic head before a one-word town of a country out of scope that common_words.yaml `country_words` lists
(`مركز احتجاز سبها`, `سجن مصراتة`, `مركز إيواء سبها`) names the prison though the word has a pronoun's or a
participle's shape; a day or a time after a city's prison (`الأسبوع`, `اليوم`, `الخميس`) is no part of its name; a
prison "in" such a town (`سجن بمصراتة`) names none. 32w: such a town's possessive right before a singular English
prison head ("Sabha's detention centre", "Misrata's prison") names the prison; a plural head, a demonym and a known
site's name keep their readings. Own wording; the near-misses keep theirs."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_libyan_town_after_an_arabic_head_names_the_prison() -> None:
    assert [s for s, _ in _facs("يشكو المهاجرون المحتجزون في مركز احتجاز سبها من نقص الغذاء.")] == ["مركز احتجاز سبها"]
    assert [s for s, _ in _facs("فرّ جميع نزلاء سجن سبها بعد تمرد.")] == ["سجن سبها"]
    assert [s for s, _ in _facs("يشتكي مهاجرون في سجن مصراتة من سوء المعاملة.")] == ["سجن مصراتة"]
    assert [s for s, _ in _facs("وصل المهاجرون إلى مركز احتجاز مصراته قبل نقلهم.")] == ["مركز احتجاز مصراته"]
    assert [s for s, _ in _facs("نقل جهاز مكافحة الهجرة المهاجرين إلى مركز إيواء مصراتة.")] == ["مركز إيواء مصراتة"]
    assert [s for s, _ in _facs("مشاهد من داخل مركز ايواء سبها تظهر المهاجرين على الأرض.")] == ["مركز ايواء سبها"]


def test_a_time_word_after_a_city_prison_is_no_part_of_its_name() -> None:
    assert [s for s, _ in _facs("نُقل المهاجرون إلى مركز احتجاز سبها الأسبوع الماضي.")] == ["مركز احتجاز سبها"]
    assert [s for s, _ in _facs("أفرجت السلطات عن نزلاء من سجن زليتن الخميس.")] == ["سجن زليتن"]
    assert [s for s, _ in _facs("نقلت الشرطة المحكومين إلى سجن بنغازي اليوم.")] == ["سجن بنغازي"]
    assert _facs("نُقل محكومون إلى سجن الحلة المركزي الأسبوع الماضي.") == [("سجن الحلة المركزي", "fac:iq-hilla-prison")]
    assert [s for s, _ in _facs("أضرب نزلاء سجن كركوك عن الطعام الخميس.")] == ["سجن كركوك"]
    # a construct of two names keeps its second word
    assert [s for s, _ in _facs("نزح الأهالي إلى مخيم يمامة الغاب.")] == ["مخيم يمامة الغاب"]


def test_a_prison_in_a_libyan_town_names_none() -> None:
    _none("قررت النيابة حبس مدير سجن بمصراتة احتياطياً بعد ثبوت انتهاكات.")
    _none("هرب قرابة مئتي سجين من سجن بسبها.")
    _none("يقبع في أربعة سجون في مدينة مصراتة أكثر من ألفي نزيل.")
    _none("أفرج عن سجناء من سجون مصراتة بعد قضاء نصف محكوميتهم.")
    _none("يعيش المهاجرون في سبها ظروفاً قاسية.")
    # a named prison in the town keeps its own name
    assert [s for s, _ in _facs("أفرج عن خمسين محكوماً في سجن الجوية بمصراتة.")] == ["سجن الجوية"]


def test_an_out_of_scope_towns_possessive_before_a_prison_head() -> None:
    assert [s for s, _ in _facs("Migrants held in Sabha's detention centre say they go hungry.")] == \
        ["Sabha's detention centre"]
    assert [s for s, _ in _facs("Relatives said Misrata's prison still holds men from Tawergha.")] == \
        ["Misrata's prison"]
    assert [s for s, _ in _facs("Inmates escaped after a riot at the city of Sabha's central prison.")] == \
        ["Sabha's central prison"]
    # the town owns a named site: the site alone
    assert [s for s, _ in _facs("Fighting near Benghazi's Kuwaifiya prison forced guards to move inmates.")] == \
        ["Kuwaifiya prison"]


def test_the_possessive_near_misses() -> None:
    _none("A committee said Misrata's prisons now hold fewer than 150 detainees.")
    _none("Dozens of men are being held in a jail in Misrata, a video shows.")
    _none("A Libyan's prison ordeal ended when he was freed.")
    _none("Police in Sabha detained more than 2,000 migrants in raids on Monday.")
    # an in-scope city's possessive keeps the city (rule 29r's city prisons; en-xc003's "Hilla's main prison")
    ann = real_ann("Inmates held in Sidon's prison rioted.")
    assert ann.facilities == [] and [p.surface for p in ann.places] == ["Sidon"]
