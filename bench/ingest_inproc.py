"""CPU per single-article POST through the ingest app in this process: ASGI calls straight into the app (no HTTP
server, no load generator), against a real PostgreSQL (DATABASE_URL's server, a scratch database), the outbox relay
not running (its rows stay leased). What the app itself costs per POST, with little of the machine's noise.

    .venv/bin/python bench/ingest_inproc.py [--posts 2000] [--concurrency 4] [--profile OUT.txt]

Prints process CPU ms per POST (time.process_time) over `posts` POSTs, `concurrency` at a time; `--profile`: cProfile
of the same run, the top functions by cumulative and own time into OUT."""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from bench.pipeline_load import article  # noqa: E402
from devstack.embedded import create_database, drop_database, embedded_postgres  # noqa: E402
from migrations import upgrade  # noqa: E402
from services.ingest.main import create_app  # noqa: E402
from services.ingest.models import outbox  # noqa: E402
from services.ingest.settings import IngestSettings  # noqa: E402
from shared import auth  # noqa: E402
from shared.db import make_engine, make_sessionmaker, unit_of_work  # noqa: E402
from shared.outbox import OutboxRelay  # noqa: E402

KEY = "rk_bench_" + uuid.uuid4().hex


async def call(app: Any, path: str, body: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [*headers, (b"content-length", str(len(body)).encode())],
             "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000)}
    sent = False
    status, out = 0, b""

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, out
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            out += message.get("body", b"")

    await app(scope, receive, send)
    return status, out


async def run(app: Any, n: int, concurrency: int, tag: str) -> float:
    headers = [(b"host", b"127.0.0.1:8000"), (b"authorization", f"Bearer {KEY}".encode()),
               (b"content-type", b"application/json")]
    bodies = [orjson.dumps(article(i, tag)) for i in range(n)]
    sem = asyncio.Semaphore(concurrency)

    async def one(body: bytes) -> None:
        async with sem:
            status, out = await call(app, "/v1/articles", body, headers)
            assert status == 202, (status, out)

    t0 = time.process_time()
    await asyncio.gather(*(one(b) for b in bodies))
    return time.process_time() - t0


class _NoProducer:
    pass


async def main(args: argparse.Namespace) -> None:
    server = os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "bench-pg")
    name = f"raqib_bench_{uuid.uuid4().hex[:8]}"
    db = await create_database(server, name)
    try:
        await asyncio.to_thread(upgrade, db)
        settings = IngestSettings(database_url=db, rate_limit_per_s=1e6, rate_limit_burst=1_000_000)
        app = create_app(settings)
        engine = make_engine(settings.database_url)
        sessions = make_sessionmaker(engine)
        async with unit_of_work(sessions) as session:
            await auth.register(session, KEY, "bench", [auth.ADMIN])
        app.state.sessions = sessions
        app.state.relay = OutboxRelay(sessions, outbox, _NoProducer(), "ingest")
        app.state.relay.take = lambda lease: None  # nothing sends: the rows stay leased
        app.state.draining = False
        await run(app, 200, args.concurrency, "warm-" + uuid.uuid4().hex[:6])
        for r in range(args.rounds):
            profile = cProfile.Profile(time.process_time) if args.profile and r == args.rounds - 1 else None
            if profile is not None:
                profile.enable()
            used = await run(app, args.posts, args.concurrency, f"ip-{uuid.uuid4().hex[:6]}")
            if profile is not None:
                profile.disable()
                buf = io.StringIO()
                stats = pstats.Stats(profile, stream=buf)
                stats.sort_stats("cumulative").print_stats(70)
                stats.sort_stats("tottime").print_stats(50)
                await asyncio.to_thread(Path(args.profile).write_text, buf.getvalue())
            print(f"round {r + 1}: {1000 * used / args.posts:.3f} ms CPU per POST"
                  + (" (profiled)" if profile is not None else ""), flush=True)
        await engine.dispose()
    finally:
        await drop_database(server, name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path, default=None)
    asyncio.run(main(parser.parse_args()))
