"""The register's staff pages in a real browser: axe-clean in both languages, bad lines shown."""

import pytest

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.inventory.models import Effort
from meetmalmo.inventory.tests.test_import_efforts import HEADER


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "path", ["staff/efforts/", "staff/efforts/new/", "staff/efforts/import/", "staff/efforts/{pk}/"]
)
def test_effort_pages_are_accessible(page, process_manager, lang, path):
    effort = Effort.objects.create(
        title="Hej Framtid",
        description="Unga möter besöksnäringen.",
        owner_org="Visita",
        sphere="industry_org",
    )
    sign_in(page, process_manager)
    page.goto(f"/{lang}/" + path.format(pk=effort.pk))
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_an_upload_with_bad_lines_is_accessible(page, process_manager, tmp_path):
    bad = tmp_path / "efforts.csv"
    bad.write_text(HEADER + "X,,Y,mafia,,,,active\n")
    sign_in(page, process_manager)
    page.goto("/en/staff/efforts/import/")
    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "mafia" in page.inner_text("table")
    assert_accessible(page)
