import pytest

from meetmalmo.accounts.tests.roles import person
from meetmalmo.initiatives.permissions import can_see_case, is_submitter
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "member", "other_member", "process_manager", "administrator")
# role: (can_see_case of a case in review, of a draft, is_submitter); the member wrote both.
EXPECTED = {
    "visitor": (False, False, False),
    "member": (True, True, True),
    "other_member": (False, False, False),
    "process_manager": (True, False, False),
    "administrator": (False, False, False),
}


@pytest.mark.parametrize("role", ROLES)
def test_the_submitter_and_the_office_see_a_case_and_only_its_writer_a_draft(request, role):
    member = request.getfixturevalue("member")
    case = InitiativeFactory(submitter=member, state=State.IN_REVIEW)
    draft = InitiativeFactory(submitter=member, state=State.DRAFT)
    user = person(request, role)
    assert (can_see_case(user, case), can_see_case(user, draft), is_submitter(user, case)) == (
        EXPECTED[role]
    )
