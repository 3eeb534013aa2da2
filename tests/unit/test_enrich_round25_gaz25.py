"""Round 25, gaz25: prisons and a camp outlets name often, added as gazetteer facts (data/README.md rule 28e).

Our own sentences, written for these tests. Each test fails on main (b8ae9b5), where these names were unknown
(read as open-world items by their Arabic or English head reading, or not at all).
"""
from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids


def test_israeli_prisons_rimonim_and_ayalon_have_ids() -> None:
    assert real_fac_ids("نقلت إدارة السجون الأسير من عزل سجن أيالون إلى سجن ريمونيم.") == {
        "fac:il-ayalon-prison", "fac:il-rimonim-prison"}
    assert real_fac_ids("A fire broke out in Rimonim maximum-security prison overnight.") == {"fac:il-rimonim-prison"}
    # the highway of the same name is no prison
    assert not real_ann("أغلق متظاهرون طريق أيالون السريع في تل أبيب.").facilities


def test_ayalon_named_bare_after_a_transfer() -> None:
    text = "He was held at Beersheba's Eshel prison, then at Ayalon prison, before his transfer to Rimonim."
    ids = real_fac_ids(text)
    assert ids == {"fac:il-eshel-prison", "fac:il-ayalon-prison", "fac:il-rimonim-prison"}


def test_shatta_prison_and_its_english_spellings() -> None:
    assert real_fac_ids("يسود توتر شديد في سجن شطة بعد اقتحام غرف الأسرى.") == {"fac:il-shatta-prison"}
    assert real_fac_ids("The Prison Service will close Shata prison and move its inmates.") == {"fac:il-shatta-prison"}
    # the depopulated village is no prison
    assert not real_ann("ولد في قرية شطة المهجرة قضاء بيسان.").facilities


def test_qobbeh_prison_of_tripoli_and_the_dome() -> None:
    assert real_fac_ids("قاد سجناء تمرداً في سجن القبة في طرابلس.") == {"fac:lb-qobbeh-prison"}
    assert real_fac_ids("Inmates at Qobbeh Prison in Tripoli rioted.") == {"fac:lb-qobbeh-prison"}
    assert not real_ann("اعترضت منظومة القبة الحديدية صواريخ فوق الجليل.").facilities


def test_open_world_prisons_report_their_english_slug() -> None:
    # beyond the region: open-world entries (rule 24m), reported as open:prison:<slug of the first English core>
    assert real_fac_ids("دخل الموقوفون السياسيون في إضراب جوع داخل سجن المرناقية.") == {"open:prison:mornaguia"}
    assert real_fac_ids("قُتل 37 محتجزاً في عربة ترحيلات أمام سجن أبو زعبل.") == {"open:prison:abu-zaabal"}
    assert real_fac_ids("تواصل سجينات سجن «القناطر» إضرابهن عن الطعام.") == {"open:prison:qanater"}
    assert real_fac_ids("أودع الأمراء سجن الحائر جنوبي الرياض.") == {"open:prison:hair"}
    assert real_fac_ids("توفيت المعتقلة داخل سجن \"ذهبان\" في جدة.") == {"open:prison:dhahban"}
    assert real_fac_ids("فرّ مئات النزلاء من سجن كوبر في الخرطوم بحري.") == {"open:prison:kober"}


def test_open_world_entries_place_their_country() -> None:
    ann = real_ann("Ten women held in Qanater women's prison began a hunger strike.")
    (fac,) = {f.id: f for f in ann.facilities}.values()
    assert fac.id == "open:prison:qanater" and fac.lat is not None and fac.lon is not None
    assert abs(fac.lat - 30.19) < 0.1 and abs(fac.lon - 31.13) < 0.1


def test_a_bare_open_world_prison_after_broke_out_of() -> None:
    assert real_fac_ids("Tunisia hunts five men who broke out of Mornaguia before dawn.") == {"open:prison:mornaguia"}
    # the town alone, with no detention frame, is no prison
    assert not real_ann("Olive growers around Mornaguia expect a record harvest.").facilities


def test_towns_and_other_senses_stay_no_prison() -> None:
    assert real_fac_ids("تواصل سجينات سجن القناطر إضرابهن.") == {"open:prison:qanater"}
    assert not real_ann("تكدست الأسر في حدائق القناطر الخيرية في أول أيام العيد.").facilities
    assert not real_ann("أعيد فتح جسر كوبر بين الخرطوم والخرطوم بحري.").facilities
    assert not real_ann("A desalination plant in Dhahban, north of Jeddah, opened.").facilities


def test_the_dam_camp_with_vowel_marks_is_areesha() -> None:
    assert real_fac_ids("يقطن آلاف النازحين في مخيّم السدّ جنوب الحسكة.") == {"fac:sy-areesha-camp"}
    # the dam itself is no camp
    assert not real_ann("فتحت مديرية الموارد المائية بوابات السد الجنوبي.").facilities
    assert "geonames:173811" in real_place_ids("يقطن آلاف النازحين في مخيّم السدّ جنوب الحسكة.")
