import pytest

from meetmalmo.accounts.tests.roles import person
from meetmalmo.inventory.permissions import can_keep_inventory, can_keep_register

pytestmark = pytest.mark.django_db

# role: (can_keep_register, can_keep_inventory)
EXPECTED = {
    "visitor": (False, False),
    "member": (False, False),
    "other_member": (False, False),
    "process_manager": (True, True),
    "administrator": (False, False),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_only_process_managers_keep_the_register_and_the_inventory(request, role):
    user = person(request, role)
    assert (can_keep_register(user), can_keep_inventory(user)) == EXPECTED[role]


def test_a_deactivated_process_manager_keeps_nothing(process_manager):
    process_manager.is_active = False
    assert not can_keep_register(process_manager)
    assert not can_keep_inventory(process_manager)
