from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.models import Reminder
from meetmalmo.initiatives.reminders import send_due_reminders
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def open_case(days_ago, assigned_to=None, state=State.IN_REVIEW):
    initiative = InitiativeFactory(state=state, assigned_to=assigned_to)
    initiative.start_clock(timezone.now() - timedelta(days=days_ago))
    initiative.save()
    return initiative


def run(now, capture):
    with capture(execute=True):
        return send_due_reminders(now)


def subjects_to(person):
    return [m.subject for m in mail.outbox if m.to == [person.email]]


def test_the_assigned_process_manager_hears_at_day_14_then_when_overdue_once_each(
    django_capture_on_commit_callbacks,
):
    manager = ProcessManagerFactory(language="en")
    case = open_case(days_ago=0, assigned_to=manager)
    start = case.submitted_at

    assert run(start + timedelta(days=13), django_capture_on_commit_callbacks)["day_14"] == 0
    assert mail.outbox == []

    run(start + timedelta(days=14, hours=1), django_capture_on_commit_callbacks)
    assert subjects_to(manager) == ["One initiative has a week left until its decision"]
    assert case.title in mail.outbox[0].body

    run(start + timedelta(days=15), django_capture_on_commit_callbacks)  # an hour later, again
    assert len(mail.outbox) == 1

    run(start + timedelta(days=21, hours=1), django_capture_on_commit_callbacks)
    run(start + timedelta(days=22), django_capture_on_commit_callbacks)
    assert subjects_to(manager) == [
        "One initiative has a week left until its decision",
        "A decision is overdue",
    ]


def test_cases_nobody_took_in_two_days_go_to_every_process_manager_once(
    django_capture_on_commit_callbacks,
):
    first, second = ProcessManagerFactory(language="en"), ProcessManagerFactory(language="sv")
    waiting = open_case(days_ago=3, state=State.SUBMITTED)
    open_case(days_ago=1, state=State.SUBMITTED)  # too new
    open_case(days_ago=3, state=State.SUBMITTED, assigned_to=first)  # taken

    counts = run(timezone.now(), django_capture_on_commit_callbacks)
    assert counts["unassigned"] == 1
    assert subjects_to(first) == ["An initiative is waiting for a process manager"]
    assert subjects_to(second) == ["Ett initiativ väntar på en processledare"]
    assert waiting.title in mail.outbox[0].body

    run(timezone.now(), django_capture_on_commit_callbacks)
    assert len([m for m in mail.outbox if "waiting" in m.subject or "väntar" in m.subject]) == 2


@pytest.mark.parametrize("state", [State.ADOPTED, State.DECLINED, State.WITHDRAWN, State.DRAFT])
def test_decided_or_closed_cases_get_no_reminders(state, django_capture_on_commit_callbacks):
    open_case(days_ago=30, assigned_to=ProcessManagerFactory(), state=state)
    counts = run(timezone.now(), django_capture_on_commit_callbacks)
    assert counts == {"day_14": 0, "overdue": 0, "unassigned": 0}
    assert mail.outbox == []


def test_the_command_states_its_counts_and_is_safe_to_repeat(django_capture_on_commit_callbacks):
    manager = ProcessManagerFactory()
    open_case(days_ago=15, assigned_to=manager)
    open_case(days_ago=25, assigned_to=manager)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "1 at day 14, 1 overdue, 0 unassigned" in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "0 at day 14, 0 overdue, 0 unassigned" in out.getvalue()
    assert Reminder.objects.count() == 2
    assert len(mail.outbox) == 2
