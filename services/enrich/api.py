"""Enrich HTTP API: the engine, synchronously."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import select

from services.enrich import metrics
from services.enrich.enrichment import enrich
from services.enrich.models import article_annotations
from shared.annotation import Annotation
from shared.auth import require

router = APIRouter(prefix="/v1", tags=["annotate"])
Reader = Annotated[set[str], Depends(require("read"))]


class AnnotateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=200_000)
    lang: str | None = Field(default=None, pattern=r"^(ar|en)$")
    published_at: AwareDatetime | None = None


@router.post("/annotate", response_model=Annotation,
             summary="Annotate a text: places, facilities (prisons, camps), actors, event types, date")
async def annotate(body: AnnotateIn, request: Request) -> Annotation:
    # Read-only computation, so no key is needed; the body limit bounds the work per request.
    start = time.perf_counter()
    result = enrich(body.text, request.app.state.gazetteer, lang=body.lang, published_at=body.published_at)
    metrics.ANNOTATE_SECONDS.observe(time.perf_counter() - start)
    return result


@router.get("/annotations/{article_id}", response_model=Annotation,
            summary="The stored annotation of an ingested article")
async def stored(article_id: str, request: Request, _: Reader) -> Annotation:
    async with request.app.state.sessions() as session:
        doc = (await session.execute(select(article_annotations.c.annotation)
                                     .where(article_annotations.c.article_id == article_id))).scalar_one_or_none()
    if doc is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no annotation for article {article_id!r}")
    return Annotation.model_validate(doc)
