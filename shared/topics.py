"""Topic names (versioned) and their idempotent creation at start-up."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

ARTICLES = "raqib.articles.v1"
ENRICHED = "raqib.enriched.v1"
ALERTS = "raqib.alerts.v1"
ALL = (ARTICLES, ENRICHED, ALERTS)

log = logging.getLogger(__name__)


def dlq(topic: str) -> str:
    return f"{topic}.dlq"


async def ensure_topics(bootstrap: str, partitions: int, replication_factor: int,
                        topics: tuple[str, ...] = ALL) -> None:
    """Create every topic and its DLQ if missing. Safe to run from every replica at once."""
    wanted = [t for topic in topics for t in (topic, dlq(topic))]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(t, num_partitions=partitions, replication_factor=replication_factor) for t in wanted
                   if t not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass  # another replica won the race: the topic exists, which is all we want
            log.info("created topics", extra={"topics": [t.name for t in missing], "partitions": partitions,
                                            "replication_factor": replication_factor})
    finally:
        await admin.close()
