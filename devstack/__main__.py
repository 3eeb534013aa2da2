"""`python -m devstack run`: the development stack (devstack/run.py); `asyncapi`: the event docs;
`republish --since T`: after a restart of the embedded broker, send the outboxes again (devstack/republish.py)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import datetime


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack")
    parser.add_argument("command", choices=["run", "asyncapi", "republish"],
                        help="run: the whole pipeline on embedded defaults; asyncapi: print docs/asyncapi.yaml; "
                             "republish: re-send the outboxes after a broker restart (DATABASE_URL)")
    parser.add_argument("--since", type=datetime.fromisoformat,
                        help="republish: rows published since this time (ISO 8601, with its offset)")
    args = parser.parse_args()
    if args.command == "republish":
        from devstack.republish import republish

        if args.since is None or args.since.tzinfo is None or not os.environ.get("DATABASE_URL"):
            parser.error("republish needs --since with a UTC offset and DATABASE_URL")
        print(asyncio.run(republish(os.environ["DATABASE_URL"], args.since)))
        return 0
    if args.command == "asyncapi":
        from devstack.asyncapi import render

        sys.stdout.write(render())
        return 0
    from devstack.run import main as run

    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
