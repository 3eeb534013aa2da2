import time

import pytest
import yaml

from services.enrich.compile import compile_gazetteer
from services.enrich.gazetteer import RULES_FILE, ActorRec, EngineRules, FacilityRec, PlaceRec
from tests.unit.enrich_support import fixture_gazetteer, real_gazetteer


def _rules() -> EngineRules:
    return EngineRules.model_validate(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))


def test_fixture_gazetteer_is_valid() -> None:
    assert fixture_gazetteer().problems == []


def test_validation_finds_duplicate_ids_and_alias_conflicts() -> None:
    facs = [
        FacilityRec(id="fac:a", kind="camp", canonical="A", aliases={"en": ["Twin camp"]}, lat=1, lon=1),
        FacilityRec(id="fac:a", kind="camp", canonical="A2", lat=1, lon=1),
        FacilityRec(id="fac:b", kind="camp", canonical="B", aliases={"en": ["Twin  Camp"]}, lat=1, lon=1),
    ]
    actors = [ActorRec(id="actor:x", canonical="X", aliases={"en": ["Front"]}),
              ActorRec(id="actor:y", canonical="Y", aliases={"en": ["front"]})]
    places = [PlaceRec(id="adm1:h", kind="admin1", canonical="H", aliases={"ar": ["الحسكة"]}, lat=1, lon=1),
              PlaceRec(id="place:h", kind="city", canonical="H", aliases={"ar": ["الحسكة"]}, lat=1, lon=1),
              PlaceRec(id="place:h2", kind="city", canonical="H2", aliases={"ar": ["الحسكة"]}, lat=1, lon=1)]
    g = compile_gazetteer(_rules(), facs, actors, places, [], with_geonames=False)
    text = "\n".join(g.problems)
    assert "duplicate id fac:a" in text
    assert "'twin camp' (facility)" in text
    assert "'front' (actor)" in text
    assert "place:h2" in text  # two cities claim الحسكة; city vs governorate alone is a known rule


def test_coordinates_out_of_range_rejected() -> None:
    with pytest.raises(ValueError):
        FacilityRec(id="fac:x", kind="camp", canonical="X", lat=95, lon=0)
    with pytest.raises(ValueError):
        PlaceRec(id="place:x", canonical="X", lat=0, lon=200)


def test_real_gazetteer_valid_and_fast() -> None:
    t = time.perf_counter()
    g = real_gazetteer()
    elapsed = time.perf_counter() - t
    assert g.problems == [], "\n".join(g.problems)
    ids = [e.id for e in g.entries.values()]
    assert len(ids) == len(set(ids))
    for e in g.entries.values():
        if e.lat is not None:
            assert -90 <= e.lat <= 90 and -180 <= (e.lon or 0) <= 180
    assert sum(e.layer == "facility" for e in g.entries.values()) >= 20
    assert elapsed < 10
