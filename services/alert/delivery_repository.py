"""Persistence of delivery: claiming due deliveries fairly, recording attempts (the delivery log) and each
subscription's health (breaker, disabling). Flushes; never commits (the caller's unit of work does)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, Double, Integer, Text, any_, bindparam, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert.models import deliveries, delivery_attempts, subscriptions
from services.alert.transport import Outcome


@dataclass(frozen=True)
class DueDelivery:
    id: uuid.UUID
    attempts: int  # also the lease token: each claim increments it, so a stale lease holder is fenced off
    subscription_id: uuid.UUID
    url: str
    secrets: list[str]  # the current secret first, then the previous one during a rotation's overlap
    format: str
    routing_key: str | None
    rate_limit_per_s: float | None
    probing: bool  # its breaker just closed after failures: one attempt at a time until one succeeds
    alert: dict[str, Any] | None  # an AlertRaised: deliveries made before incidents (no notice)
    notice: dict[str, Any] | None = None  # the Notice (services.alert.notice) to send
    # `notice` is this version's model_dump(mode="json") of it, just made (handed over by the transaction that
    # wrote it), not a stored payload read back (which may be from an older version, or reordered by jsonb)
    fresh: bool = False


_CLAIM = text("""
    WITH candidates AS (
        SELECT c.id, c.next_attempt_at FROM alert.subscriptions s
        CROSS JOIN LATERAL (
            SELECT dd.id, dd.next_attempt_at FROM alert.deliveries dd
            WHERE dd.subscription_id = s.id AND dd.status = 'pending' AND dd.next_attempt_at <= clock_timestamp()
              AND (dd.lease_until IS NULL OR dd.lease_until < clock_timestamp())
            ORDER BY dd.next_attempt_at
            LIMIT CASE WHEN s.consecutive_failures >= :breaker THEN 1
                       ELSE COALESCE((CAST(CAST(:room AS text) AS jsonb) ->> CAST(s.id AS text))::int, :per_sub) END) c
        WHERE s.active AND s.enabled AND NOT (s.id = ANY(:busy))
          AND (s.circuit_open_until IS NULL OR s.circuit_open_until <= clock_timestamp())
        ORDER BY c.next_attempt_at LIMIT :limit),
    due AS (
        SELECT dd.id FROM alert.deliveries dd
        WHERE dd.id IN (SELECT id FROM candidates) AND dd.status = 'pending'
          AND (dd.lease_until IS NULL OR dd.lease_until < clock_timestamp())
        FOR UPDATE OF dd SKIP LOCKED)
    UPDATE alert.deliveries d SET lease_until = clock_timestamp() + make_interval(secs => :lease),
                                  attempts = d.attempts + 1
    FROM due, alert.subscriptions s, alert.alerts a
    WHERE d.id = due.id AND s.id = d.subscription_id AND a.id = d.alert_id
    RETURNING d.id, d.attempts, d.subscription_id, s.url, s.secret, s.format, s.routing_key, s.rate_limit_per_s,
              s.consecutive_failures >= :breaker AS probing,
              CASE WHEN d.notice_id IS NULL THEN a.payload END AS alert,
              (SELECT n.payload FROM alert.notices n WHERE n.id = d.notice_id) AS notice,
              CASE WHEN s.previous_secret_expires_at > clock_timestamp() THEN s.previous_secret END AS previous
""").bindparams(bindparam("busy", type_=ARRAY(UUID(as_uuid=True))))


async def claim_due_deliveries(session: AsyncSession, limit: int, lease_s: int, *, per_subscription: int = 4,
                               busy: frozenset[uuid.UUID] = frozenset(), breaker_failures: int = 5,
                               room: dict[uuid.UUID, int] | None = None) -> list[DueDelivery]:
    """Lease up to `limit` due deliveries, at most `per_subscription` of each subscription (one while its
    breaker is probing), none of subscriptions that are disabled, whose breaker is open or that the caller
    calls `busy` (its in-flight or rate limit is reached), and of a subscription in `room` no more than that.
    Safe with any number of workers and replicas."""
    rows = (await session.execute(_CLAIM, {"limit": limit, "lease": lease_s, "per_sub": per_subscription,
                                           "busy": list(busy), "breaker": breaker_failures,
                                           "room": json.dumps({str(k): v for k, v in (room or {}).items()})})).all()
    return [DueDelivery(r.id, r.attempts, r.subscription_id, r.url, [r.secret] + ([r.previous] if r.previous else []),
                        r.format, r.routing_key, r.rate_limit_per_s, bool(r.probing), r.alert, r.notice)
            for r in rows]


@dataclass(frozen=True)
class Health:
    """What one attempt changes in its subscription (see delivery.health_after)."""

    values: dict[str, Any]
    disabled_reason: str | None = None


async def record_attempt(session: AsyncSession, d: DueDelivery, outcome: Outcome, *, retry_in_s: float | None,
                         health: Health | None) -> bool:
    """Log the attempt, update the subscription's health and record the delivery's new state under the
    claim's lease. -> False (the delivery unchanged) if the lease was taken over since or the delivery is no
    longer pending (its subscription was deleted); the attempt is logged either way: it was made."""
    values: dict[str, Any] = {"last_status_code": outcome.status_code, "last_error": outcome.error,
                              "lease_until": None}
    if outcome.ok:
        values |= {"status": "succeeded", "delivered_at": datetime.now(UTC)}
    elif retry_in_s is None:
        values |= {"status": "failed"}
    else:
        values |= {"next_attempt_at": datetime.now(UTC) + timedelta(seconds=retry_in_s)}
    # one statement (data-modifying CTEs): a round trip per attempt is most of what recording it costs
    ctes = [insert(delivery_attempts).values(_attempt_row(d.subscription_id, d.id, d.attempts, outcome))
            .returning(delivery_attempts.c.id).cte("logged")]
    if health is not None:
        ctes.append(update(subscriptions).where(subscriptions.c.id == d.subscription_id).values(**health.values)
                    .returning(subscriptions.c.id).cte("health"))
    recorded = update(deliveries).where(
        deliveries.c.id == d.id, deliveries.c.attempts == d.attempts, deliveries.c.status == "pending"
    ).values(**values).returning(deliveries.c.id).cte("recorded")
    counts = [select(func.count()).select_from(c).scalar_subquery() for c in (recorded, *ctes)]
    return bool((await session.execute(select(*counts))).first()[0])  # type: ignore[index]


async def release(session: AsyncSession, d: DueDelivery, wait_s: float) -> None:
    """Give a claimed delivery back unattempted (its subscription is over its rate): no attempt is spent."""
    await session.execute(update(deliveries).where(
        deliveries.c.id == d.id, deliveries.c.attempts == d.attempts, deliveries.c.status == "pending"
    ).values(attempts=d.attempts - 1, lease_until=None,
             next_attempt_at=datetime.now(UTC) + timedelta(seconds=wait_s)))


_RELEASE_MANY = text("""
    UPDATE alert.deliveries d SET attempts = d.attempts - 1, lease_until = NULL, next_attempt_at = clock_timestamp()
    FROM unnest(:ids, :attempts) AS v(id, attempts)
    WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'pending'
""").bindparams(bindparam("ids", type_=ARRAY(UUID(as_uuid=True))), bindparam("attempts", type_=ARRAY(Integer)))


async def release_many(session: AsyncSession, ds: list[DueDelivery]) -> None:
    """release(d, 0) for each of `ds`, in one statement: given back unattempted, due now."""
    if ds:
        await session.execute(_RELEASE_MANY, {"ids": [d.id for d in ds], "attempts": [d.attempts for d in ds]})


def _attempt_row(sub_id: uuid.UUID, delivery_id: uuid.UUID | None, attempt: int, outcome: Outcome,
                 test: bool = False) -> dict[str, Any]:
    return {"delivery_id": delivery_id, "subscription_id": sub_id, "attempt": attempt,
            "started_at": outcome.started_at, "latency_ms": round(outcome.latency_ms, 3),
            "status_code": outcome.status_code, "error": outcome.error, "response": outcome.response, "test": test}


async def log_attempt(session: AsyncSession, sub_id: uuid.UUID, delivery_id: uuid.UUID | None, attempt: int,
                      outcome: Outcome, *, test: bool = False) -> None:
    await session.execute(insert(delivery_attempts).values(_attempt_row(sub_id, delivery_id, attempt, outcome, test)))


async def subscription_health(session: AsyncSession, sub_id: uuid.UUID) -> dict[str, Any] | None:
    """The fields health_after reads, locked until the caller's commit (attempts to one subscription from
    several workers update its counters one after another)."""
    row = (await session.execute(select(
        subscriptions.c.consecutive_failures, subscriptions.c.failing_since, subscriptions.c.enabled
    ).where(subscriptions.c.id == sub_id).with_for_update())).mappings().first()
    return dict(row) if row else None


HEALTH = ("consecutive_failures", "failing_since", "last_success_at", "circuit_open_until", "enabled",
          "disabled_reason", "disabled_at")  # what an attempt may change in its subscription (Health.values)


async def subscriptions_health(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """Several subscriptions' health columns, locked (in id order) until the caller's commit."""
    if not ids:
        return {}
    s = subscriptions.c
    rows = (await session.execute(select(s.id, *(s[c] for c in HEALTH))
                                  .where(s.id == any_(bindparam("ids", ids, type_=ARRAY(UUID(as_uuid=True)))))
                                  .order_by(s.id).with_for_update())).mappings()
    return {r["id"]: {c: r[c] for c in HEALTH} for r in rows}


_RECORD_MANY = text("""
    UPDATE alert.deliveries d SET status = v.status, last_status_code = v.code, last_error = v.error,
        lease_until = NULL, delivered_at = CASE WHEN v.status = 'succeeded' THEN v.at ELSE d.delivered_at END,
        next_attempt_at = coalesce(v.next_at, d.next_attempt_at)
    FROM unnest(:ids, :attempts, :statuses, :codes, :errors, :ats, :nexts) AS v(id, attempts, status, code, error,
                                                                                 at, next_at)
    WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'pending'
    RETURNING d.id
""").bindparams(bindparam("ids", type_=ARRAY(UUID(as_uuid=True))), bindparam("attempts", type_=ARRAY(Integer)),
                bindparam("statuses", type_=ARRAY(Text)), bindparam("codes", type_=ARRAY(Integer)),
                bindparam("errors", type_=ARRAY(Text)), bindparam("ats", type_=ARRAY(DateTime(timezone=True))),
                bindparam("nexts", type_=ARRAY(DateTime(timezone=True))))


async def record_attempts(session: AsyncSession, batch: list[tuple[DueDelivery, Outcome, float | None]],
                          health: dict[uuid.UUID, dict[str, Any]]) -> set[uuid.UUID]:
    """record_attempt for several attempts (in their order) with their subscriptions' health after them all
    (`health`: every HEALTH column, for subscriptions the caller locked): a statement for each table.
    -> the deliveries recorded (the others' lease was taken over or they are no longer pending)."""
    if not batch:
        return set()
    await session.execute(insert(delivery_attempts), [_attempt_row(d.subscription_id, d.id, d.attempts, o)
                                                      for d, o, _ in batch])
    now = datetime.now(UTC)
    recorded = set((await session.execute(_RECORD_MANY, {
        "ids": [d.id for d, _, _ in batch], "attempts": [d.attempts for d, _, _ in batch],
        "statuses": ["succeeded" if o.ok else ("failed" if r is None else "pending") for _, o, r in batch],
        "codes": [o.status_code for _, o, _ in batch], "errors": [o.error for _, o, _ in batch],
        "ats": [now if o.ok else None for _, o, _ in batch],
        "nexts": [now + timedelta(seconds=r) if not o.ok and r is not None else None for _, o, r in batch],
    })).scalars())
    if health:
        await session.execute(update(subscriptions).where(subscriptions.c.id == bindparam("b_id")),
                              [{"b_id": sid, **values} for sid, values in sorted(health.items())])
    return recorded


_RECORD_SUCCEEDED = text("""
    WITH logged AS (
        INSERT INTO alert.delivery_attempts (delivery_id, subscription_id, attempt, started_at, latency_ms, status_code,
                                             error, response, test)
        SELECT v.id, v.sub, v.attempt, v.started, v.latency, v.code, NULL, v.response, false
        FROM unnest(:ids, :subs, :attempts, :starts, :latencies, :codes, :responses) WITH ORDINALITY
             AS v(id, sub, attempt, started, latency, code, response, n)
        ORDER BY v.n),
    locked AS (
        SELECT s.id FROM alert.subscriptions s WHERE s.id = ANY(:sub_ids) ORDER BY s.id FOR UPDATE),
    health AS (
        UPDATE alert.subscriptions s SET consecutive_failures = :h_failures, failing_since = :h_since,
                                         last_success_at = :h_success, circuit_open_until = :h_open
        FROM locked WHERE s.id = locked.id),
    recorded AS (
        UPDATE alert.deliveries d SET status = 'succeeded', last_status_code = v.code, last_error = NULL,
                                      lease_until = NULL, delivered_at = :now
        FROM unnest(:ids, :attempts, :codes) AS v(id, attempts, code)
        WHERE d.id = v.id AND d.attempts = v.attempts AND d.status = 'pending'
        RETURNING d.id)
    SELECT id FROM recorded
""").bindparams(bindparam("ids", type_=ARRAY(UUID(as_uuid=True))), bindparam("subs", type_=ARRAY(UUID(as_uuid=True))),
                bindparam("attempts", type_=ARRAY(Integer)), bindparam("starts", type_=ARRAY(DateTime(timezone=True))),
                bindparam("latencies", type_=ARRAY(Double)), bindparam("codes", type_=ARRAY(Integer)),
                bindparam("responses", type_=ARRAY(Text)), bindparam("sub_ids", type_=ARRAY(UUID(as_uuid=True))),
                *(bindparam(b, type_=DateTime(timezone=True)) for b in ("now", "h_since", "h_success", "h_open")))
_SUCCESS_HEALTH = {"consecutive_failures": "h_failures", "failing_since": "h_since", "last_success_at": "h_success",
                   "circuit_open_until": "h_open"}  # the columns a success sets (delivery.health_after) -> binds


async def record_succeeded(session: AsyncSession, batch: list[tuple[DueDelivery, Outcome]], health: Health,
                           now: datetime) -> set[uuid.UUID]:
    """record_attempts for attempts that all succeeded, in ONE statement (atomic on its own: the caller may
    autocommit): the attempt log in their order, each subscription's health as a success leaves it (`health`: the
    same whatever came before, so nothing is read first), the deliveries under their lease. -> the deliveries
    recorded."""
    if not batch:
        return set()
    if set(health.values) != set(_SUCCESS_HEALTH):
        raise ValueError(f"a success's health sets {sorted(health.values)}, not {sorted(_SUCCESS_HEALTH)}")
    rows = [_attempt_row(d.subscription_id, d.id, d.attempts, o) for d, o in batch]
    assert all(r["error"] is None for r in rows), "a success has no error"
    return set((await session.execute(_RECORD_SUCCEEDED, {
        "ids": [r["delivery_id"] for r in rows], "subs": [r["subscription_id"] for r in rows],
        "attempts": [r["attempt"] for r in rows], "starts": [r["started_at"] for r in rows],
        "latencies": [r["latency_ms"] for r in rows], "codes": [r["status_code"] for r in rows],
        "responses": [r["response"] for r in rows], "sub_ids": sorted({r["subscription_id"] for r in rows}),
        "now": now, **{bind: health.values[c] for c, bind in _SUCCESS_HEALTH.items()}})).scalars())


async def list_attempts(session: AsyncSession, *, limit: int, subscription_id: uuid.UUID | None = None,
                        delivery_id: uuid.UUID | None = None, alert_id: uuid.UUID | None = None
                        ) -> list[dict[str, Any]]:
    """The delivery log: attempts newest first, for a subscription, a delivery or an alert (incident)."""
    q = select(delivery_attempts, deliveries.c.alert_id).outerjoin(
        deliveries, deliveries.c.id == delivery_attempts.c.delivery_id)
    if subscription_id is not None:
        q = q.where(delivery_attempts.c.subscription_id == subscription_id)
    if delivery_id is not None:
        q = q.where(delivery_attempts.c.delivery_id == delivery_id)
    if alert_id is not None:
        q = q.where(deliveries.c.alert_id == alert_id)
    q = q.order_by(delivery_attempts.c.id.desc()).limit(limit)
    return [dict(r) for r in (await session.execute(q)).mappings()]
