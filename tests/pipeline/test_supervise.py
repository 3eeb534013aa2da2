"""`make run`'s supervisor (devstack/supervise.py) on real processes: a service that exits on its own is
restarted after its back-off with the reason printed (exit code or signal, last log lines, tracebacks' last
line); stopping during a back-off leaves it down and returns at once."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

from devstack.stack import ServiceProc
from devstack.supervise import supervise

# First run: log a crash (JSON, like the services) and exit 3; later runs stay up (a marker file says which).
SCRIPT = """
import json, pathlib, sys, time
marker = pathlib.Path(sys.argv[1])
if not marker.exists() or sys.argv[2] == "always":
    marker.touch()
    print(json.dumps({"level": "critical", "logger": "shared.runtime", "msg": "background task crashed",
                      "exc": "Traceback ...\\nValueError: boom"}), flush=True)
    sys.exit(3)
print("up", flush=True)
time.sleep(60)
"""


class Procs:
    def __init__(self, tmp: Path, mode: str = "once") -> None:
        self.tmp, self.mode = tmp, mode
        self.services: dict[str, ServiceProc] = {}

    def respawn(self, name: str) -> ServiceProc:
        log = self.tmp / f"{name}.log"
        proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(self.tmp / f"{name}.ran"), self.mode],
                                stdout=log.open("ab"), stderr=subprocess.STDOUT)
        self.services[name] = ServiceProc(name, 0, proc, log)
        return self.services[name]

    def close(self) -> None:
        for svc in self.services.values():
            if svc.process.poll() is None:
                svc.process.kill()
            svc.process.wait()


async def until(check: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_a_crashed_service_is_restarted_after_saying_why(tmp_path: Path) -> None:
    procs, said, stop = Procs(tmp_path), list[str](), asyncio.Event()
    procs.respawn("enrich")
    task = asyncio.create_task(supervise(procs, stop, said.append, backoff_s=(0.1, 0.2)))
    try:
        await until(lambda: any("started again" in s for s in said))
        await until(lambda: "up" in procs.services["enrich"].log_path.read_text())
        assert procs.services["enrich"].process.poll() is None
        report = said[0]
        assert "enrich exited unexpectedly (exit code 3)" in report
        assert "critical shared.runtime: background task crashed (ValueError: boom)" in report
        assert "restarting enrich in 0.1 s" in report

        procs.services["enrich"].process.kill()
        await until(lambda: sum("started again" in s for s in said) == 2)
        assert "killed by SIGKILL" in said[-2] and "in 0.2 s" in said[-2]  # the back-off grew
    finally:
        stop.set()
        restarts = await asyncio.wait_for(task, 5)
        procs.close()
    assert restarts == {"enrich": 2}


async def test_stopping_during_a_back_off_leaves_it_down_and_returns_at_once(tmp_path: Path) -> None:
    procs, said, stop = Procs(tmp_path, mode="always"), list[str](), asyncio.Event()
    procs.respawn("alert")
    task = asyncio.create_task(supervise(procs, stop, said.append, backoff_s=(30.0,)))
    try:
        await until(lambda: any("restarting alert in 30 s" in s for s in said))
        first = procs.services["alert"]
        start = time.monotonic()
        stop.set()
        assert await asyncio.wait_for(task, 5) == {}
        assert time.monotonic() - start < 2 and procs.services["alert"] is first
    finally:
        stop.set()
        procs.close()
