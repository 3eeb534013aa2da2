"""Enrich persistence: one annotation per article, upserted (a re-delivered article leaves the same row)."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.enrich.models import article_annotations
from shared.annotation import Annotation


async def upsert(session: AsyncSession, article_id: str, annotation: Annotation, engine_version: str) -> None:
    values = {"engine_version": engine_version, "lang": annotation.lang, "alert": annotation.alert,
              "annotation": annotation.model_dump(mode="json")}
    stmt = insert(article_annotations).values(article_id=article_id, **values)
    await session.execute(stmt.on_conflict_do_update(index_elements=[article_annotations.c.article_id],
                                                     set_={**values, "enriched_at": stmt.excluded.enriched_at}))
