"""The office's editor of articles and project pages: the address from the title, the byline,
"Publish now" beside "Schedule", the preview as readers see it with its image, and the
photographer's credit."""

import io
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from meetmalmo.core.images import bare_credit
from meetmalmo.publishing import services
from meetmalmo.publishing.models import NewsArticle, Project, Report
from meetmalmo.publishing.selectors import PREVIEWS
from meetmalmo.publishing.tests.factories import ArticleFactory
from meetmalmo.publishing.tests.test_projects import adopted, publish

pytestmark = pytest.mark.django_db
NEW = "/en/staff/news/new/"


def png(name="bild.png"):
    out = io.BytesIO()
    Image.new("RGB", (1600, 800), "#00695c").save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def data(**changes):
    return {
        "slug": "",
        "title_sv": "Tusen unga på Malmö Live",
        "lead_sv": "En dag om jobb.",
        "body_sv": "## Vad hände\n\n**Tusen** unga kom.",
        "title_en": "",
        "lead_en": "",
        "body_en": "",
        "byline": "",
        "publish_at": "",
        "action": "save",
        **changes,
    }


@pytest.fixture
def editor(client, process_manager):
    process_manager.name = "Lena Åkesson"
    process_manager.save()
    client.force_login(process_manager)
    return client


def test_an_empty_address_is_made_from_the_title(editor):
    editor.post(NEW, data())
    assert NewsArticle.objects.get().slug == "tusen-unga-pa-malmo-live"


def test_an_address_taken_by_another_article_gets_a_number(editor):
    ArticleFactory(slug="tusen-unga-pa-malmo-live")
    editor.post(NEW, data())
    assert NewsArticle.objects.latest("id").slug == "tusen-unga-pa-malmo-live-2"


def test_an_address_written_by_hand_is_kept(editor):
    editor.post(NEW, data(slug="tusen-unga"))
    assert NewsArticle.objects.get().slug == "tusen-unga"


def test_the_editor_offers_to_make_the_address_until_the_page_is_published(editor):
    draft = ArticleFactory(publish_at=None)
    published = ArticleFactory()
    assert "data-from-title" in editor.get(NEW).content.decode()
    assert "data-from-title" in editor.get(f"/en/staff/news/{draft.pk}/").content.decode()
    assert "data-from-title" not in editor.get(f"/en/staff/news/{published.pk}/").content.decode()


def test_a_published_article_keeps_its_address_when_the_title_changes(editor):
    article = ArticleFactory(slug="gammal-rubrik")
    when = timezone.localtime(article.publish_at).strftime("%Y-%m-%dT%H:%M")
    editor.post(f"/en/staff/news/{article.pk}/", data(title_sv="Ny rubrik", publish_at=when))
    article.refresh_from_db()
    assert (article.title_sv, article.slug) == ("Ny rubrik", "gammal-rubrik")
    assert editor.get("/sv/news/gammal-rubrik/").status_code == 200


def test_the_byline_is_the_writers_name_unless_another_is_written(editor):
    assert 'value="Lena Åkesson"' in editor.get(NEW).content.decode()
    editor.post(NEW, data())
    editor.post(NEW, data(title_sv="Andra", byline="Karin Skribent"))
    assert list(NewsArticle.objects.order_by("id").values_list("byline", flat=True)) == [
        "Lena Åkesson",
        "Karin Skribent",
    ]


def test_publish_now_puts_the_article_on_the_site_at_once(editor):
    response = editor.post(NEW, data(action="publish"), follow=True)
    article = NewsArticle.objects.get()
    assert article.is_published
    assert abs(article.publish_at - timezone.now()) < timedelta(minutes=1)
    assert "Published: the page is on the site." in response.content.decode()
    assert editor.get("/sv/news/tusen-unga-pa-malmo-live/").status_code == 200


def test_publish_now_keeps_the_date_of_an_article_already_published(editor):
    article = ArticleFactory(publish_at=timezone.now() - timedelta(days=10))
    before = article.publish_at
    editor.post(
        f"/en/staff/news/{article.pk}/",
        data(slug=article.slug, action="publish", publish_at=""),
    )
    article.refresh_from_db()
    assert article.publish_at == before


def test_schedule_publishes_at_the_date_given(editor):
    later = timezone.localtime() + timedelta(days=2)
    response = editor.post(
        NEW, data(action="schedule", publish_at=later.strftime("%Y-%m-%dT%H:%M")), follow=True
    )
    article = NewsArticle.objects.get()
    assert article.publish_at is not None and not article.is_published
    assert "Scheduled: the page is published at the date and time given." in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "when, message",
    [
        ("", "Choose the date and time to publish it."),
        ("2020-01-01T09:00", "Choose a date and time to come, or press “Publish now”."),
        ("igår", "Enter a valid date/time."),
    ],
)
def test_schedule_needs_a_date_and_time_to_come(editor, when, message):
    response = editor.post(NEW, data(action="schedule", publish_at=when))
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_publish_at_error"' in content and message in content
    assert 'value="Tusen unga på Malmö Live"' in content
    assert not NewsArticle.objects.exists()


def test_the_buttons_offer_publish_now_and_schedule_until_published(editor):
    new = editor.get(NEW).content.decode()
    assert 'value="publish"' in new and 'value="schedule"' in new
    published = editor.get(f"/en/staff/news/{ArticleFactory().pk}/").content.decode()
    assert 'value="publish"' not in published and 'value="save"' in published


def test_the_preview_shows_the_page_as_readers_see_it_in_each_language(editor):
    response = editor.post(NEW, data(action="preview", title_en="A thousand", body_en="Came."))
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert '<section class="preview-page" lang="sv"' in content
    assert '<section class="preview-page" lang="en"' in content
    assert "<h2>Vad hände</h2>" in content  # a Markdown heading, not flattened
    assert "Lena Åkesson" in content  # the byline as saving would make it
    assert not NewsArticle.objects.exists()


def test_the_preview_marks_the_swedish_text_on_the_english_page(editor):
    content = editor.post(NEW, data(action="preview")).content.decode()
    assert "This article is only available in Swedish." in content


def test_the_preview_shows_an_image_chosen_in_the_form_and_the_save_keeps_it(editor):
    response = editor.post(
        NEW, data(action="preview", image=png(), image_alt_sv="Grön bild", photo_credit="Ann")
    )
    content = response.content.decode()
    token = response.context["pending_image"]
    assert token and f'value="{token}"' in content
    kept = response.context["preview"].image.name
    assert kept.startswith(f"{PREVIEWS}/") and default_storage.exists(kept)
    assert f'src="/media/{kept}"' in content and 'alt="Grön bild"' in content
    assert "Foto: Ann" in content

    editor.post(NEW, data(action="publish", image_alt_sv="Grön bild", pending_image=token))
    article = NewsArticle.objects.get()
    assert article.image.name.startswith("news/")
    with Image.open(article.image) as stored:
        assert stored.size == (1200, 600)
    assert not default_storage.exists(kept)


def test_a_kept_image_still_needs_its_description(editor):
    token = editor.post(NEW, data(action="preview", image=png(), image_alt_sv="Grön bild")).context[
        "pending_image"
    ]
    response = editor.post(NEW, data(action="publish", pending_image=token))
    assert response.status_code == 400
    assert "Describe the image for those who cannot see it." in response.content.decode()


def test_a_forged_image_token_is_ignored(editor):
    default_storage.save("news/annans.png", ContentFile(b"x"))
    editor.post(NEW, data(pending_image="news/annans.png"))
    assert not NewsArticle.objects.get().image


def test_the_preview_of_an_existing_image_shows_it(editor):
    article = ArticleFactory(publish_at=None, image_alt_sv="Bild")
    article.image.save("dagen.png", ContentFile(png().read()))
    content = editor.post(
        f"/en/staff/news/{article.pk}/",
        data(slug=article.slug, image_alt_sv="Bild", action="preview"),
    ).content.decode()
    assert f'src="{article.image.url}"' in content


def test_preview_images_never_saved_are_removed_after_a_day(editor):
    services.preview_images_prune(timezone.now() + timedelta(days=2))  # other tests' previews
    token = editor.post(NEW, data(action="preview", image=png(), image_alt_sv="x")).context[
        "pending_image"
    ]
    assert token
    assert services.preview_images_prune(timezone.now()) == "0 preview images removed"
    later = timezone.now() + timedelta(days=1, minutes=1)
    assert services.preview_images_prune(later) == "1 preview images removed"
    assert default_storage.listdir(PREVIEWS)[1] == []


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("Foto: Malmö stad", "Malmö stad"),
        ("foto:Malmö stad", "Malmö stad"),
        ("Photo: Ann Berg", "Ann Berg"),
        ("Foto: Foto: Ann", "Ann"),
        ("Fotografen Ann", "Fotografen Ann"),
    ],
)
def test_the_credit_is_the_name_only(typed, kept):
    assert bare_credit(typed) == kept


def test_the_page_says_photo_once_before_the_name(editor):
    editor.post(
        NEW,
        data(action="publish", image=png(), image_alt_sv="Grön", photo_credit="Foto: Malmö stad"),
    )
    assert NewsArticle.objects.get().photo_credit == "Malmö stad"
    page = editor.get("/sv/news/tusen-unga-pa-malmo-live/").content.decode()
    assert "Foto: Malmö stad" in page and "Foto: Foto:" not in page


def test_the_credit_field_asks_for_the_name_only(editor):
    content = editor.get(NEW).content.decode()
    assert "The name only, such as Malmö stad" in content


def test_credits_already_stored_with_photo_are_cleaned():
    ArticleFactory(slug="a", photo_credit="Foto: Malmö stad")
    ArticleFactory(slug="b", photo_credit="Ann Berg")
    case, _manager = adopted()
    Project.objects.filter(initiative=case).update(photo_credit="Photo: Meet Malmö")
    migration = import_module("meetmalmo.publishing.migrations.0011_photo_credit_name_only")
    migration.clean_credits(apps, None)
    assert dict(NewsArticle.objects.values_list("slug", "photo_credit")) == {
        "a": "Malmö stad",
        "b": "Ann Berg",
    }
    assert Project.objects.get(initiative=case).photo_credit == "Meet Malmö"


def test_a_project_page_is_published_now_and_previewed_with_its_facts(editor):
    case, _manager = adopted()
    project = case.project
    fields = {
        "slug": project.slug,
        "title_sv": "Sommarjobb på hotell",
        "lead_sv": "Hotellen anställer.",
        "body_sv": "# Bakgrund\n\nUnga och hotell.",
        "published_at": "",
    }
    preview = editor.post(f"/en/staff/projects/{project.pk}/", {**fields, "action": "preview"})
    content = preview.content.decode()
    assert "<h2>Bakgrund</h2>" in content and "Owner" in content
    editor.post(f"/en/staff/projects/{project.pk}/", {**fields, "action": "publish"})
    project.refresh_from_db()
    assert project.is_published
    assert editor.get(f"/sv/projects/{project.slug}/").status_code == 200


def test_the_reports_links_are_on_the_project_page(client):
    case, manager = adopted()
    publish(case.project)
    Report.objects.create(
        initiative=case,
        summary="Tusen unga.",
        links="https://malmo.se/sommarjobb\nhttps://example.se/rapport.pdf",
        state=Report.State.PUBLISHED,
        published_at=timezone.now(),
        author=manager,
    )
    content = client.get(f"/en/projects/{case.project.slug}/").content.decode()
    assert "Read more" in content
    assert '<a href="https://malmo.se/sommarjobb" rel="noopener nofollow">' in content
    assert '<a href="https://example.se/rapport.pdf" rel="noopener nofollow">' in content


@pytest.mark.parametrize(
    "path",
    ["/en/staff/", "/en/staff/news/", "/en/staff/comments/", "/en/staff/projects/"],
)
def test_the_staff_menu_reaches_project_pages_and_comments(editor, path):
    content = editor.get(path).content.decode()
    assert '<a href="/en/staff/projects/"' in content
    assert '<a href="/en/staff/comments/"' in content


def test_an_image_chosen_in_a_form_with_errors_is_kept_for_the_next_try(editor):
    response = editor.post(NEW, data(body_sv="", image=png(), image_alt_sv="Grön bild"))
    assert response.status_code == 400
    token = response.context["pending_image"]
    assert token and "The image you chose is kept" in response.content.decode()
    editor.post(NEW, data(image_alt_sv="Grön bild", pending_image=token))
    assert NewsArticle.objects.get().image.name.startswith("news/")


def test_the_description_field_says_it_is_needed_with_an_image(editor):
    assert "Needed with an image, in one language at least" in editor.get(NEW).content.decode()


def test_a_title_of_symbols_only_gets_an_address_all_the_same(editor):
    editor.post(NEW, data(title_sv="<script>!!</script>", body_sv="x"))
    editor.post(NEW, data(title_sv="!!!", body_sv="x"))
    assert sorted(NewsArticle.objects.values_list("slug", flat=True)) == ["nyhet", "scriptscript"]


def test_a_very_long_title_makes_an_address_that_fits(editor):
    editor.post(NEW, data(title_sv="Malmö " * 33))
    editor.post(NEW, data(title_sv="Malmö " * 33))
    slugs = list(NewsArticle.objects.values_list("slug", flat=True))
    assert len(slugs) == 2 and all(len(slug) <= 120 for slug in slugs)


def test_the_first_button_saves_so_the_enter_key_never_publishes(editor):
    content = editor.get(NEW).content.decode()
    buttons = content[content.index('<div class="actions">') :]
    assert buttons.index('value="save"') < buttons.index('value="publish"')


def test_a_preview_of_a_published_article_keeps_it_shown_as_published(editor):
    article = ArticleFactory(slug="dagen")
    content = editor.post(
        f"/en/staff/news/{article.pk}/", data(slug="ny-adress", action="preview")
    ).content.decode()
    assert 'href="/en/news/dagen/"' in content  # "See it on the site", where it is now
    assert 'value="publish"' not in content
    article.refresh_from_db()
    assert (article.slug, article.is_published) == ("dagen", True)
