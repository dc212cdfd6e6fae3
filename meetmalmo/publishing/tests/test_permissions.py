import pytest

from meetmalmo.accounts.tests.roles import person
from meetmalmo.publishing.permissions import (
    can_decide_report,
    can_moderate_comments,
    can_publish,
    can_write_report,
)

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "member", "other_member", "group_member", "process_manager", "administrator")
OFFICE = {role: role == "process_manager" for role in ROLES}
# The member owns the group's work; a plain member of the group writes no report.
WRITES_REPORT = {**OFFICE, "member": True}


@pytest.mark.parametrize("role", ROLES)
def test_only_process_managers_publish_moderate_and_decide_reports(request, role):
    user = person(request, role)
    assert can_publish(user) == OFFICE[role]
    assert can_moderate_comments(user) == OFFICE[role]
    assert can_decide_report(user) == OFFICE[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_owner_and_process_managers_write_the_groups_report(request, group, role):
    assert can_write_report(person(request, role), group.initiative) == WRITES_REPORT[role]


def test_process_support_writes_the_report_too(group):
    support = group.memberships.get(role="process_support")
    support.user.is_process_manager = False
    support.user.save()
    assert can_write_report(support.user, group.initiative)


def test_nobody_but_the_office_writes_a_report_for_an_initiative_without_a_group(
    member, process_manager
):
    from meetmalmo.initiatives.tests.factories import InitiativeFactory

    initiative = InitiativeFactory(submitter=member)
    assert not can_write_report(member, initiative)
    assert can_write_report(process_manager, initiative)
