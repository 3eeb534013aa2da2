"""Incident persistence: grouping articles into incidents (and the spike rule), every change with its event.
Flushes; never commits (the caller's unit of work does). Notices: notice_repository.py; silences:
silence_repository.py.

Grouping is safe with any number of replicas: an open incident holds its group key under a partial unique
index, and every writer meets on that row with INSERT ... ON CONFLICT (group_key) DO UPDATE (which also
locks it for the rest of the transaction); an article joins an incident at most once (unique on
kind + facility + article), so a re-delivered message changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import incidents as inc
from services.alert.events import AlertChanged, Change
from services.alert.models import alerts, incident_articles, incident_events, outbox
from services.alert.notice import SEVERITY_RANK, NoticeArticle, NoticeIncident
from services.alert.repository import SOURCE
from services.alert.rules import Rule, RuleSet, SpikeRule
from shared import outbox as outbox_mod
from shared.annotation import FacilityMention
from shared.events import ArticleRef
from shared.text import pg_clean, pg_text
from shared.topics import ALERTS

_NS = uuid.UUID("6f1c2b1e-5d0a-4c59-9a51-2a8f2b7c0d11")
# Changes take this transaction-scoped lock, so change numbers (incident_events.seq) are handed out in commit
# order across replicas: an SSE reader that has seen seq N never later finds a committed seq below N. Every
# transaction that changes incidents takes it FIRST (lock_changes), before any incident row lock: taken later,
# two transactions each holding a row the other wants would deadlock on it.
_SEQ_LOCK = 0x7261716962  # "raqib"


async def lock_changes(session: AsyncSession) -> None:
    await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SEQ_LOCK})


async def lock_changes_if_due(session: AsyncSession, now: datetime) -> bool:
    """lock_changes if some incident is due at `now`, in one round trip. -> whether one was (and the lock is held).
    The lock is taken for the first due row found only (LIMIT 1): none is taken when nothing is due."""
    q = select(func.pg_advisory_xact_lock(_SEQ_LOCK)).where(alerts.c.next_check_at <= now).limit(1)
    return (await session.execute(q)).first() is not None


def policy_of(rule: Rule | SpikeRule) -> dict[str, Any]:
    return rule.model_dump(include={"group_wait", "group_interval", "repeat_interval", "resolve_after",
                                    "min_sources", "min_languages"})


async def already_joined(session: AsyncSession, kind: inc.GroupKind, facility_id: str, article_id: str) -> bool:
    return (await session.execute(select(incident_articles.c.id).where(
        incident_articles.c.group_kind == kind, incident_articles.c.facility_id == facility_id,
        incident_articles.c.article_id == article_id))).first() is not None


async def join(session: AsyncSession, d: inc.Decision, article: ArticleRef, now: datetime, *,
               kind: inc.GroupKind = "facility", rule: Rule | SpikeRule | None = None,
               labels: dict[str, str] | None = None) -> tuple[uuid.UUID, bool] | None:
    """The article joins the facility's open incident, or opens one. -> (the incident id, whether it opened it),
    or None if the article had already joined (a re-delivered message)."""
    rule = rule or d.rule
    if rule is None:  # no rule of its own: it joins an open incident (under that incident's rule), opens none
        rule = await _open_rule(session, inc.group_key(kind, d.facility.id), now)
        if rule is None:
            return None
    # an enriched event from any producer may carry NUL or lone surrogates (ids, names, text), which PostgreSQL
    # cannot store: a poison message would stop the consumer; stored and published cleaned
    article = ArticleRef.model_validate(pg_clean(article.model_dump(mode="json")))
    f = FacilityMention.model_validate(pg_clean(d.facility.model_dump(mode="json")))
    d = replace(d, facility=f, evidence=pg_text(d.evidence), event_types=tuple(pg_clean(list(d.event_types))),
                actors=tuple(pg_clean(list(d.actors))), source=d.source and pg_text(d.source),
                lang=d.lang and pg_text(d.lang))
    if await already_joined(session, kind, f.id, article.id):
        return None
    key = inc.group_key(kind, f.id)
    # a window that has passed is closed first: the next article opens a new incident
    await session.execute(update(alerts).where(alerts.c.group_key == key, alerts.c.window_ends_at <= now)
                          .values(group_key=None))
    fp = inc.fingerprint(key, article.id)
    alert_id = uuid.uuid5(_NS, fp)
    all_labels = {**rule.labels, **(labels or {})}
    row = (await session.execute(insert(alerts).values(
        id=alert_id, fingerprint=fp, article_id=article.id, facility_id=f.id, facility_name=f.canonical,
        kind=f.kind, country=f.country, lat=f.lat, lon=f.lon, status="firing", payload={}, created_at=now,
        group_key=key, rule=rule.name, severity=rule.severity, spike=kind == "spike", labels=all_labels,
        policy=policy_of(rule), first_seen=now, last_seen=now,
        window_ends_at=now + timedelta(seconds=rule.group_window), confidence=f.confidence,
    ).on_conflict_do_update(index_elements=[alerts.c.group_key], index_where=alerts.c.group_key.isnot(None),
                            set_={"group_key": key}).returning(*alerts.c))).mappings().one()
    opened = row["id"] == alert_id and row["article_count"] == 0
    art = NoticeArticle(article_id=article.id, url=article.url, title=article.title, source=d.source,
                        lang=d.lang, published_at=article.published_at, evidence=d.evidence, surface=f.surface,
                        event_types=list(d.event_types), joined_at=now)
    joined = (await session.execute(insert(incident_articles).values(
        alert_id=row["id"], group_kind=kind, facility_id=f.id, article_id=article.id, url=article.url,
        title=article.title, source=d.source, lang=d.lang, published_at=article.published_at, evidence=d.evidence,
        surface=f.surface, event_types=list(d.event_types), actors=list(d.actors), joined_at=now,
    ).on_conflict_do_nothing().returning(incident_articles.c.id))).scalar()
    if joined is None:
        return None
    values, changes = join_values(row, d, rule, all_labels, opened, now)
    await record_change(session, row, "opened" if opened else "article_joined", now, values=values, article=art,
                        changes={} if opened else changes, facility_ar=f.surface if d.lang == "ar" else None)
    return row["id"], opened


async def apply(session: AsyncSession, decisions: list[inc.Decision], article: ArticleRef, rules: RuleSet,
                now: datetime) -> list[tuple[str, bool]]:
    """One enriched article: each decision's facility incident, and the spike rule. -> (kind, opened) per
    facility the article joined (none for a re-delivered message). The consumer applies a whole batch with
    incident_batch.apply_batch, which must leave exactly what this does article after article (tested)."""
    await lock_changes(session)  # before any incident row lock (see _SEQ_LOCK)
    results: list[tuple[str, bool]] = []
    spike = rules.spike
    for d in decisions:
        joined = await join(session, d, article, now)
        if joined is None:
            continue  # a re-delivered message: already in its incident
        results.append((d.facility.kind, joined[1]))
        if spike is None:
            continue
        if await open_spike(session, inc.group_key("spike", d.facility.id)):
            await join(session, d, article, now, kind="spike", rule=spike)
            continue
        recent, baseline = await spike_counts(session, d.facility.id, spike, now)
        if recent >= spike.min_count and recent >= spike.factor * baseline:
            await join(session, d, article, now, kind="spike", rule=spike, labels={
                "spike_count": str(recent), "spike_baseline_per_window": f"{baseline:.2f}",
                "spike_window_s": f"{spike.window:g}"})
    return results


async def _open_rule(session: AsyncSession, key: str, now: datetime) -> Rule | SpikeRule | None:
    """The rule of the incident open for `key` (a stand-in with its name, severity, labels and timings)."""
    row = (await session.execute(select(alerts.c.rule, alerts.c.severity, alerts.c.labels, alerts.c.policy,
                                        alerts.c.first_seen, alerts.c.window_ends_at).where(
        alerts.c.group_key == key, alerts.c.window_ends_at > now))).first()
    if row is None:
        return None
    window = (row.window_ends_at - row.first_seen).total_seconds()
    return Rule.model_validate({"name": row.rule, "severity": row.severity, "labels": row.labels,
                                "group_window": window, **row.policy})


def _union(old: list[str], new: list[str]) -> list[str]:
    return sorted(set(old) | set(new))


async def _update(session: AsyncSession, alert_id: uuid.UUID, values: dict[str, Any]) -> RowMapping:
    return (await session.execute(update(alerts).where(alerts.c.id == alert_id).values(**values)
                                  .returning(*alerts.c))).mappings().one()


def state_of(row: Mapping[str, Any] | RowMapping, silenced: datetime | None = None) -> inc.State:
    return inc.State(status=row["status"], first_seen=row["first_seen"], last_seen=row["last_seen"],
                     article_count=row["article_count"], languages=len(row["languages"]),
                     # articles with neither URL nor source name no outlet: together they count as one
                     sources=max(len(row["sources"]), 1 if row["article_count"] else 0),
                     severity=row["severity"], notified_at=row["notified_at"], notified_kind=row["notified_kind"],
                     notified_count=row["notified_count"], notified_severity=row["notified_severity"],
                     policy=inc.Policy(**row["policy"]), silenced_until=silenced)


def snapshot(row: Mapping[str, Any] | RowMapping, facility_ar: str | None = None) -> NoticeIncident:
    old = row["payload"] if isinstance(row["payload"], dict) else {}
    return NoticeIncident(
        id=str(row["id"]), fingerprint=row["fingerprint"], rule=row["rule"], severity=row["severity"],
        state=row["status"], silenced=row["silenced"], spike=row["spike"], facility_id=row["facility_id"],
        facility=row["facility_name"], facility_ar=old.get("facility_ar") or facility_ar, kind=row["kind"],
        country=row["country"], lat=row["lat"], lon=row["lon"], labels=row["labels"], first_seen=row["first_seen"],
        last_seen=row["last_seen"], article_count=row["article_count"], sources=row["sources"],
        languages=row["languages"], event_types=row["event_types"], actors=row["actors"],
        acknowledged_at=row["acknowledged_at"], resolved_at=row["resolved_at"])


async def record_change(session: AsyncSession, row: RowMapping, change: Change, now: datetime, *,
                        values: dict[str, Any] | None = None, article: NoticeArticle | None = None,
                        notice_kind: str | None = None, changes: dict[str, object] | None = None,
                        facility_ar: str | None = None) -> RowMapping:
    """Apply `values` to the incident with its new snapshot (one UPDATE) and announce the change: an
    incident_events row (the stream's record) and an AlertChanged on raqib.alerts.v1 (through the outbox), in
    this transaction."""
    await lock_changes(session)  # normally held already (see _SEQ_LOCK)
    values = values or {}
    merged = {**row, **values}
    incident = snapshot(merged, facility_ar)
    seq = int((await session.execute(text(
        "SELECT nextval(pg_get_serial_sequence('alert.incident_events', 'seq'))"))).scalar_one())
    event = AlertChanged(seq=seq, change=change, alert_id=str(row["id"]), incident=incident, article=article,
                         notice_kind=notice_kind, changes=changes or {}, at=now)
    row = await _update(session, row["id"], values | {"payload": incident.model_dump(mode="json"),
                                                      "version": row["version"] + 1})
    await session.execute(insert(incident_events).values(seq=seq, alert_id=row["id"], change=change,
                                                         payload=event.model_dump(mode="json"), created_at=now))
    await outbox_mod.add(session, outbox, ALERTS, event, SOURCE)
    return row


async def spike_counts(session: AsyncSession, facility_id: str, rule: SpikeRule, now: datetime) -> tuple[int, float]:
    """-> (articles naming the facility in the last window, the baseline for one window over baseline_days)."""
    window = timedelta(seconds=rule.window)
    since = now - timedelta(days=rule.baseline_days)
    ia = incident_articles.c
    recent, older = (await session.execute(select(
        func.count().filter(ia.joined_at > now - window), func.count().filter(ia.joined_at <= now - window),
    ).where(ia.facility_id == facility_id, ia.group_kind == "facility", ia.joined_at > since))).one()
    windows = max(1.0, (timedelta(days=rule.baseline_days) - window) / window)
    return int(recent), float(older) / windows


async def open_spike(session: AsyncSession, key: str) -> bool:
    return (await session.execute(select(alerts.c.id).where(alerts.c.group_key == key))).first() is not None


def utcnow() -> datetime:
    return datetime.now(UTC)


def join_values(row: Mapping[Any, Any], d: inc.Decision, rule: Rule | SpikeRule, all_labels: dict[str, str],
                opened: bool, now: datetime) -> tuple[dict[str, Any], dict[str, object]]:
    """What an article joining the incident `row` changes (values to store, the change event's diff); escalates
    to a stronger rule; plans when the scheduler should look at it next (now if a notice is due; silences are
    its part). Pure: shared by `apply` and `incident_batch.apply_batch`."""
    f = d.facility
    values: dict[str, Any] = {
        "article_count": row["article_count"] + 1, "last_seen": max(row["last_seen"], now),
        "sources": _union(row["sources"], [d.source] if d.source else []),
        "languages": _union(row["languages"], [d.lang] if d.lang else []),
        "actors": _union(row["actors"], list(d.actors)), "confidence": max(row["confidence"], f.confidence),
        "event_types": inc.strongest_first(set(row["event_types"]) | set(d.event_types), d.strength),
    }
    changes: dict[str, object] = {"article_count": [row["article_count"], values["article_count"]]}
    if not opened and SEVERITY_RANK[rule.severity] > SEVERITY_RANK[row["severity"]]:  # escalate
        values |= {"rule": rule.name, "severity": rule.severity, "labels": {**row["labels"], **all_labels},
                   "policy": policy_of(rule),
                   "window_ends_at": row["first_seen"] + timedelta(seconds=rule.group_window)}
        changes["severity"] = [row["severity"], rule.severity]
    p = inc.plan(state_of({**row, **values}), now)
    values["next_check_at"] = now if p.action else p.next_check_at
    return values, changes
