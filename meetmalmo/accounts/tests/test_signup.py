import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Sara Lindqvist",
    "email": "sara@hamnhotellet.se",
    "password1": "ett-langt-och-bra-losenord",
    "organisation": "",
    "new_organisation_name": "Hamnhotellet AB",
    "new_organisation_sphere": "business",
    "new_organisation_number": "556677-8899",
    "new_organisation_website": "https://hamnhotellet.se",
}


def signup(client, lang="en", **changes):
    return client.post(f"/{lang}/accounts/signup/", {**GOOD, **changes})


def field_errors(response, field: str) -> str:
    """The errors shown beside a field, checked to be tied to it for screen readers."""
    content = response.content.decode()
    match = re.search(rf'<ul class="errors" id="id_{field}_error">(.*?)</ul>', content, re.S)
    assert match, f"no error shown beside {field}"
    control = re.search(rf'<(?:input|select)[^>]*name="{field}"[^>]*>', content)[0]
    assert f"id_{field}_error" in control and 'aria-invalid="true"' in control
    return match.group(1)


def test_it_signs_up_a_person_with_a_new_organisation_and_sends_verification(client):
    response = signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="sara@hamnhotellet.se")
    assert user.name == "Sara Lindqvist"
    assert user.organisation.name == "Hamnhotellet AB"
    assert user.organisation.sphere == "business"
    assert user.organisation.org_number == "556677-8899"
    assert user.language == "en"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sara@hamnhotellet.se"]
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body


def test_picking_an_existing_organisation_at_sign_up_asks_to_join_it(client):
    existing = OrganisationFactory(name="Malmö universitet", sphere="academia")
    response = signup(
        client, organisation=existing.pk, new_organisation_name="", new_organisation_sphere=""
    )
    assert response.status_code == 302
    person = User.objects.get(email=GOOD["email"])
    # A name picked from a list proves nothing: the person belongs to it once approved.
    assert person.organisation is None
    assert person.membership_requests.get().organisation == existing
    assert Organisation.objects.count() == 1


def test_the_verification_link_verifies_and_signs_in(client):
    signup(client)
    link = re.search(r"https?://[^/]+(/en/accounts/confirm-email/[^\s]+)", mail.outbox[0].body)[1]
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=GOOD["email"]).verified
    assert "Signed in as Sara" in client.get("/en/").content.decode()


def test_the_swedish_sign_up_sends_a_swedish_email_and_remembers_the_language(client):
    signup(client, lang="sv")
    assert User.objects.get(email=GOOD["email"]).language == "sv"
    assert "/sv/accounts/confirm-email/" in mail.outbox[0].body
    assert "Bekräfta" in mail.outbox[0].subject or "bekräfta" in mail.outbox[0].body.lower()


def assert_nothing_saved():
    assert not User.objects.filter(email=GOOD["email"]).exists()
    assert not Organisation.objects.filter(name=GOOD["new_organisation_name"]).exists()
    assert mail.outbox == []


def test_an_existing_address_is_answered_as_a_new_one_and_its_owner_is_told(client, settings):
    """Sign-up does not tell anyone whether an address has an account: the page is the one a
    new address gets, and the e-mail goes to the address, whose owner alone reads it."""
    owner = UserFactory(email="taken@example.se")
    new = signup(client, email="ny@example.se", new_organisation_name="Nya AB")
    mail.outbox.clear()
    client.cookies.clear()
    taken = signup(client, email="taken@example.se")
    assert (taken.status_code, taken["Location"]) == (new.status_code, new["Location"])
    assert User.objects.filter(email="taken@example.se").get() == owner
    assert not Organisation.objects.filter(name="Hamnhotellet AB").exists()
    (message,) = mail.outbox
    assert message.to == ["taken@example.se"]
    assert "already has an account" in message.subject
    assert f"{settings.SITE_URL}/en/accounts/password/reset/" in message.body
    assert "taken@example.se" in message.body


def test_the_owner_is_told_in_the_language_of_the_page(client):
    UserFactory(email="taken@example.se")
    signup(client, lang="sv", email="taken@example.se")
    (message,) = mail.outbox
    assert "redan ett konto" in message.subject
    assert "/sv/accounts/password/reset/" in message.body


def test_a_weak_password_is_refused_in_swedish_on_the_swedish_page(client):
    response = signup(client, lang="sv", password1="123456")
    assert response.status_code == 200
    errors = field_errors(response, "password1")
    assert "Lösenordet" in errors or "lösenord" in errors
    assert_nothing_saved()


def test_a_bad_organisation_number_is_refused_with_its_reason(client):
    response = signup(client, new_organisation_number="212000-1125")
    assert "last digit does not match" in field_errors(response, "new_organisation_number")
    assert 'value="212000-1125"' in response.content.decode()
    assert_nothing_saved()


def test_a_javascript_website_is_refused(client):
    response = signup(client, new_organisation_website="javascript:alert(document.cookie)")
    assert "http:// or https://" in field_errors(response, "new_organisation_website")
    assert_nothing_saved()


def test_no_organisation_at_all_is_refused(client):
    response = signup(client, new_organisation_name="", new_organisation_sphere="")
    assert "Pick your organisation" in field_errors(response, "new_organisation_name")
    assert_nothing_saved()


def test_a_new_organisation_needs_a_sphere(client):
    response = signup(client, new_organisation_sphere="")
    assert "sphere" in field_errors(response, "new_organisation_sphere")
    assert_nothing_saved()


def test_an_unknown_sphere_is_refused(client):
    response = signup(client, new_organisation_sphere="mafia")
    assert field_errors(response, "new_organisation_sphere")
    assert_nothing_saved()


def test_an_organisation_that_exists_must_be_picked_from_the_list(client):
    OrganisationFactory(name="Hamnhotellet AB")
    response = signup(client, new_organisation_name="hamnhotellet ab")
    assert "already registered" in field_errors(response, "new_organisation_name")
    assert not User.objects.filter(email=GOOD["email"]).exists()
    assert Organisation.objects.count() == 1


def test_huge_values_are_refused_not_truncated(client):
    response = signup(client, name="S" * 10_000, new_organisation_name="H" * 5_000)
    assert field_errors(response, "name")
    assert field_errors(response, "new_organisation_name")
    assert_nothing_saved()


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_address_longer_than_an_address_can_be_is_refused_not_cut_short(client, lang):
    email = "a" * 244 + "@example.se"  # 255 characters; Django's forms would take 320
    response = signup(client, lang=lang, email=email)
    assert response.status_code == 200
    assert "254" in field_errors(response, "email")
    assert f'value="{email}"' in response.content.decode()
    assert not User.objects.exists() and mail.outbox == []


def test_hostile_text_is_shown_escaped(client):
    response = signup(client, name="<script>alert(1)</script>", email="not-an-email")
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert_nothing_saved()


def test_the_form_marks_required_fields_and_ties_help_to_fields(client):
    content = client.get("/en/accounts/signup/").content.decode()
    assert "Required fields are marked *" in content
    assert 'aria-describedby="id_new_organisation_number_helptext"' in content
    assert '<label for="id_name">' in content


@pytest.mark.parametrize("target", ["/en/resources/join/", "/en/initiatives/new/"])
def test_after_verifying_a_new_member_is_brought_back_to_where_they_started(client, target):
    client.post(f"/en/accounts/signup/?next={target}", {**GOOD, "next": target})
    link = re.search(r"https?://[^/]+(/en/accounts/confirm-email/[^\s]+)", mail.outbox[0].body)[1]
    response = client.post(link)
    assert response.status_code == 302 and response.url == target
