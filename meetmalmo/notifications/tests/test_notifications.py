"""A person's notifications: the list with its unread count in the header, the settings per
kind (at once, daily, weekly, off; essential kinds always at once), the digests sent once per
period and never empty, and the one-click unsubscribe of every e-mail that is not essential."""

import re
from datetime import datetime
from html import escape

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.services import message_send, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.notifications import tokens
from meetmalmo.notifications.digests import send_digests
from meetmalmo.notifications.models import Digest, Frequency, Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def manager(db):
    return ProcessManagerFactory(language="en")


@pytest.fixture
def case(member, manager):
    member.language = "en"
    member.save()
    initiative = InitiativeFactory(submitter=member, state=State.IN_REVIEW, assigned_to=manager)
    initiative.start_clock(timezone.now())
    initiative.save()
    return initiative


@pytest.fixture
def office_writes(django_capture_on_commit_callbacks):
    """The process manager writes on the case, and what follows the commit is done."""

    def write(case, manager, text="Vi ses på torsdag?"):
        with django_capture_on_commit_callbacks(execute=True):
            message_send(initiative=case, actor=manager, text=text, attachments=[])

    return write


def at(day: int, hour: int) -> datetime:
    """A moment of a week in December 2026 that starts on Monday the 7th."""
    return timezone.make_aware(datetime(2026, 12, 7 + day, hour))


def choose(person, kind, frequency):
    Preference.objects.update_or_create(user=person, kind=kind, defaults={"frequency": frequency})


def test_a_message_is_in_the_list_counted_in_the_header_and_opens_its_page(
    client, member, manager, case, office_writes
):
    office_writes(case, manager)
    client.force_login(member)
    home = client.get("/en/").content.decode()
    assert re.search(
        r'Notifications <span class="count">1<span class="visually-hidden"> unread', home
    )
    page = client.get("/en/notifications/").content.decode()
    (notification,) = Notification.objects.filter(recipient=member)
    assert escape(f'A message from Meet Malmö about "{case.title}"') in page
    response = client.get(f"/en/notifications/{notification.pk}/")
    assert response["Location"] == f"/en/my/initiatives/{case.pk}/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'class="count"' not in client.get("/en/").content.decode()


def test_mark_all_as_read(client, member, manager, case, office_writes):
    office_writes(case, manager)
    office_writes(case, manager, "Och en sak till.")
    client.force_login(member)
    client.post("/en/notifications/read/")
    assert not Notification.objects.filter(recipient=member, read_at=None).exists()


def test_the_settings_page_saves_a_choice_and_refuses_a_wrong_one(client, member):
    client.force_login(member)
    page = client.get("/en/notifications/settings/").content.decode()
    assert "Messages in the conversation on a case" in page
    assert "Receipts, questions and decisions about my initiatives" in page  # listed, fixed
    assert 'name="case_decision"' not in page
    assert "My registrations for meetings" in page  # listed, fixed
    assert 'name="meeting_registration"' not in page
    data = {
        "case_message": "weekly",
        "case_work": "off",
        "group_news": "daily",
        "following": "at_once",
        "meeting_reminder": "off",
        "meeting_message": "daily",
        "meeting_invitation": "at_once",
    }
    client.post("/en/notifications/settings/", {**data, "case_decision": "off"})
    assert dict(Preference.objects.filter(user=member).values_list("kind", "frequency")) == data
    response = client.post(
        "/en/notifications/settings/",
        {**data, "case_message": "<script>", "group_news": "x" * 10_000},
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert Preference.objects.get(user=member, kind="case_message").frequency == "weekly"


def test_an_at_once_email_can_be_stopped_with_one_click(member, manager, case, office_writes):
    office_writes(case, manager)
    (message,) = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f"Stop e-mails of this kind: {link}" in message.body
    mail_program = Client(enforce_csrf_checks=True)  # no session, no CSRF token
    response = mail_program.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "you no longer get these e-mails" in response.content.decode()
    assert Preference.objects.get(user=member, kind="case_message").frequency == Frequency.OFF
    again = mail_program.post(link).content.decode()
    assert "These e-mails were already stopped." in again
    office_writes(case, manager, "Ett till")
    assert len(mail.outbox) == 1  # no e-mail, yet in the list
    assert Notification.objects.filter(recipient=member).count() == 2


def test_a_link_stops_only_its_own_persons_emails_and_a_forged_one_nothing(
    client, member, other_member, manager, case
):
    token = tokens.make(member, "case_message")
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    response = client.post(f"/en/notifications/unsubscribe/{forged}/")
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()
    assert member.email not in response.content.decode()
    client.post(f"/en/notifications/unsubscribe/{token}/")
    assert not Preference.objects.filter(user=other_member).exists()


def test_essential_emails_come_at_once_without_an_unsubscribe(
    member, manager, case, django_capture_on_commit_callbacks
):
    choose(member, "case_decision", Frequency.OFF)  # not a choice the page offers
    with django_capture_on_commit_callbacks(execute=True):
        request_information(initiative=case, actor=manager, text="Vilka hotell är med?")
    (question,) = mail.outbox
    assert "List-Unsubscribe" not in question.extra_headers
    assert "Stop e-mails" not in question.body


def test_the_daily_digest_goes_once_a_day_with_what_is_new_and_never_empty(
    member, manager, case, office_writes
):
    choose(member, "case_message", Frequency.DAILY)
    office_writes(case, manager, "Första")
    office_writes(case, manager, "Andra")
    assert mail.outbox == []
    Notification.objects.update(created_at=at(0, 5))
    assert send_digests(at(0, 6)) == 0  # before seven in the morning
    assert send_digests(at(0, 7)) == 1
    (digest,) = mail.outbox
    assert digest.subject == "Meet Malmö today: 2 new notifications"
    assert digest.body.count(f"http://testserver/en/my/initiatives/{case.pk}/") == 2
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert send_digests(at(0, 8)) == 0  # once a day
    office_writes(case, manager, "Tredje")
    assert send_digests(at(0, 9)) == 0  # the new one waits for tomorrow's
    assert send_digests(at(1, 7)) == 1
    assert mail.outbox[1].subject == "Meet Malmö today: 1 new notification"
    assert send_digests(at(2, 7)) == 0  # nothing new, nothing sent
    assert len(mail.outbox) == 2
    assert Digest.objects.filter(user=member).count() == 2


def test_the_weekly_digest_goes_once_a_week(member, manager, case, office_writes):
    choose(member, "case_message", Frequency.WEEKLY)
    office_writes(case, manager)
    Notification.objects.update(created_at=at(0, 1))
    assert send_digests(at(0, 7)) == 1
    assert mail.outbox[0].subject == "Meet Malmö this week: 1 new notification"
    office_writes(case, manager, "Igen")
    assert [send_digests(at(day, 10)) for day in range(1, 7)] == [0] * 6
    assert send_digests(at(7, 7)) == 1
    assert len(mail.outbox) == 2


def test_stopping_a_digest_turns_its_kinds_off(member, manager, case, office_writes):
    choose(member, "case_message", Frequency.DAILY)
    office_writes(case, manager)
    Notification.objects.update(created_at=at(0, 5))
    send_digests(at(0, 7))
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    Client().post(link)
    assert Preference.objects.get(user=member, kind="case_message").frequency == Frequency.OFF


def test_the_notifications_list_reads_one_page(client, member, manager, case):
    for n in range(55):
        Notification.objects.create(recipient=member, kind="case_message", text=f"N{n}", path="/")
    client.force_login(member)
    page = client.get("/en/notifications/").content.decode()
    assert "N54<" in page and "N5<" in page and "N4<" not in page
    assert "Older notifications" in page
    older = re.search(r'href="\?before=(\d+)"', page).group(1)
    rest = client.get(f"/en/notifications/?before={older}").content.decode()
    assert "N4<" in rest and "N0<" in rest and "N54<" not in rest
    assert "Older notifications" not in rest
    assert client.get("/en/notifications/?before=x' OR 1=1").status_code == 200
