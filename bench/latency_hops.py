"""Where a report's latency goes, hop by hop: single POSTs at a steady rate through the whole stack (as the
pipeline bench's latency phase), then each report's path read back from the timestamps the pipeline itself
stores: ingest's transaction (articles.received_at), the outbox row published (outbox.published_at), enrich's
transaction (annotations.enriched_at), the alert batch's clock (incident_articles.joined_at), the alert
transaction that wrote the notice (deliveries.created_at), the POST started (delivery_attempts.started_at), the
receiver's arrival stamp, the attempt recorded (deliveries.delivered_at).

    .venv/bin/python bench/latency_hops.py [--rate 200] [--seconds 10] [--preload 0]

`--preload N`: N articles in batches first (the bench's throughput phase), so the database is not empty. Uses
DATABASE_URL's server if set (a scratch database, dropped), else embedded PostgreSQL. Prints one row per hop.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402

from bench.pipeline_bench import KEY, idle  # noqa: E402
from bench.pipeline_load import Poster, Receiver, article, percentile  # noqa: E402
from devstack.embedded import create_database, drop_database, embedded_postgres, free_port  # noqa: E402
from devstack.stack import Stack  # noqa: E402

HOPS = ["POST -> ingest transaction", "ingest transaction -> enrich transaction", "enrich transaction -> alert batch",
        "alert batch -> its transaction", "alert transaction -> POST started", "POST started -> received",
        "received -> recorded", "POST -> received (total)",
        # the relay marks a row once its ack is in: overlaps the enrich hop (enrich may have the record before)
        "ingest transaction -> outbox row marked"]
PATH = """
    SELECT a.url, extract(epoch from a.received_at) AS ingested,
           extract(epoch from (SELECT o.published_at FROM ingest.outbox o WHERE o.key = convert_to(a.id, 'UTF8')))
               AS published,
           extract(epoch from an.enriched_at) AS enriched, extract(epoch from ia.joined_at) AS joined,
           extract(epoch from d.created_at) AS noticed,
           extract(epoch from (SELECT min(x.started_at) FROM alert.delivery_attempts x WHERE x.delivery_id = d.id))
               AS posted,
           extract(epoch from d.delivered_at) AS recorded
    FROM ingest.articles a JOIN enrich.annotations an ON an.article_id = a.id
    JOIN alert.incident_articles ia ON ia.article_id = a.id AND ia.group_kind = 'facility'
    JOIN alert.deliveries d ON d.alert_id = ia.alert_id
    WHERE a.url LIKE $1"""

BATCHES = {
    "ingest write": """SELECT count(*) AS n FROM ingest.outbox o
                       JOIN ingest.articles a ON o.key = convert_to(a.id, 'UTF8')
                       WHERE a.url LIKE $1 GROUP BY o.created_at""",
    "enrich batch": """SELECT count(*) AS n FROM enrich.annotations an
                       JOIN ingest.articles a ON a.id = an.article_id
                       WHERE a.url LIKE $1 GROUP BY an.enriched_at""",
    "alert batch": """SELECT count(*) AS n FROM alert.incident_articles ia
                      JOIN ingest.articles a ON a.id = ia.article_id
                      WHERE a.url LIKE $1 AND ia.group_kind = 'facility' GROUP BY ia.joined_at""",
}


async def main(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_hops_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    receiver = Receiver(free_port())
    stack = Stack(database_url=db, api_key=KEY, log_dir=Path(tempfile.mkdtemp(prefix="raqib-hops-")),
                  extra_env={"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_LOG_LEVEL": "WARNING",
                             "RAQIB_RATE_LIMIT_PER_S": "100000", "RAQIB_RATE_LIMIT_BURST": "100000",
                             "RAQIB_DELIVERY_SUBSCRIPTION_CONCURRENCY": "16"})
    auth = {"Authorization": f"Bearer {KEY}"}
    try:
        receiver.start()
        await asyncio.to_thread(stack.start)
        ingest = stack.services["ingest"].url
        async with httpx.AsyncClient(timeout=60, headers=auth) as admin, Poster(auth) as client:
            (await admin.post(f"{stack.services['alert'].url}/v1/subscriptions",
                              json={"url": receiver.hook_url, "rate_limit_per_s": 10_000})).raise_for_status()
            await idle(client, stack, receiver, "warm-" + uuid.uuid4().hex[:6], reports=2)
            if args.preload:
                pre = "tp-" + uuid.uuid4().hex[:6]
                for lo in range(0, args.preload, 500):
                    await client.post(f"{ingest}/v1/articles/batch",
                                      {"articles": [article(i, pre) for i in range(lo, min(lo + 500, args.preload))]})
                await receiver.wait_for({f"{pre}-{i}" for i in range(0, args.preload, 2)}, timeout=300, poll_s=0.5)
            tag, n = "lat-" + uuid.uuid4().hex[:6], int(args.rate * args.seconds)
            sent: dict[str, float] = {}
            start = time.time()

            async def post(i: int) -> None:
                await asyncio.sleep(max(0.0, start + i / args.rate - time.time()))
                sent[f"{tag}-{2 * i}"] = time.time()
                await client.post(f"{ingest}/v1/articles", article(2 * i, tag))

            await asyncio.gather(*(post(i) for i in range(n)))
            arrived = await receiver.wait_for(set(sent), timeout=120)
        conn = await asyncpg.connect(db)
        try:
            rows = await conn.fetch(PATH, f"https://bench.example/{tag}-%")
            # articles per batch: an ingest write's outbox rows share their statement's now(), an enrich
            # batch's annotations too (enriched_at), an alert batch's articles its clock (joined_at)
            sizes = {stage: [r["n"] for r in await conn.fetch(query, f"https://bench.example/{tag}-%")]
                     for stage, query in BATCHES.items()}
        finally:
            await conn.close()
        hops: list[list[float]] = [[] for _ in HOPS]
        for r in rows:
            key = r["url"].rsplit("/", 1)[1]
            if key not in arrived or r["posted"] is None:
                continue
            t = [sent[key], *(float(r[c]) for c in ("ingested", "enriched", "joined", "noticed", "posted")),
                 arrived[key]]
            for i, (a, b) in enumerate(itertools.pairwise(t)):
                hops[i].append(b - a)
            if r["recorded"] is not None:  # (read just after the last arrival: a few may not be recorded yet)
                hops[6].append(float(r["recorded"]) - arrived[key])
            hops[7].append(arrived[key] - sent[key])
            if r["published"] is not None:
                hops[8].append(float(r["published"]) - float(r["ingested"]))
        print(f"{args.rate:g} reports/s for {args.seconds:g} s: {len(arrived)} of {n} notices received")
        print("  articles per batch: " + ", ".join(
            f"{stage} mean {sum(v) / max(1, len(v)):.2f} (max {max(v, default=0)})" for stage, v in sizes.items()))
        for label, values in zip(HOPS, hops, strict=True):
            values.sort()
            print(f"  {label:<42} p50 {percentile(values, 50):8.1f}  p95 {percentile(values, 95):8.1f}  "
                  f"p99 {percentile(values, 99):8.1f} ms")
    finally:
        await asyncio.to_thread(stack.stop)
        receiver.stop()
        await drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--preload", type=int, default=0)
    asyncio.run(main(parser.parse_args()))
