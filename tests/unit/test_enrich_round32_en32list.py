"""Rules 32r-32s (helper en32list, round 32): English facility lists as real reporting prints them (89 excerpts, 30
`pages` searches read through a list flagger). 32r: the names in brackets after a plural head ("Its five camps
(Dagahaley, Hagadera, Ifo, Kambios and Ifo 2)"), and a country before a backward list is no camp ("(Nabatieh camp in
south Lebanon, and Dikwaneh and Jisr el-Basha camps"). 32s: a name placed by a town in a list ("camps such as al‑Hol
in Hasakah and Ain Issa near Raqqa"), the words that say what the head's names are ("which are", "being:", "are:"),
"or" closing a list, bulleted lines after a plural head and a colon, and a list in apposition to a plural head
("Dagahaley, Ifo and Hagadera, the three Somali refugee camps"). Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _surfaces(text: str) -> list[str]:
    return [f.surface for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


# 32r ------------------------------------------------------------------------------------------------------------------

def test_names_in_brackets_after_a_plural_head() -> None:
    assert _surfaces("Its five camps (Dagahaley, Hagadera, Ifo, Kambios and Ifo 2) shelter 400,000 refugees.") == [
        "Dagahaley", "Hagadera", "Ifo", "Kambios", "Ifo 2"]
    assert _surfaces("Refugees live in four camps (Dagahaley, Hagadera and Ifo, and Ifo 2), the agency said.") == [
        "Dagahaley", "Hagadera", "Ifo", "Ifo 2"]
    assert _surfaces("Refugees live in three camps (Dagahaley, Hagadera and Ifo,) as of May.") == [
        "Dagahaley", "Hagadera", "Ifo"]


def test_brackets_after_a_plural_head_with_no_names_are_none() -> None:
    _none("Aid workers said the camps (mostly women and children) near the border ran out of water.")
    _none("The agency's camps (Jordan, Lebanon and Turkey) received only half of the winter aid.")


def test_a_country_before_a_backward_list_is_no_camp() -> None:
    got = _facs("Three camps were wrecked (Nabatieh camp in south Lebanon, and Dikwaneh and Jisr el-Basha camps in "
                "the Beirut area).")
    assert [s for s, _ in got] == ["Nabatieh camp", "Dikwaneh", "Jisr el-Basha"]
    _none("The Idlib and Aleppo camps hold displaced families.")  # (rule 23f unchanged)


# 32s ------------------------------------------------------------------------------------------------------------------

def test_listed_names_placed_by_a_town() -> None:
    assert _facs("Families lived in camps such as al\u2011Hol in Hasakah and Ain Issa near Raqqa, which grew fast.") \
        == [("al\u2011Hol", "fac:sy-al-hol-camp"), ("Ain Issa", "fac:sy-ain-issa-camp")]
    assert _surfaces("Prisoners are held in prisons including Evin in Tehran and Vakilabad in Mashhad.") == [
        "Evin", "Vakilabad"]


def test_words_that_say_what_the_heads_names_are() -> None:
    for intro in ("which are", "being", "being:", "namely:"):
        assert _surfaces(f"Detainees are held in several detention centres, {intro} Colnbrook, Harmondsworth and "
                         "Brook House.") == ["Colnbrook", "Harmondsworth", "Brook House"], intro
    assert _surfaces("The government's detention centres are: Tinsley House, Yarl's Wood and Colnbrook.") == [
        "Tinsley House", "Yarl's Wood", "Colnbrook"]
    # the plural of the UK's official head heads a list too
    assert _surfaces("The government's immigration removal centres are: Tinsley House, Yarl's Wood and Colnbrook.") \
        == ["Tinsley House", "Yarl's Wood", "Colnbrook"]
    _none("The Home Office plans two new removal centres this year.")


def test_intro_words_before_no_names_are_none() -> None:
    _none("The camps, which are run by Save the Children and Oxfam, hold twice as many families as planned.")
    _none("The families live in three towns, which are Hasakah, Qamishli and Amuda, near the camps.")
    _none("The island camps, which include those on Lesbos and Chios, were built for fewer people.")


def test_or_closes_a_list() -> None:
    assert _surfaces("Aid groups say the assault on camps such as Zamzam or Abu Shouk cut off the clinics.") == [
        "Zamzam", "Abu Shouk"]
    _none("Refugees live in camps such as Jordan or Lebanon.")


def test_bulleted_lines_after_a_plural_head_and_a_colon() -> None:
    text = ("The nine detention centres in the UK are as follows:\n\u2022 Dungavel (Scotland)\n\u2022 Morton Hall "
            "(Lincolnshire)\n\u2022 Yarls Wood (Bedfordshire)\nTwo other centres closed in 2015.")
    assert _surfaces(text) == ["Dungavel", "Morton Hall", "Yarls Wood"]
    assert _facs("Hunger strikers are held in three prisons:\n1. Ofer\n2. Megiddo\n3. Ramon Prison\nMore will join.") \
        == [("Ofer", "fac:il-ofer-prison"), ("Megiddo", "fac:il-megiddo-prison"),
            ("Ramon Prison", "fac:il-ramon-prison")]


def test_bulleted_places_or_sentences_are_none() -> None:
    _none("Most displaced families live in camps in these governorates:\n- Idlib\n- Aleppo\n- Hama\nAid is short.")
    _none("Residents of the camps said:\n- We have had no water for a week\n- The parcels stopped\nNo reply came.")


def test_a_list_in_apposition_to_a_plural_head() -> None:
    assert _surfaces("Housing 300,000 people, Dagahaley, Ifo and Hagadera, the three Somali refugee camps in Kenya, "
                     "form a city.") == ["Dagahaley", "Ifo", "Hagadera"]
    assert _surfaces("Officials visited Kakuma and Kalobeyei, the two camps in Turkana, on Monday.") == [
        "Kakuma", "Kalobeyei"]


def test_places_in_apposition_to_a_plural_head_are_none() -> None:
    _none("Greece, Italy and Malta, the three countries with the most crowded reception camps, asked for help.")
    _none("Hasakah, Qamishli and Amuda, the three towns with displacement camps nearby, reported arrivals.")
    _none("Relief flights went to camps near Kilis and Urfa, where container towns are being built.")
