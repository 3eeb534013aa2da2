"""Outbound targets (webhooks, feeds, article pages): which URLs Raqib may be given (strict, so that no
stored URL can break a delivery) and which addresses Raqib may connect to (SSRF). Checked when the URL is
given and again before each request: a URL stored by an older, laxer version fails there, and DNS answers
change."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import re
import socket
import unicodedata
from typing import Any
from urllib.parse import urlsplit

import httpx

MAX_URL_LENGTH = 2048
DNS_TIMEOUT_S = 5.0
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64 RFC 6052, IPv4-compatible RFC 4291);
# the local-use NAT64 prefix (RFC 8215) is refused whole: what it translates to is the operator's choice.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_V4_COMPATIBLE = ipaddress.ip_network("::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeTarget(ValueError):
    """The webhook URL is malformed or points somewhere Raqib must not send requests (SSRF)."""


def validate_url(url: str) -> str:
    """-> `url` if it is an absolute http(s) URL Raqib can send to; else UnsafeTarget with the reason.
    Refused: over MAX_URL_LENGTH characters; control, format or unassigned characters, any space or
    separator (percent-encode them); backslashes (parsers disagree on them); credentials; other schemes;
    a missing or malformed host or port."""
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeTarget(f"url is longer than {MAX_URL_LENGTH} characters")
    for i, ch in enumerate(url):
        if ch.isspace() or ch == "\\" or unicodedata.category(ch)[0] in "CZ":
            raise UnsafeTarget(f"url must not contain U+{ord(ch):04X} (position {i}); percent-encode it")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number in 0..65535
        raw_host = httpx.URL(url).raw_host.decode("ascii")
    except (ValueError, httpx.InvalidURL) as exc:
        raise UnsafeTarget(f"url does not parse: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeTarget("url must be an absolute http(s) URL")
    if "@" in parts.netloc:
        raise UnsafeTarget("url must not carry credentials")
    if not parts.hostname or not raw_host:
        raise UnsafeTarget("url must name a host")
    if port == 0:
        raise UnsafeTarget("url port must be 1..65535")
    if not _is_ip(raw_host) and not _is_hostname(raw_host):
        raise UnsafeTarget(f"url host {parts.hostname!r} is not a valid host name")
    return url


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _is_hostname(host: str) -> bool:
    name = host[:-1] if host.endswith(".") else host
    return 0 < len(name) <= 253 and all(_LABEL.match(label) for label in name.split("."))


def forbidden(address: IPAddress) -> bool:
    """True for any address that is not plainly public: loopback, private, link-local, reserved,
    multicast, and IPv6 forms that embed such an IPv4 address (mapped, 6to4, NAT64, Teredo,
    IPv4-compatible) or that a local NAT64 translates."""
    if address.is_multicast or not address.is_global:
        return True
    if isinstance(address, ipaddress.IPv4Address):
        return False
    if address in _NAT64_LOCAL:
        return True
    embedded: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        embedded.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        embedded.append(address.sixtofour)
    if address.teredo is not None:
        embedded.extend(address.teredo)
    if address in _NAT64 or address in _V4_COMPATIBLE:
        embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return any(forbidden(v4) for v4 in embedded)


@functools.lru_cache(maxsize=4096)
def _checked_parts(url: str) -> tuple[str, str | None, int, IPAddress | None]:
    """validate_url(url) -> (raw host, host name, port, the host as an address if it is a plain IP literal).
    A pure function of the string: cached (a delivery checks the same few URLs again and again; a refused URL
    raises, and exceptions are not cached)."""
    validate_url(url)
    parts = urlsplit(url)
    host = httpx.URL(url).raw_host.decode("ascii")
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if isinstance(literal, ipaddress.IPv6Address) and literal.scope_id:
        literal = None  # a zoned address: resolved as before
    return host, parts.hostname, port, literal


async def check_target(url: str, allow_private: bool, dns_timeout_s: float = DNS_TIMEOUT_S) -> str:
    """Validate `url` (validate_url), resolve its host (within `dns_timeout_s`) and, unless private
    targets are allowed, refuse it if any answer is `forbidden`. -> the checked address to connect to;
    the delivery connects there (see `pinned`), so a second DNS answer cannot redirect it. A host that is
    an IP literal is its own (only) answer: no resolver round trip."""
    host, hostname, port, literal = _checked_parts(url)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            async with asyncio.timeout(dns_timeout_s):
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError as exc:
            raise UnsafeTarget(f"host {hostname!r} did not resolve within {dns_timeout_s} s") from exc
        except (socket.gaierror, UnicodeError) as exc:
            raise UnsafeTarget(f"host {hostname!r} does not resolve") from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:
        raise UnsafeTarget(f"host {hostname!r} does not resolve")
    if not allow_private and any(forbidden(a) for a in addresses):
        raise UnsafeTarget(f"host {hostname!r} resolves to a non-public address")
    return str(min(addresses, key=lambda a: a.version))  # IPv4 first: the family receivers always serve


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The request to `url` sent to `address`: -> (url with the address, Host header, httpx extensions
    that keep TLS server name and certificate checks on the original host name)."""
    target, host, sni = _pinned(url, address)
    return target, dict(host), dict(sni)


@functools.lru_cache(maxsize=4096)
def _pinned(url: str, address: str) -> tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    parts = urlsplit(url)
    host = httpx.URL(url).raw_host.decode("ascii")  # IDNA-encoded, as it goes on the wire
    if host == address:
        return url, (), ()
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc += f":{parts.port}"
    host_header = f"[{host}]" if ":" in host else host
    headers = (("host", f"{host_header}:{parts.port}" if parts.port else host_header),)
    extensions = (("sni_hostname", host),) if parts.scheme.lower() == "https" else ()
    return parts._replace(netloc=netloc).geturl(), headers, extensions
