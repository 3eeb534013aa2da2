"""Round 21, open21ar survey (data/README.md rule 26o): Arabic reporting on named prisons and camps beyond the
gazetteer, labelled by hand before the engine ran — our own sentences, none from the passages."""

from datetime import date

from tests.unit.enrich_support import real_ann

_D = date(2026, 2, 10)


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text, _D).facilities}


def _act(text: str) -> set[str]:
    return {a.id for a in real_ann(text, _D).actors}


# a year after its cue right before an open-world head is the date, not a count of prisons
def test_year_before_open_world_head_is_no_count():
    assert _fac("وأدرجت منظمة حقوقية عام 2019 سجن قزلجة العسكري بين أسوأ المعتقلات.") == {"open:prison:قزلجه-العسكري"}


def test_year_after_in_before_open_world_head():
    assert any(f.startswith("open:prison:") for f in _fac("وزار المقرر الأممي في 2016 سجن كوبر في الخرطوم."))


def test_count_before_head_still_no_name():
    # guard: a bare number right before the head is still a count
    assert _fac("وتنتشر قرابة 300 مخيم على طول الحدود.") == set()


# a system's adjective after an indefinite head is a description, no name
def test_federal_prison_adjective_is_no_name():
    assert _fac("ونُقل المدان إلى سجن فيدرالي في ولاية كولورادو.") == set()


def test_federal_adjective_does_not_block_a_name_before_it():
    # guard: a real name after the head still reads
    assert _fac("ونُقلت المدانة إلى سجن دانبري الفيدرالي.") == {"open:prison:دانبري-الفيدرالي"}


# a region after ب right after the head is where the camp is, no name
def test_camp_in_darfur_is_no_name():
    assert _fac("قالت الأمم المتحدة إن مخيماً بدارفور استقبل آلاف الفارين، وإن مخيم بدارفور آخر يفتقر للماء.") == set()


def test_named_darfur_camp_still_reads():
    # guard: a named camp in Darfur keeps its name
    assert any(f.startswith("open:camp:") for f in _fac("وصل مئات النازحين إلى مخيم عطاش للنازحين في دارفور."))


# NATO by its short Arabic name
def test_nato_short_arabic_name():
    assert "actor:nato" in _act("وقال متحدث باسم حلف الأطلسي إن البعثة ستنتهي العام المقبل.")
