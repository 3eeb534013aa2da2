"""Incidents in the alert tables: grouping across outlets and languages, notice timing, silences, lifecycle."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import delivery_repository, repository
from services.alert import incident_repository as repo
from services.alert import notice_repository as notice_repo
from services.alert import silence_repository as silence_repo
from services.alert.incidents import evaluate
from services.alert.models import alerts, deliveries, incident_articles, incident_events, notices, outbox
from services.alert.notice import Notice
from services.alert.rules import Filters, parse_rules
from services.alert.scheduler import run_due
from services.alert.silences import SilenceIn
from tests.db.incident_support import enriched, ingest

pytestmark = pytest.mark.db
T0 = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


async def count(session: AsyncSession, table, *where) -> int:
    return int(await session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


async def notices_of(session: AsyncSession, alert_id: uuid.UUID) -> list[Notice]:
    rows = (await session.execute(select(notices.c.payload).where(notices.c.alert_id == alert_id)
                                  .order_by(notices.c.created_at))).scalars().all()
    return [Notice.model_validate(p) for p in rows]


async def test_three_reports_in_two_languages_make_one_incident_and_one_first_notice(session: AsyncSession) -> None:
    sub = await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    ar1 = enriched(lang="ar", url="https://www.enabbaladi.net/a1")
    ar2 = enriched(lang="ar", url="https://hawarnews.com/ar/a2")
    en = enriched(lang="en", url="https://www.syriadirect.org/en-1", actors=("ISIS",))
    (first,) = await ingest(session, ar1, T0)
    assert first is not None and first[1] is True  # opened
    await run_due(session, T0)  # group_wait 0: the first notice at once
    (second,) = await ingest(session, ar2, T0 + timedelta(minutes=1))
    (third,) = await ingest(session, en, T0 + timedelta(minutes=2))
    assert second == (first[0], False) and third == (first[0], False)
    assert await ingest(session, en, T0 + timedelta(minutes=3)) == [None]  # re-delivered: nothing changes

    row = (await session.execute(select(alerts).where(alerts.c.id == first[0]))).mappings().one()
    assert row["article_count"] == 3 and row["languages"] == ["ar", "en"]
    assert row["sources"] == ["enabbaladi.net", "hawarnews.com", "syriadirect.org"]
    assert row["severity"] == "critical" and row["rule"] == "isis-prison-attack"
    assert row["event_types"][0] == "attack" and row["actors"] == ["ISIS"]
    assert await count(session, alerts) == 1 and await count(session, incident_articles) == 3

    await run_due(session, T0 + timedelta(minutes=3))  # within group_interval (5 min): no update yet
    (firing,) = await notices_of(session, first[0])
    assert firing.kind == "firing" and firing.incident.article_count == 1 and len(firing.articles) == 1
    assert "سجن غويران" in firing.articles[0].evidence and firing.summary
    await run_due(session, T0 + timedelta(minutes=5, seconds=1))
    firing, update = await notices_of(session, first[0])
    assert update.kind == "update" and update.incident.article_count == 3
    assert update.changes == {"article_count": [1, 3]}
    assert {a.article_id for a in update.articles} == {ar2.article.id, en.article.id}
    assert update.incident.sources and len(update.incident.languages) == 2
    rows = (await session.execute(select(deliveries.c.subscription_id, deliveries.c.notice_id))).all()
    assert len(rows) == 2 and {r.subscription_id for r in rows} == {sub}
    # the delivery worker sends the notice as the Standard Webhooks data
    claimed = await delivery_repository.claim_due_deliveries(session, 10, lease_s=60)
    assert {Notice.model_validate(c.notice).kind for c in claimed} == {"firing", "update"}
    changes = (await session.execute(select(incident_events.c.change).order_by(incident_events.c.seq))).scalars().all()
    assert changes == ["opened", "notified", "article_joined", "article_joined", "notified"]
    assert await count(session, outbox) == len(changes)


async def test_an_article_without_url_or_source_is_notified(session: AsyncSession) -> None:
    event = enriched()
    event = event.model_copy(update={"article": event.article.model_copy(update={"url": None})})
    (a,) = await ingest(session, event, T0)
    await run_due(session, T0)
    assert a is not None and [n.kind for n in await notices_of(session, a[0])] == ["firing"]


async def test_event_types_are_kept_strongest_first(session: AsyncSession) -> None:
    (a,) = await ingest(session, enriched(event_types=("armed_clash",)), T0)
    await ingest(session, enriched(event_types=("arrest", "prison_break_riot")), T0)
    await ingest(session, enriched(event_types=("attack",)), T0)
    assert a is not None
    types = (await session.execute(select(alerts.c.event_types).where(alerts.c.id == a[0]))).scalar_one()
    assert types == ["attack", "prison_break_riot", "armed_clash", "arrest"]  # the order of rules.yaml


async def test_an_article_no_rule_matches_joins_an_open_incident_but_opens_none(session: AsyncSession) -> None:
    rules = parse_rules("rules: [{name: attacks, severity: critical, match: {event_types: [attack]}}]\n")
    assert await ingest(session, enriched(event_types=("humanitarian",)), T0, rules) == [None]
    (a,) = await ingest(session, enriched(event_types=("attack",)), T0, rules)
    (b,) = await ingest(session, enriched(event_types=("humanitarian",), lang="en"), T0 + timedelta(minutes=1), rules)
    assert a is not None and b == (a[0], False)
    row = (await session.execute(select(alerts).where(alerts.c.id == a[0]))).mappings().one()
    assert row["article_count"] == 2 and row["rule"] == "attacks" and row["languages"] == ["ar", "en"]
    assert await ingest(session, enriched(event_types=("humanitarian",)), T0 + timedelta(hours=7), rules) == [None]


async def test_a_new_window_opens_a_new_incident(session: AsyncSession) -> None:
    (a,) = await ingest(session, enriched(), T0)
    (b,) = await ingest(session, enriched(), T0 + timedelta(hours=6, seconds=1))
    assert a is not None and b is not None and b[1] is True and a[0] != b[0]


async def test_corroboration_holds_the_first_notice(session: AsyncSession) -> None:
    rules = parse_rules("rules:\n  - {name: two-outlets, severity: warning, min_sources: 2, min_languages: 2}\n")
    (a,) = await ingest(session, enriched(lang="ar"), T0, rules)
    await run_due(session, T0)
    await ingest(session, enriched(lang="ar"), T0 + timedelta(seconds=10), rules)
    await run_due(session, T0 + timedelta(seconds=10))
    assert a is not None and await notices_of(session, a[0]) == []  # two outlets, one language
    await ingest(session, enriched(lang="en"), T0 + timedelta(seconds=20), rules)
    await run_due(session, T0 + timedelta(seconds=20))
    (n,) = await notices_of(session, a[0])
    assert n.kind == "firing" and n.incident.article_count == 3 and len(n.articles) == 3


async def test_a_silence_keeps_the_incident_but_delivers_nothing(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    sil = await silence_repo.create_silence(session, SilenceIn.model_validate({
        "matchers": [{"name": "facility_id", "value": "fac:sy-al-hol-camp"}],
        "ends_at": (T0 + timedelta(hours=1)).isoformat(), "comment": "known"}), T0)
    (hol,) = await ingest(session, enriched(facility_id="fac:sy-al-hol-camp", event_types=("humanitarian",)), T0)
    (roj,) = await ingest(session, enriched(facility_id="fac:sy-roj-camp", event_types=("humanitarian",)), T0)
    await run_due(session, T0)
    assert hol is not None and roj is not None
    row = (await session.execute(select(alerts).where(alerts.c.id == hol[0]))).mappings().one()
    assert row["silenced"] is True and row["notified_at"] is None and row["severity"] == "info"
    assert await notices_of(session, hol[0]) == [] and len(await notices_of(session, roj[0])) == 1
    assert await count(session, deliveries) == 1
    # expired: the incident's first notice goes out
    assert await silence_repo.expire_silence(session, sil, T0 + timedelta(minutes=10))
    await run_due(session, T0 + timedelta(minutes=10))
    (n,) = await notices_of(session, hol[0])
    assert n.kind == "firing" and not n.incident.silenced


async def test_ack_resolve_and_auto_resolve(session: AsyncSession) -> None:
    await repository.create_subscription(session, "http://127.0.0.1/a", "whsec_x", Filters())
    (a,) = await ingest(session, enriched(), T0)
    await run_due(session, T0)
    assert a is not None
    row = await notice_repo.set_status(session, a[0], "acknowledged", T0 + timedelta(minutes=1), [])
    assert not isinstance(row, str) and row is not None and row["status"] == "acknowledged"
    assert await notice_repo.set_status(session, a[0], "acknowledged", T0, []) is not None  # idempotent
    row = await notice_repo.set_status(session, a[0], "resolved", T0 + timedelta(minutes=2), [])
    assert row is not None and not isinstance(row, str) and row["group_key"] is None
    assert [n.kind for n in await notices_of(session, a[0])] == ["firing", "acknowledged", "resolved"]
    assert isinstance(await notice_repo.set_status(session, a[0], "acknowledged", T0, []), str)  # 409
    assert await notice_repo.set_status(session, uuid.uuid4(), "resolved", T0, []) is None
    # auto-resolve: the default rules resolve after 24 h without a new article
    (b,) = await ingest(session, enriched(facility_id="fac:sy-roj-camp"), T0)
    await run_due(session, T0)
    assert b is not None
    await run_due(session, T0 + timedelta(hours=23))
    assert [n.kind for n in await notices_of(session, b[0])] == ["firing"]
    await run_due(session, T0 + timedelta(hours=24, seconds=1))
    assert [n.kind for n in await notices_of(session, b[0])] == ["firing", "resolved"]
    row2 = (await session.execute(select(alerts).where(alerts.c.id == b[0]))).mappings().one()
    assert row2["status"] == "resolved" and row2["next_check_at"] is None


async def test_reminders_follow_repeat_interval_while_firing(session: AsyncSession) -> None:
    (a,) = await ingest(session, enriched(), T0)  # isis-prison-attack: repeat_interval 1 h
    await run_due(session, T0)
    assert a is not None
    await run_due(session, T0 + timedelta(minutes=59))
    await run_due(session, T0 + timedelta(hours=1))
    assert [n.kind for n in await notices_of(session, a[0])] == ["firing", "reminder"]


async def test_a_facility_named_far_more_than_its_baseline_raises_a_spike_incident(session: AsyncSession) -> None:
    rules = parse_rules("""
rules: [{name: any, severity: info, group_window: 0s}]
spike: {name: spike, severity: warning, window: 1h, baseline_days: 28, factor: 10, min_count: 3}
""")
    roj = "fac:sy-roj-camp"

    async def one(at: datetime) -> list[tuple[str, bool]]:
        e = enriched(facility_id=roj, event_types=("humanitarian",))
        return await repo.apply(session, evaluate(e, rules), e.article, rules, at)

    for days in (20, 10, 5):  # a baseline of 3 in 28 days
        await one(T0 - timedelta(days=days))
    await one(T0 - timedelta(minutes=30))
    await one(T0 - timedelta(minutes=20))
    spikes = select(alerts).where(alerts.c.spike)
    assert (await session.execute(spikes)).first() is None  # 2 in the last hour: under min_count
    await one(T0 - timedelta(minutes=10))
    (spike,) = (await session.execute(spikes)).mappings().all()
    assert spike["rule"] == "spike" and spike["severity"] == "warning" and spike["labels"]["spike_count"] == "3"
    await one(T0)  # joins the open spike incident
    (spike,) = (await session.execute(spikes)).mappings().all()
    assert spike["article_count"] == 2 and spike["facility_id"] == roj
    await run_due(session, T0)
    (n,) = await notices_of(session, spike["id"])
    assert n.kind == "firing" and n.incident.spike


async def test_filters_pick_notices_by_severity_event_type_actor_language(session: AsyncSession) -> None:
    crit = await repository.create_subscription(session, "http://x/1", "whsec_x", Filters(min_severity="critical"))
    en = await repository.create_subscription(session, "http://x/2", "whsec_x", Filters(languages=["en"]))
    isis = await repository.create_subscription(session, "http://x/3", "whsec_x", Filters(actors=["isis"]))
    hum = await repository.create_subscription(session, "http://x/4", "whsec_x", Filters(event_types=["humanitarian"]))
    await ingest(session, enriched(actors=("ISIS",)), T0)
    await ingest(session, enriched(facility_id="fac:sy-roj-camp", event_types=("humanitarian",), lang="en"), T0)
    await run_due(session, T0)
    got = (await session.execute(select(deliveries.c.subscription_id, alerts.c.facility_id).join(
        alerts, alerts.c.id == deliveries.c.alert_id))).all()
    assert sorted((str(s), f) for s, f in got) == sorted([
        (str(crit), "fac:sy-ghwayran-prison"), (str(isis), "fac:sy-ghwayran-prison"),
        (str(en), "fac:sy-roj-camp"), (str(hum), "fac:sy-roj-camp")])
