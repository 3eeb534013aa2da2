"""Rule 29u (spentbare29, round 29; read from the spent r29a/r29b/r29e splits, not blind): facilities a general
reading finds. Own wording reproducing the forms: a complex's numbered prison written bare in Arabic, a bare name
and a superlative over a country's prisons after a headline's two dots, a colon or a dash, a camp's descriptor
between its name and "camp", a complex's adjective before `في` and its name."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_an_arabic_name_ending_in_a_digit_is_read_bare() -> None:
    # the scanner asked an Arabic name ending in a digit whether it was capitalised, as an English one: never read
    assert _facs("قالت أسرته إنه مضرب عن الطعام في بدر 3 منذ أسابيع رغم مرضه.") == [("بدر 3", "open:prison:badr-3")]
    assert _facs("نُقل القيادي من طرة إلى بدر 1 الشهر الماضي.") == [("طرة", "fac:eg-tora-prison"),
                                                                  ("بدر 1", "open:prison:badr-1")]
    assert _facs("بدر 3، أسوأ سجون مصر اليوم.") == [("بدر 3", "open:prison:badr-3")]
    # the al-Tanf zone's listed alias (rule 29e's reading gap)
    assert "place:sy-al-tanf" in _places("تعيش العائلات داخل منطقة الـ55 كم قرب الحدود الأردنية.")


def test_a_bare_numbered_name_in_no_detention_frame_stays_none() -> None:
    assert _facs("فاز فريق بدر 3 مقابل 1 في مباراة الأمس.") == []
    assert _facs("ارتدى اللاعب القميص رقم 1 في المباراة.") == []


def test_a_bare_name_and_a_superlative_over_prisons_after_two_dots_a_colon_or_a_dash() -> None:
    for sep in ("..", ":", " -", "…", " —", "،"):
        text = f"الحاير{sep} أشد سجون السعودية تحصيناً. يقع جنوب الرياض."
        assert _facs(text) == [("الحاير", "open:prison:hair")], sep
    assert [i for _, i in _facs("رومية.. أكثر سجون لبنان اكتظاظاً بالنزلاء.")] == ["fac:lb-roumieh-prison"]
    assert [i for _, i in _facs("Al-Hayer — the most fortified of Saudi Arabia's prisons.")] == ["open:prison:hair"]


def test_a_citys_superlative_or_one_dot_is_no_apposition() -> None:
    assert _facs("تدمر.. أكبر مدن البادية السورية. تقع في الصحراء.") == []
    assert _facs("تدمر، أكبر مدن البادية السورية. تقع في الصحراء.") == []


def test_a_camps_descriptor_between_its_name_and_camp() -> None:
    for d in ("aid", "relief", "reception", "evacuation", "displaced"):
        text = f"Survivors of the assault walked to the Tawila {d} camp, where food is scarce."
        assert [i for _, i in _facs(text)] == ["open:camp:tawila"], d
    text = "The Adre and Tine reception camps took in thousands more refugees."
    assert {i for _, i in _facs(text)} == {"open:camp:adre", "open:camp:tine"}


def test_a_donor_or_a_lower_case_descriptor_names_no_camp() -> None:
    assert _facs("The Red Crescent relief camp handed out blankets and soap.") == []
    assert _facs("UNHCR set up a reception camp near the border crossing.") == []
    assert _facs("A summer aid camp for children opened in Amman.") == []


def test_a_complexs_adjective_before_fi_and_its_name() -> None:
    text = "وصفت المسؤولة مجمع السجون الجديد في وادي النطرون بأنه فندق خمس نجوم."
    assert _facs(text) == [("مجمع السجون الجديد في وادي النطرون", "open:prison:wadi-natrun")]
    text = "وصفت المسؤولة مجمع السجون الجديد بوادي النطرون بأنه فندق خمس نجوم."
    assert _facs(text) == [("مجمع السجون الجديد بوادي النطرون", "open:prison:wadi-natrun")]


def test_a_complexs_adjective_before_a_noun_or_a_known_town_names_none() -> None:
    assert _facs("افتتحت الحكومة مجمع السجون الجديد في المدينة.") == []
    assert _facs("افتتحت الحكومة مجمع السجون الجديد في حلب.") == []
    assert _facs("افتتحت الحكومة مجمع السجون الجديد بحلب.") == []
