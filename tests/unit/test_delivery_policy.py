"""A subscription's health after each attempt (circuit breaker, 410 Gone, five days failing), the
per-subscription rate limit and share of the worker's slots, as pure rules."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

from services.alert.delivery import DeliveryWorker, Policy, TokenBucket, health_after
from services.alert.delivery_repository import DueDelivery
from services.alert.transport import Outcome

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
POLICY = Policy(breaker_failures=3, breaker_open_s=10, breaker_max_open_s=60, disable_after_s=5 * 86400)


def failed(code: int | None = 500) -> Outcome:
    return Outcome(NOW, 5.0, code, f"receiver answered HTTP {code}", None, None)


def state(failures: int = 0, since: datetime | None = None, enabled: bool = True) -> dict[str, object]:
    return {"consecutive_failures": failures, "failing_since": since, "enabled": enabled}


def test_a_success_clears_the_streak_and_closes_the_breaker() -> None:
    h = health_after(state(7, NOW - timedelta(days=1)), Outcome(NOW, 1.0, 204, None, None, None), POLICY, NOW)
    assert h.values == {"consecutive_failures": 0, "failing_since": None, "last_success_at": NOW,
                        "circuit_open_until": None} and h.disabled_reason is None


def test_the_breaker_opens_after_failures_in_a_row_and_backs_off_to_a_cap() -> None:
    h1 = health_after(state(0), failed(), POLICY, NOW)
    assert h1.values == {"consecutive_failures": 1, "failing_since": NOW}  # still closed
    opens = [health_after(state(n, NOW), failed(), POLICY, NOW).values["circuit_open_until"] - NOW
             for n in range(2, 8)]
    assert [o.total_seconds() for o in opens] == [10, 20, 40, 60, 60, 60]


def test_410_gone_disables_at_once_with_the_reason() -> None:
    h = health_after(state(0), failed(410), POLICY, NOW)
    assert h.values["enabled"] is False and "410 Gone" in (h.disabled_reason or "")
    assert h.values["disabled_reason"] == h.disabled_reason and h.values["disabled_at"] == NOW


def test_five_days_without_a_success_disables_and_says_since_when() -> None:
    almost = health_after(state(40, NOW - timedelta(days=5) + timedelta(minutes=1)), failed(503), POLICY, NOW)
    assert "enabled" not in almost.values
    h = health_after(state(41, NOW - timedelta(days=5)), failed(503), POLICY, NOW)
    assert h.values["enabled"] is False
    assert h.disabled_reason == ("no successful delivery since 2026-11-27T08:00:00+00:00 (42 failed attempts in a "
                                 "row; last: receiver answered HTTP 503)")
    again = health_after(state(42, NOW - timedelta(days=6), enabled=False), failed(), POLICY, NOW)
    assert "disabled_reason" not in again.values  # the first reason stays


def test_the_token_bucket_allows_a_burst_then_the_rate() -> None:
    bucket = TokenBucket(5.0)
    assert [bucket.take() for _ in range(5)] == [0.0] * 5
    wait = bucket.take()
    assert 0 < wait <= 0.2 and bucket.empty()
    time.sleep(wait + 0.01)
    assert bucket.take() == 0.0
    slow = TokenBucket(0.5)  # below one a second: bursts of one
    assert slow.take() == 0.0 and 1.9 < slow.take() <= 2.0


def _due(sub: uuid.UUID, *, probing: bool = False, rate: float | None = None) -> DueDelivery:
    return DueDelivery(uuid.uuid4(), 1, sub, "http://127.0.0.1/x", ["whsec_x"], "standard", None, rate, probing,
                       None, {})


def test_the_worker_admits_a_subscriptions_share_of_slots_whatever_it_has_in_flight() -> None:
    worker = DeliveryWorker(None, Policy(per_subscription=2))  # type: ignore[arg-type]
    a, b, probe, slow = (uuid.uuid4() for _ in range(4))
    assert [worker._admit(_due(a)) for _ in range(3)] == [None, None, 0.0]  # the third waits for a free slot
    assert worker._admit(_due(b)) is None and a in worker._busy() and b not in worker._busy()
    worker.per_sub[a] -= 1  # one of a's attempts ended
    assert worker._admit(_due(a)) is None
    assert worker._admit(_due(probe, probing=True)) is None and worker._admit(_due(probe)) == 0.0  # one probe
    assert worker._admit(_due(slow, rate=1.0)) is None
    wait = worker._admit(_due(slow, rate=1.0))
    assert wait is not None and 0.9 < wait <= 1.0 and slow in worker._busy()  # its rate: a token a second


def _offer(lease: object, sub: uuid.UUID) -> bool:
    row = {"id": uuid.uuid4(), "subscription_id": sub}
    target = {"enabled": True, "consecutive_failures": 0, "circuit_open_until": None, "previous_secret": None,
              "previous_secret_expires_at": None, "secret": "whsec_x", "url": "http://127.0.0.1/x",
              "format": "standard", "routing_key": None, "rate_limit_per_s": None}
    return bool(lease.offer(row, target, {}))  # type: ignore[attr-defined]


def test_the_hand_over_leases_each_subscription_no_more_than_it_can_start() -> None:
    """A subscription over its rate (make run's console receiver, 50/s, behind a burst of notices) is handed none:
    its deliveries are left to the claim, and the worker's queue stays free for the others (it filled it, and
    every other subscription's notices waited for the claim: 21 deliveries/s to the load test's receiver)."""
    worker = DeliveryWorker(None, Policy(concurrency=16, per_subscription=4))  # type: ignore[arg-type]
    slow, fast, fresh = (uuid.uuid4() for _ in range(3))
    worker.buckets[slow] = TokenBucket(2.0)
    assert worker.buckets[slow].take() == 0.0 and worker.buckets[slow].take() == 0.0  # its tokens spent
    assert worker._admit(_due(fast)) is None  # one of fast's attempts in flight
    lease = worker.lease()
    assert lease is not None
    assert [_offer(lease, slow) for _ in range(3)] == [False] * 3
    # fast: its share and as many again, less the one in flight; a subscription the worker has not seen: 8
    assert [_offer(lease, fast) for _ in range(8)] == [True] * 7 + [False]
    assert [_offer(lease, fresh) for _ in range(9)] == [True] * 8 + [False]
    assert lease.unleased == 3 + 1 + 1 and len(lease.leased) == 15
    # each held back for want of its subscription's room: no claim now (it would find them busy); the worker is
    # told to claim them as one of their slots frees
    assert lease.held_back == {slow, fast, fresh} and not lease.claim_needed
    worker.take([], lease.held_back)
    assert {slow, fast, fresh} <= worker.backlog
    # over the worker's capacity: a claim is needed (it takes them as any slot frees)
    full = worker.lease()
    assert full is not None
    others = [uuid.uuid4() for _ in range(full.capacity + 1)]
    assert [_offer(full, sub) for sub in others] == [True] * full.capacity + [False]
    assert full.claim_needed and not full.held_back
