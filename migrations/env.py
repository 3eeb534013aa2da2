"""Alembic environment: async engine, one version table, every service's metadata."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy import pool, text
from sqlalchemy.ext.asyncio import create_async_engine

from services.alert.models import metadata as alert_md
from services.enrich.models import metadata as enrich_md
from services.ingest.models import metadata as ingest_md
from shared.auth import metadata as auth_md
from shared.settings import async_database_url

target_metadata = [auth_md, ingest_md, enrich_md, alert_md]
SCHEMAS = ("auth", "ingest", "enrich", "alert")


def _url() -> str:
    url = context.config.attributes.get("database_url") or os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("DATABASE_URL is not set")
    return async_database_url(url)


def _include(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name == "alembic_version")


def _run(connection) -> None:
    for schema in SCHEMAS:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    context.configure(connection=connection, target_metadata=target_metadata, include_schemas=True,
                      version_table_schema="public", transaction_per_migration=True,
                      include_object=_include)
    with context.begin_transaction():
        # Serialise concurrent migrators (several replicas starting at once).
        connection.execute(text("SELECT pg_advisory_xact_lock(727172)"))
        context.run_migrations()


async def _online() -> None:
    engine = create_async_engine(_url(), poolclass=pool.NullPool)
    async with engine.connect() as conn:
        await conn.run_sync(_run)
        await conn.commit()
    await engine.dispose()


asyncio.run(_online())
