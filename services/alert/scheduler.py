"""The notice scheduler: looks at incidents whose `next_check_at` has come (FOR UPDATE SKIP LOCKED, so any
number of replicas share the work) and writes what is due — the first notice after group_wait once
corroborated, updates per group_interval, reminders per repeat_interval, auto-resolve after a quiet period —
or records that a silence covers the incident (no notice while it does)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import incident_repository as repo
from services.alert import incidents as inc
from services.alert import metrics
from services.alert import notice_repository as notice_repo
from services.alert import silence_repository as silence_repo
from services.alert.delivery_lease import Lease
from services.alert.incident_batch import Changes
from services.alert.models import alerts, deliveries, notices
from services.alert.notice import NoticeArticle
from services.alert.silences import Silence
from shared.db import BulkInsert, unit_of_work
from shared.polling import Poller
from shared.text import pg_clean

log = logging.getLogger(__name__)
BATCH = 50  # incidents per transaction: it holds the change lock, which consumers wait for (~30 ms for 50)


async def run_due(session: AsyncSession, now: datetime, limit: int = BATCH) -> tuple[int, int]:
    """Act on up to `limit` incidents that are due. -> (incidents looked at, notices written).

    One pass is played in memory incident after incident (the same steps, in the same order, as changing each
    row at once) and written at its end with a constant number of round trips: the notices' articles in one
    query, the subscriptions read once (FOR SHARE), then the notices, their deliveries, the incidents' rows and
    their change events one statement each. Sound because the pass holds the change lock (taken first)."""
    if not await repo.lock_changes_if_due(session, now):
        return 0, 0  # the common case: nothing due, and no lock taken
    rows = [dict(r) for r in (await session.execute(
        select(alerts).where(alerts.c.next_check_at <= now).order_by(alerts.c.next_check_at, alerts.c.seq)
        .limit(limit).with_for_update(skip_locked=True))).mappings()]
    if not rows:
        return 0, 0
    active = await silence_repo.list_silences(session, now, active_only=True)
    play = Changes(now, rows)
    wants: list[tuple[dict[str, Any], str, dict[str, object] | None]] = []
    for row in rows:
        _check(play, row, now, active, wants)
    if wants:
        await write_notices(session, wants, now)
    await play.write(session)
    return len(rows), len(wants)


async def play_due(session: AsyncSession, play: Changes, now: datetime
                   ) -> list[tuple[dict[str, Any], str, dict[str, object] | None]]:
    """The scheduler's pass over the incidents `play` changed that are due at `now` (an incident opened with
    group_wait 0 is: its first notice), played in the same transaction: what run_due would do right after the
    commit, without the hop. The caller holds the change lock (play_batch took it); it writes `play`, then
    write_notices(the wanted notices) -- the notices' incidents and articles must be stored first. Incidents due
    that `play` did not touch are the scheduler's, as before."""
    due = [row for i, row in play.rows.items()
           if i in play.dirty and row["next_check_at"] is not None and row["next_check_at"] <= now]
    if not due:
        return []
    new = {i: n for n, i in enumerate(play.new)}
    # as run_due orders them: by next_check_at, then seq (an opened incident's seq comes after every stored one)
    due.sort(key=lambda r: (r["next_check_at"], r["id"] in new, new.get(r["id"], r.get("seq") or 0)))
    active = await silence_repo.list_silences(session, now, active_only=True)
    wants: list[tuple[dict[str, Any], str, dict[str, object] | None]] = []
    for row in due:
        _check(play, row, now, active, wants)
    return wants


def _check(play: Changes, row: dict[str, Any], now: datetime, active: list[Silence],
           wants: list[tuple[dict[str, Any], str, dict[str, object] | None]]) -> None:
    for _ in range(3):  # e.g. auto-resolve, then the resolved notice
        # no active silence: none can cover it (the incident's snapshot, ~a pydantic model a step, not made)
        until = silence_repo.silence_end(active, repo.snapshot(row), now) if active else None
        if (until is not None) != row["silenced"]:
            row = play.record(row, "silenced" if until is not None else "unsilenced",
                              values={"silenced": until is not None},
                              changes={"silenced_until": until.isoformat() if until else None})
        p = inc.plan(repo.state_of(row, until), now)
        if p.action is None:
            play.set(row, {"next_check_at": p.next_check_at})
            return
        if p.action == "auto_resolve":
            quiet = timedelta(seconds=row["policy"].get("resolve_after") or 0)
            row = play.record(row, "resolved", values={
                "status": "resolved", "resolved_at": now, "group_key": None}, changes={
                "status": [row["status"], "resolved"], "reason": f"no new article for {quiet}"})
            continue
        changes = notice_repo.notice_changes(row, p.action)
        wants.append((dict(row), p.action, changes))  # the notice, as the incident is now: written at the end
        row = play.record(row, "notified", notice_kind=p.action, changes=changes,
                          values=notice_repo.notified(row, p.action, now))
        metrics.NOTICES.labels(p.action).inc()
    play.set(row, {"next_check_at": inc.plan(repo.state_of(row), now).next_check_at})


async def write_notices(session: AsyncSession, wants: list[tuple[dict[str, Any], str, dict[str, object] | None]],
                         now: datetime, known: dict[uuid.UUID, list[NoticeArticle]] | None = None,
                         inserts: BulkInsert | None = None, lease: Lease | None = None) -> int:
    """write_notice for each wanted notice, together. `known`: every article of some incidents (those a consumer
    batch just opened: Changes.articles_of_new), not read again. `inserts`: rows not written yet (Changes.write's),
    with which the notices and deliveries are written, in one statement, at the end; written first if an
    incident's articles must be read back. `lease`: the in-process delivery worker's offer: up to its capacity,
    the deliveries are written already leased to it (attempts 1, lease_until set, as a claim leaves them) and
    listed in `lease.leased`, for the caller to hand over after the commit (no claim query, no read-back); those
    of a subscription that is disabled, whose breaker is open or probing, are left to the claim. -> the
    deliveries queued."""
    known = known or {}
    arts: dict[int, list[NoticeArticle]] = {i: known[row["id"]][:notice_repo.FIRST_NOTICE_ARTICLES]
                                            for i, (row, kind, _) in enumerate(wants)
                                            if kind == "firing" and row["id"] in known}
    reads = [(i, (row["id"], row["notified_count"] if kind == "update" else 0))
             for i, (row, kind, _) in enumerate(wants) if kind in ("firing", "update") and i not in arts]
    inserts = inserts if inserts is not None else BulkInsert()
    if reads:
        await inserts.flush(session)  # the articles read back must be stored
    found = await notice_repo.articles_of_many(session, [r for _, r in reads])
    arts |= {i: a for (i, _), a in zip(reads, found, strict=True)}
    targets = None
    if lease is not None and lease.capacity > 0:
        targets = {r["id"]: r for r in await notice_repo.subscription_targets(session)}
        subs = [(i, r["filters"]) for i, r in targets.items()]
    else:
        subs = await notice_repo.active_subscriptions(session)
    written, queued = [], []
    for i, (row, kind, changes) in enumerate(wants):
        notice, _ = notice_repo.new_notice(row, kind, now, arts.get(i, []), changes)
        notice_id = uuid.UUID(notice.id)
        written.append({"id": notice_id, "alert_id": row["id"], "kind": kind,
                        "payload": pg_clean(notice.model_dump(mode="json")), "created_at": now})
        rows = [{"id": uuid.uuid4(), "alert_id": row["id"], "notice_id": notice_id, "subscription_id": sid}
                for sid in notice_repo.wanted(subs, notice.incident, row["confidence"])]
        if targets is not None and lease is not None:
            payload = written[-1]["payload"]
            for r in rows:
                lease.offer(r, targets[r["subscription_id"]], payload)
        queued += rows
    inserts.add(notices, written)
    inserts.add(deliveries, queued, skip_conflicts=True)
    await inserts.flush(session)
    return len(queued)


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
