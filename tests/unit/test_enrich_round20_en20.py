"""Round 20, en20 survey (rule 25s): English facility recall on wire and newspaper copy — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_world_sites_named_bare_in_a_detention_frame() -> None:
    assert _fac("The reporter was held on Rikers for eleven days before his bail hearing.") == {
        "open:prison:rikers-island"
    }
    assert _fac("A second inmate died on Rikers Island this month, the fourth to die in custody this year.") == {
        "open:prison:rikers-island"
    }
    assert _fac("The poet was confined to Insein for two years after the uprising.") == {"open:prison:insein"}
    assert _fac("Some 80 migrants picked up at sea were moved into Tajoura on Friday.") == {"open:prison:tajoura"}
    assert _fac("Nearly 3,000 refugees remain in Rafha, the UN refugee agency said.") == {"open:camp:rafha"}
    # the same names as towns, a township, a family name and a campaign: none
    assert not _fac("Fighting spread to Tajoura, a coastal suburb east of Tripoli.")
    assert not _fac("Insein, a township of some 300,000 people, lies north of central Yangon.")
    assert not _fac("Coach Jan Rikers said his side would rest three starters.")
    assert not _fac("Campaigners at the Belmarsh Tribunal called for the publisher's release.")


def test_a_migrant_centre_called_a_centre_alone() -> None:
    assert _fac("An official at the Tajoura centre said staff had resumed taking in migrants.") == {
        "open:prison:tajoura"
    }
    assert _fac("Guards at the Ain Zara center beat two Sudanese men, survivors said.") == {"open:prison:ain-zara"}
    # a regional site's core before "centre" is no such name
    assert not _fac("The Palestine Centre for Human Rights published its report on Monday.")


def test_a_wire_dateline_in_capitals_is_the_town() -> None:
    assert not _fac("RAFHA, Saudi Arabia (Reuters) - Three men have spent 12 years in a desert camp for refugees.")
    assert _fac("Refugees in Rafha began a hunger strike on Monday.") == {"open:camp:rafha"}


def test_the_dam_camp_is_areesha() -> None:
    assert _fac("Families huddled in Sidd camp with no tents after a month.") == {"fac:sy-areesha-camp"}
    assert _fac("Some 1,000 people were moved to al-Sadd camp south of Hasakah.") == {"fac:sy-areesha-camp"}


def test_one_camp_named_two_ways_in_english() -> None:
    assert _fac("Families sheltered in Tal Nour camp, which locals also call Zeitoun camp, near the border.") == {
        "open:camp:tal-nour"
    }
    assert _fac("They reached Mabrouka camp, also called Sabha camp, at night.") == {"fac:sy-mabrouka-camp"}
    # two camps joined by a clause that is no naming stay two
    assert len(_fac("Shelling hit Tal Nour camp, which the army shelled before, and Zeitoun camp.")) == 2


def test_another_country_s_guantanamo_is_a_figure() -> None:
    assert _fac("No one has escaped HMP Belmarsh, which some call the UK's Guantanamo Bay.") == {"open:prison:belmarsh"}
    assert "fac:cu-guantanamo" not in _fac("Critics called the island camp Australia's Guantanamo.")
    assert "fac:cu-guantanamo" in _fac("Lawyers flew to Guantanamo Bay to meet their clients.")


def test_a_jail_no_town_bears_the_name_of_read_bare() -> None:
    assert _fac("The council voted to close Rikers Island by 2027.") == {"open:prison:rikers-island"}
    assert _fac("Four officers were hurt in a disturbance at Belmarsh on Sunday.") == {"open:prison:belmarsh"}
    # a person of the family name, a campaign or an inquiry named for the jail: none
    assert not _fac("Coach Jan Rikers said his side would rest three starters.")
    assert not _fac("The Belmarsh Tribunal met in Washington on Friday.")
    assert not _fac("The Rikers Commission will report in the spring.")
