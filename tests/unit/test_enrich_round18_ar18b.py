"""Round-18 survey ar18b (rule 25f): Syrian prisons and camps in Arabic news after December 2024. Short sentences
written for this file, one test per mechanism: the positive and the near-miss."""

from __future__ import annotations

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_fac_ids as fac_ids
from tests.unit.enrich_support import real_gazetteer


def open_names(text: str) -> list[str]:
    return [f.surface for f in enrich(text, real_gazetteer()).facilities if f.id.startswith("open:")]


def place_ids(text: str) -> set[str]:
    return {p.id for p in enrich(text, real_gazetteer()).places}


# 1. a word core after a glued ل ("for punishment") or as the object of fear is the word, not al-Uqab prison
def test_word_core_for_punishment_or_feared() -> None:
    assert "fac:sy-uqab-prison" not in fac_ids('في سجن صيدنايا جناحان: "الأبيض" للتحقيق و"الأحمر" للعقاب الأشد.')
    assert fac_ids("بقي السجين صامتاً خوفاً من العقاب، فالشكوى تعني ليلة في المنفردة.") == set()
    assert fac_ids("أُفرج عن موقوفين كانوا في سجن العقاب بجبل الزاوية.") == {"fac:sy-uqab-prison"}
    assert "fac:sy-uqab-prison" in fac_ids("نُقل السجناء إلى العقاب في جبل الزاوية بعد التحقيق معهم.")


# 2. Qah is a cluster of camps: tents "in Qah" are in the village; `مخيم قاح` is the camp
def test_tents_in_qah_are_the_village() -> None:
    assert fac_ids("أغرقت الأمطار خياماً كثيرة في أطمة وقاح هذا الأسبوع.") == set()
    assert fac_ids("Rain flooded tents pitched in Atmeh and Qah overnight.") == set()
    assert fac_ids("قصفت المدفعية مخيم قاح للنازحين قرب الحدود.") == {"fac:sy-qah-camp"}


# 3. a city's bare name then `، حيث` / ", where": the city, not the prison named for it
def test_transfer_to_a_city_where() -> None:
    text = "نُقل الموقوفون جواً من الحسكة إلى الناصرية، حيث سيودعون في مؤسسات الإصلاح."
    assert fac_ids(text) == set()
    assert "geonames:98854" in place_ids(text)
    assert fac_ids("نُقل قادة التنظيم إلى سجن الناصرية المركزي في اليوم نفسه.") == {"fac:iq-nasiriyah-central-prison"}


# 4. a group of people "from" a city is the city (`ناشطون من الرقة`), even in a text about prisons
def test_people_from_a_city() -> None:
    text = "يقول ناشطون من الرقة إن المعتقلات التي تديرها قسد حُفرت تحت الأرض."
    assert "fac:sy-raqqa-central-prison" not in fac_ids(text)
    assert "geonames:172955" in place_ids(text)


# 5. a category of charges after a head is no name (`سجن الإرهاب`, `جناح الإرهاب`)
def test_charge_category_after_head() -> None:
    assert fac_ids("تسمي قسد منشأتها في عين العرب سجن الإرهاب، وفيها مئات الموقوفين.") == set()
    assert open_names("يطلق الأهالي على سجن عايد في الطبقة اسماً آخر.") == ["سجن عايد"]


# 6. a notorious prison's name and a city in quotes, with no facility named before it in its sentence: another
#    prison's nickname, open world; after a named prison it is that prison's nickname; a country's is a byword
def test_quoted_nickname_names_a_prison() -> None:
    assert open_names('"صيدنايا الرقة" وأخواتها.. ناشطون يحصون معتقلات قسد') == ["صيدنايا الرقة"]
    assert open_names('Activists call one SDF facility in Raqqa "the Saydnaya of Raqqa", saying inmates vanish.') \
        == ["the Saydnaya of Raqqa"]
    assert open_names("زار الصحفيون سجن عايد في الطبقة، الذي يعرفه الأهالي بـ«صيدنايا الرقة»") == ["سجن عايد"]
    assert fac_ids('يصف بعضهم مقر التحقيق بـ"أبو غريب سوريا"، تشبيهاً بالسجن العراقي.') == set()
