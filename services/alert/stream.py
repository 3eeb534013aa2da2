"""Live alert feed for `/v1/alerts/stream` (SSE). Every replica reads all of `raqib.alerts.v1` with
`assign()` (no consumer group: each replica must see every alert, and no group join delay) and fans
each alert out to its connected clients. A slow client is dropped rather than allowed to hold memory."""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared.errors import InvalidMessage
from shared.events import AlertRaised, decode
from shared.topics import ALERTS

log = logging.getLogger(__name__)
CLIENT_QUEUE = 1000


class Client:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[AlertRaised] = asyncio.Queue(CLIENT_QUEUE)
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
            for records in batches.values():
                for record in records:
                    try:
                        alert = decode(record.value, record.headers, AlertRaised)
                    except InvalidMessage as exc:  # the alert service's consumer owns the DLQ; skip here
                        log.warning("alert feed: skipping invalid record", extra={"reason": str(exc)[:300]})
                        continue
                    self.publish(alert)

    def publish(self, alert: AlertRaised) -> None:
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
