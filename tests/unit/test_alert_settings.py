"""The delivery lease is a setting (`make chaos` shortens it so a SIGKILLed worker's deliveries are retried in
seconds); it must outlast an attempt, or a slow attempt would be sent twice by two workers at once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.alert.delivery import LEASE_S, DeliveryWorker, Policy
from services.alert.settings import AlertSettings


def test_the_lease_defaults_to_two_minutes_and_must_outlast_an_attempt() -> None:
    assert AlertSettings().delivery_lease_s == LEASE_S == 120
    assert AlertSettings(delivery_timeout_s=2, delivery_lease_s=8).delivery_lease_s == 8
    with pytest.raises(ValidationError, match="delivery_lease_s must exceed"):
        AlertSettings(delivery_timeout_s=10, delivery_lease_s=12)


def test_the_worker_claims_with_the_configured_lease() -> None:
    settings = AlertSettings(delivery_timeout_s=2, delivery_lease_s=8)
    worker = DeliveryWorker(None, Policy.from_settings(settings))  # type: ignore[arg-type]
    assert worker.lease_s == 8
