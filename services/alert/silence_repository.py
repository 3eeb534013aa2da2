"""Silence persistence. Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.incident_repository import lock_changes
from services.alert.models import alerts, silences
from services.alert.notice import NoticeIncident
from services.alert.silences import Matcher, Silence, SilenceIn, silenced_until, state


async def create_silence(session: AsyncSession, body: SilenceIn, now: datetime) -> uuid.UUID:
    sid = uuid.uuid4()
    await session.execute(insert(silences).values(
        id=sid, matchers=[m.model_dump() for m in body.matchers], starts_at=body.starts_at or now,
        ends_at=body.ends_at, comment=body.comment, created_by=body.created_by, created_at=now))
    await _recheck_open(session, now)
    return sid


async def _recheck_open(session: AsyncSession, now: datetime) -> None:
    """Open incidents are looked at again by the scheduler: a silence may cover (or uncover) them. Under the
    change lock: this locks many incident rows, which a consumer holding one of them must not wait for."""
    await lock_changes(session)
    await session.execute(update(alerts).where(alerts.c.status != "resolved", alerts.c.rule != "legacy")
                          .values(next_check_at=now))


def _silence(r: RowMapping, now: datetime) -> Silence:
    return Silence(id=r["id"], matchers=[Matcher.model_validate(m) for m in r["matchers"]], starts_at=r["starts_at"],
                   ends_at=r["ends_at"], comment=r["comment"], created_by=r["created_by"], created_at=r["created_at"],
                   state=state(r["starts_at"], r["ends_at"], now))


async def list_silences(session: AsyncSession, now: datetime, *, active_only: bool = False) -> list[Silence]:
    q = select(silences)
    if active_only:
        q = q.where(silences.c.starts_at <= now, silences.c.ends_at > now)
    rows = (await session.execute(q.order_by(silences.c.created_at.desc()).limit(1000))).mappings()
    return [_silence(r, now) for r in rows]


async def expire_silence(session: AsyncSession, sid: uuid.UUID, now: datetime) -> bool:
    r = (await session.execute(update(silences).where(silences.c.id == sid).values(
        ends_at=func.least(silences.c.ends_at, now), expired_at=func.coalesce(silences.c.expired_at, now))
        .returning(silences.c.id))).first()
    if r is not None:
        await _recheck_open(session, now)
    return r is not None


def silence_end(active: list[Silence], incident: NoticeIncident, now: datetime) -> datetime | None:
    return silenced_until(active, incident, now)
