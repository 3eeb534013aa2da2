"""shared.db's two ways to run statements: a unit of work (one transaction) and autocommit (each statement
alone, no BEGIN/COMMIT round trips) — and a connection used for autocommit goes back to the pool transactional;
BulkInsert's one statement for the rows of several tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    event,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from shared.db import BulkInsert, autocommit, make_engine, make_sessionmaker, unit_of_work

pytestmark = pytest.mark.db


async def test_autocommit_commits_each_statement_and_the_pool_gets_a_transactional_connection_back(
        database_url: str) -> None:
    engine, observer = make_engine(database_url, pool_size=1), make_engine(database_url, pool_size=1)
    sessions, table = make_sessionmaker(engine), f"probe_{uuid.uuid4().hex[:8]}"

    async def visible() -> bool:  # from another connection
        async with observer.connect() as conn:
            return bool(await conn.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}))

    try:
        for _ in range(2):  # the same pooled connection each time (pool_size=1, used one at a time)
            async with autocommit(sessions) as session:
                await session.execute(text(f"CREATE TABLE {table} (a int)"))
                assert await visible()  # committed by itself, the session still open
            async with unit_of_work(sessions) as session:
                await session.execute(text(f"DROP TABLE {table}"))
                assert await visible()  # in a transaction: not dropped until the commit
            assert not await visible()
    finally:
        await engine.dispose()
        await observer.dispose()


def _tables(suffix: str) -> tuple[MetaData, Table, Table]:
    md = MetaData()
    parent = Table(f"bulk_parent_{suffix}", md,
                   Column("id", UUID(as_uuid=True), primary_key=True),
                   Column("n", BigInteger, Identity(), nullable=False),
                   Column("name", Text, nullable=False), Column("blob", LargeBinary), Column("doc", JSONB),
                   Column("tags", JSONB, nullable=False), Column("at", DateTime(timezone=True)),
                   Column("score", Double), Column("flag", Boolean), Column("note", Text),
                   Column("count", Integer, nullable=False, server_default="7"))
    child = Table(f"bulk_child_{suffix}", md,
                  Column("id", BigInteger, Identity(), primary_key=True),
                  Column("parent_id", UUID(as_uuid=True), ForeignKey(parent.c.id), nullable=False),
                  Column("label", Text, nullable=False, unique=True))
    return md, parent, child


def _rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    berlin = timezone(timedelta(hours=1))
    texts = ["plain", "quote ' and \" and \\ backslash", "\\x41 is text here, not bytes", "سجن غويران 🙂",
             "tab\tnew\nline", ""]
    parents = [{"id": uuid.uuid4(), "name": t, "blob": bytes([0, 1, 255, 92, 120]) * (i + 1) if i % 2 else None,
                "doc": {"b": [1, 2.5, None, {"z": "ü"}], "a": True, "big": 1e300, "small": 0.1 + 0.2, "n": -3},
                "tags": [t, i], "at": datetime(2026, 3, 4, 5, 6, 7, 123456 * (i % 2), tzinfo=UTC if i % 2 else berlin),
                "score": [0.1, 1 / 3, -0.0, 1e-300, 36.123456789, 2.0][i], "flag": [True, False, None][i % 3],
                "note": None if i % 2 else t} for i, t in enumerate(texts)]
    children = [{"parent_id": parents[i % len(parents)]["id"], "label": f"label-{i}"} for i in range(9)]
    return parents, children


def _create(s: Session, *mds: MetaData) -> None:
    for md in mds:
        md.create_all(s.connection())


async def _read(session: AsyncSession, table: Table) -> list[tuple[Any, ...]]:
    order = table.c.n if "n" in table.c else table.c.id
    return [tuple(r) for r in (await session.execute(select(table).order_by(order))).all()]


async def test_bulk_insert_stores_what_insert_stores_in_one_statement(session: AsyncSession) -> None:
    """Every column type the alert service writes this way, read back equal to insert(table)'s rows (identities
    handed out in the order given, a left-out column's default); a child row refers to a parent added to the same
    statement; a table added twice is one list; skip_conflicts leaves out a row that conflicts with a stored one."""
    md_a, parent_a, child_a = _tables("a")
    md_b, parent_b, child_b = _tables("b")
    await session.run_sync(_create, md_a, md_b)
    parents, children = _rows()
    await session.execute(pg_insert(parent_a), parents)
    await session.execute(pg_insert(child_a), children)
    statements: list[str] = []
    conn = await session.connection()
    event.listen(conn.sync_connection, "before_cursor_execute",
                 lambda *a: statements.append(a[2]) if "_b" in a[2] else None)  # the flushes' (table *_b)
    bulk = BulkInsert()
    bulk.add(parent_b, parents)
    bulk.add(child_b, children[:4])
    bulk.add(child_b, children[4:])
    await bulk.flush(session)
    assert len(statements) == 1 and statements[0].startswith("WITH ")
    assert bulk.items == []  # flushed: a second flush writes nothing again
    await bulk.flush(session)
    assert len(statements) == 1
    more = [{"parent_id": parents[0]["id"], "label": label} for label in ("label-3", "label-new")]
    await session.execute(pg_insert(child_a).on_conflict_do_nothing(), more)
    bulk.add(child_b, more, skip_conflicts=True)
    await bulk.flush(session)
    assert len(statements) == 2
    assert await _read(session, parent_b) == await _read(session, parent_a)
    assert await _read(session, child_b) == await _read(session, child_a)
    assert [r[-1] for r in await _read(session, child_b)][-2:] == ["label-8", "label-new"]
    assert {r[-1] for r in await _read(session, parent_b)} == {7}


async def test_bulk_insert_writes_table_by_table_what_json_cannot_carry(session: AsyncSession) -> None:
    """A null in a jsonb column (insert() stores JSON null there) and an integer over 64 bits (orjson refuses it):
    written as insert(table) writes them, one statement per table."""
    md_a, parent_a, _ = _tables("c")
    md_b, parent_b, _ = _tables("d")
    await session.run_sync(_create, md_a, md_b)
    rows = [{"id": uuid.uuid4(), "name": "null doc", "doc": None, "tags": []},
            {"id": uuid.uuid4(), "name": "huge", "doc": {"n": 2**70}, "tags": [2**70]}]
    for one in rows:
        await session.execute(pg_insert(parent_a), [one])
        bulk = BulkInsert()
        bulk.add(parent_b, [one])
        await bulk.flush(session)
    assert await _read(session, parent_b) == await _read(session, parent_a)
    assert (await session.execute(select(func.jsonb_typeof(parent_b.c.doc)).order_by(parent_b.c.n))).scalars().all() \
        == ["null", "object"]


async def test_bulk_insert_writes_a_table_added_twice_differently_as_insert_would(session: AsyncSession) -> None:
    """Rows of one flush conflicting with each other: the skipping part sees the first, as statement after statement
    does (one statement's parts would not)."""
    md_a, parent_a, child_a = _tables("e")
    md_b, parent_b, child_b = _tables("f")
    await session.run_sync(_create, md_a, md_b)
    parents, children = _rows()
    dup = [{"parent_id": parents[0]["id"], "label": "label-3"}]
    for parent, child, write in ((parent_a, child_a, False), (parent_b, child_b, True)):
        if write:
            bulk = BulkInsert()
            bulk.add(parent, parents)
            bulk.add(child, children)
            bulk.add(child, dup, skip_conflicts=True)
            await bulk.flush(session)
        else:
            await session.execute(pg_insert(parent), parents)
            await session.execute(pg_insert(child), children)
            await session.execute(pg_insert(child).on_conflict_do_nothing(), dup)
    assert await _read(session, parent_b) == await _read(session, parent_a)
    assert await _read(session, child_b) == await _read(session, child_a)
