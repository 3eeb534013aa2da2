"""Scrape-time samplers: an unavailable dependency is counted and leaves the gauge as it was; a bug fails."""

from __future__ import annotations

import asyncio

import pytest
from prometheus_client import REGISTRY, Gauge

from shared import metrics

GAUGE = Gauge("raqib_test_sampled", "a gauge for this test")


async def test_a_transient_failure_is_counted_and_a_bug_propagates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "SAMPLE_TIMEOUT_S", 0.05)
    samplers = metrics.Samplers("unit")

    async def good() -> None:
        GAUGE.set(7)

    async def down() -> None:
        raise ConnectionRefusedError("database away")

    async def slow() -> None:
        await asyncio.sleep(1)

    samplers.add("good", good)
    samplers.add("down", down)
    samplers.add("slow", slow)
    await samplers.run()
    assert REGISTRY.get_sample_value("raqib_test_sampled") == 7
    for name in ("down", "slow"):
        assert REGISTRY.get_sample_value("raqib_metrics_sample_failures_total",
                                         {"service": "unit", "sampler": name}) == 1

    async def bug() -> None:
        raise KeyError("a bug")

    samplers.add("bug", bug)
    with pytest.raises(KeyError):
        await samplers.run()


def test_build_info_names_the_version() -> None:
    metrics.set_build_info("unit")
    found = [s for m in REGISTRY.collect() if m.name == "raqib_build" for s in m.samples
             if s.labels["service"] == "unit"]
    assert found and found[0].name == "raqib_build_info" and found[0].value == 1
    assert found[0].labels["version"] and found[0].labels["python"]


def test_a_missing_tool_fails_under_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.tools import tool

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI"):
        tool("raqib-no-such-tool")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        tool("raqib-no-such-tool")
