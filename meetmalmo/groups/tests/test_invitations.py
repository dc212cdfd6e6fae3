import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.groups.models import Invitation, Membership
from meetmalmo.groups.services import invite
from meetmalmo.groups.tests.factories import forming_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    return forming_group(process_manager, title="Sommarjobb på hotell")


@pytest.fixture
def invitee():
    return UserFactory(name="Hanna Hotell", email="hanna@hotell.se", language="en")


def link(invitation):
    return f"/en/groups/invitations/{invitation.token}/"


def test_the_process_manager_invites_by_e_mail_and_the_invitee_gets_a_link(
    client, process_manager, group, invitee, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/groups/{group.pk}/invite/",
            {
                "invite-email": "HANNA@hotell.se",
                "invite-role": "member",
                "invite-message": "Välkommen!",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.invitee, invitation.state) == (invitee, "pending")
    mail = mailoutbox[-1]
    assert mail.to == ["hanna@hotell.se"]
    assert 'working group for "Sommarjobb på hotell"' in mail.subject
    assert f"{settings.SITE_URL}{link(invitation)}" in mail.body
    assert "Välkommen!" in mail.body


def test_an_unknown_e_mail_is_explained_beside_the_field(client, process_manager, group):
    client.force_login(process_manager)
    response = client.post(
        f"/en/groups/{group.pk}/invite/", {"invite-email": "nobody@x.se", "invite-role": "member"}
    )
    content = response.content.decode()
    assert response.status_code == 400 and 'id="id_invite-email_error"' in content
    assert "Ask them to sign up first" in content and 'value="nobody@x.se"' in content
    assert not Invitation.objects.exists()


def test_inviting_twice_or_a_member_is_refused(client, process_manager, group, invitee):
    invite(group=group, invitee=invitee, actor=process_manager)
    client.force_login(process_manager)
    again = client.post(
        f"/en/groups/{group.pk}/invite/", {"invite-email": invitee.email, "invite-role": "member"}
    )
    assert "already has an invitation" in again.content.decode()
    owner = group.initiative.submitter
    member = client.post(
        f"/en/groups/{group.pk}/invite/", {"invite-email": owner.email, "invite-role": "member"}
    )
    assert "is already in the group" in member.content.decode()
    assert Invitation.objects.count() == 1


def test_accepting_adds_the_invitee_to_the_group_once(
    client, process_manager, group, invitee, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = invite(group=group, invitee=invitee, actor=process_manager, role="member")
    client.force_login(invitee)
    page = client.get(link(invitation)).content.decode()
    assert "Accept and join" in page and "Sommarjobb på hotell" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link(invitation), {"action": "accept", "answer": "Gärna!"})
    assert response.status_code == 302 and response.url == f"/en/groups/{group.pk}/"
    assert Membership.objects.filter(group=group, user=invitee, role="member").exists()
    invitation.refresh_from_db()
    assert (invitation.state, invitation.answer) == ("accepted", "Gärna!")
    assert mailoutbox[-1].to == [process_manager.email]
    assert "Gärna!" in mailoutbox[-1].body
    # The link works only once.
    reused = client.post(link(invitation), {"action": "decline"})
    assert reused.status_code == 410 and "already been answered" in reused.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "accepted"


def test_declining_keeps_the_invitee_out(client, process_manager, group, invitee):
    invitation = invite(group=group, invitee=invitee, actor=process_manager)
    client.force_login(invitee)
    client.post(link(invitation), {"action": "decline", "answer": "Inte i höst."})
    invitation.refresh_from_db()
    assert invitation.state == "declined"
    assert not Membership.objects.filter(user=invitee).exists()
    assert "Declined" in client.get("/en/my/").content.decode()


def test_the_link_works_only_for_the_person_invited(
    client, process_manager, group, invitee, other_member
):
    invitation = invite(group=group, invitee=invitee, actor=process_manager)
    client.force_login(other_member)
    response = client.post(link(invitation), {"action": "accept"})
    assert response.status_code == 403
    assert "sent to someone else" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "pending"
    assert not Membership.objects.filter(user=other_member).exists()
    client.logout()
    assert client.get(link(invitation)).status_code == 302  # sign in first


def test_an_expired_invitation_changes_nothing(client, process_manager, group, invitee):
    invitation = invite(group=group, invitee=invitee, actor=process_manager)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    client.force_login(invitee)
    response = client.post(link(invitation), {"action": "accept"})
    assert response.status_code == 410 and "has expired" in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()
    assert "Expired" in client.get("/en/my/").content.decode()


def test_an_unknown_or_malformed_link_is_not_found(client, invitee):
    client.force_login(invitee)
    assert (
        client.get("/en/groups/invitations/00000000-0000-0000-0000-000000000000/").status_code
        == 404
    )
    assert client.get("/en/groups/invitations/not-a-token/").status_code == 404


def test_send_reminders_reminds_once_before_expiry_and_then_expires(
    process_manager, group, invitee, mailoutbox
):
    invitation = invite(group=group, invitee=invitee, actor=process_manager)
    mailoutbox.clear()
    call_command("send_reminders", stdout=io.StringIO())
    assert not mailoutbox  # 14 days left
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(days=2)
    )
    for _ in range(2):
        call_command("send_reminders", stdout=io.StringIO())
    assert len(mailoutbox) == 1 and "expires soon" in mailoutbox[0].subject
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    call_command("send_reminders", stdout=io.StringIO())
    invitation.refresh_from_db()
    assert invitation.state == "expired"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"invite-email": "not-an-address", "invite-role": "member"}, "email"),
        ({"invite-email": "hanna@hotell.se", "invite-role": "king"}, "role"),
        (
            {
                "invite-email": "hanna@hotell.se",
                "invite-role": "member",
                "invite-message": "x" * 2001,
            },
            "message",
        ),
    ],
)
def test_bad_invitations_are_explained_beside_the_field(
    client, process_manager, group, invitee, data, field
):
    client.force_login(process_manager)
    response = client.post(f"/en/groups/{group.pk}/invite/", data)
    assert response.status_code == 400
    assert f'id="id_invite-{field}_error"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_an_answer_too_long_is_refused_and_the_invitation_stays_open(
    client, process_manager, group, invitee
):
    invitation = invite(group=group, invitee=invitee, actor=process_manager)
    client.force_login(invitee)
    response = client.post(link(invitation), {"action": "accept", "answer": "x" * 2001})
    assert 'id="id_answer_error"' in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "pending" and not Membership.objects.filter(user=invitee).exists()


@pytest.mark.parametrize("user", ["", "not-a-number", "999999"])
def test_inviting_from_the_match_list_someone_unknown_is_not_found(
    client, process_manager, group, user, mailoutbox
):
    client.force_login(process_manager)
    response = client.post(f"/en/staff/groups/{group.pk}/match/invite/", {"user": user})
    assert response.status_code == 404
    assert not Invitation.objects.filter(group=group).exists()
    assert mailoutbox == []
