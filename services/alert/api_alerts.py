"""Alert HTTP API, incidents: alerts (an alert is an incident), their stream, ack and resolve, the rules in force,
silences. Included in api.router (prefix /v1)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from services.alert import incident_repository as incident_repo
from services.alert import notice_repository as notice_repo
from services.alert import repository
from services.alert import silence_repository as silence_repo
from services.alert.silences import Silence, SilenceIn
from services.alert.stream import AlertFeed, sse_events
from shared import auth
from shared.db import unit_of_work

router = APIRouter()
Reader = Annotated[set[str], Depends(auth.require("read"))]
AlertWriter = Annotated[set[str], Depends(auth.require("alerts:write"))]


def _not_found(what: str, ident: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {ident}")


class Alert(BaseModel):
    """An alert is an incident: one facility named within a grouping window, by any number of articles."""

    id: uuid.UUID
    fingerprint: str = Field(description="Stable for the incident's life (PagerDuty's dedup_key)")
    article_id: str = Field(description="The article that opened the incident")
    facility_id: str
    facility_name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    status: str = Field(description="firing, acknowledged or resolved")
    created_at: datetime
    payload: dict[str, Any] = Field(description="The incident as last changed (the notices' `incident`)")
    rule: str
    severity: str = Field(description="critical, warning or info")
    spike: bool = Field(description="Raised by the spike rule")
    silenced: bool = Field(description="A silence covers it: recorded, not delivered")
    labels: dict[str, str]
    first_seen: datetime
    last_seen: datetime
    article_count: int
    sources: list[str] = Field(description="Distinct outlets (URL domains) backing it")
    languages: list[str]
    event_types: list[str] = Field(description="Strongest first")
    actors: list[str]
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    notified_at: datetime | None = Field(description="When the last notice was written")
    notified_kind: str | None


class AlertArticle(BaseModel):
    article_id: str
    url: str | None
    title: str | None
    source: str | None
    lang: str | None
    published_at: datetime | None
    evidence: str = Field(description="The sentence naming the facility")
    surface: str
    event_types: list[str]
    joined_at: datetime


class AlertNotice(BaseModel):
    id: uuid.UUID
    kind: str
    created_at: datetime


class AlertDetail(Alert):
    articles: list[AlertArticle] = Field(description="Newest first (up to 500)")
    notices: list[AlertNotice]


_NO_ALERT: dict[int | str, dict[str, Any]] = {404: {"description": "No such alert"}}


_Plain = Query(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


@router.get("/alerts", response_model=list[Alert], tags=["alerts"],
            summary="Alerts (incidents), newest first, with filters")
async def list_alerts(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      before: datetime | None = None,
                      status_: Annotated[Literal["firing", "acknowledged", "resolved"] | None,
                                         Query(alias="status")] = None,
                      facility_id: Annotated[str | None, _Plain] = None,
                      severity: Literal["critical", "warning", "info"] | None = None,
                      kind: Literal["prison", "camp"] | None = None,
                      rule: Annotated[str | None, _Plain] = None,
                      silenced: bool | None = None) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await repository.list_alerts(session, limit=limit, before=before, status=status_,
                                            facility_id=facility_id, severity=severity, kind=kind, rule=rule,
                                            silenced=silenced)


@router.get("/alerts/stream", tags=["alerts"], response_class=StreamingResponse,
            summary="Server-sent events: every change of every incident as it happens",
            description="Each event is `event: alert.<change>` (opened, article_joined, notified, silenced, "
                        "unsilenced, acknowledged, resolved), `id: <change number>`, `data: <AlertChanged JSON>`. "
                        "Reconnect with `Last-Event-ID` (or `?since=`) to get every change you missed first "
                        "(an alert id, as sent before incidents, is accepted and replays from `since`, if given) "
                        "(all of them, read a page at a time; changes are numbered in commit order, so none is "
                        "skipped with several replicas); a comment line is sent every 15 s to keep the "
                        "connection open.")
async def stream(request: Request, _: Reader, since: datetime | None = None,
                 last_event_id: Annotated[str | None, Header()] = None) -> StreamingResponse:
    after_seq = None
    if last_event_id and last_event_id.isascii() and last_event_id.isdigit() and len(last_event_id) <= 18:
        after_seq = int(last_event_id)
    elif last_event_id and not _is_uuid(last_event_id):  # an alert id: a client of the stream before incidents
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            "Last-Event-ID must be a change number (the id of an event of this stream)")

    async def stop() -> bool:
        return bool(request.app.state.draining) or await request.is_disconnected()

    feed: AlertFeed = request.app.state.feed
    client = feed.subscribe()  # before the backlog is read, so nothing falls between the two
    events = sse_events(client, feed, request.app.state.sessions, after_seq=after_seq,
                        since=since if after_seq is None else None, stop=stop)
    return StreamingResponse(events, media_type="text/event-stream",
                             headers={"cache-control": "no-cache", "x-accel-buffering": "no"})


@router.get("/alerts/{alert_id}", response_model=AlertDetail, tags=["alerts"], responses=_NO_ALERT,
            summary="An alert (incident) with its articles and evidence, and the notices written for it")
async def get_alert(alert_id: uuid.UUID, request: Request, _: Reader) -> dict[str, Any]:
    async with request.app.state.sessions() as session:
        row = await repository.get_alert(session, alert_id)
        if row is None:
            raise _not_found("alert", alert_id)
        return row | await notice_repo.details(session, alert_id)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


_CONFLICT: dict[int | str, dict[str, Any]] = {**_NO_ALERT, 409: {"description": "The incident is resolved"}}


async def _set_status(request: Request, alert_id: uuid.UUID, new_status: str) -> dict[str, Any]:
    now = incident_repo.utcnow()
    async with unit_of_work(request.app.state.sessions) as session:
        active = await silence_repo.list_silences(session, now, active_only=True)
        row = await notice_repo.set_status(session, alert_id, new_status, now, active)
    if row is None:
        raise _not_found("alert", alert_id)
    if isinstance(row, str):
        raise HTTPException(status.HTTP_409_CONFLICT, row)
    request.app.state.worker.wakeup.set()  # its notice
    request.app.state.relay.wakeup.set()  # its change event
    return dict(row)


@router.post("/alerts/{alert_id}/ack", response_model=Alert, tags=["alerts"], responses=_CONFLICT,
             summary="Acknowledge an incident (subscribers that were notified get an `acknowledged` notice); "
                     "articles still join it")
async def ack(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "acknowledged")


@router.post("/alerts/{alert_id}/resolve", response_model=Alert, tags=["alerts"], responses=_NO_ALERT,
             summary="Resolve an incident (subscribers that were notified get a `resolved` notice); the next "
                     "article naming the facility opens a new one")
async def resolve(alert_id: uuid.UUID, request: Request, _: AlertWriter) -> dict[str, Any]:
    return await _set_status(request, alert_id, "resolved")


@router.get("/rules", tags=["rules"], summary="The alert rules in force (from RAQIB_ALERT_RULES)",
            description="Durations are in seconds; `repeat_interval`/`resolve_after` null means off.")
async def rules(request: Request, _: Reader) -> dict[str, Any]:
    return request.app.state.rules.model_dump(mode="json")


@router.post("/silences", status_code=201, tags=["silences"],
             summary="Silence incidents matching every matcher between starts_at and ends_at: they are recorded "
                     "(flag `silenced`) but not delivered")
async def create_silence(body: SilenceIn, request: Request, _: AlertWriter) -> dict[str, uuid.UUID]:
    now = incident_repo.utcnow()
    if body.ends_at <= now:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "ends_at must be in the future")
    async with unit_of_work(request.app.state.sessions) as session:
        sid = await silence_repo.create_silence(session, body, now)
    request.app.state.scheduler.wakeup.set()
    return {"id": sid}


@router.get("/silences", response_model=list[Silence], tags=["silences"], summary="Silences, newest first")
async def list_silences(request: Request, _: Reader) -> list[Silence]:
    async with request.app.state.sessions() as session:
        return await silence_repo.list_silences(session, incident_repo.utcnow())


@router.delete("/silences/{silence_id}", status_code=204, tags=["silences"],
               responses={404: {"description": "No such silence"}},
               summary="Expire a silence now (it stays listed, state `expired`)")
async def expire_silence(silence_id: uuid.UUID, request: Request, _: AlertWriter) -> None:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await silence_repo.expire_silence(session, silence_id, incident_repo.utcnow()):
            raise _not_found("silence", silence_id)
    request.app.state.scheduler.wakeup.set()
