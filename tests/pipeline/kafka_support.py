"""Real parts for tests of the consumer loop and the outbox relay run in the test process: a broker of
their own (Tansu, restartable on its port), a TCP path to PostgreSQL that can be cut and restored (the
database "goes down" for the client exactly as when its server stops: connections refused and reset),
and readers of what landed on a topic."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from sqlalchemy.engine import make_url

from devstack.embedded import free_port
from shared.events import Event, encode


async def create_topic(bootstrap: str, topic: str, partitions: int = 1) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    finally:
        await admin.close()


async def produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, list[tuple[str, Any]]]],
                  partition: int | None = None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_request_size=20_000_000)
    await producer.start()
    try:
        for value, headers in records:
            await producer.send_and_wait(topic, value, key=b"k", headers=headers, partition=partition)
    finally:
        await producer.stop()


async def produce_events(bootstrap: str, topic: str, events: list[Event], partition: int | None = None) -> None:
    encoded = [encode(e, "/test") for e in events]
    await produce(bootstrap, topic, [(value, headers) for _, value, headers in encoded], partition)


async def read_topic(bootstrap: str, topic: str, partitions: int, want: int, timeout: float = 30.0,
                     keep: Callable[[ConsumerRecord], bool] = lambda r: True) -> list[ConsumerRecord]:
    """Every record of the topic from the beginning, waiting until `want` of them pass `keep`."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_bytes=50_000_000, max_partition_fetch_bytes=50_000_000)
    await consumer.start()
    out: list[ConsumerRecord] = []
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(out) < want:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                out.extend(r for r in records if keep(r))
        return out
    finally:
        await consumer.stop()


async def committed(bootstrap: str, group: str, tp: TopicPartition) -> int | None:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        return await consumer.committed(tp)
    finally:
        await consumer.stop()


async def eventually(check: Callable[[], Any], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"after {timeout} s: {what}")


class CuttablePostgres:
    """A TCP path to the real PostgreSQL server. `cut()` refuses new connections and resets open ones,
    as a stopped server does; `restore()` brings it back on the same port."""

    def __init__(self, server_url: str) -> None:
        url = make_url(server_url)
        self._target = url
        self.port = free_port()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    def url(self, database_url: str) -> str:
        return make_url(database_url).set(host="127.0.0.1", port=self.port, query={}).render_as_string(
            hide_password=False)

    async def _upstream(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        socket_dir = self._target.query.get("host")
        if self._target.host is None and socket_dir:
            return await asyncio.open_unix_connection(f"{socket_dir}/.s.PGSQL.{self._target.port or 5432}")
        return await asyncio.open_connection(self._target.host or "127.0.0.1", self._target.port or 5432)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await self._upstream()
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    async def restore(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port, reuse_address=True)

    async def cut(self) -> None:
        assert self._server is not None
        self._server.close()
        for w in self._writers:
            w.transport.abort()  # a reset, as when the server process dies
        self._writers.clear()
        self._server = None
