"""A database or broker that is away for a moment answers 503 with Retry-After, not 500 (`make chaos` saw
ingest answer 500 to a batch during a PostgreSQL restart); a bug stays a 500; keyed operations document 503."""

from __future__ import annotations

import httpx
import pytest
from aiokafka.errors import KafkaConnectionError
from fastapi import APIRouter
from sqlalchemy.exc import DBAPIError

from services.ingest.main import create_app as ingest_app
from services.ingest.settings import IngestSettings
from shared.http import service_app


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


FAILURES: dict[str, Exception] = {
    "socket-gone": FileNotFoundError(2, "No such file or directory"),  # PostgreSQL restarting on a Unix socket
    "shutting-down": DBAPIError("INSERT", None, _PgError("57P03")),
    "broker-away": KafkaConnectionError(),
    "bug": ValueError("a bug"),
    "bad-data": DBAPIError("INSERT", None, _PgError("22021")),
    "local-file": FileNotFoundError(2, "No such file or directory", "/srv/raqib/rules.yaml"),
}


def app_failing_with(exc: Exception) -> httpx.AsyncClient:
    router = APIRouter()

    @router.post("/v1/thing")
    async def thing() -> None:
        raise exc

    app = service_app(service="test", description="", lifespan=None, router=router, max_body_bytes=1000)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app, raise_app_exceptions=False), base_url="http://t")


@pytest.mark.parametrize(("kind", "status"), [("socket-gone", 503), ("shutting-down", 503), ("broker-away", 503),
                                             ("bug", 500), ("bad-data", 500), ("local-file", 500)])
async def test_a_dependency_away_is_503_with_retry_after_and_a_bug_stays_500(kind: str, status: int) -> None:
    async with app_failing_with(FAILURES[kind]) as client:
        r = await client.post("/v1/thing")
    assert r.status_code == status, r.text
    if status == 503:
        assert r.headers["retry-after"] == "1" and "unavailable" in r.json()["detail"]


def test_keyed_operations_document_503() -> None:
    ops = [(m, p, op) for p, item in ingest_app(IngestSettings()).openapi()["paths"].items() for m, op in item.items()]
    keyed = [(m, p) for m, p, op in ops if op.get("security")]
    assert keyed
    assert all("503" in op["responses"] for _, _, op in ops if op.get("security"))
