"""The short chaos run (`make chaos` is the long one): 2,000 articles posted over HTTP while each service is
SIGKILLed once and restarted, the broker is killed and started empty (recovered by re-publishing the outboxes:
devstack/republish.py), 100 malformed records go straight into each topic and the webhook receiver fails ~30 %
of requests (500, timeouts, 429, a slow drip). Every expected alert exists once and was delivered, every retry
carried the same webhook-id, every malformed record is in its DLQ with a reason. Its own stack, database and
broker; waits on conditions only (the drain is bounded by `drain_timeout_s`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chaos.harness import Config
from tests.chaos.run import run

pytestmark = pytest.mark.pipeline


async def test_short_chaos_loses_nothing_and_doubles_nothing(server_url: str, tmp_path: Path) -> None:
    cfg = Config(articles=2_000, kills_per_service=1, restart_postgres=False, restart_broker=True,
                 malformed_per_topic=100, window_s=15.0, seed=7, drain_timeout_s=90.0)
    figs = await run(cfg, server_url, tmp_path / "chaos")
    assert figs.lines[-1] == "ALL CHECKS PASSED"
