"""Silences, pure: Alertmanager-style matchers (`=`, `!=`, `=~`, `!~`; regexes are RE2, anchored, as in
Alertmanager) on an incident's facility_id, kind, country, severity, actors and event types."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

import re2
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from services.alert.notice import NoticeIncident

_RE2 = re2.Options()
_RE2.log_errors = False  # a bad regex is the client's 422, not a line on the service's stderr
MatcherName = Literal["facility_id", "kind", "country", "severity", "actor", "event_type"]


class Matcher(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: MatcherName
    value: str = Field(max_length=500, description="The value, or for =~ and !~ an RE2 regex matched against "
                       "the whole value (anchored, like Alertmanager)")
    op: Literal["=", "!=", "=~", "!~"] = "="

    @field_validator("value")
    @classmethod
    def _printable(cls, v: str) -> str:
        if any(ord(ch) < 0x20 or 0xD800 <= ord(ch) < 0xE000 for ch in v):
            raise ValueError("value must not contain control characters or lone surrogates")
        return v

    @model_validator(mode="after")
    def _regex(self) -> Matcher:
        if self.op in ("=~", "!~"):
            try:
                re2.compile(self.value, _RE2)
            except re2.error as exc:
                reason = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else exc
                raise ValueError(f"invalid regex {self.value!r}: {reason}") from exc
        return self

    def matches(self, incident: NoticeIncident) -> bool:
        values = _values(self.name, incident)
        if self.op in ("=", "!="):
            hit = self.value in values
        else:
            pattern = re2.compile(self.value, _RE2)
            hit = any(pattern.fullmatch(v) is not None for v in values) or (not values and pattern.fullmatch(""))
        return hit if self.op in ("=", "=~") else not hit


def _values(name: str, i: NoticeIncident) -> list[str]:
    if name == "actor":
        return list(i.actors)
    if name == "event_type":
        return list(i.event_types)
    value = {"facility_id": i.facility_id, "kind": i.kind, "country": i.country, "severity": i.severity}[name]
    return [value] if value is not None else []


class SilenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    matchers: list[Matcher] = Field(min_length=1, max_length=20, description="All must match")
    starts_at: AwareDatetime | None = Field(default=None, description="Default: now")
    ends_at: AwareDatetime
    comment: str = Field(default="", max_length=2000)
    created_by: str = Field(default="", max_length=200)

    @field_validator("comment", "created_by")
    @classmethod
    def _text(cls, v: str) -> str:
        if any((ord(ch) < 0x20 and ch not in "\n\t") or 0xD800 <= ord(ch) < 0xE000 for ch in v):
            raise ValueError("must not contain control characters or lone surrogates")
        return v

    @model_validator(mode="after")
    def _order(self) -> SilenceIn:
        if self.starts_at is not None and self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class Silence(BaseModel):
    id: uuid.UUID
    matchers: list[Matcher]
    starts_at: datetime
    ends_at: datetime
    comment: str
    created_by: str
    created_at: datetime
    state: Literal["pending", "active", "expired"]


def state(starts_at: datetime, ends_at: datetime, now: datetime) -> Literal["pending", "active", "expired"]:
    return "expired" if ends_at <= now else ("pending" if starts_at > now else "active")


def silenced_until(silences: list[Silence], incident: NoticeIncident, now: datetime) -> datetime | None:
    """The latest end of the active silences that match the incident; None if none does."""
    ends = [s.ends_at for s in silences if s.starts_at <= now < s.ends_at
            and all(m.matches(incident) for m in s.matchers)]
    return max(ends) if ends else None
