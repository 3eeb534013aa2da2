"""Round 22, forms read from the spent blind splits, the lead (data/README.md rule 26y) — our own sentences."""

from tests.unit.enrich_support import real_fac_ids


def test_a_standalone_h_is_a_consonant_in_a_spelling_variant() -> None:
    # "Matahen" (m-t-h-n) is no "Muthanna" (m-th-n): the skeletons differ by the h
    assert "fac:iq-muthanna-airport-prison" not in real_fac_ids("A detainee slipped out of Al-Matahen Prison at night.")
    # the variants the skeleton is for still match: vowels, doubled letters, a final h after a vowel
    assert "fac:sy-al-hol-camp" in real_fac_ids("Families were moved to Hawl camp on Monday.")
    assert "fac:sy-al-hol-camp" in real_fac_ids("Families were moved to the Holl camp on Monday.")
    assert "fac:sy-ghwayran-prison" in real_fac_ids("Inmates rioted in Gweiran prison.")


def test_six_letter_and_inner_article_spellings_of_known_names() -> None:
    # two consonants name a six-letter spelling when exactly one known name of five to seven letters has them
    assert "fac:jo-swaqa-prison" in real_fac_ids("The list of centres includes Suwaqa prison, opened in 2000.")
    assert "fac:lb-baddawi-camp" in real_fac_ids("Bedawi camp takes in families fleeing the fighting.")
    # the inner article is no letter of the name: Nahr al-Barid is Nahr al-Bared
    assert "fac:lb-nahr-al-bared-camp" in real_fac_ids("Only Nahr al-Barid camp is bigger in the north.")
    # guards: a longer name with two consonants stays unknown; a nisba is no spelling
    assert "fac:ps-dheisheh-camp" not in real_fac_ids("Residents of Dashisha camp said the water was cut.")
    assert "fac:jo-wehdat-camp" in real_fac_ids("Its official name is the New Amman Camp.")
