"""Round 23, quote23ar survey (rule 27a): Arabic facility names in quotes or brackets, names that are common words,
numbers or nicknames after "known as", and their near-misses — our own sentences, none taken from the survey's
passages."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _actors(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_a_bracketed_name_after_called_is_the_name() -> None:
    assert _fac("وتحدث ضابط سابق عن سجن مُسمّى (القبو) يقع تحت مبنى الإدارة.") == {"open:prison:القبو"}
    assert _fac("أقامت الجمعية مخيماً يسمى (الرجاء) قرب الحدود.") == {"open:camp:الرجاء"}
    # the accusative of one camp (`مخيماً`, no dual) and "she named it"
    assert _fac("أقامت جمعية خيرية مخيماً سمّته \"المأوى\" لاستقبال العائلات.") == {"open:camp:الماوي"}
    assert not _fac("أقامت الجمعية مخيماً جديداً للنازحين.")
    # guard: a bracket with no "called" before it after a whole name is the town's (rule 18b), no new name
    assert "open:prison:القبو" not in _fac("نُقل إلى سجن في المدينة (القبو) أمس.")


def test_a_description_may_stand_between_the_head_and_known_as() -> None:
    assert _fac("احتُجزوا في معتقل سري يُعرف بـ\"المسلخ الصغير\" قرب المطار.") == {"open:prison:المسلخ-الصغير"}
    assert _fac("وفي الصحراء سجن حربي اشتهر باسم «الوادي» بين السجناء.") == {"open:prison:الوادي"}
    # guard: a description alone is no name
    assert not _fac("احتُجزوا في معتقل سري قرب المطار.")
    assert not _fac("نُقل الضابط إلى سجن حربي في الصحراء.")


def test_a_quoted_nickname_after_known_as_is_no_actor() -> None:
    text = "تحتجز الجماعة معارضيها في معتقل يُعرف بـ\"البيت الأبيض\" وسط المدينة."
    assert _fac(text) == {"open:prison:البيت-الابيض"}
    assert "actor:us" not in _actors(text)
    # guard: the White House acting stays the United States
    assert "actor:us" in _actors("وقال البيت الأبيض إن المعتقل سيغلق قريباً.")


def test_the_camps_name_is_quoted_after_ism() -> None:
    assert _fac("ورغم أن اسم المخيم \"الفرج\"، لا يرى سكانه فرجاً قريباً.") == {"open:camp:الفرج"}
    # guard: the name of the camp, no quotes after it, names none
    assert not _fac("ولم يذكر التقرير اسم المخيم الذي استهدفه القصف.")


def test_numbered_prisons_four_digits_and_after_known_as() -> None:
    assert _fac("قضى الأسير شهوراً في السجن 1391 دون أن يعرف مكانه.") == {"open:prison:1391"}
    assert _fac("نُقل المعتقلون إلى منشأة تُعرف بالسجن (١٣٩١) في الشمال.") == {"open:prison:1391"}
    # guards: a year, a sentence with a glued ب
    assert not _fac("دخل السجن 2015 وخرج بعد عامين.")
    assert not _fac("وحُكم عليه بالسجن 1000 يوم.")
    assert not _fac("قضت المحكمة بالسجن (١٥) عاماً على المتهم.")


def test_a_numbered_camp_of_a_prison_is_its_section() -> None:
    assert _fac("أخلت الإدارة المخيم 7 من سجن النقب ونقلت أسراه.") == {"fac:il-ktziot-prison"}
    # guard: a numbered camp of the displaced is a camp
    assert _fac("نزحت العائلات إلى المخيم 12 قرب الحدود حيث نُصبت الخيام.") == {"open:camp:12"}


def test_a_numbered_prison_known_by_a_known_name_is_that_prison() -> None:
    assert _fac("ومن بينها السجن رقم 43 شديد الحراسة، الذي يعرفه الناس بسجن العقرب.") == {"fac:eg-tora-prison"}


def test_a_headline_predicate_after_an_indefinite_head_is_no_name() -> None:
    assert not _fac("مخيم بانتظار المطر.. عائلات بلا خيام")
    # guard: a name after the head stays a name
    assert _fac("مخيم الصمود يستقبل عائلات جديدة") == {"open:camp:الصمود"}


def test_words_that_are_no_towns() -> None:
    assert "geonames:166365" not in _places("قال النازحون إنهم بنوا المخيم بأيديهم.")
    assert "geonames:393275" not in _places("جرفت السيول التربة حول الخيام.")
    # guard: Nawa by its usual spelling
    assert "geonames:166365" in _places("قصفت القوات مدينة نوى في ريف درعا.")


def test_a_woman_displaced_from_serekaniye_names_the_town() -> None:
    text = "قالت المسنّة المهجّرة من سري كانييه إنها تسكن مخيم نوروز منذ سنوات."
    assert _fac(text) == {"fac:sy-newroz-camp"}
    assert "geonames:165509" in _places(text)
