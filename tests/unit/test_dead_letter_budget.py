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


def test_the_running_count_agrees_with_counting_the_window() -> None:
    """The invalid count is kept incrementally (and valid outcomes may come in bulk): it must raise exactly when
    counting the last `window` outcomes says so."""
    import random
    from collections import deque

    rng = random.Random(7)
    for _ in range(200):
        window, ratio = rng.randint(1, 12), rng.choice([0.2, 0.5, 0.8])
        budget, reference = DeadLetterBudget(max_ratio=ratio, window=window), deque[bool](maxlen=window)
        for _ in range(60):
            n, ok = rng.randint(1, 5), rng.random() < 0.7
            reference_raises = False
            for _ in range(n if ok else 1):
                reference.append(ok)
                if len(reference) == window and reference.count(False) / window > ratio:
                    reference_raises = True
                    break
            try:
                budget.record_ok(n, "t") if ok else budget.record(False, "t")
            except DLQRatioExceeded:
                assert reference_raises
                break
            assert not reference_raises
