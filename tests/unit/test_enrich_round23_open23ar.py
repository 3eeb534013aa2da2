"""Round 23, open23ar survey (rule 27t): Arabic facility recall for names the gazetteer lacks and known names in
unusual forms — our own sentences, none taken from the survey's passages."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_a_head_and_a_number_quoted_together_name_the_prison() -> None:
    assert _fac("ونقلت القوة الموقوفين إلى «سجن 220» قرب الساحل بحسب ذويهم.") == {"open:prison:220"}
    assert _fac("وقال محامون إن “سجن 315″ يضم عشرات المخفيين.") == {"open:prison:315"}
    # guards: a sentence's term and an unquoted count stay no name
    assert not _fac("وقضت المحكمة بسجن 15 متهماً في القضية.")
    assert not _fac("حكم عليه بالسجن 10 سنوات.")


def test_kaf_before_a_dual_displacement_head_lists_its_camps() -> None:
    got = _fac("وتنتشر في الإقليم معسكرات للنازحين كمعسكري “عطاش” و“السريف” قرب نيالا.")
    assert got == {"open:camp:عطاش", "open:camp:السريف"}
    # guard: ك before a military head with a corps stays a base
    assert not _fac("واستخدم الجيش الموقع كمعسكر للتدريب قبل الحرب.")


def test_a_corps_after_muaskar_is_a_base_even_in_a_sudan_text() -> None:
    assert not _fac("قصفت قوات الدعم السريع معسكر سلاح المهندسين في أم درمان.")
    # guard: a displacement camp in the same kind of text keeps its name
    assert _fac("فرّت الأسر النازحة إلى معسكر كلمة قرب نيالا بعد هجوم الدعم السريع.") == {"open:camp:كلمه"}


def test_a_centre_of_martyrs_for_illegal_migration_is_a_detention_centre() -> None:
    got = _fac("هرب عشرات المهاجرين من مركز شهداء الوادي للهجرة غير الشرعية في المدينة.")
    assert got == {"open:prison:شهداء-الوادي"}
    # guard: a service's centre for migration is no centre's name
    assert not _fac("افتتح مركز الإيواء للهجرة غير الشرعية أبوابه للصحافيين.")


def test_a_known_detention_centre_after_markaz_among_migrants() -> None:
    got = _fac("صورة من داخل مركز تاجوراء حيث ينام المهاجرون في الساحة.")
    assert got == {"open:prison:tajoura"}  # (the open_world entry reported by its English name, rule 24m)
    # guards: no migrants, or a health word after the name: the town's centre
    assert not _fac("افتتح الهلال الأحمر مركز تاجوراء الصحي بحضور عميد البلدية.")
    assert not _fac("ازدحمت الشوارع في مركز تاجوراء مساء الخميس.")


def test_the_agencys_prison_is_no_name() -> None:
    assert not _fac("وأضاف أن المعتقلين في سجن الجهاز يُمنعون من الزيارة.")


def test_a_prison_named_bare_and_with_military_is_one_prison() -> None:
    got = _fac("فرّ سجناء من سجن الأبيار شرق البلاد، وقالت مصادر إن سجن الأبيار العسكري شهد تمرداً قبل ذلك.")
    assert got == {"open:prison:الابيار"}


def test_a_plural_of_prisons_before_an_owners_name_is_no_cluster() -> None:
    assert not _fac("مشاهد مسربة من سجون حفتر تشبه ما عرفه السوريون في صيدنايا.")
    # guard: a cluster of camps keeps its village's name
    assert _fac("تعيش مئات العائلات في مخيمات شمارخ قرب أعزاز.") == {"open:camp:شمارخ"}
