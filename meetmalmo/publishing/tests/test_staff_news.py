import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from meetmalmo.publishing.models import NewsArticle, SlugRedirect
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def png(width=2400, height=1200, name="bild.png"):
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#00695c").save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def data(**changes):
    return {
        "slug": "tusen-unga",
        "title_sv": "Tusen unga på Malmö Live",
        "lead_sv": "En dag om jobb.",
        "body_sv": "**Tusen** unga kom.",
        "title_en": "",
        "lead_en": "",
        "body_en": "",
        "byline": "Lena Åkesson",
        "publish_at": "",
        "action": "save",
        **changes,
    }


def test_a_process_manager_previews_then_saves_a_draft(client, process_manager):
    client.force_login(process_manager)
    preview = client.post("/en/staff/news/new/", data(action="preview"))
    assert "<strong>Tusen</strong> unga kom." in preview.content.decode()
    assert not NewsArticle.objects.exists()
    response = client.post("/en/staff/news/new/", data())
    article = NewsArticle.objects.get()
    assert response.status_code == 302 and article.author == process_manager
    assert article.publish_at is None
    assert client.get("/en/news/tusen-unga/").status_code == 404


def test_a_future_date_publishes_the_article_then(client, process_manager):
    client.force_login(process_manager)
    later = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client.post("/en/staff/news/new/", data(publish_at=later))
    assert client.get("/sv/news/tusen-unga/").status_code == 404
    NewsArticle.objects.update(publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/sv/news/tusen-unga/").status_code == 200


def test_a_published_articles_old_address_redirects_to_the_new(client, process_manager):
    article = ArticleFactory(slug="gammal")
    client.force_login(process_manager)
    client.post(
        f"/en/staff/news/{article.pk}/",
        data(
            slug="ny", publish_at=timezone.localtime(article.publish_at).strftime("%Y-%m-%dT%H:%M")
        ),
    )
    assert SlugRedirect.objects.get().old_slug == "gammal"
    response = client.get("/en/news/gammal/")
    assert response.status_code == 301 and response.url == "/en/news/ny/"


def test_an_image_is_checked_resized_and_needs_a_description(client, process_manager):
    client.force_login(process_manager)
    missing_alt = client.post("/en/staff/news/new/", data(image=png()))
    assert 'id="id_image_alt_sv_error"' in missing_alt.content.decode()
    client.post("/en/staff/news/new/", data(image=png(), image_alt_sv="Grön bild"))
    article = NewsArticle.objects.get()
    with Image.open(article.image) as stored:
        assert stored.size == (1200, 600)


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("x.png", b"%PDF-1.7 not an image"), "Upload a valid image"),
        (SimpleUploadedFile("x.gif", b"GIF89a" + b"\0" * 100), "Upload a valid image"),
    ],
)
def test_files_that_are_not_images_are_refused(client, process_manager, upload, message):
    client.force_login(process_manager)
    response = client.post("/en/staff/news/new/", data(image=upload, image_alt_sv="x"))
    assert 'id="id_image_error"' in response.content.decode()
    assert not NewsArticle.objects.exists()


def test_a_too_large_image_is_refused(client, process_manager, settings):
    settings.IMAGE_MAX_BYTES = 1000
    client.force_login(process_manager)
    response = client.post("/en/staff/news/new/", data(image=png(), image_alt_sv="x"))
    assert "The image is too large" in response.content.decode()
    assert not NewsArticle.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"title_sv": "", "body_sv": ""}, None),
        ({"body_sv": ""}, "body_sv"),
        ({"title_en": "Only a title"}, "body_en"),
        ({"slug": "Inte giltig!"}, "slug"),
        ({"publish_at": "igår"}, "publish_at"),
        ({"title_sv": "x" * 201}, "title_sv"),
    ],
)
def test_bad_articles_are_explained_and_not_saved(client, process_manager, changes, field):
    client.force_login(process_manager)
    response = client.post("/en/staff/news/new/", data(**changes))
    content = response.content.decode()
    assert response.status_code == 400
    if field:
        assert f'id="id_{field}_error"' in content
    else:
        assert "Write the article in Swedish, English or both." in content
    assert 'value="Lena Åkesson"' in content
    assert not NewsArticle.objects.exists()


def test_the_staff_list_shows_drafts_scheduled_and_waiting_comments(client, process_manager):
    ArticleFactory(title_sv="Utkastet", publish_at=None)
    ArticleFactory(title_sv="Senare", publish_at=timezone.now() + timedelta(days=3))
    client.force_login(process_manager)
    page = client.get("/en/staff/news/").content.decode()
    assert "Utkastet" in page and "draft" in page and "scheduled" in page
