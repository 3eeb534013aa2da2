"""The Alertmanager push against a real Alertmanager on loopback: an incident shows in GET /api/v2/alerts with
its labels and annotations, is re-posted while firing (its end moves on) and ends there once resolved."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import notice_repository as notice_repo
from services.alert.alertmanager import AlertmanagerPusher
from tests.alertmanager import alertmanager, shown
from tests.db.incident_support import open_and_notify

pytestmark = pytest.mark.db


def _sessions(session: AsyncSession) -> Any:
    @asynccontextmanager
    async def opened() -> AsyncIterator[AsyncSession]:
        yield session

    return opened


async def test_incidents_show_in_a_real_alertmanager_and_end_when_resolved(session: AsyncSession,
                                                                           tmp_path: Path) -> None:
    alert_id = await open_and_notify(session, facility_id="fac:sy-ghwayran-prison", lang="ar",
                                     url="https://news.example/ghwayran")
    with alertmanager(tmp_path) as url:
        pusher = AlertmanagerPusher(_sessions(session), url, repost_s=60, public_url="https://raqib.example")
        try:
            await pusher.step()
            (am,) = [x for x in shown(url) if x["labels"].get("facility_id") == "fac:sy-ghwayran-prison"]
            assert am["labels"] == {"alertname": "FacilityNamed", "facility_id": "fac:sy-ghwayran-prison",
                                    "facility": "Ghwayran prison", "kind": "prison", "country": "SY",
                                    "severity": "critical", "rule": "isis-prison-attack", "team": "security",
                                    "detainees": "isis"}
            assert am["annotations"]["evidence"] == "قالت مصادر إن سجن غويران تعرض لهجوم."
            assert am["annotations"]["article_url"] == "https://news.example/ghwayran"
            assert am["status"]["state"] == "active"
            assert am["generatorURL"] == f"https://raqib.example/v1/alerts/{alert_id}"
            first_end = datetime.fromisoformat(am["endsAt"])

            await pusher.step()  # re-posted while firing: the same alert, its end later
            (again,) = [x for x in shown(url) if x["labels"].get("facility_id") == "fac:sy-ghwayran-prison"]
            assert again["fingerprint"] == am["fingerprint"] and datetime.fromisoformat(again["endsAt"]) > first_end

            assert await notice_repo.set_status(session, alert_id, "resolved", datetime.now(UTC), [])
            await pusher.step()
            assert not [x for x in shown(url) if x["labels"].get("facility_id") == "fac:sy-ghwayran-prison"]
        finally:
            await pusher.client.aclose()


async def test_an_alertmanager_that_is_away_is_retried_not_a_crash(session: AsyncSession) -> None:
    await open_and_notify(session, facility_id="fac:sy-roj-camp")
    pusher = AlertmanagerPusher(_sessions(session), "http://127.0.0.1:9", repost_s=60)
    try:
        assert await pusher.step() is False  # logged and counted; the next period tries again
    finally:
        await pusher.client.aclose()
