"""A database busy with another writer for longer than the busy timeout: the person gets a
page that asks them to try again in a moment, with 503 and Retry-After, never a 500."""

from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import Client

from meetmalmo.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser_client():
    # As a browser sees it: the error page, not the exception the test client raises.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_sign_in_while_the_database_is_locked_asks_to_try_again(browser_client, member, lang):
    locked = OperationalError("database is locked")
    with mock.patch.object(SessionStore, "save", side_effect=locked):
        response = browser_client.post(
            f"/{lang}/accounts/login/", {"login": member.email, "password": PASSWORD}
        )
    content = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert content.count("<h1>") == 1
    assert (
        "Portalen är upptagen en kort stund" if lang == "sv" else "The portal is busy for a moment"
    ) in content


def test_other_database_errors_are_still_errors(browser_client, member):
    broken = OperationalError("no such table: django_session")
    with mock.patch.object(SessionStore, "save", side_effect=broken):
        response = browser_client.post(
            "/en/accounts/login/", {"login": member.email, "password": PASSWORD}
        )
    assert response.status_code == 500
