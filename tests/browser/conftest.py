"""Browser tests: a live server with demo content, driven by Playwright in Debian's Chromium.

Chromium is installed by `make test` when missing and possible. Without it these
tests are skipped with the reason, except under CI=true where they fail.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from participation import create_app
from participation.config import load_config
from participation.extensions import db
from tests.conftest import TEST_CONFIG

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
AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() == "true"

# Every test in this folder is marked `browser` by tests/conftest.py (a pytestmark here would
# mark nothing: pytest reads it from test modules only).


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason}; browser tests are required under CI=true")
    pytest.skip(reason)


# A test-only page that fails, so that the 500 page can be checked (see showing_error_pages).
SERVER_ERROR_ENDPOINT = "test_only_server_error"
SERVER_ERROR_PATH = "/<lang>/test-only/server-error"


def _server_error():
    raise RuntimeError("test-only page: the 500 page is shown instead")


def _closing(app):
    """Read each response whole and close it before the server writes it.

    Werkzeug's server does not close a response when the browser drops the connection
    (a context closed while a favicon was on its way), and the open static file then
    fails the test that happens to be running as an unraisable ResourceWarning.
    """

    def wsgi(environ, start_response):
        iterable = app(environ, start_response)
        try:
            return [b"".join(iterable)]
        finally:
            if hasattr(iterable, "close"):
                iterable.close()

    return wsgi


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, _closing(app), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        # Links in mail and QR codes are built on PUBLIC_URL: the address this server answers on.
        app.config["PUBLIC_URL"] = self.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)

    def latest_mail_link(self, recipient: str, fragment: str) -> str:
        from participation.core.mail import OutboxMessage
        from tests.support import link_in

        with self.app.app_context():
            message = db.session.scalars(
                sa.select(OutboxMessage).where(OutboxMessage.recipient == recipient).order_by(OutboxMessage.id.desc())
            ).first()
            assert message is not None, f"no mail to {recipient}"
            return self.url + link_in(message, fragment)

    @contextmanager
    def showing_error_pages(self):
        """Unexpected errors get the site's 500 page, as in production (tests re-raise them)."""
        self.app.testing = False
        try:
            yield
        finally:
            self.app.testing = True


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("live") / "live.db"
    app = create_app(
        {
            **TEST_CONFIG,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "PUBLIC_URL": "http://127.0.0.1",
            # Arabic too: the accessibility and reflow checks cover a right-to-left page.
            "LANGUAGES": [*load_config("/nonexistent")["LANGUAGES"], "ar"],
        }
    )
    with app.app_context():
        db.create_all()
        from participation.demo.seed import seed_demo

        seed_demo()
    app.add_url_rule(SERVER_ERROR_PATH, SERVER_ERROR_ENDPOINT, _server_error)
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def playwright_instance():
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    # Assertions wait for the page as long as actions do: a page still loading after a click
    # under a busy CI machine is not a failure (a bare `locator.count()` would not wait at all).
    expect.set_options(timeout=15000)
    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.exists():
        _unavailable(f"axe-core not found at {AXE_PATH} (run `make setup`)")
    return AXE_PATH.read_text()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source: str, tags: list[str] = AXE_TAGS) -> list[dict]:
    """Run axe-core on the page; return violations as short dicts.

    axe is injected unless the page has it already (a context can add it to every page
    with `context.add_init_script(axe_source)`). Only violations are collected in detail.

    A click on a link returns once the next document is committed, not loaded: axe then
    ran on a document still being parsed, or one replaced under it ("documentElement of
    null", "Execution context was destroyed"). So the check waits for the page to load
    first, and runs once more if a navigation still replaced the document during the run.
    """
    from playwright.sync_api import Error as PlaywrightError

    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            return _run_axe(page, axe_source, tags)
        except PlaywrightError as error:
            if attempt == 2 or not any(sign in str(error) for sign in NAVIGATION_IN_FLIGHT):
                raise
    raise AssertionError("unreachable")


# What Chromium says when the document is replaced while a script runs in it.
NAVIGATION_IN_FLIGHT = (
    "Execution context was destroyed",
    "reading 'documentElement'",
    "Cannot find context with specified id",
)


def _run_axe(page, axe_source: str, tags: list[str]) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                targets: v.nodes.slice(0, 5).map(n => n.target)}));
        }""",
        tags,
    )
