"""Shared fixtures: the repository's paths and a headless Chromium for the site and JupyterLab tests."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"

# Flags for a headless Chromium on a machine with no network beyond localhost:
# no sandbox (tests run as root in CI), no GPU, and none of the background
# services that would try to reach Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable():
    """The Chromium to drive: $CHROMIUM, else `chromium` on the PATH (Debian's package)."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "No Chromium found. Install Debian's package (`apt-get install chromium`; `make test` does "
            "this when run as root) or set CHROMIUM=/path/to/chromium."
        )
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, driven by Playwright's sync API."""
    from playwright.sync_api import sync_playwright  # from requirements-test.txt

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    """Where the browser tests save what they saw (inside _build/, which git ignores)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def play_animation(page, player):
    """Press Play on one of the book's animation players, see its frame change, press Pause.

    ``player`` is the ``div.animation`` locator; fails if the player shows no first
    frame or the frame does not change within 10 s.
    """
    image = player.locator("img[id^='_anim_img']")
    player.scroll_into_view_if_needed()
    first_src = image.get_attribute("src")
    assert first_src and first_src.startswith("data:image/png;base64,"), "the animation shows no first frame"
    player.locator("button[title='Play']").click()
    page.wait_for_function(
        "([id, src]) => document.getElementById(id).getAttribute('src') !== src",
        arg=[image.get_attribute("id"), first_src], timeout=10_000,
    )
    player.locator("button[title='Pause']").click()
