"""The load test's webhook receiver (bench/load_make_run.py), its own process on loopback: checks every notice's
Standard Webhooks signature itself (HMAC-SHA256 over `webhook-id.webhook-timestamp.body` with the subscription's
`whsec_` secret; nothing imported from the services or from a webhook library), answers 204 at once and records
when each load-test key (`<tag>-<n>`, carried in the article text) first arrives in a notice whose signature
verified, by the wall clock, which the load generator shares on this machine. A notice whose signature does not
verify is answered 401 and counted (the sender retries it: at-least-once).

POST /secret       {"secret": "whsec_..."}  (set after the subscription is created; 503 to notices before that)
POST /hook         a notice
POST /arrivals     ["key", ...] -> {key: arrival time} for those that arrived
GET  /count        {"notices": n, "verified": n, "invalid": n, "duplicate_keys": n (a key in a second notice),
                    "redelivered": n (a webhook-id seen before)}
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import sys
import time

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

KEY = re.compile(rb"\b((?:tp|lat|idle|warm)-[0-9a-f]{6}-\d+)\b")
TOLERANCE_S = 300  # a timestamp further than this from our clock is refused (replay guard, as the spec suggests)
state = {"notices": 0, "verified": 0, "invalid": 0, "duplicate_keys": 0, "redelivered": 0}
seen_ids: set[str] = set()
arrivals: dict[str, float] = {}
secret: list[bytes] = []


def verify(headers: dict[str, str], body: bytes, key: bytes, now: float) -> bool:
    msg_id, ts, sigs = headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature")
    if not (msg_id and ts and sigs) or not ts.isdigit() or abs(now - int(ts)) > TOLERANCE_S:
        return False
    expected = base64.b64encode(hmac.new(key, f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest())
    return any(s.startswith("v1,") and hmac.compare_digest(s[3:].encode(), expected) for s in sigs.split())


async def set_secret(request: Request) -> Response:
    value = (await request.json())["secret"]
    secret[:] = [base64.b64decode(value.removeprefix("whsec_"))]
    return JSONResponse({})


async def hook(request: Request) -> Response:
    body, now = await request.body(), time.time()
    state["notices"] += 1
    if not secret:
        return Response(status_code=503)
    if not verify({k.lower(): v for k, v in request.headers.items()}, body, secret[0], now):
        state["invalid"] += 1
        return Response(status_code=401)
    state["verified"] += 1
    msg_id = request.headers["webhook-id"]
    if msg_id in seen_ids:  # the same delivery again (a retry after an answer that was lost): allowed, counted
        state["redelivered"] += 1
    seen_ids.add(msg_id)
    for k in {m.group(1).decode() for m in KEY.finditer(body)}:
        if k in arrivals:
            state["duplicate_keys"] += 1
        else:
            arrivals[k] = now
    return Response(status_code=204)


async def lookup(request: Request) -> Response:
    keys = await request.json()
    return JSONResponse({k: arrivals[k] for k in keys if k in arrivals})


async def count(request: Request) -> Response:
    return JSONResponse(state)


app = Starlette(routes=[Route("/secret", set_secret, methods=["POST"]), Route("/hook", hook, methods=["POST"]),
                        Route("/arrivals", lookup, methods=["POST"]), Route("/count", count)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
