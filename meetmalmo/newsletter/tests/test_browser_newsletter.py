"""In a real browser: a visitor subscribes to the newsletter by keyboard and confirms by the
e-mailed link; the office writes an issue, previews it and sends it, a double click sending it
once; every page passes axe at a phone's width and a desktop's in both languages."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in, submit_with_enter, type_into
from meetmalmo.newsletter.models import Issue
from meetmalmo.notifications.models import Follow
from meetmalmo.publishing.tests.factories import ArticleFactory

WIDTHS = (320, 1280)


def check_at_each_width(page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth <= 320")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_visitor_subscribes_and_confirms_by_the_emailed_link(page, live_server, settings, lang):
    settings.SITE_URL = live_server.url
    page.goto(f"/{lang}/")
    with page.expect_navigation():
        page.click(f"footer a[href='/{lang}/newsletter/']")
    check_at_each_width(page)
    type_into(page, "#id_name", "Karin")
    type_into(page, "#id_email", "karin@example.se")
    page.check("#id_language_1")  # English
    page.wait_for_timeout(2_100)  # a person takes a moment; the spam trap knows
    page.focus("#id_email")
    submit_with_enter(page)
    assert page.locator(".message--success").count() == 1
    check_at_each_width(page)

    (message,) = mail.outbox
    # In the language chosen for the newsletter, whatever the page's.
    link = re.search(r"http://\S+/en/follow/confirm/[-0-9a-f]+/", message.body).group()
    page.goto(link)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    follow = Follow.objects.get(target="newsletter")
    assert follow.confirmed_at is not None and follow.language == "en"
    check_at_each_width(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_wrong_address_is_told_beside_the_field(page, live_server, lang):
    page.goto(f"/{lang}/newsletter/")
    page.fill("#id_email", "karin@")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator("#id_email_error").is_visible()
    assert page.input_value("#id_email") == "karin@"
    check_at_each_width(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_staff_compose_preview_and_send_once_with_a_double_click(
    page, live_server, settings, process_manager, lang
):
    settings.SITE_URL = live_server.url
    ArticleFactory(publish_at=timezone.now(), title_sv="Hotellen anställer", title_en="Hotels hire")
    for number in range(3):
        Follow.objects.create(
            email=f"s{number}@example.se",
            language="sv",
            target="newsletter",
            confirmed_at=timezone.now(),
        )
    sign_in(page, process_manager)
    page.goto(f"/{lang}/staff/newsletter/")
    check_at_each_width(page)
    with page.expect_navigation():
        page.click(f"a[href='/{lang}/staff/newsletter/new/']")
    check_at_each_width(page)
    page.fill("#id_subject_sv", "Nytt i maj")
    page.fill("#id_subject_en", "News in May")
    page.fill("#id_intro_sv", "Hej **alla**")
    page.fill("#id_intro_en", "Hello **all**")
    page.check("#id_articles_0")
    with page.expect_navigation():
        page.click("main form.form button[type=submit]")
    issue = Issue.objects.get()
    assert issue.articles.count() == 1
    check_at_each_width(page)

    for language, title in (("sv", "Hotellen anställer"), ("en", "Hotels hire")):
        with page.expect_navigation():
            page.click(f"a[href$='/preview/{language}/']")
        assert title in page.inner_text("main")
        check_at_each_width(page)
        page.go_back()

    with page.expect_navigation():
        page.dblclick(f"form[action='/{lang}/staff/newsletter/{issue.pk}/send/'] button")
    page.wait_for_load_state("networkidle")
    assert sorted(m.to[0] for m in mail.outbox) == [f"s{n}@example.se" for n in range(3)]
    assert page.inner_text("#count-sent") == "3"
    assert page.inner_text("#count-failed") == "0"
    check_at_each_width(page)
