"""Round 27, fac27arw (README rule 28v): forms read in Arabic reporting on the region's prisons, security branches and
camps (Syria, Lebanon, Jordan, Palestine, Iraq, Egypt, Libya, the Gulf, Morocco, Chad). The sentences are written for
these tests; each positive test fails on the round's base engine (3c455d3) unless it says it guards a reading."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids

D13 = date(2013, 10, 1)
D21 = date(2021, 11, 5)
D25 = date(2025, 3, 1)


def _open_ids(text: str, when: date = D25) -> list[str]:
    return [f.id for f in real_ann(text, when).facilities]


# --- an unknown site the text says is gone --------------------------------------------------------------------------

def test_an_unknown_prison_of_which_only_walls_are_left_is_no_site() -> None:
    ann = real_ann("يتذكر أسرى سجناً قديماً عُرف بسجن غزة المركزي، لم يبق منه اليوم سوى جدران متصدعة.", D13)
    assert not ann.alert and ann.facilities == []
    ann = real_ann("كان في المدينة سجن يعرف بسجن السرايا ولم يبقى منه سوى بعض الزنازين.", D13)
    assert not ann.alert


def test_an_abandoned_unknown_prison_is_no_site() -> None:
    ann = real_ann("لجأت عائلات نازحة إلى سجن «أصداء» المهجور شرق خان يونس.", date(2024, 7, 27))
    assert not ann.alert and ann.facilities == []


def test_an_unknown_prison_before_its_destruction_or_closure_is_no_site() -> None:
    assert not real_ann("بقي معتقل الخيام، قبل تدميره في حرب 2006، شاهداً على معاناة الأسرى.", D13).alert
    assert real_fac_ids("كان سجن المحطة في عمان من أشهر السجون قبل إغلاقه، وتلاه سجن الجفر.", D13) \
        == {"fac:jo-jafr-prison"}


def test_an_unknown_prison_the_text_calls_a_former_one_is_no_site() -> None:
    # (a guard for the reading of the long name below: the base read no such name at all)
    assert not real_ann("سجن تازمامارت هو معتقل سياسي سري سابق في جنوب شرق المغرب.", D13).alert


def test_a_closing_road_or_a_live_prison_keeps_the_site() -> None:
    # (guards: the closing is the road's; no word of an end near the name)
    assert _open_ids("نُقل المعتقلون إلى سجن قرنادة قبل إغلاق الطريق.") == ["open:prison:قرناده"]
    assert _open_ids("اقتحمت قوات الأمن سجن قرنادة فجر اليوم.") == ["open:prison:قرناده"]


# --- Egypt's reform and rehabilitation centres ----------------------------------------------------------------------

def test_the_reform_centre_head_with_its_words_the_other_way_round() -> None:
    assert _open_ids("قالت الوزارة إن مركز التأهيل والإصلاح بوادي النطرون سيحل محل سجون قديمة.", D21) \
        == ["open:prison:wadi-natrun"]


def test_a_centres_name_before_its_purpose_of_reform_and_rehabilitation() -> None:
    assert _open_ids("أشاد مسؤول بإنشاء مركز وادي النطرون للإصلاح والتأهيل.", D21) == ["open:prison:wadi-natrun"]
    assert _open_ids("نُقل السجين إلى مركز بدر للتأهيل والإصلاح.", D21) == ["open:prison:بدر"]


def test_a_services_reform_and_rehabilitation_centre_names_none() -> None:
    assert not real_ann("افتتحت الجمعية مركز الأمل للإصلاح والتأهيل الاجتماعي.", D21).alert
    assert not real_ann("افتتحت الجمعية مركز الأمل للتأهيل والإصلاح للشباب.", D21).alert
    assert not real_ann("زار الوزير مركز التأهيل والإصلاح الجديد.", D21).alert


# --- names and words after a head -----------------------------------------------------------------------------------

def test_a_long_foreign_name_ending_in_t_is_a_name() -> None:
    assert _open_ids("روى ناجٍ أنه قضى سنوات في معتقل تازمامارت بالمغرب.") == ["open:prison:تازمامارت"]
    assert _open_ids("نُقل الضباط إلى سجن تزمامارت.") == ["open:prison:تزمامارت"]
    # (guards: past verbs after a head stay no name)
    assert not real_ann("سجن استعادت السلطات السيطرة عليه بعد يومين.").alert


def test_jailing_thousands_is_no_prison_named_thousands() -> None:
    ann = real_ann("أقدم الجيش على سجن الآلاف من سكان غزة في منشآت اعتقال جماعية.", date(2024, 8, 11))
    assert not ann.alert and ann.facilities == []
    assert not real_ann("قامت السلطات بسجن المئات من المحتجين.").alert


def test_a_quoted_name_after_a_prison_and_its_cells() -> None:
    assert _open_ids("يشهد سجن وزنازين «الأمن الوقائي» في الخليل اكتظاظاً.", D13) == ["open:prison:الامن-الوقايي"]
    # (guard: a description after the cells names none)
    assert not real_ann("نُقلوا إلى سجن وزنازين مظلمة.", D13).alert


def test_a_second_name_in_brackets_is_the_same_unknown_camp() -> None:
    assert _open_ids("زار النواب مخيم الأمير حسن (مخيم النصر) في عمّان.", date(2023, 2, 11)) \
        == ["open:camp:الامير-حسن"]


# --- bywords and towns ----------------------------------------------------------------------------------------------

def test_one_of_the_names_given_another_prison_is_a_byword() -> None:
    ann = real_ann("يطلق معارضون على سجن «جو» تسميات عديدة، من غوانتانامو إلى نار السلطان.", date(2017, 5, 11))
    assert [f.id for f in ann.facilities] == ["open:prison:jau"]  # (Jau a gazetteer fact since rule 29i)
    ann = real_ann("سجن جو المعروف بتسميات كثيرة من غوانتانامو إلى نار السلطان.", date(2017, 5, 11))
    assert "fac:cu-guantanamo" not in {f.id for f in ann.facilities}
    # (guard: a transfer from Guantanamo stays the prison)
    assert real_fac_ids("نُقل المعتقل من غوانتانامو إلى بلده.") == {"fac:cu-guantanamo"}


def test_adra_al_ummaliyah_is_the_town_not_adra_prison() -> None:
    text = "تشمل الصفقة أسرى عدرا العمالية الذين احتُجزوا لدى الفصيل منذ 2013."
    assert real_fac_ids(text, date(2017, 6, 25)) == set()
    assert real_place_ids(text, date(2017, 6, 25)) == {"place:sy-adra"}
    # (guard: the prison with its head and its detainees stay the prison)
    assert real_fac_ids("نُقل المعتقلون إلى سجن عدرا المركزي.") == {"fac:sy-adra-prison"}
