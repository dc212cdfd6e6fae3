import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.tests.test_initiative_form import good
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
URL = "/en/staff/record/"


def person(**changes):
    return {
        "person-channel": "meeting",
        "person-received_on": timezone.localdate().isoformat(),
        "person-email": "kajsa@hamnkrogen.se",
        "person-name": "Kajsa Holm",
        "person-new_organisation_name": "Hamnkrogen AB",
        "person-new_organisation_sphere": "business",
        **changes,
    }


def test_a_process_manager_records_an_initiative_from_a_meeting_for_a_new_contact(
    client, process_manager, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**good(), **person()})
    initiative = Initiative.objects.get()
    assert response["Location"] == f"/en/staff/cases/{initiative.pk}/"
    assert initiative.state == State.SUBMITTED and initiative.decision_due
    assert (initiative.channel, initiative.recorded_by) == ("meeting", process_manager)
    contact = initiative.submitter
    assert (contact.name, contact.organisation.name) == ("Kajsa Holm", "Hamnkrogen AB")
    assert not contact.has_usable_password()
    assert not EmailAddress.objects.get(user=contact).verified
    assert mail.outbox[0].to == ["kajsa@hamnkrogen.se"]


def test_an_existing_member_keeps_their_account_and_organisation(client, process_manager, member):
    client.force_login(process_manager)
    client.post(
        URL,
        {**good(), **person(**{"person-email": member.email.upper(), "person-channel": "phone"})},
    )
    initiative = Initiative.objects.get()
    assert (initiative.submitter, initiative.organisation) == (member, member.organisation)
    assert User.objects.count() == 2
    assert not Organisation.objects.filter(name="Hamnkrogen AB").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"person-email": "inte-en-adress"}, "person-email"),
        ({"person-channel": "portal"}, "person-channel"),
        ({"person-new_organisation_name": ""}, "person-new_organisation_name"),
        ({"person-name": ""}, "person-name"),
        # 255 characters, which Django's e-mail field takes but the account cannot hold
        ({"person-email": "k" * 244 + "@example.se"}, "person-email"),
        ({"person-email": "k" * 242 + "@İstanbul.se"}, "person-email"),  # longer in lower case
    ],
)
def test_bad_person_details_are_refused_and_nothing_is_saved(
    client, process_manager, changes, field
):
    client.force_login(process_manager)
    response = client.post(URL, {**good(), **person(**changes)})
    content = response.content.decode()
    assert f'id="id_{field}_error"' in content
    assert 'value="Sommarjobb i besöksnäringen"' in content
    assert not Initiative.objects.exists()
    assert User.objects.count() == 1  # the process manager


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_only_process_managers_record(client, request, role):
    if role == "member":
        client.force_login(request.getfixturevalue("member"))
    response = client.post(URL, {**good(), **person()})
    assert response.status_code in (302, 403)
    assert not Initiative.objects.exists()
