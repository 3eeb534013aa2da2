"""Webhook URL validation and the SSRF address check (services/alert/targets.py)."""

from __future__ import annotations

import ipaddress

import pytest

from services.alert.targets import MAX_URL_LENGTH, UnsafeTarget, check_target, forbidden, validate_url


@pytest.mark.parametrize("url", [
    "http://example.org/a\x01", "http://example.org/a\x00b", "http://example.org/\x7f", "http://example.org/a\tb",
    "http://example.org/a b", "http://ex ample.org/", " http://example.org/", "http://example.org/\u200b",
    "http://example.org/\u202e", "http://example.org/\x85", "http://example.org/a\u3000b",
    "http://evil.example\\@127.0.0.1/", "http://user:pw@example.org/", "http://user@example.org/",
    "ftp://example.org/", "javascript:alert(1)", "//example.org/x", "http:///x", "http://:80/x",
    "http://example.org:99999/", "http://example.org:0/", "http://example.org:8o/", "http://[zz]/",
    "http://-bad-.example/", "http://a..b/", "http://" + "a" * 64 + ".example/",
    "http://example.org/" + "a" * MAX_URL_LENGTH,
])
def test_malformed_or_unsafe_urls_are_refused_with_a_reason(url: str) -> None:
    with pytest.raises(UnsafeTarget) as err:
        validate_url(url)
    assert str(err.value)


@pytest.mark.parametrize("url", [
    "http://example.org/hook", "https://hooks.example.org:8443/in?x=1&y=%20#frag", "HTTPS://Example.ORG/a",
    "http://127.0.0.1:9000/hook", "http://[::1]:9000/x", "https://bücher.example/حسكة", "http://example.org./x",
])
def test_well_formed_urls_pass(url: str) -> None:
    assert validate_url(url) == url


@pytest.mark.parametrize("address", [
    "64:ff9b::a00:1",          # NAT64 of 10.0.0.1
    "64:ff9b::7f00:1",         # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",      # NAT64 of 169.254.169.254
    "64:ff9b:1::808:808",      # local-use NAT64: refused whole
    "2002:a00:1::",            # 6to4 of 10.0.0.1
    "2002:c0a8:1::1",          # 6to4 of 192.168.0.1
    "::a00:1",                 # IPv4-compatible 10.0.0.1
    "::7f00:1",                # IPv4-compatible 127.0.0.1
    "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
    "10.0.0.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "192.0.2.1",
])
def test_addresses_embedding_or_being_non_public_ones_are_forbidden(address: str) -> None:
    assert forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946",
                                     "64:ff9b::808:808"])  # NAT64 of a public address: how IPv6-only hosts reach it
def test_public_addresses_are_allowed(address: str) -> None:
    assert not forbidden(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", ["http://[64:ff9b::a00:1]/x", "http://[2002:a00:1::]/x", "http://[::a00:1]/x",
                                 "http://[::ffff:7f00:1]/x"])
async def test_check_target_refuses_v6_forms_of_private_v4(url: str) -> None:
    with pytest.raises(UnsafeTarget, match="non-public"):
        await check_target(url, allow_private=False)


async def test_dns_resolution_has_a_deadline() -> None:
    with pytest.raises(UnsafeTarget, match="did not resolve within"):
        await check_target("http://resolution-takes-time.example/x", allow_private=True, dns_timeout_s=0)


async def test_check_target_refuses_malformed_urls_even_where_private_targets_are_allowed() -> None:
    with pytest.raises(UnsafeTarget, match="U\\+0001"):
        await check_target("http://127.0.0.1:9000/a\x01", allow_private=True)
