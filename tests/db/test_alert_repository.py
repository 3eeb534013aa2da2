from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import delivery_repository, repository
from services.alert.models import deliveries, outbox
from services.alert.rules import Filters, fingerprint
from services.alert.transport import Outcome
from shared.annotation import FacilityMention
from shared.events import AlertRaised, ArticleRef

pytestmark = pytest.mark.db


def alert(facility_id: str = "fac:sy-al-hol-camp", kind: str = "camp", article: str = "art_1") -> AlertRaised:
    fp = fingerprint(facility_id, article)
    return AlertRaised(
        alert_id=str(uuid.uuid5(uuid.NAMESPACE_URL, fp)), fingerprint=fp, article=ArticleRef(id=article),
        facility=FacilityMention(surface="x", start=0, end=1, id=facility_id, canonical=facility_id,
                                 confidence=0.9, country="SY", lat=36.4, lon=40.9, kind=kind),
        excerpt="x", raised_at=datetime.now(UTC))


def outcome(*, ok: bool, status_code: int | None, error: str | None) -> Outcome:
    return Outcome(datetime.now(UTC), 12.5, status_code, error, None, "answer" if status_code else None)


async def count(session: AsyncSession, table) -> int:
    return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_raise_is_idempotent_and_fans_out_to_matching_subscriptions(session: AsyncSession) -> None:
    everything = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.create_subscription(session, "http://127.0.0.1/b", "whsec_y", Filters(kinds=["prison"]))
    assert await repository.raise_alert(session, alert()) is True
    assert await repository.raise_alert(session, alert()) is False  # a re-delivered message
    rows = (await session.execute(select(deliveries))).all()
    assert [r.subscription_id for r in rows] == [everything]
    assert await count(session, outbox) == 1


async def test_claim_leases_due_deliveries_once(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.raise_alert(session, alert(article="art_claim"))
    claimed = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert len(claimed) == 1 and claimed[0].attempts == 1 and claimed[0].url == "http://127.0.0.1/a"
    assert (claimed[0].alert or {})["facility"]["id"] == "fac:sy-al-hol-camp"
    assert await delivery_repository.claim_due_deliveries(session, 10, lease_s=60) == []  # leased


async def test_failed_attempt_is_rescheduled_then_gives_up(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    await repository.raise_alert(session, alert(article="art_fail"))
    (d,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert await delivery_repository.record_attempt(session, d, outcome(ok=False, status_code=500, error="boom"),
        retry_in_s=0, health=None)
    (again,) = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert again.id == d.id and again.attempts == 2
    assert await delivery_repository.record_attempt(session, again, outcome(ok=False, status_code=500, error="boom"),
        retry_in_s=None, health=None)
    (log,) = await repository.list_deliveries(session, limit=10, subscription_id=None, status="failed")
    assert log["attempts"] == 2 and log["last_error"] == "boom"
    assert await repository.replay_delivery(session, d.id) is repository.Replay.QUEUED
    assert len(await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)) == 1


async def test_alert_status_changes(session: AsyncSession) -> None:
    a = alert(article="art_status")
    await repository.raise_alert(session, a)
    assert await repository.set_alert_status(session, uuid.UUID(a.alert_id), "acknowledged")
    (row,) = await repository.list_alerts(session, limit=5, before=None, status="acknowledged", facility_id=None)
    assert row["fingerprint"] == a.fingerprint
    assert not await repository.set_alert_status(session, uuid.uuid4(), "resolved")
