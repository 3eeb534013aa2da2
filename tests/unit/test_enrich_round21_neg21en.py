"""Round 21, neg21en survey (rule 26i): English alert precision on camp and prison words — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_an_armed_groups_training_camp_named_before_camp() -> None:
    # the camp trains, or fighters are trained in it, or a group runs it with training told around it (rule 1)
    assert not _fac("The Abu Bakr camp near Jalalabad trained dozens of Arab volunteers in the 1990s.")
    assert not _fac("Boko Haram graduates new fighters from its Sambisa camp every few months.")
    assert not _fac("Defectors say they were trained at the Uqba camp in the hills for six weeks.")
    assert not _fac("The so-called Lion Cubs camp indoctrinated boys as young as ten.")
    assert not _fac(
        "The group's video shows recruits firing at targets and crawling under wire. "
        "It says it runs a Sheikh Abdullah Camp in the desert."
    )
    assert not _fac('The militia has unveiled a "Martyr Salem Camp" in footage of men on an obstacle course.')


def test_a_camp_of_the_displaced_or_the_detained_keeps_its_name_beside_training_words() -> None:
    # guards: training for the camp's people, a trained guard force for it, training near it
    assert _fac("Vocational training for refugees in the Mae La camp was cut this year.") == {"open:camp:mae-la"}
    assert _fac("The army trained new guards for the Hajin camp.") == {"open:camp:hajin"}
    assert _fac("Recruits trained on a field near the Tal Baydar camp.") == {"open:camp:tal-baydar"}
    assert _fac("Aid agencies trained midwives in the Kutupalong camp.") == {"open:camp:kutupalong"}
    assert _fac("Displaced families reached the Salam camp after the training ended.") == {"open:camp:salam"}
    # a group that runs a camp with no training told is read as before
    assert _fac("The council says it runs the Barakat camp for 3,000 displaced people.") == {"open:camp:barakat"}


def test_a_known_names_nisba_is_no_spelling_of_it() -> None:
    # Zarqawi is "of Zarqa", a man's name: no Zarqa camp, also where refugees are around it
    assert "fac:jo-zarqa-camp" not in _fac("ISIS unveiled the Zarqawi Camp on the edge of the city in a new video.")
    assert "fac:jo-zarqa-camp" in _fac("Families in the Zarqa camp said water had run out.")
    assert "fac:jo-zarqa-camp" in _fac("Families in the Zarka camp said water had run out.")


def test_a_detention_sites_exact_name_under_the_other_kinds_head() -> None:
    # "the Bucca camp" is Camp Bucca (a detention site), not a spelling of Jordan's Baqaa camp
    assert _fac("He spent three years in the Bucca camp before his release.") == {"fac:iq-camp-bucca"}
    assert _fac("Refugees in the Bakaa camp marched on Friday.") == {"fac:jo-baqaa-camp"}


def test_a_bare_known_name_before_a_bases_word() -> None:
    assert not _fac("The Azraq air base hosts Jordanian and allied jets.")
    assert not _fac("Jordanian F-16s took off from Azraq Air Base on Monday.")
    # the camp with its head, and the bare name among refugees, are read as before
    assert _fac("Refugees in Azraq camp said the nearby base is noisy.") == {"fac:jo-azraq-camp"}


def test_a_camps_club_in_an_english_sports_report() -> None:
    assert not _fac("Shatila FC beat Mar Elias 2-0 in the cup final on Sunday.")
    assert not _fac("The Nour Shams team won the league for the first time.")
    # no game in the sentence, or the camp named with its head, keeps the camp
    assert _fac("The Shatila team of medics treated the wounded overnight.") == {"fac:lb-shatila-camp"}
    assert _fac("Jenin camp's football team won the league.") == {"fac:ps-jenin-camp"}


def test_a_coordination_under_a_plural_transit_camps_head() -> None:
    got = _fac("Returnees at the Lumpa and Jui transit camps refused to leave.")
    assert got == {"open:camp:lumpa", "open:camp:jui"}
    assert not _fac("The transit camps on the border are full.")
    assert not _fac("Syrian transit camps are full.")


def test_libyas_khoms_is_no_homs_in_a_libya_text() -> None:
    from tests.unit.enrich_support import real_place_ids

    assert "geonames:169577" not in real_place_ids("Libya will shut the migrant centres in Khoms and Misrata.")
    assert "geonames:169577" in real_place_ids("Shelling hit Homs on Monday, Syrian state media said.")


def test_the_nusrah_front_spelled_with_a_final_h() -> None:
    from tests.unit.enrich_support import real_actor_ids

    assert "actor:hts" in real_actor_ids("The Nusrah Front says it runs two camps in the north.")
    assert "actor:hts" not in real_actor_ids("Nusrah, a teacher from Idlib, returned home.")


def test_the_nazi_camps_are_memorials_not_sites() -> None:
    # rule 22e: "Auschwitz, the former Nazi camp", names no facility; so does every form of the Nazi camps' names
    assert not _fac("She survived the Sobibor camp and settled in Haifa.")
    assert not _fac("The Dachau camp memorial held a ceremony on Sunday.")
    assert not _fac("Soldiers freed the prison camp of Mauthausen in May 1945.")
    # a camp of today keeps its name in the same kind of sentence
    assert _fac("She survived the Ain Issa camp fire and settled in Raqqa.") == {"fac:sy-ain-issa-camp"}
