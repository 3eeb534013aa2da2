"""Round 20, ar20 survey: Arabic facility recall on real reporting (README rule 25t)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


# --- Guantanamo with the foreign g written ك or گ (Iraqi and Gulf outlets)


def test_guantanamo_with_kaf_bare_and_headed() -> None:
    assert _facs("لم يبقَ في كوانتانامو سوى أربعين محتجزاً بعد الدفعة الأخيرة.") == {"fac:cu-guantanamo"}
    assert _facs("وعد الرئيس بإغلاق معتقل كوانتنامو قبل نهاية ولايته.") == {"fac:cu-guantanamo"}
    assert _facs("نُقل ثلاثة محتجزين من گوانتانامو إلى بلدانهم.") == {"fac:cu-guantanamo"}


def test_guantanamo_with_kaf_byword_stays_none() -> None:
    assert _facs("وصف المحامون المنشأة بأنها كوانتانامو جديد في الصحراء.") == set()


# --- the people a camp holds make a bare camp name the camp


def test_detainees_in_bare_camp_name() -> None:
    text = "المحتجزون في الهول من أكثر من أربعين جنسية، ولم تستعد دولهم إلا قلة منهم."
    assert _facs(text) == {"fac:sy-al-hol-camp"}
    assert "geonames:173797" not in _places(text)


def test_detainees_in_the_town_stay_the_town() -> None:
    text = "المحتجزون في بلدة الهول نُقلوا إلى مركز الشرطة القريب."
    assert _facs(text) == set()
    assert "geonames:173797" in _places(text)


# --- a notorious prison's name owned by an armed movement is a byword: no facility, no town


def test_abu_ghraib_of_the_houthis_is_a_byword() -> None:
    text = 'سجن الصالح شرق تعز.. "أبو غريب الحوثيين" الذي يرهب الأهالي'
    ann = real_ann(text)
    assert "fac:iq-abu-ghraib-prison" not in {f.id for f in ann.facilities}
    assert "geonames:100077" not in {p.id for p in ann.places}
    assert len(ann.facilities) == 1  # the Saleh prison, open world


def test_quoted_byword_then_movement() -> None:
    text = 'يطلق اليمنيون على سجن مدينة الصالح "أبو غريب" الحوثيين بسبب التعذيب.'
    assert "fac:iq-abu-ghraib-prison" not in _facs(text)


def test_own_country_and_plural_nation_are_no_byword() -> None:
    assert "fac:sy-al-hol-camp" in _facs("أعادت بغداد قاطني الهول العراقيين إلى مخيم الجدعة.")
    assert "fac:iq-abu-ghraib-prison" in _facs("نُقل المعتقلون إلى سجن أبو غريب، وقال الحوثيون إن الأسرى لديهم.")


# --- a camp's other name after "and was named" (passive and masdar)


def test_camp_then_was_named_passive_is_one_camp() -> None:
    text = "ثم افتُتح مخيم أطمة وسُمّي باسم مخيم الزيتون قبل أن تكثر الخيام حوله."
    assert _facs(text) == {"fac:sy-atmeh-camp"}
    assert _facs("تم افتتاح مخيم أطمة وتسميته باسم مخيم الزيتون.") == {"fac:sy-atmeh-camp"}


def test_two_camps_joined_by_and_stay_two() -> None:
    facs = real_ann("افتُتح مخيم أطمة ومخيم الزيتون في العام نفسه.").facilities
    assert len(facs) == 2


# --- a word core after a verb of threatening and a glued ب is the word


def test_threatened_with_punishment_is_no_uqab_prison() -> None:
    assert "fac:sy-uqab-prison" not in _facs("هدد مدير السجن السجناء بالعقاب بعد الاستعصاء.")
    assert "fac:sy-uqab-prison" not in _facs("توعّد البيان المقصّرين بالعقاب الشديد.")


def test_uqab_prison_after_head_or_transfer_stays() -> None:
    assert _facs("نُقل السجناء إلى سجن العقاب في إدلب.") == {"fac:sy-uqab-prison"}
    assert "fac:sy-uqab-prison" in _facs("نُقل المعتقلون من صيدنايا إلى العقاب.")


# --- Libya's centres: quoted names, and names opened by a road's or an area's bound noun


def test_quoted_centre_for_migrants() -> None:
    facs = real_ann('هرب 250 مهاجراً من مركز "شهداء النصر" لإيواء المهاجرين في الزاوية.').facilities
    assert [f.surface for f in facs] == ['مركز "شهداء النصر"']


def test_centre_named_after_a_road_keeps_both_words() -> None:
    text = "فرّ مهاجرون من مركز إيواء طريق المطار، فنقلتهم الداخلية إلى مركز إيواء ظاهر الجبل."
    assert [f.surface for f in real_ann(text).facilities] == ["مركز إيواء طريق المطار", "مركز إيواء ظاهر الجبل"]


def test_shelter_for_orphans_or_displaced_is_no_detention() -> None:
    assert _facs('افتتح مركز "الأمل" لإيواء الأيتام في المدينة.') == set()
    assert _facs("نُقلت العائلات إلى مركز الأمل لإيواء النازحين.") == set()
