"""The ingest domain, pure: validate an incoming article, extract text from HTML, and derive the
natural id (canonical URL when there is one, else the content) that makes re-posts duplicates."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_TEXT_CHARS = 200_000  # keeps every event well under the broker's message size
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|igshid|at_medium|at_campaign)$")


class ArticleIn(BaseModel):
    """`POST /v1/articles`: `text` or `html` is required; the rest is optional metadata."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(default=None, max_length=MAX_TEXT_CHARS * 4)
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=2000)
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    published_at: datetime | None = None
    source: str | None = Field(default=None, max_length=200)

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is None:
            return v
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("url must be an absolute http(s) URL")
        return v

    @field_validator("published_at")
    @classmethod
    def _aware(cls, v: datetime | None) -> datetime | None:
        return v.replace(tzinfo=UTC) if v is not None and v.tzinfo is None else v

    @model_validator(mode="after")
    def _needs_content(self) -> ArticleIn:
        if not self.text and not self.html:
            raise ValueError("one of 'text' or 'html' is required and must not be empty")
        if not self.body_text():
            raise ValueError("the article has no text content")
        return self

    def body_text(self) -> str:
        return self.text if self.text else html_to_text(self.html or "")


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


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment, default ports, tracking parameters and a
    trailing slash, and sort the query, so that the same page reached two ways has one id."""
    p = urlsplit(url.strip())
    host = (p.hostname or "").lower()
    if p.port and not ((p.scheme == "http" and p.port == 80) or (p.scheme == "https" and p.port == 443)):
        host = f"{host}:{p.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(p.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = p.path.rstrip("/") or "/"
    return urlunsplit((p.scheme.lower(), host, path, query, ""))


def content_hash(text: str) -> str:
    normalised = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha256(normalised.encode()).hexdigest()


def prepare(article: ArticleIn, received_at: datetime) -> NewArticle:
    text = article.body_text()
    chash = content_hash(text)
    canon = canonical_url(article.url) if article.url else None
    basis = f"url:{canon}" if canon else f"content:{chash}"
    return NewArticle(
        id="art_" + hashlib.sha256(basis.encode()).hexdigest()[:32], url=article.url, canonical_url=canon,
        content_hash=chash, title=article.title, text=text, lang=article.lang, source=article.source,
        published_at=article.published_at, received_at=received_at)


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                        "article", "blockquote", "header", "footer"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
