"""Subscriptions as their owners see and change them. Flushes; never commits."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.models import subscriptions

_SHOWN = (subscriptions.c.id, subscriptions.c.url, subscriptions.c.filters, subscriptions.c.format,
          subscriptions.c.routing_key, subscriptions.c.active, subscriptions.c.enabled,
          subscriptions.c.disabled_reason, subscriptions.c.disabled_at, subscriptions.c.created_at,
          subscriptions.c.consecutive_failures, subscriptions.c.failing_since, subscriptions.c.last_success_at,
          subscriptions.c.circuit_open_until, subscriptions.c.rate_limit_per_s,
          subscriptions.c.previous_secret_expires_at)


def _shown(row: Any) -> dict[str, Any]:
    out = dict(row)
    key = out.pop("routing_key")
    out["routing_key_hint"] = f"…{key[-4:]}" if key else None  # a credential: never shown whole
    expires = out.pop("previous_secret_expires_at")
    out["previous_secret_expires_at"] = expires if expires and expires > datetime.now(UTC) else None
    return out


async def list_subscriptions(session: AsyncSession) -> list[dict[str, Any]]:
    rows = await session.execute(select(*_SHOWN).order_by(subscriptions.c.created_at))
    return [_shown(r) for r in rows.mappings()]


async def get_subscription(session: AsyncSession, sub_id: uuid.UUID, *, for_update: bool = False
                           ) -> dict[str, Any] | None:
    """Its shown fields plus `secret`, `previous_secret` (while the overlap lasts) and the whole `routing_key`,
    for the caller that sends to it (None if there is no such subscription or it was deleted)."""
    q = select(*_SHOWN, subscriptions.c.secret, subscriptions.c.previous_secret).where(
        subscriptions.c.id == sub_id, subscriptions.c.active)
    row = (await session.execute(q.with_for_update() if for_update else q)).mappings().first()
    if row is None:
        return None
    out = _shown(row)
    out["routing_key"] = row["routing_key"]
    if out["previous_secret_expires_at"] is None:
        out["previous_secret"] = None
    return out


async def update_subscription(session: AsyncSession, sub_id: uuid.UUID, values: dict[str, Any]) -> bool:
    """Apply the owner's changes. Enabling clears the disabled reason, the failure streak and the breaker
    (the owner says the endpoint is fixed); disabling records the owner as the reason."""
    values = dict(values)
    if values.get("enabled") is True:
        values |= {"disabled_reason": None, "disabled_at": None, "consecutive_failures": 0,
                   "failing_since": None, "circuit_open_until": None}
    elif values.get("enabled") is False:
        values |= {"disabled_reason": "disabled by its owner", "disabled_at": datetime.now(UTC)}
    if not values:
        return await get_subscription(session, sub_id) is not None
    result = await session.execute(update(subscriptions).where(
        subscriptions.c.id == sub_id, subscriptions.c.active).values(**values).returning(subscriptions.c.id))
    return result.scalar() is not None


async def rotate_secret(session: AsyncSession, sub_id: uuid.UUID, new_secret: str, overlap_s: float
                        ) -> datetime | None:
    """The new secret signs from now on; the one it replaces signs too until the returned time. -> None if
    there is no such subscription. A rotation during an overlap ends the older overlap (two secrets at most)."""
    until = datetime.now(UTC) + timedelta(seconds=overlap_s)
    result = await session.execute(update(subscriptions).where(
        subscriptions.c.id == sub_id, subscriptions.c.active
    ).values(previous_secret=subscriptions.c.secret, previous_secret_expires_at=until, secret=new_secret)
        .returning(subscriptions.c.id))
    return until if result.scalar() is not None else None
