from datetime import date

import pytest

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.groups.models import Handover
from meetmalmo.groups.services import handover_record
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.models import CaseEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    return forming_group(process_manager, title="Spelbranschens kompetens")


@pytest.fixture
def company():
    return OrganisationFactory(name="Västra Hamnen Spelstudio AB")


@pytest.fixture
def new_owner(company):
    return UserFactory(name="Vera Vd", email="vera@spel.se", organisation=company)


def test_ownership_passes_when_the_new_owner_accepts(
    client,
    group,
    process_manager,
    company,
    new_owner,
    mailoutbox,
    django_capture_on_commit_callbacks,
    on_the_date,
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/groups/{group.pk}/handover/",
            {
                "handover-organisation": company.pk,
                "handover-email": "vera@spel.se",
                "handover-date": "2027-01-01",
                "handover-note": "Studion driver arbetet vidare.",
            },
        )
    assert response.status_code == 302
    handover = Handover.objects.get()
    assert handover.accepted_at is None and mailoutbox[-1].to == ["vera@spel.se"]
    assert f"/groups/{group.pk}/" in mailoutbox[-1].body
    client.force_login(new_owner)
    page = client.get(f"/en/groups/{group.pk}/")
    assert page.status_code == 200 and "Accept the ownership" in page.content.decode()
    assert "Take over ownership" in client.get("/en/my/").content.decode()
    client.post(f"/en/groups/handovers/{handover.pk}/accept/")
    handover.refresh_from_db()
    assert handover.accepted_at is not None
    on_the_date(date(2027, 1, 1))  # ownership passes on the agreed date
    roles = {m.user: m.role for m in group.memberships.all()}
    assert roles[new_owner] == "owner" and roles[group.initiative.submitter] == "member"
    event = CaseEvent.objects.get(kind="ownership")
    assert "Västra Hamnen Spelstudio AB (Vera Vd) from 2027-01-01" in event.reason
    assert not event.internal  # the submitter follows it too
    page = client.get(f"/en/groups/{group.pk}/").content.decode()
    assert "owned by Västra Hamnen Spelstudio AB (Vera Vd)" in page


def test_only_the_named_person_accepts_once(
    client, group, process_manager, company, new_owner, other_member
):
    handover = handover_record(
        group=group,
        actor=process_manager,
        organisation=company,
        person=new_owner,
        date="2027-01-01",
    )
    client.force_login(other_member)
    assert client.post(f"/en/groups/handovers/{handover.pk}/accept/").status_code == 404
    client.force_login(group.initiative.submitter)  # in the group, but not named
    response = client.post(f"/en/groups/handovers/{handover.pk}/accept/", follow=True)
    assert "Only the named new owner" in response.content.decode()
    handover.refresh_from_db()
    assert handover.accepted_at is None
    client.force_login(new_owner)
    client.post(f"/en/groups/handovers/{handover.pk}/accept/")
    again = client.post(f"/en/groups/handovers/{handover.pk}/accept/", follow=True)
    assert "already been accepted" in again.content.decode()
    assert CaseEvent.objects.filter(kind="ownership").count() == 1


def test_a_second_handover_waits_for_the_first(client, group, process_manager, company, new_owner):
    handover_record(
        group=group,
        actor=process_manager,
        organisation=company,
        person=new_owner,
        date="2027-01-01",
    )
    client.force_login(process_manager)
    response = client.post(
        f"/en/groups/{group.pk}/handover/",
        {
            "handover-organisation": company.pk,
            "handover-email": "vera@spel.se",
            "handover-date": "2027-02-01",
        },
        follow=True,
    )
    assert "already waiting" in response.content.decode()
    assert Handover.objects.count() == 1


@pytest.mark.parametrize(
    "data, field",
    [
        ({"handover-email": "nobody@x.se", "handover-date": "2027-01-01"}, "email"),
        ({"handover-email": "vera@spel.se", "handover-date": "tomorrow"}, "date"),
        (
            {
                "handover-email": "vera@spel.se",
                "handover-date": "2027-01-01",
                "handover-organisation": "999999",
            },
            "organisation",
        ),
    ],
)
def test_bad_handovers_are_explained_beside_the_field(
    client, group, process_manager, company, new_owner, data, field
):
    client.force_login(process_manager)
    data = {"handover-organisation": company.pk, **data}
    response = client.post(f"/en/groups/{group.pk}/handover/", data)
    assert response.status_code == 400
    assert f'id="id_handover-{field}_error"' in response.content.decode()
    assert not Handover.objects.exists()
