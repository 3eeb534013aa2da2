"""A real headless Chromium (Debian `chromium` + `chromium-driver`) driven by Selenium, for the console tests.
Under CI=true a missing browser fails the test; elsewhere it skips with the install line."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "console"
T = TypeVar("T")


def _find(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_or_fail() -> tuple[str, str]:
    browser, driver = _find("chromium", "chromium-browser"), _find("chromedriver")
    if browser and driver:
        return browser, driver
    reason = "headless Chromium is needed: apt-get install chromium chromium-driver (.ci/run does)"
    if os.environ.get("CI", "").lower() in {"true", "1"}:
        pytest.fail(reason)
    pytest.skip(reason)


def start_chromium() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = chromium_or_fail()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US", "--disable-extensions", "--no-first-run", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def wait(what: str, check: Callable[[], T | None], timeout: float = 15.0, driver: Any = None) -> T:
    """Poll `check` until it gives a truthy value; else fail saying what was awaited (and the page's console)."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            got = check()
            if got:
                return got
        except Exception as exc:  # a stale element while the page redraws: look again
            last_error = exc
        time.sleep(0.1)
    logs = ""
    if driver is not None:
        logs = "\n".join(str(e.get("message")) for e in driver.get_log("browser"))
        shot(driver, f"FAILED-{what[:40].replace(' ', '-')}")
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last error: {last_error})\n{logs}")


def shot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def click(driver: Any, selector: str, timeout: float = 15.0) -> None:
    """Click what the selector finds, looking again if the page redrew it in between (the live list does)."""
    def attempt() -> bool:
        driver.find_element("css selector", selector).click()
        return True

    wait(f"to click {selector}", attempt, timeout, driver=driver)
