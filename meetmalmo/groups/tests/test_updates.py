"""A group's updates: its members hear of a new one by their notification settings, and its
writer edits it or, after a page that asks once more, deletes it; nobody else may."""

import pytest
from django.core import mail

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.groups.models import Membership, Update
from meetmalmo.groups.services import update_post
from meetmalmo.notifications.models import Frequency, Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def writer(group):
    person = UserFactory(name="Maja Medlem", language="en")
    Membership.objects.create(group=group, user=person, role="member")
    return person


def url(group, update, action):
    return f"/en/groups/{group.pk}/updates/{update.pk}/{action}/"


def test_a_new_update_tells_the_other_members_by_their_settings(
    client, group, writer, member, process_manager, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=member, kind="group_news", frequency=Frequency.DAILY)
    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/groups/{group.pk}/updates/", {"update-body": "Vi har **tre** hotell."})
    told = set(Notification.objects.filter(kind="group_news").values_list("recipient", flat=True))
    assert told == {member.pk, process_manager.pk}  # not the writer
    (message,) = mail.outbox  # the process manager at once; the member in tomorrow's digest
    assert message.to == [process_manager.email]
    assert "Vi har **tre** hotell." in message.body
    assert f"http://testserver/sv/groups/{group.pk}/" in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_the_writer_edits_their_update(client, group, writer):
    update = update_post(group=group, actor=writer, body="Första utkast")
    client.force_login(writer)
    workspace = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert url(group, update, "edit") in workspace
    response = client.post(url(group, update, "edit"), {"body": "Rättat: fyra hotell"})
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.body == "Rättat: fyra hotell" and update.edited_at is not None
    assert "edited" in client.get(f"/en/groups/{group.pk}/").content.decode()


@pytest.mark.parametrize(
    "body, error",
    [("", "This field is required."), ("x" * 5_001, "at most 5000 characters")],
)
def test_a_wrong_edit_is_refused_beside_the_field_keeping_the_text(
    client, group, writer, body, error
):
    update = update_post(group=group, actor=writer, body="Första utkast")
    client.force_login(writer)
    response = client.post(url(group, update, "edit"), {"body": body})
    assert response.status_code == 400
    page = response.content.decode()
    assert error in page and 'aria-describedby="id_body_helptext id_body_error"' in page
    update.refresh_from_db()
    assert update.body == "Första utkast"


def test_deleting_asks_once_more_and_then_deletes(client, group, writer):
    update = update_post(group=group, actor=writer, body="Fel grupp, förlåt")
    client.force_login(writer)
    confirm = client.get(url(group, update, "delete"))
    assert "Delete your update?" in confirm.content.decode()
    assert Update.objects.filter(pk=update.pk).exists()  # asking deletes nothing
    client.post(url(group, update, "delete"))
    assert not Update.objects.filter(pk=update.pk).exists()


def test_nobody_else_edits_or_deletes_an_update(client, group, writer, member, process_manager):
    update = update_post(group=group, actor=writer, body="Mitt inlägg")
    for person in (member, process_manager, UserFactory()):
        client.force_login(person)
        assert client.get(url(group, update, "edit")).status_code == 404
        assert client.post(url(group, update, "edit"), {"body": "Kapat"}).status_code == 404
        assert client.post(url(group, update, "delete")).status_code == 404
        assert (
            url(group, update, "edit") not in client.get(f"/en/groups/{group.pk}/").content.decode()
        )
    update.refresh_from_db()
    assert update.body == "Mitt inlägg"
