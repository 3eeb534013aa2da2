"""Live incident feed for `/v1/alerts/stream` (SSE). Every replica reads all of `raqib.alerts.v1` with
`assign()` (no consumer group: each replica must see every change, and no group join delay) and fans
each incident change out to its connected clients. A slow client is dropped rather than allowed to hold memory."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import repository
from services.alert.events import AlertChanged
from shared.errors import InvalidMessage
from shared.events import decode
from shared.topics import ALERTS

log = logging.getLogger(__name__)
CLIENT_QUEUE = 1000
KEEP_ALIVE_S = 15
_OVERFLOW = 'event: overflow\ndata: {"reason": "client too slow; reconnect with Last-Event-ID"}\n\n'


class Client:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[AlertChanged] = asyncio.Queue(CLIENT_QUEUE)
        self.dropped = False  # set when the client fell CLIENT_QUEUE alerts behind


class AlertFeed:
    def __init__(self, bootstrap: str) -> None:
        self.consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
        self.clients: set[Client] = set()
        self.stopping = asyncio.Event()

    async def start(self) -> None:
        await self.consumer.start()
        await self.consumer.topics()  # fetches cluster metadata, which partitions_for_topic reads
        partitions = self.consumer.partitions_for_topic(ALERTS) or {0}
        tps = [TopicPartition(ALERTS, p) for p in sorted(partitions)]
        self.consumer.assign(tps)
        await self.consumer.seek_to_end(*tps)  # live only; history comes from the database

    async def run(self) -> None:
        while not self.stopping.is_set():
            batches = await self.consumer.getmany(timeout_ms=500)
            if not self.clients:
                continue  # nobody to tell: not decoded (two changes per notice under load, a pydantic model each)
            for records in batches.values():
                for record in records:
                    try:
                        alert = decode(record.value, record.headers, AlertChanged)
                    except InvalidMessage as exc:  # the alert service's consumer owns the DLQ; skip here
                        log.warning("alert feed: skipping invalid record", extra={"reason": str(exc)[:300]})
                        continue
                    self.publish(alert)

    def publish(self, alert: AlertChanged) -> None:
        for client in list(self.clients):
            try:
                client.queue.put_nowait(alert)
            except asyncio.QueueFull:
                client.dropped = True
                self.clients.discard(client)

    def subscribe(self) -> Client:
        client = Client()
        self.clients.add(client)
        return client

    def unsubscribe(self, client: Client) -> None:
        self.clients.discard(client)

    def stop(self) -> None:
        self.stopping.set()

    async def close(self) -> None:
        await self.consumer.stop()


def _sse(seq: int, change: str, payload: str) -> str:
    return f"id: {seq}\nevent: alert.{change}\ndata: {payload}\n\n"


async def sse_events(client: Client, feed: AlertFeed, sessions: async_sessionmaker[AsyncSession], *,
                     after_seq: int | None, since: datetime | None,
                     stop: Callable[[], Awaitable[bool]]) -> AsyncIterator[str]:
    """The stream for one client, subscribed to the feed before this starts (so nothing falls between): every
    change after `after_seq` (or since `since`; neither: from now on) read from the database a page at a time,
    then, each time the feed says a change was published, the changes after the last one sent, again from the
    database. Change numbers follow commit order, and a change is published only after its commit, so reading
    the record (not the Kafka records, whose partitions interleave in any order) sends them in order, none
    skipped: a client resuming with Last-Event-ID misses nothing."""
    try:
        if after_seq is None and since is None:
            async with sessions() as session:
                after_seq = await repository.last_event_seq(session)
        yield ": connected\n\n"
        idle = 0.0
        while True:
            while True:  # the record after the last change sent
                async with sessions() as session:
                    page = await repository.events_page(session, after_seq=after_seq, since=since)
                for row in page:
                    yield _sse(row["seq"], row["payload"].get("change", "changed"),
                               json.dumps(row["payload"], ensure_ascii=False))
                if page:
                    after_seq, since = page[-1]["seq"], None
                if len(page) < repository.PAGE:
                    break
            while True:  # until the feed publishes a change not sent yet
                if await stop():
                    return
                try:
                    change = await asyncio.wait_for(client.queue.get(), 1.0)
                except TimeoutError:
                    idle += 1.0
                    if idle >= KEEP_ALIVE_S:
                        idle = 0.0
                        yield ": keep-alive\n\n"
                    if client.dropped and client.queue.empty():
                        yield _OVERFLOW
                        return
                    continue
                newest = change.seq
                while not client.queue.empty():  # a burst: one read of the record for all of it
                    newest = max(newest, client.queue.get_nowait().seq)
                if after_seq is None or newest > after_seq:
                    break
    finally:
        feed.unsubscribe(client)
