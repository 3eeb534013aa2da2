"""Delivery safety in the alert tables: lease fencing, unsubscribe stops retries and replays, paged reads,
change numbers in commit order across transactions, no secret in a failed statement's log."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import delivery_repository, repository
from services.alert.events import AlertChanged
from services.alert.models import alerts, deliveries, incident_events, notices, outbox, subscriptions
from services.alert.rules import Filters
from services.alert.scheduler import run_due
from services.alert.stream import AlertFeed, Client, sse_events
from shared.db import make_engine, make_sessionmaker, unit_of_work
from shared.logs import JsonFormatter
from tests.db.incident_support import enriched, ingest, open_and_notify
from tests.db.test_alert_repository import outcome

pytestmark = pytest.mark.db


async def test_a_stale_lease_cannot_record_over_a_newer_one(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await open_and_notify(session)
    (stale,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=0)  # its lease is over at once
    (fresh,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)  # another replica takes it
    assert fresh.id == stale.id and fresh.attempts == stale.attempts + 1
    assert not await delivery_repository.record_attempt(
        session, stale, outcome(ok=False, status_code=500, error="late"), retry_in_s=None, health=None)
    row = (await session.execute(select(deliveries).where(deliveries.c.id == stale.id))).one()
    assert row.status == "pending" and row.last_error is None  # the stale worker changed nothing
    assert await delivery_repository.record_attempt(
        session, fresh, outcome(ok=True, status_code=204, error=None), retry_in_s=None, health=None)
    assert (await session.execute(select(deliveries.c.status).where(deliveries.c.id == stale.id))).scalar() \
        == "succeeded"


async def test_unsubscribing_cancels_pending_retries_and_refuses_replays(session: AsyncSession) -> None:
    sub = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await open_and_notify(session)
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    await delivery_repository.record_attempt(
        session, d, outcome(ok=False, status_code=500, error="boom"), retry_in_s=0, health=None)
    assert await repository.deactivate_subscription(session, sub)
    row = (await session.execute(select(deliveries).where(deliveries.c.id == d.id))).one()
    assert row.status == "cancelled" and row.last_error == "subscription deleted"
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []
    assert await repository.replay_delivery(session, d.id) is repository.Replay.UNSUBSCRIBED
    assert await repository.replay_delivery(session, uuid.uuid4()) is repository.Replay.NOT_FOUND
    # a delivery row that reached an inactive subscription anyway (written by an older version) is not sent
    other = await open_and_notify(session, facility_id="fac:sy-roj-camp")
    notice_id = (await session.execute(select(notices.c.id).where(notices.c.alert_id == other))).scalar_one()
    await session.execute(insert(deliveries).values(id=uuid.uuid4(), alert_id=other, notice_id=notice_id,
                                                    subscription_id=sub))
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []


async def test_an_in_flight_delivery_is_not_replayed(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await open_and_notify(session)
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert await repository.replay_delivery(session, d.id) is repository.Replay.IN_FLIGHT


async def test_unreadable_stored_filters_do_not_stop_alerts(session: AsyncSession) -> None:
    good = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await session.execute(insert(subscriptions).values(id=uuid.uuid4(), url="http://127.0.0.1/b", secret="whsec_y",
                                                       filters={"kinds": ["spaceport"], "from_v0": 1}))
    await open_and_notify(session)
    rows = (await session.execute(select(deliveries.c.subscription_id))).scalars().all()
    assert rows == [good]


async def test_recover_reads_notices_a_page_at_a_time(session: AsyncSession,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "PAGE", 3)
    now = datetime.now(UTC)
    camps = [f"fac:test-camp-{i}" for i in range(8)]
    for fid in camps:
        await ingest(session, enriched(facility_id=fid), now)
    await ingest(session, enriched(facility_id="fac:sy-ghwayran-prison"), now)
    await run_due(session, now)
    sub = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters(kinds=["camp"]))
    assert await repository.recover(session, sub, now) == 8
    assert await repository.recover(session, sub, now) == 0


async def test_stream_replay_pages_through_every_change(session: AsyncSession,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "PAGE", 2)  # stands for the 1,000 the replay used to stop at
    now = datetime.now(UTC)
    for i in range(4):
        await ingest(session, enriched(facility_id=f"fac:test-sse-{i}"), now)
    seqs = (await session.execute(select(incident_events.c.seq).order_by(incident_events.c.seq))).scalars().all()
    sessions = async_sessionmaker(bind=session.bind, join_transaction_mode="create_savepoint")
    feed = AlertFeed("127.0.0.1:1")  # never started: only its client bookkeeping is used

    async def stop() -> bool:
        return True

    events = [e async for e in sse_events(Client(), feed, sessions, after_seq=seqs[0], since=None, stop=stop)]
    ids = [int(line[4:]) for e in events for line in e.splitlines() if line.startswith("id: ")]
    assert ids == list(seqs[1:]) and len(ids) == 3
    assert all("event: alert.opened" in e for e in events[1:])


async def test_live_changes_are_read_from_the_record_in_order(session: AsyncSession) -> None:
    """The feed's Kafka records only wake the stream: whatever their order (partitions interleave), the client
    gets every change after the last one it got, in commit order, read from the database."""
    now = datetime.now(UTC)
    await ingest(session, enriched(facility_id="fac:test-live-0"), now)  # before the client connects: not sent
    sessions = async_sessionmaker(bind=session.bind, join_transaction_mode="create_savepoint")
    feed, client = AlertFeed("127.0.0.1:1"), Client()
    calls = 0

    async def stop() -> bool:
        nonlocal calls
        calls += 1
        return calls > 1

    gen = sse_events(client, feed, sessions, after_seq=None, since=None, stop=stop)
    assert await anext(gen) == ": connected\n\n"
    for i in (1, 2):
        await ingest(session, enriched(facility_id=f"fac:test-live-{i}"), now)
    rows = (await session.execute(select(incident_events.c.seq, incident_events.c.payload)
                                  .order_by(incident_events.c.seq))).all()
    newest = AlertChanged.model_validate(rows[-1].payload)
    client.queue.put_nowait(newest)  # only the newest arrives (the other is late on another partition)
    sent = [e async for e in gen]
    assert [int(e.split("\n")[0][4:]) for e in sent] == [r.seq for r in rows[1:]]


async def test_change_numbers_follow_commit_order(database_url: str) -> None:
    """With two replicas, a change made first but committed last must not get a lower number than one a
    reader has already seen (a reconnecting SSE client would skip it)."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    facilities = [f"fac:test-order-{uuid.uuid4().hex[:8]}" for _ in range(2)]
    now = datetime.now(UTC)
    try:
        async with unit_of_work(sessions) as tx_a:
            await ingest(tx_a, enriched(facility_id=facilities[0]), now)
            other = asyncio.create_task(_ingest_in_own_transaction(sessions, facilities[1], now))
            await asyncio.sleep(1.0)
            assert not other.done(), "a second incident transaction went ahead of an uncommitted first one"
        await asyncio.wait_for(other, 10)
        async with sessions() as s:
            seq = dict((await s.execute(select(alerts.c.facility_id, incident_events.c.seq).join(
                alerts, alerts.c.id == incident_events.c.alert_id).where(
                alerts.c.facility_id.in_(facilities)))).all())
        assert seq[facilities[0]] < seq[facilities[1]]
    finally:
        async with unit_of_work(sessions) as s:
            ids = (await s.execute(select(alerts.c.id).where(alerts.c.facility_id.in_(facilities)))).scalars().all()
            await s.execute(delete(outbox).where(outbox.c.key.in_([str(i).encode() for i in ids])))
            await s.execute(delete(alerts).where(alerts.c.id.in_(ids)))
        await engine.dispose()


async def _ingest_in_own_transaction(sessions: async_sessionmaker[AsyncSession], facility: str,
                                     now: datetime) -> None:
    async with unit_of_work(sessions) as s:
        await ingest(s, enriched(facility_id=facility), now)


async def test_a_failed_subscription_insert_logs_no_secret(database_url: str) -> None:
    engine = make_engine(database_url)
    secret = "whsec_" + "S3cr3t" * 6
    record = None
    try:
        with pytest.raises(DBAPIError) as err:
            async with unit_of_work(make_sessionmaker(engine)) as s:  # NUL: PostgreSQL text refuses it
                await repository.create_subscription(s, "http://127.0.0.1/\x00", secret, Filters())
        record = logging.LogRecord("raqib", logging.ERROR, __file__, 1, "request failed", None,
                                   (type(err.value), err.value, err.value.__traceback__))
    finally:
        await engine.dispose()
    line = JsonFormatter("alert").format(record)
    assert "INSERT INTO alert.subscriptions" in line  # the traceback is there ...
    assert secret not in line and "whsec_" not in line, line  # ... the bound values are not


async def test_an_incident_with_nul_or_lone_surrogates_is_stored_cleaned(session: AsyncSession) -> None:
    """PostgreSQL text and jsonb hold neither; an enriched event from any producer may carry them."""
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    event = enriched(article_id="art_nul\x00", facility_id="fac:sy-al-hol-camp")
    event = event.model_copy(update={"text": event.text.replace("قالت", "قالت\x00 \ud800")})
    now = datetime.now(UTC)
    (res,) = await ingest(session, event, now)
    assert res is not None
    await run_due(session, now)
    row = (await session.execute(select(alerts).where(alerts.c.id == res[0]))).one()
    assert row.article_id == "art_nul" and "\x00" not in str(row.payload)
    (n,) = (await session.execute(select(notices.c.payload))).scalars().all()
    assert "\ufffd" in n["articles"][0]["evidence"] and "\x00" not in n["articles"][0]["evidence"]
    assert len((await session.execute(select(deliveries))).all()) == 1
