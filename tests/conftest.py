"""Session-wide real parts: one PostgreSQL database with migrations applied (DATABASE_URL's server, else
the embedded one), rolled-back sessions for DB tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from devstack.embedded import create_database, drop_database, embedded_postgres
from migrations import upgrade_async
from shared.settings import async_database_url

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def server_url() -> str:
    return os.environ.get("DATABASE_URL") or embedded_postgres(ROOT / ".data" / "test-pg")


@asynccontextmanager
async def fresh_database(server_url: str, purpose: str) -> AsyncIterator[str]:
    """A new database with every migration applied, dropped afterwards."""
    name = f"raqib_test_{purpose}_{uuid.uuid4().hex[:8]}"
    url = await create_database(server_url, name)
    try:
        await upgrade_async(url)
        yield url
    finally:
        await drop_database(server_url, name)


@pytest.fixture(scope="session")
async def database_url(server_url: str) -> AsyncIterator[str]:
    """For DB tests: nothing but what each test writes (and rolls back) is in it."""
    async with fresh_database(server_url, "db") as url:
        yield url


@pytest.fixture
async def session(database_url: str) -> AsyncIterator[AsyncSession]:
    """A session inside a transaction that is rolled back after the test (commits become savepoints)."""
    engine = create_async_engine(async_database_url(database_url))
    async with engine.connect() as conn:
        trans = await conn.begin()
        s = AsyncSession(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
        try:
            yield s
        finally:
            await s.close()
            await trans.rollback()
    await engine.dispose()
