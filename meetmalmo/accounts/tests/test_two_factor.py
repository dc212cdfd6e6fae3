"""Two-factor sign-in: anyone can turn it on from My page; staff must, where it is required."""

import re

import pytest
from allauth.mfa.models import Authenticator

from meetmalmo.accounts.tests.two_factor import (
    confirm_password,
    give_two_factor,
    recovery_codes,
    sign_in,
    totp_code,
    wrong_code,
)

pytestmark = pytest.mark.django_db

ACTIVATE = "/en/accounts/2fa/totp/activate/"
AUTHENTICATE = "/en/accounts/2fa/authenticate/"
DEACTIVATE = "/en/accounts/2fa/totp/deactivate/"


def has_app(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def signed_in_as(client, user) -> bool:
    return f"Signed in as {user.get_short_name()}" in client.get("/en/").content.decode()


def open_activation(client):
    """The activation page, after the password is asked for again."""
    assert confirm_password(client, client.get(ACTIVATE))["Location"] == ACTIVATE
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    return page, page.context["form"].secret


@pytest.fixture
def required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def test_my_page_offers_two_factor_and_says_when_it_is_on(client, member):
    sign_in(client, member)
    page = client.get("/en/my/").content.decode()
    assert "Set up two-factor authentication" in page
    assert 'href="/en/accounts/2fa/"' in page
    give_two_factor(member)
    page = client.get("/en/my/").content.decode()
    assert "Signing in asks for a code from your authenticator app" in page
    assert "Manage two-factor authentication" in page


def test_a_member_activates_an_authenticator_app_and_gets_recovery_codes(client, member):
    sign_in(client, member)
    overview = client.get("/en/accounts/2fa/")
    assert overview.status_code == 200
    assert 'href="/en/accounts/2fa/totp/activate/"' in overview.content.decode()
    page, secret = open_activation(client)
    html = page.content.decode()
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml;base64,[^"]+" alt="QR', html)
    assert secret in html  # for typing into the app by hand
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    assert has_app(member)
    codes = client.get(response["Location"]).content.decode()
    assert all(f"<code>{code}</code>" in codes for code in recovery_codes(member))
    assert len(recovery_codes(member)) == 10


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("WRONG", "Incorrect code."),
        ("", "This field is required."),
        ("1" * 5000, "Incorrect code."),
        ("<script>alert(1)</script>", "Incorrect code."),
    ],
)
def test_a_wrong_code_does_not_activate_it_and_says_so_beside_the_field(
    client, member, typed, message
):
    sign_in(client, member)
    _, secret = open_activation(client)
    typed = wrong_code(secret) if typed == "WRONG" else typed
    response = client.post(ACTIVATE, {"code": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<ul class="errors" id="id_code_error"><li>{message}</li></ul>' in html
    assert 'aria-invalid="true"' in html
    assert "<script>alert" not in html
    assert response.context["form"].secret == secret  # the QR code shown stays the same
    assert not has_app(member)


def test_once_active_signing_in_asks_for_a_code(client, member):
    secret = give_two_factor(member)
    response = sign_in(client, member)
    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE
    assert not signed_in_as(client, member)  # the password alone is not enough
    page = client.get(AUTHENTICATE)
    assert page.status_code == 200
    assert re.search(r"<h1>\s*Two-factor authentication\s*</h1>", page.content.decode())
    refused = client.post(AUTHENTICATE, {"code": wrong_code(secret)})
    assert refused.status_code == 200
    assert "Incorrect code." in refused.content.decode()
    assert not signed_in_as(client, member)
    assert client.post(AUTHENTICATE, {"code": totp_code(secret)}).status_code == 302
    assert signed_in_as(client, member)


def test_a_recovery_code_signs_in_once(client, member):
    give_two_factor(member)
    code = recovery_codes(member)[0]
    sign_in(client, member)
    client.post(AUTHENTICATE, {"code": code})
    assert signed_in_as(client, member)
    client.post("/en/accounts/logout/")
    sign_in(client, member)
    response = client.post(AUTHENTICATE, {"code": code})
    assert "Incorrect code." in response.content.decode()
    assert not signed_in_as(client, member)


def test_a_member_can_switch_it_off(client, member):
    secret = give_two_factor(member)
    sign_in(client, member)
    client.post(AUTHENTICATE, {"code": totp_code(secret)})
    response = confirm_password(client, client.post(DEACTIVATE))
    assert response.status_code == 302
    assert not has_app(member)


def test_a_process_manager_without_it_is_sent_to_set_it_up_and_gets_in_after(
    client, process_manager, required
):
    sign_in(client, process_manager)
    response = client.get("/en/staff/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE
    confirm = client.get(ACTIVATE, follow=True)  # the password is asked for first
    assert "Staff pages and the administration need two-factor authentication" in (
        confirm.content.decode()
    )
    _, secret = open_activation(client)
    client.post(ACTIVATE, {"code": totp_code(secret)})
    codes = client.get("/en/accounts/2fa/recovery-codes/").content.decode()
    assert 'href="/en/staff/"' in codes  # the way back to the work
    assert client.get("/en/staff/").status_code == 200
    assert client.get("/en/staff/efforts/").status_code == 200


def test_without_it_an_administrator_is_sent_from_the_admin_to_set_it_up(
    client, administrator, required
):
    sign_in(client, administrator)
    response = client.get("/en/admin/", follow=True)
    assert (ACTIVATE, 302) in response.redirect_chain
    assert "Staff pages and the administration need two-factor" in response.content.decode()
    _, secret = open_activation(client)
    client.post(ACTIVATE, {"code": totp_code(secret)})
    assert client.get("/en/admin/").status_code == 200
    assert client.get("/en/admin/accounts/user/").status_code == 200


def test_staff_with_it_sign_in_with_a_code_and_work_as_before(client, process_manager, required):
    secret = give_two_factor(process_manager)
    sign_in(client, process_manager, next_url="/en/staff/")
    response = client.post(AUTHENTICATE, {"code": totp_code(secret)})
    assert response["Location"] == "/en/staff/"
    assert client.get("/en/staff/").status_code == 200


def test_only_staff_pages_wait_for_it(client, process_manager, required):
    sign_in(client, process_manager)
    assert client.get("/en/my/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_staff_who_must_use_it_cannot_switch_it_off(client, process_manager, required):
    secret = give_two_factor(process_manager)
    sign_in(client, process_manager)
    client.post(AUTHENTICATE, {"code": totp_code(secret)})
    response = confirm_password(client, client.post(DEACTIVATE))
    assert response.status_code == 200
    assert "You cannot deactivate two-factor authentication." in response.content.decode()
    assert has_app(process_manager)


def test_when_it_is_not_required_staff_work_without_it(client, process_manager, administrator):
    sign_in(client, process_manager)
    assert client.get("/en/staff/").status_code == 200
    client.post("/en/accounts/logout/")
    sign_in(client, administrator)
    assert client.get("/en/admin/").status_code == 200
