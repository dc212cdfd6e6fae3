"""Registering for a meeting: members in one step, visitors by a confirmed link, the seats,
the waitlist and cancelling."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.core.errors import Refused
from meetmalmo.events import services
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_a_member_takes_a_seat_and_gets_the_meeting_as_a_calendar_file(member):
    event = EventFactory(capacity=2)
    registration = services.register_member(event=event, user=member)
    assert registration.status == Status.CONFIRMED
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert event.title_sv in message.subject
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    parsed = Calendar.from_ical(content)
    assert parsed.walk("VEVENT")[0]["SUMMARY"] == event.title_sv
    assert f"{settings.SITE_URL}/sv/events/cancel/" in message.body


def test_registering_twice_answers_already_registered_and_changes_nothing(member):
    event = EventFactory()
    services.register_member(event=event, user=member)
    with pytest.raises(Refused, match="redan anmäld"):
        services.register_member(event=event, user=member)
    assert Registration.objects.filter(event=event).count() == 1


def test_a_visitor_holds_no_seat_until_the_link_is_confirmed():
    event = EventFactory(capacity=1)
    registration = services.register_visitor(
        event=event, name="Vera", email="Vera@Example.se", organisation="Hotell", language="en"
    )
    assert registration.status == Status.PENDING
    assert registration.email == "vera@example.se"
    (message,) = mail.outbox
    assert "Confirm" in message.subject  # in the language the visitor registered in
    link = next(line for line in message.body.splitlines() if "/en/events/confirm/" in line)
    assert link.startswith("http://")
    services.confirm_visitor(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert mail.outbox[-1].attachments[0][0] == "event.ics"


def test_a_confirmation_used_twice_changes_nothing_and_says_so():
    registration = RegistrationFactory(status=Status.PENDING, confirmed_at=None)
    services.confirm_visitor(registration=registration)
    sent = len(mail.outbox)
    with pytest.raises(Refused, match="redan bekräftat"):
        services.confirm_visitor(registration=registration)
    assert len(mail.outbox) == sent


def test_the_same_address_for_a_visitor_is_already_registered():
    event = EventFactory()
    services.register_visitor(
        event=event, name="Vera", email="vera@example.se", organisation="Hotell", language="sv"
    )
    with pytest.raises(Refused) as refused:
        services.register_visitor(
            event=event, name="Vera", email="VERA@example.se", organisation="Hotell", language="sv"
        )
    assert refused.value.field == "email"
    assert Registration.objects.filter(event=event).count() == 1


def test_when_full_people_join_the_waitlist_and_move_up_in_order_when_someone_cancels():
    event = EventFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    seated = services.register_member(event=event, user=first)
    waiting = services.register_member(event=event, user=second)
    last = services.register_member(event=event, user=third)
    assert (waiting.status, last.status) == (Status.WAITLISTED, Status.WAITLISTED)
    mail.outbox.clear()
    services.cancel_registration(registration=seated)
    waiting.refresh_from_db()
    last.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert last.status == Status.WAITLISTED
    (told,) = mail.outbox
    assert told.to == [second.email]
    assert "seat" in told.subject.lower() or "plats" in told.subject.lower()


def test_cancelling_twice_changes_nothing_and_says_so(member):
    registration = services.register_member(event=EventFactory(), user=member)
    services.cancel_registration(registration=registration)
    with pytest.raises(Refused, match="redan avbokad"):
        services.cancel_registration(registration=registration)


def test_a_cancelled_registration_may_register_again(member):
    event = EventFactory()
    services.cancel_registration(registration=services.register_member(event=event, user=member))
    assert services.register_member(event=event, user=member).status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"state": "draft"}, "inte publicerat"),
        ({"state": "cancelled"}, "inställt"),
        (
            {
                "starts_at": timezone.now() - timedelta(days=2),
                "ends_at": timezone.now() - timedelta(days=2) + timedelta(hours=1),
            },
            "redan ägt rum",
        ),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "stängt"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "öppnar"),
    ],
)
def test_registration_is_refused_on_a_meeting_not_open(member, change, message):
    event = EventFactory(**change)
    with pytest.raises(Refused, match=message):
        services.register_member(event=event, user=member)
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_a_cancelled_meeting_tells_every_registrant(process_manager):
    event = EventFactory(capacity=1)
    seated, waiting = UserFactory(), UserFactory()
    services.register_member(event=event, user=seated)
    services.register_member(event=event, user=waiting)
    mail.outbox.clear()
    services.event_cancel(event=event, actor=process_manager, reason="Lokalen är stängd.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
    assert all("Lokalen är stängd." in m.body for m in mail.outbox)
    ics = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert ics.walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_more_seats_move_the_waitlist_up(process_manager):
    from meetmalmo.events.forms import EventForm

    event = EventFactory(capacity=1)
    services.register_member(event=event, user=UserFactory())
    waiting = services.register_member(event=event, user=UserFactory())
    form = EventForm(
        {
            **{f: getattr(event, f) for f in ("slug", "kind", "title_sv", "format", "spoken")},
            "starts_at": timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "ends_at": timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M"),
            "capacity": 2,
            "organiser": event.organiser_id,
        },
        instance=event,
    )
    assert form.is_valid(), form.errors
    services.event_save(form=form, actor=process_manager)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
