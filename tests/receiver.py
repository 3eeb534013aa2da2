"""A real webhook receiver for the pipeline tests, run as its own process on loopback.

POST /hook/{name}   records the request (headers + body); answers 500 while `fail` > 0
GET  /received      every recorded request
POST /control       {"fail": n} makes the next n hooks answer 500; {"clear": true} forgets all
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

received: list[dict[str, object]] = []
state = {"fail": 0}


async def hook(request: Request) -> Response:
    body = (await request.body()).decode()
    if state["fail"] > 0:
        state["fail"] -= 1
        received.append({"name": request.path_params["name"], "headers": dict(request.headers), "body": body,
                         "answered": 500})
        return Response("induced failure", status_code=500)
    received.append({"name": request.path_params["name"], "headers": dict(request.headers), "body": body,
                     "answered": 204})
    return Response(status_code=204)


async def listing(request: Request) -> Response:
    return JSONResponse(received)


async def control(request: Request) -> Response:
    cmd = await request.json()
    if cmd.get("clear"):
        received.clear()
    if "fail" in cmd:
        state["fail"] = int(cmd["fail"])
    return JSONResponse({"ok": True, "fail": state["fail"], "received": len(received)})


app = Starlette(routes=[Route("/hook/{name}", hook, methods=["POST"]), Route("/received", listing),
                        Route("/control", control, methods=["POST"])])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
