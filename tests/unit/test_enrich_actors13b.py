"""Actor forms from the round-13 surveys c-f, second batch (own sentences): institutions of Israel, Jordan, the
KRG, Iraq and Turkey by their own names; states acting (with a country's help, a coordinated subject, "has set
up", "commends"); names another body bears (Libya's Special Deterrence Force, a National Security Council, a
Palestinian `أنصار الله`, Jordan's `مديرية الأمن العام`), a border's side, another government's bare ministry."""

from datetime import datetime

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer

PUB = datetime(2025, 6, 1)


def actors(text: str, pub: datetime | None = PUB) -> set[str]:
    return {a.id for a in enrich(text, real_gazetteer(), published_at=pub).actors}


@pytest.mark.parametrize(("text", "aid"), [
    # Israel: the prison service after a verb's object, with a hostile nisba; its National Security Minister
    ("أضرب الأسرى في سجن نفحة الإسرائيلي بعد أن اقتحمت وحدات تابعة لمصلحة السجون السجن ليلاً.", "actor:israel-gov"),
    ("نقلت مصلحة السجون الأسرى إلى سجن النقب الصحراوي.", "actor:israel-gov"),
    ("نقلت إدارة مصلحة السجون الصهيونية عشرات الأسرى من سجن مجدو.", "actor:israel-gov"),
    ("هاجم وزير الأمن القومي إيتمار بن غفير الأسرى المضربين.", "actor:israel-gov"),
    ("اقتحمت قوة خاصة إسرائيلية حياً في مدينة نابلس.", "actor:israel-gov"),
    # Jordan: its intelligence department, its Public Security Directorate, a woman minister
    ("أحبطت دائرة المخابرات العامة مخططاً في مدينة إربد.", "actor:jordan-gov"),
    ("تعرض مقر المخابرات العامة الأردنية لهجوم قرب مخيم البقعة.", "actor:jordan-gov"),
    ("قالت مديرية الأمن العام إن حادثاً على طريق المفرق أدى إلى وفاة شخصين.", "actor:jordan-gov"),
    ("زارت وزيرة التنمية الاجتماعية الأردنية مخيم الأزرق.", "actor:jordan-gov"),
    # the KRG in the Kurdish spelling; both governments of a dual
    ("حكومة كوردستان تعد بتعويض سكان المخيم بعد الحريق", "actor:krg"),
    ("يحمّل الأهالي حكومتي بغداد وإقليم كردستان مسؤولية الحصار.", "actor:iraq-gov"),
    ("يحمّل الأهالي حكومتي بغداد وإقليم كردستان مسؤولية الحصار.", "actor:krg"),
    # Iraq: the JOC, the PM in a title-case headline, the National Security Adviser and Council
    ("The JOC said the base near Baghdad was hit by two drones.", "actor:iraqi-security-forces"),
    ("Investigators visited the camp, which the JOC said was hit twice by a drone.", "actor:iraqi-security-forces"),
    ("Iraqi PM Orders Inquiry Into Blast At Army Depot", "actor:iraq-gov"),
    ("Families will move from al-Hol in Syria to a camp in Nineveh. National Security Adviser Qassem al-Araji "
     "welcomed the step.", "actor:iraq-gov"),
    ("A spokesman in Baghdad said the National Security Council had approved the transfers to Iraq.",
     "actor:iraq-gov"),
    # the Houthis beside Hezbollah in a Lebanon text that speaks of no camp
    ("أطلق حزب الله في لبنان وأنصار الله صواريخ على إسرائيل.", "actor:houthis"),
    # Syria: forces loyal to the transitional president; the SDF by its Arabic acronym
    ("Forces loyal to President Ahmed al-Sharaa entered the camp on Monday.", "actor:syria-transitional-gov"),
    ("The 'Qasd' forces retook the prison after two days.", "actor:sdf"),
    # Turkey's AFAD; Russia's reconciliation centre
    ("Turkey's disaster agency, AFAD, built the container camp near Kilis.", "actor:turkey-gov"),
    ("The families left the camp with help from the Russian reconciliation centre.", "actor:russia"),
    # a state acting: its help, a coordinated subject with its proxies, "has set up", "commends"
    ("The last families left the camp with Russia's help.", "actor:russia"),
    ("Turkey and the Syrian factions it backs shelled villages near Manbij.", "actor:turkey-gov"),
    ("Iran has set up a new base near the border.", "actor:iran"),
    ("The United States commends the Iraqi government for taking back its citizens.", "actor:us"),
])
def test_found(text: str, aid: str) -> None:
    assert aid in actors(text)


@pytest.mark.parametrize(("text", "aid"), [
    # Libya's Special Deterrence Force is not the SDF; a National Security Council is not the UN's
    ("Mitiga prison in Tripoli, Libya is run by the Special Deterrence Force (SDF).", "actor:sdf"),
    ("A spokesman in Baghdad said the National Security Council had approved the transfers to Iraq.", "actor:un"),
    # a Palestinian `أنصار الله` in a Lebanese camp is not the Houthis
    ("توتر في مخيم المية ومية قرب صيدا بين حركة فتح و\"أنصار الله\".", "actor:houthis"),
    # Jordan's Public Security Directorate is not Syria's General Security
    ("قالت مديرية الأمن العام إن حادثاً على طريق المفرق أدى إلى وفاة شخصين.", "actor:general-security"),
    # the sides of a border are where, not who
    ("تجمع النازحون بين البوابة الحدودية في الجانب العراقي والمعبر في الجانب التركي.", "actor:iraq-gov"),
    ("تجمع النازحون بين البوابة الحدودية في الجانب العراقي والمعبر في الجانب التركي.", "actor:turkey-gov"),
    # another government's bare ministry is not the text's country's
    ("Families returned to Sinjar, the KRG interior ministry said.", "actor:iraq-interior-ministry"),
    # the verb أفاد is not AFAD
    ("أفاد مصدر في سجن الناصرية بوفاة نزيلين.", "actor:turkey-gov"),
    # a country after a direction adjective and a preposition is where, also before "to" + verb
    ("Troops began moving detainees from northeastern Syria to secure sites in Iraq.", "actor:syria-transitional-gov"),
    # a coordinated subject without the pronoun of backing is no state acting
    ("Turkey and the Syrian border were closed to trade.", "actor:turkey-gov"),
])
def test_not_found(text: str, aid: str) -> None:
    assert aid not in actors(text)


def test_border_side_not_the_taking_side() -> None:
    assert "actor:syria-transitional-gov" in actors("تعمل المملكة مع الجانب السوري على تسهيل حركة الشاحنات.")
    # a side that receives is still its government (`تسلم الجانب العراقي`)
    assert "actor:iraq-gov" in actors("تسلم الجانب العراقي دفعة جديدة من العائلات من مخيم الهول.")
