from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from services.ingest.articles import ArticleIn, canonical_url, content_hash, html_to_text, prepare

NOW = datetime(2025, 2, 1, tzinfo=UTC)


@pytest.mark.parametrize(("a", "b"), [
    ("https://Example.org/news/1/", "https://example.org/news/1"),
    ("https://example.org:443/news/1#top", "https://example.org/news/1"),
    ("https://example.org/n?b=2&a=1&utm_source=x&fbclid=y", "https://example.org/n?a=1&b=2"),
])
def test_canonical_url_collapses_variants(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_meaningful_differences() -> None:
    assert canonical_url("https://example.org/n?id=1") != canonical_url("https://example.org/n?id=2")
    assert canonical_url("http://example.org:8080/a") == "http://example.org:8080/a"


def test_same_url_gives_same_id_and_different_url_a_different_one() -> None:
    a = prepare(ArticleIn(text="one", url="https://x.org/a?utm_medium=rss"), NOW)
    b = prepare(ArticleIn(text="two", url="https://X.org/a/"), NOW)
    c = prepare(ArticleIn(text="one", url="https://x.org/b"), NOW)
    assert a.id == b.id != c.id


def test_without_url_the_content_decides() -> None:
    a = prepare(ArticleIn(text="سجن  غويران\n في الحسكة"), NOW)
    b = prepare(ArticleIn(text="سجن غويران في الحسكة"), NOW)
    assert a.id == b.id and a.content_hash == content_hash("سجن غويران في الحسكة")


def test_html_is_reduced_to_text() -> None:
    html = "<html><head><title>t</title><script>var x=1</script></head><body><p>مخيم &amp; الهول</p>" \
           "<div>second<br>line</div><style>p{}</style></body></html>"
    assert html_to_text(html) == "مخيم & الهول\nsecond\nline"
    assert prepare(ArticleIn(html=html), NOW).text == "مخيم & الهول\nsecond\nline"


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "   "}, {"html": "<p> </p>"}, {"title": "t"}])
def test_an_article_needs_content(body: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="text"):
        ArticleIn.model_validate(body)


@pytest.mark.parametrize("body", [{"text": "x", "url": "ftp://a/b"}, {"text": "x", "url": "/relative"},
                                  {"text": "x", "lang": "Arabic!"}, {"text": "x", "extra": 1}])
def test_bad_fields_are_rejected(body: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        ArticleIn.model_validate(body)


def test_naive_published_at_is_taken_as_utc() -> None:
    a = ArticleIn.model_validate({"text": "x", "published_at": "2025-01-26T10:00:00"})
    assert a.published_at == datetime(2025, 1, 26, 10, tzinfo=UTC)
