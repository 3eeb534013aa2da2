"""shared.db's two ways to run statements: a unit of work (one transaction) and autocommit (each statement
alone, no BEGIN/COMMIT round trips) — and a connection used for autocommit goes back to the pool transactional."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from shared.db import autocommit, make_engine, make_sessionmaker, unit_of_work

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
