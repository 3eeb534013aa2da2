"""Round 24, core24ar (rule 27f): Arabic reporting of 2025-2026 on north-east Syria's camps and prisons — a prison
named by its head and a prisoners' group quoted together, a camp's other name after the generic head and "known
as", a name the brackets gave a known identity named again, nisba adjectives after broken plurals, a town's one-word
name after a plural cue, `القائم بأعمال` and CENTCOM's other Arabic name. Our own
sentences, in the forms the outlets print; positives and negatives."""

from tests.unit.enrich_support import real_ann

AREESHA, HOL = "fac:sy-areesha-camp", "fac:sy-al-hol-camp"
SYRIA, SUWAR, QAIM = "country:SY", "place:sy-al-suwar", "geonames:92138"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def test_head_and_group_quoted_together_name_a_prison() -> None:
    assert _fac('وتقع مباني "سجن النساء" في الطرف الشمالي من الرقة قرب الصوامع.') == {"open:prison:النساء"}
    assert _fac("نُقل القاصرون إلى «سجن الأحداث» بعد انتهاء التحقيق معهم.") == {"open:prison:الاحداث"}
    # the group quoted alone after its head, as before
    assert _fac('أفرغت السلطات سجن "النساء" في الحسكة ونقلت نزيلاته.') == {"open:prison:النساء"}


def test_head_and_group_unquoted_stay_no_name() -> None:
    assert _fac("دخلت وحدات الجيش سجناً للنساء في المدينة بعد فرار الحراس.") == set()
    assert _fac("نُقل أربعون قاصراً من سجن الأحداث في الرقة إلى مركز تأهيل.") == set()
    # a quote that opens before the head but closes after another word is no such name
    assert _fac('قالت إن "سجن النساء الكبير" عبارة تتردد في الرواية.') == set()


def test_generic_head_known_as_gives_the_named_camp_another_name() -> None:
    text = ('غادرت 40 أسرة مخيم العريشة جنوبي الحسكة نحو دير الزور. وقالت الرئيسة المشاركة للمخيم المعروف كذلك '
            'باسم "مخيم السد" إن الدفعة هي الثالثة عشرة.')
    assert _fac(text) == {AREESHA}
    text = ('رحلت عائلات عن مخيم العريشة هذا الصباح، وأوضحت إدارة المخيم المعروف أيضاً باسم «مخيم السد» أن '
            'الرحلات مستمرة.')
    assert _fac(text) == {AREESHA}


def test_generic_head_known_as_with_no_camp_before_stays_its_own() -> None:
    assert _fac('يسكن النازحون المخيم المعروف باسم "مخيم الريان" قرب الحدود.') \
        == {"open:camp:الريان"}
    # a prison named before does not take a camp's other name
    text = ('نُقل موقوفون من سجن الشدادي أمس، فيما قال سكان المخيم المعروف باسم "مخيم الريان" إن المساعدات '
            'توقفت.')
    assert "open:camp:الريان" in _fac(text)


def test_a_name_given_a_known_identity_in_brackets_is_that_facility_again() -> None:
    text = ('تتواصل عمليات إخلاء مخيمي الهول والسد (العريشة) بضمانات عشائرية، وخرجت أمس من مخيم السد جنوب '
            'الحسكة دفعة جديدة.')
    assert _fac(text) == {HOL, AREESHA}


def test_an_unrelated_open_camp_stays() -> None:
    text = "وصلت عائلات من مخيم الهول إلى مخيم الريان في ريف إدلب."
    assert _fac(text) == {HOL, "open:camp:الريان"}


def test_nisba_after_a_broken_plural_is_the_adjective() -> None:
    assert SYRIA not in _places("أعلن مدير المخيم خروج كل العوائل، عوائل سورية وأجنبية، قبل إغلاقه.")
    assert SYRIA not in _places("انضمت فصائل سورية إلى القتال في الريف الشمالي.")
    assert SYRIA not in _places("عادت أسر سورية كثيرة من المخيمات.")


def test_the_country_itself_stays() -> None:
    assert SYRIA in _places("عادت العوائل من لبنان إلى سورية الشهر الماضي.")
    assert SYRIA in _places("قالت إن سورية تستعد لإغلاق المخيم.")


def test_a_towns_one_word_name_after_a_plural_cue_is_that_town() -> None:
    places = _places("ينحدر أغلب العائدين من بلدات الصور وذيبان والكسرة في ريف دير الزور الشرقي.")
    assert SUWAR in places and "open:place:الصور" not in places


def test_a_name_that_goes_on_after_the_cue_stays_open() -> None:
    places = _places("دخلت قوة من جهة تل أبو غيثار غرب قرية صيدا الحانوت وأطلقت النار على الحقول.")
    assert "geonames:268064" not in places  # not Sidon


def test_the_one_in_charge_is_no_town() -> None:
    assert QAIM not in _places("استقبل الوفد القائم بأعمال السفارة السودانية في دمشق.")
    assert QAIM in _places("عادت 150 عائلة إلى القائم وعنه وراوة غربي الأنبار.")
    assert QAIM in _places("فككت القوات خلية في قضاء القائم على الحدود.")
    assert QAIM in _places("نُقل النازحون إلى القائم أمس.")


def test_centcom_by_its_other_arabic_name() -> None:
    assert "actor:us" in _actors("أعلنت القيادة الوسطى الأمريكية بدء نقل معتقلي داعش إلى العراق.")
    assert "actor:us" in _actors("قالت القيادة الوسطى الأميركية إنها أنهت نقل المعتقلين.")


def test_a_passive_verb_after_an_outlets_dateline_is_no_state_acting() -> None:
    text = '"الزعتري" ثاني أكبر مخيم للاجئين في العالم\nهوا الأردن –\nخُطّطت أرضه لعشرة آلاف لاجئ.'
    assert "actor:jordan-gov" not in _actors(text)
