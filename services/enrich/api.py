"""Enrich HTTP API: the engine on a text, in a worker thread; stored annotations."""

from __future__ import annotations

import time
from functools import partial
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy import select

from services.enrich import metrics
from services.enrich.gazetteer import facility_records
from services.enrich.headline import enrich_article
from services.enrich.models import article_annotations
from services.enrich.settings import EnrichSettings
from shared.annotation import Annotation
from shared.auth import require

router = APIRouter(prefix="/v1", tags=["annotate"])
Reader = Annotated[set[str], Depends(require("read"))]


class AnnotateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=200_000)
    title: str | None = Field(default=None, max_length=2_000, description=(
        "The headline, when it comes apart from the body: its mentions are returned under `title`, indexing it"))
    lang: str | None = Field(default=None, pattern=r"^(ar|en)$")
    published_at: AwareDatetime | None = None


RETRY_AFTER_S = 1


class AnnotateGate:
    """At most `concurrency` annotations at once, each in a worker thread: the event loop (which also runs the
    articles consumer, health checks and other requests) never runs the engine for a caller, and a burst of
    callers is told to come back (429) instead of queueing without bound."""

    def __init__(self, concurrency: int) -> None:
        self.slots = anyio.CapacityLimiter(concurrency)
        self.threads = anyio.CapacityLimiter(concurrency)

    @classmethod
    def of(cls, request: Request) -> AnnotateGate:
        state = request.app.state
        if getattr(state, "annotate_gate", None) is None:  # created on first use, from the service's settings
            settings = state.runtime.settings
            state.annotate_gate = cls(settings.annotate_concurrency if isinstance(settings, EnrichSettings)
                                      else EnrichSettings.model_fields["annotate_concurrency"].default)
        gate: AnnotateGate = state.annotate_gate
        return gate

    async def run(self, body: AnnotateIn, request: Request) -> Annotation:
        try:
            self.slots.acquire_nowait()  # no await between the check and the take: a slot is ours or we answer 429
        except anyio.WouldBlock:
            raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "the annotator is busy; retry shortly",
                                headers={"Retry-After": str(RETRY_AFTER_S)}) from None
        try:
            work = partial(enrich_article, body.title, body.text, request.app.state.gazetteer, lang=body.lang,
                           published_at=body.published_at)
            return await anyio.to_thread.run_sync(work, limiter=self.threads)
        finally:
            self.slots.release()


@router.post("/annotate", response_model=Annotation,
             summary="Annotate a text: places, facilities (prisons, camps), actors, event types, date",
             responses={429: {"description": "Busy: as many annotations as allowed are running; see Retry-After"}})
async def annotate(body: AnnotateIn, request: Request) -> Annotation:
    # Read-only computation, so no key is needed; the body limit and the gate bound the work.
    start = time.perf_counter()
    result = await AnnotateGate.of(request).run(body, request)
    metrics.ANNOTATE_SECONDS.observe(time.perf_counter() - start)
    return result


@router.get("/annotations/{article_id}", response_model=Annotation,
            summary="The stored annotation of an ingested article",
            responses={404: {"description": "No annotation for this article (yet)"}})
async def stored(article_id: str, request: Request, _: Reader) -> Annotation:
    async with request.app.state.sessions() as session:
        doc = (await session.execute(select(article_annotations.c.annotation)
                                     .where(article_annotations.c.article_id == article_id))).scalar_one_or_none()
    if doc is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no annotation for article {article_id!r}")
    return Annotation.model_validate(doc)


class Facility(BaseModel):
    id: str = Field(description="The gazetteer id, as in annotations and alerts (fac:…)")
    kind: Literal["prison", "camp"]
    name: str = Field(description="The canonical English name")
    name_ar: str | None = Field(description="An Arabic name with its head word (سجن/مخيم …), when one is listed")
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    lat: float | None
    lon: float | None


_AR_HEAD = {"prison": "سجن", "camp": "مخيم"}


def facility_list() -> list[Facility]:
    """The curated facilities (data/facilities.yaml) as the console's map draws them."""
    out = []
    for rec in facility_records():
        name_ar = rec.aliases.ar[0] if rec.aliases.ar else (
            f"{_AR_HEAD[rec.kind]} {rec.core.ar[0]}" if rec.core.ar else None)
        out.append(Facility(id=rec.id, kind=rec.kind, name=rec.canonical, name_ar=name_ar, country=rec.country,
                            lat=rec.lat, lon=rec.lon))
    return out


@router.get("/facilities", response_model=list[Facility], summary="The named prisons and camps the engine knows",
            tags=["gazetteer"])
async def facilities(request: Request, _: Reader) -> list[Facility]:
    cached: list[Facility] | None = getattr(request.app.state, "facility_list", None)
    if cached is None:
        cached = request.app.state.facility_list = await anyio.to_thread.run_sync(facility_list)
    return cached
