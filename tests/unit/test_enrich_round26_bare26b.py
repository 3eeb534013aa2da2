"""Round 26, rule 28q (bare26b): a known prison's other spelling named bare ("Ghuwairan detainees", "freed from
Seydnaya", "inside Sednaia") read where its canonical spelling would be, town guards and all; the people held there
before a bare name in the nominative (`معتقلو صيدنايا`, `محتجزو رومية`); and no s or z read as sh where the vowels
fall otherwise too ("Sukhneh camp" is no Sheikhan, "Azouli prison" no Eshel). Our own sentences; passages in
tests/data/realworld-s26-bare26b.jsonl."""

from services.enrich.variants import variant_of
from tests.unit.enrich_support import real_ann, real_gazetteer

SEDNAYA, SEDNAYA_TOWN = "fac:sy-sednaya-prison", "geonames:164717"
GHWAYRAN, ROUMIEH = "fac:sy-ghwayran-prison", "fac:lb-roumieh-prison"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_a_known_prisons_other_spelling_bare() -> None:
    assert _fac("Ghuwairan detainees staged a second riot overnight.") == {GHWAYRAN}
    assert _fac("Hundreds of men were freed from Seydnaya on Sunday.") == {SEDNAYA}
    assert _fac("Conditions inside Sednaia were lethal, a former guard said.") == {SEDNAYA}
    assert _fac("Detainees of Sednaia described the hunger.") == {SEDNAYA}


def test_the_town_and_the_person_stay_apart() -> None:
    assert _fac("He was born in the town of Seydnaya, years before his arrest and torture.") == set()
    assert SEDNAYA_TOWN in _places("He was born in the town of Seydnaya, years before his arrest and torture.")
    assert _fac("The singer George Seydnaya was detained for a week.") == set()
    assert _fac("The singer George Seydnaya performed in Damascus on Friday.") == set()


def test_the_people_held_before_a_bare_name_in_the_nominative() -> None:
    assert _fac("خرج معتقلو صيدنايا إلى الشوارع بعد أن فتحت الأبواب.") == {SEDNAYA}
    assert _fac("بدأ معتقلو رومية إضراباً مفتوحاً عن الطعام.") == {ROUMIEH}
    assert _fac("قال ذوو محتجزي غويران إنهم لم يسمعوا عنهم شيئاً.") == {GHWAYRAN}
    assert _fac("احتفل أهالي صيدنايا بعيد الصليب في ساحات البلدة.") == set()


def test_an_unknown_name_after_the_people_held_stays_unread() -> None:
    assert _fac("أعلن معتقلو بئر أحمد الإضراب عن الطعام.") == set()
    assert _fac("يشكو مساجين برج الرومي من الاكتظاظ.") == set()


def test_s_or_z_for_sh_with_other_vowels_is_another_name() -> None:
    gaz = real_gazetteer()
    assert variant_of("Sukhneh", "camp", gaz) is None
    assert variant_of("Azouli", "prison", gaz) is None
    assert "fac:iq-sheikhan-camp" not in _fac("Families waited at the Sukhneh camp on the edge of the desert.")
    assert "fac:il-eshel-prison" not in _fac("Guards at Azouli prison beat three inmates.")


def test_the_real_spellings_stay() -> None:
    gaz = real_gazetteer()
    for word, kind, want in (("Seydnaya", "prison", SEDNAYA), ("Sednaia", "prison", SEDNAYA),
                             ("Ghuwairan", "prison", GHWAYRAN), ("Roumiyeh", "prison", ROUMIEH)):
        got = variant_of(word, kind, gaz)
        assert got is not None and got.id == want
