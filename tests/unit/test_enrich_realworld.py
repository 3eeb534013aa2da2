"""The engine on the real-world dev split (issue 7): our own passages reproducing how outlets print names.

The thresholds are the issue's, per language. The blind split (tests/data/realworld-blind.jsonl) is
deliberately not asserted here: a test on it would invite fixing the engine against its errors; `make eval`
scores it, before and now.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.data.check_devset import FORMS
from tests.eval.scorer import evaluate
from tests.unit.enrich_support import REPO, real_gazetteer

DEV = REPO / "tests" / "data" / "realworld-dev.jsonl"
BLIND = REPO / "tests" / "data" / "realworld-blind.jsonl"


def _items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_composition() -> None:
    """>= 400 passages in all, >= 50 % Arabic, >= 30 % negatives and near-misses, each tagged with its forms;
    the blind split holds >= 120 of them."""
    dev, blind = _items(DEV), _items(BLIND)
    items = dev + blind
    assert len(items) >= 400 and len(blind) >= 120
    assert sum(i["lang"] == "ar" for i in items) >= 0.5 * len(items)
    assert sum(not i["alert"] for i in items) >= 0.3 * len(items)
    assert all(i.get("forms") and set(i["forms"]) <= FORMS for i in items)
    assert len({i["id"] for i in items}) == len(items)
    seen = Counter(f for i in items for f in i["forms"])
    for form in ("quoted-name", "guillemets", "vowel-marks", "dual-head", "plural-head", "coordination", "bare-name",
                 "coreference", "headline", "multiword-name", "generic-adjective", "spelling-variant",
                 "obfuscated-actor", "state-actor", "country-acting", "common-word-place", "village-district"):
        assert seen[form] >= 2, form


@pytest.fixture(scope="module")
def scores():
    return evaluate(DEV, real_gazetteer())


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_alert_thresholds(scores, lang: str) -> None:
    s = scores[lang]
    assert s.n >= 100
    assert s.alert.p >= 0.97, s.as_dict()
    assert s.alert.r >= 0.98, s.as_dict()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_entity_thresholds(scores, lang: str) -> None:
    s = scores[lang]
    assert s.facilities.f1 >= 0.95, s.as_dict()
    assert s.places.f1 >= 0.90, s.as_dict()
    assert s.actors.f1 >= 0.90, s.as_dict()


def test_scorer_open_world_entry_label_by_id(tmp_path: Path) -> None:
    """A label with the id of an entry facilities.yaml marks open_world (Evin, rule 24m) and the engine's open-world
    report of it are the same facility; a known facility's id still has to be reported by its id."""
    rows = [
        {"id": "ar-x1", "lang": "ar", "text": "اندلع حريق داخل سجن إيفين في طهران.", "alert": True,
         "facilities": [{"id": "fac:ir-evin-prison", "surface": "سجن إيفين", "kind": "prison"}],
         "places": [], "actors": []},
        {"id": "ar-x2", "lang": "ar", "text": "اندلع حريق داخل سجن إيفين في طهران.", "alert": True,
         "facilities": [{"id": "fac:sy-ghwayran-prison", "surface": "سجن إيفين", "kind": "prison"}],
         "places": [], "actors": []},
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    fac = evaluate(path, real_gazetteer())["ar"].facilities
    assert (fac.tp, fac.fn) == (1, 1)
