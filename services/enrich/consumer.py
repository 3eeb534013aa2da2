"""Wiring only: articles in -> enrich() -> upsert -> ArticleEnriched out."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.enrich import metrics, repository
from services.enrich.enrichment import Gazetteer, enrich
from shared.db import unit_of_work
from shared.events import ArticleEnriched, ArticleReceived, ArticleRef, encode
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

    async def __call__(self, event: ArticleReceived) -> None:
        start = time.perf_counter()
        annotation = enrich(event.text, self.gazetteer, lang=engine_lang(event.lang),
                            published_at=event.published_at)
        metrics.ANNOTATE_SECONDS.observe(time.perf_counter() - start)
        async with unit_of_work(self.sessions) as session:
            await repository.upsert(session, event.article_id, annotation, self.engine_version)
        out = ArticleEnriched(
            article=ArticleRef(id=event.article_id, url=event.url, title=event.title, source=event.source,
                               published_at=event.published_at, near_duplicate_of=event.near_duplicate_of),
            text=event.text, annotation=annotation, engine_version=self.engine_version,
            enriched_at=datetime.now(UTC))
        key, value, headers = encode(out, SOURCE)
        await self.producer.send_and_wait(ENRICHED, value, key=key, headers=headers)
        metrics.ENRICHED.labels(str(annotation.alert).lower()).inc()
        for kind, items in (("place", annotation.places), ("facility", annotation.facilities),
                            ("actor", annotation.actors)):
            metrics.MENTIONS.labels(kind).inc(len(items))
