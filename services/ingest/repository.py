"""Ingest persistence: articles, their near-duplicate bands and their outbox rows, written together.
Flushes; never commits.

`store_many` handles a batch with a constant number of statements (look-ups, then multi-row inserts) and
decides in order, as storing the articles one by one would: an article repeating an earlier one of the same
batch is its duplicate, a story told twice in the batch links the second telling to the first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson
from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Double,
    Integer,
    LargeBinary,
    Text,
    bindparam,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

from services.ingest import similarity
from services.ingest.articles import NewArticle
from services.ingest.models import articles
from shared.db import Executor, NativeArray
from shared.events import ArticleReceived, encode
from shared.outbox import OutboxLease, OutboxRow
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


# What the batch is decided against, in one round trip, built once (arrays bound: one cached statement whatever the
# batch size; an IN list of n values was a new statement to compile per request, ~5 % of a single article POST,
# py-spy): the stored articles with one of the batch's ids or content hashes (`stored`), then the stored articles
# sharing a MinHash band with the batch, one row per band (the index on minhash_bands leads with the hash).
_KNOWN = text("""
    SELECT true AS stored, a.id, a.content_hash, NULL::integer AS band, NULL::bigint AS hash, NULL::bytea AS minhash,
           NULL::text AS near_duplicate_of
    FROM ingest.articles a WHERE a.id = ANY(:ids) OR a.content_hash = ANY(:hashes)
    UNION ALL
    SELECT false, a.id, NULL, b.band, b.hash, a.minhash, a.near_duplicate_of
    FROM ingest.minhash_bands b JOIN ingest.articles a ON a.id = b.article_id
    WHERE b.hash = ANY(:band_hashes)
""").bindparams(bindparam("ids", type_=NativeArray(Text)), bindparam("hashes", type_=NativeArray(Text)),
                bindparam("band_hashes", type_=NativeArray(BigInteger)))


async def _known(session: Executor, batch: list[NewArticle]) -> _Known:
    hashes = sorted({h for a in batch if a.minhash for _, h in similarity.bands(similarity.from_bytes(a.minhash))})
    by_key: dict[str, str] = {}
    signatures: dict[str, tuple[np.ndarray, str | None]] = {}
    bands: dict[tuple[int, int], set[str]] = {}
    for r in (await session.execute(_KNOWN, {"ids": [a.id for a in batch], "hashes": [a.content_hash for a in batch],
                                             "band_hashes": hashes})).all():
        if r.stored:
            by_key[r.id] = by_key[r.content_hash] = r.id
        else:
            bands.setdefault((r.band, r.hash), set()).add(r.id)
            signatures[r.id] = (similarity.from_bytes(r.minhash), r.near_duplicate_of)
    return _Known(by_key, signatures, bands)


def _event(a: NewArticle, near: str | None) -> dict[str, Any]:
    key, value, headers = encode(ArticleReceived(
        article_id=a.id, url=a.url, title=a.title, text=a.text, lang=a.lang, source=a.source,
        published_at=a.published_at, received_at=a.received_at, near_duplicate_of=near), SOURCE)
    return {"topic": ARTICLES, "key": key, "value": value, "headers": [[k, v.decode()] for k, v in headers]}


async def store_many(session: Executor, batch: list[NewArticle],
                     threshold: float = similarity.THRESHOLD, lease: OutboxLease | None = None) -> list[Stored]:
    """Store each article unless it is a duplicate (same canonical URL or same content: nothing written); a
    near-duplicate (estimated similarity >= `threshold`; over 1: never) is stored with its link and published
    with it (enrich annotates it, alert skips it). `lease`: the outbox rows are written leased to this process's
    relay, up to its capacity, and listed in it (to hand over after the commit: shared/outbox.py)."""
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
    events = {i: _event(a, near[0] if near else None) for i, (a, near) in fresh.items()}
    capacity = min(lease.capacity, len(events)) if lease is not None else 0
    arts = [a for a, _ in fresh.values()]
    nears = [near for _, near in fresh.values()]
    band_rows = [(b, h, a.id) for a in arts if a.minhash is not None
                 for b, h in similarity.bands(similarity.from_bytes(a.minhash))]
    outbox_rows = list(events.values())
    returned = (await session.execute(_STORE, {
        "ids": [a.id for a in arts], "urls": [a.url for a in arts], "canons": [a.canonical_url for a in arts],
        "hashes": [a.content_hash for a in arts], "titles": [a.title for a in arts], "texts": [a.text for a in arts],
        "langs": [a.lang for a in arts], "sources": [a.source for a in arts],
        "published": [a.published_at for a in arts], "received": [a.received_at for a in arts],
        "detected": [a.lang_detected for a in arts], "minhashes": [a.minhash for a in arts],
        "feeds": [a.feed_id for a in arts], "nears": [n[0] if n else None for n in nears],
        "sims": [n[1] if n else None for n in nears],
        "b_bands": [b for b, _, _ in band_rows], "b_hashes": [h for _, h, _ in band_rows],
        "b_articles": [i for _, _, i in band_rows],
        "o_topics": [e["topic"] for e in outbox_rows], "o_keys": [e["key"] for e in outbox_rows],
        "o_values": [e["value"] for e in outbox_rows], "o_headers": [orjson.dumps(e["headers"]).decode()
                                                                     for e in outbox_rows],
        "o_articles": list(events), "leased": capacity,
        "lease_s": lease.lease.total_seconds() if lease is not None else 0.0})).all()
    inserted = {r.article_id for r in returned}
    if lease is not None:
        lease.rows.extend(OutboxRow(r.id, events[r.article_id]["topic"], events[r.article_id]["key"],
                                    events[r.article_id]["value"], events[r.article_id]["headers"])
                          for r in returned if r.leased)
        lease.unleased += sum(not r.leased for r in returned)
    if len(inserted) < len(fresh):  # another writer stored some of them meanwhile: those are duplicates
        decided = [await _raced(session, fresh[s.id][0]) if s.id in fresh and s.id not in inserted else s
                   for s in decided]
    return decided


# The batch's articles, their MinHash bands and their outbox rows (leased to this process's relay up to `leased`):
# one statement, one round trip, built once (arrays bound, whatever the batch size). A band or outbox row is
# written only for an article this statement inserted (not one another writer stored meanwhile); the outbox rows go
# in the batch's order (the relay sends by id). Foreign keys are checked at the statement's end.
_STORE = text("""
    WITH stored AS (
        INSERT INTO ingest.articles (id, url, canonical_url, content_hash, title, text, lang, source, published_at,
                                     received_at, lang_detected, minhash, feed_id, near_duplicate_of, similarity)
        SELECT v.id, v.url, v.canonical_url, v.content_hash, v.title, v.text, v.lang, v.source, v.published_at,
               v.received_at, v.lang_detected, v.minhash, v.feed_id, v.near_duplicate_of, v.similarity
        FROM unnest(:ids, :urls, :canons, :hashes, :titles, :texts, :langs, :sources, :published, :received,
                    :detected, :minhashes, :feeds, :nears, :sims) WITH ORDINALITY
             AS v(id, url, canonical_url, content_hash, title, text, lang, source, published_at, received_at,
                  lang_detected, minhash, feed_id, near_duplicate_of, similarity, n)
        ORDER BY v.n
        ON CONFLICT DO NOTHING
        RETURNING id),
    banded AS (
        INSERT INTO ingest.minhash_bands (band, hash, article_id)
        SELECT v.band, v.hash, v.article_id FROM unnest(:b_bands, :b_hashes, :b_articles) AS v(band, hash, article_id)
        WHERE v.article_id IN (SELECT id FROM stored)
        ON CONFLICT DO NOTHING),
    published AS (
        INSERT INTO ingest.outbox (topic, key, value, headers, claimed_until)
        SELECT v.topic, v.key, v.value, CAST(v.headers AS jsonb),
               CASE WHEN v.n <= :leased THEN now() + make_interval(secs => :lease_s) END
        FROM unnest(:o_topics, :o_keys, :o_values, :o_headers, :o_articles) WITH ORDINALITY
             AS v(topic, key, value, headers, article_id, n)
        WHERE v.article_id IN (SELECT id FROM stored)
        ORDER BY v.n
        RETURNING id, key, claimed_until IS NOT NULL AS leased)
    SELECT p.id, convert_from(p.key, 'UTF8') AS article_id, p.leased FROM published p ORDER BY p.id
""").bindparams(
    *(bindparam(n, type_=NativeArray(Text)) for n in ("ids", "urls", "canons", "hashes", "titles", "texts", "langs",
                                                 "sources", "nears", "b_articles", "o_topics", "o_headers",
                                                 "o_articles")),
    *(bindparam(n, type_=NativeArray(DateTime(timezone=True))) for n in ("published", "received")),
    bindparam("detected", type_=NativeArray(Boolean)), bindparam("minhashes", type_=NativeArray(LargeBinary)),
    bindparam("feeds", type_=NativeArray(UUID(as_uuid=True))), bindparam("sims", type_=NativeArray(Double)),
    bindparam("b_bands", type_=NativeArray(Integer)), bindparam("b_hashes", type_=NativeArray(BigInteger)),
    bindparam("o_keys", type_=NativeArray(LargeBinary)), bindparam("o_values", type_=NativeArray(LargeBinary)),
    bindparam("leased", type_=Integer), bindparam("lease_s", type_=Double))


async def _raced(session: Executor, a: NewArticle) -> Stored:
    existing = (await session.execute(select(articles.c.id).where(or_(
        articles.c.id == a.id, articles.c.content_hash == a.content_hash)).limit(1))).scalar_one()
    return Stored(existing, True)


async def store(session: Executor, article: NewArticle, threshold: float = similarity.THRESHOLD,
                lease: OutboxLease | None = None) -> Stored:
    return (await store_many(session, [article], threshold, lease))[0]


async def get(session: Executor, article_id: str) -> dict[str, object] | None:
    row = (await session.execute(select(articles).where(articles.c.id == article_id))).mappings().first()
    return dict(row) if row else None
