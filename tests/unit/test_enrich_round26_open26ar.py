"""Round 26, open26ar (README rule 28n): prisons, detention and shelter centres and camps beyond the gazetteer in Arabic
reports (open world, id null), their spans, and their near-misses. The sentences are written for these tests; each
positive test fails on the round's base engine."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_ann

D = date(2025, 10, 1)


def _open(text: str) -> list[str]:
    """The open-world facility names the engine reads (the surface without its head, as the scorer compares them)."""
    return [f.surface for f in real_ann(text, D).facilities if f.id.startswith("open:")]


def _none(text: str) -> bool:
    ann = real_ann(text, D)
    return not ann.facilities and not ann.alert


def test_a_french_article_opens_a_foreign_name_after_a_head() -> None:
    assert _open("أمضى الوزير السابق ليلته الأولى في سجن «لا سانتيه» جنوب باريس.") == ["سجن «لا سانتيه»"]
    assert _open("يقيم الموقوف في زنزانة فردية داخل سجن لا سانتي منذ الثلاثاء.") == ["سجن لا سانتي"]
    assert _open("سيُنقل المتهم إلى سجن (لا سانتيه) الأسبوع المقبل.")[0].startswith("سجن (لا سانتيه")


def test_a_negation_after_a_head_is_no_name() -> None:
    assert _none("يقول المحامي إن موكله وُضع في سجن لا يتسع لنصف نزلائه.")
    assert _none("وُصفت الجزيرة طويلاً بأنها سجن لا مفر منه.")
    assert _none("تحدث الأهالي عن سجن لا رقيب عليه في أطراف المدينة.")


def test_a_hyphenated_quoted_foreign_name() -> None:
    assert _open("نُقل اثنان من المتهمين إلى سجن «فلوري- ميروجي» قرب العاصمة الفرنسية.") == ["سجن «فلوري- ميروجي»"]


def test_a_foreign_names_second_word_before_an_adjective_or_for_refugees() -> None:
    assert _open("تجمّع مئات اللاجئين في مخيم كوكس بازار الذي ضربته الأمطار.") == ["مخيم كوكس بازار"]
    assert _open("تضرر مخيم كارا تيبي المؤقت بعد العاصفة.") == ["مخيم كارا تيبي"]
    assert _open("وصل الوزير إلى مخيم كارا تيب للاجئين صباح الجمعة.") == ["مخيم كارا تيب"]
    # a word that is no name's stays out: a pronoun-suffixed noun, a place, a stop word
    assert _none("أقيم قرب البلدة مخيم حمل اسمها للاجئين القادمين من الجنوب.")


def test_a_security_body_named_by_two_nouns() -> None:
    assert _open("أضرب معتقلون في سجن جهاز الأمن والمخابرات بصنعاء عن الطعام.") == ["سجن جهاز الأمن والمخابرات"]
    assert _open("إضراب جديد في سجن الأمن والمخابرات.. والإدارة تمنع الزيارات") == ["سجن الأمن والمخابرات"]


def test_a_glue_word_of_two_letters_takes_the_next_word() -> None:
    assert _open("نُقل النزلاء إلى مركز إصلاح وتأهيل أم اللولو في الشمال.") == ["مركز إصلاح وتأهيل أم اللولو"]


def test_libyas_shelter_centres_among_migrants() -> None:
    # the agency of illegal migration, deportation or detainees say the text is about migrants; a vowel mark on the word
    assert _open("أودع جهاز مكافحة الهجرة غير الشرعية الموقوفين مركز إيواء أبى سليم تمهيداً لترحيلهم.") \
        == ["مركز إيواء أبى سليم"]
    assert _open("أعيد 40 مُهاجراً من مركز إيواء برسس إلى الحدود الجنوبية.") == ["مركز إيواء برسس"]
    assert _open("زار قنصل مركز إيواء “بئر الغنم” والتقى مواطنين محتجزين فيه.") == ["مركز إيواء “بئر الغنم”"]
    assert _open('سيودع المرحّلون مركز إيواء وترحيل "قنفوذة" قبل إعادتهم إلى بلدانهم.') \
        == ['مركز إيواء وترحيل "قنفوذة"']
    # a bare centre and a quoted name among migrants held there
    assert _open("يحتجز مركز «العسّة» مئات المهاجرين في ظروف قاسية.") == ["مركز «العسّة»"]


def test_shelter_centres_and_quoted_centres_elsewhere_stay_none() -> None:
    assert _none("لجأت العائلات النازحة إلى مركز إيواء الشهداء في المدينة.")
    assert _none("افتتح مركز «الأمل» فرعاً جديداً لتعليم الأطفال.")


def test_a_word_of_a_particles_shape_before_for_the_displaced() -> None:
    assert _open("قُتل ثلاثة في هجوم على مخيم كلمة للنازحين في جنوب دارفور.") == ["مخيم كلمة"]
    assert _open("دخلت قوة حكومية معسكر (كلمة) للنازحين في جنوب دارفور.")[0].startswith("معسكر (كلمة")


def test_descriptions_after_a_head_are_no_names() -> None:
    assert _none("طال القصف مخيم نازحين قرب الفاشر صباح السبت.")
    assert _none("يقيم المهاجرون في مخيم بطاقة استيعابية تبلغ ألفي شخص.")
    assert _none("شارك الأشبال في مخيم النادي البحري جنوب العاصمة.")
    assert _open("تحول سجن الحراش من سجن شعبي إلى محبس للوزراء.") == ["سجن الحراش"]
    assert _open("وفاة معتقل بسجن قرنادة بعد إهمال طبي.") == ["سجن قرنادة"]
    assert _open("هاجم مسلحون مخيم زمزم ومخيم نازحين آخر يسمى أبو شوك.") == ["مخيم زمزم", "أبو شوك"]


def test_the_controversial_and_a_relative_pronoun_before_known_as() -> None:
    assert _open("افتتح الحاكم مركز الاحتجاز المثير للجدل الذي يُعرف باسم “أليغيتور ألكاتراز” في الولاية.") \
        == ["“أليغيتور ألكاتراز”"]


def test_sudans_army_camps_and_the_accusative_of_one_camp() -> None:
    assert _none("سقطت مسيّرات قرب معسكر المعاقيل للجيش في ولاية نهر النيل، وقال الدعم السريع إنها أصابت أهدافها.")
    assert _none("أصاب صاروخ معسكراً لتدريب عناصر الدعم السريع شمال نيالا.")


def test_a_quoted_maghreb_name_keeps_its_first_letter() -> None:
    ann = real_ann('تجدد الاحتجاج داخل السجن المدني "برج الرومي" في بنزرت التونسية.', D)
    assert [f.id for f in ann.facilities] == ["open:prison:برج-الرومي"]
