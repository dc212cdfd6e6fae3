"""The footer links to Meet Malmö's own LinkedIn and X accounts when they are set, and shows
nothing of them when not."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_links_the_accounts_that_are_set(client, settings):
    settings.SOCIAL_LINKEDIN_URL = "https://www.linkedin.com/company/meet-malmo"
    settings.SOCIAL_X_URL = ""
    page = client.get("/sv/").content.decode()
    assert "Följ Meet Malmö" in page
    assert 'href="https://www.linkedin.com/company/meet-malmo"' in page
    assert "Meet Malmö på LinkedIn" in page and "Meet Malmö på X" not in page


def test_without_accounts_the_footer_says_nothing_of_them(client, settings):
    settings.SOCIAL_LINKEDIN_URL = settings.SOCIAL_X_URL = ""
    assert "Follow Meet Malmö" not in client.get("/en/").content.decode()
