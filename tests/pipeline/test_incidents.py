"""Incidents end to end (issue 9): reports of one attack from several outlets in two languages make one incident
and one first notice (then updates per group_interval); a silence keeps the incident but delivers nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.pipeline.conftest import Receiver
from tests.pipeline.test_end_to_end import post, subscribe, verify

pytestmark = pytest.mark.pipeline
GHWAYRAN = "fac:sy-ghwayran-prison"
REPORTS = [
    ("ar", "هاجم مسلحون من تنظيم داعش سجن غويران في مدينة الحسكة فجر اليوم، واندلعت اشتباكات مع قوات الأمن الداخلي."),
    ("ar", "أفاد مراسلنا بأن هجوما بسيارة مفخخة استهدف سجن غويران في الحسكة، وسط محاولة فرار لعدد من المعتقلين."),
    ("en", "Islamic State fighters attacked Ghwayran prison in Hasakah early on Thursday, and clashes with security "
           "forces followed."),
]


def until(check: Any, timeout: float = 30.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.3)
    raise AssertionError(f"{what} not met within {timeout}s")


def test_three_reports_of_one_attack_make_one_incident(stack: Stack, receiver: Receiver,
                                                       auth: dict[str, str]) -> None:
    alert = stack.services["alert"].url
    sub = subscribe(stack, auth, receiver.url("grouped"), facility_ids=[GHWAYRAN], min_severity="critical")
    outlets = ["https://www.enabbaladi.net", "https://hawarnews.com", "https://syriadirect.org"]
    ids = [str(post(stack, auth, text=f"{text} ({uuid.uuid4().hex[:8]})", lang=lang,
                    url=f"{outlet}/{uuid.uuid4()}")["id"])
           for (lang, text), outlet in zip(REPORTS, outlets, strict=True)]

    def incident() -> dict[str, Any] | None:
        rows = httpx.get(f"{alert}/v1/alerts", headers=auth, timeout=5,
                         params={"facility_id": GHWAYRAN, "status": "firing", "severity": "critical"}).json()
        mine = [r for r in rows if r["article_id"] in ids]
        return mine[0] if mine and mine[0]["article_count"] == 3 else None

    row = until(incident, what="one incident with the three articles")
    assert row["languages"] == ["ar", "en"] and row["sources"] == ["enabbaladi.net", "hawarnews.com", "syriadirect.org"]
    assert row["rule"] == "ghwayran-attack" and row["event_types"][0] == "attack"
    detail = httpx.get(f"{alert}/v1/alerts/{row['id']}", headers=auth, timeout=5).json()
    assert sorted(a["article_id"] for a in detail["articles"]) == sorted(ids)
    assert all("غويران" in a["evidence"] or "Ghwayran" in a["evidence"] for a in detail["articles"])
    same = [r for r in httpx.get(f"{alert}/v1/alerts", headers=auth, params={"facility_id": GHWAYRAN}).json()
            if r["article_id"] in ids or r["id"] == row["id"]]
    assert len(same) == 1  # ONE incident

    def told_all_three() -> list[dict[str, Any]] | None:
        got = [verify(sub["secret"], n) for n in receiver.received("grouped") if n["answered"] == 204]
        return got if got and got[-1]["data"]["incident"]["article_count"] == 3 else None

    payloads = until(told_all_three, what="notices covering the three articles (group_interval 3 s)")
    kinds = [p["type"] for p in payloads]
    assert kinds[0] == "alert.firing" and kinds.count("alert.firing") == 1, kinds
    assert set(kinds[1:]) <= {"alert.update"} and len(kinds) <= 3, kinds
    told = [a["article_id"] for p in payloads for a in p["data"]["articles"]]
    assert sorted(told) == sorted(ids)  # each article told once: the first notice all it had, updates the new ones
    last = payloads[-1]["data"]
    assert last["incident"]["id"] == row["id"] and len(last["incident"]["sources"]) == 3
    if len(payloads) > 1:
        assert payloads[1]["data"]["changes"]["article_count"][1] > payloads[1]["data"]["changes"]["article_count"][0]
    # resolved: the next report opens a new incident (and the tests after this one start afresh)
    assert httpx.post(f"{alert}/v1/alerts/{row['id']}/resolve", headers=auth).json()["status"] == "resolved"
    resolved = until(lambda: [n for n in receiver.received("grouped") if "alert.resolved" in n["body"]],
                     what="a resolved notice")
    assert len(resolved) == 1


def test_a_silence_on_a_facility_keeps_the_incident_but_delivers_nothing(stack: Stack, receiver: Receiver,
                                                                          auth: dict[str, str]) -> None:
    alert = stack.services["alert"].url
    jeddah = "fac:iq-jeddah-1-camp"
    now = datetime.now(UTC)
    body = {"matchers": [{"name": "facility_id", "value": jeddah}], "ends_at": (now + timedelta(hours=1)).isoformat(),
            "comment": "known shortage story", "created_by": "test"}
    assert httpx.post(f"{alert}/v1/silences", json=body).status_code == 401
    bad = httpx.post(f"{alert}/v1/silences", headers=auth, json={**body, "matchers": [
        {"name": "facility_id", "value": "fac:(", "op": "=~"}]})
    assert bad.status_code == 422 and "invalid regex" in bad.text
    r = httpx.post(f"{alert}/v1/silences", headers=auth, json=body)
    assert r.status_code == 201, r.text
    silence_id = r.json()["id"]
    subscribe(stack, auth, receiver.url("silenced"), facility_ids=[jeddah])
    tag = uuid.uuid4().hex[:8]
    article = str(post(stack, auth, lang="en", text=f"Aid agencies said water shortages worsened at Jeddah-1 camp "
                                                       f"near Mosul this week ({tag}).")["id"])

    def silenced() -> dict[str, Any] | None:
        rows = httpx.get(f"{alert}/v1/alerts", headers=auth, params={"facility_id": jeddah, "silenced": "true"}).json()
        return next((r for r in rows if r["article_id"] == article), None)

    row = until(silenced, what="the incident recorded with its silenced flag")
    assert row["notified_at"] is None
    time.sleep(2)
    assert receiver.received("silenced") == []  # recorded, not delivered
    listed = httpx.get(f"{alert}/v1/silences", headers=auth).json()
    assert any(s["id"] == silence_id and s["state"] == "active" for s in listed)

    # expired: the incident's first notice goes out (as Alertmanager does once a silence ends)
    assert httpx.delete(f"{alert}/v1/silences/{silence_id}", headers=auth).status_code == 204
    assert httpx.delete(f"{alert}/v1/silences/{uuid.uuid4()}", headers=auth).status_code == 404
    (notice,) = receiver.wait_for("silenced", 1)
    assert f"({tag})" in notice["body"] and '"silenced":false' in notice["body"]
    listed = httpx.get(f"{alert}/v1/silences", headers=auth).json()
    assert any(s["id"] == silence_id and s["state"] == "expired" for s in listed)


def test_a_quiet_incident_resolves_itself_and_says_so(stack: Stack, receiver: Receiver,
                                                       auth: dict[str, str]) -> None:
    """The rule for Areesha camp resolves after 2 s without a new article (tests/pipeline/rules.yaml)."""
    subscribe(stack, auth, receiver.url("quiet"), facility_ids=["fac:sy-areesha-camp"])
    post(stack, auth, lang="en", text=f"Residents of Areesha camp near Hasakah said water deliveries stopped on "
                                      f"Monday ({uuid.uuid4().hex[:8]}).")
    firing, resolved = receiver.wait_for("quiet", 2, timeout=40)
    assert json.loads(firing["body"])["type"] == "alert.firing"
    body = json.loads(resolved["body"])
    assert body["type"] == "alert.resolved" and body["data"]["incident"]["state"] == "resolved"
    row = httpx.get(f"{stack.services['alert'].url}/v1/alerts/{body['data']['incident']['id']}", headers=auth).json()
    assert row["status"] == "resolved" and [n["kind"] for n in row["notices"]] == ["firing", "resolved"]


def test_rules_are_readable(stack: Stack, auth: dict[str, str]) -> None:
    rules = httpx.get(f"{stack.services['alert'].url}/v1/rules", headers=auth).json()
    assert [r["name"] for r in rules["rules"]] == ["ghwayran-attack", "areesha-quick-resolve", "facility-named"]
    assert rules["rules"][0]["group_interval"] == 3.0 and rules["rules"][0]["severity"] == "critical"
    assert httpx.get(f"{stack.services['alert'].url}/v1/rules").status_code == 401


def test_tail_prints_incidents_with_arabic_readable(stack: Stack, auth: dict[str, str]) -> None:
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    tag = uuid.uuid4().hex[:8]
    post(stack, auth, lang="ar", text=f"نقلت قوات الأمن عشرات العائلات من مخيم روج إلى مخيم آخر ({tag}).")
    cmd = [sys.executable, "-m", "services.alert", "tail", "--url", stack.services["alert"].url, "--key",
           auth["Authorization"].removeprefix("Bearer "), "--since", since, "--facility", "fac:sy-roj-camp",
           "--severity", "info", "--max-events", "1"]
    done = subprocess.run([*cmd, "--rtl", "none"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    head, evidence = done.stdout.splitlines()[:2]
    assert "OPENED" in head and "Roj camp · مخيم روج (SY)" in head and "[facility-named]" in head
    assert evidence.startswith("    ↳ [ar]") and f"({tag})" in evidence and "مخيم روج" in evidence
    shown = subprocess.run([*cmd, "--rtl", "reorder"], capture_output=True, text=True, timeout=60).stdout
    assert "مخيم روج" not in shown and "Roj camp" in shown  # laid out right-to-left, letters joined
