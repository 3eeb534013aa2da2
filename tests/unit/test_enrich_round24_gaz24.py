"""Round 24, gaz24 fix (rule 27d): camps and prisons that Arabic and English outlets name often, added to the
gazetteer as facts (names, spellings, coordinates) — our own sentences reproducing the forms stored pages print.
With its head each name is the site; a name that is also a town stays the town alone (`town_name`); sites beyond the
region are `open_world` (labels null, reported `open:<kind>:<slug>`)."""

import pytest

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


@pytest.mark.parametrize(("text", "fids"), [
    # Makhmour camp (Iraq): head + name, "refugee camp", the Kurdish spelling in brackets, a dual head
    ("استهدفت طائرة مسيّرة تركية مخيم مخمور للاجئين جنوب غرب أربيل.", {"fac:iq-makhmour-camp"}),
    ("A suspected Turkish drone hit Makhmour refugee camp on Monday, killing one man.", {"fac:iq-makhmour-camp"}),
    ("Some 12,000 Kurds from Turkey live in Makhmur camp, local officials say.", {"fac:iq-makhmour-camp"}),
    ("Residents of the Makhmour (Mexmûr) camp refused the army's watchtowers.", {"fac:iq-makhmour-camp"}),
    ("تفقّد وفد أممي مخيمي مخمور وقوشتبة قبل حلول الشتاء.", {"fac:iq-makhmour-camp", "fac:iq-qushtapa-camp"}),
    # Chamchamal prison; two known prisons joined by "or" are two
    ("لن يودع العائدون في سجن جمجمال أو سجن سوسة بإقليم كردستان.", {"fac:iq-chamchamal-prison", "fac:iq-susa-prison"}),
    ("He is held in Chamchamal prison east of Kirkuk.", {"fac:iq-chamchamal-prison"}),
    # Gaza's city-named UNRWA camps, and al-Shaboura as Rafah camp's block
    ("انتشلت طواقم الدفاع المدني ثلاثة جثامين من تحت الركام في مخيم خان يونس.", {"fac:ps-khan-younis-camp"}),
    ("Families were told to leave Khan Yunis refugee camp and head west.", {"fac:ps-khan-younis-camp"}),
    ("غمرت مياه الأمطار أزقة مخيم رفح للاجئين.", {"fac:ps-rafah-camp"}),
    ("قصفت الطائرات منزلاً في مخيم الشابورة وسط رفح.", {"fac:ps-rafah-camp"}),
    ("The clinic in Rafah refugee camp shut after the strike.", {"fac:ps-rafah-camp"}),
    # Israel's prisons, quoted and unquoted, lists under a dual head
    ("قررت إدارة سجن عسقلان نقل الأسرى إلى سجني 'ايشل' و'نفحة' لإجراء أعمال صيانة.",
     {"fac:il-ashkelon-prison", "fac:il-eshel-prison", "fac:il-nafha-prison"}),
    ("The hunger striker was moved from Ashkelon prison to a cell in Ramon prison.",
     {"fac:il-ashkelon-prison", "fac:il-ramon-prison"}),
    ("نُقل الأسير إلى زنازين سجن هداريم بعد اقتحام القسم.", {"fac:il-hadarim-prison"}),
    ("تحتجز الأسيرات القاصرات في معتقل الهشارون.", {"fac:il-hasharon-prison"}),
    ("نُقل الأسير المريض إلى عيادة سجن الرملة.", {"fac:il-ramla-prison"}),
    ("أمر الوزير بوضع الأسرى في جناح تحت الأرض في سجن نيتسان.", {"fac:il-ramla-prison"}),
    # Turkey: Imrali with its head, bare in a detention frame; Silivri and its new name, one prison
    ("يقبع زعيم حزب العمال الكردستاني في زنزانة انفرادية في سجن جزيرة إيمرالي.", {"fac:tr-imrali-prison"}),
    ("Lawyers were again refused a visit to Imrali prison.", {"fac:tr-imrali-prison"}),
    ("Ocalan has been held on Imrali since 1999.", {"fac:tr-imrali-prison"}),
    ("نُقل رئيس البلدية إلى سجن سيليفري غرب إسطنبول.", {"fac:tr-silivri-prison"}),
    ("The mayor was taken to Silivri prison, which is now officially Marmara Prison.", {"fac:tr-silivri-prison"}),
    # Egypt: the Scorpion is Tora's
    ("Al-Aqrab prison, south of Cairo, holds many Brotherhood leaders.", {"fac:eg-tora-prison"}),
    ("أضرب معتقلون عن الطعام في سجن العقرب شديد الحراسة.", {"fac:eg-tora-prison"}),
])
def test_known_with_head(text: str, fids: set[str]) -> None:
    assert _fac(text) >= fids


@pytest.mark.parametrize(("text", "oid"), [
    ("أحيا الليبيون ذكرى ضحايا سجن أبو سليم في طرابلس.", "open:prison:abu-salim"),
    ("Relatives of the Abu Salim prison victims gathered in Benghazi.", "open:prison:abu-salim"),
    ("بدأ معتقلو سجن برج العرب إضراباً مفتوحاً عن الطعام.", "open:prison:borg-arab"),
    ("Inmates at Borg el-Arab prison near Alexandria refused meals.", "open:prison:borg-arab"),
    ("Detainees in Badr 3 prison resumed their hunger strike.", "open:prison:badr-3"),
    ("Many inmates were moved from Tora to the Badr 1 wing of the new complex.", "open:prison:badr-1"),
    ("Relatives said Abu Salim, the Tripoli prison, was stormed in 2011.", "open:prison:abu-salim"),
])
def test_open_world_beyond_region(text: str, oid: str) -> None:
    assert oid in _fac(text)


_ADDED = {"fac:iq-makhmour-camp", "fac:iq-chamchamal-prison", "fac:ps-khan-younis-camp", "fac:ps-rafah-camp",
          "fac:il-ashkelon-prison", "fac:il-hadarim-prison", "fac:il-eshel-prison", "fac:il-hasharon-prison",
          "fac:il-ramla-prison", "fac:tr-imrali-prison", "fac:tr-silivri-prison"}


@pytest.mark.parametrize("text", [
    # the towns of the same names stay towns
    "قتل اثنان في قصف استهدف أطراف مخمور.",
    "Clashes broke out in Makhmour district overnight.",
    "The Ramla court extended his detention by ten days.",
    "أعلنت محكمة الرملة تمديد توقيفه.",
    "Rockets hit Ashkelon and Sderot on Tuesday.",
    "Israeli strikes hit Khan Younis city again at dawn.",
    "Jets hit a tent camp for displaced people in Tel al-Sultan, Rafah.",
    "بعد تقسيم رفح انتقل كثير من التجار من المخيم إلى مخيم كندا على الجانب المصري.",
    # a body and a region named after the site
    "The Imrali delegation met Ocalan on Thursday.",
    "التقى وفد إمرالي رئيس البرلمان في أنقرة.",
    "A DEM party delegation that visited him on Imrali island read out his call.",
    "قضت المحكمة بسجنه وأمرت بإيداعه أحد سجون مرمرة.",
    # a new camp set up in a town that a known camp is named after
    "Khan Younis Refugee Camp Opens: the Red Crescent pitched 300 tents in a new camp it is building in Khan Younis.",
])
def test_town_or_body_is_no_added_facility(text: str) -> None:
    assert not _fac(text) & _ADDED


@pytest.mark.parametrize("text", [
    "The Badr Brigade fought alongside the army in Diyala.",
    "أفرج عن المعتقل بدر عبد الفتاح بعد عشرة أشهر من الاعتقال الإداري.",
    "وقال المصدر إن \"إدارة السجن الجديدة ستتعامل مع الموقوفين\".",
])
def test_word_or_person_no_prison(text: str) -> None:
    assert not _fac(text)


def test_town_place_kept() -> None:
    assert _places("قتل اثنان في قصف استهدف أطراف مخمور.")
    assert not _fac("قتل اثنان في قصف استهدف أطراف مخمور.")


def test_sections_of_a_prison_are_wings() -> None:
    text = "يضم سجن \"بئر السبع\" أربعة أقسام، منها \"إيشل\" و\"أوهلي كيدار\" للأسرى الأمنيين."
    assert "fac:il-eshel-prison" not in _fac(text)
    text = "يضم المجمع أربعة سجون منفصلة هي \"إيشل\" و\"ديكل\" و\"أوهلي كيدار\"."
    assert "fac:il-eshel-prison" in _fac(text)
