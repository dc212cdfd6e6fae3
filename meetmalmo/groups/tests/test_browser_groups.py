"""SPEC §1 step 3 in a real browser: a member joins the pool of resources; a process manager
forms a working group for an adopted initiative and invites the best match, who accepts by the
e-mailed link; a milestone and an update are posted; ownership is handed to a company. Every
page touched is axe-clean in Swedish and English."""

import re

from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Handover, WorkingGroup
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.resources.models import ResourceProfile, SpokenLanguage


def both_languages(page, path):
    for language in ("sv", "en"):
        page.goto(f"/{language}{path}")
        assert_accessible(page)


def test_from_the_pool_to_an_owned_working_group(page, browser, live_server, process_manager):
    youth, _ = FocusArea.objects.get_or_create(
        code="youth-employment", defaults={"name_sv": "Ungas jobb", "name_en": "Youth employment"}
    )
    for code, sv, en in (("sv", "svenska", "Swedish"), ("en", "engelska", "English")):
        SpokenLanguage.objects.get_or_create(code=code, defaults={"name_sv": sv, "name_en": en})
    hanna = UserFactory(name="Hanna Hotell", email="hanna@hotell.se", language="en")
    case = InitiativeFactory(
        title="Sommarjobb på hotell",
        state=State.ADOPTED,
        language="sv",
        submitter=UserFactory(organisation=OrganisationFactory(sphere="city")),
    )
    case.focus_areas.add(youth)
    company = OrganisationFactory(name="Hamnkvarterens Hotell AB")
    owner = UserFactory(name="Vera Vd", email="vera@hotell.se", organisation=company)

    # A member joins the pool.
    sign_in(page, hanna)
    page.goto("/en/resources/join/")
    assert_accessible(page)
    page.fill("#id_title", "HR manager")
    page.select_option("#id_industry", "I")
    page.fill("#id_competences_text", "hotellrekrytering, mentorskap")
    page.check(f"input[name=focus_areas][value='{youth.pk}']")
    page.check("input[name=languages] >> nth=0")
    page.fill("#id_hours_per_month", "8")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("button[type=submit].button--primary")
    assert "Welcome to the pool" in page.inner_text("main")
    assert ResourceProfile.objects.get(user=hanna).active
    both_languages(page, "/resources/join/")

    # The process manager forms the group and invites the best match.
    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto(f"/en/staff/cases/{case.pk}/")
    with staff.expect_navigation():
        staff.click("form.move:has(input[value=form_group]) button")
    group = WorkingGroup.objects.get(initiative=case)
    with staff.expect_navigation():
        staff.click("text=The working group")
    assert "Fewer than three spheres" in staff.inner_text("main")
    with staff.expect_navigation():
        staff.click("text=Suggested resources")
    first = staff.locator("ol.inventory-list > li").first
    assert (
        "Hanna Hotell" in first.inner_text()
        and "competence: hotellrekrytering" in first.inner_text()
    )
    both_languages(staff, f"/staff/groups/{group.pk}/match/")
    staff.goto(f"/en/staff/groups/{group.pk}/match/")
    with staff.expect_navigation():
        staff.click("ol.inventory-list > li >> nth=0 >> a.button")
    with staff.expect_navigation():
        staff.click("button[value=preview]")
    with staff.expect_navigation():
        staff.click("button[value=send]")
    invitation_mail = next(m for m in mail.outbox if m.to == ["hanna@hotell.se"])
    link = re.search(r"http\S+/groups/invitations/\S+/", invitation_mail.body).group(0)

    # Hanna accepts by the link in the e-mail.
    page.goto("/en/groups/invitations/" + link.rsplit("/invitations/", 1)[1])
    assert_accessible(page)
    page.fill("#id_answer", "Gärna!")
    with page.expect_navigation():
        page.click("button[value=accept]")
    assert "Welcome to the working group" in page.inner_text("main")
    assert group.memberships.filter(user=hanna).exists()

    # A milestone and an update are posted.
    staff.goto(f"/en/groups/{group.pk}/")
    staff.fill("#id_milestone-title", "Första mötet")
    staff.fill("#id_milestone-due", "2026-12-10")
    with staff.expect_navigation():
        staff.click("text=Add the milestone")
    page.goto(f"/en/groups/{group.pk}/")
    page.fill("#id_update-body", "Första mötet hölls; **12 företag** vill vara med.")
    with page.expect_navigation():
        page.click("text=Post the update")
    assert "12 företag" in page.inner_text("main") and "Första mötet" in page.inner_text("main")
    both_languages(page, f"/groups/{group.pk}/")

    # Ownership is handed to a company, and its new owner accepts.
    staff.goto(f"/en/groups/{group.pk}/")
    staff.select_option("#id_handover-organisation", str(company.pk))
    staff.fill("#id_handover-email", "vera@hotell.se")
    staff.fill("#id_handover-date", timezone.localdate().isoformat())
    with staff.expect_navigation():
        staff.click("text=Record the handover")
    both_languages(staff, f"/groups/{group.pk}/")
    vera = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(vera, owner)
    vera.goto(f"/en/groups/{group.pk}/")
    with vera.expect_navigation():
        vera.click("text=Accept the ownership")
    assert "owned by Hamnkvarterens Hotell AB (Vera Vd)" in vera.inner_text("main")
    assert Handover.objects.get().accepted_at is not None
    both_languages(vera, "/my/")
    vera.context.close()
    staff.context.close()
