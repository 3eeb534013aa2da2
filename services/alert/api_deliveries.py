"""Alert HTTP API, the record of delivery: deliveries, every attempt, replays; API keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field, field_validator

from services.alert import delivery_repository, repository
from services.alert.api_subscriptions import printable
from shared import auth
from shared.db import unit_of_work

router = APIRouter()  # included under /v1 by api.py
Reader = Annotated[set[str], Depends(auth.require("read"))]
SubWriter = Annotated[set[str], Depends(auth.require("subscriptions:write"))]
Admin = Annotated[set[str], Depends(auth.require(auth.ADMIN))]


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


class Attempt(BaseModel):
    id: int
    delivery_id: uuid.UUID | None = Field(description="None for a test notice")
    alert_id: uuid.UUID | None
    subscription_id: uuid.UUID
    attempt: int
    started_at: datetime
    latency_ms: float
    status_code: int | None
    error: str | None
    response: str | None = Field(description="The start of the receiver's answer (up to 500 characters)")
    test: bool


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    scopes: list[Literal["admin", "articles:write", "subscriptions:write", "alerts:write", "read"]] = Field(
        min_length=1)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return printable(v, "name")


class ApiKeyCreated(BaseModel):
    id: uuid.UUID
    name: str
    scopes: list[str]
    key: str = Field(description="The API key. Shown only once; only its hash is stored.")


class ApiKey(BaseModel):
    id: uuid.UUID
    name: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


def _not_found(what: str, ident: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {ident}")


DeliveryStatus = Literal["pending", "succeeded", "failed", "cancelled"]


@router.get("/deliveries", response_model=list[Delivery], tags=["deliveries"], summary="Deliveries, newest first")
async def list_deliveries(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 100,
                          subscription_id: uuid.UUID | None = None, alert_id: uuid.UUID | None = None,
                          status_: Annotated[DeliveryStatus | None, Query(alias="status")] = None
                          ) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_deliveries(session, limit=limit, subscription_id=subscription_id,
                                                status=status_, alert_id=alert_id)


@router.get("/deliveries/attempts", response_model=list[Attempt], tags=["deliveries"],
            summary="The delivery log: every attempt (time, status, latency, the start of the answer), newest "
                    "first, for a subscription, a delivery or an alert")
async def list_attempts(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                        subscription_id: uuid.UUID | None = None, delivery_id: uuid.UUID | None = None,
                        alert_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await delivery_repository.list_attempts(session, limit=limit, subscription_id=subscription_id,
                                                       delivery_id=delivery_id, alert_id=alert_id)


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


@router.get("/api-keys", response_model=list[ApiKey], tags=["auth"],
            summary="API keys (admin): names, scopes, dates; never the key or its hash")
async def list_keys(request: Request, _: Admin) -> list[dict[str, object]]:
    async with request.app.state.sessions() as session:
        return await auth.list_keys(session)


@router.delete("/api-keys/{key_id}", status_code=204, tags=["auth"], responses={404: {"description": "No such key"}},
               summary="Revoke an API key (admin): refused at once here, within 5 s by the other services (they "
               "remember a valid key that long); its record is kept")
async def revoke_key(key_id: uuid.UUID, request: Request, _: Admin) -> None:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await auth.revoke(session, key_id):
            raise _not_found("API key", key_id)
    auth.forget()  # after the commit: a look-up in between would remember the key as still valid
