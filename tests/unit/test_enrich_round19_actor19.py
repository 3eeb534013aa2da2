"""Round 19, actor19 survey: actors in reporting on camps, prisons and the region (data/README.md rule 25r).

Sentences written for the tests (none copied from a source), each after a form the survey read in real reports.
"""

from datetime import date

import pytest

from tests.unit.enrich_support import real_actor_ids, real_ann, real_place_ids

TODAY = date(2025, 11, 1)  # the texts' publication date unless a test gives one (the Syrian government's reading)


def _ids(text: str, when: date = TODAY) -> set[str]:
    return real_actor_ids(text, when)


def _places(text: str, when: date = TODAY) -> set[str]:
    return real_place_ids(text, when)


# ---- Israel's bodies by the occupation's name (Palestinian and Arab outlets)

@pytest.mark.parametrize("text", [
    "قال رئيس وزراء الاحتلال في مؤتمر صحفي إن العملية ستستمر أسابيع.",
    "وأعلن رئيس حكومة الاحتلال أن المفاوضات توقفت.",
    "وكانت شرطة الاحتلال قد احتجزت شاباً قرب باب العمود.",
    "وحققت مخابرات الاحتلال مع الأسير المحرر لساعات.",
    "وصادق برلمان الاحتلال بالقراءة الأولى على القانون.",
])
def test_occupation_bodies_are_israel(text: str) -> None:
    assert "actor:israel-gov" in _ids(text)


def test_occupation_body_with_another_nation_is_that_nation() -> None:
    got = _ids("وقالت حكومة الاحتلال التركي إن العملية في ريف الحسكة الشمالي مستمرة.")
    assert "actor:turkey-gov" in got and "actor:israel-gov" not in got


def test_occupation_as_an_event_or_polity_is_no_actor() -> None:
    assert "actor:israel-gov" not in _ids("منذ بداية الاحتلال عام 1967 تغيرت حياة القرية.")
    assert "actor:israel-gov" not in _ids("ويؤرخ الكتاب لقيام دولة الاحتلال عام 1948.")


def test_iof_headline_is_israel() -> None:
    assert "actor:israel-gov" in _ids("IOF storm Jenin camp, detain 12 young men")


def test_iof_lowercase_word_is_nothing() -> None:
    assert "actor:israel-gov" not in _ids("The iof value was listed in the table.")


# ---- a country acting after a verb with its object pronoun: حوّلته

def test_turned_it_country_acts() -> None:
    got = real_ann("وكان المبنى مدرسة قبل أن تحوله إسرائيل ثم حولته إسرائيل إلى مركز احتجاز.",
                   published_at=date(2025, 3, 1))
    assert "actor:israel-gov" in {a.id for a in got.actors}


def test_around_a_country_is_no_act() -> None:
    assert "actor:israel-gov" not in _ids("دار نقاش طويل حول إسرائيل وسياساتها في المنطقة.")


# ---- the Houthis by their nisba

@pytest.mark.parametrize("text", [
    "خطف مسلحون حوثيون شاباً من سوق المدينة ونقلوه إلى جهة مجهولة.",
    "وتحتجز المليشيات الحوثية عشرات الموظفين الأمميين.",
    "وقال القيادي الحوثي في مؤتمر صحفي إن السجون ممتلئة.",
    "وأشرف المشرف الأمني الحوثي على حملة الدهم.",
    "وتدير عصابة الحوثي سجوناً سرية في منازل مصادرة.",
    "وجاء ذلك بعد مقتل مسلحَين حوثيين في اشتباك قرب مأرب.",
])
def test_houthi_nisba_names_the_houthis(text: str) -> None:
    assert "actor:houthis" in _ids(text)


@pytest.mark.parametrize("text", [
    "وقال علي حسين الحوثي إن الحملة مستمرة.",  # a person by his family name
    "هاجم مسلحون عراقيون نقطة تفتيش قرب كركوك.",  # gunmen by a nationality: no state
    "وانتشرت عناصر إيرانية قرب الحدود بحسب مصادر محلية.",
])
def test_members_of_other_nations_or_people_name_no_actor(text: str) -> None:
    got = _ids(text)
    assert "actor:houthis" not in got and "actor:iraq-gov" not in got and "actor:iran" not in got


# ---- "the former regime" in texts about another country whose regime fell

@pytest.mark.parametrize("text", [
    "Some inmates are loyalists of the former regime held since the revolution, Libya's justice ministry said.",
    "Libyan officials said remnants of the former regime still roam the desert.",
    "طالبت عائلات ليبية بكشف مصير أبنائها المحتجزين منذ سقوط النظام السابق.",
    "قال مسؤول في طرابلس الليبية إن بين النزلاء موالين للنظام السابق.",
    "ولا يزال رموز النظام السابق في مصر يحاكمون منذ ثورة يناير.",
])
def test_former_regime_of_another_country_is_not_assad(text: str) -> None:
    assert "actor:assad-regime" not in _ids(text)


@pytest.mark.parametrize("text", [
    "أفرجت السلطات السورية عن معتقلين في سجون النظام السابق بدمشق.",
    "The former regime's prisons in Syria were opened after Assad fled.",
    "Rights groups in Egypt said the former regime's jails in Damascus held thousands of Syrians.",
])
def test_former_regime_in_syria_texts_stays_assad(text: str) -> None:
    assert "actor:assad-regime" in _ids(text)


# ---- outlets named after a country

def test_iran_international_in_quotes_is_no_place() -> None:
    got = _places("قالت قناة \"إيران إنترناشيونال\" إن حريقاً اندلع في أحد عنابر السجن.")
    assert "country:IR" not in got


def test_iran_acting_is_still_the_place() -> None:
    text = "قالت إيران إن الهجوم على السجن أودى بحياة العشرات."
    assert "country:IR" in _places(text) and "actor:iran" in _ids(text)
