import pytest

from meetmalmo.accounts.tests.roles import person
from meetmalmo.figures.permissions import can_see_office_figures

pytestmark = pytest.mark.django_db

EXPECTED = {
    "visitor": False,
    "member": False,
    "other_member": False,
    "process_manager": True,
    "administrator": False,
}


@pytest.mark.parametrize("role", EXPECTED)
def test_only_process_managers_see_the_office_figures(request, role):
    user = person(request, role)
    assert can_see_office_figures(user) == EXPECTED[role]
