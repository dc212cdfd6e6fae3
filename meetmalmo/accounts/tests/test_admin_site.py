"""Django's admin opens only to staff, who sign in through the portal's rate-limited login."""

from urllib.parse import unquote

import pytest
from allauth.mfa.models import Authenticator

from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.two_factor import give_two_factor, sign_in, totp_code

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_the_portals_login_and_back(client, administrator):
    response = client.get("/en/admin/accounts/user/", follow=True)
    location, status = response.redirect_chain[-1]
    assert (unquote(location), status) == (
        "/en/accounts/login/?next=/en/admin/accounts/user/",
        302,
    )
    assert response.templates[0].name == "account/login.html"
    signed_in = sign_in(client, administrator, next_url="/en/admin/accounts/user/")
    assert signed_in["Location"] == "/en/admin/accounts/user/"
    assert client.get("/en/admin/accounts/user/").status_code == 200


def test_the_admins_own_login_form_is_never_shown(client, administrator):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert unquote(response["Location"]) == "/en/accounts/login/?next=/en/admin/"
    # Posting a password to it signs no one in: only the throttled login does that.
    client.post("/en/admin/login/", {"username": administrator.email, "password": PASSWORD})
    assert client.get("/en/admin/").status_code == 302


def test_a_foreign_next_address_is_replaced_by_the_admin(client, administrator):
    response = client.get("/en/admin/login/?next=https://evil.example/")
    assert unquote(response["Location"]) == "/en/accounts/login/?next=/en/admin/"
    client.force_login(administrator)
    assert client.get("/en/admin/login/?next=//evil.example/")["Location"] == "/en/admin/"


@pytest.mark.parametrize("role", ["member", "process_manager"])
def test_people_who_are_not_staff_are_refused(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/en/admin/", follow=True)
    assert response.status_code == 403
    assert client.get("/en/admin/accounts/user/", follow=True).status_code == 403


def test_an_administrator_gets_in(client, administrator):
    client.force_login(administrator)
    response = client.get("/en/admin/")
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()


def test_failed_logins_on_the_way_to_the_admin_are_throttled(client, administrator):
    for _ in range(5):
        refused = client.post(
            "/en/accounts/login/?next=/en/admin/",
            {"login": administrator.email, "password": "wrong-password"},
        )
        assert refused.status_code == 200
    response = sign_in(client, administrator, next_url="/en/admin/")
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/en/admin/").status_code == 302


def test_an_administrator_with_two_factor_gives_a_code_on_the_way(client, administrator):
    secret = give_two_factor(administrator)
    response = sign_in(client, administrator, next_url="/en/admin/")
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/en/admin/").status_code == 302
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200


def test_an_administrator_removes_the_authenticator_of_someone_who_lost_it(
    client, administrator, member
):
    give_two_factor(member)
    client.force_login(administrator)
    listing = client.get("/en/admin/mfa/authenticator/")
    assert listing.status_code == 200
    assert member.email in listing.content.decode() or member.name in listing.content.decode()
    ids = list(Authenticator.objects.filter(user=member).values_list("pk", flat=True))
    client.post(
        "/en/admin/mfa/authenticator/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert not Authenticator.objects.filter(user=member).exists()


def test_a_password_posted_to_the_admins_login_by_staff_signs_nobody_else_in(
    client, administrator, member
):
    client.force_login(administrator)
    response = client.post(
        "/en/admin/login/?next=/en/admin/", {"username": member.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/admin/"
    assert int(client.session["_auth_user_id"]) == administrator.pk
