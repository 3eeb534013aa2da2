from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import delivery_repository, repository
from services.alert import notice_repository as notice_repo
from services.alert.models import deliveries, outbox
from services.alert.rules import Filters
from services.alert.transport import Outcome
from tests.db.incident_support import enriched, ingest, open_and_notify

pytestmark = pytest.mark.db


def outcome(*, ok: bool, status_code: int | None, error: str | None) -> Outcome:
    return Outcome(datetime.now(UTC), 12.5, status_code, error, None, "answer" if status_code else None)


async def count(session: AsyncSession, table) -> int:
    return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_an_incident_is_idempotent_and_fans_out_to_matching_subscriptions(session: AsyncSession) -> None:
    everything = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.create_subscription(session, "http://127.0.0.1/b", "whsec_y", Filters(kinds=["prison"]))
    event = enriched(facility_id="fac:sy-al-hol-camp", event_types=("humanitarian",))
    now = datetime.now(UTC)
    (first,) = await ingest(session, event, now)
    assert first is not None and first[1] is True
    assert await ingest(session, event, now) == [None]  # a re-delivered message
    from services.alert.scheduler import run_due
    await run_due(session, now)
    rows = (await session.execute(select(deliveries))).all()
    assert [r.subscription_id for r in rows] == [everything]
    assert await count(session, outbox) == 2  # opened, notified


async def test_claim_leases_due_deliveries_once(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await open_and_notify(session, facility_id="fac:sy-al-hol-camp")
    claimed = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert len(claimed) == 1 and claimed[0].attempts == 1 and claimed[0].url == "http://127.0.0.1/a"
    assert (claimed[0].notice or {})["incident"]["facility_id"] == "fac:sy-al-hol-camp"
    assert (claimed[0].notice or {})["kind"] == "firing" and claimed[0].alert is None
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []  # leased


async def test_failed_attempt_is_rescheduled_then_gives_up(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await open_and_notify(session)
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert await delivery_repository.record_attempt(
        session, d, outcome(ok=False, status_code=500, error="boom"), retry_in_s=0, health=None)
    (again,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert again.id == d.id and again.attempts == 2
    assert await delivery_repository.record_attempt(
        session, again, outcome(ok=False, status_code=500, error="boom"), retry_in_s=None, health=None)
    (log,) = await repository.list_deliveries(session, limit=10, subscription_id=None, status="failed")
    assert log["attempts"] == 2 and log["last_error"] == "boom" and log["notice_id"] is not None
    assert await repository.replay_delivery(session, d.id) is repository.Replay.QUEUED
    assert len(await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)) == 1


async def test_alert_status_changes(session: AsyncSession) -> None:
    alert_id = await open_and_notify(session)
    now = datetime.now(UTC)
    assert await notice_repo.set_status(session, alert_id, "acknowledged", now, [])
    (row,) = await repository.list_alerts(session, limit=5, before=None, status="acknowledged", facility_id=None)
    assert row["id"] == alert_id and row["acknowledged_at"] == now
    assert await repository.list_alerts(session, limit=5, before=None, status=None, facility_id=None,
                                        severity="info") == []
    assert await notice_repo.set_status(session, uuid.uuid4(), "resolved", now, []) is None


async def test_the_change_lock_is_taken_by_the_due_check_only_when_an_incident_is_due(session: AsyncSession) -> None:
    """The scheduler's first statement both looks for a due incident and takes the change lock: no lock when
    nothing is due (the common, idle case)."""
    from sqlalchemy import text

    from services.alert.incident_repository import lock_changes_if_due

    held = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
    now = datetime.now(UTC)
    assert await lock_changes_if_due(session, now) is False
    assert await session.scalar(held) == 0
    await ingest(session, enriched(facility_id="fac:sy-al-hol-camp"), now)
    await ingest(session, enriched(facility_id="fac:sy-roj-camp", article_id="art_2"), now)
    assert await lock_changes_if_due(session, now) is True  # (the ingest took the lock too: re-entrant)
    assert await lock_changes_if_due(session, datetime(2000, 1, 1, tzinfo=UTC)) is False  # none due then
