import pytest
from django.contrib.auth.models import AnonymousUser

from meetmalmo.accounts.permissions import is_administrator, is_member, is_process_manager

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
    user = AnonymousUser() if role == "visitor" else request.getfixturevalue(role)
    assert (is_member(user), is_process_manager(user), is_administrator(user)) == EXPECTED[role]


def test_a_deactivated_process_manager_has_no_rights(process_manager):
    process_manager.is_active = False
    assert not is_process_manager(process_manager)
