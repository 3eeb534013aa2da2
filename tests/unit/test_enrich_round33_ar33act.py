"""Rules 33e-33h (helper ar33act, round 33): Arabic actors in reporting from the wider Arab world, read through a
flagger over ~300 real excerpts (Lebanon, Jordan, Iraq, Syria, Yemen, Libya, Egypt, Turkey, Iran, Gaza/West Bank).

33e - a state's air arm by its name (`سلاح الجو العراقي`, `السلاح الجوي العراقي`, `سلاح الجو الملكي البريطاني`) and
a craft's type between the craft and its nisba (`طائرات مقاتلة عراقية`, `طائرات إف-16 عراقية`).
33f - `الأمن` + a state's nisba where the security services act or their members are named (`منع الأمن الأردني`,
`عناصر الأمن السوري`, `رجال الأمن الأردنيين`, a headline's `الأمن اللبناني:`); not the security of a country as a
thing to protect or threaten.
33g - General Security's name with Jordan's or Lebanon's nisba after it or after a body coordinated with it (`مديرية
الأمن العام اللبنانية`, `قوات الأمن العام والدرك الأردنية`); the bare name in a text about a state whose own police
bear it (Egypt's sector, Saudi Arabia's, Libya's agency) is no Syrian body.
33h - the Sinjar Resistance Units by the names Iraqi outlets print (`وحدات حماية سنجار`, `قوات حماية سنجار`).
Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_ann


def _actors(text: str, when: date | None = None) -> set[str]:
    return {a.id for a in real_ann(text, when).actors}


def test_air_arm_by_its_name_with_the_nisba() -> None:
    assert _actors("قال مصدر عسكري إن سلاح الجو العراقي دمّر نفقاً قرب القائم غربي الأنبار.",
                   date(2021, 3, 14)) == {"actor:iraqi-security-forces"}
    assert _actors("ويشن السلاح الجوي العراقي منذ أشهر ضربات على أوكار التنظيم في صلاح الدين.",
                   date(2019, 11, 24)) == {"actor:iraqi-security-forces"}
    assert _actors("ونفّذت طائرة تابعة لسلاح الجو الملكي البريطاني غارة على منصة صواريخ في اليمن.",
                   date(2024, 2, 11)) == {"actor:uk-gov"}
    assert _actors("شنّ سلاح الجو الروسي أربع غارات قرب خيام النازحين في ريف إدلب.", date(2019, 5, 20)) \
        == {"actor:russia"}
    # no nisba: no state named
    assert _actors("زار وفد من سلاح الجو مخيم الجدعة ووزّع مساعدات على العائلات.", date(2023, 8, 2)) == set()


def test_craft_type_between_craft_and_nisba() -> None:
    assert _actors("أفاد البيان بأن طائرات إف-16 عراقية ضربت مقراً داخل الأراضي السورية.", date(2018, 4, 20)) \
        == {"actor:iraqi-security-forces"}
    assert _actors("وقالت إن طائرات آف ١٦ عراقية نفذت الضربة فجراً.", date(2018, 4, 20)) \
        == {"actor:iraqi-security-forces"}
    assert _actors("وشنّت طائرات مقاتلة تركية غارات ليلية على محيط مخيم مخمور للاجئين.", date(2020, 6, 15)) \
        == {"actor:turkey-gov"}
    # a number after no craft type is no modifier: a patrol's detainees by count are people, no state
    assert _actors("أوقفت دورية 16 سورياً عند حاجز قرب عرسال.", date(2023, 7, 8)) == set()


def test_security_word_and_nisba_acting() -> None:
    assert _actors("منع الأمن الأردني عشرات اللاجئين من مغادرة مخيم الزعتري.", date(2013, 4, 10)) \
        == {"actor:jordan-gov"}
    assert _actors("الأمن اللبناني: مغادرة 600 نازح من عرسال إلى سوريا ضمن قافلة العودة", date(2018, 10, 1)) \
        == {"actor:lebanon-gov"}
    assert _actors("أُصيب ثلاثة من عناصر الأمن السوري في اشتباك داخل مخيم الفردان بريف إدلب.", date(2025, 10, 22)) \
        == {"actor:syria-transitional-gov"}
    assert _actors("قال مدير عام الأمن الأردني إن 14 لاجئاً أوقفوا بعد الشغب.", date(2013, 4, 6)) \
        == {"actor:jordan-gov"}
    assert _actors("جُرح سبعة من رجال الأمن الأردنيين خلال حملة تفتيش داخل مخيم الأزرق.", date(2014, 4, 8)) \
        == {"actor:jordan-gov"}
    # the security of a country as a thing threatened or protected, and a state with no actor of its own: none
    for text in ("حذّر النائب من أن بقاء آلاف العائلات في مخيم الهول يهدد الأمن العراقي.",
                 "وتعهد المحافظ بحماية الأمن الأردني من عصابات التهريب على الحدود مع سوريا.",
                 "وطالبت اللجنة بمراعاة الأمن الإسرائيلي في محيط مخيم جنين.",
                 "الأمن الليبي يداهم منزلاً يؤوي مهاجرين غير نظاميين جنوبي البلاد"):
        assert _actors(text, date(2025, 9, 3)) == set(), text


def test_general_security_with_another_states_nisba() -> None:
    assert _actors("وتشير أرقام مديرية الأمن العام اللبنانية إلى أن 1200 سوري غادروا مخيمات عرسال.",
                   date(2018, 11, 30)) == {"actor:lebanon-gov"}
    assert _actors("أُصيب خمسة من أفراد قوات الأمن العام والدرك الأردنية، واتهمت السلطات عناصر موالية للنظام السوري "
                   "بإثارة الشغب.", date(2013, 4, 2)) == {"actor:jordan-gov", "actor:assad-regime"}
    # Syria's own, by its own nisba or in a text about Syria: unchanged
    assert _actors("دخلت قوات الأمن العام مخيم الهول بعد انسحاب قوات سوريا الديمقراطية.", date(2026, 1, 24)) \
        == {"actor:general-security", "actor:sdf"}
    assert _actors("انتشرت عناصر الأمن العام السوري على الحدود مع الأردن.", date(2025, 5, 12)) \
        == {"actor:general-security"}


def test_general_security_of_another_state_is_no_syrian_body() -> None:
    for text in ("أوضح الأمن العام في السعودية أن من ينقل مخالفي نظام الإقامة يعرّض نفسه للسجن.",
                 "وقال مساعد وزير الداخلية لقطاع الأمن العام إن حملة أمنية أسفرت عن ضبط 300 هارب.",
                 "أوقفت دورية لجهاز الأمن العام في ليبيا 40 مهاجراً هربوا من مركز إيواء."):
        assert _actors(text, date(2024, 6, 1)) == set(), text
    # a text that names Syria keeps Syria's body, whatever other state it names
    assert _actors("سلّم الأمن العام مطلوبين اثنين إلى السعودية عبر مطار دمشق الدولي.", date(2025, 5, 12)) \
        == {"actor:general-security"}


def test_sinjar_units_by_their_arabic_names() -> None:
    assert _actors("استهدفت مسيّرة تابعة للجيش التركي مقراً لوحدات حماية سنجار غربي نينوى.", date(2021, 8, 17)) \
        == {"actor:turkey-gov", "actor:ybs"}
    assert _actors("قصفت طائرات تركية المستشفى الميداني التابع لقوات حماية سنجار.", date(2021, 8, 16)) \
        == {"actor:turkey-gov", "actor:ybs"}
    # the town inside the units' name is no place of the text
    assert "geonames:448149" not in {p.id for p in real_ann("انسحبت وحدات حماية سنجار من مواقعها.",
                                                             date(2021, 8, 16)).places}
