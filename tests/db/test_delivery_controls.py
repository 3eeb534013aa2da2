"""The delivery claim is fair and obeys each subscription's state (disabled, breaker open or probing, busy in
this worker); attempts are logged per delivery, subscription and alert; secret rotation keeps two secrets for
the overlap; API keys list without material and revoke."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import delivery_repository as store
from services.alert import repository, subscription_repository
from services.alert.delivery import Policy, health_after
from services.alert.models import subscriptions
from services.alert.rules import Filters
from shared import auth
from tests.db.incident_support import open_and_notify
from tests.db.test_alert_repository import outcome

pytestmark = pytest.mark.db


async def _sub(session: AsyncSession, name: str) -> uuid.UUID:
    return await repository.create_subscription(session, f"http://127.0.0.1/{name}", "whsec_" + name, Filters())


async def test_one_subscription_cannot_fill_a_claim(session: AsyncSession) -> None:
    dead = await _sub(session, "dead")
    for i in range(10):
        await open_and_notify(session, facility_id=f"fac:test-fair-{i}")
    healthy = await _sub(session, "healthy")  # subscribed later: its one delivery is due after all of dead's
    await open_and_notify(session, facility_id="fac:test-fair-late")
    claimed = await store.claim_due_deliveries(session, 6, 60, per_subscription=3)
    by_sub = [d.subscription_id for d in claimed]
    assert by_sub.count(dead) == 3 and by_sub.count(healthy) == 1


async def test_disabled_busy_and_open_breaker_subscriptions_are_not_claimed(session: AsyncSession) -> None:
    paused, busy, broken, probing = [await _sub(session, n) for n in ("paused", "busy", "broken", "probing")]
    for i in range(3):
        await open_and_notify(session, facility_id=f"fac:test-state-{i}")
    now = datetime.now(UTC)
    await subscription_repository.update_subscription(session, paused, {"enabled": False})
    await session.execute(update(subscriptions).where(subscriptions.c.id == broken).values(
        consecutive_failures=9, circuit_open_until=now + timedelta(minutes=1)))
    await session.execute(update(subscriptions).where(subscriptions.c.id == probing).values(
        consecutive_failures=9, circuit_open_until=now - timedelta(seconds=1)))
    claimed = await store.claim_due_deliveries(session, 50, 60, busy=frozenset({busy}), breaker_failures=5)
    assert [(d.subscription_id, d.probing) for d in claimed] == [(probing, True)]  # one probe at a time
    row = await subscription_repository.get_subscription(session, paused)
    assert row is not None and not row["enabled"] and row["disabled_reason"] == "disabled by its owner"
    await subscription_repository.update_subscription(session, paused, {"enabled": True})
    # (the worker holds a probing subscription busy while its probe is in flight; here nobody does)
    assert {d.subscription_id for d in await store.claim_due_deliveries(session, 50, 60)} == {paused, busy, probing}


async def test_attempts_are_logged_and_health_recorded(session: AsyncSession) -> None:
    sub = await _sub(session, "log")
    alert_id = await open_and_notify(session, facility_id="fac:test-log")
    (d,) = await store.claim_due_deliveries(session, 10, 60)
    policy = Policy(breaker_failures=1)
    state = await store.subscription_health(session, sub)
    assert state is not None
    gone = outcome(ok=False, status_code=410, error="receiver answered HTTP 410")
    health = health_after(state, gone, policy, datetime.now(UTC))
    assert await store.record_attempt(session, d, gone, retry_in_s=None, health=health)
    (logged,) = await store.list_attempts(session, limit=10, alert_id=alert_id)
    assert logged["status_code"] == 410 and logged["latency_ms"] == 12.5 and logged["response"] == "answer"
    assert logged["delivery_id"] == d.id and logged["subscription_id"] == sub and logged["attempt"] == 1
    assert await store.list_attempts(session, limit=10, subscription_id=sub) == [logged]
    assert await store.list_attempts(session, limit=10, subscription_id=uuid.uuid4()) == []
    row = await subscription_repository.get_subscription(session, sub)
    assert row is not None and row["enabled"] is False and "410 Gone" in row["disabled_reason"]
    assert row["consecutive_failures"] == 1 and row["circuit_open_until"] is not None


async def test_release_gives_a_claim_back_without_spending_an_attempt(session: AsyncSession) -> None:
    await _sub(session, "rate")
    await open_and_notify(session, facility_id="fac:test-rate")
    (d,) = await store.claim_due_deliveries(session, 10, 60)
    await store.release(session, d, 0.0)
    (again,) = await store.claim_due_deliveries(session, 10, 60)
    assert again.id == d.id and again.attempts == d.attempts == 1


async def test_rotation_keeps_the_old_secret_for_the_overlap_only(session: AsyncSession) -> None:
    sub = await _sub(session, "rot")
    await open_and_notify(session, facility_id="fac:test-rot")
    until = await subscription_repository.rotate_secret(session, sub, "whsec_new", 3600)
    assert until is not None and until > datetime.now(UTC) + timedelta(minutes=59)
    (d,) = await store.claim_due_deliveries(session, 10, 60)
    assert d.secrets == ["whsec_new", "whsec_rot"]
    shown = (await subscription_repository.list_subscriptions(session))[-1]
    assert "secret" not in shown and "previous_secret" not in shown and shown["previous_secret_expires_at"]
    await session.execute(update(subscriptions).where(subscriptions.c.id == sub).values(
        previous_secret_expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    await store.release(session, d, 0.0)
    (d2,) = await store.claim_due_deliveries(session, 10, 60)
    assert d2.secrets == ["whsec_new"]
    assert await subscription_repository.rotate_secret(session, uuid.uuid4(), "whsec_x", 1) is None


async def test_api_keys_list_without_material_and_revoke(session: AsyncSession) -> None:
    key = auth.new_key()
    key_id = await auth.register(session, key, "ops", ["read"])
    listed = [k for k in await auth.list_keys(session) if k["id"] == key_id]
    assert listed and set(listed[0]) == {"id", "name", "scopes", "created_at", "revoked_at"}
    assert await auth.scopes_for(session, key) == {"read"}
    assert await auth.revoke(session, key_id)
    assert await auth.scopes_for(session, key) is None
    first = (await session.execute(select(auth.api_keys.c.revoked_at).where(auth.api_keys.c.id == key_id))).scalar()
    assert await auth.revoke(session, key_id) and not await auth.revoke(session, uuid.uuid4())
    assert (await session.execute(select(auth.api_keys.c.revoked_at).where(
        auth.api_keys.c.id == key_id))).scalar() == first
