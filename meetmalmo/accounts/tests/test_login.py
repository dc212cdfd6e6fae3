import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password, lang="en"):
    return client.post(f"/{lang}/accounts/login/", {"login": email, "password": password})


def test_a_verified_member_signs_in_and_out(client, member):
    response = login(client, member.email, PASSWORD)
    assert response.status_code == 302
    assert f"Signed in as {member.get_short_name()}" in client.get("/en/").content.decode()
    client.post("/en/accounts/logout/")
    assert "Sign in" in client.get("/en/").content.decode()


def test_a_wrong_password_gets_a_clear_message_in_the_page_language(client, member):
    response = login(client, member.email, "wrong-password", lang="sv")
    assert response.status_code == 200
    assert "inte korrekt" in response.content.decode() or "felaktig" in response.content.decode()
    assert f'value="{member.email}"' in response.content.decode()


def test_an_unverified_address_cannot_sign_in_until_verified(client):
    user = UserFactory()
    user.emailaddress_set.update(verified=False)
    response = login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "Signed in as" not in client.get("/en/").content.decode()


def test_too_many_failed_logins_are_slowed_down(client, member):
    for _ in range(5):
        login(client, member.email, "wrong-password")
    response = login(client, member.email, PASSWORD)
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert "Signed in as" not in client.get("/en/").content.decode()


def test_password_reset_sends_a_link(client, member):
    from django.core import mail

    response = client.post("/en/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert mail.outbox[0].to == [member.email]
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_a_password_reset_for_an_unknown_address_answers_alike_and_mails_nobody(client, db):
    UserFactory(email="known@example.se")
    known = client.post("/en/accounts/password/reset/", {"email": "known@example.se"})
    assert len(mail.outbox) == 1
    unknown = client.post("/en/accounts/password/reset/", {"email": "stranger@example.se"})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mail.outbox) == 1  # nothing to the stranger
