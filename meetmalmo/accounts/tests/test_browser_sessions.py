"""Where a member is signed in, in a real browser: axe-clean on a phone and on a desktop in
both languages, and signing out everywhere else leaves only this browser signed in."""

import pytest
from django.test import Client

from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.two_factor import sign_in
from meetmalmo.browser_testing import assert_accessible

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
HEADINGS = {"sv": "Där du är inloggad", "en": "Where you are signed in"}
BUTTONS = {"sv": "Logga ut överallt annars", "en": "Sign out everywhere else"}


def sign_in_with_the_form(page, user, language):
    """Through the login page, as a person does: that is where a session is recorded."""
    assert page.goto(f"/{language}/accounts/login/").ok
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_signing_out_everywhere_else_from_the_sessions_page(page, member, language, width):
    phone = Client(HTTP_USER_AGENT=PHONE)
    sign_in(phone, member)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in_with_the_form(page, member, language)

    assert page.goto(f"/{language}/accounts/sessions/").ok
    assert page.inner_text("h1") == HEADINGS[language]
    assert page.locator(".session").count() == 2
    assert PHONE in page.inner_text(".sessions")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name=BUTTONS[language]).click()
    assert page.locator(".session").count() == 1
    assert page.locator(".session--current").count() == 1
    assert PHONE not in page.inner_text(".sessions")
    assert page.locator(".messages").count() == 1
    assert_accessible(page)
    assert phone.get(f"/{language}/my/").status_code == 302
    assert page.goto(f"/{language}/my/").ok and "/accounts/login/" not in page.url
