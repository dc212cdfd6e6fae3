"""A member deletes their account: what is only theirs goes, what the office must keep stays
with their name replaced, and a wrong password or a staff account deletes nothing."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db.models import ProtectedError
from django.test import Client, override_settings
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from meetmalmo.accounts.models import FORMER_MEMBER, User
from meetmalmo.accounts.permissions import can_delete_own_account
from meetmalmo.accounts.services import account_delete
from meetmalmo.accounts.tests.factories import PASSWORD
from meetmalmo.accounts.tests.footprint import footprint, submit
from meetmalmo.accounts.tests.roles import person
from meetmalmo.accounts.tests.two_factor import sign_in
from meetmalmo.core.errors import Refused
from meetmalmo.groups.models import Handover, Invitation, Membership
from meetmalmo.initiatives.models import Attachment, CaseEvent, Initiative
from meetmalmo.publishing.models import Comment, Report
from meetmalmo.resources.models import ResourceProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(member, other_member, process_manager):
    return footprint(member, other_member, process_manager)


def delete(client, user, password=PASSWORD, language="en"):
    client.force_login(user)
    return client.post(f"/{language}/my/delete/", {"password": password})


@pytest.mark.parametrize(
    "role, allowed",
    [("visitor", False), ("member", True), ("process_manager", False), ("administrator", False)],
)
def test_only_members_may_delete_their_own_account(request, role, allowed):
    user = person(request, role)
    assert can_delete_own_account(user) is allowed


def test_a_visitor_is_asked_to_sign_in(client):
    for method in (client.get, client.post):
        response = method("/en/my/delete/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_confirmation_page_asks_for_the_password_and_says_what_happens(client, member):
    client.force_login(member)
    page = client.get("/en/my/delete/").content.decode()
    assert "<h1>Delete your account</h1>" in page
    assert 'type="password"' in page and 'autocomplete="current-password"' in page
    assert "drafts of initiatives you never sent" in page
    assert "public records under the City's archive rules" in page


def test_my_page_links_to_the_download_and_the_deletion(client, member):
    client.force_login(member)
    page = client.get("/en/my/").content.decode()
    assert 'href="/en/my/data/"' in page and 'href="/en/my/delete/"' in page


def test_the_member_is_deleted_signed_out_and_told_so(client, member):
    response = delete(client, member)
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    home = client.get("/en/")
    assert "Your account has been deleted and you are signed out." in home.content.decode()
    assert "Sign in" in home.content.decode() and "_auth_user_id" not in client.session


def test_a_wrong_password_deletes_nothing_and_says_so_beside_the_field(client, member):
    response = delete(client, member, password="not-the-password")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_password_error"' in page
    assert '<ul class="errors" id="id_password_error"><li>The password is not right.' in page
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("password", ["", "x" * 5_000, "' OR 1=1 --", "<script>alert(1)</script>"])
def test_a_missing_huge_or_hostile_password_deletes_nothing(client, member, password):
    response = delete(client, member, password=password)
    assert response.status_code == 400 and 'id="id_password_error"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


@pytest.mark.parametrize("role", ["process_manager", "administrator"])
def test_staff_are_told_to_ask_an_administrator(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    page = client.get("/en/my/delete/").content.decode()
    assert "removed by an administrator" in page and 'type="password"' not in page
    response = delete(client, user)
    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk).exists()
    with pytest.raises(Refused):
        account_delete(user=user)


def test_the_whole_footprint_is_deleted_or_anonymised(
    client, member, other_member, process_manager, trail, django_capture_on_commit_callbacks
):
    storage = trail.attachment.file.storage
    kept_file, draft_file = trail.attachment.file.name, trail.draft_attachment.file.name
    others = {
        "initiatives": set(Initiative.objects.exclude(submitter=member).values_list("pk", "title")),
        "memberships": set(
            Membership.objects.exclude(user=member).values_list("pk", "user_id", "role")
        ),
        "comments": set(Comment.objects.exclude(pk=trail.comment.pk).values_list("name", "email")),
        "events": CaseEvent.objects.exclude(initiative=trail.initiative).count(),
    }

    with django_capture_on_commit_callbacks(execute=True):
        assert delete(client, member).status_code == 302

    assert not User.objects.filter(pk=member.pk).exists()
    # Kept with the organisation: the submitted case, its history, its attachment.
    case = Initiative.objects.get(pk=trail.initiative.pk)
    assert case.submitter is None and case.organisation == member.organisation
    assert Attachment.objects.filter(pk=trail.attachment.pk, uploaded_by=None).exists()
    assert storage.exists(kept_file)
    history = list(case.events.order_by("id"))
    assert [e.kind for e in history][-1] == "note" and history[-1].internal
    assert history[-1].actor is None and member.name not in history[-1].reason
    answer = case.events.get(kind="answer")
    assert answer.actor is None and answer.reason == "Tre hotell vid Stortorget."
    # Gone: the draft and its file, memberships, invitations, a handover nobody can accept,
    # the resource profile.
    assert not Initiative.objects.filter(pk=trail.draft.pk).exists()
    assert not storage.exists(draft_file)
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert not Invitation.objects.filter(pk=trail.invitation.pk).exists()
    assert not Handover.objects.filter(pk=trail.waiting_handover.pk).exists()
    assert not ResourceProfile.objects.filter(user_id=member.pk).exists()
    # Kept, shown as a former member: the accepted handover, the update, the report, the comment.
    assert Handover.objects.get(pk=trail.handover.pk).person is None
    ownership = CaseEvent.objects.get(kind="ownership", initiative=trail.other_group.initiative)
    with translation.override(member.language):  # the language they accepted it in
        former = f"({FORMER_MEMBER})"
    assert ownership.actor is None and former in ownership.reason
    assert member.name not in ownership.reason
    trail.update.refresh_from_db()
    assert trail.update.author is None and trail.update.body == "Vi har bokat lokal."
    assert Report.objects.get(pk=trail.report.pk).author is None
    comment = Comment.objects.get(pk=trail.comment.pk)
    assert (comment.name, comment.email, comment.text) == ("", "", "Vilken fin dag!")
    # Everyone else's data is as it was.
    assert (
        set(Initiative.objects.exclude(pk=case.pk).values_list("pk", "title"))
        == (others["initiatives"])
    )
    assert set(Membership.objects.values_list("pk", "user_id", "role")) == others["memberships"]
    assert (
        set(Comment.objects.exclude(pk=comment.pk).values_list("name", "email"))
        == (others["comments"])
    )
    assert CaseEvent.objects.exclude(initiative=case).count() == others["events"]
    assert User.objects.filter(pk__in=[other_member.pk, process_manager.pk]).count() == 2


def test_the_member_is_signed_out_everywhere(client, member, other_member):
    elsewhere, bystander = Client(), Client()
    sign_in(elsewhere, member)  # on another device, through the login page
    sign_in(bystander, other_member)
    assert delete(client, member).status_code == 302
    remaining = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(member.pk) not in remaining and str(other_member.pk) in remaining
    assert elsewhere.get("/en/my/").status_code == 302
    assert bystander.get("/en/my/").status_code == 200


@override_settings(
    EMAIL_BACKEND="meetmalmo.core.mail.TaskEmailBackend",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_messages_to_the_member_leave_the_email_log(
    member, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Till dig", "Hej", None, [member.email])
        send_mail("Till någon annan", "Hej", None, [other_member.email])
    account_delete(user=member)
    subjects = [row.args_kwargs["args"][0]["subject"] for row in DBTaskResult.objects.all()]
    assert subjects == ["Till någon annan"]


def test_if_anything_fails_nothing_is_deleted(member, other_member, process_manager, monkeypatch):
    trail = footprint(member, other_member, process_manager)

    def broken(self, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(User, "delete", broken)
    with pytest.raises(RuntimeError):
        account_delete(user=member)
    assert User.objects.filter(pk=member.pk).exists()
    assert Initiative.objects.filter(pk=trail.draft.pk).exists()
    assert Handover.objects.filter(pk=trail.waiting_handover.pk).exists()
    assert Comment.objects.get(pk=trail.comment.pk).email == member.email.upper()
    assert not CaseEvent.objects.filter(kind="note", actor=None).exists()


def test_something_still_protecting_the_account_is_explained_and_nothing_goes(
    client, member, monkeypatch
):
    draft = submit(member, "Ett utkast", draft=True)

    def protected(self, *args, **kwargs):
        raise ProtectedError("protected", set())

    monkeypatch.setattr(User, "delete", protected)
    response = delete(client, member)
    assert response.status_code == 400
    assert "Your account could not be deleted. Nothing was removed." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()
    assert Initiative.objects.filter(pk=draft.pk).exists()
