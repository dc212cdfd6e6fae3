import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.accounts.tests.roles import person
from meetmalmo.groups import services
from meetmalmo.groups.permissions import (
    can_accept_handover,
    can_edit_group,
    can_post_update,
    can_see_group,
    is_invited,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "member",
    "other_member",
    "group_member",
    "invitee",
    "process_manager",
    "administrator",
)
# role: (can_see_group, can_edit_group, can_post_update, is_invited, can_accept_handover).
# The member owns the group; the plain group member is named to take over the work; the
# invitee is invited and not yet in; the other member has nothing to do with it.
EXPECTED = {
    "visitor": (False, False, False, False, False),
    "member": (True, True, True, False, False),
    "other_member": (False, False, False, False, False),
    "group_member": (True, False, True, False, True),
    "invitee": (False, False, False, True, False),
    "process_manager": (True, True, True, False, False),
    "administrator": (False, False, False, False, False),
}


@pytest.fixture
def invitee(group, process_manager):
    person = UserFactory()
    services.invite(group=group, invitee=person, actor=process_manager)
    return person


@pytest.fixture
def handover(group, group_member, process_manager):
    return services.handover_record(
        group=group,
        actor=process_manager,
        organisation=OrganisationFactory(),
        person=group_member,
        date=timezone.localdate(),
    )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_has_its_rights_in_the_group(request, group, invitee, handover, role):
    user = person(request, role)
    invitation = group.invitations.get()
    assert (
        can_see_group(user, group),
        can_edit_group(user, group),
        can_post_update(user, group),
        is_invited(user, invitation),
        can_accept_handover(user, handover),
    ) == EXPECTED[role]
