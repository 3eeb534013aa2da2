"""Wiring only: a batch of articles in -> enrich() each -> one upsert transaction -> ArticleEnriched out,
sent without waiting per record and flushed once before the loop commits the offsets."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.enrich import metrics, repository
from services.enrich.enrichment import Gazetteer
from services.enrich.headline import enrich_article
from shared.db import autocommit_connection
from shared.events import ArticleEnriched, ArticleReceived, ArticleRef, encode
from shared.kafka import send_now
from shared.topics import ENRICHED

SOURCE = "/raqib/enrich"


def engine_lang(lang: str | None) -> str | None:
    """The engine knows Arabic and English: "ar-SY" -> "ar", "EN" -> "en"; anything else is detected."""
    primary = (lang or "").split("-", 1)[0].lower()
    return primary if primary in ("ar", "en") else None


class EnrichHandler:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], producer: AIOKafkaProducer,
                 gazetteer: Gazetteer, engine_version: str) -> None:
        self.sessions, self.producer = sessions, producer
        self.gazetteer, self.engine_version = gazetteer, engine_version

    async def __call__(self, events: list[ArticleReceived]) -> None:
        latest = {e.article_id: e for e in events}  # a re-sent article within one batch: its last copy
        enriched: list[ArticleEnriched] = []
        for event in latest.values():
            start = time.perf_counter()
            annotation = enrich_article(event.title, event.text, self.gazetteer, lang=engine_lang(event.lang),
                                        published_at=event.published_at)
            metrics.ANNOTATE_SECONDS.observe(time.perf_counter() - start)
            enriched.append(ArticleEnriched(
                article=ArticleRef(id=event.article_id, url=event.url, title=event.title, source=event.source,
                                   published_at=event.published_at, near_duplicate_of=event.near_duplicate_of),
                text=event.text, annotation=annotation, engine_version=self.engine_version,
                enriched_at=datetime.now(UTC)))
        # one statement, atomic on its own: no BEGIN and COMMIT round trips (durable before anything is sent), on a
        # Core connection (no ORM session's work per batch)
        async with autocommit_connection(self.sessions) as conn:
            await repository.upsert_many(conn, [(e.article.id, e.annotation) for e in enriched],
                                         self.engine_version)
        acks = []
        for out in enriched:
            key, value, headers = encode(out, SOURCE)
            acks.append(await self.producer.send(ENRICHED, value, key=key, headers=headers))
        await send_now(self.producer)
        await asyncio.gather(*acks)  # every record acked before the loop commits the batch's offsets
        # counted per batch: a labelled child looked up per record cost more than the count
        alerting = sum(out.annotation.alert for out in enriched)
        for flag, n in (("true", alerting), ("false", len(enriched) - alerting)):
            if n:
                metrics.ENRICHED.labels(flag).inc(n)
        for kind, field in (("place", "places"), ("facility", "facilities"), ("actor", "actors")):
            metrics.MENTIONS.labels(kind).inc(sum(len(getattr(out.annotation, field))
                                                  + len(getattr(out.annotation.title, field, ())) for out in enriched))
