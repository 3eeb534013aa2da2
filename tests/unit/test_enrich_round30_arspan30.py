"""Rule 30a (helper arspan30, round 30): Arabic facility mentions across the region's reporting. A word for town
between a head and an unknown name, a locative of a province right after a name of a pronoun's shape, a duration
or a tenth-form verb right after a head, and Sudan's definite camp head written after ل. Own wording after stored
reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _ids(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_the_word_for_town_is_no_part_of_the_name() -> None:
    assert _ids("تفقدت لجنة حقوقية السجن المدني في مدينة كيفة أمس.") == {"open:prison:كيفه"}
    assert _ids("زار الوالي السجن المدني بمدينة ألاك في موريتانيا.") == {"open:prison:الاك"}
    # after a plain head the town's cue stays the name's, as rule 28x reads `مخيم بلدة الكسرة`
    assert _ids("أمضى سنتين في سجن مدينة كيهيدي قبل الإفراج عنه.") == {"open:prison:مدينه-كيهيدي"}
    # one prison, one id, with or without the word for town
    assert _ids("نُقل سجناء من السجن المدني في مدينة تجكجة، ثم زار الوفد السجن المدني في تجكجة.") == {
        "open:prison:تجكجه"}


def test_a_known_city_after_the_word_for_town_is_where() -> None:
    ann = real_ann("زار وفد من الصليب الأحمر السجن المدني في مدينة حلب.")
    assert not ann.alert and ann.facilities == []
    assert "geonames:170063" in {p.id for p in ann.places}
    # after a plain head `ب` + the word for town is where the camp is (rule 28n), unchanged
    assert real_ann("أقيم مخيم ببلدة سرمدا لإيواء الأسر النازحة.").facilities == []
    # the group a prison holds before a town stays no name (rule 27w)
    assert real_ann("يضم سجن الأحداث في مدينة الرقة متهمين بالمخدرات.").facilities == []
    # a nisba before a province stays an adjective
    assert real_ann("ونُقل المدان إلى سجن فيدرالي في ولاية كولورادو.").facilities == []


def test_a_province_after_the_name_vouches_for_it() -> None:
    assert _facs("نقلت الحكومة ألف سجين إلى سجن أنبيكه بولاية تكانت.") == [("سجن أنبيكه", "open:prison:انبيكه")]


def test_a_verb_before_the_province_is_no_name() -> None:
    assert real_ann("قالت المنظمة إن سجناً يقع بولاية شمال دارفور يضم مئات المحتجزين.").facilities == []
    assert real_ann("أنشأت السلطات مخيماً يقع بمدينة الفاشر للفارين من المعارك.").facilities == []


def test_a_duration_after_the_head_is_the_verb_to_jail() -> None:
    ann = real_ann("يروي الكاتب الذي سجن عشر سنوات تفاصيل التعذيب في الزنازين.")
    assert not ann.alert and ann.facilities == []
    assert real_ann("كان الناشط قد سجن خمسة أعوام قبل أن يصبح نائباً.").facilities == []
    assert _facs("قال الذي سجن سبع سنوات في سجن برج الرومي إن الزنازين كانت رطبة.") == [
        ("سجن برج الرومي", "open:prison:برج-الرومي")]


def test_a_tenth_form_verb_after_the_head_is_no_name() -> None:
    ann = real_ann("بدأت الوزارة بناء سجن يستوعب خمسة آلاف نزيل في الصحراء.")
    assert not ann.alert and ann.facilities == []
    assert real_ann("تحوّل المبنى إلى معتقل يستخدمه الجهاز للتحقيق مع المعارضين.").facilities == []


def test_sudans_definite_camp_head_after_lam() -> None:
    assert _facs("طال القصف معسكر أبو شوك، فضلاً عن قصف قوات الدعم السريع للمعسكر وتدميرها المنازل.") == [
        ("معسكر أبو شوك", "open:camp:abu-shouk")]
    ann = real_ann("اشتكى النازحون في شمال دارفور من تعرّض المسلحين للمعسكر واستهداف الأسواق.")
    assert not ann.alert and ann.facilities == []


def test_forms_the_engine_already_read() -> None:
    assert _ids('فجّر تنظيم داعش سجن "بادوش" قرب الموصل.') == {"fac:iq-badush-prison"}
    assert _ids("احتجز التنظيم نساء إيزيديات في سجن بادش غربي الموصل.") == {"fac:iq-badush-prison"}
    assert _ids("فرّ مئات السجناء من سجن الكويفية على مشارف بنغازي.") == {"open:prison:الكويفيه"}
    assert _ids("يعيش مهجّرون في مخيّم دير بلّوط بريف عفرين.") == {"fac:sy-deir-ballut-camp"}
