"""Round-14 Arabic facility classes on real text (issue 7): two-letter names after a head, a head followed by an
adjective or by another head, ... Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_fac_ids as fac_ids
from tests.unit.enrich_support import real_gazetteer


def open_names(text: str) -> list[str]:
    return [f.surface for f in enrich(text, real_gazetteer()).facilities if f.id.startswith("open:")]


# 1. a two-letter name after a head (Bahrain's Jau prison, the Aq Burhan camp) is a name; a particle, pronoun or
#    short common word is not
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بدأ عشرات السجناء في سجن جو إضراباً عن الطعام للمطالبة بالزيارات", "سجن جو"),
        # (Jau a gazetteer fact since rule 29i: a known name's surface is its head and name, as for every listed prison)
        ("قالت عائلته إنه نُقل إلى سجن جو المركزي بعد الحكم عليه", "سجن جو"),
        ("يحتج معتقلو الرأي في سجن «جو» منذ أسبوعين", "سجن «جو»"),
        ("انتقلت العائلات العراقية إلى مخيم آق برهان شمال حلب", "مخيم آق برهان"),
    ],
)
def test_two_letter_name(text: str, name: str) -> None:
    assert open_names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "أقيم المخيم الصيفي في جو من الفرح، وافتتح مخيم في جو عائلي آخر",  # "in an atmosphere of"
        "زار الوفد سجن تم بناؤه حديثاً على أطراف المدينة",  # a verb
        "قال إن سجن من هذا النوع لا يصلح للاحتجاز",  # a preposition
        "وجد الصحفيون معتقل هو الأسوأ في البلاد",  # a pronoun
    ],
)
def test_two_letter_word_is_no_name(text: str) -> None:
    assert open_names(text) == []


# 2. a head followed by an adjective alone, or by another head (a typo), names nothing of its own
@pytest.mark.parametrize(
    "text",
    [
        "نشرت الوزارة صوراً لما وصفته بـ«مركز الإصلاح والتأهيل الجديد» في الصعيد",
        "قالت المحامية إن موكلها نُقل إلى سجن الجديد الذي افتتح الشهر الماضي",
    ],
)
def test_adjective_after_head_is_no_name(text: str) -> None:
    assert open_names(text) == []


def test_repeated_head_names_the_second() -> None:
    assert open_names("قال محتجزون سابقون إنهم أمضوا شهوراً في سجن سجن إيفين بطهران") == ["سجن إيفين"]
    assert fac_ids("نقل المعتقل من سجن سجن صيدنايا إلى المستشفى") == {"fac:sy-sednaya-prison"}


# 3. a plural head over a known name coordinated with a region's word names the prisons of regions, no one prison;
#    a list of names under the same head still names each
@pytest.mark.parametrize(
    "text",
    [
        "هدد الوزير بتشديد الظروف في «سجون النقب والجنوب» بعد احتجاجات الأسرى",
        "قال مسؤول إن مخيمات الهول والشمال تحتاج إلى خطة إغاثة عاجلة",
    ],
)
def test_plural_head_over_regions(text: str) -> None:
    assert fac_ids(text) == set()


def test_plural_head_over_names() -> None:
    assert fac_ids("نقلت مصلحة السجون أسرى إلى سجون النقب ونفحة وريمون") == {
        "fac:il-ktziot-prison",
        "fac:il-nafha-prison",
        "fac:il-ramon-prison",
    }
    assert fac_ids("يقبع مئات الأسرى في سجون النقب منذ بداية الحرب") == {"fac:il-ktziot-prison"}


# 4. an unknown name in quotes after "in/from/to", in a clause that names the detainees, is the prison they are in
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("دعت البعثة إلى التحقيق في تقارير عن إضراب عشرات النزلاء في «معيتيقة» بطرابلس", "معيتيقة"),
        ('قالت أسر المعتقلين إن أبناءهم نُقلوا من "قرنادة" إلى جهة مجهولة', "قرنادة"),
        ("أمضى المعتقلون سنوات في «بئر أحمد» دون محاكمة", "بئر أحمد"),
    ],
)
def test_quoted_name_in_detention_clause(text: str, name: str) -> None:
    assert open_names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "خرج الأسرى في «الدفعة الأولى» من الصفقة وسط احتفالات",  # a phrase
        "أفرج عن عشرات المعتقلين من «حماس» بعد الاتفاق",  # a group
        "وصل المحتجزون المفرج عنهم إلى «طرابلس» مساء أمس",  # a city
        "نفت الوزارة هروب سجناء ووصفت الأنباء بـ«الشائعات»",  # "described as"
        "قال مواطنون في «الحسينية» إن المياه مقطوعة منذ أيام",  # no detainees in the clause
    ],
)
def test_quoted_word_is_no_prison(text: str) -> None:
    assert open_names(text) == []


# 5. a notorious prison's name and a far place's name together in quotes are another prison's nickname
def test_nickname_after_a_notorious_prison() -> None:
    text = "دخل الصحفيون سجن عايد في الطبقة، الذي بات يعرف بين الأهالي بـ«صيدنايا الرقة»"
    assert fac_ids(text) == {"open:prison:عايد"}
    assert open_names(text) == ["سجن عايد"]
    assert fac_ids("أفرج عن عشرات المعتقلين من «صيدنايا» بعد سقوط النظام") == {"fac:sy-sednaya-prison"}
    assert fac_ids("عاد المحكومون من «الحوت الناصرية» إلى ذويهم") == {"fac:iq-nasiriyah-central-prison"}


def test_quoted_name_after_cells_word() -> None:
    # Ayalon is a gazetteer entry since round 25 (rule 28e): the quoted name after "isolation" is that prison
    assert fac_ids("قال المحامي إن الأسير نُقل من عزل «أيالون» إلى المستشفى بعد تدهور صحته") == {"fac:il-ayalon-prison"}


# 6. a plural head over a region, then "among them" and names: the names are the facilities
def test_region_then_list_of_names() -> None:
    assert fac_ids("تحتجز القوات الكردية آلاف العناصر في سجون الحسكة، أبرزها غويران وديريك وجركين") == {
        "fac:sy-ghwayran-prison",
        "fac:sy-derik-prison",
        "fac:sy-chirkin-prison",
    }
    assert fac_ids("تعاني مخيمات إدلب من نقص حاد في وقود التدفئة هذا الشتاء") == set()
    assert fac_ids("تضم مخيمات إدلب، بينها مخيمات عشوائية كثيرة، أكثر من مليون نازح") == set()


# 7. a verbal noun of taking or holding with its pronoun before a bare known name is a detention frame
def test_taken_verbal_noun_frame() -> None:
    assert fac_ids("قال الناجي إنه أمضى أسابيع في الفرع 251 قبل نقله إلى صيدنايا") == {
        "fac:sy-branch-251",
        "fac:sy-sednaya-prison",
    }
    assert fac_ids("بدأ الموقوفون إضرابهم بعد أيام من إيداعهم في رومية") == {"fac:lb-roumieh-prison"}
    assert fac_ids("قررت المحكمة ترحيله إلى الحسكة حيث تقيم عائلته") == set()


# 8. a long foreign name ending in ت that no verb prefix opens is a name, not a past verb
def test_long_foreign_name_in_t() -> None:
    assert open_names("نُقل السجين إلى سجن جوهردشت غرب طهران قبل إعدامه") == ["سجن جوهردشت"]
    assert open_names("قال إن مخيم استقبلت فيه العائلات يفتقر إلى المياه") == []
