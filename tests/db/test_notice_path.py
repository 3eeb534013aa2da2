"""The notice path end to end in one process, on a real database and a real HTTP receiver on loopback: the alert
consumer's batch writes the first notice and its deliveries in its own transaction; the delivery worker sends
them. At least once across crashes: a crash after that commit and before any POST, and a crash after the POST and
before its recording, both still deliver (the second twice, with the same webhook-id). A successful attempt frees
its slot before it is recorded; a failed one keeps it until recorded."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from devstack.embedded import free_port
from services.alert import delivery_repository as store
from services.alert import repository
from services.alert.consumer import AlertHandler
from services.alert.delivery import DeliveryWorker, Policy
from services.alert.models import deliveries, notices, subscriptions
from services.alert.rules import Filters
from shared.db import autocommit, make_engine, make_sessionmaker, unit_of_work
from tests.conftest import fresh_database
from tests.db.incident_support import RULES, enriched

pytestmark = pytest.mark.db
POLICY = Policy(allow_private=True, timeout_s=2.0, concurrency=4, per_subscription=4, rate_per_s=1000.0)


@dataclass
class Hook:
    """Records each request's webhook-id; answers `status` (500 for the next `fail` requests)."""

    url: str = ""
    ids: list[str] = field(default_factory=list)
    fail: int = 0
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: web.Request) -> web.Response:
        await request.read()
        self.ids.append(request.headers["webhook-id"])
        self.arrived.set()
        if self.fail:
            self.fail -= 1
            return web.Response(status=500)
        return web.Response(status=204)

    async def until(self, n: int, timeout: float = 15.0) -> None:
        async with asyncio.timeout(timeout):
            while len(self.ids) < n:
                self.arrived.clear()
                await self.arrived.wait()


@pytest.fixture
async def sessions(server_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with fresh_database(server_url, "notice") as url:
        engine = make_engine(url)
        try:
            yield make_sessionmaker(engine)
        finally:
            await engine.dispose()


@pytest.fixture
async def hook() -> AsyncIterator[Hook]:
    h = Hook()
    app = web.Application()
    app.router.add_post("/hook", h.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    h.url = f"http://127.0.0.1:{port}/hook"
    try:
        yield h
    finally:
        await runner.cleanup()


async def subscribe(sessions: async_sessionmaker[AsyncSession], url: str) -> None:
    async with unit_of_work(sessions) as s:
        await repository.create_subscription(s, url, "whsec_" + "A" * 43 + "=", Filters())


async def open_incidents(sessions: async_sessionmaker[AsyncSession], n: int) -> list[uuid.UUID]:
    """n articles, each naming its own facility, through the alert consumer's handler (one batch) -> the ids of
    the deliveries it queued."""
    woken: list[bool] = []
    handler = AlertHandler(sessions, [], RULES, on_notice=lambda: woken.append(True))
    await handler([enriched(facility_id=f"fac:test-path-{uuid.uuid4().hex[:8]}") for _ in range(n)])
    assert woken == [True]  # the delivery worker is woken once, after the commit
    async with sessions() as s:
        return list((await s.execute(select(deliveries.c.id))).scalars())


@contextlib.asynccontextmanager
async def running(worker: DeliveryWorker) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(worker.run())
    try:
        yield task
    finally:
        if not task.done():
            worker.stop()
            await asyncio.wait_for(task, 15)


async def statuses(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[str, int]]:
    async with sessions() as s:
        return sorted((r.status, r.attempts) for r in await s.execute(select(deliveries.c.status,
                                                                              deliveries.c.attempts)))


async def test_first_notice_is_committed_with_the_batch_and_a_worker_started_after_a_crash_sends_it(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    queued = await open_incidents(sessions, 3)
    # the batch's commit holds the notices and their deliveries: no scheduler pass ran, no worker either (the
    # process "died" right after the commit)
    async with sessions() as s:
        assert len((await s.execute(select(notices.c.id).where(notices.c.kind == "firing"))).all()) == 3
    assert len(queued) == 3 and await statuses(sessions) == [("pending", 0)] * 3
    async with running(DeliveryWorker(sessions, POLICY)):  # the restarted process
        await hook.until(3)
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 1)] * 3:
                break
            await asyncio.sleep(0.05)
    assert sorted(hook.ids) == sorted(str(d) for d in queued)
    assert await statuses(sessions) == [("succeeded", 1)] * 3


async def test_a_crash_after_the_post_before_its_record_sends_it_again_with_the_same_id(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    (queued,) = await open_incidents(sessions, 1)
    policy = Policy(**{**POLICY.__dict__, "lease_s": 1})
    crashed = DeliveryWorker(sessions, policy)
    never: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    crashed.recorder.record_batch = lambda batch: never  # type: ignore[assignment,method-assign,return-value]
    task = asyncio.create_task(crashed.run())
    await hook.until(1)
    for t in [*crashed.tasks, task]:  # the process dies: nothing recorded
        t.cancel()
    await asyncio.gather(*crashed.tasks, task, return_exceptions=True)
    await crashed.client.aclose()
    assert await statuses(sessions) == [("pending", 1)]
    async with running(DeliveryWorker(sessions, policy)):  # claims it again once the lease has passed
        await hook.until(2)
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 2)]:
                break
            await asyncio.sleep(0.05)
    assert hook.ids == [str(queued)] * 2  # at least once, the same webhook-id: the receiver can de-duplicate
    assert await statuses(sessions) == [("succeeded", 2)]


async def gated(worker: DeliveryWorker) -> asyncio.Event:
    """Hold the worker's recordings until the returned event is set."""
    gate = asyncio.Event()
    record: Callable[[Any], Awaitable[Any]] = worker.recorder.record_batch

    async def held(batch: Any) -> Any:
        await gate.wait()
        return await record(batch)

    worker.recorder.record_batch = held  # type: ignore[method-assign]
    return gate


async def test_a_success_frees_its_slot_before_it_is_recorded(sessions: async_sessionmaker[AsyncSession],
                                                             hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    await open_incidents(sessions, 3)
    worker = DeliveryWorker(sessions, Policy(**{**POLICY.__dict__, "concurrency": 1}))
    gate = await gated(worker)
    async with running(worker):
        await hook.until(3)  # one slot, and all three sent while none is recorded yet
        assert await statuses(sessions) == [("pending", 1)] * 3
        gate.set()
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 1)] * 3:
                break
            await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("succeeded", 1)] * 3


async def test_a_failure_keeps_its_slot_until_recorded(sessions: async_sessionmaker[AsyncSession],
                                                       hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    await open_incidents(sessions, 2)
    hook.fail = 1
    worker = DeliveryWorker(sessions, Policy(**{**POLICY.__dict__, "concurrency": 1}))
    gate = await gated(worker)
    async with running(worker):
        await hook.until(1)
        await asyncio.sleep(0.5)
        assert len(hook.ids) == 1  # the failed attempt holds the only slot while its recording waits
        gate.set()
        await hook.until(2)


async def test_the_batch_leases_its_deliveries_to_the_worker_and_hands_them_over_without_a_claim(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    worker = DeliveryWorker(sessions, POLICY)  # its claiming loop is not running: only the hand-over can send
    handler = AlertHandler(sessions, [], RULES, worker=worker)
    await handler([enriched(facility_id=f"fac:test-lease-{uuid.uuid4().hex[:8]}") for _ in range(10)])
    # up to its free slots (4) and as many again (waiting in process for a slot) written leased, as a claim leaves
    # them; the others left for the claim
    async with sessions() as s:
        rows = (await s.execute(select(deliveries.c.id, deliveries.c.attempts, deliveries.c.lease_until))).all()
    leased = sorted(str(r.id) for r in rows if r.attempts == 1 and r.lease_until is not None)
    assert len(leased) == 8 and sorted((r.attempts, r.lease_until is None) for r in rows) == [(0, True)] * 2 + [
        (1, False)] * 8
    await hook.until(8)  # the four beyond the slots started as the first four answered
    assert sorted(hook.ids) == leased
    for _ in range(100):
        if sorted(await statuses(sessions)) == [("pending", 0)] * 2 + [("succeeded", 1)] * 8:
            break
        await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("pending", 0)] * 2 + [("succeeded", 1)] * 8  # recorded, no claim
    async with running(worker):  # the claim takes the rest
        await hook.until(10)
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 1)] * 10:
                break
            await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("succeeded", 1)] * 10
    assert sorted(hook.ids) == sorted(str(r.id) for r in rows)


async def test_deliveries_leased_by_a_batch_whose_process_died_are_claimed_when_the_lease_ends(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    await subscribe(sessions, hook.url)
    policy = Policy(**{**POLICY.__dict__, "lease_s": 1})
    dead = DeliveryWorker(sessions, policy)
    dead.take = lambda leased, held_back=frozenset(): None  # type: ignore[method-assign]  # dies after the commit
    await AlertHandler(sessions, [], RULES, worker=dead)([enriched(facility_id=f"fac:test-lease-{uuid.uuid4().hex}")
                                                          for _ in range(2)])
    await dead.client.aclose()
    assert await statuses(sessions) == [("pending", 1)] * 2
    async with running(DeliveryWorker(sessions, policy)):  # claims them once their lease has passed
        await hook.until(2)
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 2)] * 2:
                break
            await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("succeeded", 2)] * 2


async def test_handed_deliveries_over_their_subscriptions_rate_start_when_a_token_is_due(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    async with unit_of_work(sessions) as s:
        await repository.create_subscription(s, hook.url, "whsec_" + "A" * 43 + "=", Filters(), rate_limit_per_s=4.0)
    worker = DeliveryWorker(sessions, Policy(**{**POLICY.__dict__, "concurrency": 8, "per_subscription": 8}))
    await AlertHandler(sessions, [], RULES, worker=worker)([enriched(facility_id=f"fac:test-rate-{uuid.uuid4().hex}")
                                                            for _ in range(6)])
    loop = asyncio.get_running_loop()
    started = loop.time()
    await hook.until(4)  # a burst of 4 (the bucket), at once
    assert loop.time() - started < 1.0
    # its claiming loop is not running: only the wake-up the worker set for the next token sends the rest
    waker = asyncio.create_task(_steps_on_wakeup(worker))
    try:
        await hook.until(6, timeout=5)
    finally:
        waker.cancel()
    assert loop.time() - started >= 0.4  # 4/s: the 5th is due 0.25 s after the burst, the 6th 0.5 s
    assert len(set(hook.ids)) == 6
    async with running(worker):
        for _ in range(100):
            if await statuses(sessions) == [("succeeded", 1)] * 6:
                break
            await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("succeeded", 1)] * 6


async def _steps_on_wakeup(worker: DeliveryWorker) -> None:
    """What the worker's loop does on a wake-up, with no poll: only a wake-up makes it step."""
    while True:
        await worker.wakeup.wait()
        worker.wakeup.clear()
        worker._start_ready()


async def test_a_batch_whose_deliveries_were_all_handed_over_does_not_wake_the_claim(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    """Every delivery handed to the worker: on_handed (the relay, the push), not on_notice (which wakes the worker's
    claim); one left to the claim (over the worker's 4 free slots and 4 waiting for one): on_notice. (ready_s 0: the
    hand-over is not widened by the hook's measured answer time, which would take all 9.)"""
    await subscribe(sessions, hook.url)
    calls: list[str] = []
    worker = DeliveryWorker(sessions, Policy(**{**POLICY.__dict__, "ready_s": 0.0}))
    handler = AlertHandler(sessions, [], RULES, worker=worker, on_notice=lambda: calls.append("notice"),
                           on_handed=lambda: calls.append("handed"))
    await handler([enriched(facility_id=f"fac:test-handed-{uuid.uuid4().hex[:8]}") for _ in range(2)])
    assert calls == ["handed"]
    await hook.until(2)
    for _ in range(100):  # their attempts recorded: the slots free again
        if not worker.tasks:
            break
        await asyncio.sleep(0.05)
    assert not worker.tasks
    await handler([enriched(facility_id=f"fac:test-handed-{uuid.uuid4().hex[:8]}") for _ in range(9)])
    assert calls == ["handed", "notice"]
    await hook.until(10)
    async with running(worker):  # the claim takes the one left
        await hook.until(11)


async def test_a_burst_to_a_receiver_that_answers_fast_is_handed_over_whole(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    """Once the worker has measured the hook's answer time (a few ms on loopback), a batch of 60 notices is handed
    over whole (4 slots start hundreds within ready_s): no claim is woken, and with the worker's claiming loop not
    running at all, every one is sent, once, and recorded."""
    await subscribe(sessions, hook.url)
    calls: list[str] = []
    worker = DeliveryWorker(sessions, POLICY)
    handler = AlertHandler(sessions, [], RULES, worker=worker, on_notice=lambda: calls.append("notice"),
                           on_handed=lambda: calls.append("handed"))
    await handler([enriched(facility_id=f"fac:test-burst-{uuid.uuid4().hex[:8]}") for _ in range(2)])
    await hook.until(2)
    for _ in range(100):  # their answers read and recorded
        if not worker.tasks:
            break
        await asyncio.sleep(0.05)
    assert worker.answer_times and worker.answer_time.s is not None
    await handler([enriched(facility_id=f"fac:test-burst-{uuid.uuid4().hex[:8]}") for _ in range(60)])
    assert calls == ["handed", "handed"]
    await hook.until(62)
    assert len(set(hook.ids)) == 62
    for _ in range(100):
        if await statuses(sessions) == [("succeeded", 1)] * 62:
            break
        await asyncio.sleep(0.05)
    assert await statuses(sessions) == [("succeeded", 1)] * 62
    assert not worker.ready and worker.ready_count == 0
    await worker.recorder.close()
    await worker.client.aclose()


async def test_a_subscriptions_backlog_is_claimed_as_its_slots_free_not_at_the_poll(
        sessions: async_sessionmaker[AsyncSession], hook: Hook) -> None:
    """Deliveries left to the claim (more notices than the hand-over took): the claim takes a subscription's share
    (2 here) and, having taken all of it, claims again as each of its slots frees, not at the next poll (30 s
    here). The claim gave up after a share that did not fill every free slot: under `make run` one subscriber was
    sent 21 notices a second. And a claim takes no more of a subscription than the worker says it has room for."""
    await subscribe(sessions, hook.url)
    await open_incidents(sessions, 7)
    async with sessions() as s:
        sub_id = (await s.execute(select(subscriptions.c.id))).scalar_one()
    async with autocommit(sessions) as s:
        one = await store.claim_due_deliveries(s, 10, 60, per_subscription=4, room={sub_id: 1})
    assert len(one) == 1
    async with autocommit(sessions) as s:
        await store.release(s, one[0], 0.0)
    worker = DeliveryWorker(sessions, Policy(**{**POLICY.__dict__, "concurrency": 4, "per_subscription": 2}),
                            poll_s=30.0)
    async with running(worker):
        await hook.until(7, timeout=5)
    assert len(set(hook.ids)) == 7
