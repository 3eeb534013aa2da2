"""Transactional outbox: a row written in the same transaction as the state it announces, then
published by a relay. Any number of relay replicas may run: rows are claimed FOR UPDATE SKIP LOCKED."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta

from aiokafka import AIOKafkaProducer
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    LargeBinary,
    MetaData,
    Table,
    Text,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared import metrics
from shared.db import unit_of_work
from shared.events import Event, encode
from shared.polling import Poller

log = logging.getLogger(__name__)
BATCH = 200
KEEP_PUBLISHED = timedelta(days=7)  # published rows are kept a while for inspection, then purged
PURGE_EVERY_S = 600.0


def outbox_table(metadata: MetaData, schema: str) -> Table:
    return Table(
        "outbox", metadata,
        Column("id", BigInteger, primary_key=True, autoincrement=True),
        Column("topic", Text, nullable=False),
        Column("key", LargeBinary, nullable=False),
        Column("value", LargeBinary, nullable=False),
        Column("headers", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True)),
        Index(f"ix_{schema}_outbox_unpublished", "id", postgresql_where="published_at IS NULL"),
        schema=schema,
    )


async def add(session: AsyncSession, table: Table, topic: str, event: Event, source: str) -> None:
    key, value, headers = encode(event, source)
    await session.execute(table.insert().values(
        topic=topic, key=key, value=value, headers=[[k, v.decode()] for k, v in headers]))


class OutboxRelay(Poller):
    name = "outbox relay"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], table: Table,
                 producer: AIOKafkaProducer, service: str, poll_s: float = 0.25) -> None:
        super().__init__(poll_s)
        self.sessions, self.table, self.producer, self.service = sessions, table, producer, service
        self._purged_at = self._measured_at = 0.0

    async def step(self) -> bool:
        sent = await self.publish_batch()
        if time.monotonic() - self._measured_at > 5.0:
            await self.pending()
            self._measured_at = time.monotonic()
        if time.monotonic() - self._purged_at > PURGE_EVERY_S:
            await self.purge_published(datetime.now(UTC) - KEEP_PUBLISHED)
            self._purged_at = time.monotonic()
        return sent == BATCH

    async def publish_batch(self) -> int:
        t = self.table
        async with unit_of_work(self.sessions) as session:
            rows = (await session.execute(
                select(t.c.id, t.c.topic, t.c.key, t.c.value, t.c.headers)
                .where(t.c.published_at.is_(None)).order_by(t.c.id).limit(BATCH)
                .with_for_update(skip_locked=True))).all()
            if not rows:
                return 0
            futures = [await self.producer.send(r.topic, r.value, key=r.key,
                                                headers=[(k, v.encode()) for k, v in r.headers])
                       for r in rows]
            await asyncio.gather(*futures)  # all acked before the rows are marked published
            await session.execute(update(t).where(t.c.id.in_([r.id for r in rows]))
                                  .values(published_at=datetime.now(UTC)))
        for r in rows:
            metrics.OUTBOX_PUBLISHED.labels(self.service, r.topic).inc()
        return len(rows)

    async def purge_published(self, before: datetime) -> int:
        async with unit_of_work(self.sessions) as session:
            result = await session.execute(delete(self.table).where(self.table.c.published_at < before))
        return int(getattr(result, "rowcount", 0) or 0)

    async def pending(self) -> int:
        async with self.sessions() as session:
            n = await session.scalar(select(func.count()).select_from(self.table)
                                     .where(self.table.c.published_at.is_(None)))
        metrics.OUTBOX_PENDING.labels(self.service).set(n or 0)
        return int(n or 0)
