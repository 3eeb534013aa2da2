"""Ingest HTTP API: articles in, one at a time, in batches or as an NDJSON stream; where an article is."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import anyio
import orjson
from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security.utils import get_authorization_scheme_param
from pydantic import BaseModel, Field, ValidationError

from services.ingest import limits, repository
from services.ingest.articles import ArticleIn, NewArticle, NoContent, prepare
from services.ingest.extraction import html_to_text
from services.ingest.language import supported
from services.ingest.metrics import ACCEPTED, ARTICLES
from services.ingest.status import Pipeline, pipeline
from shared.auth import ADMIN, cached_scopes, require
from shared.db import Executor, autocommit_connection, unit_of_work
from shared.outbox import OutboxLease
from shared.text import pg_clean

router = APIRouter(prefix="/v1", tags=["articles"])
Writer = Annotated[set[str], Depends(require("articles:write"))]
Reader = Annotated[set[str], Depends(require("read"))]
Limited = Annotated[None, Depends(limits.rate_limited)]
ARTICLE_ID = re.compile(r"art_[0-9a-f]{32}")
MAX_BATCH = 1000
IDEMPOTENCY_DOC = {"parameters": [{"name": "Idempotency-Key", "in": "header", "required": False,
                                   "schema": {"type": "string", "maxLength": limits.MAX_KEY_CHARS},
                                   "description": "The first answer to this key is replayed for the same request "
                                   "(24 h); the same key with another request is 422"}]}
LIMIT_ERRORS: dict[int | str, dict[str, Any]] = {
    429: {"description": "Rate limit of this API key exceeded (see Retry-After)"},
    422: {"description": "Invalid input, with the reason"}}


class Accepted(BaseModel):
    id: str
    duplicate: bool = Field(description="the same URL or the same text was received before: nothing new")
    near_duplicate_of: str | None = Field(
        default=None, description="the first article of the same story (another URL, lightly edited): stored and "
        "enriched, but raises no alert")


class ItemResult(BaseModel):
    index: int = Field(description="position in the batch (0-based) or line number in the upload (1-based)")
    status: Literal["new", "duplicate", "near_duplicate", "rejected"]
    id: str | None = None
    duplicate: bool | None = None
    near_duplicate_of: str | None = None
    errors: list[dict[str, Any]] | None = Field(default=None, description="why it was rejected ({loc, msg})")


class BatchIn(BaseModel):
    articles: list[Any] = Field(min_length=1, max_length=MAX_BATCH, description=(
        f"up to {MAX_BATCH} articles, each shaped like the body of POST /v1/articles; a bad one is rejected on "
        "its own"))


class BatchOut(BaseModel):
    results: list[ItemResult]
    counts: dict[str, int] = Field(description="results by status")


class ArticleOut(BaseModel):
    id: str
    url: str | None
    title: str | None
    lang: str | None
    lang_detected: bool = Field(description="the language was detected, not given")
    lang_supported: bool = Field(description="Arabic or English: the languages the annotator reads")
    source: str | None
    published_at: datetime | None
    received_at: datetime
    near_duplicate_of: str | None
    similarity: float | None = Field(description="estimated similarity to near_duplicate_of (0..1)")
    feed_id: str | None
    text: str
    pipeline: Pipeline


def _errors(exc: ValidationError | NoContent, loc: tuple[str | int, ...]) -> list[dict[str, Any]]:
    if isinstance(exc, NoContent):
        return [{"loc": [*loc, exc.field], "msg": str(exc)}]
    return pg_clean([{"loc": [*loc, *e["loc"]], "msg": e["msg"]} for e in exc.errors(include_url=False)])


Prepared = NewArticle | list[dict[str, Any]]  # the article to store, or why it cannot be


def prepare_sync(raw: Any, now: datetime, loc: tuple[str | int, ...]) -> Prepared:
    """`prepare_item` in the calling thread, HTML extraction included."""
    try:
        article = raw if isinstance(raw, ArticleIn) else ArticleIn.model_validate(raw)
        return prepare(article, now, None if article.text else html_to_text(article.html or ""))
    except (ValidationError, NoContent) as exc:
        return _errors(exc, loc)


async def prepare_many(request: Request, raws: list[tuple[int, Any]], now: datetime,
                       loc: Callable[[int], tuple[str | int, ...]]) -> list[tuple[int, Prepared]]:
    """Many articles prepared in one worker thread (bounded like HTML extraction): validation, extraction,
    language and MinHash of a thousand articles take seconds the event loop must not spend."""
    def run() -> list[tuple[int, Prepared]]:
        return [(i, prepare_sync(raw, now, loc(i))) for i, raw in raws]

    return await anyio.to_thread.run_sync(run, limiter=request.app.state.extractor.limiter)


async def prepare_item(request: Request, raw: Any, now: datetime,
                       loc: tuple[str | int, ...]) -> NewArticle | list[dict[str, Any]]:
    """-> the article to store, or why it cannot be (HTML is extracted in a bounded worker thread)."""
    try:
        article = raw if isinstance(raw, ArticleIn) else ArticleIn.model_validate(raw)
        extracted = None if article.text else await request.app.state.extractor.text(article.html or "")
        return prepare(article, now, extracted)
    except (ValidationError, NoContent) as exc:
        return _errors(exc, loc)


async def store_items(session: Executor, items: list[tuple[int, NewArticle | list[dict[str, Any]]]],
                      threshold: float, lease: OutboxLease | None = None) -> list[ItemResult]:
    good = [item for _, item in items if not isinstance(item, list)]
    stored = iter(await repository.store_many(session, good, threshold, lease))
    results = []
    for index, item in items:
        if isinstance(item, list):
            results.append(ItemResult(index=index, status="rejected", errors=item))
            continue
        s = next(stored)
        results.append(ItemResult(index=index, status=s.result, id=s.id, duplicate=s.duplicate,
                                  near_duplicate_of=s.near_duplicate_of))
    return results


def counted(results: list[ItemResult]) -> dict[str, int]:
    counts = {"new": 0, "duplicate": 0, "near_duplicate": 0, "rejected": 0}
    for r in results:
        counts[r.status] += 1
        if r.status != "rejected":
            ARTICLES.labels(r.status).inc()
            ACCEPTED.inc()
    return counts


async def idempotent(request: Request, code: int, work: Callable[[Any], Awaitable[BaseModel]],
                     exclude_none: bool = False, *, lease: OutboxLease | None = None, one_write: bool = False
                     ) -> Response:
    """Run `work` in one transaction; with an Idempotency-Key, replay the kept answer instead, or keep this one.
    `lease`: the outbox relay's offer `work` wrote its rows under, handed over after the commit. `one_write`: what
    `work` writes is one statement, atomic on its own: with no key to keep with it, it runs without BEGIN and
    COMMIT (two round trips; its reads see what is committed, as they would in the transaction), on a Core
    connection (no ORM session: `work` then takes an Executor and runs Core statements only); else `work` gets the
    transaction's AsyncSession."""
    key = limits.idempotency_key(request)
    sessions = request.app.state.sessions
    if one_write and not key:
        async with autocommit_connection(sessions) as conn:
            answer = (await work(conn)).model_dump(mode="json", exclude_none=exclude_none)
        request.app.state.relay.take(lease)
        return json_response(answer, code)
    who = limits.principal(request)
    req_hash = limits.request_hash(request.method, request.url.path, await request.body()) if key else ""
    async with unit_of_work(sessions) as session:
        if key and (kept := await limits.replay(session, who, key, req_hash)) is not None:
            return json_response(kept[1], kept[0], {"Idempotent-Replayed": "true"})
        answer = (await work(session)).model_dump(mode="json", exclude_none=exclude_none)
        if key:
            await limits.remember(session, who, key, req_hash, code, answer)
    request.app.state.relay.take(lease)
    return json_response(answer, code)


def json_response(content: Any, code: int, headers: dict[str, str] | None = None) -> Response:
    """JSONResponse's bytes (compact, UTF-8, not ASCII-escaped) by orjson: the answers hold no float."""
    return Response(orjson.dumps(content), status_code=code, headers=headers, media_type="application/json")


async def accept_article(request: Request, article: ArticleIn) -> Response:
    """POST /v1/articles once the key, its rate and the body have passed (by FastAPI or by FastArticleRoute)."""
    item = await prepare_item(request, article, datetime.now(UTC), ("body",))
    if isinstance(item, list):
        raise RequestValidationError([{"type": "value_error", "input": None, **e} for e in item])

    if not limits.idempotency_key(request):  # written with the other POSTs in flight (single_writes.py)
        s = await request.app.state.single_writes.store(item)
        ARTICLES.labels(s.result).inc()
        ACCEPTED.inc()
        answer = {"id": s.id, "duplicate": s.duplicate}  # as Accepted renders it, None left out
        if s.near_duplicate_of is not None:
            answer["near_duplicate_of"] = s.near_duplicate_of
        return json_response(answer, status.HTTP_202_ACCEPTED)
    lease = request.app.state.relay.lease()

    async def work(session: Executor) -> Accepted:
        s = await repository.store(session, item, request.app.state.settings.near_duplicate_threshold, lease)
        ARTICLES.labels(s.result).inc()
        ACCEPTED.inc()
        return Accepted(id=s.id, duplicate=s.duplicate, near_duplicate_of=s.near_duplicate_of)

    return await idempotent(request, status.HTTP_202_ACCEPTED, work, exclude_none=True,  # {"id", "duplicate"}
                            lease=lease, one_write=True)


class FastArticleRoute(APIRoute):
    """POST /v1/articles, the common case without FastAPI's per-request work (solving the dependencies, reading
    the body as a parameter, rendering through the response model: ~20 % of a single POST's CPU, py-spy): a request
    with a JSON body (`Content-Type: application/json`) that is a valid article, a bearer key already in the
    process's key cache (shared.auth) that grants the scope, and no Idempotency-Key goes straight to
    `accept_article` after the rate limit, as the route's dependencies would send it. Anything else (no key or
    one not cached, a body that is not a valid article, an Idempotency-Key, another content type) takes the route
    as declared, on the same body: every status and every error body is FastAPI's, and the OpenAPI document is
    the declared route's. Nothing with a side effect (the rate limit's token) happens before the fast path is
    sure to be taken."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        declared = super().get_route_handler()

        async def handler(request: Request) -> Response:
            article = await self._fast(request)
            if article is None:
                return await declared(request)
            await limits.rate_limited(request)  # after auth, as the declared dependencies: 429 or a token
            return await accept_article(request, article)

        return handler

    @staticmethod
    async def _fast(request: Request) -> ArticleIn | None:
        headers = request.headers
        # a Content-Length (checked by the body limit before the body is read: a chunked body is counted as it
        # comes, and one over the limit fails its reading, which the declared route answers)
        if (headers.get("content-type") != "application/json" or "idempotency-key" in headers
                or "content-length" not in headers):
            return None
        authorization = headers.get("authorization")
        scheme, credentials = get_authorization_scheme_param(authorization)  # as HTTPBearer reads it
        if not (authorization and scheme and credentials) or scheme.lower() != "bearer":
            return None
        granted = cached_scopes(credentials)
        if granted is None or ("articles:write" not in granted and ADMIN not in granted):
            return None
        try:
            return ArticleIn.model_validate(orjson.loads(await request.body()))
        except (orjson.JSONDecodeError, ValidationError):
            return None


async def post_article(article: ArticleIn, request: Request, _: Writer, __: Limited) -> Response:
    return await accept_article(request, article)


router.add_api_route("/articles", post_article, methods=["POST"], status_code=status.HTTP_202_ACCEPTED,
                     response_model=Accepted, openapi_extra=IDEMPOTENCY_DOC, responses=LIMIT_ERRORS,
                     summary="Submit one article (text or HTML); re-posts are duplicates, the same story elsewhere "
                     "a near-duplicate", route_class_override=FastArticleRoute)


@router.post("/articles/batch", status_code=status.HTTP_202_ACCEPTED, response_model=BatchOut,
             openapi_extra=IDEMPOTENCY_DOC, responses=LIMIT_ERRORS,
             summary=f"Submit up to {MAX_BATCH} articles; each gets its own result (a bad one sinks no other)")
async def post_batch(batch: BatchIn, request: Request, _: Writer, __: Limited) -> Response:
    limit = request.app.state.settings.max_batch_articles
    if len(batch.articles) > limit:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"a batch holds at most {limit} articles, this one has {len(batch.articles)}")
    now = datetime.now(UTC)
    items = await prepare_many(request, list(enumerate(batch.articles)), now, lambda i: ("body", "articles", i))

    lease = request.app.state.relay.lease()

    async def work(session: Executor) -> BatchOut:
        results = await store_items(session, items, request.app.state.settings.near_duplicate_threshold, lease)
        return BatchOut(results=results, counts=counted(results))

    return await idempotent(request, status.HTTP_202_ACCEPTED, work, lease=lease, one_write=True)


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One stored article and where it is",
            responses={404: {"description": "No such article"}})
async def get_article(article_id: str, request: Request, _: Reader) -> ArticleOut:
    if not ARTICLE_ID.fullmatch(article_id):  # no such id can exist (and a NUL must not reach the database)
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such article")
    async with request.app.state.sessions() as session:
        row = await repository.get(session, article_id)
        if row is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {article_id!r}")
        where = await pipeline(session, article_id, row["received_at"])  # type: ignore[arg-type]
    feed = row.get("feed_id")
    return ArticleOut.model_validate({**row, "feed_id": str(feed) if feed else None, "pipeline": where,
                                      "lang_supported": supported(row["lang"])})  # type: ignore[arg-type]
