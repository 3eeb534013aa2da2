"""Round 26, rule 28h (mech26): general mechanisms — a known facility's name typed with one letter wrong after a head
word, a name in brackets after an Arabic head, an apposition that says what a bare name is, and "the camp" read as
the passage's one bare candidate. Our own sentences; passages in tests/data/realworld-s26-mech26.jsonl."""

from services.enrich.variants import typo_of
from tests.unit.enrich_support import real_ann, real_gazetteer

HOL, HOL_TOWN, ROJ = "fac:sy-al-hol-camp", "geonames:173797", "fac:sy-roj-camp"
RUKBAN, SEDNAYA, SEDNAYA_TOWN = "fac:sy-rukban-camp", "fac:sy-sednaya-prison", "geonames:164717"
HALAT, ORKESH, GHWAYRAN = "fac:sy-halat-centre", "fac:sy-orkesh-centre", "fac:sy-ghwayran-prison"
SHADDADI_TOWN, AZRAQ, ZAATARI = "geonames:172837", "fac:jo-azraq-camp", "fac:jo-zaatari-camp"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


# 1. one letter wrong


def test_a_slip_of_one_letter_after_a_head_is_the_known_facility() -> None:
    assert _fac("Aid trucks finally reached Rukbam camp on the border.") == {RUKBAN}
    assert _fac("Former inmates of Sednata prison described the beatings.") == {SEDNAYA}
    assert _fac("وصلت قافلة مساعدات إلى مخيم الركبات قرب الحدود.") == {RUKBAN}
    assert _fac("روى ناجون من سجن صيدنابا تفاصيل جديدة.") == {SEDNAYA}


def test_a_short_name_needs_a_place_near_the_known_one() -> None:
    assert _fac("Gunmen attacked the al-Hob camp east of Hasakah overnight.") == {HOL}
    assert _fac("هاجم مسلحون مخيم الهوب في ريف الحسكة الشرقي.") == {HOL}
    got = _fac("Volunteers handed out blankets at the al-Hob camp near Sarmada in Idlib province.")
    assert HOL not in got and any(f.startswith("open:camp:") for f in got)
    assert HOL not in _fac("Gunmen attacked the al-Hob camp overnight.")


def test_the_slip_guards() -> None:
    gaz = real_gazetteer()
    assert typo_of("Rukbam", "camp", gaz) is not None
    assert typo_of("Rukbam", "prison", gaz) is None  # the head's kind only
    assert typo_of("Qamishli", "camp", gaz) is None  # a known place is that place
    assert typo_of("Bukban", "camp", gaz) is None  # the first letter is never the slip
    assert typo_of("Hob", "camp", gaz) is None  # short: only with a place near (typo_of's `near`)
    assert typo_of("Sabina", "camp", gaz) is None  # a known core (a `word`) itself, no slip of another
    # a slip placed in another country's town is another camp (rule 27x): `مخيم الدشيشة` in Hasakah is no Dheisheh
    assert _fac("وصلت عائلات إلى مخيم الدشيشة في ريف الحسكة الجنوبي.") != {"fac:ps-dheisheh-camp"}


# 2. a name in brackets after a head


def test_a_bracketed_name_after_an_arabic_head_is_quoted() -> None:
    assert _fac("نقلت قوات الأمن الداخلي عشرات الفتيان إلى مركز (هلات) في ريف الحسكة.") == {HALAT}
    assert _fac("أُفرج عن ثلاثين فتى من مركز (أوركيش) للتأهيل.") == {ORKESH}
    assert _fac("وصلت دفعة جديدة من العائلات إلى مخيم (روج) قرب المالكية.") == {ROJ}
    assert _fac("Boys were held for months at the (Houri) centre near Qamishli.") == {"fac:sy-houri-centre"}


def test_a_bracket_that_is_no_name() -> None:
    assert _fac("نصبت البلدية خياماً على عجل في مخيم (مؤقت) على أطراف الحسكة.") == set()
    assert _fac("The Roj camp (Hasakah) now holds fewer foreign women.") == {ROJ}
    assert "geonames:173811" in _places("The Roj camp (Hasakah) now holds fewer foreign women.")
    assert _fac("أقام الجيش مخيماً (UNHCR) للنازحين.") == set()


# 3. an apposition that says what the bare name is


def test_an_apposition_of_the_kind_outweighs_a_town_word_before() -> None:
    assert _fac("Traders crowded the market of al-Hol, a camp for displaced people, on Sunday.") == {HOL}
    assert _fac("Fighting reached Rukban, a settlement of displaced Syrians on the border.") == {RUKBAN}
    assert _fac("عاد الأهالي إلى السكن في حندرات، المخيم الواقع شمال حلب.") == {"fac:sy-handarat-camp"}
    assert _fac("فرّ معتقلون من غويران، وهو سجن تديره قسد في الحسكة.") == {GHWAYRAN}


def test_an_apposition_that_calls_it_a_town() -> None:
    text = "اندلعت اشتباكات في الهول، وهي بلدة صغيرة شرق الحسكة، بين مسلحين من عشيرتين."
    assert _fac(text) == set() and HOL_TOWN in _places(text)
    text = "نقلت قسد المعتقلين إلى الشدادي، المدينة الواقعة جنوب الحسكة، قبل أن تفرج عنهم."
    assert _fac(text) == set() and SHADDADI_TOWN in _places(text)
    text = "Shops in Sednaya, a Christian town north of Damascus, reopened on Monday."
    assert _fac(text) == set() and SEDNAYA_TOWN in _places(text)
    assert _fac("Rukban, a barren stretch of desert near the border, saw sandstorms.") == set()
    assert _fac("The market of al-Hol town reopened on Sunday.") == set()


# 4. "the camp" and the passage's one bare candidate


def test_the_generic_head_and_the_one_bare_name() -> None:
    assert _fac("Families left Rukban last week. The camp has no clinic and little clean water.") == {RUKBAN}
    assert _fac("غادرت عائلات الركبان أمس، ولا يوجد في المخيم أي مركز صحي.") == {RUKBAN}
    assert _fac("توجه وفد أممي إلى الأزرق يوم الاثنين. ويؤوي المخيم نحو أربعين ألف سوري.") == {AZRAQ}


def test_the_generic_head_keeps_the_towns_the_rules_give() -> None:
    assert _fac("Reporters went to Palmyra on Monday. Inside the prison, cells stood empty.") == set()
    assert _fac("Families returned to Shaddadi after the fighting. The camp near Hasakah stayed full.") == set()
    assert _fac("عاد الأهالي إلى الشدادي بعد المعارك، وبقي المخيم مكتظاً بالنازحين.") == set()
