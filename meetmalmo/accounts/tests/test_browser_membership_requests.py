"""Requests to join an organisation and the office's approved domains, in a real browser:
axe-clean in both languages, each action taken from the keyboard."""

import pytest

from meetmalmo.accounts.models import ApprovedDomain, MembershipRequest
from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in


@pytest.mark.parametrize(("lang", "decision"), [("sv", "Godkänn"), ("en", "Decline")])
def test_a_member_decides_a_request_from_the_keyboard(page, lang, decision):
    company = OrganisationFactory(name="Hamnbolaget AB")
    colleague = UserFactory(name="Kalle Kollega", organisation=company)
    asking = UserFactory(name="Nina Ny", organisation=None)
    MembershipRequest.objects.create(user=asking, organisation=company)
    sign_in(page, colleague)
    page.goto(f"/{lang}/my/")
    page.get_by_role(
        "link", name="Svara på förfrågningarna" if lang == "sv" else "Answer the requests"
    ).click()
    assert page.locator("h1").count() == 1
    assert "Nina Ny" in page.inner_text("table")
    assert_accessible(page)
    button = page.get_by_role("button", name=f"{decision} Nina Ny")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Nina Ny" in page.inner_text(".messages")
    assert page.locator("table").count() == 0
    assert_accessible(page)
    asking.refresh_from_db()
    request = MembershipRequest.objects.get()
    if decision == "Godkänn":
        assert asking.organisation == company and request.status == "approved"
    else:
        assert asking.organisation is None and request.status == "declined"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_someone_without_organisation_asks_to_join_from_the_keyboard(page, lang):
    OrganisationFactory(name="Hamnbolaget AB")
    person = UserFactory(name="Nina Ny", organisation=None)
    sign_in(page, person)
    page.goto(f"/{lang}/my/organisation/")
    assert_accessible(page)
    # Sent empty first: the error is named beside the field and the summary takes focus.
    page.get_by_role("button", name="Be att få gå med" if lang == "sv" else "Ask to join").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#id_organisation_error").is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    page.locator("#id_organisation").select_option(label="Hamnbolaget AB")
    page.locator("#id_organisation").focus()
    page.keyboard.press("Tab")  # a select does not send its form on Enter: on to the button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[data-testid=request-waiting]").is_visible()
    assert "Hamnbolaget AB" in page.inner_text("[data-testid=request-waiting]")
    assert_accessible(page)
    assert MembershipRequest.objects.get(user=person).status == "waiting"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_office_approves_a_domain_from_the_keyboard(page, process_manager, lang):
    OrganisationFactory(name="Hamnbolaget AB")
    sign_in(page, process_manager)
    page.goto(f"/{lang}/staff/organisations/")
    page.locator("#id_organisation").select_option(label="Hamnbolaget AB")
    page.locator("#id_domain").fill("gmail.com")
    page.locator("#id_domain").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "gmail.com" in page.inner_text("#id_domain_error")
    assert page.locator("#id_domain").input_value() == "gmail.com"
    assert_accessible(page)
    page.locator("#id_domain").fill("hamnbolaget.se")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "hamnbolaget.se" in page.inner_text(".messages")
    assert_accessible(page)
    assert ApprovedDomain.objects.get().domain == "hamnbolaget.se"
