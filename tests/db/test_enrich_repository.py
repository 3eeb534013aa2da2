from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.enrich import repository
from services.enrich.models import article_annotations
from shared.annotation import Annotation

pytestmark = pytest.mark.db


async def test_a_redelivered_article_leaves_one_row_with_the_latest_annotation(session: AsyncSession) -> None:
    await repository.upsert(session, "art_1", Annotation(lang="ar"), "v1")
    await repository.upsert(session, "art_1", Annotation(lang="ar", alert=True), "v2")
    rows = (await session.execute(select(article_annotations))).all()
    assert len(rows) == 1
    assert rows[0].engine_version == "v2" and rows[0].alert is True
    assert Annotation.model_validate(rows[0].annotation).alert is True
