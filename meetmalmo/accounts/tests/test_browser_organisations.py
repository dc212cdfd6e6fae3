"""The office's page of organisations to confirm, in a real browser: axe-clean, and the
confirm button works from the keyboard."""

import pytest

from meetmalmo.accounts.models import Organisation
from meetmalmo.browser_testing import assert_accessible, sign_in


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_organisation_is_confirmed_from_the_keyboard(page, process_manager, lang):
    waiting = Organisation.objects.create(
        name="Nya Hamnbolaget AB", sphere="business", org_number="559123-4561"
    )
    sign_in(page, process_manager)
    page.goto(f"/{lang}/staff/organisations/")
    assert page.locator("h1").count() == 1
    assert "559123-4561" in page.inner_text("table")
    assert_accessible(page)
    button = page.get_by_role("button", name="Nya Hamnbolaget AB")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Nya Hamnbolaget AB" in page.inner_text(".messages")
    assert page.locator("table").count() == 0
    assert_accessible(page)
    waiting.refresh_from_db()
    assert waiting.confirmed
