"""CPU per single-article POST in the ingest process, at a steady rate, against the real stack (embedded Tansu,
PostgreSQL, the three services as processes): the figure that decides how many POSTs a second one ingest core takes.

    .venv/bin/python bench/ingest_post_cpu.py [--rate 200] [--seconds 10] [--rounds 1] [--py-spy OUT.txt]

Each round posts `rate` articles a second (each one new, half of them naming a facility, as in the pipeline bench)
for `seconds` and reads the ingest process's CPU time (user + system, psutil) before and after: CPU ms per POST, the
ingest process's share of a core, and the POST latency p50/p99 as the client sees it. `--py-spy OUT`: py-spy samples
the ingest process during the last round; OUT gets the functions by share of its samples (inclusive, then own).
Uses DATABASE_URL's server if set (a scratch database is created and dropped), else embedded PostgreSQL.
`--services-root DIR`: run the services from another checkout (an A/B against a base commit, same bench)."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from bench.pipeline_load import Poster, article, percentile  # noqa: E402
from devstack.embedded import create_database, drop_database, embedded_postgres  # noqa: E402
from devstack.stack import Stack  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex


def cpu_s(pid: int) -> float:
    t = psutil.Process(pid).cpu_times()
    return t.user + t.system


async def steady(client: Poster, url: str, rate: float, seconds: float, tag: str) -> list[float]:
    """POST one article every 1/rate s (not waiting for answers) -> each POST's seconds, in order of answer."""
    took: list[float] = []
    n = int(rate * seconds)
    t0 = time.perf_counter()

    async def post(i: int) -> None:
        start = time.perf_counter()
        await client.post(url, article(i, tag))
        took.append(time.perf_counter() - start)

    tasks = []
    for i in range(n):
        delay = t0 + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(post(i)))
    await asyncio.gather(*tasks)
    return took


def summarize_raw(raw: Path, out: Path, top: int = 60) -> None:
    """py-spy's raw format (one 'frame;frame;... count' a line) -> functions by inclusive and own share."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = [f.split(" (")[0] + " " + f.rsplit("/", 1)[-1].rstrip(")").split(":")[0] if "(" in f else f
                  for f in stack.split(";")]
        total += n
        for f in set(frames):
            inclusive[f] += n
        own[frames[-1]] += n
    lines = [f"{total} samples"]
    lines += ["", "inclusive:"] + [f"{100 * c / total:6.1f}%  {f}" for f, c in inclusive.most_common(top)]
    lines += ["", "own:"] + [f"{100 * c / total:6.1f}%  {f}" for f, c in own.most_common(top)]
    out.write_text("\n".join(lines) + "\n")


async def main(args: argparse.Namespace) -> None:
    if args.services_root:
        os.chdir(args.services_root)  # `python -m services.<name>` runs from the working directory
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    logs = Path(tempfile.mkdtemp(prefix="raqib-ingest-cpu-"))
    stack = Stack(database_url=db, api_key=KEY, log_dir=logs,
                  extra_env={"RAQIB_LOG_LEVEL": "WARNING", "RAQIB_RATE_LIMIT_PER_S": "100000",
                             "RAQIB_RATE_LIMIT_BURST": "100000"})
    try:
        await asyncio.to_thread(stack.start)
        ingest = stack.services["ingest"]
        pid = ingest.process.pid
        url = f"{ingest.url}/v1/articles"
        async with Poster({"Authorization": f"Bearer {KEY}"}) as client:
            await steady(client, url, 50, 1, "warm-" + uuid.uuid4().hex[:6])
            for r in range(args.rounds):
                spy = None
                if args.py_spy and r == args.rounds - 1:
                    raw = Path(str(args.py_spy) + ".raw")
                    spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record", "-p", str(pid),
                                            "-f", "raw", "-o", str(raw), "-r", "200", "-d", str(int(args.seconds))],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    await asyncio.sleep(0.5)
                before, wall = cpu_s(pid), time.perf_counter()
                took = sorted(await steady(client, url, args.rate, args.seconds, f"cpu-{uuid.uuid4().hex[:6]}"))
                used, wall = cpu_s(pid) - before, time.perf_counter() - wall
                n = len(took)
                print(f"round {r + 1}: {n} POSTs in {wall:.1f} s: ingest CPU {1000 * used / n:.2f} ms per POST "
                      f"({used / wall:.2f} of a core); POST p50 {percentile(took, 50):.1f} / p99 "
                      f"{percentile(took, 99):.1f} ms; load average {os.getloadavg()[0]:.1f}", flush=True)
                if spy is not None:
                    spy.wait()
                    summarize_raw(raw, Path(args.py_spy))
                    print(f"py-spy: {args.py_spy}")
    finally:
        await asyncio.to_thread(stack.stop)
        await drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--py-spy", type=Path, default=None)
    parser.add_argument("--services-root", type=Path, default=None)
    asyncio.run(main(parser.parse_args()))
