"""Pipeline benchmark (`make bench`): the whole spine on this machine's real parts — embedded Tansu, PostgreSQL,
the three services as processes, a webhook receiver process on loopback — and, in the same run and through the
same broker, the raw broker round trip (aiokafka producing and consuming as many records of the same size).

    .venv/bin/python bench/pipeline_bench.py [--articles 10000] [--batch 100] [--rate 200] [--seconds 15]
                                             [--services-root DIR]

Phases: raw broker round trip; end-to-end throughput (batches over HTTP -> Kafka -> enrich -> alert ->
PostgreSQL -> signed notices, half the articles naming a facility; every stage's finished-count watched on its
/metrics, so the bottleneck shows); latency at a steady rate (POST -> signed notice received, p50/p95/p99);
idle latency (one report at a time); RSS per service. Prints one table and writes bench/results/latest.json.
Uses DATABASE_URL's server if set (a scratch database is created and dropped), else embedded PostgreSQL.
`--services-root DIR`: run the services from another checkout (an A/B against a base commit, same bench); the
table's head then names it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psutil  # noqa: E402

from bench.pipeline_load import (  # noqa: E402
    CpuMeter,
    Poster,
    Receiver,
    StageWatch,
    article,
    percentile,
    raw_broker_round_trip,
)
from devstack.embedded import create_database, drop_database, embedded_postgres, free_port  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex
RESULTS = ROOT / "bench" / "results" / "latest.json"


async def throughput(client: Poster, stack: Stack, receiver: Receiver, n: int, batch: int,
                     tag: str, cpu: CpuMeter | None = None) -> dict[str, Any]:
    """Post n articles in batches (4 in flight), wait until the alert service has finished every one and
    every expected notice arrived -> the run's figures."""
    ingest = stack.services["ingest"].url
    watch = StageWatch(stack)
    await watch.baseline()
    expected = {f"{tag}-{i}" for i in range(n) if i % 2 == 0}
    receiver_before = await receiver.count()
    sem = asyncio.Semaphore(4)
    if cpu is not None:
        await cpu.begin()

    async def post(lo: int) -> None:
        async with sem:
            items = [article(i, tag) for i in range(lo, min(lo + batch, n))]
            await client.post(f"{ingest}/v1/articles/batch", {"articles": items})

    t0 = time.perf_counter()
    watcher = asyncio.create_task(watch.follow(t0, n))
    await asyncio.gather(*(post(lo) for lo in range(0, n, batch)))
    posted_s = time.perf_counter() - t0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if await receiver.count() - receiver_before >= len(expected) and watch.done("alert", n):
            break
        await asyncio.sleep(0.1)
    total_s = time.perf_counter() - t0
    settle = time.monotonic() + 5  # the delivery stage counts an attempt once recorded, just after it arrived
    while not watch.done("delivery", n) and time.monotonic() < settle:
        await asyncio.sleep(0.05)
    watcher.cancel()
    notices = await receiver.count() - receiver_before
    return {"articles": n, "batch": batch, "posted_s": round(posted_s, 2), "total_s": round(total_s, 2),
            "end_to_end_per_s": round(n / total_s, 1), "notices_expected": len(expected),
            "notices_received": notices, "stages_per_s": watch.rates(n),
            "cpu_ms_per_article": await cpu.end(n) if cpu is not None else None}


async def latency(client: Poster, stack: Stack, receiver: Receiver, rate: float, seconds: float,
                  tag: str, cpu: CpuMeter | None = None) -> dict[str, Any]:
    """Open loop: single POSTs at `rate`/s, each naming a facility; POST -> signed notice received."""
    ingest = stack.services["ingest"].url
    n = int(rate * seconds)
    sent: dict[str, float] = {}
    await receiver.clear()
    if cpu is not None:
        await cpu.begin()
    start = time.time()

    async def post(i: int) -> None:
        await asyncio.sleep(max(0.0, start + i / rate - time.time()))
        body = article(2 * i, tag)  # even: names a facility
        sent[f"{tag}-{2 * i}"] = time.time()
        await client.post(f"{ingest}/v1/articles", body)

    await asyncio.gather(*(post(i) for i in range(n)))
    arrived = await receiver.wait_for(set(sent), timeout=60)
    lat = sorted(arrived[k] - sent[k] for k in arrived)
    return {"rate_per_s": rate, "articles": n, "notices_received": len(lat),
            "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95), "p99_ms": percentile(lat, 99),
            "max_ms": percentile(lat, 100), "cpu_ms_per_article": await cpu.end(n) if cpu is not None else None}


async def idle(client: Poster, stack: Stack, receiver: Receiver, tag: str, reports: int = 20) -> dict:
    ingest = stack.services["ingest"].url
    lat = []
    for i in range(reports):
        await asyncio.sleep(0.3)
        key = f"{tag}-{2 * i}"
        t = time.time()
        await client.post(f"{ingest}/v1/articles", article(2 * i, tag))
        # the receiver stamps the arrival itself: polling it more often measures nothing better, and at 2 ms
        # (500 HTTP round trips a second from this process) it took CPU from the pipeline it was timing
        arrived = await receiver.wait_for({key}, timeout=10, poll_s=0.02)
        if key in arrived:
            lat.append(arrived[key] - t)
    lat.sort()
    return {"reports": reports, "received": len(lat), "p50_ms": percentile(lat, 50), "max_ms": percentile(lat, 100)}


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "commit": commit}


def table(r: dict[str, Any]) -> str:
    raw, e2e, lat, idl = r["raw_broker"], r["throughput"], r["latency"], r["idle"]
    rows = [
        ("raw broker round trip (aiokafka, same broker)", f"{raw['per_s']:,.0f} records/s",
         f"{raw['records']} x {raw['bytes']} B"),
        ("end to end (HTTP batches -> notices)", f"{e2e['end_to_end_per_s']:,.0f} articles/s",
         f"{e2e['end_to_end_per_s'] / raw['per_s']:.0%} of raw; target >= 1,000/s and >= 25 %"),
        *((f"  stage: {s}", f"{v:,.0f} /s" if v else "-", "finished count on /metrics")
          for s, v in e2e["stages_per_s"].items()),
        ("  notices received", f"{e2e['notices_received']} of {e2e['notices_expected']}", ""),
        (f"latency at {lat['rate_per_s']:.0f} articles/s (POST -> notice)",
         f"p50 {lat['p50_ms']:.0f} / p95 {lat['p95_ms']:.0f} / p99 {lat['p99_ms']:.0f} ms",
         f"{lat['notices_received']} of {lat['articles']}; target p50 <= 100, p99 <= 250"),
        ("idle, one report at a time", f"p50 {idl['p50_ms']:.0f} ms, max {idl['max_ms']:.0f} ms",
         "target <= 50 ms"),
        *((f"RSS {name}", f"{mb:.0f} MB", "target <= 200 MB") for name, mb in r["rss_mb"].items()),
        *((f"CPU per article, {phase}", f"{cpu['total']:.2f} ms",
           ", ".join(f"{k} {v:.2f}" for k, v in cpu.items() if k != "total"))
          for phase, cpu in (("throughput", e2e.get("cpu_ms_per_article")), ("at the steady rate",
                                                                              lat.get("cpu_ms_per_article")))
          if cpu),
    ]
    m = r["machine"]
    head = f"Raqib pipeline bench — {m['cores']} cores, {m['cpu']}, Python {m['python']}, commit {m['commit']}"
    w0, w1 = max(len(a) for a, _, _ in rows), max(len(b) for _, b, _ in rows)
    return "\n".join([head, *(f"  {a:<{w0}}  {b:<{w1}}  {c}" for a, b, c in rows)])


async def main(args: argparse.Namespace) -> None:
    if args.services_root:
        os.chdir(args.services_root)  # `python -m services.<name>` runs from the working directory
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    logs = Path(tempfile.mkdtemp(prefix="raqib-bench-"))
    receiver = Receiver(free_port())
    stack = Stack(database_url=db, api_key=KEY, log_dir=logs,
                  extra_env={"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_LOG_LEVEL": "WARNING",
                             # the bench measures capacity: the per-key request rate limit (50/s) is lifted
                             "RAQIB_RATE_LIMIT_PER_S": "100000", "RAQIB_RATE_LIMIT_BURST": "100000",
                             # ... and one subscription (the receiver) takes every notice: more in flight to it
                             "RAQIB_DELIVERY_SUBSCRIPTION_CONCURRENCY": "16"})
    result: dict[str, Any] = {"machine": machine()}
    if args.services_root:
        result["machine"]["commit"] += f" (services from {args.services_root})"
    cpu = CpuMeter(stack, receiver, db)
    try:
        receiver.start()
        await asyncio.to_thread(stack.start)
        auth = {"Authorization": f"Bearer {KEY}"}
        # keepalive_expiry below uvicorn's 5 s keep-alive: a pooled connection the server is closing is never reused
        # (httpx.ReadError at the start of the latency phase when the throughput phase ended ~5 s before)
        limits = httpx.Limits(max_connections=64, keepalive_expiry=2.0)
        async with httpx.AsyncClient(timeout=60, headers=auth, limits=limits) as admin, Poster(auth) as client:
            (await admin.post(f"{stack.services['alert'].url}/v1/subscriptions",
                              json={"url": receiver.hook_url, "rate_limit_per_s": 10_000})).raise_for_status()
            await idle(client, stack, receiver, "warm-" + uuid.uuid4().hex[:6], reports=2)  # groups joined
            assert stack.broker is not None
            result["raw_broker"] = await raw_broker_round_trip(stack.broker.bootstrap, args.articles,
                                                               len(json.dumps(article(0, "tp-000000"))) + 250)
            print(f"raw broker: {result['raw_broker']['per_s']:,.0f} records/s", flush=True)
            result["throughput"] = await throughput(client, stack, receiver, args.articles, args.batch,
                                                    "tp-" + uuid.uuid4().hex[:6], cpu)
            print(f"end to end: {result['throughput']['end_to_end_per_s']:,.0f} articles/s", flush=True)
            result["latency"] = await latency(client, stack, receiver, args.rate, args.seconds,
                                              "lat-" + uuid.uuid4().hex[:6], cpu)
            result["idle"] = await idle(client, stack, receiver, "idle-" + uuid.uuid4().hex[:6])
            result["rss_mb"] = {n: psutil.Process(s.process.pid).memory_info().rss / 2**20
                                for n, s in stack.services.items()}
        print(table(result))
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"written: {RESULTS.relative_to(ROOT)}")
    finally:
        codes = await asyncio.to_thread(stack.stop)
        receiver.stop()
        await drop_database(server, name)
        print(f"clean stop: {codes}; logs in {logs}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--services-root", type=Path, default=None)
    asyncio.run(main(parser.parse_args()))
