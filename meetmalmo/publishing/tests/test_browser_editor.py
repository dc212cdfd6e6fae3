"""The editors in a real browser: a process manager writes a news article with a heading and
an image, previews it with the image and publishes it now; a reader asks to be told, the office
answers the comment, and the reader is told. Every page axe-clean in Swedish and English at 320
and 1280 CSS px, with no sideways scrolling at 320."""

import shutil

import pytest
from django.conf import settings as django_settings
from django.core import mail
from PIL import Image

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.publishing.models import Comment, NewsArticle
from meetmalmo.publishing.tests.factories import ArticleFactory

TEXTS = {
    "sv": {
        "title": "Tusen unga på Malmö Live",
        "slug": "tusen-unga-pa-malmo-live",
        "heading": "Vad hände",
        "alt": "Unga vid en monter",
        "photo": "Foto: Malmö stad",
        "swedish": "På svenska",
        "answer": "Svar från Näringslivskontoret",
    },
    "en": {
        "title": "Games industry day",
        "slug": "games-industry-day",
        "heading": "What happened",
        "alt": "Young people at a stand",
        "photo": "Photo: Malmö stad",
        "swedish": "In Swedish",
        "answer": "Answer from the Trade and Industry Office",
    },
}


@pytest.fixture
def media_on_disk(settings):
    """Uploaded images stored where the test server serves /media/ from, so that the browser
    loads them; removed afterwards."""
    root = django_settings.MEDIA_ROOT
    before = set(root.rglob("*")) if root.exists() else set()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    yield root
    for path in sorted(set(root.rglob("*")) - before, reverse=True):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def checked(page, where: str) -> None:
    """One h1, axe-clean and no sideways scrolling at 320 and at 1280 px, as the page is now."""
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.locator("h1").count() == 1, where
        assert_accessible(page)
        if width == 320:
            assert page.evaluate("document.documentElement.scrollWidth <= 320"), where


def loaded(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 0")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_editor_writes_previews_with_the_image_and_publishes_now(
    page, process_manager, media_on_disk, tmp_path, language
):
    texts = TEXTS[language]
    picture = tmp_path / "monter.png"
    Image.new("RGB", (1600, 900), "#00695c").save(picture, format="PNG")
    process_manager.name = "Lena Åkesson"
    process_manager.save()
    sign_in(page, process_manager)

    page.goto(f"/{language}/staff/news/new/")
    checked(page, "the empty editor")
    assert page.input_value("#id_byline") == "Lena Åkesson"
    page.fill("#id_title_sv", texts["title"])
    assert page.input_value("#id_slug") == texts["slug"]  # made from the title as it is typed
    page.fill("#id_lead_sv", "En dag om jobb.")
    page.fill("#id_body_sv", f"## {texts['heading']}\n\n**Tusen** unga kom.\n\n- jobb\n- praktik")
    page.set_input_files("#id_image", str(picture))
    page.fill("#id_image_alt_sv", texts["alt"])
    page.fill("#id_photo_credit", texts["photo"])

    with page.expect_navigation():
        page.click("button[value=preview]")
    assert NewsArticle.objects.count() == 0
    preview = page.locator(".preview-page[lang=sv]")
    assert preview.locator("h2.preview-title").inner_text() == texts["title"]
    assert preview.locator(f"h2:text-is('{texts['heading']}')").count() == 1
    assert preview.locator("figcaption").inner_text() == "Foto: Malmö stad"
    image = f".preview-page[lang=sv] img[alt='{texts['alt']}']"
    assert loaded(page, image), "the chosen image is shown in the preview"
    assert page.evaluate("document.activeElement.id") == "preview"  # read from the preview on
    checked(page, "the preview")

    # The image is kept for publishing: the file is not chosen again.
    tab_to(page, "button[value=publish]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    article = NewsArticle.objects.get()
    assert article.is_published and article.image.name.startswith("news/")
    assert (article.slug, article.byline, article.photo_credit) == (
        texts["slug"],
        "Lena Åkesson",
        "Malmö stad",
    )
    assert page.locator(".message--success").count() == 1
    assert page.locator("button[value=publish]").count() == 0
    checked(page, "the editor of a published article")

    page.goto(f"/{language}/news/{texts['slug']}/")
    assert page.locator(f"article h2:text-is('{texts['heading']}')").count() == 1
    assert loaded(page, f"article img[alt='{texts['alt']}']")
    assert page.inner_text("article figcaption") == (
        "Foto: Malmö stad" if language == "sv" else "Photo: Malmö stad"
    )
    checked(page, "the published article")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_office_answers_a_comment_and_the_reader_is_told(
    page, browser, live_server, process_manager, settings, language
):
    settings.SITE_URL = live_server.url
    settings.COMMENT_MIN_SECONDS = 1
    texts = TEXTS[language]
    ArticleFactory(slug="dagen", title_sv="Dagen", title_en="The day")

    page.goto(f"/{language}/news/dagen/")
    page.wait_for_timeout(1_100)
    page.fill("#id_name", "Karin Läsare")
    page.fill("#id_email", "karin@example.se")
    page.fill("#id_text", "Finns det sommarjobb kvar?")
    tab_to(page, "#id_wants_answer")
    page.keyboard.press("Space")
    assert page.is_checked("#id_wants_answer")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector("#comment-form [role=status]")
    comment = Comment.objects.get()
    assert (comment.wants_answer, comment.language) == (True, language)
    Comment.objects.filter(pk=comment.pk).update(state="approved")

    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto(f"/{language}/staff/comments/?state=approved")
    checked(staff, "the approved comments")
    with staff.expect_navigation():
        staff.click(f"a[href='/{language}/staff/comments/{comment.pk}/answer/']")
    checked(staff, "the answer form")

    with staff.expect_navigation():  # an empty answer is explained beside the field
        staff.click("form button.button--primary")
    assert staff.get_attribute("#id_answer", "aria-invalid") == "true"
    checked(staff, "the answer form with its error")

    tab_to(staff, "#id_answer")
    staff.keyboard.type("Ja, ansök senast 1 maj.")
    tab_to(staff, "form button.button--primary")
    with staff.expect_navigation():
        staff.keyboard.press("Enter")
    assert staff.locator(".message--success").count() == 1
    staff.context.close()

    [message] = mail.outbox
    assert message.to == ["karin@example.se"]
    link = f"{live_server.url}/{language}/news/dagen/#comment-{comment.pk}"
    assert link in message.body
    page.goto(f"/{language}/news/")  # the link then loads the article again
    page.goto(link)
    answer = page.locator(f"#comment-{comment.pk} .comment-answer")
    assert texts["answer"] in answer.inner_text()
    assert "Ja, ansök senast 1 maj." in answer.inner_text()
    checked(page, "the article with the office's answer")
