from __future__ import annotations

from prometheus_client import Counter

ARTICLES = Counter("raqib_ingest_articles_total", "Articles received", ["result"])  # new|duplicate|near_duplicate
FEED_FETCHES = Counter("raqib_ingest_feed_fetches_total", "Feed polls", ["result"])  # ok|not_modified|error
PAGE_FETCHES = Counter("raqib_ingest_page_fetches_total", "Article pages fetched for summary-only feed entries",
                       ["result"])  # ok|error
ACCEPTED = Counter("raqib_ingest_articles_accepted_total",
                   "Articles accepted (202), new, duplicate or near-duplicate: what ingest has finished")
