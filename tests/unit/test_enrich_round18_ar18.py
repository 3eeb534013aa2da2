"""Round-18 ar18 survey (Arabic reporting on Palestinian, Lebanese and Jordanian camps, Israeli, Egyptian and Saudi
prisons; data/README.md rule 25e): one test per mechanism, the positive and the near-miss. Every sentence is written
for this file."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _opens(text: str) -> set[str]:
    return {f.surface for f in _ann(text).facilities if f.id.startswith("open:")}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


def test_interrogation_centre_heads() -> None:
    # Jalameh (Kishon) is an entry since gaz26 (rule 28i); the heads still read it
    assert {f.id for f in _ann("حُوّل الفتى إلى مركز تحقيق الجلمة بعد اعتقاله.").facilities} == {"fac:il-jalameh-centre"}
    assert {f.id for f in _ann("A teacher was held at the Kishon interrogation centre for a month.").facilities} == \
        {"fac:il-jalameh-centre"}
    assert not _ann("أحيل الملف إلى مركز التحقيق الجنائي في المدينة.").facilities  # criminal investigation: no name
    assert not _ann("He was questioned at an interrogation center in Ashkelon.").facilities


def test_egypt_correctional_and_rehabilitation_center_head() -> None:
    assert _opens("Lawyers visited the Badr Correctional and Rehabilitation Center last week.") == \
        {"Badr Correctional and Rehabilitation Center"}
    assert not _ann("The ministry opened a drug rehabilitation center in the capital.").facilities


def test_moscobiya_read_bare_and_with_a_head() -> None:
    assert _opens("قال الفتى إن المحققين أبقوه أسبوعاً في زنازين المسكوبية.") == {"المسكوبية"}
    assert _opens("أُفرج عن الشاب من مركز المسكوبية للتحقيق مساء أمس.")
    assert not _ann("The Russian Compound was built for pilgrims in the nineteenth century.").facilities


def test_ofer_older_name_and_checkpoint() -> None:
    assert _fac("كان الفلسطينيون يسمّونه \"سجن بيتونيا\" قبل أن يشيع اسم عوفر.") == {"fac:il-ofer-prison"}
    ann = _ann("أغلق الجيش حاجز عوفر، فتكدست السيارات القادمة من بيتونيا.")
    assert not ann.facilities and "geonames:284294" in {p.id for p in ann.places}


def test_wehdat_official_name() -> None:
    assert _fac("زار الوفد مخيم عمّان الجديد، المعروف شعبياً بالوحدات.") == {"fac:jo-wehdat-camp"}
    assert not _ann("فاز نادي الوحدات على منافسه في عمّان.").facilities


def test_mood_over_a_quoted_word_core() -> None:
    assert _fac("قالت هيئة الأسرى إن التوتر يسود \"عوفر\" بعد رفض المعتقلين العودة إلى الأقسام.") == \
        {"fac:il-ofer-prison"}
    assert not _ann("يسود الهدوء عوفر بعد انتهاء الاحتجاج على إغلاق الطريق.").facilities


def test_quarter_of_a_camp_no_town_shares() -> None:
    assert _fac("Gunfire was heard in the Hittin neighbourhood of Ain al-Hilweh overnight.") == \
        {"fac:lb-ain-al-hilweh-camp"}
    assert _fac("تجدد إطلاق النار في حي حطين في عين الحلوة ليلاً.") == {"fac:lb-ain-al-hilweh-camp"}
    ann = _ann("Two men were wounded in the Taamir quarter of Sidon.")
    assert not ann.facilities and "geonames:268064" in {p.id for p in ann.places}


def test_prison_of_a_bygone_power_is_no_site() -> None:
    assert not _ann("سُمّي المكان على اسم معتقل \"الفارعة\" الذي استخدمه الإنجليز لسجن المتهمين.").facilities
    assert _opens("نُقل الأسرى إلى معتقل \"الفارعة\" الذي افتتحه الجيش حديثاً.")


def test_egypt_dated_numbered_and_dashed_names() -> None:
    assert _opens("تفقد الوفد مركز الإصلاح والتأهيل بالعاشر من رمضان.") == {"مركز الإصلاح والتأهيل بالعاشر من رمضان"}
    assert _opens("يقبع المتهمون في ليمان 430 منذ عامين.") == {"ليمان 430"}
    assert not _ann("قضى المتهم في السجن 15 عاماً قبل الإفراج عنه.").facilities
    assert _opens("يضم المجمع مركز الإصلاح والتأهيل- بدر.") == {"مركز الإصلاح والتأهيل- بدر"}
    assert _opens("نُقل إلى مركز إصلاح وتأهيل النزلاء بجو.") == {"مركز إصلاح وتأهيل النزلاء بجو"}  # `بجو` stays "in Jau"


def test_prison_complex_by_a_known_name() -> None:
    assert _fac("نُقل السجناء إلى مجمع طرة جنوب القاهرة.") == {"fac:eg-tora-prison"}
    assert not _ann("افتُتح مجمع تجاري جديد جنوب القاهرة.").facilities


def test_borg_el_arab_article_and_demonym() -> None:
    assert _opens("He was flown to Borg el-Arab prison on Tuesday.") == {"Borg el-Arab prison"}
    assert not _ann("He was held in an Arab prison for years.").facilities
    assert not _ann("He was held in the al-Iraqi prison for years.").facilities


def test_alexandria_in_an_egypt_text_is_no_place() -> None:
    assert "geonames:99226" not in _places("نُقل المتهم إلى سجن برج العرب غرب الإسكندرية.")
    assert "geonames:99226" in _places("اشتبكت القوات مع مسلحين في ناحية الإسكندرية شمال بابل.")
    assert not _places("He was flown to a prison west of Alexandria.")


def test_oslo_accords_name_no_place() -> None:
    assert not _places("أُغلق المعتقل بعد اتفاقيات أوسلو ثم أعيد فتحه.")
    assert not _places("The prison closed after the Oslo Accords.")
    assert "geonames:3143244" in _places("وصل الوزير إلى أوسلو أمس.")


def test_verbs_and_people_after_an_indefinite_head() -> None:
    assert _fac("قال المصدر إنه ثاني سجن يستقبل رئيساً سابقاً بعد سجن طرة.") == {"fac:eg-tora-prison"}
    assert not _ann("بنى الجيش المعتقل لسجن أصحاب الأحكام الطويلة.").facilities


def test_interrogation_office_in_a_town() -> None:
    ann = _ann("يُحوَّل المشتبه بهم إلى مقر تحقيق في المالكية قرب الحدود.")
    assert not ann.facilities and "geonames:173530" in {p.id for p in ann.places}


@pytest.mark.parametrize("marker", ["اخترنا لك", "اخترنا لكم"])
def test_picks_for_you_block_names_nothing(marker: str) -> None:
    text = f"بدأت الجولة الثانية من القتال الخميس الماضي.\n\n{marker}\nالجيش يتسلّم أسلحة من مخيّم عين الحلوة"
    assert not _ann(text).facilities


def test_palestinian_preventive_security() -> None:
    ann = _ann("اعتقل جهاز الأمن الوقائي ثلاثة شبان في نابلس.")
    assert "actor:palestinian-authority" in {a.id for a in ann.actors}


def test_tents_before_a_known_camp() -> None:
    assert _fac("قالت إذاعة الجيش إن قوة خاصة تعمل في خيم بلاطة منذ الفجر.") == {"fac:ps-balata-camp"}
    assert not _ann("غرقت خيم النازحين في عرسال بعد العاصفة.").facilities


def test_old_city_is_a_quarter() -> None:
    assert not _places("Families fleeing the Old City queued at the camp gate.")
    assert _places("The walls of the Old City of Jerusalem were lit at night.") == {"geonames:281184"}
