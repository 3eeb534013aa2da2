"""Per-replica throughput of each stage, read from the services' own metrics (the figure docs/scaling.md uses).

    .venv/bin/python bench/replica_bench.py [--articles 2000]

One replica of each service on this machine's real parts (embedded Tansu, PostgreSQL). Articles are posted in
batches of 100 (so ingest is not the limit), then /metrics of enrich and alert is polled: each stage's rate is
its raqib_consumer_messages_total{outcome="ok"} over the time it was busy, and the group lag
(raqib_consumer_group_lag_records) shows the backlog draining. Uses DATABASE_URL's server if set (a scratch
database is created and dropped), else embedded PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.pipeline_bench import article  # noqa: E402
from devstack.embedded import create_database, drop_database, embedded_postgres  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex


def counter(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


async def main(n: int) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    stack = Stack(database_url=db, api_key=KEY, log_dir=Path(tempfile.mkdtemp(prefix="raqib-bench-")),
                  extra_env={"RAQIB_LOG_LEVEL": "WARNING", "RAQIB_TOPIC_PARTITIONS": "4"})
    try:
        await asyncio.to_thread(stack.start)
        auth = {"Authorization": f"Bearer {KEY}"}
        tag = uuid.uuid4().hex[:8]
        async with httpx.AsyncClient(timeout=60) as client:
            t0 = time.perf_counter()
            for start in range(0, n, 100):
                batch = [article(i, tag) for i in range(start, min(n, start + 100))]
                (await client.post(f"{stack.services['ingest'].url}/v1/articles/batch", headers=auth,
                                   json={"articles": batch})).raise_for_status()
            print(f"ingest: {n} articles in {time.perf_counter() - t0:.1f} s = {n / (time.perf_counter() - t0):.0f}/s "
                  "(batches of 100, one replica)")
            stages = {"enrich": None, "alert": None}
            first: dict[str, tuple[float, float]] = {}
            peak_lag = {s: 0.0 for s in stages}
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                done = True
                for s in stages:
                    text = (await client.get(f"{stack.services[s].url}/metrics")).text
                    handled = counter(text, "raqib_consumer_messages_total", service=s, outcome="ok")
                    peak_lag[s] = max(peak_lag[s], counter(text, "raqib_consumer_group_lag_records"))
                    now = time.perf_counter()
                    if handled > 0 and s not in first:
                        first[s] = (now, handled)
                    if handled < n:
                        done = False
                    elif stages[s] is None:
                        t_first, h_first = first[s]
                        stages[s] = (handled - h_first) / max(now - t_first, 1e-9)
                if done:
                    break
                await asyncio.sleep(0.25)
            for s, rate in stages.items():
                shown = f"{rate:.0f} records/s" if rate is not None else "did not finish"
                print(f"{s}: {shown} per replica (peak group lag seen: {peak_lag[s]:.0f})")
    finally:
        print("clean stop:", await asyncio.to_thread(stack.stop))
        await drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    asyncio.run(main(parser.parse_args().articles))
