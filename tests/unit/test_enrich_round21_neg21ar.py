"""Round 21, neg21ar survey (rule 26j): Arabic camps and prisons as outlets print them, and their near-misses —
our own sentences, none taken from the survey's passages."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _events(text: str) -> set[str]:
    return {e.type for e in real_ann(text).event_types}


def test_a_camp_or_prison_named_in_brackets_after_its_head() -> None:
    a = real_ann("انتقلت أربعون عائلة إلى مخيم (عمر المختار) القريب بعد أن غمرت المياه خيامها.")
    assert {f.id for f in a.facilities} == {"open:camp:عمر-المختار"}
    assert [f.surface for f in a.facilities] == ["مخيم (عمر المختار)"]
    assert _fac("أُودع الموقوفون في سجن (الكسرة) شمال المدينة.") == {"open:prison:الكسره"}
    # a known name in brackets stays the known facility
    assert _fac("نقلت العائلات إلى مخيم (الكرامة) شمال إدلب.") == {"fac:sy-karama-camp-idlib"}
    # guard: a number or a letter in brackets after a head is no name, nor a bracket after a full name
    assert not _fac("يضم المخيم (2) نحو ألف خيمة.")
    assert _fac("زار الوفد مخيم نور شمس (طولكرم) أمس.") == {"fac:ps-nur-shams-camp"}


def test_a_stadium_behind_a_proclitic_is_named_after_the_camp() -> None:
    a = real_ann("نصبت عائلات نازحة خيامها في الساحة المحاذية لملعب اليرموك شرق مدينة غزة.")
    assert "fac:sy-yarmouk-camp" not in {f.id for f in a.facilities}
    assert "geonames:166716" not in {p.id for p in a.places}
    assert "fac:sy-yarmouk-camp" not in _fac("أقيمت المباراة بملعب اليرموك وسط حضور جماهيري.")
    # guard: the camp's people returning to the bare name keep the camp
    assert _fac("بدأت عائلات فلسطينية العودة إلى اليرموك بعد سنوات من التهجير.") == {"fac:sy-yarmouk-camp"}


def test_a_camps_popular_committee_names_the_camp() -> None:
    assert _fac("طالب أمين سر اللجنة الشعبية للاجئين في النصيرات بإعادة المساعدات المقطوعة.") \
        == {"fac:ps-nuseirat-camp"}
    assert _fac("قالت لجنة خدمات الأمعري إن المياه مقطوعة منذ أسبوع.") == {"fac:ps-al-amari-camp"}
    assert _fac("أعلنت اللجنة الشعبية للاجئين بالبريج إضراباً شاملاً.") == {"fac:ps-bureij-camp"}
    # guard: a city's committee with no word of refugees or services is the city's; a visit is the town
    assert not _fac("طالبت اللجنة الشعبية في جنين بحماية المستشفى.")
    assert not _fac("وصل وفد حكومي إلى البريج صباح اليوم.")


def test_a_bekaa_town_named_after_jenin_and_a_basement() -> None:
    assert _places("نُقل المصابون إلى مستشفى في جب جنين بالبقاع الغربي.") >= {"geonames:273185"}
    assert "geonames:283506" not in _places("نُقل المصابون إلى مستشفى في جب جنين بالبقاع الغربي.")
    # `القبو` is "the basement", the village of al-Qabw only after a village's word
    assert "geonames:168098" not in _places("احتُجز الموقوفون في القبو ثلاثة أيام دون طعام.")
    assert "geonames:168098" in _places("سقطت قذيفة على قرية القبو في ريف حمص.")
    # guard: Jenin alone is still Jenin
    assert "geonames:283506" in _places("اقتحمت القوات مدينة جنين فجراً.")


def test_kafr_and_flight_from_shelling_are_no_escape() -> None:
    assert "prison_break_riot" not in _events("غرقت خيام في مخيمات كفر لوسين وكفر عويد بعد العاصفة.")
    assert "prison_break_riot" not in _events("وصلت إلى المخيم عائلات جديدة من النازحين الفارين من القصف.")
    assert "prison_break_riot" not in _events("يؤوي المخيم مئات الأسر التي فرّت من الحرب، فروا من منازلهم قبل عامين.")
    # guard: inmates who fled a prison, also one in a Kafr village, still escaped
    assert "prison_break_riot" in _events("فر خمسة سجناء من سجن المدينة فجر اليوم.")
    assert "prison_break_riot" in _events("أعلنت الشرطة فرار ثلاثة موقوفين من سجن بلدة كفرنبل.")


def test_a_quoted_word_core_listed_after_a_named_prison() -> None:
    assert _fac("حُددت زيارة سجن «الدامون» في الخامس من الشهر، و«عوفر» للأشبال في العاشر منه.") \
        == {"fac:il-damon-prison", "fac:il-ofer-prison"}
    # guard: a quoted word after a named prison that opens a clause is a subject (a person, a word), not a site;
    # a sentence break ends the list
    assert _fac("زار الوفد سجن رومية أمس، و«الراعي» يتابع ملف الموقوفين.") == {"fac:lb-roumieh-prison"}
    assert _fac("زار الوفد سجن مجدو أمس. و«عوفر» للأشبال لم يُزر.") == {"fac:il-megiddo-prison"}
