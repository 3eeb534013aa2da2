"""The delivery worker records the attempts that finished together, one transaction per batch: the outcome is
the same as recording each on its own in the order they finished (the delivery rows, the attempt log, each
subscription's failure streak, breaker and disabling, what the worker is told), also when one subscription's
failures and successes alternate in a batch or one delivery's lease was taken over."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import delivery_repository as store
from services.alert import repository
from services.alert.delivery import DeliveryWorker, Policy, health_after
from services.alert.models import deliveries, delivery_attempts, subscriptions
from services.alert.rules import Filters
from shared.db import unit_of_work
from tests.db.incident_support import open_and_notify
from tests.db.test_alert_incident_batch import in_rolled_back_transaction
from tests.db.test_alert_repository import outcome

pytestmark = pytest.mark.db
POLICY = Policy(breaker_failures=2, disable_after_s=3600)


async def one_by_one(sessions: async_sessionmaker[AsyncSession], batch: list[tuple[Any, Any, Any]]) -> list[Any]:
    """The worker's recording as it was: a transaction per attempt."""
    out = []
    for d, o, retry_in in batch:
        async with unit_of_work(sessions) as session:
            state = {} if o.ok else await store.subscription_health(session, d.subscription_id)
            health = health_after(state, o, POLICY, datetime.now(UTC)) if state is not None else None
            out.append((await store.record_attempt(session, d, o, retry_in_s=retry_in, health=health), health))
    return out


def shape(h: Any) -> Any:
    """A Health without its times (now() differs between the runs)."""
    return None if h is None else ({k: (v if isinstance(v, int | bool) or v is None else "set")
                                    for k, v in h.values.items()}, h.disabled_reason is not None)


async def run(s: AsyncSession, seed: int, batched: bool) -> tuple[list[Any], dict[str, Any]]:
    subs = [await repository.create_subscription(s, f"http://127.0.0.1/{i}", "whsec_x", Filters()) for i in range(3)]
    await s.execute(update(subscriptions).where(subscriptions.c.id == subs[2]).values(
        consecutive_failures=1, failing_since=datetime(2026, 1, 1, tzinfo=UTC)))
    for i in range(8):
        await open_and_notify(s, facility_id=f"fac:test-rec-{i}")
    claimed = sorted(await store.claim_due_deliveries(s, 100, 60, per_subscription=100),
                     key=lambda d: (d.url, d.notice["incident"]["facility_id"]))  # type: ignore[index]
    named = {d.id: (d.url, d.notice["incident"]["facility_id"]) for d in claimed}  # type: ignore[index]
    rng = random.Random(seed)
    rng.shuffle(claimed)
    choices = [outcome(ok=True, status_code=200, error=None), outcome(ok=True, status_code=204, error=None),
               outcome(ok=False, status_code=500, error="receiver answered HTTP 500"),
               outcome(ok=False, status_code=410, error="receiver answered HTTP 410")]
    batch = [(d, rng.choice(choices), rng.choice([None, 5.0])) for d in claimed]
    # one delivery's lease taken over by another worker since
    await s.execute(update(deliveries).where(deliveries.c.id == claimed[0].id).values(attempts=9))
    before = datetime.now(UTC)
    sessions = async_sessionmaker(bind=s.bind, join_transaction_mode="create_savepoint", expire_on_commit=False)
    if batched:
        worker = DeliveryWorker(sessions, POLICY)
        got = await worker.recorder.record_batch(batch)
        await worker.client.aclose()
    else:
        got = await one_by_one(sessions, batch)
    order = {sid: i for i, sid in enumerate(subs)}
    sub_rows = [(order[r.id], r.consecutive_failures, r.failing_since is not None, r.circuit_open_until is not None,
                 r.last_success_at is not None, r.disabled_at is not None, r.enabled, r.disabled_reason is not None)
                for r in (await s.execute(select(subscriptions)))]
    rows = {
        "subscriptions": sorted(sub_rows),
        "deliveries": sorted((named[r.id], r.status, r.attempts, r.last_status_code, r.last_error,
                              r.lease_until is None,
                              r.delivered_at is not None, r.next_attempt_at > before + timedelta(seconds=2))
                             for r in (await s.execute(select(deliveries)))),
        "attempts": [(named[r.delivery_id], r.attempt, r.status_code, r.error) for r in (await s.execute(
            select(delivery_attempts).order_by(delivery_attempts.c.id)))],
    }
    return [(rec, shape(h)) for rec, h in got], rows


@pytest.mark.parametrize("seed", range(4))
async def test_a_batch_is_recorded_as_one_attempt_after_another(database_url: str, seed: int) -> None:
    async def side(batched: bool) -> Any:
        return await in_rolled_back_transaction(database_url, lambda s: run(s, seed, batched))

    reference, batched = await side(False), await side(True)
    assert batched[0] == reference[0]
    assert batched[1] == reference[1]
    assert [r for r, _ in reference[0]].count(False) == 1  # the lease taken over: not recorded
    assert any(not enabled for *_, enabled, _ in reference[1]["subscriptions"])  # a 410 disabled one
