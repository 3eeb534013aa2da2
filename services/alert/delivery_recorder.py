"""Recording webhook attempts in batches: the delivery worker's attempts that finished are recorded together,
all those waiting in one transaction with a statement per table (the attempt log, the deliveries, each
subscription's health), instead of a transaction each. The outcome is the same as recording them one after
another in the order they finished (tests/db/test_delivery_recording.py)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import delivery_repository as store
from services.alert.transport import Outcome
from shared.db import autocommit, unit_of_work

RECORD_BATCH = 64  # attempts recorded per transaction at most
Recorded = tuple[bool, store.Health | None]  # (recorded under its lease, what it did to its subscription)
HealthOf = Callable[[dict[str, Any], Outcome, datetime], store.Health]  # delivery.health_after under a policy


class AttemptRecorder:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], health_of: HealthOf) -> None:
        self.sessions, self.health_of = sessions, health_of
        self.waiting: list[tuple[store.DueDelivery, Outcome, float | None, asyncio.Future[Recorded]]] = []
        self.wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def record(self, d: store.DueDelivery, outcome: Outcome, retry_in: float | None) -> asyncio.Future[Recorded]:
        """Queue an attempt's outcome -> (recorded, health) once its transaction commits; the exception if it
        failed (nothing of its batch recorded: the leases expire and the deliveries are attempted again). The
        attempt waits for it, holding its slot, as if it recorded itself."""
        done: asyncio.Future[Recorded] = asyncio.get_running_loop().create_future()
        self.waiting.append((d, outcome, retry_in, done))
        self.wake.set()
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._run(), name="delivery recorder")
        return done

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)

    async def _run(self) -> None:
        """Record what is waiting, up to RECORD_BATCH at a time; what finishes meanwhile waits for the next."""
        while True:
            await self.wake.wait()
            self.wake.clear()
            batch, self.waiting = self.waiting[:RECORD_BATCH], self.waiting[RECORD_BATCH:]
            if self.waiting:
                self.wake.set()
            if not batch:
                continue
            try:
                results = await self.record_batch([(d, o, r) for d, o, r, _ in batch])
            except asyncio.CancelledError:
                for *_, done in batch:
                    done.cancel()
                raise
            except Exception as exc:  # each attempt's task decides what it is (transient or a bug)
                for *_, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                continue
            for (*_, done), result in zip(batch, results, strict=True):
                if not done.done():
                    done.set_result(result)

    async def record_batch(self, batch: list[tuple[store.DueDelivery, Outcome, float | None]]) -> list[Recorded]:
        """Each attempt recorded as on its own, in the order they finished, in one transaction and a statement
        per table. The batch's subscriptions are locked first, in id order (two replicas' recorders never wait for
        each other in a circle), and their health read then, each failure's health following the attempts before
        it; each subscription's health after the batch is written once. A batch of successes only (the common
        case) is one statement, autocommitted: a success's health does not depend on the state before it."""
        if all(outcome.ok for _, outcome, _ in batch):
            now = datetime.now(UTC)
            success = self.health_of({}, batch[0][1], now)
            async with autocommit(self.sessions) as session:
                recorded = await store.record_succeeded(session, [(d, o) for d, o, _ in batch], success, now)
            return [(d.id in recorded, success) for d, _, _ in batch]
        async with unit_of_work(self.sessions) as session:
            states = await store.subscriptions_health(session, sorted({d.subscription_id for d, _, _ in batch}))
            healths: list[store.Health | None] = []
            changed: dict[uuid.UUID, dict[str, Any]] = {}
            for d, outcome, _ in batch:
                state = states.get(d.subscription_id)
                health = None
                if outcome.ok:  # a success sets the same values whatever came before
                    health = self.health_of({}, outcome, datetime.now(UTC))
                elif state is not None:  # (none: the subscription is gone)
                    health = self.health_of(state, outcome, datetime.now(UTC))
                if health is not None and state is not None:
                    state.update(health.values)  # what the next attempt to it starts from
                    changed[d.subscription_id] = state
                healths.append(health)
            recorded = await store.record_attempts(session, batch, changed)
        return [(d.id in recorded, h) for (d, _, _), h in zip(batch, healths, strict=True)]
