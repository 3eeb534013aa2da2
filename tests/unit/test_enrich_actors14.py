"""Actor forms from the round-14 survey (own sentences): Sudan's two sides in the Darfur camp reports (the RSF, the
army), the RSF acronym Reporters Without Borders also bears, the Asayish of Iraq's Kurdistan Region (the KRG's, not
north-east Syria's) and Sinjar's Yazidi Asayish, a ministry in the Kurdistan Region, "U.S." before a listed "US"
name, a state's counterpart, the European Commission, the Revolutionary Guard in the singular, Lebanon's General
Security in English."""

from datetime import datetime

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer

PUB = datetime(2025, 6, 1)


def actors(text: str, pub: datetime | None = PUB) -> set[str]:
    return {a.id for a in enrich(text, real_gazetteer(), published_at=pub).actors}


@pytest.mark.parametrize(("text", "aid"), [
    # Sudan: the RSF by its names (the army side's `مليشيا`), the army by its names and forces by the nisba
    ("شنت مليشيا الدعم السريع هجوما جديدا على معسكر أبو شوك للنازحين قرب الفاشر.", "actor:rsf"),
    ("سيطرت قوات الدعم السريع على مخيم زمزم بعد معارك استمرت أربعة أيام.", "actor:rsf"),
    ("Fighters of the paramilitary Rapid Support Forces stormed Zamzam camp on Friday.", "actor:rsf"),
    ("The RSF shelled the market of Abu Shouk camp, volunteers said.", "actor:rsf"),
    ("قال الجيش السوداني إنه صد هجوما على الفاشر.", "actor:saf"),
    ("قصفت طائرات سودانية مواقع قرب نيالا.", "actor:saf"),
    ("Sudan's army said it had pushed the paramilitaries back from the city.", "actor:saf"),
    ("Sudanese troops withdrew from the last garrison in El-Fasher.", "actor:saf"),
    # the Asayish in a text about Iraq's Kurdistan Region: the KRG's security police
    ("قالت أسايش السليمانية إنها اعتقلت خمسة مهربين.", "actor:krg"),
    ("Asayish forces in Erbil detained two men over the attack, officials said.", "actor:krg"),
    ("قالت وزارة الداخلية في حكومة إقليم كردستان إن الأسايش ضبطت خلية.", "actor:krg"),
    # a ministry in a region with a government of its own is that government's
    ("أعلنت وزارة الداخلية في إقليم كوردستان القبض على متهمين في دهوك.", "actor:krg"),
    # "U.S." before a name listed with "US"
    ("U.S. Central Command said its forces killed an ISIS official in a raid.", "actor:us"),
    # a state's counterpart
    ("التقى وزير الخارجية السوري نظيره التركي في أنقرة.", "actor:turkey-gov"),
    ("Syria's foreign minister met his Turkish counterpart to discuss the camps.", "actor:turkey-gov"),
    # the Union's executive, the Guard in the singular, Lebanon's General Security
    ("The European Commission pledged aid for the camps in Darfur.", "actor:eu"),
    ("حذرت المفوضية الأوروبية من مجاعة في مخيمات دارفور.", "actor:eu"),
    ("The Revolutionary Guard said it had arrested a cell in Khuzestan.", "actor:irgc"),
    ("Lebanon's General Security organised the return of 400 refugees from Arsal.", "actor:lebanon-gov"),
    # the government in a capital with its own adjective; an aircraft's type between the nisba and the craft
    ("The federal government in Baghdad said the salaries had been sent to Erbil.", "actor:iraq-gov"),
    ("The group said it downed an American MQ-9 drone over Marib.", "actor:us"),
    ("A Turkish Bayraktar drone struck a car near Qamishli.", "actor:turkey-gov"),
    # the Asayish of Duhok stay the KRG's where a Syrian's nisba reads as a place
    ("اعتقلت قوات الأسايش في محافظة دهوك شابا سوريا بتهمة الانتماء لتنظيم الدولة، بحسب مجلس أمن إقليم كردستان.",
     "actor:krg"),
    # coordinated nationalities before or after one institution
    ("Lebanese and Syrian officials held talks in Beirut on the prisoners in Roumieh.", "actor:lebanon-gov"),
    ("Lebanese and Syrian officials held talks in Beirut on the prisoners in Roumieh.", "actor:syria-transitional-gov"),
    ("US, British and French forces struck the site near the camp.", "actor:us"),
    ("US, British and French forces struck the site near the camp.", "actor:uk-gov"),
    ("أطلقت القوات العراقية والسورية عملية مشتركة على الحدود.", "actor:syria-transitional-gov"),
    ("عقد مسؤولون لبنانيون وسوريون محادثات في بيروت حول الموقوفين.", "actor:syria-transitional-gov"),
    # a craft's type as the force; the transitional authorities by the possessive
    ("Iraqi F-16s bombed hideouts in the Hamrin mountains.", "actor:iraqi-security-forces"),
    ("Amnesty urged Syria's transitional authorities to open their detention sites.", "actor:syria-transitional-gov"),
    ("The Islamic State in Iraq and the Levant claimed the bombing outside Kirkuk.", "actor:isis"),
])
def test_named(text: str, aid: str) -> None:
    assert aid in actors(text)


@pytest.mark.parametrize(("text", "aid"), [
    # Reporters Without Borders' acronym is no Sudanese force
    ("Reporters Without Borders (RSF) said two journalists were held at the prison.", "actor:rsf"),
    # a Sudanese government or ministry names no army; Sudanese refugees name nobody
    ("The Sudanese government said aid would reach the camps.", "actor:saf"),
    ("Sudanese refugees arrived at the camp in Chad.", "actor:saf"),
    # the Asayish in north-east Syria stay north-east Syria's; in Iraq they are not
    ("اعتقلت الأسايش في القامشلي ثلاثة أشخاص.", "actor:krg"),
    ("قالت أسايش السليمانية إنها اعتقلت خمسة مهربين.", "actor:asayish"),
    # Sinjar's Yazidi Asayish are neither
    ("بحسب مصادر في الأسايش الإيزيدية في سنجار، قصفت مسيرة سيارة.", "actor:asayish"),
    ("بحسب مصادر في الأسايش الإيزيدية في سنجار، قصفت مسيرة سيارة.", "actor:krg"),
    ("The Yazidi Asayish in Sinjar said a drone hit a car.", "actor:asayish"),
    # the ministry of the Kurdistan Region is not Iraq's
    ("أعلنت وزارة الداخلية في إقليم كوردستان القبض على متهمين في دهوك.", "actor:iraq-interior-ministry"),
    # another body's Security Council is not the UN's
    ("The Kurdistan Region Security Council said the cell planned attacks in Erbil.", "actor:un"),
    ("Iran's Supreme National Security Council said the talks would go on.", "actor:un"),
    # coordinated nationalities of people, not bodies
    ("Syrian and Iraqi families left the camp on Monday.", "actor:syria-transitional-gov"),
    # the government's internal security under the ministry, not the Asayish
    ("بدأت قوات الأمن الداخلي التابعة لوزارة الداخلية انتشارها في مدينة الحسكة تنفيذاً للاتفاق مع قسد.",
     "actor:asayish"),
])
def test_not_named(text: str, aid: str) -> None:
    assert aid not in actors(text)


def test_un_security_council_stays() -> None:
    assert "actor:un" in actors("The U.N. Security Council met on the camps in north-east Syria.")
    assert "actor:un" in actors("On Tuesday's Security Council session, Russia objected to the text.")


def test_asayish_stays_north_east_syria() -> None:
    assert "actor:asayish" in actors("اعتقلت الأسايش في القامشلي ثلاثة أشخاص بتهمة الانتماء لداعش.")
    assert "actor:asayish" in actors("The Asayish imposed a curfew in al-Hol camp after a guard was stabbed.")
