from __future__ import annotations

from shared.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    port: int = 8000
    max_batch_articles: int = 100
