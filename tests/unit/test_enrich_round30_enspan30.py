"""Rule 30g (helper enspan30, round 30): the English facility mention itself on wide real reporting — a second name
after "also known as" / "better known as" that is the same site, a count joined to a noun before a head that is no
name ("the 1,600-person jail"), a function word opening a sentence or a Title Case headline before a head or "Camp X"
("How Camp East Montana works", "What to Know About Krome Detention Center"), a "Camp X Y" name of several words, and
US detention sites by their other official heads (passages of our own wording in
tests/data/realworld-enspan30.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def test_a_second_name_after_known_as_is_the_same_site() -> None:
    text = ("Kabul's main jail, the Pul-e-Charkhi prison, sometimes also called Afghan National Detention Facility, "
            "held about 5,000 men last autumn.")
    assert _ids(text) == {"open:prison:pul-e-charkhi"}
    text = ("The inmates reached Pul-e-Charkhi jail, which officials also call Afghan National Detention Facility, "
            "east of Kabul; soldiers of the Afghan National Army stood at its gate.")
    assert _ids(text) == {"open:prison:pul-e-charkhi"}  # (its later bare word is the same site, not a second)


def test_better_known_as_after_an_apposition_is_one_site() -> None:
    text = ("The Krome North Service Processing Center, a holding site for migrants better known as Krome Detention "
            "Center among lawyers, is overcrowded again. A man held at Krome filmed the cells on his phone.")
    assert len(_ids(text)) == 1


def test_two_sites_joined_by_and_stay_two() -> None:
    text = "The Pearsall Detention Complex and the Eloy Federal Contract Facility both held 1,400 people a day."
    assert _ids(text) == {"open:prison:pearsall", "open:prison:eloy"}


def test_a_count_joined_to_a_noun_before_a_head_is_no_name() -> None:
    for text in ("Lawyers said the 1,600-person jail in the borough had no heat for a week.",
                 "A 1,200-inmate prison built for half that number now holds men in its corridors.",
                 "Aid groups put up a 300-family camp outside the town after the floods.",
                 "Conditions inside the 2,000-detainee facility drew a visit from the ombudsman.",
                 "Within weeks, the 800-tent camp for flood victims had a school and a clinic."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_a_function_word_opening_the_sentence_is_no_camp_name() -> None:
    assert _ids("How Camp East Montana works: the detention site at Fort Bliss holds migrants in tents.") \
        == {"open:prison:east-montana"}
    assert _ids("Named Camp East Montana, the tent detention site opened in August with 1,000 beds.") \
        == {"open:prison:east-montana"}
    assert _ids("Five Facts About Krome Detention Center\nThe facility holds men awaiting deportation hearings.") \
        == {"open:prison:krome"}


def test_title_case_headlines_keep_their_known_sites() -> None:
    assert _ids("Detainees Protest Inside Megiddo Prison\nOrder was restored by evening.") == {"fac:il-megiddo-prison"}
    assert _ids("Amid Shortages, Zaatari Camp Residents Queue for Water\nThe wells ran low.") == {"fac:jo-zaatari-camp"}
    assert _ids("About Camp Bucca: the US-run jail near Umm Qasr held thousands of detainees until 2009.") \
        == {"fac:iq-camp-bucca"}


def test_camp_and_a_name_of_several_words() -> None:
    assert _surfaces("Detainees at Camp East Montana told lawyers their toilets had not worked for weeks.") \
        == ["Camp East Montana"]
    # a day, a place or a known site after the name is none of its words
    assert _surfaces("Guards moved the hunger strikers out of Camp Iguana Tuesday, a detainee's lawyer said.") \
        == ["Camp Iguana"]
    assert "fac:cu-guantanamo" in _ids("Detainees at Camp Delta Guantanamo went on hunger strike.")


def test_us_detention_sites_by_their_other_official_heads() -> None:
    assert _ids("The South Texas Detention Complex in Pearsall reported about 1,500 detainees a day.") \
        == {"open:prison:south-texas"}
    assert "open:prison:eloy" in _ids("Detainees were held at the Eloy Federal Contract Facility, third by count.")


def test_generic_processing_centres_and_unnamed_complexes_stay_negative() -> None:
    for text in ("Applicants wait for weeks at the passport processing center downtown.",
                 "The county opened a new detention complex last year, officials said, without naming it.",
                 "Tourists queue for boats to the former Alcatraz penitentiary, closed in 1963 and now a museum."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_a_spelling_of_zamzam_is_the_one_camp() -> None:
    assert _ids("Aid workers who knew Zamezam before the war said Zamzam once sheltered half a million people "
                "in the camp.") <= {"open:camp:zamzam"}
    assert _ids("A woman sheltering in the Zamezam camp said the shelling had not stopped.") == {"open:camp:zamzam"}
