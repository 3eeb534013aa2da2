"""One webhook attempt (transport.post through WebhookClient, aiohttp) against a real socket server on loopback:
connected to the checked address with the URL's Host, redirects not followed, the answer read up to the cap,
one overall deadline, Retry-After honoured, a refused target never connected to."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from services.alert.transport import RESPONSE_CAP_BYTES, WebhookClient, post, signed_request

Answer = Callable[[bytes], bytes | None]  # the request head -> the answer (None: never answer)


@pytest.fixture
async def server() -> AsyncIterator[tuple[int, list[bytes], list[Answer]]]:
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


async def attempt(url: str, allow_private: bool = True, timeout_s: float = 5.0):  # type: ignore[no-untyped-def]
    client = WebhookClient(timeout_s)
    try:
        body, headers = signed_request("d-1", ["whsec_" + "A" * 44], {"type": "t", "data": {"x": "مخيم"}})
        return await post(client, url, body, headers, allow_private=allow_private, timeout_s=timeout_s)
    finally:
        await client.aclose()


async def test_a_host_name_is_connected_to_at_its_checked_address_with_its_host(server) -> None:  # type: ignore[no-untyped-def]
    port, heads, _ = server
    outcome = await attempt(f"http://localhost:{port}/hook?a=1")
    assert outcome.ok and outcome.status_code == 204, outcome
    head = heads[0].decode().lower()
    assert head.startswith("post /hook?a=1 http/1.1")
    assert f"\r\nhost: localhost:{port}\r\n" in head and "\r\nwebhook-id: d-1\r\n" in head
    assert "\r\nwebhook-signature: v1," in head and "\r\ncontent-type: application/json\r\n" in head


async def test_a_redirect_is_not_followed_and_fails_the_attempt(server) -> None:  # type: ignore[no-untyped-def]
    port, heads, answers = server
    answers.append(lambda head: f"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:{port}/elsewhere\r\n"
                                f"Content-Length: 0\r\n\r\n".encode())
    outcome = await attempt(f"http://127.0.0.1:{port}/hook")
    assert not outcome.ok and outcome.status_code == 302 and outcome.error == "receiver answered HTTP 302"
    assert len(heads) == 1


async def test_the_answer_is_read_up_to_the_cap_and_retry_after_kept(server) -> None:  # type: ignore[no-untyped-def]
    port, _, answers = server
    big = b"x" * (RESPONSE_CAP_BYTES * 4)
    answers.append(lambda head: b"HTTP/1.1 429 Too Many\r\nRetry-After: 7\r\nContent-Length: %d\r\n\r\n%s"
                   % (len(big), big))
    outcome = await attempt(f"http://127.0.0.1:{port}/hook")
    assert outcome.status_code == 429 and outcome.retry_after_s == 7.0
    assert outcome.response is not None and len(outcome.response) == 500


async def test_no_answer_fails_within_the_deadline(server) -> None:  # type: ignore[no-untyped-def]
    port, _, answers = server
    answers.append(lambda head: None)
    outcome = await attempt(f"http://127.0.0.1:{port}/hook", timeout_s=0.5)
    assert not outcome.ok and outcome.status_code is None and outcome.error == "no complete answer within 0.5 s"
    assert 400 <= outcome.latency_ms < 2000


async def test_a_private_target_is_refused_unconnected_and_a_dead_one_fails(server) -> None:  # type: ignore[no-untyped-def]
    port, heads, _ = server
    outcome = await attempt(f"http://localhost:{port}/hook", allow_private=False)
    assert not outcome.ok and outcome.error is not None and outcome.error.startswith("refused:")
    assert heads == []
    srv_closed = await attempt("http://127.0.0.1:1/hook")
    assert not srv_closed.ok and srv_closed.status_code is None and srv_closed.error
