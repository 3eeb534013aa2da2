"""Database engine and the one-commit-point unit of work. Repositories flush; only `unit_of_work` commits."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from sqlalchemy import ARRAY, Table, TypeDecorator, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

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


class NativeArray(TypeDecorator[list[Any]]):
    """A PostgreSQL array parameter bound as the driver takes it: asyncpg encodes a list itself, so SQLAlchemy's
    per-element pass over every array (ARRAY's bind processor: ~5 % of a single article POST, py-spy) is skipped.
    For values already of the driver's types (str, int, float, bool, bytes, datetime, UUID, None); the SQL is the
    same (`$n::BIGINT[]`)."""

    impl = ARRAY
    cache_ok = True

    def bind_processor(self, dialect: Any) -> None:
        return None


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


Executor = AsyncSession | AsyncConnection  # what runs Core statements: `execute` alike


@asynccontextmanager
async def autocommit_connection(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncConnection]:
    """`autocommit`, on a Core connection of the sessions' engine rather than an ORM session: for Core statements
    only; it saves the session's own work per use (its transaction object, the connection's checkout through it,
    its close: ~10 % of a single article POST's CPU, py-spy)."""
    engine = sessions.kw["bind"]
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


def _json_default(value: Any) -> str:
    """What orjson leaves to BulkInsert: bytes as bytea's text input (hex), a UUID subclass (asyncpg's, read back
    from the database) as its text; anything else it refuses fails the JSON."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class BulkInsert:
    """Rows for several tables, written by one statement at flush(): one round trip where an executemany per table
    took one each (and SQLAlchemy's per-statement work). Each table's rows go in as one jsonb array, read back by
    jsonb_populate_recordset into the table's own column types, in the order given (identities are handed out in
    that order); every INSERT but the last is a data-modifying CTE of the last. Foreign keys are checked at the end
    of the statement, so a row may refer to one added before it here. The rows of a table name the same columns;
    a column left out gets its default, as with insert(table). A table's rows added twice (same columns and
    `skip_conflicts`) go in as one list, in the order added. What one statement could not do as the executemany
    per table did is written that way, table after table: rows that JSON cannot carry as the driver would bind them
    (an integer over 64 bits, a null in a jsonb column), and a table added twice otherwise (the parts of one
    statement do not see each other's rows: a conflict between them would not be skipped, and PostgreSQL runs
    them in an order of its own)."""

    def __init__(self) -> None:
        self.items: list[tuple[Table, list[dict[str, Any]], bool]] = []
        self.one_statement = True

    def add(self, table: Table, rows: list[dict[str, Any]], *, skip_conflicts: bool = False) -> None:
        """`skip_conflicts`: ON CONFLICT DO NOTHING (a conflict with a row stored before the flush)."""
        if not rows:
            return
        for t, before, skip in self.items:
            if t is table:
                if skip == skip_conflicts and set(before[0]) == set(rows[0]):
                    before.extend(rows)
                    return
                self.one_statement = False
        self.items.append((table, list(rows), skip_conflicts))

    async def flush(self, session: AsyncSession) -> None:
        items, self.items, one = self.items, [], self.one_statement
        self.one_statement = True
        if not items:
            return
        sql, params = self._statement(items) if one else (None, {})
        if sql is None:
            for table, rows, skip in items:
                stmt = pg_insert(table)
                await session.execute(stmt.on_conflict_do_nothing() if skip else stmt, rows)
            return
        await session.execute(text(sql), params)

    @staticmethod
    def _statement(items: list[tuple[Table, list[dict[str, Any]], bool]]) -> tuple[str | None, dict[str, str]]:
        inserts, params = [], {}
        for i, (table, rows, skip) in enumerate(items):
            keys = list(rows[0])
            columns = [table.c[k] for k in keys]
            jsonb = [k for k, c in zip(keys, columns, strict=True) if isinstance(c.type, JSONB)]
            if any(set(r) != set(keys) for r in rows) or any(r[k] is None for r in rows for k in jsonb):
                return None, {}
            try:
                params[f"p{i}"] = orjson.dumps(rows, default=_json_default,
                                               option=orjson.OPT_NON_STR_KEYS | orjson.OPT_NAIVE_UTC).decode()
            except TypeError:
                return None, {}
            name = f'"{table.schema}"."{table.name}"' if table.schema else f'"{table.name}"'
            names = ", ".join(f'"{c.name}"' for c in columns)
            inserts.append(f"INSERT INTO {name} ({names}) SELECT {', '.join(f'r.{n}' for n in names.split(', '))} "
                           f"FROM jsonb_populate_recordset(NULL::{name}, CAST(:p{i} AS jsonb)) WITH ORDINALITY AS r "
                           f"ORDER BY r.ordinality" + (" ON CONFLICT DO NOTHING" if skip else ""))
        *ctes, last = inserts
        if ctes:
            last = "WITH " + ", ".join(f"w{i} AS ({s})" for i, s in enumerate(ctes)) + " " + last
        return last, params
