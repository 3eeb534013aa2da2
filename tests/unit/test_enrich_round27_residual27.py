"""Rule 28u (residual27, round 27): general mechanisms for the corpus's remaining facility and alert errors.
Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_fac_ids, real_place_ids

ATMEH = "fac:sy-atmeh-camp"


# --- the cluster word before a cluster camp's name ---------------------------------------------------------------

def test_cluster_word_before_atmeh_is_the_camps() -> None:
    assert real_fac_ids("اشتكت عائلات في تجمع أطمة من انقطاع المياه منذ أسبوع.") == {ATMEH}


def test_cluster_word_in_a_headline() -> None:
    assert real_fac_ids("تجمع أطمة.. آلاف الخيام على الشريط الحدودي") == {ATMEH}


def test_cluster_word_with_shadda_and_proclitic() -> None:
    assert real_fac_ids("وصلت قافلة مساعدات إلى تجمّع أطمة صباح اليوم.") == {ATMEH}
    assert real_fac_ids("غمرت السيول خيام النازحين بتجمع أطمة ليلة الأحد.") == {ATMEH}


def test_cluster_word_after_a_plural_camp_head() -> None:
    assert real_fac_ids("احترقت ثلاث خيام داخل مخيمات تجمع أطمة بسبب مدفأة.") == {ATMEH}


def test_the_verb_gathered_before_people_of_the_town_is_no_camp() -> None:
    text = "تجمّع أهالي أطمة أمام المجلس المحلي للمطالبة بإصلاح الطريق."
    assert ATMEH not in real_fac_ids(text)
    assert "place:sy-atmeh" in real_place_ids(text)


def test_the_town_word_keeps_the_town() -> None:
    assert ATMEH not in real_fac_ids("افتُتح مستوصف جديد في بلدة أطمة الحدودية.")


# --- a word-like camp name with the camp or UNRWA in its sentence ------------------------------------------------

BAQAA = "fac:jo-baqaa-camp"


def test_unrwa_alone_in_the_sentence_reads_the_camp() -> None:
    assert real_fac_ids("افتتحت وكالة الغوث عيادة جديدة في البقعة لتخفيف الضغط على المركز القديم.") == {BAQAA}


def test_the_camp_alone_in_the_sentence_reads_the_camp() -> None:
    assert real_fac_ids("رحل الخيّاط عن البقعة إلى إربد حين كسدت تجارته في سوق المخيم.") == {BAQAA}


def test_the_word_with_no_camp_or_agency_stays_the_word() -> None:
    assert BAQAA not in real_fac_ids("تحولت هذه البقعة من الأرض إلى ملعب للأطفال بعد تنظيفها.")


def test_a_fronts_name_inside_another_camp_is_no_camp() -> None:
    text = "أصاب رصاص طائش من محور حطين مواطناً، وأغلق الجيش مدخل المخيم لساعات."
    assert "fac:jo-marka-camp" not in real_fac_ids(text)


def test_residents_of_a_word_like_camp_with_the_camp_later() -> None:
    text = "يعمل كثير من سكان الوحدات في أسواق عمّان، ويعودون مساءً إلى بيوتهم داخل المخيم."
    assert real_fac_ids(text) == {"fac:jo-wehdat-camp"}


def test_residents_of_the_units_with_no_camp_are_no_camp() -> None:
    assert real_fac_ids("يشكو سكان الوحدات السكنية الجديدة من ضعف الصيانة.") == set()


# --- a known prison in a list before "detention camps" -----------------------------------------------------------

def test_known_prisons_listed_before_detention_camps() -> None:
    text = "Lawyers said detainees held in Ofer and Majeddo detention camps had not seen a judge for weeks."
    assert real_fac_ids(text) == {"fac:il-ofer-prison", "fac:il-megiddo-prison"}


def test_other_spelling_of_a_known_prison_under_detention_camp() -> None:
    assert real_fac_ids("His family says he is held in the Majeddo detention camp.") == {"fac:il-megiddo-prison"}


def test_unknown_names_before_detention_camps_stay_open() -> None:
    ids = real_fac_ids("Rights groups documented abuse in the Qaryatein and Sultani detention camps last year.")
    assert all(i.startswith("open:") for i in ids) and ids


def test_a_glued_proclitic_makes_a_word_of_its_own() -> None:
    # `لقاح` "a vaccine" (ل + قاح) with the camp in the sentence is no Qah camp
    assert real_fac_ids("وزّعت إدارة المخيم جرعات لقاح الحصبة على الأطفال دون الخامسة.") == set()


# --- a measure after a head: ب + a number or a multiple ----------------------------------------------------------

def test_a_prison_at_three_times_its_capacity_names_no_prison() -> None:
    assert real_fac_ids("صيدنايا.. سجن بثلاثة أضعاف طاقته الاستيعابية") == {"fac:sy-sednaya-prison"}
    assert real_fac_ids("تحوّل المبنى إلى سجن بضعف طاقته بعد موجة الاعتقالات.") == set()



# --- the Arabic word for "annex" before a camp that has one ------------------------------------------------------

ANNEX = "fac:sy-al-hol-annex"


def test_the_annex_of_al_hol_camp_in_arabic() -> None:
    assert real_fac_ids("احتجّت نساء أجنبيات داخل الملحق الخاص بمخيم الهول على تأخر توزيع المياه.") == {ANNEX}
    assert real_fac_ids("نُقلت ثلاث عائلات إلى الملحق في مخيم الهول بعد التدقيق الأمني.") == {ANNEX}


def test_an_appendix_to_an_agreement_is_no_annex() -> None:
    assert real_fac_ids("وقّع الطرفان ملحقاً للاتفاق في مخيم الهول يخص إدارة الخدمات.") == {"fac:sy-al-hol-camp"}


def test_a_camp_with_no_annex_keeps_its_id() -> None:
    assert real_fac_ids("جال الوفد في الملحق الخاص بمخيم روج قبل أن يغادر.") == {"fac:sy-roj-camp"}


def test_the_annex_alone_in_a_text_naming_al_hol() -> None:
    text = "Guards at al-Hol camp searched tents overnight and then moved on to the foreigners' annex at dawn."
    assert real_fac_ids(text) == {"fac:sy-al-hol-camp", ANNEX}
    assert real_fac_ids("Aid reached al-Hol on Monday; the Annex, with its own fence, waited two more days.") \
        == {"fac:sy-al-hol-camp", ANNEX}


def test_the_verb_annex_and_another_buildings_annex_are_no_annex() -> None:
    assert real_fac_ids("Officials said Israel plans to annex land; al-Hol camp was not mentioned.") \
        == {"fac:sy-al-hol-camp"}
    assert real_fac_ids("UN staff working at al-Hol camp met in the annex of the agency's office in Hasakah.") \
        == {"fac:sy-al-hol-camp"}


def test_the_annex_in_a_text_with_no_camp_that_has_one() -> None:
    assert real_fac_ids("Women in Roj camp were moved to the annex after the riot.") == {"fac:sy-roj-camp"}


# --- examples after a definite plural head: `السجون الكبيرة كرومية وزحلة والقبة` ---------------------------------

def test_examples_of_a_definite_plural_prison_head() -> None:
    text = "يشكو المحامون من أن السجون المكتظة كرومية وزحلة والقبة لا تتسع لنصف نزلائها."
    assert real_fac_ids(text) == {"fac:lb-roumieh-prison", "fac:lb-zahle-prison", "fac:lb-qobbeh-prison"}


def test_examples_of_a_definite_plural_camp_head() -> None:
    text = "وصلت شاحنات الطحين إلى المخيمات الحدودية كأطمة وقاح صباح الخميس."
    assert real_fac_ids(text) == {"fac:sy-atmeh-camp", "fac:sy-qah-camp"}


def test_towns_between_the_head_and_such_as_stay_towns() -> None:
    text = "انتشرت السجون في مدن كالرقة والطبقة خلال سنوات الحرب."
    assert real_fac_ids(text) == set()


def test_the_camp_alone_needs_a_definite_word_and_no_origin() -> None:
    # a given name has no article; where grandparents came from is the region (rounds 19 and 23 tests' forms)
    assert real_fac_ids("قال أشرف سليمان، مختار الحي، إن العائلات رجعت إلى المخيم.") == set()
    assert "fac:lb-wavel-camp" not in real_fac_ids("يروي المسنون في المخيم أن آباءهم هاجروا من الجليل.")
    assert "fac:lb-wavel-camp" not in real_fac_ids("يتذكر شيوخ المخيم أن أهلهم جاؤوا من الجليل الأعلى سيراً.")
