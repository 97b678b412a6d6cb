"""Real Chromium against a real server on loopback, with axe-core checking every page visited.

Recipe from shared/BROWSER-TESTS.md: Debian's Chromium driven by Playwright, everything that is
not 127.0.0.1 blocked (the NHS CSS asks for fonts from a host we cannot reach).
"""

import functools
import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from roledesign.config import PROJECT_ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(os.environ.get("AXE_CORE_JS", PROJECT_ROOT / ".ci/node_modules/axe-core/axe.min.js"))
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATIC = PROJECT_ROOT / "static"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def follow_sign_up_link(outbox, live_server):
    """After "Create account": the page that says to check the email, then the e-mailed link
    and its button, which confirms the address and signs in."""

    def follow(page, email: str, accessible=None):
        page.get_by_role("heading", name="Check your email").wait_for()
        if accessible:
            accessible(page, "Check your email")
        page.goto(live_server + outbox.link(email))
        if accessible:
            accessible(page, "Finish creating your account")
        page.get_by_role("button", name="Confirm and continue").click()

    return follow


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: run the README test command"
    home = tmp_path_factory.mktemp("chromium-home")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROME_ARGS,
            env={**os.environ, "XDG_CONFIG_HOME": str(home), "XDG_CACHE_HOME": str(home)},
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    serve_static_files(context)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Our Content-Security-Policy must never block our own scripts or styles. (It does block
    # the NHS web fonts hosted elsewhere; pages fall back to Arial, as nhsuk-frontend intends.)
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if "Content Security Policy" in msg.text and "assets.nhs.uk" not in msg.text
            else None
        ),
    )
    yield page
    context.close()
    assert errors == [], f"JavaScript or CSP errors: {errors}"


def axe_violations(page, extra_rules=()) -> list[dict]:
    """Run axe-core on the current page for WCAG 2.0–2.2 A and AA, and any other axe rules named
    in extra_rules; return the violations."""
    assert AXE_JS.exists(), f"axe-core not found at {AXE_JS}: run the README test command"
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern; a <script> tag would (rightly) be refused by it.
    page.evaluate(_axe_source())
    # Only the violations come back in full: the passes on a long page are large to carry over.
    result = page.evaluate(
        """async ([tags, rules]) => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                rules: Object.fromEntries(rules.map((id) => [id, {enabled: true}])),
                resultTypes: ['violations'],
            });
            return {
                passes: result.passes.length,
                violations: result.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map((n) => n.target),
                })),
            };
        }""",
        [WCAG_TAGS, list(extra_rules)],
    )
    assert result["passes"], "axe ran no checks"
    return result["violations"]


def serve_static_files(browser) -> None:
    """Answer a page's or a browser context's requests for styles, scripts and images from the
    files themselves.

    Pages come and go quickly: the test server's answers to requests the browser then drops
    would leave those files open (werkzeug's server skips closing them), and the warning that
    follows fails whichever test is running when it is collected."""
    browser.route(re.compile(r"^http://127\.0\.0\.1:\d+/(static|assets)/"), _serve_file)


def _serve_file(route) -> None:
    folder, _, name = route.request.url.split("?")[0].split("/", 3)[3].partition("/")
    root = STATIC if folder == "static" else STATIC / "nhsuk-frontend" / "assets"
    file = (root / name).resolve()
    if file.is_relative_to(root) and file.is_file():
        route.fulfill(path=file)
    else:
        route.continue_()


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def accessible():
    """Call on each page a journey reaches, naming its main heading: waits until that page is
    showing, then fails with axe's findings if there are any."""
    from playwright.sync_api import expect

    visited = []

    def check(page, heading: str):
        expect(page.locator("h1")).to_contain_text(heading)
        page.wait_for_load_state("load")
        violations = axe_violations(page)
        visited.append(page.url)
        assert violations == [], f"{page.url}: {violations}"

    check.visited = visited
    return check
