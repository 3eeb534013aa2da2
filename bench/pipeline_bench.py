"""Pipeline benchmark: the whole spine on this machine's real parts (embedded Tansu, PostgreSQL, the three
services as processes, a receiver process on loopback).

    .venv/bin/python bench/pipeline_bench.py [--articles 300] [--concurrency 16]

Prints ingest throughput (HTTP 202s per second), and for articles naming a facility the latency from
POST to the signed notice arriving at the receiver (p50/p95/max), plus end-to-end throughput.
Uses DATABASE_URL's server if set (a scratch database is created and dropped), else embedded PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from devstack.embedded import create_database, drop_database, embedded_postgres, free_port, wait_for_port  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex
# Every article its own incident (a zero grouping window), so each one's first notice is timed: the path measured
# is enriched article -> incident -> notice -> signed delivery.
BENCH_RULES = "rules: [{name: each-article, severity: info, group_window: 0s}]\n"
FACILITIES = ["سجن غويران", "مخيم الهول", "Roj camp", "Sednaya prison", "al-Hawl camp", "مخيم روج"]


def article(i: int, tag: str) -> dict[str, str]:
    if i % 2 == 0:  # half name a facility: each opens one incident (BENCH_RULES: no grouping window)
        name = FACILITIES[i % len(FACILITIES)]
        text = f"Security forces tightened guard around {name} on Tuesday, sources said (bench {tag}-{i})." \
            if name.isascii() else f"شددت القوى الأمنية الحراسة حول {name} يوم الثلاثاء وفق مصادر محلية ({tag}-{i})."
    else:
        text = f"The city council met on Tuesday to discuss water prices and school repairs (bench {tag}-{i})."
    return {"text": text, "lang": "en" if text.isascii() else "ar"}


async def main(n: int, concurrency: int) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    logs = Path(tempfile.mkdtemp(prefix="raqib-bench-"))
    port = free_port()
    receiver = subprocess.Popen([sys.executable, "-m", "tests.receiver", str(port)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    rules = logs / "rules.yaml"
    rules.write_text(BENCH_RULES, encoding="utf-8")
    stack = Stack(database_url=db, api_key=KEY, log_dir=logs,
                  extra_env={"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_LOG_LEVEL": "WARNING",
                             "RAQIB_ALERT_RULES": str(rules)})
    try:
        wait_for_port(port, proc=receiver)
        t0 = time.perf_counter()
        await asyncio.to_thread(stack.start)
        print(f"stack start (migrations, broker, 3 services ready): {time.perf_counter() - t0:.1f} s")
        auth = {"Authorization": f"Bearer {KEY}"}
        async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
            r = await client.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                                  json={"url": f"http://127.0.0.1:{port}/hook/bench"})
            r.raise_for_status()
            tag = uuid.uuid4().hex[:8]
            sent_at: dict[str, float] = {}
            sem = asyncio.Semaphore(concurrency)

            async def post(i: int) -> None:
                async with sem:
                    body = article(i, tag)
                    start = time.perf_counter()
                    resp = await client.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json=body)
                    resp.raise_for_status()
                    if i % 2 == 0:
                        sent_at[resp.json()["id"]] = start

            # warm-up: the consumer groups join on the first messages
            await post(0)
            while not (await client.get(f"http://127.0.0.1:{port}/received")).json():
                await asyncio.sleep(0.1)
            sent_at.clear()
            await client.post(f"http://127.0.0.1:{port}/control", json={"clear": True})

            t0 = time.perf_counter()
            await asyncio.gather(*(post(i) for i in range(2, n + 2)))
            ingest_s = time.perf_counter() - t0
            print(f"ingest: {n} articles in {ingest_s:.2f} s = {n / ingest_s:.0f} articles/s "
                  f"(HTTP, concurrency {concurrency})")
            latencies: dict[str, float] = {}
            deadline = time.monotonic() + 120
            while len(latencies) < len(sent_at) and time.monotonic() < deadline:
                for item in (await client.get(f"http://127.0.0.1:{port}/received")).json():
                    data = json.loads(item["body"])["data"]
                    aid = data["articles"][0]["article_id"]
                    if aid in sent_at and aid not in latencies:
                        # the receiver does not timestamp; poll granularity bounds the error (~50 ms)
                        latencies[aid] = time.perf_counter() - sent_at[aid]
                await asyncio.sleep(0.05)
            total_s = time.perf_counter() - t0
            lat = sorted(latencies.values())
            print(f"alerts delivered: {len(lat)} of {len(sent_at)} expected")
            if lat:
                print(f"POST -> signed notice latency: p50 {statistics.median(lat) * 1000:.0f} ms, "
                      f"p95 {lat[int(0.95 * (len(lat) - 1))] * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms")
            print(f"end to end: {n} articles ingested, enriched and alerted in {total_s:.2f} s "
                  f"= {n / total_s:.0f} articles/s")

            # an idle pipeline: one report at a time, how long until its signed notice arrives
            quiet: list[float] = []
            for i in range(20):
                await client.post(f"http://127.0.0.1:{port}/control", json={"clear": True})
                body = article(2 * i, tag + "q")
                start = time.perf_counter()
                resp = await client.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json=body)
                resp.raise_for_status()
                while not (await client.get(f"http://127.0.0.1:{port}/received")).json():
                    await asyncio.sleep(0.005)
                quiet.append(time.perf_counter() - start)
            quiet.sort()
            print(f"idle pipeline, one report at a time (20): POST -> signed notice p50 "
                  f"{statistics.median(quiet) * 1000:.0f} ms, max {quiet[-1] * 1000:.0f} ms")
    finally:
        codes = await asyncio.to_thread(stack.stop)
        receiver.terminate()
        await drop_database(server, name)
        print(f"clean stop: {codes}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    asyncio.run(main(args.articles, args.concurrency))
