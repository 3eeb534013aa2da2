"""Feeds end to end: a real HTTP server on loopback serves RSS 2.0, RSS 1.0 and Atom fixtures (ETag and
Last-Modified honoured) and an article page; feeds added through the API become articles, annotations and
alerts; re-polling (304s), re-posting and the same story under another URL raise no second alert."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from services.ingest.articles import canonical_url
from tests.feed_server import FeedServer
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline


@pytest.fixture(scope="module")
def feed_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


def article_id(url: str) -> str:
    return "art_" + hashlib.sha256(f"url:{canonical_url(url)}".encode()).hexdigest()[:32]


def wait(what: str, probe: Any, timeout: float = 45.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if got := probe():
            return got
        time.sleep(0.3)
    raise AssertionError(f"{what}: not within {timeout}s")


def alerts_for(stack: Stack, auth: dict[str, str], ids: set[str]) -> list[dict[str, Any]]:
    alerts = httpx.get(f"{stack.services['alert'].url}/v1/alerts", params={"limit": 500}, headers=auth,
                       timeout=10).json()
    return [a for a in alerts if a["article_id"] in ids]


def test_feeds_added_through_the_api_raise_one_alert_per_story(
        stack: Stack, receiver: Receiver, auth: dict[str, str], feed_server: FeedServer) -> None:
    ingest = stack.services["ingest"].url
    sub = httpx.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                     json={"url": receiver.url("feeds")}, timeout=10)
    assert sub.status_code == 201, sub.text
    base = feed_server.base
    added = {}
    for name, lang in (("rss2.xml", None), ("rss1.rdf", None), ("atom.xml", None), ("mirror.xml", "en")):
        r = httpx.post(f"{ingest}/v1/feeds", headers=auth, timeout=10,
                       json={"url": f"{base}/{name}", "interval_s": 2, "source": "fixture desk",
                             **({"lang": lang} if lang else {})})
        assert r.status_code == 201, r.text
        added[name] = r.json()["id"]
    again = httpx.post(f"{ingest}/v1/feeds", headers=auth, json={"url": f"{base}/rss2.xml"}, timeout=10)
    assert again.status_code == 409 and added["rss2.xml"] in again.text

    roj = {article_id(f"{base}/stories/roj-water"), article_id(f"{base}/wire/2025/11/03/roj-camp-water")}
    sednaya, hol = article_id(f"{base}/pages/sednaya-visits"), article_id(f"{base}/ar/hol-transfer")
    quiet = {article_id(f"{base}/stories/bread-prices"), article_id(f"{base}/ar/stadium")}
    everything = roj | quiet | {sednaya, hol}

    def status(aid: str) -> dict[str, Any] | None:
        r = httpx.get(f"{ingest}/v1/articles/{aid}", headers=auth, timeout=10)
        return r.json() if r.status_code == 200 else None

    # every article arrives and is enriched; the three stories naming a prison or camp are alerted once each
    for aid in everything:
        wait(f"article {aid} enriched", lambda aid=aid: (s := status(aid)) and s["pipeline"]["enriched"])
    got = wait("three alerts", lambda: len(a := alerts_for(stack, auth, everything)) >= 3 and a)
    by_article: dict[str, int] = {}
    for a in got:
        by_article[a["article_id"]] = by_article.get(a["article_id"], 0) + 1
    assert set(by_article) & {sednaya, hol} == {sednaya, hol}
    assert len(set(by_article) & roj) == 1, by_article  # the syndicated copy raised nothing

    page = status(sednaya)
    assert page is not None and "weekly visits" in page["text"] and "Home" not in page["text"]  # page extracted
    assert page["title"] == "Family visits suspended" and page["lang"] == "en" and page["feed_id"] == added["rss1.rdf"]
    assert page["pipeline"]["alerts"][0]["facility_id"] == "fac:sy-sednaya-prison"
    assert page["pipeline"]["enriched"]["alert"] and page["pipeline"]["enriched"]["facilities"]
    arabic = status(hol)
    assert arabic is not None and arabic["lang"] == "ar" and arabic["pipeline"]["published"]["state"] == "published"
    copies = [status(aid) for aid in roj]
    linked = [c for c in copies if c and c["near_duplicate_of"]]
    assert len(linked) == 1 and linked[0]["near_duplicate_of"] in roj and linked[0]["pipeline"]["alerts"] == []

    # re-polls: the server answers 304 to the conditional GETs and nothing new is alerted
    wait("304s counted", lambda: all(feed_server.not_modified[f"/{n}"] >= 2 for n in added), timeout=30)
    feed = httpx.get(f"{ingest}/v1/feeds/{added['rss2.xml']}", headers=auth, timeout=10).json()
    assert feed["status"]["not_modified"] >= 2 and feed["status"]["items_seen"] == 2
    assert feed["status"]["articles_new"] == 2 and feed["status"]["last_error"] is None
    assert feed_server.served["/pages/sednaya-visits"] == 1  # a known page is not fetched again

    # the same story posted again under a third URL, and the page re-posted as is: no new alert
    reposted = httpx.post(f"{ingest}/v1/articles", headers=auth, timeout=10, json={
        "text": page["text"].replace("Tuesday", "Wednesday"), "url": f"https://elsewhere.example/{uuid.uuid4()}"})
    assert reposted.status_code == 202 and reposted.json()["near_duplicate_of"] == sednaya
    same = httpx.post(f"{ingest}/v1/articles", headers=auth, timeout=10,
                      json={"text": page["text"], "url": f"{base}/pages/sednaya-visits?utm_source=rss"})
    assert same.json() == {"id": sednaya, "duplicate": True}
    wait("the re-post enriched", lambda: (s := status(reposted.json()["id"])) and s["pipeline"]["enriched"])
    time.sleep(3)
    final = alerts_for(stack, auth, everything | {reposted.json()["id"]})
    assert len(final) == len(got), [a["article_id"] for a in final]
    notices = [a["article_id"] for n in receiver.received("feeds")  # a notice is about an incident (issue 9)
               for a in json.loads(n["body"])["data"]["articles"]]
    assert len([n for n in notices if n in everything | {reposted.json()["id"]}]) == len(got)

    listing = httpx.get(f"{ingest}/v1/feeds", headers=auth, timeout=10).json()
    assert {f["id"] for f in listing} >= set(added.values())
    paused = httpx.patch(f"{ingest}/v1/feeds/{added['atom.xml']}", headers=auth, json={"active": False}, timeout=10)
    assert paused.status_code == 200 and paused.json()["active"] is False
    for feed_id in added.values():
        assert httpx.delete(f"{ingest}/v1/feeds/{feed_id}", headers=auth, timeout=10).status_code == 204
    assert httpx.get(f"{ingest}/v1/feeds/{added['rss2.xml']}", headers=auth, timeout=10).status_code == 404


def test_a_feed_url_is_held_to_the_ssrf_and_url_rules(stack: Stack, auth: dict[str, str]) -> None:
    ingest = stack.services["ingest"].url
    for url, reason in (("ftp://example.org/feed", "http(s)"), ("http://user:pw@example.org/f", "credentials"),
                        ("http://no-such-host.invalid/feed", "does not resolve")):
        r = httpx.post(f"{ingest}/v1/feeds", headers=auth, json={"url": url}, timeout=15)
        assert r.status_code == 422 and reason in r.text, (url, r.text)
    r = httpx.post(f"{ingest}/v1/feeds", headers=auth, json={"url": "http://127.0.0.1:9/f", "interval_s": 0})
    assert r.status_code == 422 and "interval_s" in r.text


def test_a_failing_feed_records_why_and_backs_off(stack: Stack, auth: dict[str, str],
                                                 feed_server: FeedServer) -> None:
    from datetime import datetime

    ingest = stack.services["ingest"].url
    feed_server.extra["/not-a-feed.xml"] = b"\x00\x01 this is no feed <<<"
    ids = []
    for path in ("/gone.xml", "/not-a-feed.xml"):
        r = httpx.post(f"{ingest}/v1/feeds", headers=auth, json={"url": feed_server.base + path, "interval_s": 2})
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])

    def failed(feed_id: str) -> dict[str, Any] | None:
        f = httpx.get(f"{ingest}/v1/feeds/{feed_id}", headers=auth, timeout=10).json()
        return f if f["status"]["errors_in_row"] >= 2 else None

    gone, garbage = (wait("two errors in a row", lambda i=i: failed(i), timeout=30) for i in ids)
    assert gone["status"]["last_error"] == "HTTP 404" and gone["status"]["last_status"] == 404
    assert garbage["status"]["last_error"].startswith("not a feed")
    for f in (gone, garbage):  # the interval (2 s) doubled per error in a row, jittered by 10 % at most
        wait_s = (datetime.fromisoformat(f["status"]["next_fetch_at"])
                  - datetime.fromisoformat(f["status"]["last_fetch_at"])).total_seconds()
        n = f["status"]["errors_in_row"]
        assert 2 * 2 ** n * 0.85 <= wait_s <= 2 * 2 ** n * 1.11 + 1, (n, wait_s)
    for feed_id in ids:
        httpx.delete(f"{ingest}/v1/feeds/{feed_id}", headers=auth, timeout=10)
