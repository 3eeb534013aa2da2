from __future__ import annotations

from pydantic import AliasChoices, Field

from shared.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    port: int = 8000
    max_batch_articles: int = Field(default=1000, ge=1, le=1000)
    # POST /v1/articles/batch and /ndjson carry many articles: their own body limits (bytes)
    max_batch_body_bytes: int = Field(default=32_000_000, ge=1000)
    max_ndjson_body_bytes: int = Field(default=256_000_000, ge=1000)
    ndjson_max_lines: int = Field(default=100_000, ge=1)
    # HTML pages extracted at once per replica (worker threads; the rest wait their turn)
    html_extract_concurrency: int = Field(default=2, ge=1, le=64)
    # per API key and per replica: requests per second, and the burst allowed above it
    rate_limit_per_s: float = Field(default=50.0, gt=0)
    rate_limit_burst: int = Field(default=100, ge=1)
    # feeds: fetch and page fetch obey the webhook SSRF rules; the dev stack and tests allow loopback
    allow_private_feed_targets: bool = Field(default=False, validation_alias=AliasChoices(
        "RAQIB_ALLOW_PRIVATE_FEED_TARGETS", "RAQIB_ALLOW_PRIVATE_WEBHOOK_TARGETS"))
    feed_poll_s: float = Field(default=1.0, gt=0, le=60)  # how often a replica looks for due feeds
    feed_timeout_s: float = Field(default=15.0, gt=0, le=120)  # whole fetch: DNS, connect, every byte
    feed_max_bytes: int = Field(default=5_000_000, ge=1000)  # a feed or page larger than this is refused
    feed_concurrency: int = Field(default=4, ge=1, le=64)  # feeds polled at once per replica
    feed_min_interval_s: int = Field(default=30, ge=1)
    # single POSTs (no Idempotency-Key) are written together; under a steady flow a write starts at least this long
    # after the one before it, so each carries several articles (single_writes.py); 0: as soon as the last ends
    single_write_gather_ms: float = Field(default=20.0, ge=0, le=1000)
    # estimated similarity from which an article is a near-duplicate of an earlier one (no alert); over 1: off
    near_duplicate_threshold: float = Field(default=0.5, ge=0.2, le=2.0)
