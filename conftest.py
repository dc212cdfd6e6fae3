"""Shared test setup: the --require-browser flag (CI) and the people every test can use."""


def pytest_addoption(parser):
    parser.addoption(
        "--require-browser",
        action="store_true",
        help="Fail instead of skipping browser tests when chromium cannot be started.",
    )
