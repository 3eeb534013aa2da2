from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from services.ingest.articles import MAX_TEXT_CHARS, ArticleIn, NoContent, canonical_url, content_hash, prepare

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


def test_html_articles_take_the_extracted_text() -> None:
    assert prepare(ArticleIn(html="<p>x</p>"), NOW, "مخيم & الهول").text == "مخيم & الهول"
    with pytest.raises(NoContent, match="no text could be extracted"):
        prepare(ArticleIn(html="<p> </p>"), NOW, "")


def test_the_length_limit_applies_to_the_extracted_text() -> None:
    """A page's markup may be far longer than its text: the limit is on the text it yields."""
    page = ArticleIn(html="<p>" + "word " * (MAX_TEXT_CHARS // 2) + "</p>")
    assert len(prepare(page, NOW, "word " * 1000).text) == 5000
    with pytest.raises(NoContent, match="over the limit"):
        prepare(page, NOW, "w" * (MAX_TEXT_CHARS + 1))


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "   "}, {"text": "\x00 \x00"}, {"title": "t"}])
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


# Item 2 of issue 8: PostgreSQL text cannot hold NUL (nor a lone surrogate, which cannot be UTF-8 encoded).
@pytest.mark.parametrize("field", ["text", "html", "title", "source"])
def test_nul_and_lone_surrogates_are_made_storable_in_every_text_field(field: str) -> None:
    body = {"text": "body", field: "Roj\x00 camp\ud800"}
    article = ArticleIn.model_validate(body)
    assert getattr(article, field) == "Roj camp\ufffd"
    getattr(article, field).encode("utf-8")  # storable


@pytest.mark.parametrize("url", ["https://example.org/a\x00", "https://example.org/a\x01b", "https://example.org/a b",
                                 "https://example.org/\ud800", "https://example.org/a\u2028b", "http://[::1/",
                                 "http://example.org:99999/"])
def test_a_url_with_control_characters_or_bad_parts_is_refused_with_a_reason(url: str) -> None:
    with pytest.raises(ValidationError, match="url"):
        ArticleIn.model_validate({"text": "x", "url": url})


# Item 11 of issue 8: one id per page, however its URL is spelled.
@pytest.mark.parametrize(("a", "b"), [
    ("https://example.org/%D8%A7%D9%84%D9%87%D9%88%D9%84/1", "https://example.org/الهول/1"),
    ("https://example.org/%d8%a7%d9%84%d9%87%d9%88%d9%84", "https://example.org/الهول"),
    ("https://example.org/%7Euser/a", "https://example.org/~user/a"),
    ("https://example.org/news/./2025/../2025/a", "https://example.org/news/2025/a"),
    ("https://xn--mgbh0fb.example/a", "https://مثال.example/a"),
    ("https://XN--MGBH0FB.example/a", "https://مثال.EXAMPLE/a/"),
    ("https://example.org/a?q=%D8%A7&utm_campaign=x", "https://example.org/a?q=ا"),
    ("https://example.org/a?q=a%20b", "https://example.org/a?q=a+b"),
    ("https://user:pw@example.org/a", "https://example.org/a"),
    ("http://example.org:80/a", "http://example.org/a"),
])
def test_canonical_url_maps_spellings_of_one_page_to_one_url(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)
    assert prepare(ArticleIn(text="one", url=a), NOW).id == prepare(ArticleIn(text="two", url=b), NOW).id


def test_canonical_url_keeps_what_tells_pages_apart() -> None:
    assert canonical_url("https://example.org/a%2Fb") != canonical_url("https://example.org/a/b")
    assert canonical_url("https://example.org/a?ref2=1") == "https://example.org/a?ref2=1"
    assert canonical_url("https://[::1]:8443/a") == "https://[::1]:8443/a"
