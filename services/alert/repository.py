"""Alert persistence. Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.models import alerts, deliveries, outbox, subscriptions
from services.alert.rules import Filters, matches
from shared import outbox as outbox_mod
from shared.events import AlertRaised
from shared.topics import ALERTS

SOURCE = "/raqib/alert"


async def raise_alert(session: AsyncSession, event: AlertRaised) -> bool:
    """Insert the alert, its deliveries to matching subscriptions and its outbox row, all or nothing.
    -> False if this fingerprint was already raised (a re-delivered message changes nothing)."""
    f = event.facility
    inserted = (await session.execute(insert(alerts).values(
        id=uuid.UUID(event.alert_id), fingerprint=event.fingerprint, article_id=event.article.id,
        facility_id=f.id, facility_name=f.canonical, kind=f.kind, country=f.country, lat=f.lat, lon=f.lon,
        payload=event.model_dump(mode="json"), created_at=event.raised_at,
    ).on_conflict_do_nothing(index_elements=[alerts.c.fingerprint]).returning(alerts.c.id))).scalar()
    if inserted is None:
        return False
    subs = (await session.execute(select(subscriptions.c.id, subscriptions.c.filters)
                                  .where(subscriptions.c.active))).all()
    wanted = [s.id for s in subs if matches(Filters.model_validate(s.filters), f)]
    if wanted:
        await session.execute(insert(deliveries).values(
            [{"id": uuid.uuid4(), "alert_id": inserted, "subscription_id": sid} for sid in wanted]
        ).on_conflict_do_nothing())
    await outbox_mod.add(session, outbox, ALERTS, event, SOURCE)
    return True


@dataclass(frozen=True)
class DueDelivery:
    id: uuid.UUID
    attempts: int
    url: str
    secret: str
    payload: dict[str, Any]


async def claim_due_deliveries(session: AsyncSession, limit: int, lease_s: int) -> list[DueDelivery]:
    """Lease up to `limit` due deliveries; safe with any number of workers in any number of replicas."""
    rows = (await session.execute(text("""
        WITH due AS (
            SELECT id FROM alert.deliveries
            WHERE status = 'pending' AND next_attempt_at <= clock_timestamp()
              AND (lease_until IS NULL OR lease_until < clock_timestamp())
            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
        UPDATE alert.deliveries d SET lease_until = clock_timestamp() + make_interval(secs => :lease),
                                      attempts = d.attempts + 1
        FROM due, alert.subscriptions s, alert.alerts a
        WHERE d.id = due.id AND s.id = d.subscription_id AND a.id = d.alert_id
        RETURNING d.id, d.attempts, s.url, s.secret, a.payload
    """), {"limit": limit, "lease": lease_s})).all()
    return [DueDelivery(r.id, r.attempts, r.url, r.secret, r.payload) for r in rows]


async def record_attempt(session: AsyncSession, delivery_id: uuid.UUID, *, ok: bool, status_code: int | None,
                         error: str | None, retry_in_s: float | None) -> None:
    now = datetime.now(UTC)
    values: dict[str, Any] = {"last_status_code": status_code, "last_error": error, "lease_until": None}
    if ok:
        values |= {"status": "succeeded", "delivered_at": now}
    elif retry_in_s is None:
        values |= {"status": "failed"}
    else:
        values |= {"next_attempt_at": now + timedelta(seconds=retry_in_s)}
    await session.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(**values))


async def create_subscription(session: AsyncSession, url: str, secret: str, filters: Filters) -> uuid.UUID:
    sub_id = uuid.uuid4()
    await session.execute(insert(subscriptions).values(
        id=sub_id, url=url, secret=secret, filters=filters.model_dump(exclude_none=True)))
    return sub_id


async def list_subscriptions(session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.execute(select(subscriptions.c.id, subscriptions.c.url, subscriptions.c.filters,
                                        subscriptions.c.active, subscriptions.c.created_at)
                                 .order_by(subscriptions.c.created_at))
    return [dict(r) for r in rows.mappings()]


async def deactivate_subscription(session: AsyncSession, sub_id: uuid.UUID) -> bool:
    result = await session.execute(update(subscriptions).where(subscriptions.c.id == sub_id)
                                   .values(active=False).returning(subscriptions.c.id))
    return result.scalar() is not None


async def list_alerts(session: AsyncSession, *, limit: int, before: datetime | None, status: str | None,
                      facility_id: str | None) -> list[dict[str, Any]]:
    conds = []
    if before is not None:
        conds.append(alerts.c.created_at < before)
    if status is not None:
        conds.append(alerts.c.status == status)
    if facility_id is not None:
        conds.append(alerts.c.facility_id == facility_id)
    q = select(alerts).where(and_(*conds)).order_by(alerts.c.created_at.desc()).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]


async def get_alert(session: AsyncSession, alert_id: uuid.UUID) -> dict[str, Any] | None:
    row = (await session.execute(select(alerts).where(alerts.c.id == alert_id))).mappings().first()
    return dict(row) if row else None


async def set_alert_status(session: AsyncSession, alert_id: uuid.UUID, status: str) -> bool:
    result = await session.execute(update(alerts).where(alerts.c.id == alert_id)
                                   .values(status=status).returning(alerts.c.id))
    return result.scalar() is not None


async def list_deliveries(session: AsyncSession, *, limit: int, subscription_id: uuid.UUID | None,
                          status: str | None) -> list[dict[str, Any]]:
    conds = []
    if subscription_id is not None:
        conds.append(deliveries.c.subscription_id == subscription_id)
    if status is not None:
        conds.append(deliveries.c.status == status)
    q = select(deliveries).where(and_(*conds)).order_by(deliveries.c.created_at.desc()).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]


async def replay_delivery(session: AsyncSession, delivery_id: uuid.UUID) -> bool:
    result = await session.execute(update(deliveries).where(and_(
        deliveries.c.id == delivery_id, or_(deliveries.c.status != "pending", deliveries.c.lease_until.is_(None))
    )).values(status="pending", next_attempt_at=datetime.now(UTC), lease_until=None).returning(deliveries.c.id))
    return result.scalar() is not None


async def alerts_after(session: AsyncSession, *, after_id: uuid.UUID | None, since: datetime | None,
                       limit: int = 1000) -> list[dict[str, Any]]:
    """Alert payloads raised after the alert `after_id` (SSE Last-Event-ID) or since `since`, oldest first."""
    anchor = None
    if after_id is not None:
        anchor = (await session.execute(select(alerts.c.seq).where(alerts.c.id == after_id))).scalar()
    if anchor is not None:
        cond = alerts.c.seq > anchor
    elif since is not None:
        cond = alerts.c.created_at > since
    else:
        return []
    q = select(alerts.c.id, alerts.c.payload).where(cond).order_by(alerts.c.seq).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]


async def recover(session: AsyncSession, sub_id: uuid.UUID, since: datetime) -> int | None:
    """Queue for delivery every alert since `since` that matches the subscription's filters and has not
    been delivered to it: new delivery rows for alerts it never got, failed ones back to pending.
    -> how many deliveries were queued, or None if there is no such active subscription."""
    sub = (await session.execute(select(subscriptions.c.filters).where(
        subscriptions.c.id == sub_id, subscriptions.c.active))).first()
    if sub is None:
        return None
    filters = Filters.model_validate(sub.filters)
    rows = (await session.execute(select(alerts.c.id, alerts.c.payload).where(alerts.c.created_at >= since))).all()
    wanted = [r.id for r in rows if matches(filters, AlertRaised.model_validate(r.payload).facility)]
    if not wanted:
        return 0
    now = datetime.now(UTC)
    created = (await session.execute(insert(deliveries).values(
        [{"id": uuid.uuid4(), "alert_id": aid, "subscription_id": sub_id} for aid in wanted]
    ).on_conflict_do_nothing().returning(deliveries.c.id))).all()
    retried = (await session.execute(update(deliveries).where(
        deliveries.c.subscription_id == sub_id, deliveries.c.alert_id.in_(wanted), deliveries.c.status == "failed"
    ).values(status="pending", next_attempt_at=now, lease_until=None).returning(deliveries.c.id))).all()
    return len(created) + len(retried)
