"""Rules 29c and 29d (helper conv28, round 28): label conventions the blind authors' notes settled by a majority.
Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_a_numbered_section_of_a_named_camp_is_no_camp() -> None:
    text = "Fire broke out in Camp 9, a part of the Kutupalong camp, on Sunday; refugees fled their shelters."
    assert [s for s, _ in _facs(text)] == ["Kutupalong camp"]
    text = "Flames spread through Camp 14, one section of the Kutupalong camp, and Rohingya families lost their tents."
    assert [s for s, _ in _facs(text)] == ["Kutupalong camp"]
    text = "اندلع حريق في المخيم رقم 9 من مخيم كوتوبالونغ للاجئين الروهينغا."
    assert [s for s, _ in _facs(text)] == ["مخيم كوتوبالونغ"]


def test_a_numbered_camp_among_refugees_with_no_parent_is_a_camp() -> None:
    text = "The blaze started in Camp 9 near Balukhali, where Rohingya refugees live."
    assert [s for s, _ in _facs(text)] == ["Camp 9"]
    text = "اندلع حريق في المخيم رقم 9 في كوكس بازار حيث يعيش لاجئون من الروهينغا."
    assert [s for s, _ in _facs(text)] == ["المخيم رقم 9"]
    assert _facs("يستقبل المخيم رقم 5 آلاف لاجئ.") == []


def test_a_numbered_camp_inside_a_named_prison_is_its_section() -> None:
    text = "Guards lost control of the Tasfirat prison in Baghdad after inmates burned mattresses in Camp 4."
    assert [s for s, _ in _facs(text)] == ["Tasfirat prison"]


def test_guantanamo_numbered_camps_and_unnamed_prisons_stay() -> None:
    text = "Detainees on hunger strike at Guantanamo were moved from Camp 5 to Camp 6."
    assert {"Camp 5", "Camp 6"} <= {s for s, _ in _facs(text)}
    text = "The guards moved detainees from Camp 5 to a military prison near the capital."
    assert [s for s, _ in _facs(text)] == ["Camp 5"]
    text = "Detainees in Camp 6 went on hunger strike. The Abu Ghraib prison was shut years ago."
    assert "Camp 6" in {s for s, _ in _facs(text)}


def test_central_prison_in_a_city_with_one_names_no_place() -> None:
    a = real_ann("خرج عشرات السجناء من السجن المركزي في الرقة بعد دخول قوات الأمن إليها.")
    assert [f.id for f in a.facilities] == ["fac:sy-raqqa-central-prison"]
    assert "geonames:172955" not in {p.id for p in a.places}


def test_central_prison_in_a_city_without_one_is_the_place() -> None:
    a = real_ann("اقتحم مسلحون السجن المركزي بصنعاء ونقلوا عشرات المحتجزين إلى جهة مجهولة.")
    assert a.facilities == []
    assert "geonames:71137" in {p.id for p in a.places}


def test_the_tanf_base_is_no_place() -> None:
    assert real_ann("A rocket landed near the al-Tanf base on Monday, the coalition said.").places == []
    assert real_ann("Soldiers at the Tanf garrison trained local fighters.").places == []
    assert "place:sy-al-tanf" in {p.id for p in real_ann("Aid finally reached the 55-km zone this week.").places}
