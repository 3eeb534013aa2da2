"""`python -m devstack run`: the development stack (see devstack/run.py)."""

from __future__ import annotations

import argparse
import asyncio
import sys


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack")
    parser.add_argument("command", choices=["run"])
    parser.parse_args()
    from devstack.run import main as run

    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
