"""Webhook delivery: Standard Webhooks signatures, SSRF checks, and the worker that claims due
deliveries (FOR UPDATE SKIP LOCKED, with a lease) and retries them on a capped schedule."""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import json
import logging
import secrets
import socket
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks.webhooks import Webhook

from services.alert import metrics, repository
from shared.db import unit_of_work
from shared.polling import Poller

log = logging.getLogger(__name__)
EVENT_TYPE = "alert.raised"
LEASE_S = 120


class UnsafeTarget(ValueError):
    """The webhook URL points somewhere Raqib must not send requests (SSRF)."""


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


async def check_target(url: str, allow_private: bool) -> str:
    """Refuse non-http(s) URLs, credentials in URLs, and (unless allowed) any host that resolves to a
    loopback, private, link-local, multicast or reserved address. -> the checked address to connect to.
    Checked at subscribe time and again before each delivery, since DNS answers change; the delivery then
    connects to the address checked here (see `pinned`), so a second DNS answer cannot redirect it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeTarget("webhook url must be an absolute http(s) URL")
    if parts.username or parts.password:
        raise UnsafeTarget("webhook url must not carry credentials")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UnsafeTarget(f"webhook host {parts.hostname!r} does not resolve") from exc
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not allow_private and any(not a.is_global or a.is_multicast for a in addresses):
        raise UnsafeTarget(f"webhook host {parts.hostname!r} resolves to a non-public address")
    return str(min(addresses, key=lambda a: a.version))  # IPv4 first: the family receivers always serve


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The request to `url` sent to `address`: -> (url with the address, Host header, httpx extensions
    that keep TLS server name and certificate checks on the original host name)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host == address:
        return url, {}, {}
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc += f":{parts.port}"
    headers = {"host": parts.netloc.rsplit("@", 1)[-1]}
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), headers, extensions


def signed_request(delivery_id: str, secret: str, payload: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """The body and the Standard Webhooks headers. The webhook-id is the delivery id: constant across
    retries, so receivers can de-duplicate."""
    now = datetime.now(UTC).replace(microsecond=0)
    body = json.dumps({"type": EVENT_TYPE, "timestamp": now.isoformat(), "data": payload},
                      ensure_ascii=False, separators=(",", ":"))
    signature = Webhook(secret).sign(delivery_id, now, body)
    headers = {"webhook-id": delivery_id, "webhook-timestamp": str(int(now.timestamp())),
               "webhook-signature": signature, "content-type": "application/json",
               "user-agent": "Raqib-Webhooks/1"}
    return body.encode(), headers


class DeliveryWorker(Poller):
    name = "delivery worker"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, allow_private: bool, timeout_s: float,
                 backoff_s: list[float], concurrency: int, poll_s: float = 0.5) -> None:
        super().__init__(poll_s)
        self.sessions, self.allow_private = sessions, allow_private
        self.backoff_s, self.concurrency = backoff_s, concurrency
        self.client = httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            await self.client.aclose()

    async def step(self) -> bool:
        return await self.deliver_due() == self.concurrency

    async def deliver_due(self) -> int:
        async with unit_of_work(self.sessions) as session:
            claimed = await repository.claim_due_deliveries(session, self.concurrency, LEASE_S)
        await asyncio.gather(*(self._attempt(d) for d in claimed))
        return len(claimed)

    async def _attempt(self, d: repository.DueDelivery) -> None:
        body, headers = signed_request(str(d.id), d.secret, d.payload)
        status, error = None, None
        start = time.perf_counter()
        try:
            url, host, extensions = pinned(d.url, await check_target(d.url, self.allow_private))
            response = await self.client.post(url, content=body, headers={**headers, **host},
                                              extensions=extensions)
            status = response.status_code
            if not 200 <= status < 300:
                error = f"receiver answered HTTP {status}"
        except UnsafeTarget as exc:
            error = f"refused: {exc}"
        except httpx.HTTPError as exc:  # receiver down, timed out, reset: a failed attempt, retried
            error = f"{type(exc).__name__}: {exc}"[:500]
        metrics.DELIVERY_SECONDS.observe(time.perf_counter() - start)
        ok = error is None
        retry_in = None if ok or d.attempts > len(self.backoff_s) else self.backoff_s[d.attempts - 1]
        metrics.DELIVERIES.labels("succeeded" if ok else ("retry" if retry_in is not None else "failed")).inc()
        if not ok:
            log.warning("webhook delivery failed", extra={"delivery_id": str(d.id), "attempt": d.attempts,
                                                          "error": error, "retry_in_s": retry_in})
        async with unit_of_work(self.sessions) as session:
            await repository.record_attempt(session, d.id, ok=ok, status_code=status, error=error,
                                            retry_in_s=retry_in)
