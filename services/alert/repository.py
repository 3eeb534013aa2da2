"""Alert persistence. Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.models import alerts, deliveries, outbox, subscriptions
from services.alert.rules import Filters, matches
from shared import outbox as outbox_mod
from shared.events import AlertRaised
from shared.text import pg_clean
from shared.topics import ALERTS

SOURCE = "/raqib/alert"
PAGE = 500  # rows per round trip where a read may be long (recover, stream replay)
# Alert inserts take this transaction-scoped lock, so alert sequence numbers are handed out in commit order
# across replicas: a reader that has seen seq N can never later find a committed seq below N.
_ALERT_SEQ_LOCK = 0x7261716962  # "raqib"
log = logging.getLogger(__name__)


async def raise_alert(session: AsyncSession, event: AlertRaised) -> bool:
    """Insert the alert, its deliveries to matching subscriptions and its outbox row, all or nothing.
    -> False if this fingerprint was already raised (a re-delivered message changes nothing)."""
    # an enriched event from any producer may carry NUL or lone surrogates (text, excerpt, names), which
    # PostgreSQL cannot store: a poison alert would stop the consumer; stored and published cleaned
    event = AlertRaised.model_validate(pg_clean(event.model_dump(mode="json")))
    f = event.facility
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ALERT_SEQ_LOCK})
    inserted = (await session.execute(insert(alerts).values(
        id=uuid.UUID(event.alert_id), fingerprint=event.fingerprint, article_id=event.article.id,
        facility_id=f.id, facility_name=f.canonical, kind=f.kind, country=f.country, lat=f.lat, lon=f.lon,
        payload=event.model_dump(mode="json"), created_at=event.raised_at,
    ).on_conflict_do_nothing(index_elements=[alerts.c.fingerprint]).returning(alerts.c.id))).scalar()
    if inserted is None:
        return False
    # FOR SHARE: a concurrent unsubscribe waits for this commit and then cancels what it sees pending
    subs = (await session.execute(select(subscriptions.c.id, subscriptions.c.filters)
                                  .where(subscriptions.c.active).with_for_update(read=True))).all()
    wanted = [s.id for s in subs if (fs := stored_filters(s.id, s.filters)) is not None and matches(fs, f)]
    if wanted:
        await session.execute(insert(deliveries).values(
            [{"id": uuid.uuid4(), "alert_id": inserted, "subscription_id": sid} for sid in wanted]
        ).on_conflict_do_nothing())
    await outbox_mod.add(session, outbox, ALERTS, event, SOURCE)
    return True


def stored_filters(sub_id: uuid.UUID, raw: Any) -> Filters | None:
    """A subscription's stored filters; None (it matches nothing) if an older version stored filters this
    one cannot read: one subscription must not stop raising alerts for all."""
    try:
        return Filters.model_validate(raw)
    except ValidationError as exc:
        log.error("subscription has unreadable filters; it receives nothing until replaced",
                  extra={"subscription_id": str(sub_id), "error": str(exc)[:300]})
        return None


async def create_subscription(session: AsyncSession, url: str, secret: str, filters: Filters, *,
                              format: str = "standard", routing_key: str | None = None,
                              rate_limit_per_s: float | None = None) -> uuid.UUID:
    sub_id = uuid.uuid4()
    await session.execute(insert(subscriptions).values(
        id=sub_id, url=url, secret=secret, filters=filters.model_dump(exclude_none=True), format=format,
        routing_key=routing_key, rate_limit_per_s=rate_limit_per_s))
    return sub_id


async def deactivate_subscription(session: AsyncSession, sub_id: uuid.UUID) -> bool:
    """Deactivate it and cancel its pending deliveries (retries and replays included): nothing more is
    sent to it. -> False if there is no such subscription."""
    result = await session.execute(update(subscriptions).where(subscriptions.c.id == sub_id)
                                   .values(active=False).returning(subscriptions.c.id))
    if result.scalar() is None:
        return False
    await session.execute(update(deliveries).where(
        deliveries.c.subscription_id == sub_id, deliveries.c.status == "pending"
    ).values(status="cancelled", lease_until=None, last_error="subscription deleted"))
    return True


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
                          status: str | None, alert_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
    conds = []
    if alert_id is not None:
        conds.append(deliveries.c.alert_id == alert_id)
    if subscription_id is not None:
        conds.append(deliveries.c.subscription_id == subscription_id)
    if status is not None:
        conds.append(deliveries.c.status == status)
    q = select(deliveries).where(and_(*conds)).order_by(deliveries.c.created_at.desc()).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]


class Replay(enum.Enum):
    QUEUED = "queued"
    NOT_FOUND = "not found"
    IN_FLIGHT = "an attempt is under way"
    UNSUBSCRIBED = "its subscription was deleted"


async def replay_delivery(session: AsyncSession, delivery_id: uuid.UUID) -> Replay:
    row = (await session.execute(
        select(deliveries.c.status, deliveries.c.lease_until, subscriptions.c.active)
        .join(subscriptions, subscriptions.c.id == deliveries.c.subscription_id)
        .where(deliveries.c.id == delivery_id).with_for_update(of=deliveries))).first()
    if row is None:
        return Replay.NOT_FOUND
    if not row.active:
        return Replay.UNSUBSCRIBED
    if row.status == "pending" and row.lease_until is not None:
        return Replay.IN_FLIGHT
    await session.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
        status="pending", next_attempt_at=datetime.now(UTC), lease_until=None))
    return Replay.QUEUED


async def alert_seq(session: AsyncSession, alert_id: uuid.UUID) -> int | None:
    return (await session.execute(select(alerts.c.seq).where(alerts.c.id == alert_id))).scalar()


async def alerts_page(session: AsyncSession, *, after_seq: int | None, since: datetime | None,
                      limit: int = PAGE) -> list[dict[str, Any]]:
    """One page of alerts (id, seq, payload), oldest first: after sequence number `after_seq`, else raised
    since `since`. Sequence numbers follow commit order (see raise_alert), so paging by them skips nothing."""
    if after_seq is not None:
        cond = alerts.c.seq > after_seq
    elif since is not None:
        cond = alerts.c.created_at > since
    else:
        return []
    q = select(alerts.c.id, alerts.c.seq, alerts.c.payload).where(cond).order_by(alerts.c.seq).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]


async def recover(session: AsyncSession, sub_id: uuid.UUID, since: datetime) -> int | None:
    """Queue for delivery every alert since `since` that matches the subscription's filters and has not
    been delivered to it: new delivery rows for alerts it never got, failed ones back to pending. Reads
    the alerts a page at a time. -> how many deliveries were queued, or None if there is no such active
    subscription."""
    sub = (await session.execute(select(subscriptions.c.filters).where(
        subscriptions.c.id == sub_id, subscriptions.c.active))).first()
    if sub is None:
        return None
    filters = stored_filters(sub_id, sub.filters)
    if filters is None:
        return 0
    queued = 0
    async for page in _pages_since(session, since):
        wanted = [r.id for r in page if matches(filters, AlertRaised.model_validate(r.payload).facility)]
        if wanted:
            queued += await _queue(session, sub_id, wanted)
    return queued


async def _pages_since(session: AsyncSession, since: datetime) -> AsyncIterator[Sequence[Any]]:
    """Alerts raised at or after `since`, oldest first, PAGE rows per query (keyset on (created_at, id))."""
    key: tuple[datetime, uuid.UUID] | None = None
    while True:
        q = select(alerts.c.id, alerts.c.created_at, alerts.c.payload).where(alerts.c.created_at >= since)
        if key is not None:
            q = q.where(tuple_(alerts.c.created_at, alerts.c.id) > tuple_(*key))
        rows = (await session.execute(q.order_by(alerts.c.created_at, alerts.c.id).limit(PAGE))).all()
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        key = (rows[-1].created_at, rows[-1].id)


async def _queue(session: AsyncSession, sub_id: uuid.UUID, alert_ids: list[uuid.UUID]) -> int:
    created = (await session.execute(insert(deliveries).values(
        [{"id": uuid.uuid4(), "alert_id": aid, "subscription_id": sub_id} for aid in alert_ids]
    ).on_conflict_do_nothing().returning(deliveries.c.id))).all()
    retried = (await session.execute(update(deliveries).where(
        deliveries.c.subscription_id == sub_id, deliveries.c.alert_id.in_(alert_ids), deliveries.c.status == "failed"
    ).values(status="pending", next_attempt_at=datetime.now(UTC), lease_until=None).returning(deliveries.c.id))).all()
    return len(created) + len(retried)
