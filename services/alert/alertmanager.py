"""Alertmanager push: with RAQIB_ALERTMANAGER_URL set, every open incident is posted to Alertmanager's
`/api/v2/alerts` (as Prometheus does) and re-posted while it fires, with an `endsAt` a few periods ahead, so
an incident Raqib stops reporting ends by itself; a resolved one is posted once more with its end. The labels
(`alertname="FacilityNamed"`, facility_id, facility, kind, country, severity, rule) are what routes, groups,
inhibits and silences it there."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import incident_repository as incident_repo
from services.alert import metrics
from services.alert import notice_repository as notice_repo
from services.alert.formats import am_annotations, am_labels
from services.alert.models import alerts, incident_articles
from services.alert.notice import Notice, NoticeArticle
from shared.polling import Poller

log = logging.getLogger(__name__)
BATCH = 500  # alerts per POST
TTL_PERIODS = 3  # a firing alert ends this many re-post periods after its last post, unless re-posted
RESOLVED_KEPT = timedelta(minutes=15)  # a resolved incident is posted (ended) for this long
MAX_PUSHED = 5 * BATCH
PushSource = Callable[[AsyncSession], Awaitable[list[Notice]]]


def push_alert(notice: Notice, now: datetime, ttl_s: float, public_url: str = "") -> dict[str, Any]:
    """One entry of the POST /api/v2/alerts body (postableAlert)."""
    inc = notice.incident
    ends = (inc.resolved_at or now) if inc.state == "resolved" else now + timedelta(seconds=ttl_s)
    return {"labels": am_labels(inc), "annotations": am_annotations(notice),
            "startsAt": inc.first_seen.isoformat(), "endsAt": ends.isoformat(),
            "generatorURL": f"{public_url.rstrip('/')}/v1/alerts/{inc.id}" if public_url else ""}


async def incident_source(session: AsyncSession) -> list[Notice]:
    """Incidents subscribers were told of (held ones wait for their corroboration; silenced ones are not
    delivered), open or resolved in the last RESOLVED_KEPT, each with its newest article, most recent first."""
    now = datetime.now(UTC)
    rows = (await session.execute(select(alerts).where(
        or_(alerts.c.status != "resolved", alerts.c.resolved_at >= now - RESOLVED_KEPT),
        alerts.c.notified_at.is_not(None), alerts.c.rule != "legacy", ~alerts.c.silenced,
    ).order_by(alerts.c.last_seen.desc()).limit(MAX_PUSHED))).mappings().all()
    if not rows:
        return []
    ranked = select(incident_articles, func.row_number().over(
        partition_by=incident_articles.c.alert_id, order_by=incident_articles.c.joined_at.desc()).label("rank")
    ).where(incident_articles.c.alert_id.in_([r["id"] for r in rows])).subquery()
    newest = {r.alert_id: r for r in (await session.execute(select(ranked).where(ranked.c.rank == 1))).all()}
    out = []
    for row in rows:
        incident = incident_repo.snapshot(row)
        a = newest.get(row["id"])
        arts = [] if a is None else [NoticeArticle(
            article_id=a.article_id, url=a.url, title=a.title, source=a.source, lang=a.lang,
            published_at=a.published_at, evidence=a.evidence, surface=a.surface, event_types=a.event_types,
            joined_at=a.joined_at)]
        kind = "resolved" if incident.state == "resolved" else "firing"
        out.append(Notice(id=f"am-{incident.id}", kind=kind, incident=incident, articles=arts,
                          summary=notice_repo.summary(incident, kind, arts), created_at=now))
    return out


class AlertmanagerPusher(Poller):
    """Posts the source's incidents every `repost_s` (and at once when woken: a new incident)."""

    name = "alertmanager push"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], url: str, *, repost_s: float = 60.0,
                 source: PushSource = incident_source, public_url: str = "", timeout_s: float = 10.0) -> None:
        super().__init__(repost_s)
        self.sessions, self.source, self.public_url = sessions, source, public_url
        self.endpoint = url.rstrip("/") + "/api/v2/alerts"
        self.ttl_s = TTL_PERIODS * repost_s
        self.client = httpx.AsyncClient(timeout=timeout_s)
        self.resolved_sent: set[str] = set()  # resolved incidents already ended there (by this replica)

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            await self.client.aclose()

    async def step(self) -> bool:
        async with self.sessions() as session:
            notices = await self.source(session)
        now = datetime.now(UTC)
        todo = [n for n in notices if n.incident.state != "resolved" or n.incident.id not in self.resolved_sent]
        body = [push_alert(n, now, self.ttl_s, self.public_url) for n in todo]
        for i in range(0, len(body), BATCH):
            if not await self._post(body[i:i + BATCH]):
                return False  # tried again at the next period
        # kept only while the source still lists them (15 minutes after resolving): the set stays small
        self.resolved_sent = {n.incident.id for n in notices if n.incident.state == "resolved"}
        return False

    async def _post(self, batch: list[dict[str, Any]]) -> bool:
        """An Alertmanager that is away is its operator's outage, not Raqib's: logged, counted, tried again."""
        try:
            response = await self.client.post(self.endpoint, json=batch)
        except httpx.HTTPError as exc:
            metrics.ALERTMANAGER_PUSHES.labels("error").inc()
            log.warning("alertmanager push failed", extra={"error": repr(exc)[:300]})
            return False
        if response.status_code >= 300:
            metrics.ALERTMANAGER_PUSHES.labels("refused").inc()
            log.warning("alertmanager refused the push", extra={"status": response.status_code,
                                                                "answer": response.text[:300]})
            return False
        metrics.ALERTMANAGER_PUSHES.labels("ok").inc()
        return True
