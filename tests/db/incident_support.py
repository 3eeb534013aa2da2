"""Building enriched events and incidents for the alert DB tests (no enrich engine needed)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.alert import incident_repository as repo
from services.alert.incidents import evaluate
from services.alert.rules import RuleSet, load_rules
from services.alert.scheduler import run_due
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention
from shared.events import ArticleEnriched, ArticleRef

RULES = load_rules()
FACILITIES = {
    "fac:sy-ghwayran-prison": ("Ghwayran prison", "prison", "سجن غويران"),
    "fac:sy-al-hol-camp": ("al-Hol camp", "camp", "مخيم الهول"),
    "fac:sy-roj-camp": ("Roj camp", "camp", "مخيم روج"),
}


def enriched(article_id: str | None = None, facility_id: str = "fac:sy-ghwayran-prison", *, lang: str = "ar",
             url: str | None = None, event_types: tuple[str, ...] = ("attack",), actors: tuple[str, ...] = (),
             source: str | None = None) -> ArticleEnriched:
    article_id = article_id or f"art_{uuid.uuid4().hex[:12]}"
    name, kind, ar = FACILITIES.get(facility_id, (facility_id, "camp", facility_id))
    surface = ar if lang == "ar" else name
    said, attacked = ("قالت مصادر إن", "تعرض لهجوم") if lang == "ar" else ("Sources said", "was attacked")
    text = f"{said} {surface} {attacked}."
    start = text.index(surface)
    fac = FacilityMention(surface=surface, start=start, end=start + len(surface), id=facility_id, canonical=name,
                          confidence=0.9, country="SY", lat=36.5, lon=40.7, kind=kind)
    ann = Annotation(lang=lang, facilities=[fac], alert=True,
                     actors=[ActorMention(surface=a, start=0, end=1, id=f"act:{a.lower()}", canonical=a,
                                          confidence=0.9) for a in actors],
                     event_types=[EventTypeMention(type=t, surface="x", start=0, end=1, confidence=0.9)
                                  for t in event_types])
    return ArticleEnriched(article=ArticleRef(id=article_id, url=url or f"https://{uuid.uuid4().hex[:8]}.example/{article_id}",
                                              source=source),
                           text=text, annotation=ann, engine_version="test", enriched_at=datetime.now(UTC))


async def ingest(session: AsyncSession, event: ArticleEnriched, now: datetime,
                 rules: RuleSet = RULES) -> list[tuple[uuid.UUID, bool] | None]:
    """What the consumer does with one enriched event (without the spike rule)."""
    await repo.lock_changes(session)
    return [await repo.join(session, d, event.article, now) for d in evaluate(event, rules)]


async def open_and_notify(session: AsyncSession, now: datetime | None = None, **kw: object) -> uuid.UUID:
    """An incident with its first notice written (and its deliveries queued)."""
    now = now or datetime.now(UTC)
    (res,) = await ingest(session, enriched(**kw), now)  # type: ignore[arg-type]
    assert res is not None
    await run_due(session, now)
    return res[0]
