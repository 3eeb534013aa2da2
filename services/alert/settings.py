from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from services.alert.rules import DEFAULT_RULES
from shared.settings import ServiceSettings


class AlertSettings(ServiceSettings):
    port: int = 8002
    consumer_group: str = "raqib-alert"
    # Production refuses webhook targets on loopback/private networks (SSRF); the dev stack allows them.
    allow_private_webhook_targets: bool = False
    # The whole attempt (DNS, connect, send, the answer): a receiver that drips bytes still times out.
    # Capped well under the delivery lease (delivery_lease_s), so an attempt ends before its lease does.
    delivery_timeout_s: float = Field(default=10.0, gt=0, le=60)
    # Wait before retry n (Standard Webhooks-style exponential schedule); attempts = len + 1.
    delivery_backoff_s: list[float] = Field(default_factory=lambda: [5.0, 30.0, 120.0, 600.0, 3600.0])
    delivery_concurrency: int = Field(default=16, ge=1, le=256)
    # How long a claimed delivery stays leased to the worker that claimed it: a worker that dies (or cannot
    # record its attempt) holds its deliveries this long, then another attempts them (same webhook-id).
    delivery_lease_s: int = Field(default=120, ge=5, le=3600)
    # The alert rules (YAML, validated at start-up: a bad file stops the service with the line and the reason).
    alert_rules: Path = DEFAULT_RULES
    # How often the notice scheduler looks for due notices (it is also woken when an article joins an incident).
    notice_poll_s: float = Field(default=1.0, gt=0, le=60)

    @model_validator(mode="after")
    def _lease_outlives_attempt(self) -> AlertSettings:
        if self.delivery_lease_s <= self.delivery_timeout_s + 2:
            raise ValueError("delivery_lease_s must exceed delivery_timeout_s by more than 2 s (an attempt ends "
                             "before its lease does)")
        return self
