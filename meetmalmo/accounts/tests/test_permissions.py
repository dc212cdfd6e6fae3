import pytest

from meetmalmo.accounts.permissions import (
    is_administrator,
    is_member,
    is_process_manager,
    must_set_up_two_factor,
    must_use_two_factor,
)
from meetmalmo.accounts.tests.roles import person
from meetmalmo.accounts.tests.two_factor import give_two_factor

pytestmark = pytest.mark.django_db

EXPECTED = {
    # role: (is_member, is_process_manager, is_administrator)
    "visitor": (False, False, False),
    "member": (True, False, False),
    "process_manager": (True, True, False),
    "administrator": (True, False, True),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_has_exactly_its_rights(request, role):
    user = person(request, role)
    assert (is_member(user), is_process_manager(user), is_administrator(user)) == EXPECTED[role]


def test_a_deactivated_process_manager_has_no_rights(process_manager):
    process_manager.is_active = False
    assert not is_process_manager(process_manager)


@pytest.mark.parametrize(
    ("role", "must"),
    [("visitor", False), ("member", False), ("process_manager", True), ("administrator", True)],
)
def test_staff_must_use_two_factor_where_it_is_required(request, settings, role, must):
    user = person(request, role)
    assert not must_use_two_factor(user)  # off unless required
    settings.MFA_REQUIRED_FOR_STAFF = True
    assert must_use_two_factor(user) == must
    assert must_set_up_two_factor(user) == must
    if must:
        give_two_factor(user)
        assert not must_set_up_two_factor(user)


@pytest.mark.parametrize(
    ("role", "check"),
    [("process_manager", is_process_manager), ("administrator", is_administrator)],
)
def test_staff_without_two_factor_are_not_yet_staff_where_it_is_required(
    request, settings, role, check
):
    user = person(request, role)
    assert check(user)  # staff while two-factor is not required
    settings.MFA_REQUIRED_FOR_STAFF = True
    assert not check(user)
    give_two_factor(user)
    assert check(user)
