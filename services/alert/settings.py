from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from services.alert.rules import DEFAULT_RULES
from shared.settings import ServiceSettings

# Standard Webhooks' (Svix's) schedule: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
DEFAULT_RETRY_SCHEDULE = "0,5s,5m,30m,2h,5h,10h,10h"
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_schedule(value: str) -> list[float]:
    """`0,5s,5m,30m,2h` (seconds when no unit) or a JSON list of seconds -> seconds before each attempt."""
    text = value.strip()
    if text.startswith("["):
        items = [float(x) for x in json.loads(text)]
    else:
        items = []
        for part in text.split(","):
            m = _DURATION.match(part)
            if m is None:
                raise ValueError(f"retry schedule entry {part.strip()!r} is not a duration like 30, 5s, 5m, 2h, 1d")
            items.append(float(m.group(1)) * _UNITS[m.group(2)])
    if not 1 <= len(items) <= 50:
        raise ValueError("the retry schedule needs 1 to 50 entries (the first attempt, then each retry)")
    if any(x < 0 or x > 7 * 86400 for x in items):
        raise ValueError("retry schedule entries must be between 0 and 7 days")
    return items


class AlertSettings(ServiceSettings):
    port: int = 8002
    consumer_group: str = "raqib-alert"
    # Production refuses webhook targets on loopback/private networks (SSRF); the dev stack allows them.
    allow_private_webhook_targets: bool = False
    # The whole attempt (DNS, connect, send, the answer): a receiver that drips bytes still times out.
    # Capped well under the delivery lease (delivery_lease_s), so an attempt ends before its lease does.
    delivery_timeout_s: float = Field(default=10.0, gt=0, le=60)
    # The wait before each attempt: the first (applied as 0: a notice goes out at once), then each retry;
    # attempts = entries. Each wait is jittered by +-delivery_retry_jitter.
    delivery_retry_schedule: str = DEFAULT_RETRY_SCHEDULE
    delivery_retry_jitter: float = Field(default=0.2, ge=0, lt=1)
    delivery_concurrency: int = Field(default=16, ge=1, le=256)
    # At most this many attempts in flight to one subscription per replica, and at most this rate
    # (a token bucket per replica; a subscription's own rate_limit_per_s wins): one endpoint cannot take
    # every slot.
    delivery_subscription_concurrency: int = Field(default=4, ge=1, le=256)
    delivery_rate_limit_per_s: float = Field(default=50.0, gt=0, le=10_000)
    # Circuit breaker: after this many failures in a row no attempt is made to the subscription for
    # delivery_breaker_open_s (doubling while it keeps failing, up to delivery_breaker_max_open_s); then
    # one probe at a time until one succeeds. Its deliveries wait without spending attempts.
    delivery_breaker_failures: int = Field(default=5, ge=1, le=1000)
    delivery_breaker_open_s: float = Field(default=30.0, gt=0, le=86400)
    delivery_breaker_max_open_s: float = Field(default=600.0, gt=0, le=86400)
    # A subscription failing for this long without one success is disabled, with the reason shown.
    delivery_disable_after_s: float = Field(default=5 * 86400.0, gt=0)
    # After a secret rotation the previous secret signs too (two signatures) for this long.
    secret_rotation_overlap_s: float = Field(default=86400.0, ge=0, le=30 * 86400)
    # How long a claimed delivery stays leased to the worker that claimed it: a worker that dies (or cannot
    # record its attempt) holds its deliveries this long, then another attempts them (same webhook-id).
    delivery_lease_s: int = Field(default=120, ge=5, le=3600)
    # The alert rules (YAML, validated at start-up: a bad file stops the service with the line and the reason).
    alert_rules: Path = DEFAULT_RULES
    # How often the notice scheduler looks for due notices (it is also woken when an article joins an incident).
    notice_poll_s: float = Field(default=1.0, gt=0, le=60)
    # Alertmanager push: every incident posted to <url>/api/v2/alerts, re-posted while firing.
    alertmanager_url: str | None = None
    alertmanager_repost_s: float = Field(default=60.0, ge=1, le=3600)
    # Where Raqib's API is reached from outside (Alertmanager generatorURL / externalURL, Slack links).
    public_url: str = "http://127.0.0.1:8002"

    @field_validator("delivery_retry_schedule")
    @classmethod
    def _schedule(cls, v: str) -> str:
        parse_schedule(v)
        return v

    @property
    def retry_schedule_s(self) -> list[float]:
        return parse_schedule(self.delivery_retry_schedule)

    @model_validator(mode="after")
    def _lease_outlives_attempt(self) -> AlertSettings:
        if self.delivery_lease_s <= self.delivery_timeout_s + 2:
            raise ValueError("delivery_lease_s must exceed delivery_timeout_s by more than 2 s (an attempt ends "
                             "before its lease does)")
        return self
