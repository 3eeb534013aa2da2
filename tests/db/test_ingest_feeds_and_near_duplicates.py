"""Near-duplicates linked to the first article, the feed lease, Idempotency-Key answers, the file loader."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import HTTPException
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ingest import feed_store, limits, repository
from services.ingest.articles import ArticleIn, prepare
from services.ingest.loader import load
from services.ingest.models import feeds, outbox
from shared.events import ArticleReceived, decode
from tests.conftest import fresh_database

pytestmark = pytest.mark.db
NOW = datetime(2025, 11, 3, tzinfo=UTC)
STORY = ("Residents of the eastern district waited a third day for water trucks on Monday, according to two aid "
         "workers who asked not to be named, while queues at the single working tap grew longer each morning."
         " The council promised a written answer within a week, and a spokesman added that two more tankers had"
         " been hired from a neighbouring town to cover the gap until the pumps are repaired.")


async def test_the_same_story_under_other_urls_links_to_the_first_article(session: AsyncSession) -> None:
    first = await repository.store(session, prepare(ArticleIn(text=STORY, url="https://a.example/1"), NOW))
    copy = await repository.store(session, prepare(ArticleIn(
        text=STORY.replace("named", "identified") + " (Wire)", url="https://b.example/x"), NOW))
    again = await repository.store(session, prepare(ArticleIn(
        text=STORY.replace("each", "every"), url="https://c.example/y"), NOW))
    other = await repository.store(session, prepare(ArticleIn(
        text="The football club signed two young players from the academy on Sunday, its coach told reporters "
             "after a long training session in the rain.", url="https://a.example/2"), NOW))
    assert first.result == "new" and other.result == "new"
    assert copy.result == "near_duplicate" and copy.near_duplicate_of == first.id
    assert again.near_duplicate_of == first.id  # linked to the first, not to the copy
    row = await repository.get(session, copy.id)
    assert row is not None and row["near_duplicate_of"] == first.id and float(row["similarity"]) >= 0.5  # type: ignore[arg-type]
    events = [decode(r.value, [(k, v.encode()) for k, v in r.headers], ArticleReceived)
              for r in (await session.execute(select(outbox).order_by(outbox.c.id))).all()]
    assert [e.near_duplicate_of for e in events] == [None, first.id, first.id, None]
    assert all(e.lang == "en" for e in events)


async def test_two_replicas_never_claim_the_same_feed(database_url: str) -> None:
    from shared.db import make_engine, make_sessionmaker

    engine = make_engine(database_url)
    sessions: async_sessionmaker[AsyncSession] = make_sessionmaker(engine)
    try:
        async with sessions() as s, s.begin():
            ids = [(await feed_store.create(s, f"https://lease.example/{i}.xml", 300, None, None))[0] for i in range(3)]
        async with sessions() as a, a.begin():
            first = await feed_store.claim(a, 2)
            async with sessions() as b, b.begin():  # while the first claim's transaction holds its rows
                second = await feed_store.claim(b, 5)
        assert len(first) == 2 and {f.id for f in first}.isdisjoint({f.id for f in second})
        async with sessions() as c, c.begin():
            assert await feed_store.claim(c, 5) == []  # every feed leased
            lost = first[0]
            await c.execute(update(feeds).where(feeds.c.id == lost.id).values(lease_until=func.now()))
            assert not await feed_store.record(c, lost.id, lost.lease_until, {"last_status": 200}, {"fetches": 1})
            assert await feed_store.record(c, first[1].id, first[1].lease_until, {"last_status": 200},
                                           {"fetches": 1})
    finally:
        async with sessions() as s, s.begin():
            await s.execute(feeds.delete().where(feeds.c.id.in_(ids)))
        await engine.dispose()


async def test_an_idempotency_key_replays_its_answer_and_refuses_another_request(session: AsyncSession) -> None:
    assert await limits.replay(session, "p", "k1", "h1") is None
    await limits.remember(session, "p", "k1", "h1", 202, {"id": "art_1"})
    assert await limits.replay(session, "p", "k1", "h1") == (202, {"id": "art_1"})
    assert await limits.replay(session, "other client", "k1", "h2") is None
    with pytest.raises(HTTPException) as refused:
        await limits.replay(session, "p", "k1", "h2")
    assert refused.value.status_code == 422


async def test_loader_reads_ndjson_and_folders_resumes_and_summarises(server_url: str, tmp_path: Path) -> None:
    async with fresh_database(server_url, "loader") as url:  # the loader commits: not in the shared database
        await _loader_checks(url, tmp_path)


async def _loader_checks(database_url: str, tmp_path: Path) -> None:
    from shared.db import make_engine, make_sessionmaker

    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    tag = tmp_path.name
    data = tmp_path / "a.ndjson"
    data.write_text("\n".join([
        json.dumps({"text": f"{STORY} {tag}", "url": f"https://load.example/{tag}/1"}),
        json.dumps({"text": f"{STORY} {tag}", "url": f"https://load.example/{tag}/1"}),
        json.dumps({"text": STORY.replace("named", "identified") + f" {tag}", "url": f"https://m.example/{tag}"}),
        json.dumps({"title": "no text"}),
        "{not json",
        json.dumps({"text": f"Guards at Roj camp counted the tents again, {tag}.", "lang": "en"}),
    ]) + "\n")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "one.txt").write_text(f"A plain text report about the river level, {tag}.")
    (folder / "two.html").write_text(f"<html><body><article><p>A page about a market, {tag}.</p></article>"
                                     "</body></html>")
    (folder / "three.eml").write_text(f"Subject: Note {tag}\nDate: Tue, 04 Nov 2025 10:00:00 +0000\n"
                                      f"Content-Type: text/plain; charset=utf-8\n\nAn emailed report, {tag}.\n")
    (folder / "skip.bin").write_bytes(b"\x00")
    try:
        summary = await load(sessions, data, progress=False)
        assert summary["results"] == {"new": 2, "duplicate": 1, "near_duplicate": 1, "rejected": 2}
        assert len(summary["rejected_reasons"]) == 2
        again = await load(sessions, data, progress=False)  # resumed after the last item: nothing left
        assert again["results"] == {"new": 0, "duplicate": 0, "near_duplicate": 0, "rejected": 0}
        restarted = await load(sessions, data, restart=True, progress=False)
        assert restarted["results"]["duplicate"] == 4
        files = await load(sessions, folder, progress=False)
        assert files["results"]["new"] == 3 and files["done"] == 3
        async with sessions() as s:
            title = await s.scalar(text("SELECT title FROM ingest.articles WHERE title = :t"), {"t": f"Note {tag}"})
        assert title == f"Note {tag}"
    finally:
        await engine.dispose()


async def test_a_batch_is_decided_in_order_as_one_by_one_posts_would_be(session: AsyncSession) -> None:
    edited = STORY.replace("named", "identified") + " (Wire)"
    batch = [prepare(ArticleIn(text=t, url=u), NOW) for t, u in (
        (STORY + " batch", "https://batch.example/1"), (STORY + " batch", "https://batch.example/2"),
        (edited + " batch", "https://batch.example/3"), ("A short note.", "https://batch.example/1?utm_source=x"),
        ("Another short note.", None))]
    got = await repository.store_many(session, batch)
    assert [s.result for s in got] == ["new", "duplicate", "near_duplicate", "duplicate", "new"]
    assert got[1].id == got[0].id == got[3].id and got[2].near_duplicate_of == got[0].id
    assert int(await session.scalar(select(func.count()).select_from(outbox)) or 0) == 3


async def test_a_batch_of_a_thousand_fits_the_statement_parameter_limits(session: AsyncSession) -> None:
    words = [f"w{i}" for i in range(400)]
    batch = [prepare(ArticleIn(text=" ".join(words[(i * 7) % 350:(i * 7) % 350 + 45]) + f" number {i}"), NOW)
             for i in range(1000)]
    assert all(a.minhash is not None for a in batch)  # 32,000 band rows to write
    got = await repository.store_many(session, batch)
    assert len(got) == 1000 and all(not s.duplicate for s in got)
