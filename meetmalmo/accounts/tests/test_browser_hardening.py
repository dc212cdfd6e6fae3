"""In a real browser: sign-up with an address that has an account looks like any sign-up and
tells the owner; wrong passwords typed for someone else's account do not keep its owner out
and tell the owner; a process manager without two-factor, where it is required, opening a
working group is sent to set it up."""

import re

import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import PASSWORD, ProcessManagerFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, submit_with_enter, type_into
from meetmalmo.groups.tests.factories import forming_group


@pytest.mark.parametrize("language", ["sv", "en"])
def test_signing_up_with_a_taken_address_looks_like_any_sign_up(page, language):
    owner = UserFactory(email="taken@example.se", language=language)
    page.goto(f"/{language}/accounts/signup/")
    type_into(page, "#id_name", "Någon Annan")
    type_into(page, "#id_email", "taken@example.se")
    type_into(page, "#id_password1", "hamnen-och-lastbilarna-2026")
    page.select_option("#id_organisation", str(owner.organisation.pk))
    submit_with_enter(page)
    page.wait_for_url(re.compile(rf"/{language}/accounts/confirm-email/$"))
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    (message,) = mail.outbox
    assert message.to == ["taken@example.se"]
    assert f"/{language}/accounts/password/reset/" in message.body


def test_wrong_passwords_typed_for_an_account_tell_its_owner(page):
    owner = UserFactory(language="en")
    page.goto("/en/accounts/login/")
    for attempt in range(6):
        page.fill("#id_login", owner.email)  # the page keeps the address typed before
        page.fill("#id_password", f"wrong-password-{attempt}")
        page.focus("#id_password")
        submit_with_enter(page)
    assert "Too many failed login attempts" in page.inner_text("main")
    assert_accessible(page)
    notices = [message for message in mail.outbox if message.to == [owner.email]]
    assert len(notices) == 1
    assert "/en/accounts/password/reset/" in notices[0].body


def test_a_process_manager_without_two_factor_is_sent_to_set_it_up_from_a_group(page, settings):
    manager = ProcessManagerFactory()
    group = forming_group(ProcessManagerFactory(), submitter=UserFactory())
    settings.MFA_REQUIRED_FOR_STAFF = True
    page.goto("/en/accounts/login/")
    type_into(page, "#id_login", manager.email)
    type_into(page, "#id_password", PASSWORD)
    submit_with_enter(page)
    page.wait_for_load_state()
    page.goto(f"/en/groups/{group.pk}/")
    assert "/accounts/2fa/totp/activate/" in page.url or "/accounts/reauthenticate/" in page.url
    assert "need two-factor authentication" in page.inner_text("main")
    assert group.initiative.submitter.email not in page.content()
    assert_accessible(page)
