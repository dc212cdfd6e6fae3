"""The messages sent from a project page as the working group sees them: the office reads them
all on the group's page, and only the owner chooses whether they come to them."""

import pytest

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.groups.models import Membership, ProjectMessage
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    group = forming_group(process_manager, title="Hamnen som mötesplats")
    Membership.objects.create(group=group, user=UserFactory(), role="member")
    return group


def owner(group):
    return group.memberships.get(role="owner").user


def message(group, **fields):
    values = {
        "name": "Karin Läsare",
        "email": "karin@example.se",
        "organisation": "Hamnföreningen",
        "message": "Vi vill gärna bidra med lokaler.",
        **fields,
    }
    return ProjectMessage.objects.create(initiative=group.initiative, **values)


def test_the_office_sees_the_messages_on_the_group(client, group, process_manager):
    message(group)
    message(group, name="Spammare", spam=True)
    client.force_login(process_manager)
    page = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert "Messages from the project page" in page
    assert "Vi vill gärna bidra med lokaler." in page and "karin@example.se" in page
    assert "Spammare" not in page


def test_a_members_offer_to_take_part_can_be_answered_with_an_invitation(
    client, group, process_manager
):
    resource = ResourceFactory().user
    message(group, sender=resource, offers_help=True)
    client.force_login(process_manager)
    page = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert "Offers to take part as a resource" in page
    invite = f"/en/staff/groups/{group.pk}/match/invite/?user={resource.pk}"
    assert f'href="{invite}"' in page
    form = client.get(invite).content.decode()
    assert resource.name in form and 'name="role"' in form and 'name="message"' in form


@pytest.mark.parametrize("role", ["member", "owner"])
def test_group_members_other_than_the_owner_do_not_read_the_messages(client, group, role):
    message(group)
    client.force_login(group.memberships.filter(role=role).first().user)
    page = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert "karin@example.se" not in page
    if role == "member":
        assert "Who answers the messages?" not in page


def test_the_owner_chooses_to_answer_the_messages(client, group):
    client.force_login(owner(group))
    assert "Who answers the messages?" in client.get(f"/en/groups/{group.pk}/").content.decode()
    response = client.post(f"/en/groups/{group.pk}/messages/recipient/", {"to": "owner"})
    assert response.status_code == 302
    assert response["Location"] == f"/en/groups/{group.pk}/#contact-title"
    group.refresh_from_db()
    assert group.owner_answers_messages is True
    client.post(f"/en/groups/{group.pk}/messages/recipient/", {"to": "office"})
    group.refresh_from_db()
    assert group.owner_answers_messages is False


@pytest.mark.parametrize("who", ["process_manager", "member", "outsider", "visitor"])
def test_nobody_but_the_owner_chooses(client, group, process_manager, who):
    people = {
        "process_manager": process_manager,
        "member": group.memberships.get(role="member").user,
        "outsider": UserFactory(),
    }
    if who != "visitor":
        client.force_login(people[who])
    response = client.post(f"/en/groups/{group.pk}/messages/recipient/", {"to": "owner"})
    assert response.status_code in (302, 404)
    if who == "visitor":
        assert "/accounts/login/" in response["Location"]
    group.refresh_from_db()
    assert group.owner_answers_messages is False


def test_choosing_answers_only_post(client, group):
    client.force_login(owner(group))
    assert client.get(f"/en/groups/{group.pk}/messages/recipient/").status_code == 405
