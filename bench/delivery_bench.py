"""Delivery benchmark: incident created -> first delivery received, to 50 subscribers, on this machine's real
parts (embedded Tansu, PostgreSQL, the three services as processes, receiver processes on loopback).

    .venv/bin/python bench/delivery_bench.py [--subscribers 50] [--incidents 20] [--interval 1.0] [--receivers 5]
                                             [--concurrency 16]

Each report names a different facility, so each opens an incident (a first notice to every subscriber). For every
(incident, subscriber) pair the latency is the receiver's clock when the first signed notice arrived minus the
time the incident was created (the notice's `created_at`; for per-article alerts, `raised_at`): the delivery half
of the pipeline (claim, render, sign, POST, answer), not enrichment. Prints p50/p90/p99/max, and the time until all
subscribers had an incident. Uses DATABASE_URL's server if set (a scratch database), else embedded PostgreSQL.
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
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from devstack.embedded import create_database, drop_database, embedded_postgres, free_port, wait_for_port  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex
FACILITIES = ["Roj camp", "Alaya prison", "Navkur prison", "Chirkin prison", "Tabqa prison", "Washokani camp",
              "Areesha camp", "Newroz camp", "Abu Khashab camp", "Mahmoudli camp", "Tal Samen camp", "Ain Issa camp",
              "Mabrouka camp", "Berxwedan camp", "Serdem camp", "Qah camp", "Bab al-Salama camp", "Sijo camp",
              "Deir Ballut camp", "al-Uqab prison", "Maratah prison", "al-Rai prison", "Adra central prison",
              "Aleppo central prison", "al-Hol camp"]


def incident_of(body: dict[str, Any]) -> tuple[str, float] | None:
    """-> (incident id, when it was created, epoch s) from a standard body: a Notice or a per-article alert."""
    data = body.get("data") or {}
    if "incident" in data:  # a Notice
        if data.get("kind") != "firing":
            return None
        return data["incident"]["id"], datetime.fromisoformat(data["created_at"]).timestamp()
    if "alert_id" in data:
        return data["alert_id"], datetime.fromisoformat(data["raised_at"]).timestamp()
    return None


def pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


async def main(subscribers: int, incidents: int, interval: float, receivers: int, concurrency: int) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    logs = Path(tempfile.mkdtemp(prefix="raqib-delivery-bench-"))
    ports = [free_port() for _ in range(receivers)]
    procs = [subprocess.Popen([sys.executable, "-m", "tests.receiver", str(p)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT) for p in ports]
    stack = Stack(database_url=db, api_key=KEY, log_dir=logs,
                  extra_env={"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_LOG_LEVEL": "WARNING",
                             "RAQIB_DELIVERY_CONCURRENCY": str(concurrency)})
    try:
        for p, proc in zip(ports, procs, strict=True):
            wait_for_port(p, proc=proc)
        await asyncio.to_thread(stack.start)
        auth = {"Authorization": f"Bearer {KEY}"}
        alert, ingest = stack.services["alert"].url, stack.services["ingest"].url
        async with httpx.AsyncClient(timeout=30) as client:
            for i in range(subscribers):
                r = await client.post(f"{alert}/v1/subscriptions", headers=auth,
                                      json={"url": f"http://127.0.0.1:{ports[i % receivers]}/hook/sub{i}"})
                r.raise_for_status()

            async def received() -> list[dict[str, Any]]:
                out: list[dict[str, Any]] = []
                for p in ports:
                    out += (await client.get(f"http://127.0.0.1:{p}/received")).json()
                return out

            tag = uuid.uuid4().hex[:8]

            async def report(facility: str, n: int) -> None:
                text = f"Guards at {facility} reported a fire in one section overnight (bench {tag}-{n})."
                body = {"text": text, "lang": "en", "url": f"https://outlet{n}.example/{tag}/{n}"}
                (await client.post(f"{ingest}/v1/articles", headers=auth, json=body)).raise_for_status()

            # warm-up: consumer groups join on the first messages; then forget what arrived
            await report("Sednaya prison", 0)
            deadline = time.monotonic() + 60
            while len(await received()) < subscribers and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            for p in ports:
                await client.post(f"http://127.0.0.1:{p}/control", json={"clear": True})

            for n in range(incidents):
                await report(FACILITIES[n % len(FACILITIES)], n + 1)
                await asyncio.sleep(interval)
            first: dict[tuple[str, str], float] = {}
            created: dict[str, float] = {}
            deadline = time.monotonic() + 60
            while len(first) < incidents * subscribers and time.monotonic() < deadline:
                for item in await received():
                    got = incident_of(json.loads(item["body"]))
                    if got is None:
                        continue
                    created[got[0]] = got[1]
                    pair = (got[0], item["name"])
                    first[pair] = min(first.get(pair, item["at"]), item["at"])
                await asyncio.sleep(0.5)
        lat = sorted((at - created[inc]) * 1000 for (inc, _), at in first.items())
        print(f"delivery: incident created -> first delivery received, {subscribers} subscribers on {receivers} "
              f"receiver processes, {len(created)} incidents {interval:g} s apart "
              f"(RAQIB_DELIVERY_CONCURRENCY={concurrency})")
        print(f"  {'pairs':>6} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        if lat:
            print(f"  {len(lat):>6} {statistics.median(lat):>8.0f} {pct(lat, 0.9):>8.0f} {pct(lat, 0.99):>8.0f} "
                  f"{lat[-1]:>8.0f}")
        earliest = sorted(min(at for (i, _), at in first.items() if i == inc) - created[inc] for inc in created)
        if earliest:
            print(f"  first subscriber reached: p50 {statistics.median(earliest) * 1000:.0f} ms, "
                  f"max {earliest[-1] * 1000:.0f} ms")
        fanout = sorted(max(at for (i, _), at in first.items() if i == inc) - created[inc] for inc in created
                        if sum(1 for (i, _) in first if i == inc) == subscribers)
        if fanout:
            print(f"  all {subscribers} subscribers reached: p50 {statistics.median(fanout) * 1000:.0f} ms, "
                  f"max {fanout[-1] * 1000:.0f} ms ({len(fanout)} of {len(created)} incidents)")
        print(f"  delivered pairs: {len(first)} of {incidents * subscribers} expected")
    finally:
        codes = await asyncio.to_thread(stack.stop)
        for proc in procs:
            proc.terminate()
        await drop_database(server, name)
        print(f"clean stop: {codes}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=50)
    parser.add_argument("--incidents", type=int, default=20)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--receivers", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=16, help="RAQIB_DELIVERY_CONCURRENCY (default 16)")
    args = parser.parse_args()
    asyncio.run(main(args.subscribers, args.incidents, args.interval, args.receivers, args.concurrency))
