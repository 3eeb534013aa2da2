"""Round 25, place25ar survey (data/README.md rule 28d): places in Arabic prison and camp reporting across the region.

Each sentence is written for the test (none is copied from a page); each test failed on main before the change.
"""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_place_ids


def _surfaces(text: str) -> dict[str, str]:
    return {p.surface: p.id for p in real_ann(text).places}


def test_beit_ummar_as_outlets_spell_it() -> None:
    # GeoNames spells it only `بيت أومر`; a bare `بيت أمر` (no cue) and the vowelled `بيت أُمر` are the town
    assert "geonames:284329" in real_place_ids("تجددت المواجهات مساء أمس في بيت أمر شمالي الخليل.")
    assert "geonames:284329" in real_place_ids("قال رئيس بلدية بيت أُمر إن الطريق أغلق بالكامل.")


def test_word_first_village_after_its_cue_is_the_geonames_village() -> None:
    # `الخضر` and `مركة` are words first (engine_rules village_stop); after a village's cue they are the villages
    assert "geonames:285061" in real_place_ids("احتجزت الأجهزة الأمنية شاباً من بلدة الخضر جنوب بيت لحم.")
    assert "geonames:282746" in real_place_ids("أفرج عن أسير من قرية مركة الواقعة جنوبي جنين.")
    ids = real_place_ids("اعتُقل طالب من بلدة الخضر أمس.")
    assert "geonames:285061" in ids and not any(i.startswith("open:") for i in ids)
    # a quarter's cue is no village's: `حي الخضر` is no Palestinian village
    assert "geonames:285061" not in real_place_ids("سقطت قذيفة على حي الخضر في المدينة.")


def test_another_place_word_after_a_cue_is_no_name() -> None:
    s = _surfaces("تحاصر القوات موقعاً أمنياً في قرية عزون قضاء مدينة قلقيلية منذ يومين.")
    assert "مدينة" not in s and s.get("قلقيلية") == "geonames:282457"
    s = _surfaces("عزز الجيش مواقعه عند المدخل الشرقي للمخيم من ناحية بلدة المحمرة.")
    assert "بلدة" not in s and s.get("المحمرة", "").startswith("open:place:")


def test_governorate_name_after_a_person_title_is_the_person() -> None:
    assert "adm1:IQ-salah-al-din" not in real_place_ids(
        "دخل الأسير صلاح الدين أبو جلبوش عامه العشرين في السجن.")
    assert "adm1:IQ-salah-al-din" in real_place_ids("نقل السجين إلى محافظة صلاح الدين أمس.")


def test_hisban_reckoning_is_a_word() -> None:
    assert "geonames:249095" not in real_place_ids("لم يكن في حسبان أحد أن تحترق الخيام كلها في ساعة.")


def test_israel_towns_by_their_arabic_names() -> None:
    assert "geonames:293322" in real_place_ids("تعود أصول معظم سكان المخيم إلى طبريا.")
    assert "geonames:293100" in real_place_ids("لجأت العائلة من صفد عام 1948.")
    ids = real_place_ids("أفرج عن الأسير ابن قرية يافة الناصرة بعد عامين.")
    assert "geonames:293254" in ids and "geonames:173606" not in ids
    assert "geonames:294514" in real_place_ids("نقل الجريح إلى مستشفى مائير في كفارسابا.")


def test_farmstead_prefix_starts_a_village_name() -> None:
    assert _surfaces("داهمت القوات قرية عزبة الطبيب شرق قلقيلية.").get("عزبة الطبيب", "").startswith("open:place:")
