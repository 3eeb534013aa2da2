"""deploy/alertmanager/alertmanager.yml in the real Alertmanager (Debian `prometheus-alertmanager`, on loopback):
FacilityNamed alerts pushed to /api/v2/alerts reach the receiver for their severity, pipeline alerts reach the
operators. The receivers' URLs are pointed at a real webhook receiver process; routes, grouping and inhibition
are the file's own."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from devstack.embedded import free_port, wait_for_port
from tests.tools import ROOT, tool

pytestmark = pytest.mark.pipeline
CONFIG = ROOT / "deploy" / "alertmanager" / "alertmanager.yml"
RELAY = "http://notify-relay:9000/raqib/"


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tests.receiver", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def alertmanager(hooks: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = tool("prometheus-alertmanager")
    tmp = tmp_path_factory.mktemp("alertmanager")
    text = CONFIG.read_text()
    assert text.count(RELAY) == 5
    (tmp / "alertmanager.yml").write_text(text.replace(RELAY, f"{hooks}/hook/"))
    port = free_port()
    log = (tmp / "alertmanager.log").open("wb")
    proc = subprocess.Popen([binary, f"--config.file={tmp / 'alertmanager.yml'}", f"--storage.path={tmp / 'data'}",
                             f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, timeout=30, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(20)


def push(base: str, labels: dict[str, str]) -> None:
    now = datetime.now(UTC)
    alert = {"labels": labels, "annotations": {"summary": "test"}, "startsAt": now.isoformat(),
             "endsAt": (now + timedelta(minutes=10)).isoformat()}
    r = httpx.post(f"{base}/api/v2/alerts", json=[alert], timeout=10)
    assert r.status_code == 200, r.text


def received(hooks: str) -> dict[str, list[dict[str, str]]]:
    by_hook: dict[str, list[dict[str, str]]] = {}
    for item in httpx.get(f"{hooks}/received", timeout=5).json():
        body = httpx.Response(200, content=item["body"]).json()
        by_hook.setdefault(item["name"], []).extend(a["labels"] for a in body["alerts"])
    return by_hook


def test_facility_alerts_route_by_severity_and_pipeline_alerts_to_operators(alertmanager: str, hooks: str) -> None:
    push(alertmanager, {"alertname": "FacilityNamed", "severity": "critical", "facility_id": "fac:sy-al-hol-camp",
                        "facility": "al-Hol camp", "kind": "camp", "country": "SY"})
    push(alertmanager, {"alertname": "FacilityNamed", "severity": "warning", "facility_id": "fac:sy-roj-camp",
                        "facility": "Roj camp", "kind": "camp", "country": "SY"})
    push(alertmanager, {"alertname": "FacilityNamed", "severity": "info", "facility_id": "fac:iq-jeddah-1",
                        "facility": "Jeddah-1 camp", "kind": "camp", "country": "IQ"})
    push(alertmanager, {"alertname": "RaqibDeadLetterNotEmpty", "severity": "warning",
                        "topic": "raqib.articles.v1.dlq"})
    want = {"desk-critical": "fac:sy-al-hol-camp", "desk-warning": "fac:sy-roj-camp", "desk-info": "fac:iq-jeddah-1"}
    deadline = time.monotonic() + 60  # group_wait: 10 s for FacilityNamed, 30 s for the rest
    while time.monotonic() < deadline:
        got = received(hooks)
        if set(want) | {"operators"} <= set(got):
            break
        time.sleep(0.5)
    got = received(hooks)
    for hook, facility in want.items():
        assert [a["facility_id"] for a in got.get(hook, [])] == [facility], (hook, got)
    assert [a["alertname"] for a in got.get("operators", [])] == ["RaqibDeadLetterNotEmpty"]
    assert "operators-page" not in got
