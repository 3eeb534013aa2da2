"""Ingest persistence: the article, its near-duplicate bands and its outbox row, written together.
Flushes; never commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest import similarity
from services.ingest.articles import NewArticle
from services.ingest.models import articles, minhash_bands, outbox
from shared import outbox as outbox_mod
from shared.events import ArticleReceived
from shared.topics import ARTICLES

SOURCE = "/raqib/ingest"


@dataclass(frozen=True)
class Stored:
    id: str
    duplicate: bool  # the same URL or the same text was stored before: nothing written
    near_duplicate_of: str | None = None  # stored, linked to the first article of the same story

    @property
    def result(self) -> str:
        return "duplicate" if self.duplicate else "near_duplicate" if self.near_duplicate_of else "new"


async def near_duplicate(session: AsyncSession, article: NewArticle) -> tuple[str, float] | None:
    """-> (the first article of the same story, estimated similarity), or None. Candidates share an LSH band
    with the article; the most similar one at or over the threshold wins, and its own link is followed, so
    every copy of a story points at the first one."""
    if article.minhash is None:
        return None
    sig = similarity.from_bytes(article.minhash)
    keys = similarity.bands(sig)
    rows = (await session.execute(
        select(articles.c.id, articles.c.minhash, articles.c.near_duplicate_of)
        .where(articles.c.id.in_(select(minhash_bands.c.article_id).where(
            minhash_bands.c.hash.in_([h for _, h in keys]),  # the index leads with the hash
            tuple_(minhash_bands.c.band, minhash_bands.c.hash).in_(keys))))
        .where(articles.c.id != article.id))).all()
    best: tuple[str, float] | None = None
    for row in rows:
        score = similarity.similarity(sig, similarity.from_bytes(row.minhash))
        if score >= similarity.THRESHOLD and (best is None or score > best[1]):
            best = (row.near_duplicate_of or row.id, score)
    return best


async def store(session: AsyncSession, article: NewArticle) -> Stored:
    """A duplicate (same canonical URL or same content) writes nothing; a near-duplicate is stored with its link
    and published with it (enrich annotates it, alert skips it)."""
    near = await near_duplicate(session, article)
    inserted = (await session.execute(
        insert(articles).values(
            id=article.id, url=article.url, canonical_url=article.canonical_url,
            content_hash=article.content_hash, title=article.title, text=article.text, lang=article.lang,
            source=article.source, published_at=article.published_at, received_at=article.received_at,
            lang_detected=article.lang_detected, minhash=article.minhash, feed_id=article.feed_id,
            near_duplicate_of=near[0] if near else None, similarity=near[1] if near else None)
        .on_conflict_do_nothing().returning(articles.c.id))).scalar_one_or_none()
    if inserted is None:
        existing = (await session.execute(select(articles.c.id).where(or_(
            articles.c.id == article.id, articles.c.content_hash == article.content_hash)).limit(1)
        )).scalar_one()
        return Stored(existing, True)
    if article.minhash is not None:
        await session.execute(insert(minhash_bands).values([
            {"band": b, "hash": h, "article_id": article.id}
            for b, h in similarity.bands(similarity.from_bytes(article.minhash))]).on_conflict_do_nothing())
    event = ArticleReceived(
        article_id=article.id, url=article.url, title=article.title, text=article.text, lang=article.lang,
        source=article.source, published_at=article.published_at, received_at=article.received_at,
        near_duplicate_of=near[0] if near else None)
    await outbox_mod.add(session, outbox, ARTICLES, event, SOURCE)
    return Stored(article.id, False, near[0] if near else None)


async def get(session: AsyncSession, article_id: str) -> dict[str, object] | None:
    row = (await session.execute(select(articles).where(articles.c.id == article_id))).mappings().first()
    return dict(row) if row else None
