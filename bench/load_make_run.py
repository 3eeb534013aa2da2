"""Independent load test of `make run` (`make load-test`): starts `make run` as a user would (or drives one that is
already running, `--attach`), and measures from the outside, through the public API only, what it delivers.

    .venv/bin/python bench/load_make_run.py [--port-base 8000] [--articles 10000] [--batch 100] [--rate 200]
                                            [--seconds 30] [--steady-batch 1] [--idle 10] [--keep-data]
    .venv/bin/python bench/load_make_run.py --attach --key rk_dev_... [--port-base 8000]   # a running make run

Started here, `make run` gets its own scratch RAQIB_DATA_DIR (a fresh embedded PostgreSQL; `--keep-data`: the
checkout's .data, as a user's second run), RAQIB_DEV_PORT_BASE (8000 unless taken: the next free triple from
8100) and nothing else: its defaults are what is measured (its console, which follows the alert stream, its
per-key request limit, its log level). Its admin key is read from what it prints. It is stopped with SIGINT, as
Ctrl-C would, and its exit awaited.

A receiver of our own (bench/signed_receiver.py, a process on loopback) verifies each notice's Standard Webhooks
signature with the secret the subscription API returned, and stamps the arrival of each article key. Phases:
  a. throughput: `--articles` articles (each unique; half name a facility of their own, so each owes a notice)
     posted as batches of `--batch` to POST /v1/articles/batch, 4 requests in flight, as fast as ingest takes
     them -> accepted/s, end to end (until every expected notice arrived), each stage's finished count on its
     /metrics, notices lost;
  b. steady: `--rate` articles/s for `--seconds`, each naming a facility, posted `--steady-batch` to a request
     (1: single POSTs, as the pipeline bench) -> POST -> verified notice p50/p95/p99;
  c. idle: `--idle` single reports, 1 s apart, each timed POST -> verified notice;
  d. RSS of each service (the process listening on its port) at the end.
A 429 is waited out (its Retry-After) and counted; its wait counts in the latency (a user's article waits too).
Nothing here imports the services' code.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import httpx  # noqa: E402
import psutil  # noqa: E402

from bench.pipeline_load import StageWatch, article, percentile  # noqa: E402

TARGETS = {"e2e": 1000.0, "p50": 100.0, "p99": 250.0, "idle": 50.0, "rss": 200.0}


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pick_port_base() -> int:
    for base in (8000, *range(8100, 8400, 10)):
        if all(port_free(base + i) for i in range(3)):
            return base
    raise SystemExit("no free port triple in 8000-8400")


class MakeRun:
    """`make run` as a child process group (its own session: SIGINT to it is the user's Ctrl-C)."""

    def __init__(self, port_base: int, keep_data: bool) -> None:
        self.port_base = port_base
        self.data = ROOT / ".data" if keep_data else Path(tempfile.mkdtemp(prefix="raqib-loadtest-"))
        self.out = self.data / "make-run.out" if not keep_data else Path(tempfile.mkstemp(suffix=".out")[1])
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 240) -> str:
        """-> the admin key it printed, once it waits for alerts."""
        env = {**os.environ, "RAQIB_DATA_DIR": str(self.data), "RAQIB_DEV_PORT_BASE": str(self.port_base)}
        env.pop("RAQIB_BOOTSTRAP_API_KEY", None)
        env.pop("DATABASE_URL", None)
        self.proc = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdout=self.out.open("wb"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline, key = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            text = self.out.read_text(errors="replace")
            m = re.search(r"admin API key \(generated for this run\): (\S+)", text)
            key = m.group(1) if m else key
            if key and "waiting for alerts" in text:
                return key
            if self.proc.poll() is not None:
                raise RuntimeError(f"make run exited ({self.proc.returncode}):\n{text[-3000:]}")
            time.sleep(0.5)
        raise TimeoutError(f"make run not ready in {timeout}s:\n{self.out.read_text(errors='replace')[-3000:]}")

    def stop(self, timeout: float = 90) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        os.killpg(self.proc.pid, signal.SIGINT)  # Ctrl-C: the runner stops its services, broker and database
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            return self.proc.wait()

    def tail(self, lines: int = 5) -> str:
        return "\n".join(self.out.read_text(errors="replace").splitlines()[-lines:])


class Receiver:
    def __init__(self) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.hook_url = f"{self.base}/hook"
        self.proc: subprocess.Popen[bytes] | None = None
        self.http = httpx.AsyncClient(timeout=30)

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "signed_receiver.py"), str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while port_free(self.port):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("the receiver did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)

    async def set_secret(self, secret: str) -> None:
        (await self.http.post(f"{self.base}/secret", json={"secret": secret})).raise_for_status()

    async def count(self) -> dict[str, int]:
        return dict((await self.http.get(f"{self.base}/count")).json())

    async def arrivals(self, keys: set[str]) -> dict[str, float]:
        return dict((await self.http.post(f"{self.base}/arrivals", json=sorted(keys))).json())

    async def wait_for(self, keys: set[str], timeout: float, poll_s: float = 0.1) -> dict[str, float]:
        deadline, got = time.monotonic() + timeout, {}
        while time.monotonic() < deadline:
            got = await self.arrivals(keys)
            if len(got) == len(keys):
                break
            await asyncio.sleep(poll_s)
        return got


class Client:
    """aiohttp (little CPU per request: the load generator shares the 2 cores). A 429 is waited out and counted."""

    def __init__(self, key: str) -> None:
        self.session = aiohttp.ClientSession(headers={"Authorization": f"Bearer {key}"},
                                             timeout=aiohttp.ClientTimeout(total=120),
                                             connector=aiohttp.TCPConnector(limit=64))
        self.throttled = 0

    async def post(self, url: str, body: Any) -> Any:
        """-> the answer's JSON."""
        while True:
            async with self.session.post(url, json=body) as r:
                await r.read()
                if r.status == 429:
                    self.throttled += 1
                    await asyncio.sleep(float(r.headers.get("retry-after", "1")))
                    continue
                r.raise_for_status()
                return await r.json()


def not_owed(items: list[dict[str, str]], answer: Any) -> set[str]:
    """The keys ingest did not take as new (a near-duplicate of an earlier article, stored but raising no alert;
    a duplicate; rejected): no notice is owed for them. The workload's articles share a template, and now and then
    the MinHash estimate of two of them passes the near-duplicate threshold (0.5)."""
    if "results" in answer:
        return {key_of(items[x["index"]]) for x in answer["results"] if x["status"] != "new"}
    return {key_of(items[0])} if answer.get("duplicate") or answer.get("near_duplicate_of") else set()


class Cpu:
    """CPU time (user + system) of every process on the machine over a phase, by role: each service (the process on
    its port), the make run process (its console, printing notices from the alert stream), the broker (tansu), the
    embedded PostgreSQL (processes of the pgserver user), our receiver and this load generator; "other" is what
    else ran (other work on a shared machine). -> ms per article."""

    def __init__(self, ports: dict[str, int], receiver: Receiver) -> None:
        self.ports, self.receiver = ports, receiver
        self.start: dict[int, tuple[str, float]] = {}

    def _role(self, p: psutil.Process, services: dict[int, str]) -> str:
        if p.pid in services:
            return services[p.pid]
        if self.receiver.proc is not None and p.pid == self.receiver.proc.pid:
            return "receiver"
        if p.pid == os.getpid():
            return "load generator"
        name, user = p.name(), p.username()
        if "tansu" in name:
            return "broker"
        if user == "pgserver" or (name == "postgres" and "pgserver" in " ".join(p.cmdline())):
            return "postgres"
        if "devstack" in " ".join(p.cmdline()[:4]):
            return "make run"
        return "other"

    def sample(self) -> dict[int, tuple[str, float]]:
        services = {}
        for c in psutil.net_connections(kind="tcp"):
            if c.status == psutil.CONN_LISTEN and c.pid and c.laddr:
                for name, port in self.ports.items():
                    if c.laddr.port == port:
                        services[c.pid] = name
        out = {}
        for p in psutil.process_iter():
            try:
                t = p.cpu_times()
                out[p.pid] = (self._role(p, services), t.user + t.system)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                pass
        return out

    def begin(self) -> None:
        self.start = self.sample()

    def end(self, articles: int) -> dict[str, float]:
        now, by = self.sample(), collections.defaultdict[str, float](float)
        for pid, (role, t) in now.items():
            by[role] += t - (self.start[pid][1] if pid in self.start and self.start[pid][0] == role else 0.0)
        ms = {role: round(v * 1000 / articles, 2) for role, v in sorted(by.items(), key=lambda kv: -kv[1]) if v > 0}
        return {"total_ours": round(sum(v for k, v in ms.items() if k != "other"), 2), **ms}


def key_of(a: dict[str, str]) -> str:
    return a["url"].rsplit("/", 1)[1]


async def throughput(client: Client, urls: dict[str, str], rx: Receiver, n: int, batch: int, cpu: Cpu
                     ) -> dict[str, Any]:
    tag = "tp-" + uuid.uuid4().hex[:6]
    watch = StageWatch(urls)
    await watch.baseline()
    expected = {f"{tag}-{i}" for i in range(0, n, 2)}
    sem, throttled0, skipped = asyncio.Semaphore(4), client.throttled, set()

    async def post(lo: int) -> None:
        async with sem:
            items = [article(i, tag) for i in range(lo, min(lo + batch, n))]
            skipped.update(not_owed(items, await client.post(f"{urls['ingest']}/v1/articles/batch",
                                                             {"articles": items})))

    cpu.begin()
    t0 = time.perf_counter()
    follower = asyncio.create_task(watch.follow(t0, n))
    await asyncio.gather(*(post(lo) for lo in range(0, n, batch)))
    posted_s = time.perf_counter() - t0
    expected -= skipped
    arrived = await rx.wait_for(expected, timeout=180)
    last = max(arrived.values(), default=float("nan"))
    total_s = time.perf_counter() - t0 - max(0.0, time.time() - last)  # to the last notice, not our last poll
    for _ in range(50):
        if watch.done("alert", n) and watch.done("delivery", n):
            break
        await asyncio.sleep(0.1)
    follower.cancel()
    return {"cpu_ms_per_article": cpu.end(n),
            "articles": n, "batch": batch, "accepted_per_s": round(n / posted_s, 1), "posted_s": round(posted_s, 2),
            "total_s": round(total_s, 2), "end_to_end_per_s": round(n / total_s, 1),
            "notices_expected": len(expected), "not_new": len(skipped), "notices_received": len(arrived),
            "notices_lost": len(expected) - len(arrived), "missing": sorted(expected - set(arrived))[:10],
            "stages_per_s": watch.rates(n),
            "throttled_posts": client.throttled - throttled0}


async def steady(client: Client, urls: dict[str, str], rx: Receiver, rate: float, seconds: float,
                 per_post: int, cpu: Cpu) -> dict[str, Any]:
    tag = "lat-" + uuid.uuid4().hex[:6]
    posts, sent, skipped = max(1, int(rate * seconds / per_post)), {}, set()
    throttled0 = client.throttled
    url = f"{urls['ingest']}/v1/articles" + ("/batch" if per_post > 1 else "")
    start = time.time() + 0.2

    async def post(j: int) -> None:
        await asyncio.sleep(max(0.0, start + j * per_post / rate - time.time()))
        items = [article(2 * (j * per_post + k), tag) for k in range(per_post)]  # even: each names a facility
        t = time.time()
        for a in items:
            sent[key_of(a)] = t
        for k in not_owed(items, await client.post(url, {"articles": items} if per_post > 1 else items[0])):
            sent.pop(k, None)
            skipped.add(k)

    cpu.begin()
    await asyncio.gather(*(post(j) for j in range(posts)))
    arrived = await rx.wait_for(set(sent), timeout=60)
    lat = sorted(arrived[k] - sent[k] for k in arrived)
    return {"cpu_ms_per_article": cpu.end(len(sent)),
            "rate_per_s": rate, "seconds": seconds, "per_post": per_post, "articles": len(sent),
            "not_new": len(skipped), "notices_received": len(lat), "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95),
            "p99_ms": percentile(lat, 99), "max_ms": percentile(lat, 100),
            "throttled_posts": client.throttled - throttled0}


async def idle(client: Client, urls: dict[str, str], rx: Receiver, reports: int, tag: str = "idle") -> dict:
    tag = f"{tag}-" + uuid.uuid4().hex[:6]
    lat = []
    for i in range(reports):
        await asyncio.sleep(1.0)
        a = article(2 * i, tag)
        t = time.time()
        if not_owed([a], await client.post(f"{urls['ingest']}/v1/articles", a)):
            continue
        got = await rx.wait_for({key_of(a)}, timeout=10, poll_s=0.02)
        if got:
            lat.append(got[key_of(a)] - t)
    lat.sort()
    return {"reports": reports, "received": len(lat), "p50_ms": percentile(lat, 50), "max_ms": percentile(lat, 100),
            "all_ms": [round(x * 1000, 1) for x in lat]}


def rss_by_port(ports: dict[str, int]) -> dict[str, float | None]:
    """The RSS (MB) of the process listening on each service's port."""
    out: dict[str, float | None] = {name: None for name in ports}
    for c in psutil.net_connections(kind="tcp"):
        if c.status == psutil.CONN_LISTEN and c.pid and c.laddr:
            for name, port in ports.items():
                if c.laddr.port == port:
                    out[name] = round(psutil.Process(c.pid).memory_info().rss / 2**20, 1)
    return out


def table(r: dict[str, Any]) -> str:
    tp, st, idl = r["throughput"], r["steady"], r["idle"]

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    rows = [
        ("(a) accepted by ingest", f"{tp['accepted_per_s']:,.0f} articles/s",
         f"{tp['articles']} in batches of {tp['batch']}; {tp['throttled_posts']} posts throttled (429)"),
        ("    end to end (to the last notice)", f"{tp['end_to_end_per_s']:,.0f} articles/s",
         f"target >= 1,000: {mark(tp['end_to_end_per_s'] >= TARGETS['e2e'])}"),
        ("    stages (finished counts)", ", ".join(f"{k} {v:,.0f}/s" if v else f"{k} -"
                                                  for k, v in tp["stages_per_s"].items()), ""),
        ("    notices", f"{tp['notices_received']} of {tp['notices_expected']}, {tp['notices_lost']} lost",
         f"signatures verified by our receiver; {tp['not_new']} articles not new to ingest (near-duplicates: "
         "no notice owed)"),
        (f"(b) latency at {st['rate_per_s']:.0f}/s for {st['seconds']:.0f} s",
         f"p50 {st['p50_ms']:.0f} / p95 {st['p95_ms']:.0f} / p99 {st['p99_ms']:.0f} ms",
         f"{st['per_post']} per POST; {st['notices_received']} of {st['articles']}; {st['throttled_posts']} throttled; "
         f"target p50 <= 100, p99 <= 250: {mark(st['p50_ms'] <= TARGETS['p50'] and st['p99_ms'] <= TARGETS['p99'])}"),
        (f"(c) idle, {idl['reports']} single reports 1 s apart",
         f"p50 {idl['p50_ms']:.0f} ms, max {idl['max_ms']:.0f} ms",
         f"{idl['received']} of {idl['reports']}; target <= 50: {mark(idl['p50_ms'] <= TARGETS['idle'])}"),
        *((f"(d) RSS {name}", f"{mb:.0f} MB" if mb else "?",
           f"target <= 200: {mark(mb is not None and mb <= TARGETS['rss'])}") for name, mb in r["rss_mb"].items()),
        *((f"CPU per article, {phase}", f"{c['total_ours']:.2f} ms",
           ", ".join(f"{k} {v:.2f}" for k, v in c.items() if k != "total_ours"))
          for phase, c in (("(a)", tp["cpu_ms_per_article"]), ("(b)", st["cpu_ms_per_article"]))),
        ("still owed to our receiver", f"{len(r['deliveries_pending'])} pending deliveries",
         "; ".join(f"{d['attempts']} attempts, {d['last_status_code']} {d['last_error']}, next {d['next_attempt_at']}"
                   for d in r["deliveries_pending"][:3])),
        ("receiver", f"{r['receiver']['verified']} verified, {r['receiver']['invalid']} invalid",
         f"{r['receiver']['redelivered']} redelivered, {r['receiver']['duplicate_keys']} repeated keys"),
    ]
    w0, w1 = max(len(a) for a, _, _ in rows), max(len(b) for _, b, _ in rows)
    head = (f"load test against `make run` at {r['ingest']} — {os.cpu_count()} cores, commit {r['commit']}, "
            f"load average {r['loadavg']}")
    return "\n".join([head, *(f"  {a:<{w0}}  {b:<{w1}}  {c}".rstrip() for a, b, c in rows)])


async def run(a: argparse.Namespace, key: str, ports: dict[str, int]) -> dict[str, Any]:
    urls = {n: f"http://127.0.0.1:{p}" for n, p in ports.items()}
    rx = Receiver()
    rx.start()
    client = Client(key)
    cpu = Cpu(ports, rx)
    sub_id = None
    try:
        async with httpx.AsyncClient(timeout=30, headers={"Authorization": f"Bearer {key}"}) as admin:
            r = await admin.post(f"{urls['alert']}/v1/subscriptions",
                                 json={"url": rx.hook_url, "rate_limit_per_s": 10_000})
            r.raise_for_status()
            sub_id = r.json()["id"]
            await rx.set_secret(r.json()["secret"])
            paused = []
            if a.pause_others:  # diagnosis: the other subscriptions paused meanwhile (none of make run's)
                for other in (await admin.get(f"{urls['alert']}/v1/subscriptions")).json():
                    if other["id"] != sub_id and other.get("enabled", True):
                        (await admin.patch(f"{urls['alert']}/v1/subscriptions/{other['id']}",
                                           json={"enabled": False})).raise_for_status()
                        paused.append(other["id"])
            try:
                warm = await idle(client, urls, rx, 2, "warm")
                print(f"warm-up: {warm['all_ms']} ms", flush=True)
                result: dict[str, Any] = {"ingest": urls["ingest"]}
                result["throughput"] = await throughput(client, urls, rx, a.articles, a.batch, cpu)
                print(f"(a) {json.dumps(result['throughput'])}", flush=True)
                await asyncio.sleep(a.pause)
                result["steady"] = await steady(client, urls, rx, a.rate, a.seconds, a.steady_batch, cpu)
                print(f"(b) {json.dumps(result['steady'])}", flush=True)
                await asyncio.sleep(a.pause)
                result["idle"] = await idle(client, urls, rx, a.idle)
                print(f"(c) {json.dumps(result['idle'])}", flush=True)
                result["rss_mb"] = rss_by_port(ports)
                # what the alert service still owes our receiver, and why (a notice not received: lost, or late?)
                owed = (await admin.get(f"{urls['alert']}/v1/deliveries",
                                        params={"subscription_id": sub_id, "status": "pending", "limit": 500})).json()
                retried = (await admin.get(f"{urls['alert']}/v1/deliveries/attempts",
                                           params={"subscription_id": sub_id, "limit": 1000})).json()
                result["deliveries_pending"] = [{k: d.get(k) for k in ("attempts", "last_status_code", "last_error",
                                                                       "next_attempt_at", "created_at")}
                                                for d in owed]
                result["failed_attempts_recent"] = collections.Counter(
                    f"{x['status_code']} {x['error']}" for x in retried if x["error"] or (x["status_code"] or 0) >= 300)
                result["receiver"] = await rx.count()
                return result
            finally:
                await admin.delete(f"{urls['alert']}/v1/subscriptions/{sub_id}")
                for other in paused:
                    await admin.patch(f"{urls['alert']}/v1/subscriptions/{other}", json={"enabled": True})
    finally:
        await client.session.close()
        rx.stop()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--attach", action="store_true", help="drive a make run that is already running (needs --key)")
    p.add_argument("--key", help="--attach: the admin API key make run printed")
    p.add_argument("--port-base", type=int, help="make run's RAQIB_DEV_PORT_BASE (default: 8000 if free)")
    p.add_argument("--keep-data", action="store_true", help="start make run on the checkout's .data, not a scratch dir")
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--steady-batch", type=int, default=1, help="articles per POST in the steady phase")
    p.add_argument("--idle", type=int, default=10)
    p.add_argument("--pause", type=float, default=3.0, help="seconds between phases")
    p.add_argument("--pause-others", action="store_true",
                   help="diagnosis: pause the other subscriptions (make run's own) during the test")
    p.add_argument("--json", type=Path, help="also write the figures here")
    a = p.parse_args()
    if a.attach and not a.key:
        p.error("--attach needs --key")
    base = a.port_base or (8000 if a.attach else pick_port_base())
    ports = {"ingest": base, "enrich": base + 1, "alert": base + 2}
    stack = None if a.attach else MakeRun(base, a.keep_data)
    result: dict[str, Any] | None = None
    try:
        if stack is not None:
            print(f"starting make run on {base}-{base + 2} (RAQIB_DATA_DIR={stack.data}; output {stack.out}) …",
                  flush=True)
            key = stack.start()
        else:
            key = a.key
        result = asyncio.run(run(a, key, ports))
    finally:
        if stack is not None:
            code = stack.stop()
            print(f"make run stopped (exit {code}): {stack.tail(1)}")
            lost = result is None or result["throughput"]["notices_lost"] or \
                result["steady"]["notices_received"] < result["steady"]["articles"]
            if not a.keep_data and not lost:  # the scratch database goes (kept to look into a loss); logs stay
                shutil.rmtree(stack.data / "pg", ignore_errors=True)
    result["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                      text=True).stdout.strip()
    result["loadavg"] = "/".join(f"{x:.1f}" for x in os.getloadavg())
    if a.json:
        a.json.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))
    tp, st, idl = result["throughput"], result["steady"], result["idle"]
    ok = (tp["notices_lost"] == 0 and st["notices_received"] == st["articles"] and idl["received"] == idl["reports"]
          and result["receiver"]["invalid"] == 0)
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
