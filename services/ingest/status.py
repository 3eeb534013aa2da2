"""Where an article is, for `GET /v1/articles/{id}`: received (ingest), published or refused by Kafka (ingest's
outbox), enriched (enrich's annotation), alerted (the incidents it joined).

Each service owns its schema; this module is the one place ingest *reads* the others' tables, read-only, by
plain SQL on the columns named here (enrich.annotations: article_id, engine_version, lang, alert, annotation,
enriched_at; alert.incident_articles: alert_id, facility_id, article_id, joined_at). Reading them is simpler
and more honest than asking two services over HTTP per request; a schema change there must keep these columns
or change this. A missing schema (a deployment without that service's tables) reads as "not yet"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest.models import outbox

_ANNOTATION = text("SELECT engine_version, lang, alert, annotation, enriched_at FROM enrich.annotations "
                   "WHERE article_id = :id")
_ALERTS = text("SELECT alert_id::text AS id, facility_id, joined_at AS created_at FROM alert.incident_articles "
               "WHERE article_id = :id ORDER BY joined_at")


class Published(BaseModel):
    state: str = Field(description="`pending` (in the outbox), `published` (on raqib.articles.v1), or "
                       "`dead` (Kafka refused it for good; `error` says why)")
    at: datetime | None = None
    error: str | None = None


class Enriched(BaseModel):
    at: datetime
    engine_version: str
    lang: str
    alert: bool = Field(description="True iff a specific prison or camp is named")
    places: list[str] = Field(description="canonical names of the places found")
    facilities: list[str] = Field(description="canonical names of the prisons and camps found")
    actors: list[str]
    event_types: list[str]


class AlertRef(BaseModel):
    id: str
    facility_id: str
    at: datetime


class Pipeline(BaseModel):
    received: datetime
    published: Published | None = Field(description="None once the outbox row was purged (after 7 days)")
    enriched: Enriched | None = Field(description="None until enrich has stored its annotation")
    alerts: list[AlertRef] = Field(description="the alerts (incidents) this article joined (none for a near-duplicate)")


def summary(annotation: dict[str, Any]) -> dict[str, list[str]]:
    def names(key: str) -> list[str]:
        return list(dict.fromkeys(str(m.get("canonical") or m.get("surface")) for m in annotation.get(key, [])))
    return {"places": names("places"), "facilities": names("facilities"), "actors": names("actors"),
            "event_types": sorted({str(e.get("type")) for e in annotation.get("event_types", [])})}


async def _optional(session: AsyncSession, query: Any, article_id: str) -> list[Any]:
    """Rows of a read in another service's schema; [] if that schema is not there. Under a savepoint, so a
    missing table does not abort the caller's transaction."""
    try:
        async with session.begin_nested():
            return list((await session.execute(query, {"id": article_id})).mappings().all())
    except ProgrammingError:
        return []


async def pipeline(session: AsyncSession, article_id: str, received_at: datetime) -> Pipeline:
    row = (await session.execute(
        select(outbox.c.published_at, outbox.c.failed_at, outbox.c.error, outbox.c.created_at)
        .where(outbox.c.key == article_id.encode()).order_by(outbox.c.id.desc()).limit(1))).first()
    published = None
    if row is not None:
        state = "published" if row.published_at else "dead" if row.failed_at else "pending"
        published = Published(state=state, at=row.published_at or row.failed_at, error=row.error)
    enriched = None
    if ann := await _optional(session, _ANNOTATION, article_id):
        a = ann[0]
        enriched = Enriched(at=a["enriched_at"], engine_version=a["engine_version"], lang=a["lang"],
                            alert=a["alert"], **summary(a["annotation"]))
    alerts = [AlertRef(id=r["id"], facility_id=r["facility_id"], at=r["created_at"])
              for r in await _optional(session, _ALERTS, article_id)]
    return Pipeline(received=received_at, published=published, enriched=enriched, alerts=alerts)
