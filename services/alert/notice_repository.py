"""Notices and the lifecycle by API: what subscribers are told about an incident (one delivery per matching
subscription), acknowledge and resolve. Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID, insert
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.incident_repository import lock_changes, record_change, snapshot
from services.alert.models import alerts, deliveries, incident_articles, notices, subscriptions
from services.alert.notice import Notice, NoticeArticle, NoticeIncident
from services.alert.repository import stored_filters
from services.alert.rules import matches
from services.alert.silences import Silence, silenced_until
from shared.text import pg_clean

FIRST_NOTICE_ARTICLES = 50  # the newest articles a first notice carries


async def articles_of(session: AsyncSession, alert_id: uuid.UUID, *, skip: int = 0,
                      limit: int = FIRST_NOTICE_ARTICLES) -> list[NoticeArticle]:
    """The incident's newest `limit` articles, newest first, leaving out the first `skip` to join. Articles are
    numbered under the change lock, in commit order, so 'the first N' are exactly those an earlier notice counted
    (its notified_count), whatever the clocks of the replicas that joined them."""
    ia = incident_articles.c
    told = select(ia.id).where(ia.alert_id == alert_id).order_by(ia.id).limit(skip).scalar_subquery() if skip else None
    q = select(incident_articles).where(ia.alert_id == alert_id)
    if told is not None:
        q = q.where(ia.id.not_in(told))
    rows = (await session.execute(q.order_by(ia.id.desc()).limit(limit))).mappings()
    return [_article(r) for r in rows]


def _article(r: Mapping[str, Any] | RowMapping) -> NoticeArticle:
    return NoticeArticle(article_id=r["article_id"], url=r["url"], title=r["title"], source=r["source"],
                         lang=r["lang"], published_at=r["published_at"], evidence=r["evidence"],
                         surface=r["surface"], event_types=r["event_types"], joined_at=r["joined_at"])


def new_notice(row: Mapping[str, Any] | RowMapping, kind: str, now: datetime, arts: list[NoticeArticle],
               changes: dict[str, object] | None = None) -> tuple[Notice, dict[str, object] | None]:
    """The notice of `kind` for the incident `row` carrying `arts`. -> (it, the changes it announces)."""
    incident = snapshot(row)
    changes = notice_changes(row, kind, changes)
    return Notice(id=str(uuid.uuid4()), kind=kind, incident=incident, articles=arts,
                  changes=changes or {}, summary=summary(incident, kind, arts), created_at=now), changes


def notice_changes(row: Mapping[str, Any] | RowMapping, kind: str,
                   changes: dict[str, object] | None = None) -> dict[str, object] | None:
    """What a notice announces: an update, by default, the articles and severity since the last notice."""
    if kind == "update" and not changes:
        changes = {"article_count": [row["notified_count"], row["article_count"]]}
        if row["severity"] != row["notified_severity"]:
            changes["severity"] = [row["notified_severity"], row["severity"]]
    return changes


def notified(row: Mapping[str, Any] | RowMapping, kind: str, now: datetime) -> dict[str, Any]:
    """What a notice of `kind` changes in its incident."""
    return {"notified_at": now, "notified_kind": kind, "notified_count": row["article_count"],
            "notified_severity": row["severity"]}


async def write_notice(session: AsyncSession, row: RowMapping, kind: str, now: datetime,
                       changes: dict[str, object] | None = None) -> tuple[RowMapping, uuid.UUID, int]:
    """A notice for subscribers, one delivery per active subscription whose filters match the incident, and the
    incident's notification state. -> (row, notice id, deliveries queued)."""
    if kind == "firing":
        arts = await articles_of(session, row["id"])
    elif kind == "update":
        arts = await articles_of(session, row["id"], skip=row["notified_count"])
    else:
        arts = []
    notice, changes = new_notice(row, kind, now, arts, changes)
    notice_id = uuid.UUID(notice.id)
    await session.execute(insert(notices).values(id=notice_id, alert_id=row["id"], kind=kind,
                                                 payload=pg_clean(notice.model_dump(mode="json")), created_at=now))
    queued = await queue_notice(session, notice_id, row["id"], notice.incident, row["confidence"])
    row = await record_change(session, row, "notified", now, notice_kind=kind, changes=changes,
                              values=notified(row, kind, now))
    return row, notice_id, queued


async def active_subscriptions(session: AsyncSession, only: uuid.UUID | None = None) -> list[tuple[uuid.UUID, Any]]:
    """(id, filters) of the active subscriptions (or of `only`), locked FOR SHARE: a concurrent unsubscribe waits
    for this commit and then cancels what it sees pending."""
    q = select(subscriptions.c.id, subscriptions.c.filters).where(subscriptions.c.active)
    if only is not None:
        q = q.where(subscriptions.c.id == only)
    return [(r.id, r.filters) for r in (await session.execute(q.with_for_update(read=True)))]


async def subscription_targets(session: AsyncSession) -> list[RowMapping]:
    """active_subscriptions with what an attempt needs (url, secrets, format, rate) and what decides whether it may
    be attempted now (enabled, breaker), locked FOR SHARE as there: one query either way."""
    s = subscriptions.c
    q = select(s.id, s.filters, s.url, s.secret, s.previous_secret, s.previous_secret_expires_at, s.format,
               s.routing_key, s.rate_limit_per_s, s.enabled, s.consecutive_failures, s.circuit_open_until
               ).where(s.active)
    return list((await session.execute(q.with_for_update(read=True))).mappings())


def wanted(subs: list[tuple[uuid.UUID, Any]], incident: NoticeIncident, confidence: float) -> list[uuid.UUID]:
    """The subscriptions whose filters match the incident."""
    return [sid for sid, raw in subs
            if (fs := stored_filters(sid, raw)) is not None and matches(fs, incident, confidence)]


async def queue_notice(session: AsyncSession, notice_id: uuid.UUID, alert_id: uuid.UUID, incident: NoticeIncident,
                       confidence: float, only: uuid.UUID | None = None) -> int:
    subs = wanted(await active_subscriptions(session, only), incident, confidence)
    if not subs:
        return 0
    done = (await session.execute(insert(deliveries).values(
        [{"id": uuid.uuid4(), "alert_id": alert_id, "notice_id": notice_id, "subscription_id": sid} for sid in subs]
    ).on_conflict_do_nothing().returning(deliveries.c.id))).all()
    return len(done)


_MANY = text("""
    SELECT q.ord, x.* FROM unnest(:ids, :skips) WITH ORDINALITY AS q(alert_id, skip, ord)
    CROSS JOIN LATERAL (
        SELECT ia.* FROM alert.incident_articles ia WHERE ia.alert_id = q.alert_id AND ia.id NOT IN (
            SELECT t.id FROM alert.incident_articles t WHERE t.alert_id = q.alert_id ORDER BY t.id LIMIT q.skip)
        ORDER BY ia.id DESC LIMIT :limit) x
    ORDER BY q.ord, x.id DESC
""").bindparams(bindparam("ids", type_=ARRAY(UUID(as_uuid=True))), bindparam("skips", type_=ARRAY(Integer)))


async def articles_of_many(session: AsyncSession, wants: list[tuple[uuid.UUID, int]],
                           limit: int = FIRST_NOTICE_ARTICLES) -> list[list[NoticeArticle]]:
    """articles_of for several (incident, skip) in one query, in their order."""
    out: list[list[NoticeArticle]] = [[] for _ in wants]
    if wants:
        rows = await session.execute(_MANY, {"ids": [a for a, _ in wants], "skips": [s for _, s in wants],
                                             "limit": limit})
        for r in rows.mappings():
            out[r["ord"] - 1].append(_article(r))
    return out


_KIND_AR = {"firing": "تنبيه", "update": "تحديث", "reminder": "تذكير", "acknowledged": "تم الاستلام",
            "resolved": "انتهى", "test": "اختبار"}


def summary(i: NoticeIncident, kind: str, arts: list[NoticeArticle]) -> str:
    """One line in the language of the newest article (Arabic or English)."""
    top = i.event_types[0] if i.event_types else "named"
    if arts and arts[0].lang == "ar":
        return (f"{_KIND_AR.get(kind, kind)} [{i.severity}]: {i.facility_ar or i.facility} — {top}؛ "
                f"عدد التقارير: {i.article_count}، المصادر: {len(i.sources)}، اللغات: {len(i.languages)}")
    s = "" if i.article_count == 1 else "s"
    return (f"{kind} [{i.severity}]: {i.facility}{f' ({i.country})' if i.country else ''} — {top}; "
            f"{i.article_count} article{s} from {len(i.sources)} outlet(s) in {len(i.languages)} language(s)")


async def set_status(session: AsyncSession, alert_id: uuid.UUID, new: str, now: datetime,
                     active: list[Silence]) -> RowMapping | str | None:
    """Acknowledge or resolve by the API. -> the row, None if there is no such incident, or a reason (409)."""
    await lock_changes(session)
    row = (await session.execute(select(alerts).where(alerts.c.id == alert_id).with_for_update())).mappings().first()
    if row is None:
        return None
    if row["status"] == new:
        return row  # idempotent
    if row["status"] == "resolved":
        return f"incident {alert_id} is resolved"
    values: dict[str, Any] = {"status": new}
    values |= {"acknowledged_at": now} if new == "acknowledged" else {"resolved_at": now, "group_key": None,
                                                                      "next_check_at": None}
    row = await record_change(session, row, new, now, values=values,  # type: ignore[arg-type]
                              changes={"status": [row["status"], new]})
    silenced = silenced_until(active, snapshot(row), now) is not None
    if row["notified_at"] is not None and not silenced and row["notified_kind"] != new:
        row, _, _ = await write_notice(session, row, new, now)
    return row


async def details(session: AsyncSession, alert_id: uuid.UUID) -> dict[str, Any]:
    """The incident's articles (newest first, up to 500) and its notices (kind, time)."""
    arts = await articles_of(session, alert_id, limit=500)
    ns = (await session.execute(select(notices.c.id, notices.c.kind, notices.c.created_at).where(
        notices.c.alert_id == alert_id).order_by(notices.c.created_at))).mappings().all()
    return {"articles": [a.model_dump() for a in arts], "notices": [dict(n) for n in ns]}
