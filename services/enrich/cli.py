"""Offline annotator: NDJSON `{"id","text","title"?,"lang"?,"published_at"?}` in, one JSON line per input out.

A `title` (the headline, apart from the body) is read with the body; its own mentions come back under `title`.

A bad line yields `{"id": …, "error": "reason"}` and processing continues; the return code is 1 if any
line failed. Called by `python -m services.enrich annotate` (see __main__.py).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, TextIO

from services.enrich.enrichment import load_gazetteer
from services.enrich.gazetteer import Gazetteer
from services.enrich.headline import enrich_article


def _parse(line: str) -> tuple[Any, str, str | None, str | None, datetime | None]:
    obj = json.loads(line)
    if not isinstance(obj, dict):
        raise ValueError("line is not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("missing or non-string 'text'")
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise ValueError("'title', when given, must be a string")
    lang = obj.get("lang")
    if lang is not None and lang not in ("ar", "en"):
        raise ValueError(f"unsupported lang {lang!r}")
    pub = obj.get("published_at")
    published = datetime.fromisoformat(pub.replace("Z", "+00:00")) if isinstance(pub, str) and pub else None
    return obj.get("id"), text, title, lang, published


def annotate(stdin: TextIO, stdout: TextIO, gazetteer: Gazetteer | None = None) -> int:
    gaz = gazetteer or load_gazetteer()
    failed = 0
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        rid: Any = None
        try:
            try:
                rid = json.loads(line).get("id")
            except (ValueError, AttributeError):
                rid = None
            rid, text, title, lang, published = _parse(line)
        except (ValueError, TypeError) as exc:
            failed += 1
            stdout.write(json.dumps({"id": rid, "error": f"line {n}: {exc}"}, ensure_ascii=False) + "\n")
            continue
        ann = enrich_article(title, text, gaz, lang=lang, published_at=published)
        # `title` only when the headline named something: a body alone keeps DESIGN.md's line shape
        out = ann.model_dump(mode="json", exclude=None if ann.title is not None else {"title"})
        stdout.write(json.dumps({"id": rid, **out}, ensure_ascii=False) + "\n")
    stdout.flush()
    return 1 if failed else 0
