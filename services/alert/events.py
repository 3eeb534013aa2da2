"""The event the alert service publishes on `raqib.alerts.v1`: every change of an incident."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import AwareDatetime

from services.alert.notice import NoticeArticle, NoticeIncident, NoticeKind
from shared.events import Event

Change = Literal["opened", "article_joined", "notified", "silenced", "unsilenced", "acknowledged", "resolved"]


class AlertChanged(Event):
    """An incident opened, an article joined it, a notice went out, a silence started or ended covering it, it was
    acknowledged or resolved. The Kafka key is the incident id (one incident's changes stay in order)."""

    ce_type: ClassVar[str] = "org.raqib.alert.changed.v1"
    seq: int  # the change's number, in commit order across replicas: the SSE stream's event id
    change: Change
    alert_id: str
    incident: NoticeIncident  # the incident after the change
    article: NoticeArticle | None = None  # the article that opened or joined it
    notice_kind: NoticeKind | None = None  # for `notified`
    changes: dict[str, object] = {}  # noqa: RUF012 (pydantic copies defaults)
    at: AwareDatetime

    def key(self) -> str:
        return self.alert_id

    def event_id(self) -> str:
        return f"alert:{self.alert_id}:{self.seq}"
