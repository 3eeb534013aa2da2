from __future__ import annotations

import pytest

from shared.kafka import DeadLetterBudget, DLQRatioExceeded


def test_an_occasional_invalid_message_is_tolerated() -> None:
    budget = DeadLetterBudget(max_ratio=0.5, window=10)
    for i in range(100):
        budget.record(i % 3 != 0, "t")  # a third invalid, forever


def test_a_broken_deploy_stops_the_consumer_once_the_window_is_full() -> None:
    budget = DeadLetterBudget(max_ratio=0.5, window=10)
    for _ in range(9):
        budget.record(False, "t")  # the window is not full yet: no verdict on 9 messages
    with pytest.raises(DLQRatioExceeded, match="10 of the last 10 messages on t"):
        budget.record(False, "t")
