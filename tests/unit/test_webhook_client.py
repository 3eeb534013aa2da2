"""One webhook attempt (transport.post through WebhookClient, aiohttp) against a real socket server on loopback:
connected to the checked address with the URL's Host, redirects not followed, the answer read up to the cap,
one overall deadline, Retry-After honoured, a refused target never connected to."""

from __future__ import annotations

import asyncio
import os
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from services.alert.transport import RESPONSE_CAP_BYTES, Outcome, WebhookClient, post, signed_request

Answer = Callable[[bytes], bytes | None]  # the request head -> the answer (None: never answer)
Server = tuple[int, list[bytes], list[Answer]]


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    heads: list[bytes] = []
    answers: list[Answer] = [lambda head: b"HTTP/1.1 204 No Content\r\n\r\n"]

    async def handle(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await r.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                await r.readexactly(length)
                heads.append(head)
                answer = answers[-1](head)
                if answer is None:
                    await asyncio.sleep(30)
                    return
                w.write(answer)
                await w.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            w.close()

    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield srv.sockets[0].getsockname()[1], heads, answers
    finally:
        srv.close()


async def attempt(url: str, allow_private: bool = True, timeout_s: float = 5.0) -> Outcome:
    client = WebhookClient(timeout_s)
    try:
        body, headers = signed_request("d-1", ["whsec_" + "A" * 44], {"type": "t", "data": {"x": "مخيم"}})
        return await post(client, url, body, headers, allow_private=allow_private, timeout_s=timeout_s)
    finally:
        await client.aclose()


async def test_a_host_name_is_connected_to_at_its_checked_address_with_its_host(server: Server) -> None:
    port, heads, _ = server
    outcome = await attempt(f"http://localhost:{port}/hook?a=1")
    assert outcome.ok and outcome.status_code == 204, outcome
    head = heads[0].decode().lower()
    assert head.startswith("post /hook?a=1 http/1.1")
    assert f"\r\nhost: localhost:{port}\r\n" in head and "\r\nwebhook-id: d-1\r\n" in head
    assert "\r\nwebhook-signature: v1," in head and "\r\ncontent-type: application/json\r\n" in head


async def test_a_redirect_is_not_followed_and_fails_the_attempt(server: Server) -> None:
    port, heads, answers = server
    answers.append(lambda head: f"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}/elsewhere\r\n"
                                f"Content-Length: 0\r\n\r\n".encode())
    outcome = await attempt(f"http://127.0.0.1:{port}/hook")
    assert not outcome.ok and outcome.status_code == 302 and outcome.error == "receiver answered HTTP 302"
    assert len(heads) == 1


async def test_the_answer_is_read_up_to_the_cap_and_retry_after_kept(server: Server) -> None:
    port, _, answers = server
    big = b"x" * (RESPONSE_CAP_BYTES * 4)
    answers.append(lambda head: b"HTTP/1.1 429 Too Many\r\nRetry-After: 7\r\nContent-Length: %d\r\n\r\n%s"
                   % (len(big), big))
    outcome = await attempt(f"http://127.0.0.1:{port}/hook")
    assert outcome.status_code == 429 and outcome.retry_after_s == 7.0
    assert outcome.response is not None and len(outcome.response) == 500


async def test_no_answer_fails_within_the_deadline(server: Server) -> None:
    port, _, answers = server
    answers.append(lambda head: None)
    outcome = await attempt(f"http://127.0.0.1:{port}/hook", timeout_s=0.5)
    assert not outcome.ok and outcome.status_code is None and outcome.error == "no complete answer within 0.5 s"
    assert 400 <= outcome.latency_ms < 2000


async def test_a_private_target_is_refused_unconnected_and_a_dead_one_fails(server: Server) -> None:
    port, heads, _ = server
    outcome = await attempt(f"http://localhost:{port}/hook", allow_private=False)
    assert not outcome.ok and outcome.error is not None and outcome.error.startswith("refused:")
    assert heads == []
    srv_closed = await attempt("http://127.0.0.1:1/hook")
    assert not srv_closed.ok and srv_closed.status_code is None and srv_closed.error


def _tls_files(tmp: Path) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for the name `localhost` only, signed by it (openssl CLI)."""
    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tmp, check=True, capture_output=True)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=raqib test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=localhost")
    (tmp / "ext.cnf").write_text("subjectAltName=DNS:localhost\n")
    run("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "srv.pem", "-days", "2", "-extfile", "ext.cnf")
    return tmp / "ca.pem", tmp / "srv.pem", tmp / "srv.key"


async def test_tls_goes_to_the_checked_address_with_the_url_host_as_server_name(tmp_path: Path) -> None:
    if shutil.which("openssl") is None:  # under CI a missing tool fails the test (.ci/run installs it)
        reason = "needs the openssl command: apt-get install openssl"
        pytest.fail(reason) if os.environ.get("CI", "").lower() in {"true", "1"} else pytest.skip(reason)
    ca, cert, key = _tls_files(tmp_path)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    names: list[str | None] = []
    server_ctx.sni_callback = lambda sock, name, ctx: names.append(name)

    async def handle(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            head = await r.readuntil(b"\r\n\r\n")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await r.readexactly(length)
            w.write(b"HTTP/1.1 204 No Content\r\n\r\n")
            await w.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            w.close()

    srv = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ctx)
    port = srv.sockets[0].getsockname()[1]
    body, headers = signed_request("d-1", ["whsec_" + "A" * 44], {"type": "t"})
    try:
        trusting = WebhookClient(5.0, ssl.create_default_context(cafile=str(ca)))
        try:  # localhost -> pinned to 127.0.0.1; SNI and the certificate check on "localhost"
            outcome = await post(trusting, f"https://localhost:{port}/hook", body, headers, allow_private=True,
                                 timeout_s=5.0)
            assert outcome.ok and outcome.status_code == 204, outcome
            assert names == ["localhost"]
            # the certificate names localhost, not 127.0.0.1: the check is on the URL's host name, so this fails
            by_address = await post(trusting, f"https://127.0.0.1:{port}/hook", body, headers, allow_private=True,
                                    timeout_s=5.0)
            assert not by_address.ok and by_address.status_code is None and by_address.error
            assert "certificate" in by_address.error.lower() or "ssl" in by_address.error.lower()
        finally:
            await trusting.aclose()
        system = WebhookClient(5.0)  # the default: the system's CAs, which do not know this test CA
        try:
            untrusted = await post(system, f"https://localhost:{port}/hook", body, headers, allow_private=True,
                                   timeout_s=5.0)
            assert not untrusted.ok and untrusted.status_code is None
        finally:
            await system.aclose()
    finally:
        srv.close()
