"""Meetings in the API and the open-data file: published ones only, no registrant."""

import csv
import io

import pytest

from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_the_api_lists_published_meetings_without_registrants(client):
    event = EventFactory(capacity=5, online_link="https://meet.example/hemlig")
    RegistrationFactory(event=event, name="Vera Besökare", email="vera@example.se")
    EventFactory(state="draft", title_sv="Hemligt utkast")
    answer = client.get("/api/v1/events")
    assert answer.status_code == 200
    (item,) = answer.json()["items"]
    assert item["slug"] == event.slug
    assert (item["capacity"], item["seats_left"]) == (5, 4)
    assert item["ics"].endswith(f"/events/{event.slug}/event.ics")
    text = answer.content.decode()
    for private in ("vera@example.se", "Vera Besökare", "hemlig", "Hemligt utkast"):
        assert private not in text


def test_the_open_data_file_has_a_row_per_published_meeting(client):
    event = EventFactory()
    RegistrationFactory(event=event, email="vera@example.se")
    EventFactory(state="draft")
    answer = client.get("/open-data/events.csv")
    assert answer.status_code == 200
    text = (
        b"".join(answer.streaming_content).decode() if answer.streaming else answer.content.decode()
    )
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "slug"
    assert [row[0] for row in rows[1:]] == [event.slug]
    assert "vera@example.se" not in text
