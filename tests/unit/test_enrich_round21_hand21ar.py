"""Round 21, hand21ar survey (data/README.md rule 26g): Arabic reports on named prisons and camps, labelled by hand
before the engine was run — our own sentences, not the passages."""

from datetime import date

from tests.unit.enrich_support import real_ann

_D = date(2025, 3, 1)


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text, _D).facilities}


def _pla(text: str) -> set[str]:
    return {p.id for p in real_ann(text, _D).places}


def _act(text: str) -> set[str]:
    return {a.id for a in real_ann(text, _D).actors}


def _ev(text: str) -> set[str]:
    return {e.type for e in real_ann(text, _D).event_types}


def test_province_word_before_a_bare_core_is_the_province() -> None:
    got = _fac("أعلنت الوزارة التونسية ترميم السجن القديم في ولاية سوسة قبل نهاية العام.")
    assert "fac:iq-susa-prison" not in got
    # guard: the prison named with its head beside an Iraqi province stays the prison
    assert "fac:iq-susa-prison" in _fac("نُقل عشرون نزيلاً إلى سجن سوسة في محافظة السليمانية الأسبوع الماضي.")


def test_maghreb_official_prison_of_a_town_a_gazetteer_core_bears() -> None:
    got = real_ann("زار وفد حقوقي السجن المدني بسوسة في تونس للاطلاع على أوضاع الموقوفين.", _D).facilities
    assert [f.id for f in got] == ["open:prison:سوسه"]
    # guard: the same designation before a city of the region, with no Maghreb country in the text, names none
    assert not _fac("زار الوفد السجن المدني بحلب أمس.")


def test_maghreb_official_prison_name_that_looks_like_a_plural() -> None:
    got = _fac("نُقل الموقوف التونسي إلى السجن المدني بالمسعدين بعد جلسة المحكمة.")
    assert "open:prison:المسعدين" in got
    # guard: a plural of people after a plain head still names no prison
    assert not _fac("طالبت المنظمة بإغلاق سجن المعارضين في البلاد.")


def test_the_capital_a_country_shares_its_name_with() -> None:
    assert "geonames:2464470" in _pla("وصل الوفد الليبي إلى العاصمة تونس مساء الأحد.")
    # guard: the bare name is the country
    assert "country:TN" in _pla("عاد المهاجرون من تونس إلى بلدانهم.")


def test_security_level_after_a_head_is_no_name() -> None:
    assert not _fac("يُنقل المحكومون بالإعدام إلى سجن الحماية القصوى لتنفيذ الأحكام.")
    assert not _fac("أودع المتهم سجن الحراسة المشددة بعد صدور الحكم.")
    # guard: a known prison after the phrase and في is still named
    assert "fac:iq-kadhimiya-prison" in _fac("نُقلوا إلى سجن الحماية القصوى في الكاظمية ببغداد.")


def test_participle_qaim_after_a_definite_noun() -> None:
    assert "geonames:92138" not in _pla("زار الوزير المخيم القائم في أطراف المدينة منذ سنوات.")
    assert "geonames:92138" not in _pla("تفقد الوفد المبنى الإصلاحي القائم في وسط البلدة.")
    # guard: the town after a preposition or a unit's word
    assert "geonames:92138" in _pla("عادت مئات العائلات إلى القائم غرب الأنبار.")


def test_fleeing_war_is_no_prison_break() -> None:
    assert "prison_break_riot" not in _ev("يؤوي المخيم آلاف السوريين الفارين من الحرب منذ عام 2013.")
    assert "prison_break_riot" not in _ev("وصلت عائلات هربت إلى الأردن، وقال أفرادها إنهم هربوا من الحرب قبل عقد.")
    # guard: detainees who fled a prison
    assert "prison_break_riot" in _ev("فرّ عشرة سجناء من سجن الناصرية فجر اليوم.")


def test_israel_towns_by_arabic_names() -> None:
    got = _pla("اعتُقل الشاب عند حاجز قرب العفولة ونُقل لاحقاً إلى معتقل قريب من بيسان.")
    assert {"geonames:295740", "geonames:295435"} <= got


def test_la_paz_by_its_arabic_name() -> None:
    assert "geonames:3911925" in _pla("تظاهر المئات في لاباز احتجاجاً على أوضاع السجون في بوليفيا.")


def test_rift_valley_floor_named_after_a_town_is_no_place() -> None:
    assert "geonames:295435" not in _pla("تقع المزارع في غور بيسان على الضفة الغربية لنهر الأردن.")
    # guard: the town itself, and the Jordan Valley's own name
    assert "geonames:295435" in _pla("اعتُقل الشاب قرب بيسان فجر اليوم.")
    assert "place:jo-jordan-valley" in _pla("نُقل المعتقلون عبر غور الأردن.")
