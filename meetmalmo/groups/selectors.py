"""Reads on working groups."""

from django.db.models import Prefetch

from meetmalmo.groups.models import (
    Handover,
    Invitation,
    Membership,
    Milestone,
    Role,
    WorkingGroup,
)
from meetmalmo.groups.permissions import can_see_group


def workspace(pk: int, user) -> WorkingGroup | None:
    """A group with all its workspace shows, in a fixed number of queries; nothing for anyone
    who may not see it, so that a changed id reveals nothing."""
    group = (
        WorkingGroup.objects.select_related("initiative__organisation")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related(
                    "user__organisation", "user__resource_profile"
                ),
            ),
            Prefetch("invitations", queryset=Invitation.objects.select_related("invitee")),
            "milestones",
            "updates__author",
            "links",
            "handovers__organisation",
            "handovers__person",
            "initiative__focus_areas",
            "initiative__reports",
        )
        .filter(pk=pk)
        .first()
    )
    if group is None or not can_see_group(user, group):
        return None
    return group


def spheres(group) -> list[str]:
    """The spheres the members bring, by name, from the prefetched memberships."""
    found = {
        m.user.organisation.get_sphere_display()
        for m in group.memberships.all()
        if m.user.organisation
    }
    return sorted(found)


def groups_of(user):
    return (
        WorkingGroup.objects.filter(memberships__user=user)
        .select_related("initiative")
        .order_by("-created_at")
    )


def invitations_of(user):
    return (
        Invitation.objects.filter(invitee=user)
        .select_related("group__initiative")
        .order_by("-created_at")
    )


def handovers_waiting_for(user):
    return Handover.objects.filter(person=user, accepted_at=None).select_related(
        "group__initiative", "organisation"
    )


def milestone(group, pk: int) -> Milestone | None:
    """A milestone of this group only."""
    return Milestone.objects.filter(pk=pk, group=group).first()


def handover(pk: int) -> Handover | None:
    return Handover.objects.select_related("group").filter(pk=pk).first()


def invitation(token: str) -> Invitation | None:
    """The invitation a reply link names, with what its page shows."""
    return (
        Invitation.objects.select_related("group__initiative", "invited_by")
        .filter(token=token)
        .first()
    )


def milestones_supported_by(user):
    """The milestones still to reach in the groups where a person gives process support, for
    their calendar. One query, soonest first."""
    return (
        Milestone.objects.filter(
            done=False,
            group__memberships__user=user,
            group__memberships__role=Role.PROCESS_SUPPORT,
        )
        .select_related("group__initiative")
        .order_by("due", "pk")
        .distinct()
    )
