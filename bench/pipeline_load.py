"""The parts of the pipeline bench: the workload, a timestamping notice receiver (its own process), the
per-stage watcher reading each service's /metrics, and the raw broker round trip."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import httpx
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from prometheus_client.parser import text_string_to_metric_families

from devstack.embedded import wait_for_port
from devstack.stack import Stack

ROOT = Path(__file__).resolve().parents[1]

# Each facility-naming article names its own facility (an open-world name carrying the article's number), so
# every one opens its own incident and owes its own first notice whatever the grouping rules: the alert
# service's heaviest path, and a notice the latency phase can time.
AR = "شددت القوى الأمنية الحراسة حول سجن \"كسب {n}\" يوم الثلاثاء بعد أنباء عن محاولة فرار، وفق مصادر محلية ({key})."
EN = "Guards were doubled at the Kessab {n} Prison on Tuesday after reports of an escape attempt, sources said ({key})."
PLAIN = "The city council met on Tuesday to discuss water prices, bus routes and school repairs ({key})."


def article(i: int, tag: str) -> dict[str, str]:
    """Even i: names a facility (Arabic or English in turn); odd i: names none."""
    key = f"{tag}-{i}"
    if i % 2:
        return {"text": PLAIN.format(key=key), "lang": "en", "url": f"https://bench.example/{key}"}
    lang = "ar" if i % 4 == 0 else "en"
    n = f"{int(tag.rsplit('-', 1)[-1], 16) % 9000 + 1000}{i:06d}"  # a facility no other phase (tag) names
    text = (AR if lang == "ar" else EN).format(n=n, key=key)
    return {"text": text, "lang": lang, "url": f"https://bench.example/{key}"}


def percentile(sorted_s: list[float], p: float) -> float:
    """-> milliseconds; nan when empty."""
    if not sorted_s:
        return float("nan")
    return sorted_s[min(len(sorted_s) - 1, round(p / 100 * (len(sorted_s) - 1)))] * 1000


class Poster:
    """The load generator's HTTP client: aiohttp, a fraction of httpx's CPU per request. With httpx the generator
    was itself a bottleneck at 200 single POSTs/s on this machine (0.44 of a core, most of it httpcore's pool
    scanning its queue of waiting requests on every request; aiohttp: 0.10), and a request it had not sent yet
    counted as pipeline latency."""

    def __init__(self, headers: dict[str, str], connections: int = 64) -> None:
        self.headers, self.connections = headers, connections
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Poster:
        self.session = aiohttp.ClientSession(headers=self.headers, timeout=aiohttp.ClientTimeout(total=60),
                                             connector=aiohttp.TCPConnector(limit=self.connections))
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.session is not None
        await self.session.close()

    async def post(self, url: str, body: Any) -> int:
        """POST `body` as JSON -> the status; raises on an error status (as httpx's raise_for_status)."""
        assert self.session is not None
        async with self.session.post(url, json=body) as r:
            await r.read()
            r.raise_for_status()
            return r.status


class Receiver:
    """bench/notice_receiver.py as a process: records when each bench key first arrives in a notice."""

    def __init__(self, port: int) -> None:
        self.port, self.proc = port, None  # type: ignore[var-annotated]
        self.base = f"http://127.0.0.1:{port}"
        self.hook_url = f"{self.base}/hook"
        self.http = httpx.AsyncClient(timeout=30)

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "notice_receiver.py"), str(self.port)],
                                     cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for_port(self.port, proc=self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait()

    async def count(self) -> int:
        return int((await self.http.get(f"{self.base}/count")).json()["notices"])

    async def clear(self) -> None:
        await self.http.post(f"{self.base}/clear")

    async def wait_for(self, keys: set[str], timeout: float, poll_s: float = 0.2) -> dict[str, float]:
        """-> {key: arrival time (time.time())} for the keys that arrived within `timeout`."""
        deadline, got = time.monotonic() + timeout, {}
        while time.monotonic() < deadline:
            got = (await self.http.post(f"{self.base}/arrivals", json=sorted(keys))).json()
            if len(got) == len(keys):
                break
            await asyncio.sleep(poll_s)
        return got


# what each stage has finished, as the services count it on /metrics: (service, metric, labels that must match)
STAGES: dict[str, tuple[str, str, dict[str, str]]] = {
    "ingest": ("ingest", "raqib_ingest_articles_accepted_total", {}),
    "enrich": ("enrich", "raqib_enrich_articles_total", {}),
    "alert": ("alert", "raqib_alert_articles_total", {}),
    "delivery": ("alert", "raqib_alert_deliveries_total", {"outcome": "succeeded"}),
}


POLL_S = 0.1  # how often StageWatch reads the stages' /metrics


class StageWatch:
    """Samples every stage's finished count; a stage's rate is what it finished over the time it took."""

    def __init__(self, stack: Stack | dict[str, str]) -> None:
        """`stack`: a started Stack, or each service's base URL ({"ingest": ..., "enrich": ..., "alert": ...})."""
        self.urls = stack if isinstance(stack, dict) else {n: s.url for n, s in stack.services.items()}
        self.http = httpx.AsyncClient(timeout=10)
        self.base: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.finished_at: dict[str, float] = {}
        self.t0 = 0.0

    async def sample(self) -> dict[str, float]:
        out = {}
        for stage, (service, metric, labels) in STAGES.items():
            text = (await self.http.get(f"{self.urls[service]}/metrics")).text
            total = 0.0
            for family in text_string_to_metric_families(text):
                for s in family.samples:
                    if s.name == metric and all(s.labels.get(k) == v for k, v in labels.items()):
                        total += s.value
            out[stage] = total
        return out

    async def baseline(self) -> None:
        self.base = await self.sample()

    async def follow(self, t0: float, n: int) -> None:
        self.t0 = t0
        while True:
            now = await self.sample()
            t = time.perf_counter()
            for stage, value in now.items():
                self.last[stage] = value - self.base.get(stage, 0.0)
                if stage not in self.finished_at and self.last[stage] >= self._want(stage, n):
                    self.finished_at[stage] = t
            # every /metrics read runs the service's samplers (database counts, a group-lag read from the broker):
            # the watcher's own load on the machine it measures; 10 reads/s, each stage's time to within 0.1 s
            await asyncio.sleep(POLL_S)

    @staticmethod
    def _want(stage: str, n: int) -> float:
        return n / 2 if stage == "delivery" else n  # one notice per facility-naming article

    def done(self, stage: str, n: int) -> bool:
        return stage in self.finished_at

    def rates(self, n: int) -> dict[str, float | None]:
        return {s: round(self._want(s, n) / (self.finished_at[s] - self.t0), 1) if s in self.finished_at else None
                for s in STAGES}


async def raw_broker_round_trip(bootstrap: str, n: int, size: int) -> dict[str, Any]:
    """aiokafka alone: n records of `size` bytes produced (acks=all, as the services do) and consumed through
    the same broker, consuming while producing -> records/s from the first send to the last record read."""
    topic = f"bench.raw.{uuid.uuid4().hex[:6]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, enable_idempotence=False)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=20,
                                auto_offset_reset="earliest")
    await producer.start()
    await consumer.start()
    consumer.assign([TopicPartition(topic, 0)])
    payload = b"x" * size
    try:
        t0 = time.perf_counter()

        async def produce() -> None:
            acks = [await producer.send(topic, payload, key=str(i).encode()) for i in range(n)]
            await asyncio.gather(*acks)

        async def consume() -> None:
            seen = 0
            while seen < n:
                batch = await consumer.getmany(timeout_ms=500, max_records=500)
                seen += sum(len(v) for v in batch.values())

        await asyncio.gather(produce(), consume())
        seconds = time.perf_counter() - t0
    finally:
        await producer.stop()
        await consumer.stop()
    return {"records": n, "bytes": size, "seconds": round(seconds, 3), "per_s": round(n / seconds, 1)}


class CpuMeter:
    """CPU time (user + system) of the stack's processes over a phase: each service, the broker, the notice
    receiver and the PostgreSQL backends connected to the bench's database (read from pg_stat_activity at the
    start and the end: a backend that came and went between them is missed, the services' pools keep theirs).
    Divided by the phase's articles -> CPU per article, a figure that depends little on what else runs on the
    machine, unlike articles/s."""

    def __init__(self, stack: Stack, receiver: Receiver | None = None, database_url: str | None = None) -> None:
        self.stack, self.receiver, self.database_url = stack, receiver, database_url
        self.start: dict[tuple[str, int], float] = {}

    def _processes(self) -> dict[str, int]:
        pids = {name: s.process.pid for name, s in self.stack.services.items()}
        if self.stack.broker is not None:
            pids["broker"] = self.stack.broker.process.pid
        if self.receiver is not None and self.receiver.proc is not None:
            pids["receiver"] = self.receiver.proc.pid
        return pids

    async def _backends(self) -> list[int]:
        if not self.database_url:
            return []
        import asyncpg
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url)
        # (the embedded server is reached through a socket directory given as the URL's `host` query parameter)
        host = url.host or url.query.get("host")
        conn = await asyncpg.connect(host=host if isinstance(host, str) else None, port=url.port, user=url.username,
                                     password=url.password, database=url.database)
        try:
            return [r[0] for r in await conn.fetch(
                "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", url.database)]
        finally:
            await conn.close()

    async def _sample(self) -> dict[tuple[str, int], float]:
        import psutil

        out = {}
        named = [(n, p) for n, p in self._processes().items()] + [("postgres", p) for p in await self._backends()]
        for name, pid in named:
            try:
                t = psutil.Process(pid).cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            out[(name, pid)] = t.user + t.system
        return out

    async def begin(self) -> None:
        self.start = await self._sample()

    async def end(self, articles: int) -> dict[str, float]:
        """-> milliseconds of CPU per article by process kind, and "total"."""
        now = await self._sample()
        ms: dict[str, float] = {}
        for key, t in now.items():
            ms[key[0]] = ms.get(key[0], 0.0) + (t - self.start.get(key, 0.0)) * 1000 / max(1, articles)
        ms["total"] = sum(ms.values())
        return {k: round(v, 3) for k, v in ms.items()}
