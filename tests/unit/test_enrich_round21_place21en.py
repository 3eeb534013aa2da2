"""Round 21, place21en survey (data/README.md rule 26p): places in English village reporting — our own sentences."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2025 = date(2025, 6, 1)


def _pla(text: str) -> set[str]:
    return {p.id for p in real_ann(text, _2025).places}


def test_west_bank_villages_in_english() -> None:
    # towns under 15,000 people in the neighbours are not loaded from GeoNames: the ones English reports
    # name most are curated (rule 26p)
    got = _pla("Settlers set fire to cars in Turmus Ayya and Sinjil, north-east of Ramallah, on Tuesday night.")
    assert {"geonames:281560", "geonames:281778"} <= got
    assert "geonames:283636" in _pla("Shops in Huwwara stayed shut for a second day after the attack.")
    assert "geonames:283636" in _pla("Troops closed the main road through Hawara after stones were thrown.")
    assert "geonames:285024" in _pla("Residents of al-Mughayyer said the raid lasted four hours.")
    assert {"geonames:281789", "geonames:282283"} <= _pla("Soldiers raided Silwad and Qusra before dawn.")
    assert "geonames:280328" in _pla("Families from the south found shelter in schools in Batroun.")


def test_syrian_spellings() -> None:
    assert {"geonames:164328", "geonames:169341"} <= _pla("Gunmen clashed in Sheikh Meskin and Izra'a, north of Daraa.")
    assert "place:sy-shuhayl" in _pla("A roadside bomb went off near al-Shihel in the Deir ez-Zor countryside.")
    assert "adm1:SY-deir-ez-zor" in _pla("The army sent reinforcements across Deir Ezzur province.")
    assert "place:sy-jabal-al-zawiya" in _pla("Artillery hit three villages in Jabal al-Zawiyah overnight.")


def test_darat_azza_is_no_gaza() -> None:
    got = _pla("Drones circled over Darat Azza in the western Aleppo countryside.")
    assert "place:sy-darat-azza" in got and "geonames:281133" not in got
    # guard: a woman's given name is no place, Gaza itself still is
    assert "geonames:281133" not in _pla("Azza, a teacher, said her school had no heating.")
    assert "geonames:281133" in _pla("Aid trucks crossed into Gaza on Sunday.")


def test_guards_words_and_names() -> None:
    # near-misses: an English word close to a village name, and a writer's pen name (S. Yizhar) that is a
    # GeoNames alternate spelling of the Yitzhar settlement, which is curated under its English name only
    assert not _pla("Madam Speaker, the minister said, the budget is ready.")
    assert "geonames:281286" not in _pla("The novelist S. Yizhar wrote about the 1948 war.")
    assert "geonames:281286" in _pla("Settlers from Yitzhar threw stones at passing cars.")


def test_curated_towns_bring_no_given_names() -> None:
    # curating a GeoNames town adds its Latin alternate names: the given names among them stay out
    assert "geonames:169341" not in _pla("Ezra Klein interviewed the envoy about the talks.")
    assert "geonames:281778" not in _pla("The summit was held in Saint Gilles, near Brussels.")
    assert "geonames:169341" in _pla("Reinforcements reached Izraa in the Daraa countryside.")


def test_curated_english_only_towns_stay_out_of_arabic() -> None:
    # their GeoNames Arabic names are left to the Arabic rules: a base's and a football club's names are no places
    assert "geonames:283636" not in _pla("انسحبت القوة لاحقاً باتجاه معسكر حوارة جنوب نابلس.")
    assert "geonames:281789" not in _pla("وتنطلق البطولة بمباراة بلاطة وسلواد يوم الجمعة.")
    assert "geonames:281789" in _pla("Settlers uprooted olive trees on the edge of Silwad on Friday.")
