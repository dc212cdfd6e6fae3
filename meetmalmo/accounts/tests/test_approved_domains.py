"""An e-mail domain the office approves for an organisation: someone whose verified address is
there joins it without a request, when the address is verified or at sign-in; public webmail
is never approved."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError

from meetmalmo.accounts import services
from meetmalmo.accounts.models import ApprovedDomain, MembershipRequest, User
from meetmalmo.accounts.tests.factories import (
    PASSWORD,
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)
from meetmalmo.accounts.tests.test_signup import signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    city = OrganisationFactory(name="Malmö stad, Näringslivskontoret", sphere="city")
    ApprovedDomain.objects.create(organisation=city, domain="malmo.se")
    return city


def confirm_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S*/confirm-email/\S+)", message.body).group(1)


def test_verifying_an_address_at_an_approved_domain_joins_its_organisation(
    client, city, mailoutbox
):
    signup(
        client,
        email="ola.stad@malmo.se",
        organisation=city.pk,
        new_organisation_name="",
        new_organisation_sphere="",
    )
    person = User.objects.get(email="ola.stad@malmo.se")
    assert person.organisation is None  # not before the address is proved
    client.post(confirm_path(mailoutbox[-1]))
    person.refresh_from_db()
    assert EmailAddress.objects.get(user=person).verified
    assert person.organisation == city
    assert MembershipRequest.objects.get(user=person).status == "approved"


def test_an_address_at_another_domain_is_not_joined(client, city):
    person = UserFactory(email="ola@malmo.se.example.com", organisation=None)
    client.post("/en/accounts/login/", {"login": person.email, "password": PASSWORD})
    person.refresh_from_db()
    assert person.organisation is None


def test_a_domain_approved_later_applies_at_the_next_sign_in(client, city):
    person = UserFactory(email="anna.berg@malmo.se", organisation=None)
    response = client.post("/en/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.organisation == city


def test_an_unverified_address_at_the_domain_joins_nothing(city):
    person = UserFactory(email="someone@malmo.se", organisation=None)
    EmailAddress.objects.filter(user=person).update(verified=False)
    assert services.join_by_approved_domain(user=person) is None
    person.refresh_from_db()
    assert person.organisation is None


def test_someone_who_already_belongs_somewhere_keeps_their_organisation(city):
    person = UserFactory(email="konsult@malmo.se")
    before = person.organisation
    assert services.join_by_approved_domain(user=person) is None
    person.refresh_from_db()
    assert person.organisation == before


@pytest.mark.parametrize("domain", ["gmail.com", "HOTMAIL.COM", "@outlook.com", "yahoo.se"])
def test_public_webmail_is_never_an_approved_domain(domain):
    with pytest.raises(ValidationError):
        services.approved_domain_add(
            organisation=OrganisationFactory(), domain=domain, actor=ProcessManagerFactory()
        )
    assert not ApprovedDomain.objects.exists()


def test_the_office_approves_a_domain_on_its_page(client):
    company = OrganisationFactory(name="Hamnbolaget AB")
    client.force_login(ProcessManagerFactory())
    response = client.post(
        "/en/staff/organisations/", {"organisation": company.pk, "domain": " @Hamnbolaget.SE "}
    )
    assert response.status_code == 302
    assert ApprovedDomain.objects.get().domain == "hamnbolaget.se"
    assert "hamnbolaget.se: Hamnbolaget AB" in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("", "Skriv e-postdomänen."),
        ("gmail.com", "gmail.com är allmän webbmejl"),
        ("not a domain", "Skriv delen av adressen efter @"),
        ("<script>alert(1)</script>", "Skriv delen av adressen efter @"),
        ("a" * 300 + ".se", "En domän har högst 253 tecken."),
    ],
)
def test_a_wrong_domain_is_told_beside_the_field_keeping_what_was_typed(client, domain, message):
    company = OrganisationFactory()
    client.force_login(ProcessManagerFactory())
    response = client.post(
        "/sv/staff/organisations/", {"organisation": company.pk, "domain": domain}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'id="id_domain_error"' in content
    assert "<script>alert(1)</script>" not in content
    assert not ApprovedDomain.objects.exists()


def test_a_domain_already_approved_is_told_so(client, city):
    client.force_login(ProcessManagerFactory())
    response = client.post(
        "/en/staff/organisations/", {"organisation": OrganisationFactory().pk, "domain": "malmo.se"}
    )
    assert response.status_code == 400
    assert "malmo.se is already approved" in response.content.decode()


def test_only_the_office_approves_domains(client):
    company = OrganisationFactory()
    client.force_login(UserFactory(organisation=company))
    response = client.post(
        "/en/staff/organisations/", {"organisation": company.pk, "domain": "example.se"}
    )
    assert response.status_code == 403
    assert not ApprovedDomain.objects.exists()
