from __future__ import annotations

import json

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from services.alert.delivery import UnsafeTarget, check_target, new_secret, pinned, signed_request


def test_signed_request_verifies_with_the_standard_webhooks_library() -> None:
    secret = new_secret()
    assert secret.startswith("whsec_")
    body, headers = signed_request("d-1", [secret], {"type": "alert.raised", "data": {"facility": {"id": "hol"}}})
    payload = Webhook(secret).verify(body.decode(), headers)
    assert payload["type"] == "alert.raised" and payload["data"] == {"facility": {"id": "hol"}}
    assert headers["webhook-id"] == "d-1"
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body.decode(), headers)
    tampered = json.loads(body)
    tampered["data"]["facility"]["id"] = "other"
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(json.dumps(tampered), headers)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
                                 "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
                                 "http://192.168.0.10/", "http://0.0.0.0/"])
async def test_private_targets_are_refused_in_production(url: str) -> None:
    with pytest.raises(UnsafeTarget, match="non-public"):
        await check_target(url, allow_private=False)


async def test_public_ip_target_is_allowed_and_dev_allows_loopback() -> None:
    await check_target("https://93.184.216.34/hook", allow_private=False)
    await check_target("http://127.0.0.1:9000/hook", allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "http://user:pw@example.org/", "nohost"])
async def test_bad_schemes_and_credentials_are_refused_always(url: str) -> None:
    with pytest.raises(UnsafeTarget):
        await check_target(url, allow_private=True)


async def test_the_checked_address_is_the_one_connected_to() -> None:
    address = await check_target("http://localhost:8080/hook", allow_private=True)
    assert address == "127.0.0.1"
    url, host, ext = pinned("https://hooks.example.org:8443/in?x=1", "93.184.216.34")
    assert url == "https://93.184.216.34:8443/in?x=1"
    assert host == {"host": "hooks.example.org:8443"} and ext == {"sni_hostname": "hooks.example.org"}
    assert pinned("http://[::1]:9/x", "::1") == ("http://[::1]:9/x", {}, {})
    assert pinned("http://h.example/x", "2001:db8::1")[0] == "http://[2001:db8::1]/x"
