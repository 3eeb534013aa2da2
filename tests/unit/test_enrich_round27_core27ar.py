"""Round 27, rule 28x (core27ar): Arabic reporting on north-east Syria's camps and prisons. A town's cue between the
head and a known camp's name (`مخيم بلدة مبروكة`, `مخيم بلدة تل السمن`), the Sina'a prison's "industrial institute"
name (`سجن المعهد الصناعي`), Jeddah-1's "rehabilitation centre" names (`مركز الجدعة للتأهيل`), and a bracketed list of
names after a plural head (`مخيمات (تل البيعة وسهلة البنات)`). Our own sentences; passages in
tests/data/realworld-s27-core27ar.jsonl."""

from tests.unit.enrich_support import real_ann

MABROUKA, TAL_SAMEN, AIN_ISSA = "fac:sy-mabrouka-camp", "fac:sy-tal-samen-camp", "fac:sy-ain-issa-camp"
GHWAYRAN, JEDDAH1, HOL, ROJ = "fac:sy-ghwayran-prison", "fac:iq-jeddah-1-camp", "fac:sy-al-hol-camp", "fac:sy-roj-camp"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _open(text: str) -> list[str]:
    return sorted(f.surface for f in real_ann(text).facilities if f.id is None or f.id.startswith("open:"))


def test_a_town_cue_before_a_known_camp() -> None:
    assert _fac("تسكن مئات الأسر النازحة في مخيم بلدة مبروكة منذ سنوات.") == {MABROUKA}
    assert _fac("وصلت دفعة جديدة من العائلات إلى مخيم بلدة تل السمن أمس.") == {TAL_SAMEN}
    assert _fac("يعيش آلاف النازحين في مخيم بلدة عين عيسى شمال الرقة.") == {AIN_ISSA}  # (as before)
    assert _fac("أقيم مخيم مبروكة قبل سنوات لاستقبال الفارين.") == {MABROUKA}  # (as before)


def test_a_town_cue_before_an_unknown_name_stays_open() -> None:
    assert _open("أقامت البلدية مخيم بلدة الكسرة للنازحين.") == ["مخيم بلدة الكسرة"]
    assert _open("لجأت العائلات إلى مخيم قرية عين الخضرة.") == ["مخيم قرية عين الخضرة"]  # the cue's name, two words


def test_the_sinaa_prisons_institute_name() -> None:
    assert _fac("أعلنت قسد إحباط تمرد داخل سجن المعهد الصناعي في الحسكة.") == {GHWAYRAN}
    assert _fac("درس الشاب في المعهد الصناعي قبل الحرب.") == set()  # the institute alone: no prison


def test_jeddah_ones_rehabilitation_centre() -> None:
    assert _fac("افتتحت الوزارة ملعباً داخل مركز الجدعة للتأهيل النفسي.") == {JEDDAH1}
    assert _fac("نقلت الحافلات الأسر إلى مركز الجدعة لإعادة التأهيل.") == {JEDDAH1}
    assert _fac("زار المسؤول مركز الجدعة الصحي في القيارة.") == set()  # a health centre of the village


def test_a_bracketed_list_after_a_plural_head() -> None:
    text = "أُبلغ سكان مخيمات (أم الريش وتل الأحمر) بنقلهم قريباً."
    assert _open(text) == ["أم الريش", "تل الأحمر"]
    assert _fac("دخلت القوات مخيمات (الهول وروج) بعد الانسحاب.") == {HOL, ROJ}
    assert _fac("تعاني مخيمات (النازحين) من نقص المياه.") == set()
    assert _fac("تعاني مخيمات (النازحين والمهجرين) من البرد.") == set()
    assert _fac("عادت أسر من مخيمات (إدلب وحلب) إلى قراها.") == set()  # the camps of two regions, no names
