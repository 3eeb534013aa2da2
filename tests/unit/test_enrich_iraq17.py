"""Iraq and Kurdistan Region forms from the iraq17 survey (rule 24o): camps named by a road's kilometre marker,
a town's name before another known camp's name, bridges named after a camp's place, a political camp that speaks
after "in parliament", Iraq's prime minister's name is no Sudan, and the names Iraq's camps go by (Amiriyat al-Sumood,
Jeddah 5 without the article, the Al-Amal centre, Sheikhan in English). Every passage is written for this file."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


def _surfaces(text: str) -> set[str]:
    return {f.surface for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id or p.surface for p in _ann(text).places}


@pytest.mark.parametrize(("text", "expected"), [
    # a camp named by its kilometre marker, in every order outlets write it
    ("أغلقت الحكومة المحلية مخيم كيلو 18 غربي الرمادي بعد عودة آخر العائلات.", {"مخيم كيلو 18"}),
    ("قرر المحافظ إغلاق مخيم الـ 18 كيلو ونقل من بقي فيه.", {"مخيم الـ 18 كيلو"}),
    ("نُقلت العائلات إلى مخيم 18 كيلو بعد إغلاق مخيم 60 كيلو.", {"مخيم 18 كيلو", "مخيم 60 كيلو"}),
    # near misses: a distance after the definite head, kilometres spelled out
    ("يقع المخيم على بعد 18 كيلو من مركز المدينة.", set()),
    ("يبعد المخيم 18 كيلومتراً عن الرمادي.", set()),
])
def test_kilometre_marker_camps(text: str, expected: set[str]) -> None:
    assert _surfaces(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the town's name before another known camp's name: one camp, the second
    ("وصلت الحافلات إلى مخيم القيارة جدعة 5 قبيل منتصف الليل.", {"fac:iq-jeddah-5-camp"}),
    ("Buses reached Qayyarah Jeddah 5 camp before midnight.", {"fac:iq-jeddah-5-camp"}),
    # near miss: two camps joined by a conjunction stay two
    ("غادرت عائلات مخيمي القيارة وجدعة 5 نحو الموصل.", {"fac:iq-qayyarah-camp", "fac:iq-jeddah-5-camp"}),
    # Jeddah 5 without the article, ordinal spelling
    ("عادت العائلات من جدعة 5 إلى مناطقها في صلاح الدين.", {"fac:iq-jeddah-5-camp"}),
    ("أُغلق مخيم جدعة الخامس جنوب الموصل.", {"fac:iq-jeddah-5-camp"}),
    # Jeddah-1's 2025 name
    ("The Al-Amal Rehabilitation and Social Integration Center now hosts 4,000 returnees.", {"fac:iq-jeddah-1-camp"}),
    # Amiriyat al-Fallujah's nickname names the camps after a head
    ("نُقلت العائلات المتبقية في مخيمات عامرية الصمود إلى مناطقها.", {"fac:iq-amiriyat-fallujah-camp"}),
    ('وصلت عائلات جديدة إلى مخيم "عامرية الصمود" في الأنبار.', {"fac:iq-amiriyat-fallujah-camp"}),
])
def test_iraq_camp_names(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize("text", [
    # a bridge named after the camp's place is no camp
    "عبر آلاف النازحين جسر بزيبز هرباً من المعارك في الرمادي.",
    # the town by its nickname
    "احتفل أهالي ناحية عامرية الصمود بذكرى تحرير مدينتهم.",
    # a political camp: the prime minister's (al-Sudani, no Sudan) and one that speaks after "in parliament"
    "يرفض معسكر السوداني في البرلمان تعديل قانون الانتخابات.",
    "The Sudani camp in parliament rejected the amendment.",
    "The Maliki camp demanded a recount.",
])
def test_iraq_near_misses(text: str) -> None:
    assert _fac(text) == set()


def test_nickname_is_the_town() -> None:
    assert "place:iq-amiriyat-al-fallujah" in _places("احتفل أهالي ناحية عامرية الصمود بذكرى تحرير مدينتهم.")


def test_sheikhan_in_english() -> None:
    places = _places("Mam Rashan camp sits on a hillside near Sheikhan, above the Yazidi shrine.")
    assert "geonames:98293" in places
    assert "geonames:98293" in _places("Families from Esyan camp in Shekhan district returned home.")


def test_displaced_camp_in_a_sudan_text_still_named() -> None:
    # near miss for the `السوداني` change: Sudan's displacement camps keep their reading
    assert _surfaces("فرّ آلاف النازحين من الفاشر إلى معسكر زمزم في السودان.") == {"معسكر زمزم"}


def test_town_another_camp_stands_in() -> None:
    # Jeddah-1 is "in" Qayyarah: the bare name read again is the town, not the Qayyarah camp
    text = ("أُدخلت 212 عائلة إلى مركز الجدعة للتأهيل النفسي في ناحية القيارة.\n"
            "صورة: عائلات عائدة من الهول تصل إلى القيارة (أرشيف)")
    assert "fac:iq-qayyarah-camp" not in _fac(text)
    assert "fac:iq-jeddah-1-camp" in _fac(text)
    # near miss: the Qayyarah camp named with its head keeps its bare mentions
    assert "fac:iq-qayyarah-camp" in _fac("نُقلت العائلات من مخيم القيارة إلى الموصل، وأُغلقت القيارة بعدها.")
    # near miss: the name right after a facility's "in" keeps its own reading (the annex in the camp)
    assert "fac:sy-al-hol-camp" in _fac("شهد قسم المهاجرات في الهول حركة مغادرة بعد انسحاب القوات، وغادر الهول عشرات.")


def test_known_camp_called_another_name() -> None:
    text = "وأوضح أن مخيم الجدعة الذي يُسمّى (مخيم الأمل) يقع في ناحية القيارة."
    assert _fac(text) == {"fac:iq-jeddah-1-camp"}
    # near miss: two camps, no "called" between them
    assert len(_ann("نُقلت عائلات من مخيم الجدعة إلى مخيم الأمل العشوائي قرب سرمدا.").facilities) == 2
    # near miss: a section of the known camp "known as" a name is that section, a facility of its own
    assert len(_ann('عُزل الوافدون الجدد في قسم من مخيم الأزرق يعرف باسم "القرية الخامسة".').facilities) == 2


def test_resort_in_a_holiday_text() -> None:
    assert _fac("استقبلت مدينة الحبانية السياحية آلاف المصطافين خلال عطلة العيد وامتلأت شاليهاتها.") == set()
    # near miss: the same name with displaced families is the camp
    assert _fac("أُعيدت العائلات النازحة المتبقية في مدينة الحبانية السياحية إلى الرمادي.") == {"fac:iq-habbaniyah-camp"}


def test_former_name_after_a_known_prison() -> None:
    text = "He spent three years at Baghdad Central Prison, formerly Abu Ghraib, before he was freed."
    assert "geonames:100077" not in _places(text)
    # near miss: the town of the same name stays the town
    assert "geonames:100077" in _places("He was born in Abu Ghraib, west of Baghdad.")


def test_village_written_with_alef_maqsura() -> None:
    assert "open:place:باعدري" in _places("عادت 130 عائلة من مخيم ايسيان في ناحية باعدرى إلى سنجار.")
    # near misses: "on the other hand", a feminine elative
    assert _places("من ناحية أخرى، قالت الوزارة إن العمل مستمر.") == set()
    assert _places("تعد ناحية كبرى في المحافظة من حيث السكان.") == set()


def test_ministry_in_the_region() -> None:
    actors = {a.id for a in _ann("قالت وزارة العمل والشؤون الاجتماعية في الإقليم إن الإصلاحية افتتحت في أربيل.").actors}
    assert actors == {"actor:krg"}
    # near miss: a ministry with no region after it stays Iraq's government's
    actors = {a.id for a in _ann("قالت وزارة العمل والشؤون الاجتماعية إن الإصلاحية افتتحت في بغداد.").actors}
    assert "actor:krg" not in actors


def test_regional_owner_possessive_before_a_bare_ministry() -> None:
    actors = {a.id for a in _ann("The Erbil reformatory holds 120 inmates, the KRG's labour ministry said.").actors}
    assert actors == {"actor:krg"}
    # near miss: Iraq's own possessive keeps its ministry
    actors = {a.id for a in _ann("Iraq's interior ministry said 40 inmates were moved.").actors}
    assert "actor:iraq-interior-ministry" in actors
