"""The notice scheduler: looks at incidents whose `next_check_at` has come (FOR UPDATE SKIP LOCKED, so any
number of replicas share the work) and writes what is due — the first notice after group_wait once
corroborated, updates per group_interval, reminders per repeat_interval, auto-resolve after a quiet period —
or records that a silence covers the incident (no notice while it does)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import incident_repository as repo
from services.alert import incidents as inc
from services.alert import metrics
from services.alert import notice_repository as notice_repo
from services.alert import silence_repository as silence_repo
from services.alert.models import alerts
from services.alert.silences import Silence
from shared.db import unit_of_work
from shared.polling import Poller

log = logging.getLogger(__name__)
BATCH = 20  # incidents per transaction: it holds the change lock, which consumers wait for


async def run_due(session: AsyncSession, now: datetime, limit: int = BATCH) -> tuple[int, int]:
    """Act on up to `limit` incidents that are due. -> (incidents looked at, notices written)."""
    due = select(alerts.c.id).where(alerts.c.next_check_at <= now).limit(1)
    if (await session.execute(due)).first() is None:
        return 0, 0  # the common case: nothing due, and no lock taken
    await repo.lock_changes(session)
    rows = (await session.execute(select(alerts).where(alerts.c.next_check_at <= now)
                                  .order_by(alerts.c.next_check_at, alerts.c.seq).limit(limit)
                                  .with_for_update(skip_locked=True))).mappings().all()
    if not rows:
        return 0, 0
    active = await silence_repo.list_silences(session, now, active_only=True)
    written = 0
    for row in rows:
        written += await _check(session, row, now, active)
    return len(rows), written


async def _check(session: AsyncSession, row: RowMapping, now: datetime, active: list[Silence]) -> int:
    written = 0
    for _ in range(3):  # e.g. auto-resolve, then the resolved notice
        until = silence_repo.silence_end(active, repo.snapshot(row), now)
        if (until is not None) != row["silenced"]:
            row = await repo.record_change(session, row, "silenced" if until is not None else "unsilenced", now,
                                           values={"silenced": until is not None},
                                           changes={"silenced_until": until.isoformat() if until else None})
        p = inc.plan(repo.state_of(row, until), now)
        if p.action is None:
            await repo._update(session, row["id"], {"next_check_at": p.next_check_at})
            return written
        if p.action == "auto_resolve":
            quiet = timedelta(seconds=row["policy"].get("resolve_after") or 0)
            row = await repo.record_change(session, row, "resolved", now, values={
                "status": "resolved", "resolved_at": now, "group_key": None}, changes={
                "status": [row["status"], "resolved"], "reason": f"no new article for {quiet}"})
            continue
        row, _, _ = await notice_repo.write_notice(session, row, p.action, now)
        metrics.NOTICES.labels(p.action).inc()
        written += 1
    await repo._update(session, row["id"], {"next_check_at": inc.plan(repo.state_of(row), now).next_check_at})
    return written


class NoticeScheduler(Poller):
    name = "notice scheduler"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, poll_s: float = 1.0,
                 clock: Callable[[], datetime] = repo.utcnow, on_notice: Callable[[], None] | None = None) -> None:
        super().__init__(poll_s)
        self.sessions, self.clock, self.on_notice = sessions, clock, on_notice

    async def step(self) -> bool:
        async with unit_of_work(self.sessions) as session:
            looked, _ = await run_due(session, self.clock())
        if looked and self.on_notice is not None:
            self.on_notice()  # after commit: the delivery worker and the outbox relay act now
        return looked == BATCH
