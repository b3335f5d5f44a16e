"""Real-browser journeys: Playwright driving Debian's Chromium against a live server started by the test.

Playwright's sync API runs an event loop in the test thread, so Django's guard against ORM calls from async
code must be lifted for these tests (the ORM calls are the test's own, not made from a coroutine)."""

import os
import re
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def _browser_missing_reason():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (Debian package `chromium`)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed"
    return None


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright():
    # Session-wide because the browser and the test database are session fixtures too; the root conftest
    # runs the browser tests last, so no other test runs with the guard lifted.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser(db, live_server):
    # Per test, and only after the database is ready: while Playwright's event loop runs, Django hands out
    # another connection object, which would miss the test database's serialized copy it restores from.
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Browser tests cannot run under CI: {reason}.")
        pytest.skip(f"BROWSER TESTS SKIPPED: {reason}.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()
        # The test's own ORM calls inside this block got connections of the event loop's context; close them
        # here, or PostgreSQL refuses to drop the test database at the end ("accessed by other users").
        from django.db import connections

        connections.close_all()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{name}.png"), full_page=True)

    return take


# Latin words a resident may meet on a Chinese page: file formats and the standard's number.
ALLOWED_LATIN = {"JSON", "JPEG", "PNG", "WebP", "MB", "DB", "T"}


def assert_phone_page_ok(page):
    """A page a resident reads on a phone: nothing makes it scroll sideways, and no English is left in it.
    Says what sticks out, or which words, when it fails."""
    found = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
            return {scroll: document.documentElement.scrollWidth, wide, text: document.body.innerText};
        }"""
    )
    scroll = found["scroll"]
    assert scroll <= PHONE["width"], f"{page.url} scrolls sideways: {scroll}px, {found['wide']}"
    english = {word for word in re.findall(r"[A-Za-z]{2,}", found["text"]) if word not in ALLOWED_LATIN}
    assert not english, f"{page.url} shows English: {sorted(english)}"
