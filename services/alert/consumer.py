"""Wiring only: enriched articles in -> evaluate() -> alerts + deliveries + outbox, one transaction."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import metrics, repository
from services.alert.rules import evaluate
from shared.db import unit_of_work
from shared.events import AlertRaised, ArticleEnriched

_ALERT_NS = uuid.UUID("6f1c2b1e-5d0a-4c59-9a51-2a8f2b7c0d11")


class AlertHandler:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], wake: list[asyncio.Event]) -> None:
        self.sessions, self.wake = sessions, wake

    async def __call__(self, event: ArticleEnriched) -> None:
        decisions = evaluate(event)
        if not decisions:
            metrics.ARTICLES.inc()
            return
        a = event.annotation
        now = datetime.now(UTC)
        raised = []
        async with unit_of_work(self.sessions) as session:
            for d in decisions:
                alert = AlertRaised(
                    alert_id=str(uuid.uuid5(_ALERT_NS, d.fingerprint)), fingerprint=d.fingerprint,
                    article=event.article, facility=d.facility, places=a.places, actors=a.actors,
                    event_types=sorted({e.type for e in a.event_types}), event_date=a.event_date,
                    excerpt=d.excerpt, raised_at=now)
                if await repository.raise_alert(session, alert):
                    raised.append(alert)
        for alert in raised:
            metrics.ALERTS.labels(alert.facility.kind).inc()
        metrics.ARTICLES.inc()
        if raised:
            for event_ in self.wake:
                event_.set()
