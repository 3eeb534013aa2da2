"""Round 22, forms read from the spent blind splits, the lead (data/README.md rule 26y) — our own sentences."""

from tests.unit.enrich_support import real_fac_ids


def test_a_standalone_h_is_a_consonant_in_a_spelling_variant() -> None:
    # "Matahen" (m-t-h-n) is no "Muthanna" (m-th-n): the skeletons differ by the h
    assert "fac:iq-muthanna-airport-prison" not in real_fac_ids("A detainee slipped out of Al-Matahen Prison at night.")
    # the variants the skeleton is for still match: vowels, doubled letters, a final h after a vowel
    assert "fac:sy-al-hol-camp" in real_fac_ids("Families were moved to Hawl camp on Monday.")
    assert "fac:sy-al-hol-camp" in real_fac_ids("Families were moved to the Holl camp on Monday.")
    assert "fac:sy-ghwayran-prison" in real_fac_ids("Inmates rioted in Gweiran prison.")
