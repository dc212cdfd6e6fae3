"""What a meeting tells a member under Notiser and by e-mail, by their settings: the answer to a
registration, a seat from the waitlist and a cancelled meeting always at once; the reminder, the
office's messages and invitations from the pool as the member chose, with a one-click stop.
A visitor without an account gets plain e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.events import services
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory
from meetmalmo.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://portal.example"


def choose(person, kind, frequency):
    Preference.objects.update_or_create(user=person, kind=kind, defaults={"frequency": frequency})


def seated(member, **event):
    return RegistrationFactory(
        event=EventFactory(**event), user=member, name=member.name, email=member.email
    )


def test_a_registration_is_under_notiser_and_mailed_with_its_calendar_file(client, member):
    choose(member, "meeting_registration", "off")  # not the member's to choose: ignored
    registration = services.register_member(event=EventFactory(), user=member)
    client.force_login(member)
    page = client.get("/sv/notifications/").content.decode()
    assert "Du är anmäld till" in page
    (message,) = mail.outbox
    assert f"http://portal.example/sv/events/{registration.event.slug}/" in message.body
    assert [name for name, *_rest in message.attachments] == ["event.ics"]
    assert "List-Unsubscribe" not in message.extra_headers


def test_a_cancelled_meeting_and_a_seat_from_the_waitlist_always_come_at_once(member, other_member):
    for person in (member, other_member):
        choose(person, "meeting_registration", "off")
    first = seated(member, capacity=1)
    waiting = RegistrationFactory(
        event=first.event,
        user=other_member,
        email=other_member.email,
        status=Registration.Status.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    services.cancel_registration(registration=first)
    (promoted,) = mail.outbox
    assert promoted.to == [other_member.email]
    assert Notification.objects.get(recipient=other_member).kind == "meeting_registration"
    mail.outbox.clear()
    services.event_cancel(event=waiting.event, actor=ProcessManagerFactory(), reason="Sjukdom.")
    (cancelled,) = mail.outbox
    assert cancelled.to == [other_member.email] and "Sjukdom." in cancelled.body
    assert Notification.objects.filter(recipient=other_member).count() == 2


def test_the_reminder_follows_the_settings_and_stops_with_one_click(client, member):
    registration = seated(member, starts_at=timezone.now() + timedelta(hours=20))
    choose(member, "meeting_reminder", "off")
    services.remind_day_before(timezone.now())
    assert mail.outbox == []
    assert Notification.objects.get(recipient=member).kind == "meeting_reminder"

    Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    choose(member, "meeting_reminder", "at_once")
    services.remind_day_before(timezone.now())
    (message,) = mail.outbox
    stop = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert stop in message.body
    client.post(stop.removeprefix("http://portal.example"))
    assert Preference.objects.get(user=member, kind="meeting_reminder").frequency == "off"


def test_a_message_to_registrants_waits_for_the_daily_digest_when_so_chosen(member):
    registration = seated(member)
    RegistrationFactory(event=registration.event)  # a visitor
    choose(member, "meeting_message", "daily")
    sent = services.message_registrants(
        event=registration.event, actor=ProcessManagerFactory(), subject="Ny sal", body="Sal 3."
    )
    assert sent == 2
    (visitors,) = mail.outbox
    assert visitors.to != [member.email] and "Sal 3." in visitors.body
    notification = Notification.objects.get(recipient=member)
    assert notification.in_digest == "daily" and notification.emailed_at is None


def test_an_invitation_from_the_pool_leads_to_its_registration_link(client, member):
    event = EventFactory()
    services.invite_resources(event=event, actor=ProcessManagerFactory(), people=[member])
    (message,) = mail.outbox
    link = next(word for word in message.body.split() if "/invitation/" in word)
    assert link.startswith("http://portal.example/sv/events/")
    assert "List-Unsubscribe" in message.extra_headers
    notification = Notification.objects.get(recipient=member, kind="meeting_invitation")
    assert link.endswith(notification.path)
    client.force_login(member)
    assert client.get(notification.path).status_code == 200


def test_a_visitor_gets_plain_emails_and_no_notification():
    registration = RegistrationFactory(
        event=EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    )
    services.remind_day_before(timezone.now())
    (message,) = mail.outbox
    assert message.to == [registration.email]
    assert "List-Unsubscribe" not in message.extra_headers
    assert not Notification.objects.exists()
