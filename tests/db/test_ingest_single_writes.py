"""Single POSTs written together (services/ingest/single_writes.py), against the real PostgreSQL: POSTs arriving
while a write is in flight go out as one write, and each answer is what storing them one by one would give."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ingest.articles import ArticleIn, prepare
from services.ingest.models import articles, outbox
from services.ingest.single_writes import SingleWrites
from shared.db import make_engine, make_sessionmaker
from shared.outbox import OutboxLease, OutboxRelay
from tests.conftest import fresh_database

pytestmark = pytest.mark.db
NOW = datetime(2025, 3, 1, tzinfo=UTC)


@pytest.fixture
async def sessions(server_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """A database of their own: these writes commit (the shared DB tests' database is rolled back after each)."""
    async with fresh_database(server_url, "single") as url:
        engine = make_engine(url)
        try:
            yield make_sessionmaker(engine)
        finally:
            await engine.dispose()


class Relay:
    """The relay's side of the hand-over (lease, take), recorded: which rows each write handed over."""

    def __init__(self) -> None:
        self.taken: list[list[int]] = []

    def lease(self) -> OutboxLease:
        return OutboxLease(capacity=10)

    def take(self, lease: OutboxLease | None) -> None:
        assert lease is not None
        self.taken.append([r.id for r in lease.rows])


async def test_concurrent_posts_are_one_write_and_answer_as_one_by_one(
        sessions: async_sessionmaker[AsyncSession]) -> None:
    relay = Relay()
    writes = SingleWrites(sessions, cast(OutboxRelay, relay), threshold=2.0)
    tag = uuid.uuid4().hex
    a = prepare(ArticleIn(text=f"Guards at the camp {tag}", url=f"https://s.example/{tag}/a"), NOW)
    b = prepare(ArticleIn(text=f"A transfer from the prison {tag}", url=f"https://s.example/{tag}/b"), NOW)
    a_again = prepare(ArticleIn(text=f"Guards at the camp {tag}", url=f"https://mirror.example/{tag}"), NOW)
    c = prepare(ArticleIn(text=f"Another report {tag}", url=f"https://s.example/{tag}/c"), NOW)
    first = await writes.store(a)  # alone: nothing in flight
    together: list[Any] = await asyncio.gather(*(writes.store(x) for x in (b, a_again, c)))
    assert first.id == a.id and not first.duplicate
    assert [(s.id, s.duplicate) for s in together] == [(b.id, False), (a.id, True), (c.id, False)]
    # the first POST its own write; the three that came while no write was in flight: one write of the three
    # (the duplicate wrote no row)
    assert [len(t) for t in relay.taken] == [1, 2]
    async with sessions() as s:
        ids = {a.id, b.id, c.id, a_again.id}
        assert await s.scalar(select(func.count()).select_from(articles).where(articles.c.id.in_(ids))) == 3
        keys = {k.decode() for k in (await s.scalars(select(outbox.c.key).where(
            outbox.c.id.in_([i for t in relay.taken for i in t])))).all()}
        assert keys == {a.id, b.id, c.id}


async def test_a_write_failing_on_one_article_fails_only_its_post(sessions: async_sessionmaker[AsyncSession],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    writes = SingleWrites(sessions, cast(OutboxRelay, Relay()), threshold=2.0)
    tag = uuid.uuid4().hex
    good, bad = (prepare(ArticleIn(text=f"{name} {tag}"), NOW) for name in ("good", "bad"))
    real = SingleWrites._write

    async def refusing(self: SingleWrites, batch: list[Any]) -> Any:
        if any(x.id == bad.id for x in batch):
            raise ValueError("this article's data")  # not transient: its own
        return await real(self, batch)

    monkeypatch.setattr(SingleWrites, "_write", refusing)
    outcomes = await asyncio.gather(writes.store(good), writes.store(bad), return_exceptions=True)
    assert outcomes[0].id == good.id and not outcomes[0].duplicate  # type: ignore[union-attr]
    assert isinstance(outcomes[1], ValueError)


async def test_writes_under_a_steady_flow_are_spaced_and_gather_the_posts_between(
        sessions: async_sessionmaker[AsyncSession]) -> None:
    relay = Relay()
    writes = SingleWrites(sessions, cast(OutboxRelay, relay), threshold=2.0, gather_s=0.3)
    tag = uuid.uuid4().hex
    arts = [prepare(ArticleIn(text=f"Report {n} from the camp {tag}", url=f"https://s.example/{tag}/{n}"), NOW)
            for n in range(5)]
    t0 = time.monotonic()
    await writes.store(arts[0])  # after a pause: at once
    first_s = time.monotonic() - t0
    assert first_s < 0.3

    async def later(n: int, delay: float) -> float:
        await asyncio.sleep(delay)
        await writes.store(arts[n])
        return time.monotonic() - t0

    # three POSTs within the next 0.3 s: one write, not before 0.3 s after the first started
    done = await asyncio.gather(later(1, 0.0), later(2, 0.05), later(3, 0.1))
    assert min(done) >= 0.3
    assert [len(t) for t in relay.taken] == [1, 3]
    await asyncio.sleep(0.35)  # a pause longer than gather_s: the next POST is written at once
    t1 = time.monotonic()
    await writes.store(arts[4])
    assert time.monotonic() - t1 < 0.3
    assert [len(t) for t in relay.taken] == [1, 3, 1]
