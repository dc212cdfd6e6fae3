"""The staff calendar page in a real browser: a process manager creates the address, copies
it from the page, a calendar client (with no session) reads it, and revoking it stops it.
Axe-clean on a phone and a desktop in both languages, with no sideways scrolling."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

HEADINGS = {"sv": "Ditt kalenderflöde", "en": "Your calendar feed"}
CREATE = {"sv": "Skapa kalenderadressen", "en": "Create the calendar address"}
REVOKE = {"sv": "Återkalla adressen", "en": "Revoke the address"}
SUMMARY = {"sv": "Beslut senast: Kafé och bageri", "en": "Decision due: Kafé och bageri"}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_creating_copying_and_revoking_the_calendar_address(
    page, browser, live_server, process_manager, language, width
):
    process_manager.language = language
    process_manager.save(update_fields=["language"])
    case = InitiativeFactory(
        title="Kafé och bageri", state=State.IN_REVIEW, assigned_to=process_manager
    )
    case.start_clock(timezone.now() - timedelta(days=3))
    case.save()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)

    assert page.goto(f"/{language}/staff/calendar/").ok
    assert page.locator("h1").count() == 1 and page.inner_text("h1") == HEADINGS[language]
    assert fits(page)
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name=CREATE[language]).click()
    field = page.locator("#calendar-address")
    # The address is where the person looks for it: focused, ready to copy.
    assert page.evaluate("document.activeElement.id") == "calendar-address"
    copied = field.input_value()
    assert fits(page)
    assert_accessible(page)

    calendar_client = browser.new_context(base_url=live_server.url)  # no cookies, no session
    path = urlsplit(copied).path
    feed = calendar_client.request.get(path)
    assert feed.status == 200
    assert f"SUMMARY:{SUMMARY[language]}" in feed.text()

    with page.expect_navigation():
        page.get_by_role("button", name=REVOKE[language]).click()
    assert page.locator(".messages").count() == 1
    assert page.locator("#calendar-address").count() == 0
    assert fits(page)
    assert_accessible(page)
    assert calendar_client.request.get(path).status == 404
    calendar_client.close()
