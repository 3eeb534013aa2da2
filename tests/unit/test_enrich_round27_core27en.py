"""Round 27, rule 28y (core27en): English reporting on north-east Syria's camps and prisons — the English glosses of
al-Sina'a ("the Industrial Prison"), a Latin word core in lower case by its head, Iraq's al-Jada / Jada-1 and the
Hope Center, "rehab" centres, Orkesh named bare, a prevailing bare name with its article ("Al Roj"), and the
district of Ghwayran named with a plural district word, a quote or a bracket. Our own sentences; passages in
tests/data/realworld-s27-core27en.jsonl."""

from tests.unit.enrich_support import real_ann

HOL, ROJ, GHWAYRAN = "fac:sy-al-hol-camp", "fac:sy-roj-camp", "fac:sy-ghwayran-prison"
ORKESH, HOURI, JEDDAH1 = "fac:sy-orkesh-centre", "fac:sy-houri-centre", "fac:iq-jeddah-1-camp"
GHWAYRAN_DISTRICT = "place:sy-ghwayran"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


# 1. gazetteer facts: glosses and spellings


def test_the_industrial_prison_is_the_sinaa_prison() -> None:
    assert _fac("Guards were doubled at the Industrial Prison in Hasakah after the riot.") == {GHWAYRAN}
    assert _fac("Shots were heard near the Industrial Secondary Prison in the Ghweran neighbourhood.") == {GHWAYRAN}


def test_a_word_core_in_lower_case_by_its_head_is_the_word() -> None:
    assert _fac("Critics of the prison-industrial complex marched in Washington.") == set()
    assert _fac("The ministry announced an industrial prison labour scheme for Ankara.") == set()
    assert _fac("Tourists admired the view from the panorama prison tower in the old fort.") == set()
    assert _fac("Detainees at Panorama Prison in Hasakah were moved to Iraq.") == {GHWAYRAN}


def test_jada_spellings_and_the_hope_center() -> None:
    assert _fac("The ministry said 120 families would be sent to al-Jada camp south of Mosul.") == {JEDDAH1}
    assert _fac("Returnees spend several months at the Jada-1 camp before going home.") == {JEDDAH1}
    assert _fac("Al-Jada, one of the last displacement camps open in federal Iraq, holds 4,000 people.") == {JEDDAH1}
    assert _fac('She praised the "Hope Center for Psychological and Social Rehabilitation" near Mosul.') == {JEDDAH1}


# 2. the boys' centres


def test_a_rehab_centre_is_the_rehabilitation_centre() -> None:
    assert _fac("About 60 boys now live at the Orkesh rehab center, officials said.") == {ORKESH}
    assert _fac("Teenagers at the Houri rehab centre get one phone call a month.") == {HOURI}


def test_orkesh_named_bare_is_the_centre_but_not_the_ancient_city() -> None:
    assert _fac("Boys at Orkesh learn carpentry and English.") == {ORKESH}
    assert _fac("Officials say Orkesh has taken in 80 boys from al-Hol.") == {ORKESH, HOL}
    assert _fac("Excavators at Tell Mozan, ancient Orkesh, uncovered a palace wall.") == set()
    assert _fac("Work resumed at the ancient city of Orkesh in the spring.") == set()


# 3. a prevailing bare name with its article


def test_al_roj_bare_is_the_camp() -> None:
    assert _fac("The charity's director visited Al Roj in 2023 and met Australian mothers.") == {ROJ}
    assert _fac("The envoy visited al-Roj on Monday and said nothing had changed.") == {ROJ}


# 4. Ghwayran the district


def test_the_district_of_ghwayran_is_no_prison() -> None:
    assert _fac("Police detained two men in the neighbourhoods around Ghwayran on Monday.") == set()
    assert _fac("Families from the neighborhoods of Guweiran, al-Zuhour and al-Nashwa fled after the prison attack.") \
        == set()
    assert _fac("Residents of the districts of al-Nashwa, Ghweiran and al-Zuhour fled after the attack.") == set()
    assert _fac('Forces searched houses in the "Gweran" neighbourhood of Hasakah after the prison riot.') == set()
    assert _fac("Police arrested a suspect in the Ghweiran (Ghwayran neighbourhood) of Hasakah.") == set()


def test_the_prison_beside_its_district_is_still_read() -> None:
    assert _fac("ISIS fighters stormed Ghweran prison in the Ghweran neighbourhood.") == {GHWAYRAN}
    assert _fac("Clashes continued in the vicinity of Ghweran Prison, south of Hasaka.") == {GHWAYRAN}
    assert _fac('Inmates rioted in "Ghweran" prison, guards said.') == {GHWAYRAN}


def test_the_quarters_of_a_single_name_are_its_parts() -> None:
    assert _fac("Families fled the Taamir and Hittin quarters of Ein el-Helweh as fighting spread through the camp.") \
        == {"fac:lb-ain-al-hilweh-camp"}
