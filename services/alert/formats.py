"""Delivery formats, pure: a Notice rendered as the body a subscription asked for.

- `standard`: Standard Webhooks `{"type", "timestamp", "data": Notice}` (signed by the sender);
- `alertmanager`: Alertmanager's webhook body, version 4 (what Alertmanager posts to its webhook receivers);
- `pagerduty`: a PagerDuty Events API v2 event (`routing_key` from the subscription, dedup_key = fingerprint);
- `slack`: a Slack incoming-webhook message (`text` + Block Kit `blocks`), Arabic kept right-to-left.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any, Literal

from services.alert.notice import Notice, NoticeArticle, NoticeIncident

Format = Literal["standard", "alertmanager", "pagerduty", "slack"]
FORMATS: tuple[Format, ...] = ("standard", "alertmanager", "pagerduty", "slack")
ALERTNAME = "FacilityNamed"
AM_ZERO_TIME = "0001-01-01T00:00:00Z"  # Alertmanager's "no end" in webhook bodies
PD_ACTION = {"firing": "trigger", "update": "trigger", "reminder": "trigger", "test": "trigger",
             "acknowledged": "acknowledge", "resolved": "resolve"}
PD_SUMMARY_MAX, PD_LINKS_MAX, PD_DEDUP_MAX = 1024, 5, 255
SLACK_HEADER_MAX, SLACK_TEXT_MAX, SLACK_ARTICLES_MAX = 150, 3000, 5
# Unicode bidi isolates: an Arabic run inside English text (or the reverse) keeps its own direction and
# does not reorder the text around it (Unicode Bidirectional Algorithm, FSI ... PDI).
FSI, PDI = "\u2068", "\u2069"


def render(notice: Notice, fmt: Format, *, routing_key: str | None = None,
           public_url: str = "") -> dict[str, Any]:
    if fmt == "standard":
        return standard(notice)
    if fmt == "alertmanager":
        return alertmanager_webhook(notice, public_url)
    if fmt == "pagerduty":
        if not routing_key:
            raise ValueError("a pagerduty subscription needs a routing_key")
        return pagerduty(notice, routing_key)
    if fmt == "slack":
        return slack(notice, public_url)
    raise ValueError(f"unknown format {fmt!r}")


def event_type(notice: Notice) -> str:
    return event_type_of(notice.kind)


def event_type_of(kind: str) -> str:
    return f"alert.{kind}"  # an alert is the incident (/v1/alerts): alert.firing, alert.update, ...


def standard(notice: Notice) -> dict[str, Any]:
    return {"type": event_type(notice), "timestamp": _iso(notice.created_at),
            "data": notice.model_dump(mode="json")}


def _iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def _newest(notice: Notice) -> NoticeArticle | None:
    return notice.articles[0] if notice.articles else None


def am_labels(incident: NoticeIncident) -> dict[str, str]:
    """The Alertmanager labels of an incident (push and webhook format alike)."""
    out = {**incident.labels, "alertname": ALERTNAME, "facility_id": incident.facility_id,
           "facility": incident.facility, "kind": incident.kind, "severity": incident.severity,
           "rule": incident.rule}
    if incident.country:
        out["country"] = incident.country
    return out


def am_annotations(notice: Notice) -> dict[str, str]:
    inc, newest = notice.incident, _newest(notice)
    out = {"summary": notice.summary, "incident_id": inc.id, "article_count": str(inc.article_count),
           "sources": ", ".join(inc.sources), "languages": ", ".join(inc.languages)}
    if inc.facility_ar:
        out["facility_ar"] = inc.facility_ar
    if inc.event_types:
        out["event_types"] = ", ".join(inc.event_types)
    if newest is not None:
        out["evidence"] = newest.evidence
        if newest.url:
            out["article_url"] = newest.url
    return {k: v for k, v in out.items() if v}


def am_fingerprint(incident: NoticeIncident) -> str:
    return hashlib.sha256(incident.fingerprint.encode()).hexdigest()[:16]


def am_alert(notice: Notice, public_url: str = "") -> dict[str, Any]:
    """One alert as Alertmanager shows it (webhook v4 `alerts[]` entry)."""
    inc = notice.incident
    resolved = inc.state == "resolved"
    return {"status": "resolved" if resolved else "firing", "labels": am_labels(inc),
            "annotations": am_annotations(notice), "startsAt": _iso(inc.first_seen),
            "endsAt": _iso(inc.resolved_at or notice.created_at) if resolved else AM_ZERO_TIME,
            "generatorURL": f"{public_url.rstrip('/')}/v1/alerts/{inc.id}" if public_url else "",
            "fingerprint": am_fingerprint(inc)}


def alertmanager_webhook(notice: Notice, public_url: str = "") -> dict[str, Any]:
    """Alertmanager's webhook body (version 4), one alert per notice, grouped by facility."""
    alert = am_alert(notice, public_url)
    group = {"alertname": ALERTNAME, "facility_id": notice.incident.facility_id}
    return {"version": "4", "groupKey": "{}:{" + ",".join(f'{k}="{v}"' for k, v in group.items()) + "}",
            "truncatedAlerts": 0, "status": alert["status"], "receiver": "raqib", "groupLabels": group,
            "commonLabels": alert["labels"], "commonAnnotations": alert["annotations"],
            "externalURL": public_url, "alerts": [alert]}


def _evidence(notice: Notice) -> list[dict[str, Any]]:
    return [{"article_id": a.article_id, "url": a.url, "source": a.source, "lang": a.lang, "title": a.title,
             "evidence": a.evidence, "surface": a.surface, "event_types": a.event_types} for a in notice.articles]


def pagerduty(notice: Notice, routing_key: str) -> dict[str, Any]:
    """A PagerDuty Events API v2 event: trigger (firing, updates, reminders, tests), acknowledge, resolve;
    the incident fingerprint is the dedup_key, so PagerDuty keeps one incident for Raqib's one."""
    inc = notice.incident
    action = PD_ACTION[notice.kind]
    event: dict[str, Any] = {"routing_key": routing_key, "event_action": action,
                             "dedup_key": inc.fingerprint[:PD_DEDUP_MAX]}
    if action != "trigger":
        return event  # acknowledge/resolve name the incident by its dedup_key only
    links = [{"href": a.url, "text": (a.title or a.source or a.url)[:200]} for a in notice.articles if a.url]
    event |= {
        "payload": {
            "summary": _cut(notice.summary, PD_SUMMARY_MAX), "source": f"raqib:{inc.facility_id}",
            "severity": inc.severity, "timestamp": _iso(inc.last_seen), "component": inc.facility,
            "group": inc.country or "unknown", "class": inc.kind,
            "custom_details": {"incident_id": inc.id, "notice": notice.kind, "rule": inc.rule,
                               "facility_ar": inc.facility_ar, "article_count": inc.article_count,
                               "sources": inc.sources, "languages": inc.languages,
                               "event_types": inc.event_types, "actors": inc.actors,
                               "changes": notice.changes, "evidence": _evidence(notice)}},
        "client": "Raqib", "links": links[:PD_LINKS_MAX]}
    return event


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _slack_escape(text: str) -> str:
    """Slack mrkdwn's three control characters (its documented escaping)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _has_rtl(text: str) -> bool:
    return any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in text)


def bidi(text: str) -> str:
    """Isolate a right-to-left run so it shows in its own direction inside the message."""
    return f"{FSI}{text}{PDI}" if _has_rtl(text) else text


def slack(notice: Notice, public_url: str = "") -> dict[str, Any]:
    inc = notice.incident
    icon = {"critical": ":rotating_light:", "warning": ":warning:", "info": ":information_source:"}[inc.severity]
    name = inc.facility + (f" ({bidi(inc.facility_ar)})" if inc.facility_ar else "")
    header = _cut(f"{inc.severity.upper()} · {inc.facility} · {notice.kind}", SLACK_HEADER_MAX)
    facts = [f"*Facility:* {_slack_escape(name)}", f"*Kind:* {inc.kind}",
             f"*Country:* {inc.country or '?'}", f"*State:* {inc.state}",
             f"*Articles:* {inc.article_count} from {len(inc.sources)} outlet(s)",
             f"*Languages:* {', '.join(inc.languages) or '?'}"]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": header, "emoji": True}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _cut(f"{icon} {_slack_escape(bidi(notice.summary))}",
                                                                    SLACK_TEXT_MAX)}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": f} for f in facts]},
    ]
    for a in notice.articles[:SLACK_ARTICLES_MAX]:
        title = _slack_escape(bidi(a.title or a.source or a.article_id))
        link = f"<{a.url}|{title}>" if a.url else title
        quote = _slack_escape(bidi(a.evidence))
        blocks.append({"type": "section", "text": {"type": "mrkdwn",
                                                    "text": _cut(f"{link}\n> {quote}", SLACK_TEXT_MAX)}})
    footer = f"Raqib incident `{inc.id}` · rule {inc.rule}"
    if public_url:
        footer += f" · <{public_url.rstrip('/')}/v1/alerts/{inc.id}|details>"
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": footer}]})
    return {"text": _cut(f"{icon} {_slack_escape(bidi(notice.summary))}", SLACK_TEXT_MAX), "blocks": blocks}


def notice_from_alert(alert: dict[str, Any]) -> Notice:
    """A per-article alert raised before incidents (the AlertRaised JSON of a delivery queued then) as a
    one-article Notice, so a subscription whose format changed since can still be sent it."""
    f, a = alert["facility"], alert["article"]
    raised = datetime.fromisoformat(alert["raised_at"])
    event_types = list(alert.get("event_types") or [])
    article = NoticeArticle(article_id=a["id"], url=a.get("url"), title=a.get("title"), source=a.get("source"),
                            published_at=a.get("published_at"), evidence=alert.get("excerpt") or f["surface"],
                            surface=f["surface"], event_types=event_types, joined_at=raised)
    incident = NoticeIncident(
        id=alert["alert_id"], fingerprint=alert["fingerprint"], rule="legacy", severity="info", state="firing",
        facility_id=f["id"], facility=f["canonical"], kind=f["kind"], country=f.get("country"), lat=f.get("lat"),
        lon=f.get("lon"), first_seen=raised, last_seen=raised, article_count=1,
        sources=[a["source"]] if a.get("source") else [], event_types=event_types,
        actors=sorted({m["canonical"] for m in alert.get("actors") or []}))
    return Notice(id=alert["alert_id"], kind="firing", incident=incident, articles=[article],
                  summary=f"{f['canonical']} named: {(alert.get('excerpt') or '')[:200]}", created_at=raised)
