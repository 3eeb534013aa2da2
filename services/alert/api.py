"""Alert HTTP API: alerts (subscriptions, deliveries and API keys: api_subscriptions.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from services.alert import api_subscriptions, repository
from services.alert.stream import AlertFeed, sse_events
from shared import auth
from shared.db import unit_of_work

router = APIRouter(prefix="/v1")
router.include_router(api_subscriptions.router)  # subscriptions, deliveries, API keys
Reader = Annotated[set[str], Depends(auth.require("read"))]
AlertWriter = Annotated[set[str], Depends(auth.require("alerts:write"))]


class Alert(BaseModel):
    id: uuid.UUID
    fingerprint: str
    article_id: str
    facility_id: str
    facility_name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    status: str
    created_at: datetime
    payload: dict[str, Any]


_NO_ALERT: dict[int | str, dict[str, Any]] = {404: {"description": "No such alert"}}


def _not_found(what: str, ident: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {ident}")


@router.get("/alerts", response_model=list[Alert], tags=["alerts"], summary="Alerts, newest first")
async def list_alerts(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      before: datetime | None = None,
                      status_: Annotated[Literal["firing", "acknowledged", "resolved"] | None,
                                         Query(alias="status")] = None,
                      facility_id: Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]
                      = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_alerts(session, limit=limit, before=before, status=status_,
                                            facility_id=facility_id)


@router.get("/alerts/stream", tags=["alerts"], response_class=StreamingResponse,
            summary="Server-sent events: every alert as it is raised",
            description="Each event is `event: alert.raised`, `id: <alert id>`, `data: <AlertRaised JSON>`. "
                        "Reconnect with `Last-Event-ID` (or `?since=`) to get every alert you missed first "
                        "(all of them, read a page at a time; alerts are numbered in commit order, so none is "
                        "skipped with several replicas); a comment line is sent every 15 s to keep the "
                        "connection open.")
async def stream(request: Request, _: Reader, since: datetime | None = None,
                 last_event_id: Annotated[str | None, Header()] = None) -> StreamingResponse:
    try:
        after = uuid.UUID(last_event_id) if last_event_id else None
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Last-Event-ID must be an alert id") from exc
    after_seq = None
    if after is not None:
        async with request.app.state.sessions() as session:
            after_seq = await repository.alert_seq(session, after)

    async def stop() -> bool:
        return bool(request.app.state.draining) or await request.is_disconnected()

    feed: AlertFeed = request.app.state.feed
    client = feed.subscribe()  # before the backlog is read, so nothing falls between the two
    events = sse_events(client, feed, request.app.state.sessions, after_seq=after_seq,
                        since=since if after_seq is None else None, stop=stop)
    return StreamingResponse(events, media_type="text/event-stream",
                             headers={"cache-control": "no-cache", "x-accel-buffering": "no"})


@router.get("/alerts/{alert_id}", response_model=Alert, tags=["alerts"], responses=_NO_ALERT)
async def get_alert(alert_id: uuid.UUID, request: Request, _: Reader) -> dict[str, Any]:
    async with request.app.state.sessions() as session:
        row = await repository.get_alert(session, alert_id)
    if row is None:
        raise _not_found("alert", alert_id)
    return row


async def _set_status(request: Request, alert_id: uuid.UUID, new_status: str) -> dict[str, Any]:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await repository.set_alert_status(session, alert_id, new_status):
            raise _not_found("alert", alert_id)
        row = await repository.get_alert(session, alert_id)
    assert row is not None  # updated in this transaction
    return row


@router.post("/alerts/{alert_id}/ack", response_model=Alert, tags=["alerts"], responses=_NO_ALERT)
async def ack(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "acknowledged")


@router.post("/alerts/{alert_id}/resolve", response_model=Alert, tags=["alerts"], responses=_NO_ALERT)
async def resolve(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "resolved")
