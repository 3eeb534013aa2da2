"""A real webhook receiver for the pipeline tests, run as its own process on loopback.

POST /hook/{name}   records the request (headers + body); answers 500 while `fail` > 0
GET  /received      every recorded request
POST /control       {"name": hook, "fail": n} makes that hook answer 500 n times; {"clear": true} forgets all
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

received: list[dict[str, object]] = []
failing: dict[str, int] = {}  # hook name -> how many more requests to fail


async def hook(request: Request) -> Response:
    body = (await request.body()).decode()
    name = request.path_params["name"]
    fail = failing.get(name, 0) > 0
    if fail:
        failing[name] -= 1
    received.append({"name": name, "headers": dict(request.headers), "body": body, "answered": 500 if fail else 204})
    return Response("induced failure", status_code=500) if fail else Response(status_code=204)


async def listing(request: Request) -> Response:
    return JSONResponse(received)


async def control(request: Request) -> Response:
    cmd = await request.json()
    if cmd.get("clear"):
        received.clear()
    if "fail" in cmd:
        failing[cmd["name"]] = int(cmd["fail"])
    return JSONResponse({"ok": True, "failing": failing, "received": len(received)})


app = Starlette(routes=[Route("/hook/{name}", hook, methods=["POST"]), Route("/received", listing),
                        Route("/control", control, methods=["POST"])])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
