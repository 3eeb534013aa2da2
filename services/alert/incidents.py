"""Incidents, pure: which incident an article's facility mentions go to (evaluate), what each article brings
(evidence sentence, outlet), and when a notice is due (plan: Alertmanager's group_wait / group_interval /
repeat_interval, corroboration, auto-resolve). No database, no Kafka."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from services.alert.rules import Rule, RuleSet
from shared.annotation import FacilityMention
from shared.events import ArticleEnriched

EVIDENCE_MAX = 400  # characters of the evidence sentence kept around the facility's name
# sentence ends: Latin and Arabic full stops, question and exclamation marks, line breaks
_SENTENCE_END = re.compile(r"[.!?؟۔\n]+(?=\s|$)|\n")

GroupKind = Literal["facility", "spike"]


def group_key(kind: GroupKind, facility_id: str) -> str:
    return f"{kind}:{facility_id}"


def fingerprint(key: str, opening_article_id: str) -> str:
    """Stable for the incident's whole life (PagerDuty's dedup_key): its group key and the article that opened it."""
    return hashlib.sha256(f"{key}\x1f{opening_article_id}".encode()).hexdigest()


def evidence(text: str, start: int, end: int, limit: int = EVIDENCE_MAX) -> str:
    """The sentence of `text` holding `text[start:end]`, cut to about `limit` characters around it."""
    lo = 0
    for stop in _SENTENCE_END.finditer(text, 0, start):
        lo = stop.end()
    after = _SENTENCE_END.search(text, end)
    hi = after.end() if after else len(text)
    if hi - lo > limit:
        half = max(0, (limit - (end - start)) // 2)
        lo, hi = max(lo, start - half), min(hi, end + half)
        return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
    return text[lo:hi].strip()


def outlet(url: str | None, source: str | None) -> str | None:
    """The outlet behind an article: its URL's host without `www.`, else the source given at ingest."""
    if url:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        if host:
            return host.removeprefix("www.")
    return source.strip().lower() or None if source else None


@dataclass(frozen=True)
class Decision:
    """One distinct facility named by the article, the rule it matched and what the article brings."""

    facility: FacilityMention  # its most confident mention
    rule: Rule | None  # None: no rule matches; the article only joins an incident already open for the facility
    evidence: str
    event_types: tuple[str, ...]  # strongest first
    actors: tuple[str, ...]  # canonical names
    source: str | None
    lang: str | None
    strength: tuple[str, ...] = ()  # the rules' event types, strongest first


def strongest_first(types: set[str], strength: tuple[str, ...]) -> list[str]:
    rank = {t: i for i, t in enumerate(strength)}
    return sorted(types, key=lambda t: (rank.get(t, len(rank)), t))


def evaluate(event: ArticleEnriched, rules: RuleSet) -> list[Decision]:
    """One decision per distinct named facility (none unless the annotation alerts), with the first rule that
    matches it, if any; none for a near-duplicate of an earlier article (the same story again: its first article
    counted, issue 11)."""
    a = event.annotation
    if not a.alert or event.article.near_duplicate_of is not None:
        return []
    head = a.title  # what the headline names (given apart from the body): offsets index the article's title
    best: dict[str, FacilityMention] = {}
    for f in a.facilities:
        if f.id not in best or f.confidence > best[f.id].confidence:
            best[f.id] = f
    from_title: dict[str, FacilityMention] = {}  # named only in the headline: the headline is the evidence
    for f in (head.facilities if head is not None else ()):
        if f.id not in best and (f.id not in from_title or f.confidence > from_title[f.id].confidence):
            from_title[f.id] = f
    actor_mentions = [*a.actors, *(head.actors if head is not None else ())]
    types = set(e.type for e in a.event_types) | {e.type for e in (head.event_types if head is not None else ())}
    actor_keys = {x.casefold() for m in actor_mentions for x in (m.id, m.canonical)}
    actors = tuple(sorted({m.canonical for m in actor_mentions}))
    src = outlet(event.article.url, event.article.source)
    named = [(f, event.article.title or "") for f in sorted(from_title.values(), key=lambda m: m.start)]
    named += [(f, event.text) for f in sorted(best.values(), key=lambda m: m.start)]
    out = []
    for f, where in named:
        rule = rules.first_match(kind=f.kind, facility_id=f.id, country=f.country, actors=actor_keys,
                                 event_types=types, lang=a.lang)
        out.append(Decision(f, rule, evidence(where, f.start, f.end), tuple(rules.strongest_first(types)),
                            actors, src, a.lang, tuple(rules.event_type_strength)))
    return out


@dataclass(frozen=True)
class Policy:
    group_wait: float = 0.0
    group_interval: float = 300.0
    repeat_interval: float | None = None
    resolve_after: float | None = 86400.0
    min_sources: int = 1
    min_languages: int = 1


@dataclass(frozen=True)
class State:
    """What plan() needs of an incident."""

    status: str  # firing|acknowledged|resolved
    first_seen: datetime
    last_seen: datetime
    article_count: int
    sources: int
    languages: int
    severity: str
    notified_at: datetime | None
    notified_kind: str | None
    notified_count: int
    notified_severity: str | None
    policy: Policy
    silenced_until: datetime | None = None  # set while a silence matches


Action = Literal["firing", "update", "reminder", "resolved", "auto_resolve"]


@dataclass(frozen=True)
class Plan:
    action: Action | None  # what to do now
    next_check_at: datetime | None  # when to look again (None: only when something happens)


def plan(s: State, now: datetime) -> Plan:
    p = s.policy
    if s.status == "resolved":
        # subscribers that heard of it hear that it is over
        tell = s.notified_at is not None and s.notified_kind != "resolved" and s.silenced_until is None
        return Plan("resolved" if tell else None, None)
    quiet_end = s.last_seen + timedelta(seconds=p.resolve_after) if p.resolve_after is not None else None
    if quiet_end is not None and now >= quiet_end:
        return Plan("auto_resolve", now)
    if s.silenced_until is not None:
        return Plan(None, _earliest(s.silenced_until, quiet_end))
    if s.notified_at is None:
        if s.sources < p.min_sources or s.languages < p.min_languages:
            return Plan(None, quiet_end)  # not corroborated: an article joining looks again
        due = s.first_seen + timedelta(seconds=p.group_wait)
        return Plan("firing", None) if now >= due else Plan(None, _earliest(due, quiet_end))
    candidates: list[datetime | None] = [quiet_end]
    if s.article_count > s.notified_count or s.severity != s.notified_severity:
        due = s.notified_at + timedelta(seconds=p.group_interval)
        if now >= due:
            return Plan("update", None)
        candidates.append(due)
    if p.repeat_interval is not None and s.status == "firing":
        due = s.notified_at + timedelta(seconds=p.repeat_interval)
        if now >= due:
            return Plan("reminder", None)
        candidates.append(due)
    return Plan(None, _earliest(*candidates))


def _earliest(*times: datetime | None) -> datetime | None:
    present = [t for t in times if t is not None]
    return min(present) if present else None
