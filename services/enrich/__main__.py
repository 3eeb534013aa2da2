"""`python -m services.enrich` runs the service; `python -m services.enrich annotate` is the offline
annotator (NDJSON on stdin, one JSON line per input on stdout)."""

from __future__ import annotations

import argparse
import sys

from shared.logs import configure_logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.enrich")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the enrich service (default)")
    sub.add_parser("annotate", help="annotate NDJSON {id,text,lang?,published_at?} from stdin")
    args = parser.parse_args(argv)
    if args.command == "annotate":
        from services.enrich.cli import annotate

        return annotate(sys.stdin, sys.stdout)
    from services.enrich.main import SERVICE, create_app
    from services.enrich.settings import EnrichSettings
    from shared.runtime import serve

    settings = EnrichSettings()
    configure_logging(SERVICE, settings.log_level)
    return serve(create_app(settings), settings)


if __name__ == "__main__":
    sys.exit(main())
