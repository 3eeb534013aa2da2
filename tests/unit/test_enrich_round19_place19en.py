"""Round 19, place19en (rule 25n): English place precision and recall in reports on camps, detention and
displacement — our own sentences."""

from tests.unit.enrich_support import real_ann


def _pl(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


def _surf(text: str) -> set[str]:
    return {p.surface for p in real_ann(text).places}


def test_a_small_town_name_before_a_surname_is_a_person() -> None:
    # Jordan's Safi (alias Safa) and Iran's Eyvan (alias Ivan) are given names here
    assert _pl("Aid spokeswoman Safa Msehli said the detainees had been moved overnight.") == set()
    assert "geonames:129929" not in _pl("Migration Minister Ivan Faiq said 170 families left the camp for Sinjar.")
    assert "geonames:448149" in _pl("Migration Minister Ivan Faiq said 170 families left the camp for Sinjar.")
    # the town alone, or before a site's word, a day or a month, stays the town
    assert "geonames:250267" in _pl("The families were moved to Safa last week.")
    assert "geonames:96994" in _pl("Dohuk Governor Ali Tatar opened the new clinic.") or \
        "adm1:IQ-duhok" in _pl("Dohuk Governor Ali Tatar opened the new clinic.")


def test_a_two_word_foreign_town_is_not_its_first_word() -> None:
    assert _pl("Migrants held in warehouses around Bani Walid were beaten for ransom.") == set()
    assert "geonames:141584" in _pl("Protests spread to Baneh and Saqqez after the execution.")


def test_title_case_headline_keeps_the_town() -> None:
    # every word capitalised: the next capitalised word says nothing about a longer name
    assert "geonames:250267" in _pl("Heavy Rain Floods Safa Homes Again")


def test_checkpoint_named_after_a_small_town() -> None:
    assert "geonames:173830" not in _pl("Troops entered the camp from the Al-Hamra military checkpoint in the valley.")
    assert "geonames:170063" in _pl("Soldiers at an Aleppo checkpoint detained three men.")


def test_red_crescent_society_of_a_country() -> None:
    assert "country:AE" not in _pl("The Emirates Red Crescent handed over 1,000 prefabricated homes near Makhmour.")
    assert "country:QA" not in _pl("The Qatar Red Crescent sent convoys to the camps of Idlib.")
    assert "country:QA" in _pl("Qatar sent convoys to the camps of Idlib.")


def test_national_section_of_an_organisation() -> None:
    text = "Doctors Without Borders Netherlands said the clinic in the camp had run out of insulin."
    assert "country:NL" not in _pl(text)
    assert "country:SE" not in _pl("Save the Children Sweden funded the school in the camp.")
    assert "country:NL" in _pl("Doctors Without Borders flew the patient to the Netherlands.")


def test_governorates_named_with_a_lower_case_article() -> None:
    assert _pl("Fighting peaked in Raqqa and Deir e-Zor provinces this year.") >= {"adm1:SY-raqqa",
                                                                                 "adm1:SY-deir-ez-zor"}
    assert "adm1:SY-deir-ez-zor" in _pl("Families fled Raqqa and Deir ez-Zor provinces.")
    assert "geonames:172955" in _pl("Families fled Raqqa and reached Deir ez-Zor by bus.")


def test_the_name_before_a_glossed_governorate() -> None:
    assert _pl("Yazidis living in Nohadra (Duhok) Governorate went home.") == {"adm1:IQ-duhok"}


def test_transliteration_variants() -> None:
    assert "geonames:173230" in _pl("His neighbour is from Amoude, near the Turkish border.")
    assert "geonames:93818" in _pl("We drove through the dusty town of Makhmoor.")
    assert "geonames:163434" in _pl("Civilians fled Til Temir during the offensive.")
    assert "geonames:170794" in _pl("The government still held the Deir Azzour Airport.")
    assert "adm1:IQ-salah-al-din" in _pl("Families went back to the provinces of Salaheddine and Diyala.")


def test_jazira_is_no_iraqi_town() -> None:
    assert "geonames:98459" not in _pl("Most camps lie in Upper Mesopotamia (al-Jazira), in north-east Syria.")
    assert "geonames:98459" not in _pl("Al Jazeera's reporter visited the camp near Hasakah.")


def test_more_spellings_of_towns_and_governorates() -> None:
    assert "geonames:172374" in _pl("Other camps lie around al-Tabqah and Raqqa.")
    assert "adm1:IQ-babil" in _pl("Factions fear attacks on Baghdad and Babel.")
    assert "place:iq-amiriyat-al-fallujah" in _pl("Families were driven to Amariyat al-Fallujah in the desert.")


def test_possessive_and_canonical_names_keep_the_town() -> None:
    assert "geonames:2210247" in _pl("Footage from Tripoli's Mitiga prison shows men crammed together.")
    assert "geonames:268064" in _pl("Stray bullets hit the nearby Sidon Governmental Hospital.")


def test_bar_association_of_a_city() -> None:
    assert "geonames:276781" not in _pl("Only 99 of 809 inmates had been sentenced, the Beirut Bar Association found.")
    assert "geonames:276781" in _pl("A bar in Beirut reopened after the blast.")


def test_home_town_after_a_preposition_before_a_name() -> None:
    text = "The acting governor of Kirkuk Rakan al-Jiburi unveiled a plan to empty the camps."
    assert "geonames:94787" in _pl(text)
