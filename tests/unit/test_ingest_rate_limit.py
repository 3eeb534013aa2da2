"""The per-key rate limit as a route dependency: 429 with Retry-After and the reason, per API key."""

from __future__ import annotations

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from services.ingest.limits import RateLimiter, rate_limited


def test_429_with_retry_after_once_a_keys_bucket_is_empty() -> None:
    app = FastAPI()
    app.state.rate_limiter = RateLimiter(rate=0.5, burst=2)

    @app.post("/x", dependencies=[Depends(rate_limited)])
    async def x() -> dict[str, bool]:
        return {"ok": True}

    client = TestClient(app)
    a, b = {"Authorization": "Bearer key-a"}, {"Authorization": "Bearer key-b"}
    assert [client.post("/x", headers=a).status_code for _ in range(2)] == [200, 200]
    refused = client.post("/x", headers=a)
    assert refused.status_code == 429 and refused.headers["retry-after"] == "2"
    assert "rate limit" in refused.json()["detail"]
    assert client.post("/x", headers=b).status_code == 200  # another key has its own bucket
