"""The meetings' jobs: the reminder the day before, and deleting visitors' data after."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.accounts.personal_data import erase, personal_data
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _reminders() -> str:
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_the_day_before_each_seat_is_reminded_once_however_often_the_job_runs():
    tomorrow = EventFactory(starts_at=timezone.now() + timedelta(hours=20))
    RegistrationFactory(event=tomorrow, email="sara@example.se")
    RegistrationFactory(event=tomorrow, email="vantar@example.se", status="waitlisted")
    later = EventFactory(starts_at=timezone.now() + timedelta(days=3))
    RegistrationFactory(event=later)
    assert "1 meeting reminders sent" in _reminders()
    assert "0 meeting reminders sent" in _reminders()
    (message,) = mail.outbox
    assert message.to == ["sara@example.se"]
    assert "I morgon" in message.subject
    assert "/sv/events/cancel/" in message.body


def test_a_cancelled_meeting_sends_no_reminder():
    event = EventFactory(starts_at=timezone.now() + timedelta(hours=20), state="cancelled")
    RegistrationFactory(event=event)
    _reminders()
    assert not mail.outbox


def test_retention_deletes_only_visitors_of_meetings_long_past(settings, member):
    settings.EVENT_VISITOR_RETENTION_DAYS = 90
    old = EventFactory(
        starts_at=timezone.now() - timedelta(days=100),
        ends_at=timezone.now() - timedelta(days=100) + timedelta(hours=2),
    )
    recent = EventFactory(
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2),
    )
    RegistrationFactory(event=old, email="gammal@example.se")
    RegistrationFactory(event=old, user=member, email=member.email)
    RegistrationFactory(event=recent, email="ny@example.se")
    out = StringIO()
    call_command("prune_event_visitors", stdout=out)
    assert "deleted: 1." in out.getvalue()
    assert sorted(Registration.objects.values_list("email", flat=True)) == sorted(
        [member.email, "ny@example.se"]
    )


def test_registrations_are_in_the_data_download_and_go_with_the_account(member):
    event = EventFactory(capacity=1, title_sv="Frukost i Hyllie")
    RegistrationFactory(event=event, user=member, email=member.email)
    waiting = RegistrationFactory(
        event=event, email="vantar@example.se", status="waitlisted", waitlisted_at=timezone.now()
    )
    data = personal_data(member)
    assert data["event_registrations"][0]["event"] == "Frukost i Hyllie"
    erase(member)
    assert not Registration.objects.filter(user=member).exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"  # the seat freed went to the waitlist
