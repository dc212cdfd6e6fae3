"""The meeting's .ics and the feed of upcoming meetings, read back with icalendar."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from meetmalmo.events import services
from meetmalmo.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_event_file_has_stockholm_times_location_url_and_a_stable_uid(client, process_manager):
    event = EventFactory(venue="Stadshuset", address="August Palms plats 1, Malmö")
    (item,) = _events(client, f"/sv/events/{event.slug}/event.ics")
    assert item["DTSTART"].dt == timezone.localtime(event.starts_at)
    assert str(item["DTSTART"].dt.tzinfo) == "Europe/Stockholm"
    assert item["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert item["DTEND"].dt == timezone.localtime(event.ends_at)
    assert item["LOCATION"] == "Stadshuset, August Palms plats 1, Malmö"
    assert item["URL"].endswith(f"/sv/events/{event.slug}/")
    uid, sequence = str(item["UID"]), item["SEQUENCE"]

    services.event_cancel(event=event, actor=process_manager, reason="Sjukdom")
    (after,) = _events(client, f"/sv/events/{event.slug}/event.ics")
    assert str(after["UID"]) == uid
    assert after["SEQUENCE"] > sequence
    assert after["STATUS"] == "CANCELLED"
    calendar = Calendar.from_ical(client.get(f"/sv/events/{event.slug}/event.ics").content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]


def test_the_feed_holds_every_upcoming_published_meeting_once():
    upcoming = EventFactory()
    cancelled = EventFactory(state="cancelled")
    EventFactory(state="draft")
    EventFactory(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=1),
    )
    from django.test import Client

    items = _events(Client(), "/sv/events/feed.ics")
    assert sorted(str(i["SUMMARY"]) for i in items) == sorted(
        [upcoming.title_sv, cancelled.title_sv]
    )
    statuses = {str(i["SUMMARY"]): i["STATUS"] for i in items}
    assert statuses[cancelled.title_sv] == "CANCELLED"


def test_a_draft_has_no_calendar_file_for_the_public(client):
    event = EventFactory(state="draft")
    assert client.get(f"/sv/events/{event.slug}/event.ics").status_code == 404
