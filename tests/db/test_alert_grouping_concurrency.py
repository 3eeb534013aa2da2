"""Several alert replicas grouping at once: concurrent transactions (own connections, real commits) that open
the same facility's incident meet on one row; notices are written once however many schedulers run."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select

from services.alert import incident_repository as repo
from services.alert.incidents import evaluate
from services.alert.models import alerts, incident_articles, notices, outbox
from services.alert.scheduler import run_due
from shared.db import make_engine, make_sessionmaker, unit_of_work
from tests.db.incident_support import RULES, enriched, ingest

pytestmark = pytest.mark.db


@pytest.mark.parametrize("lock_first", [True, False], ids=["as-the-consumer", "unique-index-alone"])
async def test_concurrent_consumers_open_one_incident(database_url: str, lock_first: bool) -> None:
    """As the consumer does (the change lock first), and without it: then the open-incident unique index alone
    (INSERT ... ON CONFLICT on the group key) must make the transactions meet on one incident."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    facility = f"fac:test-concurrent-{uuid.uuid4().hex[:8]}"
    now = datetime.now(UTC)
    events = [enriched(facility_id=facility, lang="ar" if i % 2 else "en") for i in range(8)]
    start = asyncio.Event()

    async def consume(i: int) -> None:
        await start.wait()
        async with unit_of_work(sessions) as s:
            if lock_first:
                await ingest(s, events[i], now)
            else:
                for d in evaluate(events[i], RULES):
                    await repo.join(s, d, events[i].article, now)

    async def schedule() -> int:
        await start.wait()
        async with unit_of_work(sessions) as s:
            return (await run_due(s, now))[1]

    try:
        tasks = [asyncio.create_task(consume(i)) for i in range(len(events))]
        start.set()
        await asyncio.gather(*tasks)
        # and every message again (a redelivery after a rebalance), concurrently with four schedulers
        redo = [asyncio.create_task(consume(i)) for i in range(len(events))]
        written = await asyncio.gather(*[asyncio.create_task(schedule()) for _ in range(4)], *redo)
        async with sessions() as s:
            rows = (await s.execute(select(alerts.c.id, alerts.c.article_count).where(
                alerts.c.facility_id == facility))).all()
            assert len(rows) == 1, rows
            assert rows[0].article_count == len(events)
            n = await s.scalar(select(func.count()).select_from(incident_articles).where(
                incident_articles.c.alert_id == rows[0].id))
            assert n == len(events)
            firing = await s.scalar(select(func.count()).select_from(notices).where(
                notices.c.alert_id == rows[0].id, notices.c.kind == "firing"))
            assert firing == 1 and sum(w for w in written if w) == 1
    finally:
        async with unit_of_work(sessions) as s:
            ids = (await s.execute(select(alerts.c.id).where(alerts.c.facility_id == facility))).scalars().all()
            await s.execute(delete(outbox).where(outbox.c.key.in_([str(i).encode() for i in ids])))
            await s.execute(delete(alerts).where(alerts.c.facility_id == facility))
        await engine.dispose()
