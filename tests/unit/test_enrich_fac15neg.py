"""fac15neg: false alerts on real text, read from a survey of stored news pages (towns, bases, political camps,
sentences, metaphors, fiction and history, camps of another sense) — README rule 22e. Every passage is written for
this file; each class has a near miss that must still alert."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


def _facilities(text: str) -> set[str]:
    return {f.id for f in _ann(text).facilities}


@pytest.mark.parametrize("text", [
    # no longer a site, or never one
    "The former Khiam prison in south Lebanon was turned into a museum decades ago.",
    "Most of the series is set in a fictional Maine prison during the 1950s.",
    "Alcatraz, the former island prison in San Francisco Bay, sold out its summer tours.",
    "صار سجن الخيام السابق في جنوب لبنان متحفاً يزوره الطلاب.",
    # a film, a book, centuries ago
    "بثت القناة فيلماً وثائقياً عن سجن ألكاتراز الواقع على جزيرة صغيرة.",
    "أحيا الفرنسيون ذكرى اقتحام سجن الباستيل عام 1789 بعرض عسكري في باريس.",
    # a political camp that speaks
    "The Trump camp dismissed the survey as fake news.",
    "A spokesman for the Biden camp said the money would go to advertising.",
    # a generic owner, an activity, a prisoner of conscience
    "قضى الشاب ليلته في سجن المدينة قبل أن يفرج عنه بكفالة.",
    "هرب موقوف من سجن المحكمة خلال نقله إلى قاعة الجلسات.",
    "شارك تلاميذ المدارس في مخيم القراءة الذي أقامته المكتبة العامة.",
    "طالبت منظمات حقوقية بالإفراج عن معتقل الرأي المضرب عن الطعام.",
    # the verb "was jailed", the jailing of someone for a term
    "سُجن الشاعر عامين بسبب قصيدة ثم نفي إلى الخارج.",
    "أثار سجن المدون خمس سنوات موجة غضب بين الناشطين.",
    # the river, a company's branch
    "فاض نهر البارد بعد العاصفة وقطع الطريق الساحلية في عكار.",
    "نقلت الإدارة الموظفين إلى فرع فلسطين للشركة في مدينة نابلس.",
])
def test_sites_of_another_sense_raise_no_alert(text: str) -> None:
    assert _facilities(text) == set()


@pytest.mark.parametrize(("text", "fac_id"), [
    # near misses: a real facility by the same words
    ("A former guard at Abu Ghraib prison was jailed for abusing detainees.", "fac:iq-abu-ghraib-prison"),
    ("The film follows a former inmate of Tadmur prison on his return to Palmyra.", "fac:sy-tadmur-prison"),
    ("Protesters camped outside the embassy over a relative held in Adra prison.", "fac:sy-adra-prison"),
    ("While the pro-Iran camp argued, families in Shatila camp spent another night without power.",
     "fac:lb-shatila-camp"),
    ("حكمت المحكمة بالسجن عشر سنوات على المتهم ونقل إلى سجن الرصافة.", "fac:iq-rusafa-prison"),
    ("قالت عائلة المعتقل إن ابنها محتجز في سجن عوفر منذ ستة أشهر.", "fac:il-ofer-prison"),
    ("اندلعت اشتباكات بين فصائل مسلحة في مخيم نهر البارد شمال لبنان.", "fac:lb-nahr-al-bared-camp"),
    ("أقيم مخيم صيفي للأطفال داخل مخيم شاتيلا للاجئين في بيروت.", "fac:lb-shatila-camp"),
    ("نقل المعتقلون إلى فرع فلسطين في دمشق حيث تعرضوا للتعذيب.", "fac:sy-palestine-branch"),
])
def test_near_misses_still_alert(text: str, fac_id: str) -> None:
    assert fac_id in _facilities(text)


def test_open_world_prison_still_found_next_to_a_year_of_its_name() -> None:
    # a number in the name is no date: `سجن "كسب 1004"` is still a prison
    ann = _ann('نُقل ثلاثون موقوفاً إلى سجن "كسب 1004" بحسب ما أفاد به المرصد.')
    assert any(f.id.startswith("open:") for f in ann.facilities)


def test_open_world_camp_of_a_town_still_found_when_people_speak_in_it() -> None:
    # a camp of a several-word name, or a town's, that "said" is still the camp's officials speaking
    ann = _ann("Officials at the Mrajeeb al-Fhood camp said the water supply had been restored.")
    assert ann.facilities
