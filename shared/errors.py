"""The three failure kinds (DESIGN.md rule 5) and which library errors count as transient."""

from __future__ import annotations

from aiokafka.errors import (
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
    UnknownError,
)
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError


class InvalidMessage(Exception):
    """The message can never be processed: it goes to the DLQ with this reason."""


class TransientError(Exception):
    """A dependency is down: retry later, do not commit."""


class TransientBudgetExceeded(RuntimeError):
    """A 'transient' failure outlasted its budget: exit loudly (an outage to page on, or a misclassified
    bug) rather than retry forever in silence."""


# OSErrors about local files are bugs or misconfiguration, never "a dependency is down". The rest
# (connection refused/reset, unreachable, DNS, timeouts) is transient; how long it may last is capped
# by the callers' budgets (`kafka.TRANSIENT_BUDGET_S`, `polling.TRANSIENT_BUDGET_S`).
_LOCAL_OS_ERRORS = (FileNotFoundError, FileExistsError, IsADirectoryError, NotADirectoryError, PermissionError)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, TransientError):
        return True
    if isinstance(exc, OSError):  # TimeoutError and asyncio.TimeoutError are OSErrors
        # A local file operation names its file; connecting to a Unix socket that is not there (yet: PostgreSQL
        # restarting, `make chaos` found it crashing the services) names none and is a dependency away.
        return not (isinstance(exc, _LOCAL_OS_ERRORS) and exc.filename is not None)
    if isinstance(exc, KafkaError) and exc.retriable:  # connection, timeout, unknown topic, leader moved ...
        return True
    if isinstance(exc, KafkaTimeoutError):
        return True
    # The broker's "unexpected server error" (-1). The embedded broker answers it to produce requests while it
    # creates a topic on first use, e.g. just after a restart (`make chaos` found outbox rows marked failed
    # for it); retried within the callers' budgets, a lasting one still ends loudly.
    if isinstance(exc, UnknownError):
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    # asyncpg connection loss surfaces as DBAPIError with connection_invalidated set; a server restarting
    # refuses new connections with SQLSTATE 57P03 ("the database system is shutting down") and the like
    return isinstance(exc, DBAPIError) and (bool(exc.connection_invalidated)
                                            or _sqlstate(exc.orig) in _SERVER_AWAY_SQLSTATES | _RETRY_SQLSTATES
                                            or _sqlstate(exc.orig)[:2] == "08")


# Operator intervention (admin/crash shutdown, cannot connect now) and too many connections: the server is
# restarting or saturated, not our data. Class 08 (connection exception) is matched by its prefix.
_SERVER_AWAY_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "53300"})
# A deadlock or a serialization failure: two replicas' batches met on the same rows; trying again succeeds.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def _sqlstate(orig: BaseException | None) -> str:
    return str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")


def is_unprocessable(exc: BaseException) -> bool:
    """No retry can help this message: it is invalid, what it produces is larger than Kafka takes, or
    PostgreSQL refuses its data (SQLSTATE class 22: a NUL in text, a value out of range)."""
    return isinstance(exc, InvalidMessage | MessageSizeTooLargeError | RecordTooLargeError | RecordListTooLargeError
                      | DataError)
