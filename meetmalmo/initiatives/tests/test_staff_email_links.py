"""Every e-mail to a process manager links to the case, where they act on it, and the overdue
reminder says by how many days the decision is late."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.reminders import send_due_reminders
from meetmalmo.initiatives.services import answer_request, assign, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def open_case(days_ago, assigned_to=None):
    initiative = InitiativeFactory(state=State.IN_REVIEW, assigned_to=assigned_to)
    initiative.start_clock(timezone.now() - timedelta(days=days_ago))
    initiative.save()
    return initiative


def case_links(message) -> list[str]:
    return re.findall(r"http://testserver/\w\w/staff/cases/\d+/", message.body)


def assert_link_opens_the_case(client, link, initiative, manager):
    client.force_login(manager)
    response = client.get(link)
    assert response.status_code == 200
    # An initiative in the other language than the page's carries its own lang.
    assert re.search(
        rf"<h1( lang=\"\w\w\")?>{re.escape(initiative.title)}</h1>", response.content.decode()
    )


def test_the_overdue_reminder_links_each_case_and_counts_the_days(
    client, django_capture_on_commit_callbacks
):
    manager = ProcessManagerFactory(language="en")
    late = open_case(days_ago=25, assigned_to=manager)  # due four days ago
    today = open_case(days_ago=21, assigned_to=manager)
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(timezone.now() + timedelta(minutes=1))
    (message,) = [m for m in mail.outbox if m.subject == "2 decisions are overdue"]
    assert "4 days overdue" in message.body
    assert re.search(rf"{re.escape(today.title)} \(due [^)]*, due today\)", message.body)
    links = case_links(message)
    assert f"http://testserver/en/staff/cases/{late.pk}/" in links
    assert_link_opens_the_case(client, links[0], late, manager)


def test_the_swedish_overdue_reminder_counts_the_days_in_swedish(
    django_capture_on_commit_callbacks,
):
    manager = ProcessManagerFactory(language="sv")
    case = open_case(days_ago=22, assigned_to=manager)
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(timezone.now())
    (message,) = [m for m in mail.outbox if "försenat" in m.subject or "sen" in m.subject]
    assert "1 dag försenat" in message.body
    assert f"http://testserver/sv/staff/cases/{case.pk}/" in message.body


def test_the_day_14_and_unassigned_reminders_link_the_case(
    client, django_capture_on_commit_callbacks
):
    manager = ProcessManagerFactory(language="en")
    halfway = open_case(days_ago=14, assigned_to=manager)
    nobodys = open_case(days_ago=3)
    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(timezone.now() + timedelta(minutes=1))
    day_14 = next(m for m in mail.outbox if "a week left" in m.subject)
    assert case_links(day_14) == [f"http://testserver/en/staff/cases/{halfway.pk}/"]
    unassigned = next(m for m in mail.outbox if "waiting for a process manager" in m.subject)
    assert f"http://testserver/en/staff/cases/{nobodys.pk}/" in case_links(unassigned)
    assert_link_opens_the_case(client, case_links(unassigned)[0], nobodys, manager)


def test_the_submitters_answer_links_the_case(
    client, process_manager, django_capture_on_commit_callbacks
):
    case = open_case(days_ago=3, assigned_to=process_manager)
    request_information(initiative=case, actor=process_manager, text="Vilka hotell?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_request(initiative=case, actor=case.submitter, text="Tre vid Stortorget.")
    message = mail.outbox[-1]
    assert message.to == [process_manager.email]
    (link,) = case_links(message)
    assert_link_opens_the_case(client, link, case, process_manager)


def test_an_assignment_links_the_case(client, process_manager, django_capture_on_commit_callbacks):
    colleague = ProcessManagerFactory(language="en")
    case = open_case(days_ago=3)
    with django_capture_on_commit_callbacks(execute=True):
        assign(initiative=case, assignee=colleague, actor=process_manager)
    message = mail.outbox[-1]
    assert message.to == [colleague.email]
    assert "The case: http://testserver/en/staff/cases/" in message.body
    assert_link_opens_the_case(client, case_links(message)[0], case, colleague)
