from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.core import public_cache
from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_the_news_list_shows_published_articles_newest_first(client):
    ArticleFactory(title_en="Older", publish_at=timezone.now() - timedelta(days=5))
    ArticleFactory(title_en="Newer", publish_at=timezone.now() - timedelta(days=1))
    ArticleFactory(title_en="Draft", publish_at=None)
    ArticleFactory(title_en="Tomorrow", publish_at=timezone.now() + timedelta(days=1))
    page = client.get("/en/news/").content.decode()
    assert page.index("Newer") < page.index("Older")
    assert "Draft" not in page and "Tomorrow" not in page


def test_an_article_in_one_language_is_shown_in_the_other_with_a_mark(client):
    ArticleFactory(
        slug="bara-svenska", title_sv="Bara på svenska", title_en="", lead_en="", body_en=""
    )
    listing = client.get("/en/news/").content.decode()
    assert '<a href="/en/news/bara-svenska/" lang="sv">Bara på svenska</a>' in listing
    assert "in Swedish" in listing
    page = client.get("/en/news/bara-svenska/").content.decode()
    assert '<h1 lang="sv">Bara på svenska</h1>' in page
    assert "This article is only available in Swedish." in page


def test_an_article_page_has_its_text_share_links_and_meta(client):
    ArticleFactory(slug="malmo-live", title_en="A thousand at Malmö Live", photo_credit="")
    page = client.get("/en/news/malmo-live/").content.decode()
    assert "<strong>Malmö Live</strong>" in page
    assert '<link rel="canonical" href="http://testserver/en/news/malmo-live/">' in page
    assert 'property="og:title" content="A thousand at Malmö Live"' in page
    assert 'hreflang="sv" href="/sv/news/malmo-live/"' in page
    assert (
        "linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2Fen%2Fnews%2Fmalmo-live%2F"
        in page
    )
    assert "<script" not in page.split("</head>")[1].replace('<script src="/static/', "")


@pytest.mark.parametrize("publish_at", [None, timezone.now() + timedelta(days=2)])
def test_drafts_and_future_articles_are_not_found(client, publish_at):
    ArticleFactory(slug="hemlig", publish_at=publish_at)
    assert client.get("/en/news/hemlig/").status_code == 404
    assert "hemlig" not in client.get("/en/news/feed/").content.decode()


def test_only_approved_comments_are_shown_and_never_an_e_mail(client):
    article = ArticleFactory(slug="kommentarer")
    CommentFactory(
        article=article, text="Godkänd text", state="approved", email="synlig@example.se"
    )
    CommentFactory(article=article, text="Väntande text")
    CommentFactory(article=article, text="Skräp text", state="spam")
    page = client.get("/en/news/kommentarer/").content.decode()
    assert "Godkänd text" in page
    assert "Väntande text" not in page and "Skräp text" not in page
    assert "synlig@example.se" not in page


def test_hostile_markdown_is_made_harmless(client):
    ArticleFactory(
        slug="farlig",
        body_en='<script>alert(1)</script>[x](javascript:alert(1))<img src=x onerror="alert(1)">',
    )
    page = client.get("/en/news/farlig/").content.decode()
    assert "alert(1)</script>" not in page and "javascript:alert" not in page
    assert "onerror" not in page


def test_the_feed_is_atom_with_absolute_links_and_the_language(client):
    ArticleFactory(slug="i-floden", title_en="In the feed")
    ArticleFactory(slug="utkast", publish_at=None)
    response = client.get("/en/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == "en"
    entries = root.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == ["In the feed"]
    assert entries[0].find(f"{atom}link").attrib["href"] == "http://testserver/en/news/i-floden/"
    assert (
        '<link rel="alternate" type="application/atom+xml"'
        in client.get("/en/news/").content.decode()
    )


def test_the_news_pages_answer_in_swedish(client):
    ArticleFactory(slug="svensk")
    assert "Nyheter" in client.get("/sv/news/").content.decode()
    assert "Kommentarer" in client.get("/sv/news/svensk/").content.decode()


def test_a_page_past_the_end_shows_the_last_page(client):
    ArticleFactory()
    assert client.get("/en/news/", {"page": "999"}).status_code == 200
    assert client.get("/en/news/", {"page": "x"}).status_code == 200


def test_lists_and_pages_keep_their_number_of_queries_from_10_to_5000_articles(
    client, django_assert_num_queries, django_assert_max_num_queries
):
    from meetmalmo.publishing.models import NewsArticle

    article = ArticleFactory(slug="matt")
    ArticleFactory.create_batch(9)
    CommentFactory(article=article, state="approved")
    with django_assert_max_num_queries(20) as list_small:
        client.get("/en/news/")
    with django_assert_max_num_queries(20) as page_small:
        client.get("/en/news/matt/")
    when = timezone.now() - timedelta(days=2)
    NewsArticle.objects.bulk_create(
        NewsArticle(slug=f"massa-{i}", title_sv=f"Massa {i}", byline="x", publish_at=when)
        for i in range(4990)
    )
    CommentFactory.create_batch(30, article=article, state="approved")
    public_cache.clear()  # measure the page, not the cache of public pages
    with django_assert_num_queries(len(list_small.captured_queries)):
        client.get("/en/news/")
    with django_assert_num_queries(len(page_small.captured_queries)):
        client.get("/en/news/matt/")


def test_an_article_links_its_project_only_once_the_project_is_published(client):
    from meetmalmo.publishing.tests.test_projects import adopted, publish

    case, _ = adopted("Sommarjobb på hotell")
    ArticleFactory(slug="om-projektet", project=case.project)
    assert "About the project:" not in client.get("/en/news/om-projektet/").content.decode()
    publish(case.project)
    page = client.get("/en/news/om-projektet/").content.decode()
    assert 'About the project: <a href="/en/projects/sommarjobb-pa-hotell/">' in page


def test_the_home_page_counts_the_initiatives_brought_to_life(client, settings):
    from meetmalmo.initiatives.tests.factories import InitiativeFactory

    settings.START_YEAR = 2015
    for state in ("adopted", "active", "completed", "declined", "submitted"):
        InitiativeFactory(state=state)
    page = client.get("/en/").content.decode()
    assert "<strong>3</strong> initiatives brought to life since 2015" in page


def test_the_sitemap_lists_published_items_in_both_languages_only(client):
    ArticleFactory(slug="publicerad")
    ArticleFactory(slug="utkastet", publish_at=None)
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sv/news/publicerad/" in xml
    assert "http://testserver/en/news/publicerad/" in xml
    assert 'hreflang="en"' in xml and "utkastet" not in xml
    assert "http://testserver/sv/projects/" in xml
