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
    for exc in (FileNotFoundError(2, "x", "/etc/raqib.yaml"), PermissionError(13, "x", "/data"),
                IsADirectoryError(21, "x", "/tmp"), CommitFailedError(),
                MessageSizeTooLargeError(), ValueError()):
        assert not is_transient(exc), repr(exc)


def test_a_too_large_output_makes_the_message_unprocessable() -> None:
    assert is_unprocessable(MessageSizeTooLargeError()) and is_unprocessable(InvalidMessage("x"))
    assert not is_unprocessable(KafkaConnectionError()) and not is_unprocessable(AttributeError())


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def test_a_restarting_or_unreachable_postgres_is_transient_bad_data_and_bugs_are_not() -> None:
    """`make chaos` found it: during a PostgreSQL restart new connections fail with 57P03 ("the database
    system is shutting down"), surfaced as a DBAPIError without connection_invalidated: it crashed every
    service."""
    from sqlalchemy.exc import DBAPIError

    for state in ("57P03", "57P01", "08006", "08001", "53300", "40P01", "40001"):  # 40xxx: deadlock, serialization
        assert is_transient(DBAPIError("SELECT 1", None, _PgError(state))), state
    for state in ("23505", "42P01", "22021", ""):
        assert not is_transient(DBAPIError("SELECT 1", None, _PgError(state))), state


def test_the_brokers_unknown_server_error_is_transient() -> None:
    """The embedded broker answers UnknownError to produce requests while it auto-creates a topic (just after
    a restart): the outbox marked such rows failed for good."""
    from aiokafka.errors import UnknownError

    assert is_transient(UnknownError())


def test_a_unix_socket_that_is_not_there_is_transient() -> None:
    """`make chaos` found it: PostgreSQL on a Unix socket (the embedded one) restarting removes the socket file;
    asyncpg's connect then raises a bare FileNotFoundError (no file name), which crashed every service."""
    assert is_transient(FileNotFoundError(2, "No such file or directory"))
    assert is_transient(ConnectionRefusedError(111, "Connection refused"))
    assert not is_transient(FileNotFoundError(2, "No such file or directory", "/srv/raqib/gazetteer.yaml"))
