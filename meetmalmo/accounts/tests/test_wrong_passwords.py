"""Wrong passwords pause signing in to one account from one place only: whoever types someone's
address with wrong passwords cannot keep its owner out, the owner is told by e-mail once, and a
new password lets them in again at once, even from that place."""

import re

import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import PASSWORD, ProcessManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER, OWNER = "203.0.113.9", "198.51.100.20"


def login(client, email, password, ip, lang="en"):
    return client.post(
        f"/{lang}/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def wrong_passwords(client, email, times=5, ip=ATTACKER):
    for attempt in range(times):
        login(client, email, f"wrong-password-{attempt}", ip)


@pytest.mark.parametrize("role", ["member", "process_manager"])
def test_wrong_passwords_from_one_place_do_not_keep_the_owner_out(client, role):
    person = UserFactory() if role == "member" else ProcessManagerFactory()
    wrong_passwords(client, person.email)
    refused = login(client, person.email, PASSWORD, ATTACKER)
    assert "Too many failed login attempts" in refused.content.decode()
    assert not signed_in(client)
    client.cookies.clear()
    response = login(client, person.email, PASSWORD, OWNER)
    assert response.status_code == 302
    assert signed_in(client)


def test_the_owner_is_told_once_with_the_way_back_in(client, settings):
    settings.SITE_URL = "https://meetmalmo.example"
    person = UserFactory(language="sv")
    wrong_passwords(client, person.email, times=9)
    notices = [message for message in mail.outbox if message.to == [person.email]]
    assert len(notices) == 1
    (notice,) = notices
    assert "Fel lösenord" in notice.subject
    assert ATTACKER in notice.body
    assert "https://meetmalmo.example/sv/accounts/password/reset/" in notice.body


def test_an_address_without_an_account_is_answered_alike_and_nobody_is_mailed(client):
    wrong_passwords(client, "nobody@example.se", times=6)
    assert mail.outbox == []


def test_a_new_password_lets_the_owner_in_again_from_the_same_place(client):
    person = UserFactory()
    wrong_passwords(client, person.email)
    assert "Too many" in login(client, person.email, PASSWORD, ATTACKER).content.decode()
    mail.outbox.clear()
    client.post("/en/accounts/password/reset/", {"email": person.email}, REMOTE_ADDR=ATTACKER)
    link = re.search(r"http://[^/]+(/en/accounts/password/reset/key/\S+)", mail.outbox[0].body)[1]
    form = client.get(link, REMOTE_ADDR=ATTACKER, follow=True)
    new = "ett-helt-nytt-losenord-2026"
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": new, "password2": new},
        REMOTE_ADDR=ATTACKER,
    )
    assert done.status_code == 302
    client.cookies.clear()
    assert login(client, person.email, new, ATTACKER).status_code == 302
    assert signed_in(client)
