"""Which errors are transient (retried, within a budget), which make a message unprocessable (DLQ), and
which are bugs (crash)."""

from __future__ import annotations

from aiokafka.errors import (
    CommitFailedError,
    KafkaConnectionError,
    MessageSizeTooLargeError,
    UnknownTopicOrPartitionError,
)

from shared.errors import InvalidMessage, is_transient, is_unprocessable


def test_network_and_retriable_kafka_errors_are_transient() -> None:
    for exc in (ConnectionRefusedError(111, "refused"), ConnectionResetError(), TimeoutError(),
                OSError("Multiple exceptions: [Errno 111] Connect call failed"),
                KafkaConnectionError(), UnknownTopicOrPartitionError()):
        assert is_transient(exc), repr(exc)


def test_local_file_errors_and_rebalance_errors_are_not_transient() -> None:
    for exc in (FileNotFoundError(2, "x"), PermissionError(13, "x"), IsADirectoryError(), CommitFailedError(),
                MessageSizeTooLargeError(), ValueError()):
        assert not is_transient(exc), repr(exc)


def test_a_too_large_output_makes_the_message_unprocessable() -> None:
    assert is_unprocessable(MessageSizeTooLargeError()) and is_unprocessable(InvalidMessage("x"))
    assert not is_unprocessable(KafkaConnectionError()) and not is_unprocessable(AttributeError())
