import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.groups import selectors
from meetmalmo.groups.models import (
    Handover,
    Invitation,
    Link,
    Membership,
    Milestone,
    Role,
    Update,
    WorkingGroup,
)
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db

GROUP_STATES = {State.GROUP_FORMING, State.ACTIVE, State.COMPLETED, State.DISCONTINUED}


def run(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            WorkingGroup,
            Membership,
            Invitation,
            Milestone,
            Update,
            Link,
            Handover,
            CaseEvent,
        )
    )


def test_every_initiative_that_came_that_far_has_a_group_with_content():
    output = run()
    assert "4 working groups set up" in output
    groups = WorkingGroup.objects.select_related("initiative")
    assert {g.initiative.state for g in groups} == GROUP_STATES
    assert not Initiative.objects.filter(state__in=GROUP_STATES, group__isnull=True).exists()
    for group in groups:
        roles = set(group.memberships.values_list("role", flat=True))
        assert {Role.OWNER, Role.PROCESS_SUPPORT, Role.COORDINATOR, Role.MEMBER} <= roles
        assert 2 <= group.milestones.count() <= 4
        assert group.milestones.filter(done=True).exists()
        assert 2 <= group.updates.count() <= 3
        assert 1 <= group.links.count() <= 2
        assert all(url.startswith("https://") for url in group.links.values_list("url", flat=True))
    sizes = [
        len(selectors.spheres(selectors.workspace(g.pk, g.initiative.assigned_to))) for g in groups
    ]
    assert sorted(sizes) == [2, 3, 3, 3]


def test_invitations_are_in_every_state_and_accepted_ones_made_members():
    run()
    assert set(Invitation.objects.values_list("state", flat=True)) == set(Invitation.State.values)
    now = timezone.now()
    for invitation in Invitation.objects.filter(state=Invitation.State.EXPIRED):
        assert invitation.created_at < invitation.expires_at < now
    for invitation in Invitation.objects.filter(state=Invitation.State.PENDING):
        assert invitation.expires_at > now
        assert invitation.shown_state == Invitation.State.PENDING.label
    for invitation in Invitation.objects.filter(state=Invitation.State.ACCEPTED):
        assert invitation.answered_at is not None
        assert Membership.objects.filter(group=invitation.group, user=invitation.invitee).exists()
    declined = Invitation.objects.filter(state=Invitation.State.DECLINED)
    assert all(i.answered_at and i.answer for i in declined)


def test_one_group_has_an_accepted_handover_with_its_ownership_event():
    run()
    handover = Handover.objects.exclude(accepted_at=None).get()
    assert handover.organisation.sphere == "business"
    assert handover.group.initiative.state == State.ACTIVE
    owner = handover.group.memberships.get(role=Role.OWNER)
    assert owner.user == handover.person
    assert handover.group.initiative.events.filter(
        kind=CaseEvent.Kind.OWNERSHIP, actor=handover.person
    ).exists()


def test_the_demo_handover_was_proposed_before_it_was_accepted():
    run()
    handover = Handover.objects.exclude(accepted_at=None).get()
    events = handover.group.initiative.events
    proposed = events.get(kind=CaseEvent.Kind.HANDOVER)
    accepted = events.get(kind=CaseEvent.Kind.OWNERSHIP)
    assert proposed.created_at < accepted.created_at == handover.accepted_at
    assert handover.applied_at == handover.accepted_at  # its date had come: it passed then


def test_running_it_twice_creates_nothing_new():
    run()
    before = counts()
    output = run()
    assert counts() == before
    assert "0 working groups set up" in output


def test_scale_gives_bulk_initiatives_their_groups_once():
    run("--scale", "50")
    bulk = Initiative.objects.filter(title__startswith="Skalinitiativ ", state__in=GROUP_STATES)
    assert bulk.exists()
    assert not bulk.filter(group__isnull=True).exists()
    groups = WorkingGroup.objects.filter(initiative__in=bulk)
    assert groups.count() == bulk.count()
    assert Membership.objects.filter(group__in=groups, role=Role.OWNER).count() == groups.count()
    assert Membership.objects.filter(group__in=groups, role=Role.MEMBER).exists()
    before = counts()
    run("--scale", "50")
    assert counts() == before
