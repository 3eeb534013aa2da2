"""One running pipeline per test session (a consumer-group join costs ~5 s on the embedded broker):
the real Tansu broker, the three services as processes, and a real webhook receiver process."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.embedded import free_port, wait_for_port
from devstack.stack import Stack
from tests.alertmanager import alertmanager, installed
from tests.conftest import fresh_database

API_KEY = "rk_test_" + "x" * 32
RULES = Path(__file__).with_name("rules.yaml")


@dataclass
class Receiver:
    port: int
    process: subprocess.Popen[bytes]

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/hook/{name}"

    def received(self, name: str | None = None) -> list[dict[str, Any]]:
        items = httpx.get(f"http://127.0.0.1:{self.port}/received", timeout=5).json()
        return [i for i in items if name is None or i["name"] == name]

    def fail_next(self, name: str, n: int) -> None:
        httpx.post(f"http://127.0.0.1:{self.port}/control", json={"name": name, "fail": n}, timeout=5)

    def mode(self, name: str, mode: str, count: int = 1, **options: object) -> None:
        """The next `count` requests to `name` answer 500, 429 (+ retry_after), 410 or time out (sleep)."""
        httpx.post(f"http://127.0.0.1:{self.port}/control", json={"name": name, "mode": mode, "count": count,
                                                                   **options}, timeout=5)

    def verify_with(self, name: str, secrets: list[str]) -> None:
        """Verify each request to `name` with each secret (the standardwebhooks library); see `verified`."""
        httpx.post(f"http://127.0.0.1:{self.port}/control", json={"name": name, "secrets": secrets}, timeout=5)

    def wait_for(self, name: str, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = [i for i in self.received(name) if i["answered"] == 204]
            if len(got) >= count:
                return got
            time.sleep(0.2)
        raise AssertionError(f"{name}: wanted {count} delivered notices, got {len(self.received(name))} "
                             f"requests after {timeout}s")


@pytest.fixture(scope="session")
async def pipeline_database_url(server_url: str) -> AsyncIterator[str]:
    """The running pipeline's own database, apart from the DB tests' one."""
    async with fresh_database(server_url, "pipeline") as url:
        yield url


@pytest.fixture(scope="session")
def alertmanager_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    """A real Alertmanager the alert service pushes to (None where it is not installed and CI is not set)."""
    if not installed():
        yield None
        return
    with alertmanager(tmp_path_factory.mktemp("alertmanager")) as url:
        yield url


@pytest.fixture(scope="session")
def stack(pipeline_database_url: str, alertmanager_url: str | None,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    logs = tmp_path_factory.mktemp("logs")
    push = {"RAQIB_ALERTMANAGER_URL": alertmanager_url, "RAQIB_ALERTMANAGER_REPOST_S": "1"} if alertmanager_url else {}
    s = Stack(database_url=pipeline_database_url, api_key=API_KEY, log_dir=logs, extra_env={**push,
        "RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_DELIVERY_RETRY_SCHEDULE": "[0, 0.5, 1.0, 1.0]",
        "RAQIB_TOPIC_PARTITIONS": "2", "RAQIB_LOG_LEVEL": "INFO",
        "RAQIB_DELIVERY_BREAKER_OPEN_S": "2", "RAQIB_DELIVERY_BREAKER_MAX_OPEN_S": "4",
        "RAQIB_CONSUMER_SESSION_TIMEOUT_MS": "6000", "RAQIB_ALERT_RULES": str(RULES), "RAQIB_NOTICE_POLL_S": "0.5",
        "RAQIB_FEED_MIN_INTERVAL_S": "1", "RAQIB_FEED_POLL_S": "0.2"})
    # a loaded 2-core host (other jobs, or the suite's own engine tests) can take over a minute to load the gazetteer
    # and bring all three services up; the stack's own default (60 s) is for `make run`
    s.start(ready_timeout=240.0)
    yield s
    codes = s.stop()
    for name, svc in s.services.items():
        if codes[name] != 0:
            sys.stderr.write(f"--- {name} exited {codes[name]}\n{svc.log_tail(80)}\n")
    assert all(code == 0 for code in codes.values()), f"services did not stop cleanly: {codes}"


@pytest.fixture(scope="session")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    port = free_port()
    log = (Path(tmp_path_factory.mktemp("receiver")) / "receiver.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "tests.receiver", str(port)], stdout=log,
                            stderr=subprocess.STDOUT)
    wait_for_port(port, proc=proc)
    yield Receiver(port, proc)
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}
