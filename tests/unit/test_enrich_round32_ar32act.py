"""Rules 32m and 32n (helper ar32act, round 32): Arabic actors in real reporting read through a flagger.

32m - names another body bears: Iraq's High Commission for Human Rights (`مفوضية حقوق الإنسان` in a text about Iraq)
is no UN body; the Islamic State of Iraq (`دولة العراق الإسلامية`) is ISIS, not Iraq's state.
32n - states and parties the engine did not read: a country joined to the bare regime word after an attack's noun or
an agent phrase (`حملة النظام وروسيا`, `من قبل النظام وروسيا`, `من قبل روسيا`, `على يد تركيا`), the verbs of shooting
down and detaining (`أسقطت`, `تحتجز`), and the PYD spelled letter by letter (`ب ي د`).
Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from datetime import date

from tests.unit.enrich_support import real_ann


def _actors(text: str, when: date | None = None) -> set[str]:
    return {a.id for a in real_ann(text, when).actors}


def test_iraq_human_rights_commission_is_no_un_body() -> None:
    for text in ("قالت مفوضية حقوق الإنسان في العراق إن نزلاء سجن الناصرية المركزي يعيشون في اكتظاظ شديد.",
                 "زار عضو مفوضية حقوق الانسان سجن الحلة المركزي في بابل ووجد أعداداً تفوق طاقته.",
                 "دعت مفوضية \"حقوق الإنسان\" الحكومة العراقية إلى الإفراج عن الموقوفين المشمولين بالعفو.",
                 "وثّق مكتب مفوضية حقوق الإنسان في البصرة حالات تعذيب في مراكز الاحتجاز."):
        assert "actor:un" not in _actors(text, date(2025, 5, 1)), text
    assert _actors("دعت مفوضية \"حقوق الإنسان\" الحكومة العراقية إلى الإفراج عن الموقوفين المشمولين بالعفو.",
                   date(2025, 5, 1)) == {"actor:iraq-gov"}


def test_the_un_human_rights_office_elsewhere_or_named_as_the_uns() -> None:
    assert "actor:un" in _actors("تعدّ مفوضية حقوق الإنسان سجن معيتيقة في طرابلس أكبر مراكز الاحتجاز في غرب ليبيا.",
                                 date(2024, 11, 2))
    assert "actor:un" in _actors("قالت مفوضية حقوق الإنسان التابعة للأمم المتحدة إن مئات المحتجزين في السجون"
                                 " العراقية لم يمثلوا أمام قاض.", date(2025, 2, 15))


def test_the_islamic_state_of_iraq_is_isis() -> None:
    for text in ("فرّ عشرات من عناصر تنظيم دولة العراق الإسلامية من سجن أبو غريب بعد هجوم بسيارات مفخخة.",
                 "هرب أربعة نزلاء قيل إنهم من قادة ما يسمى بدولة العراق الاسلامية من سجن كروبر."):
        got = _actors(text, date(2013, 7, 23))
        assert "actor:isis" in got and "actor:iraq-gov" not in got, text
    assert _actors("تبنّى تنظيم الدولة الإسلامية في العراق والشام الهجوم على سجن التاجي.") == {"actor:isis"}


def test_a_country_joined_to_the_regime_in_an_attack_or_agent_phrase() -> None:
    when = date(2021, 9, 1)
    for text in ("نزحت مئات العائلات من جبل الزاوية بسبب حملة النظام وروسيا على ريف إدلب الجنوبي.",
                 "دمّرت غارات النظام وروسيا منازل في مدينة أريحا بريف إدلب.",
                 "يأتي هذا التصعيد من قبل النظام وروسيا بعد تقدم فصائل المعارضة في ريف حلب وإدلب."):
        assert {"actor:assad-regime", "actor:russia"} <= _actors(text, when), text
    assert "actor:iran" in _actors("لجأت العائلات إلى أطمة هرباً من قصف النظام وإيران على بلداتها في ريف حلب.", when)
    assert "actor:russia" in _actors("تشهد قرى ريف إدلب تصعيداً عسكرياً من قبل روسيا وقوات النظام منذ مطلع الشهر.",
                                     when)
    assert "actor:turkey-gov" in _actors("قُتل الشاب على يد تركيا قرب الحدود في ريف الحسكة.", when)


def test_the_same_words_with_no_agent() -> None:
    when = date(2021, 9, 1)
    for text in ("لم تشهد البلدة قصفاً بهذا الحجم من قبل، بحسب سكان في ريف إدلب الجنوبي.",
                 "عاشت عائلات سورية كثيرة في تركيا من قبل، وعاد بعضها إلى حلب هذا العام.",
                 "وصل وفد روسي إلى دمشق لبحث ملف اللاجئين، فيما عاد آلاف النازحين إلى مخيمات إدلب."):
        assert _actors(text, when) == set(), text


def test_verbs_of_shooting_down_and_detaining() -> None:
    assert "actor:us" in _actors("أسقطت الولايات المتحدة طائرة مسيّرة تركية اقتربت من قاعدة تل بيدر في ريف الحسكة.",
                                 date(2023, 10, 5))
    assert "actor:israel-gov" in _actors("وتحتجز إسرائيل أكثر من ألف معتقل من قطاع غزة دون توجيه تهم إليهم.",
                                         date(2024, 3, 18))
    assert "actor:turkey-gov" in _actors("احتجزت تركيا عشرات اللاجئين السوريين في مركز للترحيل بولاية غازي عنتاب.",
                                         date(2024, 9, 9))
    for text in ("سقطت طائرة مسيّرة قرب قاعدة تل بيدر في ريف الحسكة.",
                 "أُسقطت طائرة مسيّرة في أجواء تركيا قرب الحدود، ولم تُعرف الجهة التي أرسلتها."):
        assert _actors(text, date(2023, 10, 6)) == set(), text


def test_pyd_spelled_letter_by_letter() -> None:
    for text in ("اعتقلت ميليشيا \"ب ي د\" عشرات الشبان في أحياء القامشلي.",
                 "أعلنت مليشيات “ب ي د” النفير العام في مناطق سيطرتها شمال شرقي سوريا.",
                 "داهمت دوريات (ب ي د) معاهد خاصة في الرقة واعتقلت ثلاثة معلمين."):
        assert _actors(text, date(2021, 5, 20)) == {"actor:pyd"}, text
