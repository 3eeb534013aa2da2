"""HTTP pieces every service shares: /healthz, /readyz, /metrics, the body-size limit, request metrics."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import metrics
from shared.db import ping
from shared.errors import is_transient
from shared.text import pg_clean

ReadyCheck = Callable[[], Awaitable[None]]


class BodyLimit:
    """413 for bodies over `max_bytes` (or the limit `path_limits` sets for a path), by Content-Length or by
    counting a streamed body."""

    def __init__(self, app: ASGIApp, max_bytes: int, path_limits: dict[str, int] | None = None) -> None:
        self.app, self.default_max, self.path_limits = app, max_bytes, path_limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        max_bytes = self.path_limits.get(scope.get("path", ""), self.default_max)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > max_bytes:
            return await self._too_large(scope, receive, send, max_bytes)
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await self._too_large(scope, receive, send, max_bytes)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, max_bytes: int) -> None:
        body = JSONResponse({"detail": f"request body exceeds {max_bytes} bytes"}, status_code=413)
        await body(scope, receive, send)


class _TooLarge(Exception):
    pass


class RequestMetrics:
    """Counts and times every request by route template (never ids). Plain ASGI rather than
    `@app.middleware("http")`, whose BaseHTTPMiddleware costs a task and a stream per request."""

    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app, self.service = app, service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start, status = time.perf_counter(), 500  # an exception no handler answered is a 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            method = scope["method"]
            metrics.HTTP_REQUESTS.labels(self.service, method, route, str(status)).inc()
            metrics.HTTP_LATENCY.labels(self.service, method, route).observe(time.perf_counter() - start)


def ops_router() -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/healthz", summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz", summary="Broker and database are reachable",
                responses={503: {"description": "The broker or the database is unreachable"}})
    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, ReadyCheck] = request.app.state.ready_checks
        results: dict[str, Any] = {}
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check(), 3.0)
                results[name] = "ok"
            except Exception as exc:  # readiness reports any failure as not-ready; it handles nothing
                results[name] = f"unavailable: {type(exc).__name__}"
        ok = all(v == "ok" for v in results.values())
        return JSONResponse({"status": "ready" if ok else "not ready", "checks": results},
                            status_code=200 if ok else 503)

    @router.get("/metrics", summary="Prometheus metrics")
    async def prometheus(request: Request) -> Response:
        await request.app.state.samplers.run()  # gauges read from the database and the broker, fresh
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def standard_checks(engine: AsyncEngine, producer: AIOKafkaProducer) -> dict[str, ReadyCheck]:
    async def database() -> None:
        await ping(engine)

    async def broker() -> None:
        await producer.client.fetch_all_metadata()

    return {"database": database, "broker": broker}


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422, with its echo of the input made encodable: a lone surrogate (JSON lets `\\ud800` through)
    in a refused value would otherwise turn the 422 into a 500."""
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": pg_clean(jsonable_encoder(exc.errors()))}, status_code=422)


# Statuses any route can answer besides its own, by what it has: a JSON body (read by FastAPI and the body
# limit) or an API key (shared.auth.require). Documented in every such operation, so that the OpenAPI
# document lists each status a client can get (checked by schemathesis in `make fuzz`).
_ERROR = {"content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}}}}
BODY_ERRORS = {"400": {"description": "The body cannot be read as JSON (not UTF-8)", **_ERROR},
               "413": {"description": "The body exceeds the size limit", **_ERROR}}
AUTH_ERRORS = {"401": {"description": "No API key, or an invalid or revoked one", **_ERROR},
               "403": {"description": "The API key lacks the scope this operation needs", **_ERROR}}


UNAVAILABLE = {"503": {"description": "The database or the broker is unavailable for a moment (see Retry-After)",
                       **_ERROR}}


async def dependency_unavailable(request: Request, exc: Exception) -> Response:
    """A transient failure (the database restarting, the broker away) is 503 with Retry-After, not a 500: the
    client may retry (`make chaos` saw a 500 during a PostgreSQL restart). Anything else stays a bug (500)."""
    if not is_transient(exc):
        raise exc
    return JSONResponse({"detail": "a dependency (the database or the broker) is unavailable; retry"},
                        status_code=503, headers={"Retry-After": "1"})


def document_common_errors(app: FastAPI) -> None:
    """Add BODY_ERRORS, AUTH_ERRORS and UNAVAILABLE to the generated OpenAPI document where they apply (keyed
    operations look the key up in the database, so any of them can meet it unavailable)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()  # also stored in app.openapi_schema: edited in place, once
            for item in schema.get("paths", {}).values():
                for operation in item.values():
                    responses = operation.setdefault("responses", {})
                    extra = {**(BODY_ERRORS if "requestBody" in operation else {}),
                             **(AUTH_ERRORS | UNAVAILABLE if operation.get("security") else {})}
                    for code, response in extra.items():
                        responses.setdefault(code, response)
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]


def service_app(*, service: str, description: str, lifespan: Any, router: APIRouter, max_body_bytes: int,
                body_limits: dict[str, int] | None = None, cors_origins: Sequence[str] = ()) -> FastAPI:
    """The same shell for every service: its router, the ops endpoints, request metrics, the body limit
    (`body_limits`: other limits for some paths, e.g. bulk uploads), and CORS for the browser origins named (the
    console; keys travel in the Authorization header, never in cookies)."""
    app = FastAPI(title=f"Raqib {service}", version="1.0.0", description=description, lifespan=lifespan)
    app.state.samplers = metrics.Samplers(service)
    metrics.set_build_info(service)
    app.add_exception_handler(RequestValidationError, validation_error)
    for transient_kind in (OSError, DBAPIError, KafkaError):
        app.add_exception_handler(transient_kind, dependency_unavailable)
    app.include_router(router)
    app.include_router(ops_router())
    app.add_middleware(RequestMetrics, service=service)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes, path_limits=body_limits)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_credentials=False,
                           allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
                           allow_headers=["authorization", "content-type", "last-event-id", "idempotency-key"],
                           expose_headers=["retry-after"], max_age=600)
    document_common_errors(app)
    return app
