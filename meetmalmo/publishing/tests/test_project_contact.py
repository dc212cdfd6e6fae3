"""“Contact the project”: a message from a project's public page to the office, or to the owner
who agreed to answer, with spam traps and limits, never giving the owner's address away."""

import time
from unittest import mock

import pytest
from django.core import mail, signing

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.groups.models import Membership, ProjectMessage, Role
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.publishing.forms import MESSAGE_STARTED
from meetmalmo.publishing.services import project_open

pytestmark = pytest.mark.django_db
URL = "/en/projects/hamnen/contact/"


def started(seconds_ago: float) -> str:
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return signing.TimestampSigner(salt=MESSAGE_STARTED).sign("project-message")


def good(**changes):
    return {
        "name": "Karin Läsare",
        "email": "karin@example.se",
        "organisation": "Hamnföreningen",
        "message": "Vi vill gärna vara med och bidra med lokaler.",
        "website": "",
        "started": started(30),
        **changes,
    }


@pytest.fixture
def page(settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "http://portal.example"
    settings.CONTACT_EMAIL = "meetmalmo@malmo.se"
    group = forming_group(title="Hamnen som mötesplats")
    project = project_open(group.initiative, None)
    project.slug = "hamnen"
    project.published_at = project.created_at
    project.save()
    return project


def send(client, data, capture):
    with capture(execute=True):
        return client.post(URL, data)


def test_the_project_page_offers_contact(client, page):
    html = client.get("/en/projects/hamnen/").content.decode()
    assert 'href="/en/projects/hamnen/contact/"' in html
    assert "Contact the project" in html


def test_a_visitors_message_goes_to_the_office_with_a_link_and_a_receipt(
    client, page, django_capture_on_commit_callbacks
):
    response = send(client, good(), django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/en/projects/hamnen/"
    message = ProjectMessage.objects.get()
    assert (message.name, message.sent_to, message.spam) == ("Karin Läsare", "office", False)
    office, receipt = mail.outbox
    assert office.to == ["meetmalmo@malmo.se"] and office.reply_to == ["karin@example.se"]
    assert "Vi vill gärna vara med" in office.body
    assert f"http://portal.example/sv/groups/{page.initiative.group.pk}/" in office.body
    assert receipt.to == ["karin@example.se"]
    assert "http://portal.example/en/projects/hamnen/" in receipt.body
    assert "Vi vill gärna" not in receipt.body  # nobody's text is sent to a typed address
    thanks = client.get("/en/projects/hamnen/").content.decode()
    assert "Your message is passed on" in thanks


def test_the_owner_who_agreed_gets_it_and_the_sender_never_sees_their_address(
    client, page, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="agare@foretag.se", language="sv")
    group = page.initiative.group
    Membership.objects.update_or_create(group=group, user=owner, defaults={"role": Role.OWNER})
    Membership.objects.filter(group=group, role=Role.OWNER).exclude(user=owner).delete()
    group.owner_answers_messages = True
    group.save()
    response = send(client, good(), django_capture_on_commit_callbacks)
    assert ProjectMessage.objects.get().sent_to == "owner"
    to_owner, receipt = mail.outbox
    assert to_owner.to == ["agare@foretag.se"] and to_owner.reply_to == ["karin@example.se"]
    assert f"http://portal.example/sv/groups/{group.pk}/" in to_owner.body
    assert "agare@foretag.se" not in receipt.body + receipt.subject
    assert "agare@foretag.se" not in client.get(response["Location"]).content.decode()
    assert "agare@foretag.se" not in client.get(URL).content.decode()


@pytest.mark.parametrize(
    "changes", [{"website": "http://spam.example"}, {"started": "now"}, {"started": "forged"}]
)
def test_spam_is_kept_apart_and_sends_nothing(
    client, page, changes, django_capture_on_commit_callbacks
):
    if changes.get("started") == "now":
        changes = {"started": started(0)}
    response = send(client, good(**changes), django_capture_on_commit_callbacks)
    assert response.status_code == 302  # the sender is not told
    assert ProjectMessage.objects.get().spam is True
    assert not mail.outbox


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"message": ""}, "message", "This field is required."),
        ({"message": "x" * 3_001}, "message", "at most 3000 characters"),
        ({"name": "x" * 81}, "name", "at most 80 characters"),
        ({"message": "http://a.se http://b.se http://c.se"}, "message", "At most 2 links"),
        ({"name": "Buy at http://spam.example"}, "name", "without a web address"),
        ({"message": "<script>alert(1)</script>\x00"}, "message", "Null characters"),
    ],
)
def test_bad_input_is_answered_beside_the_field_keeping_what_was_typed(
    client, page, changes, field, error
):
    response = client.post(URL, good(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html and error in html
    assert "Hamnföreningen" in html  # what was typed stays
    assert "<script>alert" not in html
    assert not ProjectMessage.objects.exists()


def test_an_address_is_limited(client, page, django_capture_on_commit_callbacks):
    for _n in range(3):
        send(client, good(), django_capture_on_commit_callbacks)
    response = client.post(URL, good())
    assert response.status_code == 400
    assert "many messages in a short time" in response.content.decode()
    assert ProjectMessage.objects.count() == 3


def test_a_client_is_limited_whatever_address_it_types(
    client, page, django_capture_on_commit_callbacks
):
    for n in range(10):
        send(client, good(email=f"person{n}@example.se"), django_capture_on_commit_callbacks)
    response = client.post(URL, good(email="another@example.se"))
    assert response.status_code == 400
    assert ProjectMessage.objects.count() == 10


def test_a_member_may_offer_themselves_as_a_resource(
    client, page, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    form = client.get(URL).content.decode()
    assert "I offer myself as a Meet Malmö resource" in form
    assert f'value="{member.email}"' in form
    send(client, good(offers_help="on"), django_capture_on_commit_callbacks)
    message = ProjectMessage.objects.get()
    assert message.offers_help and message.sender == member
    assert (
        "Erbjuder sig att delta som Meet Malmö-resurs." in mail.outbox[0].body
    )  # the office reads Swedish


def test_a_visitor_cannot_offer_to_be_a_resource(client, page, django_capture_on_commit_callbacks):
    assert "I offer myself" not in client.get(URL).content.decode()
    send(client, good(offers_help="on"), django_capture_on_commit_callbacks)
    assert ProjectMessage.objects.get().offers_help is False


def test_an_unpublished_project_cannot_be_contacted(client, page):
    page.published_at = None
    page.save()
    assert client.get(URL).status_code == 404
    assert client.post(URL, good()).status_code == 404
