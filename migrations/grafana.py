"""`python -m migrations.grafana`: set the password of the read-only role Grafana logs in with
(`raqib_grafana`, created by the migrations) from RAQIB_GRAFANA_DB_PASSWORD. Run after `alembic upgrade head`
(docker-compose's and Kubernetes' migration jobs do); running it again changes the password."""

from __future__ import annotations

import asyncio
import sys

import asyncpg
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.settings import async_database_url

ROLE = "raqib_grafana"


class GrafanaRoleSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAQIB_", extra="ignore")

    database_url: str = Field(validation_alias="DATABASE_URL")
    grafana_db_password: SecretStr = Field(min_length=12)


async def set_password(database_url: str, password: str) -> None:
    dsn = async_database_url(database_url).replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:
        # ALTER ROLE takes no bind parameters: quote the literal on the server (never logged by us)
        quoted = await conn.fetchval("SELECT quote_literal($1::text)", password)
        await conn.execute(f"ALTER ROLE {ROLE} PASSWORD {quoted}")
    finally:
        await conn.close()


def main() -> int:
    settings = GrafanaRoleSettings()  # read from the environment
    asyncio.run(set_password(settings.database_url, settings.grafana_db_password.get_secret_value()))
    print(f"password of {ROLE} set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
