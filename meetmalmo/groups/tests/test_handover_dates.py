"""A handover as agreed: proposed and accepted as case events, in effect from its date, and
the process managers told of the answer."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)
from meetmalmo.groups.models import Handover, Membership, Role
from meetmalmo.groups.services import current_owner, handover_accept, handover_record
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.models import CaseEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    return forming_group(process_manager, title="Spelbranschens kompetens")


@pytest.fixture
def company():
    return OrganisationFactory(name="Västra Hamnen Spelstudio AB")


@pytest.fixture
def new_owner(company):
    return UserFactory(name="Vera Vd", email="vera@spel.se", organisation=company)


def propose(client, group, company, day):
    return client.post(
        f"/en/groups/{group.pk}/handover/",
        {
            "handover-organisation": company.pk,
            "handover-email": "vera@spel.se",
            "handover-date": day.isoformat(),
        },
        follow=True,
    )


def role_of(group, user):
    return Membership.objects.get(group=group, user=user).role


def test_the_proposal_is_a_case_event_naming_who_to_whom_and_from_when(
    client, group, process_manager, company, new_owner
):
    day = timezone.localdate() + timedelta(days=20)
    client.force_login(process_manager)
    propose(client, group, company, day)
    event = CaseEvent.objects.get(kind="handover")
    assert event.actor == process_manager and not event.internal
    assert event.reason == (
        f"{process_manager.name} proposes that ownership passes to Västra Hamnen Spelstudio AB "
        f"(Vera Vd) from {day.isoformat()}."
    )
    assert not CaseEvent.objects.filter(kind="ownership").exists()  # nothing accepted yet
    history = client.get(f"/en/staff/cases/{group.initiative_id}/").content.decode()
    assert "proposes that ownership passes to Västra Hamnen Spelstudio AB" in history


def test_an_acceptance_before_the_date_keeps_the_owner_until_that_day(
    client, group, process_manager, company, new_owner, on_the_date
):
    day = timezone.localdate() + timedelta(days=20)
    submitter = group.initiative.submitter
    handover = handover_record(
        group=group, actor=process_manager, organisation=company, person=new_owner, date=day
    )
    client.force_login(new_owner)
    response = client.post(f"/en/groups/handovers/{handover.pk}/accept/", follow=True)
    content = response.content.decode()
    assert f"You become the owner of the work on {day:%-d %B %Y}" in content
    assert f"Västra Hamnen Spelstudio AB (Vera Vd) takes over on {day:%-d %B %Y}" in content
    assert "owned by Västra Hamnen Spelstudio AB" not in content
    assert role_of(group, submitter) == Role.OWNER
    assert role_of(group, new_owner) == Role.MEMBER  # in the group, not yet its owner
    event = CaseEvent.objects.get(kind="ownership")
    today = timezone.localdate().isoformat()
    assert event.reason == (
        f"Ownership passes to Västra Hamnen Spelstudio AB (Vera Vd) from {day.isoformat()}, "
        f"accepted on {today}."
    )

    on_the_date(day - timedelta(days=1))
    assert role_of(group, submitter) == Role.OWNER

    on_the_date(day)
    assert role_of(group, submitter) == Role.MEMBER and role_of(group, new_owner) == Role.OWNER
    handover.refresh_from_db()
    assert handover.applied_at is not None
    page = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert "owned by Västra Hamnen Spelstudio AB (Vera Vd)" in page
    assert "takes over on" not in page
    on_the_date(day + timedelta(days=1))  # a second run passes nothing again
    assert Membership.objects.filter(group=group, role=Role.OWNER).count() == 1


def test_a_handover_agreed_from_a_past_date_passes_at_acceptance(
    client, group, process_manager, company, new_owner
):
    day = timezone.localdate() - timedelta(days=14)
    client.force_login(process_manager)
    propose(client, group, company, day)
    handover = Handover.objects.get()
    assert handover.date == day
    client.force_login(new_owner)
    response = client.post(f"/en/groups/handovers/{handover.pk}/accept/", follow=True)
    content = response.content.decode()
    assert "You are now the owner of the work." in content
    assert "owned by Västra Hamnen Spelstudio AB (Vera Vd)" in content
    assert role_of(group, new_owner) == Role.OWNER
    assert role_of(group, group.initiative.submitter) == Role.MEMBER
    group.refresh_from_db()
    assert current_owner(group) == handover


def test_the_process_managers_are_told_of_the_acceptance_with_a_link_to_the_group(
    client,
    group,
    process_manager,
    company,
    new_owner,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    process_manager.language = "en"
    process_manager.save(update_fields=["language"])
    colleague = ProcessManagerFactory(name="Per Processtöd", language="sv")
    Membership.objects.create(group=group, user=colleague, role=Role.PROCESS_SUPPORT)
    day = timezone.localdate() + timedelta(days=3)
    handover = handover_record(
        group=group, actor=process_manager, organisation=company, person=new_owner, date=day
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        handover_accept(handover=handover, user=new_owner)
    told = {message.to[0]: message for message in mailoutbox}
    assert set(told) == {process_manager.email, colleague.email}  # once each, not the new owner
    english = told[process_manager.email]
    assert english.subject == 'The handover of "Spelbranschens kompetens" is accepted'
    assert "Vera Vd accepted on" in english.body
    assert f"Ownership passes from {day:%-d %B %Y}" in english.body
    link = f"{settings.SITE_URL}/en/groups/{group.pk}/"
    assert link in english.body
    assert f"{settings.SITE_URL}/sv/groups/{group.pk}/" in told[colleague.email].body
    assert "Ägarskapet övergår" in told[colleague.email].body
    client.force_login(process_manager)
    followed = client.get(link.removeprefix(settings.SITE_URL))
    assert followed.status_code == 200
    assert "takes over on" in followed.content.decode()


@pytest.mark.parametrize(
    "days, message",
    [(-400, "at most a year ago"), (800, "at most two years ahead")],
)
def test_a_date_far_away_is_refused_beside_the_field(
    client, group, process_manager, company, new_owner, days, message
):
    client.force_login(process_manager)
    response = client.post(
        f"/en/groups/{group.pk}/handover/",
        {
            "handover-organisation": company.pk,
            "handover-email": "vera@spel.se",
            "handover-date": (timezone.localdate() + timedelta(days=days)).isoformat(),
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="id_handover-date_error"' in content and message in content
    assert 'value="vera@spel.se"' in content
    assert not Handover.objects.exists()


def test_send_reminders_passes_ownership_on_the_agreed_date(
    group, process_manager, company, new_owner
):
    handover = handover_record(
        group=group,
        actor=process_manager,
        organisation=company,
        person=new_owner,
        date=timezone.localdate(),
    )
    Handover.objects.filter(pk=handover.pk).update(accepted_at=timezone.now())
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    assert "1 handovers took effect" in out.getvalue()
    assert role_of(group, new_owner) == Role.OWNER


def test_a_deleted_account_leaves_the_proposal_without_its_name(
    group, process_manager, company, new_owner, django_capture_on_commit_callbacks
):
    from meetmalmo.accounts.services import account_delete

    handover_record(
        group=group,
        actor=process_manager,
        organisation=company,
        person=new_owner,
        date=timezone.localdate(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=new_owner)
    reason = CaseEvent.objects.get(kind="handover").reason
    assert "Vera Vd" not in reason
    assert "Västra Hamnen Spelstudio AB (" in reason
