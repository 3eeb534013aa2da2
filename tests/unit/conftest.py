"""The engine path the unit tests run: RAQIB_ENRICH_PURE=1 selects the Python reference path (`make test`
runs the engine's tests once each way), read through the engine's settings like the entry points do."""

from __future__ import annotations

import pytest

from services.enrich import backend
from services.enrich.settings import EngineSettings


def pytest_configure(config: pytest.Config) -> None:
    backend.select(pure=EngineSettings().enrich_pure)


def pytest_report_header(config: pytest.Config) -> str:
    return f"enrichment engine: {backend.describe()}"
