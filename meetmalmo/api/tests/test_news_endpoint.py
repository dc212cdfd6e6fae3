from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.api.tests.builders import (
    draft_article,
    draft_project,
    running_project,
    scheduled_article,
)
from meetmalmo.publishing.models import NewsArticle, SlugRedirect
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_it_lists_published_articles_with_their_text_newest_first(client, settings):
    settings.SITE_URL = "https://meetmalmo.example.se"
    project = running_project()
    ArticleFactory(slug="aldre", publish_at=timezone.now() - timedelta(days=5))
    ArticleFactory(
        slug="tusen-unga",
        title_sv="Tusen unga",
        title_en="",
        byline="Näringslivskontoret",
        project=project,
    )
    body = client.get("/api/v1/news").json()
    assert body["count"] == 2
    first = body["items"][0]
    assert [item["slug"] for item in body["items"]] == ["tusen-unga", "aldre"]
    assert first["title"] == {"sv": "Tusen unga", "en": ""}
    assert first["body"] == {
        "sv": "Dagen på **Malmö Live** blev en succé.",
        "en": "The day at **Malmö Live** was a success.",
    }
    assert first["byline"] == "Näringslivskontoret"
    assert first["project"] == "sommarjobb"
    assert first["url_sv"] == "https://meetmalmo.example.se/sv/news/tusen-unga/"
    assert first["url_en"] == "https://meetmalmo.example.se/en/news/tusen-unga/"
    assert first["image"] is None
    assert client.get("/api/v1/news/tusen-unga").json() == first


def test_comments_are_not_part_of_the_news(client):
    article = ArticleFactory(slug="kommenterad")
    CommentFactory(article=article, state="approved", email="karin@example.se")
    answer = client.get("/api/v1/news/kommenterad").content.decode()
    assert "karin@example.se" not in answer and "Karin Läsare" not in answer


def test_an_article_about_an_unpublished_project_does_not_name_it(client):
    ArticleFactory(slug="om-utkastet", project=draft_project())
    assert client.get("/api/v1/news/om-utkastet").json()["project"] is None


def test_drafts_and_scheduled_articles_are_never_shown(client):
    ArticleFactory(slug="publicerad")
    draft_article()
    scheduled_article()
    slugs = [item["slug"] for item in client.get("/api/v1/news").json()["items"]]
    assert slugs == ["publicerad"]
    assert client.get("/api/v1/news/utkastnyhet").status_code == 404
    assert client.get("/api/v1/news/framtida-nyhet").status_code == 404


def test_it_filters_by_project(client):
    project = running_project()
    ArticleFactory(slug="om-projektet", project=project)
    ArticleFactory(slug="annat")
    answer = client.get("/api/v1/news", {"project": "sommarjobb"}).json()
    assert [item["slug"] for item in answer["items"]] == ["om-projektet"]
    draft_project()
    refused = client.get("/api/v1/news", {"project": "utkast"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "project"]


def test_an_article_published_on_schedule_counts_as_new_since(client):
    written = ArticleFactory(slug="schemalagd")
    NewsArticle.objects.filter(pk=written.pk).update(
        updated_at=timezone.now() - timedelta(days=7),
        publish_at=timezone.now() - timedelta(hours=1),
    )
    since = (timezone.now() - timedelta(days=1)).isoformat()
    answer = client.get("/api/v1/news", {"updated_since": since}).json()
    assert [item["slug"] for item in answer["items"]] == ["schemalagd"]


def test_an_old_address_redirects_to_the_new_one(client):
    article = ArticleFactory(slug="ny-adress")
    SlugRedirect.objects.create(old_slug="gammal-adress", article=article)
    answer = client.get("/api/v1/news/gammal-adress")
    assert answer.status_code == 301 and answer["Location"] == "/api/v1/news/ny-adress"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "3"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"project": "finns-inte"}, "project"),
        ({"updated_since": "igår"}, "updated_since"),
    ],
)
def test_a_bad_parameter_is_a_422_naming_it(client, params, parameter):
    ArticleFactory()
    answer = client.get("/api/v1/news", params)
    assert answer.status_code == 422
    assert [p["loc"] for p in answer.json()["detail"]] == [["query", parameter]]
