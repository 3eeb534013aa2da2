"""Round-15 long-article classes (fac15long survey: whole articles, headline apart, as feeds and the API deliver
them): a dateline that opens the body under its headline, a court's seat after `محكمة ... في`, Sudan's `المعسكر`
followed by an adverb, a known name in apposition to "cluster of camps", "refugee complex" as a head, common words
that read as places (`ورقة`, `لقضاء فترة`), a bare name read again after it was read as the facility, and `ابن بلدة X`.
Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from services.enrich.headline import enrich_article
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str, title: str | None = None) -> Annotation:
    if title is None:
        return enrich(text, real_gazetteer())
    return enrich_article(title, text, real_gazetteer())


@pytest.mark.parametrize(("title", "body", "place", "actor"), [
    ("تقرير يوثق التعذيب في فرع فلسطين",
     "بيروت – نشرت منظمة حقوقية سورية تقريراً عن أساليب التحقيق في فرع فلسطين بدمشق.",
     "geonames:276781", "actor:lebanon-gov"),
    ("أهالي أبو غريب يطالبون بتأهيل الطرق",
     "بغداد – طالب أهالي قضاء أبو غريب بإعادة تأهيل الجسور الريفية قبل موسم الحصاد.",
     "geonames:98182", "actor:iraq-gov"),
    ("المنتخب يبدأ معسكره التدريبي",
     "عمّان – يبدأ المنتخب الوطني لكرة القدم معسكراً تدريبياً في العقبة الأسبوع المقبل.",
     "geonames:250441", "actor:jordan-gov"),
])
def test_a_dateline_opening_the_body_under_its_headline_is_no_acting_capital(title: str, body: str, place: str,
                                                                            actor: str) -> None:
    ann = _ann(body, title)
    assert place in {p.id for p in ann.places}
    assert actor not in {a.id for a in ann.actors}


def test_a_later_dispatch_s_dateline_is_none_either_but_a_capital_acting_mid_text_is() -> None:
    text = ("دمشق – قالت مصادر محلية إن الطرق أعيد فتحها.\n\nبغداد – أعلنت وزارة النقل استئناف الرحلات.\n\n"
            "وفي سياق آخر، أعلنت بغداد تسلم دفعة من العائدين.")
    ann = _ann(text)
    starts = {a.start for a in ann.actors if a.id == "actor:iraq-gov"}
    assert text.rindex("بغداد") in starts and text.index("بغداد") not in starts


@pytest.mark.parametrize("text", [
    "أصدرت محكمة جنايات مكافحة الفساد في الرصافة حكماً بالسجن عشر سنوات على مدير سابق.",
    "قضت المحكمة الجنائية المركزية في الرصافة بالسجن المؤبد على متهمين اثنين.",
])
def test_the_seat_of_a_court_is_no_prison(text: str) -> None:
    ann = _ann(text)
    assert not ann.facilities and not ann.alert


def test_a_prison_named_bare_in_a_transfer_is_still_read() -> None:
    ann = _ann("نُقل المحكومون إلى سجن الرصافة بعد صدور الأحكام.")
    assert {f.id for f in ann.facilities} == {"fac:iq-rusafa-prison"}


def test_sudan_s_definite_camp_head_before_an_adverb_names_no_camp() -> None:
    text = ("قصفت قوات الدعم السريع معسكر زمزم للنازحين جنوب الفاشر، وفرّ الآلاف من المعسكر سيراً على الأقدام "
            "نحو طويلة.")
    ann = _ann(text)
    assert [f.surface for f in ann.facilities] == ["معسكر زمزم"]


@pytest.mark.parametrize(("text", "facility", "place"), [
    ("Atmeh, the largest cluster of camps in the area, was also flooded, officials said.", True, False),
    ("Officials said Atmeh, the largest cluster of camps in Idlib, lost hundreds of tents.", True, False),
    ("Atmeh, a town near the Turkish border, was hit by the storm.", False, True),
])
def test_a_known_name_in_apposition_to_a_cluster_of_camps(text: str, facility: bool, place: bool) -> None:
    ann = _ann(text)
    assert ("fac:sy-atmeh-camp" in {f.id for f in ann.facilities}) is facility
    assert ("place:sy-atmeh" in {p.id for p in ann.places}) is place


def test_refugee_complex_is_a_camp_head() -> None:
    ann = _ann("Thousands of new arrivals reached the Dadaab refugee complex in Kenya this month.")
    assert [(f.id, f.kind) for f in ann.facilities] == [("open:camp:dadaab", "camp")]


@pytest.mark.parametrize(("text", "absent"), [
    ("واستخدمت الإدارة المخيم \"ورقة ضغط\" في مفاوضاتها مع الدول الغربية.", "geonames:172955"),
    ("ستنتقل العائلات إلى مخيم الجدعة لقضاء فترة تأهيل تمتد ثلاثة أشهر.", None),
])
def test_common_words_read_as_places(text: str, absent: str | None) -> None:
    ids = {p.id for p in _ann(text).places}
    assert all(not i.startswith("open:") for i in ids)
    if absent is not None:
        assert absent not in ids


def test_a_district_after_qada_is_still_read() -> None:
    assert "geonames:448149" in {p.id for p in _ann("نزح آلاف السكان من قضاء سنجار نحو دهوك.").places}


def test_a_bare_name_read_as_the_facility_keeps_that_reading_later_in_the_text() -> None:
    text = ("يروي ناجٍ من حماة أنه اعتُقل عام 1982 ونُقل إلى سجن تدمر العسكري حيث بقي سنوات، قبل أن يعاد اعتقاله "
            "عام 2012 ويرسل إلى صيدنايا.\n\nويضيف أن \"تدمر كان الموت البطيء، أما صيدنايا فكان الموت السريع\"، "
            "في إشارة إلى الإعدامات الجماعية.")
    ann = _ann(text)
    assert [f.start for f in ann.facilities if f.id == "fac:sy-sednaya-prison"] == \
        [text.index("صيدنايا"), text.rindex("صيدنايا")]
    assert "geonames:164717" not in {p.id for p in ann.places}


def test_the_town_stays_the_town_beside_its_prison() -> None:
    ann = _ann("خرج المعتقلون من سجن صيدنايا، ثم وصلوا إلى بلدة صيدنايا القريبة.")
    assert "geonames:164717" in {p.id for p in ann.places}


@pytest.mark.parametrize(("text", "place"), [
    ("فاز المصور الشاب محمد، ابن بلدة أطمة الحدودية، بجائزة للتصوير.", "place:sy-atmeh"),
    ("قال أحد أبناء المنطقة، وهو ابن مدينة الحسكة، إن الطرق مغلقة.", "geonames:173811"),
])
def test_a_native_of_a_town_is_no_kunya(text: str, place: str) -> None:
    ids = {p.id for p in _ann(text).places}
    assert place in ids and all(not i.startswith("open:") for i in ids)


def test_a_bare_name_with_its_inhabitants_is_the_town() -> None:
    text = ("يشكو أهالي بلدة الهول من انقطاع الخبز. وقال المختار إن الهول، التي يسكنها نحو عشرة آلاف نسمة، "
            "تحتاج إلى فرن ثانٍ، وإن شباناً من البلدة يعملون في المخيم القريب.")
    ann = _ann(text)
    assert not ann.facilities and not ann.alert
    assert "geonames:173797" in {p.id for p in ann.places}


@pytest.mark.parametrize(("text", "country"), [
    ("استقبل الدير زواراً من لبنان ومحافظات سورية مختلفة.", False),
    ("عاد آلاف اللاجئين إلى سورية خلال العام الماضي.", True),
])
def test_an_indefinite_feminine_plural_takes_the_nisba(text: str, country: bool) -> None:
    assert ("country:SY" in {p.id for p in _ann(text).places}) is country


@pytest.mark.parametrize(("text", "facility"), [
    ("Fire tore through Rohingya refugee shelters overnight; it started in Camp 11 near Balukhali.", ("camp", "11")),
    ("Soldiers trained at Camp 11 for three weeks before deploying.", None),
])
def test_a_numbered_camp_among_refugees_camps(text: str, facility: tuple[str, str] | None) -> None:
    facs = _ann(text).facilities
    assert [(f.kind, f.surface.split()[-1]) for f in facs] == ([facility] if facility else [])


def test_a_numbered_section_of_a_named_camp_is_that_camp() -> None:
    text = "Fire destroyed 300 shelters in Camp 5 of the Kutupalong refugee camp, Rohingya leaders said."
    facs = _ann(text).facilities
    assert [f.surface for f in facs] == ["Kutupalong refugee camp"]


@pytest.mark.parametrize(("text", "ids"), [
    ("About 150,000 people still live in camps in Duhok, Erbil and Sulaimaniyah provinces, officials said.",
     {"adm1:IQ-duhok", "adm1:IQ-erbil", "adm1:IQ-sulaymaniyah"}),
    ("The ministry plans to close the camps in Erbil and Duhok provinces by June.", {"adm1:IQ-erbil", "adm1:IQ-duhok"}),
    ("He moved from Mosul, Erbil and Duhok to Baghdad.", {"geonames:99072", "geonames:95446", "geonames:96994",
                                                          "geonames:98182"}),
])
def test_a_list_of_names_before_provinces_names_governorates(text: str, ids: set[str]) -> None:
    assert {p.id for p in _ann(text).places} == ids
