"""The ingest domain, pure: validate an incoming article and derive the natural id (canonical URL when there
is one, else the content) that makes re-posts duplicates. HTML becomes text in `extraction.py`."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from w3lib.url import canonicalize_url

from services.ingest import language, similarity
from shared.text import pg_text, url_unsafe_char

MAX_TEXT_CHARS = 200_000  # keeps every event well under the broker's message size; applies after extraction
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|igshid|at_medium|at_campaign)$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class ArticleIn(BaseModel):
    """`POST /v1/articles`: `text` or `html` is required; the rest is optional metadata.

    Every string is made storable first (NUL removed, lone surrogates replaced: `shared.text.pg_text`), except
    the URL, which is refused if it holds a control character, a space or a lone surrogate."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    html: str | None = None  # bounded by the request body limit; the text limit applies to what it yields
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=2000)
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    published_at: datetime | None = None
    source: str | None = Field(default=None, max_length=200)

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: pg_text(v) if isinstance(v, str) and k != "url" else v for k, v in data.items()}
        return data

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is None:
            return v
        if (bad := url_unsafe_char(v)) is not None:
            raise ValueError(f"url must not contain control characters or spaces (found {bad})")
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("url must be an absolute http(s) URL")
        try:
            canonical_url(v)
        except (ValueError, UnicodeError) as exc:
            raise ValueError(f"url is not a valid URL: {exc}") from exc
        return v

    @field_validator("published_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return v.replace(tzinfo=UTC) if v is not None and v.tzinfo is None else v

    @model_validator(mode="after")
    def _needs_content(self) -> ArticleIn:
        if not self.text and not self.html:
            raise ValueError("one of 'text' or 'html' is required and must not be empty")
        return self


@dataclass(frozen=True)
class NewArticle:
    id: str
    url: str | None
    canonical_url: str | None
    content_hash: str
    title: str | None
    text: str
    lang: str | None
    source: str | None
    published_at: datetime | None
    received_at: datetime
    lang_detected: bool = False
    minhash: bytes | None = None  # the near-duplicate signature (similarity.py); None for a short text
    feed_id: uuid.UUID | None = None  # the feed it came from


class NoContent(ValueError):
    """The article's text (as given, or extracted from its HTML) is empty or over the limit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def canonical_url(url: str) -> str:
    """One spelling per page: w3lib's `canonicalize_url` (percent-encoding of paths and queries made uniform,
    unreserved characters such as `~` decoded, dot segments resolved, IDNA hosts as punycode, query sorted,
    fragment dropped), then what it leaves: user info, default ports, tracking parameters, a trailing slash."""
    p = urlsplit(canonicalize_url(url.strip()))
    host = (p.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    if p.port and p.port != _DEFAULT_PORTS.get(p.scheme):
        host = f"{host}:{p.port}"
    # filter the pairs as w3lib encoded them, so that no second encoding pass can disagree with it
    query = "&".join(pair for pair in p.query.split("&")
                     if pair and not _TRACKING.match(unquote_plus(pair.split("=", 1)[0])))
    path = p.path.rstrip("/") or "/"
    return urlunsplit((p.scheme, host, path, query, ""))


def content_hash(text: str) -> str:
    normalised = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha256(normalised.encode()).hexdigest()


def body_text(article: ArticleIn, extracted: str | None = None) -> str:
    """The article's text: `text` as given, else what was extracted from `html`; checked for content and size."""
    field = "text" if article.text else "html"
    text = article.text if article.text else pg_text(extracted or "")
    if not text.strip():
        raise NoContent(field, "the article has no text content" if field == "text"
                        else "no text could be extracted from the html")
    if len(text) > MAX_TEXT_CHARS:
        raise NoContent(field, f"the text extracted from the html has {len(text)} characters, over the limit of "
                        f"{MAX_TEXT_CHARS}")
    return text


def prepare(article: ArticleIn, received_at: datetime, extracted: str | None = None) -> NewArticle:
    """-> the article to store. `extracted`: the text of `article.html` (extraction.py), when it has no text.
    A missing language is detected (language.py); the MinHash signature is computed here, off the database."""
    text = body_text(article, extracted)
    chash = content_hash(text)
    canon = canonical_url(article.url) if article.url else None
    basis = f"url:{canon}" if canon else f"content:{chash}"
    lang = article.lang or language.detect(text)
    sig = similarity.signature(text)
    return NewArticle(
        id="art_" + hashlib.sha256(basis.encode()).hexdigest()[:32], url=article.url, canonical_url=canon,
        content_hash=chash, title=article.title, text=text, lang=lang, source=article.source,
        published_at=article.published_at, received_at=received_at, lang_detected=article.lang is None,
        minhash=None if sig is None else similarity.to_bytes(sig))
