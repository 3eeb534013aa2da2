"""The alert consumer's batch writes its AlertChanged outbox rows leased to the in-process relay (up to what the relay
can take) and hands them over after the commit: the relay sends them as handed, with no claim; the rows over its
capacity are left for the claim; rows leased by a process that died before handing them over are claimed only once
their lease has ended (at least once). Real PostgreSQL; the relay's producer is a recorder (no broker needed)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert.consumer import AlertHandler
from services.alert.models import outbox
from shared.db import make_engine, make_sessionmaker
from shared.outbox import OutboxLease, OutboxRelay
from tests.conftest import fresh_database
from tests.db.incident_support import RULES, enriched

pytestmark = pytest.mark.db


class Producer:
    """What the relay's sends need of AIOKafkaProducer: send() -> a future; records what was sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes, bytes]] = []

    async def send(self, topic: str, value: bytes, key: bytes, headers: Any) -> Any:
        import asyncio

        self.sent.append((topic, key, value))
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        future.set_result(None)
        return future

    async def flush(self) -> None:
        pass


@pytest.fixture
async def sessions(server_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with fresh_database(server_url, "alert_outbox") as url:
        engine = make_engine(url)
        try:
            yield make_sessionmaker(engine)
        finally:
            await engine.dispose()


class Relay(OutboxRelay):
    """Counts its claims; offers at most `capacity` rows."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], capacity: int,
                 lease: timedelta = timedelta(seconds=60)) -> None:
        self.producer_ = Producer()
        super().__init__(sessions, outbox, self.producer_, "test")
        self.capacity, self.lease_time, self.claims = capacity, lease, 0

    def lease(self) -> OutboxLease | None:
        return OutboxLease(self.capacity, self.lease_time)

    async def _claim(self) -> list[Any]:
        self.claims += 1
        return await super()._claim()


async def rows(sessions: async_sessionmaker[AsyncSession]) -> list[Any]:
    async with sessions() as s:
        return list((await s.execute(select(outbox).order_by(outbox.c.id))).all())


async def test_the_batch_hands_its_outbox_rows_to_the_relay_and_leaves_the_rest_to_the_claim(
        sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shared.outbox.send_now", _no_linger)
    relay = Relay(sessions, capacity=2)
    handler = AlertHandler(sessions, [], RULES, relay=relay)
    await handler([enriched(facility_id=f"fac:test-outbox-{uuid.uuid4().hex[:8]}") for _ in range(3)])
    written = await rows(sessions)
    n = len(written)
    assert n >= 3  # three incidents opened (and, due at once, notified): an AlertChanged record each
    assert [r.claimed_until is not None for r in written] == [True, True] + [False] * (n - 2)
    assert [r.id for r, _ in relay.handed] == [r.id for r in written[:2]]
    assert [(r.key, r.value, r.headers) for r, _ in relay.handed] == [(r.key, r.value, r.headers)
                                                                      for r in written[:2]]
    assert relay._claim_now, "a row was left unleased: the next step claims"
    relay._claim_now = False  # as if the claim just ran: the handed rows go first, no claim
    relay._claimed_at = 1e18
    assert await relay.publish_batch() == 2 and relay.claims == 0
    relay._claimed_at = 0.0
    assert await relay.publish_batch() == n - 2 and relay.claims == 1  # nothing handed: the claim takes the rest
    assert [(k, v) for _, k, v in relay.producer_.sent] == [(r.key, r.value) for r in written]
    assert all(r.published_at is not None and r.claimed_until is None for r in await rows(sessions))


async def test_rows_leased_by_a_batch_whose_process_died_are_claimed_when_the_lease_ends(
        sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shared.outbox.send_now", _no_linger)
    dead = Relay(sessions, capacity=10)
    dead.take = lambda lease: None  # type: ignore[method-assign]  # the process dies right after the commit
    await AlertHandler(sessions, [], RULES, relay=dead)([enriched(facility_id=f"fac:test-outbox-{uuid.uuid4().hex}")])
    written = await rows(sessions)
    assert written and all(r.claimed_until is not None and r.published_at is None for r in written)
    other = Relay(sessions, capacity=10)
    assert await other.publish_batch() == 0  # leased: no relay may send them while the lease holds
    async with sessions() as s, s.begin():  # the lease ends
        await s.execute(update(outbox).values(claimed_until=outbox.c.claimed_until - timedelta(minutes=5)))
    assert await other.publish_batch() == len(written)  # claimed and sent (at least once)
    assert [k for _, k, _ in other.producer_.sent] == [r.key for r in written]


async def test_without_a_relay_the_rows_are_written_unleased_for_the_claim(
        sessions: async_sessionmaker[AsyncSession]) -> None:
    await AlertHandler(sessions, [], RULES)([enriched(facility_id=f"fac:test-outbox-{uuid.uuid4().hex}")])
    written = await rows(sessions)
    assert written and all(r.claimed_until is None and r.published_at is None for r in written)


async def _no_linger(producer: Any) -> None:
    return None
