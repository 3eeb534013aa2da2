from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest import repository
from services.ingest.articles import ArticleIn, prepare
from services.ingest.models import outbox
from shared.events import ArticleReceived, decode

pytestmark = pytest.mark.db
NOW = datetime(2025, 2, 1, tzinfo=UTC)


async def outbox_rows(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(outbox)) or 0)


async def test_new_article_is_stored_with_one_outbox_event(session: AsyncSession) -> None:
    a = prepare(ArticleIn(text="مخيم الهول", url="https://n.example/1", lang="ar"), NOW)
    assert await repository.store(session, a) == repository.Stored(a.id, False)
    row = (await session.execute(select(outbox))).one()
    assert row.topic == "raqib.articles.v1" and row.key == a.id.encode()
    event = decode(row.value, [(k, v.encode()) for k, v in row.headers], ArticleReceived)
    assert event.article_id == a.id and event.text == "مخيم الهول" and event.lang == "ar"


async def test_reposts_by_url_or_content_are_duplicates_and_write_nothing(session: AsyncSession) -> None:
    first = prepare(ArticleIn(text="Roj camp report", url="https://n.example/2"), NOW)
    await repository.store(session, first)
    same_url = prepare(ArticleIn(text="edited text", url="https://N.example/2/?utm_source=x"), NOW)
    same_text = prepare(ArticleIn(text="Roj  camp report", url="https://mirror.example/9"), NOW)
    assert await repository.store(session, same_url) == repository.Stored(first.id, True)
    assert await repository.store(session, same_text) == repository.Stored(first.id, True)
    assert await outbox_rows(session) == 1


async def test_get_returns_the_stored_article(session: AsyncSession) -> None:
    a = prepare(ArticleIn(text="t", title="T"), NOW)
    await repository.store(session, a)
    row = await repository.get(session, a.id)
    assert row is not None and row["title"] == "T"
    assert await repository.get(session, "art_missing") is None
