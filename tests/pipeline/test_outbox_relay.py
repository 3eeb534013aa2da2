"""The outbox relay against the real broker and real PostgreSQL: a row Kafka refuses for good is marked
failed with its reason and the rows after it still go out; no row lock is held across the Kafka round
trip (rows are leased, the lease committed, then sent); a transient failure releases the lease. Rows a writer
wrote leased to the relay are sent as handed over, with no claim; if the writer dies first, once the lease ends."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from devstack.embedded import Broker, start_broker
from services.ingest import repository
from services.ingest.articles import ArticleIn, NewArticle, prepare
from services.ingest.models import outbox
from shared.db import make_engine, make_sessionmaker, unit_of_work
from shared.errors import is_transient
from shared.kafka import make_producer
from shared.outbox import OutboxLease, OutboxRelay
from shared.topics import ARTICLES
from tests.conftest import fresh_database
from tests.pipeline.kafka_support import create_topic, eventually, read_topic

pytestmark = pytest.mark.pipeline
HEADERS = [["ce_specversion", "1.0"]]


@pytest.fixture(scope="module")
def broker() -> Iterator[Broker]:
    b = start_broker()
    yield b
    b.stop()


@pytest.fixture
async def engine(server_url: str) -> AsyncIterator[AsyncEngine]:
    async with fresh_database(server_url, "outbox") as url:
        engine = make_engine(url)
        yield engine
        await engine.dispose()


async def add_rows(engine: AsyncEngine, topic: str, values: list[bytes], headers: object = HEADERS) -> list[int]:
    async with engine.begin() as conn:
        return list((await conn.execute(outbox.insert().returning(outbox.c.id), [
            {"topic": topic, "key": b"k", "value": v, "headers": headers} for v in values])).scalars())


async def test_a_row_kafka_refuses_is_marked_failed_and_the_rows_after_it_go_out(
        broker: Broker, engine: AsyncEngine) -> None:
    topic = f"outbox.{uuid.uuid4().hex[:6]}"
    await create_topic(broker.bootstrap, topic)
    too_large = await add_rows(engine, topic, [b"x" * 5_000_000])  # over the producer's max_request_size
    bad_headers = await add_rows(engine, topic, [b"bad headers"], headers=[["only-a-name"]])
    good = await add_rows(engine, topic, [b"one", b"two"])
    producer = make_producer(broker.bootstrap, idempotence=False)
    await producer.start()
    try:
        relay = OutboxRelay(make_sessionmaker(engine), outbox, producer, "test")
        assert await relay.publish_batch() == 4
        assert await relay.publish_batch() == 0, "a failed row is not tried again"
    finally:
        await producer.stop()
    async with engine.connect() as conn:
        rows = {r.id: r for r in (await conn.execute(select(outbox))).all()}
    assert rows[too_large[0]].failed_at is not None and rows[too_large[0]].published_at is None
    assert (rows[too_large[0]].error or "").startswith("MessageSizeTooLargeError")
    assert rows[bad_headers[0]].failed_at is not None and rows[bad_headers[0]].error
    assert all(rows[i].published_at is not None and rows[i].failed_at is None for i in good)
    sent = await read_topic(broker.bootstrap, topic, 1, want=2)
    assert [r.value for r in sent] == [b"one", b"two"]
    assert await OutboxRelay(make_sessionmaker(engine), outbox, producer, "test").pending() == 0


async def test_no_row_lock_is_held_across_the_kafka_round_trip(engine: AsyncEngine) -> None:
    own = start_broker()
    topic = f"outbox.{uuid.uuid4().hex[:6]}"
    producer = AIOKafkaProducer(bootstrap_servers=own.bootstrap, acks="all", request_timeout_ms=4_000)
    try:
        await create_topic(own.bootstrap, topic)
        await producer.start()
        ids = await add_rows(engine, topic, [b"a", b"b"])
        own.stop()  # the broker is away: the send waits for it, then fails
        relay = OutboxRelay(make_sessionmaker(engine), outbox, producer, "test")
        publishing = asyncio.create_task(relay.publish_batch())

        async def leased() -> bool:
            async with engine.connect() as conn:
                return bool((await conn.execute(select(outbox.c.claimed_until).where(outbox.c.id == ids[0])))
                            .scalar_one())
        await eventually(leased, 10, "the relay leased the rows")
        assert not publishing.done()
        async with engine.begin() as conn:  # while the relay is sending: the rows are not locked
            await conn.execute(text("SET LOCAL lock_timeout = '500ms'"))
            locked = (await conn.execute(select(outbox.c.id).where(outbox.c.id.in_(ids))
                                         .with_for_update(nowait=True))).scalars().all()
        assert sorted(locked) == ids
        with pytest.raises(Exception) as failure:
            await asyncio.wait_for(publishing, 30)
        assert is_transient(failure.value), repr(failure.value)  # the poller backs off and tries again
        async with engine.connect() as conn:  # a transient failure releases the lease: sent at the next poll
            rows = (await conn.execute(select(outbox).where(outbox.c.id.in_(ids)))).all()
        assert all(r.claimed_until is None and r.published_at is None and r.failed_at is None for r in rows)
    finally:
        await producer.stop()
        own.stop()


async def test_a_claimed_batch_goes_out_without_waiting_out_the_linger(broker: Broker, engine: AsyncEngine) -> None:
    """The relay has nothing to add once it enqueued its batch: it sends at once (send_now), so linger_ms is not
    added to every hop of an idle pipeline. With a 3 s linger, waiting it out would take over 3 s."""
    topic = f"outbox.{uuid.uuid4().hex[:6]}"
    await create_topic(broker.bootstrap, topic)
    await add_rows(engine, topic, [b"one", b"two"])
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, acks="all", linger_ms=3_000,
                                enable_idempotence=False)
    await producer.start()
    try:
        relay = OutboxRelay(make_sessionmaker(engine), outbox, producer, "test")
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await relay.publish_batch() == 2
        assert loop.time() - started < 2.0
    finally:
        await producer.stop()
    assert sorted(r.value for r in await read_topic(broker.bootstrap, topic, 1, want=2)) == [b"one", b"two"]


def _articles(n: int) -> list[NewArticle]:
    now = datetime.now(UTC)
    return [prepare(ArticleIn(text=f"Report {uuid.uuid4().hex} number {i}: the council met on Tuesday."), now)
            for i in range(n)]


async def _outbox_rows(engine: AsyncEngine) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(select(outbox).order_by(outbox.c.id))).all())


async def test_rows_written_leased_are_sent_as_handed_over_without_a_claim(broker: Broker,
                                                                           engine: AsyncEngine) -> None:
    await create_topic(broker.bootstrap, ARTICLES)
    producer = make_producer(broker.bootstrap, idempotence=False)
    await producer.start()
    try:
        relay = OutboxRelay(make_sessionmaker(engine), outbox, producer, "test")
        lease = relay.lease()
        assert lease is not None
        lease.capacity = 2  # three articles: two written leased, one left for the claim
        batch = _articles(3)
        async with unit_of_work(make_sessionmaker(engine)) as session:
            await repository.store_many(session, batch, lease=lease)
        rows = await _outbox_rows(engine)
        assert [r.claimed_until is not None for r in rows] == [True, True, False]
        assert [r.id for r in lease.rows] == [r.id for r in rows[:2]] and lease.unleased == 1
        assert [r.key for r in lease.rows] == [a.id.encode() for a in batch[:2]]
        claims = 0
        claim = relay._claim

        async def counted() -> list[Any]:
            nonlocal claims
            claims += 1
            return await claim()

        relay._claim = counted  # type: ignore[method-assign]
        relay._claim_now = False  # (a new relay claims at once: the rows of a relay that died)
        relay._claimed_at = time.monotonic()
        relay.take(lease)
        assert relay._claim_now, "a row was left unleased: the next step claims"
        relay._claim_now = False
        assert await relay.publish_batch() == 2 and claims == 0  # the handed rows, no claim
        assert await relay.publish_batch() == 1 and claims == 1  # nothing handed: the claim takes the third
        assert all(r.published_at is not None and r.claimed_until is None for r in await _outbox_rows(engine))
    finally:
        await producer.stop()
    sent = await read_topic(broker.bootstrap, ARTICLES, 1, want=3)
    assert sorted(r.key for r in sent) == sorted(a.id.encode() for a in batch)


async def test_rows_leased_by_a_writer_that_died_are_claimed_when_the_lease_ends(broker: Broker,
                                                                                 engine: AsyncEngine) -> None:
    await create_topic(broker.bootstrap, ARTICLES)
    producer = make_producer(broker.bootstrap, idempotence=False)
    await producer.start()
    try:
        sessions = make_sessionmaker(engine)
        lease = OutboxLease(capacity=10, lease=timedelta(seconds=2))
        async with unit_of_work(sessions) as session:
            await repository.store_many(session, _articles(2), lease=lease)
        # the process died before handing them over: no relay may send them while the lease holds
        relay = OutboxRelay(sessions, outbox, producer, "test")
        assert await relay.publish_batch() == 0
        await asyncio.sleep(2.2)
        assert await relay.publish_batch() == 2  # the lease ended: claimed and sent (at least once)
        # a relay stopping gives back what it was handed and did not send: claimable at once
        offer = relay.lease()
        assert offer is not None
        async with unit_of_work(sessions) as session:
            await repository.store_many(session, _articles(1), lease=offer)
        assert len(offer.rows) == 1
        relay.take(offer)
        relay.stop()
        await relay.run()
        assert await OutboxRelay(sessions, outbox, producer, "test").publish_batch() == 1
    finally:
        await producer.stop()


async def test_rows_sent_are_marked_published_together_within_mark_every_s_and_still_leased_until_then(
        broker: Broker, engine: AsyncEngine) -> None:
    await create_topic(broker.bootstrap, ARTICLES)
    producer = make_producer(broker.bootstrap, idempotence=False)
    await producer.start()
    try:
        sessions = make_sessionmaker(engine)
        # (generous windows: the two writes and sends below must fall inside one marking window and inside poll_s (past
        # it the relay claims instead of sending what was handed, and finds the leased rows not due) even on a loaded
        # machine; at 0.5 s and 0.25 s a slow spell failed the test)
        relay = OutboxRelay(sessions, outbox, producer, "test", poll_s=10.0, mark_every_s=3.0)
        relay._claim_now, relay._claimed_at = False, time.monotonic()
        for _ in range(2):  # two writes, two sends
            lease = relay.lease()
            assert lease is not None
            async with unit_of_work(sessions) as session:
                await repository.store_many(session, _articles(1), lease=lease)
            relay.take(lease)
            assert await relay.publish_batch() == 1
        rows = await _outbox_rows(engine)
        # sent, not marked yet: still leased to this relay, so no claim (this relay's or another's) sends them again
        assert [(r.published_at, r.claimed_until is not None) for r in rows] == [(None, True)] * 2
        assert await OutboxRelay(sessions, outbox, producer, "other").publish_batch() == 0
        task = asyncio.create_task(relay.run())  # its loop comes back when mark_every_s has passed: one UPDATE
        await eventually(lambda: _all_published(engine), 15, "both marked published")
        relay.stop()
        await task
    finally:
        await producer.stop()


async def _all_published(engine: AsyncEngine) -> bool:
    return all(r.published_at is not None and r.claimed_until is None for r in await _outbox_rows(engine))
