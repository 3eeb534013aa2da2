"""Rules 32t-32u (helper ar32list, round 32): Arabic lists of prisons and camps. 32t: bare items listed under the
Maghreb's official plural of prisons (`المؤسسات السجنية`, `المؤسسات العقابية`, `الوحدات السجنية`) after a list word
(`التالية:`, `منها:`, `مثل` ...), a town's name and a numbered name too; 32u: a list item's town after it (`في شيراز`,
`بفاس`, `، في مدينة الدار البيضاء،`) before the next item. Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> set[str]:
    return {f.id or "" for f in real_ann(text).facilities}


def test_institution_lists_name_their_prisons() -> None:
    for text, ids in (
        ("قررت المندوبية تعليق الزيارات في المؤسسات السجنية التالية: عين السبع 1، عين السبع 2، سلا 2، العرجات 1 "
         "وتطوان، إلى حين تحسن الوضع.",
         {"open:prison:عين-السبع-1", "open:prison:عين-السبع-2", "open:prison:سلا-2", "open:prison:العرجات-1",
          "open:prison:تطوان"}),
        ("شمل القرار المؤسسات السجنية الآتية: تولال 2 بمكناس، وبوركايز بفاس، والأوداية بمراكش.",
         {"open:prison:تولال-2", "open:prison:بوركايز", "open:prison:الاودايه"}),
        ("زارت لجنة برلمانية عدداً من المؤسسات السجنية منها: العرجات 2، وتيفلت 2، وسلا 2، واستمعت إلى النزلاء.",
         {"open:prison:العرجات-2", "open:prison:تيفلت-2", "open:prison:سلا-2"}),
        ("يشمل البرنامج المؤسسات العقابية التالية: الحراش، القليعة، البليدة.",
         {"open:prison:الحراش", "open:prison:القليعه", "open:prison:البليده"}),
        ("تشهد المؤسسات السجنية مثل عكاشة وتولال وبوركايز اكتظاظاً يفوق طاقتها.",
         {"open:prison:عكاشه", "open:prison:تولال", "open:prison:بوركايز"}),
        ("استقبلت المؤسسات السجنية التالية أكبر عدد من المرحلين: العدير والأوداية وتولال.",
         {"open:prison:العدير", "open:prison:الاودايه", "open:prison:تولال"}),
    ):
        ann = real_ann(text)
        assert ann.alert, text
        assert _ids(text) == ids, text


def test_institution_words_that_name_no_prison() -> None:
    for text in ("وزعت المندوبية الكمامات على المؤسسات السجنية في المدن التالية: فاس، مكناس، طنجة، وتطوان.",
                 "تعاني المؤسسات السجنية ومنها المركزية والمحلية والفلاحية من نقص في الأطر الطبية.",
                 "أكد المندوب أن المؤسسات السجنية التالية ستعرف أشغال توسعة دون أن يسميها.",
                 "تتوزع المؤسسات السجنية على الجهات التالية: الشرق، والشمال، والجنوب، والوسط.",
                 "أغلقت المندوبية 14 مؤسسة سجنية متهالكة وافتتحت 16 مؤسسة سجنية جديدة.",
                 "ناقشت اللجنة أوضاع المؤسسات العقابية ومنها الجديدة والقديمة والمغلقة.",
                 "تعاني الوحدات السجنية وهي مكتظة أصلاً من نقص حاد في أعداد الأعوان."):
        ann = real_ann(text)
        assert not ann.alert, text
        assert not ann.facilities, text


def test_a_list_goes_on_past_an_items_town() -> None:
    for text, ids in (
        ('أجرت صحيفة جولة داخل سجني "عكاشة"، في مدينة الدار البيضاء، و"الزاكي" في مدينة سلا.',
         {"open:prison:عكاشه", "open:prison:الزاكي"}),
        ('تضامنت نقابات مع معتقلين في سجني "تولال" بمكناس، و"رأس الماء" بفاس.',
         {"open:prison:تولال", "open:prison:راس-الماء"}),
        ("طالب حقوقيون بفتح ملفات معتقلي الرأي في سجون مثل الحاير في الرياض والرزين في أبوظبي والعقرب في مصر.",
         {"open:prison:hair", "open:prison:razeen", "fac:eg-tora-prison"}),
        ("تحدثت منظمة عن احتجاجات في سجني عادل آباد في شيراز ووكيل آباد في مشهد.",
         {"open:prison:عادل-اباد", "open:prison:وكيل-اباد"}),
        ("نقلت قوات الأمن نساء من مخيمي الهول في الحسكة وروج في المالكية.",
         {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}),
    ):
        ann = real_ann(text)
        assert ann.alert, text
        assert _ids(text) == ids, text


def test_after_the_town_the_sentence_goes_on() -> None:
    for text, ids in (
        ("زار الوفد سجني صيدنايا في ريف دمشق والمدنيين المفرج عنهم في المدينة.", {"fac:sy-sednaya-prison"}),
        ("تقيم العائلات في مخيمي الهول في الحسكة وتعمل في المزارع القريبة.", {"fac:sy-al-hol-camp"}),
    ):
        assert _ids(text) == ids, text


def test_a_purpose_ends_the_last_item() -> None:
    text = "نُقل عشرات المساجين من سجن المرناقية إلى سجني أوذنة وصواف بهدف الحد من الاكتظاظ."
    assert "open:prison:صواف" in _ids(text)
    assert not any("بهدف" in f.id for f in real_ann(text).facilities)


def test_after_the_town_common_nouns_are_no_items() -> None:
    for text, ids in (
        ("قصفت الطائرات مخيمي جباليا في غزة والمناطق المحيطة بهما.", {"fac:ps-jabalia-camp"}),
        ("تفقد الوزير مخيمات أطمة في ريف إدلب والمدارس القريبة منها.", {"fac:sy-atmeh-camp"}),
        ("وصلت قافلة مساعدات إلى مخيمي الهول في الحسكة والقرى المجاورة له.", {"fac:sy-al-hol-camp"}),
    ):
        assert _ids(text) == ids, text
