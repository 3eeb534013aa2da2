"""Request limits that are not about one article: the per-key rate limit and Idempotency-Key.

The rate limit is a token bucket per API key and per replica (in memory: N replicas admit N times the rate;
a shared limit would cost a database round trip on every request). Idempotency-Key answers are kept in
`ingest.idempotency_keys` for KEEP_IDEMPOTENCY, written in the same transaction as the articles they answer
for, under a transaction-scoped advisory lock on the key, so a concurrent retry waits and then replays."""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fastapi import HTTPException, Request, status
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.ingest.models import idempotency
from shared.auth import hash_key

KEEP_IDEMPOTENCY = timedelta(hours=24)
MAX_KEY_CHARS = 255


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class RateLimiter:
    """`rate` requests per second per key, bursts up to `burst`."""

    rate: float
    burst: int
    buckets: dict[str, _Bucket] = field(default_factory=dict)

    def wait_s(self, principal: str, cost: float = 1.0, now: float | None = None) -> float:
        """Take `cost` tokens -> 0.0, or leave the bucket as it is -> the seconds until they are there."""
        now = time.monotonic() if now is None else now
        b = self.buckets.get(principal)
        if b is None:
            b = self.buckets[principal] = _Bucket(float(self.burst), now)
        b.tokens = min(float(self.burst), b.tokens + (now - b.at) * self.rate)
        b.at = now
        if b.tokens >= cost:
            b.tokens -= cost
            return 0.0
        return (cost - b.tokens) / self.rate


def principal(request: Request) -> str:
    """The caller's identity for limits: the hash of its API key (auth has already checked it)."""
    header = request.headers.get("authorization", "")
    return hash_key(header.partition(" ")[2].strip())


async def rate_limited(request: Request) -> None:
    """A FastAPI dependency (after auth): 429 with Retry-After once the key's bucket is empty."""
    limiter: RateLimiter = request.app.state.rate_limiter
    wait = limiter.wait_s(principal(request))
    if wait > 0:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS,
                            f"rate limit of {limiter.rate:g} requests/s (bursts of {limiter.burst}) per API key "
                            f"exceeded; retry in {math.ceil(wait)} s", headers={"Retry-After": str(math.ceil(wait))})


def idempotency_key(request: Request) -> str | None:
    """The Idempotency-Key header, checked: 1..255 visible ASCII characters, else 422 with the reason."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not 0 < len(key) <= MAX_KEY_CHARS or not all("\x21" <= c <= "\x7e" for c in key):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"Idempotency-Key must be 1 to {MAX_KEY_CHARS} visible ASCII characters")
    return key


def request_hash(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


async def replay(session: AsyncSession, who: str, key: str, req_hash: str) -> tuple[int, Any] | None:
    """Lock the key for this transaction; -> the kept (status, body) for it, or None (first use). The same key
    with another request is 422: the client reused a key by mistake, and answering either way would lie."""
    await session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(who + "\x1f" + key, 11))))
    row = (await session.execute(select(idempotency.c.request_hash, idempotency.c.status_code,
                                        idempotency.c.response)
                                 .where(idempotency.c.principal == who, idempotency.c.key == key))).first()
    if row is None:
        return None
    if row.request_hash != req_hash:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            "this Idempotency-Key was used for a different request (method, path or body)")
    return row.status_code, row.response


async def remember(session: AsyncSession, who: str, key: str, req_hash: str, status_code: int,
                   body: Any) -> None:
    await session.execute(insert(idempotency).values(principal=who, key=key, request_hash=req_hash,
                                                     status_code=status_code, response=body)
                          .on_conflict_do_nothing())


async def purge(session: AsyncSession, now: datetime) -> int:
    result = await session.execute(delete(idempotency).where(idempotency.c.created_at < now - KEEP_IDEMPOTENCY))
    return int(getattr(result, "rowcount", 0) or 0)
