from __future__ import annotations

from pydantic import Field

from shared.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    port: int = 8000
    max_batch_articles: int = 100
    # HTML pages extracted at once per replica (worker threads; the rest wait their turn)
    html_extract_concurrency: int = Field(default=2, ge=1, le=64)
