"""`make run`'s ports, the production defaults it lifts for one user, and its console: the notices read from the
alert stream (devstack/run.py)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from unittest.mock import patch

import pytest

from devstack.run import DEV_DEFAULTS, Console, dev_env, ports, sse


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


def _event(seq: int, change: str, alert_id: str, **extra: object) -> list[str]:
    incident = {"facility": "Roj camp", "facility_ar": "مخيم روج", "kind": "camp", "severity": "warning",
                "country": "SY", "lat": 36.6, "lon": 40.9, "article_count": seq, "sources": ["a.example"],
                "languages": ["ar"], "rule": "default", "actors": [], "event_types": ["attack"]}
    data = {"seq": seq, "change": change, "alert_id": alert_id, "incident": incident, **extra}
    return [f"id: {seq}", f"event: alert.{change}", f"data: {json.dumps(data, ensure_ascii=False)}", ""]


async def _lines(lines: list[str]) -> AsyncIterator[str]:
    for line in lines:
        yield line


async def test_the_console_prints_the_notices_of_the_stream_with_the_articles_it_saw_and_counts_a_burst() -> None:
    """`make run` prints each `notified` change of the alert stream as a notice (no subscription of its own), with
    the article that opened the incident; beyond CONSOLE_PER_S in a second it counts the rest in one line."""
    printed: list[str] = []
    now = [100.0]
    console = Console(per_s=2, clock=lambda: now[0], out=printed.append)
    article = {"article_id": "art_1", "lang": "ar", "title": "هجوم على مخيم روج", "evidence": "قال شهود إن مخيم روج"}
    lines = [": connected", "", *_event(1, "opened", "a1", article=article),
             *_event(2, "notified", "a1", notice_kind="firing"), ": keep-alive", ""]
    lines += [line for i in range(3, 8) for line in _event(i, "notified", f"b{i}", notice_kind="firing")]
    with patch("devstack.run.say", printed.append):
        async for _, event, data in sse(_lines(lines)):
            console.change(event, json.loads(data))
        now[0] += 1.5
        async for _, event, data in sse(_lines(_event(9, "notified", "c9", notice_kind="resolved"))):
            console.change(event, json.loads(data))
        for i in range(10, 14):  # a burst's last second: its count once that second is over, at the next tick
            async for _, event, data in sse(_lines(_event(i, "notified", f"d{i}", notice_kind="firing"))):
                console.change(event, json.loads(data))
        console.tick()
        assert not printed[-1].startswith("\n… and")  # the second is not over
        now[0] += 1.0
        console.tick()
        assert printed[-1].startswith("\n… and 3 more notice(s) in that second")  # c9 and d10 shown
    text = "\n".join(printed)
    assert text.count("🔔") == 4 and "FIRING" in text and "RESOLVED" in text and "live (the alert stream)" in text
    assert "[ar] هجوم على مخيم روج: قال شهود إن مخيم روج" in text  # the article the stream showed opening it
    assert "… and 4 more notice(s) in that second" in text  # 6 notices in the first second, 2 printed
    assert text.index("4 more") < text.index("RESOLVED")
