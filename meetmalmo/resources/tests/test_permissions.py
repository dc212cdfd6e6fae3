import pytest

from meetmalmo.accounts.tests.roles import person
from meetmalmo.resources.permissions import can_join_pool, can_search_pool

pytestmark = pytest.mark.django_db

# role: (can_join_pool, can_search_pool)
EXPECTED = {
    "visitor": (False, False),
    "member": (True, False),
    "other_member": (True, False),
    "process_manager": (True, True),
    "administrator": (True, False),
}


@pytest.mark.parametrize("role", EXPECTED)
def test_members_join_the_pool_and_only_process_managers_search_it(request, role):
    user = person(request, role)
    assert (can_join_pool(user), can_search_pool(user)) == EXPECTED[role]


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("process_manager", 200)])
def test_the_directory_opens_to_process_managers_only(client, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/en/staff/resources/").status_code == status
