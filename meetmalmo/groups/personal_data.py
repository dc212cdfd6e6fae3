"""What the groups app keeps about a person (see accounts.personal_data): their memberships,
invitations, updates and handovers of ownership, and the messages they sent from project pages."""

from django.db.models import Q
from django.utils import translation

from meetmalmo.accounts.models import FORMER_MEMBER
from meetmalmo.accounts.personal_data import Holding, Person, when
from meetmalmo.groups.models import Handover, Invitation, Membership, ProjectMessage, Update
from meetmalmo.initiatives.models import CaseEvent


def _export(person: Person) -> dict:
    user = person.user
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("group__initiative")
        .prefetch_related("group__milestones")
        .order_by("joined_at", "id")
    )
    invitations = (
        Invitation.objects.filter(invitee=user)
        .select_related("group__initiative", "invited_by")
        .order_by("created_at", "id")
    )
    updates = (
        Update.objects.filter(author=user)
        .select_related("group__initiative")
        .order_by("created_at", "id")
    )
    handovers = (
        Handover.objects.filter(person=user)
        .select_related("group__initiative", "organisation")
        .order_by("created_at", "id")
    )
    messages = (
        ProjectMessage.objects.filter(Q(sender=user) | Q(email__in=person.addresses))
        .select_related("initiative")
        .order_by("created_at", "id")
    )
    return {
        "project_messages": [
            {
                "initiative": m.initiative.title,
                "sent": when(m.created_at),
                "name": m.name,
                "email": m.email,
                "organisation": m.organisation,
                "message": m.message,
                "offers_help": m.offers_help,
            }
            for m in messages
        ],
        "group_memberships": [
            {
                "group_id": m.group_id,
                "initiative": m.group.initiative.title,
                "role": m.role,
                "joined": when(m.joined_at),
                "milestones": [
                    {"title": s.title, "due": when(s.due), "done": s.done}
                    for s in m.group.milestones.all()
                ],
            }
            for m in memberships
        ],
        "invitations": [
            {
                "group_id": i.group_id,
                "initiative": i.group.initiative.title,
                "role": i.role,
                "state": i.state,
                "message": i.message,
                "invited_by": i.invited_by.name if i.invited_by else None,
                "sent": when(i.created_at),
                "expires": when(i.expires_at),
                "answered": when(i.answered_at),
                "answer": i.answer,
            }
            for i in invitations
        ],
        "updates": [
            {
                "group_id": u.group_id,
                "initiative": u.group.initiative.title,
                "posted": when(u.created_at),
                "text": u.body,
            }
            for u in updates
        ],
        "handovers": [
            {
                "group_id": h.group_id,
                "initiative": h.group.initiative.title,
                "organisation": h.organisation.name,
                "from": when(h.date),
                "note": h.note,
                "recorded": when(h.created_at),
                "accepted": when(h.accepted_at),
                "took_effect": when(h.applied_at),
            }
            for h in handovers
        ],
    }


def _erase(person: Person) -> None:
    """Memberships, invitations and updates' authorship go with the account; accepted handovers
    stay as the record of who owns the work."""
    user = person.user
    # The note written when they accepted a handover names them (services.handover_accept).
    # The case history stays, with the name replaced: the one change ever made to written
    # history, so it goes through the base manager on purpose.
    with translation.override(user.language):
        former = f"({FORMER_MEMBER})"
    # The proposal of a handover to them names them too (services.handover_record).
    proposed = Handover.objects.filter(person=user).values("group__initiative_id")
    events = CaseEvent.objects.filter(actor=user, kind=CaseEvent.Kind.OWNERSHIP) | (
        CaseEvent.objects.filter(kind=CaseEvent.Kind.HANDOVER, initiative_id__in=proposed)
    )
    for event in events:
        if user.name and f"({user.name})" in event.reason:
            CaseEvent._base_manager.filter(pk=event.pk).update(
                reason=event.reason.replace(f"({user.name})", former)
            )
    # A handover nobody can accept any more would block the next one.
    Handover.objects.filter(person=user, accepted_at=None).delete()
    # Messages sent from a project page stay with the work, without who sent them.
    ProjectMessage.objects.filter(Q(sender=user) | Q(email__in=person.addresses)).update(
        name="", email="", organisation="", sender=None
    )


HOLDING = Holding(
    export=_export,
    erase=_erase,
    ties=((Membership, "user"), (Invitation, "invitee"), (Handover, "person"), (Update, "author")),
)
