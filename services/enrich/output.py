"""The engine's output models (shared/annotation.py), built without validating them again.

Everything here comes from the engine itself (offsets it computed, entries the gazetteer validated at
load time), so re-validating ~80 mentions per article with pydantic would only spend time (~1 µs
each). An instance is made the way `model_construct` makes one, without its per-field loop: the
values dict must hold every field of the model, in the model's field order (pydantic serialises in
the dict's order) and with the field's own type (a float stays a float). The unit tests
(test_enrich_output.py) check that engine output survives the strict model unchanged. Anything that
comes from outside (HTTP bodies, stored rows) is still validated with `Annotation.model_validate`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

_M = TypeVar("_M", bound=BaseModel)
# BaseModel's own slots, set through their descriptors (what model_construct sets, minus its name lookups)
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _make(cls: type[_M], values: dict[str, Any]) -> _M:
    m = _new(cls)
    _set_dict(m, values)
    _set_fields_set(m, _FIELDS[cls].copy())  # == set(values): every field, always the same names
    _set_extra(m, None)
    _set_private(m, None)
    return m


_FIELDS: dict[type, set[str]] = {
    cls: set(cls.model_fields) for cls in (FacilityMention, PlaceMention, ActorMention, EventTypeMention, Annotation)
}


def facility(
    surface: str, start: int, end: int, id: str, canonical: str, confidence: float,
    country: str | None, lat: float | None, lon: float | None, admin1: str | None, kind: str,
) -> FacilityMention:
    return _make(FacilityMention, {
        "surface": surface, "start": start, "end": end, "id": id, "canonical": canonical,
        "confidence": confidence, "country": country, "lat": lat, "lon": lon, "admin1": admin1, "kind": kind,
    })


def place(
    surface: str, start: int, end: int, id: str, canonical: str, confidence: float,
    country: str | None, lat: float | None, lon: float | None, admin1: str | None,
) -> PlaceMention:
    return _make(PlaceMention, {
        "surface": surface, "start": start, "end": end, "id": id, "canonical": canonical,
        "confidence": confidence, "country": country, "lat": lat, "lon": lon, "admin1": admin1,
    })


def actor(surface: str, start: int, end: int, id: str, canonical: str, confidence: float) -> ActorMention:
    return _make(ActorMention, {
        "surface": surface, "start": start, "end": end, "id": id, "canonical": canonical, "confidence": confidence,
    })


def event_type(type: str, surface: str, start: int, end: int, confidence: float) -> EventTypeMention:
    return _make(EventTypeMention, {
        "type": type, "surface": surface, "start": start, "end": end, "confidence": confidence,
    })


def annotation(
    lang: str, places: list[PlaceMention], facilities: list[FacilityMention], actors: list[ActorMention],
    event_types: list[EventTypeMention], event_date: date | None, alert: bool,
) -> Annotation:
    return _make(Annotation, {
        "lang": lang, "places": places, "facilities": facilities, "actors": actors,
        "event_types": event_types, "event_date": event_date, "alert": alert,
    })
