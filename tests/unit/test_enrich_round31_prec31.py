"""Rule 31d (helper prec31, round 31): false alerts from a person's name read as a site and from a notorious name
given to another site. A given name or an Ottoman title before a core (`رونالد بوكا`, `سعد الدين باشا شاتيلا`),
a word-like core in apposition to a relative (`الأب، أشرف،`) or with a person's trade after it ("Bucca, a fire
marshal"); a notorious name a naming or likening verb gives to the site named before it (`الذي يسميه ناشطون
«صيدنايا مأرب»`, `يطلق ... على سجن X اسم "أبو غريب"`, `شبّهه ... بغوانتانامو`), and
an elative after an indefinite head (`معتقل أكثر بشاعة`). Own wording; the near-misses
keep their facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_given_name_before_bucca_is_the_fire_marshal() -> None:
    _none("حمل ملعب في بروكلين اسم رونالد بوكا، رجل الإطفاء الذي قضى في البرج الجنوبي.")
    _none("أعيدت تسمية المعسكر تخليداً لرونالد بول بوكا الذي خدم في الاحتياط.")
    _none("Bucca, a New York fire marshal, died when the south tower fell.")
    _none("Bucca was a decorated Army reservist before he joined the department.")
    # the camp itself, bare or with its head, stays
    assert ("بوكا", "fac:iq-camp-bucca") in _facs("يعد بوكا المعتقل الأمريكي الأوسع في جنوب العراق.")
    assert ("بوكا", "fac:iq-camp-bucca") in _facs("أفرج عن المعتقل بعد ثلاث سنوات في بوكا.")
    assert ("بوكا", "fac:iq-camp-bucca") in _facs(
        "قبل أن يسمّيه الجيش الأمريكي بوكا، عرف البريطانيون المعسكر باسم فريدي.")
    assert ("بوكا", "fac:iq-camp-bucca") in _facs('وصلت الشاحنات إلى سجن الدواعش "بوكا" محمّلة بالموقوفين.')
    assert _facs("Thousands passed through Camp Bucca, named after fire marshal Ronald Bucca.") == [
        ("Camp Bucca", "fac:iq-camp-bucca")]
    # "at Bucca, the veteran told the panel": the apposition is the speaker's, the camp stays
    assert ("Bucca", "fac:iq-camp-bucca") in _facs("Nothing was worse than what he saw at Bucca, the veteran told us.")


def test_a_title_or_a_compound_given_name_before_shatila() -> None:
    _none("اشترى سعد الدين باشا شاتيلا أرضاً في أطراف بيروت قبل أن تصير مأوى للاجئين.")
    _none("كان نجيب بيك شاتيلا من وجهاء بيروت في عهد الانتداب.")
    _none("Hamid Bey Shatila owned farmland south of Beirut in the 1930s.")
    assert _facs("يحمل مخيم شاتيلا اسم الوجيه سعد الدين شاتيلا الذي أجّر الأرض.") == [
        ("مخيم شاتيلا", "fac:lb-shatila-camp")]


def test_a_word_core_in_apposition_to_a_relative() -> None:
    assert _facs("تنتظر الأم، سلمى، وابنها، أشرف، دورهما أمام مركز التسجيل في مخيم الزعتري.") == [
        ("مخيم الزعتري", "fac:jo-zaatari-camp")]
    assert _facs("Her son, Ashraf, was born in Zaatari camp in 2014.") == [("Zaatari camp", "fac:jo-zaatari-camp")]


def test_a_notorious_name_given_to_the_site_named_before_it() -> None:
    assert _facs("صار سجن الأمن السياسي بمأرب، الذي يسميه ناشطون «صيدنايا مأرب»، أداة لابتزاز التجار.") == [
        ("سجن الأمن السياسي", "open:prison:الامن-السياسي")]
    assert _facs('يطلق ذوو المحتجزين على سجن المنصورة المركزي اسم "صيدنايا" لكثرة الوفيات فيه.') == [
        ("سجن المنصورة المركزي", "open:prison:المنصوره-المركزي")]
    assert _facs("سجن الحراش في الجزائر العاصمة شبّهه نزلاؤه السابقون بصيدنايا لطول العزل.") == [
        ("سجن الحراش", "open:prison:الحراش")]
    # an alias likened with (matched before the open-world names: a head word before it in its sentence)
    assert _facs("أُغلق سجن الحراش القديم، وكان معتقلون سابقون قد شبّهوه بغوانتانامو لطول العزل.") == [
        ("سجن الحراش", "open:prison:الحراش")]
    assert ("غوانتانامو", "fac:cu-guantanamo") in _facs("نقلت الطائرة المعتقلين الخمسة إلى غوانتانامو.")
    # no site named before the naming: the name the site is given is its own
    assert ("بوكا", "fac:iq-camp-bucca") in _facs("أطلق البريطانيون على الموقع اسم فريدي قبل أن يسميه الأميركيون بوكا.")
    # a transfer to the notorious prison is the prison
    assert ("صيدنايا", "fac:sy-sednaya-prison") in _facs(
        "نُقل المعتقل من فرع المخابرات في حمص إلى صيدنايا، حيث أمضى ست سنوات.")


def test_an_elative_after_an_indefinite_head_is_no_name() -> None:
    _none("تحدث ناجون عن معتقل أكثر ظلمة من أي مكان عرفوه، وقالوا إن الحراس منعوا عنهم الضوء.")
    # a site measured against a notorious one still names that one (ar-pb013's label: "worse than Abu Ghraib
    # itself"), only the elative after the head is no name of its own
    assert _facs("شهادات من داخل معتقل أسوأ من غوانتانامو في صحراء حضرموت") == [("غوانتانامو", "fac:cu-guantanamo")]
