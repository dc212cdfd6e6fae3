"""The pages for one's own data and the privacy notice: axe-clean in both languages, and a
member downloads their data and deletes their account with the keyboard alone."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from meetmalmo.accounts.models import User
from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.footprint import submit
from meetmalmo.browser_testing import (
    assert_accessible,
    sign_in,
    submit_with_enter,
    tab_to,
    type_into,
)


def heading(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def open_page(page, path: str, h1: str) -> None:
    response = page.goto(path)
    assert response.ok, path
    assert page.inner_text("h1") == h1


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_data_deletion_and_privacy_pages_are_accessible(page, member, language):
    submit(member, "Sommarjobb på hotell")
    sign_in(page, member)
    open_page(page, f"/{language}/my/data/", heading(language, "Download your data"))
    assert_accessible(page)
    open_page(page, f"/{language}/my/delete/", heading(language, "Delete your account"))
    assert_accessible(page)

    page.fill("#id_password", "inte-lösenordet")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.get_attribute("#id_password", "aria-invalid") == "true"
    assert User.objects.filter(pk=member.pk).exists()
    assert_accessible(page)

    open_page(
        page,
        f"/{language}/privacy/",
        heading(language, "How Meet Malmö handles personal data"),
    )
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_staff_see_an_accessible_explanation_instead_of_the_form(page, process_manager, language):
    sign_in(page, process_manager)
    open_page(page, f"/{language}/my/delete/", heading(language, "Delete your account"))
    assert page.locator("#id_password").count() == 0
    assert_accessible(page)


def test_a_member_downloads_their_data_with_the_keyboard(page, member):
    sign_in(page, member)
    open_page(page, "/en/my/", "My page")
    tab_to(page, 'main a[href="/en/my/data/"]')
    submit_with_enter(page)
    assert page.inner_text("h1") == "Download your data"
    tab_to(page, "main form button[type=submit]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("meetmalmo-data-")
    assert download.value.suggested_filename.endswith(".zip")


def test_a_member_deletes_their_account_with_the_keyboard(page, member):
    submit(member, "Sommarjobb på hotell")
    sign_in(page, member)
    open_page(page, "/en/my/", "My page")
    tab_to(page, 'main a[href="/en/my/delete/"]')
    submit_with_enter(page)
    assert page.inner_text("h1") == "Delete your account"

    type_into(page, "#id_password", "not-my-password")
    submit_with_enter(page)
    assert "The password is not right." in page.inner_text("#id_password_error")

    type_into(page, "#id_password", PASSWORD)
    submit_with_enter(page)
    assert page.url.endswith("/en/")
    assert "Your account has been deleted" in page.inner_text("main")
    assert "Sign in" in page.inner_text("header")
    assert not User.objects.filter(pk=member.pk).exists()
