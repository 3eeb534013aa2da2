"""Alert HTTP API: subscriptions, deliveries, API keys; alerts (incidents), rules and silences are in api_alerts.py."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.alert import repository
from services.alert.api_alerts import router as alerts_router
from services.alert.delivery import UnsafeTarget, check_target, new_secret
from services.alert.rules import Filters
from services.alert.targets import MAX_URL_LENGTH
from shared import auth
from shared.db import unit_of_work

router = APIRouter(prefix="/v1")
router.include_router(alerts_router)  # alerts (incidents), their stream, rules, silences: api_alerts.py
Reader = Annotated[set[str], Depends(auth.require("read"))]
SubWriter = Annotated[set[str], Depends(auth.require("subscriptions:write"))]
AlertWriter = Annotated[set[str], Depends(auth.require("alerts:write"))]
Admin = Annotated[set[str], Depends(auth.require(auth.ADMIN))]


def _printable(value: str, what: str) -> str:
    """PostgreSQL text cannot hold NUL or lone surrogates (a 500 otherwise); no control character belongs here."""
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000 for ch in value):
        raise ValueError(f"{what} must not contain control characters (NUL included) or lone surrogates")
    return value


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # checked in full (targets.check_target) by the endpoint, so the 422 says why in one sentence
    url: str = Field(max_length=MAX_URL_LENGTH, description="An absolute http(s) URL without credentials, "
                     "spaces or control characters (percent-encode them)")
    filters: Filters = Filters()

    @field_validator("filters")
    @classmethod
    def _filters(cls, v: Filters) -> Filters:
        values = [*(v.countries or []), *(v.facility_ids or []), *(v.actors or []), *(v.event_types or []),
                  *(v.languages or [])]
        if len(values) > 1000 or any(len(x) > 200 for x in values):
            raise ValueError("filters allow at most 1000 values in all, each up to 200 characters")
        for x in values:
            _printable(x, "filter values")
        return v


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


class Delivery(BaseModel):
    id: uuid.UUID
    alert_id: uuid.UUID
    notice_id: uuid.UUID | None = Field(default=None, description="The notice sent (None for deliveries made "
                                        "before incidents)")
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

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return _printable(v, "name")

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
               responses={404: {"description": "No such subscription"}},
               summary="Deactivate a subscription: its pending deliveries (retries, replays) are cancelled; "
                     "its delivery log is kept")
async def unsubscribe(sub_id: uuid.UUID, request: Request, _: SubWriter) -> None:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await repository.deactivate_subscription(session, sub_id):
            raise _not_found("subscription", sub_id)


@router.post("/subscriptions/{sub_id}/recover", status_code=202, tags=["subscriptions"],
             responses={404: {"description": "No such active subscription"}},
             summary="Re-queue every matching alert since a time that this subscription did not receive")
async def recover(sub_id: uuid.UUID, since: datetime, request: Request, _: SubWriter) -> dict[str, int]:
    async with unit_of_work(request.app.state.sessions) as session:
        queued = await repository.recover(session, sub_id, since)
    if queued is None:
        raise _not_found("active subscription", sub_id)
    request.app.state.worker.wakeup.set()
    return {"queued": queued}


@router.get("/deliveries", response_model=list[Delivery], tags=["deliveries"], summary="Delivery log")
async def list_deliveries(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                          subscription_id: uuid.UUID | None = None,
                          status_: Annotated[Literal["pending", "succeeded", "failed", "cancelled"] | None,
                                             Query(alias="status")] = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_deliveries(session, limit=limit, subscription_id=subscription_id,
                                                status=status_)


@router.post("/deliveries/{delivery_id}/replay", status_code=202, tags=["deliveries"],
             summary="Send a delivery again now",
             responses={404: {"description": "No such delivery"},
                        409: {"description": "An attempt is under way, or its subscription was deleted"}})
async def replay(delivery_id: uuid.UUID, request: Request, _: SubWriter) -> dict[str, str]:
    async with unit_of_work(request.app.state.sessions) as session:
        outcome = await repository.replay_delivery(session, delivery_id)
    if outcome is repository.Replay.NOT_FOUND:
        raise _not_found("delivery", delivery_id)
    if outcome is not repository.Replay.QUEUED:
        raise HTTPException(status.HTTP_409_CONFLICT, f"delivery {delivery_id} cannot be replayed: {outcome.value}")
    request.app.state.worker.wakeup.set()
    return {"id": str(delivery_id), "status": "pending"}


@router.post("/api-keys", status_code=201, response_model=ApiKeyCreated, tags=["auth"],
             summary="Create an API key (admin); the key is returned once")
async def create_key(body: ApiKeyIn, request: Request, _: Admin) -> ApiKeyCreated:
    key = auth.new_key()
    async with unit_of_work(request.app.state.sessions) as session:
        key_id = await auth.register(session, key, body.name, list(body.scopes))
    return ApiKeyCreated(id=key_id, name=body.name, scopes=list(body.scopes), key=key)

