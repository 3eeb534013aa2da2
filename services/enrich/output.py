"""The engine's output models (shared/annotation.py), built without validating them again.

Everything here comes from the engine itself (offsets it computed, entries the gazetteer validated at
load time), so re-validating ~80 mentions per article with pydantic would only spend time (~1 µs
each). An instance is made the way `model_construct` makes one, without its per-field loop, by a
compiled maker (_scan.Maker): the values are given positionally in the model's field order (pydantic
serialises in that order) and with the field's own type (a float stays a float). The unit tests
(test_enrich_output.py) check that engine output survives the strict model unchanged. Anything that
comes from outside (HTTP bodies, stored rows) is still validated with `Annotation.model_validate`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar, cast

from pydantic import BaseModel

from services.enrich._scan import Maker
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

_M = TypeVar("_M", bound=BaseModel)
# BaseModel's own slots, set through their descriptors (what model_construct sets)
_SLOTS = tuple(BaseModel.__dict__[k] for k in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__",
                                                 "__pydantic_private__"))


def _maker(cls: type[_M]) -> Callable[..., _M]:
    names = tuple(cls.model_fields)
    return cast(Callable[..., _M], Maker(cls, names, set(names), _SLOTS))


_facility = _maker(FacilityMention)
_place = _maker(PlaceMention)
_actor = _maker(ActorMention)
_event_type = _maker(EventTypeMention)
_annotation = _maker(Annotation)

# What the engine calls: positional values in each model's field order (shared/annotation.py)
facility: Callable[[str, int, int, str, str, float, str | None, float | None, float | None, str | None, str],
                   FacilityMention] = _facility
place: Callable[[str, int, int, str, str, float, str | None, float | None, float | None, str | None],
                PlaceMention] = _place
actor: Callable[[str, int, int, str, str, float], ActorMention] = _actor
event_type: Callable[[str, str, int, int, float], EventTypeMention] = _event_type
annotation: Callable[
    [str, list[PlaceMention], list[FacilityMention], list[ActorMention], list[EventTypeMention], date | None, bool],
    Annotation,
] = _annotation
