"""Where other pages lead to meetings: the home page's next meetings, a news article's
invitation and a project's meetings."""

import pytest
from django.core.cache import cache

from meetmalmo.events.tests.factories import EventFactory
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_next_meetings_but_no_draft_or_cancelled_one(client):
    EventFactory(title_sv="Frukost i Hyllie")
    EventFactory(title_sv="Inställd frukost", state="cancelled")
    EventFactory(title_sv="Hemligt utkast", state="draft")
    cache.clear()
    page = client.get("/sv/").content.decode()
    assert "Nästa möten" in page and "Frukost i Hyllie" in page
    assert "Inställd frukost" not in page and "Hemligt utkast" not in page


def test_a_news_article_invites_to_its_meeting(client):
    event = EventFactory(title_sv="Frukost i Stadshuset")
    article = ArticleFactory(event=event)
    page = client.get(f"/sv/news/{article.slug}/").content.decode()
    assert "Svara på inbjudan:" in page
    assert f'href="/sv/events/{event.slug}/"' in page


def test_a_project_page_lists_its_meetings(client, process_manager):
    from datetime import timedelta

    from django.utils import timezone

    from meetmalmo.groups.tests.factories import forming_group
    from meetmalmo.publishing.services import project_open

    group = forming_group(process_manager)
    project = project_open(group.initiative, None)
    project.published_at = timezone.now() - timedelta(hours=1)
    project.save()
    event = EventFactory(title_sv="Verkstad om sommarjobb")
    event.related_initiatives.add(group.initiative)
    page = client.get(f"/sv/projects/{project.slug}/").content.decode()
    assert "Verkstad om sommarjobb" in page
