"""Where a member is signed in: each browser listed on their own page, signing out everywhere
else, and a password change that leaves only the browser it was made in signed in."""

import io
import json
import zipfile

import pytest
from django.test import Client

from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.two_factor import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/en/accounts/sessions/"
PHONE = "Mozilla/5.0 (Android 14; Mobile) Firefox/128.0"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0"


@pytest.fixture
def laptop(member):
    client = Client(HTTP_USER_AGENT=LAPTOP)
    sign_in(client, member)
    return client


@pytest.fixture
def phone(member):
    client = Client(HTTP_USER_AGENT=PHONE)
    sign_in(client, member)
    return client


def test_each_browser_signed_in_is_listed_and_this_one_is_marked(laptop, phone):
    page = laptop.get(PAGE).content.decode()
    assert "Where you are signed in" in page
    assert LAPTOP in page and PHONE in page
    assert page.count("This browser") == 1
    assert page.index("This browser") < page.index(LAPTOP) < page.index(PHONE)
    assert "Sign out everywhere else" in page


def test_the_page_speaks_swedish(laptop, phone):
    page = laptop.get("/sv/accounts/sessions/").content.decode()
    assert "Där du är inloggad" in page and "Den här webbläsaren" in page
    assert "Logga ut överallt annars" in page


def test_nobody_sees_anothers_sessions(laptop, phone, other_member):
    someone = Client(HTTP_USER_AGENT="Opera on another desk")
    sign_in(someone, other_member)
    page = someone.get(PAGE).content.decode()
    assert "Opera on another desk" in page
    assert LAPTOP not in page and PHONE not in page
    assert "You are signed in here only." in page


def test_signing_out_everywhere_else_keeps_this_browser_signed_in(laptop, phone):
    response = laptop.post(PAGE, follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    page = response.content.decode()
    assert "You are signed out everywhere else." in page
    assert LAPTOP in page and PHONE not in page
    assert phone.get("/en/my/").status_code == 302
    assert laptop.get("/en/my/").status_code == 200


def test_after_a_password_change_only_this_browser_is_signed_in(laptop, phone):
    changed = laptop.post(
        "/en/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-passphrase",
            "password2": "a-new-long-passphrase",
        },
    )
    assert changed.status_code == 302
    assert phone.get("/en/my/").status_code == 302
    page = laptop.get(PAGE).content.decode()
    assert LAPTOP in page and PHONE not in page


def test_the_download_of_ones_data_lists_where_one_is_signed_in(laptop, phone, other_member):
    sign_in(Client(HTTP_USER_AGENT="Someone else's browser"), other_member)
    response = laptop.post("/en/my/data/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    sessions = json.loads(archive.read("data.json"))["sessions"]
    assert [s["browser"] for s in sessions] == [LAPTOP, PHONE]
    assert all(s["ip_address"] == "127.0.0.1" and s["signed_in"] for s in sessions)
