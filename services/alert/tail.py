"""`python -m services.alert tail`: follow `/v1/alerts/stream` and print incidents as they open, fire, update,
are silenced, acknowledged or resolved; reconnects with Last-Event-ID (nothing missed). Arabic is laid out
right-to-left with joined letters for terminals that do not do it themselves (arabic-reshaper, python-bidi), or
left in logical order (--rtl none:
for terminals with bidi support, pipes and files)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from typing import Any, TextIO

import arabic_reshaper
import httpx
from bidi import get_display
from httpx_sse import connect_sse

from services.alert.notice import SEVERITY_RANK

_ARABIC = range(0x0590, 0x08FF + 1)
_VERB = {"opened": "OPENED", "article_joined": "JOINED", "silenced": "SILENCED", "unsilenced": "UNSILENCED",
         "acknowledged": "ACKED", "resolved": "RESOLVED"}


def rtl(text: str, mode: str) -> str:
    """Arabic (or Hebrew) text in display order for a terminal that has no bidi algorithm of its own."""
    if mode == "none" or not any(ord(ch) in _ARABIC for ch in text):
        return text
    return str(get_display(arabic_reshaper.reshape(text)))


def lines(event: dict[str, Any], mode: str = "reorder") -> list[str]:
    """The lines printed for one AlertChanged."""
    i = event["incident"]
    change = event["change"]
    verb = f"NOTICE {event.get('notice_kind') or ''}".strip().upper() if change == "notified" else _VERB.get(
        change, change.upper())
    name = i["facility"] + (f" · {i['facility_ar']}" if i.get("facility_ar") else "")
    where = f" ({i['country']})" if i.get("country") else ""
    langs = ",".join(i.get("languages") or []) or "-"
    silenced = "  [silenced]" if i.get("silenced") else ""
    head = (f"{event['at'][11:19]}  {i['severity'].upper():<8} {verb:<16} {name}{where}  "
            f"{i['article_count']} article(s) · {len(i.get('sources') or [])} outlet(s) · {langs}  "
            f"{', '.join(i.get('event_types') or []) or '-'}  [{i['rule']}]{silenced}")
    out = [rtl(head, mode)]
    a = event.get("article")
    if a:
        src = a.get("source") or a.get("url") or a["article_id"]
        out.append("    ↳ " + rtl(f"[{a.get('lang') or '?'}] {src}: {a['evidence'][:300]}", mode))
    return out


def wanted(event: dict[str, Any], min_severity: str | None, facilities: set[str]) -> bool:
    i = event.get("incident") or {}
    if facilities and i.get("facility_id") not in facilities:
        return False
    return min_severity is None or SEVERITY_RANK.get(i.get("severity", "info"), 0) >= SEVERITY_RANK[min_severity]


def follow(url: str, key: str, *, min_severity: str | None, facilities: set[str], mode: str, out: TextIO,
           since: str | None = None, max_events: int | None = None) -> int:
    """Print changes until interrupted (or `max_events` printed); reconnect after a dropped connection."""
    last_id: str | None = None
    printed = 0
    with httpx.Client(timeout=httpx.Timeout(10.0, read=60.0)) as client:
        while True:
            headers = {"Authorization": f"Bearer {key}"} | ({"Last-Event-ID": last_id} if last_id else {})
            params = {"since": since} if since and last_id is None else {}
            try:
                with connect_sse(client, "GET", f"{url.rstrip('/')}/v1/alerts/stream", headers=headers,
                                 params=params) as source:
                    if source.response.status_code != 200:
                        source.response.read()
                        print(f"tail: {source.response.status_code} {source.response.text[:300]}", file=sys.stderr)
                        return 1
                    for sse in source.iter_sse():
                        if sse.id:
                            last_id = sse.id
                        if not sse.event.startswith("alert."):
                            continue  # e.g. overflow: reconnecting with Last-Event-ID catches up
                        event = sse.json()
                        if wanted(event, min_severity, facilities):
                            for line in lines(event, mode):
                                print(line, file=out, flush=True)
                            printed += 1
                            if max_events is not None and printed >= max_events:
                                return 0
            except (httpx.TransportError, httpx.RemoteProtocolError) as exc:
                print(f"tail: connection lost ({type(exc).__name__}); reconnecting …", file=sys.stderr)
                time.sleep(1.0)


def main(argv: Iterable[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m services.alert tail", description=__doc__)
    p.add_argument("--url", default="http://127.0.0.1:8002", help="the alert service (default %(default)s)")
    p.add_argument("--key", default=os.environ.get("RAQIB_API_KEY") or os.environ.get("RAQIB_BOOTSTRAP_API_KEY"),
                   help="API key with the read scope (default: $RAQIB_API_KEY, else $RAQIB_BOOTSTRAP_API_KEY)")
    p.add_argument("--severity", choices=["info", "warning", "critical"], help="at least this severity")
    p.add_argument("--facility", action="append", default=[], help="a facility id (repeatable)")
    p.add_argument("--since", help="first replay the changes since this time (ISO 8601)")
    p.add_argument("--rtl", choices=["reorder", "none"], default="reorder" if sys.stdout.isatty() else "none",
                   help="lay Arabic out right-to-left (reorder; default on a terminal) or keep logical order "
                        "(none; default in a pipe, and for terminals with bidi support)")
    p.add_argument("--max-events", type=int, help=argparse.SUPPRESS)  # tests: stop after this many
    args = p.parse_args(list(argv))
    if not args.key:
        p.error("an API key is needed: --key or $RAQIB_API_KEY")
    try:
        return follow(args.url, args.key, min_severity=args.severity, facilities=set(args.facility), mode=args.rtl,
                      out=sys.stdout, since=args.since, max_events=args.max_events)
    except KeyboardInterrupt:
        return 0
