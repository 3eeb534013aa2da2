"""The per-key rate limit as a route dependency: 429 with Retry-After and the reason, per API key."""

from __future__ import annotations

import httpx
from fastapi import Depends, FastAPI

from services.ingest.limits import RateLimiter, rate_limited


async def test_429_with_retry_after_once_a_keys_bucket_is_empty() -> None:
    app = FastAPI()
    app.state.rate_limiter = RateLimiter(rate=0.5, burst=2)

    @app.post("/x", dependencies=[Depends(rate_limited)])
    async def x() -> dict[str, bool]:
        return {"ok": True}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        a, b = {"Authorization": "Bearer key-a"}, {"Authorization": "Bearer key-b"}
        assert [(await client.post("/x", headers=a)).status_code for _ in range(2)] == [200, 200]
        refused = await client.post("/x", headers=a)
        assert refused.status_code == 429 and refused.headers["retry-after"] == "2"
        assert "rate limit" in refused.json()["detail"]
        assert (await client.post("/x", headers=b)).status_code == 200  # another key has its own bucket
