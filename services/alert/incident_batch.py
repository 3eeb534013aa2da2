"""A consumer batch of articles into incidents with a constant number of round trips (issue 12): `apply_batch`
leaves exactly what incident_repository.apply, article after article in order, would leave.

It reads once what apply would read article by article (the incidents holding the batch's group keys, locked;
which of the batch's articles joined already; the spike counts), plays every join in memory in order (the
same steps as `join`: a passed window closed, the incident opened or joined, escalation, the next check), then
writes the outcome: the incidents' final rows, their articles, their change events and outbox rows, one
statement each. Sound because every incident change holds the change lock, taken first: nothing else moves
these rows or hands out change numbers until this transaction commits.

Values are kept as PostgreSQL would give them back (timestamps in UTC, jsonb objects in jsonb's key order), so
the snapshots, events and outbox records are the same, byte for byte, as the ones apply writes."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import ARRAY, DateTime, Text, any_, bindparam, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import incidents as inc
from services.alert.events import AlertChanged, Change
from services.alert.incident_repository import _NS, join_values, lock_changes, policy_of, snapshot
from services.alert.models import alerts, incident_articles, incident_events, outbox
from services.alert.notice import NoticeArticle, NoticeIncident
from services.alert.repository import SOURCE
from services.alert.rules import Rule, RuleSet, SpikeRule
from shared.annotation import FacilityMention
from shared.db import BulkInsert
from shared.events import ArticleRef, encode
from shared.outbox import OutboxLease, OutboxRow
from shared.text import pg_clean, pg_text
from shared.topics import ALERTS

_UPDATE = update(alerts).where(alerts.c.id == bindparam("b_id"))
_SEQS = text("SELECT nextval(pg_get_serial_sequence('alert.incident_events', 'seq')) FROM generate_series(1, :n)")
# ... and the ids of their outbox rows, when they are written leased (the relay is handed them by id)
_SEQS_AND_IDS = text("SELECT nextval(pg_get_serial_sequence('alert.incident_events', 'seq')), "
                     "nextval(pg_get_serial_sequence('alert.outbox', 'id')) FROM generate_series(1, :n)")


def _jsonb(v: Any) -> Any:
    """A JSON value as a jsonb column gives it back: object keys shortest first (in UTF-8 bytes), then bytewise."""
    t = type(v)
    if t is dict:
        return {k: _jsonb(v[k]) for k in sorted(v, key=_jsonb_key)}
    if t is list and not all(type(x) is str for x in v):
        return [_jsonb(x) for x in v]
    return v


def _jsonb_key(k: str) -> tuple[int, bytes]:
    b = k.encode()
    return len(b), b


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    """`values` as a RETURNING would give them back."""
    out = {}
    for k, v in values.items():
        if isinstance(v, datetime):
            out[k] = v if v.tzinfo is UTC else v.astimezone(UTC)
        else:
            out[k] = _jsonb(v)
    return out


def cleaned(d: inc.Decision, article: ArticleRef) -> tuple[inc.Decision, ArticleRef]:
    """As join cleans them: an enriched event from any producer may carry NUL or lone surrogates (ids, names,
    text), which PostgreSQL cannot store: a poison message would stop the consumer; stored and published cleaned."""
    article = ArticleRef.model_validate(pg_clean(article.model_dump(mode="json")))
    f = FacilityMention.model_validate(pg_clean(d.facility.model_dump(mode="json")))
    return replace(d, facility=f, evidence=pg_text(d.evidence), event_types=tuple(pg_clean(list(d.event_types))),
                   actors=tuple(pg_clean(list(d.actors))), source=d.source and pg_text(d.source),
                   lang=d.lang and pg_text(d.lang)), article


class Changes:
    """Incident rows in memory, changed as apply's and the scheduler's statements would change them, and the
    change events they announce; write() stores it all, one statement each."""

    def __init__(self, now: datetime, rows: list[dict[str, Any]]) -> None:
        self.now = now
        self.rows = {r["id"]: r for r in rows}  # every incident touched, its current row
        self.loaded = set(self.rows)
        self.dirty: set[uuid.UUID] = set()
        self.columns: set[str] = set()  # the columns changed in loaded rows
        self.new: list[uuid.UUID] = []  # opened in this batch, in order
        self.articles: list[dict[str, Any]] = []  # incident_articles rows, in order
        self.changes: list[tuple[str, Change, NoticeIncident, NoticeArticle | None, dict[str, object],
                                 str | None]] = []
        self.last: dict[uuid.UUID, NoticeIncident] = {}  # each incident's newest snapshot: its payload

    def set(self, row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        """A plain UPDATE of the incident (no change event)."""
        row.update(_stored(values))
        self.dirty.add(row["id"])
        self.columns.update(values)
        return row

    def record(self, row: dict[str, Any], change: Change, *, values: dict[str, Any] | None = None,
               article: NoticeArticle | None = None, notice_kind: str | None = None,
               changes: dict[str, object] | None = None, facility_ar: str | None = None) -> dict[str, Any]:
        """incident_repository.record_change, played: the change number and the rows come at write()."""
        values = values or {}
        incident = snapshot({**row, **values}, facility_ar)
        self.changes.append((str(row["id"]), change, incident, article, changes or {}, notice_kind))
        self.last[row["id"]] = incident
        # the payload's full form is written once, at the end; a later snapshot reads only its facility_ar
        return self.set(row, values | {"payload": {"facility_ar": incident.facility_ar},
                                       "version": row["version"] + 1})

    def articles_of_new(self) -> dict[uuid.UUID, list[NoticeArticle]]:
        """The articles of each incident opened here, newest first, as notice_repository.articles_of would read them
        back once written (they are all it has): what its first notice carries, without the read."""
        new, out = set(self.new), dict[uuid.UUID, list[NoticeArticle]]()
        for a in self.articles:
            if a["alert_id"] in new:
                published = a["published_at"]
                out.setdefault(a["alert_id"], []).append(NoticeArticle(
                    article_id=a["article_id"], url=a["url"], title=a["title"], source=a["source"], lang=a["lang"],
                    published_at=published and published.astimezone(UTC), evidence=a["evidence"],
                    surface=a["surface"], event_types=a["event_types"], joined_at=a["joined_at"]))
        for arts in out.values():
            arts.reverse()  # numbered in the order written: the newest last
        return out

    async def write(self, session: AsyncSession, inserts: BulkInsert | None = None,
                    lease: OutboxLease | None = None) -> None:
        """Stores it all. The new rows (incidents, their articles, change events, outbox records) go into `inserts`
        when given, written at its flush (the caller's, with its own rows: one round trip for them all), else here,
        by one statement. `lease`: the outbox relay's offer (shared/outbox.py): the outbox records are written
        leased to it, up to its capacity, and listed in it, for the caller to hand over after its commit."""
        for i, incident in self.last.items():
            self.rows[i]["payload"] = incident.model_dump(mode="json")
        old = [i for i in self.dirty if i in self.loaded]
        if old:  # first: an incident closed here frees its group key for the one opened after it
            columns = sorted(self.columns)
            await session.execute(_UPDATE, [{"b_id": i, **{c: self.rows[i][c] for c in columns}}
                                            for i in sorted(old, key=str)])
        if inserts is None:
            inserts = BulkInsert()
            await self._write_new(session, inserts, lease)
            await inserts.flush(session)
        else:
            await self._write_new(session, inserts, lease)

    async def _write_new(self, session: AsyncSession, inserts: BulkInsert, lease: OutboxLease | None) -> None:
        inserts.add(alerts, [self.rows[i] for i in self.new])
        inserts.add(incident_articles, self.articles)
        if not self.changes:
            return
        ids: list[int] | None = None
        if lease is not None and lease.capacity > 0:  # change numbers and outbox ids: one round trip still
            pairs = (await session.execute(_SEQS_AND_IDS, {"n": len(self.changes)})).all()
            seqs, ids = sorted(p[0] for p in pairs), sorted(p[1] for p in pairs)
        else:
            seqs = sorted((await session.execute(_SEQS, {"n": len(self.changes)})).scalars())
        events = [AlertChanged(seq=seq, change=change, alert_id=alert_id, incident=incident, article=art,
                               notice_kind=kind, changes=changes, at=self.now)
                  for seq, (alert_id, change, incident, art, changes, kind) in zip(seqs, self.changes, strict=True)]
        encoded_events = [encode(e, SOURCE) for e in events]
        # the event's payload is its record's value, serialised once: orjson embeds the bytes as they are (the
        # same JSON as model_dump(mode="json") gives, which built every event a second time as Python objects:
        # ~6 % of the alert process at 200 articles/s, py-spy)
        inserts.add(incident_events, [
            {"seq": e.seq, "alert_id": uuid.UUID(e.alert_id), "change": e.change,
             "payload": orjson.Fragment(value), "created_at": self.now}
            for e, (_, value, _) in zip(events, encoded_events, strict=True)])
        records = []
        # the lease is compared with the database's clock when it ends, not with the consumer's (a test's)
        until = datetime.now(UTC) + lease.lease if lease is not None else None
        for n, (key, value, encoded) in enumerate(encoded_events):
            headers = [[k, v.decode()] for k, v in encoded]
            record: dict[str, Any] = {"topic": ALERTS, "key": key, "value": value, "headers": headers}
            if ids is not None and lease is not None:  # every row names the same columns: unleased ones get NULL
                leased = n < lease.capacity
                record |= {"id": ids[n], "claimed_until": until if leased else None}
                if leased:
                    lease.rows.append(OutboxRow(ids[n], ALERTS, key, value, headers))
            if lease is not None and (ids is None or n >= lease.capacity):
                lease.unleased += 1  # for the relay's claim
            records.append(record)
        inserts.add(outbox, records)


class _Play(Changes):
    """apply's joins, played on the batch's incidents."""

    def __init__(self, now: datetime, rows: list[dict[str, Any]], joined: set[tuple[str, str, str]],
                 counts: dict[str, list[int]]) -> None:
        super().__init__(now, rows)
        self.joined, self.counts = joined, counts
        self.open = {r["group_key"]: r for r in rows}  # group key -> the incident holding it

    def _open_rule(self, key: str) -> Rule | None:
        row = self.open.get(key)
        if row is None or row["window_ends_at"] is None or not row["window_ends_at"] > self.now:
            return None
        window = (row["window_ends_at"] - row["first_seen"]).total_seconds()
        return Rule.model_validate({"name": row["rule"], "severity": row["severity"], "labels": row["labels"],
                                    "group_window": window, **row["policy"]})

    def join(self, d: inc.Decision, article: ArticleRef, *, kind: inc.GroupKind = "facility",
             rule: Rule | SpikeRule | None = None, labels: dict[str, str] | None = None
             ) -> tuple[uuid.UUID, bool] | None:
        """incident_repository.join, played (`d` and `article` cleaned)."""
        now, f = self.now, d.facility
        key = inc.group_key(kind, f.id)
        rule = rule or d.rule
        if rule is None:
            rule = self._open_rule(key)
            if rule is None:
                return None
        if (kind, f.id, article.id) in self.joined:
            return None
        row = self.open.get(key)
        if row is not None and row["window_ends_at"] is not None and row["window_ends_at"] <= now:
            self.set(row, {"group_key": None})  # a window that has passed is closed first
            del self.open[key]
            row = None
        fp = inc.fingerprint(key, article.id)
        alert_id = uuid.uuid5(_NS, fp)
        all_labels = {**rule.labels, **(labels or {})}
        if row is None:
            row = {c.name: None for c in alerts.c} | _stored(dict(
                id=alert_id, fingerprint=fp, article_id=article.id, facility_id=f.id, facility_name=f.canonical,
                kind=f.kind, country=f.country, lat=f.lat, lon=f.lon, status="firing", payload={}, created_at=now,
                group_key=key, rule=rule.name, severity=rule.severity, spike=kind == "spike", labels=all_labels,
                policy=policy_of(rule), first_seen=now, last_seen=now,
                window_ends_at=now + timedelta(seconds=rule.group_window), confidence=f.confidence,
                silenced=False, article_count=0, sources=[], languages=[], event_types=[], actors=[],
                notified_count=0, version=0))
            del row["seq"]  # given by the INSERT
            self.rows[alert_id] = self.open[key] = row
            self.new.append(alert_id)
        opened = row["id"] == alert_id and row["article_count"] == 0
        art = NoticeArticle(article_id=article.id, url=article.url, title=article.title, source=d.source,
                            lang=d.lang, published_at=article.published_at, evidence=d.evidence, surface=f.surface,
                            event_types=list(d.event_types), joined_at=now)
        self.joined.add((kind, f.id, article.id))
        self.articles.append(dict(
            alert_id=row["id"], group_kind=kind, facility_id=f.id, article_id=article.id, url=article.url,
            title=article.title, source=d.source, lang=d.lang, published_at=article.published_at,
            evidence=d.evidence, surface=f.surface, event_types=list(d.event_types), actors=list(d.actors),
            joined_at=now))
        if kind == "facility":
            self.counts.setdefault(f.id, [0, 0])[0] += 1  # joined now: within the spike window
        values, changes = join_values(row, d, rule, all_labels, opened, now)
        self.record(row, "opened" if opened else "article_joined", values=values, article=art,
                    changes={} if opened else changes, facility_ar=f.surface if d.lang == "ar" else None)
        return row["id"], opened


def _union(old: list[str], new: list[str]) -> list[str]:
    return sorted(set(old) | set(new))


async def apply_batch(session: AsyncSession, items: list[tuple[list[inc.Decision], ArticleRef]], rules: RuleSet,
                      now: datetime) -> list[tuple[str, bool]]:
    """incident_repository.apply for each (decisions, article) in order, in one pass. -> (kind, opened) per
    facility an article joined (none for a re-delivered message)."""
    play, results = await play_batch(session, items, rules, now)
    if play is not None:
        await play.write(session)
    return results


async def play_batch(session: AsyncSession, items: list[tuple[list[inc.Decision], ArticleRef]], rules: RuleSet,
                     now: datetime) -> tuple[Changes | None, list[tuple[str, bool]]]:
    """apply_batch's reads and joins, not written yet (None: nothing to write): the caller may play more on the
    same incidents (the notices now due: scheduler.play_due) before Changes.write. Takes the change lock."""
    work = [[(d, *cleaned(d, article)) for d in decisions] for decisions, article in items]
    pairs = [(d, a) for group in work for _, d, a in group]
    if not pairs:
        return None, []
    await lock_changes(session)  # before any incident row lock (see incident_repository._SEQ_LOCK)
    spike = rules.spike
    facilities = sorted({d.facility.id for d, _ in pairs})
    keys = [inc.group_key("facility", f) for f in facilities]
    if spike is not None:
        keys += [inc.group_key("spike", f) for f in facilities]
    rows = [dict(r) for r in (await session.execute(_OPEN_INCIDENTS, {"keys": keys})).mappings()]
    ids = sorted({a.id for _, a in pairs})
    counts: dict[str, list[int]] = {}
    if spike is None:
        joined = {(k, f, a) for k, f, a in (await session.execute(_JOINED, {"ids": ids}))}
    else:
        joined, counts = await _joined_and_spike_counts(session, ids, facilities, spike, now)
    play = _Play(now, rows, joined, counts)
    results: list[tuple[str, bool]] = []
    for group in work:
        for raw, d, article in group:
            done = play.join(d, article)
            if done is None:
                continue  # a re-delivered message: already in its incident
            results.append((raw.facility.kind, done[1]))
            if spike is None:
                continue
            if inc.group_key("spike", d.facility.id) in play.open:
                play.join(d, article, kind="spike", rule=spike)
                continue
            recent, older = play.counts.get(d.facility.id, (0, 0))
            baseline = older / _windows(spike)
            if recent >= spike.min_count and recent >= spike.factor * baseline:
                play.join(d, article, kind="spike", rule=spike, labels={
                    "spike_count": str(recent), "spike_baseline_per_window": f"{baseline:.2f}",
                    "spike_window_s": f"{spike.window:g}"})
    return play, results


# Built once, arrays bound (`= ANY`): one cached statement, one prepared statement, whatever the batch (an IN list is
# rendered anew for each execution, and each length is another statement for the driver to prepare). The
# `IS NOT NULL` lets the planner use the partial unique index on open incidents' group keys with a generic plan.
_OPEN_INCIDENTS = select(alerts).where(alerts.c.group_key == any_(bindparam("keys", type_=ARRAY(Text))),
                                       alerts.c.group_key.is_not(None)).with_for_update()
_JOINED = select(incident_articles.c.group_kind, incident_articles.c.facility_id, incident_articles.c.article_id).where(
    incident_articles.c.article_id == any_(bindparam("ids", type_=ARRAY(Text))))


def _windows(rule: SpikeRule) -> float:
    window = timedelta(seconds=rule.window)
    return max(1.0, (timedelta(days=rule.baseline_days) - window) / window)


# _JOINED and the spike rule's (recent, older) article counts of the batch's facilities (as
# incident_repository.spike_counts counts them) in one round trip: `joined` tells the rows apart.
_JOINED_AND_COUNTS = text("""
    SELECT true AS joined, ia.group_kind, ia.facility_id, ia.article_id, NULL::bigint AS recent, NULL::bigint AS older
    FROM alert.incident_articles ia WHERE ia.article_id = ANY(:ids)
    UNION ALL
    SELECT false, NULL, ia.facility_id, NULL, count(*) FILTER (WHERE ia.joined_at > :recent_after),
           count(*) FILTER (WHERE ia.joined_at <= :recent_after)
    FROM alert.incident_articles ia
    WHERE ia.facility_id = ANY(:facilities) AND ia.group_kind = 'facility' AND ia.joined_at > :since
    GROUP BY ia.facility_id
""").bindparams(bindparam("ids", type_=ARRAY(Text)), bindparam("facilities", type_=ARRAY(Text)),
                bindparam("recent_after", type_=DateTime(timezone=True)),
                bindparam("since", type_=DateTime(timezone=True)))


async def _joined_and_spike_counts(session: AsyncSession, ids: list[str], facilities: list[str], rule: SpikeRule,
                                   now: datetime) -> tuple[set[tuple[str, str, str]], dict[str, list[int]]]:
    """The batch's articles already joined (as _JOINED reads them) and each facility's spike counts, in one query."""
    joined: set[tuple[str, str, str]] = set()
    counts: dict[str, list[int]] = {}
    for r in await session.execute(_JOINED_AND_COUNTS, {
            "ids": ids, "facilities": facilities, "recent_after": now - timedelta(seconds=rule.window),
            "since": now - timedelta(days=rule.baseline_days)}):
        if r.joined:
            joined.add((r.group_kind, r.facility_id, r.article_id))
        else:
            counts[r.facility_id] = [int(r.recent), int(r.older)]
    return joined, counts
