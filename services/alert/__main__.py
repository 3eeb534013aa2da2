"""`python -m services.alert`: run the alert service; `python -m services.alert tail`: follow its incidents."""

from __future__ import annotations

import logging
import sys

from services.alert.main import SERVICE, create_app
from services.alert.rules import RulesError, load_rules
from services.alert.settings import AlertSettings
from shared.logs import configure_logging
from shared.runtime import serve


def main(argv: list[str]) -> int:
    if argv[:1] == ["tail"]:
        from services.alert.tail import main as tail
        return tail(argv[1:])
    settings = AlertSettings()
    configure_logging(SERVICE, settings.log_level)
    try:
        rules = load_rules(settings.alert_rules)
    except RulesError as exc:
        logging.getLogger(SERVICE).critical("bad alert rules file; not starting", extra={"error": str(exc)})
        print(f"alert: bad rules file (RAQIB_ALERT_RULES): {exc}", file=sys.stderr)
        return 2
    return serve(create_app(settings, rules), settings)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
