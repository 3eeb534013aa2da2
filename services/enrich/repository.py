"""Enrich persistence: one annotation per article, upserted (a re-delivered article leaves the same row)."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.enrich.models import article_annotations
from shared.annotation import Annotation


async def upsert(session: AsyncSession, article_id: str, annotation: Annotation, engine_version: str) -> None:
    await upsert_many(session, [(article_id, annotation)], engine_version)


async def upsert_many(session: AsyncSession, rows: list[tuple[str, Annotation]], engine_version: str) -> None:
    """One statement for a batch; article ids must be distinct (Postgres refuses to update a row twice)."""
    if not rows:
        return
    stmt = insert(article_annotations).values([
        {"article_id": article_id, "engine_version": engine_version, "lang": a.lang, "alert": a.alert,
         "annotation": a.model_dump(mode="json")} for article_id, a in rows])
    x = stmt.excluded
    await session.execute(stmt.on_conflict_do_update(
        index_elements=[article_annotations.c.article_id],
        set_={"engine_version": x.engine_version, "lang": x.lang, "alert": x.alert, "annotation": x.annotation,
              "enriched_at": x.enriched_at}))
