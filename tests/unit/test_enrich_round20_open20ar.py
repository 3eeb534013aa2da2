"""Round 20, open20ar (rule 26c): the Arabic surveys' open list — our own sentences, positive and negative."""

from tests.unit.enrich_support import real_ann

GHWAYRAN_Q = "place:sy-ghwayran"
GHWAYRAN_P = "fac:sy-ghwayran-prison"
ROUMIEH = "fac:lb-roumieh-prison"
ZAHLE = "geonames:266045"
SHADDADI_P = "fac:sy-shaddadi-prison"
SHADDADI = "geonames:172837"
ABU_GHRAIB = "geonames:100077"
TRIPOLI_LY, TRIPOLI_LB = "geonames:2210247", "geonames:266826"
IDLIB_GOV, ALEPPO_GOV, HAMA_GOV = "adm1:SY-idlib", "adm1:SY-aleppo", "adm1:SY-hama"
IDLIB_CITY, HAMA_CITY = "geonames:169389", "geonames:170017"
RAMTHA, JENIN, JERICHO, IRBID = "geonames:250336", "geonames:283506", "geonames:284899", "geonames:248946"
RUKBAN_CAMP, RUKBAN = "fac:sy-rukban-camp", "place:sy-rukban"


def _p(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _f(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _a(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def test_quoted_district_after_its_cue() -> None:
    for t in (
        'دارت اشتباكات ليلية بحي "غويران" جنوب المدينة.',
        "يسكن آلاف النازحين في حي «غويران» منذ سنوات.",
        "تضررت منازل حي “غويران” بعد القصف.",
    ):
        assert GHWAYRAN_Q in _p(t), t
        assert GHWAYRAN_P not in _f(t), t
    # a prison's head before the quoted name keeps the prison; the unquoted alias reads as before
    t = 'نُقل خمسون عنصراً من سجن "غويران" إلى جهة مجهولة.'
    assert GHWAYRAN_P in _f(t) and GHWAYRAN_Q not in _p(t)
    assert GHWAYRAN_Q in _p("دارت اشتباكات في حي غويران.")
    assert "place:sy-sheikh-maqsoud" in _p('خرج أهالي حي "الشيخ مقصود" في مظاهرة.')


def test_prisons_listed_by_towns_after_a_plural_head_with_adjectives() -> None:
    t = "يتوزع الموقوفون على سجون مركزية كبرى مثل زحلة والقبة ورومية."
    got = _f(t)
    # Qobbeh prison (Tripoli) is a gazetteer entry since rule 28e
    assert ROUMIEH in got and "fac:lb-zahle-prison" in got and "fac:lb-qobbeh-prison" in got  # Zahle: gaz26
    assert ZAHLE not in _p(t)
    t = "تعاني سجون الأطراف مثل زحلة وطرابلس من نقص الأطباء."
    assert {"fac:lb-zahle-prison", "open:prison:طرابلس"} <= _f(t)
    # towns after a plural town word, or listed where people are, stay towns
    t = "زار الوزير مدناً كبيرة مثل زحلة وطرابلس."
    assert not _f(t) and ZAHLE in _p(t)
    t = "جال المحافظ على مراكز إيواء النازحين في زحلة وبعلبك."
    assert not _f(t) and ZAHLE in _p(t)


def test_moved_from_a_bare_name_to_a_base_or_a_prison() -> None:
    t = "نقلت قوات التحالف عشرة من قادة التنظيم من غويران إلى القاعدة الأمريكية في الشدادي."
    assert GHWAYRAN_P in _f(t) and SHADDADI_P not in _f(t) and SHADDADI in _p(t)
    t = "نقلت القوات الأمريكية عناصر من التنظيم من غويران إلى قاعدتها في الشدادي."
    assert GHWAYRAN_P in _f(t) and SHADDADI in _p(t)
    # the displaced, a town the text reads as one, and al-Qaeda stay what they were
    assert GHWAYRAN_P not in _f("نزحت العائلات من غويران إلى القاعدة العسكرية.")
    assert not _f("انتقلت العائلات من الشدادي إلى القاعدة الأمريكية للعمل.")
    assert not _f("انسحب المقاتلون من غويران إلى القاعدة.")


def test_a_byname_is_no_place() -> None:
    assert ABU_GHRAIB not in _p('قُتل قيادي في التنظيم الملقب بـ"أبو غريب" بغارة قرب الحدود.')
    assert ABU_GHRAIB not in _p("سار الرجل الملقب بأبي غريب في مقدمة الموكب.")
    assert ABU_GHRAIB not in _p('اعتقلت الشرطة المتهم المعروف بـ"أبو غريب" بعد مطاردة.')
    # the town itself, and a town after "known as" with no kunya or quote
    assert ABU_GHRAIB in _p("قتل شاب من أبو غريب برصاص مجهولين.")
    assert ABU_GHRAIB in _p("عاد النازحون إلى قضاء أبو غريب.")
    assert GHWAYRAN_P in _f('سجن الحسكة المعروف بسجن "غويران" يضم آلاف المحتجزين.')


def test_libyan_zawiya_votes_for_libyan_tripoli() -> None:
    assert TRIPOLI_LY in _p("اندلعت اشتباكات في مدينة الزاوية غرب طرابلس.")
    assert TRIPOLI_LY in _p("دعا فرع الهلال الأحمر بالزاوية السكان إلى البقاء في منازلهم، فيما حلّقت مسيرات فوق طرابلس.")
    # Syria's Jabal al-Zawiya, "this angle" and Lebanon's own Tripoli stay
    assert TRIPOLI_LB in _p("قصفت طائرات النظام قرى جبل الزاوية، فيما شهدت طرابلس اللبنانية اعتصاماً.")
    assert TRIPOLI_LB in _p("من هذه الزاوية يرى النواب في طرابلس أن الحل سياسي.")
    assert TRIPOLI_LB in _p("نُقل الموقوفون من سجن القبة في طرابلس إلى المستشفى.")


def test_a_list_after_the_countryside_is_governorates() -> None:
    assert _p("قصف الطيران الحربي أرياف إدلب وحلب وحماة.") == {IDLIB_GOV, ALEPPO_GOV, HAMA_GOV}
    assert _p("تعرضت مناطق بريف حلب وإدلب لقصف مدفعي.") == {ALEPPO_GOV, IDLIB_GOV}
    # cities named as cities, and a city after the countryside's sentence goes on, stay cities
    assert _p("قتل مدنيون في غارات على مدينتي حلب وإدلب.") == {"geonames:170063", IDLIB_CITY}
    assert IDLIB_CITY in _p("وصلت القافلة إلى ريف حلب ثم إلى مدينة إدلب.")
    assert "geonames:170905" in _p("جرت تصفيتهم في ريف دمشق ودرعا.")  # `ريف دمشق`: a governorate's own name


def test_sports_clubs_named_by_towns() -> None:
    assert not _p("تغلب هلال القدس على شباب جنين بثلاثة أهداف دون مقابل.")
    assert JERICHO not in _p("تعادل هلال أريحا مع ثقافي طولكرم سلبياً في مباراة الأمس.")
    assert RAMTHA not in _p("سجّل مهاجم الوحدات هدف الفوز في مرمى الرمثا.")
    t = "يستضيف الرمثا نظيره الوحدات على ستاد الحسن في إربد ضمن دوري المحترفين."
    assert RAMTHA not in _p(t) and IRBID in _p(t)
    # the venue's town, a raid on a town, and a town outside a sports report stay places
    assert RAMTHA in _p("تقام مباراة الغد على ملعب الأمير هاشم في الرمثا ضمن دوري المحترفين.")
    assert JENIN in _p("اقتحمت قوات الاحتلال مدينة جنين واعتقلت شباناً.")
    assert JENIN in _p("زار وفد من شباب جنين مدينة رام الله.")
    assert "geonames:290030" in _p("تستضيف الدوحة البطولة الآسيوية لكرة القدم في ملعب خليفة.")  # a host, no team


def test_riders_idiom_charity_section_and_a_capitals_attacks() -> None:
    for t in ("كان الشيخ كريماً حتى سارت بذكر جوده الركبان.", "صارت حكايته مما تسير به الركبان."):
        assert RUKBAN_CAMP not in _f(t) and RUKBAN not in _p(t), t
    assert RUKBAN_CAMP in _f("وصلت قافلة مساعدات إلى مخيم الركبان.")
    assert "country:JO" not in _p("قالت كاريتاس الأردن إنها ساعدت سبعة آلاف لاجئ.")
    assert "country:JO" in _p("قالت منظمة الصحة إن الأردن استقبل سبعة آلاف لاجئ.")
    t = "Caritas Jordan said it had helped 7,000 Syrian refugees."
    assert "country:JO" not in _p(t) and "actor:jordan-gov" not in _a(t)
    assert "actor:jordan-gov" in _a("Jordan said it had helped 7,000 Syrian refugees.")
    t = "قضت محكمة فرنسية بالسجن المؤبد على المتهم الرئيسي في هجمات باريس."
    assert "actor:france-gov" not in _a(t) and "geonames:2988507" in _p(t)
    assert "actor:turkey-gov" in _a("تصاعدت هجمات أنقرة على مواقع قسد.")
    assert "actor:turkey-gov" in _a("تصاعدت هجمات تركيا في الشمال.")
