"""The notice scheduler's pass as it was before it was batched (issue 12): incident after incident, each change
written at once (record_change, write_notice). tests/db/test_alert_incident_batch.py holds the batched pass
(services.alert.scheduler.run_due) to this one's outcome."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import incident_repository as repo
from services.alert import incidents as inc
from services.alert import notice_repository as notice_repo
from services.alert import silence_repository as silence_repo
from services.alert.models import alerts
from services.alert.scheduler import BATCH
from services.alert.silences import Silence


async def run_due(session: AsyncSession, now: datetime, limit: int = BATCH) -> tuple[int, int]:
    due = select(alerts.c.id).where(alerts.c.next_check_at <= now).limit(1)
    if (await session.execute(due)).first() is None:
        return 0, 0
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
        written += 1
    await repo._update(session, row["id"], {"next_check_at": inc.plan(repo.state_of(row), now).next_check_at})
    return written
