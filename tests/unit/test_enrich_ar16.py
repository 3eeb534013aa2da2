"""ar16: Arabic forms read in a survey of stored Arabic news pages (scouts' and sports camps, training camps that
bear a known camp's name, words equal to towns, badia and rural forms, freed detainees, massacre names, camp
districts, proclitic strokes, outlets' bylines, areas "such as") — README rule 23 (ar16). Every passage is written
for this file; each class has a near miss that must keep the other reading."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _facilities(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


# --- scouts' camps: an unknown camp in a sentence about scouts, no displaced people -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "نظّمت جمعية الكشافة مخيم العين على سفح الجبل بمشاركة ستين كشافاً.",
        "أقامت فرقة الكشافة والمرشدات مخيم الريادة قرب البحيرة لثلاثة أيام.",
        "اختتم مخيم النخبة التحضيري أعماله بحفل لتوزيع الشهادات.",
    ],
)
def test_scouts_camp_is_no_site(text: str) -> None:
    ann = _ann(text)
    assert not ann.alert and not ann.facilities


def test_camp_in_a_raid_keeps_its_name() -> None:
    ann = _ann("اقتحمت قوات الاحتلال مخيم العين غربي نابلس واعتقلت شابين.")
    assert ann.alert and [f.surface for f in ann.facilities] == ["مخيم العين"]


def test_scouts_visiting_the_displaced_keep_the_camp() -> None:
    # (displaced people in the sentence: the camp is theirs, the scouts only visit it)
    ann = _ann("زار وفد من الكشافة مخيم السلام للنازحين قرب أعزاز ووزع هدايا على الأطفال.")
    assert ann.alert


# --- a training camp that bears a known camp's name ------------------------------------------------------------


def test_training_camp_with_a_known_name_is_no_facility() -> None:
    text = "اعتلى مجندو الخدمة المدنية ساحة معسكر الكرامة الثالث لأداء تدريبات على الأسلحة الخفيفة."
    assert "fac:sy-karama-camp-idlib" not in _facilities(text)


def test_known_camp_with_displaced_keeps_its_name() -> None:
    assert "fac:iq-jeddah-1-camp" in _facilities("قال مسؤول إن معسكر الجدعة يضم 1800 عائلة من النازحين العائدين.")


# --- words equal to a town's name; the badia --------------------------------------------------------------------


def test_bisadad_is_no_town() -> None:
    assert "geonames:165109" not in _places("قال مصدر إن الحكومة بصدد إعادة تأهيل سجن أبو غريب.")


def test_sadad_after_a_cue_is_the_town() -> None:
    assert "geonames:165109" in _places("تعرضت بلدة صدد في ريف حمص لقصف مدفعي.")


@pytest.mark.parametrize(
    "text, gov",
    [
        ("هاجمت خلايا التنظيم نقطة في بادية دير الزور الشرقية.", "adm1:SY-deir-ez-zor"),
        ("انتشرت قوات الحكومة في بادية الرقة الجنوبية.", "adm1:SY-raqqa"),
        ("أفادت الوكالة بفرار سجناء من سجن الهول بريف “الحسكة ” الشرقي.", "adm1:SY-hasakah"),
    ],
)
def test_badia_and_quoted_rural_name_the_governorate(text: str, gov: str) -> None:
    assert gov in _places(text)


def test_badia_of_a_town_is_the_town() -> None:
    places = _places("هاجمت خلايا التنظيم نقطة في بادية الميادين وأخرى قرب الشعفة.")
    assert {"geonames:173480", "place:sy-shaafa"} <= places and "adm1:SY-deir-ez-zor" not in places


# --- a freed or former detainee is a person, not the detention centre ------------------------------------------


def test_freed_detainee_years_in_sednaya_name_the_prison() -> None:
    text = "قال المعتقل المحرَّر إن سنوات اعتقاله في صيدنايا كانت قاسية."
    assert "fac:sy-sednaya-prison" in _facilities(text)


def test_former_detainee_released_in_a_city_names_the_city() -> None:
    text = "قال معتقل سابق لدى قسد إنه أمضى عامين دون محاكمة، قبل الإفراج عنه بوساطة من شيوخ العشائر في الرقة."
    assert not _ann(text).facilities


def test_a_generic_prison_before_a_town_keeps_the_town() -> None:
    assert not _ann("قضت المحكمة بالسجن المؤبد على المدان في صيدنايا.").facilities


# --- a massacre's name, then the camp itself -------------------------------------------------------------------


def test_massacre_name_then_the_camp_is_the_camp() -> None:
    text = "أحيا اللاجئون ذكرى مجزرة صبرا وشاتيلا بمسيرة انطلقت من مدخل المخيم نحو المقبرة."
    assert "fac:lb-shatila-camp" in _facilities(text)


def test_massacre_name_alone_is_the_event() -> None:
    assert not _ann("أحيا اللبنانيون في بيروت ذكرى مجزرة صبرا وشاتيلا بوقفة صامتة.").facilities


# --- a camp's district: its people, then the camp --------------------------------------------------------------


def test_people_of_yarmouk_and_the_camp() -> None:
    assert "fac:sy-yarmouk-camp" in _facilities("عاد أهالي اليرموك إلى منازلهم المدمرة وسط المخيم.")


def test_people_of_yarmouk_without_the_camp_stay_the_district() -> None:
    assert not _ann("تظاهر أهالي اليرموك في دمشق للمطالبة بالخدمات.").facilities


# --- a tatweel after a proclitic opens no name -----------------------------------------------------------------


def test_tatweel_after_proclitic_is_not_in_the_surface() -> None:
    ann = _ann("نُقل الموقوفون ولـسجن حماة المركزي، ثم عاد بعضهم لـحلب.")
    assert [f.surface for f in ann.facilities] == ["سجن حماة المركزي"]
    assert [p.surface for p in ann.places] == ["حلب"]


# --- an outlet's byline ---------------------------------------------------------------------------------------


def test_outlet_byline_names_no_baghdad() -> None:
    places = _places("بغداد اليوم – نينوى\nكشف مصدر أمني عن نقل سجناء إلى سجن بادوش.")
    assert "geonames:98182" not in places and "adm1:IQ-nineveh" in places


def test_baghdad_today_in_a_sentence_is_baghdad() -> None:
    assert "geonames:98182" in _places("وصل وفد أممي إلى بغداد اليوم للقاء المسؤولين.")


# --- areas "such as" --------------------------------------------------------------------------------------------


def test_areas_such_as_name_towns() -> None:
    text = "تشهد مناطق مثل التاجي والكاظمية هجمات متكررة."
    assert not _ann(text).facilities and "place:iq-taji" in _places(text)


def test_prisons_such_as_name_prisons() -> None:
    facilities = _facilities("نُقل السجناء من سجون مثل التاجي والحوت.")
    assert {"fac:iq-taji-prison", "fac:iq-nasiriyah-central-prison"} <= facilities


# --- a hashtag before a name after its head; participles of intent ----------------------------------------------


def test_hashtag_after_head_names_the_prison() -> None:
    ann = _ann("حاصرت قوات الجيش سجن #الأقطان في ريف الرقة الشمالي.")
    assert [f.id for f in ann.facilities] == ["fac:sy-aqtan-prison"]
    assert ann.facilities[0].surface == "سجن #الأقطان"


def test_hashtag_of_a_town_is_the_town() -> None:
    ann = _ann("وصلت تعزيزات عسكرية إلى #الرقة صباح اليوم.")
    assert not ann.facilities and "geonames:172955" in {p.id for p in ann.places}


def test_country_going_ahead_acts() -> None:
    assert "actor:israel-gov" in {a.id for a in _ann("قالت منظمات إن إسرائيل ماضية في خططها جنوب رفح.").actors}


def test_the_past_of_a_country_is_no_act() -> None:
    assert not _ann("تحدث الكتاب عن ماضي العراق القريب.").actors


def test_orchard_quarter_named_after_a_city_is_no_city() -> None:
    text = "اندلعت اشتباكات على محور بستان القدس داخل مخيم عين الحلوة."
    assert "geonames:281184" not in _places(text)
    assert "geonames:281184" in _places("هدم الاحتلال منزلاً في حارة السعدية بالقدس.")
