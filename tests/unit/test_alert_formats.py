"""Every delivery format rendered from Notices: the standard body carries the Notice, Alertmanager's webhook v4
body its labels, PagerDuty's Events v2 event validates against the documented schema with the lifecycle mapped to
trigger/acknowledge/resolve on one dedup_key, Slack's message keeps Arabic in its own direction."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from services.alert.formats import FSI, PDI, am_fingerprint, bidi, notice_from_alert, render
from services.alert.notice import Notice, NoticeArticle, NoticeIncident

SCHEMA = json.loads((Path(__file__).parents[1] / "data/schemas/pagerduty-events-v2.schema.json").read_text())
KEY = "R" * 32
T0 = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def notice(kind: str = "firing", state: str = "firing", articles: int = 2, summary: str | None = None) -> Notice:
    arts = [NoticeArticle(article_id=f"art_{i}", url=f"https://news{i}.example/{i}", title=f"عنوان {i}",
                          source=f"news{i}.example", lang="ar" if i % 2 == 0 else "en",
                          evidence="هاجم مسلحون سجن غويران في الحسكة" if i % 2 == 0 else
                          "Gunmen attacked Ghwayran prison in Hasakah", surface="سجن غويران",
                          event_types=["attack"], joined_at=T0 + timedelta(minutes=i)) for i in range(articles)]
    inc = NoticeIncident(id="inc_1", fingerprint="f" * 64, rule="isis-prison-attack", severity="critical",
                         state=state, facility_id="fac:sy-ghwayran-prison", facility="Ghwayran prison",
                         facility_ar="سجن غويران", kind="prison", country="SY", first_seen=T0,
                         last_seen=T0 + timedelta(minutes=articles), article_count=articles,
                         sources=[a.source or "" for a in arts], languages=["ar", "en"], event_types=["attack"],
                         actors=["ISIS"], labels={"team": "syria"},
                         resolved_at=T0 + timedelta(hours=1) if state == "resolved" else None)
    return Notice(id=f"ntc_{kind}", kind=kind, incident=inc, articles=arts, changes={"article_count": articles},
                  summary=summary or "Ghwayran prison: attack reported by 2 outlets (ar, en)", created_at=T0)


def test_standard_carries_the_notice_whole() -> None:
    body = render(notice(), "standard")
    assert body["type"] == "alert.firing" and body["timestamp"] == "2026-12-02T06:00:00Z"
    assert Notice.model_validate(body["data"]) == notice()


@pytest.mark.parametrize(("kind", "state", "action"), [
    ("firing", "firing", "trigger"), ("update", "firing", "trigger"), ("reminder", "firing", "trigger"),
    ("acknowledged", "acknowledged", "acknowledge"), ("resolved", "resolved", "resolve"),
    ("test", "firing", "trigger")])
def test_pagerduty_events_v2_validate_and_follow_the_lifecycle(kind: str, state: str, action: str) -> None:
    event = render(notice(kind, state), "pagerduty", routing_key=KEY)
    jsonschema.Draft202012Validator(SCHEMA).validate(event)
    assert event["routing_key"] == KEY and event["event_action"] == action and event["dedup_key"] == "f" * 64
    if action == "trigger":
        p = event["payload"]
        assert p["severity"] == "critical" and p["source"] == "raqib:fac:sy-ghwayran-prison"
        assert p["summary"].startswith("Ghwayran prison") and datetime.fromisoformat(p["timestamp"])
        assert p["custom_details"]["evidence"][0]["evidence"] == "هاجم مسلحون سجن غويران في الحسكة"
        assert [link["href"] for link in event["links"]] == ["https://news0.example/0", "https://news1.example/1"]
    else:
        assert "payload" not in event


def test_the_schema_catches_what_pagerduty_would_refuse() -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    good = render(notice(), "pagerduty", routing_key=KEY)
    for broken in ({**good, "routing_key": "short"}, {**good, "event_action": "page"},
                   {**good, "payload": {**good["payload"], "severity": "fatal"}},
                   {k: v for k, v in good.items() if k != "payload"},
                   {"routing_key": KEY, "event_action": "resolve"}):
        assert not validator.is_valid(broken), broken
    long_summary = render(notice(summary="x" * 5000), "pagerduty", routing_key=KEY)
    validator.validate(long_summary)  # cut to PagerDuty's 1024 characters
    assert len(long_summary["payload"]["summary"]) == 1024
    with pytest.raises(ValueError, match="routing_key"):
        render(notice(), "pagerduty")


def test_alertmanager_webhook_v4_body() -> None:
    body = render(notice(), "alertmanager", public_url="https://raqib.example")
    assert body["version"] == "4" and body["status"] == "firing" and body["truncatedAlerts"] == 0
    assert body["groupLabels"] == {"alertname": "FacilityNamed", "facility_id": "fac:sy-ghwayran-prison"}
    (alert,) = body["alerts"]
    assert alert["labels"] == {"alertname": "FacilityNamed", "facility_id": "fac:sy-ghwayran-prison",
                               "facility": "Ghwayran prison", "kind": "prison", "country": "SY",
                               "severity": "critical", "rule": "isis-prison-attack", "team": "syria"}
    assert alert["annotations"]["evidence"] == "هاجم مسلحون سجن غويران في الحسكة"
    assert alert["annotations"]["article_url"] == "https://news0.example/0"
    assert alert["startsAt"] == "2026-12-02T06:00:00Z" and alert["endsAt"] == "0001-01-01T00:00:00Z"
    assert alert["generatorURL"] == "https://raqib.example/v1/alerts/inc_1"
    assert alert["fingerprint"] == am_fingerprint(notice().incident) and len(alert["fingerprint"]) == 16
    resolved = render(notice("resolved", "resolved"), "alertmanager")
    assert resolved["status"] == "resolved" and resolved["alerts"][0]["endsAt"] == "2026-12-02T07:00:00Z"


def test_slack_message_keeps_arabic_in_its_own_direction_and_escapes_markup() -> None:
    body = render(notice(summary="<script> & سجن غويران"), "slack")
    assert body["text"].endswith(f"{FSI}&lt;script&gt; &amp; سجن غويران{PDI}")  # the notification's text
    blocks = body["blocks"]
    assert blocks[0]["type"] == "header" and len(blocks[0]["text"]["text"]) <= 150
    assert "&lt;script&gt; &amp;" in blocks[1]["text"]["text"]
    arabic = [b for b in blocks if b["type"] == "section" and "هاجم" in b.get("text", {}).get("text", "")]
    assert arabic and f"{FSI}هاجم مسلحون سجن غويران في الحسكة{PDI}" in arabic[0]["text"]["text"]
    assert "<https://news0.example/0|" in arabic[0]["text"]["text"]
    assert bidi("Ghwayran prison") == "Ghwayran prison"  # nothing added to left-to-right text
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)


def test_a_per_article_alert_from_before_incidents_renders_in_every_format() -> None:
    alert = {"alert_id": "a1", "fingerprint": "e" * 64, "article": {"id": "art_9", "url": "https://x.example/9"},
             "facility": {"surface": "مخيم الهول", "start": 0, "end": 10, "id": "fac:sy-al-hol-camp",
                          "canonical": "al-Hol camp", "confidence": 0.9, "country": "SY", "kind": "camp"},
             "excerpt": "نقل عائلات من مخيم الهول", "raised_at": T0.isoformat(), "event_types": [], "actors": []}
    n = notice_from_alert(alert)
    assert n.incident.fingerprint == "e" * 64 and n.articles[0].evidence == "نقل عائلات من مخيم الهول"
    jsonschema.Draft202012Validator(SCHEMA).validate(render(n, "pagerduty", routing_key=KEY))
    assert render(n, "alertmanager")["alerts"][0]["labels"]["facility_id"] == "fac:sy-al-hol-camp"
    assert render(n, "slack")["blocks"]
