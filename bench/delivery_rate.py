"""Delivery worker throughput alone: N first notices (each its own incident) already written, their deliveries
handed to the worker leased, as the alert consumer hands them over after its commit (or left to its claim with
`--claim`), to one receiver process on loopback (bench/notice_receiver.py) -> deliveries recorded per second,
optionally under cProfile (where the time goes per delivery: hand-over, render, signing, HTTP, recording).

    .venv/bin/python bench/delivery_rate.py [--notices 3000] [--subscribers 1] [--claim] [--profile out.prof]

Uses DATABASE_URL's server if set (a scratch database, dropped after), else embedded PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench.pipeline_load import Receiver  # noqa: E402
from devstack.embedded import create_database, drop_database, embedded_postgres, free_port  # noqa: E402
from migrations import upgrade  # noqa: E402
from services.alert import delivery_repository as store  # noqa: E402
from services.alert import metrics, repository  # noqa: E402
from services.alert.delivery import DeliveryWorker, Policy  # noqa: E402
from services.alert.rules import Filters  # noqa: E402
from shared.db import autocommit, make_engine, make_sessionmaker, unit_of_work  # noqa: E402
from tests.db.incident_support import open_and_notify  # noqa: E402


def mean_post_ms() -> float:
    """The mean time of an attempt's POST (request sent -> answer read), from the worker's histogram."""
    samples = {s.name.rsplit("_", 1)[-1]: s.value for m in metrics.DELIVERY_SECONDS.collect() for s in m.samples
               if s.name.endswith(("_sum", "_count"))}
    return 1000 * samples["sum"] / max(1.0, samples["count"])


async def main(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_drate_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    receiver = Receiver(free_port())
    engine = make_engine(db)
    try:
        await asyncio.to_thread(upgrade, db)
        receiver.start()
        sessions = make_sessionmaker(engine)
        async with unit_of_work(sessions) as s:
            for i in range(args.subscribers):
                await repository.create_subscription(s, f"{receiver.hook_url}?s={i}", "whsec_" + "A" * 43, Filters())
        t = time.perf_counter()
        async with unit_of_work(sessions) as s:  # a few real first notices, then copies of them (same size)
            for i in range(min(20, args.notices)):
                await open_and_notify(s, datetime.now(UTC), facility_id=f"fac:bench-{i}")
            await s.execute(text("""
                WITH src AS (SELECT n.*, row_number() OVER () AS k FROM alert.notices n),
                     made AS (INSERT INTO alert.notices (id, alert_id, kind, payload, created_at)
                              SELECT gen_random_uuid(), src.alert_id, src.kind,
                                     jsonb_set(src.payload, '{id}', to_jsonb(gen_random_uuid()::text)), now()
                              FROM generate_series(1, :copies) g JOIN src ON src.k = 1 + g % (SELECT count(*) FROM src)
                              RETURNING id, alert_id)
                INSERT INTO alert.deliveries (id, alert_id, notice_id, subscription_id)
                SELECT gen_random_uuid(), made.alert_id, made.id, sub.id FROM made, alert.subscriptions sub"""),
                {"copies": args.notices - min(20, args.notices)})
        n = args.notices * args.subscribers
        print(f"{n} deliveries written in {time.perf_counter() - t:.1f} s", flush=True)
        policy = Policy(allow_private=True, concurrency=args.concurrency, per_subscription=args.concurrency,
                        rate_per_s=10_000)
        worker = DeliveryWorker(sessions, policy)
        handed: list[store.DueDelivery] = []
        if not args.claim:  # leased as the consumer's transaction leaves them, handed over as slots allow
            async with autocommit(sessions) as s:
                handed = await store.claim_due_deliveries(s, n, 120, per_subscription=n)
        profiler = cProfile.Profile() if args.profile else None
        runner = asyncio.create_task(worker.run())
        t0, c0 = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.enable()
        while True:
            while handed:
                lease = worker.lease()
                k = lease.capacity if lease is not None else 0
                if k:
                    worker.take(handed[:k])
                    del handed[:k]
                await asyncio.sleep(0.002)  # alert batches come every few ms
                if not k:
                    break
            if metrics.DELIVERIES.labels("succeeded")._value.get() >= n:  # recorded (as the pipeline bench counts)
                break
            await asyncio.sleep(0.01)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        worker.stop()
        await runner
        print(f"delivered {n} in {elapsed:.2f} s: {n / elapsed:,.0f} deliveries/s "
              f"({'claimed' if args.claim else 'handed over'}; receiver got {await receiver.count()}); "
              f"this process's CPU {cpu * 1000 / n:.3f} ms a delivery; mean POST {mean_post_ms():.1f} ms")
    finally:
        receiver.stop()
        await engine.dispose()
        await drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=3000)
    parser.add_argument("--subscribers", type=int, default=1)
    parser.add_argument("--claim", action="store_true")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--profile", default=None)
    asyncio.run(main(parser.parse_args()))
