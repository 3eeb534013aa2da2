"""One HTTP attempt to a subscriber: SSRF-checked, pinned to the checked address, signed per Standard Webhooks
(with every current secret), one overall deadline, a capped read of the answer. Used by the delivery worker
and by `POST /v1/subscriptions/{id}/test`."""

from __future__ import annotations

import asyncio
import base64
import functools
import logging
import secrets
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
import orjson
from standardwebhooks.webhooks import Webhook
from yarl import URL

from services.alert.targets import DNS_TIMEOUT_S, UnsafeTarget, check_target, pinned

log = logging.getLogger(__name__)
MAX_RETRY_AFTER_S = 3600.0  # a receiver's Retry-After is honoured up to this
RESPONSE_CAP_BYTES = 64 * 1024  # what is read of a receiver's answer; the rest is never read
SNIPPET_CHARS = 500  # what the delivery log keeps of it
# What a receiver or its address can make an attempt fail with: recorded as a failed attempt.
RECEIVER_ERRORS = (aiohttp.ClientError, OSError, ValueError)


class WebhookClient:
    """The HTTP client of webhook attempts (aiohttp: a fraction of httpx's CPU per request): keep-alive connections
    pooled per (checked address, port, TLS server name), never a redirect followed, no cookies, no proxy from the
    environment, the answer read raw. The session is made on first use (it belongs to the running loop)."""

    def __init__(self, timeout_s: float, ssl_context: ssl.SSLContext | None = None) -> None:
        self.timeout_s = timeout_s
        self.ssl: ssl.SSLContext | bool = ssl_context or True  # True: the system's CAs, host names checked
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=0, use_dns_cache=False, enable_cleanup_closed=False)
            self._session = aiohttp.ClientSession(
                connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False, auto_decompress=False,
                timeout=aiohttp.ClientTimeout(total=self.timeout_s + 1), skip_auto_headers=("User-Agent",))
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


@functools.lru_cache(maxsize=1024)
def _signer(secret: str) -> Webhook:
    """The signer of a secret, its key decoded once (a delivery signed with a new Webhook decoded the base64 secret
    every time). Only in this process's memory, as the subscriptions' secrets already are; never logged."""
    return Webhook(secret)


def sign(message_id: str, secrets_: list[str], body: bytes | str) -> tuple[str, str]:
    """-> (webhook-timestamp, webhook-signature): one `v1,<sig>` per secret, space-separated (Standard
    Webhooks lets a receiver accept any of them: during a rotation both the old and the new secret verify).
    The body's bytes are signed as they are sent (a str as its UTF-8)."""
    now = datetime.now(UTC).replace(microsecond=0)
    signature = " ".join(_signer(s).sign(message_id, now, body) for s in secrets_)
    return str(int(now.timestamp())), signature


def encode(body: dict[str, Any]) -> bytes:
    """A request body: compact UTF-8, as json.dumps(ensure_ascii=False, separators=(",", ":"))."""
    return orjson.dumps(body)


def signed_request(message_id: str, secrets_: list[str], body: dict[str, Any] | bytes
                   ) -> tuple[bytes, dict[str, str]]:
    """The body (a dict, or already encoded by `encode`) and the Standard Webhooks headers. The webhook-id is the
    delivery id: constant across retries, so receivers can de-duplicate."""
    encoded = body if isinstance(body, bytes) else encode(body)
    timestamp, signature = sign(message_id, secrets_, encoded)
    headers = {"webhook-id": message_id, "webhook-timestamp": timestamp, "webhook-signature": signature,
               "content-type": "application/json", "user-agent": "Raqib-Webhooks/1"}
    return encoded, headers


def retry_after_s(value: str | None, now: datetime | None = None) -> float | None:
    """A receiver's `Retry-After` (delta-seconds or an HTTP date) -> seconds from now, within
    [0, MAX_RETRY_AFTER_S]; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = (when.replace(tzinfo=when.tzinfo or UTC) - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, min(seconds, MAX_RETRY_AFTER_S))


def clean(error: str) -> str:
    """An error message fit for a text column (PostgreSQL text cannot hold NUL) and a log line."""
    return error.replace("\x00", "\\x00")[:500]


@dataclass(frozen=True)
class Outcome:
    started_at: datetime
    latency_ms: float
    status_code: int | None
    error: str | None  # None: delivered (2xx)
    retry_after_s: float | None  # what a 429/503 asked for
    response: str | None  # the start of the answer

    @property
    def ok(self) -> bool:
        return self.error is None


async def post(client: WebhookClient, url: str, body: bytes, headers: dict[str, str], *, allow_private: bool,
               timeout_s: float, dns_timeout_s: float = DNS_TIMEOUT_S) -> Outcome:
    """One attempt. Whatever the receiver, its address or the stored subscription makes go wrong is this
    attempt's failure (in the Outcome), never the caller's crash."""
    started, t0 = datetime.now(UTC), time.perf_counter()
    read = bytearray()

    def done(status: int | None, error: str | None, asked: float | None = None) -> Outcome:
        snippet = bytes(read[:SNIPPET_CHARS * 4]).decode("utf-8", "replace")[:SNIPPET_CHARS] if read else None
        return Outcome(started, (time.perf_counter() - t0) * 1000, status, error, asked,
                       clean(snippet) if snippet else None)

    try:
        async with asyncio.timeout(timeout_s):
            address = await check_target(url, allow_private, dns_timeout_s)
            target, host, extensions = pinned(url, address)
            # connected to the checked address; TLS name and certificate checked against the URL's host name
            async with client.session().post(URL(target), data=body, headers={**headers, **host},
                                             allow_redirects=False, server_hostname=extensions.get("sni_hostname"),
                                             ssl=client.ssl) as response:
                while len(read) < RESPONSE_CAP_BYTES:
                    chunk = await response.content.read(RESPONSE_CAP_BYTES - len(read))
                    if not chunk:
                        break
                    read.extend(chunk)
    except UnsafeTarget as exc:
        return done(None, clean(f"refused: {exc}"))
    except TimeoutError:
        return done(None, f"no complete answer within {timeout_s:g} s")
    except RECEIVER_ERRORS as exc:  # receiver down, reset, TLS, bad stored URL
        return done(None, clean(f"{type(exc).__name__}: {exc}"))
    except Exception as exc:
        # The URL and the secret are user data from any version: one subscription must not stop
        # every delivery. Kept as this attempt's error, and logged with its traceback to be fixed.
        log.error("unexpected error in a delivery attempt", exc_info=True)
        return done(None, clean(f"unexpected {type(exc).__name__}: {exc}"))
    code = response.status
    if 200 <= code < 300:
        return done(code, None)
    asked = retry_after_s(response.headers.get("retry-after")) if code in (429, 503) else None
    return done(code, f"receiver answered HTTP {code}", asked)
