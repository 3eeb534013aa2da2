"""Enrich persistence: one annotation per article, upserted (a re-delivered article leaves the same row)."""

from __future__ import annotations

from pydantic_core import PydanticSerializationError
from sqlalchemy import Boolean, Text, bindparam, text

from shared.annotation import Annotation
from shared.db import Executor, NativeArray, json_dumps

# Built once, arrays bound: one cached statement whatever the batch size (a multi-row VALUES was a new statement to
# build and compile for every batch), bound as asyncpg takes them (NativeArray: no pass per element). The annotation
# goes in as JSON text, cast: pydantic's own serialisation (to_json), not model_dump's Python objects made again
# into JSON.
_UPSERT = text("""
    INSERT INTO enrich.annotations (article_id, engine_version, lang, alert, annotation)
    SELECT v.article_id, :engine_version, v.lang, v.alert, CAST(v.annotation AS jsonb)
    FROM unnest(:ids, :langs, :alerts, :annotations) WITH ORDINALITY AS v(article_id, lang, alert, annotation, n)
    ORDER BY v.n
    ON CONFLICT (article_id) DO UPDATE SET engine_version = excluded.engine_version, lang = excluded.lang,
        alert = excluded.alert, annotation = excluded.annotation, enriched_at = excluded.enriched_at
""").bindparams(bindparam("ids", type_=NativeArray(Text)), bindparam("langs", type_=NativeArray(Text)),
                bindparam("alerts", type_=NativeArray(Boolean)), bindparam("annotations", type_=NativeArray(Text)),
                bindparam("engine_version", type_=Text))


async def upsert(session: Executor, article_id: str, annotation: Annotation, engine_version: str) -> None:
    await upsert_many(session, [(article_id, annotation)], engine_version)


async def upsert_many(session: Executor, rows: list[tuple[str, Annotation]], engine_version: str) -> None:
    """One statement for a batch; article ids must be distinct (Postgres refuses to update a row twice)."""
    if not rows:
        return
    await session.execute(_UPSERT, {
        "ids": [i for i, _ in rows], "langs": [a.lang for _, a in rows], "alerts": [a.alert for _, a in rows],
        "annotations": [_json(a) for _, a in rows], "engine_version": engine_version})


def _json(annotation: Annotation) -> str:
    try:
        return annotation.__pydantic_serializer__.to_json(annotation).decode()
    except PydanticSerializationError:  # a lone surrogate: as before, JSON PostgreSQL refuses (a DataError: the DLQ)
        return json_dumps(annotation.model_dump(mode="json"))
