"""Round 23, unrwa23 fix (rule 27z): official UNRWA Palestine-refugee camps whose names are not simply a city's,
added to the gazetteer as facts — our own sentences. With its head each core is the camp; alone it stays the town,
village, quarter, district or word it also is."""

import pytest

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


@pytest.mark.parametrize(("text", "fid"), [
    ("شبّ حريق في بيت لاجئ داخل مخيم خان دنون جنوبي دمشق.", "fac:sy-khan-dunoun-camp"),
    ("A fire gutted a refugee's home in Khan Dunoun camp south of Damascus.", "fac:sy-khan-dunoun-camp"),
    ("عاد مئات من أبناء مخيم السبينة إلى بيوتهم المدمرة.", "fac:sy-sbeineh-camp"),
    ("ينحدر الشاب من مخيم سبينة في ريف دمشق.", "fac:sy-sbeineh-camp"),
    ("Residents of Sbeineh camp went back after years away.", "fac:sy-sbeineh-camp"),
    ("A clinic opened at Sabina camp in the Damascus countryside.", "fac:sy-sbeineh-camp"),
    ("افتتحت الأونروا مدرسة جديدة في مخيم قبر الست.", "fac:sy-qabr-essit-camp"),
    ("زار الوفد مخيم السيدة زينب للاجئين الفلسطينيين.", "fac:sy-qabr-essit-camp"),
    ("Pupils in Qabr Essit camp returned to class.", "fac:sy-qabr-essit-camp"),
    ("نظّم شبان مخيم الطالبية وقفة تضامنية مساء أمس.", "fac:jo-talbieh-camp"),
    ("Heavy rain flooded alleys in Talbiyeh camp south of Amman.", "fac:jo-talbieh-camp"),
    ("نظمت لجنة خدمات مخيم سوف يوماً طبياً مجانياً.", "fac:jo-souf-camp"),
    ("وصلت المساعدات إلى مخيم سوف قرب جرش.", "fac:jo-souf-camp"),
    ("Souf camp near Jerash held a blood drive.", "fac:jo-souf-camp"),
    ("اعتصم لاجئون أمام مكتب الأونروا في مخيم الحصن.", "fac:jo-husn-camp"),
    ("افتتحت عيادة جديدة في مخيم عزمي المفتي شمال الأردن.", "fac:jo-husn-camp"),
    ("Refugees in Husn camp staged a sit-in over aid cuts.", "fac:jo-husn-camp"),
    ("انقطعت المياه عن مخيم جبل الحسين ثلاثة أيام.", "fac:jo-jabal-el-hussein-camp"),
    ("Jabal el-Hussein camp lost its water supply for three days.", "fac:jo-jabal-el-hussein-camp"),
    ("دهمت قوة إسرائيلية مخيم الجلزون شمال رام الله فجراً.", "fac:ps-jalazone-camp"),
    ("Troops stormed Jalazone refugee camp north of Ramallah.", "fac:ps-jalazone-camp"),
    ("اعتقلت القوات شابين من مخيم العروب شمال الخليل.", "fac:ps-arroub-camp"),
    ("Soldiers detained a man in al-Arroub camp north of Hebron.", "fac:ps-arroub-camp"),
    ("أغلقت القوات مدخل مخيم الفوار جنوب الخليل.", "fac:ps-fawwar-camp"),
    ("A checkpoint went up at the gate of al-Fawwar refugee camp.", "fac:ps-fawwar-camp"),
    ("انسحبت القوات من مخيم الفارعة جنوب طوباس بعد يومين.", "fac:ps-fara-camp"),
    ("Bulldozers tore up roads in Far'a refugee camp south of Tubas.", "fac:ps-fara-camp"),
    ("هدمت الجرافات منزلين في مخيم عين السلطان غربي أريحا.", "fac:ps-ein-as-sultan-camp"),
    ("Troops entered Ein al-Sultan camp near Jericho.", "fac:ps-ein-as-sultan-camp"),
    ("دهمت القوات مخيم عين سلطان في أريحا.", "fac:ps-ein-as-sultan-camp"),
    ("اقتحمت القوات مخيم دير عمار غرب رام الله.", "fac:ps-deir-ammar-camp"),
    ("Soldiers searched homes in Deir Ammar camp west of Ramallah.", "fac:ps-deir-ammar-camp"),
    ("داهمت القوات منازل في مخيم رقم 1 غرب نابلس.", "fac:ps-camp-no-1"),
    ("اعتُقل شاب من مخيم عين بيت الماء في نابلس.", "fac:ps-camp-no-1"),
    ("Troops raided Camp No. 1 on the edge of Nablus.", "fac:ps-camp-no-1"),
    ("انتشرت قوة على أطراف مخيم العزة في بيت لحم.", "fac:ps-beit-jibrin-camp"),
    ("Police sealed off Beit Jibrin camp in Bethlehem.", "fac:ps-beit-jibrin-camp"),
])
def test_head_and_core_is_the_new_camp(text: str, fid: str) -> None:
    assert _fac(text) == {fid}


def test_a_shared_head_names_two_new_camps() -> None:
    assert _fac("اقتحمت القوات مخيمي الفوار والعروب جنوبي الخليل.") == {"fac:ps-fawwar-camp", "fac:ps-arroub-camp"}
    assert _fac("Checkpoints went up at the al-Fawwar and al-Arroub refugee camps.") == {
        "fac:ps-fawwar-camp", "fac:ps-arroub-camp"}
    assert _fac("one man each in the Dheisheh and Ein as-Sultan refugee camps") == {
        "fac:ps-dheisheh-camp", "fac:ps-ein-as-sultan-camp"}


@pytest.mark.parametrize("text", [
    # سوف is the future particle "will"
    "قال الوزير إن الحكومة سوف تعلن قرارها غداً.",
    "وأوضح مدير المخيم أن المخيم سوف يستقبل عائلات جديدة.",
    "قالت اللجنة إن والمخيم سوف تصله المياه غداً.",
    # the villages, the quarter, the district and the town, with no camp head
    "اقتحمت قوات الاحتلال قرية دير عمار غرب رام الله.",
    "Soldiers entered the village of Deir Ammar west of Ramallah.",
    "شهد جبل الحسين في عمّان ازدحاماً مرورياً خانقاً.",
    "Traffic crawled through Jabal al-Hussein, a district of Amman.",
    "افتتح مستشفى جديد في حي الطالبية بالقدس.",
    "The name Talbieh comes from a wealthy Jerusalem neighbourhood.",
    "Locals say the name Talbieh was borrowed from a Jerusalem quarter of the years before 1948.",
    "Sabina, a nurse, said the clinic had no fuel.",
    "زار المحافظ بلدة الحصن جنوب إربد.",
    "اقتحمت قوات الاحتلال قرية الفارعة.",
    "Shelling hit the town of Sbeineh south of Damascus.",
    # club names printed bare in a fixture list
    "تنطلق البطولة بمباراة الأمعري والجلزون ثم عسكر ودير عمار.",
    "هبط مركز شباب العروب إلى الدرجة الثانية.",
    # words: glory, the fortress
    "قال إن العزة والكرامة لا تُشترى.",
    "صمد الحصن القديم أمام الزلزال.",
])
def test_the_village_word_and_district_readings_stay(text: str) -> None:
    assert _fac(text) == set()


def test_the_village_is_still_a_place() -> None:
    ann = real_ann("اقتحمت قوات الاحتلال قرية دير عمار غرب رام الله.")
    assert not ann.facilities and any(p.surface == "دير عمار" for p in ann.places)


def test_a_prison_head_before_a_camp_core_is_no_camp() -> None:
    # the head must agree with kind: معتقل الفارعة (the old detention centre) is no refugee camp
    assert "fac:ps-fara-camp" not in _fac("نُقل الأسرى إلى معتقل \"الفارعة\" الذي افتتحه الجيش حديثاً.")


def test_a_definite_head_then_a_word_core_then_a_verb_is_no_name() -> None:
    # `المخيم سوف يستقبل` "the camp will take in"; the indefinite head before the name stays the camp
    assert _fac("أكد المدير أن المخيم سوف يستقبل مئتي عائلة.") == set()
    assert _fac("أكد المدير أن مخيم سوف استقبل مئتي عائلة.") == {"fac:jo-souf-camp"}
    # a core that is no word keeps its reading after the definite head
    assert _fac("يقع مخيم الجلزون شمال رام الله.") == {"fac:ps-jalazone-camp"}
