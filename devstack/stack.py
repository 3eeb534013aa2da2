"""Start and stop the whole pipeline as real processes: broker, migrations, ingest, enrich, alert."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from devstack.embedded import Broker, free_port, start_broker
from migrations import upgrade

SERVICES = ("ingest", "enrich", "alert")
DEFAULT_PORTS = {"ingest": 8000, "enrich": 8001, "alert": 8002}
# What the embedded broker (one node, no idempotent producer) needs instead of the production defaults.
EMBEDDED_BROKER_ENV = {"RAQIB_TOPIC_REPLICATION_FACTOR": "1", "RAQIB_KAFKA_IDEMPOTENCE": "false",
                       # it holds an empty fetch until about the end of the wait (Apache Kafka answers when a record
                       # arrives). 10 ms, not 5: an idle consumer's fetches cost half the CPU (consumer and broker ~0.07
                       # of a core, not ~0.14) for ~0.6 ms more a hop (aiokafka alone: p50 2.0 -> 2.6 ms); at a steady
                       # 200 articles/s the pipeline bench's latency and CPU per article were lower at 10 than at 5
                       "RAQIB_KAFKA_FETCH_MAX_WAIT_MS": "10"}


@dataclass
class ServiceProc:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


@dataclass
class Stack:
    database_url: str
    api_key: str
    log_dir: Path
    ports: dict[str, int] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    broker: Broker | None = None
    broker_started_at: datetime | None = None  # what the (in-memory) broker holds was published since then
    services: dict[str, ServiceProc] = field(default_factory=dict)

    def start(self, ready_timeout: float = 60.0) -> Stack:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in SERVICES:  # a new run's logs start empty; a restarted process appends to its log
            (self.log_dir / f"{name}.log").write_bytes(b"")
        upgrade(self.database_url)
        # every port fixed before any service starts: each names the others (the console's CORS origins and URLs)
        self.ports = {name: self.ports.get(name) or free_port() for name in SERVICES}
        self.broker_started_at = datetime.now(UTC)
        self.broker = start_broker(log=(self.log_dir / "broker.log").open("wb"))
        try:
            for name in SERVICES:
                self.services[name] = self._spawn(name)
            self.wait_ready(ready_timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, name: str) -> ServiceProc:
        assert self.broker is not None
        port = self.ports.get(name) or free_port()
        env = {**os.environ, "DATABASE_URL": self.database_url, "RAQIB_KAFKA_BOOTSTRAP": self.broker.bootstrap,
               "RAQIB_PORT": str(port), "RAQIB_BOOTSTRAP_API_KEY": self.api_key, **EMBEDDED_BROKER_ENV,
               **self.console_env(), **self.extra_env}
        log_path = self.log_dir / f"{name}.log"
        # appended to: a restarted process's log follows the one before it
        proc = subprocess.Popen([sys.executable, "-m", f"services.{name}"], env=env,
                                stdout=log_path.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
        return ServiceProc(name, port, proc, log_path)

    def console_env(self) -> dict[str, str]:
        """The alert service's console calls ingest and enrich from the browser: they allow its origin (CORS) and
        it is told where they are."""
        alert = self.ports.get("alert")
        if alert is None:
            return {}
        return {"RAQIB_CORS_ORIGINS": json.dumps([f"http://127.0.0.1:{alert}", f"http://localhost:{alert}"]),
                "RAQIB_CONSOLE_INGEST_URL": f"http://127.0.0.1:{self.ports['ingest']}",
                "RAQIB_CONSOLE_ENRICH_URL": f"http://127.0.0.1:{self.ports['enrich']}"}

    def respawn(self, name: str) -> ServiceProc:
        """Start a service again (after it exited) on the same port; does not wait for it."""
        self.services[name] = self._spawn(name)
        return self.services[name]

    def kill(self, name: str) -> None:
        """SIGKILL one service (no drain, no commit: a crash) and reap it."""
        proc = self.services[name].process
        if proc.poll() is None:
            proc.kill()
        proc.wait()

    def _terminate_services(self, timeout: float) -> dict[str, int | None]:
        """SIGTERM every running service, wait up to `timeout` s each, SIGKILL one that is stuck. -> exit codes."""
        for svc in self.services.values():
            if svc.process.poll() is None:
                svc.process.send_signal(signal.SIGTERM)
        codes: dict[str, int | None] = {}
        for name, svc in self.services.items():
            try:
                codes[name] = svc.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill(name)
                codes[name] = svc.process.returncode
        return codes

    def restart_broker(self, timeout: float = 60.0) -> dict[str, int | None]:
        """The broker dies and an empty one starts on the same port (the embedded broker keeps nothing across a
        restart), recovered as documented: the services are stopped first (SIGTERM; SIGKILL if one is stuck
        retrying against the dead broker) and started after it, each creating its topics at start-up. A running
        producer would make the embedded broker create a topic on first use, with its default partition count,
        and racing that creation leaves it answering UnknownError for a while (offsets that collide with stored
        batches). What the old broker held is re-published from the outboxes by `python -m devstack republish`
        (devstack/republish.py). -> the services' exit codes (-9: did not stop within 20 s of SIGTERM)."""
        assert self.broker is not None
        port = self.broker.port
        self.broker.process.kill()
        self.broker.process.wait()
        codes = self._terminate_services(20)
        self.broker_started_at = datetime.now(UTC)
        self.broker = start_broker(port=port, log=(self.log_dir / "broker.log").open("ab"))
        for name in SERVICES:
            self.respawn(name)
        self.wait_ready(timeout)
        return codes

    def wait_ready(self, timeout: float, names: tuple[str, ...] | None = None) -> None:
        deadline = time.monotonic() + timeout
        pending = {n: s for n, s in self.services.items() if names is None or n in names}
        while pending:
            for name, svc in list(pending.items()):
                if svc.process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {svc.process.returncode}:\n{svc.log_tail()}")
                try:
                    if httpx.get(f"{svc.url}/readyz", timeout=2).status_code == 200:
                        del pending[name]
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout}s: {sorted(pending)}\n" +
                                   "\n".join(s.log_tail() for s in pending.values()))
            time.sleep(0.2)

    def restart(self, name: str, timeout: float = 60.0) -> int | None:
        """SIGTERM one service, wait for its clean exit, start it again. -> its exit code."""
        svc = self.services[name]
        svc.process.send_signal(signal.SIGTERM)
        code = svc.process.wait(timeout)
        self.respawn(name)
        self.wait_ready(timeout, (name,))
        return code

    def stop(self, timeout: float = 30.0) -> dict[str, int | None]:
        """SIGTERM every service (each drains and commits), then the broker. -> exit codes."""
        codes = self._terminate_services(timeout)
        if self.broker is not None:
            self.broker.stop()
        return codes
