"""Ingest app factory and lifespan: engine, producer, topics, outbox relay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.ingest.api import router
from services.ingest.extraction import Extractor
from services.ingest.models import outbox
from services.ingest.settings import IngestSettings
from shared.http import service_app, standard_checks
from shared.outbox import OutboxRelay
from shared.runtime import close_runtime, open_runtime

SERVICE = "ingest"


def create_app(settings: IngestSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = await open_runtime(settings)
        relay = OutboxRelay(rt.sessions, outbox, rt.producer, SERVICE)
        app.state.runtime, app.state.sessions, app.state.relay = rt, rt.sessions, relay
        app.state.ready_checks = standard_checks(rt.engine, rt.producer)
        app.state.samplers.add("outbox", relay.pending)
        rt.spawn(relay.run(), "outbox-relay")
        try:
            yield
        finally:
            relay.stop()
            await close_runtime(rt)

    app = service_app(service=SERVICE, lifespan=lifespan, router=router, max_body_bytes=settings.max_body_bytes,
                      description="Articles in (HTTP); each new article is stored with an outbox row and "
                      "published to `raqib.articles.v1`.")
    app.state.extractor = Extractor(settings.html_extract_concurrency)
    return app
