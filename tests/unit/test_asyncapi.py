from __future__ import annotations

from pathlib import Path

from devstack.asyncapi import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "asyncapi.yaml"


def test_committed_asyncapi_matches_the_event_models() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), \
        "docs/asyncapi.yaml is stale: run `.venv/bin/python -m devstack asyncapi > docs/asyncapi.yaml`"
