"""The pipeline bench's webhook receiver, its own process on loopback: answers 204 at once and records when each
bench key (`<tag>-<n>`, carried in the article text) first arrives in a notice, by the wall clock, which the
load generator shares on this machine.

POST /hook         a notice (any format: the keys are found in the raw body)
POST /arrivals     ["key", ...] -> {key: arrival time} for those that arrived
GET  /count        {"notices": n}
POST /clear        forget everything
"""

from __future__ import annotations

import re
import sys
import time

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

KEY = re.compile(rb"\b((?:tp|lat|idle|warm)-[0-9a-f]{6}-\d+)\b")
arrivals: dict[str, float] = {}
notices = 0


async def hook(request: Request) -> Response:
    global notices
    body, now = await request.body(), time.time()
    notices += 1
    for m in KEY.finditer(body):
        arrivals.setdefault(m.group(1).decode(), now)
    return Response(status_code=204)


async def lookup(request: Request) -> Response:
    keys = await request.json()
    return JSONResponse({k: arrivals[k] for k in keys if k in arrivals})


async def count(request: Request) -> Response:
    return JSONResponse({"notices": notices})


async def clear(request: Request) -> Response:
    global notices
    arrivals.clear()
    notices = 0
    return JSONResponse({})


app = Starlette(routes=[Route("/hook", hook, methods=["POST"]), Route("/arrivals", lookup, methods=["POST"]),
                        Route("/count", count), Route("/clear", clear, methods=["POST"])])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
