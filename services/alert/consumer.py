"""Wiring only: enriched articles in -> evaluate() -> the incidents they open or join (with their change events
in the outbox), one transaction; the notice scheduler is woken to write what became due."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import incident_repository as repo
from services.alert import metrics
from services.alert.incidents import evaluate, group_key
from services.alert.rules import RuleSet
from shared.db import unit_of_work
from shared.events import ArticleEnriched


class AlertHandler:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], wake: list[asyncio.Event], rules: RuleSet,
                 clock: Callable[[], datetime] = repo.utcnow) -> None:
        self.sessions, self.wake, self.rules, self.clock = sessions, wake, rules, clock

    async def __call__(self, event: ArticleEnriched) -> None:
        # an enriched event from any producer may carry NUL or lone surrogates, which PostgreSQL cannot store:
        # the repository cleans what it stores
        decisions = evaluate(event, self.rules)
        if not decisions:
            return
        now = self.clock()
        results = []
        spike = self.rules.spike
        async with unit_of_work(self.sessions) as session:
            await repo.lock_changes(session)  # before any incident row lock (see incident_repository._SEQ_LOCK)
            for d in decisions:
                joined = await repo.join(session, d, event.article, now)
                if joined is None:
                    continue  # a re-delivered message: already in its incident
                results.append((d.facility.kind, joined[1]))
                if spike is None:
                    continue
                if await repo.open_spike(session, group_key("spike", d.facility.id)):
                    await repo.join(session, d, event.article, now, kind="spike", rule=spike)
                    continue
                recent, baseline = await repo.spike_counts(session, d.facility.id, spike, now)
                if recent >= spike.min_count and recent >= spike.factor * baseline:
                    await repo.join(session, d, event.article, now, kind="spike", rule=spike, labels={
                        "spike_count": str(recent), "spike_baseline_per_window": f"{baseline:.2f}",
                        "spike_window_s": f"{spike.window:g}"})
        for kind, opened in results:  # after commit
            metrics.ARTICLES_JOINED.labels(kind).inc()
            if opened:
                metrics.ALERTS.labels(kind).inc()
        if results:
            for e in self.wake:
                e.set()
