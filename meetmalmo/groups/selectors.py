"""Reads on working groups."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from meetmalmo.groups.models import (
    Handover,
    Invitation,
    Membership,
    Milestone,
    Role,
    Update,
    WorkingGroup,
)
from meetmalmo.groups.permissions import can_see_group
from meetmalmo.initiatives.workflow import State


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


def update(group, pk: int) -> Update | None:
    """An update of this group only."""
    return Update.objects.filter(pk=pk, group=group).select_related("group").first()


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


# The desk (SPEC §5): what follows the decision, for one process manager or the whole office.

INVITATION_WARNING = timedelta(days=3)
MILESTONE_WARNING = timedelta(days=7)


def supported_by(user):
    """The groups a process manager supports, as a subquery of ids."""
    return Membership.objects.filter(user=user, role=Role.PROCESS_SUPPORT).values("group_id")


def desk_groups(user=None, *, now=None) -> dict:
    """The groups' part of the desk, as unsliced querysets, most urgent first, for the groups
    `user` supports (every group for None): groups forming with their open invitations and how
    many spheres their members bring; invitations still open that expire within three days;
    handovers waiting for the new owner's acceptance; and the active groups' milestones not
    done that are due within seven days or overdue."""
    now = now or timezone.now()
    groups = WorkingGroup.objects.all()
    # For the whole office no condition at all: `group__in` every group made SQLite test each
    # milestone against the list of all groups, seconds at scale.
    in_scope = Q()
    if user:
        groups = groups.filter(pk__in=supported_by(user))
        in_scope = Q(group__in=groups)
    open_invitation = Q(
        invitations__state=Invitation.State.PENDING, invitations__expires_at__gt=now
    )
    return {
        "forming": groups.filter(initiative__state=State.GROUP_FORMING)
        .select_related("initiative")
        .annotate(
            open_invitations=Count("invitations", filter=open_invitation, distinct=True),
            sphere_count=Count("memberships__user__organisation__sphere", distinct=True),
        )
        .order_by("created_at", "id"),
        "invitations": Invitation.objects.filter(
            in_scope,
            state=Invitation.State.PENDING,
            expires_at__gt=now,
            expires_at__lte=now + INVITATION_WARNING,
        )
        .select_related("group__initiative", "invitee")
        .order_by("expires_at", "id"),
        "handovers": Handover.objects.filter(in_scope, accepted_at=None)
        .select_related("group__initiative", "organisation", "person")
        .order_by("created_at", "id"),
        "milestones": Milestone.objects.filter(
            in_scope,
            group__initiative__state=State.ACTIVE,
            done=False,
            due__lte=timezone.localdate(now) + MILESTONE_WARNING,
        )
        .select_related("group__initiative")
        .order_by("due", "id"),
    }


def groups_per_process_manager() -> dict[int, int]:
    """How many groups still at work (adopted, forming or active) each person supports, by
    their id, in one query."""
    rows = (
        Membership.objects.filter(
            role=Role.PROCESS_SUPPORT,
            group__initiative__state__in=[State.ADOPTED, State.GROUP_FORMING, State.ACTIVE],
        )
        .values("user")
        .annotate(groups=Count("group", distinct=True))
        .order_by()
    )
    return {row["user"]: row["groups"] for row in rows}


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
