"""`python -m services.alert`: run the alert service."""

from __future__ import annotations

import sys

from services.alert.main import SERVICE, create_app
from services.alert.settings import AlertSettings
from shared.logs import configure_logging
from shared.runtime import serve


def main() -> int:
    settings = AlertSettings()
    configure_logging(SERVICE, settings.log_level)
    return serve(create_app(settings), settings)


if __name__ == "__main__":
    sys.exit(main())
