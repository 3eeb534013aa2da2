"""Ingest app factory and lifespan: engine, producer, topics, outbox relay, feed poller."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import APIRouter, FastAPI

from services.ingest import api, feeds_api, upload
from services.ingest.extraction import Extractor
from services.ingest.limits import RateLimiter
from services.ingest.models import outbox
from services.ingest.poller import FeedPoller
from services.ingest.settings import IngestSettings
from services.ingest.single_writes import SingleWrites
from shared.http import service_app, standard_checks
from shared.outbox import MARK_EVERY_S, OutboxRelay
from shared.runtime import close_runtime, open_runtime

SERVICE = "ingest"


def create_app(settings: IngestSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = await open_runtime(settings)
        relay = OutboxRelay(rt.sessions, outbox, rt.producer, SERVICE, mark_every_s=MARK_EVERY_S)
        # no proxies from the environment, no redirects followed by httpx (fetch.py checks each hop)
        client = httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=settings.feed_timeout_s)
        poller = FeedPoller(rt.sessions, app.state.extractor, settings, client, relay.wakeup)
        app.state.runtime, app.state.sessions, app.state.relay = rt, rt.sessions, relay
        app.state.feed_poller = poller
        app.state.single_writes = SingleWrites(rt.sessions, relay, settings.near_duplicate_threshold,
                                                settings.single_write_gather_ms / 1000)
        app.state.ready_checks = standard_checks(rt.engine, rt.producer)
        app.state.samplers.add("outbox", relay.pending)
        rt.spawn(relay.run(), "outbox-relay")
        rt.spawn(poller.run(), "feed-poller")
        try:
            yield
        finally:
            poller.stop()
            relay.stop()
            await close_runtime(rt)
            await client.aclose()

    router = APIRouter()
    for part in (api.router, upload.router, feeds_api.router):
        router.include_router(part)
    app = service_app(service=SERVICE, lifespan=lifespan, router=router, max_body_bytes=settings.max_body_bytes,
                      cors_origins=settings.cors_origins,
                      body_limits={"/v1/articles/batch": settings.max_batch_body_bytes,
                                   "/v1/articles/ndjson": settings.max_ndjson_body_bytes},
                      description="Articles in (HTTP, NDJSON uploads, RSS/Atom feeds); each new article is stored "
                      "with an outbox row and published to `raqib.articles.v1`.")
    app.state.settings = settings
    app.state.extractor = Extractor(settings.html_extract_concurrency)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_s, settings.rate_limit_burst)
    return app
