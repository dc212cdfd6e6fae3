"""The figures pages in a browser: axe-clean in both languages, the staff page with a period and
with a bad one, reachable by keyboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.core.models import FocusArea
from meetmalmo.figures.tests.test_public_figures import achieved  # noqa: F401 - a fixture
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_figures_pages_are_accessible(page, process_manager, achieved, language):  # noqa: F811
    running, _done = achieved
    # Browser tests empty the database after each test, focus areas included.
    area, _ = FocusArea.objects.get_or_create(
        code="youth-employment", defaults={"name_sv": "Ungas jobb", "name_en": "Youth employment"}
    )
    running.initiative.focus_areas.add(area)
    running.initiative.decided_at = timezone.now()
    running.initiative.decision_due = running.initiative.submitted_at + timedelta(days=21)
    running.initiative.state = State.ACTIVE
    running.initiative.save()
    for path in ("/", "/figures/"):
        assert page.goto(f"/{language}{path}").ok
        assert page.locator(".headline-figures li").count() == 5
        assert_accessible(page)

    sign_in(page, process_manager)
    assert page.goto(f"/{language}/staff/figures/").ok
    assert page.locator("svg.chart").count() == 9
    assert_accessible(page)

    # A period by keyboard, then one that cannot be.
    page.fill("#id_start", "2020-01-01")
    tab_to(page, "form.filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "start=2020-01-01" in page.url
    assert page.locator("svg.chart").count() == 9
    page.goto(f"/{language}/staff/figures/?start=2026-05-01&end=2026-04-01")
    assert page.get_attribute("#id_end", "aria-invalid") == "true"
    assert page.input_value("#id_start") == "2026-05-01"
    assert page.locator("svg.chart").count() == 0
    assert_accessible(page)
