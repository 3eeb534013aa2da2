"""Alert persistence. Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, func, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.models import alerts, deliveries, incident_events, notices, subscriptions
from services.alert.notice import Notice
from services.alert.rules import Filters, matches

SOURCE = "/raqib/alert"
PAGE = 500  # rows per round trip where a read may be long (recover, stream replay)
log = logging.getLogger(__name__)


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
                      facility_id: str | None, severity: str | None = None, kind: str | None = None,
                      rule: str | None = None, silenced: bool | None = None) -> list[dict[str, Any]]:
    conds = []
    for col, value in ((alerts.c.severity, severity), (alerts.c.kind, kind), (alerts.c.rule, rule),
                       (alerts.c.silenced, silenced)):
        if value is not None:
            conds.append(col == value)
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


async def last_event_seq(session: AsyncSession) -> int:
    """The number of the newest committed incident change (0 if none)."""
    return int(await session.scalar(select(func.coalesce(func.max(incident_events.c.seq), 0))) or 0)


async def events_page(session: AsyncSession, *, after_seq: int | None, since: datetime | None,
                      limit: int = PAGE) -> list[dict[str, Any]]:
    """One page of incident changes (seq, payload: the AlertChanged), oldest first: after change number
    `after_seq`, else since `since`. Change numbers follow commit order, so paging by them skips nothing."""
    if after_seq is not None:
        cond = incident_events.c.seq > after_seq
    elif since is not None:
        cond = incident_events.c.created_at > since
    else:
        return []
    q = select(incident_events.c.seq, incident_events.c.payload).where(cond).order_by(incident_events.c.seq)
    return [dict(r) for r in (await session.execute(q.limit(limit))).mappings()]


async def recover(session: AsyncSession, sub_id: uuid.UUID, since: datetime) -> int | None:
    """Queue for delivery every notice since `since` whose incident matches the subscription's filters and that
    has not been delivered to it: new delivery rows for notices it never got, failed ones back to pending.
    Reads the notices a page at a time. -> how many deliveries were queued, or None if there is no such active
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
        wanted = [(r.id, r.alert_id) for r in page if _wants(filters, r.payload)]
        if wanted:
            queued += await _queue(session, sub_id, wanted)
    return queued


def _wants(filters: Filters, payload: dict[str, Any]) -> bool:
    try:
        notice = Notice.model_validate(payload)
    except ValidationError:
        return False
    return notice.kind != "test" and not notice.incident.silenced and matches(filters, notice.incident)


async def _pages_since(session: AsyncSession, since: datetime) -> AsyncIterator[Sequence[Any]]:
    """Notices written at or after `since`, oldest first, PAGE rows per query (keyset on (created_at, id))."""
    key: tuple[datetime, uuid.UUID] | None = None
    while True:
        q = select(notices.c.id, notices.c.alert_id, notices.c.created_at, notices.c.payload).where(
            notices.c.created_at >= since)
        if key is not None:
            q = q.where(tuple_(notices.c.created_at, notices.c.id) > tuple_(*key))
        rows = (await session.execute(q.order_by(notices.c.created_at, notices.c.id).limit(PAGE))).all()
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        key = (rows[-1].created_at, rows[-1].id)


async def _queue(session: AsyncSession, sub_id: uuid.UUID, wanted: list[tuple[uuid.UUID, uuid.UUID]]) -> int:
    created = (await session.execute(insert(deliveries).values(
        [{"id": uuid.uuid4(), "notice_id": nid, "alert_id": aid, "subscription_id": sub_id} for nid, aid in wanted]
    ).on_conflict_do_nothing().returning(deliveries.c.id))).all()
    retried = (await session.execute(update(deliveries).where(
        deliveries.c.subscription_id == sub_id, deliveries.c.notice_id.in_([n for n, _ in wanted]),
        deliveries.c.status == "failed"
    ).values(status="pending", next_attempt_at=datetime.now(UTC), lease_until=None).returning(deliveries.c.id))).all()
    return len(created) + len(retried)
