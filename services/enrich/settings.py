from __future__ import annotations

from shared.settings import ServiceSettings


class EnrichSettings(ServiceSettings):
    port: int = 8001
    consumer_group: str = "raqib-enrich"
