"""External tools the deploy tests drive (Debian packages `prometheus`, `prometheus-alertmanager`, installed by
.ci/run). A missing tool skips a test on a developer's machine and fails it under CI=true: CI must never pass
by not running the check."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEBIAN_PACKAGE = {"promtool": "prometheus", "prometheus": "prometheus", "amtool": "prometheus-alertmanager",
                  "prometheus-alertmanager": "prometheus-alertmanager", "cc": "gcc"}


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        why = f"{name} is not installed (apt-get install {DEBIAN_PACKAGE.get(name, name)})"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{why}: under CI every deploy check must run")
        pytest.skip(why)
    return path


def run(*args: str | Path, cwd: Path = ROOT, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a tool; fail the test with its output if it exits non-zero."""
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc
