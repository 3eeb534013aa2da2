"""Round 19, en19b survey (rule 25p): English detention sites named bare or after "Camp" — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def test_camp_names_by_a_number_word_in_a_detention_text() -> None:
    assert _fac("Two detainees in Camp Five were moved after the protest.") == {"open:prison:five"}
    assert "open:prison:four" in _fac("Guards said the inmates of Camp Four refused their lunch trays.")
    # a number word with no detention around it names no camp
    assert not _fac("Hikers reached Camp Three below the summit on Tuesday.")


def test_camp_names_where_guantanamo_or_a_hunger_strike_says_detention() -> None:
    fac = _fac("Nearly all of the men still at Guantanamo Bay sleep in Camp 6, their lawyers said.")
    assert {"fac:cu-guantanamo", "open:prison:6"} <= fac
    assert "open:prison:4" in _fac("A hunger strike that began in Camp 4 spread within a week.")
    assert {"open:prison:delta", "open:prison:3"} <= _fac(
        "Men flown to Camp Delta were first put in Camp 3, the maximum-security block.")
    # a numbered camp among scouts or campers is none
    assert not _fac("Scouts put up their tents at Camp 4 by the river during the jamboree.")
    assert not _fac("Young campers pitched tents at Camp 2 near refugees' old shelters.")


def test_camp_justice_is_the_war_court_compound() -> None:
    assert not _fac("Lawyers for the defendants stay in tents at Camp Justice, a short drive from the cell blocks.")
    assert _fac("The judge at Guantanamo's Camp Justice delayed the hearing again.") == {"fac:cu-guantanamo"}


def test_apposition_of_a_category_jail_or_a_jail_complex() -> None:
    assert _fac("Two guards were attacked at Frankland, the Category A jail near Durham.") == {"open:prison:frankland"}
    assert _fac("Riverview Island, Springfield City's main jail complex, will close next year.") == {
        "open:prison:riverview-island"}
    # a place's possessive over a town, no jail: nothing
    assert not _fac("Hillbrook, New York State's oldest town, held a parade.")


def test_apposition_of_a_facility_in_a_detention_sentence_only() -> None:
    assert _fac("Migrants caught at sea were sent back to Zawia, the coastal facility run by a militia.") == {
        "open:prison:zawia"}
    assert not _fac("Ras Lanuf, the oil facility east of Sirte, was shelled on Monday.")
    assert not _fac("Engineers visited Bayji, the refinery facility north of the capital.")


def test_a_detention_centre_in_apposition_to_a_town_of_geonames() -> None:
    assert _fac("Rescued migrants were held at Tajoura, the detention centre east of Tripoli.") == {
        "open:prison:tajoura"}
    assert not _fac("Fighting in Tajoura, a suburb east of Tripoli, shut the coastal road.")


def test_a_bare_name_before_its_head_is_the_same_facility() -> None:
    got = _surfaces("A fight at Longmoor left three officers hurt. Longmoor prison holds about 600 men.")
    assert got == ["Longmoor", "Longmoor prison"]
    # a bare name before the head with no preposition of place (a person's name, a subject) is not read
    assert _surfaces("Longmoor said the report was unfair. Longmoor prison holds about 600 men.") == ["Longmoor prison"]


def test_a_building_year_is_no_bygone_site() -> None:
    assert _fac("Kalinda Prison, east of the capital, was built in 1890 and now holds 4,000 inmates.") == {
        "open:prison:kalinda"}
    assert not _fac("Crowds marked the storming of the Bastille prison in 1789 with fireworks.")


def test_the_calais_jungle_and_a_province_named_like_a_prison() -> None:
    assert _fac("Police bulldozed what was left of the Calais jungle on Thursday.") == {"open:camp:calais-jungle"}
    assert not _fac("Explorers crossed the jungle of Borneo on foot.")
    assert not _fac("Coffee farmers in the Cuban province of Guantanamo lost their crops to the storm.")
    assert _fac("Lawyers flew to Guantanamo to meet their clients.") == {"fac:cu-guantanamo"}
