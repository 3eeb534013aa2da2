"""Enrich app factory and lifespan: gazetteer, engine, producer, the articles consumer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI

from services.enrich.api import router
from services.enrich.consumer import EnrichHandler
from services.enrich.enrichment import load_gazetteer
from services.enrich.settings import EnrichSettings
from shared.events import ArticleReceived
from shared.http import service_app, standard_checks
from shared.kafka import ConsumerLoop, make_consumer
from shared.lag import GroupLagProbe
from shared.runtime import close_runtime, open_runtime
from shared.topics import ARTICLES

SERVICE = "enrich"
ENGINE_VERSION = f"raqib-{version('raqib')}"


def create_app(settings: EnrichSettings, *, consume: bool = True) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.gazetteer = gazetteer = await asyncio.to_thread(load_gazetteer)
        rt = await open_runtime(settings)
        app.state.runtime, app.state.sessions = rt, rt.sessions
        app.state.ready_checks = standard_checks(rt.engine, rt.producer)
        consumer = make_consumer(settings.kafka_bootstrap, settings.consumer_group,
                                 settings.consumer_session_timeout_ms,
                                 fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms)
        loop = ConsumerLoop(consumer, rt.producer, topic=ARTICLES, model=ArticleReceived, service=SERVICE,
                            batch_handler=EnrichHandler(rt.sessions, rt.producer, gazetteer, ENGINE_VERSION),
                            dlq_max_ratio=settings.dlq_max_ratio, dlq_window=settings.dlq_window,
                            busy_fetch_wait_ms=settings.kafka_fetch_busy_wait_ms)
        probe = GroupLagProbe(settings.kafka_bootstrap, settings.consumer_group, ARTICLES)
        if consume:
            await probe.start()
            app.state.samplers.add("group-lag", probe.sample)
            await consumer.start()
            rt.spawn(loop.run(), "articles-consumer")
        try:
            yield
        finally:
            loop.stop()
            await rt.wait_tasks()
            if consume:
                await consumer.stop()
                await probe.close()
            await close_runtime(rt)

    return service_app(service=SERVICE, lifespan=lifespan, router=router, max_body_bytes=settings.max_body_bytes,
                       cors_origins=settings.cors_origins,
                       description="Geotags articles and tags facilities, actors, event types and dates; "
                       "consumes `raqib.articles.v1`, publishes `raqib.enriched.v1`.")
