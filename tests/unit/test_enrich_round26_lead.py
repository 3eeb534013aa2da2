"""Rule 28s (the lead, round 26): facts read from the spent round-26 blind splits after their end-of-round scoring
(not blind). Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_fac_ids


def test_wafideen_camp_by_its_head() -> None:
    assert real_fac_ids("تجمّع عشرات الشبان عند مدخل مخيم الوافدين قرب دوما صباح الأحد.") == {"fac:sy-wafideen-camp"}


def test_wafideen_the_word_alone_is_no_camp() -> None:
    # "the newcomers" with a camp word elsewhere: the word, not the site
    assert real_fac_ids("سُجّل الوافدين في مخيم مؤقت على أطراف البلدة.") == set()


def test_wafideen_crossing_is_no_camp() -> None:
    assert real_fac_ids("Buses carrying fighters' families left through the al-Wafideen crossing near Douma.") == set()


def test_jeddah_community_rehabilitation_centre() -> None:
    text = ("Before any family goes home to Anbar it passes through the al-Jadaa Community Rehabilitation Centre "
            "near Qayyarah.")
    assert real_fac_ids(text) == {"fac:iq-jeddah-1-camp"}
    assert real_fac_ids("The Jeddah Community Rehabilitation Center took in 150 families.") == {"fac:iq-jeddah-1-camp"}


def test_a_community_rehabilitation_centre_without_a_name_is_no_site() -> None:
    text = "The municipality opened a community rehabilitation centre for people with disabilities."
    assert real_fac_ids(text) == set()
