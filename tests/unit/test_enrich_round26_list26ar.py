"""Round 26, rule 28p (list26ar): Arabic facility lists — the dual of "centre" before two prisons (`مركزي بدر ووادي
النطرون`), quoted word items after a plural head's region and "they are:", items parted by spaced dashes, a time word
after the last item, and a list broken by another head. Our own sentences; passages in
tests/data/realworld-s26-list26ar.jsonl."""

from tests.unit.enrich_support import real_ann

SEDNAYA, ADRA, HAMA = "fac:sy-sednaya-prison", "fac:sy-adra-prison", "fac:sy-hama-central-prison"
ATMEH, QAH, KARAMA = "fac:sy-atmeh-camp", "fac:sy-qah-camp", "fac:sy-karama-camp-idlib"
FAFIN, SERDEM = "fac:sy-fafin-camp", "fac:sy-serdem-camp"
ABU_GHRAIB, TAJI = "fac:iq-abu-ghraib-prison", "fac:iq-taji-prison"


def _facs(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _ids(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_the_dual_of_centre_before_a_known_prison_names_both() -> None:
    got = _facs("نقلت إدارة السجون عشرات المعتقلين بين مركزي بدر ووادي النطرون الشهر الماضي.")
    surfaces = {s for s, _ in got}
    assert "بدر" in surfaces and "وادي النطرون" in surfaces
    assert all(i.startswith("open:prison:") for _, i in got)


def test_the_dual_of_centre_without_a_prison_is_no_list() -> None:
    assert _ids("داهمت قوة أمنية مركزي الشرطة والإطفاء في المدينة.") == set()
    assert _ids("أعلنت البلدية إنشاء سوق مركزي وحديقة عامة.") == set()


def test_the_dual_of_prison_reads_both_names() -> None:
    assert _ids("وثّق ناجون التعذيب في سجني صيدنايا وعدرا.") == {SEDNAYA, ADRA}
    assert _ids("أغلقت السلطات سجني المدينة القديمين بعد الهروب.") == set()
    assert _ids("نقلت الإدارة النزلاء من سجني الرجال والنساء إلى مبنى جديد.") == set()


def test_quoted_items_after_the_heads_region_and_they_are() -> None:
    got = _facs("يسكن المهجّرون في أربعة مخيمات بريف حلب الشمالي هي: «الشهباء» و«العودة» و«فافين» و«سردم».")
    ids = {i for _, i in got}
    assert {FAFIN, SERDEM} <= ids
    assert {s for s, i in got if i.startswith("open:camp:")} == {"الشهباء", "العودة"}


def test_camps_in_towns_are_no_list() -> None:
    assert _ids("زار وفد أممي مخيمات في إعزاز وعفرين والباب لتقييم الاحتياجات.") == set()
    assert _ids("تكتظ المخيمات بريف حلب الشمالي بالعائلات.") == set()


def test_spaced_dashes_part_the_items() -> None:
    assert _ids("تنقل الشهود بين سجون صيدنايا - عدرا - حماة قبل الإفراج عنهم.") == {SEDNAYA, ADRA, HAMA}
    assert _ids("تتوزع العائلات على مخيمات أطمة – قاح – الكرامة قرب الحدود.") == {ATMEH, QAH, KARAMA}
    assert _ids("زار الوفد سجون صيدنايا وعدرا - وهي الأكبر - الأسبوع الماضي.") == {SEDNAYA, ADRA}


def test_a_time_word_after_the_last_item_ends_the_list() -> None:
    assert _ids("أفرج عن معتقلين من سجون صيدنايا، عدرا، حماة خلال الأسبوع.") == {SEDNAYA, ADRA, HAMA}


def test_another_head_breaks_the_list() -> None:
    got = _facs("نُقل المحتجزون إلى سجون أبو غريب والتاجي ومعسكر الرشيد والمطار.")
    assert {i for _, i in got} == {ABU_GHRAIB, TAJI}
    assert not any("الرشيد" in s or "المطار" in s for s, _ in got)
