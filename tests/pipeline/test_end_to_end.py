"""The spine, end to end: HTTP in -> ingest -> Kafka -> enrich -> Kafka -> alert -> signed webhook out,
against the real broker, real PostgreSQL and a real receiver process."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from devstack.stack import Stack
from tests.pipeline.conftest import Receiver

pytestmark = pytest.mark.pipeline

NAMES_TWO = ("أفادت مصادر محلية في الحسكة بأن إدارة سجن غويران رفعت حالة التأهب بعد رصد تحركات لخلايا "
             "تابعة لتنظيم داعش، فيما شددت قوى الأمن الداخلي الحراسة على مداخل مخيم الهول شرقي المحافظة.")
NAMES_NONE = ("عقد مجلس المدينة في القامشلي اجتماعاً لمناقشة أزمة المياه وارتفاع أسعار الخبز، "
              "ودعا المنظمات الإنسانية إلى زيادة الدعم للأسر الفقيرة خلال فصل الشتاء.")


def subscribe(stack: Stack, auth: dict[str, str], url: str, **filters: object) -> dict[str, str]:
    r = httpx.post(f"{stack.services['alert'].url}/v1/subscriptions", headers=auth,
                   json={"url": url, "filters": filters}, timeout=10)
    assert r.status_code == 201, r.text
    return r.json()


def post(stack: Stack, auth: dict[str, str], **article: object) -> dict[str, object]:
    r = httpx.post(f"{stack.services['ingest'].url}/v1/articles", headers=auth, json=article, timeout=10)
    assert r.status_code == 202, r.text
    return r.json()


def verify(secret: str, notice: dict[str, Any]) -> dict[str, Any]:
    payload = Webhook(secret).verify(notice["body"], notice["headers"])
    assert isinstance(payload, dict)
    return payload


def wait_annotation(stack: Stack, auth: dict[str, str], article_id: str, timeout: float = 30) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = httpx.get(f"{stack.services['enrich'].url}/v1/annotations/{article_id}", headers=auth, timeout=5)
        if r.status_code == 200:
            return r.json()
        time.sleep(0.2)
    raise AssertionError(f"article {article_id} was not enriched within {timeout}s")


def test_arabic_report_naming_a_prison_and_a_camp_yields_two_signed_notices(
        stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    sub = subscribe(stack, auth, receiver.url("two"))
    assert sub["secret"].startswith("whsec_")
    url = f"https://news.example.org/hasakah/{uuid.uuid4()}"
    accepted = post(stack, auth, text=NAMES_TWO, url=url, lang="ar", title="تأهب في الحسكة")
    assert accepted["duplicate"] is False

    notices = receiver.wait_for("two", 2)
    payloads = [verify(sub["secret"], n) for n in notices]
    assert all(p["type"] == "alert.firing" for p in payloads)
    facilities = {p["data"]["incident"]["facility_id"] for p in payloads}
    assert len(facilities) == 2
    kinds = sorted(p["data"]["incident"]["kind"] for p in payloads)
    assert kinds == ["camp", "prison"]
    assert {a["article_id"] for p in payloads for a in p["data"]["articles"]} == {accepted["id"]}
    assert all(p["data"]["articles"][0]["evidence"] in NAMES_TWO for p in payloads)
    assert len({n["headers"]["webhook-id"] for n in notices}) == 2

    # the same article again: same id, flagged duplicate, nothing new downstream
    again = post(stack, auth, text=NAMES_TWO, url=url + "?utm_source=feed", lang="ar")
    assert again == {"id": accepted["id"], "duplicate": True}
    time.sleep(3)
    assert len(receiver.received("two")) == 2

    alerts = httpx.get(f"{stack.services['alert'].url}/v1/alerts", headers=auth, timeout=5).json()
    assert len([a for a in alerts if a["article_id"] == accepted["id"]]) == 2


def test_report_naming_no_facility_yields_no_notice(stack: Stack, receiver: Receiver,
                                                    auth: dict[str, str]) -> None:
    subscribe(stack, auth, receiver.url("none"))
    accepted = post(stack, auth, text=NAMES_NONE, lang="ar")
    annotation = wait_annotation(stack, auth, str(accepted["id"]))
    assert annotation["alert"] is False
    time.sleep(3)  # the alert service has had ample time to (wrongly) notify
    assert receiver.received("none") == []


def test_failed_delivery_is_retried_with_the_same_webhook_id(stack: Stack, receiver: Receiver,
                                                             auth: dict[str, str]) -> None:
    sub = subscribe(stack, auth, receiver.url("retry"))
    receiver.fail_next("retry", 1)
    post(stack, auth, text="Guards at Roj camp in north-east Syria reported a fire in one section on Monday.",
         lang="en")
    delivered = receiver.wait_for("retry", 1)
    attempts = receiver.received("retry")
    assert [a["answered"] for a in attempts] == [500, 204]
    assert attempts[0]["headers"]["webhook-id"] == attempts[1]["headers"]["webhook-id"]
    verify(sub["secret"], delivered[0])
    log = httpx.get(f"{stack.services['alert'].url}/v1/deliveries", headers=auth, timeout=5,
                    params={"subscription_id": sub["id"]}).json()
    assert [(d["status"], d["attempts"]) for d in log] == [("succeeded", 2)]


def test_subscription_filters_select_alerts(stack: Stack, receiver: Receiver, auth: dict[str, str]) -> None:
    # by host name: the delivery connects to the address checked for it, with the original Host header
    subscribe(stack, auth, receiver.url("camps-only").replace("127.0.0.1", "localhost"), kinds=["camp"])
    post(stack, auth, lang="en", text="Families in al-Hol camp and detainees in Ghwayran prison were counted "
                                      f"by a UN team this week (ref {uuid.uuid4()}).")
    notices = receiver.wait_for("camps-only", 1)
    time.sleep(2)
    assert len(receiver.received("camps-only")) == 1
    assert json.loads(notices[0]["body"])["data"]["incident"]["kind"] == "camp"


def test_a_facility_named_only_in_the_headline_yields_a_notice(stack: Stack, receiver: Receiver,
                                                               auth: dict[str, str]) -> None:
    """Outlets name the camp in the headline and write "the camp" below: the report still gets its notice, with
    the headline as its evidence, and the stored annotation's headline mentions index the stored title."""
    sub = subscribe(stack, auth, receiver.url("headline"), facility_ids=["fac:jo-azraq-camp"])
    title = "اشتباكات بين لاجئين وحراس داخل مخيّم «الأزرق»"
    body = f"أصيب ثلاثة أشخاص في شجار داخل المخيم مساء أمس، بحسب مصدر أمني أردني (مرجع {uuid.uuid4()})."
    accepted = post(stack, auth, text=body, title=title, lang="ar")
    (notice,) = receiver.wait_for("headline", 1)
    data = verify(sub["secret"], notice)["data"]
    assert data["incident"]["facility_id"] == "fac:jo-azraq-camp"
    assert data["articles"][0]["evidence"] == title
    annotation = wait_annotation(stack, auth, str(accepted["id"]))
    assert annotation["facilities"] == []
    (f,) = annotation["title"]["facilities"]  # type: ignore[index]
    stored = httpx.get(f"{stack.services['ingest'].url}/v1/articles/{accepted['id']}", headers=auth, timeout=5).json()
    assert stored["title"][f["start"]:f["end"]] == f["surface"]
