"""In a real browser: a visitor follows the news by e-mail from the news page and confirms the
address with the link the portal sends; the pages pass axe in both languages."""

import re

import pytest
from django.core import mail

from meetmalmo.browser_testing import assert_accessible
from meetmalmo.notifications.models import Follow
from meetmalmo.publishing.tests.factories import ArticleFactory


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_visitor_follows_the_news_and_confirms(page, live_server, settings, lang):
    settings.SITE_URL = live_server.url
    ArticleFactory()
    page.goto(f"/{lang}/news/")
    assert_accessible(page)
    with page.expect_navigation():
        page.click("section.follow a.button")
    assert_accessible(page)
    page.fill("#id_email", "karin@example.se")
    page.wait_for_timeout(2_100)  # a person takes a moment; the spam trap knows
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith(f"/{lang}/news/")
    assert page.locator(".message--success").count() == 1
    (message,) = mail.outbox
    link = re.search(rf"http://\S+/{lang}/follow/confirm/[-0-9a-f]+/", message.body).group()
    page.goto(link)
    assert_accessible(page)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert Follow.objects.get(email="karin@example.se").confirmed_at is not None
    assert_accessible(page)
