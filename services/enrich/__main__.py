"""`python -m services.enrich` runs the service; `python -m services.enrich annotate` is the offline
annotator (NDJSON on stdin, one JSON line per input on stdout)."""

from __future__ import annotations

import argparse
import logging
import sys

from services.enrich import backend
from services.enrich.settings import EngineSettings, EnrichSettings
from shared.logs import configure_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.enrich")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the enrich service (default)")
    sub.add_parser("annotate", help="annotate NDJSON {id,text,lang?,published_at?} from stdin")
    args = parser.parse_args(argv)
    if args.command == "annotate":
        from services.enrich.cli import annotate

        backend.select(pure=EngineSettings().enrich_pure)
        return annotate(sys.stdin, sys.stdout)
    from services.enrich.main import SERVICE, create_app
    from shared.runtime import serve

    settings = EnrichSettings()
    backend.select(pure=settings.enrich_pure)  # before the gazetteer is compiled (in the lifespan)
    configure_logging(SERVICE, settings.log_level)
    level = logging.WARNING if backend.NATIVE is None else logging.INFO  # not built: say so where it shows
    logging.getLogger(__name__).log(level, "enrichment engine: %s", backend.describe())
    return serve(create_app(settings), settings)


if __name__ == "__main__":
    sys.exit(main())
