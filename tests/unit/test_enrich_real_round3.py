"""The third round of real published text (issue 7): the forms it showed, each as a mechanism that can fail.

Every sentence here is written for the test (no sentence is copied from a page): names are facts, the words ours.
"""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


@pytest.mark.parametrize(("text", "fid"), [
    ("سقطت قذيفة على منزل في معسكر جباليا شمالي القطاع", "fac:ps-jabalia-camp"),  # معسكر for a Gaza camp
    ("اشتكى الأهالي من انقطاع الزيارات عن سجن رومي", "fac:lb-roumieh-prison"),  # a nisba's shape, a variant
    ("نقل القاصرون إلى سجن الأحداث في رومية", "fac:lb-roumieh-prison"),  # a section 'in' the prison
    ("حاول مسلحون اقتحام سجن غورون جنوب المدينة", "fac:sy-ghwayran-prison"),  # same consonants
    ("تفتقر العائلات في مخيم الرقبان إلى الدواء", "fac:sy-rukban-camp"),  # GeoNames' Rukban is the camp's core
    ("شب حريق في مخيم جم مشكو ليلا", "fac:iq-chamishku-camp"),  # a name in two words or one
    ("تقيم النساء في مخيم الهول والروج منذ سنوات", "fac:sy-roj-camp"),  # a noart core listed after a facility
    ("شهدت مخيم البريج والنصيرات غارات متتالية", "fac:ps-nuseirat-camp"),  # a city's camp listed after a camp
    ("Aid workers call the al-Hawl facility unsafe for children.", "fac:sy-al-hol-camp"),  # a known-only head
    ("Lawyers likened the abuse to Abu Ghraib and Guantanamo.", "fac:iq-abu-ghraib-prison"),  # listed with one
    ("Families returned from the Hassansham camps last month.", "fac:iq-hasansham-camp"),  # plural, one variant
    ("Forty families were moved from Jeddah 1 on Sunday.", "fac:iq-jeddah-1-camp"),  # a numbered bare name
])
def test_known_facility(text: str, fid: str) -> None:
    a = ann(text)
    assert a.alert and fid in {f.id for f in a.facilities}, a.facilities


@pytest.mark.parametrize(("text", "name"), [
    ("غرقت الخيام في مخيمات شمارخ قرب أعزاز", "شمارخ"),  # a plural head over one unknown village
    ("غمرت المياه مخيم كرم الزيتون قرب إعزاز", "كرم الزيتون"),  # كرم opens a two-word name
    ("They fled to a smaller desert camp, Hadalat, last year.", "Hadalat"),  # apposition in commas
    ("Families wait at the Shahama I Camp near Tikrit.", "Shahama I"),  # a roman numeral
    ("He was moved to Camp Delta after his interrogation.", "Delta"),  # Camp X, about detention
])
def test_open_world_facility(text: str, name: str) -> None:
    a = ann(text)
    assert a.alert and any(f.id.startswith("open:") and name in f.surface for f in a.facilities), a.facilities


@pytest.mark.parametrize("text", [
    "اختتمت وحدات الجيش تدريبات في معسكر الشهيد حمزة",  # معسكر names no unknown camp
    "يصف كثيرون القطاع بأنه سجن غزة الكبير",  # a figure of speech
    "قضت المحكمة بسجن المسؤول السابق خمس سنوات",  # a sentence, not a prison
    "مخيم أشباح وخوف ودمار، هكذا وصف السكان حيهم",  # a list of common nouns
    "قال نازحون في مخيم ببلدة سرمدا إن المساعدات تأخرت",  # a preposition after the head
    "أصدرت محكمة جنايات الكرخ حكما بالسجن المؤبد",  # a court named by its district
    "انتشرت الدوريات بجانبي الكرخ والرصافة ليلا",  # Baghdad's two banks
    'احتج أهالي بلدة "الهول"، وقالوا إن "الهول" منسية',  # the text calls it a town
    "نازحو الهول يطالبون بالعودة إلى بيوتهم",  # the displaced of the town
    "تدرب الجنود في معسكر ”التاجي“ شمال بغداد",  # a base's quoted name
    "Palestinians carry flour through a street in Nuseirat, central Gaza Strip.",  # a caption: the town
    "Shopkeepers in Qayyarah city reopened their stalls.",  # X city
    "The prisons in Abu Ghraib and Taji were emptied.",  # prisons in the towns
    "The Nour Shams refugee camp (Tulkarm) was raided.",  # the parenthetical is a place
    "Worshippers filled the Mar Elias church for Easter.",  # a two-word name of a church
])
def test_no_facility(text: str) -> None:
    a = ann(text)
    named = {f.id for f in a.facilities}
    if "Nour Shams" in text:
        assert named == {"fac:ps-nur-shams-camp"}, a.facilities
        assert any(p.surface == "Tulkarm" for p in a.places)
    else:
        assert not a.alert, a.facilities


@pytest.mark.parametrize(("text", "aid"), [
    ('قال قيادي في حركة "فتح" إن الاجتماع تأجل', "actor:fatah"),  # quotes between the words
    ("قال قيادي في حركة /فتح/ إن الاجتماع تأجل", "actor:fatah"),  # slashes as quotes
    ("قالت الأممالمتحدة إن القافلة وصلت", "actor:un"),  # two words run together
    ("اشتبكت فصائل الجيش السوري الحر مع مسلحين", "actor:fsa"),  # not the Syrian state
    ("نزحت عائلات بعد قصف قوات النظام وروسيا", "actor:russia"),  # joined to acting forces
    ("رحب الأهالي بالخطوات التي اتخذتها بغداد", "actor:iraq-gov"),  # a verb with its object pronoun
    ("أعلنت قيادة عمليات الأنبار بدء حملة تفتيش", "actor:iraqi-security-forces"),  # an operations command
    ("The Kurdish-led SDF said the attack failed.", "actor:sdf"),  # no context reference swallows it
    ("The accord was signed by Egypt and Israel in 1978.", "actor:israel-gov"),  # the passive agent
    ("USA transfers a detainee to Oman", "actor:us"),  # an acronym before a verb in -s
    ("Baghdad regularly repatriates its citizens from Syria.", "actor:iraq-gov"),  # an adverb between
])
def test_actor(text: str, aid: str) -> None:
    assert aid in {x.id for x in ann(text).actors}


@pytest.mark.parametrize(("text", "absent"), [
    ("Traffic between Beirut and Damascus resumed on Sunday.", "actor:syria-transitional-gov"),  # located
    ("الجيش السوري الحر يعلن السيطرة على التلة", "actor:syria-transitional-gov"),
    ("وتبقى آلاف العائلات العراقية، إلى جانب سوريين، في المخيم", "actor:syria-transitional-gov"),  # alongside
    ("تمركز جنود في القاعدة الجوية منذ أشهر", "actor:al-qaeda"),  # the base
])
def test_no_actor(text: str, absent: str) -> None:
    assert absent not in {x.id for x in ann(text).actors}


@pytest.mark.parametrize(("text", "pid"), [
    ("غطت الثلوج الخيام في ريفي إدلب وحلب", "adm1:SY-aleppo"),  # a dual cue over both names
    ("Most arrivals come from rural southern Idlib.", "adm1:SY-idlib"),
    ("Farmers in the province of Daraa lost their wheat.", "adm1:SY-daraa"),
    ("They arrested 27 men across the eastern countryside of Deir ez-Zor.", "adm1:SY-deir-ez-zor"),
])
def test_governorate(text: str, pid: str) -> None:
    assert pid in {p.id for p in ann(text).places}


@pytest.mark.parametrize(("text", "absent"), [
    ("خرج السكان إلى الشوارع في مشهد يتكرر كل عام", "geonames:124665"),  # "a scene", not Mashhad
    ("The fast of Ramadan ended on Sunday.", "geonames:101322"),
])
def test_word_not_place(text: str, absent: str) -> None:
    assert absent not in {p.id for p in ann(text).places}


def test_two_towns_prisons_joined_by_or() -> None:
    # 'X أو Y': two towns' prisons (Chamchamal a gazetteer entry since rule 27d, no longer open world)
    ids = {f.id for f in ann("رفضوا إيداعهم في سجن جمجمال أو سوسة").facilities}
    assert ids == {"fac:iq-chamchamal-prison", "fac:iq-susa-prison"}
