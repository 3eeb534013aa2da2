"""Round 19, site19 survey (data/README.md rule 25m): detention in places not called prison or camp — Syria's
numbered security branches, airbases used as prisons (Mezzeh, Hama), and a prison named two ways (Greater Tehran /
Fashafouyeh). Positives and near-miss negatives, written for the tests."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


# ---- numbered security branches (open world unless the gazetteer lists them)
@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("قضى أشهراً في الفرع 255 التابع للمخابرات العامة ثم أحيل إلى المحكمة الميدانية.",
         "open:prison:branch-255"),
        ("Survivors say Military Security Branch 261 in Homs tortured detainees for months.", "open:prison:branch-261"),
        ("A defector drew the cells of Branch 285 of General Intelligence.", "open:prison:branch-285"),
        ("اعتُقل شقيقه في فرع 215 التابع للمخابرات العسكرية عام 2014.", "fac:sy-branch-215"),
        ("قضى عامين في فرع ٢٣٥ قبل أن يحال إلى المحكمة الميدانية.", "fac:sy-palestine-branch"),
    ],
)
def test_numbered_branch_is_a_detention_site(text: str, fid: str) -> None:
    assert fid in _facs(text)


def test_numbered_branch_same_id_in_both_languages() -> None:
    assert "open:prison:branch-261" in _facs("روى معتقل سابق ما عاشه في الفرع 261 بحمص التابع للأمن العسكري.")


@pytest.mark.parametrize(
    "text",
    [
        "He was sentenced to six months by Branch 28 of the Revolutionary Court in Tehran.",
        "The detainee was tried by Branch 255 of the Revolutionary Court after months in jail.",
        "افتتح المصرف التجاري الفرع 255 في دمشق لخدمة الزبائن بعد سقوط النظام.",
        "The bank opened Branch 261 downtown, a spokesman for the regime-era lender said.",
        "Route 251 was closed after the storm, the security office said.",
        "قال المدير إن الفرع 255 من الشركة سيفتح أبوابه الأحد بعد انتهاء التحقيق.",
    ],
)
def test_other_branches_are_no_facility(text: str) -> None:
    assert not any(f.startswith("open:prison:branch") for f in _facs(text))


# ---- airbases used as prisons
@pytest.mark.parametrize(
    "text",
    [
        "قال المرصد إن مطار حماة العسكري تحوّل إلى معتقل تديره المخابرات الجوية ويُحتجز فيه المئات.",
        "Activists say Hama military airport became a prison where Air Force Intelligence held thousands.",
        "ومن أماكن الاحتجاز التي عرفها الحمويون سجن في مطار حماة العسكري تحت الأرض.",
    ],
)
def test_hama_airport_as_detention_site(text: str) -> None:
    assert "fac:sy-hama-airport-prison" in _facs(text)


@pytest.mark.parametrize(
    "text",
    [
        "He spent a year in a prison at Mezzeh military airport before his release.",
        "نُقل المعتقلون إلى سجن في مطار المزة العسكري وبقوا فيه أشهراً.",
        "اعتُقل عام 2013 في فرع المخابرات الجوية في المزة ولم يُعرف مصيره.",
    ],
)
def test_mezzeh_airport_prison_frames(text: str) -> None:
    assert "fac:sy-mezzeh-airport-prison" in _facs(text)


@pytest.mark.parametrize(
    "text",
    [
        "أقلعت مروحيات من مطار حماة العسكري لقصف ريف المحافظة الشرقي.",
        "The jets took off from Hama military airport at dawn, monitors said.",
        "A prison official flew in to Mezzeh airport on Monday for talks.",
        "وصل وفد من إدارة السجون إلى مطار حماة العسكري على متن طائرة.",
        "تقع مدرسة في مطار حماة العسكري منذ سنوات.",
    ],
)
def test_airbase_as_airbase_is_no_facility(text: str) -> None:
    ids = _facs(text)
    assert "fac:sy-hama-airport-prison" not in ids and "fac:sy-mezzeh-airport-prison" not in ids


# ---- one prison named two ways
@pytest.mark.parametrize(
    "text",
    [
        "نُقل سجناء سياسيون من إيفين إلى سجن طهران الكبير (فشافويه) بعد الضربة.",
        "Inmates at the Greater Tehran Penitentiary, also known as Fashafuyeh Prison, clashed on Thursday.",
        "يشكو نزلاء سجن فشافويه من ملوحة المياه والاكتظاظ.",
        "The Great Prison of Tehran holds some 15,000 inmates, rights groups say.",
    ],
)
def test_greater_tehran_prison_is_one_facility(text: str) -> None:
    ann = real_ann(text)
    got = [f for f in ann.facilities if f.id == "open:prison:greater-tehran"]
    assert len(got) == 1
    assert not any(p.id == "geonames:112931" and p.start >= got[0].start and p.end <= got[0].end for p in ann.places)


def test_tehran_alone_stays_the_city() -> None:
    ann = real_ann("Protesters gathered in Greater Tehran on Friday as prices rose.")
    assert "open:prison:greater-tehran" not in {f.id for f in ann.facilities}


def test_agency_prison_in_an_airbase_is_the_airbase_site() -> None:
    ids = _facs("يسمّي المعتقلون سجن المخابرات الجوية في مطار المزة \"بيت خالتنا\" لكثرة من مرّوا به.")
    assert ids == {"fac:sy-mezzeh-airport-prison"}


def test_agency_prison_alone_stays_open_world() -> None:
    assert _facs("أُفرج عنه من سجن المخابرات الجوية بعد عامين من الاعتقال.") == {"open:prison:المخابرات-الجويه"}


def test_agency_prison_at_a_town_stays_open_world() -> None:
    assert "open:prison:المخابرات-الجويه" in _facs("قضى عامين في سجن المخابرات الجوية في حرستا قبل الإفراج عنه.")


def test_detention_words_beside_aircraft_keep_the_prison() -> None:
    text = "A hangar for aircraft inside Mezzeh military airport is where witnesses say prisoners were shot."
    assert "fac:sy-mezzeh-airport-prison" in _facs(text)


def test_numbered_branch_with_cells_as_its_only_cue() -> None:
    assert "open:prison:branch-285" in _facs("A defector placed Branch 285's cells beneath a garage.")
