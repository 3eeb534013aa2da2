"""Wiring only: a batch of enriched articles in -> evaluate() each -> the incidents they open or join (with
their change events in the outbox), one transaction per batch. The notices that became due in that batch (an
incident opened under group_wait 0: its first notice) are written in the same transaction, with their
deliveries, and the delivery worker is woken in-process after the commit: no scheduler hop. The scheduler keeps
what falls due later (group_wait > 0, updates, reminders, resolves)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.alert import incident_repository as repo
from services.alert import metrics
from services.alert import scheduler as notice_scheduler
from services.alert.delivery import DeliveryWorker
from services.alert.incident_batch import play_batch
from services.alert.incidents import evaluate
from services.alert.rules import RuleSet
from shared.db import BulkInsert, unit_of_work
from shared.events import ArticleEnriched
from shared.outbox import OutboxRelay


class AlertHandler:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], wake: list[asyncio.Event], rules: RuleSet,
                 clock: Callable[[], datetime] = repo.utcnow, on_notice: Callable[[], None] | None = None,
                 worker: DeliveryWorker | None = None, relay: OutboxRelay | None = None,
                 on_handed: Callable[[], None] | None = None) -> None:
        """`wake`: set after a commit that changed incidents (the outbox relay); `on_notice`: called after a commit
        that wrote notices (the delivery worker, the Alertmanager push); `worker`: the in-process delivery worker,
        to which the batch's new deliveries are written leased, up to its free slots and as many again, and handed
        after the commit (delivery_lease.py); `relay`: the in-process outbox relay, to which the batch's AlertChanged
        records are written leased, up to what it can take, and handed after the commit: no claim (shared/outbox.py).
        `on_handed`: called instead of `on_notice` when every delivery the batch wrote was handed to the worker
        (on_notice but the worker's claim, which would find none of them)."""
        self.sessions, self.wake, self.rules, self.clock, self.on_notice = sessions, wake, rules, clock, on_notice
        self.worker, self.relay, self.on_handed = worker, relay, on_handed

    async def __call__(self, events: list[ArticleEnriched]) -> None:
        # an enriched event from any producer may carry NUL or lone surrogates, which PostgreSQL cannot store:
        # the repository cleans what it stores
        decided = [(event, decisions) for event in events if (decisions := evaluate(event, self.rules))]
        results: list[tuple[str, bool]] = []
        notices = 0
        lease = None
        outbox_lease = self.relay.lease() if self.relay is not None and decided else None
        if decided:
            now = self.clock()
            async with unit_of_work(self.sessions) as session:
                play, results = await play_batch(
                    session, [(decisions, event.article) for event, decisions in decided], self.rules, now)
                if play is not None:
                    wants = await notice_scheduler.play_due(session, play, now)
                    inserts = BulkInsert()  # the batch's new rows and its notices: one statement
                    await play.write(session, inserts, outbox_lease)
                    if wants:
                        lease = self.worker.lease() if self.worker is not None else None
                        await notice_scheduler.write_notices(session, wants, now, play.articles_of_new(), inserts,
                                                             lease)
                        notices = len(wants)
                    await inserts.flush(session)
        joined, opened = Counter(kind for kind, _ in results), Counter(kind for kind, new in results if new)
        for kind, n in joined.items():  # after commit; one labelled child per kind and batch, not per article
            metrics.ARTICLES_JOINED.labels(kind).inc(n)
        for kind, n in opened.items():
            metrics.ALERTS.labels(kind).inc(n)
        metrics.ARTICLES.inc(len(events))
        if results:
            if self.relay is not None:
                self.relay.take(outbox_lease)  # committed: send them now (take(None): claim what was written)
            for e in self.wake:
                e.set()
        if lease is not None and self.worker is not None:
            self.worker.take(lease.leased, lease.held_back)  # committed: attempt them now
        # every delivery handed over, or held back only for its subscription's room (its slots or tokens: the worker
        # claims those as one of its slots frees): no claim now. Under `make run` its console subscription (50/s)
        # behind a burst had every alert batch wake a claim that found it busy (the load test at 200 articles/s:
        # postgres and alert CPU per article ~1.5 times the pipeline bench's)
        if notices and lease is not None and not lease.claim_needed and self.on_handed is not None:
            self.on_handed()
        elif notices and self.on_notice is not None:
            self.on_notice()
