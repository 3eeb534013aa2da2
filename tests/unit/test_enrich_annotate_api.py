"""Issue 8, item 12: POST /v1/annotate runs the engine in a worker thread, at most N at once; 429 + Retry-After
beyond that (the event loop also runs the articles consumer and health checks)."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from services.enrich import api
from services.enrich.settings import EnrichSettings
from tests.unit.enrich_support import fixture_gazetteer


def app_with(concurrency: int) -> FastAPI:
    app = FastAPI()
    app.include_router(api.router)
    app.state.runtime = SimpleNamespace(settings=EnrichSettings(annotate_concurrency=concurrency))
    app.state.gazetteer = fixture_gazetteer()
    return app


async def test_annotate_runs_off_the_loop_and_answers_429_when_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    entered, release, threads = threading.Event(), threading.Event(), []
    real = api.enrich_article

    def held(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        entered.set()
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "enrich_article", held)
    transport = httpx.ASGITransport(app=app_with(concurrency=1))
    async with httpx.AsyncClient(transport=transport, base_url="http://enrich") as client:
        first = asyncio.create_task(client.post("/v1/annotate", json={"text": "Guards at Roj camp.", "lang": "en"}))
        # the loop is free while the engine holds its thread: it can wait for the thread to have started
        assert await asyncio.to_thread(entered.wait, 10)
        busy = await client.post("/v1/annotate", json={"text": "Another text."})
        assert busy.status_code == 429 and busy.headers["Retry-After"] == "1"
        assert "busy" in busy.json()["detail"]
        release.set()
        done = await first
        assert done.status_code == 200 and "facilities" in done.json()
        again = await client.post("/v1/annotate", json={"text": "Guards at Roj camp."})
        assert again.status_code == 200
    assert threading.get_ident() not in threads and len(threads) == 2


def test_annotate_concurrency_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert EnrichSettings().annotate_concurrency == 2
    monkeypatch.setenv("RAQIB_ANNOTATE_CONCURRENCY", "5")
    assert EnrichSettings().annotate_concurrency == 5


async def test_annotate_reads_a_headline_given_apart_from_the_body() -> None:
    transport = httpx.ASGITransport(app=app_with(concurrency=2))
    async with httpx.AsyncClient(transport=transport, base_url="http://enrich") as client:
        r = await client.post("/v1/annotate", json={"title": "Guards beaten at Roj camp", "lang": "en",
                                                    "text": "Women in the camp said guards beat two of them."})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["alert"] is True and body["facilities"] == []
        (f,) = body["title"]["facilities"]
        assert f["id"] == "fac:sy-roj-camp" and "Guards beaten at Roj camp"[f["start"]:f["end"]] == f["surface"]
        unknown = await client.post("/v1/annotate", json={"text": "x", "headline": "y"})
        assert unknown.status_code == 422
