"""Rule 29v (helper spentvar29, round 29, read once the r29 splits were spent: not blind): an unknown name after a
camp or prison head that writes a listed site's name with another article or other letters (Er-Rachidia, Errachidia,
Al-Bas, `دارة شةكران`) is that site; a hashtag's glued-article key lends no skeleton (Oleroche is no Areesha). Own
wording; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_maghreb_article_of_e_and_assimilated_glued_article() -> None:
    assert _facs("Fighters handed in their rifles at the Er-Rachidia camp outside Tyre on Friday.") == [
        ("Er-Rachidia camp", "fac:lb-rashidieh-camp")]
    assert _facs("Fighters handed in their rifles at Errachidia camp outside Tyre on Friday.") == [
        ("Errachidia camp", "fac:lb-rashidieh-camp")]


def test_short_name_of_the_same_sounds_wins_over_a_word_alias() -> None:
    # El Buss's "Bass" and the Beach camp's English "beach" share b-s: "Bas" writes Bass's sounds
    assert _facs("Shots were heard overnight inside Al-Bas camp near Tyre.") == [
        ("Al-Bas camp", "fac:lb-el-buss-camp")]


def test_unknown_members_of_a_camps_of_list_beside_a_known_one() -> None:
    assert _facs("Weapons were collected from the camps of Al-Bas, Errachidia and Burj al-Shamali near Tyre.") == [
        ("Al-Bas", "fac:lb-el-buss-camp"), ("Errachidia", "fac:lb-rashidieh-camp"),
        ("Burj al-Shamali", "fac:lb-burj-shemali-camp")]


def test_a_camps_of_list_names_its_camps_and_places_none() -> None:
    # "the camps of A and B" is a list under a plural head (rule 29w): each name is a camp, an unknown one open world,
    # a listed one's other spelling that camp (rule 29v); towns after "the camps of" name no camp
    ann = real_ann("Volunteers toured the camps of Sabra and Errachidia last week.")
    assert [f.id for f in ann.facilities] == ["open:camp:sabra", "fac:lb-rashidieh-camp"]
    assert real_ann("Volunteers toured the camps of Idlib, Afrin and Azaz last week.").facilities == []


def test_kurdish_vowel_written_as_ta_marbuta() -> None:
    assert _facs("وزّعت منظمة إغاثية هدايا على أطفال مخيم دارة شةكران قرب أربيل.") == [
        ("مخيم دارة شةكران", "fac:iq-darashakran-camp")]


def test_glued_article_key_lends_no_skeleton() -> None:
    # "AlAreesha" (a hashtag's form of Areesha) kept the article's l: l-r-s took "Oleroche" to Areesha
    facs = _facs("The Oleroche camp lies beside an oil field in the north-east.")
    assert all(fid != "fac:sy-areesha-camp" for _s, fid in facs)
    assert _facs("Families were moved to the Alhawl camp in Hasakah.") == [("Alhawl camp", "fac:sy-al-hol-camp")]
    assert _facs("New tents were put up in the AlAreesha camp near Hasakah.") == [
        ("AlAreesha camp", "fac:sy-areesha-camp")]


def test_near_misses_stay_apart() -> None:
    # a short name after an assimilated article keeps too few consonants to be a listed site's ("Assad": s-d)
    assert all(fid is None or fid.startswith("open:")
               for _s, fid in _facs("Troops were stationed at the Assad camp for a week."))
    # a known town's name after the head is read as the town's camp, not respelled
    assert _facs("Families returned to Rashidieh camp near Tyre.") == [
        ("Rashidieh camp", "fac:lb-rashidieh-camp")]
