from __future__ import annotations

from prometheus_client import Counter

ARTICLES = Counter("raqib_ingest_articles_total", "Articles received", ["result"])  # new|duplicate
ACCEPTED = Counter("raqib_ingest_articles_accepted_total",
                   "Articles accepted (202), new or duplicate: what ingest has finished")
