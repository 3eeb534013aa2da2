"""Incident grouping benchmark, on real PostgreSQL (no broker: the alert service's database work alone).

    .venv/bin/python bench/incident_bench.py [--articles 2000] [--facilities 20] [--consumers 4] [--subscribers 50]

Prints how fast enriched articles join incidents (one consumer; then several concurrent consumer transactions,
as alert replicas would run: every incident transaction takes the change lock first, so they serialize), and how
long the notice scheduler takes to write the notices that became due with their deliveries to every subscriber.
Uses DATABASE_URL's server if set (a scratch database is created and dropped), else embedded PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from devstack.embedded import create_database, drop_database, embedded_postgres  # noqa: E402
from migrations import upgrade_async  # noqa: E402
from services.alert import incident_repository as repo  # noqa: E402
from services.alert import repository  # noqa: E402
from services.alert.consumer import AlertHandler  # noqa: E402
from services.alert.incidents import evaluate  # noqa: E402
from services.alert.models import deliveries, notices  # noqa: E402
from services.alert.rules import Filters, load_rules  # noqa: E402
from services.alert.scheduler import BATCH, run_due  # noqa: E402
from shared.db import make_engine, make_sessionmaker, unit_of_work  # noqa: E402
from tests.db.incident_support import enriched  # noqa: E402


async def main(n: int, facilities: int, consumers: int, subscribers: int) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_inc_{uuid.uuid4().hex[:8]}"
    url = await create_database(server, name)
    engine = make_engine(url, pool_size=consumers + 2)
    try:
        await upgrade_async(url)
        sessions = make_sessionmaker(engine)
        rules = load_rules()
        async with unit_of_work(sessions) as s:
            for i in range(subscribers):
                await repository.create_subscription(s, f"http://127.0.0.1:9/{i}", "whsec_x", Filters())
        now = datetime.now(UTC)
        facs = [f"fac:bench-{i}" for i in range(facilities)]

        def event(i: int, tag: str):
            return enriched(facility_id=facs[i % facilities], lang="ar" if i % 3 else "en",
                            event_types=("humanitarian",), article_id=f"art_{tag}_{i}")

        async def one(e, at: datetime) -> float:
            t = time.perf_counter()
            async with unit_of_work(sessions) as s:
                await repo.apply(s, evaluate(e, rules), e.article, rules, at)
            return time.perf_counter() - t

        # one consumer
        events = [event(i, "a") for i in range(n)]
        t0 = time.perf_counter()
        lat = [await one(e, now) for e in events]
        single = time.perf_counter() - t0
        lat.sort()
        print(f"one consumer: {n} articles into {facilities} incidents in {single:.2f} s = {n / single:.0f} "
              f"articles/s; per article p50 {statistics.median(lat) * 1000:.1f} ms, "
              f"p99 {lat[int(0.99 * (n - 1))] * 1000:.1f} ms")

        # the first notices: due now (group_wait 0)
        async def schedule(at: datetime) -> int:
            """The scheduler's passes until nothing is due (each pass a transaction of up to BATCH incidents)."""
            total = 0
            while True:
                async with unit_of_work(sessions) as s:
                    looked, written = await run_due(s, at)
                total += written
                if looked < BATCH:
                    return total

        t0 = time.perf_counter()
        written = await schedule(now)
        first_s = time.perf_counter() - t0
        async with sessions() as s:
            queued = await s.scalar(select(func.count()).select_from(deliveries))
        print(f"scheduler: {written} first notices, {queued} deliveries ({subscribers} subscribers each) written "
              f"in {first_s * 1000:.0f} ms = {first_s / max(1, written) * 1000:.1f} ms per notice")

        # several consumers at once, later in the window: articles join, updates become due
        later = now + timedelta(minutes=1)
        events = [event(i, "b") for i in range(n)]
        sem = asyncio.Semaphore(consumers)

        async def bounded(e) -> float:
            async with sem:
                return await one(e, later)

        t0 = time.perf_counter()
        lat = sorted(await asyncio.gather(*(bounded(e) for e in events)))
        many = time.perf_counter() - t0
        print(f"{consumers} concurrent consumers: {n} articles in {many:.2f} s = {n / many:.0f} articles/s; "
              f"per article (waits for the change lock included) p50 {statistics.median(lat) * 1000:.1f} ms, "
              f"p99 {lat[int(0.99 * (n - 1))] * 1000:.1f} ms")

        t0 = time.perf_counter()
        written = await schedule(later + timedelta(minutes=5))
        upd_s = time.perf_counter() - t0
        async with sessions() as s:
            kinds = dict((await s.execute(select(notices.c.kind, func.count()).group_by(notices.c.kind))).all())
        print(f"scheduler: {written} updates (each carrying the articles that joined since) in {upd_s * 1000:.0f} ms; "
              f"notices in the record: {kinds}")

        # the alert consumer's path: batches of up to 100 articles, one transaction each (half of them new
        # facilities, so half the articles open an incident, as in the pipeline bench)
        t_batch = later + timedelta(minutes=6)
        handler = AlertHandler(sessions, [], rules, clock=lambda: t_batch)
        fresh = [enriched(facility_id=f"fac:batch-{i // 2}" if i % 2 else facs[i % facilities],
                          lang="ar" if i % 3 else "en", event_types=("humanitarian",), article_id=f"art_c_{i}")
                 for i in range(n)]
        t0 = time.perf_counter()
        for i in range(0, n, 100):
            await handler(fresh[i:i + 100])
        batched = time.perf_counter() - t0
        print(f"consumer batches of 100: {n} articles in {batched:.2f} s = {n / batched:.0f} articles/s")
    finally:
        await engine.dispose()
        await drop_database(server, name)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--facilities", type=int, default=20)
    p.add_argument("--consumers", type=int, default=4)
    p.add_argument("--subscribers", type=int, default=50)
    a = p.parse_args()
    asyncio.run(main(a.articles, a.facilities, a.consumers, a.subscribers))
