"""`python -m services.ingest load PATH`: back-fill from files — an NDJSON file (one article per line, as for
POST /v1/articles) or a folder of .txt, .html and .eml files — with a progress bar, a checkpoint to resume
from, and a summary (new / duplicate / near-duplicate / rejected, with the reasons).

It writes to the database like the API does (article + outbox row in one transaction, CHUNK items at a time);
a running ingest service's relay publishes them. The checkpoint (`PATH.load-state.json` unless given) holds the
number of items already committed, in order: a second run starts after them; `--restart` ignores it."""

from __future__ import annotations

import email
import email.policy
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tqdm import tqdm

from services.ingest import repository, similarity
from services.ingest.articles import ArticleIn, NoContent, prepare
from services.ingest.extraction import html_to_text
from shared.db import unit_of_work

CHUNK = 200
SUFFIXES = (".txt", ".html", ".htm", ".eml")


def _eml(raw: bytes) -> dict[str, Any]:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    item: dict[str, Any] = {"title": str(msg.get("subject") or "") or None}
    if msg.get("date"):
        try:
            item["published_at"] = parsedate_to_datetime(str(msg["date"])).isoformat()
        except (TypeError, ValueError):
            pass
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    if plain is not None:
        item["text"] = plain.get_content()
    elif html is not None:
        item["html"] = html.get_content()
    return item


def items(path: Path) -> Iterator[tuple[str, Any]]:
    """-> (where, raw article or an error string) for each item under `path`, in a stable order."""
    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
            where = str(f.relative_to(path))
            try:
                raw = f.read_bytes()
                suffix = f.suffix.lower()
                if suffix == ".eml":
                    yield where, _eml(raw)
                else:
                    text = raw.decode("utf-8")
                    yield where, {"text": text} if suffix == ".txt" else {"html": text}
            except (UnicodeDecodeError, OSError) as exc:
                yield where, f"unreadable: {type(exc).__name__}"
        return
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield f"line {number}", json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield f"line {number}", f"not JSON: {type(exc).__name__}"


def count(path: Path) -> int:
    if path.is_dir():
        return sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _article(raw: Any, now: datetime) -> Any:
    """-> a NewArticle, or the reason it is rejected."""
    if isinstance(raw, str):
        return raw
    try:
        article = ArticleIn.model_validate(raw)
        return prepare(article, now, None if article.text else html_to_text(article.html or ""))
    except ValidationError as exc:
        e = exc.errors(include_url=False)[0]
        return f"{'.'.join(str(x) for x in e['loc']) or 'article'}: {e['msg']}"
    except NoContent as exc:
        return f"{exc.field}: {exc}"


async def load(sessions: async_sessionmaker[AsyncSession], path: Path, state: Path | None = None,
               restart: bool = False, progress: bool = True, threshold: float = similarity.THRESHOLD
               ) -> dict[str, Any]:
    state = state or path.with_name(path.name + ".load-state.json")
    done = 0 if restart or not state.exists() else int(json.loads(state.read_text())["done"])
    results: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    bar = tqdm(total=count(path), initial=done, unit="article", disable=not progress)
    chunk: list[Any] = []
    now = datetime.now(UTC)

    async def flush() -> None:
        nonlocal done
        for item in chunk:
            if isinstance(item, str):
                results["rejected"] += 1
                reasons[item] += 1
        async with unit_of_work(sessions) as session:
            for stored in await repository.store_many(session, [i for i in chunk if not isinstance(i, str)],
                                                      threshold):
                results[stored.result] += 1
        done += len(chunk)
        state.write_text(json.dumps({"path": str(path), "done": done}))
        bar.update(len(chunk))
        chunk.clear()

    for i, (_where, raw) in enumerate(items(path)):
        if i < done:
            continue
        chunk.append(_article(raw, now))
        if len(chunk) >= CHUNK:
            await flush()
    if chunk:
        await flush()
    bar.close()
    return {"done": done, "results": {k: results.get(k, 0) for k in ("new", "duplicate", "near_duplicate",
                                                                         "rejected")},
            "rejected_reasons": dict(reasons.most_common(20)), "state": str(state)}
