"""Rule 31e (helper prec31b, round 31): a town read as the camp or prison that bears its name. An apposition after
the bare name's comma gives its country ("Khanke, Iraq,"), calls it a home town, or takes the Arabic feminine
participle or relative a town takes (`التاجي، الواقعة`, `الشدادي، التي`); a wire dateline in capitals before a dash
in a text with no head of the kind. Own wording; the near-misses that must keep their facility beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_country_after_the_comma_makes_the_name_a_town() -> None:
    _none("Aid lorries reached Khanke, Iraq, on Friday after the bridge reopened for displaced families.")
    _none("The shepherd was born in Hammam al-Alil, Iraq, and moved to Mosul before the displaced began arriving.")
    # the camp's head before the gloss keeps the camp
    assert ("Khanke camp", "fac:iq-khanke-camp") in _facs(
        "Khanke camp, Iraq, now houses about 14,000 Yazidis who fled Sinjar in 2014.")
    assert ("Taji prison", "fac:iq-taji-prison") in _facs(
        "Inmates at Taji prison, Iraq, staged a hunger strike over visits, the ministry said.")


def test_a_home_town_in_apposition() -> None:
    _none("She would not go back to Qayyarah, her home town, while the men who threatened the families of the "
          "displaced still lived there.")
    _none("He buried his father in Shaddadi, his native hometown, two days after the detainees were released.")
    facs = _facs("She spent four years in al-Hol camp before returning to Raqqa, her home town, last spring.")
    assert facs == [("al-Hol camp", "fac:sy-al-hol-camp")], facs


def test_an_arabic_feminine_apposition_is_the_town() -> None:
    _none("نقلت القوات عشرات الموقوفين ليلاً إلى التاجي، الواقعة على الطريق السريع شمال بغداد، قبل توزيعهم.")
    _none("عاد آلاف النازحين إلى الشدادي، التي استعادتها القوات الحكومية بعد أسابيع من القتال.")
    _none("ومرّت قافلة الشاحنات بالأزرق، الواقعة على طريق العمري، قبل أن تتجه جنوباً.")
    # the masculine participle after a head of the kind keeps the facility
    assert ("مخيم الأزرق", "fac:jo-azraq-camp") in _facs(
        "قال لاجئون في مخيم الأزرق، الواقع شرق الزرقاء، إن الكهرباء انقطعت يومين.")
    assert ("سجن التاجي", "fac:iq-taji-prison") in _facs("نُقل عشرات السجناء إلى سجن التاجي، الواقع شمال بغداد.")
    assert ("مخيم الهول", "fac:sy-al-hol-camp") in _facs(
        "أبلغت إدارة مخيم الهول، الذي يؤوي آلاف العائلات، عن حريق جديد.")


def test_a_capitals_dateline_with_no_head_of_the_kind() -> None:
    _none("HAMMAM AL-ALIL — Displaced families queued for flour outside the only bakery on Sunday.")
    _none("KHANKE, Kurdistan Region - Yazidi survivors, many of them still displaced, gathered on Sunday.")
    # the camp named with its head in the text stays the camp
    assert ("Khanke camp", "fac:iq-khanke-camp") in _facs(
        "KHANKE, Kurdistan Region - More than 14,000 people still live in Khanke camp, its manager said.")
    # a headline's subject before a colon stays the camp (not a wire dateline)
    assert ("al-Hol", "fac:sy-al-hol-camp") in _facs(
        "al-Hol: six killings recorded and 31 people detained over two big sweeps this month.")
