"""Project pages and reports in a real browser: the group's owner writes the report with its
outcomes, a process manager publishes it, and the project page shows the outcomes in Swedish
and English; every page axe-clean in both languages."""

from datetime import timedelta

from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.publishing.models import Report
from meetmalmo.publishing.services import project_open


def test_a_report_is_written_published_and_shown_on_the_project_page(
    page, browser, live_server, process_manager
):
    group = forming_group(process_manager, title="Sommarjobb på hotell")
    case = group.initiative
    perform_transition(initiative=case, name="activate", actor=process_manager)
    perform_transition(initiative=case, name="complete", actor=process_manager)
    project = project_open(case, None)
    project.title_en = "Summer jobs in hotels"
    project.body_en = "Hotels **hire** young people."
    project.published_at = timezone.now() - timedelta(hours=1)
    project.save()
    owner = group.memberships.get(role="owner").user

    sign_in(page, owner)
    page.goto(f"/en/groups/{group.pk}/")
    with page.expect_navigation():
        page.click("text=Write a report")
    assert_accessible(page)
    page.fill("#id_summary", "Tusen unga mötte hotellen.")
    page.fill("#id_outcomes-0-label", "young people reached")
    page.fill("#id_outcomes-0-number", "1000")
    page.fill("#id_outcomes-0-unit", "people")
    with page.expect_navigation():
        page.click("button[value=submit]")
    report = Report.objects.get()
    assert report.state == "submitted"

    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto(f"/sv/groups/{group.pk}/reports/{report.pk}/")
    assert_accessible(staff)
    with staff.expect_navigation():
        staff.click("button[value=publish]")
    report.refresh_from_db()
    assert report.state == "published"
    staff.context.close()

    for language in ("sv", "en"):
        for path in ("/projects/", f"/projects/{project.slug}/", "/projects/?status=odd"):
            page.goto(f"/{language}{path}")
            assert_accessible(page)
        page.goto(f"/{language}/projects/{project.slug}/")
        assert "young people reached" in page.inner_text("main")
        assert "1" in page.inner_text("td.number")
    assert "Summer jobs in hotels" in page.inner_text("h1")
