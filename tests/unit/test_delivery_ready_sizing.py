"""Round pipe15: how many deliveries the alert consumer may hand the in-process delivery worker (leased, no claim),
sized by each receiver's measured answer time; and the handed-over queue, one per subscription."""

from __future__ import annotations

import asyncio
import time
import uuid

from services.alert.delivery import MAX_READY, READY_SLOTS, AnswerTime, DeliveryWorker, Policy, TokenBucket
from services.alert.delivery_repository import DueDelivery


def _due(sub: uuid.UUID, *, rate: float | None = 10_000.0) -> DueDelivery:
    return DueDelivery(uuid.uuid4(), 1, sub, "http://127.0.0.1/x", ["whsec_x"], "standard", None, rate, False,
                       None, {})


def _offer(lease: object, sub: uuid.UUID) -> bool:
    row = {"id": uuid.uuid4(), "subscription_id": sub}
    target = {"enabled": True, "consecutive_failures": 0, "circuit_open_until": None, "previous_secret": None,
              "previous_secret_expires_at": None, "secret": "whsec_x", "url": "http://127.0.0.1/x",
              "format": "standard", "routing_key": None, "rate_limit_per_s": 10_000.0}
    return bool(lease.offer(row, target, {}))  # type: ignore[attr-defined]


def _worker(**policy: object) -> tuple[DeliveryWorker, list[DueDelivery]]:
    """A worker whose attempts are only noted (no loop, no database)."""
    worker = DeliveryWorker(None, Policy(**policy))  # type: ignore[arg-type]
    started: list[DueDelivery] = []

    def start(d: DueDelivery) -> None:
        started.append(d)
        worker.in_flight.add(object())  # type: ignore[arg-type]

    worker._start = start  # type: ignore[method-assign]
    return worker, started


def test_an_answer_time_says_how_many_start_within_a_time() -> None:
    t = AnswerTime()
    assert t.started_within(4, 1.0) == 0  # nothing measured
    t.add(0.004)
    assert t.started_within(4, 1.0) == 1000 and t.started_within(4, 0.0) == 0
    for _ in range(200):  # a receiver that slowed down to 0.5 s an answer: the smoothed time follows
        t.add(0.5)
    assert t.started_within(4, 1.0) == 8


def test_a_fast_receiver_is_handed_what_it_starts_within_ready_s_not_one_concurrency() -> None:
    """A burst's notices (an alert batch of ~250 in the pipeline bench): with a receiver that answers in ~2 ms, the
    hand-over takes them all (each starts within ~ready_s); before, 2 concurrencies and the rest went through the
    claim (a query per 16, each payload read back and validated)."""
    worker, _ = _worker(concurrency=16, per_subscription=16, ready_s=1.0)
    fast, slow, fresh = (uuid.uuid4() for _ in range(3))
    for sub, seconds in ((fast, 0.002), (slow, 2.0)):
        worker.buckets[sub] = TokenBucket(10_000.0)
        worker.answer_times[sub] = AnswerTime()
        worker.answer_times[sub].add(seconds)
    for _ in range(50):  # all the worker's attempts (the fast receiver's, mostly): its slots' turnover
        worker.answer_time.add(0.002)
    lease = worker.lease()
    assert lease is not None and lease.capacity == 16 + MAX_READY  # the free slots and the most that may wait
    worker.answer_time.add(2.0)
    worker.answer_time.add(2.0)  # slow answers hold slots: fewer start in a second
    slower = worker.lease()
    assert slower is not None and 16 + 16 < slower.capacity < 16 + 100
    assert sum(_offer(lease, fast) for _ in range(400)) == 400
    # 16 slots at 2 s an answer start 8 in a second: its share and as many again, as before
    assert sum(_offer(lease, slow) for _ in range(40)) == (1 + READY_SLOTS) * 16
    assert sum(_offer(lease, fresh) for _ in range(40)) == (1 + READY_SLOTS) * 16  # nothing measured yet


def test_the_rate_limit_and_the_lease_still_bound_the_hand_over() -> None:
    worker, _ = _worker(concurrency=16, per_subscription=4, ready_s=1.0, lease_s=8)
    limited, short = uuid.uuid4(), uuid.uuid4()
    worker.buckets[limited] = TokenBucket(50.0)  # make run's console receiver, 50/s
    worker.buckets[short] = TokenBucket(10_000.0)
    for sub in (limited, short):
        worker.answer_times[sub] = AnswerTime()
        worker.answer_times[sub].add(0.01)
    worker.answer_time.add(0.001)
    lease = worker.lease()
    assert lease is not None and lease.capacity == 16 + MAX_READY
    assert sum(_offer(lease, limited) for _ in range(200)) == 50  # its tokens
    # a lease of 8 s: its slots and what starts within 1 s (an eighth of it), 4 slots at 10 ms an answer
    assert sum(_offer(lease, short) for _ in range(2000)) == 4 + 4 * 100
    worker.lease_s = 4  # within 0.5 s
    shorter = worker.lease()
    assert sum(_offer(shorter, short) for _ in range(2000)) == 4 + 4 * 50


def test_ready_s_zero_keeps_a_concurrencys_worth() -> None:
    worker, _ = _worker(concurrency=8, per_subscription=4, ready_s=0.0)
    sub = uuid.uuid4()
    worker.answer_times[sub] = AnswerTime()
    worker.answer_times[sub].add(0.001)
    worker.answer_time.add(0.001)
    lease = worker.lease()
    assert lease is not None and lease.capacity == (1 + READY_SLOTS) * 8
    assert sum(_offer(lease, sub) for _ in range(20)) == (1 + READY_SLOTS) * 4


def test_the_handed_over_wait_in_a_queue_per_subscription_in_order() -> None:
    """A subscription whose slots are taken does not hold up another's (each queue is looked at from its head: a
    freed slot costs a look per subscription, not one per delivery waiting); one that waited half its lease is
    dropped (the claim takes it when the lease ends)."""
    worker, started = _worker(concurrency=8, per_subscription=2)
    a, b = uuid.uuid4(), uuid.uuid4()
    first = [_due(a) for _ in range(5)]
    second = [_due(b) for _ in range(3)]
    worker.take(first + second)
    assert started == first[:2] + second[:2] and worker.ready_count == 4
    assert [d for d, _ in worker.ready[a]] == first[2:] and [d for d, _ in worker.ready[b]] == second[2:]
    # a's attempts end: its next two start, in the order handed over
    worker.in_flight.clear()
    worker.per_sub.clear()
    worker._start_ready()
    assert started[4:] == [*first[2:4], second[2]] and b not in worker.ready and worker.ready_count == 1
    worker.in_flight.clear()
    worker.per_sub.clear()
    d, _ = worker.ready[a].popleft()
    worker.ready[a].append((d, time.monotonic() - 1))  # waited past half its lease
    worker._start_ready()
    assert started[-1] is not d and not worker.ready and worker.ready_count == 0


async def test_a_failure_sends_what_waited_beyond_the_old_bound_back_to_the_claim() -> None:
    """A receiver that answered fast and began failing (fast: a 500 at once) is not sent the hundreds handed over
    for it: after a failed attempt no more than READY_SLOTS times its share stay waiting (as before answer times
    counted), the latest handed over go back to the claim (which follows its breaker), and its room in the next
    hand-over is the old one until an attempt succeeds."""
    worker, started = _worker(concurrency=16, per_subscription=2)
    given_back: list[DueDelivery] = []

    async def give_back(back: list[DueDelivery]) -> None:
        given_back.extend(back)

    worker._give_back = give_back  # type: ignore[method-assign]
    sub = uuid.uuid4()
    worker.buckets[sub] = TokenBucket(10_000.0)
    worker.answer_times[sub] = AnswerTime()
    worker.answer_times[sub].add(0.002)
    worker.answer_time.add(0.002)
    lease = worker.lease()
    assert lease is not None and sum(_offer(lease, sub) for _ in range(300)) == 300
    handed = [_due(sub) for _ in range(300)]
    worker.take(handed)
    assert started == handed[:2] and worker.ready_count == 298
    worker._fail_ready(sub)
    await asyncio.gather(*worker.giving_back)
    assert [d for d, _ in worker.ready[sub]] == handed[2:2 + READY_SLOTS * 2] and worker.ready_count == 2
    assert sorted(given_back, key=handed.index) == handed[4:]
    room = worker.lease()
    assert room is not None and sum(_offer(room, sub) for _ in range(300)) == 0  # 2 in flight, 2 waiting: full
    worker.failing.discard(sub)  # an attempt to it succeeded
    again = worker.lease()
    assert again is not None and sum(_offer(again, sub) for _ in range(300)) == 300
