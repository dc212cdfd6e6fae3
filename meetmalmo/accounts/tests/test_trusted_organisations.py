"""Organisations people cannot fake: one typed at sign-up is not listed for anyone until the
office confirms it; City departments and other public authorities are added by the office
only; organisation numbers are read with or without the hyphen and kept as NNNNNN-NNNN."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.accounts.tests.test_signup import field_errors, signup

pytestmark = pytest.mark.django_db


def listed(client, lang="en") -> str:
    return client.get(f"/{lang}/accounts/signup/").content.decode()


def test_an_organisation_typed_at_sign_up_is_absent_from_everyone_elses_list(client):
    OrganisationFactory(name="Konfirmerade Hamnbolaget AB")
    response = signup(client, new_organisation_name="Påhittade Bolaget AB")
    assert response.status_code == 302
    made = Organisation.objects.get(name="Påhittade Bolaget AB")
    assert not made.confirmed
    assert made.created_by == User.objects.get(email="sara@hamnhotellet.se")
    client.logout()
    page = listed(client)
    assert "Konfirmerade Hamnbolaget AB" in page
    assert "Påhittade Bolaget AB" not in page


def test_an_organisation_the_office_confirms_is_listed(client, administrator):
    signup(client, new_organisation_name="Riktiga Bolaget AB")
    made = Organisation.objects.get(name="Riktiga Bolaget AB")
    admin = site._registry[Organisation]
    request = RequestFactory().post("/")
    request.user = administrator
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    admin.confirm(request, Organisation.objects.filter(pk=made.pk))
    made.refresh_from_db()
    assert made.confirmed
    client.logout()
    assert "Riktiga Bolaget AB" in listed(client)


@pytest.mark.parametrize("sphere", ["city", "public_authority"])
def test_a_public_body_cannot_be_added_at_sign_up(client, sphere):
    response = signup(
        client,
        lang="sv",
        new_organisation_name="Malmö stad, Näringslivskontoret",
        new_organisation_sphere=sphere,
    )
    assert response.status_code == 200
    assert "Kontoret lägger till" in field_errors(response, "new_organisation_sphere")
    assert 'value="Malmö stad, Näringslivskontoret"' in response.content.decode()
    assert not Organisation.objects.filter(name__startswith="Malmö stad").exists()
    assert not User.objects.filter(email="sara@hamnhotellet.se").exists()


@pytest.mark.parametrize("written", ["5591234561", "559123-4561", " 559123 4561 "])
def test_an_organisation_number_is_read_with_or_without_the_hyphen(client, written):
    response = signup(client, new_organisation_number=written)
    assert response.status_code == 302
    assert Organisation.objects.get(name="Hamnhotellet AB").org_number == "559123-4561"


def test_ten_digits_with_a_wrong_check_digit_are_told_so_not_told_the_format(client):
    # 5591234567 is read as 559123-4567, whose last digit does not match (it would be 1).
    response = signup(client, new_organisation_number="5591234567")
    assert "last digit does not match" in field_errors(response, "new_organisation_number")


def test_a_wrong_organisation_number_is_named_beside_the_field(client):
    response = signup(client, lang="en", new_organisation_number="55912345")
    assert "ten digits" in field_errors(response, "new_organisation_number")
    assert 'value="55912345"' in response.content.decode()


def test_the_office_still_picks_any_organisation_when_recording_an_initiative():
    from meetmalmo.initiatives.forms import PersonForm

    waiting = Organisation.objects.create(name="Väntande AB", sphere="business")
    assert waiting in PersonForm().fields["organisation"].queryset
    assert PersonForm.may_add_public_bodies


def test_merging_duplicates_in_the_admin_keeps_every_person_and_initiative(client, administrator):
    from meetmalmo.initiatives.models import Initiative
    from meetmalmo.initiatives.tests.factories import InitiativeFactory
    from meetmalmo.inventory.models import Effort

    kept = OrganisationFactory(name="Hamnbolaget AB")
    twin = OrganisationFactory(name="Hamnbolaget i Malmö AB", confirmed=False)
    first = UserFactory(organisation=kept)
    second = UserFactory(organisation=twin)
    case = InitiativeFactory(submitter=second, organisation=twin)
    effort = Effort.objects.create(
        title="Hamnjobb",
        description="d",
        owner_org="Hamnbolaget",
        sphere="business",
        organisation=twin,
    )
    client.force_login(administrator)
    response = client.post(
        "/en/admin/accounts/organisation/",
        {"action": "merge", "_selected_action": [kept.pk, twin.pk]},
        follow=True,
    )
    assert "1 organisation is merged into Hamnbolaget AB" in response.content.decode()
    assert not Organisation.objects.filter(pk=twin.pk).exists()
    second.refresh_from_db()
    effort.refresh_from_db()
    assert second.organisation == kept and first.organisation == kept
    assert Initiative.objects.get(pk=case.pk).organisation == kept
    assert effort.organisation == kept


def test_merging_needs_two_organisations(client, administrator):
    only = OrganisationFactory(name="Ensamma AB")
    client.force_login(administrator)
    response = client.post(
        "/en/admin/accounts/organisation/",
        {"action": "merge", "_selected_action": [only.pk]},
        follow=True,
    )
    assert "Choose two or more organisations to merge." in response.content.decode()
    assert Organisation.objects.filter(pk=only.pk).exists()


def test_the_office_confirms_an_organisation_on_its_page(client, process_manager):
    waiting = Organisation.objects.create(name="Nya Hamnbolaget AB", sphere="business")
    client.force_login(process_manager)
    page = client.get("/en/staff/organisations/").content.decode()
    assert "Nya Hamnbolaget AB" in page and "1 organisation waiting" in page
    response = client.post(f"/en/staff/organisations/{waiting.pk}/confirm/", follow=True)
    assert "Nya Hamnbolaget AB is confirmed" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.confirmed
    assert "No organisation is waiting" in response.content.decode()


def test_a_member_cannot_confirm_an_organisation(client, member):
    waiting = Organisation.objects.create(name="Nya Hamnbolaget AB", sphere="business")
    client.force_login(member)
    assert client.post(f"/en/staff/organisations/{waiting.pk}/confirm/").status_code == 403
    waiting.refresh_from_db()
    assert not waiting.confirmed
