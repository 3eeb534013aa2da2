"""The feed poller: claim due feeds (lease in PostgreSQL), fetch each with a conditional GET, turn new entries
into articles (fetching the page of an entry that carries only a summary), store them, record the poll.

Errors of a feed (unreachable, refused by the SSRF rules, HTTP 4xx/5xx, too large, not a feed) are the
feed's: recorded in `last_error`, and the feed backs off (its interval doubled per error in a row, capped,
jittered). A database or broker outage is the process's: the Poller base class backs off and retries."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.ingest import feed_store, feeds, limits, repository
from services.ingest.articles import ArticleIn, NoContent, canonical_url, prepare
from services.ingest.extraction import Extractor
from services.ingest.fetch import FetchError, fetch
from services.ingest.metrics import ACCEPTED, ARTICLES, FEED_FETCHES, PAGE_FETCHES
from services.ingest.settings import IngestSettings
from shared.db import unit_of_work
from shared.polling import Poller

log = logging.getLogger(__name__)
MAX_ENTRIES = 200  # entries read per poll (a feed lists its newest first)
PAGE_CONCURRENCY = 4
PURGE_EVERY_S = 600.0
POLL_DEADLINE_S = feed_store.LEASE.total_seconds() * 0.8
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"


class FeedPoller(Poller):
    name = "feed poller"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], extractor: Extractor, settings: IngestSettings,
                 client: httpx.AsyncClient, wake_relay: asyncio.Event) -> None:
        super().__init__(settings.feed_poll_s)
        self.sessions, self.extractor, self.settings, self.client = sessions, extractor, settings, client
        self.wake_relay = wake_relay
        self.pages = asyncio.Semaphore(PAGE_CONCURRENCY)
        self._purged_at = 0.0

    async def step(self) -> bool:
        async with unit_of_work(self.sessions) as session:
            claimed = await feed_store.claim(session, self.settings.feed_concurrency)
        await asyncio.gather(*(self.poll(f) for f in claimed))
        if time.monotonic() - self._purged_at > PURGE_EVERY_S:
            async with unit_of_work(self.sessions) as session:
                await limits.purge(session, datetime.now(UTC))
            self._purged_at = time.monotonic()
        return len(claimed) == self.settings.feed_concurrency

    async def _get(self, url: str, **kwargs: Any) -> Any:
        s = self.settings
        return await fetch(self.client, url, allow_private=s.allow_private_feed_targets, timeout_s=s.feed_timeout_s,
                           max_bytes=s.feed_max_bytes, **kwargs)

    async def poll(self, feed: Row[Any]) -> None:
        counts = {"fetches": 1, "items_seen": 0, "articles_new": 0, "not_modified": 0}
        values: dict[str, Any] = {}
        try:
            async with asyncio.timeout(POLL_DEADLINE_S):  # ends well before the lease does
                await self._poll(feed, counts, values)
            values["errors_in_row"] = 0
            delay = feeds.next_delay_s(feed.interval_s, 0)
        except (FetchError, TimeoutError) as exc:
            error = str(exc) if isinstance(exc, FetchError) else f"poll took longer than {POLL_DEADLINE_S:g} s"
            FEED_FETCHES.labels("error").inc()
            values.update(last_error=error[:1000], errors_in_row=feed.errors_in_row + 1, last_status=_status(error))
            delay = feeds.next_delay_s(feed.interval_s, feed.errors_in_row + 1)
            log.info("feed poll failed", extra={"feed": str(feed.id), "error": error})
        values["next_fetch_at"] = datetime.now(UTC) + timedelta(seconds=delay)
        async with unit_of_work(self.sessions) as session:
            if not await feed_store.record(session, feed.id, feed.lease_until, values, counts):
                log.warning("feed lease lost before the poll was recorded", extra={"feed": str(feed.id)})

    async def _poll(self, feed: Row[Any], counts: dict[str, int], values: dict[str, Any]) -> None:
        """Fetch, parse and ingest one feed, filling in the poll's `counts` and feed `values`."""
        got = await self._get(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT)
        values["last_status"] = got.status
        if got.status == 304:
            counts["not_modified"] = 1
            FEED_FETCHES.labels("not_modified").inc()
        else:
            parsed = feeds.parse(got.body, got.url, got.content_type)
            if not parsed.entries and parsed.problem:
                raise FetchError(parsed.problem)
            entries = parsed.entries[:MAX_ENTRIES]
            counts["items_seen"] = len(entries)
            new, complete, problems = await self.ingest(feed, entries)
            counts["articles_new"] = new
            # an incomplete poll keeps no validators: the next one must read the whole feed again
            values.update(etag=got.etag if complete else None, last_modified=got.last_modified if complete else None)
            FEED_FETCHES.labels("ok").inc()
            values["last_error"] = "; ".join(problems)[:1000] or None

    async def ingest(self, feed: Row[Any], entries: list[feeds.Entry]) -> tuple[int, bool, list[str]]:
        """Store the entries not seen before -> (new articles, every entry handled, problems met)."""
        canon = {e.link: _canonical(e.link) for e in entries if e.link}
        async with self.sessions() as session:
            known = await feed_store.known_urls(session, [c for c in canon.values() if c])
        fresh = [e for e in entries if not (e.link and canon.get(e.link) in known)]
        results = await asyncio.gather(*(self.article(feed, e) for e in fresh))
        problems = [p for _, p in results if p]
        prepared = [a for a, _ in results if a is not None]
        new = 0
        async with unit_of_work(self.sessions) as session:
            for stored in await repository.store_many(
                    session, [dataclasses.replace(a, feed_id=feed.id) for a in prepared],
                    self.settings.near_duplicate_threshold):
                ARTICLES.labels(stored.result).inc()
                ACCEPTED.inc()
                new += not stored.duplicate
        if new:
            self.wake_relay.set()
        complete = not any(p.startswith("page ") for p in problems)
        return new, complete, problems

    async def article(self, feed: Row[Any], e: feeds.Entry) -> tuple[Any, str | None]:
        """-> (the article to store or None, a problem or None)."""
        html = e.content_html
        if html is None and e.link is not None:
            async with self.pages:
                try:
                    html = (await self._get(e.link, accept="text/html,application/xhtml+xml")).body.decode(
                        "utf-8", "replace")
                    PAGE_FETCHES.labels("ok").inc()
                except FetchError as exc:
                    PAGE_FETCHES.labels("error").inc()
                    if e.summary_html is None:
                        return None, f"page {e.link}: {exc}"
                    html = e.summary_html  # the summary is better than nothing; the page is not retried
        html = html if html is not None else e.summary_html
        if not html:
            return None, None
        try:
            article = ArticleIn(html=html, url=e.link, title=(e.title or "")[:2000] or None,
                                lang=feed.lang or e.lang, published_at=e.published_at,
                                source=(feed.source or "")[:200] or None)
            return prepare(article, datetime.now(UTC), await self.extractor.text(html)), None
        except (ValueError, NoContent) as exc:
            return None, f"entry {e.link or e.title!r}: {str(exc).splitlines()[0][:200]}"


def _canonical(link: str | None) -> str | None:
    try:
        return canonical_url(link) if link else None
    except (ValueError, UnicodeError):
        return None


def _status(error: str) -> int | None:
    return int(error[5:8]) if error.startswith("HTTP ") and error[5:8].isdigit() else None
