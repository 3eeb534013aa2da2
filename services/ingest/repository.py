"""Ingest persistence: articles, their near-duplicate bands and their outbox rows, written together.
Flushes; never commits.

`store_many` handles a batch with a constant number of statements (look-ups, then multi-row inserts) and
decides in order, as storing the articles one by one would: an article repeating an earlier one of the same
batch is its duplicate, a story told twice in the batch links the second telling to the first."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import ARRAY, BigInteger, Text, any_, bindparam, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest import similarity
from services.ingest.articles import NewArticle
from services.ingest.models import articles, minhash_bands, outbox
from shared.events import ArticleReceived, encode
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


@dataclass
class _Known:
    """What the batch's decisions are made against: the database's rows, then each article decided."""

    by_key: dict[str, str]  # id or content hash -> the stored article's id
    signatures: dict[str, tuple[np.ndarray, str | None]]  # article id -> (MinHash, its near_duplicate_of)
    bands: dict[tuple[int, int], set[str]]  # (band, hash) -> article ids

    def near(self, article_id: str, sig: np.ndarray, keys: list[tuple[int, int]],
             threshold: float) -> tuple[str, float] | None:
        """The most similar candidate at or over the threshold, its own link followed (every copy of a story
        points at the first one)."""
        best: tuple[str, float] | None = None
        for candidate in sorted(set().union(*(self.bands.get(k, set()) for k in keys)) - {article_id}):
            other, link = self.signatures[candidate]
            score = similarity.similarity(sig, other)
            if score >= threshold and (best is None or score > best[1]):
                best = (link or candidate, score)
        return best


# Built once, arrays bound: one cached statement whatever the batch size (an IN list of n values is a new
# expression to build and a new statement to compile for every request: ~5 % of a single article POST, py-spy)
_STORED = select(articles.c.id, articles.c.content_hash).where(or_(
    articles.c.id == any_(bindparam("ids", type_=ARRAY(Text))),
    articles.c.content_hash == any_(bindparam("hashes", type_=ARRAY(Text)))))


async def _known(session: AsyncSession, batch: list[NewArticle]) -> _Known:
    rows = (await session.execute(_STORED, {"ids": [a.id for a in batch],
                                            "hashes": [a.content_hash for a in batch]})).all()
    by_key = {r.id: r.id for r in rows} | {r.content_hash: r.id for r in rows}
    hashes = sorted({h for a in batch if a.minhash for _, h in similarity.bands(similarity.from_bytes(a.minhash))})
    signatures: dict[str, tuple[np.ndarray, str | None]] = {}
    bands: dict[tuple[int, int], set[str]] = {}
    if hashes:  # the index leads with the hash
        for r in (await session.execute(
                select(minhash_bands.c.band, minhash_bands.c.hash, articles.c.id, articles.c.minhash,
                       articles.c.near_duplicate_of)
                .join(articles, articles.c.id == minhash_bands.c.article_id)
                .where(minhash_bands.c.hash == any_(bindparam("hashes", hashes, type_=ARRAY(BigInteger)))))).all():
            bands.setdefault((r.band, r.hash), set()).add(r.id)
            signatures[r.id] = (similarity.from_bytes(r.minhash), r.near_duplicate_of)
    return _Known(by_key, signatures, bands)


def _event(a: NewArticle, near: str | None) -> dict[str, object]:
    key, value, headers = encode(ArticleReceived(
        article_id=a.id, url=a.url, title=a.title, text=a.text, lang=a.lang, source=a.source,
        published_at=a.published_at, received_at=a.received_at, near_duplicate_of=near), SOURCE)
    return {"topic": ARTICLES, "key": key, "value": value, "headers": [[k, v.decode()] for k, v in headers]}


async def store_many(session: AsyncSession, batch: list[NewArticle],
                     threshold: float = similarity.THRESHOLD) -> list[Stored]:
    """Store each article unless it is a duplicate (same canonical URL or same content: nothing written); a
    near-duplicate (estimated similarity >= `threshold`; over 1: never) is stored with its link and published
    with it (enrich annotates it, alert skips it)."""
    if not batch:
        return []
    known = await _known(session, batch)
    decided: list[Stored] = []
    fresh: dict[str, tuple[NewArticle, tuple[str, float] | None]] = {}
    for a in batch:
        first = known.by_key.get(a.id) or known.by_key.get(a.content_hash)
        if first is not None:
            decided.append(Stored(first, True))
            continue
        near = None
        if a.minhash is not None:
            sig = similarity.from_bytes(a.minhash)
            keys = similarity.bands(sig)
            near = known.near(a.id, sig, keys, threshold)
            known.signatures[a.id] = (sig, near[0] if near else None)
            for k in keys:
                known.bands.setdefault(k, set()).add(a.id)
        known.by_key[a.id] = known.by_key[a.content_hash] = a.id
        fresh[a.id] = (a, near)
        decided.append(Stored(a.id, False, near[0] if near else None))
    if not fresh:
        return decided
    # executemany form throughout: one cached statement, sent in pages by SQLAlchemy's "insertmanyvalues"
    # (a `.values([...])` of many rows is compiled anew on every call, which cost more than the database did)
    inserted = set((await session.execute(insert(articles).on_conflict_do_nothing().returning(articles.c.id), [
        {"id": a.id, "url": a.url, "canonical_url": a.canonical_url, "content_hash": a.content_hash, "title": a.title,
         "text": a.text, "lang": a.lang, "source": a.source, "published_at": a.published_at,
         "received_at": a.received_at, "lang_detected": a.lang_detected, "minhash": a.minhash, "feed_id": a.feed_id,
         "near_duplicate_of": near[0] if near else None, "similarity": near[1] if near else None}
        for a, near in fresh.values()])).scalars())
    if len(inserted) < len(fresh):  # another writer stored some of them meanwhile: those are duplicates
        decided = [await _raced(session, fresh[s.id][0]) if s.id in fresh and s.id not in inserted else s
                   for s in decided]
    rows = [{"band": b, "hash": h, "article_id": i} for i in inserted if fresh[i][0].minhash is not None
            for b, h in similarity.bands(similarity.from_bytes(fresh[i][0].minhash))]  # type: ignore[arg-type]
    if rows:
        await session.execute(insert(minhash_bands).on_conflict_do_nothing(), rows)
    events = [_event(a, near[0] if near else None) for i, (a, near) in fresh.items() if i in inserted]
    if events:
        await session.execute(outbox.insert(), events)
    return decided


async def _raced(session: AsyncSession, a: NewArticle) -> Stored:
    existing = (await session.execute(select(articles.c.id).where(or_(
        articles.c.id == a.id, articles.c.content_hash == a.content_hash)).limit(1))).scalar_one()
    return Stored(existing, True)


async def store(session: AsyncSession, article: NewArticle, threshold: float = similarity.THRESHOLD) -> Stored:
    return (await store_many(session, [article], threshold))[0]


async def get(session: AsyncSession, article_id: str) -> dict[str, object] | None:
    row = (await session.execute(select(articles).where(articles.c.id == article_id))).mappings().first()
    return dict(row) if row else None
