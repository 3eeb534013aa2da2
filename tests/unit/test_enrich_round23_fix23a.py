"""Round 23, fix23a (rule 27w): forms read from the spent round-23 splits after their end-of-round scoring — a bare
city name with no prison named stays the city, a quoted prisoners' group after a prison head names a prison of its
own, and a known facility's name quoted with another country's name is a nickname by analogy. Our own sentences."""

from tests.unit.enrich_support import real_ann

RAQQA_PRISON, SEDNAYA, GUANTANAMO = "fac:sy-raqqa-central-prison", "fac:sy-sednaya-prison", "fac:cu-guantanamo"
RAQQA_CITY = "geonames:172955"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_people_from_a_city_keep_the_city() -> None:
    text = "Most of the families are from al-Raqqa and escaped in 2017 once the SDF opened its Raqqa offensive."
    assert _fac(text) == set()
    assert RAQQA_CITY in _places(text)
    assert _fac("The guards said the men were originally from Raqqa and had escaped before the siege.") == set()
    assert _fac("*North Press / News / Raqqa\nMany of the tenants hail from al-Raqqa and escaped the fighting.") \
        == set()


def test_the_citys_prison_still_read_when_named() -> None:
    assert _fac("Dozens of detainees were moved out of Raqqa prison on Monday.") == {RAQQA_PRISON}
    assert _fac("نقلت السلطات عشرات المعتقلين إلى سجن الرقة المركزي أمس.") == {RAQQA_PRISON}


def test_a_quoted_group_after_a_prison_head_names_its_own_prison() -> None:
    got = real_ann("الأمن العام يفرغ سجن «الأحداث» في الرقة وينقل نزلاءه")
    assert {f.id for f in got.facilities} == {"open:prison:الاحداث"}
    assert RAQQA_PRISON not in {f.id for f in got.facilities}
    assert {f.id for f in real_ann("نُقلت الفتيات من سجن \"النساء\" في الحسكة إلى دمشق").facilities} \
        == {"open:prison:النساء"}


def test_an_unquoted_group_after_a_prison_head_is_no_name() -> None:
    # the juveniles' wing of a known prison (rule 25g), and a city's juvenile prison with no name
    assert _fac("أُحيل القاصر إلى سجن الأحداث في رومية بعد توقيفه") == {"fac:lb-roumieh-prison"}
    assert RAQQA_PRISON not in _fac("زار الوفد سجن الأحداث في الرقة الأسبوع الماضي")


def test_a_known_name_quoted_with_another_country_is_a_nickname() -> None:
    got = real_ann("تحقيق يكشف ما جرى داخل سجن 'صيدنايا ليبيا' السري قرب طرابلس")
    ids = {f.id for f in got.facilities}
    assert SEDNAYA not in ids
    assert any(i.startswith("open:prison:") for i in ids)
    assert SEDNAYA not in _fac("Survivors describe the militia jail known as “Libya's Sednaya” on the coast.")
    assert GUANTANAMO not in _fac("Rights groups dubbed the desert site the so-called ‘Iraq’s Guantanamo’ prison.")
    assert _fac("Lawyers called the base the 'Guantanamo of Iraq' in their filing.") == set()


def test_a_known_name_quoted_alone_or_with_its_own_country_stays_the_facility() -> None:
    assert _fac("أفرج عنه بعد سنوات قضاها في سجن «صيدنايا» العسكري") == {SEDNAYA}
    assert _fac("He survived four years in Sednaya prison in Syria before fleeing to Germany.") == {SEDNAYA}
    assert _fac("Inmates at “Guantanamo” were moved by plane.") == {GUANTANAMO}
