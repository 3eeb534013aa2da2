"""Single-article POSTs written together: while one write is in flight, the articles posted meanwhile wait for it
and go out as the next write, one statement for all of them (`repository.store_many`, as a batch POST), one outbox
lease, one hand-over to the relay (so one Kafka send). At a steady 200 POSTs a second each POST was its own pool
checkout, two round trips and its own produce request, and so one record per fetch and one transaction per
article in enrich and alert; a write in flight when the next POST arrives is common under load, rare when idle, so
nothing ever waits for company: the first article goes at once, the batch size follows the load.

Under a steady flow the writes are also spaced: a write starts at least `gather_s` after the one before it (20 ms in
the service, `single_write_gather_ms`), so at 200 POSTs a second a write carries ~4 articles instead of ~1.5, and
so does every later hop (one Kafka send, one fetch, one enrich and one alert transaction for the group): those
per-batch costs were most of the stack's CPU per article at that rate. A POST after a pause (the previous write
started longer ago than that) is written at once, as before: idle latency does not change.

Each article's answer is what storing it alone, in arrival order, would have given: `store_many` decides in order
(an article repeating one earlier in the same write is its duplicate). A write that fails for a reason of its own
data (not the database being away) is retried article by article, so one article's error reaches only its POST."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ingest import repository
from services.ingest.articles import NewArticle
from shared.db import autocommit_connection
from shared.errors import is_transient
from shared.outbox import OutboxRelay

MAX_WRITE = 200  # articles in one write at most (a burst of POSTs is taken in writes of this size)


class SingleWrites:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], relay: OutboxRelay, threshold: float,
                 gather_s: float = 0.0) -> None:
        """`gather_s`: the least time between the starts of two writes (0: the next write goes as soon as the one
        in flight ends)."""
        self.sessions, self.relay, self.threshold, self.gather_s = sessions, relay, threshold, gather_s
        self._last_write = -1e9  # when the last write started (monotonic)
        self.pending: list[tuple[NewArticle, asyncio.Future[repository.Stored]]] = []
        self.writer: asyncio.Task[None] | None = None

    async def store(self, article: NewArticle) -> repository.Stored:
        """Stored (committed, its outbox row handed to the relay) -> how; raises what the write raised."""
        done: asyncio.Future[repository.Stored] = asyncio.get_running_loop().create_future()
        self.pending.append((article, done))
        if self.writer is None:
            # a task of its own: a POST whose client goes away (its handler cancelled) must not cancel the write
            # that carries the other POSTs' articles
            self.writer = asyncio.create_task(self._drain())
        return await asyncio.shield(done)

    async def _drain(self) -> None:
        try:
            while self.pending:
                wait = self._last_write + self.gather_s - time.monotonic()
                if wait > 0 and len(self.pending) < MAX_WRITE:
                    await asyncio.sleep(wait)  # the POSTs of the next few ms go in this write too
                self._last_write = time.monotonic()
                batch, self.pending = self.pending[:MAX_WRITE], self.pending[MAX_WRITE:]
                try:
                    stored = await self._write([a for a, _ in batch])
                except Exception as exc:  # handed to each POST, which raises it as its own
                    if len(batch) == 1 or is_transient(exc):
                        for _, done in batch:
                            _settle(done, exc)
                        continue
                    await self._one_by_one(batch)
                    continue
                for (_, done), s in zip(batch, stored, strict=True):
                    _settle(done, s)
        finally:
            self.writer = None

    async def _one_by_one(self, batch: list[tuple[NewArticle, asyncio.Future[repository.Stored]]]) -> None:
        for article, done in batch:
            try:
                _settle(done, (await self._write([article]))[0])
            except Exception as exc:
                _settle(done, exc)

    async def _write(self, articles: list[NewArticle]) -> list[repository.Stored]:
        """One statement, autocommitted (atomic on its own), then its leased outbox rows handed to the relay."""
        lease = self.relay.lease()
        async with autocommit_connection(self.sessions) as conn:
            stored = await repository.store_many(conn, articles, self.threshold, lease)
        self.relay.take(lease)
        return stored


def _settle(done: asyncio.Future[Any], outcome: Any) -> None:
    if done.done():  # its POST was cancelled
        return
    if isinstance(outcome, BaseException):
        done.set_exception(outcome)
    else:
        done.set_result(outcome)
