"""Alert HTTP API, a subscriber's side: subscriptions and their controls (format, pause, test, secret rotation).
The delivery log and API keys: api_deliveries.py."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from services.alert import delivery_repository, repository, subscription_repository
from services.alert.delivery import Policy
from services.alert.formats import FORMATS, Format, render
from services.alert.notice import Notice, NoticeArticle, NoticeIncident
from services.alert.rules import Filters
from services.alert.targets import MAX_URL_LENGTH, UnsafeTarget, check_target
from services.alert.transport import new_secret, post, signed_request
from shared import auth
from shared.db import unit_of_work

router = APIRouter()  # included under /v1 by api.py
Reader = Annotated[set[str], Depends(auth.require("read"))]
SubWriter = Annotated[set[str], Depends(auth.require("subscriptions:write"))]
Admin = Annotated[set[str], Depends(auth.require(auth.ADMIN))]
_NO_SUB: dict[int | str, dict[str, Any]] = {404: {"description": "No such subscription"}}
ROUTING_KEY = r"^[A-Za-z0-9]{32}$"  # PagerDuty: "the 32 character Integration Key"


def printable(value: str, what: str) -> str:
    """PostgreSQL text cannot hold NUL or lone surrogates (a 500 otherwise); no control character belongs here."""
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000 for ch in value):
        raise ValueError(f"{what} must not contain control characters (NUL included) or lone surrogates")
    return value


def checked_filters(v: Filters) -> Filters:
    values = [*(v.countries or []), *(v.facility_ids or []), *(v.actors or []), *(v.event_types or []),
              *(v.languages or [])]
    if len(values) > 1000 or any(len(x) > 200 for x in values):
        raise ValueError("filters allow at most 1000 values in all, each up to 200 characters")
    for x in values:
        printable(x, "filter values")
    return v


_URL_DOC = "An absolute http(s) URL without credentials, spaces or control characters (percent-encode them)"
_FORMAT_DOC = ("`standard` (signed Standard Webhooks JSON), `alertmanager` (Alertmanager webhook v4 body), "
               "`pagerduty` (Events API v2: use https://events.pagerduty.com/v2/enqueue and a routing_key), "
               "`slack` (an incoming webhook URL)")


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # checked in full (targets.check_target) by the endpoint, so the 422 says why in one sentence
    url: str = Field(max_length=MAX_URL_LENGTH, description=_URL_DOC)
    filters: Filters = Filters()
    format: Format = Field(default="standard", description=_FORMAT_DOC)
    routing_key: str | None = Field(default=None, pattern=ROUTING_KEY,
                                    description="PagerDuty integration key (format pagerduty only)")
    rate_limit_per_s: float | None = Field(default=None, gt=0, le=10_000,
                                           description="At most this many attempts a second (per replica)")

    @field_validator("filters")
    @classmethod
    def _filters(cls, v: Filters) -> Filters:
        return checked_filters(v)

    @model_validator(mode="after")
    def _routing_key(self) -> SubscriptionIn:
        if (self.format == "pagerduty") != (self.routing_key is not None):
            raise ValueError("routing_key is required with format pagerduty, and only there")
        return self


class SubscriptionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str | None = Field(default=None, max_length=MAX_URL_LENGTH, description=_URL_DOC)
    filters: Filters | None = None
    format: Format | None = Field(default=None, description=_FORMAT_DOC)
    routing_key: str | None = Field(default=None, pattern=ROUTING_KEY)
    enabled: bool | None = Field(default=None, description="false pauses deliveries (they wait); true resumes "
                                 "them and clears a disabled reason and the circuit breaker")
    rate_limit_per_s: float | None = Field(default=None, gt=0, le=10_000)

    @field_validator("filters")
    @classmethod
    def _filters(cls, v: Filters | None) -> Filters | None:
        return v if v is None else checked_filters(v)


class SubscriptionCreated(BaseModel):
    id: uuid.UUID
    url: str
    filters: dict[str, Any]
    format: Format
    secret: str = Field(description="The Standard Webhooks signing secret. Shown only once.")


class Subscription(BaseModel):
    id: uuid.UUID
    url: str
    filters: dict[str, Any]
    format: Format
    routing_key_hint: str | None = Field(description="The PagerDuty routing key's last four characters")
    active: bool = Field(description="false once deleted")
    enabled: bool = Field(description="false while paused by its owner or disabled by delivery")
    disabled_reason: str | None
    disabled_at: datetime | None
    created_at: datetime
    consecutive_failures: int
    failing_since: datetime | None
    last_success_at: datetime | None
    circuit_open_until: datetime | None = Field(description="No attempt is made before then (circuit breaker)")
    rate_limit_per_s: float | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then notices carry a second signature, made with the secret before the last rotation")


class RotatedSecret(BaseModel):
    id: uuid.UUID
    secret: str = Field(description="The new signing secret. Shown only once.")
    previous_secret_valid_until: datetime = Field(description="The old secret signs too until then")


class TestResult(BaseModel):
    ok: bool
    webhook_id: str
    status_code: int | None
    latency_ms: float
    error: str | None
    response: str | None = Field(description="The start of the receiver's answer")


def _not_found(what: str, ident: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no {what} {ident}")


async def _check_url(request: Request, url: str) -> None:
    try:
        await check_target(url, request.app.state.settings.allow_private_webhook_targets)
    except UnsafeTarget as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc


@router.post("/subscriptions", status_code=201, response_model=SubscriptionCreated, tags=["subscriptions"],
             summary="Subscribe a webhook; the signing secret is returned once")
async def subscribe(body: SubscriptionIn, request: Request, _: SubWriter) -> SubscriptionCreated:
    await _check_url(request, body.url)
    secret = new_secret()
    async with unit_of_work(request.app.state.sessions) as session:
        sub_id = await repository.create_subscription(session, body.url, secret, body.filters, format=body.format,
                                                      routing_key=body.routing_key,
                                                      rate_limit_per_s=body.rate_limit_per_s)
    return SubscriptionCreated(id=sub_id, url=body.url, filters=body.filters.model_dump(exclude_none=True),
                               format=body.format, secret=secret)


@router.get("/subscriptions", response_model=list[Subscription], tags=["subscriptions"])
async def subscriptions(request: Request, _: Reader) -> list[dict[str, Any]]:
    async with request.app.state.sessions() as session:
        return await subscription_repository.list_subscriptions(session)


@router.get("/subscriptions/{sub_id}", response_model=Subscription, tags=["subscriptions"], responses=_NO_SUB)
async def subscription(sub_id: uuid.UUID, request: Request, _: Reader) -> dict[str, Any]:
    async with request.app.state.sessions() as session:
        row = await subscription_repository.get_subscription(session, sub_id)
    if row is None:
        raise _not_found("subscription", sub_id)
    return row


@router.patch("/subscriptions/{sub_id}", response_model=Subscription, tags=["subscriptions"], responses=_NO_SUB,
              summary="Change a subscription's url (checked as on creation), filters, format or routing key; "
                      "pause or resume it")
async def patch_subscription(sub_id: uuid.UUID, body: SubscriptionPatch, request: Request,
                             _: SubWriter) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    if any(changes.get(k, True) is None for k in ("url", "filters", "format", "enabled")):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "url, filters, format and enabled cannot be null")
    if "url" in changes:
        await _check_url(request, changes["url"])
    if "filters" in changes:
        changes["filters"] = body.filters.model_dump(exclude_none=True) if body.filters else {}
    async with unit_of_work(request.app.state.sessions) as session:
        current = await subscription_repository.get_subscription(session, sub_id, for_update=True)
        if current is None:
            raise _not_found("subscription", sub_id)
        fmt = changes.get("format", current["format"])
        key = changes["routing_key"] if "routing_key" in changes else current["routing_key"]
        if fmt != "pagerduty":
            changes["routing_key"] = key = None
        if fmt == "pagerduty" and key is None:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "format pagerduty needs a routing_key")
        await subscription_repository.update_subscription(session, sub_id, changes)
        row = await subscription_repository.get_subscription(session, sub_id)
    if changes.get("enabled"):
        request.app.state.worker.wakeup.set()
    assert row is not None  # updated in this transaction
    return row


@router.delete("/subscriptions/{sub_id}", status_code=204, tags=["subscriptions"], responses=_NO_SUB,
               summary="Deactivate a subscription: its pending deliveries (retries, replays) are cancelled; "
                     "its delivery log is kept")
async def unsubscribe(sub_id: uuid.UUID, request: Request, _: SubWriter) -> None:
    async with unit_of_work(request.app.state.sessions) as session:
        if not await repository.deactivate_subscription(session, sub_id):
            raise _not_found("subscription", sub_id)


@router.post("/subscriptions/{sub_id}/rotate-secret", response_model=RotatedSecret, tags=["subscriptions"],
             responses=_NO_SUB, summary="A new signing secret (shown once); notices carry signatures with both "
             "the new and the old secret for the overlap (24 h by default)")
async def rotate_secret(sub_id: uuid.UUID, request: Request, _: SubWriter) -> RotatedSecret:
    secret = new_secret()
    async with unit_of_work(request.app.state.sessions) as session:
        until = await subscription_repository.rotate_secret(session, sub_id, secret,
                                                            request.app.state.settings.secret_rotation_overlap_s)
    if until is None:
        raise _not_found("subscription", sub_id)
    return RotatedSecret(id=sub_id, secret=secret, previous_secret_valid_until=until)


def test_notice(sub_id: uuid.UUID) -> Notice:
    now = datetime.now(UTC).replace(microsecond=0)
    incident = NoticeIncident(
        id=f"test-{sub_id}", fingerprint=f"raqib-test-{sub_id}", rule="test", severity="info", state="firing",
        facility_id="test:al-hol-camp", facility="al-Hol camp (test)", facility_ar="مخيم الهول", kind="camp",
        country="SY", first_seen=now, last_seen=now, article_count=1, sources=["example.org"], languages=["ar"])
    article = NoticeArticle(article_id="art_test", url="https://example.org/test", title="اختبار رقيب",
                            source="example.org", lang="ar", evidence="هذا إشعار تجريبي عن مخيم الهول.",
                            surface="مخيم الهول", joined_at=now)
    return Notice(id=f"test-{uuid.uuid4()}", kind="test", incident=incident, articles=[article],
                  summary="Raqib test notice: مخيم الهول", created_at=now)


@router.post("/subscriptions/{sub_id}/test", response_model=TestResult, tags=["subscriptions"], responses=_NO_SUB,
             summary="Send a signed test notice in the subscription's format now; the receiver's answer is "
                     "returned and logged")
async def send_test(sub_id: uuid.UUID, request: Request, _: SubWriter) -> TestResult:
    async with request.app.state.sessions() as session:
        sub = await subscription_repository.get_subscription(session, sub_id)
    if sub is None:
        raise _not_found("subscription", sub_id)
    settings, worker = request.app.state.settings, request.app.state.worker
    policy: Policy = worker.policy
    webhook_id = f"test_{uuid.uuid4().hex}"
    body = render(test_notice(sub_id), sub["format"], routing_key=sub["routing_key"], public_url=settings.public_url)
    secrets_ = [sub["secret"]] + ([sub["previous_secret"]] if sub["previous_secret"] else [])
    encoded, headers = signed_request(webhook_id, secrets_, body)
    outcome = await post(worker.client, sub["url"], encoded, headers, allow_private=policy.allow_private,
                         timeout_s=policy.timeout_s)
    async with unit_of_work(request.app.state.sessions) as session:
        await delivery_repository.log_attempt(session, sub_id, None, 1, outcome, test=True)
    return TestResult(ok=outcome.ok, webhook_id=webhook_id, status_code=outcome.status_code,
                      latency_ms=round(outcome.latency_ms, 1), error=outcome.error, response=outcome.response)


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


__all__ = ["FORMATS", "printable", "router"]
