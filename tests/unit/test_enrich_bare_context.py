"""Round 6 (issue 7): bare catalogue names read by the words around them, epithets, nicknames, split and
variant spellings, names in apposition to a head word. Every sentence here is written for the test; each
positive has a near-miss beside it that must stay a town, a word or nothing."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def fac_ids(text: str) -> set[str]:
    return {f.id for f in ann(text).facilities}


def place_ids(text: str) -> set[str]:
    return {p.id for p in ann(text).places}


@pytest.mark.parametrize(("text", "fid"), [
    # a bare name after in/from/to while the text names another facility of its kind
    ("أعادت الحكومة عشرات الأسر من الهول إلى مخيم الجدعة هذا الأسبوع", "fac:sy-al-hol-camp"),
    ("After a week in Jadaa camp, the Iraqis who had spent years in al-Hol were sent home",
     "fac:sy-al-hol-camp"),
    # a name no town bears: "around" it is around the facility
    ("احتشد الأهالي في محيط عوفر بانتظار خروج المحررين", "fac:il-ofer-prison"),
    # a camp whose GeoNames place is its own district (data: district), read by refugees and returnees
    ("عاد عشرات اللاجئين الفلسطينيين إلى اليرموك رغم الدمار", "fac:sy-yarmouk-camp"),
    ("Palestinian refugees returning to Yarmouk found their homes in ruins", "fac:sy-yarmouk-camp"),
    # detention words in their Arabic forms: the accusative ending, محكومين, أسرى
    ("أُفرج عن 30 معتقلاً من صيدنايا دفعة واحدة", "fac:sy-sednaya-prison"),
    ("اتفق البلدان على نقل المحكومين من روميه خلال شهر", "fac:lb-roumieh-prison"),
    # a prison's section with a vowel mark, then "in" and the known prison
    ("زار النواب سجنَ النساء في الكاظمية أمس", "fac:iq-kadhimiya-prison"),
    # time served: "spent N years in", `قضى سنوات في`; survivors; a section of the known prison in English
    ("He spent six years in Saydnaya before he was freed.", "fac:sy-sednaya-prison"),
    ("قضى سبع سنوات في صيدنايا قبل الإفراج عنه", "fac:sy-sednaya-prison"),
    ("ناجون من صيدنايا يروون شهاداتهم", "fac:sy-sednaya-prison"),
    ("The women's prison in Kadhimiya is three times over capacity.", "fac:iq-kadhimiya-prison"),
    # nicknames that are facts
    ("Before the Americans renamed it, the British called the site Camp Freddy.", "fac:iq-camp-bucca"),
    ("قضى سنوات في ليمان طرة قبل أن يُنقل إلى سجن آخر", "fac:eg-tora-prison"),
    # a known name in apposition to a head word, spelled otherwise
    ("Lawyers were refused entry to al-Hout, the largest prison in the south, on Monday.",
     "fac:iq-nasiriyah-central-prison"),
])
def test_bare_name_in_facility_context(text: str, fid: str) -> None:
    a = ann(text)
    assert a.alert and fid in {f.id for f in a.facilities}, a.facilities


@pytest.mark.parametrize(("text", "fid"), [
    ("انتقلت العائلة إلى بلدة الهول قبل الحرب للعمل في الزراعة", "fac:sy-al-hol-camp"),  # a town cue
    ("Born in al-Hol, she was later moved to Roj camp with her children.", "fac:sy-al-hol-camp"),  # birthplace
    ("He was freed from Ghwayran prison and taken home to Shaddadi.", "fac:sy-shaddadi-prison"),  # his town
    ("عاد اللاعب إلى اليرموك بعد موسم مع نادٍ خليجي", "fac:sy-yarmouk-camp"),  # the club, no refugee in sight
    ("فاض نهر اليرموك وغمرت المياه البساتين", "fac:sy-yarmouk-camp"),  # the river
    ("جلس الأطفال على الشاطئ حتى المساء", "fac:ps-shati-camp"),  # "the beach", not the Beach camp
    ("The minister thanked Ahmed, the prison guard, for his courage.", None),  # a person in apposition
    ("She spent three summers in Saydnaya with her grandparents.", "fac:sy-sednaya-prison"),  # not years served
    ("The prison in Saydnaya is notorious.", "fac:sy-sednaya-prison"),  # "a prison in X": X is the town
    ("Aid workers in Atmeh counted 900 tents flattened by the storm.", "fac:sy-atmeh-camp"),  # a cluster's town
    ("نصب متطوعون خياماً جديدة في أطمة بعد العاصفة", "fac:sy-atmeh-camp"),
])
def test_near_misses_stay_what_they_are(text: str, fid: str | None) -> None:
    ids = fac_ids(text)
    assert (fid not in ids) if fid else not ids, ids


@pytest.mark.parametrize("text", [
    'وصف ناشطون الحي المحاصر بأنه "غوانتانامو صغير"',
    "أطلق معتقلون سابقون على السجن الصحراوي لقب غوانتانامو الإسرائيلي",
    "تحوّل المعتقل إلى غوانتانامو مصر بحسب منظمات حقوقية",
    "Lawyers have called the desert base the 'Israeli Guantánamo', citing testimony.",
    "Human-rights groups describe the site as Israel's Guantanamo.",
    "Critics call the desert facility 'America's Guantanamo in Iraq'.",
])
def test_guantanamo_as_an_epithet_is_no_facility(text: str) -> None:
    assert "fac:cu-guantanamo" not in fac_ids(text)


@pytest.mark.parametrize("text", [
    "نُقل المعتقلون اليمنيون من غوانتانامو إلى سلطنة عمان",
    "The Yemeni Guantanamo detainee was flown to Oman on Tuesday.",
    "نقل معتقل غوانتانامو الأمريكي عشرات السجناء",
    "Sweden charged a woman repatriated from Syria's al-Hawl in 2022.",
    "أعادت الإدارة عائلات من الهول السوري إلى العراق",
    'Lawyers called the conditions at "Guantanamo" unacceptable.',
    'The detainees described life in "Guantanamo" as hell.',
])
def test_the_facility_itself_with_its_own_country_or_nationals(text: str) -> None:
    assert ann(text).alert


@pytest.mark.parametrize(("text", "want"), [
    ("صوّت النازحون في مخيمات شاريا وخانكي وقادية", {"fac:iq-sharya-camp", "fac:iq-khanke-camp",
                                                    "fac:iq-qadiya-camp"}),
    ("يعيش النازحون في مخيمي دوميز وجم مشكو منذ سنوات", {"fac:iq-domiz-camp", "fac:iq-chamishku-camp"}),
    ("A fire in Cham Mishko camp destroyed four tents.", {"fac:iq-chamishku-camp"}),
    ("Fires hit the Cham Mishko and Sharya camps last week.", {"fac:iq-chamishku-camp", "fac:iq-sharya-camp"}),
    ("غرقت عشرات الخيام في مخيمات أطمة الحدودية", {"fac:sy-atmeh-camp"}),  # the cluster, named with its head
])
def test_split_and_variant_names(text: str, want: set[str]) -> None:
    assert want <= fac_ids(text)


def test_the_city_of_a_prison_named_otherwise_stays_the_city() -> None:
    text = "Relatives wait outside al-Hout, the sprawling prison on the edge of Nasiriyah."
    assert "fac:iq-nasiriyah-central-prison" in fac_ids(text)
    assert "geonames:98854" in place_ids(text)


def test_open_world_name_in_apposition() -> None:
    a = ann("She was freed from Evin, the notorious prison in northern Tehran, after paying bail.")
    assert [f.surface for f in a.facilities if f.id.startswith("open:")] == ["Evin"]
