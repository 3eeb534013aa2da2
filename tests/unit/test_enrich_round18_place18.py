"""Round-18 place18 survey (place precision on naturally sampled regional news, data/README.md rule 25b): names that
hold a country or a town without naming it, and towns the gazetteer missed. Every passage is written for this file."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann as _ann


def _places(text: str) -> set[str | None]:
    return {p.id for p in _ann(text).places}


def test_rights_group_and_channel_named_after_a_country_hold_no_place() -> None:
    assert "country:IR" not in _places("Iran Human Rights (IHR) counted the hangings at the jail in Karaj.")
    assert "country:IR" not in _places("Iran International broadcast the relatives' appeal from Tehran.")
    assert "country:IR" not in _places("قال مركز إيران لحقوق الإنسان إن حكمين نُفذا فجراً.")
    # the near-miss: an airport, a fair keep their city (rule 15), and the country named as a place stays
    assert "geonames:98182" in _places("The plane landed at Baghdad International Airport on Monday.")
    assert "country:IR" in _places("Iran International said the strike spread across Iran.")


def test_a_union_named_after_a_country_holds_no_place() -> None:
    assert "country:SY" not in _places("دعا اتحاد طلبة سوريا إلى وقفة أمام الكلية.")
    # the members alone, with no union's word before them, keep the country
    assert "country:SY" in _places("قال طلاب سوريا العائدون إن الامتحانات تأجلت.")


def test_a_movement_named_after_a_province_holds_no_place() -> None:
    assert "adm1:IQ-anbar" not in _places("Leaders of the Anbar Awakening met the prime minister.")
    assert "adm1:IQ-anbar" in _places("Leaders from Anbar met the prime minister.")


def test_a_lake_named_after_a_town_is_no_place_and_no_camp() -> None:
    assert "place:iq-habbaniyah" not in _places("Fishermen say Lake Habbaniyah has never been so low.")
    assert "place:iq-habbaniyah" not in _places("Fishermen say the Habbaniyah Lake has never been so low.")
    ann = _ann("ما زالت مئات العائلات في مخيمات النزوح. ويشكو صيادون من جفاف بحيرة الحبانية.")
    assert not ann.facilities
    # the town itself stays
    assert "place:iq-habbaniyah" in _places("Fishermen in the town of Habbaniyah say the water is low.")


def test_iran_prison_towns_by_their_arabic_names() -> None:
    got = _places("امتد الإضراب إلى سجون في خوي وسلماس ومريوان وكامياران وسقز.")
    assert {"geonames:126972", "geonames:117656", "geonames:124778", "geonames:128905", "geonames:117392"} <= got
    assert "geonames:125446" in _places("اعتُقل ناشط كردي في مهاباد أمس.")


def test_iran_towns_that_are_arabic_words_only_after_a_cue_or_in_a_list() -> None:
    assert "geonames:122698" in _places("نُقل السجين إلى مدينة نقده.")
    assert "geonames:124665" in _places("انضم سجناء في مشهد ورشت إلى الإضراب.")
    # the words: "his criticism", "a scene", "stand up", "hurting"
    assert not _places("وجّه الكاتب نقده للحكومة في مشهد مؤثر.")
    assert not _places("قال إن إيلام الضحايا جريمة.")


def test_a_road_between_two_towns_names_both() -> None:
    assert "geonames:119208" in _places("نُقلوا إلى السجن المركزي على طريق طهران – قم.")
    # a dateline's dash before a common word: no Mashhad
    assert "geonames:124665" not in _places("بغداد – مشهد مؤلم في الشارع بعد الانفجار.")


def test_tirbespiyeh_written_with_a_final_ha() -> None:
    got = _places("اعتقلت دورية شابين في ناحية تربه سبيه بريف القامشلي.")
    assert "geonames:165757" in got
    assert "geonames:393275" not in got  # not Saudi Arabia's Turubah


def test_a_possessive_deir_ez_zor_before_any_noun() -> None:
    assert "geonames:170794" in _places("They demanded that Deir ez-Zor's tribes run the area.")
    assert "adm1:SY-deir-ez-zor" in _places("Shelling hit Deir ez-Zor's countryside overnight.")


def test_rural_without_a_direction_names_the_governorate() -> None:
    assert "adm1:SY-deir-ez-zor" in _places("Elders met in rural Deir Ezzor to end a feud.")
    assert "adm1:SY-deir-ez-zor" in _places("Elders met in eastern rural Deir Ezzor to end a feud.")
    assert "geonames:170794" in _places("Elders met in Deir Ezzor to end a feud.")


def test_a_given_name_before_a_nisba_surname_is_a_person() -> None:
    assert "place:iq-al-baghdadi" not in _places("The detainee, Khalil al-Baghdadi, was freed on Monday.")
    assert "place:iq-al-baghdadi" in _places("The town of al-Baghdadi in Anbar was shelled.")


def test_the_second_name_under_a_dual_village_cue() -> None:
    ann = _ann("انتشرت القوات في بلدتي تل تمر وأبو راسين شمال الحسكة.")
    assert {"أبو راسين", "تل تمر"} <= {p.surface for p in ann.places}
    ann = _ann("اعتُقل شابان في قريتي الزر والبحرة.")
    assert {"الزر", "البحرة"} <= {p.surface for p in ann.places}
    # a singular cue reads one name: the word after و is no village
    ann = _ann("اعتُقل شابان في قرية الزر والبحرة هادئة.")
    assert "البحرة" not in {p.surface for p in ann.places}


def test_a_common_word_town_in_an_english_list() -> None:
    assert "place:iq-karmah" in _places("Most families went home to Karma and Saqlawiyah last spring.")
    # the word alone is no town
    assert "place:iq-karmah" not in _places("Karma, he said, catches up with every warlord.")


def test_a_river_basin_is_no_place() -> None:
    assert "geonames:166716" not in _places("يعاني المزارعون في حوض اليرموك غربي درعا من شح الأمطار.")
    assert "geonames:170905" in _places("يعاني المزارعون في حوض اليرموك غربي درعا من شح الأمطار.")


def test_syria_directs_arabic_name_holds_no_place() -> None:
    assert "country:SY" not in _places("إدلب – سوريا على طول\nاندلع حريق فجر الإثنين في مخيم للنازحين.")
    # a country before على and any other word stays
    assert "country:SY" in _places("انتشرت القوات في سوريا على الحدود.")
    assert "country:SY" in _places("انتشرت القوات في سوريا على طول الحدود الشمالية.")  # "along the border"


def test_a_rights_group_of_a_country_holds_no_place() -> None:
    assert "country:IR" not in _places("بحسب منظمة حقوق الإنسان في إيران، نُقل السجناء إلى الانفرادي.")
    # human rights in the country, after any other word: the place
    assert "country:IR" in _places("انتقدت الأمم المتحدة انتهاكات حقوق الإنسان في إيران.")
