"""Alert HTTP API: subscriptions, alerts, deliveries, API keys."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from services.alert import repository
from services.alert.delivery import UnsafeTarget, check_target, new_secret
from services.alert.rules import Filters
from services.alert.stream import AlertFeed
from shared import auth
from shared.db import unit_of_work

router = APIRouter(prefix="/v1")
Reader = Annotated[set[str], Depends(auth.require("read"))]
SubWriter = Annotated[set[str], Depends(auth.require("subscriptions:write"))]
AlertWriter = Annotated[set[str], Depends(auth.require("alerts:write"))]
Admin = Annotated[set[str], Depends(auth.require(auth.ADMIN))]


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(max_length=2048)
    filters: Filters = Filters()


class SubscriptionCreated(BaseModel):
    id: uuid.UUID
    url: str
    filters: dict[str, Any]
    secret: str = Field(description="The Standard Webhooks signing secret. Shown only once.")


class Subscription(BaseModel):
    id: uuid.UUID
    url: str
    filters: dict[str, Any]
    active: bool
    created_at: datetime


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


class Delivery(BaseModel):
    id: uuid.UUID
    alert_id: uuid.UUID
    subscription_id: uuid.UUID
    status: str
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    scopes: list[Literal["admin", "articles:write", "subscriptions:write", "alerts:write", "read"]] = Field(
        min_length=1)


class ApiKeyCreated(BaseModel):
    id: uuid.UUID
    name: str
    scopes: list[str]
    key: str = Field(description="The API key. Shown only once; only its hash is stored.")


def _not_found(what: str, ident: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {ident}")


@router.post("/subscriptions", status_code=201, response_model=SubscriptionCreated, tags=["subscriptions"],
             summary="Subscribe a webhook; the signing secret is returned once")
async def subscribe(body: SubscriptionIn, request: Request, _: SubWriter) -> SubscriptionCreated:
    try:
        await check_target(body.url, request.app.state.settings.allow_private_webhook_targets)
    except UnsafeTarget as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    secret = new_secret()
    async with unit_of_work(request.app.state.sessions) as session:
        sub_id = await repository.create_subscription(session, body.url, secret, body.filters)
    return SubscriptionCreated(id=sub_id, url=body.url, filters=body.filters.model_dump(exclude_none=True),
                               secret=secret)


@router.get("/subscriptions", response_model=list[Subscription], tags=["subscriptions"])
async def subscriptions(request: Request, _: Reader) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_subscriptions(session)


@router.delete("/subscriptions/{sub_id}", status_code=204, tags=["subscriptions"],
               summary="Deactivate a subscription (its delivery log is kept)")
async def unsubscribe(sub_id: uuid.UUID, request: Request, _: SubWriter) -> None:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await repository.deactivate_subscription(session, sub_id):
            raise _not_found("subscription", sub_id)


@router.post("/subscriptions/{sub_id}/recover", status_code=202, tags=["subscriptions"],
             summary="Re-queue every matching alert since a time that this subscription did not receive")
async def recover(sub_id: uuid.UUID, since: datetime, request: Request, _: SubWriter) -> dict[str, int]:
    async with unit_of_work(request.app.state.sessions) as session:
        queued = await repository.recover(session, sub_id, since)
    if queued is None:
        raise _not_found("active subscription", sub_id)
    request.app.state.worker.wakeup.set()
    return {"queued": queued}


@router.get("/alerts", response_model=list[Alert], tags=["alerts"], summary="Alerts, newest first")
async def list_alerts(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      before: datetime | None = None,
                      status_: Annotated[Literal["firing", "acknowledged", "resolved"] | None,
                                         Query(alias="status")] = None,
                      facility_id: str | None = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_alerts(session, limit=limit, before=before, status=status_,
                                            facility_id=facility_id)


_OVERFLOW = 'event: overflow\ndata: {"reason": "client too slow; reconnect with Last-Event-ID"}\n\n'


def _sse(alert_id: str, payload: str) -> str:
    return f"id: {alert_id}\nevent: alert.raised\ndata: {payload}\n\n"


@router.get("/alerts/stream", tags=["alerts"], response_class=StreamingResponse,
            summary="Server-sent events: every alert as it is raised",
            description="Each event is `event: alert.raised`, `id: <alert id>`, `data: <AlertRaised JSON>`. "
                        "Reconnect with `Last-Event-ID` (or `?since=`) to get the alerts you missed first; "
                        "a comment line is sent every 15 s to keep the connection open.")
async def stream(request: Request, _: Reader, since: datetime | None = None,
                 last_event_id: Annotated[str | None, Header()] = None) -> StreamingResponse:
    try:
        after = uuid.UUID(last_event_id) if last_event_id else None
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Last-Event-ID must be an alert id") from exc
    feed: AlertFeed = request.app.state.feed
    client = feed.subscribe()  # before the backlog query, so nothing falls between the two
    async with request.app.state.sessions() as session:
        backlog = await repository.alerts_after(session, after_id=after, since=since)

    async def events() -> AsyncIterator[str]:
        sent = {str(r["id"]) for r in backlog}
        try:
            yield ": connected\n\n"
            for row in backlog:
                yield _sse(str(row["id"]), json.dumps(row["payload"], ensure_ascii=False))
            idle = 0.0
            while not request.app.state.draining and not await request.is_disconnected():
                try:
                    alert = await asyncio.wait_for(client.queue.get(), 1.0)
                except TimeoutError:
                    idle += 1.0
                    if idle >= 15:
                        idle = 0.0
                        yield ": keep-alive\n\n"
                    if client.dropped and client.queue.empty():
                        yield _OVERFLOW
                        return
                    continue
                if alert.alert_id not in sent:
                    yield _sse(alert.alert_id, alert.model_dump_json())
        finally:
            feed.unsubscribe(client)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"cache-control": "no-cache", "x-accel-buffering": "no"})


@router.get("/alerts/{alert_id}", response_model=Alert, tags=["alerts"])
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


@router.post("/alerts/{alert_id}/ack", response_model=Alert, tags=["alerts"])
async def ack(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "acknowledged")


@router.post("/alerts/{alert_id}/resolve", response_model=Alert, tags=["alerts"])
async def resolve(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "resolved")


@router.get("/deliveries", response_model=list[Delivery], tags=["deliveries"], summary="Delivery log")
async def list_deliveries(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                          subscription_id: uuid.UUID | None = None,
                          status_: Annotated[Literal["pending", "succeeded", "failed"] | None,
                                             Query(alias="status")] = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_deliveries(session, limit=limit, subscription_id=subscription_id,
                                                status=status_)


@router.post("/deliveries/{delivery_id}/replay", status_code=202, tags=["deliveries"],
             summary="Send a delivery again now")
async def replay(delivery_id: uuid.UUID, request: Request, _: SubWriter) -> dict[str, str]:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await repository.replay_delivery(session, delivery_id):
            raise _not_found("replayable delivery", delivery_id)
    request.app.state.worker.wakeup.set()
    return {"id": str(delivery_id), "status": "pending"}


@router.post("/api-keys", status_code=201, response_model=ApiKeyCreated, tags=["auth"],
             summary="Create an API key (admin); the key is returned once")
async def create_key(body: ApiKeyIn, request: Request, _: Admin) -> ApiKeyCreated:
    key = auth.new_key()
    async with unit_of_work(request.app.state.sessions) as session:
        key_id = await auth.register(session, key, body.name, list(body.scopes))
    return ApiKeyCreated(id=key_id, name=body.name, scopes=list(body.scopes), key=key)
