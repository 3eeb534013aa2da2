"""The built-in console: static files (plain ES modules, vendored libraries, no build step) under /console.

The console is a client of the public API only. It is served by the alert service, so the alert API is
same-origin; it also reads articles from ingest and annotations and facilities from enrich, and manages feeds on
ingest, which answer the console's origin through CORS (`RAQIB_CORS_ORIGINS` on those services). Where they are
is told to the browser by `/console/config.json` (`RAQIB_CONSOLE_INGEST_URL`, `RAQIB_CONSOLE_ENRICH_URL`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from services.alert.settings import AlertSettings

CONSOLE_DIR = Path(__file__).parent / "console"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_security_policy(settings: AlertSettings) -> str:
    """Scripts only from the console itself (the API key sits in sessionStorage: no injected script may read it);
    requests only to this service, ingest and enrich."""
    connect = " ".join(["'self'", *sorted({o for o in (_origin(settings.console_ingest_url),
                                                           _origin(settings.console_enrich_url)) if o})])
    return ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            f"connect-src {connect}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ConsoleFiles(StaticFiles):
    def __init__(self, csp: str) -> None:
        super().__init__(directory=CONSOLE_DIR, html=True)
        self.csp = csp

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["content-security-policy"] = self.csp
        response.headers["x-content-type-options"] = "nosniff"
        response.headers["referrer-policy"] = "no-referrer"
        response.headers["cache-control"] = "no-cache"  # revalidated (ETag): an upgrade is seen at once
        return response


def mount_console(app: FastAPI, settings: AlertSettings) -> None:
    csp = content_security_policy(settings)

    @app.get("/console/config.json", include_in_schema=False)
    async def console_config() -> JSONResponse:
        return JSONResponse({"ingest_url": settings.console_ingest_url.rstrip("/"),
                             "enrich_url": settings.console_enrich_url.rstrip("/")},
                            headers={"cache-control": "no-store", "content-security-policy": csp})

    app.mount("/console", ConsoleFiles(csp), name="console")
