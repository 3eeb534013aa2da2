"""Issue 8 over HTTP: NUL and lone surrogates anywhere in an article are never a 500 (items 2); a page whose
`<head>` is never closed is read and alerts (item 10); spellings of one URL are one article (item 11)."""

from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest

from devstack.stack import Stack

pytestmark = pytest.mark.pipeline
FIELDS = ("text", "html", "title", "url", "source", "lang", "published_at")


def post_raw(stack: Stack, auth: dict[str, str], body: str, path: str = "/v1/articles") -> httpx.Response:
    # raw JSON text: json.dumps would refuse nothing, but lone surrogates must go over the wire as \ud800 escapes
    return httpx.post(f"{stack.services['ingest'].url}{path}", content=body.encode(), timeout=10,
                      headers={**auth, "content-type": "application/json"})


@pytest.mark.parametrize("bad", ["\\u0000", "\\ud800", "\\udfff\\u0000"])
@pytest.mark.parametrize("field", FIELDS)
def test_nul_or_lone_surrogate_in_any_field_is_never_a_500(stack: Stack, auth: dict[str, str], field: str,
                                                           bad: str) -> None:
    tag = uuid.uuid4().hex
    good = {"text": f"Guards at Roj camp {tag}", "url": f"https://n.example/{tag}", "title": "t", "source": "s",
            "lang": "en", "published_at": "2025-01-02T03:04:05Z", "html": None}
    value = {"html": f"<p>Roj{bad} camp {tag}</p>", "url": f"https://n.example/{tag}{bad}"}.get(
        field, f"{good[field] or ''}{bad}x")
    article = {k: v for k, v in good.items() if v is not None and k != field}
    if field == "html":
        article.pop("text")
    body = json.dumps(article)[:-1] + f', "{field}": "{value}"}}'
    for path, doc in (("/v1/articles", body), ("/v1/articles/batch", f'{{"articles": [{body}]}}')):
        r = post_raw(stack, auth, doc, path)
        assert r.status_code in (202, 422), (path, r.status_code, r.text)
        rejected = r.status_code == 422 or (path.endswith("batch") and r.json()["results"][0]["status"] == "rejected")
        if rejected:
            assert field in r.text
        else:
            assert field != "url"  # a URL with a control character is refused; other fields lose the NUL
            ids = [r.json()["id"]] if path == "/v1/articles" else [x["id"] for x in r.json()["results"]]
            stored = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{ids[0]}", headers=auth).json()
            assert "\x00" not in json.dumps(stored) and tag in stored["text"]


def test_nul_in_text_is_stripped_and_a_nul_url_is_refused_with_the_reason(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    r = post_raw(stack, auth, f'{{"text": "Roj\\u0000 camp {tag}"}}')
    assert r.status_code == 202
    got = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{r.json()['id']}", headers=auth).json()
    assert got["text"] == f"Roj camp {tag}"
    r = post_raw(stack, auth, f'{{"text": "x {tag}", "url": "https://n.example/a\\u0000b"}}')
    assert r.status_code == 422 and "control characters" in r.text


def test_an_impossible_article_id_is_404_not_500(stack: Stack, auth: dict[str, str]) -> None:
    for article_id in ("art_%00", "art_%ED%A0%80", "x" * 300):
        r = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{article_id}", headers=auth)
        assert r.status_code == 404, (article_id, r.status_code)


def test_a_page_without_closing_head_yields_its_text_and_its_alert(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    html = ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Camp news</title>"
            f"<p>Guards at Roj camp reported a fire on Monday (ref {tag}).")
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json={"html": html, "lang": "en"})
    assert r.status_code == 202, r.text
    article_id = r.json()["id"]
    got = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{article_id}", headers=auth).json()
    assert got["text"] == f"Guards at Roj camp reported a fire on Monday (ref {tag})."
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        alerts = httpx.get(f"{stack.services['alert'].url}/v1/alerts", headers=auth, timeout=5).json()
        if any(a["article_id"] == article_id for a in alerts):
            return
        time.sleep(0.3)
    raise AssertionError("no alert for the page without </head>")


def test_an_html_page_with_no_text_is_422_with_the_reason(stack: Stack, auth: dict[str, str]) -> None:
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth,
                   json={"html": "<html><body><script>x()</script></body></html>"})
    assert r.status_code == 422 and "no text could be extracted" in r.text
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles/batch", headers=auth,
                   json={"articles": [{"text": f"fine {uuid.uuid4()}"}, {"html": "<p> </p>"}]})
    assert r.status_code == 202  # one bad item sinks no other
    fine, empty = r.json()["results"]
    assert fine["status"] == "new" and empty["status"] == "rejected"
    assert empty["errors"][0]["loc"] == ["body", "articles", 1, "html"]
    assert "no text could be extracted" in empty["errors"][0]["msg"]


def test_spellings_of_one_url_are_one_article(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    spellings = [f"https://مثال.example/الحسكة/./{tag}/~a", f"https://xn--mgbh0fb.example/%D8%A7%D9%84%D8%AD%D8%B3"
                 f"%D9%83%D8%A9/{tag}/x/../%7Ea?utm_source=rss"]
    ids = set()
    for i, url in enumerate(spellings):
        r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth,
                       json={"text": f"version {i} {tag}", "url": url})
        assert r.status_code == 202
        ids.add(r.json()["id"])
    assert len(ids) == 1
