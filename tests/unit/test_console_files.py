"""The console's files as the alert service serves them (no browser here; tests/pipeline/test_console.py drives
one): the shell with a strict CSP, its config, every module import and page reference resolvable inside the
package, nothing loaded from the internet, every vendored file recorded, and the package data that ships them."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from services.alert.console import CONSOLE_DIR, content_security_policy, mount_console
from services.alert.settings import AlertSettings
from shared.http import service_app
from tests.pipeline.console_browser import chromium_or_fail

ROOT = Path(__file__).resolve().parents[2]
OWN = [p for p in CONSOLE_DIR.rglob("*") if p.is_file() and "vendor" not in p.parts]
IMPORT = re.compile(r"""(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]""")


def console_client(**settings: str) -> httpx.AsyncClient:
    app = FastAPI()
    mount_console(app, AlertSettings(**settings))  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://alert")


async def test_the_shell_is_served_with_a_strict_content_security_policy() -> None:
    async with console_client() as client:
        assert (await client.get("/console")).status_code in {301, 302, 307, 308}  # to /console/
        page = await client.get("/console/")
        module = await client.get("/console/js/app.js")
        outline = await client.get("/console/vendor/world-atlas/countries-50m.json")
    assert page.status_code == 200 and "js/app.js" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "http://127.0.0.1:8000" in csp and "http://127.0.0.1:8001" in csp  # ingest and enrich, nothing else
    assert module.status_code == 200 and "javascript" in module.headers["content-type"]
    assert outline.status_code == 200 and outline.json()["type"] == "Topology"


async def test_config_names_ingest_and_enrich_as_configured() -> None:
    async with console_client(console_ingest_url="https://ingest.example.org/",
                              console_enrich_url="https://enrich.example.org") as client:
        config = (await client.get("/console/config.json")).json()
    assert config == {"ingest_url": "https://ingest.example.org", "enrich_url": "https://enrich.example.org"}
    csp = content_security_policy(AlertSettings(console_ingest_url="https://ingest.example.org/x"))
    assert "connect-src 'self' http://127.0.0.1:8001 https://ingest.example.org;" in csp


def test_every_module_import_and_page_reference_resolves_inside_the_package() -> None:
    refs: list[tuple[Path, str]] = []
    for path in CONSOLE_DIR.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        refs += [(path, a or b) for a, b in IMPORT.findall(text)]
    index = (CONSOLE_DIR / "index.html").read_text(encoding="utf-8")
    refs += [(CONSOLE_DIR / "index.html", r) for r in re.findall(r'(?:src|href)="([^"#:]+)"', index)]
    assert len(refs) > 30
    for source, ref in refs:
        if source.suffix == ".js":
            assert ref.startswith("."), f"{source.name}: {ref} is not relative (no bare or remote imports)"
        assert (source.parent / ref).resolve().is_file(), f"{source.name} refers to {ref}, which is not there"


def test_nothing_is_loaded_from_the_internet() -> None:
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|from\s+["']https?:""")
    for path in OWN:
        if path.suffix in {".html", ".css", ".js"}:
            assert not remote.search(path.read_text(encoding="utf-8")), f"{path.name} loads something remote"


def test_every_vendored_file_is_recorded_with_its_licence() -> None:
    record = (CONSOLE_DIR / "VENDORED.md").read_text(encoding="utf-8")
    for folder in (CONSOLE_DIR / "vendor").iterdir():
        assert f"`vendor/{folder.name}/" in record, f"{folder.name} is not in VENDORED.md"
        assert (folder / "LICENSE").is_file(), f"{folder.name} ships no licence"
        for f in folder.rglob("*"):
            if f.is_file() and f.name != "LICENSE":
                assert f.name in record or f.parent.name in record, f"{f.relative_to(CONSOLE_DIR)} is not recorded"


def test_package_data_ships_every_console_file() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    ours = patterns["services.alert"]
    pkg = CONSOLE_DIR.parent
    for f in CONSOLE_DIR.rglob("*"):
        if f.is_file():
            rel = f.relative_to(pkg).as_posix()
            assert any(fnmatch.fnmatch(rel, p) and rel.count("/") == p.count("/") for p in ours), \
                f"{rel} would not be installed by pip"


async def test_cors_answers_the_console_origin_only() -> None:
    router = APIRouter()

    @router.get("/v1/thing")
    async def thing() -> dict[str, bool]:
        return {"ok": True}

    app = service_app(service="test", description="", lifespan=None, router=router, max_body_bytes=1000,
                      cors_origins=["http://127.0.0.1:8002"])
    preflight = {"access-control-request-method": "GET", "access-control-request-headers": "authorization"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://ingest") as client:
        ok = await client.options("/v1/thing", headers={"origin": "http://127.0.0.1:8002", **preflight})
        other = await client.options("/v1/thing", headers={"origin": "http://evil.example", **preflight})
        plain = await client.get("/v1/thing", headers={"origin": "http://127.0.0.1:8002"})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "http://127.0.0.1:8002"
    assert "authorization" in ok.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in ok.headers  # keys travel in a header, never in cookies
    assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
    assert plain.headers["access-control-allow-origin"] == "http://127.0.0.1:8002"
    bare = service_app(service="test", description="", lifespan=None, router=router, max_body_bytes=1000)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(bare), base_url="http://ingest") as client:
        assert "access-control-allow-origin" not in (await client.get(
            "/v1/thing", headers={"origin": "http://127.0.0.1:8002"})).headers


def test_without_chromium_the_browser_tests_fail_under_ci_and_skip_elsewhere(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium, no chromedriver
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium chromium-driver"):
        chromium_or_fail()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        chromium_or_fail()
