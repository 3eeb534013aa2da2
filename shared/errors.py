"""The three failure kinds (DESIGN.md rule 5) and which library errors count as transient."""

from __future__ import annotations

from aiokafka.errors import (
    KafkaError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
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
        return not isinstance(exc, _LOCAL_OS_ERRORS)
    if isinstance(exc, KafkaError) and exc.retriable:  # connection, timeout, unknown topic, leader moved ...
        return True
    if isinstance(exc, KafkaTimeoutError):
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    # asyncpg connection loss surfaces as DBAPIError with connection_invalidated set
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def is_unprocessable(exc: BaseException) -> bool:
    """No retry can help this message: it is invalid, what it produces is larger than Kafka takes, or
    PostgreSQL refuses its data (SQLSTATE class 22: a NUL in text, a value out of range)."""
    return isinstance(exc, InvalidMessage | MessageSizeTooLargeError | RecordTooLargeError | RecordListTooLargeError
                      | DataError)
