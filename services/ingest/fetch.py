"""Outbound GETs for feeds and article pages, under the webhook SSRF rules (shared/targets.py): every URL,
redirects included, is checked and then connected to at the address checked (so a second DNS answer cannot
point it elsewhere); one overall deadline (DNS, connect, every byte); at most `max_bytes` read."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from shared.targets import UnsafeTarget, check_target, pinned

MAX_REDIRECTS = 5
USER_AGENT = "Raqib-Feeds/1 (+https://github.com/raqib)"


class FetchError(Exception):
    """The fetch failed; the message is the reason recorded on the feed (`last_error`)."""


@dataclass(frozen=True)
class Fetched:
    status: int  # 200 or 304
    url: str  # after redirects
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None


async def fetch(client: httpx.AsyncClient, url: str, *, allow_private: bool, timeout_s: float, max_bytes: int,
                etag: str | None = None, last_modified: str | None = None, accept: str = "*/*") -> Fetched:
    """GET `url` (conditional when `etag`/`last_modified` are given) -> 200 with the body, or 304."""
    conditional = {k: v for k, v in (("if-none-match", etag), ("if-modified-since", last_modified)) if v}
    try:
        async with asyncio.timeout(timeout_s):
            for _ in range(MAX_REDIRECTS + 1):
                address = await check_target(url, allow_private)
                target, host, extensions = pinned(url, address)
                headers = {"user-agent": USER_AGENT, "accept": accept, **conditional, **host}
                async with client.stream("GET", target, headers=headers, extensions=extensions) as response:
                    if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code == 304:
                        return Fetched(304, url, b"", None, etag, last_modified)
                    if response.status_code != 200:
                        raise FetchError(f"HTTP {response.status_code}")
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"larger than {max_bytes} bytes ({declared} declared)")
                    chunks, size = [], 0
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"larger than {max_bytes} bytes")
                        chunks.append(chunk)
                    return Fetched(200, url, b"".join(chunks), response.headers.get("content-type"),
                                   response.headers.get("etag"), response.headers.get("last-modified"))
            raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    except TimeoutError as exc:
        raise FetchError(f"no complete answer within {timeout_s:g} s") from exc
    except UnsafeTarget as exc:
        raise FetchError(f"refused: {exc}") from exc
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}"[:500]) from exc
