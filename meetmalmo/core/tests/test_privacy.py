"""The privacy notice: who is responsible, what is kept and why, the rights and the cookies,
linked from every page's footer and from the forms that collect personal data."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(CONTACT_EMAIL="dataskydd@example.se")
def test_the_privacy_notice_says_who_is_responsible_and_how_to_reach_them(client):
    page = client.get("/en/privacy/").content.decode()
    assert "<h1>How Meet Malmö handles personal data</h1>" in page
    assert "Malmö stad, Näringslivsavdelningen" in page and "controller" in page
    assert 'href="mailto:dataskydd@example.se"' in page
    assert "data protection officer" in page


def test_it_says_what_is_kept_why_on_what_basis_and_for_how_long(client):
    page = client.get("/en/privacy/").content.decode()
    for heading in (
        "Your account",
        "Initiatives and their case history",
        "Resource profile",
        "Work in a working group",
        "Comments on the news",
        "E-mail log",
    ):
        assert f"<h3>{heading}</h3>" in page
    assert "A task in the public interest" in page and "Your consent" in page
    assert "public records" in page and "archive rules" in page
    assert "never verified is removed after 30 days" in page


def test_it_explains_the_rights_with_links_to_use_them(client):
    page = client.get("/en/privacy/").content.decode()
    assert 'href="/en/my/data/"' in page and 'href="/en/my/delete/"' in page
    assert 'href="/en/my/"' in page
    assert "Integritetsskyddsmyndigheten, IMY" in page and 'href="https://www.imy.se/"' in page


def test_it_lists_only_essential_cookies(client):
    page = client.get("/en/privacy/").content.decode()
    for cookie in ("sessionid", "csrftoken", "messages"):
        assert f"<dt><code>{cookie}</code></dt>" in page
    assert "no tracking, no analytics" in page


def test_the_notice_exists_in_swedish_too(client):
    response = client.get("/sv/privacy/")
    assert response.status_code == 200 and '<html lang="sv">' in response.content.decode()


def test_every_page_links_to_it_from_the_footer(client):
    page = client.get("/en/").content.decode()
    footer = page[page.index('<ul class="footer-links">') :]
    assert '<li><a href="/en/privacy/">Privacy</a></li>' in footer[: footer.index("</ul>")]


def test_sign_up_and_joining_the_resource_pool_link_to_it(client, member):
    assert 'href="/en/privacy/"' in client.get("/en/accounts/signup/").content.decode()
    client.force_login(member)
    page = client.get("/en/resources/join/").content.decode()
    assert 'href="/en/privacy/">privacy notice</a>' in page
