"""Recover from a restart of the embedded broker, which keeps nothing (memory storage; this Tansu build has no
persistent engine that works without an external service: `postgres://` is not compiled in, `s3://` needs an S3
server). Everything it held was announced from an outbox in the record, so it is re-published from there:

    python -m devstack republish --since 2026-12-02T06:00:00Z     (DATABASE_URL: the pipeline's database)

marks every outbox row published since `since` (the lost broker's start), or refused since then, as due again;
the running relays send them once more. Enrich re-annotates each article and publishes it again; an article joins
an incident at most once (unique on facility + article), so that is a no-op for articles already grouped, and the
articles whose enriched event was lost with the broker join (or open) their incidents now. Deliveries live in the
database and are not affected."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Table, update
from sqlalchemy.ext.asyncio import create_async_engine

from services.alert.models import outbox as alert_outbox
from services.ingest.models import outbox as ingest_outbox
from shared.settings import async_database_url

OUTBOXES: dict[str, Table] = {"ingest": ingest_outbox, "alert": alert_outbox}


async def republish(database_url: str, since: datetime) -> dict[str, int]:
    """-> rows marked for publishing again, per outbox."""
    engine = create_async_engine(async_database_url(database_url))
    counts: dict[str, int] = {}
    try:
        async with engine.begin() as conn:
            for name, t in OUTBOXES.items():
                result = await conn.execute(update(t).where(t.c.published_at >= since).values(published_at=None))
                counts[name] = int(result.rowcount or 0)
                if "failed_at" in t.c:  # refused while the broker was away (the embedded one answers a produce
                    # to a topic not created yet with UnknownError, which is not retriable): send again too
                    result = await conn.execute(update(t).where(t.c.failed_at >= since)
                                                .values(failed_at=None, error=None))
                    counts[name] += int(result.rowcount or 0)
    finally:
        await engine.dispose()
    return counts
