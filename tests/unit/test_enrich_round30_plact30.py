"""Rule 30e (helper plact30, round 30): places and actors that real Arabic and English reporting prints inside
another name or around the article (a page's clock and weather line, an outlet's name in quotes or after its
correspondent, a mosque's or a foundation's name, `قضاء` as "serving", an adjective that is a town's name, a given
name before a surname, a quarter named after a far town), and a state body read as another country's (passages of
our own wording in tests/data/realworld-plact30.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann

JERUSALEM = "geonames:281184"
DAMASCUS = "geonames:170654"
MAYADIN = "geonames:173480"
MOSUL = "geonames:99072"
HEBRON = "geonames:285066"
HADITHA = "geonames:96309"
ARSAL = "geonames:273675"
GENERAL_SECURITY = "actor:general-security"
JORDAN = "actor:jordan-gov"


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def test_a_page_clock_and_weather_line_name_no_place() -> None:
    assert JERUSALEM not in _places("السبت 8 آذار 2025 | 11:05 بتوقيت القدس\nاعتقل جنود الاحتلال شابين من بلدة سلواد.")
    assert DAMASCUS not in _places("سُمع دوي الانفجار نحو الخامسة فجراً بتوقيت دمشق قرب حاجز في ريف حماة.")
    got = _places("2025.02.10 | 20:14 دمشق\nقُتل رجل برصاص مجهولين في مدينة نوى بريف درعا.")
    assert DAMASCUS not in got and "adm1:SY-daraa" in got
    got = _places("18.4°غزة 16.9°الخليل\nنقلت مصلحة السجون أسرى من سجن النقب إلى سجن آخر.")
    assert "geonames:281133" not in got and HEBRON not in got


def test_the_city_after_a_clock_in_a_sentence_stays() -> None:
    got = _places("وصل الوفد إلى دمشق عند الساعة 10:30 قادماً من بيروت.")
    assert DAMASCUS in got and "geonames:276781" in got
    assert JERUSALEM in _places("اعتقلت قوات الاحتلال ثلاثة شبان في مدينة القدس فجر اليوم.")


def test_an_outlet_in_quotes_or_after_its_correspondent_is_no_town() -> None:
    assert MAYADIN not in _places('وأفادت قناة "الميادين" بأن مسيّرة أغارت على سيارة في بلدة عيتا الشعب.')
    assert MAYADIN not in _places("وقال مراسل الميادين إن الغارات طالت أطراف البلدة.")
    # the town itself, quoted after its unit's word or after a preposition, stays
    assert MAYADIN in _places('انتشرت دوريات الأمن العام في مدينة "الميادين" شرقي دير الزور.')
    assert MAYADIN in _places("وقال مراسلنا في الميادين إن الحملة الأمنية انتهت ظهراً.")


def test_a_mosque_or_a_foundation_holds_no_place() -> None:
    assert MOSUL not in _places("احتمى عدد من سكان المخيم داخل مسجد الموصل خلال الاشتباكات.")
    assert JERUSALEM not in _places("وذكرت مؤسسة مهجة القدس للأسرى أن المعتقل أُفرج عنه من سجن النقب.")
    assert "country:PS" not in _places("قال مركز أسرى فلسطين للدراسات إن الاقتحامات تكررت في سجن عوفر.")
    # a mosque "in" the city and a society's delegation reaching the city leave the city a place
    assert MOSUL in _places("استُهدف مسجد في الجانب الأيسر من مدينة الموصل.")
    assert JERUSALEM in _places("وصل وفد من جمعية الهلال الأحمر إلى مدينة القدس.")


def test_serving_a_sentence_is_no_district() -> None:
    got = {p.surface for p in real_ann("أُفرج عن الأسيرين بعد قضاء محكومياتهم، وعن ثالث من بلدة بيتا بعد قضاء عامين "
                                       "في الأسر.").places}
    assert "محكومياتهم" not in got and "عامين" not in got
    got_ids = _places("وتسكن العائلة قرية دير أبو مشعل قضاء رام الله.")
    assert "geonames:282239" in got_ids  # `قضاء` after a village is the district's word


def test_the_modern_or_recent_is_no_haditha() -> None:
    assert HADITHA not in _places("وتحدثت التقارير الحديثة عن آلاف المفقودين في سجون النظام السابق.")
    assert HADITHA in _places("قُتل جندي بهجوم على نقطة عسكرية في قضاء حديثة غرب الأنبار.")


def test_a_given_name_before_a_town_name_makes_a_surname() -> None:
    got = _places("The district's deputy head, Mohammad Khalil, said families were leaving. Khalil told reporters "
                  "the camps were full.")
    assert HEBRON not in got
    assert HEBRON in _places("Israeli forces raided homes in Hebron (al-Khalil) overnight.")
    # a comma after the given name ends the person's name: the town after it stays
    got2 = [p.id for p in real_ann("Brigadier Smko Mohammad, Kirkuk's security spokesman, said 45 men were held in "
                                   "Kirkuk.").places]
    assert got2.count("geonames:94787") == 2


def test_a_quarter_named_after_a_far_town() -> None:
    got = _places("A man was seized in the al-Irsal neighbourhood of Ramallah, residents said.")
    assert ARSAL not in got and "geonames:282239" in got
    assert ARSAL in _places("Lebanese troops deployed around the border town of Arsal.")
    got = _places("Israeli troops moved through the Damascus neighbourhood of Mezzeh.")
    assert DAMASCUS in got


def test_a_syrian_provinces_security_directorate_is_syrias() -> None:
    text = ("وقالت مديرية الأمن العام في محافظة حمص إن دورياتها أوقفت مطلوبين، وأكد الأمن العام أن التحقيق جارٍ.")
    got = _actors(text)
    assert GENERAL_SECURITY in got and JORDAN not in got
    text = "أعلنت مديرية الأمن العام ضبط حبوب مخدرة في محافظة المفرق، وقال الأمن العام إن المتورطين أوقفوا."
    assert _actors(text) == {JORDAN}


def test_another_regions_autonomous_administration_is_no_aanes() -> None:
    assert "actor:aanes" not in _actors("Most displaced families live in Duhok and the Zakho autonomous "
                                        "administration.")
    assert "actor:aanes" in _actors("The Autonomous Administration said it would repatriate 300 Syrians.")
