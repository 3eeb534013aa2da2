"""Round 23, prec23ar survey (rule 27k): Arabic alert and facility precision around camp, prison, detention and
shelter words in every sense — our own sentences, none taken from the survey's passages."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_a_definite_cardinal_after_the_jailing_word_is_no_name() -> None:
    assert not _fac("قضت المحكمة بسجن المتهم الأول خمس سنوات وسجن الثلاثة الباقين عاماً واحداً.")
    assert not _fac("وأمر القاضي بسجن الأربعة المدانين بالتزوير.")
    # guard: a prison's name after the head stays a name
    assert _fac("نُقل المدانون إلى سجن الوثبة قرب أبوظبي.") == {"open:prison:الوثبه"}


def test_a_prisoner_of_conscience_is_no_facility_though_dumayr_is_a_town() -> None:
    assert not _fac("ووصفت المنظمة المدوّن بأنه \"معتقل الضمير\" وطالبت بإطلاقه.")
    assert not _fac("أفرجت السلطات عن معتقل الضمير بعد عامين.")
    # guard: a camp or a prison at Dumayr keeps its name
    assert _fac("نُقل الموقوفون إلى سجن الضمير العسكري.")


def test_a_country_in_quotes_after_its_head_is_a_donors_camp() -> None:
    assert _surfaces("يعاني سكان مخيم “الكويت” في ريف إدلب من غياب الخبز.") == ["مخيم “الكويت”"]
    assert _surfaces("نُقلت العائلات إلى \"مخيم قطر\" جنوبي خان يونس.") == ["مخيم قطر"]
    assert _surfaces("اكتمل تجهيز «مخيم قطر» بنحو 900 خيمة.") == ["مخيم قطر"]
    # the country inside the camp's name is no place
    assert "country:QA" not in _places("نُقلت العائلات إلى \"مخيم قطر\" جنوبي خان يونس.")
    # guard: an unquoted country after the head stays "a camp in" it
    assert not _fac("أقيم مخيم سوريا الجديد للاجئين على الحدود.")


def test_a_prison_opened_to_visitors_is_no_longer_one() -> None:
    assert not _fac("رمّمت جمعية الأسرى سجن الكتيبة القديم وفتحته للزوار في ذكرى يوم الأسير.")
    assert not _fac("افتُتح سجن المنارة أمام الزوار بعد أن أُفرغ من نزلائه.")
    # guard: a prison in the news stays
    assert _fac("نقل الموقوفون إلى سجن الكتيبة وسط المدينة.")


def test_the_second_of_a_from_to_pair_shares_the_buildings_word() -> None:
    assert not _fac("رُحّل المهاجرون جواً من مطار بنينا إلى معيتيقة في طرابلس.")
    # guard: Mitiga with its head, or moved to from another prison, is the prison
    assert _fac("نُقل الموقوفون من مطار بنينا إلى سجن معيتيقة.") == {"open:prison:mitiga"}
    assert "open:prison:mitiga" in _fac("نُقل المعتقلون من سجن الحوت إلى معيتيقة في طرابلس.")


def test_a_quoted_known_word_after_a_head_and_new_is_the_camp() -> None:
    assert "fac:jo-azraq-camp" in _fac("بحثت الحكومة افتتاح مخيم جديد \"الازرق\" لاستيعاب اللاجئين.")
    # guard: the colour word elsewhere stays the word
    assert not _fac("ارتدى الطفل قميصاً جديداً \"الأزرق\" اللون.")
