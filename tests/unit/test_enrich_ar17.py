"""Round-17 survey of Arabic reporting on north-east Syria after the fall of Assad (helper ar17, rule 24h): Ghwayran's
short name `سجن الثانوية`, Syria's two-noun portfolio ministries and `العامة` before a nisba, the transitional president
by his title and name, a surname read again after a given name, the return to a town that shares a camp's name, and a
town's name as an example after "such as" under a plural prison head. Every passage is written for this file."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id or p.surface for p in _ann(text).places}


def _actors(text: str) -> set[str]:
    return {a.id for a in _ann(text).actors}


@pytest.mark.parametrize(("text", "expected"), [
    # `سجن الثانوية` ("the secondary-school prison") is Ghwayran, as `سجن الثانوية الصناعية` is
    ("أخلت قسد عشرات الموقوفين من سجن الثانوية قرب دوار البانوراما ليلاً.", {"fac:sy-ghwayran-prison"}),
    ("وتحدث ناجون عن الاكتظاظ داخل سجن الثانوية بالحسكة.", {"fac:sy-ghwayran-prison"}),
    # near misses: the school's word alone, and the secondary school of another town, name no prison
    ("نجح معظم طلاب الثانوية في القامشلي هذا العام.", set()),
    ("أعيد افتتاح الثانوية الصناعية في عامودا بعد ترميمها.", set()),
])
def test_thanawiya_is_ghwayran(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a two-noun portfolio before the nisba: the state's ministry (Syria's foreign ministry is `الخارجية والمغتربين`)
    ("أدانت وزارة الخارجية والمغتربين السورية القصف الذي طال ريف درعا.", {"actor:syria-transitional-gov"}),
    ("وقال وزير الخارجية والمغتربين السوري إن دمشق ترحب بالخطوة.", {"actor:syria-transitional-gov"}),
    ("أطلقت وزارة الاقتصاد والصناعة السورية برنامجاً لدعم المعامل.", {"actor:syria-transitional-gov"}),
    ("وزعت وزارة العمل والشؤون الاجتماعية العراقية منحاً على الأسر.", {"actor:iraq-gov"}),
    # `العامة` between the body and the nisba
    ("أعلن جهاز الاستخبارات العامة السوري توقيف خلية في ريف حمص.", {"actor:syria-transitional-gov"}),
    ("قالت المخابرات العامة الأردنية إنها أحبطت محاولة تهريب.", {"actor:jordan-gov"}),
    # near miss: a coordinated body of its own before the nisba is no ministry's portfolio
    ("تتفاوض الحكومة والمعارضة السورية على جدول زمني جديد.", set()),
])
def test_portfolio_and_general_before_nisba(text: str, expected: set[str]) -> None:
    assert _actors(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("استقبل الرئيس أحمد الشرع وفداً من وجهاء الرقة.", {"actor:syria-transitional-gov"}),
    ("President Ahmed al-Sharaa received a delegation from Raqqa.", {"actor:syria-transitional-gov"}),
    # the bare name is the man
    ("وقال الشرع في مقابلة إن الاتفاق سينفذ على مراحل.", set()),
])
def test_transitional_president_by_title(text: str, expected: set[str]) -> None:
    assert _actors(text) == expected


@pytest.mark.parametrize(("text", "place"), [
    # a family name read after a given name is the person again when it stands alone later
    ("قال مدير المخيم فادي القاسم إن الحافلات انطلقت. وأضاف القاسم أن العائلات ستصل مساءً.", "geonames:99010"),
    ("The camp's manager, Fadi al-Qasim, said buses had left. Qasim added that families would arrive by night.",
     "geonames:165997"),
])
def test_surname_again_is_no_place(text: str, place: str) -> None:
    assert place not in _places(text)


def test_town_before_the_person_keeps_the_place() -> None:
    # the town named before the person bears its name stays the town
    assert "geonames:99010" in _places("وصل وفد حكومي إلى القاسم في بابل، والتقى هناك فادي القاسم.")


@pytest.mark.parametrize(("text", "fac", "place"), [
    # the return to a name a town and a camp share: the town people go home to
    ("يعيش النازحون في مخيم واشوكاني ويأملون العودة إلى سري كانيه قريباً.", "fac:sy-serekaniye-camp",
     "geonames:165509"),
    ("بدأت الاستعدادات للعودة إلى سري كانيه بعد الاتفاق.", "fac:sy-serekaniye-camp", "geonames:165509"),
])
def test_return_to_shared_name_is_the_town(text: str, fac: str, place: str) -> None:
    assert fac not in _fac(text)
    assert place in _places(text)


def test_return_to_camp_district_stays_the_camp() -> None:
    # a camp's own district (Yarmouk): its people's return is to the camp
    text = "بدأت عودة أهالي اليرموك إلى المخيم، وقال لاجئون إن العودة إلى اليرموك كانت حلماً."
    assert "fac:sy-yarmouk-camp" in _fac(text)
    assert "geonames:166716" not in _places(text)


@pytest.mark.parametrize(("text", "expected"), [
    # after "such as" under a plural prison head, a town's name is a listed prison (open world when unknown)
    ("قال الوزير إنهم لن يودعوا في سجون إقليم كردستان مثل جمجمال أو سوسة.",
     {"fac:iq-chamchamal-prison", "fac:iq-susa-prison"}),  # (Chamchamal: rule 27d)
    ("لن يرسل المحكومون إلى سجون مثل جمجمال وسوسة.", {"fac:iq-chamchamal-prison", "fac:iq-susa-prison"}),
    # near miss: a region's prisons with no examples name none
    ("تعاني سجون إقليم كردستان من الاكتظاظ.", set()),
])
def test_such_as_town_is_a_listed_prison(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Hawar's name of the state acting
    ("قصف الاحتلال التركي قرى شمال تل تمر بالمدفعية الثقيلة.", {"actor:turkey-gov"}),
    ("وقتل مدنيان جراء قصف دولة الاحتلال التركي لمحيط بلدة زركان.", {"actor:turkey-gov"}),
    # its mercenaries are the SNA, one actor
    ("تصدى مقاتلو المجلس العسكري لهجوم شنه مرتزقة الاحتلال التركي على القرى الغربية.", {"actor:sna"}),
    # near misses: the occupation as a time or an event names no actor
    ("منذ الاحتلال الأمريكي للعراق عام 2003 لم تهدأ المدينة.", set()),
    ("بعد الاحتلال التركي لعفرين نزح معظم سكانها.", set()),
])
def test_occupation_acting(text: str, expected: set[str]) -> None:
    assert _actors(text) == expected


def test_capital_inside_a_state_body_is_no_place() -> None:
    ann = _ann("قالت مصادر محلية إن فصائل حكومة دمشق المؤقتة منعت دخول المساعدات إلى مخيم نوروز.")
    assert "actor:syria-transitional-gov" in {a.id for a in ann.actors}
    assert "geonames:170654" not in {p.id for p in ann.places}
    # near miss: a command's city stays the place (rule 15)
    assert "geonames:98182" in _places("أعلنت قيادة عمليات بغداد اعتقال ثلاثة مطلوبين.")


@pytest.mark.parametrize(("text", "expected"), [
    # a known facility, "known as", then an unknown name of its kind: one facility
    ("ينقل العائدون إلى مخيم الجدعة، المعروف أيضاً بـ\"مخيم الأمل\"، جنوب الموصل.", {"fac:iq-jeddah-1-camp"}),
    ("They were taken to Jeddah 1 camp, also known as the Amal camp, near Mosul.", {"fac:iq-jeddah-1-camp"}),
    # near miss: two camps named one after the other are two
    ("نقلت العائلات من مخيم الهول ثم إلى مخيم الأمل قرب سرمدا.", {"fac:sy-al-hol-camp", "open:camp:الامل"}),
    # near miss: a part of a known facility known as a name is that part (rule 16's part_called), kept
    ("Newcomers wait in a section of Azraq camp known as ‘Village 5’ for checks.",
     {"fac:jo-azraq-camp", "open:camp:village-5"}),
    # Kurdish outlets' `ديرك` for Derik
    ("نقلت الأسايش عشرات الموقوفين إلى سجن ديرك.", {"fac:sy-derik-prison"}),
])
def test_known_as_and_spellings(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_kurdistan24_name_of_iraq_nss() -> None:
    assert "actor:iraq-nss" in _actors("أعلنت وكالة الأمن الوطني العراقية تحديد موعد القافلة الأخيرة.")
