"""Event contracts: strict, versioned pydantic models carried as CloudEvents in binary mode.

The value is the JSON model; CloudEvents attributes ride in `ce_*` headers; the key is the article id,
so one article's events stay in order on one partition.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import ClassVar, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from shared.annotation import Annotation
from shared.errors import InvalidMessage

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"


class Event(BaseModel, ABC):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ce_type: ClassVar[str]
    schema_version: Literal[1] = 1

    @abstractmethod
    def key(self) -> str:
        """The Kafka key: the article id."""

    @abstractmethod
    def event_id(self) -> str:
        """A deterministic `ce_id`, so a re-sent event is recognisably the same event."""


class ArticleReceived(Event):
    ce_type: ClassVar[str] = "org.raqib.article.received.v1"
    article_id: str
    url: str | None = None
    title: str | None = None
    text: str
    lang: str | None = None
    source: str | None = None
    published_at: AwareDatetime | None = None
    received_at: AwareDatetime
    # The first article of the same story (near-duplicate, issue 11): enriched as usual, never alerted on.
    near_duplicate_of: str | None = None

    def key(self) -> str:
        return self.article_id

    def event_id(self) -> str:
        return f"received:{self.article_id}"


class ArticleRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published_at: AwareDatetime | None = None
    near_duplicate_of: str | None = None  # carried from ArticleReceived: alerting skips such an article


class ArticleEnriched(Event):
    ce_type: ClassVar[str] = "org.raqib.article.enriched.v1"
    article: ArticleRef
    text: str  # the analysed text: annotation offsets index it
    annotation: Annotation
    engine_version: str
    enriched_at: AwareDatetime

    def key(self) -> str:
        return self.article.id

    def event_id(self) -> str:
        return f"enriched:{self.article.id}:{self.engine_version}"


E = TypeVar("E", bound=Event)
Headers = list[tuple[str, bytes]]


_SPEC, _CONTENT_TYPE = SPECVERSION.encode(), CONTENT_TYPE.encode()


def encode(event: Event, source: str) -> tuple[bytes, bytes, Headers]:
    """-> (key, value, headers) for a Kafka record. The value is serialised straight to bytes (the same bytes
    as `model_dump_json().encode()`, without the str round trip)."""
    headers = [
        ("ce_specversion", _SPEC),
        ("ce_id", event.event_id().encode()),
        ("ce_type", event.ce_type.encode()),
        ("ce_source", source.encode()),
        ("ce_time", datetime.now(UTC).isoformat().encode()),
        ("content-type", _CONTENT_TYPE),
    ]
    return event.key().encode(), event.__pydantic_serializer__.to_json(event), headers


def decode(value: bytes | None, headers: Sequence[tuple[str, bytes | None]] | None, model: type[E]) -> E:
    """Decode at the edge; anything wrong is an InvalidMessage with a reason for the DLQ. Kafka allows
    a header without a value (null) and any bytes anywhere: neither may raise anything else."""
    spec = ce_type = None  # the last non-null value of each, compared as bytes: decoded only for a reason
    for k, v in headers or ():
        if v is not None:
            if k == "ce_specversion":
                spec = v
            elif k == "ce_type":
                ce_type = v
    if spec != _SPEC:
        raise InvalidMessage(f"missing or unsupported ce_specversion: {_text(spec)!r}")
    if ce_type != model.ce_type.encode():
        raise InvalidMessage(f"unexpected ce_type {_text(ce_type)!r}, want {model.ce_type!r}")
    if value is None:
        raise InvalidMessage("empty value")
    try:
        return model.model_validate_json(value)
    except ValidationError as exc:
        raise InvalidMessage(f"invalid {model.__name__}: {exc.errors(include_url=False)[:3]}") from exc


def _text(v: bytes | None) -> str | None:
    return None if v is None else v.decode("utf-8", "replace")
