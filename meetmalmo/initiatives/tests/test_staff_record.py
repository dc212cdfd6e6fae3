from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.tests.test_initiative_form import good
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
URL = "/en/staff/record/"


def person(**changes):
    return {
        "person-channel": "meeting",
        "person-received_on": timezone.localdate().isoformat(),
        "person-email": "kajsa@hamnkrogen.se",
        "person-name": "Kajsa Holm",
        "person-new_organisation_name": "Hamnkrogen AB",
        "person-new_organisation_sphere": "business",
        **changes,
    }


def test_a_process_manager_records_an_initiative_from_a_meeting_for_a_new_contact(
    client, process_manager, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**good(), **person()})
    initiative = Initiative.objects.get()
    assert response["Location"] == f"/en/staff/cases/{initiative.pk}/"
    assert initiative.state == State.SUBMITTED and initiative.decision_due
    assert (initiative.channel, initiative.recorded_by) == ("meeting", process_manager)
    contact = initiative.submitter
    assert (contact.name, contact.organisation.name) == ("Kajsa Holm", "Hamnkrogen AB")
    assert not contact.has_usable_password()
    assert not EmailAddress.objects.get(user=contact).verified
    assert mail.outbox[0].to == ["kajsa@hamnkrogen.se"]


def test_an_existing_member_keeps_their_account_and_organisation(client, process_manager, member):
    client.force_login(process_manager)
    client.post(
        URL,
        {**good(), **person(**{"person-email": member.email.upper(), "person-channel": "phone"})},
    )
    initiative = Initiative.objects.get()
    assert (initiative.submitter, initiative.organisation) == (member, member.organisation)
    assert User.objects.count() == 2
    assert not Organisation.objects.filter(name="Hamnkrogen AB").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"person-email": "inte-en-adress"}, "person-email"),
        ({"person-channel": "portal"}, "person-channel"),
        ({"person-new_organisation_name": ""}, "person-new_organisation_name"),
        ({"person-name": ""}, "person-name"),
        # 255 characters, which Django's e-mail field takes but the account cannot hold
        ({"person-email": "k" * 244 + "@example.se"}, "person-email"),
        ({"person-email": "k" * 242 + "@İstanbul.se"}, "person-email"),  # longer in lower case
    ],
)
def test_bad_person_details_are_refused_and_nothing_is_saved(
    client, process_manager, changes, field
):
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person(**changes)})
    content = response.content.decode()
    assert f'id="id_{field}_error"' in content
    assert 'value="Sommarjobb i besöksnäringen"' in content
    assert not Initiative.objects.exists()
    assert User.objects.count() == 1  # the process manager


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_only_process_managers_record(client, request, role):
    if role == "member":
        client.force_login(request.getfixturevalue("member"))
    response = client.post(URL, {**good(), **person()})
    assert response.status_code in (302, 403)
    assert not Initiative.objects.exists()


def test_the_form_speaks_to_the_process_manager_about_the_person(client, process_manager):
    client.force_login(process_manager)
    content = client.get(URL).content.decode()
    assert "Their organisation is not in the list" in content
    assert "the person wants to involve" in content
    assert "My organisation" not in content and "you want to involve" not in content
    today = timezone.localdate().isoformat()
    assert f'type="date" name="person-received_on" value="{today}"' in content
    assert 'name="person-assign_to_me" id="id_person-assign_to_me" checked' in content


def test_sv_form_says_their_organisation(client, process_manager):
    client.force_login(process_manager)
    content = client.get("/sv/staff/record/").content.decode()
    assert "Deras organisation finns inte i listan" in content
    assert "din organisation" not in content.lower()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give the day the initiative was received."),
        ("i förrgår", "Write the date as year-month-day"),
        ("2026-02-30", "Write the date as year-month-day"),
        ("9" * 5_000, "Write the date as year-month-day"),
        ("<script>alert(1)</script>", "Write the date as year-month-day"),
        ("2014-12-31", "give a date from 1 January 2015 on"),
        ("tomorrow", "The date cannot be in the future."),
    ],
)
def test_a_bad_received_on_date_is_refused_beside_the_field_keeping_what_was_typed(
    client, process_manager, typed, message
):
    if typed == "tomorrow":
        typed = (timezone.localdate() + timedelta(days=1)).isoformat()
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person(**{"person-received_on": typed})})
    content = response.content.decode()
    error = content.split('id="id_person-received_on_error"', 1)[1].split("</ul>", 1)[0]
    assert message in error
    assert escape(typed) in content and "<script>alert" not in content
    assert 'value="Sommarjobb i besöksnäringen"' in content
    assert not Initiative.objects.exists()


def test_the_swedish_form_refuses_a_future_date_in_swedish(client, process_manager):
    client.force_login(process_manager)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        "/sv/staff/record/", {**good(), **person(**{"person-received_on": tomorrow})}
    )
    assert "Datumet kan inte ligga i framtiden." in response.content.decode()


def test_the_three_weeks_run_from_the_day_it_was_received(client, process_manager):
    received = timezone.localdate() - timedelta(days=20)
    client.force_login(process_manager)
    client.post(URL, {**good(), **person(**{"person-received_on": received.isoformat()})})
    initiative = Initiative.objects.get()
    assert initiative.received_on == received
    assert timezone.localdate(initiative.submitted_at) == received
    assert timezone.localdate(initiative.decision_due) == timezone.localdate() + timedelta(days=1)
    page = client.get(f"/en/staff/cases/{initiative.pk}/").content.decode()
    assert "1 day left" in page
    assert f"on {received:%-d %B %Y} at a meeting" in page


def test_a_case_received_today_starts_its_clock_now(client, process_manager):
    client.force_login(process_manager)
    before = timezone.now()
    client.post(URL, {**good(), **person()})
    initiative = Initiative.objects.get()
    assert before <= initiative.submitted_at <= timezone.now()
    assert initiative.decision_due - initiative.submitted_at == timedelta(days=21)


def test_assign_to_me_gives_the_recorder_the_case_with_its_case_event(
    client, process_manager, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**good(), **person(**{"person-assign_to_me": "on"})})
    initiative = Initiative.objects.get()
    assert initiative.assigned_to == process_manager
    event = initiative.events.get(kind=CaseEvent.Kind.ASSIGNMENT)
    assert (event.assigned_to, event.actor) == (process_manager, process_manager)
    assert [m.to for m in mail.outbox] == [["kajsa@hamnkrogen.se"]]  # no notice to oneself
    page = client.get(response["Location"]).content.decode()
    assert "The initiative is recorded and assigned to you" in page
    assert f"Assigned to {process_manager.name}." in page


def test_without_assign_to_me_the_case_waits_in_the_queue(client, process_manager):
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person()})
    initiative = Initiative.objects.get()
    assert initiative.assigned_to is None
    assert not initiative.events.filter(kind=CaseEvent.Kind.ASSIGNMENT).exists()
    assert "assigned to you" not in client.get(response["Location"]).content.decode()


def test_a_member_without_organisation_is_refused_beside_the_e_mail(client, process_manager):
    loner = UserFactory(organisation=None)
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person(**{"person-email": loner.email})})
    error = response.content.decode().split('id="id_person-email_error"', 1)[1]
    assert "This person&#x27;s account has no organisation yet" in error.split("</ul>", 1)[0]
    assert not Initiative.objects.exists()
