"""The engine's output models (shared/annotation.py), built without validating them again.

Everything here comes from the engine itself (offsets it computed, entries the gazetteer validated at
load time), so re-validating ~80 mentions per article with pydantic would only spend time (~1 µs
each). An instance is made with `model_construct`, the values given positionally in the model's field
order (pydantic serialises in that order) and with the field's own type (a float stays a float). When the
compiled part is in use (backend.py) a compiled maker (_scan.Maker, native/maker.c) does what
model_construct does without its per-field loop, through public calls only (object.__new__ and
object.__setattr__ of the same four attributes); the engine calls it directly, and it hands a call to the Python
maker while the Python path is in use. The unit tests (test_enrich_output.py) check that engine
output survives the strict model unchanged, both ways. Anything that comes from outside (HTTP bodies,
stored rows) is still validated with `Annotation.model_validate`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from services.enrich import backend
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention, PlaceMention

_M = TypeVar("_M", bound=BaseModel)


def _maker(cls: type[_M]) -> Callable[..., _M]:
    names = tuple(cls.model_fields)
    n = len(names)

    def make(*values: Any) -> _M:
        if len(values) != n:
            raise TypeError(f"{cls.__name__}: {n} positional values")
        return cls.model_construct(**dict(zip(names, values, strict=True)))

    if backend.NATIVE is None:
        return make
    # the compiled maker is what the engine calls (no Python frame per mention); it hands each call to `make`
    # while the Python path is in use (backend.PATH.native is None)
    return cast(Callable[..., _M], backend.NATIVE.Maker(cls, names, set(names), backend.PATH, make))


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
    [str, list[PlaceMention], list[FacilityMention], list[ActorMention], list[EventTypeMention], date | None, bool,
     None],
    Annotation,
] = _annotation
