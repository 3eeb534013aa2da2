"""The loop behind every database-polling worker (outbox relays, webhook delivery): run a step until
stopped; sleep until woken or `poll_s` passes when there is no more work; back off on transient
failures (capped), for at most `transient_budget_s` of consecutive failures, then exit loudly; let
anything else propagate, so a bug crashes the process (DESIGN.md rule 5)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod

from shared.errors import TransientBudgetExceeded, is_transient

log = logging.getLogger(__name__)
BACKOFF_START_S, BACKOFF_CAP_S = 0.2, 10.0
TRANSIENT_BUDGET_S = 900.0  # as long as the consumer loop's (shared/kafka.py)


class Poller(ABC):
    name = "poller"

    def __init__(self, poll_s: float, transient_budget_s: float = TRANSIENT_BUDGET_S) -> None:
        self.poll_s, self.transient_budget_s = poll_s, transient_budget_s
        self.wakeup = asyncio.Event()  # set by writers after commit, to act without waiting for the poll
        self.stopping = asyncio.Event()

    @abstractmethod
    async def step(self) -> bool:
        """Do one batch of work; True when the batch was full and more is likely waiting."""

    async def run(self) -> None:
        backoff, failing_since = BACKOFF_START_S, None
        while not self.stopping.is_set():
            self.wakeup.clear()  # before the step: a wake-up set while it runs is kept and runs the next one now
            try:
                more = await self.step()
                backoff, failing_since = BACKOFF_START_S, None
            except Exception as exc:
                if not is_transient(exc):
                    raise
                failing_since = failing_since or time.monotonic()
                if time.monotonic() - failing_since > self.transient_budget_s:
                    raise TransientBudgetExceeded(f"{self.name}: {exc!r}, failing for over "
                                                  f"{self.transient_budget_s:.0f} s; exiting") from exc
                log.warning(f"{self.name}: transient failure", extra={"error": repr(exc), "backoff_s": backoff})
                more = False
                await self._sleep(backoff)
                backoff = min(backoff * 2, BACKOFF_CAP_S)
            if not more:
                await self._sleep(self.poll_s)

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.wakeup.wait(), seconds)

    def stop(self) -> None:
        self.stopping.set()
        self.wakeup.set()
