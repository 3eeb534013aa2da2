"""Rule 30f (helper arprec30, round 30): Arabic alert precision on real reporting. A name the text calls a town is
read with a city's prison words and without the town's own prison (`بسجنها`); an apposition calls a bare name a
town; quotes around the first word of a town's longer name; a medical camp's ordinal; a head, a line break and a
date; a decimal after a name. Own wording; the near-misses that must keep their facility beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_district_the_text_names_keeps_its_arrests() -> None:
    _none("قضاء التاجي يمتد شمال بغداد بين البساتين. ويشكو سكان التاجي من حملات الاعتقال التي تطال الشبان.")
    # the prison named with its head in the same text stays named
    assert ("سجن التاجي", "fac:iq-taji-prison") in _facs(
        "يقع قضاء التاجي شمال العاصمة. ونقلت الوزارة النزلاء من سجن التاجي إلى الجنوب.")
    # inmates and torture in the sentence of a name the text never calls a town: the prison
    assert ("صيدنايا", "fac:sy-sednaya-prison") in _facs(
        "قال ناجٍ إنه نُقل معصوب العينين إلى صيدنايا حيث تعرض للتعذيب ثلاث سنوات.")


def test_the_towns_own_prison_is_no_word_about_the_name() -> None:
    _none("تقع مدينة صيدنايا في القلمون. ومع أن اسمها ارتبط بسجنها، تبقى صيدنايا بلدة الأديرة والأجراس.")
    # a camp's families beside a name the text calls a village stay the camp's (English, unchanged)
    assert ("Zaatari", "fac:jo-zaatari-camp") in _facs(
        "Officials said 9,000 Zaatari residents had gone home, while the village of Zaatari holds a weekly market.")


def test_an_apposition_calls_the_name_a_town() -> None:
    _none("صيدنايا... مدينة الأديرة التي لطخ السجن اسمها\nيعود الزوار إلى كنائسها.")
    _none("تدمر، المدينة الأثرية في قلب البادية، تستعيد زوارها بعد ترميم المعبد.")
    # an apposition that names a site keeps it
    assert ("الهول", "fac:sy-al-hol-camp") in _facs("الهول.. مخيم يضم آلاف النساء والأطفال")


def test_quotes_around_a_towns_first_word() -> None:
    _none('تقارير عن مقتل مدنيين في "عدرا" العمالية.. والجيش يستعد لدخول البلدة')
    assert _facs("أفرجت السلطات عن موقوفين من سجن عدرا المركزي قرب دمشق.") == [
        ("سجن عدرا المركزي", "fac:sy-adra-prison")]


def test_a_medical_camps_ordinal_is_no_camp() -> None:
    _none("تنظم وزارة الصحة مخيم 12 الطبي المجاني في مستشفى المديرية لمدة أسبوع.")
    # a numbered camp in a text about the displaced keeps its number
    assert _facs("وصلت عشرات العائلات النازحة إلى مخيم 3 قرب الحدود وتشكو نقص الخيام.") == [("مخيم 3", "open:camp:3")]


def test_a_head_then_a_line_break_and_a_date() -> None:
    _none("بلدة الكنائس التي أثقلها السجن\n5 آذار 2023\nتستعد البلدة لمهرجانها.")
    got = _facs("قال شهود إن المحتجزين أُودعوا في المعتقل رقم 59 قبل ترحيلهم.")
    assert got == [("المعتقل رقم 59", "open:prison:59")]


def test_a_decimal_after_a_name_is_an_amount() -> None:
    got = _facs("خصصت الحكومة لبناء سجن سامسون 2.5 مليار ليرة هذا العام.")
    assert got == [("سجن سامسون", "open:prison:سامسون")]
    assert _facs("نُقل المعتقلون إلى سجن زمزم 2 قبل المحاكمة.") == [("سجن زمزم 2", "open:prison:زمزم-2")]


def test_other_senses_stay_negative() -> None:
    _none("بدأ المنتخب الأول معسكره الداخلي المغلق في دبي استعداداً للتصفيات.")
    _none("سلّم التحالف الدولي موقعه في معسكر التاجي إلى القوات العراقية.")
    _none("قضت محكمة الجنايات بالسجن المؤبد على المتهم بعد جلسات طويلة.")
    _none("زوّدت وزارة الصحة مشفى تدمر الوطني بجهاز أشعة حديث.")
    _none("أعلنت الوزارة عزمها بناء سجنين جديدين، أحدهما مركزي والآخر عمومي.")
