"""Headless Chromium through Selenium, with the Debian chromium and chromedriver."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1300,1000",
]


def available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


@contextmanager
def chromium():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console
    with tempfile.TemporaryDirectory() as profile:
        for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=shutil.which("chromedriver"))
        )
        try:
            yield driver
        finally:
            driver.quit()


def load(driver, url: str, timeout: float = 30) -> None:
    """Open ``url`` and wait until the page and its scripts have run."""
    import time

    driver.get(url)
    deadline = time.time() + timeout
    while driver.execute_script("return document.readyState") != "complete":
        assert time.time() < deadline, f"{url} did not finish loading"
        time.sleep(0.2)


def console_errors(driver) -> list[str]:
    return [m["message"] for m in driver.get_log("browser") if m["level"] == "SEVERE"]
