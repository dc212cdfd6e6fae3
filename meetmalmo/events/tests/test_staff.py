"""The office's meeting pages: writing a meeting, publishing, cancelling, messaging the
registrants, attendance, minutes and the exports."""

import io
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from meetmalmo.events.models import Event, Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

WHEN = "%Y-%m-%dT%H:%M"


def _data(process_manager, **changes):
    starts = timezone.localtime() + timedelta(days=10)
    return {
        "slug": "frukost-om-sommarjobb",
        "kind": "breakfast",
        "title_sv": "Frukost om sommarjobb",
        "title_en": "Breakfast on summer jobs",
        "starts_at": starts.strftime(WHEN),
        "ends_at": (starts + timedelta(hours=2)).strftime(WHEN),
        "format": "in_person",
        "spoken": "sv",
        "capacity": "40",
        "organiser": process_manager.pk,
        **changes,
    }


@pytest.fixture
def staff_client(client, process_manager):
    client.force_login(process_manager)
    return client


def test_a_process_manager_writes_a_draft_and_publishes_it(staff_client, process_manager):
    response = staff_client.post("/sv/staff/events/new/", _data(process_manager))
    event = Event.objects.get()
    assert response.status_code == 302
    assert event.state == "draft"
    staff_client.post(f"/sv/staff/events/{event.pk}/publish/")
    event.refresh_from_db()
    assert event.state == "published"
    assert "Frukost om sommarjobb" in staff_client.get("/sv/events/").content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_at": "2020-01-01T08:00"}, "ends_at", "Mötet måste sluta efter att det har börjat."),
        ({"capacity": "-1"}, "capacity", "Antalet platser kan inte vara färre än 0."),
        ({"capacity": "tio"}, "capacity", "heltal"),
        ({"registration_closes_at": "2099-01-01T08:00"}, "registration_closes_at", "innan mötet"),
        ({"starts_at": "i morgon"}, "starts_at", "Skriv datum och tid som"),
        ({"title_sv": "", "title_en": ""}, "title_sv", "Ge mötet en rubrik"),
        ({"title_sv": "x" * 201}, "title_sv", "högst 200 tecken"),
        ({"format": "online"}, "online_link", "Ange länken"),
        ({"online_link": "javascript:alert(1)", "format": "hybrid"}, "online_link", "webbadress"),
        ({"slug": "<script>"}, "slug", "bokstäver"),
    ],
)
def test_wrong_values_are_refused_beside_the_field(
    staff_client, process_manager, changes, field, message
):
    response = staff_client.post("/sv/staff/events/new/", _data(process_manager, **changes))
    page = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in page
    assert message in page
    assert "<script>" not in page.split("<main", 1)[1]
    assert not Event.objects.exists()


def test_cancelling_needs_a_reason_and_tells_the_registrants(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, email="vera@example.se")
    empty = staff_client.post(f"/sv/staff/events/{event.pk}/cancel/", {"reason": ""})
    assert empty.status_code == 400
    assert "Berätta varför mötet ställs in." in empty.content.decode()
    staff_client.post(f"/sv/staff/events/{event.pk}/cancel/", {"reason": "Lokalen är stängd."})
    event.refresh_from_db()
    assert event.state == "cancelled"
    (message,) = mail.outbox
    assert message.to == ["vera@example.se"]
    assert "Lokalen är stängd." in message.body
    page = staff_client.get(f"/sv/events/{event.slug}/").content.decode()
    assert "Mötet är inställt." in page and "Lokalen är stängd." in page


def test_a_message_goes_to_everyone_registered_and_waiting(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, email="a@example.se")
    RegistrationFactory(event=event, email="b@example.se", status="waitlisted")
    RegistrationFactory(event=event, email="c@example.se", status="cancelled")
    staff_client.post(
        f"/sv/staff/events/{event.pk}/message/",
        {"subject": "Ny lokal", "body": "Vi ses i Hyllie."},
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.se", "b@example.se"]
    assert "Vi ses i Hyllie." in mail.outbox[0].body
    assert "/sv/events/cancel/" in mail.outbox[0].body


def test_the_staff_page_lists_seats_and_waitlist_with_counts(staff_client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, name="Sittande Sara")
    RegistrationFactory(
        event=event, name="Väntande Viktor", status="waitlisted", waitlisted_at=timezone.now()
    )
    page = staff_client.get(f"/sv/staff/events/{event.pk}/").content.decode()
    assert "Anmälda: 1" in page and "På väntelistan: 1" in page
    assert page.index("Sittande Sara") < page.index("Väntande Viktor")


def test_attendance_is_marked_on_the_day_with_htmx(staff_client):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    seat = RegistrationFactory(event=event, name="Sittande Sara")
    page = staff_client.get(f"/sv/staff/events/{event.pk}/attendance/").content.decode()
    assert "Sittande Sara" in page
    response = staff_client.post(
        f"/sv/staff/events/{event.pk}/attendance/{seat.pk}/",
        {"attended": "1"},
        headers={"HX-Request": "true"},
    )
    assert 'aria-pressed="true"' in response.content.decode()
    seat.refresh_from_db()
    assert seat.attended


def test_attendance_before_the_day_is_refused(staff_client):
    event = EventFactory()
    seat = RegistrationFactory(event=event)
    staff_client.post(f"/sv/staff/events/{event.pk}/attendance/{seat.pk}/", {"attended": "1"})
    seat.refresh_from_db()
    assert not seat.attended


def test_minutes_after_the_meeting_are_published_on_its_page(staff_client):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(hours=2),
    )
    staff_client.post(
        f"/sv/staff/events/{event.pk}/minutes/",
        {"minutes_sv": "## Beslut\n\nVi ses igen i maj. <script>x</script>", "minutes_en": ""},
    )
    page = staff_client.get(f"/sv/events/{event.slug}/").content.decode()
    assert "Vi ses igen i maj." in page
    assert "<script>x" not in page


def test_the_exports_hold_every_registration(staff_client):
    event = EventFactory()
    RegistrationFactory(event=event, name="Vera Besökare", email="vera@example.se")
    RegistrationFactory(event=event, name="=HYPERLINK()", email="x@example.se")
    xlsx = staff_client.get(f"/sv/staff/events/{event.pk}/registrations.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Namn"
    assert {row[1] for row in rows[1:]} == {"vera@example.se", "x@example.se"}
    csv = staff_client.get(f"/sv/staff/events/{event.pk}/registrations.csv").content.decode()
    assert "Vera Besökare;vera@example.se" in csv
    assert "'=HYPERLINK()" in csv


def test_resources_are_invited_with_a_one_click_link(staff_client):
    from django.test import Client

    client = Client()
    from meetmalmo.resources.tests.factories import ResourceFactory

    event = EventFactory()
    resource = ResourceFactory().user
    staff_client.post(f"/sv/staff/events/{event.pk}/invite/", {"people": [resource.pk]})
    (message,) = mail.outbox
    assert message.to == [resource.email]
    link = next(line for line in message.body.splitlines() if "/events/invitation/" in line)
    assert link.startswith(settings.SITE_URL)
    client.post(urlsplit(link).path)
    assert Registration.objects.get(event=event).user == resource


@pytest.mark.parametrize(
    ("path", "data", "field", "message"),
    [
        ("message", {"subject": "", "body": "Hej"}, "subject", "Ange ett ämne."),
        ("message", {"subject": "x" * 151, "body": "Hej"}, "subject", "högst 150 tecken"),
        ("message", {"subject": "Hej", "body": "<b>" * 2_000}, "body", "högst 5000 tecken"),
        ("cancel", {"reason": "   "}, "reason", "Berätta varför mötet ställs in."),
        ("cancel", {"reason": "x" * 2_001}, "reason", "högst 2000 tecken"),
    ],
)
def test_the_staff_forms_refuse_bad_values_beside_the_field(
    staff_client, path, data, field, message
):
    event = EventFactory()
    RegistrationFactory(event=event)
    response = staff_client.post(f"/sv/staff/events/{event.pk}/{path}/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in page
    assert message in page
    assert not mail.outbox
    event.refresh_from_db()
    assert event.state == "published"


def test_huge_minutes_are_refused_and_kept(staff_client):
    event = EventFactory(
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(hours=2),
    )
    response = staff_client.post(
        f"/sv/staff/events/{event.pk}/minutes/", {"minutes_sv": "å" * 30_001, "minutes_en": "Kept"}
    )
    assert response.status_code == 400
    assert 'id="id_minutes_sv_error"' in response.content.decode()
    assert "Kept</textarea>" in response.content.decode()
    event.refresh_from_db()
    assert not event.minutes_published_at
