"""Shared helpers for the enrich unit tests: gazetteers loaded once per session."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from services.enrich.enrichment import enrich, load_gazetteer
from services.enrich.gazetteer import Gazetteer
from shared.annotation import Annotation

FIXTURES = Path(__file__).parent / "enrich_fixtures"
REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "data" / "devset.jsonl"
SEED = REPO.parent / "shared" / "reference" / "seed-report-ar.md"


@lru_cache(maxsize=1)
def fixture_gazetteer() -> Gazetteer:
    """Small hand-written data files, no GeoNames: fast and independent of the real data."""
    return load_gazetteer(FIXTURES, with_geonames=False)


@lru_cache(maxsize=1)
def real_gazetteer() -> Gazetteer:
    return load_gazetteer()




def real_ann(text: str, published_at: date | None = None) -> Annotation:
    """The engine's annotation of `text` with the real gazetteer (as of `published_at` when given)."""
    if published_at is None:
        return enrich(text, real_gazetteer())
    return enrich(text, real_gazetteer(), published_at=published_at)


def real_fac_ids(text: str, published_at: date | None = None) -> set[str]:
    """The facility ids the engine finds in `text` with the real gazetteer (as of `published_at` when given)."""
    return {f.id for f in real_ann(text, published_at).facilities}


def real_place_ids(text: str, published_at: date | None = None) -> set[str]:
    """The place ids the engine finds in `text` with the real gazetteer (as of `published_at` when given)."""
    return {p.id for p in real_ann(text, published_at).places}


def real_actor_ids(text: str, published_at: date | None = None) -> set[str]:
    """The actor ids the engine finds in `text` with the real gazetteer (as of `published_at` when given)."""
    return {a.id for a in real_ann(text, published_at).actors}
