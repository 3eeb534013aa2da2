"""The console (served by the alert service at /console) in a real headless Chromium, against the running
pipeline: sign in, a live incident from an article posted through ingest, its evidence highlighted at the
annotation's offsets, the map, a silence and a subscription. Screenshots go to tests/artifacts/console/."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.feed_server import FeedServer
from tests.pipeline.conftest import API_KEY, Receiver
from tests.pipeline.console_browser import click, shot, start_chromium, wait

pytestmark = pytest.mark.pipeline

FACILITY = "fac:sy-shaddadi-prison"  # named by no other pipeline test, so its incident is this test's
AR_TEXT = ("هاجم مسلحون من تنظيم داعش سجن الشدادي في ريف الحسكة الجنوبي فجر اليوم. "
           "وقالت قوات سوريا الديمقراطية إن الحراس أحبطوا محاولة فرار من السجن.")
EN_TEXT = ("ISIS fighters attacked al-Shaddadi prison in the southern Hasakah countryside at dawn. "
           "The Syrian Democratic Forces said guards foiled an escape attempt.")


@pytest.fixture(scope="module")
def browser(stack: Stack) -> Iterator[Any]:
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def console_url(stack: Stack, route: str = "") -> str:
    return f"{stack.services['alert'].url}/console/{route}"


def sign_in(driver: Any, stack: Stack) -> None:
    driver.get(console_url(stack))
    driver.execute_script("sessionStorage.clear(); localStorage.setItem('raqib.lang', 'en');")
    driver.get(console_url(stack))
    key = wait("the sign-in form", lambda: css(driver, "#api-key"), driver=driver)[0]
    key.send_keys(API_KEY)
    css(driver, "#signin-submit")[0].click()
    wait("the incident list", lambda: css(driver, "#incident-rows"), driver=driver)
    wait("the live stream", lambda: "live" in css(driver, "#live-state")[0].get_attribute("class").split(),
         driver=driver)
    assert driver.execute_script("return sessionStorage.getItem('raqib.apiKey')") == API_KEY
    assert driver.execute_script("return localStorage.getItem('raqib.apiKey')") is None


def incident_for(stack: Stack, auth: dict[str, str], article_id: str) -> dict[str, Any] | None:
    rows = httpx.get(f"{stack.services['alert'].url}/v1/alerts", params={"facility_id": FACILITY, "limit": 50},
                     headers=auth, timeout=5).json()
    for row in rows:
        if row["article_id"] == article_id:  # the article that opened it
            return dict(row)
        detail = httpx.get(f"{stack.services['alert'].url}/v1/alerts/{row['id']}", headers=auth, timeout=5).json()
        if article_id in {a["article_id"] for a in detail.get("articles") or []}:
            return dict(detail)
    return None


def post(stack: Stack, auth: dict[str, str], text: str, lang: str) -> str:
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, timeout=10, json={
        "text": text, "lang": lang, "url": f"https://news.example.org/{lang}/{uuid.uuid4().hex}",
        "title": "هجوم على سجن الشدادي" if lang == "ar" else "Attack on al-Shaddadi prison"})
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


def test_sign_in_refuses_a_wrong_key(browser: Any, stack: Stack) -> None:
    browser.get(console_url(stack))
    browser.execute_script("sessionStorage.clear(); localStorage.setItem('raqib.lang', 'en');")
    browser.get(console_url(stack))
    wait("the sign-in form", lambda: css(browser, "#api-key"), driver=browser)[0].send_keys("rk_wrong_" + "y" * 30)
    css(browser, "#signin-submit")[0].click()
    wait("the refusal", lambda: "refused" in css(browser, "#signin-error")[0].text, driver=browser)
    assert browser.execute_script("return sessionStorage.getItem('raqib.apiKey')") is None


def test_live_incident_with_highlighted_evidence(browser: Any, stack: Stack, auth: dict[str, str],
                                                receiver: Receiver) -> None:
    hook = f"console-incident-{uuid.uuid4().hex[:8]}"
    sub = httpx.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth, timeout=10,
                     json={"url": receiver.url(hook), "filters": {"facility_ids": [FACILITY]}})
    assert sub.status_code == 201, sub.text
    sign_in(browser, stack)
    before = {r.get_attribute("data-id") for r in css(browser, "tr.incident-row")}
    ar_id = post(stack, auth, AR_TEXT, "ar")
    incident = wait("the alert service to open the incident", lambda: incident_for(stack, auth, ar_id), 30)
    row_sel = f'tr.incident-row[data-id="{incident["id"]}"]'
    wait("the incident to appear in the open list (live, no reload), named in English and Arabic",
         lambda: [r for r in css(browser, row_sel) if "Shaddadi" in r.text and "سجن الشدادي" in r.text],
         driver=browser)
    assert incident["id"] not in before

    en_id = post(stack, auth, EN_TEXT, "en")  # another outlet, another language: the same incident
    wait("the English report to join the incident", lambda: incident_for(stack, auth, en_id), 30)
    wait("the open list to count two articles (live)",
         lambda: [r for r in css(browser, row_sel) if r.find_element("css selector", "td.num").text == "2"],
         driver=browser)
    shot(browser, "01-incidents-live-en")

    click(browser, f"{row_sel} a.incident-link")
    wait("both articles' evidence", lambda: len(css(browser, "#evidence[data-ready=true] article")) == 2,
         driver=browser)
    ar = css(browser, f'#evidence article[data-article="{ar_id}"]')[0]
    en = css(browser, f'#evidence article[data-article="{en_id}"]')[0]
    assert (ar.get_attribute("dir"), ar.value_of_css_property("direction")) == ("rtl", "rtl")
    assert (en.get_attribute("dir"), en.value_of_css_property("direction")) == ("ltr", "ltr")
    assert ar.location["y"] == en.location["y"] and ar.location["x"] != en.location["x"]  # side by side

    def marks(card: Any, where: str = "blockquote") -> set[tuple[str, str]]:
        return {(m.get_attribute("data-kind"), m.get_attribute("textContent"))
                for m in card.find_elements("css selector", f"{where} mark")}

    # the evidence sentence, with the facility, places and actors in it highlighted
    assert {("facility", "سجن الشدادي"), ("place", "ريف الحسكة"), ("actor", "تنظيم داعش")} <= marks(ar)
    assert {("facility", "al-Shaddadi prison"), ("place", "Hasakah countryside"), ("actor", "ISIS")} <= marks(en)
    assert ("actor", "قوات سوريا الديمقراطية") in marks(ar, "details")  # the rest of the article, folded
    # each mark sits at the annotation's offsets: its data-start/end slice the stored article's body, or its
    # headline for the headline's own mentions (data-part="title": the annotation's `title` part)
    assert ("event", "هجوم") in marks(ar, "h3")
    for card, article_id in ((ar, ar_id), (en, en_id)):
        stored = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{article_id}", headers=auth,
                           timeout=5).json()
        for m in card.find_elements("css selector", "mark"):
            start, end = int(m.get_attribute("data-start")), int(m.get_attribute("data-end"))
            assert stored[m.get_attribute("data-part")][start:end] == m.get_attribute("textContent")
    shot(browser, "02-incident-evidence")
    css(browser, "#lang-toggle")[0].click()  # the interface right-to-left: each article keeps its own direction
    wait("the Arabic interface", lambda: browser.execute_script("return document.documentElement.dir") == "rtl"
         and len(css(browser, "#evidence[data-ready=true] article.lang-en")) == 1, driver=browser)
    assert css(browser, "article.lang-en")[0].value_of_css_property("direction") == "ltr"
    shot(browser, "02-incident-evidence-ar")
    css(browser, "#lang-toggle")[0].click()
    wait("English again", lambda: browser.execute_script("return document.documentElement.dir") == "ltr"
         and css(browser, "#evidence[data-ready=true] article"), driver=browser)

    # the deliveries made for it, and a replay: the receiver gets the same notice again (same webhook-id)
    receiver.wait_for(hook, 1)
    browser.refresh()
    ours = sub.json()["id"][:8]  # other tests' subscriptions get deliveries for this incident too
    delivery = wait("the delivery, succeeded", lambda: [r for r in css(browser, "table.delivery-log tbody tr")
                                                        if "succeeded" in r.text and ours in r.text],
                    timeout=20, driver=browser)[0]
    webhook_id = delivery.get_attribute("data-id")  # the delivery id is the webhook-id, constant across sends
    delivery.find_element("css selector", "button.act-replay").click()
    wait("the replay queued", lambda: [n for n in css(browser, ".notice.ok") if "Queued" in n.text], driver=browser)
    try:
        wait("the same notice received again", lambda: sum(
            r["headers"].get("webhook-id") == webhook_id for r in receiver.received(hook)) == 2, timeout=45)
    except AssertionError as exc:
        state = httpx.get(f"{stack.services['alert'].url}/v1/deliveries/attempts", headers=auth, timeout=5,
                          params={"delivery_id": webhook_id}).json()
        got = [r["headers"].get("webhook-id") for r in receiver.received(hook)]
        raise AssertionError(f"{exc}\nattempts: {state}\nreceived webhook-ids: {got}") from None

    # a silence from the incident's page: on its facility, for an hour
    click(browser, ".incident-head button.act-silence")
    form = wait("the silence form", lambda: css(browser, ".form-slot form.silence-form"), driver=browser)[0]
    form.find_element("css selector", "input[name=comment]").send_keys("console test")
    form.find_element("css selector", "button[type=submit]").click()
    wait("the silence confirmed", lambda: [n for n in css(browser, ".notice.ok") if "Shaddadi" in n.text],
         driver=browser)
    silences = httpx.get(f"{stack.services['alert'].url}/v1/silences", headers=auth, timeout=5).json()
    mine = [s for s in silences if s["comment"] == "console test" and s["state"] == "active"]
    assert [m["matchers"] for m in mine] == [[{"name": "facility_id", "value": FACILITY, "op": "="}]]
    wait("the incident marked silenced (live)", lambda: css(browser, ".incident-head .badge.silenced"),
         timeout=20, driver=browser)

    browser.get(console_url(stack, "#/silences"))
    row = wait("the silence listed", lambda: [r for r in css(browser, "tr.silence-row") if FACILITY in r.text],
               driver=browser)[0]
    shot(browser, "03-silences")
    row.find_element("css selector", "button.act-expire").click()
    wait("the silence expired", lambda: [r for r in css(browser, "tr.silence-row")
                                         if FACILITY in r.text and "expired" in r.text], driver=browser)

    # resolved from the list (and the pipeline left quiet for the tests after this one)
    browser.get(console_url(stack, "#/incidents"))
    click(browser, f"{row_sel} button.act-resolve")
    wait("the incident resolved (its row redrawn)", lambda: css(browser, f"{row_sel}.state-resolved"), driver=browser)
    resolved = httpx.get(f"{stack.services['alert'].url}/v1/alerts/{incident['id']}", headers=auth, timeout=5)
    assert resolved.json()["status"] == "resolved"


def test_map_draws_the_outline_facilities_and_incidents(browser: Any, stack: Stack) -> None:
    browser.get(console_url(stack, "#/map"))
    holder = wait("the map", lambda: css(browser, "#map[data-ready=true]"), driver=browser)[0]
    assert int(holder.get_attribute("data-facilities")) > 100  # the curated gazetteer, from enrich
    assert int(holder.get_attribute("data-incidents")) >= 1
    assert len(css(browser, ".leaflet-overlay-pane path")) > 100  # country outlines and markers, as SVG
    assert css(browser, "path.incident-marker.kind-prison")
    shot(browser, "04-map")


def test_interface_in_arabic_is_right_to_left(browser: Any, stack: Stack) -> None:
    browser.get(console_url(stack, "#/incidents"))
    wait("the incident list", lambda: css(browser, "tr.incident-row"), driver=browser)
    css(browser, "#lang-toggle")[0].click()
    wait("Arabic", lambda: browser.execute_script("return document.documentElement.dir") == "rtl", driver=browser)
    wait("the Arabic navigation", lambda: [a for a in css(browser, "#nav-incidents") if a.text == "الحوادث"],
         driver=browser)
    shot(browser, "05-incidents-ar")
    css(browser, "#lang-toggle")[0].click()
    wait("English", lambda: browser.execute_script("return document.documentElement.dir") == "ltr", driver=browser)


def test_create_a_subscription_and_see_its_secret_once(browser: Any, stack: Stack, receiver: Receiver) -> None:
    browser.get(console_url(stack, "#/subscriptions"))
    form = wait("the subscription form", lambda: css(browser, "#subscription-form"), driver=browser)[0]
    url = receiver.url(f"console-{uuid.uuid4().hex[:8]}")
    form.find_element("css selector", "input[name=url]").send_keys(url)
    form.find_element("css selector", "input[name=kinds][value=prison]").click()
    form.find_element("css selector", "input[name=countries]").send_keys("SY")
    form.find_element("css selector", "button[type=submit]").click()
    secret = wait("the secret, shown once", lambda: css(browser, "#secret-value"), driver=browser)[0].text
    assert secret.startswith("whsec_")
    row = wait("the new subscription", lambda: [r for r in css(browser, "tr.subscription-row") if url in r.text],
               driver=browser)[0]
    assert "prison" in row.text and "SY" in row.text
    shot(browser, "06-subscription-created")
    browser.refresh()  # the secret is not shown again
    row = wait("the list again", lambda: [r for r in css(browser, "tr.subscription-row") if url in r.text],
               driver=browser)[0]
    assert not css(browser, "#secret-value")

    row.find_element("css selector", "button.act-test").click()  # a signed test notice to the real receiver
    wait("the test's result", lambda: [n for n in css(browser, ".notice.ok") if "HTTP 204" in n.text], driver=browser)
    name = url.rsplit("/", 1)[1]
    assert [r["answered"] for r in receiver.received(name)] == [204]
    row.find_element("css selector", "button.act-rotate").click()
    rotated = wait("the new secret", lambda: css(browser, "#secret-value"), driver=browser)[0].text
    assert rotated.startswith("whsec_") and rotated != secret
    row = next(r for r in css(browser, "tr.subscription-row") if url in r.text)
    row.find_element("css selector", "button.act-log").click()
    wait("the attempt in the delivery log", lambda: css(browser, "table.attempt-log tbody tr"), driver=browser)
    shot(browser, "07-subscription-log")
    row.find_element("css selector", "button.act-disable").click()
    wait("the subscription disabled", lambda: [r for r in css(browser, "tr.subscription-row")
                                               if url in r.text and r.find_elements("css selector", ".act-enable")],
         driver=browser)


def test_add_a_feed_and_see_its_status(browser: Any, stack: Stack) -> None:
    with FeedServer() as feeds:
        feeds.extra["/console.xml"] = CALM_FEED.replace("{base}", feeds.base).encode()
        feeds.extra["/console/water"] = f"<html><body><article><p>{CALM_TEXT}</p></article></body></html>".encode()
        browser.get(console_url(stack, "#/feeds"))
        form = wait("the feed form", lambda: css(browser, "#feed-form"), driver=browser)[0]
        url = f"{feeds.base}/console.xml"
        form.find_element("css selector", "input[name=url]").send_keys(url)
        interval = form.find_element("css selector", "input[name=interval_s]")
        interval.clear()
        interval.send_keys("3600")
        form.find_element("css selector", "button[type=submit]").click()
        wait("the feed in the list", lambda: [r for r in css(browser, "tr.feed-row") if url in r.text],
             driver=browser)

        def polled() -> list[Any]:
            browser.refresh()
            rows = [r for r in wait("the feeds", lambda: css(browser, "tr.feed-row"), driver=browser) if url in r.text]
            return [r for r in rows if r.find_element("css selector", ".feed-status").text == "200"]

        row = wait("the poller's first fetch (HTTP 200)", polled, timeout=20, driver=browser)[0]
        assert row.find_element("css selector", ".feed-items").text == "1"
        shot(browser, "08-feeds")
        row.find_element("css selector", "button.act-pause").click()  # stop it before the server goes
        wait("the feed paused", lambda: [r for r in css(browser, "tr.feed-row.paused") if url in r.text],
             driver=browser)


# a story of its own (an exact or near duplicate of another test's article would hide that one from it)
CALM_TEXT = (f"Municipal workers in Amuda replaced a cracked water main under the vegetable market on a wet "
             f"Thursday morning, and shopkeepers moved their crates to the pavement until noon ({uuid.uuid4().hex}).")
CALM_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Console test desk</title><link>{{base}}/</link>
<description>one calm item, served by the test's own feed server (nothing leaves the machine)</description>
<item><title>A water main in Amuda</title><link>{{base}}/console/water</link>
<description>{CALM_TEXT}</description></item></channel></rss>"""


def test_a_read_key_sees_but_may_not_act(browser: Any, stack: Stack, auth: dict[str, str]) -> None:
    created = httpx.post(f"{stack.services['alert'].url}/v1/api-keys", headers=auth, timeout=5,
                         json={"name": "console reader", "scopes": ["read"]})
    assert created.status_code == 201, created.text
    browser.get(console_url(stack))
    browser.execute_script("sessionStorage.clear();")
    browser.get(console_url(stack))
    wait("the sign-in form", lambda: css(browser, "#api-key"), driver=browser)[0].send_keys(created.json()["key"])
    css(browser, "#signin-submit")[0].click()
    rows = wait("the incidents, readable", lambda: css(browser, "tr.incident-row"), driver=browser)
    row_sel = f'tr.incident-row[data-id="{rows[0].get_attribute("data-id")}"]'
    click(browser, f"{row_sel} button.act-silence")  # a silence needs alerts:write
    click(browser, "tr.form-row form.silence-form button[type=submit]")
    wait("the refusal, in words", lambda: [n for n in css(browser, ".notice.error") if "lacks the scope" in n.text],
         driver=browser)
    silences = httpx.get(f"{stack.services['alert'].url}/v1/silences", headers=auth, timeout=5).json()
    assert not [s for s in silences if s["created_by"] == "console" and s["state"] == "active"]  # none made
    click(browser, "#signout")
    wait("signed out", lambda: css(browser, "#api-key"), driver=browser)
    assert browser.execute_script("return sessionStorage.getItem('raqib.apiKey')") is None
