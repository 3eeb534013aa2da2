from __future__ import annotations

from prometheus_client import Counter, Histogram

ENRICHED = Counter("raqib_enrich_articles_total", "Articles enriched", ["alert"])
ANNOTATE_SECONDS = Histogram("raqib_enrich_annotate_seconds", "Time to annotate one text",
                             buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5))
MENTIONS = Counter("raqib_enrich_mentions_total", "Mentions found", ["kind"])
