"""Round 25, mine25ar (README rule 28a): forms read in Arabic reports on north-east Syria's camps, prisons and
rehabilitation centres. The sentences are written for these tests; each test fails on the round's base engine."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_actor_ids, real_ann, real_fac_ids, real_place_ids

D25 = date(2025, 6, 1)
D26 = date(2026, 2, 20)


def test_spellings_outlets_print_for_the_rehabilitation_centres_and_aqtan() -> None:
    # Halat as most outlets spell it, Orkesh without its yā, Aqtan as Turkish outlets transliterate it
    assert real_fac_ids('تعمل في "مركز هلات" بالحسكة ست مربيات مع أبناء عناصر التنظيم.', D25) \
        == {"fac:sy-halat-centre"}
    assert real_fac_ids("يقيم الفتيان الأجانب في مركز أوركش للتأهيل قرب القامشلي.", D25) == {"fac:sy-orkesh-centre"}
    assert real_fac_ids("احتشدت أمهات أمام سجن أكتان شمال الرقة ينتظرن أبناءهن.", D26) == {"fac:sy-aqtan-prison"}


def test_the_muhajirat_sector_is_the_annex_and_a_headline_camp_stays_beside_it() -> None:
    assert real_fac_ids("فتّشت القوى الأمنية خيام قطاع المهاجرات في مخيم الهول فجر اليوم.", D25) \
        == {"fac:sy-al-hol-annex", "fac:sy-al-hol-camp"}
    text = "مخيم الهول شبه خالٍ من الأجانب\nقالت منظمة إغاثية إن عشر عائلات فقط ما زالت في قسم المهاجرات."
    assert real_fac_ids(text, D26) == {"fac:sy-al-hol-camp", "fac:sy-al-hol-annex"}


def test_a_known_site_in_its_governorates_capital_is_no_other_site() -> None:
    assert real_fac_ids("نقلت قسد عشرات النساء إلى مخيم روج في الحسكة.", D25) == {"fac:sy-roj-camp"}
    assert real_fac_ids("اندلع عصيان في سجن ديريك في الحسكة ليلة أمس.", D25) == {"fac:sy-derik-prison"}


def test_a_count_of_families_after_the_camp_is_no_numbered_camp() -> None:
    ann = real_ann("يصل النازحون تباعاً إلى مخيم واشوكاني، ويستقبل المخيم 15 عائلة كل يوم.", D25)
    assert {f.id for f in ann.facilities} == {"fac:sy-washokani-camp"}


def test_a_group_name_split_by_tatweels_around_a_mark() -> None:
    assert "actor:isis" in real_actor_ids('نُقلت زوجات "داعـ.ـش" إلى مخيم آخر.', D25)
    assert "actor:isis" in real_actor_ids("دويلة داعـ ـش الصغيرة في المخيم", D25)


def test_a_control_verb_after_an_indefinite_prison_head_is_no_name() -> None:
    text = "فرّ عناصر من التنظيم من سجن تسيطر عليه قوات سوريا الديمقراطية داخل مدينة الشدادي."
    assert real_fac_ids(text, D26) == set()


def test_a_citys_prisons_and_quoted_towns_in_a_detention_sentence() -> None:
    ann = real_ann("سُمح بزيارة ذوي الموقوفين لسجون الرقة بعد خروج قسد منها.", D26)
    assert not ann.alert and "geonames:172955" in {p.id for p in ann.places}
    ann = real_ann('تسأل أمهات في "الرقة" و"دير الزور" عن أبنائهن المحتجزين في سجون قسد.', D25)
    assert not ann.alert and {"geonames:172955", "geonames:170794"} <= {p.id for p in ann.places}
    # a list of two cities' prisons keeps its names (the corpus's label)
    assert "fac:iq-nasiriyah-central-prison" in real_fac_ids("نُقل نزلاء إلى سجون الناصرية والبصرة.", D25)


def test_town_readings_of_camp_and_prison_names() -> None:
    text = "قال النازح، وهو من قرية في الريف الشمالي لسري كانيه، إن عائلته سكنت مدرسة في الحسكة عاماً كاملاً."
    assert real_fac_ids(text, D25) == set()
    assert "geonames:172837" in real_place_ids('فرّ سجناء من سجن "الكتيبة" إلى الشرق من الشدادي.', D25)
    assert "fac:sy-shaddadi-prison" not in real_fac_ids('فرّ سجناء من سجن "الكتيبة" إلى الشرق من الشدادي.', D25)
    text = "حاول محتجزون في السجن الكبير في ديريك/ المالكية انتزاع أسلحة الحراس."
    assert real_fac_ids(text, D25) == set()


def test_words_that_are_no_places() -> None:
    ids = real_place_ids("أقيم المخيم ليؤوي الفارين من الرقة ودير الزور وريفهما.", D25)
    assert not any(i.startswith("open:place:") for i in ids)
    assert real_place_ids("تُسلَّم العائلات الأجنبية من المخيم إلى دولها الأم.", D25) == set()


def test_a_listed_camp_ends_before_a_persons_name() -> None:
    ann = real_ann("قال مدير مخيمي محمودلي وطويحينة عبد الهادي العبد إن المياه غمرت المخيم القديم.", D25)
    assert {f.id for f in ann.facilities} == {"fac:sy-mahmoudli-camp", "open:camp:طويحينه"}


def test_a_description_before_a_quoted_body_is_that_body() -> None:
    ids = real_actor_ids('أفرجت قوات الأمن الكردية "الأسايش" عن ناشطَين في القامشلي.', D25)
    assert "actor:asayish" in ids and "actor:sdf" not in ids
    # a capital acting before a quoted body keeps its state
    assert "actor:turkey-gov" in real_actor_ids('اتهمت أنقرة "الوحدات الكردية" بالتخطيط لهجمات.', D25)


def test_a_two_word_village_in_quotes_after_its_cue() -> None:
    assert "open:place:تل-معروف" in real_place_ids('يقع المركز في بلدة "تل معروف" شرق القامشلي.', D25)
