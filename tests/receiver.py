"""A real webhook receiver for the pipeline tests, run as its own process on loopback.

POST /hook/{name}   records the request (headers, body, when, the answer, which secrets verify it) and answers
                    204, or as told for the next `count` requests: 500, 429 (+ Retry-After), 410, or no answer
                    in time (it sleeps `sleep` seconds, then 204)
GET  /received      every recorded request
POST /control       {"name": hook, "fail": n}: answer 500 n times (as {"mode": "500", "count": n});
                    {"name": hook, "mode": "500"|"429"|"410"|"timeout", "count": n, "retry_after": "2", "sleep": 15};
                    {"name": hook, "secrets": [...]}: verify each request with each secret (standardwebhooks);
                    {"clear": true} forgets everything received
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

import uvicorn
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

received: list[dict[str, Any]] = []
modes: dict[str, dict[str, Any]] = {}  # hook name -> {"mode", "count", "retry_after", "sleep"}
secrets: dict[str, list[str]] = {}  # hook name -> secrets to verify with


def _verified(name: str, body: str, headers: dict[str, str]) -> list[bool]:
    out = []
    for secret in secrets.get(name, []):
        try:
            Webhook(secret).verify(body, headers)
            out.append(True)
        except WebhookVerificationError:
            out.append(False)
    return out


async def hook(request: Request) -> Response:
    at = time.time()
    body = (await request.body()).decode()
    name = request.path_params["name"]
    headers = dict(request.headers)
    mode = modes.get(name)
    kind = None
    if mode and mode["count"] > 0:
        mode["count"] -= 1
        kind = mode["mode"]
    answer = {"500": 500, "429": 429, "410": 410}.get(kind or "", 204)
    received.append({"name": name, "headers": headers, "body": body, "at": at, "mode": kind,
                     "answered": answer, "verified": _verified(name, body, headers)})
    if kind == "timeout":
        assert mode is not None
        await asyncio.sleep(float(mode.get("sleep", 15)))
        return Response(status_code=204)
    if kind == "429":
        assert mode is not None
        return Response("slow down", status_code=429, headers={"retry-after": str(mode.get("retry_after", "2"))})
    if answer != 204:
        return Response(f"induced {answer}", status_code=answer)
    return Response(status_code=204)


async def listing(request: Request) -> Response:
    return JSONResponse(received)


async def control(request: Request) -> Response:
    cmd = await request.json()
    if cmd.get("clear"):
        received.clear()
    if "fail" in cmd:
        modes[cmd["name"]] = {"mode": "500", "count": int(cmd["fail"])}
    if "mode" in cmd:
        modes[cmd["name"]] = {"mode": cmd["mode"], "count": int(cmd.get("count", 1)),
                              "retry_after": cmd.get("retry_after", "2"), "sleep": cmd.get("sleep", 15)}
    if "secrets" in cmd:
        secrets[cmd["name"]] = list(cmd["secrets"])
    return JSONResponse({"ok": True, "received": len(received)})


app = Starlette(routes=[Route("/hook/{name}", hook, methods=["POST"]), Route("/received", listing),
                        Route("/control", control, methods=["POST"])])

if __name__ == "__main__":
    # requests told to time out sleep for long: a stop does not wait for them
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", timeout_graceful_shutdown=1)
