"""Deliveries leased by the transaction that creates them: the alert consumer writes a due notice's deliveries
already leased to the in-process delivery worker (attempts 1 and a lease, as a claim would leave them) and hands
them over after its commit, with what an attempt needs: no claim query, no read-back of the notice.

At-least-once as with a claim: a crash after the commit leaves them leased; when the lease ends the claim of any
worker takes them (attempts 2, the same webhook-id). A transaction that rolls back hands nothing over. The worker
bounds the offer by its free slots and as many again (delivery.READY_SLOTS), so what it is handed starts at once or
waits in process for a slot (its own or its subscription's), well within the lease; and each subscription to its own
share of that (its slots and as many again, within its rate's tokens): one that cannot take them as fast (its rate
limit, a slow receiver) does not fill the worker's queue and leave every other subscription's deliveries to the
claim. A subscription that is disabled, whose breaker is open or that is probing after failures gets unleased rows,
for the claim and its rules.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from services.alert.delivery_repository import DueDelivery


class Lease:
    def __init__(self, capacity: int, lease_s: int, breaker_failures: int, room: dict[Any, int] | None = None,
                 default_room: int | None = None) -> None:
        """`room`: how many more of each subscription the worker takes (its share, less what it holds of it, within
        its rate's tokens); a subscription not in it: `default_room` (None: no bound but `capacity`)."""
        self.capacity, self.lease_s, self.breaker_failures = capacity, lease_s, breaker_failures
        self.room, self.default_room = dict(room or {}), default_room
        self.leased: list[DueDelivery] = []
        self.unleased = 0  # deliveries offered and not leased: left to the worker's claim
        # of those, the ones held back only because their subscription had no room left (its share in the worker,
        # its tokens): a claim now would find it busy; the worker claims them as one of its slots frees
        self.held_back: set[Any] = set()  # their subscriptions
        self.held_back_count = 0

    @property
    def claim_needed(self) -> bool:
        """Deliveries were left that a claim now could take (not only held back for their subscription's room)."""
        return self.unleased > self.held_back_count

    def offer(self, row: dict[str, Any], sub: Any, notice: dict[str, Any]) -> bool:
        """Lease the delivery `row` (about to be inserted: the lease columns are set on it; unleased ones get them
        too, empty, so that a table's rows name the same columns) if the worker can take it -> leased?"""
        now = datetime.now(UTC)  # the lease is compared with the database's clock, not the consumer's (a test's)
        sub_id = row["subscription_id"]
        room = self.room.get(sub_id, self.default_room)
        ok = (len(self.leased) < self.capacity and sub["enabled"] and (room is None or room > 0)
              and sub["consecutive_failures"] < self.breaker_failures
              and (sub["circuit_open_until"] is None or sub["circuit_open_until"] <= now))
        row["attempts"], row["lease_until"] = (1, now + timedelta(seconds=self.lease_s)) if ok else (0, None)
        if ok:
            if room is not None:
                self.room[sub_id] = room - 1
            previous = sub["previous_secret"]
            expires = sub["previous_secret_expires_at"]
            secrets = [sub["secret"]] + ([previous] if previous and expires is not None and expires > now else [])
            self.leased.append(DueDelivery(row["id"], 1, row["subscription_id"], sub["url"], secrets, sub["format"],
                                           sub["routing_key"], sub["rate_limit_per_s"], False, None, notice,
                                           fresh=True))
        else:
            self.unleased += 1
            if len(self.leased) < self.capacity and room is not None and room <= 0:
                self.held_back.add(sub_id)
                self.held_back_count += 1
        return ok
