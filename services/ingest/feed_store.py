"""Feed persistence: the feeds, the poller's lease on them, and what each poll found. Flushes; never commits.

A replica claims due feeds by setting `lease_until` under `FOR UPDATE SKIP LOCKED` (so several replicas never
poll one feed at once) and records the poll only while it still holds that lease (the lease value is the
token): a replica that stalled past its lease cannot overwrite the newer poll of another."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest.models import articles, feeds

LEASE = timedelta(minutes=5)


async def create(session: AsyncSession, url: str, interval_s: int, lang: str | None,
                 source: str | None) -> tuple[uuid.UUID, bool]:
    """-> (id, created); a feed with this URL already there -> (its id, False)."""
    feed_id = uuid.uuid4()
    inserted = (await session.execute(insert(feeds).values(
        id=feed_id, url=url, interval_s=interval_s, lang=lang, source=source)
        .on_conflict_do_nothing(index_elements=[feeds.c.url]).returning(feeds.c.id))).scalar_one_or_none()
    if inserted is not None:
        return inserted, True
    return (await session.execute(select(feeds.c.id).where(feeds.c.url == url))).scalar_one(), False


async def get(session: AsyncSession, feed_id: uuid.UUID) -> dict[str, Any] | None:
    row = (await session.execute(select(feeds).where(feeds.c.id == feed_id))).mappings().first()
    return dict(row) if row else None


async def list_all(session: AsyncSession) -> list[dict[str, Any]]:
    return [dict(r) for r in (await session.execute(select(feeds).order_by(feeds.c.created_at))).mappings()]


async def change(session: AsyncSession, feed_id: uuid.UUID, values: dict[str, Any]) -> dict[str, Any] | None:
    if values:
        if "interval_s" in values or values.get("active"):
            values = {**values, "next_fetch_at": func.now(), "errors_in_row": 0}  # poll soon with the new setting
        await session.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))
    return await get(session, feed_id)


async def delete(session: AsyncSession, feed_id: uuid.UUID) -> bool:
    result = await session.execute(feeds.delete().where(feeds.c.id == feed_id))
    return bool(getattr(result, "rowcount", 0))


async def claim(session: AsyncSession, limit: int) -> list[Row[Any]]:
    """Lease up to `limit` due feeds to this replica."""
    due = (select(feeds.c.id).where(feeds.c.active, feeds.c.next_fetch_at <= func.now(),
                                    or_(feeds.c.lease_until.is_(None), feeds.c.lease_until < func.now()))
           .order_by(feeds.c.next_fetch_at).limit(limit).with_for_update(skip_locked=True))
    return list((await session.execute(
        update(feeds).where(feeds.c.id.in_(due.scalar_subquery())).values(lease_until=func.now() + LEASE)
        .returning(feeds.c.id, feeds.c.url, feeds.c.interval_s, feeds.c.lang, feeds.c.source, feeds.c.etag,
                   feeds.c.last_modified, feeds.c.errors_in_row, feeds.c.lease_until))).all())


async def record(session: AsyncSession, feed_id: uuid.UUID, lease: datetime, values: dict[str, Any],
                 counts: dict[str, int]) -> bool:
    """Store a poll's outcome and release the lease; False if the lease was lost (nothing written)."""
    increments = {k: getattr(feeds.c, k) + n for k, n in counts.items()}
    result = await session.execute(update(feeds).where(feeds.c.id == feed_id, feeds.c.lease_until == lease)
                                   .values(lease_until=None, last_fetch_at=func.now(), **values, **increments))
    return bool(getattr(result, "rowcount", 0))


async def known_urls(session: AsyncSession, canonical: list[str]) -> set[str]:
    """Which of these canonical URLs are stored already (their pages need no fetch)."""
    if not canonical:
        return set()
    rows = await session.execute(select(articles.c.canonical_url).where(articles.c.canonical_url.in_(canonical)))
    return {r[0] for r in rows}
