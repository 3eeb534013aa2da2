"""`python -m services.ingest`: run the ingest service."""

from __future__ import annotations

import sys

from services.ingest.main import SERVICE, create_app
from services.ingest.settings import IngestSettings
from shared.logs import configure_logging
from shared.runtime import serve


def main() -> int:
    settings = IngestSettings()
    configure_logging(SERVICE, settings.log_level)
    return serve(create_app(settings), settings)


if __name__ == "__main__":
    sys.exit(main())
