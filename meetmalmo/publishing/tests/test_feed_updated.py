"""The feeds' `<updated>`: each entry's is when the item itself last changed, so readers show as
new only what is; asking again, or the server starting again, changes nothing."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from meetmalmo.publishing.models import NewsArticle
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def updated(client, path):
    feed = ET.fromstring(client.get(path).content)  # noqa: S314 - our own feed
    return {
        entry.find(f"{ATOM}link").get("href"): parse_datetime(entry.find(f"{ATOM}updated").text)
        for entry in feed.findall(f"{ATOM}entry")
    }


def test_an_entry_is_updated_when_its_article_changes_and_only_then(client):
    old = ArticleFactory(slug="gammal")
    ArticleFactory(slug="annan")
    long_ago = timezone.now() - timedelta(days=300)
    NewsArticle.objects.filter(slug="gammal").update(
        updated_at=long_ago, publish_at=long_ago - timedelta(days=1)
    )
    before = updated(client, "/en/news/feed/")
    assert before["http://testserver/en/news/gammal/"] == long_ago
    assert updated(client, "/en/news/feed/") == before
    old.refresh_from_db()
    old.lead_en = "A new lead."
    old.save()
    after = updated(client, "/en/news/feed/")
    assert after["http://testserver/en/news/gammal/"] > before["http://testserver/en/news/gammal/"]
    assert after["http://testserver/en/news/annan/"] == before["http://testserver/en/news/annan/"]


def test_an_article_written_before_its_date_is_updated_on_its_date(client):
    ArticleFactory(slug="planerad")
    published = timezone.now() - timedelta(hours=1)
    NewsArticle.objects.filter(slug="planerad").update(
        updated_at=published - timedelta(days=5), publish_at=published
    )
    entry = updated(client, "/en/news/feed/")["http://testserver/en/news/planerad/"]
    assert entry == published


def test_the_demo_dates_its_pages_as_written(client):
    import io

    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
    loaded = timezone.now() - timedelta(minutes=5)
    for path in ("/en/news/feed/", "/en/projects/feed/"):
        entries = updated(client, path)
        assert entries
        old = [link for link, when in entries.items() if when < loaded]
        assert len(old) >= len(entries) - 1, (path, entries)
