"""POST /v1/articles's fast path (services/ingest/api.py FastArticleRoute) against the real stack: it answers as the
declared route does, and a key it knows from the cache still loses its rights at once (scope) or within the
cache's time (revoked in another service)."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from devstack.stack import Stack
from shared.auth import CACHE_S

pytestmark = pytest.mark.pipeline
FAST = {"content-type": "application/json"}
DECLARED = {"content-type": "application/json; charset=utf-8"}  # any other content type: the declared route


def post(stack: Stack, headers: dict[str, str], body: bytes) -> httpx.Response:
    return httpx.post(f"{stack.services['ingest'].url}/v1/articles", content=body, headers=headers, timeout=10)


def test_the_fast_path_and_the_declared_route_answer_alike(stack: Stack, auth: dict[str, str]) -> None:
    answers = {}
    for name, kind in (("fast", FAST), ("declared", DECLARED)):
        tag = uuid.uuid4().hex
        body = f'{{"text": "Guards at a camp, report {tag}", "url": "https://fast.example/{tag}"}}'.encode()
        first, again = post(stack, {**auth, **kind}, body), post(stack, {**auth, **kind}, body)
        assert first.status_code == again.status_code == 202, (name, first.text, again.text)
        assert first.headers["content-type"] == again.headers["content-type"] == "application/json"
        assert first.json() == {"id": first.json()["id"], "duplicate": False}
        assert again.json() == {"id": first.json()["id"], "duplicate": True}
        bad = post(stack, {**auth, **kind}, b'{"text": "x", "colour": "red"}')
        assert bad.status_code == 422
        answers[name] = (first.content.replace(first.json()["id"].encode(), b"ID"), bad.json())
    assert answers["fast"] == answers["declared"]


def test_a_cached_key_keeps_its_scopes_and_loses_them_when_revoked(stack: Stack, auth: dict[str, str]) -> None:
    alert = f"{stack.services['alert'].url}/v1"
    reader = httpx.post(f"{alert}/api-keys", headers=auth, json={"name": "fast-r", "scopes": ["read"]},
                        timeout=10).json()
    writer = httpx.post(f"{alert}/api-keys", headers=auth, json={"name": "fast-w", "scopes": ["articles:write"]},
                        timeout=10).json()
    as_reader = {"Authorization": f"Bearer {reader['key']}", **FAST}
    as_writer = {"Authorization": f"Bearer {writer['key']}", **FAST}
    body = f'{{"text": "Report {uuid.uuid4().hex}"}}'.encode()
    assert post(stack, as_writer, body).status_code == 202  # now in ingest's key cache
    missing = httpx.get(f"{stack.services['ingest'].url}/v1/articles/art_{'0' * 32}", headers=as_reader, timeout=10)
    assert missing.status_code == 404  # the reader's key is cached too
    assert post(stack, as_reader, body).status_code == 403  # cached, and still without the scope
    assert httpx.delete(f"{alert}/api-keys/{writer['id']}", headers=auth, timeout=10).status_code == 204
    revoked_at = time.monotonic()
    while post(stack, as_writer, f'{{"text": "Report {uuid.uuid4().hex}"}}'.encode()).status_code == 202:
        assert time.monotonic() - revoked_at < CACHE_S + 1.0, "a revoked key still accepted past the cache time"
        time.sleep(0.2)
    refused = post(stack, as_writer, body)
    assert refused.status_code == 401 and refused.json() == {"detail": "invalid or revoked API key"}
