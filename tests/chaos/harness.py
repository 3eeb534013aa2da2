"""The chaos run: the real pipeline (devstack.Stack) under articles posted over HTTP, SIGKILLs, a flaky receiver,
a PostgreSQL restart, a broker restart recovered from the outboxes, and malformed records; then the checks.
`run()` returns the figures and raises AssertionError listing every check that failed."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from devstack.embedded import free_port, wait_for_port
from devstack.republish import republish
from devstack.stack import SERVICES, Stack
from shared.settings import async_database_url
from shared.topics import ARTICLES, ENRICHED
from tests.chaos import workload

TOPICS = (ARTICLES, ENRICHED)
DELIVERY_TIMEOUT_S = 2.0


@dataclass
class Config:
    articles: int = 20_000
    facility_share: float = 0.05
    kills_per_service: int = 3
    restart_postgres: bool = True
    restart_broker: bool = True
    malformed_per_topic: int = 100
    fail_share: float = 0.3
    window_s: float = 120.0  # posting is spread over it; the chaos events fall in it
    seed: int = 0
    drain_timeout_s: float = 600.0
    partitions: int = 2


@dataclass
class Figures:
    lines: list[str] = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)

    def say(self, line: str, at: bool = False) -> None:
        self.lines.append(f"[{time.monotonic() - self.t0:6.1f} s] {line}" if at else line)
        print(self.lines[-1], flush=True)


def stack_env(cfg: Config) -> dict[str, str]:
    return {"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_TOPIC_PARTITIONS": str(cfg.partitions),
            "RAQIB_DELIVERY_TIMEOUT_S": str(DELIVERY_TIMEOUT_S), "RAQIB_DELIVERY_LEASE_S": "8",
            "RAQIB_DELIVERY_RETRY_SCHEDULE": "[0, 0.5, 1, 1, 2, 2, 2, 2, 2]",
            # the receiver fails ~30 % of requests on purpose: a breaker opened by a run of them would only slow
            # the count down, and one subscription takes every delivery
            "RAQIB_DELIVERY_BREAKER_OPEN_S": "0.5", "RAQIB_DELIVERY_BREAKER_MAX_OPEN_S": "1",
            "RAQIB_DELIVERY_SUBSCRIPTION_CONCURRENCY": "16",
            "RAQIB_CONSUMER_SESSION_TIMEOUT_MS": "6000", "RAQIB_LOG_LEVEL": "INFO",
            # the workload re-posts each template under a new reference, and expects every copy alerted: those
            # copies are near-duplicates (the same story), which ingest would otherwise link and not alert
            "RAQIB_NEAR_DUPLICATE_THRESHOLD": "2"}


def plan(cfg: Config, rng: random.Random) -> list[tuple[float, str, str]]:
    """-> (seconds into the window, event, what) in time order. The broker restart comes early and the
    malformed records after it (an embedded broker's restart loses its DLQs too)."""
    w = cfg.window_s
    events = [(rng.uniform(0.05, 0.9) * w, "kill", s) for s in SERVICES for _ in range(cfg.kills_per_service)]
    broker_at = rng.uniform(0.15, 0.3) * w if cfg.restart_broker else 0.0
    if cfg.restart_broker:
        events.append((broker_at, "broker", ""))
    if cfg.restart_postgres:
        events.append((rng.uniform(0.4, 0.7) * w, "postgres", ""))
    rounds = max(1, min(10, cfg.malformed_per_topic // 10))
    per = [cfg.malformed_per_topic // rounds + (r < cfg.malformed_per_topic % rounds) for r in range(rounds)]
    start = 0
    for n in per:
        events.append((rng.uniform(broker_at + 0.05 * w, 0.9 * w), "malformed", f"{start}:{start + n}"))
        start += n
    return sorted(events)


class Chaos:
    def __init__(self, cfg: Config, stack: Stack, auth: dict[str, str], figs: Figures,
                 restart_postgres: Callable[[], None] | None, tag: str) -> None:
        self.cfg, self.stack, self.auth, self.figs, self.tag = cfg, stack, auth, figs, tag
        self.restart_postgres = restart_postgres
        self.ids: dict[int, str] = {}
        self.post_retries: Counter[str] = Counter()
        self.republished: dict[str, int] = {}
        self.crashes: list[str] = []  # services that exited on their own (restarted, like a supervisor would)
        self.supervising = True
        self.unwritten: list[str] = []  # malformed records the broker would not take

    async def supervise(self) -> None:
        """Restart a service that exits on its own, noting why: each one is a finding."""
        while True:
            await asyncio.sleep(0.5)
            if not self.supervising:
                continue
            for name, svc in list(self.stack.services.items()):
                if svc.process.poll() is not None:
                    errors = [ln for ln in svc.log_tail(400).splitlines() if '"critical"' in ln or '"error"' in ln]
                    self.crashes.append(f"{name} exited {svc.process.returncode}: {(errors or ['?'])[-1][:600]}")
                    self.figs.say(f"{name} EXITED on its own ({svc.process.returncode}); restarted", at=True)
                    self.stack.respawn(name)

    async def post_all(self, arts: list[workload.Article], t0: float) -> None:
        batches = [arts[i:i + 100] for i in range(0, len(arts), 100)]
        pace = 0.8 * self.cfg.window_s / max(1, len(batches))
        queue: asyncio.Queue[tuple[int, list[workload.Article]]] = asyncio.Queue()
        for k, b in enumerate(batches):
            queue.put_nowait((k, b))
        async with httpx.AsyncClient(timeout=30) as client:
            async def worker() -> None:
                while not queue.empty():
                    k, batch = queue.get_nowait()
                    await asyncio.sleep(max(0.0, t0 + k * pace - time.monotonic()))
                    results = await self._post(client, batch)
                    for a, r in zip(batch, results, strict=True):
                        self.ids[a.index] = r["id"]
            await asyncio.gather(*(worker() for _ in range(4)))

    async def _post(self, client: httpx.AsyncClient, batch: list[workload.Article]) -> list[dict[str, Any]]:
        """Until accepted: ingest may be down (killed), or its database (restarted). Re-posts are idempotent."""
        while True:
            try:
                r = await client.post(f"{self.stack.services['ingest'].url}/v1/articles/batch", headers=self.auth,
                                      json={"articles": [a.body for a in batch]})
                if r.status_code == 202:
                    return list(r.json()["results"])
                assert r.status_code >= 500, f"ingest refused a batch: {r.status_code} {r.text[:300]}"
                self.post_retries[str(r.status_code)] += 1
            except httpx.TransportError as exc:
                self.post_retries[type(exc).__name__] += 1
            await asyncio.sleep(0.3)

    async def events(self, t0: float, rng: random.Random) -> None:
        for at, kind, what in plan(self.cfg, rng):
            await asyncio.sleep(max(0.0, t0 + at - time.monotonic()))
            if kind == "kill":
                await self._kill(what)
            elif kind == "broker":
                await self._restart_broker()
            elif kind == "postgres" and self.restart_postgres is not None:
                start = time.monotonic()
                await asyncio.to_thread(self.restart_postgres)
                self.figs.say(f"PostgreSQL restarted ({time.monotonic() - start:.1f} s)", at=True)
            elif kind == "malformed":
                lo, hi = map(int, what.split(":"))
                await self._malformed(range(lo, hi))

    async def _kill(self, name: str) -> None:
        self.stack.kill(name)
        start = time.monotonic()
        self.stack.respawn(name)  # as a supervisor would
        await asyncio.to_thread(self.stack.wait_ready, 90.0, (name,))
        self.figs.say(f"SIGKILL {name}; restarted, ready again in {time.monotonic() - start:.1f} s", at=True)

    async def _restart_broker(self) -> None:
        since = self.stack.broker_started_at
        assert since is not None
        start = time.monotonic()
        self.supervising = False
        try:
            codes = await asyncio.to_thread(self.stack.restart_broker)
        finally:
            self.supervising = True
        self.republished = await republish(self.stack.database_url, since)
        self.figs.say(f"broker killed; services stopped (exit codes {codes}: -9 = still stuck 20 s after "
                      f"SIGTERM); an empty broker started, services started, outbox rows re-published: "
                      f"{self.republished} ({time.monotonic() - start:.1f} s)", at=True)

    async def _malformed(self, js: range) -> None:
        """Write them; a record the broker keeps refusing for a minute is counted in `self.unwritten`."""
        assert self.stack.broker is not None
        producer: AIOKafkaProducer | None = None
        try:
            for topic in TOPICS:
                for j in js:
                    key, value, headers = workload.malformed(topic, self.tag, j)
                    deadline = time.monotonic() + 60
                    while True:
                        try:
                            if producer is None:
                                producer = AIOKafkaProducer(bootstrap_servers=self.stack.broker.bootstrap, acks="all")
                                await producer.start()
                            await producer.send_and_wait(topic, value, key=key, headers=headers)
                            break
                        except KafkaError as exc:
                            if producer is not None:  # start afresh: new connections, new metadata
                                await producer.stop()
                                producer = None
                            if time.monotonic() > deadline:
                                self.unwritten.append(f"{topic} #{j}: {exc!r}")
                                break
                            await asyncio.sleep(0.5)
        finally:
            if producer is not None:
                await producer.stop()


async def _state(database_url: str) -> tuple[dict[str, str], dict[str, tuple[str, str, int]]]:
    """-> ({'<facility id>|<article id>': incident id} for every article that joined an incident,
    {notice id: (delivery id, status, attempts)}, a notice without a delivery as ('', 'missing', 0))."""
    engine = create_async_engine(async_database_url(database_url))
    try:
        async with engine.connect() as conn:
            joined = {f"{r.facility_id}|{r.article_id}": str(r.alert_id) for r in await conn.execute(text(
                "SELECT facility_id, article_id, alert_id FROM alert.incident_articles WHERE group_kind = 'facility'"))}
            deliveries = {str(r.notice_id): (str(r.id or ""), r.status or "missing", r.attempts or 0)
                          for r in await conn.execute(text(
                              "SELECT n.id AS notice_id, d.id, d.status, d.attempts FROM alert.notices n "
                              "LEFT JOIN alert.deliveries d ON d.notice_id = n.id"))}
        return joined, deliveries
    finally:
        await engine.dispose()


def receiver_process(log_dir: Path) -> tuple[int, subprocess.Popen[bytes]]:
    log_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.chaos.receiver", str(port)],
                            stdout=(log_dir / "receiver.log").open("wb"), stderr=subprocess.STDOUT)
    wait_for_port(port, proc=proc)
    return port, proc
