"""One chaos run from start to checks: `await run(cfg, server_url, log_dir, restart_postgres)` -> figures.
Raises AssertionError naming every check that failed (with the figures printed so far)."""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from devstack.embedded import create_database, drop_database
from devstack.stack import Stack
from tests.chaos import workload
from tests.chaos.harness import TOPICS, Chaos, Config, Figures, _state, receiver_process, stack_env


async def run(cfg: Config, server_url: str, log_dir: Path,
              restart_postgres: Callable[[], None] | None = None) -> Figures:
    rng = random.Random(cfg.seed)
    tag = uuid.uuid4().hex[:8]
    figs = Figures()
    arts = await asyncio.to_thread(workload.articles, cfg.articles, cfg.facility_share, tag, rng)
    named = sum(1 for a in arts if a.facility_ids)
    figs.say(f"chaos run {tag} (seed {cfg.seed}): {cfg.articles} articles, {named} naming facilities "
             f"({100 * named / max(1, cfg.articles):.1f} %), {cfg.kills_per_service} SIGKILL per service, "
             f"PostgreSQL restart: {'yes' if cfg.restart_postgres and restart_postgres else 'no'}, "
             f"broker restart: {'yes' if cfg.restart_broker else 'no'}, {cfg.malformed_per_topic} malformed "
             f"records per topic, receiver failing {cfg.fail_share:.0%} of requests")
    db = await create_database(server_url, f"raqib_chaos_{tag}")
    port, receiver = receiver_process(log_dir)
    key = "rk_chaos_" + uuid.uuid4().hex
    auth = {"Authorization": f"Bearer {key}"}
    stack = Stack(database_url=db, api_key=key, log_dir=log_dir, extra_env=stack_env(cfg))
    supervisor: asyncio.Task[None] | None = None
    try:
        await asyncio.to_thread(stack.start)
        async with httpx.AsyncClient(timeout=10) as client:
            r = await client.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                                  json={"url": f"http://127.0.0.1:{port}/hook"})
            r.raise_for_status()
            await client.post(f"http://127.0.0.1:{port}/control", json={
                "secret": r.json()["secret"], "share": cfg.fail_share, "timeout_s": 2.0, "seed": cfg.seed})
        chaos = Chaos(cfg, stack, auth, figs, restart_postgres if cfg.restart_postgres else None, tag)
        figs.say("stack ready; posting and chaos start", at=True)
        t0 = time.monotonic()
        events = asyncio.create_task(chaos.events(t0, rng))
        supervisor = asyncio.create_task(chaos.supervise())
        await chaos.post_all(arts, t0)
        posted_at = time.monotonic()
        figs.say(f"all {len(chaos.ids)} articles accepted (202) in {posted_at - t0:.1f} s; HTTP retries while "
                 f"ingest or its database was down: {dict(chaos.post_retries) or 0}", at=True)
        await events
        figs.say("last chaos event done", at=True)
        expected = workload.expected_alerts(arts, chaos.ids)
        problems = await drain(cfg, stack, port, expected, tag, figs, posted_at)
        if chaos.unwritten:
            problems.append(f"malformed records the broker refused for a minute: {chaos.unwritten[:3]}")
        if chaos.crashes:
            problems += [f"a service exited on its own: {c}" for c in chaos.crashes]
        figs.say(f"services that exited on their own (restarted by the harness): {len(chaos.crashes)}")
    finally:
        if supervisor is not None:
            supervisor.cancel()
        codes = await asyncio.to_thread(stack.stop)
        receiver.terminate()
        receiver.wait(10)
        await drop_database(server_url, f"raqib_chaos_{tag}")
    if any(c != 0 for c in codes.values()):
        problems.append(f"services did not stop cleanly: {codes}")
    figs.say(f"clean stop: {codes}")
    if problems:
        raise AssertionError("chaos checks failed (logs in " + str(log_dir) + "):\n- " + "\n- ".join(problems))
    figs.say("ALL CHECKS PASSED")
    return figs


async def drain(cfg: Config, stack: Stack, port: int, expected: set[str], tag: str, figs: Figures,
                posted_at: float) -> list[str]:
    """Wait (on conditions) until the checks pass or the drain timeout; -> the checks that still fail."""
    assert stack.broker is not None
    want_dlq = {t: {workload.malformed(t, tag, j)[0] for j in range(cfg.malformed_per_topic)} for t in TOPICS}
    deadline = time.monotonic() + cfg.drain_timeout_s
    shown = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as client:
        while True:
            alerts, deliveries = await _state(stack.database_url)
            requests: list[dict[str, Any]] = (await client.get(f"http://127.0.0.1:{port}/received")).json()
            dlqs = {t: await workload.dead_letters(stack.broker.bootstrap, t) for t in TOPICS}
            problems = verify(expected, alerts, deliveries, requests, dlqs, want_dlq)
            if not problems or time.monotonic() > deadline:
                break
            if time.monotonic() > shown + 15:
                figs.say(f"draining: {'; '.join(problems)}", at=True)
                shown = time.monotonic()
            await asyncio.sleep(1.0)
    figs.say(f"time to drain (last article accepted -> every check true): {time.monotonic() - posted_at:.1f} s",
             at=True)
    modes = Counter(str(r["mode"]) for r in requests)
    failed = sum(n for m, n in modes.items() if m != "ok")
    per_alert = Counter(str(r["notice_id"]) for r in requests if r["mode"] == "ok")
    attempts = Counter(d[2] for d in deliveries.values())
    figs.say(f"facility mentions: {len(expected)} expected (article, facility) pairs, {len(alerts)} joined an "
             f"incident ({len(set(alerts) & expected)} of the expected, {len(set(alerts) - expected)} unexpected); "
             f"incidents: {len(set(alerts.values()))}; notices: {len(deliveries)}")
    figs.say(f"deliveries: {Counter(d[1] for d in deliveries.values())}; attempts per delivery: "
             f"{dict(sorted(attempts.items()))}")
    share = 100 * failed / max(1, len(requests))
    figs.say(f"receiver: {len(requests)} requests, {failed} failed on purpose ({share:.0f} %: {dict(modes)}); "
             f"notices answered 2xx more than once (at-least-once): "
             f"{sum(1 for n in per_alert.values() if n > 1)}; signatures invalid: "
             f"{sum(1 for r in requests if not r['verified'])}")
    for t in TOPICS:
        figs.say(f"{t}.dlq: {len(want_dlq[t] & set(dlqs[t]))} of {len(want_dlq[t])} malformed records, each with "
                 f"a reason (e.g. {next(iter(dlqs[t].values()), '-')[:90]!r})")
    return problems


def verify(expected: set[str], alerts: dict[str, str], deliveries: dict[str, tuple[str, str, int]],
           requests: list[dict[str, Any]], dlqs: dict[str, dict[bytes, str]],
           want_dlq: dict[str, set[bytes]]) -> list[str]:
    """`alerts`: the (facility, article) pairs that joined incidents -> incident id; `deliveries`: per notice."""
    problems = []
    if set(alerts) != expected:
        problems.append(f"facility mentions: {len(expected - set(alerts))} expected ones not in an incident, "
                        f"{len(set(alerts) - expected)} unexpected")
    without = set(alerts.values()) - {str(r["alert_id"]) for r in requests}
    if without:
        problems.append(f"{len(without)} incidents no notice reached the receiver for")
    ids = set(deliveries)
    not_done = [a for a in ids if deliveries[a][1] != "succeeded"]
    if not_done:
        problems.append(f"{len(not_done)} notices without a succeeded delivery, e.g. {deliveries.get(not_done[0])}")
    wids: dict[str, set[str]] = defaultdict(set)
    ok = set()
    for r in requests:
        wids[str(r["notice_id"])].add(str(r["wid"]))
        if r["mode"] == "ok":
            ok.add(str(r["notice_id"]))
    if ids - ok:
        problems.append(f"{len(ids - ok)} notices never answered 2xx by the receiver")
    mixed = [a for a, w in wids.items() if len(w) != 1 or (a in deliveries and w != {deliveries[a][0]})]
    if mixed:
        problems.append(f"{len(mixed)} notices whose requests carried another webhook-id than their delivery id")
    if any(not r["verified"] for r in requests):
        problems.append("requests with an invalid signature")
    for t, keys in want_dlq.items():
        missing = keys - set(dlqs[t])
        unreasoned = [k for k in keys & set(dlqs[t]) if not dlqs[t][k]]
        if missing or unreasoned:
            problems.append(f"{t}.dlq: {len(missing)} malformed records missing, {len(unreasoned)} without a reason")
    return problems
