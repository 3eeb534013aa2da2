"""`python -m services.ingest`: run the ingest service; `python -m services.ingest load PATH`: back-fill from
files (services/ingest/loader.py)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from services.ingest.main import SERVICE, create_app
from services.ingest.settings import IngestSettings
from shared.db import make_engine, make_sessionmaker
from shared.logs import configure_logging
from shared.runtime import serve


async def _load(settings: IngestSettings, args: argparse.Namespace) -> dict[str, object]:
    from services.ingest.loader import load

    engine = make_engine(settings.database_url)
    try:
        return await load(make_sessionmaker(engine), args.path, args.state, args.restart, not args.quiet,
                          settings.near_duplicate_threshold)
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.ingest")
    commands = parser.add_subparsers(dest="command")
    load = commands.add_parser("load", help="load an NDJSON file or a folder of .txt/.html/.eml files")
    load.add_argument("path", type=Path)
    load.add_argument("--state", type=Path, default=None, help="checkpoint file (default: PATH.load-state.json)")
    load.add_argument("--restart", action="store_true", help="ignore the checkpoint and start from the first item")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    settings = IngestSettings()
    configure_logging(SERVICE, settings.log_level)
    if args.command == "load":
        if not args.path.exists():
            parser.error(f"{args.path} does not exist")
        summary = asyncio.run(_load(settings, args))
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    return serve(create_app(settings), settings)


if __name__ == "__main__":
    sys.exit(main())
