"""After a member deletes their account, every page that named them shows a former member,
the office goes on with the case, and nobody's e-mail goes to the missing submitter."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.services import account_delete
from meetmalmo.accounts.tests.footprint import adopt_into_group, footprint, submit
from meetmalmo.groups.models import Membership
from meetmalmo.initiatives.models import CaseEvent, ReplyTemplate
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.publishing.reports import remind_missing_reports

pytestmark = pytest.mark.django_db


@pytest.fixture
def gone(member, other_member, process_manager):
    """The footprint of a member who has since deleted their account."""
    trail = footprint(member, other_member, process_manager)
    account_delete(user=member)
    for case in (trail.initiative, trail.other_group.initiative):
        case.refresh_from_db()
    return trail


def test_the_staff_case_page_shows_a_former_member(client, process_manager, member, gone):
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{gone.initiative.pk}/").content.decode()
    assert "Former member, " + member.organisation.name in page
    assert member.email not in page and member.name not in page
    assert "The submitter has deleted their account" in page
    assert "(Former member)" in page  # their answer in the case history


def test_the_queue_lists_a_case_without_a_submitter(client, process_manager, member):
    submit(member, "Kvar i kön")
    account_delete(user=member)
    client.force_login(process_manager)
    assert "Kvar i kön" in client.get("/en/staff/", {"tab": "open"}).content.decode()


def test_the_office_decides_and_nobody_is_told(
    process_manager, member, django_capture_on_commit_callbacks
):
    case = submit(member, "Beslut utan mottagare")
    account_delete(user=member)
    case.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=case, name="take", actor=process_manager)
        perform_transition(
            initiative=case, name="decline", actor=process_manager, reason="Finns redan."
        )
    assert case.state == "declined" and mail.outbox == []


def test_a_question_to_a_missing_submitter_is_refused_beside_the_field(
    client, process_manager, member
):
    case = submit(member, "Ingen som svarar")
    account_delete(user=member)
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "Ask the submitter" not in page
    response = client.post(f"/en/staff/cases/{case.pk}/question/", {"question-text": "Hallå?"})
    assert response.status_code == 400
    assert "nobody can answer" in response.content.decode()
    assert not case.events.filter(kind="question").exists()


def test_a_bulk_question_skips_a_case_without_a_submitter(
    client, process_manager, member, other_member, django_capture_on_commit_callbacks
):
    template = ReplyTemplate.objects.create(
        kind="question", name="Partner", body_sv="Vilka partner?", body_en="Which partners?"
    )
    orphan, kept = submit(member, "Föräldralös"), submit(other_member, "Har en inlämnare")
    account_delete(user=member)
    client.force_login(process_manager)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/staff/reply/",
            {"cases": [orphan.pk, kept.pk], "template": template.pk},
            follow=True,
        )
    assert "1 question sent." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[other_member.email]]
    assert not orphan.events.filter(kind="question").exists()


def test_a_reply_template_falls_back_to_the_initiatives_language(client, process_manager, member):
    case = submit(member, "Mall utan inlämnare")
    account_delete(user=member)
    template = ReplyTemplate.objects.create(
        kind="decline", name="Nej", body_sv="Det finns redan.", body_en="It exists already."
    )
    perform_transition(initiative=case, name="take", actor=process_manager)
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/", {"template": template.pk})
    assert page.status_code == 200 and "Det finns redan." in page.content.decode()


def test_a_group_opens_without_a_submitter(process_manager, member):
    case = submit(member, "Grupp utan ägare")
    account_delete(user=member)
    case.refresh_from_db()
    group = adopt_into_group(case, process_manager)
    assert list(Membership.objects.filter(group=group).values_list("user", "role")) == [
        (process_manager.pk, "process_support")
    ]


def test_the_workspace_shows_a_former_member(client, process_manager, member, gone):
    client.force_login(process_manager)
    page = client.get(f"/en/groups/{gone.other_group.pk}/").content.decode()
    assert "(Former member)" in page  # the accepted handover, in the heading and in the list
    assert "Former member · " in page  # the update
    assert "Vi har bokat lokal." in page and member.name not in page


def test_the_member_sees_their_former_groups_history_as_a_former_member(
    client, other_member, member, gone
):
    client.force_login(other_member)
    page = client.get(f"/en/my/initiatives/{gone.other_group.initiative.pk}/").content.decode()
    assert "(Former member)" in page and member.name not in page


def test_the_news_page_shows_the_comment_from_a_former_member(client, member, gone):
    gone.comment.refresh_from_db()
    gone.comment.state = "approved"
    gone.comment.save()
    page = client.get(gone.comment.article.get_absolute_url().replace("/sv/", "/en/"))
    content = page.content.decode()
    assert "<strong>Former member</strong>" in content and "Vilken fin dag!" in content
    assert member.name not in content


def test_the_moderation_page_shows_no_address_for_a_former_member(client, process_manager, gone):
    client.force_login(process_manager)
    page = client.get("/en/staff/comments/").content.decode()
    assert "<strong>Former member</strong> ·" in page


def test_the_report_reminder_goes_to_nobody_when_the_submitter_is_gone(process_manager, member):
    case = submit(member, "Avslutat utan rapport")
    group = adopt_into_group(case, process_manager)
    perform_transition(initiative=case, name="activate", actor=process_manager)
    perform_transition(initiative=case, name="complete", actor=process_manager)
    Membership.objects.filter(group=group, role="owner").delete()
    account_delete(user=member)
    mail.outbox.clear()
    assert remind_missing_reports(timezone.now() + timedelta(days=31)) == 1
    assert mail.outbox == []


def test_the_deletion_note_names_nobody(member, gone):
    note = CaseEvent.objects.get(initiative=gone.initiative, kind="note", actor=None)
    assert note.internal and member.name not in note.reason and member.email not in note.reason
