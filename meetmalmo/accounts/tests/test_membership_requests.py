"""Joining an existing organisation is a request: the person belongs to none until one of its
confirmed members or the office approves; a City department or another public authority, and
an organisation with no member yet, only the office."""

import pytest
from django.conf import settings
from django.core import mail

from meetmalmo.accounts import personal_data, services
from meetmalmo.accounts.models import MembershipRequest, User
from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)
from meetmalmo.accounts.tests.test_signup import signup
from meetmalmo.core.errors import Refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganisationFactory(name="Hamnbolaget AB", sphere="business")


@pytest.fixture
def colleague(company):
    return UserFactory(name="Kalle Kollega", organisation=company)


@pytest.fixture
def newcomer():
    return UserFactory(name="Nina Ny", email="nina@hamnbolaget.se", organisation=None)


def ask(person, organisation) -> MembershipRequest:
    return services.membership_request_create(user=person, organisation=organisation)


def decide_url(membership_request, decision="approve", lang="en") -> str:
    return f"/{lang}/my/organisation/requests/{membership_request.pk}/{decision}/"


def test_picking_the_citys_trade_office_at_sign_up_does_not_make_you_its_member(client):
    office = OrganisationFactory(name="Malmö stad, Näringslivskontoret", sphere="city")
    UserFactory(organisation=office)
    response = signup(
        client, organisation=office.pk, new_organisation_name="", new_organisation_sphere=""
    )
    assert response.status_code == 302
    person = User.objects.get(email="sara@hamnhotellet.se")
    assert person.organisation is None
    assert person.membership_requests.get().status == "waiting"
    assert not office.members.filter(pk=person.pk).exists()


def test_a_request_approved_by_a_confirmed_member_makes_you_one(
    client, company, colleague, newcomer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        waiting = ask(newcomer, company)
    told = [message for message in mail.outbox if message.to == [colleague.email]]
    assert f"{settings.SITE_URL}/sv/my/organisation/" in told[0].body
    mail.outbox.clear()

    client.force_login(colleague)
    page = client.get("/en/my/organisation/").content.decode()
    assert "Nina Ny" in page and "nina@hamnbolaget.se" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(waiting))
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.organisation == company
    waiting.refresh_from_db()
    assert waiting.status == "approved" and waiting.decided_by == colleague
    assert mail.outbox[0].to == [newcomer.email]
    assert mail.outbox[0].subject == "Du hör till Hamnbolaget AB"
    assert f"{settings.SITE_URL}/sv/my/organisation/" in mail.outbox[0].body


def test_a_declined_request_leaves_you_without_organisation_and_tells_you(
    client, company, colleague, newcomer, django_capture_on_commit_callbacks
):
    waiting = ask(newcomer, company)
    mail.outbox.clear()
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(waiting, "decline"))
    newcomer.refresh_from_db()
    assert newcomer.organisation is None
    assert MembershipRequest.objects.get().status == "declined"
    assert "avböjd" in mail.outbox[0].body
    assert f"{settings.SITE_URL}/sv/my/organisation/" in mail.outbox[0].body


def test_someone_elses_request_answers_404_to_members_of_other_organisations(
    client, company, newcomer
):
    waiting = ask(newcomer, company)
    outsider = UserFactory()  # a confirmed member of another organisation
    client.force_login(outsider)
    assert client.post(decide_url(waiting)).status_code == 404
    assert client.post(decide_url(waiting, "decline")).status_code == 404
    newcomer.refresh_from_db()
    assert newcomer.organisation is None
    assert "Nina Ny" not in client.get("/en/my/organisation/").content.decode()


def test_the_person_cannot_approve_their_own_request(client, company, newcomer):
    waiting = ask(newcomer, company)
    client.force_login(newcomer)
    assert client.post(decide_url(waiting)).status_code == 404
    newcomer.refresh_from_db()
    assert newcomer.organisation is None


def test_an_unknown_decision_or_a_decided_request_is_not_found(
    client, company, colleague, newcomer
):
    waiting = ask(newcomer, company)
    client.force_login(colleague)
    assert client.post(decide_url(waiting, "maybe")).status_code == 404
    client.post(decide_url(waiting))
    assert client.post(decide_url(waiting, "decline")).status_code == 404
    assert client.get(decide_url(waiting)).status_code == 405


def test_members_of_a_public_body_do_not_decide_only_the_office_does(client, newcomer):
    office = OrganisationFactory(name="Malmö stad, Näringslivskontoret", sphere="city")
    official = UserFactory(organisation=office)
    waiting = ask(newcomer, office)
    client.force_login(official)
    assert client.post(decide_url(waiting)).status_code == 404
    client.force_login(ProcessManagerFactory())
    assert client.post(decide_url(waiting)).status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.organisation == office


def test_an_organisation_without_members_is_decided_by_the_office_who_is_told(
    newcomer, django_capture_on_commit_callbacks
):
    lonely = OrganisationFactory(name="Ensamma Bolaget AB")
    manager = ProcessManagerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ask(newcomer, lonely)
    told = [message for message in mail.outbox if message.to == [manager.email]]
    assert f"{settings.SITE_URL}/sv/staff/organisations/" in told[0].body


def test_the_waiting_person_is_told_who_decides(client, company, colleague, newcomer):
    ask(newcomer, company)
    client.force_login(newcomer)
    page = client.get("/en/my/organisation/").content.decode()
    assert "is waiting" in page
    assert "Kalle Kollega" in page
    assert "Trade and Industry Office" in page
    assert "is waiting" in client.get("/en/my/").content.decode()


def test_the_waiting_person_is_told_the_office_decides_for_a_public_body(client, newcomer):
    office = OrganisationFactory(name="Malmö stad, Näringslivskontoret", sphere="city")
    UserFactory(name="Olle Tjänsteman", organisation=office)
    ask(newcomer, office)
    client.force_login(newcomer)
    page = client.get("/sv/my/organisation/").content.decode()
    assert "Näringslivskontoret beslutar" in page
    assert "Olle Tjänsteman" not in page


def test_a_member_without_organisation_asks_from_their_page(client, company, newcomer):
    client.force_login(newcomer)
    response = client.post("/en/my/organisation/", {"organisation": company.pk})
    assert response.status_code == 302
    assert MembershipRequest.objects.get(user=newcomer).organisation == company
    newcomer.refresh_from_db()
    assert newcomer.organisation is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Välj den organisation du hör till."),
        ("999999", "Välj en organisation i listan."),
        ("<script>alert(1)</script>", "Välj en organisation i listan."),
        ("1" * 5000, "Välj en organisation i listan."),
    ],
)
def test_a_wrong_organisation_is_told_beside_the_field(client, newcomer, value, message):
    client.force_login(newcomer)
    response = client.post("/sv/my/organisation/", {"organisation": value})
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'id="id_organisation_error"' in content
    assert "<script>alert(1)</script>" not in content
    assert not MembershipRequest.objects.exists()


def test_an_unconfirmed_organisation_cannot_be_asked_for(client, newcomer):
    unconfirmed = OrganisationFactory(confirmed=False)
    client.force_login(newcomer)
    response = client.post("/en/my/organisation/", {"organisation": unconfirmed.pk})
    assert response.status_code == 400
    assert not MembershipRequest.objects.exists()


def test_one_request_at_a_time(company, newcomer):
    ask(newcomer, company)
    with pytest.raises(Refused):
        ask(newcomer, OrganisationFactory())


def test_someone_with_an_organisation_cannot_ask_for_another(client, company, colleague):
    client.force_login(colleague)
    response = client.post("/en/my/organisation/", {"organisation": OrganisationFactory().pk})
    assert response.status_code == 400
    assert not MembershipRequest.objects.exists()


def test_staff_see_and_decide_every_waiting_request_on_their_page(client, company, newcomer):
    waiting = ask(newcomer, company)
    client.force_login(ProcessManagerFactory())
    page = client.get("/en/staff/organisations/").content.decode()
    assert "Nina Ny" in page and decide_url(waiting) in page
    response = client.post(decide_url(waiting, "decline"))
    assert response.url == "/en/staff/organisations/"
    assert MembershipRequest.objects.get().status == "declined"


def test_requests_are_in_the_data_download_and_go_with_the_account(company, newcomer):
    ask(newcomer, company)
    data = personal_data.personal_data(newcomer)
    assert data["membership_requests"][0]["organisation"] == "Hamnbolaget AB"
    assert data["membership_requests"][0]["status"] == "waiting"
    services.account_delete(user=newcomer)
    assert not MembershipRequest.objects.exists()


def test_while_waiting_nothing_is_brought_in_in_the_organisations_name(client, company, newcomer):
    from meetmalmo.initiatives.models import Initiative
    from meetmalmo.initiatives.tests.test_initiative_form import good

    ask(newcomer, company)
    client.force_login(newcomer)
    page = client.get("/sv/initiatives/new/").content.decode()
    assert "Du hör inte till någon organisation än" in page
    assert 'href="/sv/my/organisation/"' in page
    response = client.post("/sv/initiatives/new/", good())
    assert "din förfrågan om att gå med" in response.content.decode()
    assert not Initiative.objects.filter(organisation=company).exists()


def test_a_request_decided_a_moment_ago_by_someone_else_is_said_so(
    client, company, colleague, newcomer, monkeypatch
):
    from meetmalmo.accounts import selectors

    waiting = ask(newcomer, company)
    client.force_login(colleague)
    # The page was read while the request waited; the office declines it before the click.
    monkeypatch.setattr(selectors, "membership_request", lambda pk: waiting)
    services.membership_request_decide(
        membership_request=waiting, actor=ProcessManagerFactory(), approve=False
    )
    response = client.post(decide_url(waiting), follow=True)
    assert response.status_code == 200
    assert "already been decided" in response.content.decode()
    newcomer.refresh_from_db()
    assert newcomer.organisation is None
