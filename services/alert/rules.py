"""Alert rules, pure: which facility mentions open or join which incidents, with what severity and timing
(rules from a validated YAML file, services/alert/data/rules.yaml by default), and which subscriptions want
an incident's notices."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from services.alert.notice import SEVERITY_RANK, NoticeIncident, Severity
from shared.annotation import FacilityKind

DEFAULT_RULES = Path(__file__).with_name("data") / "rules.yaml"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_S = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def _seconds(value: Any) -> Any:
    """'6h', '5m', '30s', '0s', '1.5d' or a number of seconds -> seconds; anything else is left to fail."""
    if isinstance(value, str):
        m = _DURATION.match(value)
        if not m:
            raise ValueError(f"{value!r} is not a duration (a number with s, m, h or d, e.g. 5m)")
        return float(m.group(1)) * _UNIT_S[m.group(2)]
    return value


Seconds = Annotated[float, BeforeValidator(_seconds), Field(ge=0, le=90 * 86400)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(_Strict):
    """Every given field must match (within a field, any value); an empty match matches every mention."""

    kinds: list[FacilityKind] | None = None
    facility_ids: list[str] | None = None
    countries: list[str] | None = Field(default=None, description="ISO 3166-1 alpha-2 codes")
    actors: list[str] | None = Field(default=None, description="actor ids or canonical names")
    event_types: list[str] | None = None
    languages: list[str] | None = None


class Timing(_Strict):
    group_window: Seconds = 6 * 3600  # articles naming the facility join the incident for this long
    group_wait: Seconds = 0  # before the first notice
    group_interval: Seconds = 300  # between updates as articles join
    repeat_interval: Seconds | None = None  # reminders while firing (None: off)
    resolve_after: Seconds | None = 24 * 3600  # auto-resolve after this long without a new article
    min_sources: int = Field(default=1, ge=1, le=100)  # distinct outlets before the first notice
    min_languages: int = Field(default=1, ge=1, le=20)


class Rule(Timing):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    severity: Severity
    match: Match = Match()
    labels: dict[str, str] = {}


class SpikeRule(Timing):
    """A facility named `factor` x more often in the last `window` than its hourly baseline over
    `baseline_days` (scaled to the window), and at least `min_count` times, raises a `spike` incident."""

    name: str = Field(default="facility-spike", pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")
    severity: Severity = "warning"
    window: Seconds = Field(default=3600, gt=0)
    baseline_days: float = Field(default=28, gt=0, le=365)
    factor: float = Field(default=5.0, gt=1)
    min_count: int = Field(default=5, ge=1)
    labels: dict[str, str] = {}


class RuleSet(_Strict):
    # strongest first: an incident's event types are listed in this order (unknown ones last)
    event_type_strength: list[str] = []
    rules: list[Rule] = Field(min_length=1)
    spike: SpikeRule | None = None

    @model_validator(mode="after")
    def _unique_names(self) -> RuleSet:
        names = [r.name for r in self.rules] + ([self.spike.name] if self.spike else [])
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"rule names must be unique: {', '.join(dupes)}")
        return self

    def first_match(self, *, kind: str, facility_id: str, country: str | None, actors: set[str],
                    event_types: set[str], lang: str | None) -> Rule | None:
        """The first rule (in file order) that matches a facility mention in an article."""
        for rule in self.rules:
            m = rule.match
            if ((m.kinds is None or kind in m.kinds)
                    and (m.facility_ids is None or facility_id in m.facility_ids)
                    and (m.countries is None or (country or "").upper() in {c.upper() for c in m.countries})
                    and (m.actors is None or bool(actors & {a.casefold() for a in m.actors}))
                    and (m.event_types is None or bool(event_types & set(m.event_types)))
                    and (m.languages is None or (lang or "") in m.languages)):
                return rule
        return None

    def by_name(self, name: str) -> Rule | SpikeRule | None:
        if self.spike is not None and self.spike.name == name:
            return self.spike
        return next((r for r in self.rules if r.name == name), None)

    def strongest_first(self, event_types: set[str]) -> list[str]:
        rank = {t: i for i, t in enumerate(self.event_type_strength)}
        return sorted(event_types, key=lambda t: (rank.get(t, len(rank)), t))


class RulesError(ValueError):
    """A rules file that cannot be used: the message names the file, the line and the reason."""


def load_rules(path: Path | str = DEFAULT_RULES) -> RuleSet:
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read the rules file: {exc.strerror or exc}") from exc
    return parse_rules(source, str(path))


def parse_rules(source: str, name: str = "<rules>") -> RuleSet:
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RulesError(f"{name}{line}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    try:
        return RuleSet.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        raise RulesError(f"{name}:{_line(root, loc)}: {'.'.join(map(str, loc)) or 'the file'}: {err['msg']}") from exc


def _line(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The line of the deepest YAML node on the error's path (1-based)."""
    line = 1 if node is None else node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # an unknown or missing key: the mapping that holds it
                key = next((k for k, _ in node.value if k.value == part), None)
                child = key
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def duration(seconds: float | None) -> timedelta | None:
    return None if seconds is None else timedelta(seconds=seconds)


class Filters(BaseModel):
    """Subscription filters; an empty filter matches every incident. Within a field any value matches."""

    model_config = ConfigDict(extra="forbid")
    kinds: list[FacilityKind] | None = None
    countries: list[str] | None = Field(default=None, description="ISO 3166-1 alpha-2 codes")
    facility_ids: list[str] | None = None
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    actors: list[str] | None = Field(default=None, description="Canonical actor names (as in an incident's "
                                     "`actors`), compared without case")
    event_types: list[str] | None = Field(default=None, description="Event type ids (attack, prison_break_riot, "
                                          "transfer_repatriation, humanitarian, ...)")
    min_severity: Severity | None = Field(default=None, description="info < warning < critical")
    languages: list[str] | None = Field(default=None, description="Article languages (ar, en): an incident "
                                        "backed by an article in one of them")


def matches(filters: Filters, incident: NoticeIncident, confidence: float = 1.0) -> bool:
    f = filters
    if f.kinds is not None and incident.kind not in f.kinds:
        return False
    if f.countries is not None and (incident.country or "").upper() not in {c.upper() for c in f.countries}:
        return False
    if f.facility_ids is not None and incident.facility_id not in f.facility_ids:
        return False
    if f.actors is not None and not {a.casefold() for a in incident.actors} & {a.casefold() for a in f.actors}:
        return False
    if f.event_types is not None and not set(incident.event_types) & set(f.event_types):
        return False
    if f.min_severity is not None and SEVERITY_RANK[incident.severity] < SEVERITY_RANK[f.min_severity]:
        return False
    if f.languages is not None and not set(incident.languages) & set(f.languages):
        return False
    return confidence >= f.min_confidence
