"""Pages and lists tell the truth about language: an item that exists in one language only is
marked "in Swedish" or "in English" in every list, and a page drafted in one language says its
lead once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.events.models import Event
from meetmalmo.events.tests.factories import EventFactory
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Project

pytestmark = pytest.mark.django_db
LEAD = "Unga Malmöbor får sitt första jobb på hotell och restauranger."


@pytest.fixture
def swedish_only():
    case = InitiativeFactory(title="Sommarjobb på hotell", state=State.ACTIVE, language="sv")
    return Project.objects.create(
        initiative=case,
        slug="sommarjobb",
        title_sv="Sommarjobb på hotell",
        lead_sv=LEAD,
        body_sv=f"{LEAD}\n\nHotell, restauranger och staden samarbetar om **sommarjobb**.",
        published_at=timezone.now() - timedelta(days=1),
    )


def test_a_swedish_only_project_is_marked_in_the_english_lists(client, swedish_only):
    for path in ("/en/projects/", "/en/"):
        page = client.get(path).content.decode()
        item = page.split('href="/en/projects/sommarjobb/"', 1)[1].split("</h", 1)[0]
        assert "in Swedish" in item, path
    assert "in Swedish" not in client.get("/sv/projects/").content.decode().split("<main")[1]


def test_a_one_language_meeting_is_marked_in_the_other_languages_list(client):
    EventFactory(slug="frukost", title_sv="Frukostmöte", title_en="", state=Event.State.PUBLISHED)
    page = client.get("/en/events/").content.decode()
    item = page.split('href="/en/events/frukost/"', 1)[1].split("</h3>", 1)[0]
    assert "in Swedish" in item


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_project_drafted_in_one_language_says_its_lead_once(client, swedish_only, language):
    page = client.get(f"/{language}/projects/sommarjobb/").content.decode()
    assert page.split("<main", 1)[1].count(LEAD) == 1
    assert "Hotell, restauranger och staden samarbetar om <strong>sommarjobb</strong>." in page


def test_a_text_that_does_not_repeat_the_lead_is_shown_whole(client, swedish_only):
    swedish_only.body_sv = "Hotellen började. " + LEAD
    swedish_only.save()
    page = client.get("/sv/projects/sommarjobb/").content.decode()
    assert "Hotellen började. " + LEAD in page
