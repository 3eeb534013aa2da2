"""`make run`'s ports and the production defaults it lifts for one user (devstack/run.py)."""

from __future__ import annotations

import pytest

from devstack.run import DEV_DEFAULTS, dev_env, ports


def test_ports_default_to_8000_and_move_together_with_the_base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAQIB_DEV_PORT_BASE", raising=False)
    assert ports() == {"ingest": 8000, "enrich": 8001, "alert": 8002}
    monkeypatch.setenv("RAQIB_DEV_PORT_BASE", "8100")
    assert ports() == {"ingest": 8100, "enrich": 8101, "alert": 8102}


def test_the_lifted_limits_give_way_to_what_the_user_set() -> None:
    assert dev_env({}) == DEV_DEFAULTS
    assert int(DEV_DEFAULTS["RAQIB_RATE_LIMIT_PER_S"]) >= 200  # single POSTs at the latency target's rate
    mine = dev_env({"RAQIB_RATE_LIMIT_PER_S": "50"})
    assert "RAQIB_RATE_LIMIT_PER_S" not in mine and mine["RAQIB_DELIVERY_SUBSCRIPTION_CONCURRENCY"] == "16"
