"""`python -m devstack run`: the development stack (devstack/run.py); `asyncapi`: the event docs."""

from __future__ import annotations

import argparse
import asyncio
import sys


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack")
    parser.add_argument("command", choices=["run", "asyncapi"],
                        help="run: the whole pipeline on embedded defaults; asyncapi: print docs/asyncapi.yaml")
    args = parser.parse_args()
    if args.command == "asyncapi":
        from devstack.asyncapi import render

        sys.stdout.write(render())
        return 0
    from devstack.run import main as run

    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
