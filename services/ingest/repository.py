"""Ingest persistence: the article and its outbox row, written together. Flushes; never commits."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest.articles import NewArticle
from services.ingest.models import articles, outbox
from shared import outbox as outbox_mod
from shared.events import ArticleReceived
from shared.topics import ARTICLES

SOURCE = "/raqib/ingest"


async def store(session: AsyncSession, article: NewArticle) -> tuple[str, bool]:
    """-> (id, duplicate). A duplicate (same canonical URL or same content) writes nothing."""
    inserted = (await session.execute(
        insert(articles).values(
            id=article.id, url=article.url, canonical_url=article.canonical_url,
            content_hash=article.content_hash, title=article.title, text=article.text, lang=article.lang,
            source=article.source, published_at=article.published_at, received_at=article.received_at)
        .on_conflict_do_nothing().returning(articles.c.id))).scalar_one_or_none()
    if inserted is None:
        existing = (await session.execute(select(articles.c.id).where(or_(
            articles.c.id == article.id, articles.c.content_hash == article.content_hash)).limit(1)
        )).scalar_one()
        return existing, True
    event = ArticleReceived(
        article_id=article.id, url=article.url, title=article.title, text=article.text, lang=article.lang,
        source=article.source, published_at=article.published_at, received_at=article.received_at)
    await outbox_mod.add(session, outbox, ARTICLES, event, SOURCE)
    return article.id, False


async def get(session: AsyncSession, article_id: str) -> dict[str, object] | None:
    row = (await session.execute(select(articles).where(articles.c.id == article_id))).mappings().first()
    return dict(row) if row else None
