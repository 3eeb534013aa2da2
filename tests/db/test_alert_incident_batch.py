"""apply_batch (the alert consumer's one pass per batch) against incident_repository.apply article by article,
and the batched notice scheduler against the one that wrote each change at once (tests/db/scheduler_reference.py):
from the same prior state, the same batch and the scheduler's passes after it leave the same rows in every
incident table, the same outbox records byte for byte, the same notices and deliveries (generated ids and times
aside)."""

from __future__ import annotations

import random
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from services.alert import incident_repository as repo
from services.alert import notice_repository as notice_repo
from services.alert import repository
from services.alert import silence_repository as silence_repo
from services.alert.incident_batch import apply_batch, play_batch
from services.alert.incidents import evaluate
from services.alert.models import alerts, deliveries, incident_articles, incident_events, notices, outbox, subscriptions
from services.alert.rules import Filters, RuleSet, parse_rules
from services.alert.scheduler import play_due, run_due, write_notices
from services.alert.silences import SilenceIn
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention
from shared.events import ArticleEnriched, ArticleRef
from shared.settings import async_database_url
from tests.db import scheduler_reference

pytestmark = pytest.mark.db
T = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
OFFSET = timezone(timedelta(hours=3))  # Arabic articles' times carry it: the same instant, stored and read as UTC

RULES = """
event_type_strength: [attack, arrest, humanitarian]
rules:
  - {name: zero-attack, severity: critical, match: {facility_ids: ["fac:t-zero"], event_types: [attack]},
     group_window: 0s}
  - {name: short-crit, severity: critical, match: {event_types: [attack]}, group_window: 30m, group_interval: 1m,
     repeat_interval: 10m, labels: {team: security, b: "2"}}
  - {name: zero, severity: info, match: {facility_ids: ["fac:t-zero", "fac:sy-roj-camp"]}, group_window: 0s,
     group_interval: 1s}
  - {name: arrests, severity: warning, match: {event_types: [arrest]}, group_window: 2h, min_sources: 2}
  - {name: camps, severity: info, match: {kinds: [camp], event_types: [humanitarian]}, group_window: 6h,
     labels: {zz: "1", a: "x"}}
"""
SPIKE = ("spike: {name: spike, severity: warning, window: 1h, baseline_days: 28, factor: 3, min_count: 3, "
         "group_window: 30m}")
WITH_SPIKE, NO_SPIKE = parse_rules(RULES + SPIKE), parse_rules(RULES)
# kind and Arabic name; a prison with a humanitarian report matches no rule: it only joins an open incident
PLACES = {"fac:t-zero": ("camp", "مخيم صفر"), "fac:sy-roj-camp": ("camp", "مخيم روج"),
          "fac:sy-al-hol-camp": ("camp", "مخيم الهول"), "fac:sy-ghwayran-prison": ("prison", "سجن غويران"),
          "fac:t-esc": ("camp", "مخيم تصعيد"), "fac:t-spiked": ("camp", "مخيم ذروة"),
          "fac:t-res": ("camp", "مخيم منته"), "fac:t-sil": ("camp", "مخيم صامت"), "fac:t-new": ("prison", "سجن جديد")}
OUTLETS = ["https://www.enabbaladi.net/", "https://hawarnews.com/ar/", "https://syriadirect.org/", None]


def article(article_id: str, facilities: list[str], *, lang: str = "ar", event_types: tuple[str, ...] = ("attack",),
            actors: tuple[str, ...] = (), url: str | None = None, source: str | None = None,
            title: str | None = None, near_duplicate_of: str | None = None, nul: bool = False) -> ArticleEnriched:
    """An enriched article naming `facilities` (in that order), `nul`: NUL bytes in its text, title and ids."""
    z = "\x00" if nul else ""
    text, mentions = ("قالت مصادر" if lang == "ar" else "Sources said") + z, []
    for fid in facilities:
        kind, ar = PLACES[fid]
        surface = ar if lang == "ar" else fid.split(":")[1].replace("-", " ").title() + z
        text += " " + surface
        mentions.append(FacilityMention(surface=surface, start=len(text) - len(surface), end=len(text), id=fid,
                                        canonical=fid.split(":")[1] + z, confidence=0.5 + len(fid) / 100,
                                        country="SY", lat=36.5, lon=40.7, kind=kind))
        text += " تعرض لهجوم." if lang == "ar" else f" was attacked{z}."
    ann = Annotation(lang=lang, facilities=mentions, alert=True,
                     actors=[ActorMention(surface=a, start=0, end=1, id=f"act:{a.lower()}", canonical=a + z,
                                          confidence=0.9) for a in actors],
                     event_types=[EventTypeMention(type=t, surface="x", start=0, end=1, confidence=0.9)
                                  for t in event_types])
    ref = ArticleRef(id=article_id + z, url=url, source=source, title=title and title + z,
                     published_at=(T - timedelta(hours=1)).astimezone(OFFSET if lang == "ar" else UTC),
                     near_duplicate_of=near_duplicate_of)
    return ArticleEnriched(article=ref, text=text, annotation=ann, engine_version="test", enriched_at=T)


async def apply_each(s: AsyncSession, events: list[ArticleEnriched], rules: RuleSet, at: datetime) -> list[Any]:
    out = []
    for e in events:
        if decisions := evaluate(e, rules):
            out += await repo.apply(s, decisions, e.article, rules, at)
    return out


Scheduler = Callable[[AsyncSession, datetime, int], Awaitable[tuple[int, int]]]
PASS = 7  # incidents per scheduler pass here: several passes each time


async def schedule(s: AsyncSession, at: datetime, run: Scheduler) -> None:
    """The scheduler's passes until nothing more is due."""
    while (await run(s, at, PASS))[0] == PASS:
        pass


async def prior_state(s: AsyncSession, rules: RuleSet, run: Scheduler) -> None:
    """Open, passed, escalatable, spiking, resolved and silenced incidents, notified and not."""
    await repository.create_subscription(s, "http://127.0.0.1/all", "whsec_x", Filters())
    await repository.create_subscription(s, "http://127.0.0.1/crit", "whsec_x", Filters(min_severity="critical"))

    async def at(when: datetime, *events: ArticleEnriched) -> None:
        await apply_each(s, list(events), rules, when)

    await at(T - timedelta(days=20), article("old-1", ["fac:sy-roj-camp"], event_types=("humanitarian",)))
    await at(T - timedelta(days=9), article("old-2", ["fac:sy-roj-camp"], event_types=("humanitarian",)))
    await at(T - timedelta(hours=7), article("hol-1", ["fac:sy-al-hol-camp"], event_types=("humanitarian",)))
    await at(T - timedelta(hours=3), article("res-1", ["fac:t-res"], event_types=("humanitarian",)))
    await schedule(s, T - timedelta(hours=3), run)
    await at(T - timedelta(hours=2), *[article(f"spk-{i}", ["fac:t-spiked"], event_types=("humanitarian",),
                                               url=f"{OUTLETS[i]}spk") for i in range(3)])
    (res,) = (await s.execute(select(alerts.c.id).where(alerts.c.facility_id == "fac:t-res"))).scalars()
    assert not isinstance(await notice_repo.set_status(s, res, "resolved", T - timedelta(hours=2), []), str)
    await silence_repo.create_silence(s, SilenceIn.model_validate({
        "matchers": [{"name": "facility_id", "value": "fac:t-sil"}], "ends_at": (T + timedelta(hours=1)).isoformat(),
        "comment": "known"}), T - timedelta(hours=1))
    await at(T - timedelta(hours=1), article("esc-1", ["fac:t-esc"], event_types=("humanitarian",), lang="en"),
             article("sil-1", ["fac:t-sil"], event_types=("humanitarian",)),
             article("zero-1", ["fac:t-zero", "fac:sy-roj-camp"], event_types=("humanitarian",)))
    await at(T - timedelta(minutes=30), article("roj-r1", ["fac:sy-roj-camp"], event_types=("humanitarian",)))
    await at(T - timedelta(minutes=20), article("roj-r2", ["fac:sy-roj-camp"], event_types=("humanitarian",),
                                                url="https://hawarnews.com/r2"),
             article("arr-1", ["fac:sy-al-hol-camp"], event_types=("arrest",), url="https://a.example/1"))
    await at(T - timedelta(minutes=10), article("gw-1", ["fac:sy-ghwayran-prison"], actors=("ISIS",)))
    await schedule(s, T - timedelta(minutes=5), run)


def random_batch(seed: int, n: int = 40) -> list[ArticleEnriched]:
    rng = random.Random(seed)
    out: list[ArticleEnriched] = []
    for i in range(n):
        r = rng.random()
        if r < 0.1 and out:  # re-delivered within the batch
            out.append(rng.choice(out))
            continue
        if r < 0.15:  # re-delivered from before the batch
            aid = rng.choice(["gw-1", "roj-r2", "esc-1", "sil-1", "zero-1", "spk-1"])
        else:
            aid = f"b{seed}-{i}"
        places = list(PLACES)
        facs = rng.sample(places, 2) if rng.random() < 0.15 else [rng.choice(places)]
        outlet = rng.choice(OUTLETS)
        out.append(article(
            aid, facs, lang=rng.choice(["ar", "en"]), event_types=tuple(rng.sample(["attack", "arrest", "humanitarian"],
                                                                                     rng.randint(1, 2))),
            actors=tuple(rng.sample(["ISIS", "SDF", "Asayish"], rng.randint(0, 2))),
            url=outlet and f"{outlet}{aid}", source=None if outlet else rng.choice([None, "Local Radio"]),
            title=rng.choice([None, f"Report {i}"]), nul=rng.random() < 0.1,
            near_duplicate_of=f"b{seed}-0" if rng.random() < 0.05 else None))
    return out


async def in_rolled_back_transaction(url: str, work: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
    engine = create_async_engine(async_database_url(url))
    try:
        async with engine.connect() as conn:
            trans = await conn.begin()
            s = AsyncSession(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
            try:
                return await work(s)
            finally:
                await s.close()
                await trans.rollback()
    finally:
        await engine.dispose()


_SEQ = re.compile(rb'"seq":(\d+)')


async def tables(s: AsyncSession) -> dict[str, list[Any]]:
    """Every row that grouping and the scheduler write, in write order, generated ids and times left out."""
    rank = {seq: i for i, seq in enumerate((await s.execute(
        select(incident_events.c.seq).order_by(incident_events.c.seq))).scalars())}

    def ev(payload: dict[str, Any]) -> dict[str, Any]:
        return payload | {"seq": rank[payload["seq"]]}

    out: dict[str, list[Any]] = {}
    out["alerts"] = [{k: v for k, v in r.items() if k != "seq"}
                     for r in (await s.execute(select(alerts).order_by(alerts.c.seq))).mappings()]
    out["incident_articles"] = [{k: v for k, v in r.items() if k != "id"} for r in (await s.execute(
        select(incident_articles).order_by(incident_articles.c.id))).mappings()]
    out["incident_events"] = [{**r, "seq": rank[r["seq"]], "payload": ev(r["payload"])} for r in (await s.execute(
        select(incident_events).order_by(incident_events.c.seq))).mappings()]
    out["outbox"] = [
        (r.topic, r.key, _SEQ.sub(lambda m: b'"seq":%d' % rank[int(m.group(1))], r.value, count=1),
         [[k, re.sub(r":(\d+)$", lambda m: f":{rank[int(m.group(1))]}", v)] for k, v in r.headers if k != "ce_time"])
        for r in (await s.execute(select(outbox).order_by(outbox.c.id)))]
    ns = (await s.execute(select(notices).order_by(notices.c.alert_id, notices.c.created_at, notices.c.kind)))
    out["notices"] = [(r.alert_id, r.kind, r.created_at, {k: v for k, v in r.payload.items() if k != "id"}) for r in ns]
    out["deliveries"] = sorted((str(r.alert_id), r.kind, r.url, r.status) for r in (await s.execute(
        select(deliveries.c.alert_id, notices.c.kind, subscriptions.c.url, deliveries.c.status)
        .join(notices, notices.c.id == deliveries.c.notice_id)
        .join(subscriptions, subscriptions.c.id == deliveries.c.subscription_id))))
    return out


async def batch_with_notices(s: AsyncSession, batch: list[ArticleEnriched], rules: RuleSet) -> list[Any]:
    """What the alert consumer does with a batch: the joins and the notices they made due, in one pass; then
    checks that the scheduler's next pass at T finds none of the batch's incidents due (nothing was left to it)."""
    play, got = await play_batch(s, [(d, e.article) for e in batch if (d := evaluate(e, rules))], rules, T)
    if play is not None:
        wants = await play_due(s, play, T)
        await play.write(s)
        await write_notices(s, wants, T, play.articles_of_new())
        touched = list(play.dirty)
        left = (await s.execute(select(alerts.c.id).where(alerts.c.id.in_(touched), alerts.c.next_check_at <= T))).all()
        assert not left
    return got


async def compare(url: str, batch: list[ArticleEnriched], rules: RuleSet,
                  notify_in_batch: bool = False) -> dict[str, list[Any]]:
    """`notify_in_batch`: the batched side writes the notices due at T in the batch's pass (the consumer's way),
    the reference in the scheduler's first pass after it."""
    async def run(batched: bool) -> tuple[list[Any], dict[str, list[Any]]]:
        scheduler = run_due if batched else scheduler_reference.run_due

        async def work(s: AsyncSession) -> tuple[list[Any], dict[str, list[Any]]]:
            await prior_state(s, rules, scheduler)
            if batched and notify_in_batch:
                got = await batch_with_notices(s, batch, rules)
            elif batched:
                got = await apply_batch(s, [(d, e.article) for e in batch if (d := evaluate(e, rules))], rules, T)
            else:
                got = await apply_each(s, batch, rules, T)
            # first notices, updates, reminders, auto-resolve and the resolved notices
            for later in (0, 1, 15, 24 * 60 + 30):
                await schedule(s, T + timedelta(minutes=later), scheduler)
            return got, await tables(s)
        return await in_rolled_back_transaction(url, work)

    one_by_one, batched = await run(False), await run(True)
    assert batched[0] == one_by_one[0]
    for table in one_by_one[1]:
        assert batched[1][table] == one_by_one[1][table], table
    return batched[1]


@pytest.mark.parametrize("rules", [WITH_SPIKE, NO_SPIKE], ids=["spike", "no-spike"])
async def test_same_facility_many_times_in_one_batch_with_a_zero_window(database_url: str, rules: RuleSet) -> None:
    batch = [article(f"roj-{i}", ["fac:sy-roj-camp"], event_types=("humanitarian",), lang="en",
                     url=f"https://r{i}.example/x") for i in range(6)]
    got = await compare(database_url, batch, rules)
    opened = [a for a in got["alerts"] if a["facility_id"] == "fac:sy-roj-camp" and not a["spike"]
              and a["first_seen"] == T]
    assert len(opened) == 6 and all(a["article_count"] == 1 for a in opened)  # each its own incident
    if rules.spike is not None:  # raised 20 min before by the 3rd article in an hour: all 6 join it
        (spike,) = [a for a in got["alerts"] if a["spike"] and a["facility_id"] == "fac:sy-roj-camp"]
        assert spike["article_count"] == 7 and spike["labels"]["spike_count"] == "3"


async def test_windows_escalation_rule_less_joins_and_redeliveries(database_url: str) -> None:
    batch = [
        article("hol-2", ["fac:sy-al-hol-camp"], event_types=("humanitarian",)),  # the 7 h old window closes
        article("hol-3", ["fac:sy-al-hol-camp"], event_types=("humanitarian",), lang="en"),  # joins hol-2's
        article("esc-2", ["fac:t-esc"], event_types=("attack",)),  # escalates: its window has now passed
        article("esc-3", ["fac:t-esc"], event_types=("humanitarian",)),  # so this opens a new incident
        article("gw-2", ["fac:sy-ghwayran-prison"], event_types=("humanitarian",)),  # no rule: joins the open one
        article("new-1", ["fac:t-new"], event_types=("humanitarian",)),  # no rule, nothing open: nothing
        article("new-2", ["fac:t-new"], event_types=("attack",)),  # opens
        article("new-3", ["fac:t-new"], event_types=("humanitarian",)),  # no rule: joins the one just opened
        article("new-4", ["fac:t-new"], event_types=("attack",), lang="en"),  # the 3rd in an hour: a spike
        article("new-5", ["fac:t-new"], event_types=("attack",)),  # joins both
        article("res-2", ["fac:t-res"], event_types=("humanitarian",)),  # resolved before: a new incident
        article("sil-2", ["fac:t-sil"], event_types=("humanitarian",), nul=True, title="t"),  # silenced one
        article("spk-9", ["fac:t-spiked"], event_types=("humanitarian",)),  # the passed spike: a new one
        article("spk-10", ["fac:t-spiked"], event_types=("humanitarian",)),  # joins it
        article("gw-1", ["fac:sy-ghwayran-prison"], event_types=("attack",)),  # re-delivered
        article("gw-2", ["fac:sy-ghwayran-prison"], event_types=("humanitarian",)),  # re-delivered in the batch
        article("dup-1", ["fac:t-zero"], near_duplicate_of="hol-2"),
        article("two-1", ["fac:t-zero", "fac:sy-al-hol-camp"], event_types=("attack", "humanitarian")),
        article("arr-2", ["fac:sy-al-hol-camp"], event_types=("arrest",), url="https://b.example/2"),
    ]
    got = await compare(database_url, batch, WITH_SPIKE)
    joined = {(r["group_kind"], r["facility_id"], r["article_id"]) for r in got["incident_articles"]}
    assert ("facility", "fac:t-new", "new-1") not in joined and ("facility", "fac:t-new", "new-3") in joined
    assert ("facility", "fac:t-zero", "dup-1") not in joined
    assert len([a for a in got["alerts"] if a["facility_id"] == "fac:t-esc"]) == 2
    (new_spike,) = [a for a in got["alerts"] if a["spike"] and a["facility_id"] == "fac:t-new"]
    assert new_spike["article_count"] == 2 and new_spike["labels"]["spike_count"] == "3"
    spiked = [a for a in got["alerts"] if a["spike"] and a["facility_id"] == "fac:t-spiked"]
    assert [(a["article_count"], "spike_count" in a["labels"]) for a in spiked] == [(1, True), (2, False)]


@pytest.mark.parametrize("seed", range(6))
async def test_random_batches(database_url: str, seed: int) -> None:
    await compare(database_url, random_batch(seed), WITH_SPIKE if seed % 3 else NO_SPIKE)


@pytest.mark.parametrize("seed", range(6))
async def test_notices_due_written_in_the_batch_as_the_scheduler_would(database_url: str, seed: int) -> None:
    """The consumer's pass (joins, then the notices they made due, in one transaction) leaves what the joins and
    the scheduler's next pass leave: the same incidents, events, outbox records, notices and deliveries."""
    got = await compare(database_url, random_batch(seed), WITH_SPIKE if seed % 3 else NO_SPIKE, notify_in_batch=True)
    assert any(kind == "firing" and at == T for _, kind, at, _ in got["notices"])  # some first notice was due at T


async def test_first_notice_and_deliveries_are_in_the_batch_transaction(database_url: str) -> None:
    """Before any scheduler pass, the batch's own transaction holds the first notice of an incident it opened (group
    wait 0) with one delivery per matching subscription, and the incident no longer due."""
    batch = [article("new-2", ["fac:t-new"], event_types=("attack",)),
             article("zero-9", ["fac:t-zero"], event_types=("humanitarian",))]

    async def work(s: AsyncSession) -> dict[str, Any]:
        await prior_state(s, WITH_SPIKE, run_due)
        await batch_with_notices(s, batch, WITH_SPIKE)
        return await tables(s)

    got = await in_rolled_back_transaction(database_url, work)
    opened = {a["id"]: a for a in got["alerts"] if a["first_seen"] == T}
    assert {a["facility_id"] for a in opened.values()} == {"fac:t-new", "fac:t-zero"}
    firing = {alert_id for alert_id, kind, at, _ in got["notices"] if kind == "firing" and at == T}
    assert firing == set(opened)
    assert all(a["notified_kind"] == "firing" and a["notified_at"] == T for a in opened.values())
    assert all(a["next_check_at"] is None or a["next_check_at"] > T for a in opened.values())
    crit = opened[next(i for i, a in opened.items() if a["facility_id"] == "fac:t-new")]
    sent = {(alert_id, url) for alert_id, kind, url, _ in got["deliveries"] if kind == "firing"}
    assert (str(crit["id"]), "http://127.0.0.1/crit") in sent  # critical: both subscriptions
    assert (str(crit["id"]), "http://127.0.0.1/all") in sent
    changes = [e["change"] for e in got["incident_events"] if e["alert_id"] in opened]
    assert changes.count("opened") == 2 and changes.count("notified") == 2
