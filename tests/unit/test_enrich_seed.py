"""The seed report (read at test time only if present beside the repo)."""

from datetime import datetime

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import SEED, real_gazetteer

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not beside the repo")


def _near(m, lat: float, lon: float, tol: float = 0.6) -> bool:
    return m.lat is not None and abs(m.lat - lat) < tol and abs(m.lon - lon) < tol


def test_seed_report() -> None:
    text = SEED.read_text(encoding="utf-8")
    a = enrich(text, real_gazetteer(), published_at=datetime(2025, 2, 1))
    assert a.lang == "ar" and a.alert
    for m in [*a.places, *a.facilities, *a.actors]:
        assert text[m.start : m.end] == m.surface
    places = a.places
    assert any(_near(p, 36.50, 40.75) for p in places), "Hasakah"
    assert any(_near(p, 37.05, 41.23) for p in places), "Qamishli"
    assert any(_near(p, 34.46, 40.94, 0.3) for p in places), "Baghouz"
    assert "country:IQ" in {p.id for p in places} and "country:TR" in {p.id for p in places}
    facs = {f.kind: f for f in a.facilities}
    assert any("غويران" in f.surface and f.kind == "prison" and f.id.startswith("fac:") for f in a.facilities)
    assert any("الهول" in f.surface and f.kind == "camp" and f.id.startswith("fac:") for f in a.facilities)
    assert facs
    actors = {x.id for x in a.actors}
    assert {"actor:isis", "actor:sdf", "actor:global-coalition", "actor:syria-transitional-gov"} <= actors
    assert a.event_date is not None and a.event_date.isoformat() == "2025-01-26"
