"""Typed settings: one base here, one subclass per service, read once in each `__main__`."""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def async_database_url(url: str) -> str:
    """Accept the usual `postgresql://` spellings and return the asyncpg dialect URL."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix):]
    raise ValueError(f"DATABASE_URL must be a PostgreSQL URL, got scheme of {url.split(':', 1)[0]!r}")


class ServiceSettings(BaseSettings):
    """What every Raqib process needs. Env vars: RAQIB_* (plus DATABASE_URL)."""

    model_config = SettingsConfigDict(env_prefix="RAQIB_", extra="ignore")

    database_url: str = Field(
        default="postgresql+asyncpg://postgres@127.0.0.1:5432/raqib",
        validation_alias=AliasChoices("DATABASE_URL", "RAQIB_DATABASE_URL"),
    )
    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_partitions: int = Field(default=4, ge=1, le=256)
    # Production defaults. The embedded dev broker has one node and no idempotent producer (DESIGN.md §2), so
    # the dev stack and the tests set 1 and false (devstack/stack.py).
    topic_replication_factor: int = Field(default=3, ge=1, le=32)
    kafka_idempotence: bool = True
    bootstrap_api_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    # A deploy that sends more than this share of a window of messages to the DLQ is broken: stop.
    dlq_max_ratio: float = Field(default=0.5, gt=0, le=1)
    dlq_window: int = Field(default=200, ge=10)
    max_body_bytes: int = 1_000_000
    consumer_session_timeout_ms: int = Field(default=10_000, ge=6_000, le=300_000)
    # How long the broker may hold a consumer's fetch that finds nothing new. Apache Kafka answers a held fetch as
    # soon as a record arrives, so this only sets how often an idle consumer asks (aiokafka's default). The
    # embedded dev broker holds it for the whole wait (measured: each hop waited about half of it), so the dev
    # stack and the tests set 5 ms (devstack/stack.py): ~8 ms less per report at p50, ~0.1 core more at idle.
    kafka_fetch_max_wait_ms: int = Field(default=500, ge=1, le=10_000)
    # The wait while records are flowing (a poll brought more than one): on the embedded broker a held fetch then
    # gathers several records, so the consumer's batch (one transaction, one fetch and its broker round trip) serves
    # several articles instead of one each; an idle consumer goes back to `kafka_fetch_max_wait_ms` at its first poll
    # of one record or none, so a lone report waits no longer. Never below kafka_fetch_max_wait_ms (Apache Kafka
    # answers a held fetch when a record arrives: no change there).
    kafka_fetch_busy_wait_ms: int = Field(default=20, ge=1, le=10_000)
    # Browser origins allowed to call this service's API (CORS), e.g. the alert service's console at
    # http://127.0.0.1:8002 reading articles (ingest) and annotations (enrich). None by default; a JSON list.
    cors_origins: list[str] = Field(default_factory=list)

    @field_validator("database_url")
    @classmethod
    def _asyncpg(cls, v: str) -> str:
        return async_database_url(v)
