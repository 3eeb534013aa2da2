"""Alert app factory and lifespan: the enriched consumer, the delivery worker, the outbox relay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from services.alert import metrics
from services.alert.alertmanager import AlertmanagerPusher
from services.alert.api import router
from services.alert.console import mount_console
from services.alert.consumer import AlertHandler
from services.alert.delivery import DeliveryWorker, Policy
from services.alert.models import outbox
from services.alert.rules import RuleSet, load_rules
from services.alert.scheduler import NoticeScheduler
from services.alert.settings import AlertSettings
from services.alert.stream import AlertFeed
from shared.events import ArticleEnriched
from shared.http import service_app, standard_checks
from shared.kafka import ConsumerLoop, make_consumer
from shared.lag import GroupLagProbe
from shared.outbox import MARK_EVERY_S, OutboxRelay
from shared.runtime import close_runtime, open_runtime
from shared.topics import ENRICHED

SERVICE = "alert"


def create_app(settings: AlertSettings, rules: RuleSet | None = None) -> FastAPI:
    rules = rules or load_rules(settings.alert_rules)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        rt = await open_runtime(settings)
        relay = OutboxRelay(rt.sessions, outbox, rt.producer, SERVICE, mark_every_s=MARK_EVERY_S)
        worker = DeliveryWorker(rt.sessions, Policy.from_settings(settings))
        pusher = None if settings.alertmanager_url is None else AlertmanagerPusher(
            rt.sessions, settings.alertmanager_url, repost_s=settings.alertmanager_repost_s,
            public_url=settings.public_url)

        def notices_written() -> None:  # the delivery worker, the outbox relay (and the push) act now
            worker.wakeup.set()
            notices_handed()

        def notices_handed() -> None:  # ... every delivery handed to the worker already: no claim
            relay.wakeup.set()
            if pusher is not None:
                pusher.wakeup.set()

        scheduler = NoticeScheduler(rt.sessions, poll_s=settings.notice_poll_s, on_notice=notices_written)
        consumer = make_consumer(settings.kafka_bootstrap, settings.consumer_group,
                                 settings.consumer_session_timeout_ms,
                                 fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms)
        loop = ConsumerLoop(consumer, rt.producer, topic=ENRICHED, model=ArticleEnriched, service=SERVICE,
                            batch_handler=AlertHandler(rt.sessions, [relay.wakeup], rules,
                                                       on_notice=notices_written, worker=worker, relay=relay,
                                                       on_handed=notices_handed),
                            dlq_max_ratio=settings.dlq_max_ratio, dlq_window=settings.dlq_window,
                            busy_fetch_wait_ms=settings.kafka_fetch_busy_wait_ms)
        app.state.runtime, app.state.sessions, app.state.settings = rt, rt.sessions, settings
        app.state.rules, app.state.scheduler, app.state.relay = rules, scheduler, relay
        app.state.worker, app.state.ready_checks = worker, standard_checks(rt.engine, rt.producer)
        app.state.feed = feed = AlertFeed(settings.kafka_bootstrap)
        probe = GroupLagProbe(settings.kafka_bootstrap, settings.consumer_group, ENRICHED)
        await probe.start()
        app.state.samplers.add("group-lag", probe.sample)
        app.state.samplers.add("outbox", relay.pending)
        app.state.samplers.add("alert", lambda: metrics.sample(rt.sessions))
        metrics.SSE_CLIENTS.set_function(lambda: len(feed.clients))
        await feed.start()
        rt.spawn(feed.run(), "alert-feed")
        await consumer.start()
        rt.spawn(loop.run(), "enriched-consumer")
        rt.spawn(scheduler.run(), "notice-scheduler")
        rt.spawn(worker.run(), "delivery-worker")
        rt.spawn(relay.run(), "outbox-relay")
        if pusher is not None:
            rt.spawn(pusher.run(), "alertmanager-push")
        try:
            yield
        finally:
            loop.stop()
            scheduler.stop()
            worker.stop()
            relay.stop()
            if pusher is not None:
                pusher.stop()
            feed.stop()
            await rt.wait_tasks()
            await consumer.stop()
            await feed.close()
            await probe.close()
            await close_runtime(rt)

    app = service_app(service=SERVICE, lifespan=lifespan, router=router, max_body_bytes=settings.max_body_bytes,
                      cors_origins=settings.cors_origins,
                      description="Groups the enriched articles that name a prison or camp into incidents "
                      "(alerts: one facility within a grouping window, across outlets and languages), applies "
                      "rules (severity, timing, corroboration) and silences, and delivers notices to webhook "
                      "subscriptions, signed per Standard Webhooks. People use the console at /console.")
    mount_console(app, settings)
    return app
