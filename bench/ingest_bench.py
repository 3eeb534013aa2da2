"""Ingest benchmark: accepted articles per second for single posts, batches and an NDJSON upload, against the
real stack on this machine (embedded Tansu, PostgreSQL, the three services as processes).

    .venv/bin/python bench/ingest_bench.py [--single 600] [--batch 3000] [--batch-size 500] [--ndjson 3000]
                                           [--without-enrich]

Articles are distinct (~1.5 KB each): sentences of bench/corpus drawn at random, so near-duplicate detection
does its real work (candidate look-ups) without finding copies. Every article is new (no duplicates); each
figure counts the articles the answer marks new or near-duplicate. Enrich runs meanwhile, as in production,
on the same cores, unless --without-enrich. Uses DATABASE_URL's server if set (a scratch database is created
and dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from devstack.embedded import create_database, drop_database, embedded_postgres  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex
SENTENCE = re.compile(r"(?<=[.!?؟])\s+")


def sentences() -> list[str]:
    pool = []
    for path in sorted((ROOT / "bench" / "corpus").glob("*.txt")):
        pool += [s.strip() for s in SENTENCE.split(path.read_text(encoding="utf-8")) if len(s.strip()) > 40]
    return pool


def articles(n: int, pool: list[str], rng: random.Random, tag: str) -> list[dict[str, str]]:
    return [{"text": " ".join(rng.sample(pool, 8)) + f" ({tag}-{i})", "url": f"https://bench.example/{tag}/{i}"}
            for i in range(n)]


def accepted(results: list[dict[str, object]]) -> int:
    return sum(1 for r in results if r["status"] in ("new", "near_duplicate"))


async def single(client: httpx.AsyncClient, url: str, items: list[dict[str, str]], concurrency: int) -> int:
    sem = asyncio.Semaphore(concurrency)
    ok = 0

    async def post(item: dict[str, str]) -> None:
        nonlocal ok
        async with sem:
            r = await client.post(f"{url}/v1/articles", json=item)
            r.raise_for_status()
            ok += not r.json()["duplicate"]

    await asyncio.gather(*(post(i) for i in items))
    return ok


async def batches(client: httpx.AsyncClient, url: str, items: list[dict[str, str]], size: int) -> int:
    ok = 0
    for i in range(0, len(items), size):
        r = await client.post(f"{url}/v1/articles/batch", json={"articles": items[i:i + size]})
        r.raise_for_status()
        ok += accepted(r.json()["results"])
    return ok


async def ndjson(client: httpx.AsyncClient, url: str, items: list[dict[str, str]]) -> int:
    body = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items).encode()
    r = await client.post(f"{url}/v1/articles/ndjson", content=body, headers={"content-type": "application/x-ndjson"})
    r.raise_for_status()
    results = r.json()["results"]
    if not accepted(results):
        print("NDJSON:", results[:2])
    return accepted(results)


async def main(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    stack = Stack(database_url=db, api_key=KEY, log_dir=Path(tempfile.mkdtemp(prefix="raqib-ingest-bench-")),
                  extra_env={"RAQIB_LOG_LEVEL": "WARNING", "RAQIB_RATE_LIMIT_PER_S": "100000",
                             "RAQIB_RATE_LIMIT_BURST": "100000"})
    rng, tag = random.Random(11), uuid.uuid4().hex[:8]
    pool = sentences()
    try:
        await asyncio.to_thread(stack.start)
        if args.without_enrich:  # ingest alone on the cores (its outbox still relays to the broker)
            stack.services["enrich"].process.terminate()
            stack.services["enrich"].process.wait(30)
        url = stack.services["ingest"].url
        async with httpx.AsyncClient(timeout=120, headers={"Authorization": f"Bearer {KEY}"},
                                     limits=httpx.Limits(max_connections=args.concurrency)) as client:
            await single(client, url, articles(20, pool, rng, tag + "w"), 4)  # warm-up
            for label, n, run in (
                    (f"single posts ({args.concurrency} at once)", args.single,
                     lambda items: single(client, url, items, args.concurrency)),
                    (f"batches of {args.batch_size}", args.batch, lambda items: batches(client, url, items,
                                                                                       args.batch_size)),
                    ("one NDJSON upload", args.ndjson, lambda items: ndjson(client, url, items))):
                items = articles(n, pool, rng, f"{tag}-{n}-{len(label)}")
                t0 = time.perf_counter()
                ok = await run(items)
                elapsed = time.perf_counter() - t0
                print(f"{label:32s} {ok:6d} accepted of {n:6d} in {elapsed:6.2f} s: {ok / elapsed:8.1f} articles/s")
    finally:
        await asyncio.to_thread(stack.stop)
        await drop_database(server, name)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--single", type=int, default=600)
    p.add_argument("--batch", type=int, default=3000)
    p.add_argument("--batch-size", type=int, default=500)
    p.add_argument("--ndjson", type=int, default=3000)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--without-enrich", action="store_true", help="stop enrich first: ingest alone on the cores")
    asyncio.run(main(p.parse_args()))
