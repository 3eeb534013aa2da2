"""`POST /v1/articles/ndjson`: a streamed upload, one article per line, one result per line.

The body is read as it arrives and stored CHUNK lines per transaction (a chunk is stored while the next is
prepared), so an upload of any length (up to the route's byte limit) holds neither the whole body nor one long
transaction. With an Idempotency-Key the body is read whole first (it must be hashed before anything is
stored) and the answer kept after the last chunk; a retry sent while the first is still running is processed
too (every article in it is then a duplicate)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import JSONResponse

from services.ingest import limits
from services.ingest.api import (
    IDEMPOTENCY_DOC,
    LIMIT_ERRORS,
    BatchOut,
    ItemResult,
    Prepared,
    Writer,
    counted,
    prepare_many,
    store_items,
)
from shared.db import unit_of_work

router = APIRouter(prefix="/v1", tags=["articles"])
CHUNK = 500
NDJSON_DOC = {**IDEMPOTENCY_DOC, "requestBody": {"required": True, "content": {"application/x-ndjson": {
    "schema": {"type": "string", "description": "one JSON article (as for POST /v1/articles) per line"}}}}}


async def lines(chunks: AsyncIterator[bytes], max_line: int) -> AsyncIterator[tuple[int, bytes | None]]:
    """-> (line number, line) for each non-blank line; None for a line over `max_line` bytes (skipped)."""
    buf, number, skipping = b"", 0, False
    async for chunk in chunks:
        buf += chunk
        *complete, buf = buf.split(b"\n")
        for line in complete:
            number += 1
            if skipping:
                skipping = False
                yield number, None
            elif line.strip():
                yield number, line if len(line) <= max_line else None
        if len(buf) > max_line:
            skipping, buf = True, b""
    if skipping:
        yield number + 1, None
    elif buf.strip():
        yield number + 1, buf if len(buf) <= max_line else None


def parse(line: bytes | None, max_line: int) -> tuple[object, list[dict[str, object]] | None]:
    """-> (the decoded line, None) or (None, why it cannot be read)."""
    if line is None:
        return None, [{"loc": ["line"], "msg": f"line longer than {max_line} bytes"}]
    try:
        return json.loads(line), None
    except UnicodeDecodeError:
        return None, [{"loc": ["line"], "msg": "line is not UTF-8"}]
    except json.JSONDecodeError as exc:
        return None, [{"loc": ["line"], "msg": f"not JSON: {exc.msg} at column {exc.colno}"}]


async def _body(request: Request) -> AsyncIterator[bytes]:
    async for chunk in request.stream():
        yield chunk


@router.post("/articles/ndjson", status_code=status.HTTP_202_ACCEPTED, response_model=BatchOut,
             openapi_extra=NDJSON_DOC, responses=LIMIT_ERRORS,
             summary="Upload articles as NDJSON (streamed); one result per line (line numbers from 1)")
async def post_ndjson(request: Request, _: Writer, __: Annotated[None, Depends(limits.rate_limited)]) -> Response:
    settings = request.app.state.settings
    max_line, max_lines = settings.max_body_bytes, settings.ndjson_max_lines
    key, who = limits.idempotency_key(request), limits.principal(request)
    source: AsyncIterator[bytes]
    req_hash = ""
    if key:
        body = await request.body()
        req_hash = limits.request_hash(request.method, request.url.path, body)
        async with unit_of_work(request.app.state.sessions) as session:
            if (kept := await limits.replay(session, who, key, req_hash)) is not None:
                return JSONResponse(kept[1], status_code=kept[0], headers={"Idempotent-Replayed": "true"})

        async def whole() -> AsyncIterator[bytes]:
            yield body
        source = whole()
    else:
        source = _body(request)
    results: list[ItemResult] = []
    overflow: list[ItemResult] = []  # lines past the limit, answered after the others
    pending: list[tuple[int, tuple[object, list[dict[str, object]] | None]]] = []
    storing: asyncio.Task[None] | None = None  # the previous chunk stored while the next one is prepared
    now = datetime.now(UTC)

    async def store(items: list[tuple[int, Prepared]]) -> None:
        lease = request.app.state.relay.lease()
        async with unit_of_work(request.app.state.sessions) as session:
            results.extend(await store_items(session, items, settings.near_duplicate_threshold, lease))
        request.app.state.relay.take(lease)

    async def flush() -> None:
        nonlocal storing
        ready = dict(await prepare_many(request, [(n, raw) for n, (raw, errors) in pending if errors is None], now,
                                        lambda n: ("line",)))
        items = [(n, errors if errors is not None else ready[n]) for n, (_, errors) in pending]
        pending.clear()
        if storing is not None:
            await storing  # chunks are stored in order: a later line's duplicate is the earlier line
        storing = asyncio.create_task(store(items))

    try:
        seen = 0
        async for number, line in lines(source, max_line):
            seen += 1
            if seen > max_lines:
                overflow.append(ItemResult(index=number, status="rejected", errors=[
                    {"loc": ["line"], "msg": f"an upload holds at most {max_lines} articles"}]))
                continue
            pending.append((number, parse(line, max_line)))
            if len(pending) >= CHUNK:
                await flush()
        if pending:
            await flush()
        if storing is not None:
            await storing
    finally:
        if storing is not None and not storing.done():  # the client went away, or a chunk failed
            storing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await storing
    results.extend(overflow)
    if not results:
        return JSONResponse({"detail": "the upload holds no article (no non-blank line)"}, status_code=422)
    answer = BatchOut(results=results, counts=counted(results)).model_dump(mode="json")
    if key:
        async with unit_of_work(request.app.state.sessions) as session:
            await limits.remember(session, who, key, req_hash, status.HTTP_202_ACCEPTED, answer)
    return JSONResponse(answer, status_code=status.HTTP_202_ACCEPTED)
