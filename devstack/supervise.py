"""`make run`'s supervisor: a service that exits while nobody asked it to is started again, as systemd or
Kubernetes would, after saying why (exit code or signal, its last log lines) and waiting a back-off that grows
with each restart in a row (reset once the service has stayed up for a while). Stopping (Ctrl-C) is never
mistaken for a crash: the supervisor returns first, then the stack stops its services."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from collections.abc import Callable
from typing import Protocol

from devstack.stack import ServiceProc

BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
STABLE_S = 60.0  # up this long: the next exit counts as the first again
POLL_S = 0.5
LOG_LINES = 12


class Supervised(Protocol):
    services: dict[str, ServiceProc]

    def respawn(self, name: str) -> ServiceProc: ...


def why(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def readable(line: str) -> str:
    """A JSON log line as `level logger: msg (last line of its traceback)`; anything else as it is."""
    try:
        rec = json.loads(line)
    except ValueError:
        return line[:300]
    if not isinstance(rec, dict):
        return line[:300]
    exc = str(rec.get("exc") or "").strip().splitlines()
    tail = f" ({exc[-1][:200]})" if exc else ""
    return f"{rec.get('level', '?')} {rec.get('logger', '')}: {str(rec.get('msg', ''))[:200]}{tail}"


async def supervise(stack: Supervised, stopping: asyncio.Event, say: Callable[[str], None],
                    backoff_s: tuple[float, ...] = BACKOFF_S, stable_s: float = STABLE_S) -> dict[str, int]:
    """Watch until `stopping` is set; -> restarts per service."""
    restarts: dict[str, int] = {}
    in_a_row: dict[str, int] = {}
    since = {name: time.monotonic() for name in stack.services}
    while not stopping.is_set():
        for name, svc in list(stack.services.items()):
            code = svc.process.poll()
            if code is None:
                if time.monotonic() - since[name] > stable_s:
                    in_a_row[name] = 0
                continue
            n = in_a_row.get(name, 0)
            delay = backoff_s[min(n, len(backoff_s) - 1)]
            lines = "\n".join(f"     | {readable(ln)}" for ln in svc.log_tail(LOG_LINES).splitlines())
            say(f"\n!! {name} exited unexpectedly ({why(code)}); its last log lines ({svc.log_path}):\n{lines}\n"
                f"   restarting {name} in {delay:g} s (restart {n + 1} in a row)")
            try:
                await asyncio.wait_for(stopping.wait(), delay)
                return restarts  # stopped during the back-off: leave it down
            except TimeoutError:
                pass
            stack.respawn(name)
            since[name] = time.monotonic()
            in_a_row[name] = n + 1
            restarts[name] = restarts.get(name, 0) + 1
            say(f"   {name} started again (pid {stack.services[name].process.pid})")
        try:
            await asyncio.wait_for(stopping.wait(), POLL_S)
        except TimeoutError:
            pass
    return restarts
