"""Rule 29k (helper open29, round 29): camps and detention sites the gazetteer does not list, named the ways outlets
print them, and the generic words after a head that name none. Own wording after stored reports."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_chad_tine_camp_is_no_washokani() -> None:
    text = ("MSF is scaling up care for newly arrived Sudanese refugees in the Tine and Oure Cassoni camps in "
            "eastern Chad.")
    assert _facs(text) == [("Tine", "open:camp:tine"), ("Oure Cassoni", "open:camp:oure-cassoni")]
    text = "Mahanat survived the assault on Zamzam camp and now lives in Tine camp with his mother."
    assert ("Tine camp", "open:camp:tine") in _facs(text)
    # Washokani's own spellings still read as the camp
    assert _facs("Families were moved to the Twaina camp west of Hasakah.")[0][1] == "fac:sy-washokani-camp"


def test_camps_such_as_a_name() -> None:
    text = ("Over 1,000 Iranian Kurdish refugees live in Garmiyan, many of them in camps such as Sherawan in the "
            "Qoratu district.")
    assert _facs(text) == [("Sherawan", "open:camp:sherawan")]
    assert real_ann(text).alert
    text = "Prisons like Altamira, where 57 inmates just died, are crowded, short of staff and run by gangs."
    assert [s for s, _ in _facs(text)] == ["Altamira"]


def test_camps_such_as_a_place_or_word_is_none() -> None:
    assert _facs("Refugees in camps such as those in Lebanon lack heating.") == []
    assert _facs("Camps like Lebanon's are crowded, aid workers said.") == []
    assert _facs("Displaced families live in camps including The ones near the border.") == []


def test_camp_number_after_no() -> None:
    text = ("The seven-hour fire reduced some 10,000 shelters to ashes in Camp No. 9 and Camp No. 10 in Balukhali, "
            "where Rohingya refugees live.")
    assert [s for s, _ in _facs(text)] == ["Camp No. 9", "Camp No. 10"]
    text = "The blaze broke out in Block B of camp No. 9 in the Balukhali Rohingya refugee camp, damaging 20 tents."
    assert [s for s, _ in _facs(text)] == ["Balukhali Rohingya refugee camp"]  # a section of the named camp (29c)


def test_camp_number_without_refugees_is_none() -> None:
    assert _facs("The scouts pitched their tents at Camp No. 3 near the lake.") == []
    assert _facs("Visitors parked at camp No. 2 before the hike.") == []


def test_meadow_of_opens_a_two_word_name() -> None:
    text = "غمرت مياه نهر قويق نحو 20 خيمة في مخيم مرج دابق شمالي حلب صباح الأربعاء."
    assert [s for s, _ in _facs(text)] == ["مخيم مرج دابق"]


def test_a_person_name_after_the_camp_is_no_part_of_it() -> None:
    for text in ("قال مدير مخيم التح عبد السلام اليوسف إن مياه الأمطار دخلت الخيام.",
                 "قال مدير مخيم التح عبدالسلام اليوسف لإذاعة محلية إن مياه الأمطار تسربت إلى الخيام."):
        assert [s for s, _ in _facs(text)] == ["مخيم التح"]
    # a kunya or a servant-name right after a head opens the name
    assert [s for s, _ in _facs("وصل نازحون إلى مخيم أبو النجا للنزوح قرب القضارف.")] == ["مخيم أبو النجا"]


def test_open_world_camps_of_the_region_and_beyond() -> None:
    text = 'استفاق سكان "مخيم التح" القريب من الحدود مع تركيا على سيول أغرقت خيامهم.'
    assert [s for s, _ in _facs(text)] == ["مخيم التح"]
    text = 'ولحقت أضرار بمخيم "وادي هارون" في بلدة حزرة شمالي إدلب، وبمخيم "أجيال" في بلدة كللي.'
    assert [s for s, _ in _facs(text)] == ['مخيم "وادي هارون"', 'مخيم "أجيال"']
    assert [s for s, _ in _facs("أكدت مديرة منظمة داعمة لمخيم (ضيوف الشرقية) في ريف الباب أن المياه غمرته.")] \
        == ["مخيم (ضيوف الشرقية)"]
    text = ("The migration directorate shut the Quratu camp in Garmiyan; some families moved to the Tazede camp "
            "in Kalar.")
    assert [s for s, _ in _facs(text)] == ["Quratu camp", "Tazede camp"]
    assert _facs("ISIS fighters stormed Al-Sina’ah prison in Hasakah's Ghweiran district.")[0][1] \
        == "fac:sy-ghwayran-prison"


def test_generic_words_after_a_head_name_nothing() -> None:
    for text in ("لجأت العائلات إلى مخيم عشوائي أقامته على أرض استأجرتها قرب الحدود.",
                 "قال معتقلون سابقون إنهم احتُجزوا أشهراً في سجن سري تابع لأحد الفصائل في ريف حلب.",
                 "يعاني مخيم كغيره من مخيمات الشمال السوري من شح المياه والخبز.",
                 "أقامت منظمة إغاثة تركية مخيماً جديداً يتسع لـ400 خيمة لإيواء الفارين.",
                 "What was an empty plot earlier this month is now a makeshift camp of 1,100 UNHCR tents.",
                 "The camp where the families now live is severely overcrowded.",
                 "The omda said the displaced are living in the open, with no camp set up for them.",
                 "Rights groups say the prison system in Libya is run by militias."):
        assert _facs(text) == [], text
        assert not real_ann(text).alert, text
