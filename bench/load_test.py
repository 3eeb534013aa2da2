"""Independent load test: drive a pipeline that is already running (`make run`, or any deployment) from the
outside, the way a client would, and measure what it delivers.

    make run                                      # in one terminal: prints "admin API key ...: rk_dev_..."
    .venv/bin/python bench/load_test.py --key rk_dev_...  [--articles 5000] [--batch 500] [--rate 200]
                                                          [--seconds 10] [--ingest URL] [--enrich URL] [--alert URL]

It starts its own webhook receiver (bench/notice_receiver.py, a process on loopback), subscribes it through the
alert API (the key needs the admin scope; the subscription is deleted at the end), then:
  1. throughput: posts `--articles` articles as batches of `--batch` (4 requests in flight) to
     POST /v1/articles/batch, half naming a facility of their own; measures the rate ingest accepted them,
     each stage's finished count on its /metrics (ingest, enrich, alert, delivery) and the time until the last
     expected notice reached the receiver (end to end);
  2. latency at a steady rate: `--rate` articles/s for `--seconds`, each naming a facility, posted as batches of
     10 (so the default per-key request limit of `make run`, 50/s, is not what is measured); POST -> signed
     notice received, p50/p95/p99.
A 429 from ingest is waited out (its Retry-After) and counted. Nothing here shares code with the services.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.pipeline_load import Receiver, StageWatch, article, percentile  # noqa: E402
from devstack.embedded import free_port  # noqa: E402


class Client:
    def __init__(self, http: httpx.AsyncClient, ingest: str) -> None:
        self.http, self.ingest, self.throttled = http, ingest, 0

    async def post_batch(self, items: list[dict[str, str]]) -> None:
        while True:
            r = await self.http.post(f"{self.ingest}/v1/articles/batch", json={"articles": items})
            if r.status_code == 429:
                self.throttled += 1
                await asyncio.sleep(float(r.headers.get("retry-after", "1")))
                continue
            r.raise_for_status()
            return


async def throughput(client: Client, urls: dict[str, str], receiver: Receiver, n: int, batch: int,
                     tag: str) -> dict[str, Any]:
    watch = StageWatch(urls)
    await watch.baseline()
    expected = {f"{tag}-{i}" for i in range(0, n, 2)}
    sem = asyncio.Semaphore(4)

    async def post(lo: int) -> None:
        async with sem:
            await client.post_batch([article(i, tag) for i in range(lo, min(lo + batch, n))])

    t0 = time.perf_counter()
    follower = asyncio.create_task(watch.follow(t0, n))
    await asyncio.gather(*(post(lo) for lo in range(0, n, batch)))
    posted_s = time.perf_counter() - t0
    arrived = await receiver.wait_for(expected, timeout=300, poll_s=0.1)
    total_s = time.perf_counter() - t0
    for _ in range(40):  # the alert stage's count may lag the last notice by a sample
        if watch.done("alert", n):
            break
        await asyncio.sleep(0.05)
    follower.cancel()
    return {"articles": n, "batch": batch, "accepted_per_s": round(n / posted_s, 1),
            "end_to_end_per_s": round(n / total_s, 1), "total_s": round(total_s, 2),
            "notices_expected": len(expected), "notices_received": len(arrived), "stages_per_s": watch.rates(n)}


async def steady(client: Client, receiver: Receiver, rate: float, seconds: float, tag: str) -> dict[str, Any]:
    per_post = 10
    posts = max(1, int(rate * seconds / per_post))
    sent: dict[str, float] = {}
    start = time.time()

    async def post(j: int) -> None:
        await asyncio.sleep(max(0.0, start + j * per_post / rate - time.time()))
        items = [article(2 * (j * per_post + k), tag) for k in range(per_post)]  # even: each names a facility
        t = time.time()
        for a in items:
            sent[a["text"].rsplit("(", 1)[1].rstrip(").")] = t
        await client.post_batch(items)

    await asyncio.gather(*(post(j) for j in range(posts)))
    arrived = await receiver.wait_for(set(sent), timeout=60, poll_s=0.1)
    lat = sorted(arrived[k] - sent[k] for k in arrived)
    return {"rate_per_s": rate, "articles": len(sent), "notices_received": len(lat), "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95), "p99_ms": percentile(lat, 99), "max_ms": percentile(lat, 100)}


async def main(a: argparse.Namespace) -> int:
    urls = {"ingest": a.ingest.rstrip("/"), "enrich": a.enrich.rstrip("/"), "alert": a.alert.rstrip("/")}
    receiver = Receiver(free_port())
    receiver.start()
    auth = {"Authorization": f"Bearer {a.key}"}
    sub_id = None
    try:
        async with httpx.AsyncClient(timeout=60, headers=auth, limits=httpx.Limits(max_connections=64)) as http:
            r = await http.post(f"{urls['alert']}/v1/subscriptions",
                                json={"url": receiver.hook_url, "rate_limit_per_s": 10_000})
            if r.status_code != 201:
                print(f"could not subscribe the receiver: {r.status_code} {r.text}")
                return 1
            sub_id = r.json()["id"]
            client = Client(http, urls["ingest"])
            tp = await throughput(client, urls, receiver, a.articles, a.batch, "tp-" + uuid.uuid4().hex[:6])
            lat = await steady(client, receiver, a.rate, a.seconds, "lat-" + uuid.uuid4().hex[:6])
            result = {"throughput": tp, "latency": lat, "throttled_posts": client.throttled}
            print(json.dumps(result, indent=2))
            st = tp["stages_per_s"]
            print(f"\nload test against {urls['ingest']}: {tp['articles']} articles in batches of {tp['batch']}\n"
                  f"  accepted by ingest   {tp['accepted_per_s']:,.0f} articles/s\n"
                  f"  end to end           {tp['end_to_end_per_s']:,.0f} articles/s "
                  f"({tp['notices_received']} of {tp['notices_expected']} notices)\n"
                  f"  stages               " + ", ".join(f"{k} {v:,.0f}/s" if v else f"{k} -" for k, v in st.items())
                  + f"\n  latency at {lat['rate_per_s']:.0f}/s    p50 {lat['p50_ms']:.0f} / p95 {lat['p95_ms']:.0f} / "
                  f"p99 {lat['p99_ms']:.0f} ms ({lat['notices_received']} of {lat['articles']} notices)")
            ok = tp["notices_received"] == tp["notices_expected"] and lat["notices_received"] == lat["articles"]
            return 0 if ok else 2
    finally:
        if sub_id:
            async with httpx.AsyncClient(timeout=10, headers=auth) as http:
                await http.delete(f"{urls['alert']}/v1/subscriptions/{sub_id}")
        receiver.stop()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--key", required=True, help="an admin API key (make run prints the one it generated)")
    p.add_argument("--ingest", default="http://127.0.0.1:8000")
    p.add_argument("--enrich", default="http://127.0.0.1:8001")
    p.add_argument("--alert", default="http://127.0.0.1:8002")
    p.add_argument("--articles", type=int, default=5000)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--seconds", type=float, default=10.0)
    sys.exit(asyncio.run(main(p.parse_args())))
