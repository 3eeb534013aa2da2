"""A receiver answering 429 or 503 with Retry-After gets at least the wait it asked for (capped at an hour),
never less than the retry schedule's; the number of attempts stays the schedule's."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from services.alert.delivery import MAX_RETRY_AFTER_S, next_retry_s, retry_after_s
from services.alert.settings import AlertSettings

NOW = datetime(2026, 12, 2, 7, 0, 0, tzinfo=UTC)


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert retry_after_s("30") == 30.0
    assert retry_after_s(" 0 ") == 0.0
    assert retry_after_s("Wed, 02 Dec 2026 07:02:00 GMT", now=NOW) == 120.0
    assert retry_after_s("Wed, 02 Dec 2026 06:59:00 GMT", now=NOW) == 0.0  # in the past: now
    assert retry_after_s("86400") == MAX_RETRY_AFTER_S
    for unreadable in (None, "", "soon", "-5", "1.5e3"):
        assert retry_after_s(unreadable) is None, unreadable


def test_the_longer_of_the_schedule_and_the_receivers_wish_and_no_extra_attempts() -> None:
    schedule = [0.0, 5.0, 30.0]  # the first attempt, then two retries
    assert next_retry_s(schedule, 1, None) == 5.0
    assert next_retry_s(schedule, 1, 60.0) == 60.0
    assert next_retry_s(schedule, 2, 1.0) == 30.0
    assert next_retry_s(schedule, 3, 60.0) is None  # out of attempts: failed, whatever it asked


def test_waits_are_jittered_by_up_to_a_fifth_either_way() -> None:
    rng = random.Random(7)
    waits = [next_retry_s([0.0, 100.0], 1, None, 0.2, rng) for _ in range(2000)]
    assert all(w is not None and 80.0 <= w <= 120.0 for w in waits)
    assert min(w for w in waits if w) < 82 and max(w for w in waits if w) > 118  # the whole band is used
    assert len(set(waits)) > 1900  # receivers failing together are not retried in step
    assert next_retry_s([0.0, 100.0], 1, 500.0, 0.2, rng) == 500.0  # Retry-After still wins


def test_the_default_schedule_is_standard_webhooks_and_configurable() -> None:
    assert AlertSettings().retry_schedule_s == [0, 5, 300, 1800, 7200, 18000, 36000, 36000]
    assert AlertSettings(delivery_retry_schedule="0, 1.5s, 2m, 1d").retry_schedule_s == [0, 1.5, 120, 86400]
    assert AlertSettings(delivery_retry_schedule="[0, 0.5, 1]").retry_schedule_s == [0, 0.5, 1]
    for bad in ("0,5x", "", "0,-1", "[0, 999999999]"):
        with pytest.raises(ValidationError):
            AlertSettings(delivery_retry_schedule=bad)
