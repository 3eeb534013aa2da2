"""pytest plugin for bench/golden.py: record the text of every enrich() call the unit tests make.

    PYTHONPATH=bench .venv/bin/pytest -q -p golden_recorder tests/unit   # writes /tmp/golden/unit_calls.jsonl
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import services.enrich.enrichment as enrichment

OUT = Path("/tmp/golden/unit_calls.jsonl")
OUT.parent.mkdir(parents=True, exist_ok=True)
_out = OUT.open("w", encoding="utf-8")
_enrich = enrichment.enrich


def _recording(text: str, gazetteer: Any, *, lang: str | None = None,
               published_at: datetime | date | None = None) -> Any:
    kind = "real" if len(gazetteer.entries) > 1000 else "fixture"  # the fixture gazetteer is tiny
    pub = published_at.isoformat() if published_at else None
    _out.write(json.dumps({"text": text, "lang": lang, "pub": pub, "gaz": kind}, ensure_ascii=False) + "\n")
    _out.flush()
    return _enrich(text, gazetteer, lang=lang, published_at=published_at)


enrichment.enrich = _recording  # type: ignore[assignment]
