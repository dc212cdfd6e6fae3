"""The summary of a period in a browser: axe-clean at a phone's width and a desk's in both
languages with nothing to scroll sideways, printed with its button, downloaded as PDF; the
figures page's Excel downloads."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.browser


@pytest.fixture
def decided():
    received = timezone.now() - timedelta(days=30)
    for title, after in (("Sommarjobb på hotell och restauranger i Malmö", 4), ("Sent", 25)):
        initiative = InitiativeFactory(state=State.ADOPTED, title=title)
        initiative.start_clock(received)
        initiative.decided_at = received + timedelta(days=after)
        initiative.save()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_summary_is_accessible_prints_and_downloads(page, process_manager, decided, language):
    sign_in(page, process_manager)
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.goto(f"/{language}/staff/figures/summary/").ok
        assert page.locator("h1").count() == 1
        assert page.locator("section.summary-section").count() == 4
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width

    # The print button appears where a script can print, and prints when pressed by keyboard.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    tab_to(page, "button[data-print]")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") == 1

    with page.expect_download() as download:
        page.click("a[href*='summary.pdf']")
    assert download.value.suggested_filename == "meetmalmo-summary-all.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # A bad period, typed: the message beside the field, what was typed kept, nothing counted.
    page.fill("#id_start", "2014-06-01")
    tab_to(page, "form.filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("#id_start", "aria-invalid") == "true"
    assert page.input_value("#id_start") == "2014-06-01"
    assert page.locator("#id_start_error").is_visible()
    assert page.locator("section.summary-section").count() == 0
    assert_accessible(page)


def test_the_figures_page_downloads_its_tables_as_excel(page, process_manager, decided):
    sign_in(page, process_manager)
    assert page.goto("/en/staff/figures/").ok
    with page.expect_download() as download:
        page.click("a[href$='/staff/figures/decisions.xlsx']")
    assert download.value.suggested_filename == "meetmalmo-decisions-all.xlsx"
    with page.expect_download() as download:
        page.click("a[href$='/staff/figures/initiatives.xlsx']")
    assert download.value.suggested_filename == "meetmalmo-initiatives-all.xlsx"
    with open(download.value.path(), "rb") as workbook:
        assert workbook.read(2) == b"PK"  # a workbook is a zip file
    with page.expect_navigation():
        page.click("a[href$='/staff/figures/summary/']")
    assert page.locator("h1").inner_text() == "Meet Malmö in the period"
