"""Feed and page fetching against a real HTTP server on loopback: conditional GETs, redirects, the size cap,
HTTP errors, and the SSRF rules (loopback refused unless allowed)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from services.ingest.fetch import FetchError, fetch
from tests.feed_server import FeedServer


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with FeedServer() as s:
        s.extra["/big.xml"] = b"<rss>" + b"x" * 50_000 + b"</rss>"
        s.redirects.update({"/moved.xml": "/rss2.xml", "/loop": "/loop", "/away": "http://u:p@127.0.0.1:9/x"})
        yield s


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as c:
        yield c


async def get(client: httpx.AsyncClient, url: str, **kwargs: object) -> object:
    return await fetch(client, url, allow_private=True, timeout_s=5, max_bytes=10_000, **kwargs)  # type: ignore[arg-type]


async def test_conditional_get_answers_304_with_either_validator(server: FeedServer,
                                                                 client: httpx.AsyncClient) -> None:
    first = await fetch(client, f"{server.base}/atom.xml", allow_private=True, timeout_s=5, max_bytes=100_000)
    assert first.status == 200 and b"<feed" in first.body and first.etag and first.last_modified
    by_etag = await fetch(client, f"{server.base}/atom.xml", allow_private=True, timeout_s=5, max_bytes=100_000,
                          etag=first.etag)
    by_date = await fetch(client, f"{server.base}/atom.xml", allow_private=True, timeout_s=5, max_bytes=100_000,
                          last_modified=first.last_modified)
    assert by_etag.status == by_date.status == 304 and server.not_modified["/atom.xml"] == 2


async def test_errors_are_fetch_errors_with_the_reason(server: FeedServer, client: httpx.AsyncClient) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        await get(client, f"{server.base}/missing.xml")
    with pytest.raises(FetchError, match="larger than 10000 bytes"):
        await get(client, f"{server.base}/big.xml")
    with pytest.raises(FetchError, match=r"refused: host '127\.0\.0\.1' resolves to a non-public address"):
        await fetch(client, f"{server.base}/atom.xml", allow_private=False, timeout_s=5, max_bytes=100_000)
    with pytest.raises(FetchError, match="refused: url must not carry credentials"):
        await get(client, "http://u:p@127.0.0.1:9/x")
    with pytest.raises(FetchError):
        await get(client, "http://127.0.0.1:9/closed-port")


async def test_redirects_are_followed_and_each_hop_is_checked(server: FeedServer, client: httpx.AsyncClient) -> None:
    moved = await fetch(client, f"{server.base}/moved.xml", allow_private=True, timeout_s=5, max_bytes=100_000)
    assert moved.status == 200 and moved.url == f"{server.base}/rss2.xml" and b"<rss" in moved.body
    with pytest.raises(FetchError, match="more than 5 redirects"):
        await get(client, f"{server.base}/loop")
    with pytest.raises(FetchError, match="refused: url must not carry credentials"):
        await get(client, f"{server.base}/away")
