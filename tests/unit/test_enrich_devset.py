"""The engine on the labelled dev set: the thresholds of issue 3, per language."""

import pytest

from tests.eval.scorer import evaluate
from tests.unit.enrich_support import DEVSET, real_data_present, real_gazetteer

pytestmark = pytest.mark.skipif(not (DEVSET.exists() and real_data_present()), reason="dev set/data absent")


@pytest.fixture(scope="module")
def scores():
    return evaluate(DEVSET, real_gazetteer())


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_alert_thresholds(scores, lang: str) -> None:
    s = scores[lang]
    assert s.n >= 30
    assert s.alert.p >= 0.97, s.as_dict()
    assert s.alert.r >= 0.98, s.as_dict()


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_entity_thresholds(scores, lang: str) -> None:
    s = scores[lang]
    assert s.facilities.f1 >= 0.95, s.as_dict()
    assert s.places.f1 >= 0.90, s.as_dict()
    assert s.actors.f1 >= 0.90, s.as_dict()
    assert s.place_acc_161km >= 0.90, s.as_dict()
