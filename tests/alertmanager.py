"""A real Prometheus Alertmanager (Debian package prometheus-alertmanager) on loopback for the tests: its own
config (one receiver that sends nowhere), storage in a temporary directory, clustering off. Under CI=true a
missing binary fails the test; elsewhere it skips."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from devstack.embedded import free_port, wait_for_port

CONFIG = "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n"


def installed() -> bool:
    """Under CI=true a missing Alertmanager is no reason to run less: False only elsewhere."""
    return os.environ.get("CI") == "true" or bool(shutil.which("prometheus-alertmanager") or
                                                  shutil.which("alertmanager"))


def binary() -> str:
    found = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
    if found is None:
        message = "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@contextmanager
def alertmanager(workdir: Path) -> Iterator[str]:
    """-> its base URL; stopped (SIGTERM, then SIGKILL) afterwards."""
    port = free_port()
    (workdir / "alertmanager.yml").write_text(CONFIG)
    log = (workdir / "alertmanager.log").open("wb")
    proc = subprocess.Popen([binary(), f"--config.file={workdir / 'alertmanager.yml'}",
                             f"--storage.path={workdir / 'data'}", f"--web.listen-address=127.0.0.1:{port}",
                             "--cluster.listen-address="], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, timeout=30, proc=proc)
        url = f"http://127.0.0.1:{port}"
        httpx.get(f"{url}/-/ready", timeout=10).raise_for_status()
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def shown(url: str) -> list[dict[str, Any]]:
    """What Alertmanager shows: GET /api/v2/alerts (active, silenced and inhibited alerts)."""
    response = httpx.get(f"{url}/api/v2/alerts", timeout=10)
    response.raise_for_status()
    return list(response.json())
