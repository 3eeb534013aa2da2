"""Ingest HTTP API: articles in, one at a time or in batches."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from services.ingest import repository
from services.ingest.articles import ArticleIn, NewArticle, NoContent, prepare
from services.ingest.metrics import ACCEPTED, ARTICLES
from shared.auth import require
from shared.db import unit_of_work

router = APIRouter(prefix="/v1", tags=["articles"])
Writer = Annotated[set[str], Depends(require("articles:write"))]
Reader = Annotated[set[str], Depends(require("read"))]
ARTICLE_ID = re.compile(r"art_[0-9a-f]{32}")


class Accepted(BaseModel):
    id: str
    duplicate: bool


class BatchIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class BatchOut(BaseModel):
    results: list[Accepted]


class ArticleOut(BaseModel):
    id: str
    url: str | None
    title: str | None
    lang: str | None
    source: str | None
    published_at: datetime | None
    received_at: datetime
    text: str


async def _prepared(request: Request, article: ArticleIn, now: datetime, loc: tuple[str | int, ...]) -> NewArticle:
    """HTML is extracted in a worker thread (bounded); an article without usable text is a 422 at `loc`."""
    extracted = None if article.text else await request.app.state.extractor.text(article.html or "")
    try:
        return prepare(article, now, extracted)
    except NoContent as exc:
        raise RequestValidationError([{"type": "value_error", "loc": (*loc, exc.field), "msg": str(exc),
                                       "input": None}]) from exc


@router.post("/articles", status_code=status.HTTP_202_ACCEPTED, response_model=Accepted,
             summary="Submit one article (text or HTML); re-posts are recognised as duplicates")
async def post_article(article: ArticleIn, request: Request, _: Writer) -> Accepted:
    new = await _prepared(request, article, datetime.now(UTC), ("body",))
    async with unit_of_work(request.app.state.sessions) as session:
        article_id, duplicate = await repository.store(session, new)
    ARTICLES.labels("duplicate" if duplicate else "new").inc()
    ACCEPTED.inc()
    if not duplicate:
        request.app.state.relay.wakeup.set()
    return Accepted(id=article_id, duplicate=duplicate)


@router.post("/articles/batch", status_code=status.HTTP_202_ACCEPTED, response_model=BatchOut,
             summary="Submit up to 100 articles in one transaction")
async def post_batch(batch: BatchIn, request: Request, _: Writer) -> BatchOut:
    now = datetime.now(UTC)
    prepared = [await _prepared(request, a, now, ("body", "articles", i)) for i, a in enumerate(batch.articles)]
    results = []
    async with unit_of_work(request.app.state.sessions) as session:
        for new in prepared:
            article_id, duplicate = await repository.store(session, new)
            results.append(Accepted(id=article_id, duplicate=duplicate))
    for r in results:
        ARTICLES.labels("duplicate" if r.duplicate else "new").inc()
    ACCEPTED.inc(len(results))
    request.app.state.relay.wakeup.set()
    return BatchOut(results=results)


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One stored article",
            responses={404: {"description": "No such article"}})
async def get_article(article_id: str, request: Request, _: Reader) -> ArticleOut:
    if not ARTICLE_ID.fullmatch(article_id):  # no such id can exist (and a NUL must not reach the database)
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such article")
    async with request.app.state.sessions() as session:
        row = await repository.get(session, article_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {article_id!r}")
    return ArticleOut.model_validate(row)
