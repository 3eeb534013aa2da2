from __future__ import annotations

from prometheus_client import Counter

ARTICLES = Counter("raqib_ingest_articles_total", "Articles received", ["result"])  # new|duplicate
