"""The notice: what a subscriber receives about an incident, in every delivery format.

This is the contract between grouping (which decides *when* a notice is due and writes it with one delivery
row per matching subscription) and delivery (which renders it for the subscription's format — `standard`,
`alertmanager`, `pagerduty`, `slack` — signs and sends it). Grouping writes `Notice.model_dump(mode="json")`
into `alert.notices.payload`; delivery reads it back with `Notice.model_validate`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

NoticeKind = Literal["firing", "update", "reminder", "acknowledged", "resolved", "test"]
Severity = Literal["critical", "warning", "info"]
IncidentState = Literal["firing", "acknowledged", "resolved"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "critical": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoticeArticle(_Model):
    """One article that joined the incident, with the sentence that names the facility."""

    article_id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet's domain (or the `source` given at ingest)
    lang: str | None = None
    published_at: AwareDatetime | None = None
    evidence: str  # the sentence (or excerpt) naming the facility
    surface: str  # the facility as the article wrote it
    event_types: list[str] = []
    joined_at: AwareDatetime


class NoticeIncident(_Model):
    id: str
    fingerprint: str  # stable for the incident's life: PagerDuty's dedup_key, Alertmanager's grouping
    rule: str  # the rule's name
    severity: Severity
    state: IncidentState
    silenced: bool = False
    spike: bool = False  # raised by the spike rule rather than by a single article
    facility_id: str
    facility: str  # canonical English name
    facility_ar: str | None = None
    kind: Literal["prison", "camp"]
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    labels: dict[str, str] = {}
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    article_count: int = Field(ge=0)
    sources: list[str] = []  # distinct outlets backing it
    languages: list[str] = []
    event_types: list[str] = []  # strongest first
    actors: list[str] = []  # canonical actor names
    acknowledged_at: AwareDatetime | None = None
    resolved_at: AwareDatetime | None = None


class Notice(_Model):
    """The `data` of a `standard` delivery; every other format is rendered from it."""

    id: str  # the notice id (unique per incident change); the delivery id stays the webhook-id
    kind: NoticeKind
    incident: NoticeIncident
    articles: list[NoticeArticle] = []  # newest first; the first notice carries all, updates the new ones
    changes: dict[str, object] = {}  # for updates: what changed since the last notice (e.g. article_count)
    summary: str  # one line, human-readable, in the language of the newest article
    created_at: AwareDatetime

    def title(self) -> str:
        return f"[{self.incident.severity.upper()}] {self.incident.facility}: {self.kind}"
