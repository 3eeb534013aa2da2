"""Round 20, actor20 survey: actors in reporting on camps, prisons, detention and displacement (data/README.md
rule 26f).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids, real_place_ids

TODAY = date(2025, 11, 1)  # the texts' publication date unless a test gives one (the Syrian government's reading)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


def _places(text: str, when: date = TODAY) -> set[str]:
    return real_place_ids(text, when)


# ---- the Syrian National Army's factions by name

@pytest.mark.parametrize("text", [
    "اعتقل مسلحو الجبهة الشامية ثلاثة شبان من قرية قرب عفرين بتهمة التواصل مع قسد.",
    "وقالت مصادر محلية إن فرقة الحمزة تحتجز أحد عشر مدنياً في مقر لها بريف حلب.",
    "واتهم الأهالي فصيل العمشات بفرض إتاوات على موسم الزيتون في ناحية الشيخ حديد.",
    "ونقلت فرقة السلطان مراد المعتقلين إلى سجن في مدينة الراعي.",
    "وداهم عناصر من أحرار الشرقية منازل في رأس العين ليلاً.",
    "Fighters of the Hamza Division detained two Kurdish farmers near Afrin, a monitor said.",
    "The Levant Front handed the detainees to military police in Azaz.",
    "The US sanctioned Ahrar al-Sharqiya in 2021 over abuses in north-east Syria.",
])
def test_sna_factions_are_the_sna(text: str) -> None:
    assert "actor:sna" in _ids(text)


def test_hamza_division_is_no_place() -> None:
    got = _places("وقالت مصادر محلية إن فرقة الحمزة تحتجز مدنيين في عفرين.")
    assert "geonames:99375" not in got  # al-Hamza, the Iraqi town


@pytest.mark.parametrize("text", [
    "وصلت عائلات نازحة إلى ناحية الحمزة في محافظة الديوانية العراقية.",  # the town, no faction
    "وقال فيلق الشام إنه سيشارك في الاجتماع.",  # not one of the listed factions
    "The Hamza family fled to Jordan in 2013.",
])
def test_no_faction_no_sna(text: str) -> None:
    assert "actor:sna" not in _ids(text)


# ---- a defence minister or ministry by its name of war

@pytest.mark.parametrize("text", [
    "وقّع وزير الحرب الإسرائيلي أمراً يمنع زيارات الصليب الأحمر للأسرى.",
    "وقالت وزارة الحرب الإسرائيلية إن القرار يشمل المعتقلين من غزة.",
])
def test_israeli_war_minister_is_israel(text: str) -> None:
    assert "actor:israel-gov" in _ids(text)


@pytest.mark.parametrize("text", [
    "The Department of War said two detainees would be moved from Guantanamo this week.",
    "Secretary of War Pete Hegseth visited troops in Iraq on Tuesday.",
    "وأعلنت وزارة الحرب الأمريكية نقل دفعة من المعتقلين إلى العراق.",
])
def test_us_department_of_war_is_the_us(text: str) -> None:
    assert "actor:us" in _ids(text)


@pytest.mark.parametrize("text", [
    "وقال المرصد إن مجرمي الحرب يجب أن يحاكموا أمام محاكم دولية.",
    "وعاد النازحون إلى قراهم بعد انتهاء الحرب في غزة.",
    "He served as a war correspondent in Iraq before the ministry hired him.",
])
def test_war_words_name_no_state(text: str) -> None:
    assert not _ids(text) & {"actor:israel-gov", "actor:us", "actor:syrian-defence-ministry"}


# ---- a bare "Amnesty" that asks, appeals or reveals

@pytest.mark.parametrize("text", [
    "Amnesty asked the new authorities to keep records from the prisons safe.",
    "Amnesty appealed for access to the camps in north-east Syria.",
    "Amnesty revealed new testimony from former detainees of the prison.",
])
def test_bare_amnesty_that_asks_is_amnesty(text: str) -> None:
    assert "actor:amnesty" in _ids(text)


@pytest.mark.parametrize("text", [
    "The general amnesty asked nothing of those who returned.",
    "Amnesty for deserters was announced by the presidency.",
])
def test_an_amnesty_is_no_group(text: str) -> None:
    assert "actor:amnesty" not in _ids(text)


# ---- the Assad government by "of" and his name

@pytest.mark.parametrize("text", [
    "Thousands died in Saydnaya under the government of Bashar al-Assad.",
    "Researchers reviewed files left by the government of former President Bashar al-Assad.",
    "Bashar al-Assad's government denied the reports for years.",
])
def test_government_of_assad(text: str) -> None:
    assert "actor:assad-regime" in _ids(text)


def test_assad_the_man_is_no_government() -> None:
    assert "actor:assad-regime" not in _ids("Bashar al-Assad fled to Moscow in December 2024.")


# ---- a country, "still", and its verb

@pytest.mark.parametrize("text", [
    "قال مسؤول في الصليب الأحمر إن إسرائيل ما زالت تمنع زيارات الأسرى.",
    "وأضاف أن تركيا لا تزال تقصف قرى في ريف الحسكة.",
    "وأكد أن إسرائيل مازالت تمنع المحامين من لقاء المعتقلين.",
])
def test_country_still_acting(text: str) -> None:
    got = _ids(text)
    assert "actor:israel-gov" in got or "actor:turkey-gov" in got


@pytest.mark.parametrize("text", [
    "وقال إن آثار الحرب ما زالت واضحة في سوريا حتى اليوم.",  # Syria after the verb: a place
    "لا يزال لاجئون من تركيا يعودون عبر معبر باب الهوى.",  # people come from Turkey
])
def test_still_without_a_subject_country(text: str) -> None:
    assert not _ids(text) & {"actor:syria-transitional-gov", "actor:turkey-gov"}
