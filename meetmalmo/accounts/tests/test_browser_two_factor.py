"""Two-factor pages in a real browser: in the portal's layout, axe-clean in both languages, and
the QR code drawn under the strict content security policy."""

import pytest

from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.two_factor import totp_code, wrong_code
from meetmalmo.browser_testing import assert_accessible


def submit(page, selector="form.form button[type=submit]"):
    with page.expect_navigation():  # a click does not wait for the POST's answer
        page.click(selector)


def sign_in_with_password(page, user, language):
    assert page.goto(f"/{language}/accounts/login/").ok
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    submit(page)


def assert_page(page, path_end):
    assert page.url.split("?")[0].endswith(path_end), page.url
    assert page.locator("h1").count() == 1
    assert page.locator("main .wrap h1").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_setting_up_and_using_two_factor_is_accessible(page, member, language):
    sign_in_with_password(page, member, language)
    assert page.goto(f"/{language}/my/").ok
    page.click("a[href$='/accounts/2fa/']")
    assert_page(page, "/accounts/2fa/")

    page.click("a[href$='/2fa/totp/activate/']")
    assert_page(page, "/accounts/reauthenticate/")  # the password again, first
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert_page(page, "/2fa/totp/activate/")
    secret = page.inner_text("#authenticator_secret").strip()

    page.fill("#id_code", wrong_code(secret))
    submit(page)
    assert page.get_attribute("#id_code", "aria-invalid") == "true"
    assert page.inner_text("#id_code_error")
    assert_page(page, "/2fa/totp/activate/")

    page.fill("#id_code", totp_code(secret))
    submit(page)
    assert_page(page, "/2fa/recovery-codes/")
    assert page.locator(".recovery-codes li").count() == 10
    assert page.goto(f"/{language}/accounts/2fa/").ok
    assert_page(page, "/accounts/2fa/")

    submit(page, ".account-nav button[type=submit]")  # sign out
    sign_in_with_password(page, member, language)
    assert_page(page, "/2fa/authenticate/")
    page.fill("#id_code", totp_code(secret))
    submit(page, "form.form button.button--primary[type=submit]")
    assert page.locator(".signed-in").count() == 1


def test_the_qr_code_shows_under_the_content_security_policy(browser, live_server, member):
    # Unlike the `page` fixture, this browser keeps the portal's policy in force.
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    try:
        sign_in_with_password(page, member, "en")
        assert page.goto("/en/accounts/2fa/totp/activate/").ok
        page.fill("#id_password", PASSWORD)
        submit(page)
        assert page.url.endswith("/en/accounts/2fa/totp/activate/")
        assert page.evaluate("document.querySelector('img.qr-code').naturalWidth") > 0
        assert not [text for text in refused if "Content Security Policy" in text]
    finally:
        context.close()
