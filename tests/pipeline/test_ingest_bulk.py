"""Bulk ingest over real HTTP: batches with per-item results, NDJSON uploads with per-line results,
Idempotency-Key on every POST, language detection, and each rejection's reason."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest

from devstack.stack import Stack

pytestmark = pytest.mark.pipeline


STORIES = {
    "the price of bread": "Bakers in the old market raised the price of a bundle of bread for the second time since "
                          "the harvest, blaming flour merchants and the cost of diesel for their ovens",
    "school repairs": "Parents painted three classrooms of the village school over the weekend after the roof "
                      "leaked through the rainy season and the education office sent no builders",
    "a new well": "Engineers finished drilling a deep well beside the clinic, and the first tanker filled from "
                  "it drove off toward the hamlets that had waited all summer for clean water",
    "street lights": "Solar street lamps went up along the main road to the bridge, paid for by shop owners who "
                     "said thieves had grown bolder on the dark stretch near the bus stop",
    "a bus route": "A private company began running minibuses between the two towns every hour, charging half the "
                   "old fare and promising extra trips on market days and public holidays",
    "a clinic": "The charity clinic on the hill extended its opening hours into the evening so that labourers "
                "coming back from the fields could see a nurse without losing a day's wage",
}


def text(tag: str, topic: str) -> str:
    """Distinct stories (so that no two are near-duplicates), each unique to the test run by `tag`."""
    return f"{STORIES[topic]} (ref {tag})."


def test_a_batch_reports_each_item_and_one_bad_item_sinks_no_other(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    items = [{"text": text(tag, "the price of bread")}, {"text": ""}, "not an object",
             {"text": text(tag, "the price of bread"), "url": f"https://x.example/{tag}"},
             {"text": text(tag, "school repairs"), "lang": "en", "published_at": "not a date"},
             {"text": text(tag, "the price of bread")}]
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles/batch", headers=auth, json={"articles": items},
                   timeout=30)
    assert r.status_code == 202, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["new", "rejected", "rejected", "duplicate", "rejected", "duplicate"]
    assert results[3]["id"] == results[5]["id"] == results[0]["id"]
    assert results[4]["errors"][0]["loc"] == ["body", "articles", 4, "published_at"]
    assert r.json()["counts"] == {"new": 1, "duplicate": 2, "near_duplicate": 0, "rejected": 3}
    got = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{results[0]['id']}", headers=auth).json()
    assert got["lang"] == "en" and got["lang_detected"] is True and got["lang_supported"] is True

    too_many = httpx.post(f"{stack.services['ingest'].url}/v1/articles/batch", headers=auth, timeout=30,
                          json={"articles": [{"text": f"t{i}"} for i in range(1001)]})
    assert too_many.status_code == 422 and "1000" in too_many.text


def test_ndjson_upload_answers_per_line(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    lines = [json.dumps({"text": text(tag, "a new well")}), "", "{broken",
             json.dumps({"text": "Le conseil municipal s'est réuni hier soir pour discuter de la pénurie d'eau "
                                 f"dans les quartiers du nord ({tag})."}),
             json.dumps({"html": "<p></p>"}), json.dumps({"text": text(tag, "a new well")})]
    body = ("\n".join(lines) + "\n").encode()

    def chunks():
        for i in range(0, len(body), 7):  # streamed in small pieces: lines cross chunk boundaries
            yield body[i:i + 7]

    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles/ndjson", headers={
        **auth, "content-type": "application/x-ndjson"}, content=chunks(), timeout=30)
    assert r.status_code == 202, r.text
    results = r.json()["results"]
    assert [(x["index"], x["status"]) for x in results] == [
        (1, "new"), (3, "rejected"), (4, "new"), (5, "rejected"), (6, "duplicate")]
    assert "not JSON" in results[1]["errors"][0]["msg"]
    french = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{results[2]['id']}", headers=auth).json()
    assert french["lang"] == "fr" and french["lang_detected"] and french["lang_supported"] is False
    empty = httpx.post(f"{stack.services['ingest'].url}/v1/articles/ndjson", headers=auth, content=b"\n\n")
    assert empty.status_code == 422 and "no article" in empty.text


def test_a_long_upload_is_answered_in_line_order_across_chunks(stack: Stack, auth: dict[str, str]) -> None:
    tag = uuid.uuid4().hex
    lines = [json.dumps({"text": f"Entry {i} of a long upload, {tag}."}) for i in range(450)]
    lines[300] = lines[3]  # a repeat two chunks later
    lines[401] = "[1, 2]"  # JSON, but not an article
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles/ndjson", headers=auth,
                   content=("\n".join(lines)).encode(), timeout=60)
    assert r.status_code == 202, r.text
    results = r.json()["results"]
    assert [x["index"] for x in results] == list(range(1, 451))
    assert results[300]["status"] == "duplicate" and results[300]["id"] == results[3]["id"]
    assert results[401]["status"] == "rejected" and results[401]["errors"]
    assert r.json()["counts"] == {"new": 448, "duplicate": 1, "near_duplicate": 0, "rejected": 1}


def test_idempotency_key_replays_the_first_answer_on_every_post(stack: Stack, auth: dict[str, str]) -> None:
    ingest = stack.services["ingest"].url
    tag = uuid.uuid4().hex
    for path, kwargs in (("/v1/articles", {"json": {"text": text(tag, "street lights")}}),
                         ("/v1/articles/batch", {"json": {"articles": [{"text": text(tag, "a bus route")}]}}),
                         ("/v1/articles/ndjson", {"content": json.dumps({"text": text(tag, "a clinic")}).encode()})):
        key = {"Idempotency-Key": f"k-{tag}-{path}"}
        first = httpx.post(f"{ingest}{path}", headers={**auth, **key}, timeout=30, **kwargs)
        second = httpx.post(f"{ingest}{path}", headers={**auth, **key}, timeout=30, **kwargs)
        assert first.status_code == second.status_code == 202, (path, first.text, second.text)
        assert first.json() == second.json(), path  # without the key the second would say "duplicate"
        assert second.headers.get("idempotent-replayed") == "true" and "idempotent-replayed" not in first.headers
        changed = {"/v1/articles": {"json": {"text": "something else"}},
                   "/v1/articles/batch": {"json": {"articles": [{"text": "something else"}]}},
                   "/v1/articles/ndjson": {"content": b'{"text": "something else"}'}}[path]
        other = httpx.post(f"{ingest}{path}", headers={**auth, **key}, timeout=30, **changed)  # type: ignore[arg-type]
        assert other.status_code == 422 and "different request" in other.text, path
    feed_key = {"Idempotency-Key": f"feed-{tag}"}
    body = {"url": f"http://127.0.0.1:9/{tag}.xml", "interval_s": 3600}
    made = httpx.post(f"{ingest}/v1/feeds", headers={**auth, **feed_key}, json=body, timeout=10)
    again = httpx.post(f"{ingest}/v1/feeds", headers={**auth, **feed_key}, json=body, timeout=10)
    assert made.status_code == again.status_code == 201 and made.json() == again.json()
    httpx.delete(f"{ingest}/v1/feeds/{made.json()['id']}", headers=auth, timeout=10)
    bad = httpx.post(f"{ingest}/v1/articles", headers={**auth, "Idempotency-Key": "x" * 300}, json={"text": "t"})
    assert bad.status_code == 422 and "Idempotency-Key" in bad.text
