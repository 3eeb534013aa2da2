"""Round 26, rule 28o (bare26en): English headlines, captions and ledes that name a known prison or camp with no head
word — a person of the site in the singular after the name ("a former Evin prisoner", "a Saydnaya survivor"), a
prison's gate or walls before "of" and a name no town bears ("the gates of Evin"), and executions by hanging as a
prison's word — and the same names as towns. Our own sentences; passages in tests/data/realworld-s26-bare26en.jsonl."""

from tests.unit.enrich_support import real_ann

EVIN, SEDNAYA, SEDNAYA_TOWN = "fac:ir-evin-prison", "fac:sy-sednaya-prison", "geonames:164717"
ABU_GHRAIB, AG_TOWN, HOL = "fac:iq-abu-ghraib-prison", "geonames:100077", "fac:sy-al-hol-camp"


def _fac(text: str) -> set[str]:
    return {f.id.replace("open:prison:evin", EVIN) for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def test_a_person_of_the_prison_in_the_singular_after_the_name() -> None:
    assert _fac("A former Evin prisoner said the guards beat her in the corridor.") == {EVIN}
    assert _fac("A Saydnaya survivor gave evidence in Koblenz on Monday.") == {SEDNAYA}
    assert _fac("An ex-Abu Ghraib detainee won damages from the contractor.") == {ABU_GHRAIB}
    assert _fac("One Sednaya inmate spent eleven years underground.") == {SEDNAYA}


def test_the_gate_or_walls_of_a_name_no_town_bears() -> None:
    assert _fac("Relatives packed the road to the front gate of Evin all night.") == {EVIN}
    assert _fac("Freed men walked out through the gates of Evin to cheers.") == {EVIN}


def test_a_citys_gates_and_walls_stay_its_own() -> None:
    got = _fac("Crowds waited outside the walls of Sednaya for news.")
    assert SEDNAYA not in got and SEDNAYA_TOWN in _places("Crowds waited outside the walls of Sednaya for news.")
    assert _fac("The walls of Damascus were restored last year.") == set()
    assert _fac("Survivors of the strike gathered at the gates of the hospital.") == set()


def test_hanging_is_a_prisons_word() -> None:
    assert _fac("Thousands were hanged in secret at Sednaya, the report said.") == {SEDNAYA}


def test_the_towns_stay_towns() -> None:
    assert _fac("Pilgrims once came to Saydnaya for the feast of the Virgin.") == set()
    assert _fac("A minibus from Damascus reaches Saydnaya in about an hour.") == set()
    assert _fac("Abu Ghraib farmers say the drought halved the wheat harvest.") == set()
    assert AG_TOWN in _places("Abu Ghraib farmers say the drought halved the wheat harvest.")
    assert _fac("A Saydnaya native, the singer grew up among the town's churches.") == set()
    assert _fac("The mayor of Saydnaya opened the town's new market.") == set()


def test_the_bare_name_in_headlines() -> None:
    assert _fac("Freed from Saydnaya, a father walks home to a son he has never met") == {SEDNAYA}
    assert _fac("Iraq brings home 150 more families from al-Hol") == {HOL}
    assert _fac("Fire at Evin: Tehran's most feared jail burns for hours") == {EVIN}


def test_a_possessive_before_the_prisons_people() -> None:
    assert _fac("The deputy prosecutor in charge of Evin's prisoners of conscience denied the claim.") == {EVIN}
    assert _fac("Saydnaya's survivors gave evidence at the hearing.") == {SEDNAYA}
