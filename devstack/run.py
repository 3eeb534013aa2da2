"""`make run`: broker, database, migrations and the three services on 8000/8001/8002 (RAQIB_DEV_PORT_BASE), a local
webhook receiver subscribed to every alert, the bundled sample reports posted (unless RAQIB_DEV_SAMPLES=0: they
open incidents that later reports would join), and each notice (an incident firing, updated, resolved …) printed
as it arrives, signed. A service that exits on its own is restarted after a back-off, with the reason printed
(devstack/supervise.py). Ctrl-C stops every process it started."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import signal
import socket
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from devstack.embedded import create_database, embedded_postgres, free_port
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


class _EmbeddedServer(uvicorn.Server):
    """A uvicorn server inside our event loop: signals stay with the runner, which stops everything."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def show_alert(data: dict[str, Any], verified: bool | None, kind: str | None = None) -> None:
    """A notice (services.alert.notice.Notice), or with `verified` None an incident stored by an earlier run."""
    i = data.get("incident", data)
    kind = kind or data.get("kind", "stored")
    where = f"{i.get('country') or '?'} {i.get('lat')}, {i.get('lon')}" if i.get("lat") is not None else "?"
    how = "stored (opened by an earlier run)" if verified is None else \
        f"signature {'verified' if verified else 'INVALID'}"
    name = i["facility"] + (f" · {i['facility_ar']}" if i.get("facility_ar") else "")
    say(f"\n🔔 {kind.upper()} [{i['severity']}]  {i['kind'].upper()}: {name}  [{where}]  {how}"
        f"\n   incident: {i['article_count']} article(s) from {len(i.get('sources') or [])} outlet(s), languages "
        f"{', '.join(i.get('languages') or []) or '-'}; rule {i['rule']}"
        f"\n   actors:  {', '.join(i.get('actors') or []) or '-'}"
        f"\n   events:  {', '.join(i.get('event_types') or []) or '-'}")
    for a in data.get("articles", [])[:5]:
        say(f"   [{a.get('lang') or '?'}] {a.get('title') or a['article_id']}: {a['evidence'][:220]}")


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

    secret_box: dict[str, str] = {}

    async def hook(request: Request) -> Response:
        body = (await request.body()).decode()
        try:
            Webhook(secret_box["secret"]).verify(body, dict(request.headers))
            verified = True
        except WebhookVerificationError:
            verified = False
        show_alert(json.loads(body)["data"], verified)
        return Response(status_code=204)

    port = free_port()
    receiver = _EmbeddedServer(uvicorn.Config(Starlette(routes=[Route("/hook", hook, methods=["POST"])]),
                                              host="127.0.0.1", port=port, log_level="warning"))
    receiver_task = asyncio.create_task(receiver.serve())
    sub_id = None
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            r = await client.post(f"{alert_url}/v1/subscriptions", headers=auth,
                                  json={"url": f"http://127.0.0.1:{port}/hook"})
            r.raise_for_status()
            sub_id, secret_box["secret"] = r.json()["id"], r.json()["secret"]
            samples = os.environ.get("RAQIB_DEV_SAMPLES", "1") != "0"
            say(f"subscribed a local receiver (http://127.0.0.1:{port}/hook); "
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
                        show_alert(alert["payload"], None, alert["status"])
            say("\nwaiting for alerts — post your own with curl (see README); Ctrl-C to stop\n")
            await stop.wait()
            say("\nstopping …")
            await client.delete(f"{alert_url}/v1/subscriptions/{sub_id}", headers=auth)
    finally:
        stop.set()  # the supervisor returns first: the services stopped now are not restarted
        await supervisor
        receiver.should_exit = True
        await receiver_task
        codes = await asyncio.to_thread(stack.stop)
        say(f"stopped: {codes}")
    return 0 if all(c == 0 for c in codes.values()) else 1
