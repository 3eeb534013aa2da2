"""A flaky webhook receiver for `make chaos`, run as its own process on loopback.

POST /hook      fails about `share` of requests (500; a timeout: no answer before the sender's deadline; 429 with
                Retry-After; a slow drip: 200 and a body that never finishes in time) and answers 204 otherwise.
                One delivery (webhook-id) fails at most MAX_FAILS times in a row, so every one gets through
                within the sender's retry schedule. Each request is recorded with its signature checked.
GET  /received  every recorded request: {"wid", "notice_id", "alert_id", "fingerprint", "mode", "verified"}
POST /control   {"secret", "share", "timeout_s", "seed"}: configure
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
from collections.abc import AsyncIterator

import uvicorn
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

MODES = ("500", "timeout", "429", "drip")
MAX_FAILS = 3
config: dict[str, object] = {"secret": None, "share": 0.3, "timeout_s": 2.0}
rng = random.Random(0)
received: list[dict[str, object]] = []
failures: dict[str, int] = {}  # webhook-id -> failed answers so far


async def drip(seconds: float) -> AsyncIterator[bytes]:
    for _ in range(int(seconds / 0.25)):
        yield b"."
        await asyncio.sleep(0.25)


async def hook(request: Request) -> Response:
    body = await request.body()
    wid = request.headers.get("webhook-id", "")
    try:
        Webhook(str(config["secret"])).verify(body, dict(request.headers))
        verified = True
    except WebhookVerificationError:
        verified = False
    data = json.loads(body)["data"]
    mode = "ok"
    if failures.get(wid, 0) < MAX_FAILS and rng.random() < float(config["share"]):  # type: ignore[arg-type]
        mode = rng.choice(MODES)
        failures[wid] = failures.get(wid, 0) + 1
    received.append({"wid": wid, "notice_id": data["id"], "alert_id": data["incident"]["id"],
                     "fingerprint": data["incident"]["fingerprint"], "mode": mode, "verified": verified})
    timeout_s = float(config["timeout_s"])  # type: ignore[arg-type]
    if mode == "500":
        return Response("induced failure", status_code=500)
    if mode == "429":
        return Response("slow down", status_code=429, headers={"Retry-After": "1"})
    if mode == "timeout":
        await asyncio.sleep(timeout_s + 1.0)
        return Response("too late", status_code=504)
    if mode == "drip":
        return StreamingResponse(drip(timeout_s * 2 + 1.0), status_code=200)
    return Response(status_code=204)


async def listing(request: Request) -> Response:
    return JSONResponse(received)


async def control(request: Request) -> Response:
    cmd = await request.json()
    config.update({k: cmd[k] for k in ("secret", "share", "timeout_s") if k in cmd})
    if "seed" in cmd:
        rng.seed(cmd["seed"])
    return JSONResponse({"ok": True, "received": len(received)})


app = Starlette(routes=[Route("/hook", hook, methods=["POST"]), Route("/received", listing),
                        Route("/control", control, methods=["POST"])])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
