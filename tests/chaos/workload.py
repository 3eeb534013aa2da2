"""What `make chaos` sends and what it must get back: articles (about 5 % naming facilities), the alerts they
must raise (the engine's own answer for each text, computed here in-process), malformed records, and a reader
for the dead-letter topics."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.enrich.enrichment import enrich, load_gazetteer
from shared.events import SPECVERSION, ArticleEnriched, ArticleReceived
from shared.topics import ARTICLES, ENRICHED, dlq

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = ("devset.jsonl", "heldout.jsonl", "realworld-dev.jsonl")
NEUTRAL = [
    ("en", "The city council met on Tuesday to discuss water prices and school repairs."),
    ("en", "Wheat harvest estimates for the north-east were revised upwards after late rains."),
    ("ar", "ناقش مجلس المدينة يوم الثلاثاء أسعار المياه وترميم المدارس."),
    ("ar", "ارتفعت تقديرات محصول القمح في الشمال الشرقي بعد أمطار متأخرة."),
]
MALFORMED_KINDS = ("garbage bytes, no headers", "valid headers, invalid body", "header with a null value",
                   "wrong ce_type", "no value (tombstone)")


@dataclass(frozen=True)
class Template:
    lang: str
    text: str
    facility_ids: tuple[str, ...]  # what the engine finds in it, if it raises an alert


def ref(tag: str, i: int) -> str:
    return f"\n(ref {tag}-{i:06d})"


def load_templates() -> tuple[list[Template], list[Template]]:
    """-> (texts that raise alerts, texts that raise none), as the engine annotates them with a reference
    appended (so the run's expectations are the engine's answers, whatever it is scored at)."""
    gaz = load_gazetteer()
    rows = [(lang, text) for lang, text in NEUTRAL]
    for name in SOURCES:
        for line in (DATA / name).read_text().splitlines():
            row = json.loads(line)
            if len(row["text"]) <= 4000:
                rows.append((row["lang"], row["text"]))
    positives: list[Template] = []
    negatives: list[Template] = []
    for lang, text in rows:
        a = enrich(text + ref("0123abcd", 123), gaz, lang=lang)
        ids = tuple(sorted({f.id for f in a.facilities})) if a.alert else ()
        (positives if ids else negatives).append(Template(lang, text, ids))
    return positives, negatives


@dataclass
class Article:
    index: int
    body: dict[str, str]
    facility_ids: tuple[str, ...]


def articles(n: int, facility_share: float, tag: str, rng: random.Random) -> list[Article]:
    positives, negatives = load_templates()
    out = []
    for i in range(n):
        t = rng.choice(positives if rng.random() < facility_share else negatives)
        out.append(Article(i, {"text": t.text + ref(tag, i), "lang": t.lang,
                               "url": f"https://chaos.example.org/{tag}/{i}"}, t.facility_ids))
    return out


def expected_alerts(arts: list[Article], ids: dict[int, str]) -> set[str]:
    """Every (facility, article) pair that must have joined an incident: '<facility id>|<article id>'."""
    return {f"{f}|{ids[a.index]}" for a in arts for f in a.facility_ids}


def malformed(topic: str, tag: str, j: int) -> tuple[bytes, bytes | None, list[tuple[str, bytes | None]]]:
    """The j-th malformed record for `topic`: -> (key, value, headers); the key names it in the DLQ."""
    ce_type = {ARTICLES: ArticleReceived.ce_type, ENRICHED: ArticleEnriched.ce_type}[topic].encode()
    good: list[tuple[str, bytes | None]] = [("ce_specversion", SPECVERSION.encode()), ("ce_type", ce_type),
                                            ("ce_id", f"bad-{j}".encode()), ("content-type", b"application/json")]
    key = f"chaos-bad-{tag}-{topic}-{j}".encode()
    kind = j % len(MALFORMED_KINDS)
    if kind == 0:
        return key, b"\x00\xff not json at all \xfe", []
    if kind == 1:
        return key, b'{"article_id": 42, "nope": true}', good
    if kind == 2:
        return key, b"{}", [("ce_specversion", None), *good[1:]]
    if kind == 3:
        return key, b'{"article_id": "x"}', [good[0], ("ce_type", b"org.example.other.v1"), *good[2:]]
    return key, None, good


async def dead_letters(bootstrap: str, topic: str) -> dict[bytes, str]:
    """Every record in `<topic>.dlq` -> {key: dlq_reason}. Reads until the topic has nothing more to give
    (two empty polls): `end_offsets()` of the embedded broker is approximate (DESIGN.md §2)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
    await consumer.start()
    try:
        await consumer.topics()  # a metadata update (a topic auto-created by the broker has its default count)
        tps = [TopicPartition(dlq(topic), p) for p in sorted(consumer.partitions_for_topic(dlq(topic)) or ())]
        if not tps:
            return {}
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        found: dict[bytes, str] = {}
        empty = 0
        while empty < 2:
            batch = await consumer.getmany(timeout_ms=500)
            empty = 0 if batch else empty + 1
            for records in batch.values():
                for r in records:
                    headers = dict(r.headers or ())
                    found[r.key or b""] = (headers.get("dlq_reason") or b"").decode("utf-8", "replace")
        return found
    finally:
        await consumer.stop()
