"""Schemathesis against the three services' OpenAPI documents, on a real running stack (`make fuzz` runs it).

    python -m tests.fuzz.api_fuzz [--max-examples 300] [--seed N] [--services ingest,enrich,alert]

Starts the dev stack the pipeline tests use (embedded broker, migrations, the three services as processes on
loopback) on a fresh database of DATABASE_URL's server (else the embedded PostgreSQL), with a generated admin
key as RAQIB_BOOTSTRAP_API_KEY, and runs `schemathesis run` on each service's /openapi.json with that key as
the bearer header, so authenticated endpoints are exercised past their auth check. Checks: `not_a_server_error`
(no 5xx) and `status_code_conformance` (every status answered is documented in the route). The number of test
cases per operation and phase is bounded (`--max-examples`), so the whole run takes a few minutes.

Left out: `GET /v1/alerts/stream` (server-sent events: an answer that never ends by design); its answers to no
key, a bad Last-Event-ID or `since`, and good requests are probed by hand and must be documented statuses.
After each service's run the script also checks that every service process is still alive. Reports (JUnit,
and a pytest file reproducing any failure) go under --report-dir. Exit code 0 only if every run passed and
the services stopped cleanly.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from devstack.embedded import create_database, drop_database, free_port, server_url
from devstack.stack import Stack

ROOT = Path(__file__).resolve().parents[2]
CHECKS = "not_a_server_error,status_code_conformance"
EXCLUDED = {"alert": ["/v1/alerts/stream"]}
# The stack as the pipeline tests run it: loopback webhook targets allowed (nothing on the Internet is
# resolved or called), short delivery back-off.
STACK_ENV = {"RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS": "true", "RAQIB_DELIVERY_RETRY_SCHEDULE": "[0, 0.5, 1.0, 1.0]",
             "RAQIB_LOG_LEVEL": "INFO"}


def schemathesis_command(service: str, url: str, key: str, args: argparse.Namespace, report_dir: Path,
                         config: Path) -> list[str]:
    cmd = [str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(config), "run",
           f"{url}/openapi.json",
           "--checks", CHECKS, "--header", f"Authorization: Bearer {key}",
           "--max-examples", str(args.max_examples), "--seed", str(args.seed), "--workers", str(args.workers),
           "--request-timeout", "30", "--suppress-health-check", "all", "--no-color",
           "--report", "junit,pytest", "--report-dir", str(report_dir)]
    for path in EXCLUDED.get(service, []):
        cmd += ["--exclude-path", path]
    return cmd


SAMPLES = ROOT / "devstack" / "samples.jsonl"
# Where each seeded id may replace a generated path parameter (half of the time): without real ids, the
# operations on one resource would only ever answer 404.
PATH_PARAMETERS = {"article_id": "articles", "alert_id": "alerts", "sub_id": "subscriptions",
                   "delivery_id": "deliveries", "silence_id": "silences", "key_id": "api_keys"}


def seed(stack: Stack, key: str, timeout: float = 90.0) -> dict[str, list[str]]:
    """Real resources for the fuzzer to find: a subscription (to a closed loopback port, so its deliveries
    fail and are retried), the sample reports (some raise alerts), the alerts and their deliveries."""
    auth = {"Authorization": f"Bearer {key}"}
    ingest, alert = stack.services["ingest"].url, stack.services["alert"].url
    closed = f"http://127.0.0.1:{free_port()}/hook"
    sub = httpx.post(f"{alert}/v1/subscriptions", json={"url": closed}, headers=auth, timeout=30)
    sub.raise_for_status()
    articles = [json.loads(line) for line in SAMPLES.read_text().splitlines() if line.strip()]
    posted = httpx.post(f"{ingest}/v1/articles/batch", json={"articles": articles}, headers=auth, timeout=60)
    posted.raise_for_status()
    deadline = time.monotonic() + timeout
    alerts: list[dict[str, Any]] = []
    deliveries: list[dict[str, Any]] = []
    while time.monotonic() < deadline and not (alerts and deliveries):
        time.sleep(1)
        alerts = httpx.get(f"{alert}/v1/alerts", headers=auth, timeout=30).json()
        deliveries = httpx.get(f"{alert}/v1/deliveries", headers=auth, timeout=30).json()
    if not (alerts and deliveries):
        raise RuntimeError(f"no alert or delivery {timeout}s after posting {len(articles)} sample reports")
    silence = httpx.post(f"{alert}/v1/silences", headers=auth, timeout=30, json={
        "matchers": [{"name": "facility_id", "value": "fac:fuzz-nowhere"}], "ends_at": "2100-01-01T00:00:00Z"})
    silence.raise_for_status()
    # a key of its own to revoke: the fuzzer's bootstrap key is not in the dictionary, so it keeps working
    spare = httpx.post(f"{alert}/v1/api-keys", headers=auth, timeout=30,
                       json={"name": "fuzz-spare", "scopes": ["read"]})
    spare.raise_for_status()
    return {"api_keys": [spare.json()["id"]],
            "articles": [r["id"] for r in posted.json()["results"]], "alerts": [a["id"] for a in alerts],
            "subscriptions": [sub.json()["id"]], "deliveries": [d["id"] for d in deliveries],
            "silences": [silence.json()["id"]]}


def write_config(path: Path, ids: dict[str, list[str]]) -> Path:
    """A schemathesis.toml binding each id path parameter to its seeded ids, half of the time."""
    lines = []
    for kind, values in ids.items():
        lines += [f"[dictionaries.{kind}]", f"values = {json.dumps(values)}", ""]
    lines.append("[parameters]")
    for param, kind in PATH_PARAMETERS.items():
        lines.append(f'"path.{param}" = {{ dictionary = "{kind}", probability = 0.5 }}')
    path.write_text("\n".join(lines) + "\n")
    return path


def probe_stream(url: str, key: str) -> list[str]:
    """What schemathesis leaves out, by hand: the SSE stream's answers are statuses its operation documents.
    -> the problems found."""
    documented = set(httpx.get(f"{url}/openapi.json", timeout=30).json()["paths"]["/v1/alerts/stream"]["get"]
                     ["responses"])
    auth = {"Authorization": f"Bearer {key}"}
    cases = [({}, {}, 401), ({**auth, "Last-Event-ID": "not-an-id"}, {}, 422),
             (auth, {"since": "\x00"}, 422), (auth, {}, 200),
             ({**auth, "Last-Event-ID": str(uuid.uuid4())}, {"since": "2000-01-01T00:00:00Z"}, 200),
             ({**auth, "Last-Event-ID": "1"}, {}, 200)]
    problems = []
    for headers, params, expected in cases:
        with httpx.stream("GET", f"{url}/v1/alerts/stream", headers=headers, params=params, timeout=10) as r:
            if r.status_code != expected or str(r.status_code) not in documented:
                problems.append(f"GET /v1/alerts/stream {headers.keys() - {'Authorization'}} {params}: "
                                f"{r.status_code} (expected {expected}; documented {sorted(documented)})")
    return problems


def summarise(output: str) -> list[str]:
    """The lines of schemathesis' own summary worth repeating at the end."""
    lines = output.splitlines()
    try:
        start = max(i for i, line in enumerate(lines) if "SUMMARY" in line)
    except ValueError:
        return lines[-12:]
    return [line for line in lines[start:] if line.strip()]


def run(args: argparse.Namespace) -> int:
    key = "rk_fuzz_" + secrets.token_urlsafe(24)
    out = Path(args.report_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    server = server_url()
    name = f"raqib_fuzz_{uuid.uuid4().hex[:8]}"
    db_url = asyncio.run(create_database(server, name))
    stack = Stack(database_url=db_url, api_key=key, log_dir=out / "logs", extra_env=STACK_ENV)
    results: list[tuple[str, int, float, list[str]]] = []
    try:
        started = time.monotonic()
        stack.start()
        print(f"stack up in {time.monotonic() - started:.1f}s: " +
              ", ".join(f"{n} {s.url}" for n, s in stack.services.items()), flush=True)
        ids = seed(stack, key)
        print("seeded: " + ", ".join(f"{len(v)} {k}" for k, v in ids.items()), flush=True)
        config = write_config(out / "schemathesis.toml", ids)
        for svc_name in args.services.split(","):
            svc = stack.services[svc_name]
            cmd = schemathesis_command(svc_name, svc.url, key, args, out / svc_name, config)
            print(f"\n=== schemathesis: {svc_name} ({svc.url}) ===", flush=True)
            t0 = time.monotonic()
            proc = subprocess.run(cmd, cwd=out, capture_output=True, text=True, check=False)
            elapsed = time.monotonic() - t0
            sys.stdout.write(proc.stdout.replace(key, "<key>"))
            sys.stderr.write(proc.stderr.replace(key, "<key>"))
            dead = [n for n, s in stack.services.items() if s.process.poll() is not None]
            summary = summarise(proc.stdout.replace(key, "<key>"))
            problems = [f"service process(es) exited during the run: {dead}"] if dead else []
            if svc_name == "alert" and not dead:
                stream_problems = probe_stream(svc.url, key)
                summary.append(f"GET /v1/alerts/stream probed by hand: {len(stream_problems)} problem(s)")
                problems += stream_problems
            summary += problems
            results.append((svc_name, 0 if proc.returncode == 0 and not problems else 1, elapsed, summary))
    finally:
        codes = stack.stop()
        asyncio.run(drop_database(server, name))
    print("\n==================== make fuzz: API (schemathesis) ====================")
    print(f"checks: {CHECKS}; max examples per operation and phase: {args.max_examples}; seed: {args.seed}; "
          f"excluded: {', '.join(p for paths in EXCLUDED.values() for p in paths)}")
    for svc_name, rc, elapsed, summary in results:
        print(f"--- {svc_name}: {'PASS' if rc == 0 else 'FAIL'} in {elapsed:.0f}s")
        for line in summary:
            print(f"    {line}")
    unclean = {n: c for n, c in codes.items() if c != 0}
    if unclean:
        print(f"services did not stop cleanly: {unclean} (logs: {out / 'logs'})")
    failed = [r[0] for r in results if r[1] != 0]
    print(f"API fuzz: {'FAILED: ' + ', '.join(failed) if failed else 'passed'} (reports: {out})")
    return 1 if failed or unclean else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("FUZZ_MAX_EXAMPLES", "300")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "20261202")))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--services", default="ingest,enrich,alert")
    parser.add_argument("--report-dir", default=str(ROOT / "build-fuzz"))
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
