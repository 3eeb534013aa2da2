"""Webhook delivery: Standard Webhooks signatures and the worker that claims due deliveries
(FOR UPDATE SKIP LOCKED, with a lease) and sends each one on its own, retrying on a capped schedule."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import secrets
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks.webhooks import Webhook

from services.alert import metrics, repository
from services.alert.targets import DNS_TIMEOUT_S, UnsafeTarget, check_target
from shared.db import unit_of_work
from shared.errors import is_transient
from shared.polling import Poller

__all__ = ["DeliveryWorker", "UnsafeTarget", "check_target", "new_secret", "pinned", "signed_request"]

log = logging.getLogger(__name__)
EVENT_TYPE = "alert.raised"
LEASE_S = 120  # the default lease (settings.delivery_lease_s): longer than any attempt can take (<= 60 s)
MAX_RETRY_AFTER_S = 3600.0  # a receiver's Retry-After is honoured up to this
RESPONSE_CAP_BYTES = 64 * 1024  # what is read of a receiver's answer; the rest is never read
# What a receiver or its address can make an attempt fail with: recorded as a failed attempt.
RECEIVER_ERRORS = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError)


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The request to `url` sent to `address`: -> (url with the address, Host header, httpx extensions
    that keep TLS server name and certificate checks on the original host name)."""
    parts = urlsplit(url)
    host = httpx.URL(url).raw_host.decode("ascii")  # IDNA-encoded, as it goes on the wire
    if host == address:
        return url, {}, {}
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc += f":{parts.port}"
    host_header = f"[{host}]" if ":" in host else host
    headers = {"host": f"{host_header}:{parts.port}" if parts.port else host_header}
    extensions = {"sni_hostname": host} if parts.scheme.lower() == "https" else {}
    return parts._replace(netloc=netloc).geturl(), headers, extensions


def signed_request(delivery_id: str, secret: str, payload: dict[str, Any],
                   event_type: str = EVENT_TYPE) -> tuple[bytes, dict[str, str]]:
    """The body and the Standard Webhooks headers. The webhook-id is the delivery id: constant across
    retries, so receivers can de-duplicate."""
    now = datetime.now(UTC).replace(microsecond=0)
    body = json.dumps({"type": event_type, "timestamp": now.isoformat(), "data": payload},
                      ensure_ascii=False, separators=(",", ":"))
    signature = Webhook(secret).sign(delivery_id, now, body)
    headers = {"webhook-id": delivery_id, "webhook-timestamp": str(int(now.timestamp())),
               "webhook-signature": signature, "content-type": "application/json",
               "user-agent": "Raqib-Webhooks/1"}
    return body.encode(), headers


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


def next_retry_s(backoff_s: list[float], attempts: int, asked_s: float | None) -> float | None:
    """The wait before the next attempt after `attempts` failed ones (None: no more attempts); a receiver that
    asked for longer (429/503 with Retry-After) gets its wait, never a shorter one than the schedule's."""
    if attempts > len(backoff_s):
        return None
    return max(backoff_s[attempts - 1], asked_s or 0.0)


def _clean(error: str) -> str:
    """An error message fit for a text column (PostgreSQL text cannot hold NUL) and a log line."""
    return error.replace("\x00", "\\x00")[:500]


class DeliveryWorker(Poller):
    """Keeps up to `concurrency` attempts in flight, each its own task: a slow receiver holds one slot
    for at most `timeout_s` (an overall deadline: DNS, connect, send, answer) and delays no one else."""

    name = "delivery worker"

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, allow_private: bool, timeout_s: float,
                 backoff_s: list[float], concurrency: int, poll_s: float = 0.5,
                 dns_timeout_s: float = DNS_TIMEOUT_S, lease_s: int = LEASE_S) -> None:
        super().__init__(poll_s)
        self.lease_s = lease_s
        self.sessions, self.allow_private = sessions, allow_private
        self.backoff_s, self.concurrency = backoff_s, concurrency
        self.timeout_s, self.dns_timeout_s = timeout_s, dns_timeout_s
        self.client = httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)
        self.in_flight: set[asyncio.Task[None]] = set()
        self.crashed: BaseException | None = None

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            if self.in_flight:  # SIGTERM: let the attempts under way finish (each is bounded) and record
                await asyncio.wait(self.in_flight, timeout=self.timeout_s + 5)
            await self.client.aclose()
        if self.crashed is not None:
            raise self.crashed

    async def step(self) -> bool:
        if self.crashed is not None:
            raise self.crashed  # a bug in an attempt task stops the process loudly (DESIGN.md rule 5)
        free = self.concurrency - len(self.in_flight)
        if free <= 0:
            await asyncio.wait(self.in_flight, return_when=asyncio.FIRST_COMPLETED)
            return True
        async with unit_of_work(self.sessions) as session:
            claimed = await repository.claim_due_deliveries(session, free, self.lease_s)
        for d in claimed:
            task = asyncio.create_task(self._attempt(d), name=f"delivery {d.id}")
            self.in_flight.add(task)
            task.add_done_callback(self._finished)
        return len(claimed) == free

    def _finished(self, task: asyncio.Task[None]) -> None:
        self.in_flight.discard(task)
        if not task.cancelled() and task.exception() is not None and self.crashed is None:
            self.crashed = task.exception()
            self.wakeup.set()

    async def _attempt(self, d: repository.DueDelivery) -> None:
        start = time.perf_counter()
        status, error, asked_s = await self._send(d)
        metrics.DELIVERY_SECONDS.observe(time.perf_counter() - start)
        ok = error is None
        retry_in = None if ok else next_retry_s(self.backoff_s, d.attempts, asked_s)
        metrics.DELIVERIES.labels("succeeded" if ok else ("retry" if retry_in is not None else "failed")).inc()
        if not ok:
            log.warning("webhook delivery failed", extra={"delivery_id": str(d.id), "attempt": d.attempts,
                                                          "error": error, "retry_in_s": retry_in})
        try:
            async with unit_of_work(self.sessions) as session:
                recorded = await repository.record_attempt(session, d.id, d.attempts, ok=ok, status_code=status,
                                                           error=error, retry_in_s=retry_in)
        except Exception as exc:
            if not is_transient(exc):
                raise
            # the lease expires and the delivery is attempted again: at least once, same webhook-id
            log.warning("could not record a delivery attempt; retried when its lease expires",
                        extra={"delivery_id": str(d.id), "error": repr(exc)[:300]})
            return
        if not recorded:
            log.warning("delivery attempt not recorded: its lease was taken over or the delivery was cancelled",
                        extra={"delivery_id": str(d.id), "attempt": d.attempts})

    async def _send(self, d: repository.DueDelivery) -> tuple[int | None, str | None, float | None]:
        """One attempt -> (HTTP status, error or None, the wait the receiver asked for). Whatever the
        receiver, its address or the stored subscription makes go wrong is this delivery's failed attempt, never
        the worker's crash."""
        try:
            async with asyncio.timeout(self.timeout_s):
                address = await check_target(d.url, self.allow_private, self.dns_timeout_s)
                url, host, extensions = pinned(d.url, address)
                # a notice's type is alert.<kind> (alert.firing, alert.update, ...); pre-incident rows: alert.raised
                event_type = f"alert.{d.notice_kind}" if d.notice_kind else EVENT_TYPE
                body, headers = signed_request(str(d.id), d.secret, d.payload, event_type)
                async with self.client.stream("POST", url, content=body, headers={**headers, **host},
                                              extensions=extensions) as response:
                    read = 0
                    async for chunk in response.aiter_raw():
                        read += len(chunk)
                        if read >= RESPONSE_CAP_BYTES:
                            break
        except UnsafeTarget as exc:
            return None, _clean(f"refused: {exc}"), None
        except TimeoutError:
            return None, f"no complete answer within {self.timeout_s:g} s", None
        except RECEIVER_ERRORS as exc:  # receiver down, reset, TLS, bad stored URL or secret
            return None, _clean(f"{type(exc).__name__}: {exc}"), None
        except Exception as exc:
            # The URL and the secret are user data from any version: one subscription must not stop
            # every delivery. Kept as this attempt's error, and logged with its traceback to be fixed.
            log.error("unexpected error in a delivery attempt", exc_info=True, extra={"delivery_id": str(d.id)})
            return None, _clean(f"unexpected {type(exc).__name__}: {exc}"), None
        if 200 <= response.status_code < 300:
            return response.status_code, None, None
        asked = retry_after_s(response.headers.get("retry-after")) if response.status_code in (429, 503) else None
        return response.status_code, f"receiver answered HTTP {response.status_code}", asked
