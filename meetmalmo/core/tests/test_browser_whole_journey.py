"""The whole journey of SPEC §1 in a real browser, by keyboard, in Swedish: a member submits an
initiative and a related effort is suggested as they write; a process manager adds it to the
inventory and adopts within the 21 days, forms a working group and invites the best-matched
resource, who accepts by the link in the e-mail; ownership passes to a company; the new owner
reports outcomes and the office publishes the report and the project page; the project page,
the feed, the API and the public figures show it. Key pages again in English. axe-core checks
every page visited."""

import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, submit_with_enter, tab_to
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Handover, WorkingGroup
from meetmalmo.initiatives.models import Initiative, InventoryEntry
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory
from meetmalmo.publishing.models import Report
from meetmalmo.resources.tests.factories import ResourceFactory

pytestmark = pytest.mark.browser
FAR = 250  # Tab presses allowed to reach a control on a long staff page


def visit(page, path: str, heading: str | None = None) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, path
    if heading:
        assert heading in page.inner_text("h1")
    assert_accessible(page)


def press(page, selector: str) -> None:
    """Reach a button or link with Tab and press Enter, waiting for the next page."""
    tab_to(page, selector, FAR)
    submit_with_enter(page)


def write(page, selector: str, text: str) -> None:
    tab_to(page, selector, FAR)
    page.keyboard.type(text)


def test_the_whole_journey(page, browser, live_server, member, process_manager):
    # Browser tests empty the database after each test, the migrations' focus areas included.
    FocusArea.objects.get_or_create(
        code="youth-employment",
        defaults={"name_sv": "Ungas sysselsättning", "name_en": "Youth employment"},
    )
    effort = EffortFactory(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb i förvaltningar.",
    )
    hanna = ResourceFactory(
        user=UserFactory(name="Hanna Hotell", email="hanna@hotell.se"),
        competences=["sommarjobb", "rekrytering"],
        focus_areas=["youth-employment"],
    ).user
    company = OrganisationFactory(name="Hamnkvarterens Hotell AB")
    vera = UserFactory(name="Vera Vd", email="vera@hotell.se", organisation=company)

    # 1. The member writes; related work appears beside the form as they type.
    sign_in(page, member)
    visit(page, "/sv/initiatives/new/")
    write(page, "#id_title", "Sommarjobb för unga på hotell")
    page.wait_for_selector(f"#related-list >> text={effort.title}", timeout=10_000)
    write(page, "#id_summary", "Unga Malmöbor får sitt första sommarjobb på hotell.")
    write(page, "#id_description", "Hotell och staden samarbetar om sommarjobb för unga.")
    write(page, "#id_challenge", "Unga saknar kontakter in i arbetslivet.")
    write(page, "#id_benefit_city", "Fler unga i arbete.")
    write(page, "#id_benefit_business", "Framtidens medarbetare.")
    tab_to(page, "input[name=focus_areas][value]:not([value=''])")
    youth = page.locator("label:has-text('Ungas sysselsättning')").get_attribute("for")
    tab_to(page, f"#{youth}")
    page.keyboard.press("Space")
    page.wait_for_load_state("networkidle")
    assert_accessible(page)
    press(page, "button[value=submit]")
    case = Initiative.objects.get(title="Sommarjobb för unga på hotell")
    assert case.state == State.SUBMITTED
    assert_accessible(page)

    # 2. The process manager takes the case, adds the effort to the inventory and adopts.
    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    visit(staff, "/sv/staff/?tab=new")
    press(staff, f"a[href='/sv/staff/cases/{case.pk}/']")
    press(staff, "form.move:has(input[value=take]) button")
    write(staff, f"#note-effort-{effort.pk}", "Samma målgrupp; samordna med staden.")
    press(staff, "button[value=add]")
    assert InventoryEntry.objects.get(initiative=case).effort == effort
    assert_accessible(staff)
    write(staff, "#id_adopt-reason", "Välkomna! Vi bildar en arbetsgrupp.")
    press(staff, "form.move:has(input[value=adopt]) button")
    assert_accessible(staff)  # the second look, with the e-mail the submitter will get
    press(staff, "button[name=confirm]")
    case.refresh_from_db()
    assert case.state == State.ADOPTED and case.decided_at <= case.decision_due
    assert_accessible(staff)

    # 3. A working group: the best match is invited and accepts by the e-mailed link.
    press(staff, "form.move:has(input[value=form_group]) button")
    group = WorkingGroup.objects.get(initiative=case)
    visit(staff, f"/sv/staff/groups/{group.pk}/match/")
    assert "Hanna Hotell" in staff.inner_text("ol.inventory-list > li >> nth=0")
    press(staff, "ol.inventory-list > li:first-child a.button")
    write(staff, "#id_message", "Du kan hotellrekrytering som ingen annan i gruppen.")
    press(staff, "button[value=preview]")
    assert "Du kan hotellrekrytering" in staff.inner_text("#preview")
    assert_accessible(staff)
    press(staff, "button[value=send]")
    invitation = next(m for m in mail.outbox if m.to == ["hanna@hotell.se"])
    link = re.search(r"https?://\S+/groups/invitations/\S+/", invitation.body).group(0)
    resource = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(resource, hanna)
    visit(resource, "/sv/groups/invitations/" + link.rsplit("/invitations/", 1)[1])
    write(resource, "#id_answer", "Gärna!")
    press(resource, "button[value=accept]")
    assert group.memberships.filter(user=hanna).exists()
    resource.context.close()

    # 4. Ownership passes to a company; its chief executive accepts it.
    visit(staff, f"/sv/groups/{group.pk}/")
    tab_to(staff, "#id_handover-organisation", FAR)
    staff.keyboard.type("Hamnkvarterens")
    write(staff, "#id_handover-email", "vera@hotell.se")
    # From today, so ownership passes at acceptance; the date picker's own keys vary by browser.
    staff.fill("#id_handover-date", timezone.localdate().isoformat())
    press(staff, f"form[action='/sv/groups/{group.pk}/handover/'] button")
    owner = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(owner, vera)
    visit(owner, f"/sv/groups/{group.pk}/")
    press(owner, "form[action*='/handovers/'] button")
    assert Handover.objects.get(group=group).accepted_at is not None

    # 5. The work starts; the new owner reports outcomes; the office publishes.
    visit(staff, f"/sv/staff/cases/{case.pk}/")
    press(staff, "form.move:has(input[value=activate]) button")
    visit(owner, f"/sv/groups/{group.pk}/reports/new/")
    write(owner, "#id_summary", "Första året: **38 unga** fick sommarjobb på sex hotell.")
    write(owner, "#id_outcomes-0-label", "sommarjobb")
    write(owner, "#id_outcomes-0-number", "38")
    write(owner, "#id_outcomes-0-unit", "jobb")
    press(owner, "button[value=submit]")
    report = Report.objects.get(initiative=case)
    assert report.state == Report.State.SUBMITTED
    owner.context.close()
    visit(staff, f"/sv/groups/{group.pk}/reports/{report.pk}/")
    press(staff, "button[value=publish]")
    report.refresh_from_db()
    assert report.state == Report.State.PUBLISHED
    project = case.project
    visit(staff, f"/sv/staff/projects/{project.pk}/")
    write(staff, "#id_lead_sv", "Hotell och staden ger unga sitt första jobb.")
    staff.fill("#id_published_at", "2026-01-01T09:00")
    press(staff, "button[value=save]")
    project.refresh_from_db()
    assert project.is_published
    staff.context.close()

    # 6. The public sees it: the project page, the feed, the API and the figures.
    page.context.clear_cookies()
    visit(page, f"/sv/projects/{project.slug}/", "Sommarjobb för unga på hotell")
    shown = page.inner_text("main")
    assert "Hamnkvarterens Hotell AB" in shown and "sommarjobb" in shown and "38" in shown
    feed = page.goto("/sv/projects/feed/")
    assert feed.ok and "Sommarjobb för unga på hotell" in feed.text()
    api = json.loads(page.goto("/api/v1/projects").text())
    item = next(i for i in api["items"] if i["slug"] == project.slug)
    assert item["status"] == "running" and item["owner_organisation"] == company.name
    assert [(o["label"], float(o["number"]), o["unit"]) for o in item["outcomes"]] == [
        ("sommarjobb", 38.0, "jobb")
    ]
    visit(page, "/sv/figures/")
    assert "sommarjobb" in page.inner_text("main")
    for path in (f"/en/projects/{project.slug}/", "/en/figures/", "/en/projects/", "/en/"):
        visit(page, path)
