"""With MFA_REQUIRED_FOR_STAFF on, a process manager or an administrator who has only a password
is not yet staff anywhere (SPEC §2, §7): every address of the access matrix is asked for by each
of them before they set up two-factor, and none of them opens what only staff may open. They
get what a member who owns nothing gets, or are sent to set up their authenticator app; a POST
that staff may make changes nothing; no page shows them the facts only staff and the group may
read."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetmalmo.core.tests.test_access_matrix import (
    TABLE,
    address,
    body,
    changed_tables,
    clients,  # noqa: F401 (a fixture)
    database,
    fill,
    to,
    world,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.django_db

# Each role's person without two-factor: for the process managers, the colleague, who is in no
# working group (the one of the world has the group's process manager as a member).
WITHOUT_TWO_FACTOR = {"process_manager": "colleague", "administrator": "administrator"}


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def set_up_two_factor():
    with translation.override("sv"):
        return to(reverse("mfa_activate_totp"))


def signed_in(clients, world, role):  # noqa: F811
    client = clients[role]
    client.cookies.clear()
    client.force_login(getattr(world, WITHOUT_TWO_FACTOR[role]))
    return client


def acceptable(row, role):
    """What may answer the role: what a member who owns nothing gets, or the way to set up."""
    return [row.get["member"], set_up_two_factor()]


@pytest.mark.parametrize("key", sorted(key for key, row in TABLE.items() if not row.skip))
def test_staff_without_two_factor_open_nothing_staff_only(key, world, clients):  # noqa: F811
    row = TABLE[key]
    url = address(key, world)
    problems = []
    for role in WITHOUT_TWO_FACTOR:
        response = signed_in(clients, world, role).get(url)
        answers = [outcome.problem(response, world, url) for outcome in acceptable(row, role)]
        if all(answers):
            problems.append(f"{role}: {' / '.join(answers)}")
        shown = [fact for fact in world.private if fact in body(response)]
        if shown:
            problems.append(f"{role} is shown {shown}")
    assert not problems, f"GET {url}\n" + "\n".join(problems)


# Every POST that changes something for staff, or for someone in the group, and that a member
# who owns nothing may not make: the one that works (`data`) is made by each of them.
STAFF_POSTS = sorted(
    key
    for key, row in TABLE.items()
    if row.data is not None
    and not row.skip
    and (row.allowed in WITHOUT_TWO_FACTOR or "member" in row.post)
)


@pytest.mark.parametrize("key", STAFF_POSTS)
def test_staff_without_two_factor_change_nothing(
    key,
    world,  # noqa: F811
    clients,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    row = TABLE[key]
    url = address(key, world)
    problems = []
    for role in WITHOUT_TWO_FACTOR:
        client = signed_in(clients, world, role)
        before = database()
        with django_capture_on_commit_callbacks() as scheduled:
            response = client.post(url, fill(row.data, world))
        changed = changed_tables(before, database())
        if changed or scheduled:
            problems.append(
                f"{role} answered {response.status_code}, changed {changed} and scheduled "
                f"{len(scheduled)} tasks"
            )
    assert not problems, f"POST {url} without two-factor\n" + "\n".join(problems)


def test_once_set_up_the_process_manager_is_staff_again(world, clients):  # noqa: F811
    from meetmalmo.accounts.tests.two_factor import give_two_factor

    give_two_factor(world.colleague)
    client = signed_in(clients, world, "process_manager")
    response = client.get(address("groups:workspace", world))
    assert response.status_code == 200
    assert world.group_member.email in body(response)
