"""Delivery safety in the alert tables: lease fencing, unsubscribe stops retries and replays, paged reads,
alert sequence numbers in commit order across transactions, no secret in a failed statement's log."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import delivery_repository, repository
from services.alert.models import alerts, deliveries, outbox, subscriptions
from services.alert.rules import Filters
from services.alert.stream import AlertFeed, Client, sse_events
from shared.db import make_engine, make_sessionmaker, unit_of_work
from shared.logs import JsonFormatter
from tests.db.test_alert_repository import alert, outcome

pytestmark = pytest.mark.db


async def test_a_stale_lease_cannot_record_over_a_newer_one(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.raise_alert(session, alert(article="art_fence"))
    (stale,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=0)  # its lease is over at once
    (fresh,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)  # another replica takes it
    assert fresh.id == stale.id and fresh.attempts == stale.attempts + 1
    late = outcome(ok=False, status_code=500, error="late")
    assert not await delivery_repository.record_attempt(session, stale, late, retry_in_s=None, health=None)
    row = (await session.execute(select(deliveries).where(deliveries.c.id == stale.id))).one()
    assert row.status == "pending" and row.last_error is None  # the stale worker changed nothing
    assert await delivery_repository.record_attempt(session, fresh, outcome(ok=True, status_code=204, error=None),
        retry_in_s=None, health=None)
    assert (await session.execute(select(deliveries.c.status).where(deliveries.c.id == stale.id))).scalar() \
        == "succeeded"


async def test_unsubscribing_cancels_pending_retries_and_refuses_replays(session: AsyncSession) -> None:
    sub = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.raise_alert(session, alert(article="art_unsub"))
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    await delivery_repository.record_attempt(session, d, outcome(ok=False, status_code=500, error="boom"),
        retry_in_s=0, health=None)
    assert await repository.deactivate_subscription(session, sub)
    row = (await session.execute(select(deliveries).where(deliveries.c.id == d.id))).one()
    assert row.status == "cancelled" and row.last_error == "subscription deleted"
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []
    assert await repository.replay_delivery(session, d.id) is repository.Replay.UNSUBSCRIBED
    assert await repository.replay_delivery(session, uuid.uuid4()) is repository.Replay.NOT_FOUND
    # a delivery row that reached an inactive subscription anyway (written by an older version) is not sent
    await repository.raise_alert(session, alert(article="art_unsub_2"))
    await session.execute(insert(deliveries).values(id=uuid.uuid4(), alert_id=uuid.UUID(
        alert(article="art_unsub_2").alert_id), subscription_id=sub))
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []


async def test_an_in_flight_delivery_is_not_replayed(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.raise_alert(session, alert(article="art_busy"))
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert await repository.replay_delivery(session, d.id) is repository.Replay.IN_FLIGHT


async def test_unreadable_stored_filters_do_not_stop_alerts(session: AsyncSession) -> None:
    good = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await session.execute(insert(subscriptions).values(id=uuid.uuid4(), url="http://127.0.0.1/b", secret="whsec_y",
                                                       filters={"kinds": ["spaceport"], "from_v0": 1}))
    assert await repository.raise_alert(session, alert(article="art_oldfilters"))
    rows = (await session.execute(select(deliveries.c.subscription_id))).scalars().all()
    assert rows == [good]


async def test_recover_reads_alerts_a_page_at_a_time(session: AsyncSession, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "PAGE", 3)
    for i in range(8):
        await repository.raise_alert(session, alert(article=f"art_page_{i}"))
    await repository.raise_alert(session, alert(facility_id="fac:sy-ghwayran-prison", kind="prison",
                                                article="art_page_prison"))
    sub = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters(kinds=["camp"]))
    since = min((await session.execute(select(alerts.c.created_at))).scalars().all())
    assert await repository.recover(session, sub, since) == 8
    assert await repository.recover(session, sub, since) == 0


async def test_stream_replay_pages_through_every_alert(session: AsyncSession, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repository, "PAGE", 2)  # stands for the 1,000 the replay used to stop at
    raised = [alert(article=f"art_sse_{i}") for i in range(7)]
    for a in raised:
        await repository.raise_alert(session, a)
    first_seq = await repository.alert_seq(session, uuid.UUID(raised[0].alert_id))
    sessions = async_sessionmaker(bind=session.bind, join_transaction_mode="create_savepoint")
    feed = AlertFeed("127.0.0.1:1")  # never started: only its client bookkeeping is used

    async def stop() -> bool:
        return True

    events = [e async for e in sse_events(Client(), feed, sessions, after_seq=first_seq, since=None, stop=stop)]
    ids = [line[4:] for e in events for line in e.splitlines() if line.startswith("id: ")]
    assert ids == [a.alert_id for a in raised[1:]]


async def test_alert_sequence_numbers_follow_commit_order(database_url: str) -> None:
    """With two replicas, an alert inserted first but committed last must not get a lower number than one a
    reader has already seen (a reconnecting SSE client would skip it)."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    first, second = alert(article=f"art_order_{uuid.uuid4()}"), alert(article=f"art_order_{uuid.uuid4()}")
    try:
        async with unit_of_work(sessions) as tx_a:
            await repository.raise_alert(tx_a, first)
            other = asyncio.create_task(_raise_in_own_transaction(sessions, second))
            await asyncio.sleep(1.0)
            assert not other.done(), "a second alert transaction went ahead of an uncommitted first one"
        await asyncio.wait_for(other, 10)
        async with sessions() as s:
            seq_a = await repository.alert_seq(s, uuid.UUID(first.alert_id))
            seq_b = await repository.alert_seq(s, uuid.UUID(second.alert_id))
        assert seq_a is not None and seq_b is not None and seq_a < seq_b
    finally:
        async with unit_of_work(sessions) as s:
            ids = [uuid.UUID(first.alert_id), uuid.UUID(second.alert_id)]
            await s.execute(delete(alerts).where(alerts.c.id.in_(ids)))
            keys = [first.article.id.encode(), second.article.id.encode()]
            await s.execute(delete(outbox).where(outbox.c.key.in_(keys)))
        await engine.dispose()


async def _raise_in_own_transaction(sessions: async_sessionmaker[AsyncSession], event: object) -> None:
    async with unit_of_work(sessions) as s:
        await repository.raise_alert(s, event)  # type: ignore[arg-type]


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


async def test_an_alert_with_nul_or_lone_surrogates_is_stored_cleaned(session: AsyncSession) -> None:
    """PostgreSQL text and jsonb hold neither; an enriched event from any producer may carry them."""
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    poison = alert(article="art_nul\x00").model_copy(update={"excerpt": "al-Hol\x00 camp \ud800 fire"})
    assert await repository.raise_alert(session, poison)
    row = (await session.execute(select(alerts).where(alerts.c.id == uuid.UUID(poison.alert_id)))).one()
    assert row.article_id == "art_nul" and row.payload["excerpt"] == "al-Hol camp \ufffd fire"
    assert len((await session.execute(select(deliveries))).all()) == 1
