"""The delivery worker's request bodies: a notice handed over fresh (this version's dump, just made) goes out in the
standard format as it is, byte for byte what validating and dumping it again gave; one encoded body per notice and
format is shared by its subscriptions (only the signature differs, each verifying with its own secret); a stored
payload read back (an older version's, keys reordered by jsonb) is still validated, defaults filled in."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from services.alert import delivery_repository as store
from services.alert.delivery import DeliveryWorker, Policy, request_body
from services.alert.transport import encode, new_secret, signed_request
from shared.text import pg_clean
from tests.unit.test_alert_formats import notice


def due(payload: dict, *, fresh: bool, fmt: str = "standard", secret: str = "whsec_" + "A" * 43 + "=",
        sub: uuid.UUID | None = None) -> store.DueDelivery:
    return store.DueDelivery(uuid.uuid4(), 1, sub or uuid.uuid4(), "http://127.0.0.1:9/hook", [secret], fmt,
                             "R" * 32 if fmt == "pagerduty" else None, None, False, None, payload, fresh=fresh)


@pytest.mark.parametrize("created_at", [datetime(2026, 12, 4, 21, 0, tzinfo=UTC),
                                        datetime(2026, 12, 4, 21, 0, 5, 120300, tzinfo=UTC)])
@pytest.mark.parametrize("kind", ["firing", "update", "resolved"])
def test_a_fresh_notice_goes_out_as_validating_it_again_would_send_it(kind: str, created_at: datetime) -> None:
    n = notice(kind, "resolved" if kind == "resolved" else "firing")
    first = n.articles[0].model_copy(update={"evidence": "نص\x00فيه صفر"})  # what pg_clean changes, both send
    n = n.model_copy(update={"created_at": created_at, "articles": [first, *n.articles[1:]]})
    payload = pg_clean(n.model_dump(mode="json"))
    fresh, stored = encode(request_body(due(payload, fresh=True), "")), encode(request_body(due(payload, fresh=False),
                                                                                             ""))
    assert fresh == stored
    assert b'"type":"alert.' + kind.encode() + b'"' in fresh


def test_a_stored_payload_from_an_older_version_is_validated_before_it_is_sent() -> None:
    payload = pg_clean(notice().model_dump(mode="json"))
    older = {k: v for k, v in payload.items() if k != "changes"}  # a field this version has a default for
    body = request_body(due(older, fresh=False), "")
    assert body["data"]["changes"] == {}


async def test_one_body_per_notice_and_format_each_delivery_signed_with_its_own_secret() -> None:
    worker = DeliveryWorker(None, Policy())  # type: ignore[arg-type]  # no database: only the bodies
    payload = pg_clean(notice().model_dump(mode="json"))
    s1, s2 = new_secret(), new_secret()
    d1, d2 = due(payload, fresh=True, secret=s1), due(payload, fresh=True, secret=s2)
    b1, b2 = worker._body(d1), worker._body(d2)
    assert b1 is b2
    for d, secret, other in ((d1, s1, s2), (d2, s2, s1)):
        body, headers = signed_request(str(d.id), d.secrets, worker._body(d))
        assert Webhook(secret).verify(body, headers)["data"]["id"] == payload["id"]
        with pytest.raises(Exception, match="signature"):
            Webhook(other).verify(body, headers)
    slack = worker._body(due(payload, fresh=True, fmt="slack"))
    assert slack != b1 and b'"blocks"' in slack
    other_notice = pg_clean(notice().model_copy(update={"id": "ntc_other"}).model_dump(mode="json"))
    assert worker._body(due(other_notice, fresh=True)) != b1
    await worker.client.aclose()
