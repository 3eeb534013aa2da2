"""A receiver answering 429 or 503 with Retry-After gets at least the wait it asked for (capped at an hour),
never less than the retry schedule's; the number of attempts stays the schedule's."""

from __future__ import annotations

from datetime import UTC, datetime

from services.alert.delivery import MAX_RETRY_AFTER_S, next_retry_s, retry_after_s

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
    schedule = [5.0, 30.0]
    assert next_retry_s(schedule, 1, None) == 5.0
    assert next_retry_s(schedule, 1, 60.0) == 60.0
    assert next_retry_s(schedule, 2, 1.0) == 30.0
    assert next_retry_s(schedule, 3, 60.0) is None  # out of attempts: failed, whatever it asked
