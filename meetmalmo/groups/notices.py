"""Notices about working groups, each in the recipient's language: in their notifications and,
by their settings, by e-mail through the task queue."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from meetmalmo.core.mail import link_for
from meetmalmo.groups.models import Handover, Invitation, Role, Update, WorkingGroup
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.notifications.kinds import Kind
from meetmalmo.notifications.services import notify

INVITATIONS = Kind(
    "group_invitation",
    gettext_lazy("Invitations to working groups and handovers of ownership"),
    essential=True,
)
NEWS = Kind(
    "group_news", gettext_lazy("News of my working groups: updates, answers, the end of the work")
)
KINDS = (INVITATIONS, NEWS)


def _send(kind: Kind, template: str, recipient, context: dict) -> None:
    notify(
        recipient=recipient,
        kind=kind.code,
        template=f"groups/email/{template}",
        context=context,
        link=context["link"],
    )


def send_invitation(invitation_id: int, reminder: bool = False) -> None:
    invitation = Invitation.objects.select_related(
        "group__initiative", "invitee", "invited_by"
    ).get(pk=invitation_id)
    invitee = invitation.invitee
    _send(
        INVITATIONS,
        "invitation_reminder" if reminder else "invitation",
        invitee,
        {
            "invitation": invitation,
            "initiative": invitation.group.initiative,
            "link": link_for(invitee, "groups:invitation", invitation.token),
        },
    )


def send_update(update_id: int) -> None:
    """The group's members hear of a new update, by their settings, all but its writer."""
    update = Update.objects.select_related("group__initiative", "author").filter(pk=update_id)
    update = update.first()
    if update is None:  # deleted before the notice went
        return
    group = update.group
    for membership in group.memberships.select_related("user"):
        if membership.user_id == update.author_id:
            continue
        _send(
            NEWS,
            "update",
            membership.user,
            {
                "update": update,
                "initiative": group.initiative,
                "link": link_for(membership.user, "groups:workspace", group.pk),
            },
        )


def send_answer(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related(
        "group__initiative", "invitee", "invited_by"
    ).get(pk=invitation_id)
    if invitation.invited_by is None:
        return
    _send(
        NEWS,
        "answer",
        invitation.invited_by,
        {
            "invitation": invitation,
            "initiative": invitation.group.initiative,
            "link": link_for(invitation.invited_by, "groups:workspace", invitation.group_id),
        },
    )


def send_handover(handover_id: int) -> None:
    handover = Handover.objects.select_related("group__initiative", "person", "organisation").get(
        pk=handover_id
    )
    _send(
        INVITATIONS,
        "handover",
        handover.person,
        {
            "handover": handover,
            "initiative": handover.group.initiative,
            "link": link_for(handover.person, "groups:workspace", handover.group_id),
        },
    )


def send_handover_accepted(handover_id: int) -> None:
    """The process managers of the work hear that the new owner accepted: the one who proposed
    the handover and those giving the group process support."""
    handover = Handover.objects.select_related(
        "group__initiative", "person", "organisation", "recorded_by"
    ).get(pk=handover_id)
    group = handover.group
    supporters = [
        membership.user
        for membership in group.memberships.filter(role=Role.PROCESS_SUPPORT).select_related("user")
    ]
    told = set()
    for person in [handover.recorded_by, *supporters]:
        if person is None or not person.is_active or person.pk in told:
            continue
        if person.pk == handover.person_id:
            continue
        told.add(person.pk)
        _send(
            NEWS,
            "handover_accepted",
            person,
            {
                "handover": handover,
                "initiative": group.initiative,
                "link": link_for(person, "groups:workspace", group.pk),
            },
        )


def send_ending(group_id: int, event_id: int) -> None:
    group = WorkingGroup.objects.select_related("initiative").get(pk=group_id)
    event = CaseEvent.objects.select_related("actor").get(pk=event_id)
    for membership in group.memberships.select_related("user"):
        if membership.user_id != event.actor_id and membership.user.is_active:
            _send(
                NEWS,
                "ending",
                membership.user,
                {
                    "initiative": group.initiative,
                    "event": event,
                    "link": link_for(membership.user, "groups:workspace", group.pk),
                },
            )


def invitation_preview(*, group: WorkingGroup, invitee, actor, role: str, message: str) -> dict:
    """The invitation's e-mail as the invitee will read it, in their language, before it is
    sent: the subject and the text, with a stand-in for the personal link."""
    invitation = Invitation(
        group=group, invitee=invitee, role=role, message=message.strip(), invited_by=actor
    )
    invitation.expires_at = invitation._meta.get_field("expires_at").get_default()
    with translation.override(invitee.language or "sv"):
        # The stand-in is part of the text the invitee reads, so it is in their language too.
        context = {
            "invitation": invitation,
            "initiative": group.initiative,
            "recipient": invitee,
            "link": gettext("(the invitation's own link)"),
        }
        subject = render_to_string("groups/email/invitation_subject.txt", context).strip()
        body = render_to_string("groups/email/invitation.txt", context).strip()
    return {"subject": subject, "body": body, "language": invitee.language or "sv"}
