"""Round 24, rule 27p: forms read from the spent round-24 blind splits after their end-of-round scoring — a name the
text says is "actually" a town, an airport's word before a quoted name, and a town's central prison placed by a
direction or spelled with its article. Our own sentences."""

from tests.unit.enrich_support import real_ann

HOL_TOWN, RAQQA_PRISON, HAMA_PRISON = "geonames:173797", "fac:sy-raqqa-central-prison", "fac:sy-hama-central-prison"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_a_name_said_to_be_a_town_with_an_adverb() -> None:
    text = "Al-Hol is really a small town, the seat of a subdistrict east of Hasakah."
    assert _fac(text) == set()
    assert HOL_TOWN in {p.id for p in real_ann(text).places}
    assert _fac("Al-Hol is in fact a camp for the families of ISIS suspects.") == {"fac:sy-al-hol-camp"}


def test_an_airport_word_before_a_quoted_name() -> None:
    assert _fac("قُصف مطار \"معيتيقة\" الدولي ليلاً وتوقفت الرحلات.") == set()
    assert _fac("نُقل المحتجزون إلى سجن \"معيتيقة\" شرق طرابلس.") == {"open:prison:mitiga"}


def test_a_towns_central_prison_by_direction_or_article() -> None:
    assert _fac("SDF units surrounded the central prison north of Al-Raqqah city before dawn.") == {RAQQA_PRISON}
    assert _fac("Two inmates escaped from the central prison in Al-Raqqah, a source said.") == {RAQQA_PRISON}
    assert _fac("A riot broke out in the central prison of Hamah on Monday.") == {HAMA_PRISON}
    assert _fac("The central committee met in Raqqa on Monday.") == set()
