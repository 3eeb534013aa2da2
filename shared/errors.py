"""The three failure kinds (DESIGN.md rule 5) and which library errors count as transient."""

from __future__ import annotations

import asyncio

from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError, NodeNotReadyError, RequestTimedOutError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError


class InvalidMessage(Exception):
    """The message can never be processed: it goes to the DLQ with this reason."""


class TransientError(Exception):
    """A dependency is down: retry later, do not commit."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, TransientError | OSError | asyncio.TimeoutError | TimeoutError):
        return True
    if isinstance(exc, KafkaConnectionError | KafkaTimeoutError | NodeNotReadyError | RequestTimedOutError):
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    # asyncpg connection loss surfaces as DBAPIError with connection_invalidated set
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)
