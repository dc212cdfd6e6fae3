"""The public meeting pages and registration through them."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _started(form_page) -> str:
    return re.search(r'name="started" value="([^"]+)"', form_page).group(1)


def _visitor_post(client, event, **fields):
    page = client.get(f"/sv/events/{event.slug}/").content.decode()
    # Sent as if typed for a while: the spam trap's start is signed some seconds ago.
    from meetmalmo.events.forms import VisitorForm

    form = VisitorForm()
    started = form._signed_start(seconds_ago=10)
    assert _started(page)
    data = {
        "name": "Vera Besökare",
        "email": "vera@example.se",
        "organisation": "Hotell Stadt",
        "started": started,
        **fields,
    }
    return client.post(f"/sv/events/{event.slug}/register/", data)


def test_the_list_shows_upcoming_first_then_past_and_filters_by_kind(client):
    upcoming = EventFactory(title_sv="Frukost om sommarjobb")
    workshop = EventFactory(title_sv="Verkstad om språk", kind="workshop")
    past = EventFactory(
        title_sv="Förra frukosten",
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2),
    )
    EventFactory(title_sv="Ett utkast", state="draft")
    page = client.get("/sv/events/").content.decode()
    assert page.index(upcoming.title_sv) < page.index(past.title_sv)
    assert "Ett utkast" not in page
    filtered = client.get("/sv/events/?kind=workshop").content.decode()
    assert workshop.title_sv in filtered and upcoming.title_sv not in filtered


def test_the_page_shows_seats_left_and_hides_the_online_link(client, member):
    event = EventFactory(capacity=3, format="hybrid", online_link="https://meet.example/hemlig")
    RegistrationFactory(event=event)
    page = client.get(f"/sv/events/{event.slug}/").content.decode()
    assert "2 av 3 kvar" in page
    assert "hemlig" not in page
    assert "openstreetmap.org/search?query=August+Palms" in page
    client.force_login(member)
    client.post(f"/sv/events/{event.slug}/register/")
    assert "https://meet.example/hemlig" in client.get(f"/sv/events/{event.slug}/").content.decode()


def test_a_visitor_registers_and_confirms_by_the_emailed_link(client):
    event = EventFactory()
    response = _visitor_post(client, event)
    assert response.status_code == 200
    assert "Kolla din e-post" in response.content.decode()
    (message,) = mail.outbox
    link = re.search(rf"{re.escape(settings.SITE_URL)}(/sv/events/confirm/\S+)", message.body)
    assert client.get(link.group(1)).status_code == 200
    assert Registration.objects.get().status == "pending"
    confirmed = client.post(link.group(1))
    assert "Du är anmäld" in confirmed.content.decode()
    assert Registration.objects.get().status == "confirmed"
    again = client.post(link.group(1))
    assert again.status_code == 400
    assert "redan bekräftat" in again.content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"email": ""}, "email", "Ange din e-postadress."),
        ({"email": "inte-en-adress"}, "email", "Skriv en e-postadress"),
        ({"name": ""}, "name", "Ange ditt namn."),
        ({"name": "x" * 151}, "name", "högst 150 tecken"),
        ({"organisation": "<script>alert(1)</script>" * 20}, "organisation", "högst 200 tecken"),
    ],
)
def test_wrong_visitor_details_are_answered_beside_the_field(client, fields, field, message):
    event = EventFactory()
    response = _visitor_post(client, event, **fields)
    page = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in page
    assert message in page
    assert "<script>alert" not in page
    assert not Registration.objects.exists()


def test_the_same_address_twice_is_told_it_is_already_registered(client):
    event = EventFactory()
    _visitor_post(client, event)
    response = _visitor_post(client, event, email="VERA@example.se", name="Vera igen")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Du är redan anmäld till mötet." in page
    assert 'value="Vera igen"' in page
    assert Registration.objects.count() == 1


def test_registration_on_a_cancelled_meeting_is_refused_with_a_page(client, member):
    event = EventFactory(state="cancelled", cancel_reason="Lokalen är stängd.")
    client.force_login(member)
    response = client.post(f"/sv/events/{event.slug}/register/")
    assert response.status_code == 400
    assert "Mötet är inställt." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_cancel_link_works_once_and_only_for_its_person(client, member, other_member):
    from meetmalmo.events import services

    event = EventFactory()
    services.register_member(event=event, user=member)
    link = re.search(r"(/sv/events/cancel/\S+)", mail.outbox[0].body).group(1)
    client.force_login(other_member)
    assert client.post(link).status_code == 403
    assert Registration.objects.get().status == "confirmed"
    client.force_login(member)
    assert client.post(link).status_code == 200
    assert Registration.objects.get().status == "cancelled"
    again = client.post(link)
    assert again.status_code == 400
    assert "redan avbokad" in again.content.decode()


def test_a_made_up_link_finds_nothing(client):
    assert client.get("/sv/events/confirm/abc:def/").status_code == 404
    assert client.get("/sv/events/cancel/abc:def/").status_code == 404


def test_minutes_are_published_on_the_page(client):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(hours=2),
        minutes_sv="Vi **beslutade** att ses igen.",
        minutes_published_at=timezone.now(),
    )
    page = client.get(f"/sv/events/{event.slug}/").content.decode()
    assert "Protokoll" in page and "<strong>beslutade</strong>" in page
