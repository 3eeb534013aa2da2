"""Round 22, prec22ar survey (rule 26x): Arabic facility precision, boundaries and recall around generic heads —
our own sentences, none taken from the survey's passages."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def test_an_imperfect_verb_of_a_derived_form_after_an_indefinite_head_is_no_name() -> None:
    assert not _fac("تعيش العائلات في مخيم يفتقر إلى المياه النظيفة والصرف الصحي.")
    assert not _fac("نُقل الموقوفون إلى سجن يتوزع على ثلاثة مبانٍ قرب المدينة.")
    assert not _fac("أقيم المخيم فوق أرض زراعية، وهو مخيم يعاني سكانه من البرد.")
    # guard: a town's name of five letters after the head stays a name
    assert _fac("وصلت الأسر إلى مخيم يبرود قبل أسبوع.") == {"open:camp:يبرود"}


def test_a_participle_of_purpose_or_place_ends_an_open_world_name() -> None:
    assert _surfaces("ويضم سجن برنتفورد المعد لـ300 نزيل ضعف طاقته.") == ["سجن برنتفورد"]
    assert _surfaces("تكدست الخيام في مخيم الوفاء المقام على أرض مستأجرة.") == ["مخيم الوفاء"]
    assert _surfaces("نقلت النساء إلى سجن الصخرة المخصص للموقوفات.") == ["سجن الصخرة"]


def test_a_known_name_inside_an_outlets_name_is_no_facility() -> None:
    # `روز` folds to Roj's `روژ`: before "Press" it is the outlet's name
    assert not _fac("وقالت نازحات في مخيمات الشمال لروز بريس إن المساعدات توقفت منذ أشهر.")
    # guard: the camp named with its head keeps it
    assert _fac("وقالت نساء في مخيم روج لروز بريس إن المساعدات توقفت.") == {"fac:sy-roj-camp"}


def test_a_quoted_word_name_after_a_glued_conjunction_opens_its_clause() -> None:
    assert _fac("أغلقت الهيئة عدداً من مقراتها، و\"العقاب\" سجن ما زال يضم مئات الموقوفين.") == {"fac:sy-uqab-prison"}
    assert _fac("و«التوبة» معتقل أقامه الفصيل في أقبية المدينة.") == {"fac:sy-tawba-prison"}
    # guard: the unquoted word stays the word
    assert not _fac("وتوعد المسؤول المقصرين بالعقاب الشديد.")


def test_names_listed_after_a_colon_under_a_definite_plural_head() -> None:
    a = real_ann("وقالت الوزارة إن المخيمات التي أغلقتها في الأنبار هي: الوفاء، والنور، وعامر.")
    assert {f.id for f in a.facilities} == {"open:camp:الوفاء", "open:camp:النور", "open:camp:عامر"}
    assert _fac("وتدير الهيئة السجون التالية: النسور، والصقر.") == {"open:prison:النسور", "open:prison:الصقر"}
    # guards: towns after the colon, speech after a colon, a single item
    assert not _fac("توزعت المخيمات على المحافظات التالية: حلب، وإدلب، والرقة.")
    assert not _fac("قال مدير المخيمات: الوضع صعب، والأمطار غزيرة.")
    assert not _fac("وأبرز المخيمات هي: الوفاء.")


def test_a_quoted_name_in_apposition_to_an_ordinal_or_superlative_of_its_kind() -> None:
    assert _fac("أصبح \"السلام\"، أول مخيم أقيم للعائدين، مقصداً للأسر.") == {"open:camp:السلام"}
    assert _fac("يقبع المئات في \"الصقر\"، أكبر سجن في المنطقة الوسطى.") == {"open:prison:الصقر"}
    # guard: a city's superlative has no head of the kind
    assert not _fac("زار الوفد \"الزرقاء\"، أكبر مدن المنطقة.")


def test_an_unknown_camp_evacuated_or_destroyed_in_a_decade_or_a_war_is_no_longer_one() -> None:
    assert not _fac("أما مخيم الحمرا في بعلبك فقد أُخلي في خمسينيات القرن الماضي.")
    assert not _fac("دُمّرت ثلاثة خلال الحرب بين 1975 و1976: مخيم السلم في الجنوب.")
    # guards: an evacuation reported as the news keeps the camp; a known camp is always named
    assert _fac("أُخلي مخيم الوفاء أمس من العائلات بعد السيول.") == {"open:camp:الوفاء"}
    assert _fac("نُقل سكانه في الستينيات إلى مخيم الرشيدية قرب صور.") == {"fac:lb-rashidieh-camp"}
