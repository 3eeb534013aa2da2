"""The annotation contract: what enrich produces and alert consumes (DESIGN.md §3).

Offsets (`start`, `end`) index the text exactly as it was given: `text[start:end] == surface`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FacilityKind = Literal["prison", "camp"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mention(_Strict):
    surface: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    id: str
    canonical: str
    confidence: float = Field(ge=0.0, le=1.0)


class PlaceMention(Mention):
    country: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    admin1: str | None = None


class FacilityMention(PlaceMention):
    kind: FacilityKind


class ActorMention(Mention):
    pass


class EventTypeMention(_Strict):
    """An event type with the evidence span that triggered it."""

    type: str
    surface: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)


class TitleAnnotation(_Strict):
    """What an article's headline names when the headline comes apart from the body (feeds, the ingest API):
    the same mentions, their offsets indexing the title (`title[start:end] == surface`)."""

    places: list[PlaceMention] = []
    facilities: list[FacilityMention] = []
    actors: list[ActorMention] = []
    event_types: list[EventTypeMention] = []


class Annotation(_Strict):
    lang: str
    places: list[PlaceMention] = []
    facilities: list[FacilityMention] = []
    actors: list[ActorMention] = []
    event_types: list[EventTypeMention] = []
    event_date: date | None = None
    alert: bool = False  # a specific prison or camp is named, in the body or in the headline
    title: TitleAnnotation | None = None  # the headline's own mentions, when it was given apart from the body
