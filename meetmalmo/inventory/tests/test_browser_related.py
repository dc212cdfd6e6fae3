"""Related work in a real browser: while a member writes, a related effort appears beside the
form; in triage the process manager adds it to the inventory with a note, keyboard only."""

from meetmalmo.browser_testing import (
    assert_accessible,
    sign_in,
    submit_with_enter,
    tab_to,
    type_into,
)
from meetmalmo.initiatives.models import InventoryEntry
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory


def test_a_related_effort_appears_while_writing_and_joins_the_inventory(
    page, browser, live_server, member, process_manager
):
    effort = EffortFactory(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb i förvaltningar.",
        url="https://malmo.se/sommarjobb",
    )

    sign_in(page, member)
    page.goto("/en/initiatives/new/")
    assert "Efforts on the same subject appear here" in page.inner_text("#related-list")
    type_into(page, "#id_title", "Sommarjobb för ungdomar")
    page.wait_for_selector(f"#related-list >> text={effort.title}", timeout=10_000)
    assert "In common:" in page.inner_text("#related-list")
    page.wait_for_load_state("networkidle")  # no request still running when the test ends
    assert_accessible(page)

    case = InitiativeFactory(
        title="Sommarjobb på hotell", submitter=member, state=State.DRAFT, language="sv"
    )
    perform_transition(initiative=case, name="submit", actor=member)

    for language in ("en", "sv"):
        staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
        sign_in(staff, process_manager)
        staff.goto(f"/{language}/staff/cases/{case.pk}/")
        assert effort.title in staff.inner_text("#inventory-title + p + h3 + form + ol")
        assert_accessible(staff)
        staff.context.close()

    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto(f"/en/staff/cases/{case.pk}/")
    type_into(staff, f"#note-effort-{effort.pk}", "Samma målgrupp; kontakta förvaltningen.")
    tab_to(staff, "button[value=add]")
    with staff.expect_navigation():
        submit_with_enter(staff)
    entry = InventoryEntry.objects.get()
    assert (entry.effort, entry.note) == (effort, "Samma målgrupp; kontakta förvaltningen.")
    assert "Samma målgrupp" in staff.inner_text("#inventory-title ~ ul.inventory-list")
    assert "Added to the inventory" in staff.inner_text("main")
    assert_accessible(staff)
    staff.context.close()
