"""Alert rules, pure: which enriched articles raise which alerts, and which subscriptions want them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from shared.annotation import FacilityKind, FacilityMention
from shared.events import ArticleEnriched

EXCERPT_RADIUS = 240


class Filters(BaseModel):
    """Subscription filters; an empty filter matches every alert."""

    model_config = ConfigDict(extra="forbid")
    kinds: list[FacilityKind] | None = None
    countries: list[str] | None = Field(default=None, description="ISO 3166-1 alpha-2 codes")
    facility_ids: list[str] | None = None
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)


@dataclass(frozen=True)
class AlertDecision:
    fingerprint: str
    facility: FacilityMention
    excerpt: str


def fingerprint(facility_id: str, article_id: str) -> str:
    return hashlib.sha256(f"{facility_id}\x1f{article_id}".encode()).hexdigest()


def excerpt(text: str, start: int, end: int, radius: int = EXCERPT_RADIUS) -> str:
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


def evaluate(event: ArticleEnriched) -> list[AlertDecision]:
    """One alert per distinct named facility in the article (its first, most confident mention); none for a
    near-duplicate of an earlier article (the same story again: its first article raised the alerts)."""
    if not event.annotation.alert or event.article.near_duplicate_of is not None:
        return []
    best: dict[str, FacilityMention] = {}
    for f in event.annotation.facilities:
        if f.id not in best or f.confidence > best[f.id].confidence:
            best[f.id] = f
    return [AlertDecision(fingerprint(f.id, event.article.id), f, excerpt(event.text, f.start, f.end))
            for f in sorted(best.values(), key=lambda m: m.start)]


def matches(filters: Filters, facility: FacilityMention) -> bool:
    if filters.kinds is not None and facility.kind not in filters.kinds:
        return False
    if filters.countries is not None and (facility.country or "").upper() not in {
            c.upper() for c in filters.countries}:
        return False
    if filters.facility_ids is not None and facility.id not in filters.facility_ids:
        return False
    return facility.confidence >= filters.min_confidence
