"""`make run`: broker, database, migrations and the three services on 8000/8001/8002 (RAQIB_DEV_PORT_BASE), the
bundled sample reports posted (unless RAQIB_DEV_SAMPLES=0: they open incidents that later reports would join), and
each notice (an incident firing, updated, resolved …) printed as it goes out, read from the alert service's live
stream (`/v1/alerts/stream`, as the web console reads it): a live view, not a subscriber. It used to be a webhook
subscription of its own: every notice was delivered twice (signed, recorded, retried) and, at its 50 a second, a
burst of notices left it a backlog of deliveries for minutes after. Under a burst it prints up to
CONSOLE_PER_S notices a second and counts the rest. A service that exits on its own is restarted after a back-off,
with the reason printed (devstack/supervise.py). Ctrl-C stops every process it started."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import signal
import socket
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import httpx

from devstack.embedded import create_database, embedded_postgres
from devstack.stack import DEFAULT_PORTS, Stack
from devstack.supervise import supervise

DATA = Path(os.environ.get("RAQIB_DATA_DIR", ".data"))
SAMPLES = Path(__file__).with_name("samples.jsonl")
# One developer's stack on one machine, not a shared service: unless set in the environment, a single client and a
# single local receiver may use what the pipeline can do. The production defaults (50 POSTs/s per API key, 4
# deliveries in flight per subscription) throttled the independent load test (bench/load_make_run.py): single
# POSTs at 200/s were answered 429 after the burst (p50 5 s), and one subscriber took every notice 4 at a time.
DEV_DEFAULTS = {"RAQIB_RATE_LIMIT_PER_S": "1000", "RAQIB_RATE_LIMIT_BURST": "1000",
                "RAQIB_DELIVERY_SUBSCRIPTION_CONCURRENCY": "16"}


def say(msg: str) -> None:
    print(msg, flush=True)


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


CONSOLE_PER_S = 5  # notices printed a second at most; the others of that second are counted in one line
RECONNECT_S = 1.0


def show_alert(data: dict[str, Any], how: str, kind: str | None = None) -> None:
    """A notice (services.alert.notice.Notice: an incident and its articles), or an incident stored by an earlier
    run; `how`: where it comes from."""
    i = data.get("incident", data)
    kind = kind or data.get("kind", "stored")
    where = f"{i.get('country') or '?'} {i.get('lat')}, {i.get('lon')}" if i.get("lat") is not None else "?"
    name = i["facility"] + (f" · {i['facility_ar']}" if i.get("facility_ar") else "")
    say(f"\n🔔 {kind.upper()} [{i['severity']}]  {i['kind'].upper()}: {name}  [{where}]  {how}"
        f"\n   incident: {i['article_count']} article(s) from {len(i.get('sources') or [])} outlet(s), languages "
        f"{', '.join(i.get('languages') or []) or '-'}; rule {i['rule']}"
        f"\n   actors:  {', '.join(i.get('actors') or []) or '-'}"
        f"\n   events:  {', '.join(i.get('event_types') or []) or '-'}")
    for a in data.get("articles", [])[:5]:
        say(f"   [{a.get('lang') or '?'}] {a.get('title') or a['article_id']}: {a['evidence'][:220]}")


async def sse(lines: AsyncIterator[str]) -> AsyncIterator[tuple[str, str, str]]:
    """Server-sent events -> (id, event, data); comments and keep-alives skipped."""
    fields: dict[str, list[str]] = {}
    async for line in lines:
        if not line:
            if "data" in fields:
                yield "".join(fields.get("id", [])), "".join(fields.get("event", [])), "\n".join(fields["data"])
            fields = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            fields.setdefault(name, []).append(value[1:] if value.startswith(" ") else value)


class Console:
    """The terminal's live view of the notices: each `notified` change of the alert stream printed as the notice a
    subscriber gets (the incident, and the articles the stream showed opening or joining it), up to `per_s` a
    second; the rest of a second counted in one line. Nothing is delivered or recorded for it."""

    def __init__(self, per_s: int = CONSOLE_PER_S, clock: Callable[[], float] = time.monotonic,
                 out: Callable[[str], None] = say) -> None:
        self.per_s, self.clock, self.out = per_s, clock, out
        self.articles: dict[str, list[dict[str, Any]]] = {}  # incident id -> its latest articles seen (newest first)
        self.second, self.shown, self.skipped = 0.0, 0, 0

    def change(self, event: str, data: dict[str, Any]) -> None:
        alert_id = data.get("alert_id", "")
        if data.get("article") is not None:
            self.articles[alert_id] = [data["article"], *self.articles.get(alert_id, [])][:5]
            if len(self.articles) > 10_000:  # a long run: forget the oldest incidents' articles
                del self.articles[next(iter(self.articles))]
        if event != "alert.notified" or data.get("incident") is None:
            return
        now = self.clock()
        if now - self.second >= 1.0:
            self.flush()
            self.second, self.shown = now, 0
        if self.shown >= self.per_s:
            self.skipped += 1
            return
        self.shown += 1
        show_alert({"incident": data["incident"], "articles": self.articles.get(alert_id, [])},
                   "live (the alert stream)", data.get("notice_kind") or "notified")

    def tick(self) -> None:
        """Called every second or so: the count of a burst's last second is printed once that second is over,
        not at the next notice."""
        if self.skipped and self.clock() - self.second >= 1.0:
            self.flush()

    def flush(self) -> None:
        if self.skipped:
            self.out(f"\n… and {self.skipped} more notice(s) in that second (the console prints {self.per_s} a "
                     "second; every one is in /v1/alerts and went to your subscriptions)")
            self.skipped = 0


async def _marked(lines: AsyncIterator[str], connected: asyncio.Event) -> AsyncIterator[str]:
    async for line in lines:
        connected.set()  # the stream's first line (": connected") comes once its position is fixed
        yield line


async def follow(alert_url: str, auth: dict[str, str], console: Console, stop: asyncio.Event,
                 connected: asyncio.Event | None = None) -> None:
    """Follow the alert stream until `stop`; reconnect from now on if it drops (a live view: what a burst made
    the stream drop is counted out by the console, not replayed). `connected` is set once the stream is open."""
    connected = connected or asyncio.Event()

    async def ticking() -> None:
        while True:
            await asyncio.sleep(1.0)
            console.tick()

    ticker = asyncio.create_task(ticking())
    try:
        await _follow(alert_url, auth, console, stop, connected)
    finally:
        ticker.cancel()


async def _follow(alert_url: str, auth: dict[str, str], console: Console, stop: asyncio.Event,
                  connected: asyncio.Event) -> None:
    async with httpx.AsyncClient(timeout=httpx.Timeout(10, read=None), headers=auth) as client:
        while not stop.is_set():
            try:
                async with client.stream("GET", f"{alert_url}/v1/alerts/stream") as response:
                    response.raise_for_status()
                    async for _, event, data in sse(_marked(response.aiter_lines(), connected)):
                        if event == "overflow":
                            say("\n(the console fell behind the stream; following it from now on)")
                            break
                        console.change(event, json.loads(data))
            except (httpx.HTTPError, ValueError) as exc:
                if not stop.is_set():
                    say(f"\n(the alert stream dropped: {type(exc).__name__}; reconnecting)")
            console.flush()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RECONNECT_S)


def dev_env(environ: Mapping[str, str]) -> dict[str, str]:
    """DEV_DEFAULTS, less what the environment sets itself (yours wins)."""
    return {k: v for k, v in DEV_DEFAULTS.items() if k not in environ}


def ports() -> dict[str, int]:
    """ingest, enrich, alert on 8000, 8001, 8002; RAQIB_DEV_PORT_BASE=N moves them to N, N+1, N+2 (a second stack,
    or when 8000-8002 are taken)."""
    base = int(os.environ.get("RAQIB_DEV_PORT_BASE") or DEFAULT_PORTS["ingest"])
    return {name: base + i for i, name in enumerate(DEFAULT_PORTS)}


async def main() -> int:
    port_of = ports()
    if not all(_port_free(p) for p in port_of.values()):
        say(f"ports {sorted(port_of.values())} must be free for `make run`; is another stack running? "
            "(RAQIB_DEV_PORT_BASE=N runs it on N, N+1, N+2)")
        return 1
    ingest_url, alert_url = (f"http://127.0.0.1:{port_of[n]}" for n in ("ingest", "alert"))
    api_key = os.environ.get("RAQIB_BOOTSTRAP_API_KEY") or "rk_dev_" + secrets.token_urlsafe(24)
    if os.environ.get("DATABASE_URL"):
        database_url = os.environ["DATABASE_URL"]
        say("database: DATABASE_URL")
    else:
        say(f"database: embedded PostgreSQL under {DATA / 'pg'}")
        server = await asyncio.to_thread(embedded_postgres, DATA / "pg")
        database_url = await create_database(server, "raqib")
    stack = Stack(database_url=database_url, api_key=api_key, log_dir=DATA / "logs", ports=port_of,
                  extra_env={"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true",  # dev only: loopback receivers
                             "RAQIB_CONSUMER_SESSION_TIMEOUT_MS": "6000", **dev_env(os.environ)})
    say(f"starting broker (Tansu, in memory), migrations, ingest :{port_of['ingest']}, enrich :{port_of['enrich']}, "
        f"alert :{port_of['alert']} …")
    await asyncio.to_thread(stack.start)
    say(f"services ready; logs in {DATA / 'logs'}; the console: {alert_url}/console/")
    if not os.environ.get("RAQIB_BOOTSTRAP_API_KEY"):
        say(f"admin API key (generated for this run): {api_key}")
    auth = {"Authorization": f"Bearer {api_key}"}
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    supervisor = asyncio.create_task(supervise(stack, stop, say))  # restarts a service that exits on its own

    connected = asyncio.Event()
    console_task = asyncio.create_task(follow(alert_url, auth, Console(), stop, connected))
    try:
        with contextlib.suppress(TimeoutError):  # the samples' notices come after the stream is open
            await asyncio.wait_for(connected.wait(), 10)
        async with httpx.AsyncClient(timeout=10) as client:
            samples = os.environ.get("RAQIB_DEV_SAMPLES", "1") != "0"
            say("following the alert stream (each notice printed; no subscription of its own) … "
                + ("posting sample reports (RAQIB_DEV_SAMPLES=0: none) …" if samples else
                   "RAQIB_DEV_SAMPLES=0: no sample reports posted"))
            earlier: list[str] = []
            for line in SAMPLES.read_text().splitlines() if samples else []:
                sample = json.loads(line)
                r = await client.post(f"{ingest_url}/v1/articles", headers=auth, json=sample)
                r.raise_for_status()
                if r.json()["duplicate"]:
                    earlier.append(r.json()["id"])
                note = " (already ingested by an earlier run)" if r.json()["duplicate"] else ""
                say(f"  posted [{sample['lang']}] {sample['title']}{note}")
            if earlier:  # the record keeps them: show the incidents those samples opened then
                r = await client.get(f"{alert_url}/v1/alerts", headers=auth, params={"limit": 500})
                for alert in reversed(r.json()):
                    if alert["article_id"] in earlier and "incident" not in alert["payload"] \
                            and "rule" in alert["payload"]:
                        show_alert(alert["payload"], "stored (opened by an earlier run)", alert["status"])
            say("\nwaiting for alerts — post your own with curl (see README); Ctrl-C to stop\n")
            await stop.wait()
            say("\nstopping …")
    finally:
        stop.set()  # the supervisor returns first: the services stopped now are not restarted
        await supervisor
        console_task.cancel()
        await asyncio.gather(console_task, return_exceptions=True)
        codes = await asyncio.to_thread(stack.stop)
        say(f"stopped: {codes}")
    return 0 if all(c == 0 for c in codes.values()) else 1
