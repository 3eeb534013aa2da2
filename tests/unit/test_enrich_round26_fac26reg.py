"""Round 26, fac26reg (README rule 28k): forms read in Arabic reports on named prisons, detention centres and camps of
Iraq, Syria, Egypt, Yemen, Libya, Sudan, the Gulf, Iran and Turkey. The sentences are written for these tests; each
positive test fails on the round's base engine (6d3494e)."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids

D24 = date(2024, 12, 20)


def test_a_listed_branch_written_with_raqm_is_that_branch() -> None:
    assert real_fac_ids("قال إنه أمضى شهرين في الفرع رقم 215 التابع للمخابرات العسكرية.", D24) == {"fac:sy-branch-215"}
    assert real_fac_ids("عُثر في أقبية الفرع رقم 227 على سجلات المعتقلين بعد سقوط النظام.", D24) \
        == {"fac:sy-branch-227"}
    # the branch and its name in apposition are one facility
    assert real_fac_ids("يُعرف الفرع رقم 235 باسم فرع فلسطين، وهو من أقسى مراكز التحقيق.", D24) \
        == {"fac:sy-palestine-branch"}


def test_a_branch_no_gazetteer_entry_lists_stays_open_world() -> None:
    ann = real_ann("اعتُقل في الفرع رقم 291 التابع للأمن العسكري بدمشق.", D24)
    assert [f.id for f in ann.facilities] == ["open:prison:branch-291"]


def test_main_after_a_citys_prison_is_its_central_prison() -> None:
    assert real_fac_ids("هرب عدد من نزلاء سجن حلب الرئيسي بعد تصدع أحد جدرانه.") == {"fac:sy-aleppo-central-prison"}
    assert real_fac_ids("اندلع استعصاء في سجن حماة الرئيسي صباح اليوم.") == {"fac:sy-hama-central-prison"}


def test_the_main_prison_in_a_city_names_none() -> None:
    ann = real_ann("أعيد افتتاح السجن الرئيسي في مدينة إدلب بعد ترميمه.")
    assert not ann.alert and ann.facilities == []


def test_an_indefinite_plural_of_people_after_a_camp_head_is_no_name() -> None:
    ann = real_ann("نصبت البلدية مخيم نازحين مؤقتاً قرب الملعب لاستقبال الهاربين من القصف.")
    assert not ann.alert and ann.facilities == []
    assert {f.surface for f in real_ann("هاجم المسلحون مخيم زمزم ثم مخيم نازحين آخر يحمل اسم أبو شوك.").facilities} \
        == {"مخيم زمزم", "أبو شوك"}


def test_a_voweled_two_letter_name_after_a_head_is_the_name() -> None:
    ann = real_ann("نقلت إدارة سجن جَوْ عدداً من سجناء الرأي إلى زنازين العزل.")
    assert ann.alert and [f.id for f in ann.facilities] == ["open:prison:jau"]  # (Jau a gazetteer fact since rule 29i)
    ann = real_ann("أضرب سجناء في سجن «جَوْ» المركزي عن الطعام.")
    assert ann.alert


def test_a_voweled_particle_after_a_head_stays_no_name() -> None:
    assert not real_ann("قال إن السجنَ لَمْ يعد يتسع لأحد.").alert
    assert not real_ann("هذا سجنٌ لَهُ تاريخ طويل.").alert


def test_the_reference_is_no_village() -> None:
    assert real_place_ids("تجدر الإشارة إلى أن سجن بادوش كان يضم آلاف النزلاء.") == set()
    assert real_place_ids("اندلع حريق قرب المخيم دون الإشارة إلى إصابات.") == set()


def test_a_survivors_first_person_time_served_names_the_prison() -> None:
    assert real_fac_ids("اعتُقلت عام 2014، وقضيتُ أربع سنوات داخل صيدنايا.") == {"fac:sy-sednaya-prison"}
    assert real_fac_ids("قضينا ثلاث سنوات في صيدنايا قبل أن يُفرج عنا.") == {"fac:sy-sednaya-prison"}


def test_living_in_the_town_stays_the_town() -> None:
    ann = real_ann("عاش سنوات في صيدنايا البلدة الجبلية قبل أن يهاجر.")
    assert not ann.alert
