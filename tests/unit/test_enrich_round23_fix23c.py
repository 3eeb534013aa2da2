"""Round 23, fix23c (rule 27y): forms read from the spent round-23 blind splits after their end-of-round scoring —
a bracketed other spelling between a name and its head, "refugee camp of X", a description in brackets or after
"close to" naming where another site is, and Newroz camp in Derik. Our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_other_spelling_in_brackets_between_name_and_head() -> None:
    # (Makhmour camp is a gazetteer entry since rule 27d)
    assert _fac("Families in Makhmour (Mexmûr) camp, a refugee camp near Mosul, buried the dead.") == {
        "fac:iq-makhmour-camp"}
    surf = [f.surface for f in real_ann("Drones struck Makhmour (Mexmûr) camp, home to Kurdish refugees.").facilities]
    assert surf == ["Makhmour (Mexmûr) camp"]
    # a known camp with its other spelling stays that camp, once
    assert _fac("Families returned from al-Hol (Hol) camp last week.") == {"fac:sy-al-hol-camp"}
    # guards: a lower-case description or a demonym in the brackets is no other spelling
    assert _fac("Families in the (new) camp said the drone struck at dawn.") == set()
    assert "fac:iq-makhmour-camp" not in _fac("Families in Makhmour (Kurdish) camp said the drone struck.")


def test_refugee_camp_of_a_name() -> None:
    assert _fac("A drone hit the big Kurdish refugee camp of Makhmour (Maxmur), southwest of Erbil.") == {
        "fac:iq-makhmour-camp"}
    assert _fac("Residents of the camp of Makhmour protested on Sunday.") == {"fac:iq-makhmour-camp"}
    assert _fac("The UN runs the refugee camp of Zaatari in Jordan.") == {"fac:jo-zaatari-camp"}
    # guard: a region after "of" names no camp
    assert _fac("It is the largest refugee camp of the region.") == set()


def test_close_to_a_known_name_is_where_the_named_site_is() -> None:
    assert _fac("Families returned from Hassan Sham (close to Khazir) camp last week.") == {
        "fac:iq-hasansham-camp"}
    assert _fac("Families returned from Hassan Sham (next to Khazir) camp last week.") == {
        "fac:iq-hasansham-camp"}
    assert _fac("Families returned from Hassan Sham (near Khazir) camp last week.") == {"fac:iq-hasansham-camp"}
    # guards: the camp itself, named with its head, stays
    assert _fac("Families moved from Hassan Sham to Khazir camp last week.") == {
        "fac:iq-hasansham-camp", "fac:iq-khazir-camp"}
    assert _fac("Families returned from Khazir camp last week.") == {"fac:iq-khazir-camp"}


def test_newroz_camp_in_derik_is_newroz_not_serekaniye() -> None:
    assert _fac("Newroz Camp children started a new school year on Monday.") == {"fac:sy-newroz-camp"}
    assert _fac("A statement by the Newroz Camp Administration said the water was cut.") == {"fac:sy-newroz-camp"}
    assert _fac("وصلت قافلة مساعدات إلى مخيم نوروز في ديرك يوم الأحد.") == {"fac:sy-newroz-camp"}
    # the Serekaniye camp named with its head stays
    assert _fac("Residents of Serekaniye camp near Hasakah complained of shortages.") == {"fac:sy-serekaniye-camp"}
