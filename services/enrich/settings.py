from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.settings import ServiceSettings


class EngineSettings(BaseSettings):
    """What the engine itself reads (the offline annotator needs nothing else). Env vars: RAQIB_*."""

    model_config = SettingsConfigDict(env_prefix="RAQIB_", extra="ignore")

    # RAQIB_ENRICH_PURE=1: run the Python reference path although the compiled part is built (backend.py);
    # the output is byte-identical, only slower.
    enrich_pure: bool = False


class EnrichSettings(ServiceSettings, EngineSettings):
    port: int = 8001
    consumer_group: str = "raqib-enrich"
    # POST /v1/annotate: engine runs at once per replica (worker threads); one more is answered 429
    annotate_concurrency: int = Field(default=2, ge=1, le=64)
