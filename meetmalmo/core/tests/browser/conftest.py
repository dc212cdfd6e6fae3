"""Browser tests for the public pages and the sign-up journey.

The fixtures (`browser`, `page` with bypass_csp=True, skip-or-fail per --require-browser)
and the helpers (`assert_accessible`, `tab_to`, ...) live in the shared plugin
meetmalmo.browser_testing, loaded by the root conftest; they are not redefined here so that
every app's browser tests share one chromium per session.
"""

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    # Every test in this folder drives chromium, even one that builds its own context,
    # so `-m "not browser"` leaves them all out.
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
