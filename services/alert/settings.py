from __future__ import annotations

from pydantic import Field

from shared.settings import ServiceSettings


class AlertSettings(ServiceSettings):
    port: int = 8002
    consumer_group: str = "raqib-alert"
    # Production refuses webhook targets on loopback/private networks (SSRF); the dev stack allows them.
    allow_private_webhook_targets: bool = False
    delivery_timeout_s: float = Field(default=10.0, gt=0)
    # Wait before retry n (Standard Webhooks-style exponential schedule); attempts = len + 1.
    delivery_backoff_s: list[float] = Field(default_factory=lambda: [5.0, 30.0, 120.0, 600.0, 3600.0])
    delivery_concurrency: int = Field(default=16, ge=1, le=256)
