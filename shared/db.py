"""Database engine and the one-commit-point unit of work. Repositories flush; only `unit_of_work` commits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from shared.settings import async_database_url


def json_dumps(value: Any) -> str:
    """JSON for json/jsonb columns: orjson (several times json.dumps' speed: the alert service serialises every
    incident snapshot, notice and change event into jsonb), json.dumps for what orjson refuses (an integer over
    64 bits). Non-string keys become strings, as json.dumps makes them."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(value)


def json_loads(text: str) -> Any:
    """orjson's reading of a json/jsonb value (an integer over 64 bits comes back as a float: Raqib stores none,
    its numbers are counts, scores and sequence numbers); json.loads for what orjson refuses."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # e.g. a number outside orjson's range: json reads it
        return json.loads(text)


def make_engine(url: str, pool_size: int = 10) -> AsyncEngine:
    # hide_parameters: a failed statement's error (and so its traceback in a log) must not carry the
    # values bound to it: webhook signing secrets, API key hashes, article text.
    # No pre-ping: it cost a round trip per checkout (~15 % of an article POST, measured). A connection the
    # server dropped (a PostgreSQL restart) fails its first statement as a disconnect, which invalidates the
    # whole pool: that one request answers 503 + Retry-After, that one message is retried (transient).
    return create_async_engine(async_database_url(url), pool_size=pool_size, max_overflow=10,
                               pool_pre_ping=False, pool_recycle=1800, hide_parameters=True,
                               json_serializer=json_dumps, json_deserializer=json_loads)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction: committed if the block succeeds, rolled back if it raises."""
    async with sessions() as session, session.begin():
        yield session


@asynccontextmanager
async def autocommit(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """No transaction: each statement commits by itself. Only for work whose every statement is a whole unit of
    work on its own (one atomic statement, e.g. a claim by UPDATE .. RETURNING). It saves the BEGIN and COMMIT
    round trips (asyncpg sends each alone); the isolation level is restored when the connection goes back."""
    async with sessions() as session:
        await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        yield session


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
