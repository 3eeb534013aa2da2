"""Feeds, pure: parse RSS 0.9x/1.0/2.0 and Atom into entries, decide what each entry's article is, and when
to poll a feed next.

Why feedparser: maintained, reads every RSS and Atom version, tolerates the malformed feeds found in the wild
(`bozo` marks them but entries still come through), resolves relative links against the feed's URL and
sanitises embedded HTML. It is only ever handed bytes we fetched ourselves (fetch.py: SSRF rules, timeout,
size cap), never a URL, so it makes no request of its own."""

from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

MAX_BACKOFF_S = 6 * 3600
JITTER = 0.1  # +-10 % of every delay, so feeds added together do not stay in step
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Entry:
    link: str | None
    title: str | None
    published_at: datetime | None
    lang: str | None
    content_html: str | None  # the full text as the feed carries it (Atom content, RSS content:encoded)
    summary_html: str | None  # a summary only (RSS description, Atom summary)


@dataclass(frozen=True)
class Parsed:
    entries: list[Entry]
    problem: str | None  # feedparser's complaint about a malformed feed (entries may still be there)


def _lang(*candidates: Any) -> str | None:
    for c in candidates:
        if isinstance(c, str) and c.strip():
            code = c.strip().lower().replace("_", "-")
            if _LANG.match(code):
                return code
    return None


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def parse(body: bytes, url: str, content_type: str | None = None) -> Parsed:
    """-> the feed's entries. `url` resolves relative links; `content_type` helps with the encoding."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    d = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    problem = None
    if d.get("bozo"):
        problem = f"{type(d.get('bozo_exception')).__name__}: {d.get('bozo_exception')}"[:500]
    feed_lang = _lang(d.feed.get("language"))
    entries = []
    for e in d.entries:
        content = next((c.get("value") for c in e.get("content", []) if c.get("value", "").strip()), None)
        summary = e.get("summary") or None
        detail_lang = (e.get("content") or [{}])[0].get("language") or (e.get("summary_detail") or {}).get("language")
        link = e.get("link") or None
        entries.append(Entry(link=link if link and link.startswith(("http://", "https://")) else None,
                             title=(e.get("title") or None), published_at=_date(e),
                             lang=_lang(detail_lang, feed_lang), content_html=content, summary_html=summary))
    if not entries and problem and not d.get("version"):
        return Parsed([], f"not a feed: {problem}")
    return Parsed(entries, problem)


def needs_page(entry: Entry) -> bool:
    """An entry that carries only a summary (or nothing) and links to its page: the page has the article."""
    return entry.content_html is None and entry.link is not None


def next_delay_s(interval_s: int, errors_in_row: int, rng: random.Random | None = None) -> float:
    """The wait before the next poll: the feed's interval, doubled for each error in a row (capped), jittered."""
    base = min(float(interval_s) * (2 ** min(errors_in_row, 16)), max(MAX_BACKOFF_S, interval_s))
    r = rng or random
    return base * (1 + r.uniform(-JITTER, JITTER))
