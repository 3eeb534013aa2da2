"""The lead's end-of-round-26 fast paths (output unchanged): spelled_cores reads a word's own cached tests before the
text's slow detention-word scan, and skips texts with no capitalised five-letter word; slipped_actors stops where no
listed NGO name has every word but its last in the folded text."""

from __future__ import annotations

from services.enrich.bare import spelled_cores
from services.enrich.slipped_actors import slipped_actors
from tests.unit.enrich_support import real_ann, real_gazetteer


def test_spelled_needs_a_capitalised_word() -> None:
    assert spelled_cores("نقل المعتقلون من السجن إلى مخيم قريب.", real_gazetteer(), []) == []
    assert spelled_cores("men held in ghuwairan were flown out", real_gazetteer(), []) == []


def test_spelled_needs_a_detention_word_once_a_word_spells_a_site() -> None:
    gaz = real_gazetteer()
    assert spelled_cores("Ghuwairan's football club won on Friday.", gaz, []) == []
    got = spelled_cores("Men held in Ghuwairan were the first to be flown out.", gaz, [])
    assert [c.role for c in got][:1] == ["core"]
    text = "Men held in Ghuwairan were the first to be flown out."
    assert "fac:sy-ghwayran-prison" in {f.id for f in real_ann(text).facilities}


def test_slipped_needs_the_names_leading_words() -> None:
    gaz = real_gazetteer()
    assert slipped_actors("قال مركز الإعلام إن الوضع هادئ.", gaz, []) == []
    got = slipped_actors("وثّقت منظمة هيومان رايتس وواتش الانتهاكات.", gaz, [])
    assert got and got[0].role == "actor"
