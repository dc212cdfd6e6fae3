"""A pytest plugin for browser tests: Playwright drives Debian's chromium (Playwright's own
browser download cannot work here) and axe-core checks each page. Any test that uses the
`page` or `browser` fixture is marked `browser`; without chromium it skips, unless
--require-browser (CI) turns that into a failure."""

import shutil
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def _unavailable(request, reason):
    if request.config.getoption("--require-browser"):
        pytest.fail(f"browser tests required but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(request, django_db_setup):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        _unavailable(request, "Debian's chromium is not installed")
    if not AXE.exists():
        _unavailable(request, f"axe-core is not installed at {AXE} (run `make test`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable(request, "playwright is not installed")
    # Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
    # while one runs unless told that this thread is safe (it is: the test waits for the page).
    patch = pytest.MonkeyPatch()
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    patch.undo()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets the test inject axe-core while the portal's strict policy stays on.
    context = browser.new_context(bypass_csp=True, base_url=live_server.url, locale="sv-SE")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def accessibility_problems(page) -> list[str]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the page as it is now, one a line."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # a context may load it on every page
        page.add_script_tag(content=AXE.read_text())
    # Only violations are worked out and sent back: the passes of a long staff page are most of
    # axe's time and of the answer's size, and nothing reads them.
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']})
            .then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target)})))""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(target) for target in v["targets"])
        for v in violations
    ]


def assert_accessible(page) -> None:
    """Fails with every WCAG 2.1 A/AA violation axe-core finds on the page as it is now."""
    problems = accessibility_problems(page)
    assert not problems, f"{page.url}:\n" + "\n".join(problems)


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def type_into(page, selector: str, text: str) -> None:
    """Reach a field with Tab and type into it."""
    tab_to(page, selector)
    page.keyboard.type(text)


def submit_with_enter(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in(page, user) -> None:
    """Give the browser the session of a signed-in user, as after a real login."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.goto("/")
    origin = page.url.split("/", 3)[:3]
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": "/".join(origin)}]
    )
