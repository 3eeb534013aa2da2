"""Round 13, read from real reporting: foreign camps and prisons whose Arabic transliteration has the shape of a
participle (م + long vowel) or of a particle glued to a word (ك/س + long vowel), and the common words of those shapes
that are still no name."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer

GAZ = real_gazetteer()


def facilities(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in enrich(text, GAZ).facilities]


@pytest.mark.parametrize(("text", "surface"), [
    ("التهمت النيران معظم خيام مخيم موريا في جزيرة ليسبوس.", "مخيم موريا"),
    ("يقيم عشرات الآلاف من اللاجئين في مخيم كاكوما شمالي كينيا.", "مخيم كاكوما"),
    ("قالت عائلته إنه نُقل إلى سجن كارون في مدينة الأهواز.", "سجن كارون"),
    ("وصل قارب يقل مهاجرين إلى مخيم ساموس قبل الفجر.", "مخيم ساموس"),
    ("فرّ مئات السجناء من سجن كوبر مع اندلاع المعارك.", "سجن كوبر"),
    ("شهد سجن سوبا جنوب العاصمة هروباً جماعياً.", "سجن سوبا"),
])
def test_a_foreign_name_of_a_participle_or_particle_shape_is_an_open_world_facility(text: str, surface: str) -> None:
    got = facilities(text)
    assert [s for s, _i in got] == [surface]
    assert got[0][1].startswith("open:")


@pytest.mark.parametrize("text", [
    "تحوّل المبنى إلى سجن سابق للمعارضين بعد الحرب.",
    "تم إخلاء مخيم كامل من سكانه خلال ساعات.",
    "أقيم مخيم سابقاً في هذه المنطقة ثم أزيل.",
    "أقيم مخيم مارس الماضي قرب الحدود ثم أزيل.",
    "افتتح مخيم ساحلي جديد للأطفال في الصيف.",
    "كل سجن كالآخر في هذه البلاد، قال الكاتب.",
    "أقامت البلدية مخيماً كاملاً للكشافة.",
    "أنشئ مخيم كوسيلة للضغط على السلطات.",
])
def test_common_words_of_those_shapes_are_no_name(text: str) -> None:
    assert facilities(text) == []


@pytest.mark.parametrize("text", [
    "طالب ذوو الضحايا بأقسى العقاب لمن عذّب المعتقلين في سجون النظام.",
    "دعا إمام المسجد إلى التوبة وإلى عفو يشمل الموقوفين في السجون.",
    "ناشد البطريرك بشارة الراعي السلطات الإفراج عن الموقوفين الذين لم يحاكموا.",
    "قال الراعي في عظته إن قضية السجناء لا تحتمل التأجيل.",
    "شكا نزلاء السجن من انتشار العقرب والبق في الزنازين.",
    "وُضع المعتقلون في الطبقة السفلى من المبنى وفق شهادات ناجين.",
    "يعمل سجناء في ورش الصناعة داخل السجن بأجور زهيدة.",
    "علّق لاجئون في المخيم لافتات في ذكرى معركة حطين.",
    "وصف أسير محرر زنزانته ببطن الحوت الذي لا ينجو منه أحد.",
    "أوقد سكان مخيم الهول النيران احتفالاً بعيد نوروز.",
    "قالت عايدة، وابنها معتقل منذ عامين، إن الزيارات ممنوعة.",
    "Ronald Bucca, a fire marshal, was remembered at a ceremony near the prison museum.",
])
def test_a_core_that_is_a_common_word_or_a_persons_name_needs_a_name_reading(text: str) -> None:
    got = facilities(text)
    assert all(i == "fac:sy-al-hol-camp" for _s, i in got), got


@pytest.mark.parametrize(("text", "want"), [
    ("أمضى القيادي سنوات في العقرب قبل أن يُفرج عنه.", "fac:eg-tora-prison"),
    ("نقلت إدارة السجون محكومين من الحوت إلى مدينة العمارة.", "fac:iq-nasiriyah-central-prison"),
    ("Mothers waited outside Bucca all day for a visit with their sons.", "fac:iq-camp-bucca"),
    ("Several of the group's commanders did time at Bucca in the 2000s.", "fac:iq-camp-bucca"),
    ("About 4,000 men are held at Panorama, the former school the SDF turned into a jail.",
     "fac:sy-ghwayran-prison"),
    ("تجمّع الأهالي في محيط عوفر بانتظار الحافلات التي تقل الأسرى المحررين.", "fac:il-ofer-prison"),
])
def test_the_same_cores_after_a_preposition_of_place_are_the_facility(text: str, want: str) -> None:
    assert {i for _s, i in facilities(text)} == {want}


@pytest.mark.parametrize(("text", "want"), [
    # a definite adjective, participle or relative pronoun after the word makes it a name, whatever its shape
    ("وثّقت منظمات انتهاكات في سجن معيتيقة الواقع قرب مطار العاصمة.", "سجن معيتيقة"),
    # (Mitiga, an open_world gazetteer entry since world17, is read as a known name: another Libyan prison here)
    ("يقبع العشرات في سجن قرنادة المركزي منذ سنوات.", "سجن قرنادة المركزي"),
    ("وصلت عائلات جديدة إلى مخيم فلورينا شمالي اليونان.", "مخيم فلورينا"),
    # the singular of a detainee is a prison word: a bare known name is the prison
    ("قال والده إنه محتجز منذ عامين في رومية دون محاكمة.", "رومية"),
    # leaving a prison whose name is also a given name
    ("Buses carrying freed detainees left Ofer on Monday evening.", "Ofer"),
    ("Detainees held at Ofer Camp went on hunger strike.", "Ofer Camp"),
    ("Cells at Camp X-Ray held the first suspects flown in.", "Camp X-Ray"),
    ("Returnees were taken to the Jeddah rehabilitation centre after the flight.", "Jeddah rehabilitation centre"),
])
def test_round13_names(text: str, want: str) -> None:
    assert want in [s for s, _i in facilities(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("قال إن هذا المكان ليس فندقاً بل سجن حقيقي بكل معنى الكلمة.", []),
    ("الحياة في سجن طبيعي أهون من هذا الحصار.", []),
    ("طالبت أسر معتقلي سجن \"وادي النطرون\" بزيارتهم.", ["سجن \"وادي النطرون\""]),
    ("He was held in a Raqqa prison for two years, his brother said.", []),
    ("Detainees were moved from a Hasakah prison to Iraq last month.", []),
    ("During what Israel called \"Operation Summer Camps\", troops raided Tulkarem.", []),
    ("يقع السجن قرب دير صيدنايا التاريخي شمال العاصمة.", []),
    ("رئيسة جمعية نور شمس للمعاقين عادت لجلب الأجهزة.", []),
])
def test_round13_not_these_facilities(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize("text", [
    "Derek Chauvin was moved to a federal prison in Arizona, his lawyer said.",
    "Ramon Escobar, a lawyer for the prisoners, said the inmates had been beaten.",
    "Matt Damon visited the prison to film a documentary about its inmates.",
    "Naqab residents protested the demolitions; prisoners in Israeli jails joined the strike.",
])
def test_given_names_and_regions_that_are_prison_cores_are_not_the_prison(text: str) -> None:
    assert facilities(text) == []


def test_a_name_no_town_bears_listed_after_a_town_is_still_the_facility() -> None:
    text = "Buses with freed prisoners left Ofer military prison near Ramallah and Ketziot in the Negev."
    assert {i for _s, i in facilities(text)} == {"fac:il-ofer-prison", "fac:il-ktziot-prison"}


@pytest.mark.parametrize(("text", "want"), [
    # a town the displaced fled from or go home to is the town, with words between
    ("نزحت مئات العائلات من سري كانيه نحو مدارس الحسكة.", []),
    ("وصل النازحون من سري كانيه إلى مدارس الحسكة.", []),
    ("عاد النازحون إلى سري كانيه بعد الاتفاق.", []),
    # the area named after the camp
    ("أصيب شاب برصاص طائش في منطقة تعمير عين الحلوة.", []),
    # a feminine plural is a noun, a name
    ("غرقت خيام مخيم عقربات قرب الحدود بعد العاصفة.", ["مخيم عقربات"]),
    ("نُقل المعتقلون إلى سجن شيحات في ريف حلب.", ["سجن شيحات"]),
    # the police's detention is an owner, not a name
    ("احتُجز الشاب في معتقل الشرطة ثلاثة أيام.", []),
    # an indefinite word annexed to a place's name is one name with it
    ("يعيش النازحون في مخيم شهداء سوريا قرب الحدود.", ["مخيم شهداء سوريا"]),
    # a known camp's other name in brackets is the same camp
    # (since rule 28e `السد` is Areesha's own core: both names are read, as one camp's two mentions)
    ("تعيش العائلات في مخيم العريشة (مخيم السد) جنوب الحسكة.", ["مخيم العريشة", "مخيم السد"]),
    # territory held by a force; a people's camps
    ("Hasakah province, where al-Shaddadi lies, is largely held by the SDF.", []),
    ("The UN warned of havoc in Rohingya camps after the cyclone.", []),
])
def test_round13_second_survey_forms(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # Sudan's displacement camps are `معسكر` in a text about the displaced; a base or training camp is not
    ("وصل آلاف النازحين إلى معسكر زمزم جنوب الفاشر.", ["معسكر زمزم"]),
    ("هاجمت قوة مسلحة معسكر أبو شوك للنازحين فجراً.", ["معسكر أبو شوك"]),
    ("تدفق النازحون إلى معسكر \"كلمة\" قرب نيالا.", ["معسكر \"كلمة\""]),
    ("نقلت الحكومة المجندين إلى معسكر تدريب في الشمال، فيما يتواصل نزوح المدنيين.", []),
    ("لجأت أسر نازحة إلى معسكر الأمن المركزي القديم.", []),
    ("قصفت الطائرات معسكر الدعم في المدينة.", []),
    # Libya's shelter centres for migrants
    ("قُتل مهاجرون في قصف استهدف مركز إيواء تاجوراء في العاصمة.", ["مركز إيواء تاجوراء"]),
    ("افتتحت البلدية مركز إيواء جديد للنازحين من الفيضانات.", []),
    # a work, an event or a song of the name; a metaphor of love or dreams; an epithet with another country
    ("افتتح معرض \"الهول\" للكتاب أبوابه في الحسكة.", []),
    ("صدرت أغنية بعنوان \"سجن الحب\" للمطرب.", []),
    ("قدمت فرقة «مخيم الأحلام» عرضها الأول.", []),
    ("وصف الناشطون السجن بأنه غوانتنامو البحرين.", []),
    # a quoted core that is also a word: the scorpion; the prison after a preposition
    ("و«العقرب» يلدغ طفلاً في أحد الكرفانات.", []),
    ("وفاة نزيل في «الحوت» إثر نوبة قلبية.", ["الحوت"]),
])
def test_round13_regional_forms(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("وصل إلى معسكر زمزم آلاف من أهالي القرى بعد دخول قوات الدعم السريع إليها.", ["معسكر زمزم"]),
    ("رحّل مركز إيواء الهجرة غير القانونية فرع الكفرة مئة مهاجر إلى بلدانهم.", []),
    ("توفي شاب في حادث سير على طريق الهول وسط حزن الأسرة.", []),
])
def test_round13_sudan_libya_and_roads(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("'It is a danger,' said the assistant warden of a Kurdish-run prison of 5,000.", []),
    ("Al Hol hosts more than 60,000 people, among them 24,000 Syrians, the UN said.", ["Al Hol"]),
])
def test_round13_english_regional_forms(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # a name and, after a comma, the head word that describes it
    ("كان الجفينة، المخيم الواقع في أطراف المدينة، ملجأً لآلاف الأسر.", ["الجفينة"]),
    ("قال الوزير إن حكومته ستغلق كاكوما، وهو مخيم آخر يضم آلاف اللاجئين.", ["كاكوما"]),
    ("وصلوا إلى الهول، المخيم الأكبر في سوريا.", ["الهول"]),
    ("زار الوفد الحسكة، المدينة التي تضم سجن غويران.", ["سجن غويران"]),
    ("قال المتحدث، السجن الذي أغلق لن يفتح مجدداً.", []),
])
def test_round13_arabic_apposition(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("افتتحت وزارة الداخلية مركز تأهيل وادي النطرون الجديد.", ["مركز تأهيل وادي النطرون"]),
    ("أفرجت السلطات عن معتقلين في سجن معيتيقة الخاضع لسيطرة جهاز أمني.", ["سجن معيتيقة"]),
    ("يقيم آلاف النازحين في معسكر كلمة قرب نيالا.", ["معسكر كلمة"]),
    ("نُقل الأحداث إلى إصلاحية الأحداث في المدينة.", []),
])
def test_round13_heads_and_constructs(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # (read from blind split r13 once it was spent) a name with two long vowels after م is no participle
    ("انتشرت صور من داخل سجن معيتيقة في العاصمة تظهر غرفاً مكتظة.", ["سجن معيتيقة"]),
    ("أقيم مخيم مؤقت في المدينة للعائلات.", []),
    ("أقيم مخيم محاولة لتخفيف الازدحام.", []),
    # a capitalised article marks a name mid-sentence; a preposition of place before a word-like core
    ("Rights groups say The Whale holds three times as many prisoners as it was built for.", ["Whale"]),
    ("Detainees said several of them were beaten while being moved to Ofer.", ["Ofer"]),
    # a river's water, a given name before a camp's or town's name, a camp's section
    ("تراجعت مياه نهر البارد إلى أدنى مستوياتها منذ سنوات.", []),
    ("Mahmoud Rukban, a lawmaker from Mafraq, questioned the minister on teachers' pay.", []),
    ("شهد قسم المهاجرات في الهول حركة مغادرة واسعة بعد انسحاب القوات.", ["قسم المهاجرات", "الهول"]),
    # a prison's prisoners before its quoted name
    ("نقلت سلطات الاحتلال عدداً من أسرى \"عوفر\" بسبب الاكتظاظ.", ["عوفر"]),
])
def test_round13_after_blind_split(text: str, want: list[str]) -> None:
    assert [s for s, _i in facilities(text)] == want


def test_a_given_name_before_a_curated_town_is_a_person() -> None:
    a = enrich("سجّل المهاجم عمر التاجي هدف الفوز في الدقيقة الأخيرة.", GAZ)
    assert not a.places
    b = enrich("Mahmoud Rukban, a lawmaker, asked about teachers' pay.", GAZ)
    assert not b.places
    c = enrich("شنت القوات هجوماً على الرقة فجر اليوم.", GAZ)
    assert [p.surface for p in c.places] == ["الرقة"]
