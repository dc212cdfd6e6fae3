"""News in a real browser: a visitor comments on an article (the form answers in place), a
moderator approves it, and it appears; the news pages are axe-clean in both languages."""

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.publishing.models import Comment
from meetmalmo.publishing.tests.factories import ArticleFactory


def test_a_visitor_comments_and_a_moderator_approves(page, browser, live_server, process_manager):
    ArticleFactory(slug="tusen-unga", title_sv="Tusen unga på Malmö Live", title_en="")
    ArticleFactory(slug="spel", title_sv="Spelbranschen", title_en="The games industry")
    for language in ("sv", "en"):
        for path in ("/", "/news/", "/news/tusen-unga/", "/news/spel/"):
            page.goto(f"/{language}{path}")
            assert_accessible(page)

    page.goto("/sv/news/tusen-unga/")
    page.wait_for_timeout(3_100)  # a person takes a moment to write; faster is taken for spam
    page.fill("#id_name", "Karin Läsare")
    page.fill("#id_email", "karin@example.se")
    page.fill("#id_text", "Min dotter fick sommarjobb där!")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector("#comment-form [role=status]")
    assert "Tack! Din kommentar granskas innan den visas." in page.inner_text("#comment-form")
    assert_accessible(page)
    assert Comment.objects.get().state == "pending"

    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto("/en/staff/comments/")
    assert_accessible(staff)
    staff.check("input[name=comments]")
    with staff.expect_navigation():
        staff.click("button[value=approved]")
    assert Comment.objects.get().state == "approved"
    staff.context.close()

    page.goto("/sv/news/tusen-unga/")
    assert "Min dotter fick sommarjobb där!" in page.inner_text("#comments-title + article")
    assert "karin@example.se" not in page.content()
