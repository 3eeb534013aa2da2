"""Feeds HTTP API: add, list, inspect, change and remove the RSS/Atom feeds the poller follows."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest import feed_store, limits
from services.ingest.api import IDEMPOTENCY_DOC, LIMIT_ERRORS, Reader, Writer, idempotent
from shared.db import unit_of_work
from shared.targets import UnsafeTarget, check_target

router = APIRouter(prefix="/v1/feeds", tags=["feeds"])
Limited = Annotated[None, Depends(limits.rate_limited)]
LANG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such feed"}}


class FeedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(max_length=2048, description="the feed's http(s) URL (RSS 0.9x/1.0/2.0 or Atom)")
    interval_s: int = Field(default=300, ge=1, le=86_400, description="seconds between polls")
    lang: str | None = Field(default=None, pattern=LANG, description="language of every entry (else the feed's, "
                             "else detected)")
    source: str | None = Field(default=None, max_length=200)


class FeedPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    interval_s: int | None = Field(default=None, ge=1, le=86_400)
    lang: str | None = Field(default=None, pattern=LANG)
    source: str | None = Field(default=None, max_length=200)
    active: bool | None = None


class FeedStatus(BaseModel):
    last_fetch_at: datetime | None
    last_status: int | None = Field(description="HTTP status of the last fetch (304: not modified)")
    last_error: str | None
    errors_in_row: int
    next_fetch_at: datetime
    fetches: int
    not_modified: int = Field(description="fetches answered 304 Not Modified")
    items_seen: int = Field(description="entries read, over all polls")
    articles_new: int = Field(description="articles the feed brought that were not known before")


class FeedOut(BaseModel):
    id: uuid.UUID
    url: str
    interval_s: int
    lang: str | None
    source: str | None
    active: bool
    created_at: datetime
    status: FeedStatus


class Created(BaseModel):
    id: uuid.UUID


def _out(row: dict[str, object]) -> FeedOut:
    return FeedOut.model_validate({**row, "status": FeedStatus.model_validate(row)})


@router.post("", status_code=status.HTTP_201_CREATED, response_model=Created, openapi_extra=IDEMPOTENCY_DOC,
             responses={**LIMIT_ERRORS, 409: {"description": "A feed with this URL exists (its id is in detail)"}},
             summary="Follow a feed; its URL obeys the webhook SSRF rules")
async def add_feed(feed: FeedIn, request: Request, _: Writer, __: Limited) -> Response:
    settings = request.app.state.settings
    if feed.interval_s < settings.feed_min_interval_s:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"interval_s must be at least {settings.feed_min_interval_s}")
    try:
        await check_target(feed.url, settings.allow_private_feed_targets)
    except UnsafeTarget as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"feed {exc}") from exc

    async def work(session: AsyncSession) -> Created:
        feed_id, created = await feed_store.create(session, feed.url, feed.interval_s, feed.lang, feed.source)
        if not created:
            raise HTTPException(status.HTTP_409_CONFLICT, f"this feed exists already: {feed_id}")
        return Created(id=feed_id)

    response = await idempotent(request, status.HTTP_201_CREATED, work)
    request.app.state.feed_poller.wakeup.set()
    return response


@router.get("", response_model=list[FeedOut], summary="Every feed with its polling status")
async def list_feeds(request: Request, _: Reader) -> list[FeedOut]:
    async with request.app.state.sessions() as session:
        return [_out(r) for r in await feed_store.list_all(session)]


@router.get("/{feed_id}", response_model=FeedOut, responses=NOT_FOUND, summary="One feed with its polling status")
async def get_feed(feed_id: uuid.UUID, request: Request, _: Reader) -> FeedOut:
    async with request.app.state.sessions() as session:
        row = await feed_store.get(session, feed_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no feed {feed_id}")
    return _out(row)


@router.patch("/{feed_id}", response_model=FeedOut, responses=NOT_FOUND,
              summary="Change a feed's interval, language, source, or pause it (active: false)")
async def patch_feed(feed_id: uuid.UUID, patch: FeedPatch, request: Request, _: Writer) -> FeedOut:
    values = {k: v for k, v in patch.model_dump(exclude_unset=True).items() if v is not None or k in ("lang", "source")}
    if values.get("interval_s", 10**9) < request.app.state.settings.feed_min_interval_s:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"interval_s must be at least {request.app.state.settings.feed_min_interval_s}")
    async with unit_of_work(request.app.state.sessions) as session:
        row = await feed_store.change(session, feed_id, values)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no feed {feed_id}")
    request.app.state.feed_poller.wakeup.set()
    return _out(row)


@router.delete("/{feed_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND,
               summary="Stop following a feed (its articles stay)")
async def delete_feed(feed_id: uuid.UUID, request: Request, _: Writer) -> Response:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await feed_store.delete(session, feed_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no feed {feed_id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
