"""Rule 29m (helper arrec29, round 29): Arabic alert recall on forms outlets print: the English head "Camp" in
Arabic letters between an Arabic head and a known name, and a dot set between tatweels inside a word to slip past
filters. Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_camp_in_arabic_letters_after_a_head_is_the_known_site() -> None:
    assert _facs("قضى أبو بكر البغدادي سنوات في معتقل كامب بوكا جنوب العراق قبل أن يخرج منه عام 2009.") == [
        ("معتقل كامب بوكا", "fac:iq-camp-bucca")]
    assert _facs("يروي معتقلون سابقون أن سجن كامب بوكا قرب أم قصر كان مدرسة لقادة التنظيم.") == [
        ("سجن كامب بوكا", "fac:iq-camp-bucca")]
    assert _facs("يُحتجز نحو 3500 شخص في معتقل كامب كروبر قرب مطار بغداد.") == [
        ("معتقل كامب كروبر", "fac:iq-camp-cropper")]


def test_camp_david_stays_no_site() -> None:
    ann = real_ann("استعاد كتّاب مصريون في ذكرى اتفاقية كامب ديفيد مسار السلام مع إسرائيل.")
    assert not ann.alert and ann.facilities == []


def test_a_dot_between_tatweels_is_no_full_stop() -> None:
    assert _facs("شهد سجـ.ـن غويران في الحسكة تمرداً جديداً لعناصر التنظيم.") == [
        ("سجـ.ـن غويران", "fac:sy-ghwayran-prison")]
    assert _facs("نُقلت عائلات جديدة إلى مخيم الهـ.ـول شرق الحسكة.") == [("مخيم الهـ.ـول", "fac:sy-al-hol-camp")]
    assert _facs("احتـ.ـجزت قـ.ـوات الأمن عشرات الشبان في سـ.ـجن صيدنايا العسكري.") == [
        ("سـ.ـجن صيدنايا العسكري", "fac:sy-sednaya-prison")]


def test_obfuscated_words_without_a_site_and_a_hijri_stop() -> None:
    ann = real_ann("صادرت الشرطة دراجة نـ.ـارية لشاب من ريف السويداء فاحتـ.ـجزت الفصائل سيارة للمخابرات.")
    assert not ann.alert and ann.facilities == []
    # `هـ.` closing a Hijri date and a sentence is a full stop: the next sentence reads as before
    assert _facs("وقع ذلك في 8 شعبان 1446 هـ. وقالت المصادر إن سجن حماة شهد استعصاء.") == [
        ("سجن حماة", "fac:sy-hama-central-prison")]


def test_forms_the_engine_already_read() -> None:
    assert _facs('ويقع معتقل"كروبر"الضخم قرب مطار بغداد.')[0][1] == "fac:iq-camp-cropper"
    assert _facs('أمضى مجاهدون ثلاث سنوات في معتقل " كاموران" تحت جبل بوغار.')[0][1] == "open:prison:كاموران"
    assert _facs("أُغلق مخيم أشتي في قضاء عربت بالسليمانية.")[0][1] == "fac:iq-ashti-camp"
    assert _facs("قُتل لاجئ عراقي داخل #مخيم _الهول فجر الخميس.")[0][1] == "fac:sy-al-hol-camp"


def test_near_misses_name_no_site() -> None:
    for text in ("تقبع أكثر من عشرين سجينة في غرفة واحدة داخل سجن النساء في بعبدا.",
                 "في محافظة الجنوب سجنان، وكلاهما مخصص للرجال، أما الموقوفات فيودعن في سجون أخرى.",
                 "سُجن البغدادي عامين ثم أُطلق سراحه ليقود التنظيم لاحقاً."):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text
