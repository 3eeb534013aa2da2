"""Webhook delivery: the worker that claims due deliveries (FOR UPDATE SKIP LOCKED, with a lease) and sends
each one on its own, in the subscription's format, retrying on a jittered schedule; and the pure rules for
retries, rate limits and a subscription's health (circuit breaker, disabling)."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import logging
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import delivery_repository as store
from services.alert import metrics
from services.alert.delivery_lease import Lease
from services.alert.delivery_recorder import AttemptRecorder
from services.alert.formats import event_type_of, notice_from_alert, render
from services.alert.notice import Notice
from services.alert.settings import AlertSettings, parse_schedule
from services.alert.targets import DNS_TIMEOUT_S, UnsafeTarget, check_target
from services.alert.transport import (
    MAX_RETRY_AFTER_S,
    Outcome,
    WebhookClient,
    encode,
    new_secret,
    pinned,
    post,
    retry_after_s,
    signed_request,
)
from shared.db import autocommit
from shared.errors import is_transient
from shared.polling import Poller

__all__ = ["MAX_RETRY_AFTER_S", "DeliveryWorker", "Policy", "UnsafeTarget", "check_target", "new_secret",
           "pinned", "retry_after_s", "signed_request"]

log = logging.getLogger(__name__)
LEGACY_EVENT_TYPE = "alert.raised"  # today's per-article alert, in the standard format
CLAIM_GATHER_S = 0.02  # with few slots free, how long the worker waits for more before it claims
READY_SLOTS = 1  # deliveries handed over may wait for a slot, up to this many concurrencies of them (at least)
READY_S = 1.0  # ... and up to what the receivers answered take this long to start (Policy.ready_s)
MAX_READY = 1024  # handed-over deliveries waiting for a slot in process, at most
RECORDING_BACKLOG = 4  # attempts answered and waiting for their recording, in concurrency units, before claiming waits
LEASE_S = 120  # the default lease (settings.delivery_lease_s): longer than any attempt can take (<= 60 s)
BODIES_KEPT = 256  # encoded notice bodies kept: a notice's deliveries to several subscriptions share one


@dataclass(frozen=True)
class Policy:
    allow_private: bool = False
    timeout_s: float = 10.0
    schedule_s: tuple[float, ...] = tuple(parse_schedule("0,5s,5m,30m,2h,5h,10h,10h"))
    jitter: float = 0.2
    concurrency: int = 16
    per_subscription: int = 4
    rate_per_s: float = 50.0
    breaker_failures: int = 5
    breaker_open_s: float = 30.0
    breaker_max_open_s: float = 600.0
    disable_after_s: float = 5 * 86400.0
    lease_s: int = LEASE_S
    dns_timeout_s: float = DNS_TIMEOUT_S
    public_url: str = ""
    # deliveries handed over may wait in process up to what a subscription's measured answer time starts in this
    # long (0: only READY_SLOTS concurrencies of them, whatever the receivers' speed)
    ready_s: float = READY_S

    @classmethod
    def from_settings(cls, s: AlertSettings) -> Policy:
        return cls(allow_private=s.allow_private_webhook_targets, timeout_s=s.delivery_timeout_s,
                   schedule_s=tuple(s.retry_schedule_s), jitter=s.delivery_retry_jitter,
                   concurrency=s.delivery_concurrency, per_subscription=s.delivery_subscription_concurrency,
                   rate_per_s=s.delivery_rate_limit_per_s, breaker_failures=s.delivery_breaker_failures,
                   breaker_open_s=s.delivery_breaker_open_s, breaker_max_open_s=s.delivery_breaker_max_open_s,
                   disable_after_s=s.delivery_disable_after_s, lease_s=s.delivery_lease_s, public_url=s.public_url)


def next_retry_s(schedule_s: tuple[float, ...] | list[float], attempts: int, asked_s: float | None,
                 jitter: float = 0.0, rng: random.Random | None = None) -> float | None:
    """The wait before the next attempt after `attempts` made ones (None: no more attempts): the schedule's
    entry, jittered by +-`jitter`; a receiver that asked for longer (429/503 Retry-After, already capped)
    gets its wait, never a shorter one than the schedule's."""
    if attempts >= len(schedule_s):
        return None
    wait = schedule_s[attempts] * (1 + (rng or random).uniform(-jitter, jitter))
    return max(wait, asked_s or 0.0)


def health_after(state: dict[str, Any], outcome: Outcome, policy: Policy, now: datetime) -> store.Health:
    """What one attempt does to its subscription: a success clears the failure streak and closes the breaker;
    a failure lengthens the streak, opens the breaker after `breaker_failures` in a row (for breaker_open_s,
    doubling each further failure up to breaker_max_open_s); 410 Gone, or failing for disable_after_s without
    a success, disables it with the reason."""
    if outcome.ok:
        return store.Health({"consecutive_failures": 0, "failing_since": None, "last_success_at": now,
                             "circuit_open_until": None})
    failures = state["consecutive_failures"] + 1
    since = state["failing_since"] or now
    values: dict[str, Any] = {"consecutive_failures": failures, "failing_since": since}
    if failures >= policy.breaker_failures:
        open_s = min(policy.breaker_open_s * 2 ** min(failures - policy.breaker_failures, 30),
                     policy.breaker_max_open_s)
        values["circuit_open_until"] = now + timedelta(seconds=open_s)
    reason = None
    if outcome.status_code == 410:
        reason = f"the receiver answered 410 Gone at {now.isoformat(timespec='seconds')}"
    elif (now - since).total_seconds() >= policy.disable_after_s:
        reason = (f"no successful delivery since {since.isoformat(timespec='seconds')} "
                  f"({failures} failed attempts in a row; last: {outcome.error})")
    if reason is not None and state["enabled"]:
        values |= {"enabled": False, "disabled_reason": reason, "disabled_at": now}
    return store.Health(values, reason)


class TokenBucket:
    """A per-subscription rate limit (per replica): `rate` attempts a second, bursts of up to max(1, rate)."""

    def __init__(self, rate: float) -> None:
        self.rate, self.capacity = rate, max(1.0, rate)
        self.tokens, self.at = self.capacity, time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now

    def take(self) -> float:
        """Take a token -> 0, or the seconds until one is due (nothing taken)."""
        self._refill()
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate

    def empty(self) -> bool:
        self._refill()
        return self.tokens < 1

    def available(self) -> int:
        """Whole tokens now: attempts that may start without waiting."""
        self._refill()
        return int(self.tokens)


class AnswerTime:
    """A receiver's measured answer time (an attempt's POST: sent -> answer read, or failed), smoothed over the
    last ~EWMA_N attempts: how fast its slots turn over, so how many handed-over deliveries it starts in a second."""

    EWMA_N = 16

    def __init__(self) -> None:
        self.s: float | None = None

    def add(self, seconds: float) -> None:
        seconds = max(seconds, 1e-4)
        self.s = seconds if self.s is None else self.s + (seconds - self.s) / self.EWMA_N

    def started_within(self, slots: int, within_s: float) -> int:
        """How many deliveries `slots` attempts at a time start within `within_s` at this answer time (0: none
        measured)."""
        return 0 if self.s is None or within_s <= 0 else int(slots * within_s / self.s)


def request_body(d: store.DueDelivery, public_url: str) -> dict[str, Any]:
    """The body for the subscription's format: a Notice rendered, or today's per-article alert (as it always
    was in the standard format, as a one-article notice in the others). A notice this process has just dumped
    (`d.fresh`: handed over by the transaction that wrote it) goes out in the standard format as it is: validating
    it again only to dump it again gave the same dict for ~80 µs (a notice of 3 articles), ~a tenth of an
    attempt's CPU."""
    if d.notice is not None and d.fresh and d.format == "standard":
        return {"type": event_type_of(d.notice["kind"]), "timestamp": d.notice["created_at"], "data": d.notice}
    if d.notice is not None:
        return render(Notice.model_validate(d.notice), d.format, routing_key=d.routing_key,  # type: ignore[arg-type]
                      public_url=public_url)
    assert d.alert is not None
    if d.format == "standard":
        return {"type": LEGACY_EVENT_TYPE, "timestamp": datetime.now(UTC).replace(microsecond=0).isoformat(),
                "data": d.alert}
    return render(notice_from_alert(d.alert), d.format, routing_key=d.routing_key,  # type: ignore[arg-type]
                  public_url=public_url)


class DeliveryWorker(Poller):
    """Keeps up to `concurrency` attempts in flight, each its own task: a slow receiver holds one slot for at
    most `timeout_s` and at most `per_subscription` slots in all; a dead one opens its breaker and is not
    claimed at all until it closes: one endpoint costs the others nothing."""

    name = "delivery worker"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], policy: Policy, poll_s: float = 0.5) -> None:
        super().__init__(poll_s)
        self.sessions, self.policy = sessions, policy
        self.lease_s = policy.lease_s
        self.client = WebhookClient(policy.timeout_s)
        self.in_flight: set[asyncio.Task[None]] = set()  # attempts holding a slot (their POST under way)
        self.tasks: set[asyncio.Task[None]] = set()  # every attempt not finished (its recording included)
        self.freed = asyncio.Event()  # a slot was freed
        self.per_sub: dict[uuid.UUID, int] = {}
        self.probing: set[uuid.UUID] = set()
        self.buckets: dict[uuid.UUID, TokenBucket] = {}
        self.crashed: BaseException | None = None
        self.recorder = AttemptRecorder(sessions, lambda state, outcome, now: health_after(state, outcome, policy, now))
        # handed over leased by the transaction that created them (delivery_lease.py), waiting for a slot of their
        # subscription, a queue per subscription (in the order they were handed over): (the delivery, until when it
        # may start: half its lease, monotonic). A slot freed looks at each subscription's first, not at every one
        # waiting (up to MAX_READY)
        self.ready: dict[uuid.UUID, collections.deque[tuple[store.DueDelivery, float]]] = {}
        self.ready_count = 0
        # each subscription's measured answer time, and all of them together: how many may wait for a slot
        self.answer_times: dict[uuid.UUID, AnswerTime] = {}
        self.answer_time = AnswerTime()
        # the last claim filled every slot it had: more may be due, so a slot freed claims again at once. Else a
        # freed slot claims nothing (at 200 notices a second, all handed over, each attempt's end was a claim
        # query that found nothing); what falls due later is found by the poll, and writers wake the worker.
        self.more = True
        self.backlog: set[uuid.UUID] = set()  # subscriptions the last claims took a whole share of: more may be due
        # encoded bodies of the latest notices by (notice id, format, routing key): the same bytes for each
        # subscription in that format (only the signature differs); a per-article alert is stamped when sent
        self.bodies: collections.OrderedDict[tuple[str, str, str | None], bytes] = collections.OrderedDict()
        # subscriptions whose last attempt failed: handed no more than before their answer times counted (their
        # breaker and probing are the claim's rules), and what waited beyond that given back (`giving_back`)
        self.failing: set[uuid.UUID] = set()
        self.giving_back: set[asyncio.Task[None]] = set()

    def lease(self) -> Lease | None:
        """An offer for a transaction about to write deliveries: as many as there are free slots, and more to wait in
        process for a slot (None: none): READY_SLOTS concurrencies of them, or as many as the receivers' measured
        answer times start within `ready_s` (up to MAX_READY). A batch of more notices than that (an alert batch of
        250 in a burst) left the rest to the claim: a query per ~16 of them, each payload read back and validated,
        ~0.4 ms of CPU a delivery more than a hand-over (bench/delivery_rate.py). Those handed over start as slots
        free, each within about `ready_s` (a tiny part of the lease)."""
        c = self.policy.concurrency
        free = min(c - len(self.in_flight), RECORDING_BACKLOG * c - len(self.tasks))
        capacity = 0 if self.stopping.is_set() else free + self._ready_allowance(c, self.answer_time) - self.ready_count
        if capacity <= 0:
            return None
        default = (1 + READY_SLOTS) * self.policy.per_subscription
        room = self._room(1 + READY_SLOTS, measured=True)
        room = {sub: max(0, room.get(sub, default) - len(self.ready.get(sub, ())))
                for sub in set(room) | set(self.ready)}
        return Lease(capacity, self.lease_s, self.policy.breaker_failures, room=room, default_room=default)

    def _ready_allowance(self, slots: int, answer: AnswerTime | None) -> int:
        """How many handed-over deliveries may wait for `slots` slots: READY_SLOTS times them, or as many as `answer`
        (the measured answer time) starts within the policy's ready_s (an eighth of the lease at most), up to
        MAX_READY."""
        within = min(self.policy.ready_s, self.lease_s / 8)  # far inside the half lease after which one is dropped
        measured = answer.started_within(slots, within) if answer is not None else 0
        return max(READY_SLOTS * slots, min(MAX_READY, measured))

    def _room(self, shares: int = 1, measured: bool = False) -> dict[uuid.UUID, int]:
        """How many more attempts each subscription the worker knows may start: `shares` times its share of slots
        (one while probing) less those in flight, and no more than its rate's tokens now. A subscription not in
        it has its whole share. `measured`: its share and as many as its answer time starts within ready_s, if
        more (the hand-over's room)."""
        out = {}
        for sub in set(self.per_sub) | set(self.buckets):
            cap = 1 if sub in self.probing else self.policy.per_subscription
            n = shares * cap
            if measured and sub not in self.failing:
                n = max(n, cap + self._ready_allowance(cap, self.answer_times.get(sub)))
            n -= self.per_sub.get(sub, 0)
            bucket = self.buckets.get(sub)
            if bucket is not None:
                n = min(n, bucket.available())
            out[sub] = max(0, n)
        return out

    def take(self, leased: list[store.DueDelivery], held_back: set[uuid.UUID] | frozenset[uuid.UUID] = frozenset()
             ) -> None:
        """After the commit of the transaction that leased them: attempt them now (no claim). Once the worker is
        stopping they are left leased: any worker claims them when the lease ends (as after a crash). `held_back`:
        subscriptions with deliveries written unleased for want of room: claimed as one of their slots frees (or at
        the poll)."""
        self.backlog.update(held_back)
        if self.stopping.is_set() or not leased:
            return
        until = time.monotonic() + self.lease_s / 2
        for d in leased:
            self.ready.setdefault(d.subscription_id, collections.deque()).append((d, until))
        self.ready_count += len(leased)
        self._start_ready()

    def _start_ready(self) -> None:
        """Start the handed-over deliveries that have a slot (theirs and their subscription's, within its rate),
        each subscription's in the order they came; the others wait for a slot to free. One that waited half its
        lease is dropped, so that no attempt can run past the lease (which is longer than an attempt can take): the
        claim takes it once the lease ends (at least once, as after a crash)."""
        now, rate_wait = time.monotonic(), None
        for sub in list(self.ready):
            queue = self.ready[sub]
            while queue:
                d, until = queue[0]
                if now > until:
                    queue.popleft()
                    self.ready_count -= 1
                    continue
                if len(self.in_flight) >= self.policy.concurrency:
                    break
                wait = self._admit(d)
                if wait is not None:  # its subscription's slots are taken, or it is over its rate
                    if wait > 0:  # a step when a token is due (a slot freed steps anyway)
                        rate_wait = wait if rate_wait is None else min(rate_wait, wait)
                    break
                queue.popleft()
                self.ready_count -= 1
                self._start(d)
            if not queue:
                del self.ready[sub]
        if rate_wait is not None:
            asyncio.get_running_loop().call_later(rate_wait, self.wakeup.set)

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            await self._give_back_ready()
            if self.tasks:  # SIGTERM: let the attempts under way finish (each is bounded) and record
                await asyncio.wait(self.tasks, timeout=self.policy.timeout_s + 5)
            await self.recorder.close()
            await self.client.aclose()
        if self.crashed is not None:
            raise self.crashed

    def _fail_ready(self, sub: uuid.UUID) -> None:
        """An attempt to `sub` failed: of its handed-over deliveries waiting, no more than READY_SLOTS times its share
        stay (as many as waited before answer times counted); the rest go back to the claim, due now, which follows
        its breaker (none while open, one at a time while probing). A receiver that began failing fast is not sent
        the ~1,000 a fast one may have waiting."""
        self.failing.add(sub)
        queue = self.ready.get(sub)
        keep = READY_SLOTS * self.policy.per_subscription
        if queue is None or len(queue) <= keep:
            return
        back = [queue.pop()[0] for _ in range(len(queue) - keep)]  # the latest handed over
        self.ready_count -= len(back)
        task = asyncio.create_task(self._give_back(back), name="delivery give-back")
        self.giving_back.add(task)
        task.add_done_callback(self.giving_back.discard)

    async def _give_back(self, back: list[store.DueDelivery]) -> None:
        """Give handed-over deliveries back unattempted, due now; if that fails, their lease ends as after a crash."""
        try:
            async with autocommit(self.sessions) as session:
                await store.release_many(session, back)
        except (TimeoutError, SQLAlchemyError, OSError) as exc:  # (a bug still raises)
            log.warning("could not give back handed-over deliveries; claimed when their lease ends",
                        extra={"error": repr(exc)[:300], "deliveries": len(back)})

    async def _give_back_ready(self) -> None:
        """Stopping: the handed-over deliveries not started go back unattempted, for any worker's claim now (not
        at the end of their lease). Best effort: if this fails, the lease ends as after a crash."""
        ready = [d for queue in self.ready.values() for d, _ in queue]
        self.ready, self.ready_count = {}, 0
        if self.giving_back:
            await asyncio.gather(*self.giving_back, return_exceptions=True)
        if ready:
            await self._give_back(ready)

    def _busy(self) -> frozenset[uuid.UUID]:
        cap = self.policy.per_subscription
        full = {s for s, n in self.per_sub.items() if n >= (1 if s in self.probing else cap)}
        return frozenset(full | {s for s, b in self.buckets.items() if b.empty()})

    async def step(self) -> bool:
        if self.crashed is not None:
            raise self.crashed  # a bug in an attempt task stops the process loudly (DESIGN.md rule 5)
        self._start_ready()
        free = await self._free_slots()
        if free <= 0:
            return True
        # One statement, atomic on its own (no BEGIN/COMMIT round trips); so is each release. A crash between the
        # claim and a release leaves that delivery leased: sent when the lease ends (at least once, as ever).
        busy, room = self._busy(), self._room()
        async with autocommit(self.sessions) as session:
            # each subscription no more than it may start now (its free share, its tokens): a claim of its whole
            # share when one slot or one token was free gave the rest back one UPDATE each (a rate-limited
            # subscription with a backlog: ~15 given back per attempt)
            claimed = await store.claim_due_deliveries(
                session, free, self.lease_s, per_subscription=self.policy.per_subscription, busy=busy,
                breaker_failures=self.policy.breaker_failures, room=room)
            admitted = []
            for d in claimed:
                wait = self._admit(d)
                if wait is None:
                    admitted.append(d)
                else:  # over its share of slots or its rate: back unattempted, due again after `wait`
                    await store.release(session, d, wait)
        for d in admitted:
            self._start(d)
        # More may be due when the claim filled every free slot; and of a subscription whose whole share (the
        # claim's LIMIT per subscription) it took, until a claim that did not skip it as busy finds fewer: one of
        # its slots freeing claims again. Without that, one subscription's backlog (notices faster than the
        # hand-over takes them) was claimed a share at a time, each claim waiting for the next poll or a writer's
        # wake-up: 21 deliveries/s to a subscriber under `make run` (bench/load_make_run.py).
        shares = collections.Counter(d.subscription_id for d in claimed)
        cap = self.policy.per_subscription
        self.backlog = {s for s in self.backlog | set(shares) if shares.get(s, 0) >= room.get(s, cap) or s in busy}
        self.more = len(claimed) == free
        return self.more

    def _start(self, d: store.DueDelivery) -> None:
        task = asyncio.create_task(self._attempt(d), name=f"delivery {d.id}")
        self.in_flight.add(task)
        self.tasks.add(task)
        task.add_done_callback(functools.partial(self._finished, sub=d.subscription_id))

    def _free(self) -> int:
        """Slots free for new attempts; attempts that answered but wait for their recording count too beyond
        RECORDING_BACKLOG times the concurrency (the recorder falling behind slows claiming)."""
        c = self.policy.concurrency
        return min(c - len(self.in_flight), RECORDING_BACKLOG * c - len(self.tasks))

    async def _free_slots(self) -> int:
        """Free slots, claimed a few at a time: a claim costs about what recording an attempt does, so with every
        slot busy it waits (up to CLAIM_GATHER_S) for a quarter of them to free before claiming."""
        batch = max(1, self.policy.concurrency // 4)
        deadline = time.monotonic() + CLAIM_GATHER_S
        while self.tasks and self._free() < batch:
            left = deadline - time.monotonic()
            if left <= 0 and self._free() > 0:
                break
            self.freed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.freed.wait(), left if left > 0 else None)
        return self._free()

    def _admit(self, d: store.DueDelivery) -> float | None:
        """Count `d` in its subscription's slots and rate -> None, or the wait before it may go (the claim takes
        up to `per_subscription` of each subscription, whatever it has in flight already)."""
        sub = d.subscription_id
        cap = 1 if d.probing or sub in self.probing else self.policy.per_subscription
        if self.per_sub.get(sub, 0) >= cap:
            return 0.0
        rate = d.rate_limit_per_s or self.policy.rate_per_s
        bucket = self.buckets.get(sub)
        if bucket is None or bucket.rate != rate:
            bucket = self.buckets[sub] = TokenBucket(rate)
        wait = bucket.take()
        if wait:
            return wait
        self.per_sub[sub] = self.per_sub.get(sub, 0) + 1
        if d.probing:
            self.probing.add(sub)
        return None

    def _release(self, task: asyncio.Task[Any], sub: uuid.UUID) -> None:
        """The attempt's slot (and its subscription's) is free: once, when it succeeded, or when it finished."""
        if task not in self.in_flight:
            return
        self.in_flight.discard(task)
        self.per_sub[sub] -= 1
        if not self.per_sub[sub]:
            del self.per_sub[sub]
            self.probing.discard(sub)
        self.freed.set()
        if self.ready:
            self._start_ready()
        if self.more or sub in self.backlog:
            self.wakeup.set()  # a slot is free and deliveries may wait for one: claim now, not at the poll

    def _finished(self, task: asyncio.Task[None], sub: uuid.UUID) -> None:
        self._release(task, sub)
        self.tasks.discard(task)
        self.freed.set()
        if not task.cancelled() and task.exception() is not None and self.crashed is None:
            self.crashed = task.exception()

    def _body(self, d: store.DueDelivery) -> bytes:
        if d.notice is None:
            return encode(request_body(d, self.policy.public_url))
        key = (str(d.notice.get("id")), d.format, d.routing_key)
        body = self.bodies.get(key)
        if body is None:
            body = self.bodies[key] = encode(request_body(d, self.policy.public_url))
            if len(self.bodies) > BODIES_KEPT:
                self.bodies.popitem(last=False)
        return body

    async def _attempt(self, d: store.DueDelivery) -> None:
        p = self.policy
        try:
            body, headers = signed_request(str(d.id), d.secrets, self._body(d))
        except (ValueError, TypeError, KeyError) as exc:  # a stored payload or subscription this version cannot render
            outcome = Outcome(datetime.now(UTC), 0.0, None, f"cannot render the notice: {exc}"[:500], None, None)
        else:
            outcome = await post(self.client, d.url, body, headers, allow_private=p.allow_private,
                                 timeout_s=p.timeout_s, dns_timeout_s=p.dns_timeout_s)
        metrics.DELIVERY_SECONDS.observe(outcome.latency_ms / 1000)
        self.answer_time.add(outcome.latency_ms / 1000)
        answer = self.answer_times.get(d.subscription_id)
        if answer is None:
            answer = self.answer_times[d.subscription_id] = AnswerTime()
        answer.add(outcome.latency_ms / 1000)
        if outcome.ok:
            # The receiver has it: the slot is free for the next attempt while this one is recorded (batched, with
            # others). Its lease still fences it until then; a crash before the record -> sent again when the
            # lease ends (at least once, same webhook-id). A failure keeps its slot until recorded: the
            # subscription's breaker and probing go by recorded failures.
            task = asyncio.current_task()
            if task is not None:
                self._release(task, d.subscription_id)
        if outcome.ok:
            self.failing.discard(d.subscription_id)
        else:
            self._fail_ready(d.subscription_id)
        gone = outcome.status_code == 410
        retry_in = None if outcome.ok or gone else next_retry_s(p.schedule_s, d.attempts, outcome.retry_after_s,
                                                                p.jitter)
        metrics.DELIVERIES.labels("succeeded" if outcome.ok else ("retry" if retry_in is not None else "failed")).inc()
        if not outcome.ok:
            log.warning("webhook delivery failed", extra={"delivery_id": str(d.id), "attempt": d.attempts,
                                                          "error": outcome.error, "retry_in_s": retry_in})
        try:
            recorded, health = await self.recorder.record(d, outcome, retry_in)
        except Exception as exc:
            if not is_transient(exc):
                raise
            # the lease expires and the delivery is attempted again: at least once, same webhook-id
            log.warning("could not record a delivery attempt; retried when its lease expires",
                        extra={"delivery_id": str(d.id), "error": repr(exc)[:300]})
            return
        if health is not None and health.disabled_reason:
            metrics.SUBSCRIPTIONS_DISABLED.inc()
            log.warning("subscription disabled", extra={"subscription_id": str(d.subscription_id),
                                                        "reason": health.disabled_reason})
        if not recorded:
            log.warning("delivery attempt not recorded: its lease was taken over or the delivery was cancelled",
                        extra={"delivery_id": str(d.id), "attempt": d.attempts})
