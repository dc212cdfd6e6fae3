import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from meetmalmo.core.images import WIDTH
from meetmalmo.publishing.models import Comment, NewsArticle

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def demo_articles():
    return NewsArticle.objects.exclude(slug__startswith="nyhet-skala-")


def test_it_creates_the_demo_news_with_a_draft_and_a_scheduled_article():
    output = run()
    articles = demo_articles()
    assert articles.count() >= 8
    assert f"{articles.count()} news articles created" in output
    assert articles.filter(publish_at__isnull=True).count() == 1
    assert articles.filter(publish_at__gt=timezone.now()).count() == 1
    assert NewsArticle.objects.published().count() == articles.count() - 2
    assert all(article.lead_sv or article.lead_en for article in articles)
    assert articles.filter(author__email="processledare@demo.meetmalmo.se").exists()


def test_one_article_is_only_in_swedish_and_one_only_in_english():
    run()
    sv_only = demo_articles().filter(title_en="", lead_en="", body_en="")
    en_only = demo_articles().filter(title_sv="", lead_sv="", body_sv="")
    assert sv_only.count() == 1
    assert en_only.count() == 1
    assert sv_only.get().title_sv and sv_only.get().body_sv
    assert en_only.get().title_en and en_only.get().body_en
    both = demo_articles().exclude(title_sv="").exclude(title_en="")
    assert both.count() == demo_articles().count() - 2
    assert all("https://malmo.se/" in a.body_sv + a.body_en for a in demo_articles())


def test_some_articles_have_pictures_described_in_both_languages():
    run()
    pictured = demo_articles().exclude(image="")
    assert pictured.count() >= 3
    for article in pictured:
        assert article.image_alt_sv and article.image_alt_en
        assert article.photo_credit == "Meet Malmö"
        with article.image.open("rb") as file, Image.open(file) as image:
            assert image.format == "PNG"
            assert image.width <= WIDTH


def test_comments_wait_in_every_moderation_state():
    run()
    states = set(Comment.objects.values_list("state", flat=True))
    assert {Comment.State.APPROVED, Comment.State.PENDING, Comment.State.SPAM} <= states
    assert Comment.objects.filter(state=Comment.State.PENDING).count() == 2
    assert Comment.objects.filter(state=Comment.State.SPAM).count() == 1
    commented = (
        Comment.objects.filter(state=Comment.State.APPROVED).values("article").distinct().count()
    )
    assert commented == 3
    assert all(
        email.endswith("@example.se") for email in Comment.objects.values_list("email", flat=True)
    )


def test_running_it_twice_creates_no_news_twice():
    run()
    counts = (NewsArticle.objects.count(), Comment.objects.count())
    output = run()
    assert (NewsArticle.objects.count(), Comment.objects.count()) == counts
    assert "0 news articles created" in output


def test_scale_adds_a_quarter_as_many_published_articles_once():
    run()
    before = NewsArticle.objects.count()
    run("--scale", "40")
    assert NewsArticle.objects.count() == before + 10
    scaled = NewsArticle.objects.filter(slug__startswith="nyhet-skala-")
    assert set(scaled.values_list("slug", flat=True)) == {f"nyhet-skala-{n}" for n in range(1, 11)}
    assert scaled.published().count() == 10
    run("--scale", "40")
    assert NewsArticle.objects.count() == before + 10
