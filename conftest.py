"""Shared test setup: the browser-test plugin and its --require-browser flag (used by CI)."""

pytest_plugins = ["meetmalmo.browser_testing"]


def pytest_addoption(parser):
    parser.addoption(
        "--require-browser",
        action="store_true",
        help="Fail instead of skipping browser tests when chromium cannot be started.",
    )
